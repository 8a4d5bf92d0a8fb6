package findings

import (
	"encoding/json"
	"fmt"

	"github.com/art28/art28/internal/compiled"
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
	return compiled.Encode(p.Rules)
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
