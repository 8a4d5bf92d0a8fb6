package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/art28/art28/internal/prefilter"
)

// Notes for a party that is not named. They say why, so that a reader
// can check the contract at the cited place.
const (
	notePlaceholder = "placeholder: the template's field for the party is not filled in"
	noteBlank       = "blank form field: nothing is filled in after the label"
	noteGeneric     = "not named: the contract describes the party only generically"
	noteReference   = "reference elsewhere: the contract points to another document for the party"
	noteRoleOnly    = "not named: only a role word stands where a name would be"
	noteTitle       = "not named: the text at the party's place is the contract's title or a heading"
	noteFragment    = "not named: the text at the party's place is a fragment of a sentence"
	noteNoName      = "not named: no name could be read at the party's place"
	noteSignatory   = "not named: only a signatory stands under the role in the signature block"
)

// nameRead is a party name read from a phrase: the name's span in the
// phrase, the owner of a sole trader and a brand; or no name and a note.
type nameRead struct {
	name       string
	start, end int // span of name in the phrase
	owner      string
	brand      string
	legal      bool // the name ends in a legal form
	note       string
}

// blankRun reports whether s holds a run of blanks to fill in: three
// underscores, four dots or two ellipses (the expression
// `_{3,}|\.{4,}|…{2,}` as substring tests).
func blankRun(s string) bool {
	return strings.Contains(s, "___") || strings.Contains(s, "....") || strings.Contains(s, "……")
}

var (
	reFieldLabel = prefilter.MustCompile(`^([\p{L}][\p{L} ./\-]{0,38}?)\s*(?::|\||\t)\s*`)
	reQuoteChars = lazyRegexp(`[„“”"«»‚‘]`)
	reWord       = lazyRegexp(`[^\s]+`)
	reNumbering  = prefilter.MustCompile(`^(?:\(\d{1,2}\)|\d{1,2}[.)]|\(?[a-h]\))\s+`)
)

// phraseSpan is a window [lo, hi) on a phrase that keeps its offsets while it
// is trimmed.
type phraseSpan struct {
	s      string
	lo, hi int
}

func (p phraseSpan) text() string { return p.s[p.lo:p.hi] }

// trim drops spaces and the given marks at both ends.
func (p *phraseSpan) trim(marks string) {
	for p.lo < p.hi {
		r, n := utf8.DecodeRuneInString(p.s[p.lo:p.hi])
		if !unicode.IsSpace(r) && !strings.ContainsRune(marks, r) {
			break
		}
		p.lo += n
	}
	for p.hi > p.lo {
		r, n := utf8.DecodeLastRuneInString(p.s[p.lo:p.hi])
		if !unicode.IsSpace(r) && !strings.ContainsRune(marks, r) {
			break
		}
		p.hi -= n
	}
}

const leadMarks = "-–—•·*,;:>|/"
const tailMarks = "-–—•·*,;:|/"

// readName reads a party's name from phrase, the text that stands at a
// party's place (a block's first line, the words before a definition).
// It strips labels, connectors and articles, cuts off what follows the
// name (address, representative, legal basis) and rejects what is no
// name (placeholder, blank field, role word, generic description, title,
// fragment), saying why in the note. A reading depends on the phrase
// alone, and the readers of a document ask for the same lines again and
// again: it is read once per document.
func (x *extractor) readName(phrase string) nameRead {
	if r, ok := x.names[phrase]; ok {
		return r
	}
	r := x.readNameOnce(phrase)
	if x.names == nil {
		x.names = map[string]nameRead{}
	}
	x.names[phrase] = r
	return r
}

// readNameOnce is readName without the memo.
// reDashedLawKind is a dash before the kind of a body in public or civil
// law: " – Anstalt des öffentlichen Rechts", " – rechtsfähige Stiftung
// des bürgerlichen Rechts", " – Körperschaft des öffentlichen Rechts".
var reDashedLawKind = lazyRegexp(`(?i)\s[–—-]\s+(?:\p{L}+e\s+)?(?:anstalt|körperschaft|stiftung|zweckverband)\s+(?:des|in|im)\s+(?:öffentlichen|bürgerlichen|privaten)\s+rechts?\b`)

