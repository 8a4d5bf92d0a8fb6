package extract

import (
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/art28/art28/internal/lexicon"
	"github.com/art28/art28/internal/model"
	"github.com/art28/art28/internal/prefilter"
)

// A defUnit is a definition of a party's role or short name in running
// text: "(nachfolgend „Auftragnehmer“)", "– nachfolgend „Verantwortlicher“
// genannt –", ", im Folgenden Auftraggeber,", "(„Bekvor“)", "is the
// Processor". The party is named before it, or inside its parentheses
// ("der Anbieter (Leadesk UG (haftungsbeschränkt), „Auftragnehmer“)").
type defUnit struct {
	start, end int // the definition's span in the text
	role       string
	shorts     []string
	inner      [2]int // span of a name inside the parentheses, or 0, 0
	statement  bool   // "X is the processor": a legal-form name must precede
	// shortOnly marks a statement by "als" ("handelt Caelex als
	// Auftragsverarbeiter"): only a short name the contract defined
	// before may precede, never a company read from the text (a list of
	// sub-processors names companies "als Auftragsverarbeiter" too).
	shortOnly bool
	// from is where the phrase naming the party may start at the
	// earliest: after the words of a naming sentence ("nennen wir"), or 0.
	from int
}

var (
	reDashDef = lazyRegexp(`(?im)(?:^|\s)[–—-]\s*((?:im folgenden|nachfolgend|nachstehend|hereinafter|hereafter|in der folge)[^–—\n()]{1,80}?)\s*(?:[–—]|\s-(?:\s|$)|$)`)
	// An optional gloss in brackets may follow the defined word, as in
	// translated Dutch models: hereinafter: "the Controller"
	// (verwerkingsverantwoordelijke); (hold10). A comma may follow the
	// opener, as in translated Spanish heads: ", hereinafter, THE
	// CONTROLLER;" (pendx13).
	reCommaDef = lazyRegexp(`(?i),\s*((?:im folgenden|nachfolgend|nachstehend|hereinafter|hereafter)\b,?[^,;\n()]{1,60}?)\s*(?:\([^()\n]{1,40}\)\s*)?(?:,|;|$|\.\s)`)
	// reStateDef: "X ist Auftragsverarbeiter", "Die Kanzlei ist für diese
	// Daten Verantwortliche".
	reStateDef = lazyRegexp(`(?i)\s(?:is|ist|acts as|act as|acting as|handelt als|fungiert als)\s+(?:(?:für|for)\s+(?:\p{L}+\s+){1,2})?(?:the\s+|der\s+|die\s+|als\s+|a\s+|its\s+|their\s+)?(?:\p{Lu}[\p{L}-]*['’]s\s+)?["“„]?(?:data\s+)?(processor|controller|auftragsverarbeiter(?:in)?|verantwortliche[r]?|auftragnehmer(?:in)?|auftraggeber(?:in)?)\b`)
	// reAlsDef: "handelt Caelex als Auftragsverarbeiter", "die
	// Dienstleisterin wird als Auftragsverarbeiterin tätig" (see
	// defUnit.shortOnly).
	reAlsDef = lazyRegexp(`(?i)\sals\s+(?:der\s+|die\s+)?(auftragsverarbeiter(?:in)?|verantwortliche[r]?)\b`)
	// reQuotedThenWhich: a closing quote, then a relative clause.
	reQuotedThenWhich = lazyRegexp(`["”“’]\s*,\s*(?:which|who)\b`)
	// reBareTerm: an unquoted defined term "the Practice", "the Supplier".
	reBareTerm = lazyRegexp(`^the\s+\p{Lu}[\p{L}-]+$`)
)

// reBetween is "zwischen" or "between" as a word of its own (as the
// head of a contract names its parties), behind a literal prefilter: most
// texts it is run on hold neither word.
var reBetween = prefilter.MustCompile(`(?i)(?:^|\s)(?:zwischen|between)(?:\s|$)`)

// definitionReadings reads the parties defined in running text in the
// first n bytes. It also returns the short names defined for a named
// party ("Caelex GmbH, … („Caelex“)"), lower-cased.
func (x *extractor) definitionReadings(n int) ([]partyReading, map[string]partyReading) {
	units := x.defUnits(n)
	var out []partyReading
	shorts := x.tableTerms(n)
	prevEnd := 0
	// pending is a company defined by a short name only, right before
	// "and"/"und": the other party of "between A ("Acme") and B
	// ("Customer")" takes the other role.
	var pending *partyReading
	pendingEnd := -1
	// roleDef is the last party defined with a role ("Mutuelle …,
	// hereinafter "the Data Controller", and Numéris Archivage SAS, …,
	// hereinafter "the Subcontractor""): a company defined right after it,
	// joined by "and", by a short name that is no role word, is the other
	// party.
	var roleDef *partyReading
	roleDefEnd := -1
	for _, u := range units {
		r, ok := x.readDefUnit(u, prevEnd, shorts)
		joined := pendingEnd >= 0 && reAndJoin.MatchString(x.text[pendingEnd:u.start])
		prevEnd = u.end
		if !ok {
			// "between Acme, Inc. ("Company"), and the nonprofit
			// organization that has subscribed … ("Customer")": the other
			// party is described, not named, and still has its role.
			if joined && pending != nil && (u.role == "processor" || u.role == "controller") {
				out = append(out, partyReading{role: otherRole(u.role), party: pending.party, at: pending.at, src: "definition", short: pending.short})
			}
			pending, pendingEnd = nil, -1
			roleDef, roleDefEnd = nil, -1
			continue
		}
		if u.role == "" && roleDef != nil && r.party != nil && len(u.shorts) > 0 && r.party.Evidence != nil &&
			r.party.Evidence.Start >= roleDefEnd && reAndJoin.MatchString(x.text[roleDefEnd:r.party.Evidence.Start]) &&
			x.k.party.legalRe.FindStringIndex(" "+r.party.Name) != nil {
			rr := r
			rr.short = u.shorts[0]
			rr.role = otherRole(roleDef.role)
			rr.src = "definition"
			out = append(out, rr)
		}
		roleDef, roleDefEnd = nil, -1
		if u.role == "" {
			pending, pendingEnd = nil, -1
			if r.party != nil && len(u.shorts) > 0 {
				for _, s := range u.shorts {
					sr := r
					sr.short = s
					shorts[strings.ToLower(s)] = sr
				}
				// "between" before the name, which an address may
				// separate from the definition.
				from := u.start - len(r.party.Name) - 80
				if ev := r.party.Evidence; ev != nil && ev.Start-20 < from {
					from = ev.Start - 20
				}
				if x.k.party.legalRe.FindStringIndex(" "+r.party.Name) != nil && reBetweenBefore.MatchString(x.text[max(0, from):u.start]) {
					rr := r
					rr.short = u.shorts[0]
					pending, pendingEnd = &rr, u.end
					// "between Zendesk, Inc. ("Zendesk") and Customer": the other
					// party is only a role word.
					if m := reAndRole.FindStringSubmatch(x.text[u.end:min(n, u.end+60)]); m != nil {
						if role, ok := x.k.party.role[strings.ToLower(m[1])]; ok {
							rr.role = otherRole(role)
							rr.src = "definition"
							out = append(out, rr)
							pending, pendingEnd = nil, -1
						}
					} else if role := x.roleBeforeAnd(r.party); role != "" {
						// "between the Customer and Acme, Inc. ("Acme")".
						rr.role = otherRole(role)
						rr.src = "definition"
						out = append(out, rr)
						pending, pendingEnd = nil, -1
					}
				}
			}
			continue
		}
		if joined && pending != nil {
			other := partyReading{role: otherRole(u.role), party: pending.party, at: pending.at, src: "definition", short: pending.short}
			out = append(out, other)
		}
		pending, pendingEnd = nil, -1
		if r.party == nil && len(u.shorts) > 0 {
			r.note += " (defined short name „" + u.shorts[0] + "“)"
		}
		if len(u.shorts) > 0 {
			r.short = u.shorts[0]
			if r.party != nil {
				shorts[strings.ToLower(u.shorts[0])] = r
			}
		}
		if r.party != nil && (u.role == "processor" || u.role == "controller") {
			rd := r
			roleDef, roleDefEnd = &rd, u.end
		}
		out = append(out, r)
	}
	out = append(out, x.roleIsReadings(n)...)
	out = append(out, x.pronounReadings(n)...)
	if r, ok := x.firstPersonReading(n); ok {
		out = append(out, r)
	}
	out = append(out, x.selfAppositionReadings(n)...)
	out = append(out, x.addresseeReadings(n)...)
	if r, ok := x.weAreReading(n); ok {
		out = append(out, r)
	}
	return out, shorts
}

// selfAppositions finds "und uns, der …" / "and us, the …": a word after
// "and" set off by a comma and followed by a word (the reading then wants a
// self pronoun and an article, both in the data). It finds them from the
// commas of the text (few) instead of
// running an expression from every "und"/"and" (many); it returns the
// offsets the expression `(?i)(?:^|\s)(?:und|and)\s+(\p{L}+),\s+(\p{L}+)\s+`
// would: match start and end, the word and the article (TestSelfAppositions
// checks it against that expression).
func selfAppositions(text string) [][6]int {
	var out [][6]int
	isSpace := func(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }
	end := 0 // the previous match's end: matches do not overlap
	for i := 0; ; {
		j := strings.IndexByte(text[i:], ',')
		if j < 0 {
			return out
		}
		c := i + j
		i = c + 1
		ws := c
		for ws > 0 {
			r, size := utf8.DecodeLastRuneInString(text[:ws])
			if !unicode.IsLetter(r) {
				break
			}
			ws -= size
		}
		if ws == c {
			continue
		}
		k := ws
		for k > 0 && isSpace(text[k-1]) {
			k--
		}
		if k == ws || k < 3 || !(strings.EqualFold(text[k-3:k], "und") || strings.EqualFold(text[k-3:k], "and")) {
			continue
		}
		m0 := k - 3
		if m0 > 0 {
			if !isSpace(text[m0-1]) {
				continue
			}
			m0--
		}
		if m0 < end {
			continue
		}
		q := c + 1
		for q < len(text) && isSpace(text[q]) {
			q++
		}
		if q == c+1 {
			continue
		}
		as := q
		for q < len(text) {
			r, size := utf8.DecodeRuneInString(text[q:])
			if !unicode.IsLetter(r) {
				break
			}
			q += size
		}
		if q == as {
			continue
		}
		r := q
		for r < len(text) && isSpace(text[r]) {
			r++
		}
		if r == q {
			continue
		}
		out = append(out, [6]int{m0, r, ws, c, as, q})
		end = r
	}
}

// selfAppositionReadings reads the processor of a click-through head that
// names the vendor only in an apposition to its own pronoun: "Dieser AVV
// gilt zwischen dir als Kundin oder Kunde von Kalenderfuchs und uns, der
// Kalenderfuchs GmbH, Lindenallee 4, 50968 Köln" (the customer unnamed).
// Only in a sentence with "zwischen"/"between" before it, and only a name
// with its legal form.
func (x *extractor) selfAppositionReadings(n int) []partyReading {
	pk := x.k.party
	var out []partyReading
	head := x.text[:n]
	for _, m := range selfAppositions(head) {
		if !pk.self[strings.ToLower(head[m[2]:m[3]])] || !pk.article[strings.ToLower(head[m[4]:m[5]])] {
			continue
		}
		// "zwischen"/"between" earlier in the same sentence.
		from := max(0, m[0]-300)
		before := head[from:m[0]]
		if k := strings.LastIndexAny(before, ".\n"); k >= 0 {
			before = before[k+1:]
		}
		if !reBetweenBefore.MatchString(before) {
			continue
		}
		start := m[1]
		rest := head[start:min(n, start+200)]
		nr := x.readName(rest)
		if nr.name == "" || !nr.legal {
			continue
		}
		role := "processor"
		if x.reversedVoice() {
			role = "controller"
		}
		p := &model.Party{Name: x.undotted(nr.name), Owner: nr.owner, Brand: nr.brand, Evidence: x.evidencePtr(start+nr.start, start+nr.end)}
		tail := head[start+nr.end : min(n, start+nr.end+120)]
		if k := rePostcodeTown().FindStringIndex(tail); k != nil {
			a := x.k.ParseAddress(collapse(strings.Trim(tail[:k[1]], ", ")), x.lang)
			p.Street, p.Postcode, p.City, p.Country = a.Street, a.Postcode, a.City, a.Country
		}
		out = append(out, partyReading{role: role, party: p, at: m[0], src: "definition"})
	}
	return out
}

var (
	// reAndJoin is the text between two parties of "between … and …"
	// that leaves the second one's name to follow.
	reAndJoin = prefilter.MustCompile(`(?i)^\s*,?\s*(?:and|und|sowie)\b`)
	// reAndRole is "and Customer" after a party: the other party named by
	// its role only.
	reAndRole = prefilter.MustCompile(`(?i)^\s*,?\s*(?:and|und)\s+(?:the\s+|dem\s+|den\s+|der\s+|its\s+|seinen\s+|ihren\s+)?([\p{L}-]+)(?:\s*[.,;(]|\s+(?:as|als)\b|\s*$)`)
	// reBetweenBefore finds "between"/"zwischen" before a party's name.
	reBetweenBefore = prefilter.MustCompile(`(?i)(?:^|\s)(?:between|zwischen)\s`)
)

