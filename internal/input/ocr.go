package input

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"
)

// Scanned pages are recognised by Tesseract, run as an external program
// like pdftotext: pdftoppm renders a PDF page to a grey image, Tesseract
// reports every word with its box and confidence (TSV output), and the
// words go through the same word-geometry layout as a text layer
// (paragraphs, headings, running headers and footers, tables), so a scan
// gets page numbers and structure like a digital PDF. Each Tesseract
// process runs one thread (OMP_THREAD_LIMIT=1); pages are recognised in
// parallel instead, which is several times faster on few cores than
// Tesseract's own threading.

// OCR modes.
const (
	// OCRAuto recognises the pages without a usable text layer.
	OCRAuto = "auto"
	// OCRAlways recognises every page, ignoring any text layer.
	OCRAlways = "always"
	// OCRNever uses only the text layer.
	OCRNever = "never"
)

// Defaults for recognition.
const (
	// DefaultOCRPages caps the pages recognised in one file.
	DefaultOCRPages = 300
	// DefaultPageTimeout caps the time to render and recognise one page.
	DefaultPageTimeout = 120 * time.Second
	// DefaultDPI is the resolution PDF pages are rendered at.
	DefaultDPI = 300
	// DefaultOCRLang names the Tesseract languages used.
	DefaultOCRLang = "deu+eng"
	// maxPagePixels caps the pixels of a rendered page or an image page
	// (about A0 at 150 dpi, or a 10 000 × 6 000 photo).
	maxPagePixels = 60_000_000
	// minDPI is the lowest resolution a large page is rendered at before
	// it is refused.
	minDPI = 72
	// lowConfidence is the mean word confidence (0–100) below which the
	// report warns that the recognised text may be unreliable.
	lowConfidence = 75
)

// ErrMissingOCR reports that Tesseract is not installed.
var ErrMissingOCR = errors.New("reading scanned pages needs tesseract, which is not installed (Debian/Ubuntu: apt-get install tesseract-ocr tesseract-ocr-deu tesseract-ocr-eng)")

// ErrNoText reports a file in which neither a text layer nor recognition
// found text.
var ErrNoText = errors.New("no text found, neither in a text layer nor by text recognition (OCR)")

// ErrMissingRenderer reports that pdftoppm is not installed.
var ErrMissingRenderer = errors.New("recognising PDF pages needs pdftoppm from poppler-utils, which is not installed (Debian/Ubuntu: apt-get install poppler-utils)")

// Tool names, variables for tests.
var (
	tesseractBin = "tesseract"
	pdftoppmBin  = "pdftoppm"
)

// ocrMode returns the mode of opt, OCRAuto when unset.
func (opt Options) ocrMode() string {
	if opt.OCR == "" {
		return OCRAuto
	}
	return opt.OCR
}

// ValidOCRMode reports whether m names an OCR mode.
func ValidOCRMode(m string) bool {
	return m == OCRAuto || m == OCRAlways || m == OCRNever
}

func (opt Options) ocrJobs() int { return max(1, opt.Jobs) }

func (opt Options) pageTimeout() time.Duration {
	if opt.PageTimeout > 0 {
		return opt.PageTimeout
	}
	return DefaultPageTimeout
}

func (opt Options) ocrPages() int {
	if opt.OCRPages > 0 {
		return opt.OCRPages
	}
	return DefaultOCRPages
}

func (opt Options) ocrLang() string {
	if opt.OCRLang != "" {
		return opt.OCRLang
	}
	return DefaultOCRLang
}

// ocrResult is the recognition of one page: its layout and word
// confidences.
type ocrResult struct {
	page  pdfPage
	words int
	conf  float64 // sum of word confidences
}

