package prefilter

import (
	"reflect"
	"slices"
	"testing"
)

// TestTable checks that the table is sorted and that every stored
// analysis equals the one computed now, which the Regexp would otherwise
// use. (TestTableUpToDate in ./gen checks that the table holds exactly the
// expressions of the embedded knowledge.)
func TestTable(t *testing.T) {
	es := precomputedTable
	if len(es) == 0 {
		t.Fatal("the table is empty: run `go generate ./internal/prefilter/...`")
	}
	if !slices.IsSortedFunc(es, compareEntries) {
		t.Fatal("the table is not sorted: run `go generate ./internal/prefilter/...`")
	}
	for _, e := range es {
		want, err := Analyze(e.Expr, e.Opt)
		if err != nil {
			t.Errorf("%q: %v", e.Expr, err)
			continue
		}
		if !reflect.DeepEqual(e.Analysis, want) {
			t.Errorf("%q (options %d): stored %+v, computed %+v: run `go generate ./internal/prefilter/...`", e.Expr, e.Opt, e.Analysis, want)
		}
		if got := precomputed(e.Expr, e.Opt); got != e.Analysis {
			t.Errorf("%q (options %d): not found in the table", e.Expr, e.Opt)
		}
	}
}

// TestCompileInvalid checks that an invalid expression is rejected and
// not recorded for the table.
func TestCompileInvalid(t *testing.T) {
	if _, err := Compile(`a(`); err == nil {
		t.Fatal("Compile(`a(`) succeeded")
	}
	for _, e := range Registered() {
		if e.Expr == `a(` {
			t.Fatal("an invalid expression was registered")
		}
	}
}
