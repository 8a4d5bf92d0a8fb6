package input

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/art28/art28/internal/document"
)

// PDF text is extracted by poppler's pdftotext, run as an external program
// with a time limit (see docs/pdf-extraction.md for the comparison that led
// to this choice). pdftotext's default mode follows the reading order of
// text flows, so two-column pages come out column by column.

// Defaults for PDF extraction.
const (
	// DefaultMaxPages caps the pages read from one PDF.
	DefaultMaxPages = 1000
	// DefaultTimeout caps the time one PDF may take to extract.
	DefaultTimeout = 60 * time.Second
	// maxPDFText caps the text read from pdftotext.
	maxPDFText = 128 << 20
)

// ErrMissingTool reports that the PDF extractor is not installed.
var ErrMissingTool = errors.New("reading PDF needs pdftotext and pdfinfo from poppler-utils, which are not installed (Debian/Ubuntu: apt-get install poppler-utils)")

// ErrNoTextLayer reports a PDF without extractable text, typically a scan,
// read with OCR turned off.
var ErrNoTextLayer = errors.New("PDF has no text layer (scanned image?); run with --ocr auto to recognise it")

// Tool names, variables for tests.
var (
	pdftotextBin = "pdftotext"
	pdfinfoBin   = "pdfinfo"
)