func (x *extractor) readNameOnce(phrase string) nameRead {
	pk := x.k.party
	p := phraseSpan{s: phrase, hi: len(phrase)}
	p.trim(leadMarks)
	if p.lo >= p.hi {
		return nameRead{note: noteBlank}
	}
	if blankOnly(p.text()) {
		return nameRead{note: noteBlank}
	}
	if m := reFieldLabel.FindStringIndex(p.text()); m != nil && blankOnly(p.text()[m[1]:]) {
		return nameRead{note: noteBlank}
	}
	if x.k.IsPlaceholder(p.text()) || x.fieldDescription(p.text()) {
		return nameRead{note: notePlaceholder}
	}
	// Connectors and numbering: "und dem/der", "zwischen der", "by and
	// between", "(1)", "2.", "b)".
	for {
		m := pk.connectorRe.FindStringIndex(p.text())
		if m == nil || m[1] == 0 {
			m = reNumbering.FindStringIndex(p.text())
		}
		if m == nil || m[1] == 0 {
			break
		}
		p.lo += m[1]
		p.trim(leadMarks)
	}
	if p.lo >= p.hi {
		return nameRead{note: noteFragment}
	}
	// A form field: "Name: …", "Kundenname: ____", "Anbieter | …".
	if m := reFieldLabel.FindStringSubmatchIndex(p.text()); m != nil {
		label := strings.ToLower(strings.TrimSpace(p.text()[m[2]:m[3]]))
		_, isRole := pk.role[label]
		switch {
		case pk.nameLabel[label] || isRole || pk.generic[label]:
			p.lo += m[1]
			p.trim(leadMarks)
			if p.lo >= p.hi || blankOnly(p.text()) {
				return nameRead{note: noteBlank}
			}
		case pk.otherLbl[label]:
			return nameRead{note: noteNoName}
		}
	}
	t := p.text()
	if blankRun(t) || pk.ph.MatchString(t) || x.k.IsPlaceholder(t) {
		return nameRead{note: notePlaceholder}
	}

	// Articles and generic heads: "der Kunde", "dem Kunden der X GmbH",
	// "die Firma Muster GmbH" (an apposition keeps the name).
	hadArticle := false
	for {
		w, n := firstWord(p.text())
		lw := strings.ToLower(strings.Trim(w, ",;:"))
		_, isRole := pk.role[lw]
		if w == "The" && !hadArticle {
			// "The Old Mill Hotel Limited": a capitalised article that
			// opens a company's name before a capitalised word that is no
			// role or generic word.
			rest := p.text()[n:]
			nw, _ := firstWord(rest)
			_, nextRole := pk.role[strings.ToLower(nw)]
			if r, _ := utf8.DecodeRuneInString(nw); unicode.IsUpper(r) && !nextRole && !pk.generic[strings.ToLower(nw)] && pk.legalRe.MatchString(x.firstPartText(rest)) {
				break
			}
		}
		if pk.article[lw] || pk.salute[lw] {
			p.lo += n
			p.trim("")
			hadArticle = hadArticle || pk.article[lw]
			continue
		}
		if pk.pronoun[lw] && strings.HasSuffix(w, ",") && !hadArticle {
			// "Wir, die Klickfabrik GmbH, …", "We, Acme Ltd, …": the
			// pronoun's apposition names the party.
			if nw, _ := firstWord(p.text()[n:]); nw != "" {
				p.lo += n
				p.trim("")
				continue
			}
		}
		if isRole || pk.generic[lw] || lw == "firma" || lw == "company" {
			rest := strings.TrimSpace(p.text()[n:])
			nw, _ := firstWord(rest)
			r, _ := utf8.DecodeRuneInString(nw)
			if pk.generic[lw] && pk.place[nw] && pk.legalRe.MatchString(rest) {
				// "Kanzlei am Dom GmbH", "Apotheke am Markt e. K.": a
				// generic head with a place, ending in a legal form, is
				// the company's name.
				break
			}
			if pk.generic[lw] && (nw == "für" || nw == "for") && x.namedAfterFor(rest[len(nw):]) {
				// "Praxis für Physiotherapie Jana Koch", "Zentrum für
				// Logopädie Weber": a generic head with its field and the
				// owner's name is the practice's name.
				break
			}
			if nw == "" || !unicode.IsUpper(r) && !unicode.IsDigit(r) || pk.article[strings.ToLower(nw)] || pk.legalRe.MatchString(" "+nw) && pk.legalRe.FindStringSubmatchIndex(" " + nw)[2] == 1 {
				if isRole && nw == "" {
					return nameRead{note: noteRoleOnly}
				}
				return nameRead{note: noteGeneric}
			}
			if _, next := pk.role[strings.ToLower(nw)]; next || pk.generic[strings.ToLower(nw)] {
				return nameRead{note: noteGeneric}
			}
			if !isRole && lw != "firma" && lw != "company" && (!hadArticle || lw != "unternehmen") {
				// "Praxis Dr. Beispiel", "die Schule am Markt": the head
				// word is part of the name.
				break
			}
			p.lo += n
			p.trim("")
			continue
		}
		break
	}
	if p.lo >= p.hi {
		return nameRead{note: noteGeneric}
	}
	// What follows the name: the first part of a comma, "·" or "|" list
	// (a legal form after a comma stays: "Acme, Inc."), and before a cut
	// marker (representative, seat, legal basis).
	var r nameRead
	p.hi = p.lo + x.firstPart(p.text())
	if m := reDashedLawKind().FindStringIndex(p.text()); m != nil && m[0] > 0 {
		// "Kommunale Datenzentrale Nordheide – Anstalt des öffentlichen
		// Rechts –": the body's kind set off by dashes ends its name.
		p.hi = p.lo + m[0]
	}
	if m := pk.cutRe.FindStringIndex(p.text()); m != nil && !x.markerInName(p.text(), m[0]) {
		p.hi = p.lo + m[0]
	}
	if m := pk.brandRe.FindStringIndex(p.text()); m != nil {
		r.brand = strings.Trim(p.text()[m[1]:], " „“\"'”")
		p.hi = p.lo + m[0]
	} else if m := pk.brandOfRe.FindStringIndex(p.text()); m != nil && m[0] > 0 {
		// "MusterSoft – eine Marke der Muster GmbH": the brand comes
		// first, the legal person after.
		r.brand = strings.Trim(p.text()[:m[0]], " –—-,„“\"'”")
		p.lo += m[1]
		p.trim(leadMarks)
	}
	if m := pk.ownerRe.FindStringIndex(p.text()); m != nil {
		owner := strings.TrimSpace(pk.soleRe.Plain().ReplaceAllString(p.text()[m[1]:], ""))
		owner = strings.Trim(owner, " :–—-,")
		if strings.TrimSpace(strings.Trim(p.text()[:m[0]], " –—-,")) == "" {
			// "Inhaber: Max Muster": the owner is the party.
			p.lo += m[1]
			p.trim(leadMarks)
		} else {
			r.owner = owner
			p.hi = p.lo + m[0]
		}
	}
	if m := pk.soleRe.FindStringIndex(p.text()); m != nil {
		p.hi = p.lo + m[0]
	}
	// A legal form ends the name ("X GmbH Weg 1 12345 Ort").
	m := pk.legalRe.FindStringSubmatchIndex(p.text())
	if m != nil && m[2] == 0 && headForm(p.text()[:m[3]]) {
		// "Stiftung Alterszentrum Rosengarten", "Genossenschaft Migros
		// Aare": a form written as a word may open the name; a later
		// form ends it, else the name runs to the end of its part.
		if m2 := pk.legalRe.FindStringSubmatchIndex(p.text()[m[3]:]); m2 != nil {
			for k := range m2 {
				if m2[k] >= 0 {
					m2[k] += m[3]
				}
			}
			m = m2
		} else if nw, _ := firstWord(p.text()[m[3]:]); nw != "" && unicode.IsUpper([]rune(nw)[0]) {
			m = nil
			r.legal = true
		}
	}
	if m != nil && m[2] > 0 && headForm(p.text()[m[2]:m[3]]) {
		// "Weserbergland-Stiftung für Jugend und Familie": a form
		// written as a word ending a compound, then "für"/"for" and the
		// body's field in capitalised words, is one name.
		if n := x.forField(p.text()[m[3]:]); n > 0 {
			p.hi = p.lo + m[3] + n
			m = nil
			r.legal = true
		}
	}
	if m != nil {
		if reLongProse.MatchString(p.text()[m[3]:]) {
			// "Acme Ltd shall ensure …": a sentence about the company.
			return nameRead{note: noteFragment}
		}
		p.hi = p.lo + m[3]
		r.legal = true
	}
	p.trim(tailMarks)
	// Unbalanced parentheses at the end: "X (", "Caelex (Auftragsverarbeiter".
	if t := p.text(); strings.Count(t, "(") > strings.Count(t, ")") {
		p.hi = p.lo + strings.LastIndex(t, "(")
		p.trim(tailMarks)
	}
	name := p.text()
	if lt := strings.ToLower(strings.Trim(name, " .,;:")); pk.nameLabel[lt] || pk.otherLbl[lt] {
		// "Verantwortlicher: Name, Anschrift, Vertreter": a form's
		// field names where the party's data are to go.
		return nameRead{note: notePlaceholder}
	}
	if note := x.notAName(name, r.legal); note != "" {
		if (note == noteNoName || note == noteFragment) && pk.refRe.MatchString(phrase) {
			note = noteReference
		}
		return nameRead{note: note}
	}
	if pk.refRe.MatchString(name) && !r.legal {
		return nameRead{note: noteReference}
	}
	r.name, r.start, r.end = name, p.lo, p.hi
	return r
}

