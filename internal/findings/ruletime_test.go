package findings

import (
	"os"
	"path/filepath"
	"sort"
	"testing"
	"time"

	"github.com/art28/art28/internal/check"
	"github.com/art28/art28/internal/document"
	"github.com/art28/art28/internal/lang"
	"github.com/art28/art28/internal/segment"
)

// TestRuleTimes prints the slowest rules over the shared corpus; run with
// RULETIME=1 when tuning the playbook.
func TestRuleTimes(t *testing.T) {
	if os.Getenv("RULETIME") == "" {
		t.Skip()
	}
	files, _ := filepath.Glob("../../../shared/corpus/en-dpa/*.txt")
	seeds, _ := filepath.Glob("../../../shared/corpus/seeds/*.txt")
	files = append(files, seeds...)
	dur := map[string]time.Duration{}
	for _, f := range files {
		b, _ := os.ReadFile(f)
		l := lang.Detect(string(b))
		if l != "de" {
			l = "en"
		}
		doc := document.ParseText(f, "text", string(b))
		in := prepare2(doc, l)
		st := newState(in)
		for _, r := range Default().Rules {
			t0 := time.Now()
			r.run(st, testNow, nil)
			dur[r.ID] += time.Since(t0)
		}
		t0 := time.Now()
		ContractDate(doc.Text, testNow)
		dur["date"] += time.Since(t0)
	}
	var ids []string
	for id := range dur {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool { return dur[ids[i]] > dur[ids[j]] })
	for _, id := range ids[:12] {
		t.Logf("%-40s %v", id, dur[id]/time.Duration(len(files)))
	}
}

func prepare2(doc *document.Document, l string) *check.Input {
	return checker.Prepare(doc, segment.Split(doc), l)
}
