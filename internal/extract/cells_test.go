package extract

import (
	"strings"
	"testing"
)

// TestCellsPipeTest checks that cells, which seeks " | " only in a line
// holding a pipe, splits exactly the lines with a tab, an outer pipe or a
// " | " between cells, and no others.
func TestCellsPipeTest(t *testing.T) {
	for _, line := range []string{
		"Auftraggeber | Auftragnehmer",
		"| Controller | Processor |",
		"Name\tAnschrift",
		"a|b c | d",
		"a|b",
		"Muster GmbH, Weg 1",
		"x |y",
		"",
		"|",
	} {
		split := strings.Contains(line, "\t") || strings.HasPrefix(line, "|") || strings.Contains(line, " | ")
		if got := cells(line); (got != nil) != split {
			t.Errorf("cells(%q) = %v, want a split: %v", line, got, split)
		}
	}
}