// headForm reports whether a legal form is a capitalised word that may
// also open a name ("Stiftung …", "Genossenschaft …"), unlike an
// abbreviation ("AG", "GmbH").
func headForm(f string) bool {
	if len(f) < 6 || f[0] < 'A' || f[0] > 'Z' {
		return false
	}
	for _, c := range f[1:] {
		if !unicode.IsLower(c) {
			return false
		}
	}
	return true
}

// fieldDescription reports whether t only describes the field a
// template leaves to fill in: label words, role words, articles and
// joiners ("(Name und Anschrift des Auftraggebers)", "Firma / Sitz des
// Kunden", "[Straße, PLZ, Ort]").
func (x *extractor) fieldDescription(t string) bool {
	pk := x.k.party
	labels := 0
	ws := strings.FieldsFunc(strings.ToLower(t), func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune("()[]/,;:", r)
	})
	if len(ws) < 2 || len(ws) > 10 {
		return false
	}
	for _, w := range ws {
		_, isRole := pk.role[w]
		switch {
		case isRole || pk.article[w] || pk.joiner[w] || pk.generic[w]:
		case pk.nameLabel[w] || pk.otherLbl[w] || pk.nonName[w]:
			labels++
		default:
			return false
		}
	}
	return labels > 0
}

// markerInName reports whether the cut marker at offset at of t is a
// word of a company's name: capitalised, with only capitalised words up
// to a legal form after it ("DialogWerk Contact Services GmbH",
// "Registered Office Solutions Ltd").
func (x *extractor) markerInName(t string, at int) bool {
	rest := strings.TrimLeft(t[at:], " ,;(")
	if r, _ := utf8.DecodeRuneInString(rest); !unicode.IsUpper(r) || at == 0 {
		return false
	}
	m := x.k.party.legalRe.FindStringSubmatchIndex(rest)
	if m == nil {
		return false
	}
	for _, w := range strings.Fields(rest[:m[2]]) {
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) && !x.k.party.joiner[strings.ToLower(w)] {
			return false
		}
	}
	return true
}

