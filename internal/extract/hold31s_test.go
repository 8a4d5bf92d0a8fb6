package extract

import (
	"strings"
	"testing"

	"github.com/art28/art28/internal/corpustest"
)

// TestHold31sExactNames holds the excerpts of testdata/subs/hold31s-de.cases
// (footnotes at the end of the text with an address, companies with an
// address in a running sentence, arrow lines without a marker in either
// direction, bullets with bare names after a "Derzeit sind das:" lead-in)
// to the exact names; the cases without expect lines must give no name.
func TestHold31sExactNames(t *testing.T) {
	checkExactSubNames(t, "hold31s", true, func(c corpustest.Case) bool {
		return strings.Contains(c.Name, "-h31s-")
	})
}
