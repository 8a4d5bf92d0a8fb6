package extract

import (
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// checkPostcode fails when the expression matches s and postcodeRe says
// it cannot.
func checkPostcode(t *testing.T, s string) {
	t.Helper()
	if rePostcodeCity.re.MatchString(s) && !rePostcodeCity.possible(s) {
		t.Fatalf("possible(%q) = false, the expression matches", s)
	}
}

// FuzzPostcodePossible checks postcodeRe's condition against the
// expression.
func FuzzPostcodePossible(f *testing.F) {
	for _, s := range []string{"10115 Berlin", "D-10115 Berlin", "(1234 Wien)", "12345 AB Berlin", "123456 Berlin", "x12345 Berlin", "CH-8000\tZürich", "12345\nBerlin"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { checkPostcode(t, s) })
}

// TestPostcodePossible checks it on random addresses and on the lines of
// the shared corpus.
func TestPostcodePossible(t *testing.T) {
	rng := rand.New(rand.NewSource(4))
	parts := []string{"1", "2", "0", " ", "\t", "\n", ",", "(", "-", "D-", "CH-", "A", "AB", "Berlin", "x", "ä", "Ö", " am ", "\xff"}
	for n := 0; n < 200000; n++ {
		var b strings.Builder
		for k := rng.Intn(12); k >= 0; k-- {
			b.WriteString(parts[rng.Intn(len(parts))])
		}
		checkPostcode(t, b.String())
	}
	files, _ := filepath.Glob("../../../shared/corpus/*/*.txt")
	for _, f := range files {
		raw, _ := os.ReadFile(f)
		checkPostcode(t, string(raw))
		for _, l := range strings.Split(string(raw), "\n") {
			checkPostcode(t, l)
		}
	}
}
