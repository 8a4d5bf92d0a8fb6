package prefilter

import (
	"cmp"
	"slices"
	"sync"
)

//go:generate go run ./gen

// Entry is one row of the table of precomputed analyses: an expression,
// its options and its analysis (nil in the keys Registered returns).
type Entry struct {
	Expr     string
	Opt      Option
	Analysis *Analysis
}

func compareEntries(a, b Entry) int {
	return cmp.Or(cmp.Compare(a.Expr, b.Expr), cmp.Compare(a.Opt, b.Opt))
}

// precomputed returns the precomputed analysis of expr with options opt,
// or nil.
//
// precomputedTable (precomputed.go) holds the analyses of the expressions
// of the embedded knowledge, sorted by expression and options. It is
// written by `go generate ./internal/prefilter/...`, and the tests in ./gen
// fail when it is stale. It is static data: a process neither decodes nor
// initialises anything to use it. An entry out of order (a defect
// TestTable catches) is merely not found: its expression is then analysed
// as it is first used.
func precomputed(expr string, opt Option) *Analysis {
	es := precomputedTable
	i, ok := slices.BinarySearchFunc(es, Entry{Expr: expr, Opt: opt}, compareEntries)
	if !ok || es[i].Analysis == nil {
		return nil
	}
	return es[i].Analysis
}

// registry records the expression and options of every Regexp created,
// so that the generator of the table finds them. Each distinct pair is
// kept once, so the registry grows with the distinct expressions, not with
// every compilation.
var registry struct {
	mu   sync.Mutex
	keys map[registryKey]bool
}

type registryKey struct {
	expr string
	opt  Option
}

func register(r *Regexp) {
	registry.mu.Lock()
	if registry.keys == nil {
		registry.keys = map[registryKey]bool{}
	}
	registry.keys[registryKey{r.expr, r.opt}] = true
	registry.mu.Unlock()
}

// Registered returns the expressions and options (without analyses) of
// every Regexp created so far by MustCompile or Compile, sorted by
// expression and options and without duplicates: the keys of the table
// the generator writes (with Analyze) to precomputed.go.
func Registered() []Entry {
	registry.mu.Lock()
	es := make([]Entry, 0, len(registry.keys))
	for k := range registry.keys {
		es = append(es, Entry{Expr: k.expr, Opt: k.opt})
	}
	registry.mu.Unlock()
	slices.SortFunc(es, compareEntries)
	return es
}
