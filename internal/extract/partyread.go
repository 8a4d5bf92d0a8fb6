package extract

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/art28/art28/internal/lexicon"
	"github.com/art28/art28/internal/model"
	"github.com/art28/art28/internal/prefilter"
)

// A partyReading is what one place of the contract says about one party:
// its name (party) or why it names none (note).
type partyReading struct {
	role  string // "processor" or "controller"
	party *model.Party
	note  string
	at    int    // offset of the place in the text
	src   string // "block", "definition", "signature", "title"
	short string // a short name defined with the party ("Caelex")
}

// Reading sources in the order they are trusted.
var partySources = []string{"block", "annex", "definition", "signature", "letter", "title"}

// parties reads processor and controller from the ways contracts
// introduce them (party blocks, "zwischen … und …" with role definitions,
// role statements, signature blocks, the title), then decides per role:
// the first name of the most trusted source, none when two readings name
// different parties, and a note saying why when none is named.
func (x *extractor) parties() model.Parties {
	limit := len(x.text) / 3
	if limit < 6000 {
		limit = 6000
	}
	var rs []partyReading
	rs = append(rs, x.blockReadings(limit)...)
	rs = append(rs, x.voiceLabelReadings()...)
	rs = append(rs, x.otherPartyReading(rs, limit)...)
	rs = append(rs, x.annexReadings()...)
	head := min(len(x.text), min(limit, 8000))
	defs, shorts := x.definitionReadings(head)
	rs = append(rs, defs...)
	rs = append(rs, x.bodyKindReadings(head)...)
	rs = append(rs, x.roleAppositionReadings(head)...)
	rs = append(rs, x.signatureReadings(limit)...)
	rs = append(rs, x.letterReadings()...)
	rs = append(rs, x.titleReadings()...)
	var p model.Parties
	var src string
	p.Processor, p.ProcessorNote, src = x.decide("processor", rs, shorts)
	p.Controller, p.ControllerNote, _ = x.decide("controller", rs, shorts)
	var accs []partyReading
	if p.Processor == nil || p.Controller == nil {
		// Accession declarations are read only when a role is still
		// open: trusted like signature blocks and read after them, they
		// cannot change a role already decided (and the scan is spared
		// on most texts).
		if accs = x.accessionReadings(); len(accs) > 0 {
			rs = append(rs, accs...)
			p.Processor, p.ProcessorNote, src = x.decide("processor", rs, shorts)
			p.Controller, p.ControllerNote, _ = x.decide("controller", rs, shorts)
		}
	}
	// "between Aurelian Therapeutics S.A. (the "Sponsor") and Lindqvist
	// Clinical Services AB (the "CRO") … the Sponsor is the controller …
	// the CRO processes the data on behalf of the Sponsor": of the two
	// parties the head defines by short names, the one without a role
	// read is the other party.
	if p.Processor == nil && p.Controller != nil {
		if o := x.otherShortParty(shorts, p.Controller.Key); o != nil {
			p.Processor, p.ProcessorNote, src = o, "", "definition"
		} else if o := x.otherHeadParty(shorts, p.Controller); o != nil {
			p.Processor, p.ProcessorNote, src = o, "", "definition"
		} else if o := x.undefinedOtherParty(p.Controller); o != nil {
			p.Processor, p.ProcessorNote, src = o, "", "definition"
		}
	} else if p.Controller == nil && p.Processor != nil {
		if o := x.otherShortParty(shorts, p.Processor.Key); o != nil {
			p.Controller, p.ControllerNote = o, ""
		} else if o := x.otherHeadParty(shorts, p.Processor); o != nil {
			p.Controller, p.ControllerNote = o, ""
		} else if o := x.undefinedOtherParty(p.Processor); o != nil {
			p.Controller, p.ControllerNote = o, ""
		}
	}
	if p.Processor == nil && p.Controller != nil {
		// "Die X SE … („Konzernmutter“) … handelt als deren
		// Auftragsverarbeiter" over a subsidiary's accession as
		// controller: the one company the head defines is the other party.
		if o := x.accessionOther(accs, shorts, p.Controller, "processor"); o != nil {
			p.Processor, p.ProcessorNote, src = o, "", "definition"
		}
	} else if p.Controller == nil && p.Processor != nil {
		if o := x.accessionOther(accs, shorts, p.Processor, "controller"); o != nil {
			p.Controller, p.ControllerNote = o, ""
		}
	}
	if p.Processor == nil || p.Controller == nil {
		if x.shortRoles(&p, shorts) && src == "" {
			src = "definition"
		}
	}
	if p.Controller == nil && p.Processor != nil {
		// "Handwerkskammer Weserbergland / Körperschaft … / 31785
		// Hameln" above the title, "Weisungen der Kammer" below.
		if o := x.letterheadParty(p.Processor); o != nil {
			p.Controller, p.ControllerNote = o, ""
		}
	}
	// A text in its own voice whose company stands only in its
	// letterhead, first line or imprint (voiceSpeaker).
	if p.Processor == nil {
		if o := x.voiceSpeaker("processor"); o != nil && (p.Controller == nil || !sameKey(o.Key, p.Controller.Key)) {
			p.Processor, p.ProcessorNote = o, ""
		}
	}
	if p.Controller == nil && p.Processor != nil {
		// "Erstellt für: Bäckerei Kornblume GmbH, …" over a vendor's
		// document that names the vendor as processor.
		if o := x.madeFor(); o != nil && !sameKey(o.Key, p.Processor.Key) {
			p.Controller, p.ControllerNote = o, ""
		}
	}
	if p.Controller == nil {
		if o := x.voiceSpeaker("controller"); o != nil && (p.Processor == nil || !sameKey(o.Key, p.Processor.Key)) {
			p.Controller, p.ControllerNote = o, ""
		}
	}
	x.addressElsewhere(p.Processor, head)
	x.addressElsewhere(p.Controller, head)
	if src == "title" && p.Controller != nil && sameKey(p.Processor.Key, p.Controller.Key) {
		// The title names the controller's own template.
		p.Processor, p.ProcessorNote = nil, ""
	}
	if p.Processor != nil && p.Controller != nil && p.Processor.Key == p.Controller.Key {
		p.Controller = nil
		p.ControllerNote = "not named: the name read for the controller is the processor's own (the processor's customer is not named)"
	}
	if p.Processor == nil && p.ProcessorNote == "" {
		p.ProcessorNote = "no processor named in the contract"
	}
	if p.Controller == nil && p.ControllerNote == "" {
		p.ControllerNote = "no controller named in the contract (template or filled in on signature)"
	}
	return p
}

// addressElsewhere fills the address of a party read without one from
// the first place in the head where its name stands with an address
// after a comma ("processing by Tidewell Software B.V., Herengracht 420,
// 1017 BZ Amsterdam, the Netherlands, on behalf of …" before '"we" refer
// to Tidewell Software B.V.').
func (x *extractor) addressElsewhere(p *model.Party, head int) {
	if p == nil || p.Street != "" || p.Postcode != "" || p.City != "" || p.Country != "" || len(p.Name) < 4 {
		return
	}
	for from := 0; from < head; {
		i := strings.Index(x.text[from:head], p.Name+",")
		if i < 0 {
			return
		}
		at := from + i
		from = at + len(p.Name)
		end := at + len(p.Name) + 160
		if nl := strings.IndexByte(x.text[at:min(len(x.text), end)], '\n'); nl >= 0 {
			end = at + nl
		}
		end = min(end, len(x.text))
		r := x.partyFromLines([]line{{start: at, end: end, text: x.text[at:end]}}, true)
		if r.party == nil || r.party.Name != p.Name || r.party.Postcode == "" {
			continue
		}
		p.Street, p.Postcode, p.City, p.Country = r.party.Street, r.party.Postcode, r.party.City, r.party.Country
		return
	}
}

// shortRoles gives the parties defined only by short names their roles
// when no reading named them: a role's abbreviation („AN“, "| AG | … |"),
// or the voice of the text, where one party's word names who gives
// instructions ("auf Weisung des Pflegedienstes", "on the Trust's
// documented instructions"); of two such parties the other takes the
// other role. It fills only roles without a party and reports whether it
// filled one.
func (x *extractor) shortRoles(p *model.Parties, shorts map[string]partyReading) bool {
	pk := x.k.party
	type cand struct {
		r    partyReading
		key  string
		role string
	}
	var cs []cand
	for _, sr := range shorts {
		if sr.party == nil || sr.short == "" {
			continue
		}
		k := vendorKey(pk, sr.party.Name)
		dup := false
		for i, c := range cs {
			if sameKey(c.key, k) {
				dup = true
				if sr.short < c.r.short {
					cs[i].r = sr // one reading per party, the same whatever the map's order
				}
			}
		}
		if !dup {
			cs = append(cs, cand{r: sr, key: k})
		}
	}
	if len(cs) == 0 || len(cs) > 2 {
		return false
	}
	for i := range cs {
		sr := cs[i].r
		// A party read without a legal form or an address is as likely
		// a defined term as a party.
		if !x.formalName(sr.party.Name) && sr.party.Postcode == "" && sr.party.City == "" && sr.party.Country == "" {
			return false
		}
		if r := x.statedRole(sr.short); r != "" {
			// "Tallowmere is the processor": the short name's role said
			// in so many words.
			cs[i].role = r
		} else if r, ok := pk.abbrev[sr.short]; ok {
			cs[i].role = r
		} else if x.givesInstructions(strings.ToLower(sr.short)) {
			cs[i].role = "controller"
		} else if r, ok := pk.role[strings.ToLower(sr.short)]; ok && (r == "processor" || r == "controller") {
			// "Client: …" beside "Translator: …": a label that is a role
			// word.
			cs[i].role = r
		}
	}
	if len(cs) == 2 && cs[0].role == "" && cs[1].role == "" {
		// A contract in the first person: the speaker never names itself
		// by its label, while it names the other party by its label
		// ("… wie die Praxis es mir sagt"): the label used again after
		// the head is the controller's.
		sa, sb := x.selfNamed(cs[0].r.short), x.selfNamed(cs[1].r.short)
		switch {
		case sa && !sb:
			// "Mit „wir“ ist in diesem Vertrag die Webagentur gemeint."
			cs[0].role, cs[1].role = "processor", "controller"
		case sb && !sa:
			cs[1].role, cs[0].role = "processor", "controller"
		case x.firstPersonText():
			ua, ub := x.usedAfter(cs[0].r), x.usedAfter(cs[1].r)
			switch {
			case ua && !ub:
				cs[0].role, cs[1].role = "controller", "processor"
			case ub && !ua:
				cs[1].role, cs[0].role = "controller", "processor"
			}
		}
	}
	if len(cs) == 2 {
		switch {
		case cs[0].role != "" && cs[0].role == cs[1].role:
			return false
		case cs[0].role == "" && cs[1].role != "":
			cs[0].role = otherRole(cs[1].role)
		case cs[1].role == "" && cs[0].role != "":
			cs[1].role = otherRole(cs[0].role)
		}
	}
	filled := false
	for _, c := range cs {
		slot := &p.Processor
		note := &p.ProcessorNote
		other := p.Controller
		if c.role == "controller" {
			slot, note, other = &p.Controller, &p.ControllerNote, p.Processor
		} else if c.role != "processor" {
			continue
		}
		if *slot != nil || other != nil && sameKey(other.Key, c.key) {
			continue
		}
		party := *c.r.party
		party.Key = c.key
		if party.ShortName == "" {
			party.ShortName = c.r.short
		}
		*slot, *note = &party, ""
		filled = true
	}
	return filled
}

// reStatedRole is a role stated right after a party's short name: " is
// the processor", " acts as controller", " ist Auftragsverarbeiter", also
// with an adverb before the role (" ist dabei Auftragsverarbeiter", " is
// therefore the processor"; "ist insoweit nicht Auftragsverarbeiter"
// states none).
var reStatedRole = lazyRegexp(`^\s+(?:is|acts as|shall act as|ist|handelt als)\s+(?:(?:insoweit|insofern|dabei|hierbei|therefore|thus|accordingly)\s+)?(?:the\s+|a\s+|its\s+|der\s+|die\s+)?(?:data\s+)?(processor|controller|auftragsverarbeiter|verantwortliche[r]?)\b`)

// statedRole returns the role the text gives a short name in so many
// words ("Acme is the processor"), or "" when it gives none or both.
func (x *extractor) statedRole(short string) string {
	if len(short) < 2 || len(x.lower) != len(x.text) {
		return ""
	}
	ls := prefilter.Lower(short)
	role := ""
	for from := 0; ; {
		i := strings.Index(x.lower[from:], ls)
		if i < 0 {
			break
		}
		i += from
		from = i + len(ls)
		if i > 0 {
			if r, _ := utf8.DecodeLastRuneInString(x.lower[:i]); unicode.IsLetter(r) {
				continue
			}
		}
		m := reStatedRole().FindStringSubmatch(x.lower[from:min(len(x.lower), from+60)])
		if m == nil {
			continue
		}
		r := x.k.party.role[m[1]]
		if r != "processor" && r != "controller" {
			continue
		}
		if role != "" && role != r {
			return ""
		}
		role = r
	}
	return role
}

