package report

import (
	"fmt"
	"io"

	"github.com/art28/art28/internal/model"
)

// JSON writes one JSON object for a single result and JSON Lines (one
// object per line) for several.
type JSON struct{}

// Write implements Reporter.
func (JSON) Write(w io.Writer, results []*model.Result, _ Options) error {
	enc := newJSONStream(w, len(results) == 1)
	for _, r := range results {
		if err := enc.encode(r); err != nil {
			return fmt.Errorf("encode JSON: %w", err)
		}
	}
	return nil
}
