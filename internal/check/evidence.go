package check

import (
	"github.com/art28/art28/internal/lexicon"
	"math/bits"
	"sort"
	"strings"
	"unicode"

	"github.com/art28/art28/internal/catalog"
	"github.com/art28/art28/internal/match"
	"github.com/art28/art28/internal/model"
)

// Evidence ranking. A verdict may rest on several sentences; the one cited
// first should be the sentence that does the job: the operative clause,
// not a definition that names the topic, a table of contents line, or a
// list item that matched only through its lead-in. The kinds of sentence
// are named term sets in catalog.yaml (see docs/catalog.md, "Which sentence
// is cited first"); the weights below are the engine's.

// Names of the catalog sets that classify sentences for ranking.
const (
	setDefinition      = "cite_definition"
	setDefinitionEarly = "cite_definition_early"
	setOperative       = "cite_operative"
	setOverview        = "cite_overview"
	setInstructions    = "cite_instructions"
)

// earlyWords is how far into a sentence a cite_definition_early phrase
// marks a definition.
const earlyWords = 12

// Ranking weights. Support (rules of the requirement agreeing on a
// sentence) dominates; a definition or contents line drops below every
// operative sentence.
const (
	weightSupport = 4
	// weightWeakSupport is the support of a rule whose status is below
	// the verdict's (a partial rule under a met verdict).
	weightWeakSupport = 1
	weightDefinition  = -20
	weightTOC         = -20
	weightLeadInOnly  = -3
	// weightItemOfDuty is added to a list item whose lead-in the
	// requirement's rules match too, outside descriptive requirements:
	// the lead-in states the duty ("The processor shall permit the
	// controller … to:"), the item one of its parts ("inspect all
	// processing records …").
	weightItemOfDuty = -1
	// weightInPassing is added, for a descriptive requirement, to a
	// sentence that binds the processing to documented instructions
	// (cite_instructions): what it names of the processing it names in
	// passing.
	weightInPassing = -2
	weightParty     = 2
	weightOperative = 1
	weightHeading   = -6
	weightOverview  = -6
	overviewTopics  = 4 // topics that make a sentence an overview
	weightNear      = 1
	nearby          = 3 // sentences either side
	maxNear         = 3
	// weightTerm is added for each distinct term of the requirement's
	// rules that the sentence holds: of two clauses the one that states
	// more of the requirement.
	weightTerm = 1
	// weightEntry is added once when an entry rule (catalog.Rule.Entry)
	// matches the sentence: the description itself before a sentence that
	// names the topic.
	weightEntry = 4
	// entryLineWeight is what a group of an entry rule counts when the
	// line of a joined sentence to quote is chosen (quote).
	entryLineWeight = 4
)

// citeTerms are the registered terms of the ranking sets.
type citeTerms struct {
	definition, operative []match.TermID
	// instructions holds the terms of cite_instructions.
	instructions []match.TermID
	// overview holds the topics of cite_overview, one term each.
	overview []match.TermID
	// early holds the cite_definition_early phrases as word sequences,
	// maxEarly the length of the longest.
	early    [][]string
	maxEarly int
	// earlyBy holds the early phrases by their first word; earlyWords
	// rules out most other words.
	earlyBy    map[string][][]string
	earlyWords *wordFilter
}

func newCiteTerms(c *catalog.Catalog) citeTerms {
	reg := func(name string) []match.TermID {
		if _, ok := c.Sets[name]; !ok {
			return nil
		}
		return match.RegisterAll(c.ExpandSets([]string{"@" + name}))
	}
	ct := citeTerms{definition: reg(setDefinition), operative: reg(setOperative), overview: reg(setOverview), instructions: reg(setInstructions)}
	for _, p := range c.ExpandSets([]string{"@" + setDefinitionEarly}) {
		if f := strings.Fields(p); len(f) > 0 {
			ct.early = append(ct.early, f)
			ct.maxEarly = max(ct.maxEarly, len(f))
			if ct.earlyBy == nil {
				ct.earlyBy = map[string][][]string{}
			}
			ct.earlyBy[f[0]] = append(ct.earlyBy[f[0]], f)
		}
	}
	ct.earlyWords = newWordFilter(ct.earlyBy)
	return ct
}

// Word tables of notDefiner and enModals.
var (
	notDefinerWords = newWordFilter(notDefiner)
	enModalWords    = newWordFilter(enModals)
)

