package input

import (
	"archive/zip"
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/art28/art28/internal/document"
)

// addSeeds adds the files matching a pattern to a fuzz corpus.
func addSeeds(f *testing.F, patterns ...string) {
	for _, p := range patterns {
		files, _ := filepath.Glob(p)
		for _, file := range files {
			if b, err := os.ReadFile(file); err == nil && len(b) < 1<<20 {
				f.Add(b)
			}
		}
	}
}

// checkDoc asserts the properties every reader's document must have.
func checkDoc(t *testing.T, doc *document.Document) {
	t.Helper()
	for i, b := range doc.Blocks {
		if b.Start < 0 || b.End > len(doc.Text) || b.Start > b.End {
			t.Fatalf("block %d [%d,%d) out of range %d", i, b.Start, b.End, len(doc.Text))
		}
	}
	prev := -1
	for _, p := range doc.Pages {
		if p < prev || p > len(doc.Text) {
			t.Fatalf("page offsets %v out of order or range", doc.Pages)
		}
		prev = p
	}
}

// FuzzParseDOCX feeds arbitrary bytes to the DOCX reader: no panic, and a
// document with offsets in range or an error.
func FuzzParseDOCX(f *testing.F) {
	addSeeds(f, "testdata/rendered/001*.docx", "testdata/malformed/[bep]*.docx")
	f.Fuzz(func(t *testing.T, raw []byte) {
		doc, err := ParseOptions("f.docx", "docx", raw, Options{MaxUnzipped: 8 << 20})
		if err == nil {
			checkDoc(t, doc)
		}
	})
}

// FuzzParseODT is FuzzParseDOCX for ODT.
func FuzzParseODT(f *testing.F) {
	addSeeds(f, "testdata/rendered/online-012.odt", "testdata/malformed/e*.odt")
	f.Fuzz(func(t *testing.T, raw []byte) {
		doc, err := ParseOptions("f.odt", "odt", raw, Options{MaxUnzipped: 8 << 20})
		if err == nil {
			checkDoc(t, doc)
		}
	})
}

