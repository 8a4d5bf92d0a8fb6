package input

import (
	"archive/zip"
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/art28/art28/internal/analyze"
	"github.com/art28/art28/internal/catalog"
	"github.com/art28/art28/internal/minipdf"
)

// TestPlainImportedSeedsMatchText renders each seed the way a word
// processor imports a text file: every line one plain paragraph, table rows
// as paragraphs whose cells are separated by tab characters (aligned on
// tab stops in the PDF). DOCX, ODT and PDF must give the statuses and
// sub-processors of the text.
func TestPlainImportedSeedsMatchText(t *testing.T) {
	seeds, _ := filepath.Glob(filepath.Join(seedDir, "*.txt"))
	if len(seeds) == 0 {
		t.Skip("seeds not present beside the repository (../shared/corpus/seeds)")
	}
	a := analyze.New(catalog.Default())
	dir := t.TempDir()
	for _, seed := range seeds {
		name := strings.TrimSuffix(filepath.Base(seed), ".txt")
		src, err := os.ReadFile(seed)
		if err != nil {
			t.Fatal(err)
		}
		doc, raw, err := Read(seed, Options{})
		if err != nil {
			t.Fatal(err)
		}
		want := a.Analyze(doc, raw, analyze.Options{})
		lines := strings.Split(strings.ReplaceAll(string(src), "\r\n", "\n"), "\n")
		for _, r := range []struct {
			ext    string
			render func([]string) ([]byte, error)
		}{{".docx", plainDOCX}, {".odt", plainODT}, {".pdf", plainPDF}} {
			t.Run(name+r.ext, func(t *testing.T) {
				if r.ext == ".pdf" {
					requirePoppler(t)
				}
				data, err := r.render(lines)
				if err != nil {
					t.Fatal(err)
				}
				path := filepath.Join(dir, name+r.ext)
				if err := os.WriteFile(path, data, 0o644); err != nil {
					t.Fatal(err)
				}
				doc, raw, err := Read(path, Options{})
				if err != nil {
					t.Fatal(err)
				}
				compareResults(t, want, a.Analyze(doc, raw, analyze.Options{}), r.ext)
			})
		}
	}
}