// wordFilter tells, from a word's first byte and length, that it is not
// a key of a map of words, for most words without a map look-up.
type wordFilter [256]uint64

// newWordFilter returns the filter of the keys of m.
func newWordFilter[V any](m map[string]V) *wordFilter {
	var f wordFilter
	for w := range m {
		if w != "" {
			f[w[0]] |= 1 << min(len(w), 63)
		}
	}
	return &f
}

// may reports whether w may be a key: false rules it out.
func (f *wordFilter) may(w string) bool {
	return w == "" || f[w[0]]&(1<<min(len(w), 63)) != 0
}

// notDefiner are words before "means" that make it a noun ("by electronic
// means", "all reasonable means").
var notDefiner = lexicon.Set("not_definer")

// definition reports a sentence that defines a term: one of the anywhere
// phrases, an early phrase among the first words with no modal verb
// before it ("“Data Breach” means …"), or a term and a colon followed by
// its meaning ("Processing: any operation …").
func (rk *ranker) definition(ix *match.Index, k int, text string) bool {
	ct := rk.ch.cite
	if rk.citeSets(ix).definition.Has(k) {
		return true
	}
	// Only the first words are read: a phrase may start among the first
	// earlyWords and run maxEarly words.
	rk.toks = ix.AppendTokenPrefix(rk.toks[:0], k, earlyWords+ct.maxEarly)
	toks := rk.toks
	for j := 0; j < len(toks) && j < earlyWords; j++ {
		// The phrase is looked for before the modal check: "shall mean"
		// opens with a modal verb and defines. (The word tables rule out
		// most words before a map look-up.)
		w := toks[j].Text
		if j == 0 || !(notDefinerWords.may(toks[j-1].Text) && notDefiner[toks[j-1].Text]) {
			if ct.earlyWords.may(w) {
				for _, p := range ct.earlyBy[w] {
					if j+len(p) <= len(toks) && wordsAt(toks, j, p) {
						return true
					}
				}
			}
		}
		if enModalWords.may(w) && enModals[w] || w == "muss" || w == "wird" {
			break
		}
	}
	return termColon(text)
}

func wordsAt(toks []match.Token, k int, words []string) bool {
	for j, w := range words {
		if toks[k+j].Text != w {
			return false
		}
	}
	return true
}

// colonMeaning are the words that open a definition after "Term:".
var colonMeaning = lexicon.Set("colon_meaning")

// termColon reports "Processing: any operation …", "PIA: the data
// protection impact assessment …": at most four words, a colon, then an
// article or quantifier.
func termColon(text string) bool {
	c := strings.IndexByte(text, ':')
	if c <= 0 || c > 60 {
		return false
	}
	head := strings.Fields(strings.Trim(text[:c], " \t\"“”‘’'„"))
	if len(head) == 0 || len(head) > 4 {
		return false
	}
	for _, w := range head {
		if enModals[strings.ToLower(w)] {
			return false
		}
	}
	rest := strings.Fields(text[c+1:])
	if len(rest) < 2 || !colonMeaning[strings.ToLower(rest[0])] {
		return false
	}
	// A run-in title before its clause is no definition: "Confidentiality:
	// The processor shall ensure …", "Vertraulichkeit: Alle Beschäftigten
	// werden … verpflichtet". A modal verb in the main clause after the
	// colon (up to the first comma, where a definition's relative clause
	// starts) makes it a clause; a definition names its meaning first.
	for _, w := range rest[1:min(len(rest), runInWords+1)] {
		lw := strings.ToLower(strings.TrimRight(w, ",;"))
		if runInModals[lw] {
			return false
		}
		if strings.HasSuffix(w, ",") {
			break
		}
	}
	return true
}

// runInWords is how far after "Title:" a modal verb makes the line a
// clause.
const runInWords = 8

// runInModals are the verbs that state a duty in the clause after a run-in
// title, English and German.
var runInModals = lexicon.Set("run_in_modals")

// tocLine reports a table-of-contents line: a title, a dot leader or wide
// gap, and a page number at the end ("5. Audits ........ 12").
func tocLine(text string) bool {
	t := strings.TrimRight(text, " \t")
	end := len(t)
	for end > 0 && t[end-1] >= '0' && t[end-1] <= '9' {
		end--
	}
	if end == len(t) || len(t)-end > 3 || end == 0 {
		return false
	}
	lead := strings.TrimRight(t[:end], " ")
	return strings.HasSuffix(lead, "....") || strings.HasSuffix(lead, "……") || strings.HasSuffix(t[:end], "\t") || strings.HasSuffix(t[:end], "   ")
}

