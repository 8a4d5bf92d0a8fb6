package eval

import (
	"math"
	"testing"

	"github.com/art28/art28/internal/model"
)

func TestConfusion(t *testing.T) {
	var c Confusion
	// gold present / predicted present pairs; "missing" is the positive class.
	for _, d := range []struct{ gold, pred bool }{{false, false}, {false, false}, {true, false}, {false, true}, {true, true}, {true, true}} {
		c.Add(d.gold, d.pred)
	}
	if c.TP != 2 || c.FP != 1 || c.FN != 1 || c.TN != 2 {
		t.Fatalf("confusion %+v", c)
	}
	near := func(a, b float64) bool { return math.Abs(a-b) < 1e-9 }
	if !near(c.Accuracy(), 4.0/6) || !near(c.Precision(), 2.0/3) || !near(c.Recall(), 2.0/3) {
		t.Errorf("accuracy %v precision %v recall %v", c.Accuracy(), c.Precision(), c.Recall())
	}
	var empty Confusion
	if empty.Precision() != 0 || empty.Accuracy() != 0 {
		t.Error("empty confusion must not divide by zero")
	}
}

func TestUncertainCounts(t *testing.T) {
	var u Uncertain
	for _, d := range []struct {
		v    model.Verdict
		gold bool
	}{
		{model.Verdict{Status: "partial", Uncertain: true}, true},
		{model.Verdict{Status: "partial", Uncertain: true}, false},
		{model.Verdict{Status: "partial"}, true},
		{model.Verdict{Status: "met"}, false},
		{model.Verdict{Status: "partial", Uncertain: true}, true},
	} {
		u.Add(d.v, d.gold)
	}
	if u.N != 3 || u.Present != 2 {
		t.Errorf("uncertain %+v, want 3 verdicts of which 2 present", u)
	}
}

func TestLineOf(t *testing.T) {
	starts := lineOffsets("ab\ncd\n\nef")
	for off, want := range map[int]int{0: 0, 1: 0, 3: 1, 6: 2, 7: 3, 8: 3} {
		if got := lineOf(starts, off); got != want {
			t.Errorf("lineOf(%d) = %d, want %d", off, got, want)
		}
	}
}

func TestProjectCorrectionsValid(t *testing.T) {
	cs, err := ProjectCorrections()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cs {
		if c.Document == "" || c.Label == "" || len(c.Lines) == 0 || c.Reason == "" || (c.Corrected != "present" && c.Corrected != "missing") {
			t.Errorf("incomplete correction %+v: document, label, lines, reason and corrected are required", c)
		}
	}
}