// TestPlainRenderersKeepTabs checks the renderers themselves: a tab row
// stays one paragraph with its tabs in DOCX and ODT.
func TestPlainRenderersKeepTabs(t *testing.T) {
	lines := []string{"Anlage 2 Unterauftragnehmer", "Name\tAnschrift\tLeistung", "Beispiel Hosting GmbH\tWeg 1, 12345 Ort\tHosting"}
	dir := t.TempDir()
	for ext, render := range map[string]func([]string) ([]byte, error){".docx": plainDOCX, ".odt": plainODT} {
		data, err := render(lines)
		if err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(dir, "t"+ext)
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		doc, _, err := Read(path, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(doc.Text, "Beispiel Hosting GmbH\tWeg 1, 12345 Ort\tHosting") {
			t.Errorf("%s: tab row not kept: %q", ext, doc.Text)
		}
	}
}

func xmlEscape(s string) string {
	var b bytes.Buffer
	for _, r := range s {
		switch r {
		case '&':
			b.WriteString("&amp;")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '"':
			b.WriteString("&quot;")
		default:
			if r < 0x20 && r != '\t' && r != '\n' {
				continue
			}
			b.WriteRune(r)
		}
	}
	return b.String()
}

func zipFiles(files [][2]string, stored string) ([]byte, error) {
	var buf bytes.Buffer
	z := zip.NewWriter(&buf)
	for _, f := range files {
		h := &zip.FileHeader{Name: f[0], Method: zip.Deflate}
		if f[0] == stored {
			h.Method = zip.Store
		}
		w, err := z.CreateHeader(h)
		if err != nil {
			return nil, err
		}
		if _, err := w.Write([]byte(f[1])); err != nil {
			return nil, err
		}
	}
	if err := z.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// plainDOCX writes each line as a paragraph; tabs become w:tab.
func plainDOCX(lines []string) ([]byte, error) {
	var body strings.Builder
	for _, l := range lines {
		body.WriteString("<w:p>")
		for i, seg := range strings.Split(l, "\t") {
			body.WriteString("<w:r>")
			if i > 0 {
				body.WriteString("<w:tab/>")
			}
			if seg != "" {
				fmt.Fprintf(&body, `<w:t xml:space="preserve">%s</w:t>`, xmlEscape(seg))
			}
			body.WriteString("</w:r>")
		}
		body.WriteString("</w:p>")
	}
	return docxPackage(body.String())
}

// docxPackage wraps a document body in the parts a minimal DOCX needs.
func docxPackage(body string) ([]byte, error) {
	return zipFiles([][2]string{
		{"[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`},
		{"_rels/.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`},
		{"word/document.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` + body + `</w:body></w:document>`},
	}, "")
}

// plainODT writes each line as a text:p; tabs become text:tab and runs of
// spaces text:s, as ODF requires.
func plainODT(lines []string) ([]byte, error) {
	var body strings.Builder
	for _, l := range lines {
		body.WriteString("<text:p>")
		for i, seg := range strings.Split(l, "\t") {
			if i > 0 {
				body.WriteString("<text:tab/>")
			}
			esc := xmlEscape(seg)
			for strings.Contains(esc, "  ") {
				esc = strings.Replace(esc, "  ", ` <text:s/>`, 1)
			}
			if strings.HasPrefix(esc, " ") {
				esc = "<text:s/>" + esc[1:]
			}
			body.WriteString(esc)
		}
		body.WriteString("</text:p>")
	}
	const ns = `xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"`
	return zipFiles([][2]string{
		{"mimetype", "application/vnd.oasis.opendocument.text"},
		{"META-INF/manifest.xml", `<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>`},
		{"content.xml", `<?xml version="1.0" encoding="UTF-8"?><office:document-content ` + ns + `><office:body><office:text>` + body.String() + `</office:text></office:body></office:document-content>`},
	}, "mimetype")
}

// Page geometry of the plain PDF: A4, Helvetica 10 pt.
const (
	plainLeft    = 60.0
	plainTop     = 60.0
	plainBottom  = 780.0
	plainSize    = 10.0
	plainLeading = 12.5
	plainChars   = 95 // characters of a wrapped prose line
	plainGap     = 14.0
)

// helvWidth estimates the width of s in Helvetica at plainSize.
func helvWidth(s string) float64 {
	w := 0.0
	for _, r := range s {
		switch {
		case r == ' ' || strings.ContainsRune("iljtfI.,;:!|'()[]", r):
			w += 0.28
		case r >= 'A' && r <= 'Z' || strings.ContainsRune("mwMWÄÖÜ", r):
			w += 0.7
		default:
			w += 0.56
		}
	}
	return w * plainSize
}

type plainItem struct {
	x, y float64
	text string
}

// plainPDF lays the lines out as a word processor prints an imported text
// file: prose wrapped at the margin, each run of tab rows aligned on tab
// stops set after its widest cell per column. The page grows wider where
// a table needs it.
func plainPDF(lines []string) ([]byte, error) {
	var pages [][]plainItem
	var cur []plainItem
	y := plainTop
	width := 595.0
	emit := func(x float64, text string) {
		if y > plainBottom {
			pages = append(pages, cur)
			cur, y = nil, plainTop
		}
		cur = append(cur, plainItem{x, y, text})
	}
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		if strings.Contains(l, "\t") {
			j := i
			var stops []float64
			for ; j < len(lines) && strings.Contains(lines[j], "\t"); j++ {
				for c, cell := range strings.Split(lines[j], "\t") {
					if c >= len(stops) {
						stops = append(stops, 0)
					}
					stops[c] = max(stops[c], helvWidth(cell))
				}
			}
			xs := []float64{plainLeft}
			for c := 0; c+1 < len(stops); c++ {
				xs = append(xs, xs[c]+stops[c]+plainGap)
			}
			width = max(width, xs[len(xs)-1]+stops[len(stops)-1]+plainLeft)
			for ; i < j; i++ {
				for c, cell := range strings.Split(lines[i], "\t") {
					if cell != "" {
						emit(xs[c], cell)
					}
				}
				y += plainLeading
			}
			i--
			continue
		}
		if strings.TrimSpace(l) == "" {
			// An empty line is an empty paragraph of full height.
			y += plainLeading
			continue
		}
		for _, w := range wrapWords(l, plainChars) {
			emit(plainLeft, w)
			y += plainLeading
		}
	}
	pages = append(pages, cur)
	return writePlainPDF(pages, width), nil
}

// wrapWords breaks s into lines of at most n characters at spaces.
func wrapWords(s string, n int) []string {
	var out []string
	var b strings.Builder
	for _, w := range strings.Fields(s) {
		if b.Len() > 0 && len([]rune(b.String()))+1+len([]rune(w)) > n {
			out = append(out, b.String())
			b.Reset()
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(w)
	}
	if b.Len() > 0 {
		out = append(out, b.String())
	}
	return out
}

func writePlainPDF(pages [][]plainItem, width float64) []byte {
	out := make([]minipdf.Page, len(pages))
	for i, p := range pages {
		out[i].Width = width
		for _, it := range p {
			out[i].Items = append(out[i].Items, minipdf.Item{X: it.x, Top: it.y, Size: plainSize, Text: it.text})
		}
	}
	return minipdf.Write(out)
}