// ownMatch reports whether sentence i matches every term group of the rule
// by itself (not with the help of a list lead-in).
func (ch *Checker) ownMatch(in *Input, rule *catalog.Rule, i int) bool {
	cr := ch.rules[rule]
	if cr == nil {
		return false
	}
	for _, gi := range cr.all {
		if !ch.group(in, gi).Has(i) {
			return false
		}
	}
	return true
}

// ranker scores the candidate sentences of one requirement.
type ranker struct {
	ch    *Checker
	in    *Input
	req   *catalog.Requirement
	hits  map[*catalog.Rule][]int
	score map[int]int
	// quotes caches where each sentence's citation starts.
	quotes map[int]int
	// status is the verdict's status once known; rules of a lower status
	// support a sentence less.
	status catalog.Status
	// toks is a reused token buffer.
	toks []match.Token
	// byFallback is set when a fallback rule decided the status; only then
	// do fallback rules support a sentence.
	byFallback bool
	// byNet is set when the safety net decided the status (catalog.Rule
	// Net); only then do net rules support a sentence.
	byNet bool
	// matchedSet holds the sentences any counting rule matches (see
	// matched), nil until asked.
	matchedSet match.Bits
	// termsReady tells that Input.coverBits holds the sentence sets of
	// the terms of this requirement's rules that matched anywhere in the
	// document (known on the first score, once every rule has run).
	termsReady bool
}

// ruleHits returns the sentences the rule matches, matching it on first
// use.
func (rk *ranker) ruleHits(rule *catalog.Rule) []int {
	hits, ok := rk.hits[rule]
	if !ok {
		hits = rk.ch.Matches(rk.in, rule)
		rk.hits[rule] = hits
	}
	return hits
}

// counts reports whether the rule's sentences count for ranking and
// citation: main rules always, fallback rules when one decided the status,
// net rules when the net did.
func (rk *ranker) counts(rule *catalog.Rule) bool {
	if rule.Net {
		return rk.byNet
	}
	return !rule.Fallback || rk.byFallback
}

// hitAt reports whether the rule matches sentence i. A rule not matched
// yet (a fallback rule that decided nothing) is matched for sentence i
// alone (Checker.matchesAt), its terms looked up in that sentence only.
func (rk *ranker) hitAt(rule *catalog.Rule, i int) bool {
	if hits, ok := rk.hits[rule]; ok {
		return containsSorted(hits, i)
	}
	return rk.ch.matchesAt(rk.in, rule, i)
}

// namedHits returns the sentences matched by the requirement's rule named
// n (the last one of that name), nil when there is none.
func (rk *ranker) namedHits(n string) []int {
	if n == "" {
		return nil
	}
	for k := len(rk.req.Rules) - 1; k >= 0; k-- {
		if rule := rk.req.Rules[k]; rule.Name == n {
			return rk.ruleHits(rule)
		}
	}
	return nil
}

// ruleTerm is a term of a requirement's rules and the rules (by their
// index in the requirement, the 64th standing for any later one) whose
// groups hold it.
type ruleTerm struct {
	term  match.TermID
	rules uint64
}

// ruleBit is the bit of the requirement's k-th rule in ruleTerm.rules.
func ruleBit(k int) uint64 { return 1 << min(k, 63) }

// requirementTerms lists the distinct terms of the groups of r's rules,
// in term order, each with the rules that hold it. sc is working space
// kept from requirement to requirement (New builds the lists of all
// requirements at start-up): the terms are collected by their ids, which
// are small, instead of sorted.
func (ch *Checker) requirementTerms(r *catalog.Requirement, sc *termScratch) []ruleTerm {
	n := 0
	for k, rule := range r.Rules {
		cr := ch.rules[rule]
		if cr == nil {
			continue
		}
		bit := ruleBit(k)
		for _, gi := range cr.all {
			for _, t := range ch.groups[gi] {
				if sc.add(t, bit) {
					n++
				}
			}
		}
	}
	return sc.take(make([]ruleTerm, 0, n))
}

// termScratch collects the rules of terms by term id: rules[t] is the
// rules holding term t, has marks the ids held. take empties it.
type termScratch struct {
	rules    []uint64
	has      []uint64
	low, top int // the words of has that may be set
}

