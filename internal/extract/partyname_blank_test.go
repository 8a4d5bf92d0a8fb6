package extract

import (
	"regexp"
	"testing"
)

// TestBlankRun compares blankRun with the expression it stands for.
func TestBlankRun(t *testing.T) {
	re := regexp.MustCompile(`_{3,}|\.{4,}|…{2,}`)
	for _, s := range []string{"", "__", "___", "a____b", "...", "....", "x.....", "…", "……", "… …", "Muster GmbH", "_ _ _", "..…"} {
		if got, want := blankRun(s), re.MatchString(s); got != want {
			t.Errorf("blankRun(%q) = %v, want %v", s, got, want)
		}
	}
}
