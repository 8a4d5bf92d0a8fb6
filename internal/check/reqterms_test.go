package check

import (
	"cmp"
	"math/rand"
	"slices"
	"testing"

	"github.com/art28/art28/internal/catalog"
	"github.com/art28/art28/internal/match"
)

// sortedRequirementTerms is requirementTerms as it was written first: all
// (term, rule) pairs sorted by term, then merged.
func sortedRequirementTerms(ch *Checker, r *catalog.Requirement) []ruleTerm {
	var out []ruleTerm
	for k, rule := range r.Rules {
		cr := ch.rules[rule]
		if cr == nil {
			continue
		}
		for _, gi := range cr.all {
			for _, t := range ch.groups[gi] {
				out = append(out, ruleTerm{t, ruleBit(k)})
			}
		}
	}
	slices.SortFunc(out, func(a, b ruleTerm) int { return cmp.Compare(a.term, b.term) })
	n := 0
	for _, rt := range out {
		if n > 0 && out[n-1].term == rt.term {
			out[n-1].rules |= rt.rules
			continue
		}
		out[n] = rt
		n++
	}
	return slices.Clip(out[:n])
}

// TestRequirementTerms checks the term lists collected by term id against
// the sorted merge, for the embedded catalog and for random groups.
func TestRequirementTerms(t *testing.T) {
	ch := New(catalog.Default())
	var sc termScratch
	for _, r := range ch.cat.Requirements {
		if got, want := ch.requirementTerms(r, &sc), sortedRequirementTerms(ch, r); !slices.Equal(got, want) {
			t.Errorf("%s: %d terms, want %d", r.ID, len(got), len(want))
		}
	}
	rng := rand.New(rand.NewSource(1))
	for round := 0; round < 300; round++ {
		fake := &Checker{rules: map[*catalog.Rule]*compiledRule{}}
		for g := 0; g < 1+rng.Intn(12); g++ {
			var ids []match.TermID
			for k := rng.Intn(20); k > 0; k-- {
				ids = append(ids, match.TermID(rng.Intn(1+rng.Intn(5000))))
			}
			fake.groups = append(fake.groups, ids)
		}
		r := &catalog.Requirement{ID: "R"}
		for k := rng.Intn(70); k > 0; k-- {
			rule := &catalog.Rule{}
			r.Rules = append(r.Rules, rule)
			if rng.Intn(8) == 0 {
				continue // a rule the checker does not hold
			}
			cr := &compiledRule{}
			for j := rng.Intn(4); j > 0; j-- {
				cr.all = append(cr.all, rng.Intn(len(fake.groups)))
			}
			fake.rules[rule] = cr
		}
		if got, want := fake.requirementTerms(r, &sc), sortedRequirementTerms(fake, r); !slices.Equal(got, want) {
			t.Fatalf("round %d: got %v, want %v", round, got, want)
		}
	}
}