// parseTSV reads Tesseract's TSV output into pages of blocks (Tesseract's
// paragraphs), lines and words. Pixel coordinates are scaled by scale
// (72/dpi gives PDF points). Words with a negative confidence or no text
// are dropped.
func parseTSV(out []byte, scale float64) ([]ocrResult, error) {
	var res []ocrResult
	type key struct{ page, block, par, line int }
	var cur key
	first := true
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for sc.Scan() {
		f := strings.Split(sc.Text(), "\t")
		if first {
			first = false
			if f[0] == "level" {
				continue // the header
			}
		}
		if len(f) < 11 {
			continue
		}
		var n [11]int
		ok := true
		for k := 0; k < 10; k++ {
			v, err := strconv.Atoi(f[k])
			if err != nil {
				ok = false
				break
			}
			n[k] = v
		}
		if !ok {
			return nil, fmt.Errorf("%w: tesseract output: bad line %q", ErrMalformed, truncate(sc.Text(), 60))
		}
		level, pg := n[0], n[1]
		if pg < 1 || pg > 1_000_000 {
			return nil, fmt.Errorf("%w: tesseract output: page %d", ErrMalformed, pg)
		}
		for len(res) < pg {
			res = append(res, ocrResult{})
		}
		r := &res[pg-1]
		b := box{float64(n[6]) * scale, float64(n[7]) * scale, float64(n[6]+n[8]) * scale, float64(n[7]+n[9]) * scale}
		switch level {
		case 1:
			r.page.height = b.y1
		case 4:
			k := key{pg, n[2], n[3], n[4]}
			if len(r.page.blocks) == 0 || k.block != cur.block || k.par != cur.par {
				r.page.blocks = append(r.page.blocks, pdfBlock{})
			}
			cur = k
			blk := &r.page.blocks[len(r.page.blocks)-1]
			blk.lines = append(blk.lines, pdfLine{box: b})
		case 5:
			text := ""
			if len(f) > 11 {
				text = strings.TrimSpace(f[11])
			}
			conf, err := strconv.ParseFloat(f[10], 64)
			if err != nil || conf < 0 || text == "" || len(r.page.blocks) == 0 {
				continue
			}
			blk := &r.page.blocks[len(r.page.blocks)-1]
			if len(blk.lines) == 0 {
				continue
			}
			l := &blk.lines[len(blk.lines)-1]
			text = repairWord(text, len(l.words) == 0)
			l.words = append(l.words, pdfWord{text: text, box: b, conf: conf})
			r.words++
			r.conf += min(conf, 100)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%w: tesseract output: %v", ErrMalformed, err)
	}
	for i := range res {
		for j := range res[i].page.blocks {
			blk := &res[i].page.blocks[j]
			lines := blk.lines[:0]
			for _, l := range blk.lines {
				if len(l.words) == 0 {
					continue
				}
				l.text = wordsText(l.words)
				l.y0, l.y1 = steadyBox(l)
				lines = append(lines, l)
			}
			blk.lines = lines
		}
		res[i].page = ocrLayout(res[i].page)
	}
	return res, nil
}

// OCR repairs of legal references: Tesseract drops the narrow space after
// an abbreviation's dot ("lit.e", "Abs.3") and before an acronym set in
// capitals ("fDSGVO"), and reads a section sign at the start of a line as
// a dollar sign ("$ 4 Pflichten").
var (
	reAbbrevGlued  = lazyRegexp(`^(lit|Abs|Art|Nr|Ziff|Buchst|UAbs|Satz|S)\.(\p{Ll}\)?|\d+)$`)
	reAcronymGlued = lazyRegexp(`^(\p{Ll})(DSGVO|DS-GVO|BDSG|GDPR|TTDSG|TDDDG)(\W*)$`)
	reDollarSign   = lazyRegexp(`^\$\$?$`)
)

// repairWord applies the OCR repairs to a recognised word; first tells
// whether it starts its line.
func repairWord(w string, first bool) string {
	if first && reDollarSign().MatchString(w) {
		return strings.Repeat("§", len(w))
	}
	w = reAbbrevGlued().ReplaceAllString(w, "$1. $2")
	return reAcronymGlued().ReplaceAllString(w, "$1 $2$3")
}

// bulletReadings are what Tesseract reads for list bullets ("•", "▪", "o"
// in a symbol font) at the start of a line.
var bulletReadings = map[string]bool{"«": true, "»": true, "+": true, "*": true, "°": true, "©": true, "®": true, "¢": true, "e": true, "o": true, "©)": true, "@": true}

// ocrLayout adapts a recognised page to the layout steps shared with text
// layers: a bullet read as another character becomes "•", and a list
// marker that Tesseract put in a line or block of its own (a hanging
// label: "(1)", "a)", "•" set apart from the text by a tab) joins the line
// to its right, as it does in a text layer.
func ocrLayout(p pdfPage) pdfPage {
	p.ocr = true
	dropDoubles(p)
	type ref struct{ b, l int }
	var all []ref
	for bi := range p.blocks {
		for li := range p.blocks[bi].lines {
			l := &p.blocks[bi].lines[li]
			if len(l.words) >= 2 && bulletReadings[l.words[0].text] {
				w0, w1 := l.words[0], l.words[1]
				h := l.y1 - l.y0
				letter := w0.text == "e" || w0.text == "o"
				if !letter || w1.x0-w0.x1 >= 0.4*h && (w0.y1-w0.y0) < 0.7*h {
					l.words[0].text = "•"
					l.text = "•" + l.text[len(w0.text):]
				}
			}
		}
	}
	p = splitLines(p)
	for bi := range p.blocks {
		for li := range p.blocks[bi].lines {
			all = append(all, ref{bi, li})
		}
	}
	for _, m := range all {
		lab := &p.blocks[m.b].lines[m.l]
		if len(lab.words) == 0 || !reCellLabel().MatchString(lab.text) && lab.text != "•" {
			continue
		}
		var best *pdfLine
		for _, o := range all {
			t := &p.blocks[o.b].lines[o.l]
			if o == m || len(t.words) == 0 || t.x0 <= lab.x1 {
				continue
			}
			ov := min(t.y1, lab.y1) - max(t.y0, lab.y0)
			if ov < 0.5*min(t.y1-t.y0, lab.y1-lab.y0) {
				continue
			}
			if best == nil || t.x0 < best.x0 {
				best = t
			}
		}
		if best == nil {
			continue
		}
		best.words = append(slices.Clone(lab.words), best.words...)
		best.text = lab.text + " " + best.text
		best.x0, best.y0, best.y1 = lab.x0, min(lab.y0, best.y0), max(lab.y1, best.y1)
		lab.words, lab.text = nil, ""
	}
	p.blocks = dropEmpty(p.blocks)
	return joinBlocks(p)
}

// dropDoubles removes words that Tesseract read twice: a word whose box
// lies for the most part inside another, more confident word's box (a
// letter of "Stripe" read again as "P" in the line below).
func dropDoubles(p pdfPage) {
	type ref struct{ b, l, w int }
	var all []ref
	for bi, b := range p.blocks {
		for li, l := range b.lines {
			for wi := range l.words {
				all = append(all, ref{bi, li, wi})
			}
		}
	}
	word := func(r ref) *pdfWord { return &p.blocks[r.b].lines[r.l].words[r.w] }
	drop := map[ref]bool{}
	for i, a := range all {
		wa := word(a)
		for _, c := range all[i+1:] {
			wc := word(c)
			ix := min(wa.x1, wc.x1) - max(wa.x0, wc.x0)
			iy := min(wa.y1, wc.y1) - max(wa.y0, wc.y0)
			if ix <= 0 || iy <= 0 {
				continue
			}
			areaA := (wa.x1 - wa.x0) * (wa.y1 - wa.y0)
			areaC := (wc.x1 - wc.x0) * (wc.y1 - wc.y0)
			if ix*iy < 0.5*min(areaA, areaC) {
				continue
			}
			// The smaller word when one is clearly smaller (a letter read
			// again), else the less confident.
			smallA := areaA < 0.5*areaC
			smallC := areaC < 0.5*areaA
			if smallA || !smallC && wa.conf < wc.conf {
				drop[a] = true
			} else {
				drop[c] = true
			}
		}
	}
	if len(drop) == 0 {
		return
	}
	for bi := range p.blocks {
		for li := range p.blocks[bi].lines {
			l := &p.blocks[bi].lines[li]
			kept := l.words[:0]
			for wi, w := range l.words {
				if !drop[ref{bi, li, wi}] {
					kept = append(kept, w)
				}
			}
			l.words = kept
			l.text = wordsText(kept)
		}
	}
}

// wordsText joins the words of a line with spaces.
func wordsText(ws []pdfWord) string {
	texts := make([]string, len(ws))
	for k, w := range ws {
		texts[k] = w.text
	}
	return strings.Join(texts, " ")
}

// splitLines splits recognised lines at gaps wider than twice the page's
// median word space and half a line height: Tesseract reads a table row
// as one line across its cells, where a text layer has a line per cell.
func splitLines(p pdfPage) pdfPage {
	var gaps []float64
	for _, b := range p.blocks {
		for _, l := range b.lines {
			for k := 1; k < len(l.words); k++ {
				gaps = append(gaps, l.words[k].x0-l.words[k-1].x1)
			}
		}
	}
	if len(gaps) < 10 {
		return p
	}
	space := median(gaps)
	for bi := range p.blocks {
		b := &p.blocks[bi]
		var lines []pdfLine
		for _, l := range b.lines {
			limit := max(2*space, 0.5*(l.y1-l.y0))
			start := 0
			for k := 1; k <= len(l.words); k++ {
				if k < len(l.words) && l.words[k].x0-l.words[k-1].x1 <= limit {
					continue
				}
				ws := l.words[start:k]
				piece := pdfLine{words: ws, text: wordsText(ws), box: box{ws[0].x0, l.y0, ws[len(ws)-1].x1, l.y1}}
				lines = append(lines, piece)
				start = k
			}
		}
		b.lines = lines
	}
	return p
}

// joinBlocks joins blocks that Tesseract split inside a paragraph: the next
// block starts below the last line of the previous one, overlapping it
// horizontally, no further away than the lines inside blocks usually are.
func joinBlocks(p pdfPage) pdfPage {
	var gaps []float64
	for _, b := range p.blocks {
		for k := 1; k < len(b.lines); k++ {
			gaps = append(gaps, b.lines[k].y0-b.lines[k-1].y1)
		}
	}
	if len(gaps) < 3 || len(p.blocks) < 2 {
		return p
	}
	return joinBlocksWithin(p, median(gaps)*1.3+1)
}

// joinLineBlocks joins the blocks of a text-layer page whose generator
// made every line a block of its own (browsers' PDF export does): most
// blocks hold one line, and the gaps between them fall into line spacing
// and paragraph spacing; blocks are joined across line spacing.
func joinLineBlocks(p pdfPage) pdfPage {
	single := 0
	for _, b := range p.blocks {
		if len(b.lines) == 1 {
			single++
		}
	}
	if len(p.blocks) < 5 || float64(single) < 0.8*float64(len(p.blocks)) {
		return p
	}
	var gaps []float64
	for k := 1; k < len(p.blocks); k++ {
		a, b := p.blocks[k-1].lines, p.blocks[k].lines
		last, first := a[len(a)-1], b[0]
		if gap := first.y0 - last.y1; gap >= 0 && min(last.x1, first.x1) > max(last.x0, first.x0) {
			gaps = append(gaps, gap)
		}
	}
	if len(gaps) < 4 {
		return p
	}
	return joinBlocksWithin(p, quantile(gaps, 0.25)*1.3+1)
}

// joinBlocksWithin joins each block to the one before when it starts at
// most limit below it, overlapping it horizontally, in a font of the same
// size.
func joinBlocksWithin(p pdfPage, limit float64) pdfPage {
	if len(p.blocks) < 2 {
		return p
	}
	out := p.blocks[:1]
	for _, b := range p.blocks[1:] {
		prev := &out[len(out)-1]
		last, first := prev.lines[len(prev.lines)-1], b.lines[0]
		gap := first.y0 - last.y1
		if gap >= 0 && gap <= limit && min(last.x1, first.x1) > max(last.x0, first.x0) && !headingLike(prev, b) {
			prev.lines = append(prev.lines, b.lines...)
			continue
		}
		out = append(out, b)
	}
	p.blocks = out
	return p
}

// headingLike reports whether two blocks differ in line height as a
// heading and its text do, so they stay apart.
func headingLike(a *pdfBlock, b pdfBlock) bool {
	ha, hb := lineHeight(a.lines[len(a.lines)-1]), lineHeight(b.lines[0])
	return ha > 1.15*hb || hb > 1.15*ha
}

// dropEmpty removes lines without words and blocks without lines, in place.
func dropEmpty(bs []pdfBlock) []pdfBlock {
	blocks := bs[:0]
	for _, b := range bs {
		lines := b.lines[:0]
		for _, l := range b.lines {
			if len(l.words) > 0 {
				lines = append(lines, l)
			}
		}
		if len(lines) > 0 {
			b.lines = lines
			blocks = append(blocks, b)
		}
	}
	return blocks
}

// steadyBox returns the top and bottom of a recognised line from the
// medians of its words' tops and bottoms (about the ascender line and the
// baseline, as most words have an ascender or a capital and no descender),
// widened to a font's box. The glyph box Tesseract reports grows with each
// descender or parenthesis, which blurs the spacing the layout reads rows
// and paragraphs from.
func steadyBox(l pdfLine) (float64, float64) {
	var tops, bots, allTops, allBots []float64
	for _, w := range l.words {
		allTops, allBots = append(allTops, w.y0), append(allBots, w.y1)
		if strings.ContainsFunc(w.text, isTall) {
			tops = append(tops, w.y0)
		}
		if !strings.ContainsAny(w.text, descenders) {
			bots = append(bots, w.y1)
		}
	}
	if len(tops) == 0 {
		tops = allTops
	}
	y0 := median(tops)
	var y1 float64
	if len(bots) > 0 {
		y1 = median(bots)
	} else {
		// Every word descends: the baseline is about a fifth of the
		// glyphs' height above their bottom.
		b := median(allBots)
		y1 = b - 0.2*(b-y0)
	}
	if y1 <= y0 {
		return l.y0, l.y1
	}
	// From ascender line and baseline to a font's box, as a text layer
	// reports it: the ascent above the baseline is about 1.2 times the
	// ascender height, the descent below it 0.3 times.
	h := y1 - y0
	return y1 - 1.2*h, y1 + 0.3*h
}

// descenders are characters that reach below the baseline.
const descenders = "gjpqyQ(),;[]{}|/@$§µ"

// isTall reports whether r reaches the ascender line: capitals, digits and
// b, d, f, h, k, l, t.
func isTall(r rune) bool {
	return unicode.IsUpper(r) || unicode.IsDigit(r) || strings.ContainsRune("bdfhkltß", r)
}

// truncate shortens s to n bytes for a message.
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}

