package extract

import (
	"math/rand"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// altCases returns the matchers of the knowledge with their expressions.
func altCases(t testing.TB) []*wordAlt {
	k, err := LoadKnowledge()
	if err != nil {
		t.Fatal(err)
	}
	return []*wordAlt{k.legalRe, k.party.legalRe, k.party.roleRe}
}

// checkAlt compares each method of a with its expression's on s.
func checkAlt(t *testing.T, a *wordAlt, s string) {
	t.Helper()
	got, want := a.FindAllStringSubmatchIndex(s, -1), a.re.FindAllStringSubmatchIndex(s, -1)
	if len(got) != len(want) {
		t.Fatalf("%.40s…: FindAll(%q) = %v, want %v", a.re.String(), s, got, want)
	}
	for i := range got {
		if !slices.Equal(got[i], want[i]) {
			t.Fatalf("%.40s…: FindAll(%q) = %v, want %v", a.re.String(), s, got, want)
		}
	}
	if g, w := a.FindStringSubmatchIndex(s), a.re.FindStringSubmatchIndex(s); !slices.Equal(g, w) {
		t.Fatalf("%.40s…: FindStringSubmatchIndex(%q) = %v, want %v", a.re.String(), s, g, w)
	}
	if g, w := a.FindStringIndex(s), a.re.FindStringIndex(s); !slices.Equal(g, w) {
		t.Fatalf("%.40s…: FindStringIndex(%q) = %v, want %v", a.re.String(), s, g, w)
	}
	if g, w := a.MatchString(s), a.re.MatchString(s); g != w {
		t.Fatalf("%.40s…: MatchString(%q) = %v, want %v", a.re.String(), s, g, w)
	}
}

// FuzzWordAlt checks the word matchers against their expressions.
func FuzzWordAlt(f *testing.F) {
	for _, s := range []string{" Example GmbH", "Muster GmbH & Co. KG, Berlin", "(Acme Ltd.)", "der Auftragnehmer", "Auftraggeber-Pflichten",
		"AUFTRAGNEHMER:", "Processor’s", "\u212Aunde", "ſub", "GmbH", "GmbHx", "x,AG", "Verantwortliche/r", "\xffAG \xff", "„Auftraggeber“", "Klinik Betriebs-GmbH", "x-AG", "Müller-GmbH,", "-GmbH", "E-Mail-Adresse"} {
		f.Add(s)
	}
	var as []*wordAlt
	f.Fuzz(func(t *testing.T, s string) {
		if as == nil {
			as = altCases(t)
		}
		for _, a := range as {
			checkAlt(t, a, s)
		}
	})
}

// TestWordAltCorpus checks the word matchers on random strings made of
// their words and on the lines of the shared corpus.
func TestWordAltCorpus(t *testing.T) {
	as := altCases(t)
	rng := rand.New(rand.NewSource(1))
	seps := []string{" ", ",", "(", ")", "-", ".", "“", "\"", "x", "\n", "\xff", "", "/", ";", "ä", "K", "\u212A"}
	for _, a := range as {
		for n := 0; n < 20000; n++ {
			var b strings.Builder
			for k := rng.Intn(6); k >= 0; k-- {
				b.WriteString(seps[rng.Intn(len(seps))])
				w := a.words[rng.Intn(len(a.words))]
				if rng.Intn(3) == 0 {
					w = strings.ToUpper(w)
				}
				if rng.Intn(4) == 0 && len(w) > 1 {
					w = w[:rng.Intn(len(w))]
				}
				b.WriteString(w)
			}
			checkAlt(t, a, b.String())
		}
	}
	files, _ := filepath.Glob("../../../shared/corpus/*/*.txt")
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			continue
		}
		for _, l := range strings.Split(string(raw), "\n") {
			for _, a := range as {
				checkAlt(t, a, l)
				checkAlt(t, a, " "+l)
			}
		}
	}
}
