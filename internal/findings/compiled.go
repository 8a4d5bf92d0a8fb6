package findings

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
)

// compiledFile holds the playbook's YAML rules decoded and validated, as
// JSON: it decodes several times faster, which matters for start-up when
// art28 runs once per contract. The YAML files stay the source;
// `go generate ./internal/findings` rewrites this file and
// TestCompiledUpToDate fails when it is stale.
const compiledFile = "data/compiled.json"

// Compile returns the compiled form of the embedded YAML playbook.
func Compile() ([]byte, error) {
	p, err := Load(embedded, "data")
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(p.Rules); err != nil {
		return nil, fmt.Errorf("encode compiled playbook: %w", err)
	}
	return b.Bytes(), nil
}

// WriteCompiled writes the compiled playbook to path.
func WriteCompiled(path string) error {
	data, err := Compile()
	if err != nil {
		return err
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		return fmt.Errorf("write compiled playbook: %w", err)
	}
	return nil
}

// loadCompiled decodes the embedded compiled playbook and prepares each
// rule's patterns.
func loadCompiled() (*Playbook, error) {
	data, err := embedded.ReadFile(compiledFile)
	if err != nil {
		return nil, fmt.Errorf("read compiled playbook: %w", err)
	}
	var rules []*Rule
	if err := json.Unmarshal(data, &rules); err != nil {
		return nil, fmt.Errorf("decode compiled playbook: %w", err)
	}
	p := &Playbook{byID: map[string]*Rule{}}
	for _, r := range rules {
		if err := r.compile(); err != nil {
			return nil, fmt.Errorf("compiled playbook: rule %q: %w", r.ID, err)
		}
		p.byID[r.ID] = r
		p.Rules = append(p.Rules, r)
	}
	return p, nil
}
