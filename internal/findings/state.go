package findings

import (
	"strings"

	"github.com/art28/art28/internal/check"
	"github.com/art28/art28/internal/match"
	"github.com/art28/art28/internal/prefilter"
)

// term is a compiled term of a rule.
type term struct {
	raw string
	id  match.TermID      // the registered term, for index queries
	re  *prefilter.Regexp // a "re:" term, matched on lower-cased sentences
}

// compileTerm prepares term t (validated by checkTerm).
func compileTerm(t string) *term {
	c := &term{raw: t, id: match.Register(t)}
	if strings.HasPrefix(t, "re:") {
		c.re = prefilter.MustCompile(t[3:])
	}
	return c
}

// state is one run of the playbook over one document. It holds what
// several rules need, computed once and only when first asked for.
type state struct {
	in *check.Input
	// durations holds the periods of the sentences asked so far, for
	// deadline rules (a map: only topic sentences are asked).
	durations map[int][]float64
}

func newState(in *check.Input) *state {
	return &state{in: in}
}

// lowerSentence returns sentence i lower-cased as "re:" terms see it: a
// slice of the index's lower-cased text, as for the checker's terms.
func (st *state) lowerSentence(i int) string {
	s := st.in.Sentences[i]
	return st.in.Index.Lower()[s.Start:s.End]
}

// termMatch reports whether the "re:" term matches sentence i.
func (st *state) termMatch(re *prefilter.Regexp, i int) bool {
	return re.MatchString(st.lowerSentence(i))
}

// sentenceDurations returns the periods sentence i states, in hours.
func (st *state) sentenceDurations(i int) []float64 {
	if ds, ok := st.durations[i]; ok {
		return ds
	}
	if st.durations == nil {
		st.durations = map[int][]float64{}
	}
	var ds []float64
	if mayStatePeriod(st.in.Index.Tokens(i)) {
		s := st.in.Sentences[i]
		ds = Durations(st.in.Doc.Text[s.Start:s.End])
	}
	st.durations[i] = ds
	return ds
}

// hasTerm reports whether sentence i contains term t, asking the index
// (whose answers are cached for all rules) for all but "re:" terms.
func (st *state) hasTerm(t *term, i int) bool {
	if t.re != nil {
		return st.termMatch(t.re, i)
	}
	return st.in.Index.TermByID(t.id).Has(i)
}

// anySentence reports whether some sentence contains a term of g. Plain
// terms are asked first, and the search stops at the first hit.
func (st *state) anySentence(g []*term) bool {
	n := len(st.in.Sentences)
	for _, t := range g {
		if t.re == nil && hasBelow(st.in.Index.TermByID(t.id), n) {
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
