package analyze

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/art28/art28/internal/document"
	"github.com/art28/art28/internal/model"
)

// writtenExpectation is what a reviewer reads in one of the project's own
// test contracts (testdata/written): statuses ("present" accepts met or
// partial where reviewers differ), the parties and the sub-processors.
type writtenExpectation struct {
	Statuses      map[string]string `json:"statuses"`
	Processor     *string           `json:"processor"`
	Controller    *string           `json:"controller"`
	Subprocessors []string          `json:"subprocessors"`
}

// TestWrittenContracts runs whole contracts the developers wrote in styles
// the shared corpus lacks (a US SaaS addendum with defined terms, UK terms
// with a registered office, a utility's AVV, a startup's page in the
// wir/Sie voice, the German standard clauses) and compares every
// requirement, the parties and the sub-processors with a reviewer's reading.
// They were written to find rules that fit only the corpus; they are no
// substitute for held-out contracts.
func TestWrittenContracts(t *testing.T) {
	files, err := filepath.Glob("testdata/written/*.txt")
	md, err2 := filepath.Glob("testdata/written/*.md")
	files = append(files, md...)
	if err != nil || err2 != nil || len(files) == 0 {
		t.Fatalf("no written contracts: %v %v", err, err2)
	}
	a, err := NewDefault()
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		ext := filepath.Ext(f)
		format := "text"
		if ext == ".md" {
			format = "markdown"
		}
		name := strings.TrimSuffix(filepath.Base(f), ext)
		t.Run(name, func(t *testing.T) {
			raw, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			var want writtenExpectation
			b, err := os.ReadFile(strings.TrimSuffix(f, ext) + ".expected.json")
			if err != nil {
				t.Fatal(err)
			}
			if err := json.Unmarshal(b, &want); err != nil {
				t.Fatal(err)
			}
			res := a.Analyze(document.ParseText(filepath.Base(f), format, string(raw)), raw, Options{})
			if len(res.Requirements) != len(want.Statuses) {
				t.Errorf("%d requirements, %d expected", len(res.Requirements), len(want.Statuses))
			}
			for _, v := range res.Requirements {
				w, ok := want.Statuses[v.ID]
				switch {
				case !ok:
					t.Errorf("%s: no expectation", v.ID)
				case w == "present" && (v.Status == "met" || v.Status == "partial"):
				case v.Status != w:
					t.Errorf("%s: %s (rules %v), want %s", v.ID, v.Status, v.Rules, w)
				}
			}
			checkParty(t, "processor", res.Parties.Processor, want.Processor)
			checkParty(t, "controller", res.Parties.Controller, want.Controller)
			var got []string
			for _, s := range res.Subprocessors {
				got = append(got, s.Name)
			}
			if strings.Join(got, "|") != strings.Join(want.Subprocessors, "|") {
				t.Errorf("sub-processors %q, want %q", got, want.Subprocessors)
			}
		})
	}
}

func checkParty(t *testing.T, role string, got *model.Party, want *string) {
	t.Helper()
	switch {
	case want == nil && got != nil:
		t.Errorf("%s %q, want none", role, got.Name)
	case want != nil && got == nil:
		t.Errorf("%s none, want %q", role, *want)
	case want != nil && got.Name != *want:
		t.Errorf("%s %q, want %q", role, got.Name, *want)
	}
}