// add records that the rules of bit hold term t, and reports whether t
// is new.
func (sc *termScratch) add(t match.TermID, bit uint64) bool {
	i := int(t)
	if i >= len(sc.rules) {
		sc.rules = append(sc.rules, make([]uint64, i+1-len(sc.rules)+1024)...)
	}
	w := i >> 6
	if w >= len(sc.has) {
		sc.has = append(sc.has, make([]uint64, w+1-len(sc.has)+16)...)
	}
	if sc.top == 0 {
		sc.low, sc.top = w, w+1
	} else {
		sc.low, sc.top = min(sc.low, w), max(sc.top, w+1)
	}
	old := sc.rules[i]
	sc.rules[i] = old | bit
	if old != 0 {
		return false
	}
	sc.has[w] |= 1 << (i & 63)
	return true
}

// take appends the terms recorded, in term order, to out and forgets
// them.
func (sc *termScratch) take(out []ruleTerm) []ruleTerm {
	for w := sc.low; w < sc.top; w++ {
		for word := sc.has[w]; word != 0; word &= word - 1 {
			i := w<<6 | bits.TrailingZeros64(word)
			out = append(out, ruleTerm{match.TermID(i), sc.rules[i]})
			sc.rules[i] = 0
		}
		sc.has[w] = 0
	}
	sc.low, sc.top = 0, 0
	return out
}

// coverage counts the distinct terms of the requirement's matching rules
// that sentence i holds: how completely it states the requirement ("…
// informed the controller and obtained its prior written consent" against
// "the controller agrees that the processor may use sub-processors"). Only
// rules that matched somewhere count: their terms are known for every
// sentence, so no term is looked up in the document anew.
func (rk *ranker) coverage(i int) int {
	if !rk.termsReady {
		rk.termsReady = true
		var hit uint64
		for k, rule := range rk.req.Rules {
			if !rule.Cite && rk.counts(rule) && len(rk.ruleHits(rule)) > 0 {
				hit |= ruleBit(k)
			}
		}
		// The sentence sets of those terms, in a buffer the input keeps
		// from verdict to verdict; most terms occur nowhere, and an empty
		// set counts for no sentence.
		bits := rk.in.coverBits[:0]
		for _, rt := range rk.ch.reqTerms[rk.req] {
			if rt.rules&hit != 0 {
				if b := rk.in.Index.TermByID(rt.term); !b.Empty() {
					bits = append(bits, b)
				}
			}
		}
		rk.in.coverBits = bits
	}
	n := 0
	for _, b := range rk.in.coverBits {
		if b.Has(i) {
			n++
		}
	}
	return n
}

// sentenceScore is the rank of sentence i as evidence for the requirement:
// higher first.
func (rk *ranker) sentenceScore(i int) int {
	if s, ok := rk.score[i]; ok {
		return s
	}
	ch, in := rk.ch, rk.in
	s := 0
	own, party, entry := false, false, false
	actor := in.Actor(i)
	var clause *match.Index
	for _, rule := range rk.req.Rules {
		if !rk.counts(rule) {
			continue
		}
		if containsSorted(rk.ruleHits(rule), i) {
			// A rule that matches only with the words of a title run
			// into the clause ("Controller and Processor of Personal
			// Data and Purpose of Processing" above "controller … remain
			// the Controller of the Personal Data Processed …") names
			// the section's topic, not what the cited clause states.
			if clause == nil {
				clause = rk.clauseIndex(i)
			}
			if clause != noClause && !rk.groupsIn(clause, rule, i) {
				continue
			}
			entry = entry || rule.Entry
			if rule.Status == catalog.Part || rk.status == "" || rank[rule.Status] >= rank[rk.status] {
				s += weightSupport
			} else {
				s += weightWeakSupport
			}
			if ch.ownMatch(in, rule, i) {
				own = true
			}
			if actor == dutyBearer(rule.Actor) {
				party = true
			}
		}
	}
	if !own {
		s += weightLeadInOnly
	}
	if l := in.Sentences[i].LeadIn; l >= 0 && rk.matched(l) && !hasEntryRule(rk.req) {
		s += weightItemOfDuty
	}
	if hasEntryRule(rk.req) && anyIndexTerm(in.Index, ch.cite.instructions, i) {
		s += weightInPassing
	}
	// A clause inside the passage on the topic (other sentences nearby
	// match the requirement's rules too) beats a mention elsewhere.
	near := 0
	for d := -nearby; d <= nearby; d++ {
		if d != 0 && rk.matched(i+d) {
			near++
		}
	}
	s += min(near, maxNear) * weightNear
	s += rk.coverage(i) * weightTerm
	if party {
		s += weightParty
	}
	if entry {
		s += weightEntry
	}
	// What the sentence reads as, from where it is cited on (title lines
	// left out). Term-based signals read the whole sentence; narrowing a
	// joined sentence to one line costs an index of its own and is done
	// only for the sentences cited (quote).
	// It depends on the sentence alone: computed once per document.
	ts, ok := in.textScores[i]
	if !ok {
		st := in.Sentences[i]
		ts = rk.textScore(in.Index, i, in.Doc.Text[citeStart(in.Doc.Text, st.Start, st.End):st.End])
		if in.textScores == nil {
			in.textScores = map[int]int{}
		}
		in.textScores[i] = ts
	}
	s += ts
	rk.score[i] = s
	return s
}