// parsePDF extracts a PDF's text page by page and parses it.
func parsePDF(path string, raw []byte, opt Options) (*document.Document, error) {
	head := raw[:min(len(raw), 1024)]
	if !bytes.Contains(head, []byte("%PDF-")) {
		return nil, fmt.Errorf("%w: no PDF header", ErrMalformed)
	}
	totext, err := exec.LookPath(pdftotextBin)
	if err != nil {
		return nil, ErrMissingTool
	}
	info, err := exec.LookPath(pdfinfoBin)
	if err != nil {
		return nil, ErrMissingTool
	}
	maxPages := opt.MaxPages
	if maxPages <= 0 {
		maxPages = DefaultMaxPages
	}
	timeout := opt.Timeout
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()

	tmp, err := os.CreateTemp("", "art28-*.pdf")
	if err != nil {
		return nil, fmt.Errorf("temporary file: %w", err)
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(raw); err != nil {
		tmp.Close()
		return nil, fmt.Errorf("temporary file: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return nil, fmt.Errorf("temporary file: %w", err)
	}

	out, err := runTool(ctx, timeout, 1<<20, info, tmp.Name())
	if err != nil {
		return nil, err
	}
	count := 0
	for _, l := range strings.Split(string(out), "\n") {
		if v, ok := strings.CutPrefix(l, "Pages:"); ok {
			count, _ = strconv.Atoi(strings.TrimSpace(v))
		}
	}
	if count > maxPages {
		return nil, fmt.Errorf("%w: %d pages (limit %d)", ErrLimit, count, maxPages)
	}
	// The XHTML is decoded as pdftotext writes it: held whole, it is
	// about sixteen times the text it carries.
	var pages []pdfPage
	err = runToolStream(ctx, timeout, maxPDFText, func(r io.Reader) error {
		var perr error
		pages, perr = bboxPages(r)
		return perr
	}, totext, "-bbox-layout", "-enc", "UTF-8", "-l", strconv.Itoa(maxPages), tmp.Name(), "-")
	if err != nil {
		return nil, err
	}
	return recognisePDF(path, tmp.Name(), pages, opt)
}

// recognisePDF replaces the pages that need it, by opt's OCR mode, with
// their recognised text and lays the document out. Without Tesseract, a
// PDF without any text layer fails with ErrMissingOCR; a PDF with some
// text keeps its layer on the other pages, with a note.
func recognisePDF(path, file string, pages []pdfPage, opt Options) (*document.Document, error) {
	var need []int
	var why []string
	for i, p := range pages {
		switch opt.ocrMode() {
		case OCRAlways:
			need = append(need, i+1)
		case OCRAuto:
			if r := layerProblem(p); r != "" {
				need = append(need, i+1)
				why = append(why, r)
			}
		}
	}
	for i := range pages {
		pages[i] = joinLineBlocks(pages[i])
	}
	if len(need) == 0 {
		return pdfDocument(path, pages)
	}
	sizes := make([][2]float64, len(pages))
	for i, p := range pages {
		sizes[i] = [2]float64{p.width, p.height}
	}
	res, err := ocrPDFPages(file, need, sizes, opt)
	if errors.Is(err, ErrMissingOCR) || errors.Is(err, ErrMissingRenderer) {
		doc, lerr := pdfDocument(path, pages)
		if lerr != nil {
			return nil, err
		}
		doc.Notes = append(doc.Notes, fmt.Sprintf("%s not recognised (%s): %v", pageList(need), why[0], err))
		return doc, nil
	}
	if err != nil {
		return nil, err
	}
	for k, p := range need {
		r := res[k].page
		if r.height == 0 {
			r.height = pages[p-1].height
		}
		r.width = pages[p-1].width
		pages[p-1] = r
	}
	doc, err := pdfDocument(path, pages)
	if errors.Is(err, ErrNoTextLayer) {
		return nil, ErrNoText
	}
	if err != nil {
		return nil, err
	}
	doc.Notes = append(doc.Notes, ocrNote(need, res, len(pages)))
	return doc, nil
}

// pageList names pages for a note: "page 3", "pages 1, 4".
func pageList(pages []int) string {
	if len(pages) == 1 {
		return "page " + strconv.Itoa(pages[0])
	}
	s := make([]string, len(pages))
	for i, p := range pages {
		s[i] = strconv.Itoa(p)
	}
	return "pages " + strings.Join(s, ", ")
}

// limitedBuffer stops accepting bytes beyond its limit.
type limitedBuffer struct {
	bytes.Buffer
	limit    int
	overflow bool
}

// Write appends p unless that would pass the limit; then it records the
// overflow and fails with ErrLimit, which ends the copy of the external
// program's output.
func (b *limitedBuffer) Write(p []byte) (int, error) {
	if b.Len()+len(p) > b.limit {
		b.overflow = true
		return 0, ErrLimit
	}
	return b.Buffer.Write(p)
}

// runTool runs a poppler tool and maps its failures to the package's
// errors.
func runTool(ctx context.Context, timeout time.Duration, limit int, name string, args ...string) ([]byte, error) {
	cmd := exec.CommandContext(ctx, name, args...)
	stdout := &limitedBuffer{limit: limit}
	stderr := &limitedBuffer{limit: 64 << 10}
	cmd.Stdout, cmd.Stderr = stdout, stderr
	cmd.WaitDelay = time.Second
	err := cmd.Run()
	if err := toolError(ctx, timeout, limit, stdout.overflow, stderr, err); err != nil {
		return nil, err
	}
	return stdout.Bytes(), nil
}

// limitedPipe passes at most limit bytes on to a pipe; beyond them it
// records the overflow and fails with ErrLimit.
type limitedPipe struct {
	w        *io.PipeWriter
	n, limit int
	overflow bool
}

func (p *limitedPipe) Write(b []byte) (int, error) {
	if p.n+len(b) > p.limit {
		p.overflow = true
		return 0, ErrLimit
	}
	p.n += len(b)
	return p.w.Write(b)
}

// runToolStream runs a poppler tool and hands its output to read while it
// runs. When the tool ends before read does, its failure is reported
// rather than read's error, which is then only the consequence of cut-off
// output; when read gives up first, its error is reported (the tool then
// fails on the closed pipe).
func runToolStream(ctx context.Context, timeout time.Duration, limit int, read func(io.Reader) error, name string, args ...string) error {
	cmd := exec.CommandContext(ctx, name, args...)
	pr, pw := io.Pipe()
	stdout := &limitedPipe{w: pw, limit: limit}
	stderr := &limitedBuffer{limit: 64 << 10}
	cmd.Stdout, cmd.Stderr = stdout, stderr
	cmd.WaitDelay = time.Second
	if err := cmd.Start(); err != nil {
		return toolError(ctx, timeout, limit, false, stderr, err)
	}
	done := make(chan error, 1)
	go func() {
		err := cmd.Wait()
		done <- err            // before the reader can see the end of the output
		pw.CloseWithError(err) // nil: the reader sees EOF
	}()
	rerr := read(pr)
	toolFirst := false
	var err error
	select {
	case err = <-done:
		toolFirst = true
	default:
		// Stop the tool: read gave up before the output ended.
		pr.CloseWithError(io.ErrClosedPipe)
		err = <-done
	}
	terr := toolError(ctx, timeout, limit, stdout.overflow, stderr, err)
	if terr != nil && (toolFirst || rerr == nil || ctx.Err() != nil || stdout.overflow) {
		return terr
	}
	return rerr
}

// toolError maps the outcome of a poppler tool to the package's errors;
// nil when it succeeded.
func toolError(ctx context.Context, timeout time.Duration, limit int, overflow bool, stderr *limitedBuffer, err error) error {
	if ctx.Err() != nil {
		return fmt.Errorf("%w: PDF extraction took longer than %s", ErrLimit, timeout)
	}
	if overflow {
		return fmt.Errorf("%w: PDF text larger than %d bytes", ErrLimit, limit)
	}
	if err != nil {
		msg := stderr.String()
		low := strings.ToLower(msg)
		if strings.Contains(low, "password") || strings.Contains(low, "encrypt") {
			return ErrEncrypted
		}
		first := strings.TrimSpace(msg)
		if i := strings.LastIndexByte(first, '\n'); i >= 0 {
			first = first[i+1:]
		}
		if first == "" {
			first = err.Error()
		}
		return fmt.Errorf("%w: %s", ErrMalformed, first)
	}
	return nil
}

// bboxPages reads pdftotext's -bbox-layout output (XHTML with page, flow,
// block, line and word elements in reading order) into the blocks of each
// page, each block a list of lines with their words and boxes.
func bboxPages(out io.Reader) ([]pdfPage, error) {
	d := xml.NewDecoder(out)
	d.Strict = false
	d.Entity = xml.HTMLEntity
	var pages []pdfPage
	var line pdfLine
	var wbox box
	inWord := false
	// The words of the current line go into one buffer, separated by
	// spaces; at the line's end it becomes the line's text, and each
	// word's text is a piece of it (no string per word, and the word list
	// is allocated once at its final length).
	var word, text []byte
	type wordAt struct {
		box        box
		start, end int
	}
	var words []wordAt
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%w: pdftotext output: %v", ErrMalformed, err)
		}
		n := len(pages)
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "page":
				if n > 0 {
					pages[n-1].layout()
				}
				var p pdfPage
				for _, a := range t.Attr {
					switch a.Name.Local {
					case "height":
						p.height, _ = strconv.ParseFloat(a.Value, 64)
					case "width":
						p.width, _ = strconv.ParseFloat(a.Value, 64)
					}
				}
				pages = append(pages, p)
			case "block":
				if n > 0 {
					pages[n-1].blocks = append(pages[n-1].blocks, pdfBlock{})
				}
			case "line":
				line = pdfLine{box: attrBox(t)}
				text, words = text[:0], words[:0]
			case "word":
				inWord = true
				word = word[:0]
				wbox = attrBox(t)
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "word":
				inWord = false
				if w := bytes.TrimSpace(word); len(w) > 0 {
					if len(words) > 0 {
						text = append(text, ' ')
					}
					words = append(words, wordAt{box: wbox, start: len(text), end: len(text) + len(w)})
					text = append(text, w...)
				}
			case "line":
				if n > 0 && len(pages[n-1].blocks) > 0 && len(words) > 0 {
					blocks := pages[n-1].blocks
					b := &blocks[len(blocks)-1]
					line.text = string(text)
					line.words = make([]pdfWord, len(words))
					for k, w := range words {
						line.words[k] = pdfWord{text: line.text[w.start:w.end], box: w.box}
					}
					b.lines = append(b.lines, line)
				}
				line = pdfLine{}
				text, words = text[:0], words[:0]
			case "page":
				if n > 0 {
					pages[n-1].layout()
				}
			}
		case xml.CharData:
			if inWord {
				word = append(word, t...)
			}
		}
	}
	if n := len(pages); n > 0 {
		pages[n-1].layout()
	}
	return pages, nil
}

