package extract

import (
	"regexp"
	"sync"
)

// lazyRegexp returns a function that compiles expr, known to be valid, on
// its first call and returns the same expression on every call. The
// expressions of rarer layouts (a dash or comma definition of a party, a
// page line, a house number) are compiled only by a run whose document
// needs them instead of at the start of every run.
func lazyRegexp(expr string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })
}
