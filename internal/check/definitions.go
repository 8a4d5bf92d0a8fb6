package check

import (
	"regexp"
	"slices"
	"strings"
	"sync"
	"unicode"

	"github.com/art28/art28/internal/document"
	"github.com/art28/art28/internal/lexicon"
	"github.com/art28/art28/internal/match"
)

// Defined terms. Contracts name their parties once and then use the name:
// "Verantwortlicher (nachfolgend „Kundenorganisation“)", "Auftragsverarbeiter:
// Muster GmbH („Bekvor“)", "Infracost, Inc. ("Infracost", "we", "us")",
// "Caelex ist Auftragsverarbeiter", "Acme acts as the processor". Such a
// term carries its party's obligations like the catalog's party words, so
// each document's definitions extend the party words for that document.

// The expressions below are anchored and run on short windows found by a
// literal search (a "(" or a role word), so a document costs little more
// than the search.
var (
	// reDefinition reads a quoted term in parentheses, optionally after
	// "nachfolgend", "hereinafter" and the like, at the start of a window
	// that begins with "(".
	// An article inside the quotation marks is no part of the term:
	// („die Schule“), (hereinafter "the Brand").
	reDefinition = lazyRe(`^\(\s*(?:(?:nachfolgend|nachstehend|im folgenden|im weiteren|fortan|kurz|gemeinsam|zusammen|together|collectively|jointly|hereinafter|hereafter|henceforth|the|der|die|das|auch|also|referred to as|bezeichnet als|genannt|als)[\s:,]*)*[„"“»«‚'](?:(?:the|der|die|das) )?([\p{L}\d][\p{L}\d&\- ]{0,38}[\p{L}\d])["“”«»‘']`)
)

// isLinks are the verbs of "X ist Auftragsverarbeiter", "X acts as
// processor"; isArticles may follow them.
var (
	isLinks    = spaced(lexicon.List("role_links"), " ")
	isArticles = spaced(lexicon.List("role_articles"), "")
	// deNotFeminineArticles are the articles, each with its space, that a
	// feminine singular noun does not take (lexicon:
	// de_not_feminine_articles).
	deNotFeminineArticles = spaced(lexicon.List("de_not_feminine_articles"), "")
)

// hasQuote reports whether s holds one of the quotation marks „ " “ » « ‚
// ' (strings.ContainsAny without decoding every rune).
func hasQuote(s string) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '"', '\'':
			return true
		case 0xC2: // » « (Swiss and French quotation marks, hold22c)
			if i+1 < len(s) && (s[i+1] == 0xBB || s[i+1] == 0xAB) {
				return true
			}
		case 0xE2: // „ “ ‚
			if i+2 < len(s) && s[i+1] == 0x80 && (s[i+2] == 0x9E || s[i+2] == 0x9C || s[i+2] == 0x9A) {
				return true
			}
		}
	}
	return false
}

// isRoleName returns the span of X in "X ist (der) Auftragsverarbeiter"
// when the role word starts at offset at, or an empty span.
func isRoleName(lower string, at int) (int, int) {
	s := lower[max(0, at-60):at]
	off := at - len(s)
	for range 2 {
		for _, a := range isArticles {
			if len(s) > len(a) && s[len(s)-len(a)-1] == ' ' && strings.HasSuffix(s, a) {
				s = s[:len(s)-len(a)]
				break
			}
		}
	}
	// Verb second: "handelt Caelex als Auftragsverarbeiter", "wird Acme
	// als Auftragsverarbeiter tätig".
	if strings.HasSuffix(s, " als ") {
		b := len(s) - len(" als ")
		a := b
		for a > 0 && (wordByte(s[a-1]) || s[a-1] == '&') {
			a--
		}
		if b-a >= 2 && a > 0 && s[a-1] == ' ' && deAlsVerbs[lastWord(s[:a])] {
			return off + a, off + b
		}
	}
	for _, l := range isLinks {
		// The byte before the final space first: most places end in
		// no link.
		if len(s) < len(l) || s[len(s)-2] != l[len(l)-2] || !strings.HasSuffix(s, l) {
			continue
		}
		b := len(s) - len(l)
		// "Die Acme GmbH („Acme“) ist Auftragsverarbeiter": the short
		// name defined right before the link is the name.
		if b > 0 && s[b-1] == ')' {
			if o := strings.LastIndexByte(s[:b], '('); o >= 0 && b-o <= 48 {
				if m := reQuoted().FindStringSubmatchIndex(s[o:b]); m != nil && strings.TrimSpace(s[o+1:o+m[0]]) == "" {
					return off + o + m[2], off + o + m[3]
				}
			}
			return 0, 0
		}
		a := b
		for a > 0 && (wordByte(s[a-1]) || s[a-1] == '&') {
			a--
		}
		if b-a < 2 || !(s[a] >= 'a' && s[a] <= 'z' || s[a] >= 0x80) || a > 0 && s[a-1] != ' ' && s[a-1] != '(' && s[a-1] != '\n' {
			return 0, 0
		}
		return off + a, off + b
	}
	return 0, 0
}

// deAlsVerbs stand before the name in "handelt Caelex als
// Auftragsverarbeiter".
var deAlsVerbs = lexicon.Set("de_als_verbs")

// roleWords are the role nouns of "X ist Auftragsverarbeiter" and their
// parties.
var roleWords = []struct {
	word  string
	party Party
	// rare is the offset of the word's byte that is sought first: the
	// "v" of "auftragsverarbeiter" stops the search far less often than
	// its "a" (and than its "f", common in English: "of", "for", "if").
	rare int
}{{"auftragsverarbeiter", Processor, 8}, {"processor", Processor, 0}, {"verantwortliche", Controller, 0}, {"controller", Controller, 0}}

// indexFrom returns the first offset from from on at which w occurs in s,
// or -1, seeking w's byte at offset k first.
func indexFrom(s string, from int, w string, k int) int {
	if k == 0 {
		if i := strings.Index(s[from:], w); i >= 0 {
			return from + i
		}
		return -1
	}
	for i := from + k; i < len(s); {
		j := strings.IndexByte(s[i:], w[k])
		if j < 0 {
			return -1
		}
		// The first byte is compared before the rest: most places of
		// a rare byte start no occurrence.
		if p := i + j - k; s[p] == w[0] && strings.HasPrefix(s[p:], w) {
			return p
		}
		i += j + 1
	}
	return -1
}