// givesInstructions reports whether the text names the party of the
// lower-case short name s as the one whose instructions are followed:
// "Weisung des Pflegedienstes", "instructions of the Trust", "the
// Trust's documented instructions", "Die Einrichtung erteilt dem
// Hersteller Weisungen".
func (x *extractor) givesInstructions(s string) bool {
	if len(s) < 3 {
		return false
	}
	low := x.lower
	pk := x.k.party
	// One scan for the short name; the cue is sought right before it and
	// the possessive right after it.
	for from := 0; ; {
		i := strings.Index(low[from:], s)
		if i < 0 {
			return false
		}
		at := from + i
		from = at + len(s)
		before := low[max(0, at-48):at]
		for _, mid := range []string{"", "the ", "dokumentierten ", "documented ", "the documented "} {
			if !strings.HasSuffix(before, mid) {
				continue
			}
			b := strings.TrimRight(before[:len(before)-len(mid)], " ")
			for _, c := range pk.instrCue {
				if strings.HasSuffix(b, c) && !x.thirdFirmBehalf(c, at) {
					return true
				}
			}
		}
		after := low[from:min(len(low), from+40)]
		for _, o := range pk.instrOwn {
			if strings.HasPrefix(after, o) {
				return true
			}
		}
		if strings.HasPrefix(after, " erteil") {
			// "Die Einrichtung erteilt dem Hersteller Weisungen".
			end := min(len(low), at+120)
			if j := strings.IndexAny(low[at:end], ".;\n"); j > 0 {
				end = at + j
			}
			if strings.Contains(low[at:end], "weisung") {
				return true
			}
		}
	}
}

// thirdFirmBehalf reports whether the cue c before the short name at
// offset at says for whom a third firm works: a behalf cue ("im Auftrag
// des Labors holt der Kurierdienst Blitz GmbH … ab") in a sentence that
// names a company by its legal form.
func (x *extractor) thirdFirmBehalf(c string, at int) bool {
	if !slices.Contains(x.k.party.behalf, c) {
		return false
	}
	start := max(0, at-200)
	if j := strings.LastIndexAny(x.text[start:at], ".;\n"); j >= 0 {
		start += j + 1
	}
	end := min(len(x.text), at+300)
	if j := strings.IndexAny(x.text[at:end], ";\n"); j >= 0 {
		end = at + j
	}
	for _, j := range sentenceStarts(x.text[at:end]) {
		if j > 0 {
			end = at + j
			break
		}
	}
	return x.k.party.legalRe.FindStringIndex(x.text[start:end]) != nil
}

// otherHeadParty returns the one party the head defines by a short name
// of its own beside the known party ("Die Hochschule für Technik Waldtal,
// Körperschaft des öffentlichen Rechts, …, 79100 Waldtal – nachfolgend
// „Hochschule“ – und die Prüfungsportal GmbH, … – nachfolgend
// „Dienstleisterin“ –"). A public body or a practice has no legal form,
// so its address must stand with it, and its definition within a few
// lines of the known party's, joined to it by "und" or "beauftragt" with
// no heading between. Nil when there is none or more than one.
func (x *extractor) otherHeadParty(shorts map[string]partyReading, known *model.Party) *model.Party {
	if known == nil || known.Evidence == nil {
		return nil
	}
	var found *partyReading
	for _, sr := range shorts {
		if sr.party == nil || sr.role != "" || sr.party.Evidence == nil {
			continue
		}
		if sameKey(vendorKey(x.k.party, sr.party.Name), known.Key) {
			continue
		}
		if found != nil {
			if !sameKey(vendorKey(x.k.party, found.party.Name), vendorKey(x.k.party, sr.party.Name)) {
				return nil
			}
			if sr.short >= found.short {
				continue
			}
		}
		r := sr
		found = &r
	}
	if found == nil || found.party.Postcode == "" && !x.addressOnLine(found.party.Evidence.Start) {
		return nil
	}
	a, b := min(found.party.Evidence.Start, known.Evidence.Start), max(found.party.Evidence.Start, known.Evidence.Start)
	if b-a > 600 || b > len(x.text) || !reHeadJoin().MatchString(x.text[a:b]) && !x.adjacentHeads(a, b) {
		return nil
	}
	for _, l := range splitLines(x.text[a:b]) {
		if headingish(l.text) || strings.HasPrefix(l.text, "§") {
			// A section between them: the other is named in the body
			// (a sub-processor), not in the head.
			return nil
		}
	}
	return x.namedParty(*found)
}

// namedParty returns a copy of a reading's party with its key and, where
// the party has no short name of its own, the reading's.
func (x *extractor) namedParty(r partyReading) *model.Party {
	o := *r.party
	o.Key = vendorKey(x.k.party, o.Name)
	if o.ShortName == "" {
		o.ShortName = r.short
	}
	return &o
}

// addressOnLine reports whether the line from offset at (a party's name)
// holds a postcode and town further on: "Zwischen dem Kreis X, vertreten
// durch den Kreisausschuss, dieser vertreten durch die Landrätin,
// Kreishausplatz 2, 36251 X" (a body's address after its
// representatives, which the name's reading stops before).
func (x *extractor) addressOnLine(at int) bool {
	if at < 0 || at >= len(x.text) {
		return false
	}
	end := strings.IndexByte(x.text[at:], '\n')
	if end < 0 {
		end = len(x.text) - at
	}
	return end <= 400 && rePostcodeCity.MatchString(x.text[at:at+end])
}

// adjacentHeads reports whether the party read at offset b opens the line
// right under the block of the party read at offset a, that block ending
// in its definition ("X e.K., …, 23552 Lübeck – im Folgenden „Kunde“ –"
// over "Y GmbH, … – im Folgenden „Agentur“ –"): a head of two party
// paragraphs without "und" between them.
func (x *extractor) adjacentHeads(a, b int) bool {
	ls := strings.LastIndexByte(x.text[:b], '\n') + 1
	if strings.TrimSpace(x.text[ls:b]) != "" || ls <= a {
		return false
	}
	prev := strings.TrimRight(x.text[a:ls], " \t\n")
	if strings.Count(x.text[a+len(prev):ls], "\n") > 2 {
		return false
	}
	last := prev[strings.LastIndexByte(prev, '\n')+1:]
	if !strings.HasSuffix(last, "–") && !strings.HasSuffix(last, "-") && !strings.HasSuffix(last, ")") {
		return false
	}
	low := strings.ToLower(last)
	for _, w := range defOpeners {
		if strings.Contains(low, w) {
			return true
		}
	}
	return false
}

// undefinedOtherParty returns the company that a head "zwischen A …
// (nachfolgend „Kunde“) und der B GmbH, Weg 1, 12345 Ort" names after
// the known party A without defining it: the paragraph right after A's
// (no heading between) opens with "und"/"and", and B has a legal form.
// Nil otherwise.
func (x *extractor) undefinedOtherParty(known *model.Party) *model.Party {
	if known == nil || known.Evidence == nil || known.Evidence.End > len(x.text) {
		return nil
	}
	ks, ke := known.Evidence.Start, known.Evidence.End
	if !reBetweenBefore.MatchString(x.text[max(0, ks-40):ks] + " ") {
		return nil
	}
	// The end of the known party's paragraph, then the next one.
	pe := strings.Index(x.text[ke:], "\n\n")
	if pe < 0 || pe > 300 {
		return nil
	}
	at := ke + pe
	for at < len(x.text) && (x.text[at] == '\n' || x.text[at] == ' ') {
		at++
	}
	end := strings.Index(x.text[at:], "\n\n")
	if end < 0 {
		end = len(x.text) - at
	}
	if end > 300 {
		return nil
	}
	para := x.text[at : at+end]
	low := strings.ToLower(para)
	var rest string
	for _, c := range []string{"und ", "and ", "sowie "} {
		if strings.HasPrefix(low, c) {
			rest = para[len(c):]
		}
	}
	if rest == "" || strings.Contains(rest, "(") || strings.ContainsAny(rest, "„“\"") || strings.Contains(rest, "\n") {
		// (A definition of its own is read elsewhere.)
		return nil
	}
	off := at + len(para) - len(rest)
	r := x.partyFromLines([]line{{start: off, end: off + len(rest), text: rest}}, false)
	if r.party == nil || x.k.party.legalRe.FindStringIndex(" "+r.party.Name) == nil || sameKey(vendorKey(x.k.party, r.party.Name), known.Key) {
		return nil
	}
	o := *r.party
	o.Key = vendorKey(x.k.party, o.Name)
	return &o
}

// reHeadJoin is a word that joins the two parties of a contract's head
// ("… – nachfolgend „Praxis“ – und die …", "… beauftragt die …").
var reHeadJoin = lazyRegexp(`(?i)(?:^|\s)(?:und|sowie|and|beauftragt|beauftragen|zwischen|between)(?:\s|$)`)

// otherShortParty returns the other of exactly two companies defined by
// short names in the contract's head when one of them has the given key,
// or nil.
func (x *extractor) otherShortParty(shorts map[string]partyReading, key string) *model.Party {
	var parties []partyReading
	for _, sr := range shorts {
		if sr.party == nil || sr.role != "" && sr.src != "definition" {
			continue
		}
		k := vendorKey(x.k.party, sr.party.Name)
		dup := false
		for _, q := range parties {
			if sameKey(vendorKey(x.k.party, q.party.Name), k) {
				dup = true
				break
			}
		}
		if !dup {
			parties = append(parties, sr)
		}
		if len(parties) > 2 {
			return nil
		}
	}
	if len(parties) != 2 || !x.formalName(parties[0].party.Name) || !x.formalName(parties[1].party.Name) {
		return nil
	}
	for i, q := range parties {
		if sameKey(vendorKey(x.k.party, q.party.Name), key) {
			return x.namedParty(parties[1-i])
		}
	}
	return nil
}

// decide picks the party of one role from the readings.
func (x *extractor) decide(role string, rs []partyReading, shorts map[string]partyReading) (*model.Party, string, string) {
	var first *partyReading
	note := ""
	for _, src := range partySources {
		for i := range rs {
			r := &rs[i]
			if r.role != role || r.src != src {
				continue
			}
			if r.party != nil && x.streetAsName(r.party.Name) {
				// "of 5 Whiteladies Road" after a name not read: an
				// address is no party's name.
				continue
			}
			if r.party == nil {
				if note == "" && r.src != "signature" && r.src != "title" {
					note = r.note
				}
				continue
			}
			if first == nil {
				first = r
			}
		}
		if first != nil {
			break
		}
	}
	if first == nil {
		for _, r := range rs {
			if r.role == role && r.short != "" && note != "" && !strings.Contains(note, r.short) {
				// "[[Firma, Anschrift]] („Bekvor“)": the short name is all
				// the contract gives.
				note += " (defined short name „" + r.short + "“)"
				break
			}
		}
		return nil, note, ""
	}
	if first.src == "definition" && x.weakName(first.party.Name) {
		if _, ok := shorts[strings.ToLower(first.party.Name)]; !ok {
			// "Accountant (Processor)": one word without a legal form in
			// running text is as likely a defined term as a name.
			return nil, noteRoleOnly, ""
		}
	}
	chosen := *first.party
	if sr, ok := shorts[strings.ToLower(chosen.Name)]; ok && sr.party != nil && sr.party.Name != chosen.Name {
		// "Caelex (Auftragsverarbeiter)" after "Caelex GmbH, … („Caelex“)".
		full := *sr.party
		full.ShortName = chosen.Name
		chosen = full
	}
	if chosen.ShortName == "" {
		chosen.ShortName = first.short
	}
	chosen.Key = vendorKey(x.k.party, chosen.Name)
	if chosen.ShortName == "" {
		// A short name defined for the same company elsewhere in the head.
		var names []string
		for _, sr := range shorts {
			if sr.party != nil && sr.short != "" && vendorKey(x.k.party, sr.party.Name) == chosen.Key {
				names = append(names, sr.short)
			}
		}
		sort.Strings(names)
		if len(names) > 0 {
			chosen.ShortName = names[0]
		}
	}
	// Two trusted readings that name different parties: report none.
	for _, r := range rs {
		if r.role != role || r.party == nil || r.src == "signature" || r.src == "title" || first.src == "signature" || first.src == "title" {
			continue
		}
		other := vendorKey(x.k.party, r.party.Name)
		if sr, ok := shorts[strings.ToLower(r.party.Name)]; ok && sr.party != nil {
			other = vendorKey(x.k.party, sr.party.Name)
		}
		if r.party.Name != chosen.Name && len(strings.Fields(r.party.Name)) >= 2 && (chosen.Owner == r.party.Name || hasWord(strings.ToLower(chosen.Name), strings.ToLower(r.party.Name))) {
			// "Ich, Kai Brandt, …" beside "IT-Hilfe Kai Brandt, Inhaber
			// Kai Brandt": the sole trader and the firm that bears the
			// owner's name are one party.
			continue
		}
		if !sameKey(other, chosen.Key) && !sameKey(other, vendorKey(x.k.party, chosen.ShortName)) {
			return nil, fmt.Sprintf("readings disagree: %q and %q are both named as the %s; none is reported", chosen.Name, r.party.Name, role), ""
		}
	}
	return &chosen, "", first.src
}

