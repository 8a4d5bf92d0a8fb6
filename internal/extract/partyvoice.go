package extract

import (
	"strings"

	"github.com/art28/art28/internal/model"
)

// containsPhrase reports whether s holds one of the phrases where a word
// starts ("our instructions" not in "your instructions"), also with one
// word after the phrase's first word ("ihren dokumentierten Weisungen",
// "your written instructions").
func containsPhrase(s string, phrases []string) bool {
	for _, p := range phrases {
		head, tail, two := strings.Cut(p, " ")
		for from := 0; from < len(s); {
			i := strings.Index(s[from:], head)
			if i < 0 {
				break
			}
			at := from + i
			from = at + 1
			if at > 0 && (asciiWordByte(s[at-1]) || s[at-1] >= 0x80) {
				continue
			}
			rest := s[at+len(head):]
			if !two {
				if rest == "" || !asciiWordByte(rest[0]) && rest[0] < 0x80 {
					return true
				}
				continue
			}
			if strings.HasPrefix(rest, " "+tail) {
				return true
			}
			// One word between: " dokumentierten weisungen".
			if len(rest) > 1 && rest[0] == ' ' {
				if j := strings.IndexByte(rest[1:], ' '); j > 0 && j < 30 && strings.HasPrefix(rest[1+j:], " "+tail) && !strings.ContainsAny(rest[1:1+j], ".,;:") {
					return true
				}
			}
		}
	}
	return false
}

// selfWords are the words of a text's own voice.
var selfWords = []string{"wir", "uns", "unser", "unsere", "unserem", "unseren", "unserer", "unseres", "we", "us", "our"}

// selfWordCount counts the words of the text's own voice ("wir", "uns",
// "unsere", "we", "us", "our") in lower, up to limit.
func selfWordCount(lower string, limit int) int {
	n := 0
	for _, w := range selfWords {
		for from := 0; from < len(lower); {
			i := strings.Index(lower[from:], w)
			if i < 0 {
				break
			}
			at := from + i
			from = at + len(w)
			if (at == 0 || !asciiWordByte(lower[at-1])) && (from == len(lower) || !asciiWordByte(lower[from])) {
				n++
				if n >= limit {
					return n
				}
			}
		}
	}
	return n
}

// ownVoiceRole returns the role of the party the text speaks as ("wir",
// "we"): "processor" when it works on the addressee's instructions or
// behalf (parties.yaml own_voice processes), "controller" when the
// addressee works on its own (instructs, or a reversed voice); "" when
// the text does not speak as "wir"/"we" at least twice, or says both or
// neither.
func (x *extractor) ownVoiceRole() string {
	if x.voiceRole != "" {
		if x.voiceRole == "-" {
			return ""
		}
		return x.voiceRole
	}
	x.voiceRole = "-"
	ov := x.k.party.ownVoice
	if selfWordCount(x.lower, 2) < 2 {
		return ""
	}
	p, c := containsPhrase(x.lower, ov.Processes), containsPhrase(x.lower, ov.Instructs)
	if x.reversedVoice() {
		p, c = false, true
	}
	switch {
	case p && !c:
		x.voiceRole = "processor"
	case c && !p:
		x.voiceRole = "controller"
	default:
		return ""
	}
	return x.voiceRole
}

// weAreReading reads the party a text in its own voice names itself at
// the start of a sentence in its first n bytes: "Hallo! Wir sind die
// Bytegarten UG (haftungsbeschränkt), Kastanienallee 12, 10435 Berlin",
// "We are Pebblecourt Software Ltd, a company registered in …". The name
// must follow the words at once (German after its article) and end in a
// legal form ("We are a subsidiary of X plc", "Wir sind Mitglied im X
// e.V." name no party); its role is the voice's (ownVoiceRole), so a
// text without one reads nothing.
func (x *extractor) weAreReading(n int) (partyReading, bool) {
	ov := x.k.party.ownVoice
	head := x.lower[:min(n, len(x.lower))]
	if len(x.lower) != len(x.text) {
		return partyReading{}, false
	}
	for _, w := range ov.WeAre {
		for from := 0; from < len(head); {
			i := strings.Index(head[from:], w+" ")
			if i < 0 {
				break
			}
			at := from + i
			from = at + len(w)
			if !x.sentenceOpening(at) {
				continue
			}
			role := x.ownVoiceRole()
			if role == "" {
				return partyReading{}, false
			}
			start := at + len(w) + 1
			rest := x.text[start:min(n, start+200)]
			if e := strings.IndexAny(rest, "\n;"); e >= 0 {
				rest = rest[:e]
			}
			// The name up to its first legal form ("X Ltd, a company
			// registered in …").
			loc := x.k.party.legalRe.FindStringSubmatchIndex(rest + " ")
			if loc == nil || loc[3] > len(rest) {
				continue
			}
			rest = rest[:loc[3]]
			nr := x.readName(rest)
			if nr.name == "" || !nr.legal || strings.TrimSpace(rest[:nr.start]) != "" {
				continue
			}
			p := &model.Party{Name: x.undotted(nr.name), Owner: nr.owner, Brand: nr.brand, Evidence: x.evidencePtr(start+nr.start, start+nr.end)}
			tail := x.text[start+nr.end : min(n, start+nr.end+120)]
			if k := rePostcodeTown().FindStringIndex(tail); k != nil && !strings.Contains(tail[:k[0]], ".") {
				a := x.k.ParseAddress(collapse(strings.Trim(tail[:k[1]], ", ")), x.lang)
				p.Street, p.Postcode, p.City, p.Country = a.Street, a.Postcode, a.City, a.Country
			}
			return partyReading{role: role, party: p, at: at, src: "definition"}, true
		}
	}
	return partyReading{}, false
}