// noClause marks a sentence without a title run into it (clauseIndex).
var noClause = &match.Index{}

// clauseIndex returns an index of sentence i's text from where its quote
// starts when a title line runs into it (citeStart), noClause otherwise.
func (rk *ranker) clauseIndex(i int) *match.Index {
	in := rk.in
	st := in.Sentences[i]
	cs := citeStart(in.Doc.Text, st.Start, st.End)
	if cs == st.Start {
		return noClause
	}
	if in.titled == nil {
		in.titled = map[int]*match.Index{}
	}
	if ix, ok := in.titled[i]; ok {
		return ix
	}
	ix := match.NewIndex(in.Doc.Text[cs:st.End], []match.Span{{Start: 0, End: st.End - cs}})
	in.titled[i] = ix
	return ix
}

// groupsIn reports whether each term group of the rule has a term, of
// those sentence i holds, in the clause index.
func (rk *ranker) groupsIn(clause *match.Index, rule *catalog.Rule, i int) bool {
	cr := rk.ch.rules[rule]
	if cr == nil {
		return true
	}
	for _, gi := range cr.all {
		found := false
		for _, t := range rk.ch.groups[gi] {
			if rk.in.Index.TermHas(t, i) && clause.TermByID(t).Has(0) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// textScore weighs what a quote reads as: a definition, a contents line,
// an overview of the annex topics, an operative clause or a bare title.
// ix indexes the quote as its k-th span.
func (rk *ranker) textScore(ix *match.Index, k int, text string) int {
	s := 0
	if rk.definition(ix, k, text) {
		s += weightDefinition
	}
	if tocLine(text) {
		s += weightTOC
	}
	cs := rk.citeSets(ix)
	if cs.overview.Has(k) {
		s += weightOverview
	}
	if cs.operative.Has(k) {
		s += weightOperative
	} else if headingLike(text) || purposeTitle(text) {
		s += weightHeading
	}
	if warrantyItem(text) {
		s += weightWarranty
	}
	return s
}

// purposeTitle reports a title that opens with what it serves and has no
// clause of its own: the 2010 standard clauses' "For the purposes of
// Article 26(2) of Directive 95/46/EC for the transfer of personal data
// to processors established in third countries which do not ensure an
// adequate level of data protection" names the instrument; "For the
// purposes of this Clause, the processor shall …" is a clause (a comma
// and an operative verb, which textScore reads first).
func purposeTitle(text string) bool {
	t := strings.TrimSpace(text)
	const open = "for the purposes of "
	if len(t) < len(open) || !strings.EqualFold(t[:len(open)], open) {
		return false
	}
	return !strings.ContainsAny(t, ",;:")
}

// weightWarranty is added to an item of a list of warranties that opens
// with "that" ("that, in the event of subprocessing, it has previously
// informed the controller …", "that it has implemented the … measures"):
// it asserts a state of affairs under "agrees and warrants:", and a
// clause that states the duty itself goes first where both match.
const weightWarranty = -2

// warrantyItem reports a quote that opens, after any list label, with
// "that" and a comma or a subject ("that, …", "that it …", "that the …").
func warrantyItem(text string) bool {
	t := strings.TrimSpace(text)
	if k := strings.IndexFunc(t, unicode.IsSpace); k > 0 && listLabel(t[:k]) {
		t = strings.TrimSpace(t[k:])
	}
	if len(t) < 6 || !strings.EqualFold(t[:4], "that") {
		return false
	}
	return t[4] == ',' || t[4] == ' '
}

// citeSets are the sentences of a document holding a term of the
// ranking sets: any of cite_definition, any of cite_operative, and
// overviewTopics or more of the topics of cite_overview.
type citeSets struct {
	ix                              *match.Index
	definition, operative, overview match.Bits
}

// citeSets returns the ranking sets of the document's index ix, found on
// first use: textScore asks about every ranked sentence.
func (rk *ranker) citeSets(ix *match.Index) *citeSets {
	in := rk.in
	if in.cite != nil && in.cite.ix == ix {
		return in.cite
	}
	ct := rk.ch.cite
	cs := &citeSets{ix: ix}
	union := func(terms []match.TermID) match.Bits {
		b := ix.NewBits()
		for _, t := range terms {
			b.Or(ix.TermByID(t))
		}
		return b
	}
	cs.definition, cs.operative = union(ct.definition), union(ct.operative)
	count := make([]uint8, ix.Len())
	cs.overview = ix.NewBits()
	for _, t := range ct.overview {
		ix.TermByID(t).Each(func(i int) {
			if count[i]++; count[i] == overviewTopics {
				cs.overview.Set(i)
			}
		})
	}
	in.cite = cs
	return cs
}

func anyIndexTerm(ix *match.Index, terms []match.TermID, k int) bool {
	for _, t := range terms {
		if ix.TermByID(t).Has(k) {
			return true
		}
	}
	return false
}

// matched reports whether any rule of the requirement matches sentence i.
// The sentences are gathered on the first call: every rule has run by
// then, and whether fallback rules count is decided.
func (rk *ranker) matched(i int) bool {
	if rk.matchedSet == nil {
		rk.matchedSet = rk.in.Index.NewBits()
		for _, rule := range rk.req.Rules {
			if !rule.Cite && rk.counts(rule) {
				for _, k := range rk.ruleHits(rule) {
					rk.matchedSet.Set(k)
				}
			}
		}
	}
	return rk.matchedSet.Has(i)
}

// best returns the highest-ranked of the sentences (the earliest on a tie).
func (rk *ranker) best(xs []int) int {
	b := xs[0]
	for _, x := range xs[1:] {
		if sx, sb := rk.sentenceScore(x), rk.sentenceScore(b); sx > sb || sx == sb && x < b {
			b = x
		}
	}
	return b
}

// order sorts distinct sentences best first, in document order on ties.
func (rk *ranker) order(xs []int) []int {
	xs = uniqueSorted(xs)
	// Scores first, then a stable sort on them: the same order without a
	// map lookup per comparison.
	type scored struct{ x, s int }
	ps := make([]scored, len(xs))
	for k, x := range xs {
		ps[k] = scored{x, rk.sentenceScore(x)}
	}
	sort.SliceStable(ps, func(a, b int) bool { return ps[a].s > ps[b].s })
	for k, p := range ps {
		xs[k] = p.x
	}
	return xs
}

// entryFirst puts the first entry of a list before its lead-in when a
// descriptive requirement (one with entry rules) would cite the lead-in
// first: "The personal data transferred concern the following categories
// of data subjects:" announces the description, the entry under it
// ("Customers of the controller") is the description. The entry must be
// the sentence right after the lead-in and continue it (the segmenter's
// LeadIn); a further lead-in, a title or a bracketed placeholder
// ("[Description of the categories …]") there means the entry was left
// empty, and the lead-in stays first.
func (rk *ranker) entryFirst(xs []int) []int {
	if len(xs) == 0 || !hasEntryRule(rk.req) {
		return xs
	}
	in, lead := rk.in, xs[0]
	st := in.Sentences[lead]
	if !strings.HasSuffix(strings.TrimSpace(in.Doc.Text[st.Start:st.End]), ":") {
		return xs
	}
	next := lead + 1
	if next >= len(in.Sentences) || in.Sentences[next].LeadIn != lead || in.Sentences[next].Heading || !rk.matched(next) {
		return xs
	}
	// A title line opening the next sentence starts a new section: the
	// list under the lead-in was left empty.
	nt := in.Sentences[next]
	if citeStart(in.Doc.Text, nt.Start, nt.End) != nt.Start || !listEntry(in.Doc.Text[nt.Start:nt.End]) {
		return xs
	}
	out := make([]int, 0, len(xs)+1)
	out = append(out, next)
	for _, x := range xs {
		if x != next {
			out = append(out, x)
		}
	}
	return out
}

// hasEntryRule reports whether a requirement is descriptive: one of its
// rules matches the description itself.
func hasEntryRule(r *catalog.Requirement) bool {
	for _, rule := range r.Rules {
		if rule.Entry {
			return true
		}
	}
	return false
}

// listEntry reports whether the text under a lead-in fills it in: not
// another lead-in or title ending in a colon, not a bracketed placeholder
// and not a blank to be filled ("____", "…").
func listEntry(text string) bool {
	t := strings.TrimSpace(text)
	if t == "" || strings.HasSuffix(t, ":") {
		return false
	}
	if strings.HasPrefix(t, "[") && strings.HasSuffix(t, "]") {
		return false
	}
	return strings.IndexFunc(t, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0
}

// dutyBearer is the party a rule expects to state its sentence by name:
// the controller for rights of the controller, the processor otherwise.
func dutyBearer(actor string) Party {
	switch actor {
	case "controller", "not-processor":
		return Controller
	case "any":
		return Party(-1) // no party expected
	}
	return Processor
}

func containsSorted(xs []int, x int) bool {
	k := sort.SearchInts(xs, x)
	return k < len(xs) && xs[k] == x
}

// headingLike reports a line that reads as a title the segmenter did not
// mark as a heading (plain text has no styles): short, without closing
// punctuation, most longer words capitalised ("Return and Deletion of
// Personal Data upon Termination"). It names a topic and decides nothing.
func headingLike(text string) bool {
	text = strings.TrimSpace(text)
	// A title may end in the term it defines: "Return and Deletion of
	// Personal Data upon End of Services (“Data Portability”)".
	if k := strings.LastIndexByte(text, '('); k > 0 && strings.HasSuffix(text, ")") &&
		strings.ContainsAny(text[k+1:min(len(text), k+4)], "\"“‘'") {
		text = strings.TrimSpace(text[:k])
	}
	if text == "" || strings.ContainsAny(text[len(text)-1:], ".;,)") {
		return false
	}
	if moreFields(text, 14) {
		return false
	}
	words := strings.Fields(text)
	long, upper := 0, 0
	for _, w := range words {
		w = strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) })
		if len([]rune(w)) < 4 {
			continue
		}
		long++
		if r := []rune(w)[0]; unicode.IsUpper(r) {
			upper++
		}
	}
	return long > 0 && 2*upper >= long
}

// moreFields reports whether s has more than n fields as strings.Fields
// splits it, reading no further than the first field past n: a long
// sentence is not split into words to learn that it is long.
func moreFields(s string, n int) bool {
	count, inField := 0, false
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
			inField = false
		case !inField:
			inField = true
			if count++; count > n {
				return true
			}
		}
	}
	return false
}

