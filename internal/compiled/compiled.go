// Package compiled writes and reads the compiled JSON forms of the embedded
// YAML knowledge (catalog, findings playbook): the YAML stays the source,
// the JSON decodes several times faster at start-up.
package compiled

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
)

// Encode returns v as one line of JSON without HTML escaping, so the
// compiled file stays byte-for-byte reproducible and readable.
func Encode(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, fmt.Errorf("encode compiled form: %w", err)
	}
	return b.Bytes(), nil
}

// Write writes the output of compile to path; the generators behind
// `go generate` call it.
func Write(path string, compile func() ([]byte, error)) error {
	data, err := compile()
	if err != nil {
		return err
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		return fmt.Errorf("write compiled form: %w", err)
	}
	return nil
}
