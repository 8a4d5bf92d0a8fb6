package catalog

import (
	"crypto/sha256"
	"fmt"

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
	src, err := compiled.GoSource("github.com/art28/art28/internal/catalog", "catalog", "./gen",
		"precomputedCatalog is the embedded catalog without test clauses (see\nprecomputedFile).",
		"precomputedCatalog", c)
	if err != nil {
		return nil, err
	}
	return fmt.Appendf(src, "\n// precomputedDigest is the SHA-256 digest of precomputedCatalog's source\n"+
		"// above (see Digest).\nconst precomputedDigest = \"%x\"\n", sha256.Sum256(src)), nil
}

// Digest identifies the embedded catalog: the digest of its compiled form.
// Tables computed from the catalog at go generate time (the checker's,
// internal/check/precomputed.go) record it, so that they are used only
// with the catalog they were computed from.
func Digest() string { return precomputedDigest }

// loadCompiled returns the precomputed catalog with its index by id.
func loadCompiled() *Catalog {
	c := precomputedCatalog
	c.byID = make(map[string]*Requirement, len(c.Requirements))
	for _, r := range c.Requirements {
		c.byID[r.ID] = r
	}
	return c
}