// reRoleAnd is "between the Customer and " right before a party's name:
// the other party named by its role only.
var reRoleAnd = prefilter.MustCompile(`(?i)(?:^|\s)(?:between|zwischen)\s+(?:the\s+|dem\s+|den\s+|der\s+|its\s+)?([\p{L}-]+)\s*,?\s+(?:and|und)\s+(?:the\s+|der\s+|die\s+|dem\s+)?$`)

// reLeadRoleAnd is a role word and "and" at the start of a phrase after
// "between": "the Customer and ", "dem Kunden und der ".
var reLeadRoleAnd = prefilter.MustCompile(`(?i)^\s*(?:the\s+|dem\s+|den\s+|der\s+|its\s+)?([\p{L}-]+)\s*,?\s+(?:and|und)\s+(?:the\s+|der\s+|die\s+|dem\s+)?`)

// roleBeforeAnd returns the role of the party word in "between the
// Customer and" right before the party's name, or "".
func (x *extractor) roleBeforeAnd(p *model.Party) string {
	if p == nil || p.Evidence == nil || p.Evidence.Start <= 0 || p.Evidence.Start > len(x.text) {
		return ""
	}
	at := p.Evidence.Start
	m := reRoleAnd.FindStringSubmatch(x.text[max(0, at-60):at])
	if m == nil {
		return ""
	}
	return x.k.party.role[strings.ToLower(m[1])]
}

// otherRole returns the role of the other party.
func otherRole(role string) string {
	if role == "processor" {
		return "controller"
	}
	return "processor"
}

// reRoleIs is a role stated first, the party after: "Verantwortlicher
// ist die Muster GmbH", "The Processor is Acme Inc.", "Auftragsverarbeiter
// im Sinne dieses Vertrags ist …".
var reRoleIs = prefilter.MustCompile(`(?i)^(?:der\s+|die\s+|the\s+)?(auftragsverarbeiter|auftragnehmer|verantwortliche[r]?|auftraggeber|processor|controller|data processor|data controller|vendor|supplier|anbieter)\s+(?:(?:im sinne|i\.\s?s\.\s?d\.|within the meaning|under|for the purposes)[^.;:]{0,60}?\s+)?(?:ist|is)\s+`)

// roleIsReadings reads "Verantwortlicher ist die Muster GmbH" at the start
// of a line or sentence in the first n bytes: companies with a legal
// form, or a generic description's note.
//
// A table row ("| Identity of Controller and Processor | The Controller
// is Westmere Borough Council, … The Processor is … |") is read anywhere
// outside a sub-processors' annex, each cell a start: annexes that give
// the details of processing name the parties there.
func (x *extractor) roleIsReadings(n int) []partyReading {
	var out []partyReading
	for i, ln := range x.lines {
		row := strings.HasPrefix(strings.TrimLeft(ln.text, " "), "|")
		late := ln.start >= n
		if late && (!row || !roleIsCue(ln.text)) {
			continue
		}
		starts := sentenceStarts(ln.text)
		if c := strings.Index(ln.text, ": "); c > 0 && c < 40 && !strings.ContainsAny(ln.text[:c], ".|") {
			// "Parties: The Controller is …".
			starts = append(starts, c+2)
		}
		if row {
			starts = append(starts, cellStarts(ln.text)...)
		}
		for _, at := range starts {
			t := ln.text[at:]
			m := reRoleIs.FindStringSubmatchIndex(t)
			if m == nil {
				continue
			}
			if late && x.inSubAnnex(i) {
				break
			}
			role := x.k.party.role[strings.ToLower(t[m[2]:m[3]])]
			rest := t[m[1]:]
			if e := strings.IndexAny(rest, ".;"); e > 0 && !x.k.party.legalRe.MatchString(rest[:min(len(rest), e+2)]) {
				rest = rest[:e]
			}
			rest = rest[:min(len(rest), 200)]
			nr := x.readName(rest)
			start := ln.start + at + m[1]
			switch {
			case nr.name != "" && nr.legal:
				p := &model.Party{Name: nr.name, Owner: nr.owner, Brand: nr.brand, Evidence: x.evidencePtr(ln.start+at, start+nr.end)}
				out = append(out, partyReading{role: role, party: p, at: start, src: "definition"})
			case nr.name != "" && nr.note == "":
				// "The Controller is Kestrel Academies Trust, a
				// multi-academy trust": a body described by its kind.
				if bs, br, ok := x.describedBody(rest, nr.end); ok && bs+br.start == nr.start {
					x.markBody(br.name)
					p := &model.Party{Name: br.name, Owner: br.owner, Brand: br.brand, Evidence: x.evidencePtr(ln.start+at, start+nr.end)}
					out = append(out, partyReading{role: role, party: p, at: start, src: "definition"})
				}
			case nr.note == noteGeneric || nr.note == notePlaceholder || nr.note == noteReference:
				out = append(out, partyReading{role: role, note: nr.note, at: start, src: "definition"})
			}
		}
	}
	return out
}

// tableTerms returns the terms a table of the parties defines
// ("| Agentur | DialogWerk GmbH | Weg 1, 34117 Kassel |" beside
// "| Auftraggeber | … |", or under "| Rolle | Unternehmen | Anschrift |"):
// a row whose first cell is a capitalised term that is no role word and
// whose next cells hold a company or an address. A later role statement
// ("die Agentur ist Auftragsverarbeiter") gives the role. Keyed by the
// lower-case term.
func (x *extractor) tableTerms(n int) map[string]partyReading {
	pk := x.k.party
	out := map[string]partyReading{}
	partyTable := false // the current table holds a role row or a party head
	var pending []partyReading
	var terms []quotedClause
	flush := func() {
		if partyTable {
			for _, r := range pending {
				out[strings.ToLower(r.short)] = r
			}
		}
		partyTable, pending = false, nil
	}
	for li, ln := range x.lines {
		if ln.start >= n {
			break
		}
		t := strings.TrimSpace(ln.text)
		if !strings.HasPrefix(t, "|") {
			flush()
			r, ok := x.placeLabel(li)
			if !ok {
				r, ok = x.termLabel(li)
			}
			if !ok {
				var clause bool
				r, clause, ok = x.quotedTerm(li)
				if clause && !x.inSubAnnex(li) {
					terms = append(terms, quotedClause{r: r, ok: ok})
				}
				ok = false
			}
			if ok && x.inSubAnnex(li) {
				// "Sub-processor: X B.V., …" in a sub-processors' annex.
				ok = false
			}
			if ok {
				if _, dup := out[strings.ToLower(r.short)]; !dup {
					out[strings.ToLower(r.short)] = r
				}
			}
			continue
		}
		cs := cells(ln.text)
		if len(cs) < 2 || strings.Trim(t, "|-: \t") == "" {
			continue
		}
		term := strings.Trim(ln.text[cs[0][0]:cs[0][1]], " *:")
		lt := strings.ToLower(term)
		if pk.tableHead[lt] {
			partyTable = true
			continue
		}
		if _, isRole := pk.role[lt]; isRole {
			partyTable = true
			continue
		}
		if _, isAbbrev := pk.abbrev[term]; isAbbrev && !partyTable {
			// "| AG | … |" outside a table of the parties: not a party row.
			continue
		}
		r, _ := utf8.DecodeRuneInString(term)
		if term == "" || !unicode.IsUpper(r) || len(strings.Fields(term)) > 2 || pk.nameLabel[lt] || pk.otherLbl[lt] || pk.title[lt] || pk.nonName[lt] {
			continue
		}
		v := line{start: ln.start + cs[1][0], end: ln.end, text: ln.text[cs[1][0]:]}
		pr := x.partyFromLines([]line{v}, false)
		if pr.party == nil || pr.party.Postcode == "" && !pk.legalRe.MatchString(" "+pr.party.Name) {
			continue
		}
		pending = append(pending, partyReading{party: pr.party, short: term, at: ln.start, src: "definition"})
	}
	flush()
	// The two parties' terms stand in two clauses one after the other
	// ("1.1.1 „Messstellenbetreiber“ ist die …", "1.1.2 „Dienstleister“
	// ist die …"); a third firm's term or a party described without a
	// name between them, or more terms, give none.
	named := 0
	for _, c := range terms {
		if c.ok {
			named++
		}
	}
	for k := 0; k+1 < len(terms) && named == 2; k++ {
		if terms[k].ok && terms[k+1].ok {
			for _, c := range terms[k : k+2] {
				if _, dup := out[strings.ToLower(c.r.short)]; !dup {
					out[strings.ToLower(c.r.short)] = c.r
				}
			}
		}
	}
	for _, r := range x.inlineLabels(n) {
		if _, dup := out[strings.ToLower(r.short)]; !dup {
			out[strings.ToLower(r.short)] = r
		}
	}
	return out
}

// reInlineLabel is a party's line that opens with a label of one or two
// words and a colon and goes on with the party: "Praxis: Zahnarztpraxis
// Dr. Sommer, Bahnhofstraße 3, 26122 Oldenburg", "Web designer: Tom
// Okafor Web Design, 27 Cardigan Road, Leeds LS6 3AE".
var reInlineLabel = lazyRegexp(`^(\p{Lu}[\p{L}\-]{1,30}(?: [\p{L}\-]{2,20})?)[ \t]*:[ \t]+(\S.*)$`)

// namedBodyLabel reports whether a name label is also a word for the
// kind of party ("Praxis:", "Verein:", "Kanzlei:", a role word), which a
// contract goes on to use for the party, rather than a form's field
// label for any name ("Name:", "Firma:", "Company:").
func namedBodyLabel(ll string) bool {
	switch ll {
	case "name", "firma", "firmenname", "kundenname", "unternehmen", "organisation", "name der organisation", "company", "company name", "legal name", "entity", "full legal name", "name des unternehmens", "name/firma", "firma/name", "firma / name", "institution":
		return false
	}
	return true
}

// inlineLabels reads the two party lines of a sole trader's or a plain
// contract's head that name each party after a label of its own ("Praxis:
// …" above "IT-Betreuung: …", "Client: …" above "Translator: …"): two
// lines, no more than two lines apart, within the first 40 lines, each a
// party with an address or a legal form, at least one label no role
// word. The label is the party's short name; the role words, the voice of
// the instructions or the first person give the roles (shortRoles).
//
// The same pair in an annex that lists the parties ("Schedule 1 – Parties
// and details of processing" with "Sponsor: …" above "Vendor: …") is
// read when the head has none.
func (x *extractor) inlineLabels(n int) []partyReading {
	if out := x.inlineLabelsIn(0, n, 40); out != nil {
		return out
	}
	limit := max(len(x.text)/3, 6000)
	if a, b := x.partyAnnex(limit); a < b {
		return x.inlineLabelsIn(a, b, len(x.lines))
	}
	return nil
}

// inlineLabelsIn reads inlineLabels' pair in the bytes from to (before
// line maxLine).
func (x *extractor) inlineLabelsIn(from, to, maxLine int) []partyReading {
	pk := x.k.party
	var out []partyReading
	last := -10
	unknown := false
	for li, ln := range x.lines {
		if ln.start < from {
			continue
		}
		if ln.start >= to || li >= maxLine {
			break
		}
		t := strings.TrimSpace(ln.text)
		if !strings.Contains(t, ": ") && !strings.Contains(t, ":\t") {
			continue
		}
		m := reInlineLabel().FindStringSubmatchIndex(t)
		if m == nil {
			continue
		}
		if x.inSubAnnex(li) {
			// A sub-processors' annex names no party.
			continue
		}
		label := t[m[2]:m[3]]
		ll := strings.ToLower(label)
		if pk.nameLabel[ll] && !namedBodyLabel(ll) || pk.otherLbl[ll] || pk.addrLbl[ll] || pk.title[ll] || pk.nonName[ll] || pk.partyLbl[label] || pk.tableHead[ll] || pk.pronoun[ll] {
			continue
		}
		off := ln.start + len(ln.text) - len(strings.TrimLeft(ln.text, " \t"))
		pr := x.partyFromLines([]line{{start: off + m[4], end: ln.end, text: t[m[4]:]}}, false)
		if pr.party == nil || pr.party.Postcode == "" && !pk.legalRe.MatchString(" "+pr.party.Name) {
			continue
		}
		if len(out) > 0 && li-last > 2 {
			return nil // party lines far apart: not the head's pair
		}
		if _, isRole := pk.role[ll]; !isRole {
			unknown = true
		}
		last = li
		out = append(out, partyReading{party: pr.party, short: label, at: ln.start, src: "definition"})
		if len(out) > 2 {
			return nil
		}
	}
	if len(out) != 2 || !unknown {
		return nil
	}
	return out
}

// rePlaceLabel is a label line that names a party by its place rather
// than its role: the label, what it carries in parentheses, and the
// value after the colon ("Party A: Valmora Retail S.p.A.", "Party B
// (Entrusted Party): …", "甲方 (Party A)：…").
var rePlaceLabel = lazyRegexp(`^\**([^\s:：()（）*][^:：()（）*]{0,30}?)\s*(?:[(（]([^()（）]{1,40})[)）])?\s*\**\s*[:：]\s*\**\s*(\S.*)$`)

// placeLabelText returns the label rePlaceLabel finds in t whenever it
// matches t: after the leading asterisks, the text up to the first colon,
// parenthesis or asterisk, without the white space (\s) before it. (The
// label holds none of those marks, and only white space may stand between
// it and the first of them.)
func placeLabelText(t string) string {
	t = strings.TrimLeft(t, "*")
	if i := strings.IndexFunc(t, func(r rune) bool { return strings.ContainsRune(":：()（）*", r) }); i >= 0 {
		t = t[:i]
	}
	return strings.TrimRight(t, " \t\n\f\r")
}

