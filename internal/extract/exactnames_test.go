package extract

import (
	"testing"

	"github.com/art28/art28/internal/corpustest"
	"github.com/art28/art28/internal/segment"
)

// checkExactSubNames holds the sub-processor excerpts of testdata/subs
// that selected picks to their exact names, and with withCountry to their
// countries where a case gives one. TestSubprocessorCases matches names loosely ("Fa. X
// GmbH", a name with its register number in brackets or cut after "&"
// passes there); the held-out scoring does not. It logs the figures per
// language under label.
func checkExactSubNames(t *testing.T, label string, withCountry bool, selected func(c corpustest.Case) bool) {
	t.Helper()
	cases, err := corpustest.ReadCases("testdata/subs")
	if err != nil {
		t.Fatal(err)
	}
	type fig struct{ want, exact, extra int }
	figs := map[string]*fig{}
	for _, c := range cases {
		if !selected(c) {
			continue
		}
		lang := caseLang(c)
		g := figs[lang]
		if g == nil {
			g = &fig{}
			figs[lang] = g
		}
		doc := caseDoc(t, c)
		f, err := Extract(Input{Doc: doc, Sentences: segment.Split(doc), Lang: lang})
		if err != nil {
			t.Fatal(err)
		}
		used := make([]bool, len(f.Subprocessors))
		for _, w := range c.Subs {
			g.want++
			found := false
			for i, s := range f.Subprocessors {
				if !used[i] && s.Name == w[0] && (!withCountry || w[1] == "" || s.Country == w[1]) {
					used[i], found = true, true
					break
				}
			}
			if found {
				g.exact++
			} else if why, ok := knownCaseGaps[c.Name]; ok {
				t.Logf("known gap, %s: %s: %q (%s) not read exactly", why, c.Name, w[0], w[1])
			} else {
				t.Errorf("%s: %q (%s) not read exactly", c.Name, w[0], w[1])
			}
		}
		for i, s := range f.Subprocessors {
			if !used[i] {
				g.extra++
				if why, ok := knownCaseGaps[c.Name]; ok {
					t.Logf("known gap, %s: %s: %q (%s) read", why, c.Name, s.Name, s.Country)
					continue
				}
				t.Errorf("%s: %q (%s) read", c.Name, s.Name, s.Country)
			}
		}
	}
	for lang, g := range figs {
		p, r := 0.0, 0.0
		if g.exact+g.extra > 0 {
			p = float64(g.exact) / float64(g.exact+g.extra)
		}
		if g.want > 0 {
			r = float64(g.exact) / float64(g.want)
		}
		f1 := 0.0
		if p+r > 0 {
			f1 = 2 * p * r / (p + r)
		}
		t.Logf("%s %s: %d of %d names exact, %d other names (F1 %.3f)", label, lang, g.exact, g.want, g.extra, f1)
	}
}
