package input

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/art28/art28/internal/analyze"
	"github.com/art28/art28/internal/catalog"
)

// requireOCR skips OCR tests on machines without tesseract and pdftoppm,
// unless CI is set, where their absence is a failure.
func requireOCR(t testing.TB) {
	t.Helper()
	requirePoppler(t)
	for _, bin := range []string{tesseractBin, pdftoppmBin} {
		if _, err := exec.LookPath(bin); err != nil {
			if os.Getenv("CI") != "" {
				t.Fatal(ErrMissingOCR)
			}
			t.Skip(ErrMissingOCR)
		}
	}
}

// scanPDF rasterises a PDF at dpi into grey images with pdftoppm and
// writes them into an image-only PDF (a scan without a text layer).
func scanPDF(t testing.TB, pdf string, dpi int) []byte {
	t.Helper()
	dir := t.TempDir()
	out, err := exec.Command(pdftoppmBin, "-r", strconv.Itoa(dpi), "-gray", pdf, filepath.Join(dir, "p")).CombinedOutput()
	if err != nil {
		t.Fatalf("pdftoppm: %v: %s", err, out)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "p-*.pgm"))
	var pages []grey
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		p, err := readPGM(raw)
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		pages = append(pages, p)
	}
	if len(pages) == 0 {
		t.Fatalf("pdftoppm rendered no pages of %s", pdf)
	}
	return imagePDF(pages, dpi)
}

// imagePDF writes an image-only PDF, one grey image per page at dpi.
func imagePDF(pages []grey, dpi int) []byte {
	var b bytes.Buffer
	var offs []int
	obj := func(body string, stream []byte) {
		offs = append(offs, b.Len())
		fmt.Fprintf(&b, "%d 0 obj\n%s", len(offs), body)
		if stream != nil {
			b.WriteString("\nstream\n")
			b.Write(stream)
			b.WriteString("\nendstream")
		}
		b.WriteString("\nendobj\n")
	}
	b.WriteString("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
	n := len(pages)
	kids := make([]string, n)
	for i := range pages {
		kids[i] = fmt.Sprintf("%d 0 R", 3+3*i)
	}
	obj("<< /Type /Catalog /Pages 2 0 R >>", nil)
	obj(fmt.Sprintf("<< /Type /Pages /Count %d /Kids [%s] >>", n, strings.Join(kids, " ")), nil)
	for i, p := range pages {
		w := float64(p.w) * 72 / float64(dpi)
		h := float64(p.h) * 72 / float64(dpi)
		obj(fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %.2f %.2f] /Resources << /XObject << /Im0 %d 0 R >> >> /Contents %d 0 R >>", w, h, 4+3*i, 5+3*i), nil)
		var z bytes.Buffer
		zw := zlib.NewWriter(&z)
		zw.Write(p.pix)
		zw.Close()
		obj(fmt.Sprintf("<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode /Length %d >>", p.w, p.h, z.Len()), z.Bytes())
		content := fmt.Sprintf("q %.2f 0 0 %.2f 0 0 cm /Im0 Do Q", w, h)
		obj(fmt.Sprintf("<< /Length %d >>", len(content)), []byte(content))
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(offs)+1)
	for _, o := range offs {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(offs)+1, xref)
	return b.Bytes()
}

var (
	reFoldMarkup = regexp.MustCompile(`(?m)^\s*(?:#{1,6}|[-*•–])\s+`)
	reFoldSpace  = regexp.MustCompile(`\s+`)
	foldChars    = strings.NewReplacer("|", " ", "•", " ", "\f", " ", "---", " ", "**", "")
)

// foldText folds markup, bullets, table rules and white space, so that
// only the words and their order count.
func foldText(s string) []rune {
	s = reFoldMarkup.ReplaceAllString(s, "")
	s = foldChars.Replace(s)
	return []rune(strings.TrimSpace(reFoldSpace.ReplaceAllString(s, " ")))
}

// editDistance is the Levenshtein distance over runes.
func editDistance(a, b []rune) int {
	prev := make([]int32, len(b)+1)
	cur := make([]int32, len(b)+1)
	for j := range prev {
		prev[j] = int32(j)
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = int32(i)
		ai := a[i-1]
		for j := 1; j <= len(b); j++ {
			c := prev[j-1]
			if ai != b[j-1] {
				c++
			}
			c = min(c, prev[j]+1, cur[j-1]+1)
			cur[j] = c
		}
		prev, cur = cur, prev
	}
	return int(prev[len(b)])
}

func TestEditDistance(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want int
	}{{"", "", 0}, {"abc", "", 3}, {"kitten", "sitting", 3}, {"Verarbeitung", "Verarbeitunq", 1}, {"§ 4", "$ 4", 1}} {
		if got := editDistance([]rune(c.a), []rune(c.b)); got != c.want {
			t.Errorf("editDistance(%q, %q) = %d, want %d", c.a, c.b, got, c.want)
		}
	}
}