// placeLabel reads a line that names a party by its place in the
// contract ("Party A: Valmora Retail S.p.A.", "甲方 (Party A)：…"): a
// party_table_heads word with a letter or number, or a party_labels
// word. The short name is the letter form ("Party A"), which a later
// role statement ("Party A is the controller") gives its role. The
// value must be a company by its legal form or an address.
func (x *extractor) placeLabel(li int) (partyReading, bool) {
	pk := x.k.party
	ln := x.lines[li]
	t := strings.TrimSpace(ln.text)
	// Most lines have no colon; the expression needs one after the label.
	if !strings.ContainsRune(t, ':') && !strings.ContainsRune(t, '：') {
		return partyReading{}, false
	}
	lettered := func(s string) bool {
		ws := strings.Fields(s)
		if len(ws) != 2 || !pk.tableHead[strings.ToLower(ws[0])] {
			return false
		}
		r, n := utf8.DecodeRuneInString(ws[1])
		return n == len(ws[1]) && unicode.IsUpper(r) || strings.Trim(ws[1], "0123456789") == ""
	}
	// The label a match has (placeLabelText) is tested before the
	// expression runs: most lines with a colon are no party's label.
	if l := placeLabelText(t); !lettered(l) && !pk.partyLbl[l] {
		return partyReading{}, false
	}
	m := rePlaceLabel().FindStringSubmatchIndex(t)
	if m == nil {
		return partyReading{}, false
	}
	label := t[m[2]:m[3]]
	short := ""
	switch {
	case lettered(label):
		short = label
	case pk.partyLbl[label]:
		short = label
		if m[4] >= 0 && lettered(t[m[4]:m[5]]) {
			short = t[m[4]:m[5]]
		}
	default:
		return partyReading{}, false
	}
	off := ln.start + len(ln.text) - len(strings.TrimLeft(ln.text, " \t"))
	b := []line{{start: off + m[6], end: ln.end, text: t[m[6]:]}}
	// The block's field lines below ("Address: …").
	for j := li + 1; j < len(x.lines) && j <= li+4; j++ {
		lt := strings.TrimSpace(x.lines[j].text)
		f := reFieldLabel.FindStringSubmatch(lt)
		if f == nil || !pk.otherLbl[strings.ToLower(strings.TrimSpace(f[1]))] {
			break
		}
		b = append(b, x.lines[j])
	}
	pr := x.partyFromLines(b, false)
	if pr.party == nil || pr.party.Postcode == "" && pr.party.Country == "" && !pk.legalRe.MatchString(" "+pr.party.Name) {
		return partyReading{}, false
	}
	return partyReading{party: pr.party, short: short, at: ln.start, src: "definition"}, true
}

// reOfObject is the object of a processor statement: "of Brightline",
// "for the Processor", "on behalf of Acme", "des Auftragnehmers".
var reOfObject = lazyRegexp(`^\s+(?:of|for|on behalf of|des|der|für|für den|für die)\s+(?:the\s+|den\s+|die\s+)?([\p{L}][\p{L}\-]*)`)

// processorOfAnother reports whether the text after a processor
// statement makes its subject the processor of a party other than the
// controller ("is a processor of Brightline", "ist Auftragsverarbeiter
// des Auftragnehmers"): a sub-processor. "processor of the Customer",
// "on behalf of Customer" and "of personal data" are no such object; in
// German only the processor's role word is.
func (x *extractor) processorOfAnother(after string) bool {
	m := reOfObject().FindStringSubmatch(after)
	if m == nil {
		return false
	}
	w := m[1]
	if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) {
		return false
	}
	role, isRole := x.k.party.role[strings.ToLower(w)]
	switch {
	case isRole:
		return role == "processor"
	case x.k.party.generic[strings.ToLower(w)] || x.k.party.pronoun[strings.ToLower(w)]:
		return false
	}
	// German nouns are capitalised ("Auftragsverarbeiter der Daten"):
	// only a role word tells there.
	return x.lang != "de"
}

// pronounReadings reads the party a vendor's text defines its pronouns
// for in the first n bytes: '"we", "us" and "our" refer to Acme B.V.'
// (the processor), '„Sie“ bezeichnet den Kunden' (the controller,
// generically). Only a name with its legal form is read, or a generic
// description's note.
func (x *extractor) pronounReadings(n int) []partyReading {
	pk := x.k.party
	var out []partyReading
	for _, m := range pronDefMatches(pk, x.text[:n]) {
		w := strings.ToLower(x.text[m[2]:m[3]])
		role := "controller"
		if pk.self[w] != x.reversedVoice() {
			role = "processor"
		}
		start := m[1]
		rest := x.text[start:min(n, start+200)]
		if e := strings.IndexAny(rest, ";\n„“”\"«»"); e > 0 {
			rest = rest[:e]
		}
		if e := reFullStop().FindStringIndex(rest); e != nil {
			rest = rest[:e[0]+1]
		}
		// "im Folgenden die Flinkdesk GmbH".
		if o := pk.openerRe.FindStringIndex(strings.ToLower(rest)); o != nil {
			rest, start = rest[o[1]:], start+o[1]
		}
		nr := x.readName(rest)
		after := rest[nr.end:min(len(rest), nr.end+60)]
		if q := strings.IndexAny(after, "„“”\"‚‘"); q >= 0 {
			after = after[:q]
		}
		if nr.name != "" && pk.roleRe.MatchString(after) {
			// '"you" mean Brightframe Ltd, which is the processor': the
			// role statement after the name decides.
			continue
		}
		switch {
		case nr.name != "" && nr.legal:
			p := &model.Party{Name: x.undotted(nr.name), Owner: nr.owner, Brand: nr.brand, Evidence: x.evidencePtr(m[0], start+nr.end)}
			out = append(out, partyReading{role: role, party: p, at: m[0], src: "definition"})
		case nr.note == noteGeneric:
			out = append(out, partyReading{role: role, note: nr.note, at: m[0], src: "definition"})
		}
	}
	return out
}

// undotted returns name without a final full stop when the text writes
// the name without it elsewhere ("are to Acme Ltd. We …" after "between
// … and Acme Ltd, 12 Mill Lane"): the stop ends the sentence.
func (x *extractor) undotted(name string) string {
	n, ok := strings.CutSuffix(name, ".")
	if !ok || n == "" {
		return name
	}
	for from := 0; ; {
		i := strings.Index(x.text[from:], n)
		if i < 0 {
			return name
		}
		from += i + len(n)
		if from >= len(x.text) || x.text[from] != '.' {
			return n
		}
	}
}

// pronDefMatches returns what pk.pronDefRe.FindAllStringSubmatchIndex(s,
// -1) returns. A match opens with a quote, a word and a quote ('"we"'),
// and these are rare: the anchored expression runs only where a quote
// is followed by letters and a quote, in text order, after the previous
// match (the expression has no assertions, so its matches at a place
// are the same in s and in the rest of s from there).
func pronDefMatches(pk *partyKnowledge, s string) [][]int {
	var out [][]int
	var next quoteStarts
	next.reset()
	for p := 0; p < len(s); {
		// A quote starts only at one of quoteFirst: the places between
		// are skipped by a search for each of those bytes.
		if p = next.from(s, p); p < 0 {
			break
		}
		q := quoteLen(s, p)
		if q == 0 {
			p++
			continue
		}
		j := p + q
		for j < len(s) {
			r, size := utf8.DecodeRuneInString(s[j:])
			if !unicode.IsLetter(r) {
				break
			}
			j += size
		}
		if j == p+q || quoteLen(s, j) == 0 {
			p += q
			continue
		}
		m := pk.pronDefAt.FindStringSubmatchIndex(s[p:])
		if m == nil {
			p += q
			continue
		}
		for k := range m {
			if m[k] >= 0 {
				m[k] += p
			}
		}
		out = append(out, m)
		p = m[1]
	}
	return out
}

// quoteFirst holds the bytes a quote of quoteLen starts with.
const quoteFirst = "\"'\xe2"

// quoteStarts finds the places where a quote may start (a byte of
// quoteFirst) in a text read forwards, by one search per byte, sought
// again only once passed.
type quoteStarts [len(quoteFirst)]int

// reset marks every byte not sought yet.
func (n *quoteStarts) reset() {
	for k := range n {
		n[k] = -2
	}
}

// from returns the first offset from p on of a byte of quoteFirst in s,
// or -1. Calls must not go back (p never less than in the call before).
func (n *quoteStarts) from(s string, p int) int {
	at := -1
	for k := range n {
		if n[k] == -1 {
			continue
		}
		if n[k] < p {
			j := strings.IndexByte(s[p:], quoteFirst[k])
			if j < 0 {
				n[k] = -1
				continue
			}
			n[k] = p + j
		}
		if at < 0 || n[k] < at {
			at = n[k]
		}
	}
	return at
}

// quoteLen returns the length of the quote pronDefRe opens with
// ([„"“”‚'‘’]) at s[i:], or 0.
func quoteLen(s string, i int) int {
	switch {
	case i >= len(s):
		return 0
	case s[i] == '"' || s[i] == '\'':
		return 1
	case s[i] == 0xe2 && i+2 < len(s) && s[i+1] == 0x80:
		switch s[i+2] {
		case 0x9e, 0x9c, 0x9d, 0x9a, 0x98, 0x99: // „ “ ” ‚ ‘ ’
			return 3
		}
	}
	return 0
}

// reFullStop is a full stop before the next sentence's capital letter
// (not the dot of "B.V. and").
var reFullStop = lazyRegexp(`\.\s+\p{Lu}`)

// roleIsCue reports whether a line may hold "<role> is/ist …" (a cheap
// test before reRoleIs on lines past the head).
func roleIsCue(t string) bool {
	return strings.Contains(t, " is ") || strings.Contains(t, " ist ")
}

// cellStarts returns the offsets in a table row where a cell's text
// starts (after "|" and blanks).
func cellStarts(t string) []int {
	var out []int
	for i := 0; i < len(t); i++ {
		if t[i] != '|' {
			continue
		}
		j := i + 1
		for j < len(t) && t[j] == ' ' {
			j++
		}
		if j < len(t) && t[j] != '|' {
			out = append(out, j)
		}
	}
	return out
}

// sentenceStarts returns the offsets in a line where a sentence starts:
// the line's start and after ". " before a capital letter.
func sentenceStarts(t string) []int {
	out := []int{0}
	for i := 0; i+2 < len(t); i++ {
		if t[i] == '.' && t[i+1] == ' ' && t[i+2] >= 'A' && t[i+2] <= 'Z' {
			out = append(out, i+2)
		}
	}
	return out
}

// defUnits finds the definitions in the first n bytes, in text order.
func (x *extractor) defUnits(n int) []defUnit {
	text := x.text[:n]
	var us []defUnit
	for i := 0; i < len(text); i++ {
		if text[i] != '(' {
			continue
		}
		j, depth := i+1, 1
		for ; j < len(text) && j-i < 250 && depth > 0; j++ {
			switch text[j] {
			case '(':
				depth++
			case ')':
				depth--
			case '\n':
				depth = -1
			}
		}
		if depth != 0 {
			continue
		}
		c := text[i+1 : j-1]
		bare := false
		if !strings.ContainsAny(c, "„“”\"'‚‘’«»") && !x.k.cue("party_roles").In(x.lower[i+1:j-1]) {
			// "…, of 3 Quay Street, Haverfordwest SA61 1BG (the
			// Practice); and": a defined term without quotes after a
			// party line, as English deeds write it.
			if !reBareTerm().MatchString(c) || !x.partyLineEnd(i, j) {
				continue
			}
			c, bare = `"`+strings.TrimSpace(c[strings.IndexByte(c, ' ')+1:])+`"`, true
		}
		if role, shorts, ok := x.parseDef(c); ok && (!bare || (role == "") == (len(shorts) == 1)) {
			end := j
			if role == "" && !bare {
				// '("Albumvault"), acting as the processor': the role
				// after the short name's brackets.
				if r, k := x.roleAfterDef(text[j:min(n, j+60)]); r != "" {
					role, end = r, j+k
				}
			}
			us = append(us, defUnit{start: i, end: end, role: role, shorts: shorts})
			continue
		}
		// "(Leadesk UG (haftungsbeschränkt), „Auftragnehmer“)".
		if k := lastTopComma(c); k > 0 {
			if role, shorts, ok := x.parseDef(c[k+1:]); ok && role != "" {
				us = append(us, defUnit{start: i, end: j, role: role, shorts: shorts, inner: [2]int{i + 1, i + 1 + k}})
			}
		}
	}
	// Dash and comma definitions open with a definition word; "is the
	// processor" ends in a role word. The expressions run only on short
	// windows around them.
	// The words' occurrences, found in one pass over the text.
	found := defScan.allIndexes(x.lower[:n])
	for k := range defOpeners {
		for _, at := range found[k] {
			a := runeStart(text, max(0, at-4))
			win := text[a:min(n, at+120)]
			for _, re := range []*regexp.Regexp{reDashDef(), reCommaDef()} {
				m := re.FindStringSubmatchIndex(win)
				if m == nil || a+m[2] != at {
					continue
				}
				if role, shorts, ok := x.parseDef(win[m[2]:m[3]]); ok {
					us = append(us, defUnit{start: a + m[0], end: a + m[1], role: role, shorts: shorts})
				}
			}
		}
	}
	for k, w := range defWords[len(defOpeners):] {
		for _, at := range found[len(defOpeners)+k] {
			a := runeStart(text, max(0, at-40))
			// Two bytes more take in a feminine ending ("handelt als
			// Auftragsverarbeiterin").
			win := text[a:min(n, at+len(w)+3)]
			lw := x.lower[a:min(n, at+len(w)+1)]
			if !strings.Contains(lw, " is ") && !strings.Contains(lw, " ist ") && !strings.Contains(lw, " act") && !strings.Contains(lw, " als ") {
				continue
			}
			found := false
			for _, m := range reStateDef().FindAllStringSubmatchIndex(win, -1) {
				if a+m[2] != at {
					continue
				}
				role := x.k.party.role[strings.ToLower(win[m[2]:m[3]])]
				if role == "processor" && x.processorOfAnother(text[a+m[1]:min(n, a+m[1]+60)]) {
					// "… is a processor of Brightline", "ist
					// Auftragsverarbeiter des Auftragnehmers": a sub-processor.
					found = true
					continue
				}
				us = append(us, defUnit{start: a + m[0], end: a + m[1], role: role, statement: true})
				found = true
			}
			if found || !strings.Contains(lw, " als ") {
				continue
			}
			// The window ends one byte after the role word: take in a
			// feminine ending.
			win = text[a:min(n, at+len(w)+3)]
			for _, m := range reAlsDef().FindAllStringSubmatchIndex(win, -1) {
				if a+m[2] != at {
					continue
				}
				if role, ok := x.k.party.role[strings.ToLower(win[m[2]:m[3]])]; ok && !(role == "processor" && x.processorOfAnother(text[a+m[1]:min(n, a+m[1]+60)])) {
					us = append(us, defUnit{start: a + m[0], end: a + m[1], role: role, statement: true, shortOnly: true})
				}
			}
		}
	}
	us = append(us, x.dashRoleUnits(text)...)
	us = append(us, x.namingUnits(text)...)
	us = append(us, x.passiveNamingUnits(text)...)
	sort.SliceStable(us, func(a, b int) bool { return us[a].start < us[b].start })
	// Drop a unit inside another (a dash definition holding parentheses).
	var out []defUnit
	for _, u := range us {
		if len(out) > 0 && u.start < out[len(out)-1].end {
			continue
		}
		out = append(out, u)
	}
	return out
}

