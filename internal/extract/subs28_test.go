package extract

import (
	"strings"
	"testing"

	"github.com/art28/art28/internal/corpustest"
)

// TestSubs28ExactNames holds the excerpts of testdata/subs/subs28-de.cases
// and subs28-en.cases (sub-processor lists read by their structure: id
// lines, arrows, footnotes, wrapped columns, semicolon lists, nested
// bullets, name blocks, names without legal form in lists) to the exact
// names and countries.
func TestSubs28ExactNames(t *testing.T) {
	checkExactSubNames(t, "subs28", true, func(c corpustest.Case) bool {
		return strings.Contains(c.Name, "-s28-")
	})
}
