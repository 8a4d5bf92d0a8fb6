package catalog

import (
	"encoding/json"
	"fmt"

	"github.com/art28/art28/internal/compiled"
)

// compiledFile is the catalog's YAML, decoded and validated, stored as
// JSON: decoding it takes a fraction of the time YAML takes, which matters
// for start-up when art28 runs once per contract. The YAML files stay the
// source; `go generate ./internal/catalog` rewrites this file and
// TestCompiledUpToDate fails when it is stale.
const compiledFile = "data/compiled.json"

// Compile returns the compiled form of the embedded YAML catalog (without
// test clauses).
func Compile() ([]byte, error) {
	c, err := load(embedded, "data", false)
	if err != nil {
		return nil, err
	}
	return compiled.Encode(c)
}

// loadCompiled decodes the embedded compiled catalog.
func loadCompiled() (*Catalog, error) {
	data, err := embedded.ReadFile(compiledFile)
	if err != nil {
		return nil, fmt.Errorf("read compiled catalog: %w", err)
	}
	var c Catalog
	if err := json.Unmarshal(data, &c); err != nil {
		return nil, fmt.Errorf("decode compiled catalog: %w", err)
	}
	c.byID = map[string]*Requirement{}
	for _, r := range c.Requirements {
		c.byID[r.ID] = r
	}
	return &c, nil
}
