package check

import (
	"bytes"
	"os"
	"reflect"
	"testing"

	"github.com/art28/art28/internal/catalog"
	"github.com/art28/art28/internal/match"
)

// TestPrecomputedTables checks the embedded catalog's precomputed checker
// (precomputed.go) against building it: the same tables, and no term the
// preloaded table lacks. It fails when the catalog or the code that builds
// a checker changed without `go generate ./internal/catalog`.
func TestPrecomputedTables(t *testing.T) {
	const regen = "run `go generate ./internal/catalog`"
	if precomputedChecker == nil {
		t.Skip("built without precomputed tables")
	}
	c := catalog.Default()
	if precomputedChecker.digest != catalog.Digest() {
		t.Fatalf("precomputed.go is for another catalog: %s", regen)
	}
	n := match.RegisteredCount()
	built := build(c)
	if m := match.RegisteredCount(); m != n {
		t.Fatalf("building the checker registered %d terms the preloaded table lacks: %s", m-n, regen)
	}
	got := tablesOf(built)
	got.digest = catalog.Digest()
	if !reflect.DeepEqual(got, precomputedChecker) {
		t.Fatalf("precomputed.go differs from the built checker: %s", regen)
	}
	src, err := tablesSource("../check/gen", got)
	if err != nil {
		t.Fatal(err)
	}
	if file, err := os.ReadFile("precomputed.go"); err != nil || !bytes.Equal(file, src) {
		t.Fatalf("precomputed.go is not what the generator writes (%v): %s", err, regen)
	}
	// New uses the tables, and the checker it returns is the built one.
	ch := New(c)
	if !reflect.DeepEqual(ch.rules, built.rules) || !reflect.DeepEqual(ch.reqTerms, built.reqTerms) ||
		!reflect.DeepEqual(ch.groups, built.groups) || !reflect.DeepEqual(ch.costs, built.costs) ||
		!reflect.DeepEqual(ch.cite, built.cite) || !reflect.DeepEqual(ch.actors, built.actors) {
		t.Fatal("New's checker differs from the built one")
	}
	if &ch.groups[0][0] != &precomputedChecker.groups[0][0] {
		t.Fatal("New did not use the precomputed tables")
	}
}

// TestOtherCatalogBuilt checks that a catalog other than the embedded one
// gets a checker built from its own rules.
func TestOtherCatalogBuilt(t *testing.T) {
	c, err := catalog.Load(os.DirFS("../catalog"), "data")
	if err != nil {
		t.Fatal(err)
	}
	ch := New(c)
	if len(ch.groups) > 0 && precomputedChecker != nil && &ch.groups[0][0] == &precomputedChecker.groups[0][0] {
		t.Fatal("a loaded catalog used the embedded catalog's tables")
	}
	if len(ch.rules) == 0 {
		t.Fatal("no rules")
	}
}