// passiveNaming are the words of a naming sentence whose subject, the
// first party, stands before them: "Die Weidinger Landtechnik GmbH wird
// im Folgenden „Mitglied“, die Agrarnetz Südwest eG „Agrarnetz“
// genannt."
var passiveNaming = []string{" wird nachfolgend ", " wird im folgenden ", " wird nachstehend ", " wird im weiteren "}

// passiveNamingHead is what every phrase of passiveNaming starts with
// (TestPassiveNamingHead).
const passiveNamingHead = " wird "

// passiveNamingAt returns where low holds the phrases of passiveNaming,
// as {phrase, offset} in the order of the phrases and, for each, of the
// text, as a search for each phrase from the end of the one found last
// would find them. Every phrase starts with passiveNamingHead, whose
// occurrences (found in one scan of low instead of one per phrase) are
// where the phrases are tested.
func passiveNamingAt(low string) [][2]int {
	var heads []int
	for off := 0; ; {
		i := strings.Index(low[off:], passiveNamingHead)
		if i < 0 {
			break
		}
		heads = append(heads, off+i)
		off += i + 1
	}
	var out [][2]int
	for k, v := range passiveNaming {
		off := 0
		for _, i := range heads {
			if i >= off && strings.HasPrefix(low[i:], v) {
				out = append(out, [2]int{k, i})
				off = i + len(v)
			}
		}
	}
	return out
}

// passiveNamingUnits finds the short names of a naming sentence "X wird
// nachfolgend „A“, Y „B“ genannt": the sentence must close with
// "genannt" or "bezeichnet" after its last quote. The first quote defines
// the subject (the sentence's start up to the naming words), each later
// one the phrase after the quote before it. A subject that is a noun
// alone ("Die Steuerberatungsgesellschaft wird …") names the one company
// of the text before whose name ends in that noun and a legal form.
func (x *extractor) passiveNamingUnits(text string) []defUnit {
	var us []defUnit
	low := x.lower[:len(text)]
	for _, at := range passiveNamingAt(low) {
		i, v := at[1], passiveNaming[at[0]]
		from := i + len(v)
		seg := namingSegment(text, from)
		qs := reNamedQuote().FindAllStringIndex(seg, 3)
		if len(qs) == 0 {
			continue
		}
		tail := strings.ToLower(strings.TrimSpace(strings.TrimRight(seg[qs[len(qs)-1][1]:], ".")))
		if tail != "genannt" && tail != "bezeichnet" {
			continue
		}
		// The subject: from the sentence's start in the line.
		ls := strings.LastIndexByte(text[:i], '\n') + 1
		ss := ls
		if k := strings.LastIndex(text[ls:i], ". "); k >= 0 {
			ss = ls + k + 2
		}
		prev := ss
		for n, m := range qs {
			role, shorts, ok := x.parseDef(seg[m[0]:m[1]])
			if !ok {
				break
			}
			u := defUnit{start: from + m[0], end: from + m[1], role: role, shorts: shorts, from: prev}
			if n == 0 {
				u.start = i
				if w := reSubjectNoun().FindStringSubmatch(text[ss:i]); w != nil {
					u.inner = x.nounCompany(text[:ss], w[1])
					if u.inner == [2]int{} && x.bodyHead(w[1]) {
						// "Die Gemeinde wird nachfolgend …" after
						// "… der Gemeinde Oberried …": the one body
						// of that kind before.
						if n, at := x.oneBodyOfKind(w[1], ss); n != "" {
							u.inner = [2]int{at, at + len(n)}
						}
					}
					if u.inner == [2]int{} {
						// No one company or more than one: the
						// subject names no party; the later quotes
						// still do.
						prev = from + m[1]
						continue
					}
				}
			}
			us = append(us, u)
			prev = from + m[1]
		}
	}
	return us
}

// namingSegment is the text after naming words at from that may hold the
// quoted terms: at most 300 bytes, the rest of the line, cut where the
// naming phrase ends (reNamingEnd).
func namingSegment(text string, from int) string {
	seg := text[from:min(len(text), from+300)]
	if e := strings.IndexByte(seg, '\n'); e >= 0 {
		seg = seg[:e]
	}
	if e := reNamingEnd().FindStringSubmatchIndex(seg); e != nil {
		seg = seg[:e[3]]
	}
	return seg
}

// reSubjectNoun is a naming sentence's subject that is a capitalised noun
// alone after an article ("Die Steuerberatungsgesellschaft").
var reSubjectNoun = lazyRegexp(`^(?:Die|Der|Das)\s+(\p{Lu}\p{Ll}{3,40})$`)

// nounCompany returns the span of the one company in head whose name's
// last word before its legal form is noun ("Hollerbach & Kollegen
// Steuerberatungsgesellschaft mbH" for "Steuerberatungsgesellschaft"),
// or 0, 0 when there is none or more than one.
func (x *extractor) nounCompany(head, noun string) [2]int {
	var found [2]int
	for off := 0; ; {
		i := strings.Index(head[off:], noun)
		if i < 0 {
			break
		}
		i += off
		off = i + len(noun)
		if i > 0 {
			if r, _ := utf8.DecodeLastRuneInString(head[:i]); unicode.IsLetter(r) {
				continue
			}
		}
		m := x.k.party.legalRe.FindStringSubmatchIndex(head[off:min(len(head), off+40)])
		if m == nil || m[0] != 0 {
			continue
		}
		end := off + m[3]
		st, en, ok := x.nameBefore(head[:end], end)
		if !ok || st >= i {
			continue
		}
		if found != [2]int{} && head[found[0]:found[1]] != head[st:en] {
			return [2]int{}
		}
		found = [2]int{st, en}
	}
	return found
}

// reNamedQuote is a quoted short name in a naming sentence: „die Praxis“,
// "the Supplier".
var reNamedQuote = lazyRegexp(`[„“”"«]([^„“”"«»\n]{1,40})[“”"»]`)

// reNamingEnd is the end of a naming sentence: a full stop after a word
// of three letters or more or after a quote, before a capital ("Dr."
// ends no sentence).
var reNamingEnd = lazyRegexp(`(?:\p{L}{3,}|[“”"»)])(\.)\s+\p{Lu}`)

// namingUnits finds the short names a plain-language sentence gives the
// parties named in it: "In diesem Vertrag nennen wir die Muster GmbH,
// Weg 1, 12345 Ort, „die Praxis“ und die Beispiel AG „den Anbieter“",
// "In this agreement we call Acme Ltd "the Supplier"". Each quoted name
// is a definition whose party is the phrase between the naming words (or
// the quote before) and the quote; a phrase without a company's name
// defines nothing.
func (x *extractor) namingUnits(text string) []defUnit {
	var us []defUnit
	low := x.lower[:len(text)]
	// The naming words' occurrences, found in one pass over the text.
	found := x.k.party.namingScan.allIndexes(low)
	for k, v := range x.k.party.naming {
		for _, i := range found[k] {
			from := i + len(v)
			if i > 0 {
				if r, _ := utf8.DecodeLastRuneInString(low[:i]); unicode.IsLetter(r) {
					continue
				}
			}
			if from >= len(low) || low[from] != ' ' {
				continue
			}
			seg := namingSegment(text, from)
			prev := from
			for _, m := range reNamedQuote().FindAllStringIndex(seg, 3) {
				q := seg[m[0]:m[1]]
				// „den Anbieter“: the object's article.
				if _, n := utf8.DecodeRuneInString(q); strings.HasPrefix(q[n:], "den ") || strings.HasPrefix(q[n:], "dem ") {
					q = q[:n] + q[n+4:]
				}
				role, shorts, ok := x.parseDef(q)
				if !ok {
					break
				}
				u := defUnit{start: from + m[0], end: from + m[1], role: role, shorts: shorts, from: prev}
				if w := reDescribed().FindStringSubmatch(text[prev:u.start]); w != nil {
					// "we call the practice "the Practice"": the party the
					// head describes as one ("between Acme LLP, …, a dental
					// practice, and …").
					u.inner = x.describedParty(text[:i], strings.ToLower(w[1]))
				}
				us = append(us, u)
				prev = from + m[1]
			}
		}
	}
	return us
}

// reDescribed is the phrase of a naming sentence that names a party by
// what it is ("the practice", "die Gemeinschaftspraxis") rather than by
// its name.
var reDescribed = lazyRegexp(`^\s*(?:the|die|der|das|den)\s+(\p{Ll}[\p{L}-]{2,30})\s*$`)

// describedParty returns the span of the one company of a head "between
// A, …, a dental practice, and B" that the head describes by the noun,
// or 0, 0. The company must carry its legal form.
func (x *extractor) describedParty(head, noun string) [2]int {
	loc := reBetween.FindAllStringSubmatchIndex(head, -1)
	if len(loc) == 0 {
		return [2]int{}
	}
	b := loc[len(loc)-1][1]
	var found [2]int
	n := 0
	seg := head[b:]
	for _, m := range reDescription().FindAllStringSubmatchIndex(seg, -1) {
		if strings.ToLower(seg[m[4]:m[5]]) != noun {
			continue
		}
		// The company is the text from the segment's start or the last
		// "and" before the description up to its first comma.
		a := 0
		if j := reAndWord().FindAllStringIndex(seg[:m[0]], -1); len(j) > 0 {
			a = j[len(j)-1][1]
		}
		name := seg[a:m[0]]
		if c := strings.IndexByte(name, ','); c > 0 {
			name = name[:c]
		}
		name = strings.TrimSpace(name)
		if name == "" || !x.k.party.legalRe.MatchString(" "+name) {
			continue
		}
		st := b + a + strings.Index(seg[a:], name)
		found = [2]int{st, st + len(name)}
		n++
	}
	if n != 1 {
		return [2]int{}
	}
	return found
}

var (
	// reDescription is ", a dental practice," after a company in a head.
	reDescription = lazyRegexp(`,\s+(a|an|eine|ein|einer)\s+(?:[\p{L}-]+\s+)?(\p{Ll}[\p{L}-]{2,30})\s*(?:,|$)`)
	// reAndWord is "and"/"und" as a word.
	reAndWord = lazyRegexp(`(?i)(?:^|\s)(?:and|und)\s`)
)

