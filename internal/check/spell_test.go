package check

import (
	"math/rand"
	"slices"
	"strings"
	"testing"

	"github.com/art28/art28/internal/catalog"
)

// withSwissSpelling is the spelling of a term list as first written: the
// terms, then for each term its variants. speller must give the same.
func withSwissSpelling(terms []string, swiss [][]string) []string {
	out := terms
	add := func(t string) {
		if len(out) == len(terms) {
			out = append([]string{}, terms...)
		}
		out = append(out, t)
	}
	for _, t := range terms {
		if strings.HasPrefix(t, "re:") {
			continue
		}
		if strings.Contains(t, "ß") {
			add(strings.ReplaceAll(t, "ß", "ss"))
		}
		for _, p := range swiss {
			if len(p) == 2 && strings.Contains(t, p[0]) {
				v := strings.ReplaceAll(t, p[0], p[1])
				add(v)
				if strings.Contains(v, "ß") {
					add(strings.ReplaceAll(v, "ß", "ss"))
				}
			}
		}
	}
	return out
}

// TestSpeller checks the speller against expanding the sets and spelling
// the whole list, for every term list of the embedded catalog's rules
// and for random lists and sets.
func TestSpeller(t *testing.T) {
	c := catalog.Default()
	sp := newSpeller(c)
	check := func(c *catalog.Catalog, sp *speller, g []string) {
		t.Helper()
		for _, v := range []struct {
			name  string
			pairs [][]string
		}{{"de", c.SwissTerms}, {"en", c.EnglishTerms}} {
			got, want := sp.expand(g, v.name, v.pairs), withSwissSpelling(c.ExpandSets(g), v.pairs)
			if !slices.Equal(got, want) {
				t.Fatalf("%s %q:\n got %q\nwant %q", v.name, g, got, want)
			}
		}
	}
	n := 0
	for _, r := range c.Requirements {
		for _, rule := range r.Rules {
			for _, g := range append(append(slices.Clone(rule.All), rule.Topic...), rule.None, rule.NoneTopic) {
				check(c, sp, g)
				n++
			}
		}
	}
	if n < 100 {
		t.Fatalf("only %d term lists", n)
	}
	words := []string{"verarbeiten", "verarbeitung", "personenbezogene daten", "personenbezogenen daten der", "aufsichtsbehörde",
		"drittland", "drittländer", "maßnahmen", "gemäß verarbeit*", "personal data", "data subject", "re:verarbeit", "x", "",
		"straße", "the data subjects", "*verarbeit*"}
	rng := rand.New(rand.NewSource(3))
	for round := 0; round < 500; round++ {
		fake := &catalog.Catalog{Sets: map[string][]string{},
			SwissTerms:   [][]string{{"verarbeit", "bearbeit"}, {"personenbezogene daten", "personendaten"}, {"drittland", "ausland"}, {"ß", "ss"}, {"x"}},
			EnglishTerms: [][]string{{"personal data", "personal information"}, {"data subject", "data principal"}, {"", "-"}}}
		pick := func() string {
			if rng.Intn(3) == 0 {
				return "@s" + string(rune('a'+rng.Intn(4)))
			}
			return words[rng.Intn(len(words))]
		}
		for i, name := range []string{"sa", "sb", "sc", "sd"} {
			var set []string
			for k := rng.Intn(5); k > 0; k-- {
				w := pick()
				if strings.HasPrefix(w, "@") && w[2] <= byte('a'+i) {
					w = "x" // a set holds only later sets: no cycles
				}
				set = append(set, w)
			}
			fake.Sets[name] = set
		}
		fs := newSpeller(fake)
		for k := 0; k < 5; k++ {
			var g []string
			for j := rng.Intn(6); j > 0; j-- {
				g = append(g, pick())
			}
			check(fake, fs, g)
		}
	}
}
