// Command gen writes the compiled form of the lexicon's word lists
// (internal/lexicon/precomputed.go) from data/words.yaml. Run it with
// `go generate ./internal/lexicon` after changing them.
package main

import (
	"fmt"
	"os"

	"github.com/art28/art28/internal/compiled"
	"github.com/art28/art28/internal/lexicon"
)

func main() {
	if err := compiled.Write("precomputed.go", lexicon.Compile); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}