// maxCER is the largest character error rate of recognised seeds.
const maxCER = 0.02

// TestScannedSeeds rasterises the five seeds, rendered to PDF, at 200 dpi
// into image-only PDFs, recognises them and checks that they give the
// statuses of their text, the same sub-processors for at least four of
// five, and a character error rate against the seed text below maxCER.
func TestScannedSeeds(t *testing.T) {
	seeds, _ := filepath.Glob(filepath.Join(seedDir, "*.txt"))
	if len(seeds) == 0 {
		t.Skip("seeds not present beside the repository (../shared/corpus/seeds)")
	}
	if testing.Short() {
		t.Skip("recognises about 45 pages")
	}
	requireOCR(t)
	a := analyze.New(catalog.Default())
	spSame := 0
	errs, chars, pages := 0, 0, 0
	start := time.Now()
	for _, seed := range seeds {
		name := strings.TrimSuffix(filepath.Base(seed), ".txt")
		t.Run(name, func(t *testing.T) {
			doc, raw, err := Read(seed, Options{})
			if err != nil {
				t.Fatal(err)
			}
			want := a.Analyze(doc, raw, analyze.Options{})
			scan := scanPDF(t, filepath.Join("testdata", "rendered", name+".pdf"), 200)
			got, err := ParseOptions(name+".pdf", "pdf", scan, Options{Jobs: runtime.NumCPU()})
			if err != nil {
				t.Fatal(err)
			}
			if len(got.Notes) == 0 || !strings.Contains(got.Notes[0], "OCR on all") {
				t.Errorf("notes %q do not name the recognised pages", got.Notes)
			}
			pages += len(got.Pages)
			res := a.Analyze(got, scan, analyze.Options{})
			for _, d := range diffStatuses(want, res) {
				t.Errorf("requirement statuses: %s", d)
			}
			if d := diffSubprocessors(want, res); d != nil {
				t.Logf("sub-processors differ: %s", d)
			} else {
				spSame++
			}
			w, g := foldText(doc.Text), foldText(got.Text)
			e := editDistance(w, g)
			errs += e
			chars += len(w)
			cer := float64(e) / float64(len(w))
			t.Logf("character error rate %.4f (%d edits, %d characters)", cer, e, len(w))
			if cer >= maxCER {
				t.Errorf("character error rate %.4f, want below %.2f", cer, maxCER)
			}
		})
	}
	t.Logf("all seeds: character error rate %.4f; %d pages in %s", float64(errs)/float64(max(chars, 1)), pages, time.Since(start).Round(time.Second))
	if spSame < len(seeds)-1 {
		t.Errorf("sub-processors equal for %d of %d seeds, want at least %d", spSame, len(seeds), len(seeds)-1)
	}
}

// BenchmarkOCR measures recognition throughput on seed 000 (9 pages)
// rasterised at 200 and 300 dpi into an image-only PDF, with one
// Tesseract process per CPU: pages/s (wall clock) and the CPU seconds of
// the external programs per page. Run it with
// go test -run '^$' -bench BenchmarkOCR -benchtime 1x ./internal/input
func BenchmarkOCR(b *testing.B) {
	requireOCR(b)
	pdf := filepath.Join("testdata", "rendered", "000_95ba6a0326a27584.pdf")
	for _, dpi := range []int{200, 300} {
		scan := scanPDF(b, pdf, dpi)
		b.Run(fmt.Sprintf("%ddpi", dpi), func(b *testing.B) {
			var before, after syscall.Rusage
			syscall.Getrusage(syscall.RUSAGE_CHILDREN, &before)
			pages := 0
			start := time.Now()
			for range b.N {
				doc, err := ParseOptions("scan.pdf", "pdf", scan, Options{Jobs: runtime.NumCPU()})
				if err != nil {
					b.Fatal(err)
				}
				pages += len(doc.Pages)
			}
			wall := time.Since(start).Seconds()
			syscall.Getrusage(syscall.RUSAGE_CHILDREN, &after)
			cpu := time.Duration(after.Utime.Nano() + after.Stime.Nano() - before.Utime.Nano() - before.Stime.Nano()).Seconds()
			b.ReportMetric(float64(pages)/wall, "pages/s")
			b.ReportMetric(cpu/float64(pages), "cpu-s/page")
		})
	}
}