// sentenceOpening reports whether offset at of the text opens a line or
// a sentence, or follows a greeting that opens one ("Hallo! Wir sind",
// "Hi, we're").
func (x *extractor) sentenceOpening(at int) bool {
	j := at
	for j > 0 && (x.text[j-1] == ' ' || x.text[j-1] == '\t') {
		j--
	}
	if j == 0 || x.text[j-1] == '\n' {
		return true
	}
	switch x.text[j-1] {
	case '.', '!', '?':
		return j < at
	case ',':
		k := j - 1
		s := k
		for s > 0 && asciiWordByte(x.lower[s-1]) {
			s--
		}
		if !containsWord(x.k.party.ownVoice.Greetings, x.lower[s:k]) {
			return false
		}
		return s == 0 || x.text[s-1] == '\n' || x.sentenceOpening(s)
	}
	return false
}

// voiceSpeaker returns the company a text in its own voice ("wir",
// "we") speaks as when the text names it only outside its running text
// (own_voice imprint and register in parties.yaml): a letterhead line
// among the first three lines before the title ("Zeltwerk Software GmbH
// · Am Kanal 4 · 24103 Kiel", "Quillstone Payroll Ltd"), the first line
// after an imprint heading ("Impressum" / "Fahrschule Wendt GmbH"), or
// one of the last five lines opening with the company and giving its
// register ("Tallybird Software Limited, registered in England and
// Wales, company number …"). The company must open its line, fill its
// part of it up to the first separator and end in a legal form; a line
// holding a role word, a label or a title word is no letterhead. Nil
// when the text has no voice role, the role is not the one asked, or
// two places name different companies.
func (x *extractor) voiceSpeaker(role string) *model.Party {
	if len(x.lines) < 3 || len(x.lower) != len(x.text) {
		return nil
	}
	ov := x.k.party.ownVoice
	var found *model.Party
	take := func(ln line) bool {
		p := x.speakerLine(ln)
		if p == nil {
			return true
		}
		if found != nil && !sameKey(found.Key, p.Key) {
			found = nil
			return false
		}
		found = p
		return true
	}
	for i, ln := range x.lines {
		if i >= 3 || x.hasTitleWord(x.lower[ln.start:ln.end]) {
			break
		}
		if !take(ln) {
			return nil
		}
	}
	first := max(3, len(x.lines)-8)
	for i := first; i < len(x.lines); i++ {
		low := strings.Trim(x.lower[x.lines[i].start:x.lines[i].end], " :")
		if containsWord(ov.Imprint, low) && i+1 < len(x.lines) {
			if !take(x.lines[i+1]) {
				return nil
			}
			continue
		}
		if i >= len(x.lines)-5 && containsPhrase(low, ov.Register) {
			if !take(x.lines[i]) {
				return nil
			}
		}
	}
	// (The voice's role is asked last: reading it scans the whole text.)
	if found == nil || x.ownVoiceRole() != role {
		return nil
	}
	return found
}

// speakerLine reads a company that opens line ln and fills its first
// part (up to " · ", " | ", a comma, a tab or a column gap), ending in a
// legal form; nil otherwise.
func (x *extractor) speakerLine(ln line) *model.Party {
	t := ln.text
	if len(t) > 200 || x.k.party.roleRe.MatchString(t) || x.k.IsPlaceholder(t) {
		return nil
	}
	part := t
	for _, sep := range []string{" · ", " | ", ",", "\t", "   ", " – ", " - "} {
		if i := strings.Index(part, sep); i > 0 {
			part = part[:i]
		}
	}
	part = strings.TrimSpace(part)
	if strings.ContainsAny(part, ":;()[]_") {
		return nil
	}
	locs := x.k.party.legalRe.FindAllStringSubmatchIndex(part+" ", -1)
	if len(locs) != 1 || locs[0][3] != len(part) || x.walkBack(part, locs[0][2]) != 0 {
		return nil
	}
	nr := x.readName(part)
	if nr.name == "" || !nr.legal || nr.start != 0 {
		return nil
	}
	lead := strings.Index(t, part)
	p := &model.Party{Name: x.undotted(nr.name), Evidence: x.evidencePtr(ln.start+lead+nr.start, ln.start+lead+nr.end)}
	p.Key = vendorKey(x.k.party, p.Name)
	return p
}

