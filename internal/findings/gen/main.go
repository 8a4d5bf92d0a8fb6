// Command gen writes the compiled form of the findings playbook
// (internal/findings/precomputed.go) from its YAML files. Run it with
// `go generate ./internal/findings` after changing the playbook.
package main

import (
	"fmt"
	"os"

	"github.com/art28/art28/internal/compiled"
	"github.com/art28/art28/internal/findings"
)

func main() {
	if err := compiled.Write("precomputed.go", findings.Compile); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}
