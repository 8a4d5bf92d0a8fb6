package prefilter

import (
	"bytes"
	"cmp"
	_ "embed"
	"encoding/json"
	"fmt"
	"slices"
	"sync"
)

//go:generate go run ./gen

// tableFile is the embedded table of precomputed analyses, written by
// `go generate ./internal/prefilter/...`; the tests in ./gen fail when it
// is stale.
//
//go:embed data/precomputed.json
var tableFile []byte

// Entry is one row of the table of precomputed analyses: an expression,
// its options and its analysis.
type Entry struct {
	Expr     string    `json:"expr"`
	Opt      Option    `json:"opt,omitempty"`
	Analysis *Analysis `json:"analysis"`
}

// table returns the embedded entries, sorted by expression and options,
// decoded on first use. A table that does not decode (a build defect the
// tests catch) counts as empty: every expression is then analysed as it
// is first used.
var table = sync.OnceValue(func() []Entry {
	var es []Entry
	if err := json.Unmarshal(tableFile, &es); err != nil {
		return nil
	}
	if !slices.IsSortedFunc(es, compareEntries) {
		return nil
	}
	return es
})

func compareEntries(a, b Entry) int {
	return cmp.Or(cmp.Compare(a.Expr, b.Expr), cmp.Compare(a.Opt, b.Opt))
}

// precomputed returns the embedded analysis of expr with options opt, or
// nil.
func precomputed(expr string, opt Option) *Analysis {
	es := table()
	i, ok := slices.BinarySearchFunc(es, Entry{Expr: expr, Opt: opt}, compareEntries)
	if !ok || es[i].Analysis == nil {
		return nil
	}
	return es[i].Analysis
}

// registry records the expression and options of every Regexp created,
// so that the generator of the table finds them.
var registry struct {
	mu   sync.Mutex
	keys []Entry // without analysis
}

func register(expr string, opt Option) {
	registry.mu.Lock()
	registry.keys = append(registry.keys, Entry{Expr: expr, Opt: opt})
	registry.mu.Unlock()
}

// Registered returns the expressions and options (without analyses) of
// every Regexp created so far by MustCompile or Compile, sorted and
// without duplicates.
func Registered() []Entry {
	registry.mu.Lock()
	es := slices.Clone(registry.keys)
	registry.mu.Unlock()
	slices.SortFunc(es, compareEntries)
	return slices.CompactFunc(es, func(a, b Entry) bool { return compareEntries(a, b) == 0 })
}

// Table returns the table of analyses of every expression created so far
// (see Registered) as the embedded file holds it: one JSON array, one
// entry a line, sorted, so the output is deterministic. The generator
// writes it after creating every expression of the embedded knowledge.
func Table() ([]byte, error) {
	var b, line bytes.Buffer
	enc := json.NewEncoder(&line)
	enc.SetEscapeHTML(false)
	b.WriteString("[\n")
	for i, e := range Registered() {
		a, err := Analyze(e.Expr, e.Opt)
		if err != nil {
			return nil, fmt.Errorf("prefilter: analyse %q: %w", e.Expr, err)
		}
		e.Analysis = a
		line.Reset()
		if err := enc.Encode(e); err != nil {
			return nil, fmt.Errorf("prefilter: encode %q: %w", e.Expr, err)
		}
		if i > 0 {
			b.WriteString(",\n")
		}
		b.Write(bytes.TrimSuffix(line.Bytes(), []byte("\n")))
	}
	b.WriteString("\n]\n")
	return b.Bytes(), nil
}
