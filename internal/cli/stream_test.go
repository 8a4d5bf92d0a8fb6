package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCheckStreamsInOrder checks that results written as they are done
// come in input order whatever the parallelism, that a failed file in
// between changes nothing for the others, and that a run with a single
// successful result writes one indented object as before.
func TestCheckStreamsInOrder(t *testing.T) {
	good, err := os.ReadFile("../../examples/dpa-example.txt")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	var names []string
	for i, n := range []string{"a", "b", "c", "d", "e", "f", "g"} {
		p := filepath.Join(dir, n+".txt")
		data := good
		if i == 2 {
			data = nil // fails: empty
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		if i != 2 {
			names = append(names, p)
		}
	}
	for _, jobs := range []string{"1", "3", "8"} {
		code, out, errs := run("check", "--format", "json", "-j", jobs, dir)
		if code != ExitError || !strings.Contains(errs, "c.txt") {
			t.Fatalf("-j %s: exit %d, stderr %q; want 2 and c.txt reported", jobs, code, errs)
		}
		lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
		if len(lines) != len(names) {
			t.Fatalf("-j %s: %d lines, want %d", jobs, len(lines), len(names))
		}
		for i, l := range lines {
			var r struct {
				Document struct{ Path string } `json:"document"`
			}
			if err := json.Unmarshal([]byte(l), &r); err != nil {
				t.Fatalf("-j %s line %d: %v", jobs, i, err)
			}
			if r.Document.Path != names[i] {
				t.Errorf("-j %s line %d: %s, want %s", jobs, i, r.Document.Path, names[i])
			}
		}
	}
	// One good and one failed file: a single, indented object.
	_, out, _ := run("check", "--format", "json", names[0], filepath.Join(dir, "c.txt"))
	if !strings.HasPrefix(out, "{\n  \"schema_version\"") {
		t.Errorf("single result not indented: %.60q", out)
	}
	// Text reports are separated by a blank line, as before.
	_, out, _ = run("check", "-j", "2", names[0], names[1])
	if n := strings.Count(out, names[0]); n == 0 || !strings.Contains(out, "\n\n"+names[1]) {
		t.Errorf("text reports not separated as expected: %.200q", out)
	}
}