// pdfPage is one page: its text blocks in reading order and its width and
// height in points (0 if unknown).
type pdfPage struct {
	blocks        []pdfBlock
	width, height float64
	// ocr marks a page recognised by Tesseract, whose line boxes are
	// glyph boxes rather than font boxes.
	ocr bool
	// laidOut is set once the page's tables are found (layout); its
	// lines then no longer hold their words.
	laidOut bool
	tables  []pdfTable
	owner   []int        // per line of the page in reading order: its table, or -1
	starts  map[int]bool // lines of the page that start a paragraph
}

// layout finds the page's tables and paragraph starts and then drops the
// words of its lines, which only this step needs: a long PDF's words and
// their boxes are several times its text.
func (p *pdfPage) layout() {
	if p.laidOut {
		return
	}
	p.laidOut = true
	var lines []pdfLine
	for _, blk := range p.blocks {
		lines = append(lines, blk.lines...)
	}
	p.tables, p.owner, p.starts = findLayout(lines, p.height)
	for _, blk := range p.blocks {
		for k := range blk.lines {
			blk.lines[k].words = nil
		}
	}
}

// pdfBlock is one text block of a page.
type pdfBlock struct {
	lines []pdfLine
}

// attrBox reads the xMin, yMin, xMax and yMax attributes of an element.
func attrBox(t xml.StartElement) box {
	var b box
	for _, a := range t.Attr {
		var p *float64
		switch a.Name.Local {
		case "xMin":
			p = &b.x0
		case "yMin":
			p = &b.y0
		case "xMax":
			p = &b.x1
		case "yMax":
			p = &b.y1
		default:
			continue
		}
		*p, _ = strconv.ParseFloat(a.Value, 64)
	}
	return b
}