// sameKey reports whether two vendor keys name the same party: equal, or
// one the start of the other ("fortrabbit" and "fortrabbit gmbh").
func sameKey(a, b string) bool {
	if a == "" || b == "" {
		return false
	}
	return strings.HasPrefix(a, b) || strings.HasPrefix(b, a)
}

var (
	reKeyPunct  = lazyRegexp(`[^\p{L}\p{N}&]+`)
	reKeyDomain = prefilter.MustCompile(`(?i)^[\p{L}\p{N}\-]+(?:\.[\p{L}\p{N}\-]+)*\.[a-z]{2,10}\s+[-–—]\s+`)
)

// vendorKey normalises a party's name into the key the register files
// versions of a vendor's contracts under (docs/json.md): lower case,
// legal-form spellings unified ("G.m.b.H." → "gmbh", "e. K." → "ek"), a
// leading web-address brand dropped ("ALL-INKL.COM - Neue Medien
// Münnich" → "neue medien münnich"), punctuation removed.
func vendorKey(pk *partyKnowledge, name string) string {
	if name == "" {
		return ""
	}
	s := " " + strings.ToLower(strings.TrimSpace(name)) + " "
	if m := reKeyDomain.FindStringIndex(strings.TrimSpace(s)); m != nil {
		s = " " + strings.TrimSpace(s)[m[1]:] + " "
	}
	for _, kf := range pk.keyForms {
		for {
			m := kf.re.FindStringIndex(s)
			if m == nil {
				break
			}
			// Keep the separators around the form.
			lead, trail := s[m[0]:m[0]+1], s[m[1]-1:m[1]]
			if strings.TrimSpace(lead) != "" && lead != "," {
				lead = ""
			}
			s = s[:m[0]] + " " + kf.canonical + " " + s[m[1]:]
			_ = trail
		}
	}
	s = reKeyPunct().ReplaceAllString(s, " ")
	return strings.Join(strings.Fields(s), " ")
}

// blockReadings reads the parties of role-labelled blocks in the first
// limit bytes: a label line before the block ("Auftragnehmer:",
// "Verantwortlicher (Auftraggeber)"), after it ("– nachfolgend
// „Auftragnehmer“ –") or with the name on the same line ("Auftragnehmer:
// Muster GmbH, Weg 1, 12345 Ort").
func (x *extractor) blockReadings(limit int) []partyReading {
	var out []partyReading
	seen := map[string]bool{}
	annexFrom, annexTo := x.partyAnnex(limit)
	for i, ln := range x.lines {
		if ln.start > limit && (ln.start < annexFrom || ln.start >= annexTo) {
			if ln.start >= annexTo {
				break
			}
			continue
		}
		if len(ln.text) > 400 || !x.k.cue("party_roles").In(x.lower[ln.start:ln.end]) && !x.abbrevLabel(ln.text) {
			continue
		}
		if role := x.blankRoleRow(ln.text); role != "" {
			// "| Auftraggeber | | |": the row's cells are not filled in.
			if !seen[role] {
				seen[role] = true
				out = append(out, partyReading{role: role, note: noteBlank, at: ln.start, src: "block"})
			}
			continue
		}
		if cols := x.columnBlocks(i); cols != nil {
			// "Auftraggeber:\tAuftragnehmer:" over the two blocks side by
			// side (tab stops or a table).
			for _, c := range cols {
				if seen[c.role] {
					continue
				}
				r := x.partyFromLines(c.block, false)
				if r.party != nil && i > x.lastProse() && r.party.Postcode == "" && r.party.Street == "" && x.personLike(r.party.Name) && x.k.party.legalRe.FindStringIndex(" "+r.party.Name) == nil {
					// "Auftraggeber<TAB>Auftragnehmer" over "Jana Roth<TAB>Tim
					// Berger" after the last clause: the signatories, not
					// the parties.
					r.party, r.note = nil, noteSignatory
				}
				r.role, r.at, r.src = c.role, ln.start, "block"
				seen[c.role] = true
				out = append(out, r)
			}
			continue
		}
		if strings.HasPrefix(ln.text, "|") && x.columnBlocksOf(i, true) != nil {
			// "| | Quillby, Inc. | Customer |" over "| Company | Quillby,
			// Inc. | Ostra AB |": the row heads a table's columns; the
			// role is not the name's label (signatureReadings reads the
			// role's column).
			continue
		}
		var kind, role string
		valueAt := 0
		if len(ln.text) <= 120 || x.joinedBlockLine(ln) || labelCellRow(ln.text) {
			// A long line is a label only with the party's joined block
			// after it ("Auftragnehmer: Muster GmbH Weg 1 12345 Ort …")
			// or as a table row whose first cell is the label
			// ("Auftragnehmer | Muster GmbH | Weg 1, 12345 Ort | …"),
			kind, role, valueAt = x.labelKind(ln.text)
		} else if k, r, at := x.labelKind(ln.text[:runeStart(ln.text, 120)]); k == "same" && at < 40 {
			// or a company described after its name: "Provider: Example
			// Ltd, a company incorporated in Ireland (registered number
			// 123456) with its registered office at …".
			if a, _ := x.k.legalForm(ln.text[at:min(len(ln.text), at+100)]); a > 0 || x.namedWithAddress(ln.text[at:]) || x.bracketRemarkLead(i, ln.text[at:]) > 0 {
				kind, role, valueAt = k, r, at
			}
		}
		if kind == "" {
			// The label ends the block's joined paragraph: "Muster GmbH
			// Weg 1 12345 Ort – Auftraggeber –".
			if at, r := x.trailingLabel(ln.text); at > 0 {
				kind, role, valueAt = "inline", r, at
			}
		}
		roleAt := -1 // the role's cell of a party table's row
		if kind == "" {
			// "Bergsport Huber e.U.<TAB>Verantwortlicher<TAB>Dorfplatz 5,
			// 6370 Kitzbühel" under "Vertragspartner<TAB>Rolle<TAB>…".
			if k, r := x.roleCellRow(i); k > 0 {
				kind, role, roleAt = "column", r, k
			}
		}
		if kind == "" || seen[role] {
			continue
		}
		if x.inSubAnnex(i) {
			// "Service provider: X B.V., …" under "Schedule 3 –
			// Authorised Sub-processors" names a sub-processor.
			continue
		}
		nameLine := -1
		if kind == "same" {
			// "Controller(s): [Identity and contact details of the
			// controller(s) …]" above "1. Name: …": the standard
			// clauses' Annex I explains the entry and gives the party
			// below.
			nameLine = x.bracketRemarkLead(i, ln.text[valueAt:])
		}
		var block []line
		roleCell := false // the role is the last cell of a table row
		switch kind {
		case "inline":
			head := strings.TrimRight(ln.text[:valueAt], " ")
			block = []line{{start: ln.start, end: ln.start + len(head), text: head}}
			if cs := cells(head); cs != nil {
				// A table row ending in the role: its cells are the
				// block's lines.
				block, roleCell = x.cellLines(ln, cs), true
			}
		case "same":
			if nameLine > 0 {
				block = x.blockAfter(nameLine - 1)
				break
			}
			v := ln.text[valueAt:]
			if at, r2, v2 := x.secondLabel(v); at > 0 && r2 != role && !seen[r2] {
				// "Auftraggeber: A GmbH, Weg 1, 12345 Ort Auftragnehmer: B
				// AG, …": two labelled blocks joined into one line.
				b2 := []line{{start: ln.start + valueAt + v2, end: ln.end, text: v[v2:]}}
				if r := x.partyFromLines(b2, true); r.party != nil {
					r.role, r.at, r.src = r2, ln.start+valueAt+at, "block"
					seen[r2] = true
					out = append(out, r)
				}
				v = strings.TrimRight(v[:at], " ")
			}
			block = []line{{start: ln.start + valueAt, end: ln.start + valueAt + len(v), text: v}}
			// A tab-aligned value ("Auftragnehmer:\tMuster GmbH") starts
			// after the tab, which is no list separator.
			if v := strings.TrimLeft(v, " \t"); x.firstPart(v) == len(v) {
				block = append(block, x.blockAfter(i)...)
			}
		case "column":
			cs := cells(ln.text)
			block, roleCell = x.cellLines(ln, append(cs[:roleAt:roleAt], cs[roleAt+1:]...)), true
		case "lead":
			block = x.blockAfter(i)
		case "trailer":
			block = x.blockBefore(i)
		}
		r := x.partyFromLines(block, kind == "same")
		if r.party != nil && kind == "lead" && r.party.Postcode == "" && r.party.Street == "" && x.signedBlock(block) &&
			x.personLike(r.party.Name) && x.k.party.legalRe.FindStringIndex(" "+r.party.Name) == nil {
			// "CUSTOMER" over "By: Mark Ellison" / "Name: Mark Ellison":
			// the block is signed, the person is its signatory.
			r.party, r.note = nil, noteSignatory
		}
		if kind == "inline" {
			if r.party == nil || r.party.Postcode == "" && !roleCell {
				// Only a party block with its address ends in its label; a
				// sentence may end in a role in parentheses. (A table's
				// role column labels its row.)
				continue
			}
			// The evidence quotes the label too.
			r.party.Evidence = x.evidencePtr(r.party.Evidence.Start, ln.end)
		}
		if kind == "column" && r.party == nil {
			continue
		}
		if kind == "lead" && len(block) == 0 && i+1 < len(x.lines) {
			// The next party's label right after this one: the rule lines
			// of a blank form field are lost in the rendering.
			if k2, r2, _ := x.labelKind(x.lines[i+1].text); k2 == "lead" && r2 != role {
				r.note = noteBlank
			}
		}
		if kind == "same" {
			// "Auftragsverarbeiter: [[Firma, Anschrift]] („Bekvor“)".
			v := ln.text[valueAt:]
			if o, c := strings.LastIndex(v, "("), strings.LastIndex(v, ")"); o >= 0 && c > o {
				if _, sh, ok := x.parseDef(v[o+1 : c]); ok && len(sh) > 0 {
					r.short = sh[0]
				}
			}
		}
		if r.party == nil && r.note == noteFragment && len(block) > 0 && len(block[0].text) > 90 {
			r.note = noteGeneric
		}
		r.role, r.at, r.src = role, ln.start, "block"
		seen[role] = true
		out = append(out, r)
	}
	return out
}

var (
	// reRoleParen is what may stand between a role word and its colon:
	// "Auftragnehmer (Auftragsverarbeiter):".
	// "Customer Name:", "Supplier legal name:": the field of the party's
	// name in an order form's head.
	reRoleParen = prefilter.MustCompile(`(?i)^\s*(?:(?:legal\s+|full\s+|company\s+)?name\b)?\s*(?:/\s*\p{L}+)?\s*(?:\([^)]{0,80}\))?\s*(?:stelle|(?:im sinne|gemäß|gem\.|nach|i\.\s?s\.\s?d\.)[^:|]{0,60})?\s*$`)
	// reLeadRest is what may follow the role word of a label line before
	// its block: a role in parentheses, a colon, a definition or remark
	// after a dash ("– im Folgenden „Auftragsverarbeiter“").
	reLeadRest   = prefilter.MustCompile(`(?i)^\s*(?:/\s*\p{L}+)?\s*(?:\([^)]{0,80}\))?\s*(?:stelle|(?:im sinne|gemäß|gem\.|nach|i\.\s?s\.\s?d\.)[^:|]{0,60})?\s*:?\s*(?:[–—-].*)?$`)
	reLabelValue = prefilter.MustCompile(`^[^:]{2,60}:\s*`)
)

