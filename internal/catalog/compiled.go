package catalog

import (
	"github.com/art28/art28/internal/compiled"
)

// precomputedFile holds the catalog's YAML, decoded and validated, as a Go
// composite literal (precomputedCatalog): the compiler lays it out as
// static data, so a process neither parses nor allocates anything to use
// it, which matters for start-up when art28 runs once per contract. The
// YAML files stay the source; `go generate ./internal/catalog` rewrites
// this file and TestCompiledUpToDate fails when it is stale.
const precomputedFile = "precomputed.go"

// Compile returns the compiled form of the embedded YAML catalog (without
// test clauses): the source of precomputedFile.
func Compile() ([]byte, error) {
	c, err := load(embedded, "data", false)
	if err != nil {
		return nil, err
	}
	return compiled.GoSource("github.com/art28/art28/internal/catalog", "catalog", "./gen",
		"precomputedCatalog is the embedded catalog without test clauses (see\nprecomputedFile).",
		"precomputedCatalog", c)
}

// loadCompiled returns the precomputed catalog with its index by id.
func loadCompiled() *Catalog {
	c := precomputedCatalog
	c.byID = make(map[string]*Requirement, len(c.Requirements))
	for _, r := range c.Requirements {
		c.byID[r.ID] = r
	}
	return c
}
