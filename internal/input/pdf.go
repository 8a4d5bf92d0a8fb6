package input

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"regexp"
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
	DefaultMaxPages = 2000
	// DefaultTimeout caps the time one PDF may take to extract.
	DefaultTimeout = 60 * time.Second
	// maxPDFText caps the text read from pdftotext.
	maxPDFText = 200 << 20
)

// ErrMissingTool reports that the PDF extractor is not installed.
var ErrMissingTool = errors.New("reading PDF needs pdftotext and pdfinfo from poppler-utils, which are not installed (Debian/Ubuntu: apt-get install poppler-utils)")

// ErrNoTextLayer reports a PDF without extractable text, typically a scan.
var ErrNoTextLayer = errors.New("PDF has no text layer (scanned image?); OCR is not supported, convert it to a searchable PDF first")

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
	pages := 0
	for _, l := range strings.Split(string(out), "\n") {
		if v, ok := strings.CutPrefix(l, "Pages:"); ok {
			pages, _ = strconv.Atoi(strings.TrimSpace(v))
		}
	}
	if pages > maxPages {
		return nil, fmt.Errorf("%w: %d pages (limit %d)", ErrLimit, pages, maxPages)
	}
	out, err = runTool(ctx, timeout, maxPDFText, totext, "-enc", "UTF-8", "-eol", "unix", "-l", strconv.Itoa(maxPages), tmp.Name(), "-")
	if err != nil {
		return nil, err
	}
	return pdfDocument(path, out)
}

// limitedBuffer stops accepting bytes beyond its limit.
type limitedBuffer struct {
	bytes.Buffer
	limit    int
	overflow bool
}

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
	if ctx.Err() != nil {
		return nil, fmt.Errorf("%w: PDF extraction took longer than %s", ErrLimit, timeout)
	}
	if stdout.overflow {
		return nil, fmt.Errorf("%w: PDF text larger than %d bytes", ErrLimit, limit)
	}
	if err != nil {
		msg := stderr.String()
		low := strings.ToLower(msg)
		if strings.Contains(low, "password") || strings.Contains(low, "encrypt") {
			return nil, ErrEncrypted
		}
		first := strings.TrimSpace(msg)
		if i := strings.LastIndexByte(first, '\n'); i >= 0 {
			first = first[i+1:]
		}
		if first == "" {
			first = err.Error()
		}
		return nil, fmt.Errorf("%w: %s", ErrMalformed, first)
	}
	return stdout.Bytes(), nil
}

// pdfDocument turns pdftotext output (pages separated by form feeds) into a
// document: running headers, footers and page numbers are removed, words
// hyphenated at line ends are joined, ligatures are spelled out, and the
// start offset of every page is recorded.
func pdfDocument(path string, out []byte) (*document.Document, error) {
	rawPages := strings.Split(string(out), "\f")
	if len(rawPages) > 1 && strings.TrimSpace(rawPages[len(rawPages)-1]) == "" {
		rawPages = rawPages[:len(rawPages)-1]
	}
	pages := make([][]string, len(rawPages))
	for i, p := range rawPages {
		t, err := document.Normalize([]byte(p))
		if err != nil && !errors.Is(err, document.ErrBinary) {
			return nil, err
		}
		if err != nil {
			t = strings.ToValidUTF8(p, "")
		}
		pages[i] = strings.Split(t, "\n")
	}
	stripFurniture(pages)
	var b strings.Builder
	starts := make([]int, 0, len(pages))
	letters := 0
	for _, lines := range pages {
		lines = dehyphenate(lines)
		starts = append(starts, b.Len())
		for _, l := range lines {
			for _, r := range l {
				if unicode.IsLetter(r) {
					letters++
				}
			}
			b.WriteString(strings.TrimRight(l, " \t"))
			b.WriteByte('\n')
		}
	}
	if letters < 20*len(pages)+30 {
		return nil, ErrNoTextLayer
	}
	text := b.String()
	doc := document.ParseText(path, "pdf", text)
	doc.Pages = starts
	return doc, nil
}

// rePageNumber matches a line that is only a page number: "3", "- 3 -",
// "Seite 3 von 10", "Page 3 of 10", "3/10".
var rePageNumber = regexp.MustCompile(`^(?i:seite|page|s\.|p\.)?\s*[-–—]?\s*\d{1,4}\s*(?:(?:von|of|/|aus)\s*\d{1,4})?\s*[-–—]?$`)

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
			if rePageNumber.MatchString(t) || len(pages) >= 2 && len(t) < 150 && counts[key(t)] >= need {
				lines[i] = ""
			}
		}
	}
}

// keepHyphen lists words after a line-end hyphen that show the hyphen is a
// suspended compound ("Vertrags- und Datenschutz"), not a word split.
var keepHyphen = map[string]bool{"und": true, "oder": true, "bzw": true, "bzw.": true, "sowie": true, "and": true, "or": true}

// dehyphenate joins words split by a hyphen at the end of a line: the
// continuation is pulled up onto the hyphenated line.
func dehyphenate(lines []string) []string {
	for i := 0; i+1 < len(lines); i++ {
		cur := strings.TrimRight(lines[i], " ")
		if len(cur) < 2 || cur[len(cur)-1] != '-' {
			continue
		}
		prev, _ := utf8.DecodeLastRuneInString(cur[:len(cur)-1])
		if !unicode.IsLetter(prev) || !unicode.IsLower(prev) {
			continue
		}
		next := strings.TrimLeft(lines[i+1], " ")
		first, _ := utf8.DecodeRuneInString(next)
		if next == "" || !unicode.IsLower(first) {
			continue
		}
		word, rest, _ := strings.Cut(next, " ")
		if keepHyphen[strings.TrimRight(word, ",.;:")] {
			continue
		}
		lines[i] = cur[:len(cur)-1] + word
		lines[i+1] = rest
		if rest == "" {
			// Keep the line count: a blank would split the paragraph, so
			// pull the following line up instead.
			lines = append(lines[:i+1], lines[i+2:]...)
			i--
		}
	}
	return lines
}