// tiffPages writes grey images as an uncompressed multi-page TIFF.
func tiffPages(pages []grey) []byte {
	le := binary.LittleEndian
	b := []byte("II*\x00\x00\x00\x00\x00")
	prevNext := 4 // where the offset of the next directory goes
	for _, p := range pages {
		data := len(b)
		b = append(b, p.pix...)
		if len(b)%2 == 1 {
			b = append(b, 0)
		}
		le.PutUint32(b[prevNext:], uint32(len(b)))
		tags := [][3]uint32{ // tag, type (3 SHORT, 4 LONG), value
			{256, 4, uint32(p.w)}, {257, 4, uint32(p.h)}, {258, 3, 8}, {259, 3, 1}, {262, 3, 1},
			{273, 4, uint32(data)}, {277, 3, 1}, {278, 4, uint32(p.h)}, {279, 4, uint32(len(p.pix))},
		}
		b = le.AppendUint16(b, uint16(len(tags)))
		for _, t := range tags {
			b = le.AppendUint16(b, uint16(t[0]))
			b = le.AppendUint16(b, uint16(t[1]))
			b = le.AppendUint32(b, 1)
			if t[1] == 3 {
				b = le.AppendUint16(b, uint16(t[2]))
				b = le.AppendUint16(b, 0)
			} else {
				b = le.AppendUint32(b, t[2])
			}
		}
		prevNext = len(b)
		b = le.AppendUint32(b, 0)
	}
	return b
}

// TestImageScans reads a page rendered to PNG and two pages written into
// one TIFF: recognised, with page offsets, notes and the format "image".
func TestImageScans(t *testing.T) {
	requireOCR(t)
	pdf := filepath.Join("testdata", "rendered", "004_b80fa52a2ec8b9da.pdf")
	dir := t.TempDir()
	if out, err := exec.Command(pdftoppmBin, "-r", "150", "-l", "2", "-gray", pdf, filepath.Join(dir, "p")).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v: %s", err, out)
	}
	if out, err := exec.Command(pdftoppmBin, "-r", "150", "-f", "1", "-l", "1", "-png", "-singlefile", pdf, filepath.Join(dir, "one")).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v: %s", err, out)
	}
	var pages []grey
	for _, f := range []string{"p-1.pgm", "p-2.pgm"} {
		raw, err := os.ReadFile(filepath.Join(dir, f))
		if err != nil {
			t.Fatal(err)
		}
		g, err := readPGM(raw)
		if err != nil {
			t.Fatal(err)
		}
		pages = append(pages, g)
	}
	png, err := os.ReadFile(filepath.Join(dir, "one.png"))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name  string
		raw   []byte
		pages int
	}{{"page.png", png, 1}, {"pages.tif", tiffPages(pages), 2}} {
		t.Run(c.name, func(t *testing.T) {
			doc, err := ParseOptions(c.name, "image", c.raw, Options{Jobs: 2})
			if err != nil {
				t.Fatal(err)
			}
			if doc.Format != "image" || len(doc.Pages) != c.pages || len(doc.Notes) != 1 {
				t.Errorf("format %q, %d pages, notes %q", doc.Format, len(doc.Pages), doc.Notes)
			}
			if !strings.Contains(doc.Text, "Auftragsverarbeitungsvereinbarung gemäß Art. 28 DSGVO") {
				t.Errorf("text lacks the title:\n%.400s", doc.Text)
			}
		})
	}
}

// TestMixedPDF joins a digital page and a scanned page into one PDF (a
// signed contract with a scanned signature page): only the scanned page
// is recognised, and the note names it.
func TestMixedPDF(t *testing.T) {
	requireOCR(t)
	for _, bin := range []string{"pdfseparate", "pdfunite"} {
		if _, err := exec.LookPath(bin); err != nil {
			t.Skip(bin, " missing")
		}
	}
	dir := t.TempDir()
	src := filepath.Join("testdata", "rendered", "004_b80fa52a2ec8b9da.pdf")
	digital := filepath.Join(dir, "digital.pdf")
	if out, err := exec.Command("pdfseparate", "-f", "1", "-l", "1", src, digital).CombinedOutput(); err != nil {
		t.Fatalf("pdfseparate: %v: %s", err, out)
	}
	page2 := filepath.Join(dir, "page2.pdf")
	if out, err := exec.Command("pdfseparate", "-f", "2", "-l", "2", src, page2).CombinedOutput(); err != nil {
		t.Fatalf("pdfseparate: %v: %s", err, out)
	}
	scanned := filepath.Join(dir, "scanned.pdf")
	if err := os.WriteFile(scanned, scanPDF(t, page2, 200), 0o644); err != nil {
		t.Fatal(err)
	}
	mixed := filepath.Join(dir, "mixed.pdf")
	if out, err := exec.Command("pdfunite", digital, scanned, mixed).CombinedOutput(); err != nil {
		t.Fatalf("pdfunite: %v: %s", err, out)
	}
	doc, _, err := Read(mixed, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Pages) != 2 || len(doc.Notes) != 1 || !strings.Contains(doc.Notes[0], "on page 2;") {
		t.Fatalf("%d pages, notes %q", len(doc.Pages), doc.Notes)
	}
	text, _, err := Read(src, Options{})
	if err != nil {
		t.Fatal(err)
	}
	// The recognised page reads like the text layer's page 2.
	want := foldText(text.Text[text.Pages[1]:text.Pages[2]])
	got := foldText(doc.Text[doc.Pages[1]:])
	if cer := float64(editDistance(want, got)) / float64(len(want)); cer > maxCER {
		t.Errorf("page 2: character error rate %.4f against the text layer", cer)
	}
}
