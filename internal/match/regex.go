package match

import (
	"sync"

	"github.com/art28/art28/internal/prefilter"
)

var regexes sync.Map // expression -> *prefilter.Regexp

// compileRegex returns expr with its literal prefilter (which rules out
// most sentences without running the expression), once per process; the
// expression is compiled on first use. It returns nil when expr does not
// compile.
func compileRegex(expr string) *prefilter.Regexp {
	if re, ok := regexes.Load(expr); ok {
		return re.(*prefilter.Regexp)
	}
	re, err := prefilter.Compile(expr)
	if err != nil {
		return nil
	}
	actual, _ := regexes.LoadOrStore(expr, re)
	return actual.(*prefilter.Regexp)
}
