// Package corpustest finds the shared corpus (../shared/corpus beside the
// repository) for the tests and benchmarks of the packages under internal.
package corpustest

import (
	"os"
	"path/filepath"
	"sort"
	"testing"
)

// Dir is the shared corpus as seen from a package directory under
// internal/.
const Dir = "../../../shared/corpus"

// Texts returns the paths of the corpus texts, the English DPAs and the
// German seeds, sorted; it skips the test when the corpus is absent.
func Texts(tb testing.TB) []string {
	tb.Helper()
	files, _ := filepath.Glob(filepath.Join(Dir, "en-dpa", "*.txt"))
	seeds, _ := filepath.Glob(filepath.Join(Dir, "seeds", "*.txt"))
	files = append(files, seeds...)
	if len(files) == 0 {
		tb.Skip("shared corpus not present")
	}
	sort.Strings(files)
	return files
}

// Read returns the paths and contents of the corpus texts and their total
// size in bytes.
func Read(tb testing.TB) ([]string, [][]byte, int) {
	tb.Helper()
	files := Texts(tb)
	raws := make([][]byte, len(files))
	total := 0
	for i, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		raws[i] = data
		total += len(data)
	}
	return files, raws, total
}
