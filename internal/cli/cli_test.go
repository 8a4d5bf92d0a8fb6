package cli

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func run(args ...string) (int, string, string) {
	var out, errb bytes.Buffer
	code := RunEnv(args, Env{Stdout: &out, Stderr: &errb, IsTerminal: func(io.Writer) bool { return false }, Getenv: func(string) string { return "" }})
	return code, out.String(), errb.String()
}

// TestCommand is the end-to-end table of the command line.
func TestCommand(t *testing.T) {
	tmp := t.TempDir()
	tests := []struct {
		name      string
		args      []string
		code      int
		stdout    string // substring expected on stdout
		stderr    string // substring expected on stderr
		oneLineEr bool   // stderr must be exactly one line
		file      string // file the command must have written
	}{
		{name: "no args", args: nil, code: ExitError, stderr: "Usage"},
		{name: "help", args: []string{"help"}, code: ExitOK, stdout: "art28 check"},
		{name: "version", args: []string{"version"}, code: ExitOK, stdout: "art28 "},
		{name: "unknown command", args: []string{"frobnicate"}, code: ExitError, stderr: "unknown command", oneLineEr: true},
		{name: "check without files", args: []string{"check"}, code: ExitError, stderr: "at least one file", oneLineEr: true},
		{name: "bad format", args: []string{"check", "--format", "pdf", "../../examples/dpa-example.txt"}, code: ExitError, stderr: "unknown format", oneLineEr: true},
		{name: "bad lang", args: []string{"check", "--lang", "fr", "../../examples/dpa-example.txt"}, code: ExitError, stderr: "--lang", oneLineEr: true},
		{name: "missing path", args: []string{"check", "testdata/nope.txt"}, code: ExitError, stderr: "no such file", oneLineEr: true},
		{name: "empty file", args: []string{"check", "testdata/empty.txt"}, code: ExitError, stderr: "empty", oneLineEr: true},
		{name: "binary garbage", args: []string{"check", "testdata/garbage.txt"}, code: ExitError, stderr: "binary", oneLineEr: true},
		{name: "unsupported extension", args: []string{"check", "testdata/contract.pdfx"}, code: ExitError, stderr: "unsupported file type", oneLineEr: true},
		{name: "bad OCR mode", args: []string{"check", "--ocr", "sometimes", "../../examples/dpa-example.txt"}, code: ExitError, stderr: "--ocr must be auto, always or never", oneLineEr: true},
		{name: "image that is not one", args: []string{"check", "testdata/garbage.png"}, code: ExitError, stderr: "not a PNG, JPEG or TIFF image", oneLineEr: true},
		{name: "directory without contracts", args: []string{"check", "testdata/nocontracts"}, code: ExitError, stderr: "no contracts found", oneLineEr: true},
		{name: "too large", args: []string{"check", "--max-bytes", "100", "../../examples/dpa-example.txt"}, code: ExitError, stderr: "too large", oneLineEr: true},
		{name: "windows-1252 text", args: []string{"check", "testdata/latin1.txt"}, code: ExitMissing, stdout: "löscht"},
		{name: "not a contract", args: []string{"check", "testdata/notacontract.txt"}, code: ExitMissing, stdout: "does not read like a data processing agreement"},
		{name: "german example", args: []string{"check", "../../examples/avv-beispiel.md"}, code: ExitMissing, stdout: "Fehlende Pflichtangaben"},
		{name: "english example json", args: []string{"check", "--format", "json", "../../examples/dpa-example.txt"}, code: ExitMissing, stdout: `"requirements"`},
		{name: "flags after file", args: []string{"check", "../../examples/dpa-example.txt", "--format", "json"}, code: ExitMissing, stdout: `"sha256"`},
		{name: "markdown", args: []string{"check", "--format", "markdown", "../../examples/dpa-example.txt"}, code: ExitMissing, stdout: "| Status | Requirement | Legal basis | Evidence |"},
		{name: "markdown in German", args: []string{"check", "--format", "markdown", "--lang", "de", "../../examples/dpa-example.txt"}, code: ExitMissing, stdout: "| Status | Anforderung |"},
		{name: "html", args: []string{"check", "--format", "html", "../../examples/dpa-example.txt"}, code: ExitMissing, stdout: "<mark>"},
		{name: "html in English for a German contract", args: []string{"check", "--format", "html", "--lang", "en", "../../examples/avv-beispiel.md"}, code: ExitMissing, stdout: "Requirement checklist"},
		{name: "html for several files", args: []string{"check", "--format", "html", "../../examples"}, code: ExitMissing, stdout: `id="d2"`},
		{name: "text in English for a German contract", args: []string{"check", "--lang", "en", "../../examples/avv-beispiel.md"}, code: ExitMissing, stdout: "Mandatory requirements missing"},
		{name: "glob", args: []string{"check", "--format", "json", "../../examples/*.md"}, code: ExitMissing, stdout: "avv-beispiel.md"},
		{name: "summary without out", args: []string{"summary", "../../examples"}, code: ExitError, stderr: "--out", oneLineEr: true},
		{name: "summary bad extension", args: []string{"summary", "--out", filepath.Join(tmp, "s.ods"), "../../examples"}, code: ExitError, stderr: ".xlsx or .csv", oneLineEr: true},
		{name: "summary without files", args: []string{"summary", "--out", filepath.Join(tmp, "s.csv")}, code: ExitError, stderr: "at least one", oneLineEr: true},
		{name: "summary csv", args: []string{"summary", "--out", filepath.Join(tmp, "s.csv"), "../../examples"}, code: ExitOK, stderr: "2 contracts", file: filepath.Join(tmp, "s.csv")},
		{name: "summary xlsx", args: []string{"summary", "../../examples", "--out", filepath.Join(tmp, "s.xlsx")}, code: ExitOK, stderr: "2 contracts", file: filepath.Join(tmp, "s.xlsx")},
		{name: "summary past a bad file", args: []string{"summary", "--out", filepath.Join(tmp, "t.csv"), "../../examples/dpa-example.txt", "testdata/empty.txt"}, code: ExitError, stderr: "empty", file: filepath.Join(tmp, "t.csv")},
		{name: "docx contract", args: []string{"check", "--format", "json", "../input/testdata/rendered/001_5a0fbc91f690b15d.docx"}, code: ExitMissing, stdout: `"format": "docx"`},
		{name: "odt contract", args: []string{"check", "--format", "json", "../input/testdata/rendered/online-012.odt"}, code: ExitMissing, stdout: `"format": "odt"`},
		{name: "pdf contract names pages", args: []string{"check", "--format", "json", "../input/testdata/rendered/001_5a0fbc91f690b15d.pdf"}, code: ExitMissing, stdout: `"page": 2`},
		{name: "zip bomb", args: []string{"check", "../input/testdata/malformed/bomb.docx"}, code: ExitError, stderr: "safety limit", oneLineEr: true},
		{name: "broken docx", args: []string{"check", "../input/testdata/malformed/broken-xml.docx"}, code: ExitError, stderr: "damaged", oneLineEr: true},
		{name: "encrypted pdf", args: []string{"check", "../input/testdata/malformed/encrypted.pdf"}, code: ExitError, stderr: "encrypted", oneLineEr: true},
		{name: "scanned pdf without OCR", args: []string{"check", "--ocr", "never", "../input/testdata/malformed/scanned.pdf"}, code: ExitError, stderr: "no text layer", oneLineEr: true},
		{name: "blank scan", args: []string{"check", "../input/testdata/malformed/scanned.pdf"}, code: ExitError, stderr: "no text found", oneLineEr: true},
		{name: "explain", args: []string{"explain", "audits"}, code: ExitOK, stdout: "Art. 28(3)(h)"},
		{name: "explain unknown", args: []string{"explain", "nope"}, code: ExitError, stderr: "unknown id", oneLineEr: true},
		{name: "eval missing dir", args: []string{"eval", "testdata/nope"}, code: ExitError, stderr: "not a directory", oneLineEr: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errs := run(tt.args...)
			if code != tt.code {
				t.Errorf("exit %d, want %d\nstdout: %.300s\nstderr: %s", code, tt.code, out, errs)
			}
			if !strings.Contains(out, tt.stdout) {
				t.Errorf("stdout lacks %q:\n%.500s", tt.stdout, out)
			}
			if !strings.Contains(errs, tt.stderr) {
				t.Errorf("stderr lacks %q:\n%s", tt.stderr, errs)
			}
			if tt.oneLineEr && strings.Count(strings.TrimRight(errs, "\n"), "\n") != 0 {
				t.Errorf("stderr is not one line:\n%s", errs)
			}
			if tt.file != "" {
				if st, err := os.Stat(tt.file); err != nil || st.Size() == 0 {
					t.Errorf("output file %s not written: %v", tt.file, err)
				}
			}
		})
	}
}