// blankOnly reports whether s holds only the marks of a blank field
// ("______", "…", "- - -").
func blankOnly(s string) bool {
	return strings.Trim(s, " \t_.…-–—·*:") == ""
}

// firstWord returns the first word of s and the offset after it.
func firstWord(s string) (string, int) {
	m := reWord().FindStringIndex(s)
	if m == nil {
		return "", len(s)
	}
	return s[m[0]:m[1]], m[1]
}

// firstPartText returns the first part of s (firstPart).
func (x *extractor) firstPartText(s string) string { return s[:x.firstPart(s)] }

// firstPart returns the length of the first part of a list written with
// commas, semicolons, "·", "|" or tabs; a part that is a legal form joins
// the one before ("Acme, Inc."). Parentheses are kept whole.
func (x *extractor) firstPart(s string) int {
	depth := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '(':
			depth++
		case ')':
			if depth > 0 {
				depth--
			}
		case ',', ';', '|', '\t':
			if depth > 0 {
				continue
			}
			if s[i] == ',' {
				rest := strings.TrimSpace(s[i+1:])
				if m := x.k.party.legalRe.FindStringSubmatchIndex(" " + rest); m != nil && m[2] == 1 {
					continue
				}
				if x.partnerComma(s[:i], s[i+1:]) {
					continue
				}
			}
			return i
		default:
			if depth == 0 && (strings.HasPrefix(s[i:], "·") || strings.HasPrefix(s[i:], " – ") && reStartsAddress(s[i+len(" – "):])) {
				return i
			}
		}
	}
	return len(s)
}