// termLabel reads a party block under a label line that is the
// contract's own word for the party ("Die Praxis:" above "Muster GbR",
// its street and town): a capitalised word, with an article or without,
// that is no field label (a role word or a name label only with its
// article: "The Contractor:"), and that the text uses again after the
// block. The block must name a company by its legal form or its address. A
// later statement or the voice of the instructions gives the role.
func (x *extractor) termLabel(li int) (partyReading, bool) {
	pk := x.k.party
	if li >= 60 {
		return partyReading{}, false
	}
	t := strings.TrimSpace(x.lines[li].text)
	if !strings.HasSuffix(t, ":") {
		return partyReading{}, false
	}
	ws := strings.Fields(strings.TrimSuffix(t, ":"))
	// With an article the label is the contract's word for the party
	// ("Die Praxis:"), even where it is also a field label for a name
	// ("Praxis: Dr. Muster").
	articled := len(ws) == 2 && pk.article[strings.ToLower(ws[0])]
	if articled {
		ws = ws[1:]
	}
	if len(ws) != 1 {
		return partyReading{}, false
	}
	term := ws[0]
	lt := strings.ToLower(term)
	r, _ := utf8.DecodeRuneInString(term)
	if !unicode.IsUpper(r) || strings.IndexFunc(term, func(c rune) bool { return !unicode.IsLetter(c) && c != '-' }) >= 0 {
		return partyReading{}, false
	}
	if _, isRole := pk.role[lt]; isRole && !articled || pk.nameLabel[lt] && !articled || pk.otherLbl[lt] || pk.addrLbl[lt] || pk.title[lt] || pk.nonName[lt] || pk.partyLbl[term] || pk.tableHead[lt] || pk.pronoun[lt] {
		return partyReading{}, false
	}
	var b []line
	for j := li + 1; j < len(x.lines) && j <= li+5; j++ {
		// The block ends at an empty line, which splitLines leaves out.
		if gap := x.text[min(x.lines[j-1].end, x.lines[j].start):x.lines[j].start]; strings.TrimSpace(x.lines[j].text) == "" || strings.Count(gap, "\n") > 1 {
			break
		}
		b = append(b, x.lines[j])
	}
	if len(b) == 0 {
		return partyReading{}, false
	}
	rest := x.lower[min(len(x.lower), b[len(b)-1].end):]
	if !hasWord(rest, lt) {
		return partyReading{}, false
	}
	pr := x.partyFromLines(b, false)
	if pr.party == nil || pr.party.Postcode == "" && !pk.legalRe.MatchString(" "+pr.party.Name) {
		return partyReading{}, false
	}
	return partyReading{party: pr.party, short: term, at: x.lines[li].start, src: "definition"}, true
}

// hasWord reports whether the lower-case text s holds the word w,
// not as part of a longer word.
func hasWord(s, w string) bool {
	for from := 0; ; {
		i := strings.Index(s[from:], w)
		if i < 0 {
			return false
		}
		i += from
		from = i + len(w)
		if i > 0 {
			if r, _ := utf8.DecodeLastRuneInString(s[:i]); unicode.IsLetter(r) {
				continue
			}
		}
		if from < len(s) {
			if r, _ := utf8.DecodeRuneInString(s[from:]); unicode.IsLetter(r) {
				continue
			}
		}
		return true
	}
}

// lineOnly reports whether a definition stands alone on its line
// ("(\"Processor\")" under a party block).
func (x *extractor) lineOnly(u defUnit) bool {
	ls := strings.LastIndexByte(x.text[:u.start], '\n') + 1
	le := strings.IndexByte(x.text[u.end:], '\n')
	if le < 0 {
		le = len(x.text) - u.end
	}
	return strings.TrimSpace(x.text[ls:u.start]) == "" && strings.Trim(x.text[u.end:u.end+le], " .,;") == ""
}

// dashRoleUnits finds a role word alone between dashes after a party in
// running text: "zwischen der Praxis …, 04109 Leipzig – Verantwortliche –
// und der Therapiedoc Software GmbH, … – Auftragsverarbeiterin –".
func (x *extractor) dashRoleUnits(text string) []defUnit {
	var us []defUnit
	for _, d := range []string{" – ", " — "} {
		for off := 0; off < len(text); {
			i := strings.Index(text[off:], d)
			if i < 0 {
				break
			}
			a := off + i
			off = a + len(d)
			if u, ok := x.dashQuotedUnit(text, a, off, d); ok {
				us = append(us, u)
				off = u.end
				continue
			}
			rest := text[off:min(len(text), off+40)]
			closeD := strings.TrimSpace(d)
			j := strings.Index(rest, " "+closeD)
			if j <= 0 || strings.ContainsAny(rest[:j], "\n,;.") {
				continue
			}
			role, ok := x.k.party.role[strings.ToLower(strings.TrimSpace(rest[:j]))]
			if !ok {
				continue
			}
			end := off + j + 1 + len(closeD)
			us = append(us, defUnit{start: a + 1, end: end, role: role})
			off = end
		}
	}
	// "der Marktgemeinde X, Marktplatz 1, 3999 X, vertreten durch den
	// Bürgermeister, als Verantwortlicher" / "und der Y GesmbH, …, als
	// Auftragsverarbeiter.": the role after a comma closes the party's
	// line as a dash role does.
	for off := 0; off < len(text); {
		i := strings.Index(text[off:], ", als ")
		if i < 0 {
			break
		}
		a := off + i
		off = a + len(", als ")
		rest := text[off:min(len(text), off+40)]
		j := strings.IndexAny(rest, ".,;\n")
		if j < 0 && off+len(rest) == len(text) {
			j = len(rest)
		}
		if k := strings.Index(rest, " und "); k > 0 && (j < 0 || k < j) {
			// "…, als Verantwortliche und die Y GmbH, …".
			j = k
		}
		if j <= 0 {
			continue
		}
		w := strings.ToLower(strings.TrimSpace(rest[:j]))
		if first, after, ok := strings.Cut(w, " "); ok && x.k.party.article[first] {
			w = after
		}
		role, ok := x.k.party.role[w]
		if !ok || role == "processor" && x.processorOfAnother(text[off+j:min(len(text), off+j+60)]) {
			continue
		}
		end := off + j
		if after := strings.TrimLeft(text[end:min(len(text), end+8)], ".,; "); !(after == "" || strings.HasPrefix(after, "\n") || strings.HasPrefix(strings.ToLower(after), "und")) {
			continue
		}
		us = append(us, defUnit{start: a, end: end, role: role})
		off = end
	}
	return us
}

// dashQuotedUnit reads a quoted definition between dashes after a party,
// or from a dash to the end of the line: "… (UID CHE-108.442.915) –
// "Kessler" or the "Controller" –", "… – "HMS" or the "Processor".". a
// is the opening dash's offset, off the offset after it and d the dash
// with its spaces.
func (x *extractor) dashQuotedUnit(text string, a, off int, d string) (defUnit, bool) {
	if off >= len(text) || !reQuoteChars().MatchString(text[off:min(len(text), off+4)]) {
		return defUnit{}, false
	}
	rest := text[off:min(len(text), off+80)]
	end := -1
	if j := strings.Index(rest, " "+strings.TrimSpace(d)); j > 0 {
		end = j
	}
	if k := strings.IndexByte(rest, '\n'); k >= 0 && (end < 0 || k < end) {
		end = k
	} else if end < 0 && off+len(rest) == len(text) {
		end = len(rest)
	}
	if end <= 0 {
		return defUnit{}, false
	}
	c := strings.TrimRight(strings.TrimSpace(rest[:end]), ".,;")
	if strings.ContainsAny(c, ";") {
		return defUnit{}, false
	}
	role, shorts, ok := x.parseDef(c)
	if !ok {
		return defUnit{}, false
	}
	stop := off + end
	if strings.HasPrefix(text[stop:], " "+strings.TrimSpace(d)) {
		stop += 1 + len(strings.TrimSpace(d))
	}
	return defUnit{start: a + 1, end: stop, role: role, shorts: shorts}, true
}

// partyLineEnd reports whether the brackets from i to j close a party's
// line: a company's legal form stands before them on the same line, and
// only "; and", "and", "." or "," follow them there.
func (x *extractor) partyLineEnd(i, j int) bool {
	ls := strings.LastIndexByte(x.text[:i], '\n') + 1
	le := strings.IndexByte(x.text[j:], '\n')
	if le < 0 {
		le = len(x.text) - j
	}
	tail := strings.ToLower(strings.Trim(x.text[j:j+le], " .,;"))
	if tail != "" && tail != "and" {
		return false
	}
	return x.k.legalRe.MatchString(x.text[ls:i] + " ")
}

// defOpeners are the lower-case words that open a dash or comma
// definition (reDashDef, reCommaDef; lexicon: definition_openers).
var defOpeners = lexicon.List("definition_openers")

// defWords are the words defUnits looks for: the openers, then the role
// words of "is the processor".
var defWords = append(slices.Clip(defOpeners), "processor", "controller", "auftragsverarbeiter", "verantwortliche", "auftragnehmer", "auftraggeber")

// defScan finds defWords.
var defScan = newWordScan(defWords)

// wordScan is a list of words (lower case, not empty) that all are sought
// in one pass over a text.
type wordScan struct {
	words   []string
	set     *prefilter.Words
	byFirst [256][]int // the words by their first byte
}

func newWordScan(words []string) *wordScan {
	w := &wordScan{words: words, set: prefilter.NewWords(words...)}
	for k, s := range words {
		w.byFirst[s[0]] = append(w.byFirst[s[0]], k)
	}
	return w
}

// allIndexes returns, for each of the words, the offsets of its
// occurrences in s, each after the end of the one before. They are found
// in one pass over s, which visits only the offsets at which one of the
// words starts: a search per word would cost a call at every occurrence
// of its first letter.
func (w *wordScan) allIndexes(s string) [][]int {
	out := make([][]int, len(w.words))
	next := make([]int, len(w.words)) // where the next occurrence may start
	for i := w.set.Next(s, 0); i >= 0; i = w.set.Next(s, i+1) {
		for _, k := range w.byFirst[s[i]] {
			if i >= next[k] && strings.HasPrefix(s[i:], w.words[k]) {
				out[k] = append(out[k], i)
				next[k] = i + len(w.words[k])
			}
		}
	}
	return out
}

// lastTopComma returns the offset of the last comma outside parentheses.
func lastTopComma(s string) int {
	depth, at := 0, -1
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '(':
			depth++
		case ')':
			depth--
		case ',':
			if depth == 0 {
				at = i
			}
		}
	}
	return at
}

// parseDef reads a definition's content ("nachstehend auch „NMM“ oder
// „Auftragsverarbeiter“ genannt"): the role it gives and the short names
// it defines. ok is false when the content is no definition of a party.
func (x *extractor) parseDef(c string) (role string, shorts []string, ok bool) {
	pk := x.k.party
	s := strings.TrimSpace(c)
	for _, d := range []string{" — ", " – ", " - "} {
		if i := strings.Index(s, d); i > 0 {
			s = s[:i]
		}
	}
	if m := pk.openerRe.FindStringIndex(strings.ToLower(s)); m != nil {
		s = s[m[1]:]
	}
	if m := pk.cutRe.FindStringIndex(s); m != nil && m[0] > 0 {
		// "„Auftragsverarbeiter“ im Sinne des Art. 28 DSGVO".
		s = s[:m[0]]
	}
	if m := pk.closerRe.FindStringIndex(strings.ToLower(s)); m != nil {
		s = s[:m[0]]
	}
	if m := reQuotedThenWhich().FindStringIndex(s); m != nil {
		// (hereinafter "Client", which expression shall, unless repugnant
		// to the context …, include its successors): the relative clause
		// after the defined term is no part of the definition.
		s = s[:m[0]+1]
	}
	if strings.TrimSpace(s) == "" || len(s) > 120 {
		return "", nil, false
	}
	quotedAny := false
	for _, t := range splitDef(s) {
		t = strings.TrimSpace(t)
		if t == "" {
			continue
		}
		quoted := reQuoteChars().MatchString(t) || strings.ContainsAny(t, "'‘’")
		if w, _, _ := strings.Cut(strings.ToLower(t), " "); !quoted && quotedAny && pk.notInName[w] {
			// (**"the School"**, which includes each academy …): a
			// relative clause after the defined term ends it.
			break
		}
		t = strings.Trim(reQuoteChars().ReplaceAllString(t, ""), " '’‘:.*")
		lt := strings.ToLower(t)
		for _, a := range []string{"der ", "die ", "das ", "the ", "als ", "as ", "auch ", "a "} {
			if strings.HasPrefix(lt, a) {
				lt, t = lt[len(a):], t[len(a):]
			}
		}
		if pk.collect[lt] {
			return "", nil, false
		}
		rw, isRole := pk.role[lt]
		if ab, ok := pk.abbrev[t]; ok {
			// „AN“, "im Folgenden AG genannt": a role's abbreviation.
			rw, isRole = ab, true
		}
		if isRole {
			if role != "" && role != rw {
				return "", nil, false
			}
			role = rw
			quotedAny = quotedAny || quoted
			continue
		}
		if !quoted {
			return "", nil, false
		}
		quotedAny = true
		if pk.addressee[lt] {
			// („du“): a text in the informal voice addresses the
			// controller.
			if role != "" && role != "controller" {
				return "", nil, false
			}
			role = "controller"
			continue
		}
		if pk.pronoun[lt] && !pk.self[lt] {
			// („Customer“, „you“): the other party's pronoun; in a
			// controller's reversed voice ("you are our processor") „you“
			// marks the processor.
			if lt == "you" || lt == "your" || t == "Sie" {
				// („Sie“) with a capital S is the formal "you" of a
				// wir/Sie text, never "they".

				// In the vendor's voice ("we", "us") „you“ is the
				// customer, the controller.
				you := "controller"
				if x.reversedVoice() {
					you = "processor"
				}
				if role != "" && role != you {
					return "", nil, false
				}
				role = you
			}
			continue
		}
		if pk.self[lt] {
			self := "processor"
			if x.reversedVoice() {
				self = "controller" // "We are the controller"
			}
			if role != "" && role != self {
				return "", nil, false
			}
			role = self
			continue
		}
		if r, _ := utf8.DecodeRuneInString(t); pk.generic[lt] && unicode.IsUpper(r) && !strings.Contains(t, " ") {
			// („Company“): the contract's own term for the party, which
			// later clauses use ("Company is the processor"); never a name.
			shorts = append(shorts, t)
			continue
		}
		if x.k.IsPlaceholder(t) || strings.ContainsAny(t, "{}[]<>") {
			// „{Organization}“: a template's placeholder for the name.
			continue
		}
		r, _ := utf8.DecodeRuneInString(t)
		if len(strings.Fields(t)) > 4 || !unicode.IsUpper(r) && !unicode.IsDigit(r) || pk.title[lt] || isTitleCompound(lt, pk) || pk.generic[lt] {
			return "", nil, false
		}
		shorts = append(shorts, t)
	}
	return role, shorts, role != "" || len(shorts) > 0 && quotedAny
}

