package input

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/art28/art28/internal/document"
)

// TestMalformed reads every hostile or broken file and requires a clear
// error of the right kind, within the time limit and without a memory
// blow-up.
func TestMalformed(t *testing.T) {
	requirePoppler(t)
	cases := []struct {
		file string
		want error
		ocr  string
	}{
		{"bomb.docx", ErrLimit, ""},
		{"bomb.odt", ErrLimit, ""},
		{"many-entries.odt", ErrLimit, ""},
		{"many-nodes.docx", ErrLimit, ""},
		{"broken-xml.docx", ErrMalformed, ""},
		{"empty.docx", ErrMalformed, ""},
		{"empty.odt", ErrMalformed, ""},
		{"notzip.docx", ErrMalformed, ""},
		{"truncated.pdf", ErrMalformed, ""},
		{"encrypted.pdf", ErrEncrypted, ""},
		{"encrypted.odt", ErrEncrypted, ""},
		{"protected.docx", ErrEncrypted, ""},
		// A scan read with recognition turned off (recognition of scans
		// is tested by TestScannedSeeds).
		{"scanned.pdf", ErrNoTextLayer, OCRNever},
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			start := time.Now()
			_, _, err := Read(filepath.Join("testdata", "malformed", c.file), Options{Timeout: 10 * time.Second, OCR: c.ocr})
			if !errors.Is(err, c.want) {
				t.Fatalf("got %v, want %v", err, c.want)
			}
			if strings.Contains(err.Error(), "\n") {
				t.Errorf("error is not one line: %q", err)
			}
			if d := time.Since(start); d > 10*time.Second {
				t.Errorf("took %s", d)
			}
			runtime.ReadMemStats(&after)
			if grown := after.Sys - before.Sys; grown > 500<<20 {
				t.Errorf("memory grew by %d MB", grown>>20)
			}
		})
	}
}

// TestPDFTimeout runs a stand-in pdftotext that hangs and requires the
// time limit to stop it.
func TestPDFTimeout(t *testing.T) {
	dir := t.TempDir()
	slow := filepath.Join(dir, "pdftotext")
	if err := os.WriteFile(slow, []byte("#!/bin/sh\nexec sleep 30\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	fast := filepath.Join(dir, "pdfinfo")
	if err := os.WriteFile(fast, []byte("#!/bin/sh\necho 'Pages: 1'\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	defer func(a, b string) { pdftotextBin, pdfinfoBin = a, b }(pdftotextBin, pdfinfoBin)
	pdftotextBin, pdfinfoBin = slow, fast
	start := time.Now()
	_, err := ParseOptions("x.pdf", "pdf", []byte("%PDF-1.4\n"), Options{Timeout: 300 * time.Millisecond})
	if !errors.Is(err, ErrLimit) {
		t.Fatalf("got %v, want ErrLimit", err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("took %s", d)
	}
}

// TestPDFMissingTool requires a one-line message naming the missing
// package.
func TestPDFMissingTool(t *testing.T) {
	defer func(a string) { pdftotextBin = a }(pdftotextBin)
	pdftotextBin = "art28-no-such-pdftotext"
	_, err := ParseOptions("x.pdf", "pdf", []byte("%PDF-1.4\n"), Options{})
	if !errors.Is(err, ErrMissingTool) || !strings.Contains(err.Error(), "poppler-utils") {
		t.Fatalf("got %v", err)
	}
}

// TestPDFMaxPages requires the page limit to refuse long PDFs.
func TestPDFMaxPages(t *testing.T) {
	requirePoppler(t)
	_, _, err := Read(filepath.Join("testdata", "rendered", "001_5a0fbc91f690b15d.pdf"), Options{MaxPages: 2})
	if !errors.Is(err, ErrLimit) {
		t.Fatalf("got %v, want ErrLimit", err)
	}
}

// TestStructure checks what the readers reproduce from the rendered seed
// 002: numbered clauses with their visible numbers, the sub-processor table
// as rows and cells, and (PDF) page numbers.
func TestStructure(t *testing.T) {
	requirePoppler(t)
	for _, ext := range []string{".docx", ".odt", ".pdf"} {
		t.Run(ext, func(t *testing.T) {
			doc, _, err := Read(filepath.Join("testdata", "rendered", "002_284f4878cfdb047a"+ext), Options{})
			if err != nil {
				t.Fatal(err)
			}
			labels := map[string]bool{}
			cells := 0
			for i, b := range doc.Blocks {
				labels[b.Label] = true
				if b.Kind == document.TableCell && strings.Contains(doc.BlockText(i), "IONOS") {
					cells++
				}
				if b.Start < 0 || b.End > len(doc.Text) || b.Start > b.End {
					t.Fatalf("block %d out of range", i)
				}
			}
			for _, l := range []string{"10.", "(2)"} {
				if !labels[l] {
					t.Errorf("no block labelled %q", l)
				}
			}
			if cells < 2 {
				t.Errorf("sub-processor table: %d cells naming IONOS, want 2", cells)
			}
			if ext == ".pdf" {
				if len(doc.Pages) != 8 {
					t.Errorf("pages = %d, want 8", len(doc.Pages))
				}
				if i := strings.Index(doc.Text, "Löschung und Rückgabe"); doc.PageAt(i) < 2 {
					t.Errorf("page of clause 10 = %d", doc.PageAt(i))
				}
			}
		})
	}
}

// TestTwoColumnOrder requires the columns of a page whose content stream
// runs row by row across both columns to come out one after the other.
func TestTwoColumnOrder(t *testing.T) {
	requirePoppler(t)
	doc, _, err := Read(filepath.Join("testdata", "rendered", "two-column-rowwise.pdf"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	text := document.Collapse(doc.Text)
	for _, s := range []string{"This data processing agreement and its appendix (DPA) has been entered into between entering into the DPA"} {
		if !strings.Contains(text, s) {
			t.Errorf("left column not in order: %.300q", text)
		}
	}
}

// TestDehyphenate covers joining at line ends.
func TestDehyphenate(t *testing.T) {
	cases := []struct {
		lines []string
		want  string
	}{
		{[]string{"die Verarbei-", "tung der Daten"}, "die Verarbeitung der Daten"},
		{[]string{"Vertrags-", "und Datenschutz"}, "Vertrags- und Datenschutz"},
		{[]string{"EU-", "Standardvertragsklauseln"}, "EU-Standardvertragsklauseln"},
		{[]string{"sub-", "processor"}, "subprocessor"},
	}
	for _, c := range cases {
		if got := joinLines(c.lines); got != c.want {
			t.Errorf("%q: got %q, want %q", c.lines, got, c.want)
		}
	}
}

// TestFurniture removes running headers, footers and page numbers.
func TestFurniture(t *testing.T) {
	pages := [][]string{
		{"ACME GmbH – AVV", "Text one.", "Seite 1 von 3"},
		{"ACME GmbH – AVV", "Text two.", "Seite 2 von 3"},
		{"ACME GmbH – AVV", "Text three.", "- 3 -"},
	}
	stripFurniture(pages)
	for i, p := range pages {
		if p[0] != "" || p[2] != "" || p[1] == "" {
			t.Errorf("page %d: %q", i+1, p)
		}
	}
}
