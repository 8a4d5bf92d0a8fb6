package findings

import (
	"regexp"
	"strings"
	"testing"

	"github.com/art28/art28/internal/prefilter"
)

// TestBlankFormLazyExpressions checks that a form's not, not_line and
// header expressions are checked when the form is compiled, with the
// error regexp.Compile gives, and that those of the embedded playbook
// compile.
func TestBlankFormLazyExpressions(t *testing.T) {
	for _, bad := range []string{`(`, `[a-`, `x{2,1}`, `\p{Nope}`} {
		_, want := regexp.Compile(bad)
		for _, f := range []BlankForm{{Not: bad}, {NotLine: bad}, {Header: bad}} {
			f.ID, f.Regexp, f.Needs = "f", "_{3,}", []string{"___"}
			err := f.compile()
			if err == nil || want == nil || !strings.HasSuffix(err.Error(), want.Error()) {
				t.Errorf("%q: error %v, want one ending in %v", bad, err, want)
			}
		}
	}
	n := 0
	for _, r := range Default().Rules {
		for _, f := range r.Blanks {
			for _, re := range []*prefilter.Regexp{f.not, f.notLine, f.header} {
				if re != nil {
					re.Plain() // compiles it, or panics
					n++
				}
			}
		}
	}
	if n == 0 {
		t.Fatal("no form of the embedded playbook has a not, not_line or header expression")
	}
}