// notPartyTerms are defined terms that name the contract or the service,
// never a party.
var notPartyTerms = lexicon.Set("not_party_terms")

// definedParties returns the party of every term the document defines for
// a party. Terms that are already party words or name the contract are
// left out.
func (f *actorFinder) definedParties(text, lower string) map[string]Party {
	return f.definedPartiesIn(text, lower, nil)
}

// definedPartiesIn is definedParties with the index of the text, whose
// vocabulary rules out naming phrases without a scan of the text (nil:
// the text is scanned for each).
func (f *actorFinder) definedPartiesIn(text, lower string, ix *match.Index) map[string]Party {
	var out map[string]Party
	add := func(at int, term string, p Party) {
		// A name is written with a capital: "Infracost", "sharePAD", not
		// "it".
		if strings.ToLower(text[at:at+len(term)]) == text[at:at+len(term)] {
			return
		}
		term = strings.TrimSpace(term)
		if strings.IndexByte(term, ' ') >= 0 {
			return // "Sub-processor Notice", "the Service Provider": not a name
		}
		if term == "" || p == Nobody || f.party[term] != Nobody || notPartyTerms[term] || !isWordStart(term) {
			return
		}
		if out == nil {
			out = map[string]Party{}
		}
		if q, ok := out[term]; ok && q != p {
			out[term] = Nobody // contradictory: ignore
			return
		}
		out[term] = p
	}
	// The parenthesised definitions in text order, for "zwischen A („Kunde“)
	// und B („Agentur“)" below.
	var defs []quotedDef
	for _, m := range definitionSpans(lower) {
		term := lower[m[2]:m[3]]
		if len(defs) < 8 {
			defs = append(defs, quotedDef{at: m[0], end: m[1], term: term, p: f.party[term]})
		}
		if q := f.party[term]; q != Nobody {
			// "(gemeinsam „Verantwortlicher“ oder „Gruppengesellschaften“)":
			// the role word first, the party's own names after it in the
			// same parentheses.
			end := strings.IndexByte(lower[m[1]:], ')')
			if end < 0 || end > 80 {
				continue
			}
			rest := lower[m[1] : m[1]+end]
			if k := reCollective().FindStringIndex(rest); k != nil {
				rest = rest[:k[0]] // "…, gemeinsam „Parteien“": both parties
			}
			for _, n := range reQuoted().FindAllStringSubmatchIndex(rest, 4) {
				add(m[1]+n[2], lower[m[1]+n[2]:m[1]+n[3]], q)
			}
			continue
		}
		p := f.partyBefore(text, lower, m[0])
		if p == Nobody {
			// "("Infracost", "we", "us")": the voice in the same
			// parentheses decides.
			end := strings.IndexByte(lower[m[1]:], ')')
			if end < 0 || end > 80 {
				continue
			}
			inside := lower[m[0] : m[1]+end]
			switch {
			case strings.Contains(inside, `"we"`) || strings.Contains(inside, `“we”`) || strings.Contains(inside, `„wir“`) || strings.Contains(inside, `"wir"`):
				p = Processor
			case strings.Contains(inside, `"you"`) || strings.Contains(inside, `“you”`):
				p = Controller
			default:
				// "(im Folgenden „NSS“ oder „Auftragsverarbeiter“)",
				// `("Acme" or "Processor")`: a role word defined in the
				// same parentheses names the party.
				p = f.quotedRole(inside)
			}
			// "Zahnarztpraxis Dr. Lind (nachfolgend „Praxis“) als
			// Verantwortliche und …": the role written right after the
			// definition (hold22d).
			if p == Nobody {
				p = f.roleAfterDefinition(lower[m[1]+end+1:])
			}
		}
		add(m[2], term, p)
		if len(defs) > 0 && defs[len(defs)-1].at == m[0] {
			defs[len(defs)-1].p = p
		}
	}
	// "zwischen der Muster GmbH (nachfolgend „Kunde“) und der Werbeagentur
	// Blau GmbH (nachfolgend „Agentur“)": of the two parties of a
	// two-party head, the one defined by a name of its own is the other
	// party of the one defined by a party word.
	if len(defs) >= 2 {
		a, b := defs[0], defs[1]
		head := lower[max(0, a.at-300):a.at]
		// Under a heading "Parteien" the two blocks follow each other
		// without "und": a blank line joins them.
		headed := partyHeading(head) && strings.Contains(lower[a.end:b.at], "\n\n")
		if (a.p == Nobody) != (b.p == Nobody) && b.at-a.end < 300 && (joinsParties(lower[a.end:b.at]) || headed) &&
			(headed || strings.Contains(head, "zwischen") || strings.Contains(head, "between") || concludes(lower[b.end:min(len(lower), b.end+60)])) {
			known, open := a, b
			if a.p == Nobody {
				known, open = b, a
			}
			other := Processor
			if known.p == Processor {
				other = Controller
			}
			add(strings.Index(lower[open.at:], open.term)+open.at, open.term, other)
		}
		// "zwischen der Pflegedienst GmbH („Pflegedienst“) und der CareRoute
		// GmbH („Hersteller“)": both parties defined by words of their own.
		// The party whose instructions the other follows, or on whose
		// behalf it processes ("auf dokumentierte Weisung des
		// Pflegedienstes"), is the controller.
		// The head need not say "zwischen": "Die Hosting Nord UG –
		// nachstehend „Betreiber“ – und der Segelclub – nachstehend
		// „Club“ – schließen …"; the instruction cues decide.
		if a.p == Nobody && b.p == Nobody && a.term != b.term && b.at-a.end < 300 && (joinsParties(lower[a.end:b.at]) || headed) {
			ca, cb := controllerMarks(lower, a.term), controllerMarks(lower, b.term)
			if (ca > 0) != (cb > 0) {
				ctrl, proc := a, b
				if cb > 0 {
					ctrl, proc = b, a
				}
				add(strings.Index(lower[ctrl.at:], ctrl.term)+ctrl.at, ctrl.term, Controller)
				add(strings.Index(lower[proc.at:], proc.term)+proc.at, proc.term, Processor)
			}
		}
	}
	// A term defined for a party that neither a party word nor the
	// two-party head resolves ("(the "Sponsor")", "(nachfolgend
	// „Händler“)") is the controller where the contract names it as the
	// party giving instructions or on whose behalf the data are processed
	// ("on behalf of the Sponsor", "im Auftrag des Händlers"); the term
	// defined next to it in the head for a company (a legal form or a
	// postcode before its definition) is then the processor.
	marked, mi := -1, 0
	for i, d := range defs {
		if i >= 4 || d.p != Nobody || f.party[d.term] != Nobody || notPartyTerms[d.term] {
			continue
		}
		if _, ok := out[d.term]; ok {
			continue
		}
		if controllerMarks(lower, d.term) > 0 {
			marked = i
			mi++
		}
	}
	if mi == 1 {
		// Only where the processor has a word of its own: a German
		// sentence that names no party word before the controller's
		// term ("Der Webdesigner unterstützt die Praxis") would read
		// the object as the subject.
		d := defs[marked]
		known := false
		for _, e := range defs {
			known = known || e.p == Processor
		}
		for _, q := range out {
			known = known || q == Processor
		}
		for _, k := range []int{marked - 1, marked + 1} {
			if k < 0 || k >= len(defs) || k >= 4 {
				continue
			}
			o := defs[k]
			if _, ok := out[o.term]; ok || o.p != Nobody || f.party[o.term] != Nobody || notPartyTerms[o.term] || abs(o.at-d.at) >= 400 {
				continue
			}
			if blockParty(text[max(0, o.at-200):o.at]) && controllerMarks(lower, o.term) == 0 {
				add(strings.Index(lower[o.at:], o.term)+o.at, o.term, Processor)
				known = true
				break
			}
		}
		if known {
			add(strings.Index(lower[d.at:], d.term)+d.at, d.term, Controller)
		}
	}
	// Plain-language definitions: "In diesem Vertrag nennen wir die
	// Muster GbR „die Praxis“", a block under "Die Praxis:". The term's
	// party is the one whose instructions the other follows; of two such
	// terms the other is the processor.
	if plain := plainTerms(text, lower, ix); len(plain) > 0 {
		var ctrl []string
		var open []quotedDef
		for _, d := range plain {
			if f.party[d.term] != Nobody {
				continue
			}
			if controllerMarks(lower, d.term) > 0 {
				ctrl = append(ctrl, d.term)
				add(d.at, d.term, Controller)
			} else {
				open = append(open, d)
			}
		}
		if len(ctrl) == 1 && len(open) == 1 && len(plain) == 2 {
			add(open[0].at, open[0].term, Processor)
		}
	}
	// Label lines: "Praxis: Zahnarztpraxis Dr. X, …, 26122 Oldenburg"
	// above "IT-Betreuung: Y IT-Service, …". The label is the contract's
	// word for the party; a role word, the voice of the instructions or
	// the first person gives its role, the other label the other role.
	if ls := f.labelTerms(text, lower); len(ls) == 2 {
		a, b := ls[0], ls[1]
		pa, pb := f.labelParty(a.term), f.labelParty(b.term)
		if pa == Nobody && controllerMarks(lower, a.term) > 0 {
			pa = Controller
		}
		if pb == Nobody && controllerMarks(lower, b.term) > 0 {
			pb = Controller
		}
		if pa == Nobody && pb == Nobody && (firstPerson(text) || firstPersonEn(text)) {
			// The speaker never names itself by its label.
			ua, ub := hasWordAfter(lower, a), hasWordAfter(lower, b)
			if ua && !ub {
				pa = Controller
			} else if ub && !ua {
				pb = Controller
			}
		}
		switch {
		case pa == Nobody && pb != Nobody:
			pa = otherParty(pb)
		case pb == Nobody && pa != Nobody:
			pb = otherParty(pa)
		}
		if pa != pb {
			add(a.at, a.term, pa)
			add(b.at, b.term, pb)
		}
	}
	// The roles the contract states for the catalog's party words ("the
	// Licensee acts as processor"), for reverseRoles.
	var stated map[string]Party
	for _, rw := range roleWords {
		// The role word after a space (not the words that merely contain
		// it). The word is sought and the space tested: a search for the
		// space with it would stop at every space.
		for from := 0; ; {
			at := indexFrom(lower, from, rw.word, rw.rare)
			if at < 0 {
				break
			}
			from = at + len(rw.word)
			if at < 4 || lower[at-1] != ' ' {
				continue
			}
			if a, b := isRoleName(lower, at); b > a {
				f.addIsRole(text, lower, a, b, rw.party, add)
				stated = f.roleOfWord(lower, a, b, rw.party, stated)
			}
		}
	}
	for t, p := range out {
		if p == Nobody {
			delete(out, t)
		}
	}
	out = f.reverseRoles(stated, defs, out)
	return out
}

