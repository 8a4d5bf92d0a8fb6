package extract

import (
	"slices"
	"testing"
)

// TestAltOrders checks the precomputed trie orders against trieOrder, and
// that a list not in the table gets none.
func TestAltOrders(t *testing.T) {
	if len(precomputedAltOrders) == 0 {
		t.Fatal("no precomputed alternation orders: run `go generate ./internal/extract`")
	}
	for _, o := range precomputedAltOrders {
		got, want := precomputedTrieOrder(o.in), trieOrder(o.in)
		if !slices.Equal(got, want) {
			t.Fatalf("order of %q: precomputed %q, ordered %q", o.in, got, want)
		}
	}
	if ws := precomputedTrieOrder([]string{"ab", "a", "b"}); ws != nil {
		t.Fatalf("a list not in the table got %q", ws)
	}
	if got, want := altWords([]string{"b", "ab", "a"}), []string{"ab", "a", "b"}; !slices.Equal(got, want) {
		t.Fatalf("altWords %q, want %q", got, want)
	}
}
