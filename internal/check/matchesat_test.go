package check

import (
	"path/filepath"
	"testing"

	"github.com/art28/art28/internal/catalog"
	"github.com/art28/art28/internal/corpustest"
	"github.com/art28/art28/internal/input"
	"github.com/art28/art28/internal/lang"
	"github.com/art28/art28/internal/segment"
)

// TestMatchesAt checks that matchesAt, which decides a rule for one
// sentence with terms looked up in that sentence only, agrees with
// Matches for every rule and sentence of the corpus and the written
// contracts. matchesAt runs first, before any rule's groups are known.
func TestMatchesAt(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	files := corpustest.Texts(t)
	written, _ := filepath.Glob("../analyze/testdata/written/*.txt")
	md, _ := filepath.Glob("../analyze/testdata/written/*.md")
	files = append(append(files, written...), md...)
	if len(written)+len(md) == 0 {
		t.Fatal("no written contracts")
	}
	ch := New(catalog.Default())
	for _, f := range files {
		doc, _, err := input.Read(f, input.Options{})
		if err != nil {
			t.Fatal(err)
		}
		l := lang.Detect(doc.Text)
		if l != "de" {
			l = "en"
		}
		in := ch.Prepare(doc, segment.Split(doc), l)
		type key struct {
			rule *catalog.Rule
			i    int
		}
		at := map[key]bool{}
		for _, r := range ch.cat.Requirements {
			for _, rule := range r.Rules {
				for i := range in.Sentences {
					if ch.matchesAt(in, rule, i) {
						at[key{rule, i}] = true
					}
				}
			}
		}
		n := 0
		for _, r := range ch.cat.Requirements {
			for _, rule := range r.Rules {
				hits := ch.Matches(in, rule)
				for i := range in.Sentences {
					if want := containsSorted(hits, i); at[key{rule, i}] != want {
						t.Errorf("%s: %s/%s sentence %d: matchesAt %v, Matches %v", filepath.Base(f), r.ID, rule.Name, i, !want, want)
					}
				}
				n += len(hits)
			}
		}
		if n == 0 {
			t.Errorf("%s: no rule matched", f)
		}
		in.Index.Release()
	}
}