// roleOfWord records in stated the role p that "the X acts as
// processor", "der X handelt als Auftragsverarbeiter" gives the catalog's
// party word X at lower[a:b], outside a condition ("Where the Customer
// acts as a processor, …", "Soweit der Kunde Auftragsverarbeiter ist"):
// Nobody once two statements disagree. It returns stated, made on first
// use.
func (f *actorFinder) roleOfWord(lower string, a, b int, p Party, stated map[string]Party) map[string]Party {
	name := lower[a:b]
	if f.party[name] == Nobody || !determiners[lastWord(lower[:a])] && !deArticles[lastWord(lower[:a])] {
		return stated
	}
	// The sentence before the name: no word of a condition.
	from := max(0, a-200)
	if k := strings.LastIndexAny(lower[from:a], ".;\n"); k >= 0 {
		from += k + 1
	}
	for _, w := range strings.FieldsFunc(lower[from:a], func(r rune) bool { return !unicode.IsLetter(r) }) {
		if roleConditions[w] {
			return stated
		}
	}
	if stated == nil {
		stated = map[string]Party{}
	}
	if q, ok := stated[name]; ok && q != p {
		p = Nobody
	}
	stated[name] = p
	return stated
}

// deArticles are the German definite articles of a party word in the
// nominative ("der Lizenznehmer handelt als …").
var deArticles = map[string]bool{"der": true, "die": true}

// roleConditions are the words that make a role statement a condition
// (lexicon: role_conditions).
var roleConditions = lexicon.Set("role_conditions")