// citeStart skips title lines at the start of a sentence that run into the
// clause below them (plain text without a blank line after a title): the
// quote starts at the clause.
func citeStart(text string, start, end int) int {
	for {
		nl := strings.IndexByte(text[start:end], '\n')
		if nl < 0 {
			return start
		}
		rest := strings.TrimSpace(text[start+nl+1 : end])
		if rest == "" || !headingLike(text[start:start+nl]) {
			return start
		}
		start += nl + 1
		for start < end && (text[start] == ' ' || text[start] == '\t') {
			start++
		}
	}
}

// evidence cites sentence i for the requirement from where its quote
// starts.
func (rk *ranker) evidence(i int) model.Evidence {
	return evidenceFrom(rk.in, i, rk.quote(i))
}

// quote returns where the citation of sentence i starts. Title lines run
// into the clause are left out (citeStart), and a sentence that runs over
// several lines (list items the segmenter joined: "…; and\nnot process …
// unless required by law") is quoted from the line that holds most of what
// the matching rules look for, when that is not its first line.
func (rk *ranker) quote(i int) int {
	if q, ok := rk.quotes[i]; ok {
		return q
	}
	in := rk.in
	st := in.Sentences[i]
	start := citeStart(in.Doc.Text, st.Start, st.End)
	rk.quotes[i] = start
	text := in.Doc.Text[start:st.End]
	if strings.IndexByte(text, '\n') < 0 {
		return start
	}
	ix, spans := in.lineIndex(i, text)
	if ix == nil {
		return start
	}
	score := make([]int, len(spans))
	for _, rule := range rk.req.Rules {
		cr := rk.ch.rules[rule]
		if cr == nil || (rule.Net && !rk.byNet) || !rk.hitAt(rule, i) {
			continue
		}
		for _, gi := range cr.all {
			// Only the group's terms found in the sentence can be found
			// in one of its lines.
			var found []match.TermID
			for _, t := range rk.ch.groups[gi] {
				if in.Index.TermHas(t, i) {
					found = append(found, t)
				}
			}
			// The groups of an entry rule mark the description itself
			// ("Personal information: first name, last name" under "…
			// may relate to the following categories of data" joined to
			// it): they outweigh the lead-in's terms.
			w := 1
			if rule.Entry {
				w = entryLineWeight
			}
			for l := range spans {
				for _, t := range found {
					if ix.TermByID(t).Has(l) {
						score[l] += w
						break
					}
				}
			}
		}
	}
	// Of lines that hold as much, a clause opening with an operative verb
	// does the job: "Procedures for the controller's audits, including
	// inspections" names the topic, "The processor shall allow for and
	// contribute to audits" below it states the duty. A line that goes on
	// with the sentence above it ("processing activities covered by the
	// Clauses which shall be carried out …") opens no clause.
	for l, sp := range spans {
		score[l] *= 2
		if opensClause(text[sp.Start:sp.End]) && anyIndexTerm(ix, rk.ch.cite.operative, l) {
			score[l]++
		}
	}
	best := 0
	for l := range spans {
		if score[l] > score[best] {
			best = l
		}
	}
	if best > 0 {
		start += spans[best].Start
	}
	rk.quotes[i] = start
	return start
}

