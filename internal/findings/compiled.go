package findings

import (
	"fmt"

	"github.com/art28/art28/internal/compiled"
)

// precomputedFile holds the playbook's YAML rules, decoded and validated,
// as a Go composite literal (precomputedRules): the compiler lays it out
// as static data, so a process parses nothing to use it, which matters
// for start-up when art28 runs once per contract. The YAML files stay the
// source; `go generate ./internal/findings` rewrites this file and
// TestCompiledUpToDate fails when it is stale.
const precomputedFile = "precomputed.go"

// Compile returns the compiled form of the embedded YAML playbook: the
// source of precomputedFile.
func Compile() ([]byte, error) {
	p, err := Load(embedded, "data")
	if err != nil {
		return nil, err
	}
	return compiled.GoSource("github.com/art28/art28/internal/findings", "findings", "./gen",
		"precomputedRules are the rules of the embedded playbook (see\nprecomputedFile).",
		"precomputedRules", p.Rules)
}

// loadCompiled returns the precomputed playbook with each rule's patterns
// prepared. The rules are copies: the precomputed ones stay as generated.
func loadCompiled() (*Playbook, error) {
	p := &Playbook{byID: make(map[string]*Rule, len(precomputedRules))}
	for _, src := range precomputedRules {
		r := new(Rule)
		*r = *src
		if err := r.compile(); err != nil {
			return nil, fmt.Errorf("compiled playbook: rule %q: %w", r.ID, err)
		}
		p.byID[r.ID] = r
		p.Rules = append(p.Rules, r)
	}
	return p, nil
}
