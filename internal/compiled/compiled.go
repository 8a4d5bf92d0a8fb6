// Package compiled writes the compiled forms of the embedded YAML
// knowledge (catalog, findings playbook, extraction knowledge): the YAML
// stays the source, and the generators behind `go generate` write it
// decoded as Go composite literals (GoSource), which the compiler lays out
// as static data, so that a process decodes nothing at start-up.
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

// Stale reports, as an error naming the go generate command, that the
// file at path is not what compile writes now; tests call it so that a
// changed YAML source without a regenerated compiled form fails.
func Stale(path, generate string, compile func() ([]byte, error)) error {
	want, err := compile()
	if err != nil {
		return err
	}
	got, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("read compiled form: %w", err)
	}
	if string(got) != string(want) {
		return fmt.Errorf("%s is stale: run `go generate %s`", path, generate)
	}
	return nil
}
