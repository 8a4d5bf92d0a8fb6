package findings

import (
	"regexp"
	"strings"

	"github.com/art28/art28/internal/check"
)

// reTerm is a compiled "re:" term with its literal prefilter.
type reTerm struct {
	re *regexp.Regexp
	g  guard
}

// state is one run of the playbook over one document. It holds what
// several rules need, computed once and only when first asked for.
type state struct {
	in *check.Input
	// low is the text lower-cased in ASCII, for literal prefilters;
	// risky reports a text that prefilters must not judge.
	low       string
	risky     bool
	lowDone   bool
	lower     []string    // lower-cased sentences, for "re:" terms
	durations [][]float64 // periods per sentence, for deadline rules
	durDone   []bool
}

func newState(in *check.Input) *state {
	return &state{in: in}
}

// lowText returns the ASCII-lower-cased text and whether literal
// prefilters may judge it.
func (st *state) lowText() (string, bool) {
	if !st.lowDone {
		st.lowDone = true
		st.low = asciiLower(st.in.Doc.Text)
		st.risky = hasRiskyRune(st.in.Doc.Text)
	}
	return st.low, !st.risky
}

// may reports whether g lets text[start:end] through.
func (st *state) may(g guard, start, end int) bool {
	if !g.active() {
		return true
	}
	low, ok := st.lowText()
	return !ok || g.may(low[start:end])
}

// mayContain reports whether text[start:end] has g's literals anywhere.
func (st *state) mayContain(g guard, start, end int) bool {
	if len(g.sets) == 0 {
		return true
	}
	low, ok := st.lowText()
	return !ok || g.contains(low[start:end])
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
