package schema

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/art28/art28/internal/analyze"
	"github.com/art28/art28/internal/catalog"
	"github.com/art28/art28/internal/input"
	"github.com/art28/art28/internal/model"
	"github.com/art28/art28/internal/report"
)

func compile(t *testing.T) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(Result))
	if err != nil {
		t.Fatalf("result.schema.json: %v", err)
	}
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	if err := c.AddResource("result.schema.json", doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile("result.schema.json")
	if err != nil {
		t.Fatalf("compile schema: %v", err)
	}
	return s
}

// analyzeFiles runs the pipeline on files and writes them with the JSON
// reporter, as 'art28 check --format json' does.
func analyzeFiles(t *testing.T, files []string) []byte {
	t.Helper()
	a := analyze.New(catalog.Default())
	var results []*model.Result
	for _, f := range files {
		doc, raw, err := input.Read(f, input.Options{})
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		results = append(results, a.Analyze(doc, raw, analyze.Options{}))
	}
	var buf bytes.Buffer
	if err := (report.JSON{}).Write(&buf, results, report.Options{}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// validateLines validates each JSON Lines object of out and returns how
// many there were.
func validateLines(t *testing.T, s *jsonschema.Schema, out []byte) int {
	t.Helper()
	n := 0
	dec := json.NewDecoder(bytes.NewReader(out))
	for dec.More() {
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			t.Fatalf("decode output: %v", err)
		}
		v, err := jsonschema.UnmarshalJSON(bytes.NewReader(raw))
		if err != nil {
			t.Fatal(err)
		}
		if err := s.Validate(v); err != nil {
			var path struct{ Document struct{ Path string } }
			_ = json.Unmarshal(raw, &path)
			t.Errorf("%s: %v", path.Document.Path, err)
		}
		n++
	}
	return n
}

// TestExamplesValidate always runs: the shipped examples' JSON, one object
// and JSON Lines, must satisfy the schema.
func TestExamplesValidate(t *testing.T) {
	s := compile(t)
	files, _ := filepath.Glob("../examples/*")
	if len(files) == 0 {
		t.Fatal("no examples found")
	}
	// Odd inputs the command accepts must give valid output too.
	files = append(files, "../internal/cli/testdata/notacontract.txt", "../internal/cli/testdata/latin1.txt")
	for _, f := range files {
		if n := validateLines(t, s, analyzeFiles(t, []string{f})); n != 1 {
			t.Errorf("%s: %d objects", f, n)
		}
	}
	out := analyzeFiles(t, files)
	if got := strings.Count(strings.TrimSpace(string(out)), "\n") + 1; got != len(files) {
		t.Errorf("JSON Lines for %d files has %d lines", len(files), got)
	}
	if n := validateLines(t, s, out); n != len(files) {
		t.Errorf("JSON Lines: %d objects, want %d", n, len(files))
	}
}

// TestCorpusValidates validates every seed and English corpus document
// when the shared corpus is present next to the repository.
func TestCorpusValidates(t *testing.T) {
	var files []string
	for _, pat := range []string{"../../shared/corpus/seeds/*.txt", "../../shared/corpus/en-dpa/*.txt"} {
		m, _ := filepath.Glob(pat)
		files = append(files, m...)
	}
	if len(files) == 0 {
		if _, err := os.Stat("../../shared/corpus"); err == nil {
			t.Fatal("../../shared/corpus exists but holds no documents")
		}
		t.Skip("../../shared/corpus not present")
	}
	s := compile(t)
	if n := validateLines(t, s, analyzeFiles(t, files)); n != len(files) {
		t.Errorf("%d objects for %d files", n, len(files))
	}
	t.Logf("validated %d documents", len(files))
}

// TestSchemaRejects makes sure the schema is not vacuous: a real output
// passes, and the same output with one defect fails.
func TestSchemaRejects(t *testing.T) {
	s := compile(t)
	out := analyzeFiles(t, []string{"../examples/dpa-example.txt"})
	for name, mutate := range map[string]func(m map[string]any){
		"unchanged":       nil,
		"bad status":      func(m map[string]any) { req(m)["status"] = "fine" },
		"negative offset": func(m map[string]any) { req(m)["evidence"].([]any)[0].(map[string]any)["start"] = -1 },
		"no summary":      func(m map[string]any) { delete(m, "summary") },
		"country name": func(m map[string]any) {
			m["subprocessors"] = []any{map[string]any{"name": "X", "country": "Germany", "third_country": false, "evidence": map[string]any{"text": "", "start": 0, "end": 0, "section": ""}}}
		},
		"deadline as text": func(m map[string]any) { m["deadlines"].(map[string]any)["breach_notice_hours"] = "24" },
	} {
		var m map[string]any
		if err := json.Unmarshal(out, &m); err != nil {
			t.Fatal(err)
		}
		if mutate != nil {
			mutate(m)
		}
		b, _ := json.Marshal(m)
		v, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		err = s.Validate(v)
		if mutate == nil && err != nil {
			t.Errorf("%s: rejected: %v", name, err)
		}
		if mutate != nil && err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}

// req returns the first requirement verdict of a decoded result.
func req(m map[string]any) map[string]any {
	return m["requirements"].([]any)[0].(map[string]any)
}