// lineHeight returns a line's height, 0 if its box is not usable.
func lineHeight(l pdfLine) float64 {
	if h := l.y1 - l.y0; h > 0 && h < 1000 {
		return h
	}
	return 0
}

// bodyHeight returns the body text's line height: for text layers the
// most common line height (rounded to a tenth of a point), for recognised
// pages (ocr true), whose boxes are those of the glyphs and vary with
// ascenders and descenders, the median. Only pages whose ocr flag equals
// ocr count: the two measures differ for the same font.
func bodyHeight(pages []pdfPage, ocr bool) float64 {
	count := map[int]int{}
	var all []float64
	best, bestN := 0, 0
	for _, p := range pages {
		if p.ocr != ocr {
			continue
		}
		for _, b := range p.blocks {
			for _, l := range b.lines {
				if ocr {
					if h := lineHeight(l); h > 0 {
						all = append(all, h)
					}
					continue
				}
				k := int(lineHeight(l)*10 + 0.5)
				count[k]++
				if count[k] > bestN || count[k] == bestN && k < best {
					best, bestN = k, count[k]
				}
			}
		}
	}
	if ocr {
		return median(all)
	}
	return float64(best) / 10
}

// headingLevel returns 1 or 2 for a short block set in a clearly larger
// font than the body, else 0.
func headingLevel(b pdfBlock, body float64) int {
	if body <= 0 || len(b.lines) == 0 || len(b.lines) > 3 {
		return 0
	}
	least := lineHeight(b.lines[0])
	for _, l := range b.lines {
		least = min(least, lineHeight(l))
	}
	switch {
	case least >= 1.5*body:
		return 1
	case least >= 1.15*body:
		return 2
	}
	return 0
}

// reFieldStart matches a line that opens with a field label ("Name:",
// "Sub-processor:"): after a line that ends a sentence it starts a new
// paragraph.
var reFieldStart = lazyRegexp(`^\p{Lu}[\p{L}-]{2,30}:\s`)

// reItemStart matches a line that starts a new list item or clause inside a
// text block: a bullet ("•", "–", "*"), "3.", "3.1", "(2)", "a)", a numbered entry label ("Nr. 2:", "No. 3 –").
var reItemStart = lazyRegexp(`^(?:[•·▪○●■□➢►✓–—*-]\s|\d{1,3}(?:\.\d{1,3})+\.?\s|\d{1,3}\.\s|\(?[a-z0-9]{1,4}\)\s|§\s*\d|(?:Nr|No)\.\s?\d{1,3}\s*[:.)–—-]?\s)`)

// reAnnexStart matches a line that starts an annex ("Anlage 1 Weitere
// Auftragsverarbeiter"); after a finished sentence it starts a new block.
var reAnnexStart = lazyRegexp(`^(?i:anlage|anhang|annex|appendix|schedule|exhibit)\s+(?:\d{1,2}|[A-Z]|[IVX]{1,4})\b`)

// afterAddress reports whether line t, opening with a capital, follows a
// line that ends in a postal address ("Hanauer Landstraße
// 300, 60314 Frankfurt am Main, Deutschland" above "Mailjet"): the
// address ends a block of lines (a company of a list) even where it is
// the widest line of its column, so t is no wrapped continuation.
func afterAddress(prev, t string) bool {
	r, _ := utf8.DecodeRuneInString(t)
	return unicode.IsUpper(r) && document.EndsWithAddress(prev)
}

// shortLine is the largest share of its column's width that a line may
// fill and still be taken as ended on purpose.
const shortLine = 0.8

// endsShort reports whether line prev of a text column from left to right
// was ended on purpose: the first word of the line after it, next, would
// have fitted in the room left before the column's right edge, so the
// writer did not wrap there (a heading or list line set in body type, the
// last line of a paragraph). The width of that word is estimated from
// next's mean character width; a nearly full line never counts, since a
// writer may wrap early before a long word.
func endsShort(prev, next pdfLine, left, right float64) bool {
	if !prev.box.valid() || !next.box.valid() || right <= left || strings.HasSuffix(prev.text, "-") {
		return false
	}
	if prev.x1-left > shortLine*(right-left) {
		return false
	}
	n := utf8.RuneCountInString(next.text)
	word, _, _ := strings.Cut(strings.TrimSpace(next.text), " ")
	if n == 0 || word == "" || next.x1 <= next.x0 {
		return false
	}
	perChar := (next.x1 - next.x0) / float64(n)
	// A space and the word, with two characters more for estimation
	// error and justified spacing.
	need := perChar * float64(utf8.RuneCountInString(word)+3)
	return prev.x1+need < right
}

