// Command gen writes the compiled form of the requirement catalog
// (internal/catalog/data/compiled.json) from its YAML files. Run it with
// `go generate ./internal/catalog` after changing the catalog.
package main

import (
	"fmt"
	"os"

	"github.com/art28/art28/internal/catalog"
)

func main() {
	if err := catalog.WriteCompiled("data/compiled.json"); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}
