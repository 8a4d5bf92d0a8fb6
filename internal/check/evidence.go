package check

import (
	"sort"

	"github.com/art28/art28/internal/catalog"
	"github.com/art28/art28/internal/match"
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
	setDefinition = "cite_definition"
	setTOC        = "cite_toc"
	setOperative  = "cite_operative"
)

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
)

// citeTerms are the registered terms of the ranking sets.
type citeTerms struct {
	definition, toc, operative []match.TermID
}

func newCiteTerms(c *catalog.Catalog) citeTerms {
	reg := func(name string) []match.TermID {
		if _, ok := c.Sets[name]; !ok {
			return nil
		}
		return match.RegisterAll(c.ExpandSets([]string{"@" + name}))
	}
	return citeTerms{definition: reg(setDefinition), toc: reg(setTOC), operative: reg(setOperative)}
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
	if party {
		s += weightParty
	}
	ct := ch.cite
	if anyTerm(in, ct.definition, i) {
		s += weightDefinition
	}
	if anyTerm(in, ct.toc, i) {
		s += weightTOC
	}
	if anyTerm(in, ct.operative, i) {
		s += weightOperative
	}
	rk.score[i] = s
	return s
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
