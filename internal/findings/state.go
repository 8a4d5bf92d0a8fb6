package findings

import (
	"regexp"
	"strings"

	"github.com/art28/art28/internal/check"
	"github.com/art28/art28/internal/match"
)

// term is a compiled term of a rule.
type term struct {
	raw string
	re  *reTerm // a "re:" term
}

// compileTerm prepares term t (validated by checkTerm).
func compileTerm(t string) *term {
	c := &term{raw: t}
	if strings.HasPrefix(t, "re:") {
		c.re = &reTerm{re: regexp.MustCompile(t[3:]), g: newGuard(t[3:])}
	}
	return c
}

// reTerm is a compiled "re:" term with its literal prefilter.
type reTerm struct {
	re *regexp.Regexp
	g  guard
}

// state is one run of the playbook over one document. It holds what
// several rules need, computed once and only when first asked for.
type state struct {
	in *check.Input
	// risky reports a text that literal prefilters must not judge.
	risky     bool
	riskyDone bool
	lower     []string    // lower-cased sentences, for "re:" terms
	durations [][]float64 // periods per sentence, for deadline rules
	durDone   []bool
}

func newState(in *check.Input) *state {
	return &state{in: in}
}

// filterable reports whether literal prefilters may judge the text.
func (st *state) filterable() bool {
	if !st.riskyDone {
		st.riskyDone = true
		st.risky = hasRiskyRune(st.in.Doc.Text)
	}
	return !st.risky
}

// may reports whether g lets text[start:end] through.
func (st *state) may(g guard, start, end int) bool {
	if !g.active() {
		return true
	}
	return !st.filterable() || g.may(st.in.Doc.Text[start:end])
}

// mayContain reports whether text[start:end] has g's literals anywhere.
func (st *state) mayContain(g guard, start, end int) bool {
	if len(g.sets) == 0 && len(g.alts) == 0 {
		return true
	}
	return !st.filterable() || g.contains(st.in.Doc.Text[start:end])
}

// lowerSentence returns sentence i lower-cased as "re:" terms see it.
func (st *state) lowerSentence(i int) string {
	if st.lower == nil {
		st.lower = make([]string, len(st.in.Sentences))
	}
	if st.lower[i] == "" {
		s := st.in.Sentences[i]
		st.lower[i] = strings.ToLower(st.in.Doc.Text[s.Start:s.End])
	}
	return st.lower[i]
}

// termMatch reports whether the "re:" term matches sentence i.
func (st *state) termMatch(rt *reTerm, i int) bool {
	s := st.in.Sentences[i]
	if !st.may(rt.g, s.Start, s.End) {
		return false
	}
	return rt.re.MatchString(st.lowerSentence(i))
}

// sentenceDurations returns the periods sentence i states, in hours.
func (st *state) sentenceDurations(i int) []float64 {
	if st.durDone == nil {
		st.durDone = make([]bool, len(st.in.Sentences))
		st.durations = make([][]float64, len(st.in.Sentences))
	}
	if !st.durDone[i] {
		st.durDone[i] = true
		if mayStatePeriod(st.in.Index.Tokens(i)) {
			s := st.in.Sentences[i]
			st.durations[i] = Durations(st.in.Doc.Text[s.Start:s.End])
		}
	}
	return st.durations[i]
}

// hasTerm reports whether sentence i contains term t, asking the index
// (whose answers are cached for all rules) for all but "re:" terms.
func (st *state) hasTerm(t *term, i int) bool {
	if t.re != nil {
		return st.termMatch(t.re, i)
	}
	return st.in.Index.Term(t.raw).Has(i)
}

// anySentence reports whether some sentence contains a term of g. Plain
// terms are asked first, and the search stops at the first hit.
func (st *state) anySentence(g []*term) bool {
	n := len(st.in.Sentences)
	for _, t := range g {
		if t.re == nil && hasBelow(st.in.Index.Term(t.raw), n) {
			return true
		}
	}
	for _, t := range g {
		if t.re == nil {
			continue
		}
		for i := 0; i < n && i < st.in.Index.Len(); i++ {
			if st.termMatch(t.re, i) {
				return true
			}
		}
	}
	return false
}

// hasBelow reports whether b has a member below n.
func hasBelow(b match.Bits, n int) bool {
	found := false
	b.Each(func(i int) { found = found || i < n })
	return found
}