// partyAnnex returns the span of an annex that lists the parties
// ("ANNEX I – LIST OF PARTIES", "Anlage 1 – Parteien"; parties.yaml
// party_annex_titles) after the first limit bytes: from its title line to
// the next annex title or 3,000 bytes on. 0, 0 when there is none.
func (x *extractor) partyAnnex(limit int) (int, int) {
	from := -1
	for _, ln := range x.lines {
		if from >= 0 {
			if ln.start-from > 3000 || x.annexHeadingTitle(ln.text) != "" {
				return from, ln.start
			}
			continue
		}
		if ln.start <= limit || len(ln.text) > 80 {
			continue
		}
		if t := x.annexHeadingTitle(ln.text); t != "" && x.partyAnnexTitle(t) {
			from = ln.start
		}
	}
	if from < 0 {
		return 0, 0
	}
	return from, len(x.text)
}

// partyAnnexTitle reports whether an annex title (lower case) lists the
// parties: a title of party_annex_titles, alone or joined by "and"/"und"
// to more ("parties and details of processing", "Parteien und
// Beschreibung der Verarbeitung"), never a sub-processors' title.
func (x *extractor) partyAnnexTitle(t string) bool {
	pk := x.k.party
	if pk.annexTtl[t] {
		return true
	}
	for _, j := range []string{" and ", " und ", " & "} {
		if a, _, ok := strings.Cut(t, j); ok && pk.annexTtl[a] {
			for _, w := range pk.subAnnex {
				if strings.Contains(t, w) {
					return false
				}
			}
			return true
		}
	}
	return false
}

// annexHeadingTitle returns the title of an annex heading line ("ANNEX I – LIST
// OF PARTIES" → "list of parties", "Anlage 1: Parteien" → "parteien"),
// lower-cased, or "" when t is no annex heading.
func (x *extractor) annexHeadingTitle(t string) string {
	t = strings.Trim(t, " \t*#")
	if len(t) > 80 || len(t) < 6 || !strings.ContainsRune(x.k.party.annexFirst, rune(t[0]|0x20)) {
		// No annex word opens with the line's first letter.
		return ""
	}
	t = strings.ToLower(t)
	for _, w := range x.k.party.annexWord {
		if !strings.HasPrefix(t, w+" ") {
			continue
		}
		rest := strings.Fields(t[len(w):])
		if len(rest) == 0 || strings.Trim(rest[0], "0123456789ivxlc.:)") != "" {
			return ""
		}
		title := strings.TrimLeft(strings.Join(rest[1:], " "), "–—-:. ")
		if title == "" {
			title = "-"
		}
		return title
	}
	return ""
}

// bracketRemarkLead returns the line of the "Name:" entry (reNameEntry)
// that gives the party when a label's value (after line i's colon) is
// only a remark in square brackets and that entry is the next line that
// is not blank; -1 otherwise.
func (x *extractor) bracketRemarkLead(i int, v string) int {
	v = strings.TrimSpace(v)
	if len(v) < 2 || v[0] != '[' || v[len(v)-1] != ']' || strings.Count(v, "[") != 1 {
		return -1
	}
	for j := i + 1; j < len(x.lines) && j <= i+3; j++ {
		if t := strings.TrimSpace(x.lines[j].text); t != "" {
			if reNameEntry.MatchString(t) {
				return j
			}
			return -1
		}
	}
	return -1
}

// namedWithAddress reports whether a label's long value opens with a
// name without a legal form, up to its first comma, and holds a postcode
// and town: "Universität Nordheide, Körperschaft des öffentlichen Rechts,
// Campusallee 1, 21244 Buchholz, vertreten durch die Präsidentin" (public
// bodies name themselves without a company's legal form).
func (x *extractor) namedWithAddress(v string) bool {
	c := strings.IndexByte(v, ',')
	if c <= 0 || c > 80 || !rePostcodeCity.MatchString(v[c:]) {
		return false
	}
	return x.readName(strings.TrimSpace(v[:c])).name != ""
}

// labelKind classifies a line as a role label: "same" (a value follows
// the colon, at valueAt), "lead" (the block follows), "trailer" (the
// block precedes), or "" (no label). role is the role it names.
func (x *extractor) labelKind(line string) (kind, role string, valueAt int) {
	pk := x.k.party
	if b := bulletLen(line); b > 0 {
		// "- **Auftragsverarbeiter:** Muster GmbH, …": a list item is a
		// label only with its value after the colon; "- Kunden" in a list
		// of data subjects is none.
		k, r, at := x.labelKind(line[b:])
		if k != "same" {
			return "", "", 0
		}
		return k, r, b + at
	}
	// Table cells and emphasis: "| Auftragnehmer | …", "**Auftraggeber:**".
	off := len(line) - len(strings.TrimLeft(line, "|*# \t"))
	t := strings.TrimRight(line[off:], "|* \t")
	t = strings.Replace(t, "**", "", 2)
	if len(t) != len(strings.TrimRight(line[off:], "|* \t")) {
		// Emphasis inside the label: read the label, keep no value offset.
		off = -1
	}
	if k, _, ok := strings.Cut(t, ":"); ok && off >= 0 && len(k) <= 4 {
		if r, ok := pk.abbrev[strings.TrimSpace(k)]; ok {
			// "AG: Bäckerei Sommer GmbH", "AN: [Firma, Anschrift]": a
			// role's abbreviation as the label.
			return "same", r, off + len(k) + 1
		}
	}
	m := pk.roleRe.FindStringSubmatchIndex(t)
	if m == nil {
		if k, _, ok := strings.Cut(t, ":"); ok && off >= 0 && len(k) > 6 && len(k) <= 24 && !strings.ContainsAny(k, " \t") {
			// "Kundenname: Autohaus Riedel GmbH", "Anbietername: …": a
			// role word and "name" in one word label the party's name.
			if lk := strings.ToLower(k); strings.HasSuffix(lk, "name") {
				if r, ok := pk.role[lk[:len(lk)-4]]; ok {
					return "same", r, off + len(k) + 1
				}
			}
		}
		return "", "", 0
	}
	role = pk.role[strings.ToLower(t[m[2]:m[3]])]
	before := strings.TrimSpace(t[:m[2]])
	lb := strings.ToLower(before)
	if pk.numberedParty(lb) && strings.HasPrefix(strings.TrimSpace(t[m[3]:]), ")") {
		// "Vertragspartner 1 (Verantwortlicher):": the role in
		// parentheses after the party's number labels the block.
		t = strings.TrimSpace(t[m[3]:])[1:]
		rest := strings.TrimSpace(t)
		switch {
		case rest == ":" || rest == "":
			return "lead", role, 0
		case strings.HasPrefix(rest, ":") && off >= 0:
			return "same", role, off + strings.Index(line[off:], ")") + 1 + strings.Index(line[off+strings.Index(line[off:], ")")+1:], ":") + 1
		}
		return "", "", 0
	}
	switch {
	case before == "" || lb == "der" || lb == "die" || lb == "the" || nameOfRole[lb]:
		// "Auftragnehmer", "Auftragnehmer:", "Verantwortlicher (Auftraggeber)",
		// "Auftraggeber: Muster GmbH", "Auftragsverarbeiter – im Folgenden …",
		// "Name des Auftraggebers: …".
		rest := t[m[3]:]
		if c := strings.IndexAny(rest, ":|\t"); c >= 0 && reRoleParen.MatchString(rest[:c]) && strings.Trim(rest[c+1:], " |*\t") != "" {
			if off < 0 {
				// "**Auftraggeber:** Muster GmbH": the value starts after
				// the colon and the closing emphasis of the line itself.
				at := strings.IndexAny(line, ":|\t")
				if at < 0 {
					return "", "", 0
				}
				at++
				for at < len(line) && (line[at] == '*' || line[at] == ' ') {
					at++
				}
				return "same", role, at
			}
			return "same", role, off + m[3] + c + 1
		}
		if len(t) > 100 || !reLeadRest.MatchString(rest) || nameOfRole[lb] {
			return "", "", 0
		}
		if before == "" && strings.EqualFold(strings.TrimSpace(t), "kunden") {
			// "Kunden" alone on its line is the plural of a data
			// subject category whose list lost its bullets (a PDF
			// that sets them apart); a label is "Kunde" or "Kunden:".
			return "", "", 0
		}
		return "lead", role, 0
	case strings.Trim(before, " (–—-[") == "" && framed(t) || isTrailerLead(lb) || asRole[strings.Trim(lb, " (–—-[")] && framed(t) && strings.Trim(t[m[3]:], " )–—-") == "":
		// "(as Controller)", "– als Auftragsverarbeiter –" under a
		// cover page's name.
		// A framed label may carry the role's legal source ("– Verantwortlicher
		// im Sinne von Art. 4 Nr. 7 DSGVO, nachfolgend „Kunde“ –"); an
		// unframed one is short.
		if strings.HasSuffix(strings.TrimSpace(t), ":") || len(t) > 80 && !(framed(t) && len(t) <= 160) {
			return "", "", 0
		}
		if strings.Contains(lb, "beide") || strings.Contains(lb, "gemeinsam") {
			return "", "", 0
		}
		return "trailer", role, 0
	}
	return "", "", 0
}

// blankRoleRow returns the role of a table row whose first cell is a
// role label and whose other cells are empty ("| Auftraggeber | | |"),
// or "".
func (x *extractor) blankRoleRow(t string) string {
	if !strings.HasPrefix(strings.TrimSpace(t), "|") {
		return ""
	}
	cs := cells(t)
	if len(cs) < 2 {
		return ""
	}
	kind, role, _ := x.labelKind(t[cs[0][0]:cs[0][1]])
	if kind != "lead" {
		return ""
	}
	for _, c := range cs[1:] {
		if !blankOnly(t[c[0]:c[1]]) {
			return ""
		}
	}
	return role
}

