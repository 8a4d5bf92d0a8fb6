// Command gen writes the compiled form of the requirement catalog
// (internal/catalog/precomputed.go) from its YAML files. Run it with
// `go generate ./internal/catalog` after changing the catalog.
package main

import (
	"fmt"
	"os"

	"github.com/art28/art28/internal/catalog"
	"github.com/art28/art28/internal/compiled"
)

func main() {
	if err := compiled.Write("precomputed.go", catalog.Compile); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}