// reverseRoles reads a contract's own roles against the catalog: where
// the contract defines one of the catalog's party words as a party's term
// in its head (`(the "Licensee")`) and states the other role for it ("the
// Licensee acts as processor on behalf of the Licensor"), and never the
// catalog's, the contract's role holds for that document; the other
// party's term of the head, a catalog word of that same role ("the
// Licensor"), takes the other role unless the contract states its role
// as the catalog does.
func (f *actorFinder) reverseRoles(stated map[string]Party, defs []quotedDef, out map[string]Party) map[string]Party {
	for name, p := range stated {
		if p == Nobody || p == f.party[name] {
			continue
		}
		head := -1
		for i, d := range defs {
			if i < 2 && d.term == name {
				head = i
			}
		}
		if head < 0 {
			continue
		}
		if out == nil {
			out = map[string]Party{}
		}
		out[name] = p
		if len(defs) < 2 {
			continue
		}
		o := defs[1-head].term
		if f.party[o] == p && stated[o] != p {
			out[o] = otherParty(p)
		}
	}
	return out
}

// quotedDef is a term a contract defines for a party, at its offset.
type quotedDef struct {
	at, end int
	term    string
	p       Party
}

// laterWordsIn reports whether the index's vocabulary holds every word of
// the phrase v after its first, or whether it cannot tell: a word between
// two spaces in the lower-cased text (the phrase followed by a space) is a
// token of its own, so where the sentences cover the text, the text holds
// v only if they are all words of the index. (The first word may end a
// longer token: "sub-we".)
func laterWordsIn(ix *match.Index, v string) bool {
	if !ix.Covers() {
		return true // a word outside the sentences is not in the index
	}
	words := strings.Fields(v)
	for _, w := range words[min(1, len(words)):] {
		if !ix.HasWord(w) {
			return false
		}
	}
	return true
}

// reNamedTerm is a quoted term in a naming sentence, without its
// article.
var reNamedTerm = lazyRe(`[„"“»«]((?:(?:the|der|die|das|den|dem) )?)([\p{L}][\p{L}\-]{1,38})["“”«»]`)

// reTermLabel is a label line that is the contract's own word for a
// party, with its article ("Die Praxis:", "The Charity:"), above the
// party's block, matched from the start of a line (termLabels).
var reTermLabel = lazyRe(`\A[ \t]*(?:der|die|das|the) (\p{L}[\p{L}\-]{2,30}):[ \t]*\n[ \t]*\S`)

// termLabels returns the matches of reTermLabel at line starts of s, as
// FindAllStringSubmatchIndex returns those of the expression in
// multi-line mode ((?m)^ for \A): a match starts at a line start and ends
// in the next line, so the matches are those at the line starts after the
// last match's end. The expression is tried only on a line that opens
// with one of its articles and ends in a colon, which every match's
// first line does; run on the whole text, it was tried at every offset.
func termLabels(s string) [][]int {
	var out [][]int
	next := 0 // the end of the last match
	for ls := 0; ls < len(s); {
		e := strings.IndexByte(s[ls:], '\n')
		if e < 0 {
			break // a match holds a line break
		}
		line := s[ls : ls+e]
		if ls >= next && labelLine(line) {
			if m := reTermLabel().FindStringSubmatchIndex(s[ls:]); m != nil {
				for k := range m {
					if m[k] >= 0 {
						m[k] += ls
					}
				}
				out = append(out, m)
				next = m[1]
			}
		}
		ls += e + 1
	}
	return out
}

// labelLine reports whether line may be the first line of a match of
// reTermLabel: after spaces and tabs an article and a space, and a colon
// followed by nothing but spaces and tabs.
func labelLine(line string) bool {
	t := strings.TrimLeft(line, " \t")
	if len(t) < 4 || t[3] != ' ' {
		return false
	}
	switch t[:3] {
	case "der", "die", "das", "the":
	default:
		return false
	}
	return strings.HasSuffix(strings.TrimRight(t, " \t"), ":")
}

// mayOpenQuote reports whether s may hold one of the opening quotation
// marks of reNamedTerm (", „, “, »): a byte search for '"' and the first
// bytes of the others, so that the expression is not run on a text it
// cannot match.
func mayOpenQuote(s string) bool {
	return strings.IndexByte(s, '"') >= 0 || strings.IndexByte(s, 0xE2) >= 0 || strings.IndexByte(s, 0xC2) >= 0
}

// plainTerms returns the terms lower defines in plain language, at their
// offsets: quoted after a naming word in the same sentence, and label
// lines with an article above a party block (a line with a company's
// legal form or a postcode in the lines below). Only terms written with a
// capital that the text uses again count.
func plainTerms(text, lower string, ix *match.Index) []quotedDef {
	var out []quotedDef
	seen := map[string]bool{}
	use := func(at int, term string) {
		if seen[term] || at+len(term) > len(text) || strings.ToLower(text[at:at+len(term)]) == text[at:at+len(term)] {
			return
		}
		if strings.Count(lower, term) < 2 || len(out) >= 4 {
			return
		}
		seen[term] = true
		out = append(out, quotedDef{at: at, end: at + len(term), term: term})
	}
	for _, v := range lexicon.NamingVerbs() {
		if ix != nil && !laterWordsIn(ix, v) {
			continue
		}
		w := v + " "
		for from := 0; ; {
			k := strings.Index(lower[from:], w)
			if k < 0 {
				break
			}
			at := from + k + len(w)
			from = at
			if at-len(w) > 0 && wordByte(lower[at-len(w)-1]) {
				continue
			}
			seg := lower[at:min(len(lower), at+300)]
			if e := strings.IndexByte(seg, '\n'); e >= 0 {
				seg = seg[:e]
			}
			if !mayOpenQuote(seg) {
				continue
			}
			for _, m := range reNamedTerm().FindAllStringSubmatchIndex(seg, 3) {
				use(at+m[4], seg[m[4]:m[5]])
			}
		}
	}
	head := lower[:min(len(lower), 6000)]
	if !hasArticleLabelLine(head) {
		return out
	}
	for _, m := range termLabels(head) {
		// The block's first lines must name a company or a place.
		blk := text[m[1]-1 : min(len(text), m[1]+200)]
		if e := strings.Index(blk, "\n\n"); e >= 0 {
			blk = blk[:e]
		}
		if !blockParty(blk) {
			continue
		}
		use(m[2], lower[m[2]:m[3]])
	}
	return out
}

// labelLineArticles are the articles of a label line ("Die Praxis:"),
// each with its space (lexicon: label_line_articles).
var labelLineArticles = spaced(lexicon.List("label_line_articles"), "")

// spaced returns each of words with lead before it and a space after it.
func spaced(words []string, lead string) []string {
	out := make([]string, len(words))
	for i, w := range words {
		out[i] = lead + w + " "
	}
	return out
}

