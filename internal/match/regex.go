package match

import (
	"regexp/syntax"
	"slices"
	"strings"
	"sync"

	"github.com/art28/art28/internal/prefilter"
)

var regexes sync.Map // expression -> *regex

// regex is a term's expression with what every match of it contains.
type regex struct {
	re *prefilter.Regexp
	// runs are the infix word patterns literalSentences looks up,
	// derived once (see literalRuns).
	runs     []wordPattern
	runsOnce sync.Once
	// eachRuns are the runs for an aliased index (see literalRuns).
	eachRuns []wordPattern
	// needs lists sets of literals: every match contains one literal of
	// each set, so a sentence lacking all of a set's literals is skipped
	// without running the expression.
	needs [][]string
	// needSets holds, for each set of needs with more than manyNeeds
	// literals, the set as one prefilter.Words, sought in one pass.
	needSets []*prefilter.Words
}

// manyNeeds is the number of literals above which a set of needs is
// sought in one pass over a text rather than literal by literal.
const manyNeeds = 8

// possible reports whether s holds one literal of each of the sets every
// match contains: a necessary condition for a match.
func (r *regex) possible(s string) bool {
	for k, set := range r.needs {
		if ws := r.needSets[k]; ws != nil {
			if !ws.In(s) {
				return false
			}
			continue
		}
		found := false
		for _, l := range set {
			if strings.Contains(s, l) {
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

// MatchString reports whether s contains a match of the expression.
// The first bytes of s are looked at first: an expression anchored at
// the start rules out most sentences by them.
func (r *regex) MatchString(s string) bool {
	return r.re.LeadOK(s) && r.possible(s) && r.re.MatchString(s)
}

// compileRegex returns expr with its literal prefilter (which rules out
// most sentences without running the expression), once per process; the
// expression is compiled on first use. It returns nil when expr does not
// compile.
func compileRegex(expr string) *regex {
	if re, ok := regexes.Load(expr); ok {
		return re.(*regex)
	}
	re, err := prefilter.Compile(expr)
	if err != nil {
		return nil
	}
	r := &regex{re: re}
	if tree, err := syntax.Parse(expr, syntax.Perl); err == nil {
		r.needs = needs(tree.Simplify())
		if len(r.needs) > maxNeeds {
			r.needs = r.needs[:maxNeeds]
		}
		// A set that each of the prefilter's own literals contains one of
		// is tested by the prefilter already: on a lower-cased sentence
		// (where the prefilter compares byte for byte) a match needs one
		// of those literals, hence one of the set's.
		if lits, ok := re.Required(); ok {
			r.needs = slices.DeleteFunc(r.needs, func(set []string) bool { return covers(lits, set) })
		}
		r.needSets = make([]*prefilter.Words, len(r.needs))
		for k, set := range r.needs {
			if len(set) > manyNeeds && !slices.Contains(set, "") {
				r.needSets[k] = prefilter.NewWords(set...)
			}
		}
	}
	actual, _ := regexes.LoadOrStore(expr, r)
	return actual.(*regex)
}

// covers reports whether each of lits contains one of set.
func covers(lits, set []string) bool {
	for _, l := range lits {
		found := false
		for _, n := range set {
			if strings.Contains(l, n) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return len(lits) > 0
}

// maxNeeds bounds the literal sets checked before an expression is run.
const maxNeeds = 4

// needs returns sets of literals such that every match of n contains one
// literal of each set. Case-insensitive literals yield none (the text they
// run on need not hold them byte for byte).
func needs(n *syntax.Regexp) [][]string {
	switch n.Op {
	case syntax.OpLiteral:
		if n.Flags&syntax.FoldCase != 0 || len(n.Rune) == 0 {
			return nil
		}
		return [][]string{{string(n.Rune)}}
	case syntax.OpCapture, syntax.OpPlus:
		return needs(n.Sub[0])
	case syntax.OpRepeat:
		if n.Min >= 1 {
			return needs(n.Sub[0])
		}
	case syntax.OpConcat:
		var out [][]string
		for _, sub := range n.Sub {
			out = append(out, needs(sub)...)
		}
		return out
	case syntax.OpAlternate:
		var set []string
		for _, sub := range n.Sub {
			ns := needs(sub)
			if len(ns) == 0 {
				return nil
			}
			set = append(set, longest(ns)...)
		}
		return [][]string{set}
	}
	return nil
}

// longest returns the set whose shortest literal is the longest: the one
// likely rarest.
func longest(sets [][]string) []string {
	best, bestLen := sets[0], -1
	for _, set := range sets {
		m := len(set[0])
		for _, l := range set[1:] {
			m = min(m, len(l))
		}
		if m > bestLen {
			best, bestLen = set, m
		}
	}
	return best
}