// zipWith builds a ZIP archive from name → content.
func zipWith(t testing.TB, files map[string][]byte) []byte {
	var buf bytes.Buffer
	z := zip.NewWriter(&buf)
	for name, data := range files {
		w, err := z.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(data)
	}
	if err := z.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// FuzzDOCXXML fuzzes the XML of word/document.xml and word/numbering.xml
// inside a valid archive, where mutations of whole files rarely reach.
func FuzzDOCXXML(f *testing.F) {
	f.Add([]byte(`<w:document xmlns:w="w"><w:body><w:p><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>Text</w:t></w:r></w:p><w:tbl><w:tr><w:tc><w:p><w:r><w:t>A</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:body></w:document>`),
		[]byte(`<w:numbering xmlns:w="w"><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="1"><w:start w:val="0"/><w:numFmt w:val="lowerRoman"/><w:lvlText w:val="%1.%2)"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`))
	f.Fuzz(func(t *testing.T, doc, num []byte) {
		raw := zipWith(t, map[string][]byte{"word/document.xml": doc, "word/numbering.xml": num})
		if d, err := ParseOptions("f.docx", "docx", raw, Options{}); err == nil {
			checkDoc(t, d)
		}
	})
}

// FuzzODTXML fuzzes content.xml inside a valid archive.
func FuzzODTXML(f *testing.F) {
	f.Add([]byte(`<office:document-content xmlns:office="o" xmlns:text="t" xmlns:style="s"><office:automatic-styles><text:list-style style:name="L1"><text:list-level-style-number text:level="2" style:num-format="a" style:num-suffix=")" text:display-levels="2"/></text:list-style></office:automatic-styles><office:body><office:text><text:h text:outline-level="2">T</text:h><text:list text:style-name="L1"><text:list-item><text:list><text:list-item text:start-value="3"><text:p>x<text:s text:c="5"/>y</text:p></text:list-item></text:list></text:list-item></text:list></office:text></office:body></office:document-content>`))
	f.Fuzz(func(t *testing.T, content []byte) {
		raw := zipWith(t, map[string][]byte{"content.xml": content})
		if d, err := ParseOptions("f.odt", "odt", raw, Options{}); err == nil {
			checkDoc(t, d)
		}
	})
}

// FuzzPDFText feeds arbitrary pdftotext -bbox-layout output to the PDF
// post-processing (blocks, furniture, hyphenation, pages). Running the
// external program under the fuzzer would be too slow; the seed corpus
// holds real output.
func FuzzPDFText(f *testing.F) {
	f.Add([]byte(`<html><body><doc><page><flow><block><line><word>1.</word><word>Gegen-</word></line><line><word>stand</word></line></block></flow></page><page><flow><block><line><word>Seite</word><word>2</word></line></block></flow></page></doc></body></html>`))
	f.Add([]byte(`<doc><page><block><line><word>&amp;</word></line></block></page></doc>`))
	// A table: two columns over three rows, cells of a row in one block.
	f.Add([]byte(`<doc><page width="595" height="842"><flow><block>` +
		`<line xMin="50" yMin="100" xMax="200" yMax="112"><word xMin="50" yMin="100" xMax="80" yMax="112">Name</word><word xMin="150" yMin="100" xMax="200" yMax="112">Sitz</word></line>` +
		`<line xMin="50" yMin="114" xMax="200" yMax="126"><word xMin="50" yMin="114" xMax="100" yMax="126">Host</word><word xMin="150" yMin="114" xMax="200" yMax="126">Berlin</word></line>` +
		`<line xMin="50" yMin="128" xMax="200" yMax="140"><word xMin="50" yMin="128" xMax="100" yMax="140">Mail</word><word xMin="150" yMin="128" xMax="200" yMax="140">NaN</word></line>` +
		`<line xMin="50" yMin="150" xMax="300" yMax="162"><word xMin="50" yMin="150" xMax="300" yMax="162">Der Auftragnehmer verarbeitet Daten nur auf Weisung.</word></line>` +
		`</block></flow></page></doc>`))
	f.Fuzz(func(t *testing.T, raw []byte) {
		pages, err := bboxPages(bytes.NewReader(raw))
		if err != nil {
			return
		}
		doc, err := pdfDocument("f.pdf", pages)
		if err == nil {
			checkDoc(t, doc)
			if len(doc.Pages) != len(pages) {
				t.Fatalf("%d page offsets for %d pages", len(doc.Pages), len(pages))
			}
		}
	})
}

// FuzzParsePDF runs whole PDFs through pdftotext. It is slow (one process
// per input) and skipped without poppler.
func FuzzParsePDF(f *testing.F) {
	if _, err := exec.LookPath(pdftotextBin); err != nil {
		f.Skip(ErrMissingTool)
	}
	addSeeds(f, "testdata/rendered/online-012.pdf", "testdata/malformed/*.pdf")
	f.Fuzz(func(t *testing.T, raw []byte) {
		// Recognition is off: a Tesseract run per input would make the
		// fuzzer crawl; the OCR steps have targets of their own.
		doc, err := ParseOptions("f.pdf", "pdf", raw, Options{MaxPages: 20, OCR: OCRNever})
		if err == nil {
			checkDoc(t, doc)
		}
	})
}

// FuzzTesseractTSV feeds arbitrary Tesseract TSV output to the OCR layout
// (double readings, bullets, line splits, hanging labels, joined blocks)
// and the shared word-geometry layout.
func FuzzTesseractTSV(f *testing.F) {
	f.Add(tsv(
		"4\t1\t1\t1\t1\t0\t300\t400\t1000\t40\t-1\t",
		"5\t1\t1\t1\t1\t1\t300\t400\t30\t40\t90\t«",
		"5\t1\t1\t1\t1\t2\t400\t400\t200\t40\t95\tVerarbeitung",
		"5\t1\t1\t1\t1\t3\t900\t400\t100\t40\t93\tlit.e",
		"4\t1\t1\t1\t2\t0\t300\t450\t1000\t40\t-1\t",
		"5\t1\t1\t1\t2\t1\t300\t450\t30\t40\t90\t(2)",
		"5\t1\t2\t1\t1\t1\t400\t450\t200\t40\t95\tWeisung",
		"4\t2\t1\t1\t1\t0\t300\t400\t1000\t40\t-1\t",
		"5\t2\t1\t1\t1\t1\t300\t400\t300\t40\t90\tName",
		"5\t2\t1\t1\t1\t2\t900\t400\t300\t40\t90\tSitz",
	))
	f.Fuzz(func(t *testing.T, raw []byte) {
		res, err := parseTSV(raw, 72.0/300)
		if err != nil || len(res) > 50 {
			return
		}
		pages := make([]pdfPage, len(res))
		for i, r := range res {
			pages[i] = r.page
		}
		doc, err := layoutDocument("f.png", "image", pages)
		if err == nil {
			checkDoc(t, doc)
		}
	})
}

// FuzzImage feeds arbitrary bytes to the image checks that run before
// Tesseract: no panic, and no image accepted beyond the pixel limit.
func FuzzImage(f *testing.F) {
	f.Add(pngHeader(10, 10))
	f.Add(tiffWith([2]uint32{10, 10}, [2]uint32{20, 20}))
	f.Add([]byte{0xff, 0xd8, 0xff, 0xe0, 0, 16, 'J', 'F', 'I', 'F', 0})
	f.Fuzz(func(t *testing.T, raw []byte) {
		if _, n, err := imagePages(raw); err == nil && (n < 1 || n > maxTIFFPages) {
			t.Fatalf("%d pages accepted", n)
		}
	})
}

// FuzzPGM feeds arbitrary bytes to the PGM reader and rule removal.
func FuzzPGM(f *testing.F) {
	f.Add([]byte("P5\n4 3\n255\n\x00\x00\x00\x00\xff\x00\xff\x00\x00\x00\x00\x00"))
	f.Fuzz(func(t *testing.T, raw []byte) {
		g, err := readPGM(raw)
		if err != nil {
			return
		}
		removeRules(g, 300)
		if len(writePGM(g)) < g.w*g.h {
			t.Fatal("short PGM")
		}
	})
}
