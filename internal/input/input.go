// Package input reads a contract file into a document, choosing the reader
// by file extension and enforcing size limits.
package input

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"time"

	"github.com/art28/art28/internal/document"
)

// DefaultMaxBytes is the default input size limit (50 MB).
const DefaultMaxBytes = 50 << 20

// LimitMaxBytes is the largest MaxBytes honoured (1 GiB): offsets into
// the text are 32-bit inside the token index.
const LimitMaxBytes = 1 << 30

// ErrUnsupported reports a file type art28 cannot read.
var ErrUnsupported = errors.New("unsupported file type")

// ErrTooLarge reports an input above the size limit.
var ErrTooLarge = errors.New("input too large")

// ErrEmpty reports an input without text.
var ErrEmpty = errors.New("input is empty")

// Options are the limits for reading.
type Options struct {
	// MaxBytes is the largest input accepted; 0 means DefaultMaxBytes;
	// values above LimitMaxBytes mean LimitMaxBytes.
	MaxBytes int64
	// MaxUnzipped caps the bytes decompressed from a DOCX or ODT archive;
	// 0 means DefaultMaxUnzipped.
	MaxUnzipped int64
	// MaxEntries caps the entries of a DOCX or ODT archive; 0 means
	// DefaultMaxEntries.
	MaxEntries int
	// MaxPages caps the pages of a PDF; 0 means DefaultMaxPages.
	MaxPages int
	// Timeout caps the time for extracting a PDF's text; 0 means
	// DefaultTimeout.
	Timeout time.Duration
	// OCR is the text recognition mode: OCRAuto (the default when empty)
	// recognises PDF pages without a usable text layer, OCRAlways every
	// page, OCRNever none. Images are always recognised unless OCRNever.
	OCR string
	// Jobs is the number of pages recognised in parallel; 0 means 1.
	Jobs int
	// OCRPages caps the pages recognised in one file; 0 means
	// DefaultOCRPages.
	OCRPages int
	// PageTimeout caps the time to render and recognise one page; 0 means
	// DefaultPageTimeout.
	PageTimeout time.Duration
	// DPI is the resolution PDF pages are rendered at for recognition; 0
	// means DefaultDPI.
	DPI int
	// OCRLang names the Tesseract languages; empty means DefaultOCRLang.
	OCRLang string
	// Progress, when set, is called with the pages recognised so far and
	// the pages to recognise, from any goroutine but never concurrently.
	Progress func(done, total int)
}

// Supported reports whether a path has an extension art28 reads.
func Supported(path string) bool {
	_, ok := formats[strings.ToLower(filepath.Ext(path))]
	return ok
}

var formats = map[string]string{
	".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown",
	".html": "html", ".htm": "html", ".xhtml": "html",
	".pdf": "pdf", ".docx": "docx", ".odt": "odt",
	".png": "image", ".jpg": "image", ".jpeg": "image", ".tif": "image", ".tiff": "image",
}

// SupportedList names the supported extensions for messages.
const SupportedList = ".txt, .md, .html, .pdf, .docx, .odt, .png, .jpg, .tif"

// Read reads and parses the file at path. The returned raw bytes are the
// file's content, for hashing.
func Read(path string, opt Options) (*document.Document, []byte, error) {
	format, ok := formats[strings.ToLower(filepath.Ext(path))]
	if !ok {
		return nil, nil, fmt.Errorf("%s: %w (%q; supported: %s)", path, ErrUnsupported, filepath.Ext(path), SupportedList)
	}
	raw, err := readLimited(path, opt.MaxBytes)
	if err != nil {
		return nil, nil, err
	}
	doc, err := ParseOptions(path, format, raw, opt)
	return doc, raw, err
}

// Parse turns raw bytes of the given format into a document with the
// default limits.
func Parse(path, format string, raw []byte) (*document.Document, error) {
	return ParseOptions(path, format, raw, Options{})
}

// ParseOptions turns raw bytes of the given format into a document within
// the limits of opt.
func ParseOptions(path, format string, raw []byte, opt Options) (*document.Document, error) {
	if len(bytes.TrimSpace(raw)) == 0 {
		return nil, fmt.Errorf("%s: %w", path, ErrEmpty)
	}
	switch format {
	case "docx", "odt":
		var lines string
		var err error
		if format == "docx" {
			lines, err = parseDOCX(raw, opt)
		} else {
			lines, err = parseODT(raw, opt)
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		return structured(path, format, lines)
	case "pdf":
		doc, err := parsePDF(path, raw, opt)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		return doc, nil
	case "image":
		doc, err := parseImage(path, raw, opt)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		return doc, nil
	case "html":
		text, err := document.Normalize(raw)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		doc, err := document.ParseHTML(path, text)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		return doc, nil
	default:
		text, err := document.Normalize(raw)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		return document.ParseText(path, format, text), nil
	}
}

// structured parses the Markdown-like lines of a DOCX or ODT reader.
func structured(path, format, lines string) (*document.Document, error) {
	text, err := document.Normalize([]byte(lines))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if strings.TrimSpace(text) == "" {
		return nil, fmt.Errorf("%s: %w", path, ErrEmpty)
	}
	return document.ParseText(path, format, text), nil
}

func readLimited(path string, max int64) ([]byte, error) {
	if max <= 0 {
		max = DefaultMaxBytes
	}
	max = min(max, LimitMaxBytes)
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, unwrapPathError(err))
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("stat %s: %w", path, err)
	}
	if st.IsDir() {
		return nil, fmt.Errorf("%s: is a directory", path)
	}
	if st.Size() > max {
		return nil, fmt.Errorf("%s: %w (%d bytes, limit %d)", path, ErrTooLarge, st.Size(), max)
	}
	data, err := io.ReadAll(io.LimitReader(f, max+1))
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	if int64(len(data)) > max {
		return nil, fmt.Errorf("%s: %w (limit %d bytes)", path, ErrTooLarge, max)
	}
	return data, nil
}

func unwrapPathError(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// FormatOf returns the reader format for a file name by its extension
// ("pdf", "docx", "text" ...), false when art28 cannot read it.
func FormatOf(name string) (string, bool) {
	f, ok := formats[strings.ToLower(filepath.Ext(name))]
	return f, ok
}

// lazyRegexp returns a function that compiles expr, known to be valid, on
// its first call and returns the same expression on every call: the
// expressions of the PDF and OCR readers would otherwise be compiled at
// the start of every run, also of one that reads only text.
func lazyRegexp(expr string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })
}
