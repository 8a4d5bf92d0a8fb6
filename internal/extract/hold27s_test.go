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

// TestMayOpenWithFootnoteMark checks the cheap line test that guards
// the footnote expression: every line whose trimmed form the expression
// reads as a superscript or "[n]" mark must pass, and lines opening with
// an ASCII letter, digit or "*" are spared the expression.
func TestMayOpenWithFootnoteMark(t *testing.T) {
	for _, c := range []struct {
		line string
		want bool
	}{
		{"¹ Hosting: X GmbH", true},
		{"  ² E-Mail: Y AB", true},
		{"\t[3] Z Ltd", true},
		{"⁴ W Oy", true},
		{"\u00a0¹ V GmbH", true},
		{"Ä Hinweis", true},
		{"[x] angekreuzt", true},
		{"* Stand: Mai", false},
		{"Rechenzentrum: X GmbH", false},
		{"1. X GmbH", false},
		{"", false},
		{"   ", false},
	} {
		if got := mayOpenWithFootnoteMark(c.line); got != c.want {
			t.Errorf("%q: got %v, want %v", c.line, got, c.want)
		}
		trimmed := strings.TrimSpace(c.line)
		if reFootnoteMark.MatchString(trimmed) && !strings.HasPrefix(trimmed, "*") && !mayOpenWithFootnoteMark(c.line) {
			t.Errorf("%q: the expression reads a mark the test rejects", c.line)
		}
	}
}