// secondLabel finds a second role label inside a label's value ("…
// 21079 Hamburg Auftragnehmer: Beispiel AG, …"): the label's offset, its
// role and the offset of its value; 0 when there is none. The role word
// is capitalised and followed by a colon.
func (x *extractor) secondLabel(v string) (at int, role string, valueAt int) {
	for _, m := range x.k.party.roleRe.FindAllStringSubmatchIndex(v, -1) {
		if m[2] == 0 || v[m[2]-1] != ' ' || !strings.HasPrefix(v[m[3]:], ":") {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(v[m[2]:]); !unicode.IsUpper(r) {
			continue
		}
		rest := v[m[3]+1:]
		val := m[3] + 1 + len(rest) - len(strings.TrimLeft(rest, " \t"))
		if val >= len(v) {
			continue
		}
		return m[2], x.k.party.role[strings.ToLower(v[m[2]:m[3]])], val
	}
	return 0, "", 0
}

// bulletLen returns the length of a list item's bullet at the start of
// t ("- ", "* ", "• "), or 0.
func bulletLen(t string) int {
	if framed(t) {
		// "– Auftraggeber –", "- nachfolgend „Auftragnehmer“ -".
		return 0
	}
	for _, b := range []string{"- ", "* ", "• "} {
		if strings.HasPrefix(t, b) {
			return len(b)
		}
	}
	return 0
}

// numberedParty reports whether the lower-case words before a role in
// parentheses name a party by its number ("vertragspartner 1 (",
// "partei 2 (").
func (pk *partyKnowledge) numberedParty(lb string) bool {
	ws := strings.Fields(strings.TrimRight(lb, " ("))
	if len(ws) == 0 || len(ws) > 2 || !strings.HasSuffix(strings.TrimSpace(lb), "(") || !pk.tableHead[ws[0]] {
		return false
	}
	return len(ws) == 1 || strings.Trim(ws[1], "0123456789.") == ""
}

// labelCellRow reports whether t is a table row of at least three cells
// whose first cell is short enough to be a label.
func labelCellRow(t string) bool {
	t = strings.TrimLeft(t, "| \t")
	i := strings.Index(t, "|")
	return i > 0 && i <= 60 && strings.Count(t[i:], "|") >= 2
}

// reDefTrailer is a label line after a party block that defines a short
// name ("– nachfolgend „Kanzlei“ –", "(im Folgenden „Praxis“)").
var reDefTrailer = prefilter.MustCompile(`^[(–—-]\s*(?:im folgenden|nachfolgend|nachstehend|hereinafter|hereafter)\s*(?:auch\s*|kurz\s*)?[„"“]([^„"“”]{2,40})[“”"]\s*(?:genannt\s*|called\s*)?[)–—-]$`)

// otherPartyReading reads the second party of a contract whose party
// blocks end in definitions when only one of them is a role word: "[Name
// des Mandanten] – nachfolgend „Mandant“ – und Steuerberater Jens Albrecht
// … – nachfolgend „Kanzlei“ –". The block defined by another word is the
// other party. Nothing when both or no roles were read from blocks, or
// when more than one such block stands in the head.
func (x *extractor) otherPartyReading(rs []partyReading, limit int) []partyReading {
	roles := map[string]bool{}
	for _, r := range rs {
		if r.src == "block" {
			roles[r.role] = true
		}
	}
	if len(roles) != 1 {
		return nil
	}
	other := "processor"
	if roles["processor"] {
		other = "controller"
	}
	var out []partyReading
	for i, ln := range x.lines {
		if ln.start > limit {
			break
		}
		t := strings.TrimSpace(ln.text)
		if len(t) > 80 || !framed(t) {
			continue
		}
		m := reDefTrailer.FindStringSubmatch(t)
		if m == nil {
			continue
		}
		term := strings.TrimSpace(m[1])
		if _, isRole := x.k.party.role[strings.ToLower(term)]; isRole || x.k.party.collect[strings.ToLower(term)] {
			continue
		}
		r := x.partyFromLines(x.blockBefore(i), false)
		if r.party == nil {
			continue
		}
		r.role, r.at, r.src, r.short = other, ln.start, "block", term
		out = append(out, r)
	}
	if len(out) == 0 {
		out = x.otherTableRow(rs, other)
	}
	if len(out) != 1 {
		return nil
	}
	return out
}

// otherTableRow reads the other party of a party table whose rows are
// labelled by role: "| Auftraggeber | Vitalfit GmbH | Weg 1, 47119 Duisburg
// |" next to "| Agentur | DialogWerk GmbH | Weg 8, 34117 Kassel |". The one
// row near the role's row whose label is another short word and whose
// cells give a party with an address is the other party.
func (x *extractor) otherTableRow(rs []partyReading, other string) []partyReading {
	li := -1
	for _, r := range rs {
		if r.src != "block" || r.party == nil {
			continue
		}
		for i, ln := range x.lines {
			if ln.start == r.at {
				li = i
				break
			}
		}
	}
	if li < 0 || !labelCellRow(x.lines[li].text) {
		return nil
	}
	var out []partyReading
	for j := max(0, li-3); j < min(len(x.lines), li+4); j++ {
		ln := x.lines[j]
		if j == li || !labelCellRow(ln.text) {
			continue
		}
		inner := strings.TrimLeft(ln.text, "| \t")
		c := strings.IndexByte(inner, '|')
		label := strings.Trim(inner[:c], " *")
		if label == "" || len(strings.Fields(label)) > 2 {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(label); !unicode.IsUpper(r) {
			continue
		}
		if kind, _, _ := x.labelKind(ln.text); kind != "" {
			continue
		}
		off := len(ln.text) - len(inner) + c + 1
		r := x.partyFromLines([]line{{start: ln.start + off, end: ln.end, text: ln.text[off:]}}, true)
		if r.party == nil || r.party.Postcode == "" {
			continue
		}
		r.role, r.at, r.src = other, ln.start, "block"
		out = append(out, r)
	}
	return out
}

// nameOfRole are the words before a role word that make a field label
// of the party's name ("Name des Auftraggebers:").
var nameOfRole = lexicon.Set("name_of_role_labels")

// asRole are the words that may stand before the role of a framed
// trailer: "(as Controller)", "(als Auftragsverarbeiter)".
var asRole = map[string]bool{"as": true, "als": true, "acting as": true, "handelnd als": true}

// framed reports whether a label line is framed by dashes or parentheses
// ("– Auftraggeber –", "(Auftragnehmer)"), unlike a list item ("- Kunden").
func framed(t string) bool {
	t = strings.TrimRight(strings.TrimSpace(t), ".,;")
	switch {
	case strings.HasPrefix(t, "("):
		return strings.HasSuffix(t, ")")
	case strings.HasPrefix(t, "–"), strings.HasPrefix(t, "—"), strings.HasPrefix(t, "-"):
		return strings.HasSuffix(t, "–") || strings.HasSuffix(t, "—") || strings.HasSuffix(t, "-")
	}
	return false
}

// reQuotedTerm is a defined term in quotes ("„Praxis“").
var reQuotedTerm = lazyRegexp(`[„"“][^„"“”]{1,40}[“”"],?`)

// isTrailerLead reports whether the words before a role word open a
// trailing label ("– nachfolgend „", "(im Folgenden:", "hereinafter the").
func isTrailerLead(lb string) bool {
	lb = strings.Trim(lb, " (–—-[„“\"':")
	for _, w := range defOpeners {
		if strings.HasPrefix(lb, w) {
			// "nachfolgend „Universität“ oder „": other defined terms
			// before the role word.
			rest := strings.Trim(reQuotedTerm().ReplaceAllString(lb[len(w):], " "), " :„“\"'")
			for _, f := range strings.Fields(rest) {
				switch f {
				case "der", "die", "the", "auch", "als", "oder", "or", "bzw.", "bzw", "und", "and", "kurz", "also", ",":
				default:
					return false
				}
			}
			return true
		}
	}
	return false
}

// reSeparator2 matches a line that joins two parties or opens the first:
// "und", "zwischen der", and a bilingual contract's "zwischen / between",
// "und / and", "zwischen (between)".
var reSeparator2 = prefilter.MustCompile(`(?i)^(?:und|and|sowie|zwischen|between|by and between|–\s*und\s*–|-\s*und\s*-)(?:\s*/\s*(?:und|and|zwischen|between|by and between)|\s*\((?:und|and|zwischen|between|by and between)\))?(?:\s+(?:der|dem|den|die|dem/der|der/dem|the))?\s*[:,]?$`)

// stopLine2 reports whether a line ends a party block.
func (x *extractor) stopLine2(ln line) bool {
	t := ln.text
	if len(t) > 120 && !x.joinedBlockLine(ln) && !x.commaBlockLine(ln) || strings.HasPrefix(t, "#") || reSeparator2.MatchString(t) || reSeparatorLine.MatchString(t) {
		return true
	}
	kind, _, _ := x.labelKind(t)
	return kind == "lead" || kind == "trailer" || framedDefinition(t)
}

// commaBlockLine reports whether a long line is a party's whole block
// written as one comma-separated line, without a verb: its name first,
// its address last ("Die Pädagogische Hochschule Oberrhein, Körperschaft
// des öffentlichen Rechts, vertreten durch die Rektorin, Kanzleistraße 9,
// 77933 Lahr,").
func (x *extractor) commaBlockLine(ln line) bool {
	t := ln.text
	if len(t) > 250 || strings.Count(t, ",") < 2 || !hasDigitRun(t, 4) || reLongProse.MatchString(t) || !rePostcodeCity.MatchString(t) {
		return false
	}
	return x.readName(t).name != ""
}

// framedDefinition reports whether a line is a definition of its own
// between dashes or in parentheses ("– nachfolgend „Praxis“ –", "- nachstehend
// "Tanzschule" genannt -"): it closes the block above it, whatever the
// word it defines, so the next party's block never runs into it.
func framedDefinition(t string) bool {
	if !framed(t) {
		return false
	}
	lb := strings.ToLower(strings.Trim(t, " (–—-[„“\"':"))
	for _, w := range defOpeners {
		if strings.HasPrefix(lb, w) {
			return true
		}
	}
	return false
}

// blockBefore returns up to eight block lines before label line i.
func (x *extractor) blockBefore(i int) []line {
	var b []line
	for j := i - 1; j >= 0 && len(b) < 8; j-- {
		if x.stopLine2(x.lines[j]) || strings.HasSuffix(x.lines[j].text, ":") || x.blockHeading(x.lines[j].text) {
			break
		}
		b = append([]line{x.lines[j]}, b...)
	}
	return b
}

// blockAfter returns up to eight block lines after label line i.
func (x *extractor) blockAfter(i int) []line {
	var b []line
	for j := i + 1; j < len(x.lines) && len(b) < 8; j++ {
		if x.stopLine2(x.lines[j]) || x.blockHeading(x.lines[j].text) {
			break
		}
		b = append(b, x.lines[j])
	}
	return b
}

// blockHeading reports whether a line is a numbered heading that ends a
// party block; a numbered party ("1. Muster GmbH, Weg 1, 12345 Ort") is
// none.
func (x *extractor) blockHeading(t string) bool {
	return headingish(t) && x.k.party.legalRe.FindStringIndex(t) == nil && !rePostcodeCity.MatchString(t) && !x.numberStreetLine(t)
}

// numberStreetLine reports whether a line starts with a street written
// after its house number ("42 Elm Street"), which is no numbered heading.
func (x *extractor) numberStreetLine(t string) bool {
	ws := wordStarts(t)
	return len(ws) > 2 && reHouseNumber().MatchString(strings.TrimRight(firstField(t), ",")) && x.numberFirstStreet(t, ws[1:])
}

// partyFromLines reads a party from a block's lines: the name from the
// first line that may hold it (a date, phone, e-mail or other labelled
// field does not), the address and contact data from the others.
// explicit is true for the value of a role label ("Auftragsverarbeiter:
// Caelex"), where one word without an address is taken as a name.
func (x *extractor) partyFromLines(b []line, explicit bool) partyReading {
	pk := x.k.party
	b = x.unfoldBlock(b)
	nameAt := -1
	for i, l := range b {
		t := l.text
		if looksRedacted(t) || reFax.MatchString(t) || rePhone.MatchString(t) || customerNoLine(t) ||
			len(t) < 30 && firstDate(t) != "" || reEmail.MatchString(t) && len(strings.Fields(t)) == 1 {
			continue
		}
		if m := reFieldLabel.FindStringSubmatch(t); m != nil && pk.otherLbl[strings.ToLower(strings.TrimSpace(m[1]))] {
			continue
		}
		if reRepresented.MatchString(t) && !pk.ownerRe.MatchString(t) {
			continue
		}
		if n := x.readName(t).note; i+1 < len(b) && len(t) > 60 && (n == noteFragment || n == noteNoName) {
			// A sentence leading into the block ("This Agreement
			// constitutes the obligations for").
			continue
		}
		nameAt = i
		break
	}
	if nameAt < 0 {
		if len(b) == 0 {
			return partyReading{note: noteNoName}
		}
		allBlank := true
		for _, l := range b {
			if !x.k.IsPlaceholder(l.text) && !blankRun(l.text) {
				allBlank = false
			}
		}
		if allBlank {
			return partyReading{note: noteBlank}
		}
		return partyReading{note: noteNoName}
	}
	nl := b[nameAt]
	nr := x.readName(nl.text)
	if nameAt+1 < len(b) && nr.name != "" && !nr.legal && nr.end == len(nl.text) {
		// "Gemeinnützige Wohnungsbaugesellschaft" / "Lindenthal mbH": a
		// long name broken over two lines, the legal form on the second.
		nx := b[nameAt+1]
		j := line{start: nl.start, end: nx.end, text: nl.text + " " + nx.text}
		if len(nx.text) < 60 && !rePostcodeCity.MatchString(nx.text) {
			if nr2 := x.readName(j.text); nr2.legal && nr2.start == nr.start && nr2.end == len(j.text) {
				b = append(append(append([]line{}, b[:nameAt]...), j), b[nameAt+2:]...)
				nl, nr = j, nr2
			}
		}
	}
	if nr.name == "" {
		return partyReading{note: nr.note}
	}
	p := &model.Party{Name: nr.name, Owner: nr.owner, Brand: nr.brand}
	// The rest of the name line ("…, Weg 1, 12345 Ort") and the other lines.
	var rest []line
	if tail := nl.text[nr.end:]; strings.TrimSpace(tail) != "" {
		rest = append(rest, splitParts(nl.start+nr.end, strings.ReplaceAll(tail, "·", ",  "))...)
	}
	rest = append(rest, b[nameAt+1:]...)
	last := nl.end
	prevCity := "" // a part that held only a known city
	for _, l := range rest {
		// "| Hafenstraße 40": the bars of a table row's cells.
		t := strings.Trim(l.text, " \t|")
		if x.k.IsPlaceholder(t) || looksRedacted(t) {
			continue
		}
		if l.end > last && l.start >= nl.start {
			last = l.end
		}
		if m := reCustomerNo.FindStringSubmatch(t); m != nil {
			// Before the label is cut off: "Kundennummer: 203523".
			if p.CustomerNumber == "" {
				p.CustomerNumber = m[1]
			}
			continue
		}
		if m := reLabelValue.FindStringIndex(t); m != nil && !reRepresented.MatchString(t) && !rePhone.MatchString(t) {
			lbl := strings.ToLower(strings.TrimSpace(strings.TrimSuffix(t[:m[1]], ":")))
			lbl = strings.TrimSpace(strings.TrimSuffix(lbl, ":"))
			if pk.otherLbl[lbl] || pk.nameLabel[lbl] {
				t = strings.TrimSpace(t[m[1]:])
			}
		}
		switch {
		case t == "":
		case pk.ownerRe.MatchString(t) && pk.ownerRe.FindStringIndex(t)[0] == 0:
			rest := strings.Trim(pk.soleRe.Plain().ReplaceAllString(t[pk.ownerRe.FindStringIndex(t)[1]:], ""), " :–—-,")
			if w, n := firstWord(rest); (w == "der" || w == "des") && p.Brand == "" {
				// "Jens Albrecht / Inhaber der Steuerkanzlei Albrecht": the
				// party owns the business named after the article, which
				// is the name it trades under.
				p.Brand = strings.TrimSpace(rest[n:])
			} else if p.Owner == "" {
				p.Owner = rest
			}
		case pk.brandRe.MatchString(t):
			if p.Brand == "" {
				p.Brand = strings.Trim(t[pk.brandRe.FindStringIndex(t)[1]:], " „“\"'”:")
			}
		case reRepresented.MatchString(t):
			if p.Representative == "" {
				p.Representative = representative(reRepresented.FindStringSubmatch(t)[1])
			}
		case rePhone.MatchString(t):
			p.Phone = strings.TrimSpace(rePhone.FindStringSubmatch(t)[1])
		case reEmail.MatchString(t):
			if p.Email == "" {
				p.Email = reEmail.FindString(t)
			}
		case reFax.MatchString(t) || len(t) < 30 && firstDate(t) != "":
		default:
			if c := x.k.CountryOf(strings.TrimRight(t, " .,")); c != "" && len(t) < 40 {
				p.Country = c
				continue
			}
			a := x.k.ParseAddress(t, x.lang)
			if a.Postcode == "" && p.Postcode == "" {
				if m := reEnglishPostcode().FindStringSubmatch(t); m != nil {
					// "TX 78701" after "Austin"; "Norwich NR1 1LX".
					a.Postcode = m[3]
					if m[1] != "" {
						a.Postcode, a.City = m[2], strings.TrimSpace(m[1])
					}
					if a.City == "" {
						a.City = prevCity
					}
				} else if a.City != "" && p.City == "" && len(strings.Fields(t)) <= 3 && !strings.ContainsAny(t, "0123456789") {
					// "Austin", the city of a comma-separated address.
					prevCity = t
					continue
				}
			}
			if a.Postcode != "" && streetAsCity(a.City) {
				// "1200 Pearl Street": a house number and its street, not
				// a postcode and its city.
				a = Address{}
			}
			if a.Postcode == "" && p.Postcode == "" && a.City != "" && a.Country != "" {
				if m := reCityPostcode().FindStringSubmatch(t); m != nil && strings.EqualFold(m[1], a.City) {
					// "Tel Aviv 6701101": a known city before its postcode.
					a.Postcode = m[2]
				}
			}
			if a.Postcode != "" {
				p.Postcode, p.City = a.Postcode, a.City
				if a.Street != "" && p.Street == "" {
					p.Street = a.Street
				}
				if a.Country != "" {
					p.Country = a.Country
				}
			} else if p.Street == "" && strings.ContainsAny(t, "0123456789") && len(t) < 60 && pk.cutRe.FindStringIndex(t) == nil {
				p.Street = strings.TrimRight(t, " ,")
			}
		}
	}
	if p.City == "" && prevCity != "" {
		p.City = prevCity
	}
	if p.Country == "" && p.City != "" {
		p.Country = x.k.countryOfAddress(p.Postcode+" "+p.City, p.City, x.lang)
	}
	if !explicit && !nr.legal && p.Postcode == "" && p.Street == "" && p.Email == "" && len(strings.Fields(nr.name)) < 2 {
		// One word without a legal form, address or contact: as likely a
		// heading or a defined term as a name.
		return partyReading{note: noteNoName}
	}
	start := nl.start + nr.start
	if nameAt > 0 {
		start = b[0].start
	}
	p.Evidence = x.evidencePtr(start, max(last, nl.start+nr.end))
	return partyReading{party: p}
}

// reEnglishPostcode is a British postcode after its town ("Norwich NR1
// 1LX": town, postcode) or a US state and ZIP code ("TX 78701").
var reEnglishPostcode = lazyRegexp(`^(?:(\p{Lu}[\p{L}'\-]+(?: \p{Lu}[\p{L}'\-]+){0,2})\s+([A-Z]{1,2}\d[A-Z\d]?\s\d[A-Z]{2})|[A-Z]{2}\s+(\d{5}(?:-\d{4})?))$`)

// reBehalfAsRole is a signature block's lead line that names the
// company and its role: "For and on behalf of X Pty Ltd (ACN …) as
// Controller", "Signed for and on behalf of X Ltd acting as the
// processor", "Für die X GmbH als Auftragnehmer:".
var reBehalfAsRole = lazyRegexp(`^(?i:(?:signed|executed)\s+)?(?i:for\s+and\s+on\s+behalf\s+of|on\s+behalf\s+of|für)\s+(?i:the\s+|die\s+|den\s+|das\s+)?(.+?)\s+(?i:as|acting\s+as|als)\s+(?i:the\s+|its\s+)?(\p{L}+(?:\s+\p{L}+)?)\s*:?$`)

// behalfAsRole reads a lead line reBehalfAsRole matches: the company
// (with a legal form) and the role word after "as" / "als".
func (x *extractor) behalfAsRole(ln line) (partyReading, bool) {
	low := x.lower[ln.start:ln.end]
	if !strings.HasPrefix(low, "for") && !strings.HasPrefix(low, "für") && !strings.HasPrefix(low, "signed") &&
		!strings.HasPrefix(low, "executed") && !strings.HasPrefix(low, "on behalf") {
		return partyReading{}, false
	}
	m := reBehalfAsRole().FindStringSubmatchIndex(ln.text)
	if m == nil {
		return partyReading{}, false
	}
	role, ok := x.k.party.role[strings.ToLower(ln.text[m[4]:m[5]])]
	if !ok || role != "processor" && role != "controller" {
		return partyReading{}, false
	}
	r := x.partyFromLines([]line{{start: ln.start + m[2], end: ln.start + m[3], text: ln.text[m[2]:m[3]]}}, false)
	if r.party == nil || x.k.party.legalRe.FindStringIndex(" "+r.party.Name) == nil {
		return partyReading{}, false
	}
	if strings.HasPrefix(r.party.Street, "(") {
		r.party.Street = "" // "(ACN 444 555 666)": a register number
	}
	r.role, r.at, r.src = role, ln.start, "signature"
	return r, true
}

// reCityPostcode is a city before its postcode ("Tel Aviv 6701101",
// "Singapore 018989").
var reCityPostcode = lazyRegexp(`^(\p{Lu}[\p{L}'\-]+(?: \p{Lu}[\p{L}'\-]+){0,2})\s+(\d{5,7})$`)

// streetAsCity reports whether a city read after a number is a street
// ("1200 Pearl Street", "350 Fifth Avenue").
func streetAsCity(city string) bool {
	f := strings.Fields(city)
	if len(f) < 2 {
		return false
	}
	switch strings.ToLower(strings.TrimRight(f[len(f)-1], ".")) {
	case "street", "st", "road", "rd", "avenue", "ave", "lane", "drive", "boulevard", "blvd", "way", "place", "court", "parkway", "highway":
		return true
	}
	return false
}

// customerNoLine reports whether a line starts with a customer number
// ("Kd-Nr. 203523").
func customerNoLine(t string) bool {
	m := reCustomerNo.FindStringIndex(t)
	return m != nil && strings.TrimSpace(t[:m[0]]) == ""
}

// signatureReadings reads explicitly labelled party blocks after the
// head ("Martina Beispiel … – Verantwortlicher und Auftraggeber –" in a
// signature block or an annex): names only.
func (x *extractor) signatureReadings(limit int) []partyReading {
	var out []partyReading
	// Signature blocks stand after the last line of running text (or in
	// the second half of a text).
	lastProse := x.lastProse()
	for i, ln := range x.lines {
		if (ln.start > len(x.text)/2 || i > lastProse) && len(ln.text) <= 120 && (strings.IndexByte(ln.text, '\t') > 0 || strings.Contains(ln.text, "   ")) {
			// "Unterschrift Auftraggeber<TAB>Unterschrift Auftragnehmer"
			// over the two blocks side by side (or set apart by spaces).
			if rs := x.signatureColumns(i); rs != nil {
				out = append(out, rs...)
				continue
			}
		}
		if (ln.start > len(x.text)/2 || i > lastProse) && len(ln.text) <= 160 {
			// "For and on behalf of Tenantly Pty Ltd (ACN …) as Processor".
			if r, ok := x.behalfAsRole(ln); ok {
				out = append(out, r)
				continue
			}
		}
		if t := ln.text; len(t) > 8 && len(t) <= 120 && (t[0] == 'D' || t[0] == 'T') && (ln.start > len(x.text)/2 || i > lastProse) && x.k.party.article[strings.ToLower(firstField(t))] {
			// (A consent line opens with a capitalised article: "Der",
			// "Die", "The"; the first byte spares the other lines the
			// word's lower-casing.)
			// "ZUSTIMMUNG / Der Kunde stimmt dieser Vereinbarung zu. /
			// Firma: X GmbH".
			if r, ok := x.closingConsent(i); ok {
				out = append(out, r)
				continue
			}
		}
		if (i > lastProse || ln.start > len(x.text)/2) && strings.HasPrefix(ln.text, "|") {
			// "| | Quillby | Customer |" over "| Company | Quillby, Inc. |
			// Ostra AB |": the role column of a signature table; its
			// company must carry a legal form (the signatory's name is
			// no party).
			if cols := x.columnBlocksOf(i, true); cols != nil {
				for _, c := range cols {
					if c.role == "" {
						continue
					}
					r := x.partyFromLines(c.block, false)
					if r.party == nil || x.k.party.legalRe.FindStringIndex(" "+r.party.Name) == nil {
						continue
					}
					r.role, r.at, r.src = c.role, ln.start, "signature"
					out = append(out, r)
				}
				continue
			}
		}
		if ln.start > limit && ln.start > len(x.text)/2 && strings.IndexByte(ln.text, ':') > 0 && len(ln.text) <= 60 {
			// "Kunde: X GmbH" over "Anschrift: …" and "Name: …" in a
			// closing block: a short line of its own.
			if r, ok := x.executionLine(i); ok {
				out = append(out, r)
				continue
			}
			if r, ok := x.closingLabel(i); ok {
				out = append(out, r)
				continue
			}
		}
		if ln.start > limit && len(ln.text) > 60 && ln.start > len(x.text)/2 {
			// "Customer: Fjord AS, …, 5013 Bergen" over "By: …".
			if r, ok := x.executionLine(i); ok {
				out = append(out, r)
			}
			continue
		}
		if len(ln.text) > 60 {
			continue
		}
		if (ln.start > len(x.text)/2 || i > lastProse) && signatureFirst[ln.text[0]] {
			// "Für den Auftraggeber:" in the second half, above the
			// signature line and the company.
			if r, ok := x.signedFor(i); ok {
				out = append(out, r)
				continue
			}
		}
		if ln.text[0] == '(' {
			// Two columns of roles under two companies: read wherever
			// they stand.
			if rs := x.sideBySideRoles(i); rs != nil {
				out = append(out, rs...)
				continue
			}
		}
		if ln.start <= limit {
			continue
		}
		if r := []rune(ln.text); len(r) == 0 || !strings.ContainsRune("-–—(", r[0]) {
			continue
		}
		kind, role, _ := x.labelKind(ln.text)
		if kind != "trailer" {
			continue
		}
		r := x.partyFromLines(x.blockBefore(i), false)
		if r.party == nil || r.party.Postcode == "" && x.k.party.legalRe.FindStringIndex(" "+r.party.Name) == nil {
			// A signature block may name the signatory: only a company or
			// a name with its address is taken for the party.
			continue
		}
		r.role, r.at, r.src = role, ln.start, "signature"
		out = append(out, r)
	}
	return out
}

// reSignerLine is a line that signs: "By: …", "Signed by …", "gez. …",
// "Signature: …", "Unterschrift: …".
var reSignerLine = prefilter.MustCompile(`(?i)^(?:by\s*:|signed\s+by\b|gez\.|signature\s*:|unterschrift\s*:)`)

// signedBlock reports whether one of a block's first lines signs it.
func (x *extractor) signedBlock(b []line) bool {
	for i, l := range b {
		if i >= 3 {
			break
		}
		if reSignerLine.MatchString(strings.TrimSpace(l.text)) {
			return true
		}
	}
	return false
}

// personLike reports whether a name reads as a person's: two or three
// capitalised words after academic titles ("Jana Roth", "Dr. Eva
// Leitner"), none a generic head or a compound of one ("Hausarztpraxis
// Dr. Leitner", "Kanzlei Roth"), no digits, "&" or "+".
func (x *extractor) personLike(name string) bool {
	n := 0
	for _, w := range strings.Fields(name) {
		if strings.HasSuffix(w, ".") && len(w) <= 6 {
			continue // "Dr.", "Prof."
		}
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) || strings.ContainsAny(w, "0123456789&+.,()") {
			return false
		}
		lw := strings.ToLower(w)
		for g := range x.k.party.generic {
			if len(g) >= 5 && strings.HasSuffix(lw, g) {
				return false
			}
		}
		n++
	}
	return n >= 2 && n <= 3
}

// lastProse returns the index of the last line of running text (longer
// than 100 bytes), -1 without one.
func (x *extractor) lastProse() int {
	for i := len(x.lines) - 1; i >= 0; i-- {
		if len(x.lines[i].text) > 100 {
			return i
		}
	}
	return -1
}

// executionLine reads an execution block's party line after the head:
// "Customer: Fjord AS (org. no. …), Strandkaien 4, 5013 Bergen, Norway"
// right above a signatory's line ("By: …", "Signature: …", "Date: …";
// parties.yaml signatory_labels). The value must name a company with a
// legal form; a line in a sub-processors' annex is none.
func (x *extractor) executionLine(i int) (partyReading, bool) {
	ln := x.lines[i]
	if i+1 >= len(x.lines) || len(ln.text) > 240 || !strings.Contains(ln.text, ":") {
		return partyReading{}, false
	}
	next := x.lines[i+1]
	if strings.Count(x.text[ln.end:next.start], "\n") > 2 {
		return partyReading{}, false
	}
	lab, _, ok := strings.Cut(next.text, ":")
	if ok && x.k.party.addrLbl[strings.ToLower(strings.TrimSpace(lab))] && i+2 < len(x.lines) && strings.Count(x.text[next.end:x.lines[i+2].start], "\n") <= 1 {
		// "Kunde: X GmbH" over "Anschrift: …" over "Name: …": the
		// company's address line stands between.
		lab, _, ok = strings.Cut(x.lines[i+2].text, ":")
	}
	if !ok || !x.k.party.signatory[strings.ToLower(strings.TrimSpace(lab))] {
		return partyReading{}, false
	}
	if !x.k.cue("party_roles").In(x.lower[ln.start:ln.end]) {
		return partyReading{}, false
	}
	kind, role, at := x.labelKind(ln.text)
	if kind != "same" || at <= 0 || at >= len(ln.text) || x.inSubAnnex(i) {
		return partyReading{}, false
	}
	v := line{start: ln.start + at, end: ln.end, text: ln.text[at:]}
	r := x.partyFromLines([]line{v}, false)
	if r.party == nil || x.k.party.legalRe.FindStringIndex(" "+r.party.Name) == nil {
		return partyReading{}, false
	}
	r.role, r.at, r.src = role, ln.start, "signature"
	return r, true
}

// abbrevLabel reports whether a line opens with a role's abbreviation
// as its label ("AG: …", "AN: …").
func (x *extractor) abbrevLabel(t string) bool {
	k, _, ok := strings.Cut(t, ":")
	if !ok || len(k) > 4 {
		return false
	}
	_, ok = x.k.party.abbrev[strings.TrimSpace(k)]
	return ok
}

// signatureLeads are the words that open a signature block by a role
// ("Für den", "Signed on behalf of the"; lexicon: signature_leads).
var signatureLeads = lexicon.List("signature_leads")

// signatureFirst marks the first bytes, in either case, of
// signatureLeads: a line starting otherwise is not tested.
var signatureFirst = func() (first [256]bool) {
	for _, p := range signatureLeads {
		c := p[0]
		first[c] = true
		if c >= 'a' && c <= 'z' {
			first[c-'a'+'A'] = true
		}
	}
	return first
}()

// signedFor reads a signature block opened by a role ("Für den
// Auftraggeber:", "For the Processor:") whose company stands under the
// signature line ("______", "Ort, Datum, Unterschrift", "Hotel Seeblick
// GmbH"): the first line with a legal form among the next six, before a
// blank line run or the next block's role line.
func (x *extractor) signedFor(i int) (partyReading, bool) {
	t := strings.ToLower(strings.TrimRight(strings.TrimSpace(x.lines[i].text), ":"))
	// "Signed for and on behalf of the processor:".
	// A role in law in parentheses after it does not count.
	if u, _, _ := strings.Cut(t, " ("); len(strings.TrimPrefix(u, "signed ")) > 40 {
		return partyReading{}, false
	}
	role, ok := x.signatureLeadRole(t)
	if !ok {
		return partyReading{}, false
	}
	return x.companyUnder(i, role)
}

// closingConsent reads a closing consent line ("Der Kunde stimmt dieser
// Vereinbarung zu.", "The Customer accepts these terms.") over the
// consenting party's fields: an article, a role word and one of
// consent_verbs in parties.yaml.
func (x *extractor) closingConsent(i int) (partyReading, bool) {
	t := strings.ToLower(strings.TrimRight(strings.TrimSpace(x.lines[i].text), ".:"))
	ws := strings.Fields(t)
	if len(ws) < 3 || !x.k.party.article[ws[0]] {
		return partyReading{}, false
	}
	role := x.k.party.role[ws[1]]
	if role != "processor" && role != "controller" {
		return partyReading{}, false
	}
	rest := strings.Join(ws[2:], " ") + " "
	verb := false
	for _, v := range x.k.party.consentVerbs {
		if strings.HasPrefix(rest, v+" ") {
			verb = true
		}
	}
	// The consent is to the contract ("dieser Vereinbarung", "these
	// terms"), not to a sub-processor or a measure.
	obj := false
	for _, w := range ws[2:] {
		if x.k.party.consentObj[strings.Trim(w, ",;")] {
			obj = true
		}
	}
	if !verb || !obj {
		return partyReading{}, false
	}
	// The company stands in a labelled field ("Firma:", "Company:").
	for k := i + 1; k < len(x.lines) && k <= i+3; k++ {
		if v := signatureNameField(x.lines[k]); v.start != x.lines[k].start {
			return x.companyUnder(k-1, role)
		}
	}
	return partyReading{}, false
}

// companyUnder reads the company of a signature or consent block whose
// lead line i gave the role: the first line with a legal form among the
// next six, or a field of an organisation's name holding one of
// organisation_words ("Organisation name: Brightwell Academy Trust").
func (x *extractor) companyUnder(i int, role string) (partyReading, bool) {
	pk := x.k.party
	for k := i + 1; k < len(x.lines) && k <= i+6; k++ {
		ln := x.lines[k]
		if strings.Count(x.text[x.lines[k-1].end:ln.start], "\n") > 3 {
			break
		}
		lt := strings.ToLower(ln.text)
		if strings.HasPrefix(lt, "für ") || strings.HasPrefix(lt, "for ") || strings.HasPrefix(lt, "unterschrift ") || x.annexHeadingTitle(ln.text) != "" {
			// The next block's role line, or an annex after a blank
			// signature ("Anlage 1 – Unterauftragsverarbeiter").
			break
		}
		if len(ln.text) > 80 {
			continue
		}
		if x.bodyLine(ln.text) {
			// "Markt Kirchwald" over "gez. …": a local public body has
			// no legal form.
			if r := x.partyFromLines([]line{ln}, false); r.party != nil && r.party.Name == strings.TrimSpace(ln.text) {
				r.role, r.at, r.src = role, ln.start, "signature"
				return r, true
			}
		}
		if pk.legalRe.FindStringIndex(" "+ln.text) == nil {
			if v := signatureNameField(ln); v.start != ln.start && x.organisationValue(v.text) {
				// "Organisation name: Brightwell Academy Trust": the field
				// says it holds an organisation, a word of the value says
				// it is one.
				if r := x.partyFromLines([]line{v}, true); r.party != nil && r.party.Name == strings.TrimSpace(v.text) {
					r.role, r.at, r.src = role, ln.start, "signature"
					return r, true
				}
			}
			continue
		}
		ln = signatureNameField(ln)
		r := x.partyFromLines([]line{ln}, false)
		if r.party == nil || pk.legalRe.FindStringIndex(" "+r.party.Name) == nil {
			// "Omar Haddad, CEO, Quayside Print Ltd": the signatory and
			// the title before the company, after the last comma.
			c := strings.LastIndex(ln.text, ", ")
			if c < 0 {
				return partyReading{}, false
			}
			tail := line{start: ln.start + c + 2, end: ln.end, text: ln.text[c+2:]}
			r = x.partyFromLines([]line{tail}, false)
			if r.party == nil || pk.legalRe.FindStringIndex(" "+r.party.Name) == nil {
				return partyReading{}, false
			}
		}
		r.role, r.at, r.src = role, ln.start, "signature"
		return r, true
	}
	return partyReading{}, false
}

// signatureNameLabels are the words of a signature block's field label
// before the company's name (lexicon signature_name_labels).
var signatureNameLabels = lexicon.List("signature_name_labels")

// signatureNameField returns the value of a signature block's line
// "Organisation name: X B.V." / "Customer legal name: X SAS" / "Firma:
// X GmbH" (a label of at most four words before a colon that holds one
// of signatureNameLabels), else ln unchanged.
func signatureNameField(ln line) line {
	c := strings.IndexByte(ln.text, ':')
	if c <= 0 || c > 40 {
		return ln
	}
	label := strings.ToLower(strings.TrimSpace(ln.text[:c]))
	ws := strings.Fields(label)
	if len(ws) == 0 || len(ws) > 4 {
		return ln
	}
	label = " " + strings.Join(ws, " ") + " "
	for _, w := range signatureNameLabels {
		if strings.Contains(label, " "+w+" ") {
			v := ln.text[c+1:]
			off := c + 1 + len(v) - len(strings.TrimLeft(v, " \t"))
			return line{start: ln.start + off, end: ln.end, text: ln.text[off:]}
		}
	}
	return ln
}

// signatureLeadRole returns the role of a signature block's lead line
// t, lower-cased without its colon: a signature lead and a role word
// ("für den auftraggeber", "unterschrift auftragnehmer", "for and on
// behalf of the processor"), or a role word with its role in law in
// parentheses ("für den kunden (verantwortlicher)").
func (x *extractor) signatureLeadRole(t string) (string, bool) {
	rest, lead := "", 0
	for _, p := range signatureLeads {
		if len(p) > lead && len(t) > len(p) && t[len(p)] == ' ' && strings.HasPrefix(t, p) {
			rest, lead = strings.TrimSpace(t[len(p):]), len(p)
		}
	}
	role, ok := x.k.party.role[rest]
	if a, b, paren := strings.Cut(rest, " ("); !ok && paren && strings.HasSuffix(b, ")") {
		// "Für den Kunden (Verantwortlicher):", "For the Customer
		// (Controller):": a role word with the role it has in law; both
		// must give the same role.
		ra, okA := x.k.party.role[strings.TrimSpace(a)]
		rb, okB := x.k.party.role[strings.TrimSpace(strings.TrimSuffix(b, ")"))]
		if okA && okB && ra == rb {
			role, ok = ra, true
		}
	}
	return role, ok
}

// titleReadings reads the vendor from the contract's own title: a
// company with a legal form in the first lines ("Auftragsverarbeitungs-
// vertrag der Call Lana GmbH", "Acme Inc. Data Processing Addendum").
// reTitleBetween is a title's "between A and B", each a role word or a
// name.
var reTitleBetween = prefilter.MustCompile(`(?i)(?:^|\s)(?:between|zwischen)\s+(?:the\s+|dem\s+|den\s+|der\s+|die\s+)?(.+?)\s+(?:and|und)\s+(?:the\s+|dem\s+|den\s+|der\s+|die\s+)?(.+?)\s*$`)

// titleBetween reads a title naming one party by its role word and the
// other by a company name with a legal form.
func (x *extractor) titleBetween(ln line) (partyReading, bool) {
	m := reTitleBetween.FindStringSubmatchIndex(ln.text)
	if m == nil {
		return partyReading{}, false
	}
	a, b := ln.text[m[2]:m[3]], ln.text[m[4]:m[5]]
	roleA, okA := x.k.party.role[strings.ToLower(a)]
	roleB, okB := x.k.party.role[strings.ToLower(b)]
	nameAt, role := m[4], roleA
	switch {
	case okA && !okB:
	case okB && !okA:
		nameAt, role = m[2], roleB
	default:
		return partyReading{}, false
	}
	name := a
	if nameAt == m[4] {
		name = b
	}
	nr := x.readName(name)
	if nr.name == "" || !nr.legal {
		return partyReading{}, false
	}
	p := &model.Party{Name: nr.name, Evidence: x.evidencePtr(ln.start+nameAt+nr.start, ln.start+nameAt+nr.end)}
	return partyReading{role: otherRole(role), party: p, at: ln.start, src: "title"}, true
}

func (x *extractor) titleReadings() []partyReading {
	var out []partyReading
	for i, ln := range x.lines {
		if i >= 3 || ln.start > 600 {
			break
		}
		t := ln.text
		low := strings.ToLower(t)
		if len(t) <= 160 && x.hasTitleWord(low) && !x.k.isSub(low) && !x.templateTitle(low) {
			// "Data Processing Agreement between the Customer and Acme
			// GmbH": the company beside a role word takes the other role.
			if r, ok := x.titleBetween(ln); ok {
				out = append(out, r)
				continue
			}
		}
		if len(t) > 120 || reLongProse.MatchString(t) || x.k.isSub(low) || !x.hasTitleWord(low) || x.templateTitle(low) ||
			strings.Contains(low, "zwischen") || strings.Contains(low, "between") {
			continue
		}
		if x.k.party.roleRe.MatchString(t) || strings.Contains(low, " und ") || strings.Contains(low, " and ") {
			// "Lichtblick Medien GmbH – Auftragsverarbeitungsvertrag für
			// unsere Kundinnen und Kunden": a role word or "und" after the
			// dash that sets off the name, in a text in its own voice.
			if r, ok := x.dashTitle(ln); ok {
				out = append(out, r)
			}
			continue
		}
		locs := x.k.party.legalRe.FindAllStringSubmatchIndex(t+" ", -1)
		if len(locs) != 1 {
			continue
		}
		st := x.walkBack(t, locs[0][2])
		if st >= locs[0][2] {
			continue
		}
		nr := x.readName(t[st:locs[0][3]])
		if nr.name == "" || !nr.legal {
			continue
		}
		p := &model.Party{Name: nr.name, Evidence: x.evidencePtr(ln.start+st+nr.start, ln.start+st+nr.end)}
		role := "processor"
		if x.ownVoiceRole() == "controller" {
			// "Auftragsverarbeitungsvertrag der Stadtwerke X GmbH" above
			// "Sie verarbeiten … nur nach unseren Weisungen".
			role = "controller"
		}
		out = append(out, partyReading{role: role, party: p, at: ln.start, src: "title"})
	}
	return out
}

// dashTitle reads a heading that opens with a company's name set off by
// a dash, colon or bar from the title ("Lichtblick Medien GmbH –
// Auftragsverarbeitungsvertrag für unsere Kundinnen und Kunden",
// "Stadtwerke Auental GmbH – AVV für unsere Dienstleister"), whose title
// holds a role word or "und". The name is the text's own voice, so only
// a text that says which party that voice is (ownVoiceRole) reads it,
// with that role; the name must fill its side of the dash and end in a
// legal form.
func (x *extractor) dashTitle(ln line) (partyReading, bool) {
	t := ln.text
	sep := -1
	for _, d := range []string{" – ", " — ", " - ", ": ", " | "} {
		if i := strings.Index(t, d); i > 0 && (sep < 0 || i < sep) {
			sep = i
		}
	}
	if sep < 0 {
		return partyReading{}, false
	}
	name := strings.TrimSpace(t[:sep])
	if x.k.party.roleRe.MatchString(name) || strings.Contains(strings.ToLower(name), " und ") {
		return partyReading{}, false
	}
	locs := x.k.party.legalRe.FindAllStringSubmatchIndex(name+" ", -1)
	if len(locs) != 1 || locs[0][3] != len(name) || x.walkBack(name, locs[0][2]) != 0 {
		return partyReading{}, false
	}
	if !x.hasTitleWord(strings.ToLower(t[sep:])) {
		return partyReading{}, false
	}
	role := x.ownVoiceRole()
	if role == "" {
		return partyReading{}, false
	}
	nr := x.readName(name)
	if nr.name == "" || !nr.legal || nr.start != 0 {
		return partyReading{}, false
	}
	lead := len(t) - len(strings.TrimLeft(t, " \t"))
	p := &model.Party{Name: nr.name, Evidence: x.evidencePtr(ln.start+lead+nr.start, ln.start+lead+nr.end)}
	return partyReading{role: role, party: p, at: ln.start, src: "title"}, true
}

// hasTitleWord reports whether a lower-cased line holds a word of a
// contract's title ("Auftragsverarbeitungsvertrag", "Agreement").
func (x *extractor) hasTitleWord(low string) bool {
	for _, w := range strings.FieldsFunc(low, func(r rune) bool { return !unicode.IsLetter(r) && r != '-' }) {
		if isTitleCompound(w, x.k.party) {
			return true
		}
		switch w {
		case "vertrag", "vereinbarung", "agreement", "addendum", "dpa", "avv", "auftragsverarbeitung":
			return true
		}
	}
	return false
}

// weakName reports whether a name is a single word without a legal form.
func (x *extractor) weakName(name string) bool {
	return len(strings.Fields(name)) == 1 && x.k.party.legalRe.FindStringIndex(" "+name) == nil
}

// templateTitle reports whether a lower-cased title line is a template's
// ("Muster-AVV des Beispiel e.V."): a company it names published it.
func (x *extractor) templateTitle(low string) bool {
	for _, w := range strings.FieldsFunc(low, func(r rune) bool { return !unicode.IsLetter(r) && r != '-' }) {
		if x.k.party.template[w] || strings.HasPrefix(w, "muster") || strings.HasPrefix(w, "vorlage") {
			return true
		}
	}
	return false
}

var (
	// reRoleLine is the role entry of a list of parties in the annex of
	// the standard contractual clauses: "Role (controller/processor):
	// Processor", "Funktion (Verantwortlicher/Auftragsverarbeiter):
	// Auftragsverarbeiter".
	reRoleLine = prefilter.MustCompile(`(?i)^\s*(?:role|funktion|rolle)\s*(?:\([^)]{0,60}\))?\s*:\s*(processor|controller|auftragsverarbeiter|verantwortliche[rn]?)\b`)
	// reNameEntry is the name entry of the same list: "1. Name: …".
	reNameEntry = prefilter.MustCompile(`(?i)^\s*(?:\d{1,2}[.)]\s*)?(?:name|firma)\s*:\s*(\S.*)$`)
)

// roleLabelWords are the labels of reRoleLine, one of which the text must
// hold for annexReadings to run it on every line.
var roleLabelWords = prefilter.NewWords("role", "funktion", "rolle")

// annexReadings reads the list of parties of the standard contractual
// clauses' Annex I ("Data importer(s): 1. Name: … Address: … Role
// (controller/processor): Processor"), wherever it stands: each role entry
// names the party whose "Name:" entry comes before it.
func (x *extractor) annexReadings() []partyReading {
	if !roleLabelWords.In(x.lower) {
		return nil
	}
	var out []partyReading
	seen := map[string]bool{}
	for i, ln := range x.lines {
		m := reRoleLine.FindStringSubmatch(ln.text)
		if m == nil || x.inSubAnnex(i) {
			continue
		}
		role := "controller"
		if w := strings.ToLower(m[1]); w == "processor" || w == "auftragsverarbeiter" {
			role = "processor"
		}
		for k := i - 1; k >= 0 && k >= i-8; k-- {
			t := x.lines[k].text
			if reRoleLine.MatchString(t) {
				break
			}
			nm := reNameEntry.FindStringSubmatchIndex(t)
			if nm == nil {
				continue
			}
			if !seen[role] {
				first := line{start: x.lines[k].start + nm[2], end: x.lines[k].end, text: t[nm[2]:]}
				r := x.partyFromLines([]line{first}, true)
				r.role, r.at, r.src = role, ln.start, "annex"
				seen[role] = true
				out = append(out, r)
			}
			break
		}
	}
	return out
}

// inSubAnnex reports whether line i stands in an annex whose title lists
// sub-processors (parties.yaml sub_annex_words): the nearest annex
// heading within the 60 lines above names them.
func (x *extractor) inSubAnnex(i int) bool {
	for k := i - 1; k >= 0 && k >= i-60; k-- {
		t := x.annexHeadingTitle(x.lines[k].text)
		if t == "" {
			continue
		}
		for _, w := range x.k.party.subAnnex {
			if strings.Contains(t, w) {
				return true
			}
		}
		return false
	}
	return false
}

// runeStart returns the largest index at most i that starts a rune of s
// (len(s) for i past the end), so that s[runeStart(s, i):] is valid UTF-8
// where s is.
func runeStart(s string, i int) int {
	if i >= len(s) {
		return len(s)
	}
	for i > 0 && !utf8.RuneStart(s[i]) {
		i--
	}
	return i
}

// firstPersonText reports whether the text speaks in the first person
// singular: "ich" or "I" as a word at least twice (as the checker's
// firstPerson).
func (x *extractor) firstPersonText() bool {
	n := strings.Count(x.lower, " ich ") + strings.Count(x.lower, "\nich ")
	if n >= 2 {
		return true
	}
	return strings.Count(x.text, " I ")+strings.Count(x.text, "\nI ") >= 2
}

// usedAfter reports whether the text uses a short name read on a label
// line again after that line, as a word ("die Praxis", "the studio").
func (x *extractor) usedAfter(r partyReading) bool {
	if len(x.lower) != len(x.text) {
		return false
	}
	at := r.at
	if nl := strings.IndexByte(x.lower[min(at, len(x.lower)):], '\n'); nl >= 0 {
		at += nl
	} else {
		return false
	}
	return hasWord(x.lower[at:], strings.ToLower(r.short))
}

// selfQuotes are the quoted pronouns of a sentence that says whom the
// text's own voice means ("Mit „wir“ ist … die Webagentur gemeint", "In
// this agreement "I" and "me" mean …").
var selfQuotes = []string{"„wir“", "\"wir\"", "„ich“", "\"ich\"", "\"we\"", "“we”", "\"I\"", "“I”"}

// selfNamed reports whether the sentence that defines the text's own
// voice names the label short as that voice.
func (x *extractor) selfNamed(short string) bool {
	if len(x.lower) != len(x.text) {
		return false // offsets of the text would not hold in lower
	}
	ls := strings.ToLower(short)
	for _, q := range selfQuotes {
		i := strings.Index(x.text, q)
		if i < 0 || i > 8000 {
			continue
		}
		start := strings.LastIndexAny(x.text[:i], ".\n") + 1
		end := i + strings.IndexAny(x.text[i:], ".\n")
		if end < i {
			end = len(x.text)
		}
		// The voice is named before the other party is ("… mean Tom
		// Okafor …, and "the studio" means …"): up to a second quote.
		seg := x.lower[start:end]
		if k := strings.Index(seg[i-start+len(q):], " and "); k >= 0 {
			seg = seg[:i-start+len(q)+k]
		}
		if k := strings.Index(seg[i-start+len(q):], ", mit "); k >= 0 {
			seg = seg[:i-start+len(q)+k]
		}
		if hasWord(seg, ls) {
			return true
		}
	}
	return false
}

// organisationValue reports whether a field's value names an
// organisation without a legal form: two to eight words, no blank or
// placeholder, one of them (or the end of a German compound of at least
// five letters) one of organisation_words in parties.yaml.
func (x *extractor) organisationValue(v string) bool {
	v = strings.TrimSpace(v)
	if strings.ContainsAny(v, "_[]…<>") {
		return false
	}
	ws := strings.Fields(v)
	if len(ws) < 2 || len(ws) > 8 {
		return false
	}
	for _, w := range ws {
		lw := strings.ToLower(strings.Trim(w, ",.;:()"))
		if x.k.party.orgWord[lw] {
			return true
		}
		for o := range x.k.party.orgWord {
			if len(o) >= 5 && len(lw) > len(o) && strings.HasSuffix(lw, o) {
				return true
			}
		}
	}
	return false
}

// closingLabel reads a closing block's party after the head: a role label
// alone on its line ("Auftraggeber:", "Processor:") with the company on
// the very next line, a name with a legal form that fills the line
// ("Auftraggeber:" / "Brandt & Söhne Kältetechnik GmbH" / "Hafenring 14,
// …"). The head's block reading covers such blocks only in the first
// third of a text; a person or placeholder under the label is none.
func (x *extractor) closingLabel(i int) (partyReading, bool) {
	t := strings.TrimSpace(x.lines[i].text)
	if !strings.HasSuffix(t, ":") || i+1 >= len(x.lines) {
		return partyReading{}, false
	}
	kind, role, _ := x.labelKind(t)
	if kind != "lead" || role != "processor" && role != "controller" {
		return partyReading{}, false
	}
	next := x.lines[i+1]
	if strings.Count(x.text[x.lines[i].end:next.start], "\n") > 1 || len(next.text) > 80 {
		return partyReading{}, false
	}
	if x.inSubAnnex(i) {
		return partyReading{}, false
	}
	r := x.partyFromLines(x.blockAfter(i), false)
	if r.party == nil || r.party.Name != strings.TrimSpace(next.text) || x.k.party.legalRe.FindStringIndex(" "+r.party.Name) == nil {
		return partyReading{}, false
	}
	r.role, r.at, r.src = role, x.lines[i].start, "signature"
	return r, true
}
