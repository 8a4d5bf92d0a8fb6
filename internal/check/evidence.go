package check

import (
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

// debugRank, when set, is shown the ranked candidates of each verdict.
var debugRank func(rk *ranker, sents []int)

// Names of the catalog sets that classify sentences for ranking.
const (
	setDefinition      = "cite_definition"
	setDefinitionEarly = "cite_definition_early"
	setOperative       = "cite_operative"
)

// earlyWords is how far into a sentence a cite_definition_early phrase
// marks a definition.
const earlyWords = 12

// Ranking weights. Support (rules of the requirement agreeing on a
// sentence) dominates; a definition or contents line drops below every
// operative sentence.
const (
	weightSupport    = 4
	weightDefinition = -20
	weightTOC        = -20
	weightLeadInOnly = -3
	weightParty      = 2
	weightOperative  = 1
	weightHeading    = -6
	weightNear       = 1
	nearby           = 3 // sentences either side
	maxNear          = 3
)

// citeTerms are the registered terms of the ranking sets.
type citeTerms struct {
	definition, operative []match.TermID
	// early holds the cite_definition_early phrases as word sequences.
	early [][]string
}

func newCiteTerms(c *catalog.Catalog) citeTerms {
	reg := func(name string) []match.TermID {
		if _, ok := c.Sets[name]; !ok {
			return nil
		}
		return match.RegisterAll(c.ExpandSets([]string{"@" + name}))
	}
	ct := citeTerms{definition: reg(setDefinition), operative: reg(setOperative)}
	for _, p := range c.ExpandSets([]string{"@" + setDefinitionEarly}) {
		if f := strings.Fields(p); len(f) > 0 {
			ct.early = append(ct.early, f)
		}
	}
	return ct
}

// notDefiner are words before "means" that make it a noun ("by electronic
// means", "all reasonable means").
var notDefiner = set("by all any reasonable appropriate other technical electronic automated such the a an suitable necessary no")

// definition reports a sentence that defines a term: one of the anywhere
// phrases, an early phrase among the first words with no modal verb
// before it ("“Data Breach” means …"), or a term and a colon followed by
// its meaning ("Processing: any operation …").
func (rk *ranker) definition(i int) bool {
	in, ct := rk.in, rk.ch.cite
	if anyTerm(in, ct.definition, i) {
		return true
	}
	toks := in.Index.Tokens(i)
	for k := 0; k < len(toks) && k < earlyWords; k++ {
		if enModals[toks[k].Text] || toks[k].Text == "muss" || toks[k].Text == "wird" {
			break
		}
		if k > 0 && notDefiner[toks[k-1].Text] {
			continue
		}
		for _, p := range ct.early {
			if k+len(p) <= len(toks) && wordsAt(toks, k, p) {
				return true
			}
		}
	}
	s := in.Sentences[i]
	return termColon(in.Doc.Text[s.Start:s.End])
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
var colonMeaning = set("a an the any all each every means ein eine jede jeder alle")

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
	return len(rest) > 1 && colonMeaning[strings.ToLower(rest[0])]
}

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

// anyTerm reports whether sentence i matches one of the terms.
func anyTerm(in *Input, terms []match.TermID, i int) bool {
	for _, t := range terms {
		if in.Index.TermByID(t).Has(i) {
			return true
		}
	}
	return false
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
}

// sentenceScore is the rank of sentence i as evidence for the requirement:
// higher first.
func (rk *ranker) sentenceScore(i int) int {
	if s, ok := rk.score[i]; ok {
		return s
	}
	ch, in := rk.ch, rk.in
	s := 0
	own, party := false, false
	actor := in.Actor(i)
	for _, rule := range rk.req.Rules {
		if containsSorted(rk.hits[rule], i) {
			s += weightSupport
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
	// A clause inside the passage on the topic (other sentences nearby
	// match the requirement's rules too) beats a mention elsewhere.
	near := 0
	for d := -nearby; d <= nearby; d++ {
		if d != 0 && rk.matched(i+d) {
			near++
		}
	}
	s += min(near, maxNear) * weightNear
	if party {
		s += weightParty
	}
	ct := ch.cite
	text := in.Doc.Text[in.Sentences[i].Start:in.Sentences[i].End]
	if rk.definition(i) {
		s += weightDefinition
	}
	if tocLine(text) {
		s += weightTOC
	}
	if anyTerm(in, ct.operative, i) {
		s += weightOperative
	} else if headingLike(text) {
		s += weightHeading
	}
	rk.score[i] = s
	return s
}

// matched reports whether any rule of the requirement matches sentence i.
func (rk *ranker) matched(i int) bool {
	for _, rule := range rk.req.Rules {
		if containsSorted(rk.hits[rule], i) {
			return true
		}
	}
	return false
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
	sort.SliceStable(xs, func(a, b int) bool { return rk.sentenceScore(xs[a]) > rk.sentenceScore(xs[b]) })
	return xs
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
	if text == "" || strings.ContainsAny(text[len(text)-1:], ".;,)") {
		return false
	}
	words := strings.Fields(text)
	if len(words) > 14 {
		return false
	}
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

// evidence cites sentence i for the requirement. A sentence that runs over
// several lines (list items the segmenter joined: "…; and\nnot process …
// unless required by law") is quoted from the line that holds most of what
// the matching rules look for, when that is not its first line.
func (rk *ranker) evidence(i int) model.Evidence {
	in := rk.in
	s := in.Sentences[i]
	start := citeStart(in.Doc.Text, s.Start, s.End)
	text := in.Doc.Text[start:s.End]
	if strings.IndexByte(text, '\n') < 0 {
		return evidenceFrom(in, i, start)
	}
	var spans []match.Span
	off := 0
	for _, line := range strings.SplitAfter(text, "\n") {
		if strings.TrimSpace(line) != "" {
			spans = append(spans, match.Span{Start: off, End: off + len(line)})
		}
		off += len(line)
	}
	if len(spans) < 2 {
		return evidenceFrom(in, i, start)
	}
	ix := match.NewIndex(text, spans)
	defer ix.Release()
	score := make([]int, len(spans))
	for _, rule := range rk.req.Rules {
		cr := rk.ch.rules[rule]
		if cr == nil || !containsSorted(rk.hits[rule], i) {
			continue
		}
		for _, gi := range cr.all {
			for l := range spans {
				for _, t := range rk.ch.groups[gi] {
					if ix.TermByID(t).Has(l) {
						score[l]++
						break
					}
				}
			}
		}
	}
	best := 0
	for l := range spans {
		if score[l] > score[best] {
			best = l
		}
	}
	if best == 0 {
		return evidenceFrom(in, i, start)
	}
	return evidenceFrom(in, i, start+spans[best].Start)
}