// tesseract recognises the image file img and returns its pages. dpi is
// the image's resolution when known (0 lets Tesseract read it from the
// file); scale converts pixels to the units of the layout.
func tesseract(ctx context.Context, limit time.Duration, bin, img string, dpi int, lang string, scale float64) ([]ocrResult, error) {
	args := []string{img, "stdout", "-l", lang}
	if dpi > 0 {
		args = append(args, "--dpi", strconv.Itoa(dpi))
	}
	args = append(args, "tsv")
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Env = append(os.Environ(), "OMP_THREAD_LIMIT=1")
	stdout := &limitedBuffer{limit: maxPDFText}
	stderr := &limitedBuffer{limit: 64 << 10}
	cmd.Stdout, cmd.Stderr = stdout, stderr
	cmd.WaitDelay = time.Second
	err := cmd.Run()
	if ctx.Err() != nil {
		return nil, fmt.Errorf("%w: recognising a page took longer than %s", ErrLimit, limit)
	}
	if stdout.overflow {
		return nil, fmt.Errorf("%w: recognised text larger than %d bytes", ErrLimit, maxPDFText)
	}
	if err != nil {
		return nil, fmt.Errorf("%w: tesseract: %s", ErrMalformed, lastLine(stderr.String(), err))
	}
	return parseTSV(stdout.Bytes(), scale)
}

