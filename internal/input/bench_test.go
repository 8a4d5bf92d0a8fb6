package input

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// BenchmarkReadPDF measures the whole PDF reader (pdfinfo, pdftotext
// -bbox-layout, post-processing, parsing) over the rendered fixtures and
// reports pages per second.
func BenchmarkReadPDF(b *testing.B) {
	benchFormat(b, ".pdf")
}

// BenchmarkReadDOCX measures the DOCX reader over the rendered fixtures.
func BenchmarkReadDOCX(b *testing.B) { benchFormat(b, ".docx") }

// BenchmarkReadODT measures the ODT reader over the rendered fixtures.
func BenchmarkReadODT(b *testing.B) { benchFormat(b, ".odt") }

func benchFormat(b *testing.B, ext string) {
	if ext == ".pdf" {
		requirePoppler(b)
	}
	files, _ := filepath.Glob(filepath.Join("testdata", "rendered", "*"+ext))
	var raws [][]byte
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		raws = append(raws, raw)
	}
	format := ext[1:]
	pages, size := 0, 0
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		pages = 0
		for j, raw := range raws {
			doc, err := ParseOptions(files[j], format, raw, Options{})
			if err != nil {
				b.Fatal(err)
			}
			pages += len(doc.Pages)
			size += len(raw)
		}
	}
	b.SetBytes(int64(size / b.N))
	if pages > 0 {
		b.ReportMetric(float64(pages)*float64(b.N)/b.Elapsed().Seconds(), "pages/s")
	}
	b.ReportMetric(float64(len(raws))*float64(b.N)/b.Elapsed().Seconds(), "files/s")
}

// BenchmarkPDFLayout measures the PDF reader's own work, without the
// external programs: reading pdftotext's -bbox-layout output of the
// rendered fixtures (extracted once) into pages, tables and paragraphs,
// and parsing the text.
func BenchmarkPDFLayout(b *testing.B) {
	requirePoppler(b)
	files, _ := filepath.Glob(filepath.Join("testdata", "rendered", "*.pdf"))
	var outs [][]byte
	for _, f := range files {
		out, err := exec.Command(pdftotextBin, "-bbox-layout", "-enc", "UTF-8", f, "-").Output()
		if err != nil {
			b.Fatal(err)
		}
		outs = append(outs, out)
	}
	pages := 0
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		pages = 0
		for j, out := range outs {
			ps, err := bboxPages(bytes.NewReader(out))
			if err != nil {
				b.Fatal(err)
			}
			doc, err := pdfDocument(files[j], ps)
			if err != nil {
				b.Fatal(err)
			}
			pages += len(doc.Pages)
		}
	}
	b.ReportMetric(float64(pages)*float64(b.N)/b.Elapsed().Seconds(), "pages/s")
}