// reStartsAddress reports whether s starts with a street or postcode.
func reStartsAddress(s string) bool {
	s = strings.TrimSpace(s)
	if m := rePostcodeCity.FindStringIndex(s); m != nil && m[0] <= 1 {
		return true
	}
	m := reStreet.FindStringIndex(s)
	return m != nil && m[0] == 0
}

// genitiveInName reports whether word k of a name's words is a genitive
// article inside the name of an association or body: "der"/"des"
// (genitive_in_names) between a capitalised first part that opens the
// name and a capitalised word ("Landesverband Nord der Kleingärtner",
// "Förderverein der Grundschule"), the word before no noun of a relation
// ("Tochtergesellschaft der …"), no role, title word or generic word,
// and only one such article in the name.
func (x *extractor) genitiveInName(ws []string, k int) bool {
	pk := x.k.party
	if !pk.genitive[ws[k]] || k == 0 || k+1 >= len(ws) {
		return false
	}
	for j, w := range ws {
		if j != k && pk.notInName[strings.ToLower(strings.Trim(w, ",.;()"))] {
			return false
		}
	}
	prev, next := strings.Trim(ws[k-1], ",.;()"), ws[k+1]
	if strings.ContainsAny(ws[k-1], ",;") {
		return false
	}
	for _, w := range []string{prev, next, ws[0]} {
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) {
			return false
		}
	}
	lp := strings.ToLower(prev)
	if _, ok := pk.role[lp]; ok || pk.genRel[lp] || pk.title[lp] || pk.titleHead[lp] || isTitleCompound(lp, pk) {
		return false
	}
	if _, ok := pk.role[strings.ToLower(ws[0])]; ok {
		return false
	}
	return true
}

