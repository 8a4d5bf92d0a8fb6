package findings_test

import (
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/art28/art28/internal/analyze"
	"github.com/art28/art28/internal/catalog"
	"github.com/art28/art28/internal/input"
)

// TestSeedFindings pins the findings on the five seed contracts, which
// docs/findings-seeds.md explains one by one. It is skipped when the shared
// corpus is not present.
func TestSeedFindings(t *testing.T) {
	want := map[string][]string{
		"000": {"breach-notice-no-deadline", "cost-audits", "outdated-adv-term", "template-blank-party", "template-drafting-note", "toms-generic-examples"},
		"001": {"breach-notice-no-deadline", "controller-security-duties", "cost-assistance", "cost-audits", "cost-instructions", "objection-right-missing", "outdated-adv-term", "outdated-bdsg-terms", "subprocessor-list-web-only"},
		"002": {"breach-notice-no-deadline", "cost-assistance", "cost-audits", "outdated-adv-term"},
		"003": {"breach-notice-no-deadline", "cost-assistance", "instructions-refusal", "outdated-bdsg-terms", "outdated-datengeheimnis", "structure-duplicate-section", "structure-missing-section"},
		"004": {"amend-unilaterally", "controller-deletes-before-end", "cost-assistance", "instructions-refusal", "objection-only-for-reasons", "outdated-ttdsg"},
	}
	files, _ := filepath.Glob("../../../shared/corpus/seeds/*.txt")
	if len(files) == 0 {
		t.Skip("shared corpus not present")
	}
	a := analyze.New(catalog.Default())
	for _, f := range files {
		key := filepath.Base(f)[:3]
		doc, raw, err := input.Read(f, input.Options{})
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		res := a.Analyze(doc, raw, analyze.Options{})
		var got []string
		for _, fd := range res.Findings {
			got = append(got, fd.ID)
			if len(fd.Evidence) == 0 {
				t.Errorf("%s: %s without evidence", key, fd.ID)
			}
			for _, e := range fd.Evidence {
				if doc.Text[e.Start:e.End] != e.Text {
					t.Errorf("%s: %s: evidence does not match its offsets", key, fd.ID)
				}
			}
		}
		sort.Strings(got)
		if strings.Join(got, " ") != strings.Join(want[key], " ") {
			t.Errorf("seed %s:\n got  %v\n want %v", key, got, want[key])
		}
	}
}