// opensClause reports whether a line of a joined sentence starts a clause
// of its own: its first letter, after any list label, is a capital.
func opensClause(line string) bool {
	line = strings.TrimSpace(line)
	// The first of two fields or more (strings.Fields, without splitting
	// the whole line): the trimmed line goes on after its first space.
	if k := strings.IndexFunc(line, unicode.IsSpace); k > 0 && listLabel(line[:k]) {
		line = strings.TrimSpace(line[k:])
	}
	for _, r := range line {
		if unicode.IsLetter(r) {
			return unicode.IsUpper(r)
		}
	}
	return false
}

// listLabel reports a list or clause label: "(a)", "b)", "(iv)", "1.",
// "2.3", "3)".
func listLabel(w string) bool {
	core := strings.TrimSuffix(strings.TrimPrefix(w, "("), ")")
	if core == w && !strings.HasSuffix(w, ".") {
		return false // neither bracketed nor closed by a dot
	}
	core = strings.TrimSuffix(core, ".")
	if core == "" || len(core) > 6 {
		return false
	}
	digits := strings.Trim(core, "0123456789.") == ""
	letters := len(core) <= 4 && strings.Trim(core, "abcdefghijklmnopqrstuvwxyz") == "" && (len(core) == 1 || strings.Trim(core, "ivxl") == "")
	return digits || letters
}

