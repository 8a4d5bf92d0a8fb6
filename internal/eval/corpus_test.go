package eval

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/art28/art28/internal/analyze"
	"github.com/art28/art28/internal/catalog"
)

// sharedCorpus returns the shared corpus folder beside the repository, or
// skips the test where it is absent.
func sharedCorpus(t *testing.T) string {
	dir := filepath.Join("..", "..", "..", "shared", "corpus")
	if _, err := os.Stat(dir); err != nil {
		t.Skip("../shared/corpus not present")
	}
	return dir
}

// TestSeedBar holds the bar on the German seeds: every status not
// marked debatable equals the expected one.
func TestSeedBar(t *testing.T) {
	dir := sharedCorpus(t)
	rep, err := Seeds(analyze.New(catalog.Default()), filepath.Join(dir, "seeds"))
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rep.Rows {
		if !r.Debatable && r.Want != r.Got {
			t.Errorf("%s %s: got %s, want %s", r.Document[:3], r.ID, r.Got, r.Want)
		}
	}
}

// TestEnglishBar holds the bar on the English corpus with the
// adjudicated corrections: accuracy at least 0.92, precision and recall of
// "missing" at least 0.90.
func TestEnglishBar(t *testing.T) {
	dir := sharedCorpus(t)
	en := filepath.Join(dir, "en-dpa")
	corr, err := LoadCorrections(filepath.Join(en, "corrections.json"))
	if err != nil {
		t.Fatal(err)
	}
	own, err := ProjectEvidenceCorrections()
	if err != nil {
		t.Fatal(err)
	}
	rep, err := English(analyze.New(catalog.Default()), en, corr, own)
	if err != nil {
		t.Fatal(err)
	}
	// The first-citation figure as acceptance.py en-evidence counts it,
	// held to the bar of 0.85 (reached in the sixth evidence pass;
	// see docs/catalog.md); the project's sentence-label corrections can
	// only add hits.
	t.Logf("first cited sentence on a labelled line: %d of %d, %d with the project's %d line corrections",
		rep.FirstOnLabel, rep.FirstScored, rep.FirstOnLabelOwn, len(own))
	if rep.FirstScored < 800 || rep.FirstOnLabel > rep.FirstOnLabelOwn || float64(rep.FirstOnLabel) < 0.85*float64(rep.FirstScored) {
		t.Errorf("first citations %d/%d (own %d): below the bar of 0.85, or not computed", rep.FirstOnLabel, rep.FirstScored, rep.FirstOnLabelOwn)
	}
	c := rep.Corrected
	t.Logf("accuracy %.3f, missing precision %.3f, recall %.3f", c.Accuracy(), c.Precision(), c.Recall())
	if c.Accuracy() < 0.92 || c.Precision() < 0.90 || c.Recall() < 0.90 {
		t.Errorf("below the bar (0.92, 0.90, 0.90): accuracy %.3f, precision %.3f, recall %.3f", c.Accuracy(), c.Precision(), c.Recall())
	}
}
