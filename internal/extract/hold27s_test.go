package extract

import (
	"strings"
	"testing"

	"github.com/art28/art28/internal/corpustest"
)

// TestHold27sExactNames holds the excerpts of testdata/subs/hold27s.cases
// (footnote lists, wrapped names in a layout column, entries marked as
// removed in a change log, English sentences each naming one
// sub-processor) to the exact names and countries.
func TestHold27sExactNames(t *testing.T) {
	checkExactSubNames(t, "hold27s", true, func(c corpustest.Case) bool {
		return strings.Contains(c.Name, "-h27s-")
	})
}
