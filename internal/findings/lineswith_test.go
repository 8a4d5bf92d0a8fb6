package findings

import (
	"slices"
	"strings"
	"testing"
)

// FuzzLinesWithAll checks the grouped scan against linesWith, need by
// need.
func FuzzLinesWithAll(f *testing.F) {
	f.Add("Firma: ____\nDatum: …\n[Name] (einfügen)\n| | |\nN.N.", "____|:…|: …|[|(|N.N.|N. N.|| |||")
	f.Add("::\n:\n: \n", ":\n|: \n|:")
	f.Add("abc", "")
	f.Fuzz(func(t *testing.T, text, set string) {
		needs := strings.Split(set, "|")
		got := linesWithAll(text, needs)
		for _, n := range needs {
			if n == "" {
				continue
			}
			if want := linesWith(text, n); !slices.Equal(got[n], want) {
				t.Fatalf("need %q in %q: got %v, want %v", n, text, got[n], want)
			}
		}
	})
}