// reWhichBefore is the relative pronoun that opens a role statement after
// a name: "Brightframe Ltd, which is the processor".
var reWhichBefore = prefilter.MustCompile(`,\s*(?:which|who)$`)

// reMeansVerb is the verb of a pronoun's definition before the name it
// stands for: '"we" means', '"you" and "your" mean'.
var reMeansVerb = prefilter.MustCompile(`(?i)\smeans?\s`)

// readDefUnit reads the party a definition belongs to. ok is false when
// no party phrase could be placed (the definition then says nothing).
func (x *extractor) readDefUnit(u defUnit, prevEnd int, shorts map[string]partyReading) (partyReading, bool) {
	r := partyReading{role: u.role, at: u.start, src: "definition"}
	if u.inner != [2]int{} {
		pr := x.partyFromLines([]line{{start: u.inner[0], end: u.inner[1], text: x.text[u.inner[0]:u.inner[1]]}}, false)
		if pr.party == nil {
			return r, false
		}
		pr.party.Evidence = x.evidencePtr(pr.party.Evidence.Start, u.end)
		r.party = pr.party
		return r, true
	}
	// The phrase before: from the line's start, the end of the previous
	// definition or "zwischen"/"between", whichever is last. A party block
	// with its register entry, tax number and capital ("… entered into the
	// Register of Entrepreneurs … under KRS number …, NIP …, represented by
	// …, hereinafter referred to as …") runs to about 450 bytes.
	ls := x.sentenceLineStart(u.start)
	b := max(ls, u.start-500)
	if prevEnd > b && prevEnd <= u.start {
		b = prevEnd
	}
	if u.from > b && u.from <= u.start {
		b = u.from
	}
	if locs := reBetween.FindAllStringSubmatchIndex(x.text[b:u.start], -1); len(locs) > 0 {
		b += locs[len(locs)-1][1]
		// "between the Customer and Acme, Inc. ("Acme")": the other
		// party by its role word comes first.
		if m := reLeadRoleAnd.FindStringSubmatchIndex(x.text[b:u.start]); m != nil {
			if _, ok := x.k.party.role[strings.ToLower(x.text[b+m[2]:b+m[3]])]; ok {
				b += m[1]
			}
		}
	}
	phrase := x.text[b:u.start]
	if strings.TrimSpace(phrase) == "" {
		if (u.role == "" && len(u.shorts) > 0 || u.role != "" && len(u.shorts) == 0 && x.lineOnly(u)) && !u.statement {
			// "Hoffmann & Partner mbB\nStraße 1, 80538 München\n– im
			// Folgenden „die Kanzlei“ –": a short name without a role
			// under a party block; a later statement ("Die Kanzlei ist
			// Verantwortliche") gives the role.
			b := x.blockAbove(u.start)
			for k := len(b); k > 0; k-- {
				// The block starts after the previous party's definition
				// line ("– nachfolgend „Auftraggeber“ –") or an "und" line.
				t := strings.TrimSpace(b[k-1].text)
				m := x.k.party.connectorRe.FindStringIndex(t)
				if strings.HasPrefix(t, "(") || strings.HasPrefix(t, "–") || strings.HasPrefix(t, "-") || strings.HasPrefix(t, "—") ||
					m != nil && (m[1] == len(t) || x.k.party.article[strings.ToLower(strings.TrimSpace(t[m[1]:]))]) {
					b = b[k:]
					break
				}
			}
			for len(b) > 1 {
				// "zwischen der" / "und der" on a line of its own above
				// the block.
				m := x.k.party.connectorRe.FindStringIndex(b[0].text)
				if m == nil {
					break
				}
				if rest := strings.ToLower(strings.TrimSpace(b[0].text[m[1]:])); rest != "" && !x.k.party.article[rest] {
					break
				}
				b = b[1:]
			}
			if u.role != "" {
				// A role definition on its own line names the party of the
				// block above only when the block holds one company: a
				// list of group companies above "(hereinafter referred to
				// as the \"processor\")" is no party block, nor is a
				// name without an address.
				n := 0
				for _, l := range b {
					if x.k.party.legalRe.FindStringIndex(" "+l.text) != nil {
						n++
					}
				}
				if n != 1 {
					return r, false
				}
			}
			if pr := x.partyFromLines(b, false); len(b) > 0 && pr.party != nil && (u.role == "" || pr.party.Postcode != "" || pr.party.City != "" || pr.party.Street != "") {
				pr.party.Evidence = x.evidencePtr(pr.party.Evidence.Start, u.end)
				r.party = pr.party
				return r, true
			}
		}
		return r, false
	}
	if u.statement && !u.shortOnly {
		// "Norland District Council, Civic Centre, Norland NL1 1AA,
		// acting as controller", "Die Datenwerk AG, Speditionstraße 15,
		// 40221 Düsseldorf, handelt als Auftragsverarbeiterin": a party
		// block with its address, set off by a comma before the role.
		if t := strings.TrimRight(phrase, " "); strings.HasSuffix(t, ",") {
			t = strings.TrimPrefix(strings.TrimLeft(t[:len(t)-1], " ,.;"), "and ")
			t = strings.TrimPrefix(t, "und ")
			off := b + strings.Index(phrase, t)
			if pr := x.partyFromLines([]line{{start: off, end: off + len(t), text: t}}, false); pr.party != nil && (pr.party.Postcode != "" || pr.party.City != "" || pr.party.Street != "") {
				pr.party.Evidence = x.evidencePtr(pr.party.Evidence.Start, u.end)
				r.party = pr.party
				return r, true
			}
		}
	}
	if u.statement {
		end := u.start
		// "… mean Acme Ltd, which is the processor": the name before the
		// relative clause.
		if m := reWhichBefore.FindStringIndex(x.text[b:u.start]); m != nil {
			end = b + m[0]
			// '"you" means Acme Ltd, which …': the name after the verb.
			if k := reMeansVerb.Plain().FindAllStringIndex(x.text[b:end], -1); len(k) > 0 {
				b += k[len(k)-1][1]
			}
		}
		st, en, ok := x.nameBefore(x.text[:end], end)
		if ok && end < u.start && st < b && en > b {
			st = b // the name starts after the verb
		}
		if ok && st >= b && !u.shortOnly {
			if nr := x.readName(x.text[st:en]); nr.name != "" && nr.legal {
				r.party = x.defParty(st+nr.start, st+nr.end, u.end, nr)
				return r, true
			}
		}
		// "Company is the processor" after "Acme Inc. („Company“)".
		if p := shortBefore(phrase, shorts); p != nil {
			r.party = p
			return r, true
		}
		// "Kindlewood handles Centre Data … and acts as the Centre's
		// processor": the short name that opens the sentence, when the
		// sentence names no other.
		if p := x.shortSubject(phrase, shorts); p != nil {
			r.party = p
			return r, true
		}
		return r, false
	}
	// The phrase is read as a party block; failing that (a sentence), a
	// company ending right before the definition, or with only its
	// address between, is the name ("…regelt die Leistungen der Beispiel
	// AG (nachfolgend Auftragnehmer)"). A long phrase's note says nothing.
	pr := x.partyFromLines([]line{{start: b, end: u.start, text: phrase}}, false)
	if pr.party != nil && (x.k.party.legalRe.FindStringIndex(" "+pr.party.Name) == nil || startsLower(pr.party.Name)) {
		// A name that opens with a lower-case word is the end of a
		// sentence ("provides to Kestrel Joinery Ltd, Unit 7, … (\"you\")").
		// "Ich, Petra Lindner, …, erledige für meinen Mandanten, die
		// Schreinerei Holzmann GmbH, Neckarhalde 7, 72070 Tübingen
		// (nachfolgend „Mandant“)": a company with its legal form whose
		// address runs up to the definition is the party defined, not the
		// person who opens the sentence.
		st, en, ok := x.nameBefore(x.text[:u.start], u.start)
		if !ok {
			st, en, ok = x.nameWithin(x.text[:u.start], u.start)
		}
		if ok && st > b && !reParentBefore().MatchString(x.text[b:st]) {
			if nr := x.readName(x.text[st:en]); nr.name != "" && nr.legal && nr.name != pr.party.Name {
				r.party = x.defParty(st+nr.start, st+nr.end, u.end, nr)
				if a := x.k.ParseAddress(collapse(x.text[st+nr.end:u.start]), x.lang); a.Postcode != "" || a.Country != "" {
					r.party.Street, r.party.Postcode, r.party.City, r.party.Country = a.Street, a.Postcode, a.City, a.Country
				}
				return r, true
			}
		}
	}
	if pr.party != nil {
		pr.party.Evidence = x.evidencePtr(pr.party.Evidence.Start, u.end)
		r.party = pr.party
		return r, true
	}
	if p := x.describedBodyBefore(phrase, b, u.end); p != nil {
		// "(A) Solway Leisure Centres Trust, a Scottish charitable
		// incorporated organisation (SC049876) (the "Trust")".
		r.party = p
		return r, true
	}
	switch {
	case len(strings.Fields(phrase)) > 14:
	case pr.note == noteFragment || pr.note == noteNoName || pr.note == noteTitle:
	default:
		r.note = pr.note
		return r, true
	}
	st, en, ok := x.nameBefore(x.text[:u.start], u.start)
	if !ok {
		st, en, ok = x.nameWithin(x.text[:u.start], u.start)
	}
	if ok && st >= b && !x.genericBefore(st) && !reParentBefore().MatchString(x.text[b:st]) {
		if nr := x.readName(x.text[st:en]); nr.name != "" && nr.legal {
			r.party = x.defParty(st+nr.start, st+nr.end, u.end, nr)
			if a := x.k.ParseAddress(collapse(x.text[st+nr.end:u.start]), x.lang); a.Postcode != "" || a.Country != "" {
				r.party.Street, r.party.Postcode, r.party.City, r.party.Country = a.Street, a.Postcode, a.City, a.Country
			}
			return r, true
		}
	}
	// "the services that Acme Hosting Limited, a company incorporated in
	// England … whose registered office is at … ("Acme"), supplies": a
	// company in the sentence whose description or address runs up to
	// the definition.
	if p := x.describedBefore(phrase, b, u.end); p != nil {
		r.party = p
		return r, true
	}
	// A short name defined before: "Der Kunde beauftragt Caelex
	// (Auftragsverarbeiter)".
	if p := shortBefore(phrase, shorts); p != nil {
		r.party = p
		return r, true
	}
	if x.genericTail(phrase) {
		r.note = noteGeneric
		return r, true
	}
	return r, false
}

// reDescribedAs is what follows a company's name up to its definition
// when the name is described or placed: ", a company incorporated in …",
// " of 9 Dock Street …".
var reDescribedAs = lazyRegexp(`^(?:,\s*an?\s+(?:\S+\s+){0,3}?(?:company|corporation|partnership)\b|,\s*(?:an?\s+(?:\S+\s+)?(?:member|subsidiary|affiliate|part)\s+of|eine?\s+(?:Unternehmen|Tochtergesellschaft|Tochterunternehmen|Mitglied)\s+(?:der|des)|(?:part|a\s+division)\s+of)\s|\s+of\s+\d)`)

// reParentBefore is what stands before a company named as another
// party's parent or group: "whose parent company is", "a wholly owned
// subsidiary of", "a member of the", "ein Unternehmen der",
// "Tochtergesellschaft der", "deren Muttergesellschaft die". Such a
// company is not the party a definition after it defines ("Ferncastle
// Dental Care Ltd, a member of the Bright Smile Group whose parent
// company is Bright Smile Holdings plc (hereinafter the "Practice")").
var reParentBefore = lazyRegexp(`(?i)(?:(?:subsidiary|affiliate|division|member|part)\s+of|(?:owned|controlled)\s+by|parent(?:\s+company|\s+undertaking)?\s+(?:is|being)|(?:tochter(?:gesellschaft|unternehmen)?|konzerngesellschaft|ein\s+unternehmen|mitglied)\s+(?:der|des|von|im)|mutter(?:gesellschaft)?\s+(?:ist|sind))\s+(?:the\s+|die\s+|der\s+)?$`)