func TestCheckJSONFields(t *testing.T) {
	code, out, _ := run("check", "--format", "json", "../../examples/dpa-example.txt")
	if code != ExitMissing {
		t.Fatalf("exit %d", code)
	}
	var res struct {
		Document struct {
			Path, Language, SHA256 string
		}
		Requirements []struct {
			ID, Status string
			Evidence   []struct {
				Text       string
				Start, End int
				Section    string
			}
		}
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile("../../examples/dpa-example.txt")
	if err != nil {
		t.Fatal(err)
	}
	if res.Document.Language != "en" || len(res.Document.SHA256) != 64 || len(res.Requirements) != 29 {
		t.Errorf("document %+v, %d requirements", res.Document, len(res.Requirements))
	}
	for _, r := range res.Requirements {
		for _, e := range r.Evidence {
			if e.Start < 0 || e.End > len(raw) || string(raw[e.Start:e.End]) != e.Text {
				t.Errorf("%s: evidence offsets [%d,%d) do not point at %q", r.ID, e.Start, e.End, e.Text)
			}
		}
	}
}

func TestCheckJSONLines(t *testing.T) {
	code, out, _ := run("check", "--format", "json", "../../examples/dpa-example.txt", "../../examples/avv-beispiel.md")
	if code != ExitMissing {
		t.Fatalf("exit %d", code)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 2 {
		t.Fatalf("got %d lines, want 2 JSON objects", len(lines))
	}
	for _, l := range lines {
		var v map[string]any
		if err := json.Unmarshal([]byte(l), &v); err != nil {
			t.Errorf("line is not JSON: %v", err)
		}
	}
}

func TestCheckContinuesPastBadFiles(t *testing.T) {
	dir := t.TempDir()
	good, err := os.ReadFile("../../examples/dpa-example.txt")
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "a.txt"), good, 0o644)
	os.WriteFile(filepath.Join(dir, "b.txt"), nil, 0o644)
	code, out, errs := run("check", "--format", "json", dir)
	if code != ExitError {
		t.Errorf("exit %d, want 2 after a failed file", code)
	}
	if !strings.Contains(out, "a.txt") || !strings.Contains(errs, "b.txt") {
		t.Errorf("want a.txt reported and b.txt failed; stdout %.200s stderr %s", out, errs)
	}
}