// centredIn reports whether a line stands in the middle of the column
// from left to right: clear of both edges by about the same room.
func centredIn(l pdfLine, left, right float64) bool {
	w := right - left
	if !l.box.valid() || w <= 0 {
		return false
	}
	lm, rm := l.x0-left, right-l.x1
	return lm >= 0.04*w && rm >= 0.04*w && math.Abs(lm-rm) <= 0.1*w
}

// atLeftEdge reports whether a line starts at the column's left edge.
func atLeftEdge(l pdfLine, left, right float64) bool {
	return l.box.valid() && l.x0-left <= 0.02*(right-left)
}

// titleLine reports whether line k of a block is a title set in body
// type: centred in its column above a line that starts at the left edge
// and opens a sentence ("Anlage 1 Technische und organisatorische
// Maßnahmen nach Art. 32 DSGVO" above "Gemäß Artikel 32 …" in one
// pdftotext block). A title line that fills most of the column is not
// ended short (endsShort), so its text would run into the paragraph under
// it. A centred line ending in punctuation is a sentence, not a title.
func titleLine(lines []pdfLine, k int, left, right float64) bool {
	if k+1 >= len(lines) || !centredIn(lines[k], left, right) || !atLeftEdge(lines[k+1], left, right) {
		return false
	}
	t := strings.TrimSpace(lines[k].text)
	next := strings.TrimSpace(lines[k+1].text)
	if t == "" || next == "" || len(strings.Fields(t)) > 14 || strings.ContainsAny(t[len(t)-1:], ".,;:-!") {
		return false
	}
	r, _ := utf8.DecodeRuneInString(t)
	n, _ := utf8.DecodeRuneInString(next)
	return (unicode.IsUpper(r) || unicode.IsDigit(r) || r == '§') && (unicode.IsUpper(n) || unicode.IsDigit(n) || n == '§')
}

// centredWrap reports whether line next goes on with the sentence of a
// centred line before it: prev ends without punctuation and next opens in
// lower case ("Der Auftragnehmer unterrichtet den Auftraggeber" above
// "unverzüglich über …"), so the room left after prev is no end of a
// paragraph.
func centredWrap(prev, next pdfLine, left, right float64) bool {
	t := strings.TrimSpace(prev.text)
	r, _ := utf8.DecodeRuneInString(strings.TrimSpace(next.text))
	return t != "" && !strings.ContainsAny(t[len(t)-1:], ".:;!?") && unicode.IsLower(r) && centredIn(prev, left, right)
}

// besideLabel reports whether line l stands on the same visual row to the
// right of prev, a hanging label ("Anlage 1" beside "Technische und
// organisatorische Maßnahmen", "1." beside its item): the label and its
// text are one paragraph.
func besideLabel(prev, l pdfLine) bool {
	if !prev.box.valid() || !l.box.valid() || l.x0 < prev.x1 || !reCellLabel().MatchString(strings.TrimSpace(prev.text)) {
		return false
	}
	overlap := min(prev.y1, l.y1) - max(prev.y0, l.y0)
	return overlap >= 0.5*min(prev.y1-prev.y0, l.y1-l.y0)
}

// columnEdges returns the left and right edges of the text column that
// holds blk: the extent of blk's lines widened by every line of the page
// that overlaps them horizontally, so that a block of short lines (a list,
// a heading) is measured against the full lines of its column.
func columnEdges(page *pdfPage, blk pdfBlock) (left, right float64) {
	left, right = math.Inf(1), math.Inf(-1)
	for _, l := range blk.lines {
		left, right = min(left, l.x0), max(right, l.x1)
	}
	x0, x1 := left, right
	for _, b := range page.blocks {
		for _, l := range b.lines {
			if l.box.valid() && l.x0 < x1 && l.x1 > x0 {
				left, right = min(left, l.x0), max(right, l.x1)
			}
		}
	}
	return left, right
}

// pdfDocument turns the text blocks of each page into a document. A short
// block in a clearly larger font than the body is a heading. Running
// headers, footers and page numbers are removed; the lines of a block are
// joined into paragraphs (a new one where a line starts a list item or
// clause number), words hyphenated at line ends are joined and ligatures
// spelled out; the start offset of every page is recorded.
func pdfDocument(path string, pages []pdfPage) (*document.Document, error) {
	return layoutDocument(path, "pdf", pages)
}