// lastLine returns the last non-empty line of a tool's error output, or
// err's text.
func lastLine(msg string, err error) string {
	first := strings.TrimSpace(msg)
	if i := strings.LastIndexByte(first, '\n'); i >= 0 {
		first = strings.TrimSpace(first[i+1:])
	}
	if first == "" {
		return err.Error()
	}
	return first
}

// ocrPDFPages renders and recognises the given 1-based pages of the PDF
// file pdf, whose sizes in points are sizes[page-1], at most opt.Jobs at a
// time. It returns the results in the order of pages.
func ocrPDFPages(pdf string, pages []int, sizes [][2]float64, opt Options) ([]ocrResult, error) {
	tess, err := exec.LookPath(tesseractBin)
	if err != nil {
		return nil, ErrMissingOCR
	}
	ppm, err := exec.LookPath(pdftoppmBin)
	if err != nil {
		return nil, ErrMissingRenderer
	}
	if len(pages) > opt.ocrPages() {
		return nil, fmt.Errorf("%w: %d pages to recognise (limit %d)", ErrLimit, len(pages), opt.ocrPages())
	}
	dir, err := os.MkdirTemp("", "art28-ocr-*")
	if err != nil {
		return nil, fmt.Errorf("temporary directory: %w", err)
	}
	defer os.RemoveAll(dir)
	dpi := opt.DPI
	if dpi <= 0 {
		dpi = DefaultDPI
	}
	scanDPI := imageResolutions(pdf, sizes, opt)
	out := make([]ocrResult, len(pages))
	errs := make([]error, len(pages))
	var mu sync.Mutex
	done := 0
	if opt.Progress != nil {
		opt.Progress(0, len(pages))
	}
	work := make(chan int)
	var wg sync.WaitGroup
	for range min(opt.ocrJobs(), len(pages)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range work {
				var size [2]float64
				if p := pages[i]; p-1 < len(sizes) {
					size = sizes[p-1]
				}
				d := dpi
				if r := scanDPI[pages[i]]; r > 0 && opt.DPI <= 0 {
					d = min(dpi, max(minScanDPI, r))
				}
				out[i], errs[i] = ocrPDFPage(ppm, tess, pdf, dir, pages[i], size, d, opt)
				mu.Lock()
				done++
				if opt.Progress != nil {
					opt.Progress(done, len(pages))
				}
				mu.Unlock()
			}
		}()
	}
	for i := range pages {
		work <- i
	}
	close(work)
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			return nil, fmt.Errorf("page %d: %w", pages[i], err)
		}
	}
	return out, nil
}

