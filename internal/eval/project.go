package eval

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
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

// ProjectEvidenceCorrections returns the project's corrections of the
// English sentence labels: lines that establish a requirement but carry no
// label (the "en-evidence" list). They count only for the first-citation
// figure, printed beside the one with the shared corrections alone.
func ProjectEvidenceCorrections() ([]Correction, error) {
	var f struct {
		Lines []Correction `json:"en-evidence"`
	}
	if err := json.Unmarshal(projectCorrections, &f); err != nil {
		return nil, fmt.Errorf("project corrections: %w", err)
	}
	return f.Lines, nil
}

// FieldCorrection is a project correction of a de-dev style label file:
// the value at Field (a dotted path into the labels, such as
// "requirements.audits" or "subprocessors") is replaced by Corrected.
// Lines are the lines of the text that prove the correction.
type FieldCorrection struct {
	Document  string          `json:"document"`
	Field     string          `json:"field"`
	Gold      json.RawMessage `json:"gold,omitempty"`
	Corrected json.RawMessage `json:"corrected"`
	Lines     []int           `json:"lines"`
	Reason    string          `json:"reason"`
}

// ProjectFieldCorrections returns the project's corrections of the de-dev
// labels.
func ProjectFieldCorrections() ([]FieldCorrection, error) {
	var f struct {
		DeDev []FieldCorrection `json:"de-dev"`
	}
	if err := json.Unmarshal(projectCorrections, &f); err != nil {
		return nil, fmt.Errorf("project corrections: %w", err)
	}
	return f.DeDev, nil
}

// decodeLabels decodes a label file after applying the corrections that
// name its document (the file name without extension).
func decodeLabels(data []byte, name string, corrections []FieldCorrection) (*LabelledDoc, error) {
	var tree map[string]any
	if err := json.Unmarshal(data, &tree); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	file, _ := tree["file"].(string)
	doc := strings.TrimSuffix(file, filepath.Ext(file))
	for _, c := range corrections {
		if c.Document != doc {
			continue
		}
		var v any
		if err := json.Unmarshal(c.Corrected, &v); err != nil {
			return nil, fmt.Errorf("correction %s %s: %w", c.Document, c.Field, err)
		}
		if err := setPath(tree, strings.Split(c.Field, "."), v); err != nil {
			return nil, fmt.Errorf("correction %s %s: %w", c.Document, c.Field, err)
		}
	}
	fixed, err := json.Marshal(tree)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	var lab LabelledDoc
	if err := json.Unmarshal(fixed, &lab); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return &lab, nil
}

func setPath(tree map[string]any, path []string, v any) error {
	for len(path) > 1 {
		next, ok := tree[path[0]].(map[string]any)
		if !ok {
			return fmt.Errorf("no object at %q", path[0])
		}
		tree, path = next, path[1:]
	}
	tree[path[0]] = v
	return nil
}
