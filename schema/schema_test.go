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

// TestSchemaRejects makes sure the schema is not vacuous.
func TestSchemaRejects(t *testing.T) {
	s := compile(t)
	for name, doc := range map[string]string{
		"empty object":   `{}`,
		"bad status":     `{"schema_version":"1","document":{"path":"a","format":"text","language":"en","sha256":"` + strings.Repeat("0", 64) + `","bytes":1,"sentences":1,"tool_version":"x","catalog_version":"y","is_contract":true},"summary":{"met":0,"partial":0,"missing":0,"not_applicable":0,"mandatory_missing":[]},"requirements":[{"id":"a","status":"fine","level":"mandatory","article":"","title":"","evidence":[]}],"findings":[]}`,
		"negative start": `{"schema_version":"1","document":{"path":"a","format":"text","language":"en","sha256":"` + strings.Repeat("0", 64) + `","bytes":1,"sentences":1,"tool_version":"x","catalog_version":"y","is_contract":true},"summary":{"met":0,"partial":0,"missing":0,"not_applicable":0,"mandatory_missing":[]},"requirements":[{"id":"a","status":"met","level":"mandatory","article":"","title":"","evidence":[{"text":"","start":-1,"end":0,"section":""}]}],"findings":[]}`,
	} {
		v, err := jsonschema.UnmarshalJSON(strings.NewReader(doc))
		if err != nil {
			t.Fatal(err)
		}
		if s.Validate(v) == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}
