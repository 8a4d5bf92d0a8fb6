package extract

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// reBodyName is a local public body's name after its kind: "Oberried",
// "Rottal-Isar", "Neustadt am Rübenberge" (capitalised words on one
// line, place words between them).
var reBodyName = lazyRegexp(`^ +(\p{Lu}[\p{L}\-]+(?:(?: (?:am|an der|im|ob der|ob|in der|bei))? \p{Lu}[\p{L}\-]+){0,2})`)

// reBodyControllerStated and reBodyProcessorStated are what follows the
// bare kind of a body that gives it its role: "Die Gemeinde ist
// Verantwortliche", "Die Gemeinde beauftragt …"; "Der Zweckverband ist
// Auftragsverarbeiter".
var (
	reBodyControllerStated = lazyRegexp(`^ (?:ist|bleibt) (?:\p{Ll}+ )?(?:(?:die|der) )?(?:verantwortliche|verantwortlicher|verantwortliche stelle)\b|^ (?:beauftragt|beauftragen)\b`)
	reBodyProcessorStated  = lazyRegexp(`^ (?:ist|handelt) (?:\p{Ll}+ )?(?:(?:die|der|als) )?auftragsverarbeiter`)
	reBodyArticle          = lazyRegexp(`(?i)(?:^|[\s(])(?:die|der|das|dem|den|des)\s+$`)
)

// bodyKindReadings reads the roles a German text gives a local public
// body by its kind alone, without a definition: "Gemeinde Oberried" in
// the head, "Die Gemeinde ist Verantwortliche" or "Die Gemeinde
// beauftragt die Cloudwerk Franken GmbH mit …" after it. The head must
// name exactly one body of that kind; the statement must use the kind
// bare (no name after it) after an article. "beauftragt" also names the
// firm after it, with a legal form, as the processor.
func (x *extractor) bodyKindReadings(head int) []partyReading {
	if x.lang != "de" || len(x.k.party.bodyHeads) == 0 {
		return nil
	}
	var out []partyReading
	for _, kind := range x.k.party.bodyHeads {
		r, n := utf8.DecodeRuneInString(kind)
		word := string(unicode.ToUpper(r)) + kind[n:]
		if !strings.Contains(x.text, word+" ") {
			continue
		}
		name, at := x.oneBodyOfKind(word, head)
		if name == "" {
			continue
		}
		role, stmt := x.bodyKindRole(word)
		if role == "" {
			continue
		}
		end := at + len(name)
		if nl := strings.IndexByte(x.text[end:], '\n'); nl >= 0 && nl < 160 {
			end += nl
		} else {
			end = min(len(x.text), end+160)
		}
		if j := strings.Index(x.text[at:end], " und "); j > len(name) {
			// "Die Gemeinde Oberried, Klosterplatz 4, 79254 Oberried, und
			// die Friedwald Software GmbH, …": the other party's address
			// is not the body's.
			end = at + j
		}
		b := []line{{start: at, end: end, text: x.text[at:end]}}
		for _, l := range x.lines {
			// "Gemeinde Lindach" over "Kirchplatz 2" / "91481 Lindach".
			if l.start > end && l.start <= end+2 && len(b) < 3 && len(l.text) < 60 && strings.ContainsAny(l.text, "0123456789") {
				b = append(b, l)
				end = l.end
			}
		}
		p := x.partyFromLines(b, true)
		if p.party == nil || p.party.Name != name {
			continue
		}
		p.role, p.at, p.src = role, at, "definition"
		out = append(out, p)
		if role == "controller" && stmt >= 0 {
			if o := x.commissionedFirm(stmt); o.party != nil {
				o.role, o.at, o.src = "processor", stmt, "definition"
				out = append(out, o)
			}
		}
	}
	return out
}

// bodyHead reports whether a capitalised word is the kind of a local
// public body ("Gemeinde").
func (x *extractor) bodyHead(w string) bool {
	lw := strings.ToLower(w)
	for _, h := range x.k.party.bodyHeads {
		if h == lw {
			return true
		}
	}
	return false
}

