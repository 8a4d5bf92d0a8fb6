// Command gen writes the compiled form of the extraction knowledge
// (internal/extract/precomputed.go) from its YAML files. Run it with
// `go generate ./internal/extract` after changing them.
package main

import (
	"fmt"
	"os"

	"github.com/art28/art28/internal/compiled"
	"github.com/art28/art28/internal/extract"
)

func main() {
	if err := compiled.Write("precomputed.go", extract.Compile); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}