// layoutDocument is pdfDocument for any format laid out from word
// geometry (PDF, recognised images).
func layoutDocument(path, format string, pages []pdfPage) (*document.Document, error) {
	paras := make([][]string, len(pages))
	bodies := [2]float64{bodyHeight(pages, false), bodyHeight(pages, true)}
	for i := range pages {
		page := &pages[i]
		body := bodies[0]
		if page.ocr {
			body = bodies[1]
		}
		page.layout()
		tables, owner, starts := page.tables, page.owner, page.starts
		emitted := make([]bool, len(tables))
		li := 0
		for _, blk := range page.blocks {
			first := li
			li += len(blk.lines)
			if lvl := headingLevel(blk, body); lvl > 0 && !inTable(owner, first, li) {
				texts := make([]string, len(blk.lines))
				for k, l := range blk.lines {
					texts[k] = l.text
				}
				if t := strings.Join(strings.Fields(cleanLine(strings.Join(texts, " "))), " "); t != "" {
					paras[i] = append(paras[i], strings.Repeat("#", lvl)+" "+t)
				}
				continue
			}
			left, right := columnEdges(page, blk)
			var cur []string
			for k, l := range blk.lines {
				if owner != nil && owner[first+k] >= 0 {
					// The table goes where its first line stands in
					// reading order.
					if tb := owner[first+k]; !emitted[tb] {
						emitted[tb] = true
						if len(cur) > 0 {
							paras[i] = append(paras[i], joinLines(cur))
							cur = cur[:0]
						}
						if t := tableText(tables[tb]); t != "" {
							paras[i] = append(paras[i], t)
						}
					}
					continue
				}
				t := cleanLine(l.text)
				if t == "" {
					continue
				}
				if len(cur) > 0 && !(k > 0 && (besideLabel(blk.lines[k-1], l) || centredWrap(blk.lines[k-1], l, left, right))) && (reItemStart().MatchString(t) || nextLetterItem(cur[0], t) || nextIDItem(cur[0], t) || nextLabelItem(cur[0], t) || starts[first+k] || k > 0 && (endsShort(blk.lines[k-1], l, left, right) || titleLine(blk.lines, k-1, left, right)) || k+1 < len(blk.lines) && titleLine(blk.lines, k, left, right) && strings.ContainsAny(cur[len(cur)-1][len(cur[len(cur)-1])-1:], ".:;!?") || afterAddress(cur[len(cur)-1], t) || (reAnnexStart().MatchString(t) || reFieldStart().MatchString(t)) && strings.ContainsAny(cur[len(cur)-1][len(cur[len(cur)-1])-1:], ".:;!?")) {
					paras[i] = append(paras[i], joinLines(cur))
					cur = cur[:0]
				}
				cur = append(cur, t)
			}
			if len(cur) > 0 {
				paras[i] = append(paras[i], joinLines(cur))
			}
		}
	}
	stripFurniture(paras)
	var b bytes.Buffer
	starts := make([]int, 0, len(paras))
	letters := 0
	last, head := "", "" // the last paragraph written; its table's header row
	for _, ps := range paras {
		first := 0
		for first < len(ps) && ps[first] == "" {
			first++
		}
		// A table that runs across the page break: the page starts with
		// rows of as many cells as the last table's, which go on in the
		// same table; a repeated header row is dropped.
		cont := false
		if first < len(ps) && isTableText(last) && isTableText(ps[first]) && cellCount(ps[first]) == cellCount(last) {
			p := ps[first]
			if row, rest, _ := strings.Cut(p, "\n"); row == head {
				p = rest
			}
			if p != "" {
				cont = true
				ps = append([]string{p}, ps[first+1:]...)
				first = 0
			}
		}
		if cont {
			b.Truncate(b.Len() - 1)
		} else if b.Len() > 0 {
			b.WriteByte('\n')
		}
		starts = append(starts, b.Len())
		for k, p := range ps[first:] {
			if p == "" {
				continue
			}
			for _, r := range p {
				if unicode.IsLetter(r) {
					letters++
				}
			}
			b.WriteString(p)
			b.WriteString("\n\n")
			if !cont || k > 0 {
				head, _, _ = strings.Cut(p, "\n")
			}
			last = p
		}
	}
	if letters < 20*len(paras)+30 {
		return nil, ErrNoTextLayer
	}
	doc := document.ParseText(path, format, b.String())
	doc.Pages = starts
	return doc, nil
}

// isTableText reports whether a paragraph is a table written by tableText.
func isTableText(p string) bool { return strings.HasPrefix(p, "| ") }