// lineIndex is the index of the lines of a cited sentence's text.
type lineIndex struct {
	ix    *match.Index
	spans []match.Span
}

// lineIndex returns the index of the non-blank lines of text, the quoted
// part of sentence i, or nil when it has fewer than two. A sentence cited
// for several requirements is indexed once; Check releases the indexes.
func (in *Input) lineIndex(i int, text string) (*match.Index, []match.Span) {
	if li, ok := in.lines[i]; ok {
		return li.ix, li.spans
	}
	var spans []match.Span
	off := 0
	for _, line := range strings.SplitAfter(text, "\n") {
		if strings.TrimSpace(line) != "" {
			spans = append(spans, match.Span{Start: off, End: off + len(line)})
		}
		off += len(line)
	}
	li := lineIndex{}
	if len(spans) >= 2 {
		li = lineIndex{ix: match.NewIndex(text, spans), spans: spans}
	}
	if in.lines == nil {
		in.lines = map[int]lineIndex{}
	}
	in.lines[i] = li
	return li.ix, li.spans
}

// releaseLines hands back the buffers of the line indexes.
func (in *Input) releaseLines() {
	for _, ix := range in.titled {
		ix.Release()
	}
	in.titled = nil
	for _, li := range in.lines {
		if li.ix != nil {
			li.ix.Release()
		}
	}
	in.lines = nil
}