// suffixed returns each of words with end after it.
func suffixed(words []string, end string) []string {
	out := make([]string, len(words))
	for i, w := range words {
		out[i] = w + end
	}
	return out
}

// hasArticleLabelLine reports whether s has a line that reTermLabel may
// match: an article, a word and a colon ending the line ("Die Praxis:").
// Most contracts have none, and the expression would be tried at every
// line start.
func hasArticleLabelLine(s string) bool {
	for len(s) > 0 {
		ln := s
		if e := strings.IndexByte(s, '\n'); e >= 0 {
			ln, s = s[:e], s[e+1:]
		} else {
			s = ""
		}
		ln = strings.TrimLeft(ln, " \t")
		if !strings.HasSuffix(strings.TrimRight(ln, " \t\r"), ":") {
			continue
		}
		for _, a := range labelLineArticles {
			if strings.HasPrefix(ln, a) {
				return true
			}
		}
	}
	return false
}

// alnumByte reports whether c is a letter or digit of a word, in either
// case (bytes of a multi-byte letter count).
func alnumByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
}

// rePostcode is a German five-digit or a British postcode.
var rePostcode = lazyRe(`\b(?:\d{5}|[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2})\b`)

// blockParty reports whether a party block names a company by one of the
// lexicon's legal forms (as a word) or holds a postcode.
func blockParty(blk string) bool {
	if rePostcode().MatchString(blk) {
		return true
	}
	for _, f := range lexicon.BlockLegalForms() {
		for from := 0; ; {
			k := strings.Index(blk[from:], f)
			if k < 0 {
				break
			}
			at := from + k
			from = at + len(f)
			if (at == 0 || !alnumByte(blk[at-1])) && (from == len(blk) || !alnumByte(blk[from])) {
				return true
			}
		}
	}
	return false
}

// definitionSpans returns, in text order, the submatch offsets of
// reDefinition for every quoted definition of lower: in parentheses, and
// set off by dashes or commas after "im Folgenden", "nachstehend",
// "hereinafter" (read as if a parenthesis opened before the word).
func definitionSpans(lower string) [][]int {
	var out [][]int
	for from := 0; ; {
		k := strings.IndexByte(lower[from:], '(')
		if k < 0 {
			break
		}
		at := from + k
		from = at + 1
		win := lower[at:min(len(lower), at+120)]
		if !hasQuote(win[:min(len(win), 48)]) {
			continue
		}
		m := reDefinition().FindStringSubmatchIndex(win)
		if m == nil {
			continue
		}
		for x := range m {
			m[x] += at
		}
		out = append(out, m)
	}
	extra := false
	for _, d := range definerSpans(lower, 16) {
		// The definer word itself, after the dash or comma.
		at := d[0]
		for at < d[1] && (lower[at] < 'a' || lower[at] > 'z') {
			at++
		}
		win := "(" + lower[at:min(len(lower), at+120)]
		m := reDefinition().FindStringSubmatchIndex(win)
		if m == nil {
			continue
		}
		for x := range m {
			m[x] += at - 1
		}
		m[0] = at
		out = append(out, m)
		extra = true
	}
	if extra {
		slices.SortFunc(out, func(a, b []int) int { return a[0] - b[0] })
	}
	return out
}

// definerFirst marks the first bytes of the definer words (lexicon:
// definer_words), which open a definition set off by dashes or commas
// instead of parentheses: "Turnverein Eichenau e. V. – im Folgenden
// „Verein“ –", "Acme Ltd, hereinafter "Acme", …".
var definerFirst = sync.OnceValue(func() (first [256]bool) {
	for _, w := range lexicon.DefinerWords() {
		first[w[0]] = true
	}
	return first
})

// definerSpans returns up to n spans, in text order, that run from a dash
// or comma to the end of a definer word after it, with only white space
// between the two and the word not running on into a longer word. A
// literal scan: a regular expression starting with a character class
// would be tried at every byte of the contract. The commas, hyphens and
// dashes are sought, which a contract has fewer of than the definer
// words' letters, and the words after them tested.
func definerSpans(lower string, n int) [][]int {
	var out [][]int
	first := definerFirst()
	// after tests the word after the separator ending at offset end
	// (white space between) and adds the span from start.
	after := func(start, end int) {
		at := end
		for at < len(lower) && (lower[at] == ' ' || lower[at] == '\t' || lower[at] == '\n' || lower[at] == '\r') {
			at++
		}
		if at == len(lower) || !first[lower[at]] {
			return
		}
		for _, w := range lexicon.DefinerWords() {
			if lower[at] != w[0] || !strings.HasPrefix(lower[at:], w) {
				continue
			}
			if e := at + len(w); e == len(lower) || !wordByte(lower[e]) {
				out = append(out, []int{start, e})
			}
			return // no definer word is the start of another (lexicon test)
		}
	}
	for _, sep := range []byte{',', '-'} {
		for i := 0; ; i++ {
			k := strings.IndexByte(lower[i:], sep)
			if k < 0 {
				break
			}
			i += k
			after(i, i+1)
		}
	}
	// "–" and "—": 0xE2 0x80 0x93 and 0x94.
	for i := 0; ; i++ {
		k := strings.IndexByte(lower[i:], 0xE2)
		if k < 0 {
			break
		}
		i += k
		if i+2 < len(lower) && lower[i+1] == 0x80 && (lower[i+2] == 0x93 || lower[i+2] == 0x94) {
			after(i, i+3)
		}
	}
	// Each span starts at its own separator: the order is the text's.
	slices.SortFunc(out, func(a, b []int) int { return a[0] - b[0] })
	if len(out) > n {
		out = out[:n]
	}
	return out
}

// reCollective opens a term for both parties inside a definition's
// parentheses ("…, gemeinsam „Parteien“").
var reCollective = lazyRe(`\b(?:gemeinsam|zusammen|beide|together|collectively|jointly|each|jeweils)\b`)

// reQuoted is a term in quotation marks.
var reQuoted = lazyRe(`[„"“»«‚']([\p{L}][\p{L}\- ]{0,38}[\p{L}])["“”«»‘']`)

// quotedRole returns the party of the role words quoted in s (the inside
// of a definition's parentheses), or Nobody when none or both parties are
// quoted.
func (f *actorFinder) quotedRole(s string) Party {
	p := Nobody
	for _, m := range reQuoted().FindAllStringSubmatch(s, 4) {
		q := f.party[m[1]]
		if q == Nobody {
			continue
		}
		if p != Nobody && q != p {
			return Nobody
		}
		p = q
	}
	return p
}