// cellCount returns the cells of a table's first row.
func cellCount(p string) int {
	row, _, _ := strings.Cut(p, "\n")
	return strings.Count(row, " | ") + 1
}

// inTable reports whether any of the lines from..to-1 belongs to a table.
func inTable(owner []int, from, to int) bool {
	if owner == nil {
		return false
	}
	for _, o := range owner[from:to] {
		if o >= 0 {
			return true
		}
	}
	return false
}

// cleanLine normalises the text of a line and separates a clause number
// run into its text.
func cleanLine(l string) string {
	t, err := document.Normalize([]byte(l))
	if err != nil {
		t = strings.ToValidUTF8(l, "")
	}
	return reGluedLabel().ReplaceAllString(strings.TrimSpace(t), "$1 $2")
}

// tableText lays out a table the way the DOCX and ODT readers do: a line
// per row, "| cell | cell |", the lines of a cell joined like those of a
// paragraph.
func tableText(t pdfTable) string {
	var b strings.Builder
	var cells, ls []string
	for _, row := range t.rows {
		cells = cells[:0]
		any := false
		for _, cell := range row {
			ls = ls[:0]
			for _, l := range cell {
				if c := cleanLine(l); c != "" {
					ls = append(ls, c)
				}
			}
			c := strings.ReplaceAll(clean(joinLines(ls)), "|", "/")
			any = any || c != ""
			cells = append(cells, c)
		}
		if !any {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('\n')
		}
		b.WriteString("| ")
		b.WriteString(strings.Join(cells, " | "))
		b.WriteString(" |")
	}
	return b.String()
}

// reGluedLabel matches a clause number run into its text, "10.Löschung",
// where the tab after a list number left too small a gap for a space.
var reGluedLabel = lazyRegexp(`^(\d{1,3}(?:\.\d{1,3})*\.|\(?[a-z0-9]{1,3}\))(\p{Lu})`)

// rePageNumber matches a line that is only a page number: "3", "- 3 -",
// "Seite 3 von 10", "Page 3 of 10", "3/10".
var rePageNumber = lazyRegexp(`^(?i:seite|page|s\.|p\.)?\s*[-–—]?\s*\d{1,4}\s*(?:(?:von|of|/|aus)\s*\d{1,4})?\s*[-–—]?$`)

// furnitureLines is how many non-blank lines at the top and bottom of a page
// may be running headers or footers.
const furnitureLines = 3

// stripFurniture blanks page numbers and lines repeated at the top or bottom
// of many pages (running headers and footers), in place.
func stripFurniture(pages [][]string) {
	edges := func(lines []string) []int {
		var idx []int
		for i := 0; i < len(lines) && len(idx) < furnitureLines; i++ {
			if strings.TrimSpace(lines[i]) != "" {
				idx = append(idx, i)
			}
		}
		n := 0
		for i := len(lines) - 1; i >= 0 && n < furnitureLines; i-- {
			if strings.TrimSpace(lines[i]) != "" {
				idx = append(idx, i)
				n++
			}
		}
		return idx
	}
	key := func(s string) string {
		s = strings.ToLower(strings.Join(strings.Fields(s), " "))
		return strings.Map(func(r rune) rune {
			if unicode.IsDigit(r) {
				return '#'
			}
			return r
		}, s)
	}
	counts := map[string]int{}
	for _, lines := range pages {
		seen := map[string]bool{}
		for _, i := range edges(lines) {
			k := key(lines[i])
			if !seen[k] {
				seen[k] = true
				counts[k]++
			}
		}
	}
	need := max(2, (len(pages)+1)/2)
	for _, lines := range pages {
		for _, i := range edges(lines) {
			t := strings.TrimSpace(lines[i])
			if rePageNumber().MatchString(t) || len(pages) >= 2 && len(t) < 150 && counts[key(t)] >= need {
				lines[i] = ""
			}
		}
	}
}

// nextLetterItem reports whether line t opens the entry after the one
// that opened the paragraph, first, in a list labelled with capital
// letters: "B. Echo Transcripts – …" after "A. Tallyform – …" (same
// punctuation). A lone initial ("A. Müller") is no list.
func nextLetterItem(first, t string) bool {
	return len(t) > 3 && len(first) > 3 && (t[0] > 'A' && t[0] <= 'Z' || t[0] > 'a' && t[0] <= 'z') && first[0] == t[0]-1 &&
		(t[1] == '.' || t[1] == ')') && first[1] == t[1] && t[2] == ' ' && first[2] == ' '
}