// minScanDPI is the lowest resolution a scanned page is rendered at.
const minScanDPI = 150

// pdfimagesBin is poppler's image lister, a variable for tests.
var pdfimagesBin = "pdfimages"

// imageResolutions returns, for each page (1-based) that holds an image
// at least half the page wide (a scan), the image's resolution in pixels
// per inch, read from pdfimages -list. A scan is rendered at its own
// resolution: more pixels hold no more detail and cost recognition time.
// It returns nil when pdfimages is missing or fails.
func imageResolutions(pdf string, sizes [][2]float64, opt Options) map[int]int {
	bin, err := exec.LookPath(pdfimagesBin)
	if err != nil {
		return nil
	}
	limit := opt.pageTimeout()
	ctx, cancel := context.WithTimeout(context.Background(), limit)
	defer cancel()
	out, err := runTool(ctx, limit, 4<<20, bin, "-list", pdf)
	if err != nil {
		return nil
	}
	res := map[int]int{}
	for _, l := range strings.Split(string(out), "\n") {
		f := strings.Fields(l)
		if len(f) < 14 {
			continue
		}
		page, err1 := strconv.Atoi(f[0])
		width, err2 := strconv.Atoi(f[3])
		ppi, err3 := strconv.Atoi(f[12])
		if err1 != nil || err2 != nil || err3 != nil || page < 1 || page > len(sizes) || ppi <= 0 {
			continue
		}
		if w := sizes[page-1][0]; w > 0 && float64(width)/float64(ppi)*72 >= 0.5*w {
			res[page] = max(res[page], ppi)
		}
	}
	return res
}