// addIsRole adds the name at lower[a:b] of "X ist Auftragsverarbeiter"
// when it is a proper name.
func (f *actorFinder) addIsRole(text, lower string, a, b int, p Party, add func(int, string, Party)) {
	{
		m := []int{0, 0, a, b}
		name := lower[m[2]:m[3]]
		w := lastWord(lower[:m[2]])
		if determiners[w] || w == "ein" || w == "eine" {
			return // "the sub-processor is a processor": no name
		}
		// "die Agentur ist Auftragsverarbeiter": a German short name with
		// its article, unless it names sub-processors ("der
		// Unterauftragnehmer ist Auftragsverarbeiter").
		if (w == "der" || w == "die" || w == "das") && (!f.german || subprocessorWord(name)) {
			return
		}
		// A proper name is capitalised wherever it stands: "It is the
		// controller" names nobody.
		if strings.Contains(text, " "+name+" ") {
			return
		}
		add(m[2], name, p)
	}
}

// partyBefore returns the party word closest before offset at on the same
// line when only a name stands between them: words written with a capital
// ("Verantwortlicher (nachfolgend …)", "Auftragsverarbeiter: Muster GmbH
// („…“)"); Nobody otherwise ("nondescript facilities (the "Facilities")").
func (f *actorFinder) partyBefore(text, lower string, at int) Party {
	from := strings.LastIndexByte(lower[:at], '\n') + 1
	if at-from > 160 {
		from = at - 160
	}
	end := at
	for n := 0; n < 8; n++ {
		// The word before end.
		j := end
		for j > from && !wordByte(lower[j-1]) {
			j--
		}
		i := j
		for i > from && wordByte(lower[i-1]) {
			i--
		}
		if i == j {
			return Nobody
		}
		w := lower[i:j]
		if p := f.party[w]; p != Nobody {
			// Right before the parenthesis, or as a label before a name
			// ("Auftragsverarbeiter: Muster GmbH"), not as part of a
			// defined term ("Controller Data ("Documented Instructions")").
			if n == 0 || strings.Contains(lower[j:min(j+3, at)], ":") {
				return p
			}
			return Nobody
		}
		if c := text[i]; !(c >= 'A' && c <= 'Z' || c >= 0xc3 && c != lower[i] || c >= '0' && c <= '9') {
			return Nobody // not part of a name
		}
		end = i
	}
	return Nobody
}

func wordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c >= 0x80 || c == '-'
}

func isWordStart(s string) bool {
	c := s[0]
	return c >= 'a' && c <= 'z' || c >= 0x80
}

// withParties returns a copy of the finder that also knows the given
// terms.
func (f *actorFinder) withParties(extra map[string]Party) *actorFinder {
	if len(extra) == 0 {
		return f
	}
	g := *f
	g.party = make(map[string]Party, len(f.party)+len(extra))
	g.processor = make(map[string]bool, len(f.processor)+len(extra))
	g.controller = make(map[string]bool, len(f.controller)+len(extra))
	for w, p := range f.party {
		g.party[w] = p
	}
	for w := range f.processor {
		g.processor[w] = true
	}
	for w := range f.controller {
		g.controller[w] = true
	}
	g.names = make(map[string]bool, len(f.names)+len(extra))
	for w := range f.names {
		g.names[w] = true
	}
	for w, p := range extra {
		if f.party[w] == Nobody {
			g.names[w] = true
		}
		g.party[w] = p
		if p == Processor {
			g.processor[w] = true
			delete(g.controller, w)
		} else {
			g.controller[w] = true
			delete(g.processor, w)
		}
	}
	g.indexParty()
	return &g
}

// Defined returns the document's own party terms (for tests and tools).
func (in *Input) Defined() map[string]Party { return in.defined }

// lastWord returns the last word of s.
func lastWord(s string) string {
	s = strings.TrimRight(s, " \t(")
	i := len(s)
	for i > 0 && wordByte(s[i-1]) {
		i--
	}
	return s[i:]
}

// deDefiningVerbs follow the quoted term of a German definition:
// „Weisung“ bezeichnet jede dokumentierte Anordnung …
var deDefiningVerbs = lexicon.Set("de_defining_verbs")

// defArticles follow "ist"/"sind" in a definition: „Verletzung des
// Schutzes …“ ist jede …, Betroffene Person ist jede …
var defArticles = lexicon.Set("def_articles")

// defIndefinite follow "ist" after a quoted term of two words or more
// („Verletzung des Schutzes personenbezogener Daten“ ist eine Verletzung
// …); after a single quoted word they describe a product („Terminfix“ ist
// eine Software …).
var defIndefinite = lexicon.Set("def_indefinite")

// defNotSubject open sentences that are no definitions although a
// defining verb follows ("This means that …", "Der Auftragnehmer ist
// jeder …" is rare but a duty).
var defNotSubject = lexicon.Set("def_not_subject")

// definesTermQuotes close the quoted term of a definition.
const definesTermQuotes = "“”\"»«‘’'"

// definesTerm reports a sentence that defines a term: it opens (after a
// list label) with a quoted term of at most six words, and a defining verb
// follows the closing quote („Unterauftragsverarbeiter“ bezeichnet jeden
// …, “Third Country” means …, „Drittland“ ist jeder Staat …), or it opens
// with at most three words and "ist jede/jeder"/"means" ("Drittland ist
// jeder Staat außerhalb des EWR", "Third Country means …"). Such a
// sentence names duties ("nach Beendigung … löschen", "zur
// Verschwiegenheit", the risks of Art. 32(2)) without putting them on
// anyone.
func definesTerm(text string, toks []match.Token, german bool) bool {
	first := 0
	for first < len(toks) && first < 3 && isListLabel(toks[first].Text) {
		first++
	}
	if first >= len(toks) {
		return false
	}
	defining := func(j int, words int) bool {
		if j >= len(toks) {
			return false
		}
		w := toks[j].Text
		next := ""
		if j+1 < len(toks) {
			next = toks[j+1].Text
		}
		if german {
			if deDefiningVerbs[w] {
				return true
			}
			if w != "ist" && w != "sind" {
				return false
			}
			// A single quoted word before "ist" is often a name or a term
			// the contract then uses („Terminfix“ ist eine Software,
			// „Sicherheitsvorfall“ ist jede Verletzung …, protected
			// against later): only longer quoted terms and unquoted ones
			// count.
			if words == 1 {
				return false
			}
			return defArticles[next] || words >= 2 && defIndefinite[next]
		}
		switch w {
		case "means", "mean", "refers":
			return true
		case "shall", "will":
			return next == "mean" || next == "refer"
		case "has", "have":
			return next == "the" && j+2 < len(toks) && toks[j+2].Text == "meaning"
		}
		return false
	}
	// The quote opens right before the first word.
	before := text[max(0, int(toks[first].Start)-4):toks[first].Start]
	if strings.ContainsAny(before, "„“\"»«‚'") {
		for j := first + 1; j < len(toks) && j <= first+6; j++ {
			gap := text[toks[j-1].End:toks[j].Start]
			if strings.ContainsAny(gap, definesTermQuotes) {
				return defining(j, j-first)
			}
		}
		return false
	}
	// Without quotes: a capitalised term of at most three words.
	if defNotSubject[toks[first].Text] || text[toks[first].Start] < 'A' || text[toks[first].Start] > 'Z' {
		return false
	}
	for j := first + 1; j < len(toks) && j <= first+3; j++ {
		if strings.ContainsAny(text[toks[j-1].End:toks[j].Start], ",;:()") {
			return false
		}
		if defining(j, 0) {
			return true
		}
	}
	return false
}