// nextLabelItem reports whether line t opens the entry after the one that
// opened the paragraph, first, in a list whose entries open with the same
// words and a letter or number before a colon: "Unterauftragnehmer B: …"
// after "Unterauftragnehmer A: …", "Sub-processor 2: …" after
// "Sub-processor 1: …" (branch subs28). The words must be the same and
// the label the next one.
func nextLabelItem(first, t string) bool {
	c := strings.IndexByte(first, ':')
	if c < 3 || c > 40 || len(t) <= c || t[c] != ':' || first[c-2] != ' ' || first[:c-1] != t[:c-1] {
		return false
	}
	a, b := first[c-1], t[c-1]
	return (a >= 'A' && a < 'Z' || a >= '1' && a < '9') && b == a+1
}

// nextIDItem reports whether line t opens a later entry of a list whose
// entries open with an id, as the line that opened the paragraph, first,
// does: the same prefix of capitals and signs before a number, and a
// greater number ("UA-2 = …" after "UA-1 = …", "[UV-3] …" after "[UV-2]
// …", "SUB-002: …" after "SUB-001: …"; branch subs28). A prefix holds one
// capital at least and no lower-case letter or space but one before the
// number ("(UA 2)", "Nr. 2"); "2026 …" after "2025 …" has none.
func nextIDItem(first, t string) bool {
	pf, nf, ok := idPrefix(first)
	if !ok {
		return false
	}
	pt, nt, ok := idPrefix(t)
	return ok && pf == pt && nt > nf
}

// idPrefix splits the id that opens a line into its prefix and number.
func idPrefix(s string) (string, int, bool) {
	caps, signs := 0, 0
	for i := 0; i < len(s) && i < 8; i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			if caps == 0 || caps == 1 && signs == 0 {
				// ("A4 Druck GmbH": no id.)
				return "", 0, false
			}
			n := 0
			for ; i < len(s) && s[i] >= '0' && s[i] <= '9' && n < 1000; i++ {
				n = n*10 + int(s[i]-'0')
			}
			if i < len(s) && (s[i] >= 'a' && s[i] <= 'z' || s[i] >= 'A' && s[i] <= 'Z') {
				return "", 0, false
			}
			return s[:strings.IndexAny(s, "0123456789")], n, true
		case c >= 'A' && c <= 'Z':
			caps++
		case c == '-' || c == '[' || c == '(' || c == '.' || c == '#':
			signs++
		case c == ' ' && i > 0 && i+1 < len(s) && s[i+1] >= '0' && s[i+1] <= '9':
			signs++
		case c == 'r' && i == 1 && s[0] == 'N':
			// "Nr. 2".
		default:
			return "", 0, false
		}
	}
	return "", 0, false
}

// suspended lists words after a line-end hyphen that show the hyphen is a
// suspended compound ("Vertrags- und Datenschutz"), not a word split.
var suspended = map[string]bool{"und": true, "oder": true, "bzw": true, "bzw.": true, "sowie": true, "and": true, "or": true}

// joinLines joins the lines of one paragraph with spaces. At a line-end
// hyphen, a word split in two ("Verarbei-" + "tung") is joined without the
// hyphen, a hyphenated compound ("EU-" + "Standardvertragsklauseln") keeps
// it, and a suspended compound ("Vertrags-" + "und") keeps it and the space.
func joinLines(lines []string) string {
	var b strings.Builder
	for i, l := range lines {
		if i > 0 {
			s := b.String()
			switch hyphenJoin(s, l) {
			case dropHyphen:
				b.Reset()
				b.WriteString(s[:len(s)-1])
			case keepHyphen:
			default:
				b.WriteByte(' ')
			}
		}
		b.WriteString(l)
	}
	return b.String()
}

// How a line ending in a hyphen joins the next line.
const (
	spaceJoin = iota
	dropHyphen
	keepHyphen
)

// hyphenJoin decides how prev, which may end in a hyphen, joins next.
func hyphenJoin(prev, next string) int {
	if len(prev) < 2 || prev[len(prev)-1] != '-' {
		return spaceJoin
	}
	before, _ := utf8.DecodeLastRuneInString(prev[:len(prev)-1])
	first, _ := utf8.DecodeRuneInString(next)
	word, _, _ := strings.Cut(next, " ")
	switch {
	case !unicode.IsLetter(before) && !unicode.IsDigit(before):
		return spaceJoin
	case suspended[strings.TrimRight(word, ",.;:")]:
		return spaceJoin
	case unicode.IsLower(before) && unicode.IsLower(first):
		return dropHyphen
	case unicode.IsLetter(first) || unicode.IsDigit(first):
		return keepHyphen
	}
	return spaceJoin
}
