//go:build art28gen

// Command gen writes the precomputed checker of the embedded catalog
// (internal/check/precomputed.go) and the term table it refers to
// (internal/match/preloaded.go). `go generate ./internal/catalog` runs it
// after writing the catalog's compiled form, from internal/catalog, with
// the tag art28gen (under which nothing is preloaded).
package main

import (
	"fmt"
	"os"

	"github.com/art28/art28/internal/check"
)

func main() {
	tables, terms, err := check.WritePrecomputed("../check/gen")
	if err == nil {
		err = os.WriteFile("../check/precomputed.go", tables, 0o644)
	}
	if err == nil {
		err = os.WriteFile("../match/preloaded.go", terms, 0o644)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "check/gen:", err)
		os.Exit(1)
	}
}
