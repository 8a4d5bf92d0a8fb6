package extract

import (
	"strings"
	"testing"

	"github.com/art28/art28/internal/corpustest"
)

// TestSubs27ExactNames holds the excerpts of testdata/subs/subs27-*.cases
// (German layouts and wordings nobody had tuned for: sentences, footnotes,
// defined terms, service-first lines, lit./Roman/letter numbering, layout
// columns, foreign legal forms) to the exact names and countries.
func TestSubs27ExactNames(t *testing.T) {
	checkExactSubNames(t, "subs27", true, func(c corpustest.Case) bool {
		return strings.Contains(c.Name, "-s27-")
	})
}