// reBodyDescribed is the description that follows the name of a body
// without a legal form and states what kind of body it is, in place of
// the form: ", a charitable company limited by guarantee", ", a Scottish
// charitable incorporated organisation", ", a registered charity", ", a
// multi-academy trust", ", a company limited by guarantee" (Companies Act
// 2006 s. 60 lets a charitable company limited by guarantee leave
// "Limited" out of its name; Charities Act 2011 s. 206 for the CIO).
var reBodyDescribed = lazyRegexp(`^,\s*an?\s+(?:(?:Scottish|English|Welsh|Northern\s+Irish|Irish|exempt|excepted)\s+)?(?:charitable\s+(?:company|incorporated\s+organi[sz]ation|trust)|registered\s+charity|charity\s+registered|company\s+limited\s+by\s+guarantee|(?:multi-academy|academy)\s+trust)\b`)

// markBody records a name read as a body described by its kind.
func (x *extractor) markBody(name string) {
	if x.bodies == nil {
		x.bodies = map[string]bool{}
	}
	x.bodies[name] = true
}

// formalName reports whether a party's name ends in a legal form or is a
// body's the text describes by its kind (describedBody): either way not
// a defined term.
func (x *extractor) formalName(name string) bool {
	return x.k.party.legalRe.MatchString(" "+name) || x.bodies[name]
}

// describedBody returns the name of a body without a legal form that
// ends at offset at of s and is followed by a description of its kind
// (reBodyDescribed): "Fenwick Valley Rivers Trust, a charitable company
// limited by guarantee …". The name must be all capitalised words read
// as a name and no generic description ("The Customer, a charitable
// company …" and "Each of the Participating Churches" are none).
func (x *extractor) describedBody(s string, at int) (int, nameRead, bool) {
	if !reBodyDescribed().MatchString(s[at:]) {
		return 0, nameRead{}, false
	}
	start := capitalRun(s, x.walkBack(s, at), at)
	if start >= at {
		return 0, nameRead{}, false
	}
	nr := x.readName(s[start:at])
	if nr.name == "" || nr.note != "" || nr.end != at-start || len(strings.Fields(nr.name)) < 2 {
		return 0, nameRead{}, false
	}
	for _, w := range strings.Fields(nr.name) {
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) && !x.k.party.joiner[strings.ToLower(w)] {
			return 0, nameRead{}, false
		}
	}
	return start, nr, true
}

// describedBefore returns the company with a legal form whose description
// or address fills phrase (starting at offset b) up to a definition
// ending at defEnd, or nil: the first such company, and only when no
// other definition (a quoted term) stands between it and the definition.
// A body without a legal form counts when a description of its kind
// follows its name (describedBody).
func (x *extractor) describedBefore(phrase string, b, defEnd int) *model.Party {
	if p := x.describedBodyBefore(phrase, b, defEnd); p != nil {
		return p
	}
	return x.describedCompanyBefore(phrase, b, defEnd)
}

// describedBodyBefore is describedBefore for a body without a legal form
// (describedBody).
func (x *extractor) describedBodyBefore(phrase string, b, defEnd int) *model.Party {
	low := strings.ToLower(phrase)
	if len(x.lower) == len(x.text) && b+len(phrase) <= len(x.lower) {
		low = x.lower[b : b+len(phrase)]
	}
	if !strings.Contains(low, "charit") && !strings.Contains(low, "guarantee") && !strings.Contains(low, "trust") {
		// None of reBodyDescribed's kinds.
		return nil
	}
	for off := 0; ; {
		i := strings.Index(phrase[off:], ", a")
		if i < 0 {
			break
		}
		i += off
		if strings.ContainsAny(phrase[i:], "“\"„") {
			break
		}
		if start, nr, ok := x.describedBody(phrase, i); ok {
			x.markBody(nr.name)
			return x.defParty(b+start+nr.start, b+start+nr.end, defEnd, nr)
		}
		off = i + 3
	}
	return nil
}

// describedCompanyBefore is describedBefore for a company with a legal
// form.
func (x *extractor) describedCompanyBefore(phrase string, b, defEnd int) *model.Party {
	for _, m := range x.k.legalRe.FindAllStringSubmatchIndex(phrase, -1) {
		rest := phrase[m[3]:]
		if !reDescribedAs().MatchString(rest) || strings.ContainsAny(rest, "“\"„") {
			continue
		}
		start := capitalRun(phrase, x.walkBack(phrase, m[2]), m[2])
		if start >= m[2] {
			continue
		}
		nr := x.readName(phrase[start:m[3]])
		if nr.name == "" || !nr.legal {
			continue
		}
		return x.defParty(b+start+nr.start, b+start+nr.end, defEnd, nr)
	}
	return nil
}

// blockAbove returns the lines right above offset at, up to a blank line
// (at most six): the party block a definition on its own line closes. A
// definition inside a line ("Im Vertrag heißt sie „Acme“") closes no
// block: nil.
func (x *extractor) blockAbove(at int) []line {
	k := sort.Search(len(x.lines), func(i int) bool { return x.lines[i].start >= at })
	if k > 0 && x.lines[k-1].end > at {
		return nil
	}
	from := k
	for from > 0 && k-from < 6 {
		l := x.lines[from-1]
		if from < k && strings.Count(x.text[l.end:x.lines[from].start], "\n") > 1 {
			break
		}
		if from == k && strings.Count(x.text[l.end:at], "\n") > 1 && !x.framedAfterGap(l, at) {
			break
		}
		from--
	}
	return x.lines[from:k]
}

// framedAfterGap reports whether the definition at offset at is a framed
// line of its own ("– nachfolgend „Einrichtung“ –") set off by one blank
// line from the block line l above it ("vertreten durch die
// Geschäftsführerin …" / "" / "– nachfolgend …"): the block still ends
// there. Line l must not end a sentence or a label (a paragraph of prose
// or a heading above is no block).
func (x *extractor) framedAfterGap(l line, at int) bool {
	if strings.Count(x.text[l.end:at], "\n") != 2 {
		return false
	}
	ls := strings.LastIndexByte(x.text[:at], '\n') + 1
	if strings.Trim(x.text[ls:at], " \t(–—-") != "" {
		return false
	}
	le := strings.IndexByte(x.text[at:], '\n')
	if le < 0 {
		le = len(x.text) - at
	}
	if !framedDefinition(strings.TrimSpace(x.text[ls : at+le])) {
		return false
	}
	t := strings.TrimSpace(l.text)
	return t != "" && !strings.ContainsAny(t[len(t)-1:], ".:;!?")
}

// shortBefore returns the party whose short name defined before is the
// last word of phrase ("Der Kunde beauftragt Caelex"), or nil. The
// evidence stays the full name's definition.
func shortBefore(phrase string, shorts map[string]partyReading) *model.Party {
	ws := strings.Fields(phrase)
	if len(ws) == 0 {
		return nil
	}
	// The short name may have up to three words ("Business Associate is
	// the processor" after 'Medinote Cloud, Inc. ("Business Associate")').
	for n := 1; n <= 3 && n <= len(ws); n++ {
		w := strings.Trim(strings.Join(ws[len(ws)-n:], " "), ",;:")
		sr, ok := shorts[strings.ToLower(w)]
		if !ok || sr.party == nil {
			continue
		}
		p := *sr.party
		p.ShortName = w
		return &p
	}
	return nil
}

// shortSubject returns the party whose short name defined before opens
// the last sentence of phrase (after a clause number) as its subject, if no other short name
// or role word occurs in the phrase; or nil.
func (x *extractor) shortSubject(phrase string, shorts map[string]partyReading) *model.Party {
	if st := sentenceStarts(phrase); len(st) > 0 {
		phrase = phrase[st[len(st)-1]:]
	}
	ws := strings.Fields(phrase)
	i := 0
	for i < len(ws)-1 && strings.IndexFunc(ws[i], func(r rune) bool { return r < '0' || r > '9' && r != '.' }) < 0 {
		i++
	}
	if i >= len(ws) {
		return nil
	}
	w := strings.Trim(ws[i], ",;:")
	sr, ok := shorts[strings.ToLower(w)]
	if !ok || sr.party == nil {
		return nil
	}
	for _, o := range ws[i+1:] {
		o = strings.ToLower(strings.Trim(o, ",;:.()\"“”'’"))
		if _, other := shorts[o]; other && o != strings.ToLower(w) {
			return nil
		}
		if _, role := x.k.party.role[o]; role {
			return nil
		}
	}
	p := *sr.party
	p.ShortName = w
	return &p
}

// genericTail reports whether a phrase ends in a generic description of
// a party ("… Rechte und Pflichten des Kunden").
func (x *extractor) genericTail(phrase string) bool {
	ws := strings.Fields(phrase)
	if len(ws) == 0 {
		return false
	}
	last := strings.ToLower(strings.Trim(ws[len(ws)-1], ",;:"))
	_, isRole := x.k.party.role[last]
	if !isRole && !x.k.party.generic[last] {
		return false
	}
	return len(ws) == 1 || x.k.party.article[strings.ToLower(ws[len(ws)-2])] || x.k.party.generic[strings.ToLower(ws[len(ws)-2])]
}

// genericBefore reports whether the words before offset at describe a
// party generically and the name at at is another's ("dem Kunden der
// fortrabbit GmbH": the customer of fortrabbit, not fortrabbit).
func (x *extractor) genericBefore(at int) bool {
	ws := strings.Fields(x.text[max(0, at-60):at])
	if len(ws) < 2 {
		return false
	}
	ws = ws[len(ws)-2:]
	art := strings.ToLower(ws[1])
	if art != "der" && art != "des" && art != "of" && art != "von" {
		return false
	}
	w := strings.ToLower(strings.Trim(ws[0], ",;:"))
	_, isRole := x.k.party.role[w]
	return isRole || x.k.party.generic[w]
}

func (x *extractor) defParty(start, end, defEnd int, nr nameRead) *model.Party {
	return &model.Party{Name: x.text[start:end], Owner: nr.owner, Brand: nr.brand, Evidence: x.evidencePtr(start, defEnd)}
}

// reWeController and reYouProcessor are the statements of a controller
// writing to its processor: "We are the controller", "you are our
// processor", "you will act as our data processor".
// Each is sought where its first word starts a word (see wordThen):
// the expression run over the whole text could not skip to it.
const (
	weController = `we\s+(?:are|act as|will act as|will be)\s+(?:the\s+|a\s+)?(?:data\s+)?controller\b`
	youProcessor = `you\s+(?:are|act as|will act as|will be)\s+(?:our\s+|the\s+|a\s+)?(?:data\s+)?processor\b`
)

var (
	reWeController   = lazyRegexp(`(?:^|[^\p{L}])` + weController)
	reYouProcessor   = lazyRegexp(`(?:^|[^\p{L}])` + youProcessor)
	reWeControllerAt = lazyRegexp(`\A` + weController)
	reYouProcessorAt = lazyRegexp(`\A` + youProcessor)
)

// wordThen reports whether re, an expression of the form
// (?:^|[^\p{L}])word…, matches s, given at, the same expression without
// its first group anchored at the start of its input: at is tried only
// where word occurs after a rune that is not a letter (or at the start).
// A text that is not valid UTF-8 is given to re as it is.
func wordThen(s, word string, re, at *regexp.Regexp) bool {
	if !utf8.ValidString(s) {
		return re.MatchString(s)
	}
	for from := 0; ; {
		k := strings.Index(s[from:], word)
		if k < 0 {
			return false
		}
		p := from + k
		from = p + 1
		if r, _ := utf8.DecodeLastRuneInString(s[:p]); p > 0 && unicode.IsLetter(r) {
			continue
		}
		if at.MatchString(s[p:]) {
			return true
		}
	}
}

// reversedVoice reports whether the text states both that "we" are the
// controller and that "you" are the processor: then "we" defines the
// controller and "you" the processor. A vendor's usual "you are the
// controller and we are your processor" never reverses.
func (x *extractor) reversedVoice() bool {
	if x.reversed == 0 {
		x.reversed = -1
		if wordThen(x.lower, "we", reWeController(), reWeControllerAt()) && wordThen(x.lower, "you", reYouProcessor(), reYouProcessorAt()) {
			x.reversed = 1
		}
	}
	return x.reversed == 1
}

// reFirstPersonHead is a sole trader introducing itself in the first
// person at the start of a line: "Ich, Petra Lindner, selbständige
// Buchhalterin, …". The name runs to the next comma.
var reFirstPersonHead = lazyRegexp(`(?m)^[ \t]*(?:Ich|I),[ \t]+([^,\n]{3,60}),`)

// firstPersonReading reads the processor of a contract written in the
// first person singular by the one who does the work ("Ich, Petra
// Lindner, …, erledige für meinen Mandanten …"): the name after "Ich,"
// in the first n bytes, when the text goes on in the first person (three
// times "ich"/"I" or more). A controller's own reversed voice is left
// alone.
func (x *extractor) firstPersonReading(n int) (partyReading, bool) {
	// The expression is anchored at every line start; most contracts have
	// neither the head nor the voice, which two literal scans tell.
	if !strings.Contains(x.text[:n], "I,") && !strings.Contains(x.text[:n], "Ich,") {
		return partyReading{}, false
	}
	if strings.Count(x.lower, " ich ") < 2 && strings.Count(x.lower, " i ") < 2 {
		return partyReading{}, false
	}
	m := reFirstPersonHead().FindStringSubmatchIndex(x.text[:n])
	if m == nil || x.reversedVoice() {
		return partyReading{}, false
	}
	self := " ich "
	if !strings.HasPrefix(strings.TrimSpace(x.text[m[0]:m[2]]), "Ich") {
		self = " i "
	}
	if strings.Count(x.lower, self) < 2 {
		return partyReading{}, false
	}
	nr := x.readName(x.text[m[2]:m[3]])
	if nr.name == "" || len(strings.Fields(nr.name)) < 2 {
		return partyReading{}, false
	}
	p := &model.Party{Name: nr.name, Owner: nr.owner, Evidence: x.evidencePtr(m[2]+nr.start, m[2]+nr.end)}
	// The address up to the first postcode and town after the name, not
	// into the other party's address later in the sentence.
	rest := x.text[m[3]:min(n, m[3]+120)]
	if k := rePostcodeTown().FindStringIndex(rest); k != nil {
		a := x.k.ParseAddress(collapse(strings.Trim(rest[:k[1]], ", ")), x.lang)
		p.Street, p.Postcode, p.City, p.Country = a.Street, a.Postcode, a.City, a.Country
	}
	return partyReading{role: "processor", party: p, at: m[0], src: "definition"}, true
}