// notAName says why name is no party name, or "" when it is one.
func (x *extractor) notAName(name string, legal bool) string {
	pk := x.k.party
	if name == "" {
		return noteNoName
	}
	if len(name) > 100 || reQuoteChars().MatchString(name) || strings.ContainsAny(name, ":_[]{}<>@") {
		return noteNoName
	}
	if r, _ := utf8.DecodeRuneInString(name); !unicode.IsLetter(r) && !unicode.IsDigit(r) {
		return noteFragment
	}
	words := strings.Fields(name)
	if len(words) == 1 && pk.pronoun[strings.ToLower(strings.Trim(name, ",.;"))] {
		return noteGeneric
	}
	if len(words) > 10 {
		return noteFragment
	}
	lw0 := strings.ToLower(strings.TrimRight(words[0], ",.;"))
	if pk.fragStart[lw0] || pk.fragStart[strings.ToLower(words[0])] {
		return noteFragment
	}
	if reLongProse.MatchString(name) {
		return noteFragment
	}
	roles, titles, named := 0, 0, 0
	for _, w := range words {
		lw := strings.ToLower(strings.Trim(w, ",.;()"))
		if _, ok := pk.role[lw]; ok {
			roles++
			continue
		}
		if pk.generic[lw] {
			// "Praxis Dr. Beispiel": a generic head may open a name.
			continue
		}
		if pk.title[lw] || pk.article[lw] || pk.nonName[lw] || strings.ContainsAny(lw, "0123456789") && len(lw) < 6 || lw == "" {
			titles++
			continue
		}
		if isTitleCompound(lw, pk) {
			titles++
			continue
		}
		named++
	}
	if last := strings.ToLower(strings.Trim(words[len(words)-1], ",.;()")); !legal && len(words) > 1 && (pk.titleHead[last] || isTitleCompound(last, pk)) {
		// "Data Processing Agreement", "Vertrag über die
		// Auftragsverarbeitung / Data Processing Agreement": a title.
		return noteTitle
	}
	if named == 0 {
		switch {
		case titles > 0 && titles >= roles:
			return noteTitle
		case roles > 0:
			return noteRoleOnly
		}
		return noteNoName
	}
	if legal {
		// The words before the legal form name the company: "processor,
		// Inc." (a role word and the form) or a sentence ending in a
		// company are no name.
		body := name
		if m := pk.legalRe.FindStringSubmatchIndex(name); m != nil {
			body = name[:m[2]]
			if m[2] == 0 && headForm(name[:m[3]]) {
				// "Stiftung Alterszentrum Rosengarten".
				body = name[m[3]:]
			}
		}
		own := 0
		bw := strings.Fields(body)
		for k, w := range bw {
			lw := strings.ToLower(strings.Trim(w, ",.;()"))
			if pk.notInName[lw] && lw == strings.Trim(w, ",.;()") && !x.genitiveInName(bw, k) {
				return noteFragment
			}
			if _, ok := pk.role[lw]; !ok && lw != "" && !pk.article[lw] {
				own++
			}
		}
		if own == 0 {
			return noteRoleOnly
		}
		return ""
	}
	if x.authorityName(words) {
		return ""
	}
	// Without a legal form: a person, a sole trader's business or a brand
	// written as a proper name: few words, each capitalised (or a joiner).
	if len(words) > 6 || titles > 0 && named <= titles {
		return noteFragment
	}
	if roles > 0 {
		return noteGeneric
	}
	if len(words) <= 2 {
		// "IT-Dienstleister", "Websitebetreiber": a compound of a role or
		// generic word describes the party.
		// A compound of a generic word before a capitalised proper name
		// is the business's name ("Fahrschule Lenz", "Malerbetrieb
		// Vogt"); a compound of a role word never is.
		for i, w := range words {
			lw := strings.ToLower(strings.Trim(w, ",.;()"))
			if x.roleCompound(lw, i+1 < len(words) && x.ownName(words[i+1])) {
				return noteGeneric
			}
		}
	}
	for i, w := range words {
		r, _ := utf8.DecodeRuneInString(strings.Trim(w, "()"))
		lw := strings.ToLower(w)
		if unicode.IsUpper(r) || unicode.IsDigit(r) || pk.joiner[lw] || pk.degree[lw] {
			continue
		}
		if i > 0 && i+1 < len(words) && (pk.place[lw] || i+2 < len(words) && pk.place[lw+" "+words[i+1]]) {
			// "Grundschule am Park", "Haus an der Alster": a place after
			// the first word, a capitalised word after the place.
			continue
		}
		if w0 := strings.ToLower(words[0]); i == 1 && (lw == "für" || lw == "for") && (pk.generic[w0] || pk.forHead[w0]) && x.namedAfterFor(strings.Join(words[2:], " ")+" ") {
			// "Praxis für Physiotherapie Jana Koch", "Zentrum für
			// Ergotherapie Karin Lüders", "Centre for Sleep Medicine
			// Bristol".
			continue
		}
		return noteFragment
	}
	return ""
}