// ocrPDFPage renders one page and recognises it. A page too large for
// maxPagePixels at dpi is rendered at a lower resolution, down to minDPI.
func ocrPDFPage(ppm, tess, pdf, dir string, page int, size [2]float64, dpi int, opt Options) (ocrResult, error) {
	limit := opt.pageTimeout()
	ctx, cancel := context.WithTimeout(context.Background(), limit)
	defer cancel()
	w, h := size[0], size[1]
	if w < 1 || h < 1 {
		return ocrResult{}, fmt.Errorf("%w: page of %.0f × %.0f points", ErrMalformed, w, h)
	}
	{
		px := w * h * float64(dpi) * float64(dpi) / (72 * 72)
		for px > maxPagePixels && dpi > minDPI {
			dpi = max(minDPI, dpi*3/4)
			px = w * h * float64(dpi) * float64(dpi) / (72 * 72)
		}
		if px > maxPagePixels {
			return ocrResult{}, fmt.Errorf("%w: page of %.0f × %.0f points too large to recognise", ErrLimit, w, h)
		}
	}
	root := filepath.Join(dir, "p"+strconv.Itoa(page))
	n := strconv.Itoa(page)
	if _, err := runTool(ctx, limit, 64<<10, ppm, "-r", strconv.Itoa(dpi), "-f", n, "-l", n, "-gray", "-singlefile", pdf, root); err != nil {
		return ocrResult{}, err
	}
	img := root + ".pgm"
	defer os.Remove(img)
	if err := cleanPGM(img, dpi); err != nil {
		return ocrResult{}, err
	}
	res, err := tesseract(ctx, limit, tess, img, dpi, opt.ocrLang(), 72/float64(dpi))
	if err != nil {
		return ocrResult{}, err
	}
	if len(res) == 0 {
		return ocrResult{}, nil
	}
	if size[1] > 0 {
		res[0].page.height = size[1]
	}
	return res[0], nil
}

// cleanPGM removes ruled lines from the PGM image file img.
func cleanPGM(img string, dpi int) error {
	raw, err := os.ReadFile(img)
	if err != nil {
		return fmt.Errorf("rendered page: %w", err)
	}
	g, err := readPGM(raw)
	if err != nil {
		return err
	}
	removeRules(g, dpi)
	if err := os.WriteFile(img, writePGM(g), 0o600); err != nil {
		return fmt.Errorf("rendered page: %w", err)
	}
	return nil
}

// ocrNote describes the recognised pages and their mean word confidence
// for the report, with a warning when it is low.
func ocrNote(pages []int, results []ocrResult, total int) string {
	words, conf := 0, 0.0
	for _, r := range results {
		words += r.words
		conf += r.conf
	}
	which := pageList(pages)
	if len(pages) == total && total > 1 {
		which = "all " + strconv.Itoa(total) + " pages"
	}
	if words == 0 {
		return fmt.Sprintf("Text recognition (OCR) on %s found no words.", which)
	}
	mean := conf / float64(words)
	note := fmt.Sprintf("Text recognised by OCR on %s; mean word confidence %.0f %%.", which, mean)
	if mean < lowConfidence {
		note += " The confidence is low: check quoted evidence against the original."
	}
	return note
}