// madeFor reads the customer a vendor's document was made out for: a
// line among the first three opening with a made_for label of
// parties.yaml ("Erstellt für: Bäckerei Kornblume GmbH, Mühlenstraße 8",
// "PDF-Export für X GmbH, … – Stand …", "Prepared for: X Ltd"), whose
// value opens with a company ending in a legal form (speakerLine). Nil
// otherwise.
func (x *extractor) madeFor() *model.Party {
	if len(x.lower) != len(x.text) {
		return nil
	}
	for i, ln := range x.lines {
		if i >= 3 {
			break
		}
		low := x.lower[ln.start:ln.end]
		for _, l := range x.k.party.ownVoice.MadeFor {
			if !strings.HasPrefix(low, l) {
				continue
			}
			rest := ln.text[len(l):]
			v := strings.TrimLeft(rest, ": ")
			if v == "" || len(v) == len(rest) && !strings.HasPrefix(rest, " ") {
				continue
			}
			at := ln.start + len(ln.text) - len(v)
			return x.speakerLine(line{start: at, end: ln.end, text: v})
		}
	}
	return nil
}

// roleAppositionReadings reads parties named in apposition right after
// their role word in the first n bytes: "Verantwortlicher ist der
// Auftraggeber, die Bäckerei Sommerfeld GmbH, Marktplatz 3, …", "Der
// Auftraggeber, der Reiterhof Birkenhain GbR, …, beauftragt den
// Auftragnehmer, die Stallmeister Software GmbH, …", "the processing by
// the Supplier, Heronsgate Data Ltd, of personal data". An article
// stands before the role word, a comma right after it; then an optional
// article and a company that ends in a legal form, whose words reach
// back to the comma (walkBack: "vertreten durch die X GmbH" is no
// apposition), followed by a comma, a bracket, a full stop, a semicolon
// or the line's end ("X GmbH und …" is a list).
func (x *extractor) roleAppositionReadings(n int) []partyReading {
	if len(x.lower) != len(x.text) {
		return nil
	}
	pk := x.k.party
	head := x.text[:min(n, len(x.text))]
	var out []partyReading
	// (The commas are sought, not the role words: a search for the role
	// words over the head cost 2 % of the pipeline.)
	for from := 0; ; {
		c := strings.Index(head[from:], ", ")
		if c < 0 {
			break
		}
		c += from
		from = c + 2
		// The role word before the comma: one word ("Auftraggeber"),
		// or two ("service provider").
		k, j := wordBefore(head, c)
		if k == j {
			continue
		}
		role, ok := pk.role[x.lower[k:j]]
		if !ok {
			if k2, j2 := wordBefore(head, k); k2 < j2 {
				if role, ok = pk.role[x.lower[k2:j]]; ok {
					k = k2
				}
			}
		}
		if !ok {
			continue
		}
		if a, b := wordBefore(head, k); a == b || !pk.article[x.lower[a:b]] || containsWord(pk.ownVoice.NotAppos, x.lower[a:b]) {
			continue
		}
		if c+2 >= len(head) {
			break
		}
		start := c + 2
		rest := head[start:min(len(head), start+160)]
		if e := strings.IndexByte(rest, '\n'); e >= 0 {
			rest = rest[:e]
		}
		if w, e := firstWord(rest); pk.article[strings.ToLower(w)] {
			sp := len(rest[e:]) - len(strings.TrimLeft(rest[e:], " "))
			start += e + sp
			rest = rest[e+sp:]
		}
		loc := pk.legalRe.FindStringSubmatchIndex(rest + " ")
		if loc == nil || loc[3] > len(rest) {
			continue
		}
		end := loc[3] + legalStatusLen(rest[loc[3]:])
		if end < len(rest) && !strings.ContainsRune(",;.()", rune(rest[end])) {
			continue
		}
		seg := rest[:end]
		if x.walkBack(seg, loc[2]) != 0 || x.k.IsPlaceholder(seg) || pk.roleRe.MatchString(seg) {
			continue
		}
		nr := x.readName(seg)
		if nr.name == "" || !nr.legal || nr.start != 0 {
			continue
		}
		p := &model.Party{Name: x.undotted(nr.name), Evidence: x.evidencePtr(start+nr.start, start+nr.end)}
		out = append(out, partyReading{role: role, party: p, at: k, src: "definition"})
	}
	return out
}