// rePostcodeTown is a postcode of four or five digits and its town.
var rePostcodeTown = lazyRegexp(`\b\d{4,5}\s+\p{Lu}[\p{L}\-]+(?:\s(?:am|an der|im|in der|ob der)\s\p{Lu}[\p{L}]+)?`)

// startsLower reports whether s opens with a lower-case letter.
func startsLower(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}

// splitDef splits a definition's content at its separators, as the
// expression \s*(?:,|;|/|\boder\b|\bor\b|\bbzw\.?|\bund\b|\band\b)\s*
// splits it (regexp.Split with n < 0), which package regexp tried at every
// offset: a separator with the white space around it, where \s is an
// ASCII space, tab, line break, form feed or carriage return and \b
// an edge of a run of ASCII letters, digits and underscores.
func splitDef(s string) []string {
	if s == "" {
		return []string{""}
	}
	var out []string
	beg := 0
	for i := 0; i < len(s); {
		k := i
		for k < len(s) && asciiSpace(s[k]) {
			k++
		}
		n := defSeparator(s, k)
		if n == 0 {
			// No match starts in the white space before k (each would
			// reach k) nor at k.
			i = k + 1
			continue
		}
		e := k + n
		for e < len(s) && asciiSpace(s[e]) {
			e++
		}
		out = append(out, s[beg:i])
		beg, i = e, e
	}
	return append(out, s[beg:])
}

// defSeparator returns the length of the separator of splitDef at offset
// k of s, 0 when there is none.
func defSeparator(s string, k int) int {
	if k >= len(s) {
		return 0
	}
	switch s[k] {
	case ',', ';', '/':
		return 1
	}
	if k > 0 && asciiWordByte(s[k-1]) {
		return 0 // \b before a word
	}
	word := func(w string) bool {
		return strings.HasPrefix(s[k:], w) && (k+len(w) == len(s) || !asciiWordByte(s[k+len(w)]))
	}
	switch {
	case word("oder"):
		return 4
	case word("or"):
		return 2
	case word("und"), word("and"):
		return 3
	case strings.HasPrefix(s[k:], "bzw"):
		if k+3 < len(s) && s[k+3] == '.' {
			return 4
		}
		return 3
	}
	return 0
}

// asciiSpace reports a byte of \s: space, tab, line feed, form feed,
// carriage return.
func asciiSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' }

// asciiWordByte reports a byte of \w: an ASCII letter, digit or
// underscore.
func asciiWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_'
}

// voiceLabelReadings reads the party lines of a text written in the
// "wir"/"ihr", "wir"/"Sie", "du" or "we"/"you" voice, labelled by the
// voice itself (parties.yaml voice_labels): "Wir: Funkenflug
// Kommunikation GmbH, Hafenstraße 19, 55118 Mainz" above or below "Ihr:
// Weingut … GbR, …", in the head (the first 40 lines) or in the signature
// block (the last 20 lines: "Für euch: Weingut … GbR, Anna Keller"). The
// text's own voice is the processor unless the text says it is the
// controller (reversedVoice); the party it speaks to takes the other
// role. A line names a party only with a legal form or an address.
func (x *extractor) voiceLabelReadings() []partyReading {
	pk := x.k.party
	var out []partyReading
	seen := map[string]bool{}
	for li, ln := range x.lines {
		if li >= 40 && li < len(x.lines)-20 {
			continue
		}
		t := strings.TrimSpace(ln.text)
		c := strings.IndexByte(t, ':')
		if c <= 0 || c > 12 || c+1 >= len(t) {
			continue
		}
		kind := pk.voiceLbl[strings.ToLower(strings.Trim(t[:c], "* "))]
		if kind == "" {
			continue
		}
		role := "processor"
		if (kind == "self") == x.reversedVoice() {
			role = "controller"
		}
		if seen[role] {
			continue
		}
		v := strings.TrimLeft(t[c+1:], " \t*")
		off := ln.start + len(ln.text) - len(strings.TrimLeft(ln.text, " \t")) + len(t) - len(v)
		pr := x.partyFromLines([]line{{start: off, end: off + len(v), text: v}}, true)
		if pr.party == nil || pr.party.Postcode == "" && !pk.legalRe.MatchString(" "+pr.party.Name) {
			continue
		}
		seen[role] = true
		out = append(out, partyReading{role: role, party: pr.party, at: ln.start, src: "block"})
	}
	return out
}

// roleAfterDef reads a role stated right after a definition's closing
// bracket ('("Albumvault"), acting as the processor;', "(„Kanzlei“) als
// Verantwortliche und"): one of role_after_definition in parties.yaml, an
// optional article, a role word, then the end of the phrase. It returns
// the role and the bytes read.
func (x *extractor) roleAfterDef(s string) (string, int) {
	pk := x.k.party
	t := strings.TrimLeft(s, " ,")
	low := strings.ToLower(t)
	verb := false
	for _, v := range pk.roleAfterVerbs {
		if !strings.HasPrefix(low, v+" ") {
			continue
		}
		// '("Kitewire"), processes membership data as processor on
		// behalf of …': a verb and up to four words before the cue.
		rest := low[len(v)+1:]
		for k := 0; k < 5; k++ {
			if strings.HasPrefix(rest, "as ") || strings.HasPrefix(rest, "als ") {
				low, verb = rest, true
				break
			}
			sp := strings.IndexByte(rest, ' ')
			if sp < 0 || strings.ContainsAny(rest[:sp], ",;.()") {
				break
			}
			rest = rest[sp+1:]
		}
		break
	}
	for _, cue := range pk.roleAfterDef {
		if !strings.HasPrefix(low, cue+" ") {
			continue
		}
		rest := strings.TrimLeft(low[len(cue):], " ")
		for _, a := range []string{"the ", "der ", "die ", "a ", "its ", "data "} {
			rest = strings.TrimPrefix(rest, a)
		}
		rest = strings.TrimPrefix(rest, "data ")
		w := rest
		if k := strings.IndexAny(rest, " ,;.:)\n"); k >= 0 {
			w = rest[:k]
		}
		role := pk.role[w]
		if role != "processor" && role != "controller" {
			return "", 0
		}
		after := strings.TrimLeft(rest[len(w):], " ")
		if verb && x.processorOfAnother(rest[len(w):]) {
			return "", 0
		}
		if verb && (strings.HasPrefix(after, "on behalf of") || strings.HasPrefix(after, "for ") || strings.HasPrefix(after, "im auftrag") || strings.HasPrefix(after, "für ")) {
			return role, len(s) - len(rest) + len(w)
		}
		if after != "" && !strings.HasPrefix(after, ";") && !strings.HasPrefix(after, ",") && !strings.HasPrefix(after, ".") &&
			!strings.HasPrefix(after, "and") && !strings.HasPrefix(after, "und") && !strings.HasPrefix(after, "\n") {
			// "as processor of the Supplier", "als Auftragnehmer des …".
			return "", 0
		}
		return role, len(s) - len(rest) + len(w)
	}
	return "", 0
}

// quotedTerm reads a definitions clause that opens a line with a quoted
// term, a copula of term_copulas and the party the term names: "1.1
// „Versorger“ ist die Wasserverband Ohreniederung GmbH, …", "1.2
// "Contractor" means Coldharbour Repairs Ltd, …". The term is one or two
// capitalised words; the party must carry a legal form and open the
// rest. A later role statement or whose instructions are followed gives
// the term its role (shortRoles).
func (x *extractor) quotedTerm(li int) (r partyReading, clause, ok bool) {
	pk := x.k.party
	ln := x.lines[li]
	t := ln.text
	quoted := false
	for k := 0; k < len(t) && k < 12; k++ {
		if c := t[k]; c == '"' || c == '\'' || c == 0xe2 {
			quoted = true
			break
		}
	}
	if !quoted {
		return partyReading{}, false, false
	}
	i := 0
	if f := firstField(t); f != "" && len(f) <= 8 && (strings.HasSuffix(f, ".") || strings.HasSuffix(f, ")") || strings.Trim(f, "0123456789.") == "") {
		// "1.1.2", "A.", "b)": the clause's number.
		i = strings.Index(t, f) + len(f)
		for i < len(t) && t[i] == ' ' {
			i++
		}
	}
	q := quoteLen(t, i)
	if q == 0 {
		return partyReading{}, false, false
	}
	j := i + q
	end := -1
	for k := j; k < len(t) && k < j+40; k++ {
		if n := quoteLen(t, k); n > 0 {
			end = k
			break
		}
	}
	if end <= j {
		return partyReading{}, false, false
	}
	term := t[j:end]
	ws := strings.Fields(term)
	if len(ws) == 0 || len(ws) > 2 || strings.ContainsAny(term, "0123456789") {
		return partyReading{}, false, false
	}
	if r, _ := utf8.DecodeRuneInString(term); !unicode.IsUpper(r) {
		return partyReading{}, false, false
	}
	rest := t[end+quoteLen(t, end):]
	w, n := firstWord(rest)
	if !pk.termCopula[strings.ToLower(w)] {
		return partyReading{}, false, false
	}
	off := end + quoteLen(t, end) + n
	// Cheap test first: the party's name opens with a capital, after an
	// article at most ("means any information …" names no party).
	nw, nn := firstWord(t[off:])
	if pk.article[strings.ToLower(nw)] {
		nw, _ = firstWord(t[off+nn:])
	}
	if r, _ := utf8.DecodeRuneInString(nw); !unicode.IsUpper(r) {
		return partyReading{}, true, false
	}
	v := line{start: ln.start + off, end: ln.end, text: t[off:]}
	pr := x.partyFromLines([]line{v}, false)
	if pr.party == nil || !pk.legalRe.MatchString(" "+pr.party.Name) {
		// A definition clause that names no company ("Customer" means
		// the entity that accepts …).
		return partyReading{}, true, false
	}
	if k := strings.Index(v.text, pr.party.Name); k < 0 || strings.TrimSpace(v.text[:k]) != "" && !pk.article[strings.ToLower(strings.TrimSpace(v.text[:k]))] {
		// The name opens the rest, after an article at most.
		return partyReading{}, true, false
	}
	return partyReading{party: pr.party, short: term, at: ln.start, src: "definition"}, true, true
}

// quotedClause is a definitions clause opened by a quoted term and a
// copula, with the party it names (ok) or none.
type quotedClause struct {
	r  partyReading
	ok bool
}

// addresseeReadings reads the customer of a vendor's terms that name it in
// an apposition to the addressee's pronoun after "zwischen"/"between":
// "Dieser Vertrag gilt zwischen Ihnen, der Hofmann Haustechnik KG, …, und
// uns, …", "between you, Kestrel Yoga Studio Ltd, …, and us". Only a
// name with its legal form right after the comma (an article at most);
// "zwischen Ihnen, dem Kunden, …" names no one.
func (x *extractor) addresseeReadings(n int) []partyReading {
	pk := x.k.party
	if len(x.lower) != len(x.text) {
		return nil
	}
	low := x.lower[:n]
	var out []partyReading
	for _, h := range [...]string{"zwischen ", "between "} {
		i, seen := -1, 0
		for from := 0; seen < 6; seen++ {
			k := strings.Index(low[from:], h)
			if k < 0 {
				break
			}
			k += from
			from = k + len(h)
			w := low[from:min(len(low), from+8)]
			if c := strings.IndexByte(w, ','); c > 0 && pk.addresseeHead[w[:c]] && (k == 0 || asciiSpace(low[k-1])) {
				i = k
				break
			}
		}
		if i < 0 {
			continue
		}
		start := i + len(h) + strings.IndexByte(low[i+len(h):], ',') + 1
		rest := x.text[start:min(n, start+200)]
		nr := x.readName(rest)
		if nr.name == "" || !nr.legal {
			continue
		}
		if w, _ := firstWord(rest); !pk.article[strings.ToLower(w)] && !strings.HasPrefix(strings.TrimSpace(rest), nr.name) {
			continue
		}
		role := "controller"
		if x.reversedVoice() {
			role = "processor"
		}
		p := &model.Party{Name: x.undotted(nr.name), Owner: nr.owner, Brand: nr.brand, Evidence: x.evidencePtr(start+nr.start, start+nr.end)}
		tail := x.text[start+nr.end : min(n, start+nr.end+120)]
		if k := rePostcodeTown().FindStringIndex(tail); k != nil {
			a := x.k.ParseAddress(collapse(strings.Trim(tail[:k[1]], ", ")), x.lang)
			p.Street, p.Postcode, p.City, p.Country = a.Street, a.Postcode, a.City, a.Country
		}
		out = append(out, partyReading{role: role, party: p, at: i, src: "definition"})
		break
	}
	return out
}