// deSubprocessorBeginnings are the beginnings of German words naming a
// sub-processor or another processor (lexicon:
// de_subprocessor_beginnings).
var deSubprocessorBeginnings = lexicon.List("de_subprocessor_beginnings")

// subprocessorWord reports a German word naming a sub-processor or another
// processor ("Unterauftragnehmer", "Subunternehmer", "Nachunternehmer"),
// which is no short name of a party.
func subprocessorWord(w string) bool {
	for _, p := range deSubprocessorBeginnings {
		if strings.HasPrefix(w, p) {
			return true
		}
	}
	return false
}

// controllerMarks counts the places where lower names term (a party's own
// word, genitive endings allowed) as the party giving instructions or
// commissioning the processing: after one of the lexicon's instruction
// cues ("weisung des ", "on behalf of the "), or before one of its
// plain-language phrases ("die Praxis es dokumentiert vorgibt").
func controllerMarks(lower, term string) int {
	cues := lexicon.InstructionCues()
	if term == "" {
		return controllerMarksEach(lower, term, cues)
	}
	// One scan for the term serves both counts. Each occurrence is tested
	// for a cue before it, counting as the search for each cue with the
	// term would: an occurrence of the cue's phrase starting at or after
	// the term of the one counted last. The phrases after the term are
	// tested at the occurrences afterMarks visits: the first one, then
	// each first one at or after the end of the last visited.
	after := lexicon.InstructionAfter()
	var fromStack [32]int
	var from []int
	if len(cues) > len(fromStack) {
		from = make([]int, len(cues))
	} else {
		from = fromStack[:len(cues)]
	}
	n, nextAfter := 0, 0
	for t := 0; ; t++ {
		k := strings.Index(lower[t:], term)
		if k < 0 {
			return n
		}
		t += k
		for j, c := range cues {
			ps := t - len(c) - 1
			if ps >= from[j] && ps >= 0 && lower[t-1] == ' ' && lower[ps:t-1] == c {
				n++
				from[j] = t
			}
		}
		if t >= nextAfter {
			e := t + len(term)
			nextAfter = e
			if e < len(lower) && lower[e] == ' ' {
				rest := lower[e+1:]
				for _, a := range after {
					if strings.HasPrefix(rest, a) {
						n++
					}
				}
			}
		}
	}
}

// controllerMarksEach is controllerMarks seeking each cue's phrase with
// the term through the whole text.
func controllerMarksEach(lower, term string, cues []string) int {
	n := 0
	for _, c := range cues {
		p := c + " " + term
		for from := 0; ; {
			k := strings.Index(lower[from:], p)
			if k < 0 {
				break
			}
			n++
			from += k + len(c) + 1
		}
	}
	return n
}

// joinsParties reports whether the text between two parties' definitions
// holds "und"/"and" as a word, on one line or at a line's start ("…)\n\nund
// der\nCareRoute Systems GmbH").
func joinsParties(s string) bool {
	for _, w := range []string{"und", "and"} {
		for from := 0; ; {
			k := strings.Index(s[from:], w)
			if k < 0 {
				break
			}
			at := from + k
			from = at + len(w)
			if (at == 0 || s[at-1] == ' ' || s[at-1] == '\n' || s[at-1] == '\t') && from < len(s) && (s[from] == ' ' || s[from] == '\n' || s[from] == '\t') {
				return true
			}
		}
	}
	return false
}

// definedAliases returns the index aliases that read a German contract's
// own party terms as the catalog's party words: "die Schule" as "die
// Auftraggeberin", "der Club" and "des Clubs" as "der Auftraggeber",
// "Medisoft" as "Auftragnehmer". The rules name the party they need
// ("ermöglicht dem Auftraggeber Überprüfungen"), so a contract that
// defines its own words for the parties is read like one that uses the
// party words. A term whose every article is "die" is feminine and takes
// the feminine party word, so that "der Schule" stays dative. Only the
// term as the text writes it (with its capital) is read so.
func definedAliases(text, lower string, defined map[string]Party) [][]string {
	var out [][]string
	for term, p := range defined {
		at := indexWord(lower, term)
		if at < 0 || len(text) < at+len(term) {
			continue
		}
		written := text[at : at+len(term)]
		if strings.ToLower(written) != term || strings.IndexByte(written, ' ') >= 0 {
			continue
		}
		fem := strings.Contains(lower, "die "+term+" ") || strings.Contains(lower, "die "+term+",") || strings.Contains(lower, "die "+term+".")
		for _, a := range deNotFeminineArticles {
			if strings.Contains(lower, a+term+" ") || strings.Contains(lower, a+term+"s ") {
				fem = false
			}
		}
		var as string
		switch {
		case p == Processor && fem:
			as = "auftragnehmerin"
		case p == Processor:
			as = "auftragnehmer"
		case p == Controller && fem:
			as = "auftraggeberin"
		case p == Controller:
			as = "auftraggeber"
		default:
			continue
		}
		out = append(out, []string{"=" + written, as})
		if !fem {
			out = append(out, []string{"=" + written + "s", as + "s"})
		}
	}
	// Map order would make the aliases' order vary between runs.
	slices.SortFunc(out, func(a, b []string) int { return strings.Compare(a[0], b[0]) })
	return out
}

