package eval

import (
	_ "embed"
	"encoding/json"
	"fmt"
)

//go:embed data/label-corrections.json
var projectCorrections []byte

// ProjectCorrections returns the project's own label corrections.
func ProjectCorrections() ([]Correction, error) {
	var f correctionFile
	if err := json.Unmarshal(projectCorrections, &f); err != nil {
		return nil, fmt.Errorf("project corrections: %w", err)
	}
	return f.Corrections, nil
}
