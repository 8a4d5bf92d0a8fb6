package analyze

import (
	"fmt"
	"testing"

	"github.com/art28/art28/internal/catalog"
	"github.com/art28/art28/internal/document"
)

// TestCatalogExamples runs every test clause of the catalog through the
// whole pipeline and checks the status of its requirement, like gitleaks
// checks each rule against the examples it ships.
func TestCatalogExamples(t *testing.T) {
	c, err := catalog.WithExamples()
	if err != nil {
		t.Fatal(err)
	}
	a := New(c)
	for _, r := range c.Requirements {
		for i, ex := range r.Examples {
			t.Run(fmt.Sprintf("%s/%s/%d", r.ID, ex.Lang, i+1), func(t *testing.T) {
				doc := document.ParseText("example.txt", "text", ex.Text)
				res := a.Analyze(doc, []byte(ex.Text), Options{Lang: ex.Lang})
				for _, v := range res.Requirements {
					if v.ID != r.ID {
						continue
					}
					if v.Status != string(ex.Status) {
						t.Errorf("%q\n got %s (rules %v), want %s", ex.Text, v.Status, v.Rules, ex.Status)
					}
					return
				}
				t.Fatalf("requirement %s not in result", r.ID)
			})
		}
	}
}

// TestCatalogExamplesCoverage requires positive and negative test clauses
// in both languages for every mandatory requirement.
func TestCatalogExamplesCoverage(t *testing.T) {
	c, err := catalog.WithExamples()
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range c.Requirements {
		for _, l := range catalog.Languages {
			pos, neg := 0, 0
			for _, ex := range r.Examples {
				if ex.Lang != l {
					continue
				}
				if ex.Status == catalog.Missing {
					neg++
				} else {
					pos++
				}
			}
			if r.Level == catalog.Mandatory && (pos == 0 || neg == 0) {
				t.Errorf("%s/%s: %d positive and %d negative examples; want at least one of each", r.ID, l, pos, neg)
			}
		}
	}
}
