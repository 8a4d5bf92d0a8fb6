package input

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"image"
	"image/color"
	"image/png"
	"strings"
	"testing"
	"time"
)

// line builds a text-layer line of words 5 points apart.
func line(text string) pdfLine {
	var ws []pdfWord
	x := 50.0
	for _, w := range strings.Fields(text) {
		ws = append(ws, pdfWord{text: w, box: box{x, 100, x + 30, 112}})
		x += 35
	}
	return pdfLine{text: text, words: ws, box: box{50, 100, x, 112}}
}

func TestLayerProblem(t *testing.T) {
	prose := strings.Repeat("Der Auftragsverarbeiter verarbeitet die Daten nur auf Weisung des Verantwortlichen und nicht für eigene Zwecke. ", 8)
	tests := []struct {
		name, text string
		want       string // substring of the reason; "" for usable
	}{
		{"prose", prose, ""},
		{"empty page", "", "no text layer"},
		{"page number only", "Seite 3", "no text layer"},
		{"replacement characters", strings.ReplaceAll(prose, "ft", "\uFFFD"), "unmapped glyphs"},
		{"private use", strings.ReplaceAll(prose, "ei", "\uE001"), "unmapped glyphs"},
		{"cid references", strings.ReplaceAll(prose, "Daten", "(cid:42)(cid:7)"), "unmapped glyphs"},
		{"one stray replacement", prose + " \uFFFD", ""},
		{"wrong letters", strings.Repeat("Wkh Surfhvvru vkdoo surfhvv shuvrqdo gdwd rqob rq grfxphqwhg lqvwuxfwlrqv iurp wkh Frqwuroohu. ", 8), "does not read as text"},
		{"English prose", strings.Repeat("The processor shall process personal data only on documented instructions from the controller. ", 8), ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := pdfPage{blocks: []pdfBlock{{lines: []pdfLine{line(tc.text)}}}}
			got := layerProblem(p)
			if tc.want == "" && got != "" || tc.want != "" && !strings.Contains(got, tc.want) {
				t.Errorf("layerProblem = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestRepairWord(t *testing.T) {
	tests := []struct {
		in    string
		first bool
		want  string
	}{
		{"lit.e", false, "lit. e"},
		{"Abs.3", false, "Abs. 3"},
		{"lit.a)", false, "lit. a)"},
		{"fDSGVO).", false, "f DSGVO)."},
		{"$", true, "§"},
		{"$$", true, "§§"},
		{"$", false, "$"},
		{"DSGVO", false, "DSGVO"},
		{"z.B.", false, "z.B."},
		{"Verarbeitung", false, "Verarbeitung"},
	}
	for _, tc := range tests {
		if got := repairWord(tc.in, tc.first); got != tc.want {
			t.Errorf("repairWord(%q, %v) = %q, want %q", tc.in, tc.first, got, tc.want)
		}
	}
}

// tsv builds Tesseract TSV output from word rows: page, block, par,
// line, word, left, top, width, height, conf, text; line rows are added.
func tsv(rows ...string) []byte {
	var b strings.Builder
	b.WriteString("level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n")
	b.WriteString("1\t1\t0\t0\t0\t0\t0\t0\t2480\t3508\t-1\t\n")
	for _, r := range rows {
		b.WriteString(r)
		b.WriteByte('\n')
	}
	return []byte(b.String())
}

func TestParseTSV(t *testing.T) {
	out := tsv(
		"4\t1\t1\t1\t1\t0\t300\t400\t1000\t40\t-1\t",
		"5\t1\t1\t1\t1\t1\t300\t400\t30\t40\t90\t«",
		"5\t1\t1\t1\t1\t2\t400\t400\t200\t40\t95\tVerarbeitung",
		"5\t1\t1\t1\t1\t3\t620\t400\t100\t40\t96\tnach",
		"5\t1\t1\t1\t1\t4\t740\t400\t160\t40\t-1\t ",
		"5\t1\t1\t1\t1\t5\t920\t400\t100\t40\t93\tlit.e",
		"4\t1\t2\t1\t1\t0\t300\t460\t400\t40\t-1\t",
		"5\t1\t2\t1\t1\t1\t300\t460\t200\t40\t91\tWeisung",
	)
	res, err := parseTSV(out, 72.0/300)
	if err != nil {
		t.Fatal(err)
	}
	if len(res) != 1 {
		t.Fatalf("%d pages, want 1", len(res))
	}
	r := res[0]
	if !r.page.ocr || r.words != 5 || r.page.height < 841 || r.page.height > 843 {
		t.Errorf("page: ocr %v, %d words, height %.1f", r.page.ocr, r.words, r.page.height)
	}
	var texts []string
	for _, b := range r.page.blocks {
		for _, l := range b.lines {
			texts = append(texts, l.text)
		}
	}
	// The bullet is read as "•"; the abbreviation repaired; the second
	// block follows at line spacing but is one line only, so no join rule
	// applies with too few gaps.
	got := strings.Join(texts, " / ")
	if !strings.Contains(got, "• Verarbeitung nach lit. e") || !strings.Contains(got, "Weisung") {
		t.Errorf("lines %q", got)
	}
	for _, bad := range [][]byte{
		[]byte("level\tpage_num\n5\tx\t1\t1\t1\t1\t1\t1\t1\t1\t90\tw\n"),
		tsv("5\t0\t1\t1\t1\t1\t1\t1\t1\t1\t90\tw"),
	} {
		if _, err := parseTSV(bad, 1); !errors.Is(err, ErrMalformed) {
			t.Errorf("parseTSV(%q) error %v, want ErrMalformed", bad, err)
		}
	}
}

func TestDropDoubles(t *testing.T) {
	w := func(text string, x0, y0, x1, y1, conf float64) pdfWord {
		return pdfWord{text: text, box: box{x0, y0, x1, y1}, conf: conf}
	}
	p := pdfPage{blocks: []pdfBlock{{lines: []pdfLine{
		{words: []pdfWord{w("Stripe", 80, 280, 108, 296, 70)}},
		{words: []pdfWord{w("P", 97, 290, 103, 300, 83), w("Bonn", 137, 290, 160, 300, 95)}},
	}}}}
	dropDoubles(p)
	if got := p.blocks[0].lines[0].text + "|" + p.blocks[0].lines[1].text; got != "Stripe|Bonn" {
		t.Errorf("after dropDoubles: %q, want %q", got, "Stripe|Bonn")
	}
}

func TestRemoveRules(t *testing.T) {
	// A 300 dpi page with a table border (vertical and horizontal rules)
	// and a letter-sized blob that must stay.
	g := grey{w: 600, h: 400, pix: bytes.Repeat([]byte{255}, 600*400)}
	set := func(x0, y0, x1, y1 int) {
		for y := y0; y < y1; y++ {
			for x := x0; x < x1; x++ {
				g.pix[y*g.w+x] = 0
			}
		}
	}
	set(100, 50, 102, 350) // vertical rule, 2 px
	set(100, 50, 500, 52)  // horizontal rule
	set(200, 100, 230, 140)
	removeRules(g, 300)
	dark := func(x0, y0, x1, y1 int) int {
		n := 0
		for y := y0; y < y1; y++ {
			for x := x0; x < x1; x++ {
				if g.pix[y*g.w+x] < ruleDark {
					n++
				}
			}
		}
		return n
	}
	if n := dark(95, 45, 505, 355) - dark(200, 100, 230, 140); n != 0 {
		t.Errorf("%d rule pixels left", n)
	}
	if n := dark(200, 100, 230, 140); n != 30*40 {
		t.Errorf("letter blob: %d of %d pixels left", n, 30*40)
	}
}

// pngHeader builds a PNG signature and IHDR chunk declaring w × h pixels,
// without image data.
func pngHeader(w, h uint32) []byte {
	var b bytes.Buffer
	b.WriteString("\x89PNG\r\n\x1a\n")
	ihdr := make([]byte, 13)
	binary.BigEndian.PutUint32(ihdr[0:], w)
	binary.BigEndian.PutUint32(ihdr[4:], h)
	ihdr[8], ihdr[9] = 8, 0
	binary.Write(&b, binary.BigEndian, uint32(13))
	b.WriteString("IHDR")
	b.Write(ihdr)
	binary.Write(&b, binary.BigEndian, crc32.ChecksumIEEE(append([]byte("IHDR"), ihdr...)))
	return b.Bytes()
}

// tiffWith builds a little-endian TIFF whose directories declare the given
// page sizes, without image data.
func tiffWith(dims ...[2]uint32) []byte {
	b := []byte("II*\x00")
	b = binary.LittleEndian.AppendUint32(b, 8)
	for i, d := range dims {
		b = binary.LittleEndian.AppendUint16(b, 2)
		for k, tag := range []uint16{256, 257} {
			b = binary.LittleEndian.AppendUint16(b, tag)
			b = binary.LittleEndian.AppendUint16(b, 4)
			b = binary.LittleEndian.AppendUint32(b, 1)
			b = binary.LittleEndian.AppendUint32(b, d[k])
		}
		next := uint32(0)
		if i < len(dims)-1 {
			next = uint32(len(b) + 4)
		}
		b = binary.LittleEndian.AppendUint32(b, next)
	}
	return b
}

func TestImagePagesRefusesMalformed(t *testing.T) {
	var good bytes.Buffer
	img := image.NewGray(image.Rect(0, 0, 40, 20))
	for i := range img.Pix {
		img.Pix[i] = color.Gray{200}.Y
	}
	png.Encode(&good, img)
	loop := tiffWith([2]uint32{10, 10})
	binary.LittleEndian.PutUint32(loop[len(loop)-4:], 8)
	tests := []struct {
		name string
		raw  []byte
		want error
	}{
		{"not an image", []byte("hello world"), ErrMalformed},
		{"truncated PNG", good.Bytes()[:good.Len()/2], ErrMalformed},
		{"0×0 PNG", pngHeader(0, 0), ErrMalformed},
		{"PNG bomb", pngHeader(100000, 100000), ErrLimit},
		{"PNG header only", pngHeader(100, 100), ErrMalformed},
		{"truncated JPEG", []byte{0xff, 0xd8, 0xff, 0xe0, 0, 16}, ErrMalformed},
		{"TIFF bomb on page 2", tiffWith([2]uint32{100, 100}, [2]uint32{200000, 200000}), ErrLimit},
		{"0×0 TIFF", tiffWith([2]uint32{0, 0}), ErrMalformed},
		{"TIFF directory loop", loop, ErrMalformed},
		{"truncated TIFF", []byte("II*\x00\x08\x00\x00\x00\x05"), ErrMalformed},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := imagePages(tc.raw)
			if !errors.Is(err, tc.want) {
				t.Errorf("imagePages: %v, want %v", err, tc.want)
			}
		})
	}
	if kind, n, err := imagePages(good.Bytes()); err != nil || kind != "png" || n != 1 {
		t.Errorf("good PNG: %s, %d pages, %v", kind, n, err)
	}
	if kind, n, err := imagePages(tiffWith([2]uint32{100, 100}, [2]uint32{100, 100})); err != nil || kind != "tiff" || n != 2 {
		t.Errorf("two-page TIFF: %s, %d pages, %v", kind, n, err)
	}
	// Refused before any external program runs, so also without Tesseract.
	_, err := ParseOptions("bomb.png", "image", pngHeader(100000, 100000), Options{})
	if !errors.Is(err, ErrLimit) || !strings.Contains(err.Error(), "100000 × 100000") {
		t.Errorf("bomb: %v", err)
	}
}

func TestOCRNote(t *testing.T) {
	res := []ocrResult{{words: 10, conf: 950}, {words: 10, conf: 500}}
	if got := ocrNote([]int{2, 5}, res, 6); !strings.Contains(got, "pages 2, 5") || !strings.Contains(got, "72 %") || !strings.Contains(got, "low") {
		t.Errorf("note %q", got)
	}
	if got := ocrNote([]int{1, 2}, res[:1], 2); !strings.Contains(got, "all 2 pages") || strings.Contains(got, "low") {
		t.Errorf("note %q", got)
	}
}

func TestJoinLineBlocks(t *testing.T) {
	// A browser's export: every line a block; lines 4 points apart inside
	// a paragraph, 16 between paragraphs; a heading in a larger font.
	at := func(y, h float64, text string) pdfBlock {
		l := line(text)
		l.y0, l.y1 = y, y+h
		return pdfBlock{lines: []pdfLine{l}}
	}
	p := pdfPage{blocks: []pdfBlock{
		at(100, 30, "§ 4 Unterauftragsverarbeiter"),
		at(134, 15.6, "(1) Der Verantwortliche stimmt dem Einsatz zu."),
		at(153.6, 15.6, "Beabsichtigte Änderungen zeigt er an."),
		at(173.2, 15.6, "(2) Er erlegt dieselben Pflichten"),
		at(192.8, 15.6, "vertraglich auf."),
		at(224.4, 15.6, "Änderungen bedürfen der Textform."),
		at(244, 15.6, "Es gilt deutsches Recht."),
	}}
	got := joinLineBlocks(p)
	var sizes []int
	for _, b := range got.blocks {
		sizes = append(sizes, len(b.lines))
	}
	if fmt.Sprint(sizes) != "[1 4 2]" {
		t.Errorf("lines per block %v, want [1 4 2]", sizes)
	}
	// Ordinary blocks of several lines are left alone.
	q := pdfPage{blocks: []pdfBlock{{lines: []pdfLine{line("a b"), line("c d")}}, at(200, 15, "x"), at(216, 15, "y")}}
	if n := len(joinLineBlocks(q).blocks); n != 3 {
		t.Errorf("%d blocks, want 3", n)
	}
}

// blankPDF returns a one-page PDF without text of the given MediaBox size.
func blankPDF(w, h string) []byte {
	var b bytes.Buffer
	var offs []int
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Count 1 /Kids [3 0 R] >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 " + w + " " + h + "] >>",
	}
	b.WriteString("%PDF-1.4\n")
	for i, o := range objs {
		offs = append(offs, b.Len())
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	x := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, o := range offs {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, x)
	return b.Bytes()
}

// TestMalformedScans checks that pages no renderer should rasterise are
// refused with a one-line error, quickly.
func TestMalformedScans(t *testing.T) {
	requireOCR(t)
	for _, c := range []struct {
		name, w, h string
		want       error
	}{
		{"huge page", "14400", "14400", ErrLimit},
		// poppler gives a page with an empty MediaBox a default size:
		// a blank page, without text.
		{"0×0 page", "0", "0", ErrNoText},
	} {
		t.Run(c.name, func(t *testing.T) {
			start := time.Now()
			_, err := ParseOptions("p.pdf", "pdf", blankPDF(c.w, c.h), Options{PageTimeout: 20 * time.Second})
			if !errors.Is(err, c.want) {
				t.Fatalf("got %v, want %v", err, c.want)
			}
			if err != nil && strings.Contains(err.Error(), "\n") {
				t.Errorf("error is not one line: %q", err)
			}
			t.Logf("%v in %s", err, time.Since(start).Round(time.Millisecond))
		})
	}
}

func TestSteadyBox(t *testing.T) {
	// Two lines of the same font: one with a parenthesis and descenders,
	// one without. Their steady boxes have the same height and sit on
	// their baselines (y = 140 and 160).
	w := func(text string, y0, y1 float64) pdfWord { return pdfWord{text: text, box: box{0, y0, 10, y1}} }
	a := pdfLine{words: []pdfWord{w("Berlin)", 130, 143)}}
	b := pdfLine{words: []pdfWord{w("Hosting", 150, 163), w("und", 153, 160), w("Wartung", 150, 163), w("der", 150, 160)}}
	a0, a1 := steadyBox(a)
	b0, b1 := steadyBox(b)
	if d := (a1 - a0) - (b1 - b0); d > 1 || d < -1 {
		t.Errorf("heights %.1f and %.1f differ", a1-a0, b1-b0)
	}
	if d := (b1 - a1) - 20; d > 1 || d < -1 {
		t.Errorf("bottoms %.1f and %.1f are not a baseline pitch (20) apart", a1, b1)
	}
}