func TestLargeInputNoHang(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	dir := t.TempDir()
	p := filepath.Join(dir, "big.txt")
	line := "The processor shall process personal data only on documented instructions of the controller.\n"
	data := []byte(strings.Repeat(line, (50<<20)/len(line)-10))
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errs := run("check", "--format", "json", p)
	if code == ExitError {
		t.Fatalf("50 MB input failed: %s", errs)
	}
}

// runTerminal runs a command as if stdout and stderr were terminals.
func runTerminal(noColor string, args ...string) (int, string, string) {
	var out, errb bytes.Buffer
	env := Env{Stdout: &out, Stderr: &errb, IsTerminal: func(io.Writer) bool { return true },
		Getenv: func(k string) string {
			if k == "NO_COLOR" {
				return noColor
			}
			return ""
		}}
	code := RunEnv(args, env)
	return code, out.String(), errb.String()
}

func TestProgressBar(t *testing.T) {
	_, _, errs := runTerminal("", "check", "--format", "json", "../../examples")
	if !strings.Contains(errs, "2/2") || !strings.Contains(errs, "█") {
		t.Errorf("no progress bar on a terminal for two files: %q", errs)
	}
	_, _, errs = runTerminal("", "check", "--format", "json", "../../examples/dpa-example.txt")
	if strings.Contains(errs, "1/1") {
		t.Errorf("progress bar for a single file: %q", errs)
	}
	_, _, errs = run("check", "--format", "json", "../../examples")
	if strings.Contains(errs, "2/2") {
		t.Errorf("progress bar when stderr is not a terminal: %q", errs)
	}
}

// TestPageProgress checks the bar of recognised pages for a single scan
// on a terminal (the scan is blank, so the run then fails).
func TestPageProgress(t *testing.T) {
	_, _, errs := runTerminal("", "check", "../input/testdata/malformed/scanned.pdf")
	if !strings.Contains(errs, "1/1 pages recognised") {
		t.Errorf("no page progress on a terminal: %q", errs)
	}
}

func TestColor(t *testing.T) {
	if _, out, _ := runTerminal("", "check", "../../examples/dpa-example.txt"); !strings.Contains(out, "\x1b[") {
		t.Error("no colour on a terminal")
	}
	if _, out, _ := runTerminal("1", "check", "../../examples/dpa-example.txt"); strings.Contains(out, "\x1b[") {
		t.Error("colour despite NO_COLOR")
	}
	if _, out, _ := run("check", "../../examples/dpa-example.txt"); strings.Contains(out, "\x1b[") {
		t.Error("colour when stdout is not a terminal")
	}
	if _, out, _ := runTerminal("", "check", "--format", "markdown", "../../examples/dpa-example.txt"); strings.Contains(out, "\x1b[") {
		t.Error("colour in Markdown")
	}
}

// TestSummarySeeds writes the portfolio of the seed contracts, when the
// shared corpus is present: one row per contract plus the header.
func TestSummarySeeds(t *testing.T) {
	const seeds = "../../../shared/corpus/seeds"
	if _, err := os.Stat(seeds); err != nil {
		t.Skip("shared corpus not present")
	}
	files, _ := filepath.Glob(filepath.Join(seeds, "*.txt"))
	for _, ext := range []string{"csv", "xlsx"} {
		out := filepath.Join(t.TempDir(), "seeds."+ext)
		if code, _, errs := run("summary", "--out", out, seeds); code != ExitOK {
			t.Fatalf("%s: exit %d: %s", ext, code, errs)
		}
		if ext != "csv" {
			continue
		}
		data, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		recs, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(string(data), "\ufeff"))).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		if len(recs) != len(files)+1 {
			t.Fatalf("CSV has %d records, want %d contracts + header", len(recs), len(files))
		}
		for _, rec := range recs[1:] {
			if rec[2] == "" {
				t.Errorf("%s: no processor name", rec[0])
			}
		}
	}
}
