package document

import (
	"strings"
	"testing"

	"github.com/art28/art28/internal/lexicon"
)

// TestStructureWordsData checks the list of words that open part titles:
// one lower-case word a line, no repeats, and the words the heading tests
// rely on.
func TestStructureWordsData(t *testing.T) {
	seen := map[string]bool{}
	for _, w := range lexicon.Lines(structureWordData) {
		if w != strings.ToLower(w) || strings.ContainsAny(w, " \t§") {
			t.Errorf("structure_words.txt: %q is not one lower-case word", w)
		}
		if seen[w] {
			t.Errorf("structure_words.txt: %q twice", w)
		}
		seen[w] = true
	}
	if len(seen) != len(structureWords) {
		t.Errorf("loaded %d words, the file has %d", len(structureWords), len(seen))
	}
	for _, w := range []string{"teil", "part", "anlage", "annex", "schedule"} {
		if !structureWords[w] {
			t.Errorf("structure word %q missing", w)
		}
	}
	for _, tc := range []struct {
		line string
		want bool
	}{
		{"Teil B: Besondere Bestimmungen", false},
		{"Part 2: Security", false},
		{"Zutrittskontrolle: Chipkarten, Besucherbuch", true},
	} {
		if got := isLabelValue(tc.line); got != tc.want {
			t.Errorf("isLabelValue(%q) = %v, want %v", tc.line, got, tc.want)
		}
	}
}