// bodyLine reports whether a line is a local public body's name alone:
// "Markt Kirchwald", "Gemeinde Neustadt am Rübenberge".
func (x *extractor) bodyLine(t string) bool {
	t = strings.TrimSpace(t)
	w, n := firstWord(t)
	if w == "" || !x.bodyHead(w) {
		return false
	}
	m := reBodyName().FindStringIndex(t[n:])
	return m != nil && n+m[1] == len(t)
}

// oneBodyOfKind returns the one name "<Kind> <Place>" in the first head
// bytes and its offset; "" when there is none or there are two.
func (x *extractor) oneBodyOfKind(word string, head int) (string, int) {
	name, at := "", -1
	s := x.text[:min(head, len(x.text))]
	for off := 0; ; {
		i := strings.Index(s[off:], word+" ")
		if i < 0 {
			break
		}
		i += off
		off = i + len(word)
		if i > 0 {
			if r, _ := utf8.DecodeLastRuneInString(s[:i]); unicode.IsLetter(r) || r == '-' {
				continue // "Kirchengemeinde", "Ortsgemeinde-"
			}
		}
		m := reBodyName().FindStringSubmatch(s[off:])
		if m == nil {
			continue
		}
		n := word + " " + m[1]
		if name != "" && n != name {
			return "", -1
		}
		if name == "" {
			name, at = n, i
		}
	}
	return name, at
}

// bodyKindRole returns the role a statement about the bare kind gives
// ("Die Gemeinde ist Verantwortliche", "Die Gemeinde beauftragt …",
// "nach Weisung der Gemeinde") and, for "beauftragt", the offset after
// the verb; "" when none or both are given.
func (x *extractor) bodyKindRole(word string) (string, int) {
	role, stmt := "", -1
	for off := 0; ; {
		i := strings.Index(x.text[off:], word)
		if i < 0 {
			break
		}
		i += off
		off = i + len(word)
		if !reBodyArticle().MatchString(x.text[max(0, i-6):i]) {
			continue
		}
		rest := x.text[off:min(len(x.text), off+80)]
		if r, _ := utf8.DecodeRuneInString(rest); unicode.IsLetter(r) || r == '-' {
			continue // "Gemeindewerke"
		}
		if m := reBodyName().FindStringIndex(rest); m != nil {
			continue // the name itself, not the kind alone
		}
		low := strings.ToLower(rest)
		var r string
		switch {
		case reBodyControllerStated().MatchString(low):
			r = "controller"
			if strings.HasPrefix(low, " beauftragt") && stmt < 0 {
				stmt = off + len(" beauftragt")
			}
		case reBodyProcessorStated().MatchString(low):
			r = "processor"
		case x.bodyGivesInstructions(i):
			r = "controller"
		default:
			continue
		}
		if role != "" && r != role {
			return "", -1
		}
		role = r
	}
	if role != "controller" {
		stmt = -1
	}
	return role, stmt
}

// reBodyInstructions is what stands before "der Gemeinde" when the body
// gives the instructions: "nach Weisung der", "im Auftrag des".
var reBodyInstructions = lazyRegexp(`(?i)(?:weisungen?|auftrag|auftrags)(?: und (?:nach |auf )?(?:weisungen?|auftrag))? (?:des|der)\s+$`)

// bodyGivesInstructions reports whether the kind at i follows a cue of
// instructions ("im Auftrag und nach Weisung der Gemeinde").
func (x *extractor) bodyGivesInstructions(i int) bool {
	return reBodyInstructions().MatchString(x.text[max(0, i-60):i])
}

// reCommissionedTail ends the firm a body commissions: " mit dem …",
// a comma or a full stop.
var reCommissionedTail = regexp.MustCompile(`\s+mit\s|[,.;]`)

// commissionedFirm reads the firm after "beauftragt": "die Cloudwerk
// Franken GmbH mit dem Hosting …"; it must carry a legal form.
func (x *extractor) commissionedFirm(at int) partyReading {
	s := x.text[at:min(len(x.text), at+160)]
	if m := reCommissionedTail.FindStringIndex(s); m != nil {
		s = s[:m[0]]
	}
	lead := len(s) - len(strings.TrimLeft(s, " "))
	r := x.partyFromLines([]line{{start: at + lead, end: at + len(s), text: strings.TrimSpace(s)}}, false)
	if r.party == nil || x.k.party.legalRe.FindStringIndex(" "+r.party.Name) == nil {
		return partyReading{}
	}
	return r
}