// authorityName reports whether words name a public body without a legal
// form: a capitalised head word ending in one of the knowledge's authority
// heads, then "für", "des" or "der" and its field, ending in a capitalised
// word ("Landesamt für Flurneuordnung und ländliche Entwicklung
// Ostmark-Lausitz", "Ministerium des Innern"). Such names hold lower-case
// adjectives and run longer than a person's or a business's name.
func (x *extractor) authorityName(words []string) bool {
	pk := x.k.party
	if len(words) < 3 || len(words) > 12 {
		return false
	}
	if w := strings.ToLower(words[1]); w != "für" && w != "des" && w != "der" {
		return false
	}
	head := strings.Trim(words[0], ",.;()")
	if r, _ := utf8.DecodeRuneInString(head); !unicode.IsUpper(r) {
		return false
	}
	lh := strings.ToLower(head)
	ok := false
	for _, a := range pk.authority {
		if strings.HasSuffix(lh, a) {
			ok = true
			break
		}
	}
	if !ok {
		return false
	}
	last := strings.Trim(words[len(words)-1], ",.;()")
	if r, _ := utf8.DecodeRuneInString(last); !unicode.IsUpper(r) {
		return false
	}
	for _, w := range words[2:] {
		lw := strings.ToLower(strings.Trim(w, ",.;()"))
		if _, isRole := pk.role[lw]; isRole || pk.notInName[lw] || pk.nonName[lw] {
			return false
		}
	}
	return true
}

// isTitleCompound reports whether w is a compound of a title word
// ("auftragsverarbeitungsvertrag", "datenschutzvereinbarung").
func isTitleCompound(w string, pk *partyKnowledge) bool {
	for _, suf := range []string{"vertrag", "vereinbarung", "bedingungen", "verarbeitung", "agreement", "addendum"} {
		if strings.HasSuffix(w, suf) && len(w) > len(suf) {
			return true
		}
	}
	return false
}

// roleCompound reports whether w ends in a role or generic word of at
// least six letters ("it-dienstleister", "hostinganbieter").
//
// With roleOnly it counts compounds of role words alone.
func (x *extractor) roleCompound(w string, roleOnly bool) bool {
	for i := 1; i < len(w); i++ {
		if w[i-1]&0xC0 == 0x80 && w[i]&0xC0 == 0x80 {
			continue
		}
		suf := strings.TrimLeft(w[i:], "-")
		if len(suf) < 6 {
			break
		}
		if _, ok := x.k.party.role[suf]; ok || !roleOnly && x.k.party.generic[suf] {
			return true
		}
	}
	return false
}

// ownName reports whether w is a capitalised word that is neither a role
// nor a generic word nor a compound of one: a proper name ("Lenz").
func (x *extractor) ownName(w string) bool {
	w = strings.Trim(w, ",.;()")
	r, _ := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(r) {
		return false
	}
	lw := strings.ToLower(w)
	_, isRole := x.k.party.role[lw]
	pk := x.k.party
	return !isRole && !pk.generic[lw] && !pk.article[lw] && !pk.nonName[lw] && !pk.title[lw] && !x.roleCompound(lw, false)
}