// indexWord returns the offset of the first occurrence of w in s as a
// whole word, or -1.
func indexWord(s, w string) int {
	for from := 0; ; {
		k := strings.Index(s[from:], w)
		if k < 0 {
			return -1
		}
		at := from + k
		end := at + len(w)
		if (at == 0 || !wordByte(s[at-1])) && (end == len(s) || !wordByte(s[end])) {
			return at
		}
		from = at + 1
	}
}

// concludes reports whether s, the text right after the second party's
// definition in a contract's head, holds one of the lexicon's concluding
// verbs as the start of a word ("… (nachfolgend „der Auftragnehmer“)
// vereinbaren:").
func concludes(s string) bool {
	for _, v := range lexicon.ConcludingVerbs() {
		if k := indexWordStart(s, v); k >= 0 {
			return true
		}
	}
	return false
}

// partyHeading reports whether head (lower case) has a line that is one of
// the lexicon's party headings ("Parteien", "Vertragsparteien:"), under
// which a contract lists its two parties as blocks.
func partyHeading(head string) bool {
	for line := range strings.SplitSeq(head, "\n") {
		line = strings.TrimSuffix(strings.TrimSpace(line), ":")
		if line == "" || len(line) > 24 {
			continue
		}
		if slices.Contains(lexicon.PartyHeadings(), line) {
			return true
		}
	}
	return false
}

// indexWordStart returns the offset of the first occurrence of w in s
// that starts a word, or -1.
func indexWordStart(s, w string) int {
	for from := 0; ; {
		k := strings.Index(s[from:], w)
		if k < 0 {
			return -1
		}
		if at := from + k; at == 0 || !wordByte(s[at-1]) {
			return at
		}
		from += k + 1
	}
}

// otherParty returns the other of the two parties.
func otherParty(p Party) Party {
	if p == Processor {
		return Controller
	}
	return Processor
}

// hasWordAfter reports whether lower uses the label's term as a word
// after the label's line.
func hasWordAfter(lower string, d quotedDef) bool {
	nl := strings.IndexByte(lower[d.end:], '\n')
	if nl < 0 {
		return false
	}
	return indexWord(lower[d.end+nl:], d.term) >= 0
}

// labelTerms returns the two labels of a head's party lines ("Praxis:
// Zahnarztpraxis …, 26122 Oldenburg", "Client: Harbour Legal LLP, …"):
// a capitalised word, a colon and a party with a postcode or a legal
// form, within the first 40 lines, the two no more than two lines apart.
// Any other number of such lines gives none.
func (f *actorFinder) labelTerms(text, lower string) []quotedDef {
	if len(lower) != len(text) {
		return nil // offsets of the text would not hold in lower
	}
	var out []quotedDef
	lastLine := -10
	line := 0
	for start := 0; start < len(text) && line < 40; line++ {
		end := document.LineEnd(text, start)
		ln := text[start:end]
		lstart := start
		start = end + 1
		c := strings.IndexByte(ln, ':')
		if c < 3 || c > 32 || c+2 >= len(ln) || (ln[c+1] != ' ' && ln[c+1] != '\t') {
			continue
		}
		off := len(ln) - len(strings.TrimLeft(ln, " \t"))
		label := ln[off:c]
		if label == "" || label[0] < 'A' || label[0] > 'Z' && label[0] < 0x80 {
			continue
		}
		// One word ("Praxis", "Client"), or two whose last is a party
		// word ("Service Provider", "Data Controller").
		if sp := strings.IndexByte(label, ' '); sp >= 0 && f.party[strings.ToLower(label[sp+1:])] == Nobody ||
			strings.IndexFunc(label, func(r rune) bool { return !unicode.IsLetter(r) && r != '-' && r != ' ' }) >= 0 || strings.Count(label, " ") > 1 {
			continue
		}
		if !blockParty(ln[c+1:]) {
			continue
		}
		// A field's label ("Company:", "Firma:") is a party's word only
		// where the contract uses it so twice ("the Company shall …",
		// "die Firma meldet …").
		if labelNotParty[strings.ToLower(label)] && !termUsed(text[end:], label) {
			continue
		}
		if len(out) > 0 && line-lastLine > 2 {
			return nil
		}
		lastLine = line
		at := lstart + off
		out = append(out, quotedDef{at: at, end: at + len(label), term: lower[at : at+len(label)]})
		if len(out) > 2 {
			return nil
		}
	}
	return out
}

// termUsed reports whether text uses label, as written, after an
// article at least twice: "the Company", "die Firma".
func termUsed(text, label string) bool {
	n := 0
	for _, a := range labelTermArticles {
		// The article in lower case or opening a sentence.
		n += strings.Count(text, a+label) + strings.Count(text, strings.ToUpper(a[:1])+a[1:]+label)
	}
	return n >= 2
}

// labelTermArticles are the articles, each with its space, before a
// field label the contract uses as a party's word.
var labelTermArticles = spaced(lexicon.List("label_term_articles"), "")

// labelParty returns the party of a label's term: a party word, or a
// term of two words whose last is one ("service provider").
func (f *actorFinder) labelParty(term string) Party {
	if sp := strings.LastIndexByte(term, ' '); sp >= 0 {
		return f.party[term[sp+1:]]
	}
	return f.party[term]
}

// labelNotParty are labels of a party block's fields, never a party's
// word.
var labelNotParty = lexicon.Set("label_not_party")

// lazyRe returns a function that compiles expr, a valid expression, on
// its first call: a process that checks one document compiles only the
// expressions its text reaches.
func lazyRe(expr string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })
}

// abs returns the absolute value of n.
func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// roleAfterDefinition returns the party of a role word that follows "als" at the
// start of s, the text right after a definition's parentheses: ") als
// Verantwortlicher", ") als Auftragsbearbeiterin", ") as processor".
func (f *actorFinder) roleAfterDefinition(s string) Party {
	s = strings.TrimLeft(s, " ,")
	rest, ok := strings.CutPrefix(s, "als ")
	if !ok {
		if rest, ok = strings.CutPrefix(s, "as "); !ok {
			return Nobody
		}
		rest = strings.TrimPrefix(rest, "the ")
	}
	w := rest
	if k := strings.IndexAny(w, " ,.;:)\n"); k >= 0 {
		w = w[:k]
	}
	return f.partyOf(w)
}
