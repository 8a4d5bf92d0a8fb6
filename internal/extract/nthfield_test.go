package extract

import (
	"strings"
	"testing"
)

// annexSubsectionRef is annexSubsection as it was written with
// strings.Fields.
func annexSubsectionRef(annex, section string) bool {
	f := strings.Fields(annex)
	g := strings.Fields(section)
	if len(f) < 2 || len(g) == 0 || !isClauseLabel(g[0]) {
		return false
	}
	return strings.HasPrefix(g[0], strings.TrimRight(f[1], ".:")+".")
}

// FuzzNthField checks nthField against strings.Fields and annexSubsection
// against its form with strings.Fields.
func FuzzNthField(f *testing.F) {
	for _, s := range []string{"", " ", "Anlage 3", "Anlage 3.", "3.1 Hosting", "\u00a0Annex\u2003II:", "a\xffb c", "Anhang  3:\t", "3.1", "3.12.4 x", "12 Schluss"} {
		f.Add(s, "3.1 Hosting")
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		fs := strings.Fields(a)
		for n := 0; n <= len(fs)+1; n++ {
			got, ok := nthField(a, n)
			if ok != (n < len(fs)) || ok && got != fs[n] {
				t.Fatalf("nthField(%q, %d) = %q, %v; fields %q", a, n, got, ok, fs)
			}
		}
		if got, want := annexSubsection(a, b), annexSubsectionRef(a, b); got != want {
			t.Fatalf("annexSubsection(%q, %q) = %v, want %v", a, b, got, want)
		}
	})
}