// forField returns the length of " für <Field>" at the start of s when
// the field is two to six capitalised words (joiners allowed) up to a
// comma, a bracket, the line's or a cell's end or a column gap of two
// spaces, and holds no legal form; else 0.
func (x *extractor) forField(s string) int {
	var lead string
	switch {
	case strings.HasPrefix(s, " für "):
		lead = " für "
	case strings.HasPrefix(s, " for "):
		lead = " for "
	default:
		return 0
	}
	t := s[len(lead):]
	if i := strings.IndexAny(t, ",(\n|\t;"); i >= 0 {
		t = t[:i]
	}
	if i := strings.Index(t, "  "); i >= 0 {
		t = t[:i]
	}
	t = strings.TrimRight(t, " .")
	if t == "" || x.k.party.legalRe.MatchString(t) || !x.namedAfterFor(t+" ") {
		return 0
	}
	return len(lead) + len(t)
}

// namedAfterFor reports whether the words after "für"/"for" in a party
// phrase name a practice: a capitalised field and a name of two or more
// capitalised words ("Physiotherapie Jana Koch"), none an article, a role
// or a generic word, up to the first comma or the end of a table cell.
func (x *extractor) namedAfterFor(s string) bool {
	if i := strings.IndexAny(s, ",(\n|\t"); i >= 0 {
		// A table's cell ends the name as a comma does.
		s = s[:i]
	}
	ws := strings.Fields(s)
	if len(ws) < 2 || len(ws) > 6 {
		return false
	}
	pk := x.k.party
	for _, w := range ws {
		lw := strings.ToLower(w)
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) && !pk.joiner[lw] || pk.article[lw] || pk.generic[lw] {
			return false
		}
		if _, isRole := pk.role[lw]; isRole {
			return false
		}
	}
	return true
}

// partnerComma reports whether the comma between head and rest lies inside
// a firm named after its partners ("Dres. Weidinger, Okafor und Lemke
// GbR", "Hale, Brook & Amin LLP"): head holds no legal form and is no
// person's name, and the next part of rest is capitalised names joined by
// one "und"/"and"/"&" that end in a legal form, without digits.
func (x *extractor) partnerComma(head, rest string) bool {
	part := rest
	if j := strings.IndexAny(rest, ",;|\t("); j >= 0 {
		part = rest[:j]
	}
	part = strings.TrimSpace(part)
	if len(part) < 8 || len(part) > 80 || strings.ContainsAny(part, "0123456789") {
		return false
	}
	if !strings.Contains(part, " und ") && !strings.Contains(part, " and ") && !strings.Contains(part, " & ") {
		return false
	}
	pk := x.k.party
	loc := pk.legalRe.FindAllStringSubmatchIndex(" "+part+" ", -1)
	if len(loc) != 1 || loc[0][3] != len(part)+1 {
		return false
	}
	ws := strings.Fields(part[:max(0, loc[0][2]-1)])
	if len(ws) < 3 || len(ws) > 5 {
		return false
	}
	joiners := 0
	for _, w := range ws {
		switch w {
		case "und", "and", "&":
			joiners++
			continue
		}
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) || pk.generic[strings.ToLower(w)] {
			return false
		}
		if _, ok := pk.role[strings.ToLower(w)]; ok {
			return false
		}
	}
	if joiners != 1 {
		return false
	}
	h := strings.TrimSpace(head)
	if h == "" || pk.legalRe.FindStringIndex(" "+h+" ") != nil || x.personLike(h) || strings.ContainsAny(h, "0123456789,;:") {
		return false
	}
	lw := h[strings.LastIndexByte(h, ' ')+1:]
	if r, _ := utf8.DecodeRuneInString(lw); !unicode.IsUpper(r) {
		return false
	}
	return true
}
