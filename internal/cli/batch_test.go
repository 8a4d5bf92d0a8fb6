package cli

import (
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"testing"

	"github.com/art28/art28/internal/analyze"
	"github.com/art28/art28/internal/model"
	"github.com/art28/art28/internal/report"
)

// TestBatchMemoryFlat checks a check run over many documents with the
// JSON writer: the live heap after the hundredth document may not grow by
// the time of the last one, since results are written and dropped as
// they are done.
func TestBatchMemoryFlat(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	dir := t.TempDir()
	var files []string
	for i, ex := range []string{"dpa-example.txt", "avv-beispiel.md"} {
		data, err := os.ReadFile(filepath.Join("../../examples", ex))
		if err != nil {
			t.Fatal(err)
		}
		for k := range 250 {
			p := filepath.Join(dir, string(rune('a'+i))+string(rune('a'+k/26))+string(rune('a'+k%26))+filepath.Ext(ex))
			if err := os.WriteFile(p, data, 0o644); err != nil {
				t.Fatal(err)
			}
			files = append(files, p)
		}
	}
	a, err := analyze.NewDefault()
	if err != nil {
		t.Fatal(err)
	}
	env := Env{Stdout: io.Discard, Stderr: io.Discard, IsTerminal: func(io.Writer) bool { return false }, Getenv: func(string) string { return "" }}
	out := report.NewStream(report.JSON{}, io.Discard, report.Options{})
	var at100 uint64
	n := 0
	failures, err := analyzeAll(func() (*analyze.Analyzer, error) { return a, nil }, files, checkFlags{jobs: 2}, env, func(r *model.Result, text string) error {
		n++
		if n == 100 {
			at100 = liveAfterGC()
		}
		return out.Add(r, text)
	})
	if err != nil || failures > 0 {
		t.Fatalf("%d failures, %v", failures, err)
	}
	end := liveAfterGC()
	t.Logf("%d documents: live heap %.1f MB after 100, %.1f MB after all", n, float64(at100)/(1<<20), float64(end)/(1<<20))
	if end > at100+2<<20 {
		t.Errorf("live heap grew from %d to %d bytes over %d documents", at100, end, n-100)
	}
}

// liveAfterGC collects and returns the live heap.
func liveAfterGC() uint64 {
	runtime.GC()
	s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(s)
	return s[0].Value.Uint64()
}
