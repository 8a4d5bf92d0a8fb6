package report

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/art28/art28/internal/model"
)

// JSON writes one JSON object for a single result and JSON Lines (one
// object per line) for several.
type JSON struct{}

// Write implements Reporter.
func (JSON) Write(w io.Writer, results []*model.Result, _ Options) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	if len(results) == 1 {
		enc.SetIndent("", "  ")
	}
	for _, r := range results {
		if err := enc.Encode(r); err != nil {
			return fmt.Errorf("encode JSON: %w", err)
		}
	}
	return nil
}
