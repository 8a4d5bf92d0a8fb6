package input

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"image"
	_ "image/jpeg" // register the JPEG decoder
	_ "image/png"  // register the PNG decoder
	"os"
	"os/exec"
	"time"

	"github.com/art28/art28/internal/document"
)

// Images (PNG, JPEG, TIFF) are contracts scanned or photographed: each page
// is recognised by Tesseract. Before Tesseract sees a file, its header is
// read here and its dimensions checked, so a truncated file, a 0×0 image
// or a decompression bomb (a small file declaring a huge image) is refused
// with a clear message instead of exhausting memory.

// maxTIFFPages caps the pages (image directories) of a TIFF file read.
const maxTIFFPages = 1000

// imagePages checks an image file and returns its number of pages. It
// refuses unknown, truncated and oversized images.
func imagePages(raw []byte) (kind string, pages int, err error) {
	switch {
	case bytes.HasPrefix(raw, []byte("\x89PNG\r\n\x1a\n")):
		kind = "png"
	case bytes.HasPrefix(raw, []byte{0xff, 0xd8, 0xff}):
		kind = "jpeg"
	case bytes.HasPrefix(raw, []byte("II*\x00")) || bytes.HasPrefix(raw, []byte("MM\x00*")):
		dims, err := tiffDims(raw)
		if err != nil {
			return "", 0, err
		}
		for _, d := range dims {
			if err := checkDims(d[0], d[1]); err != nil {
				return "", 0, err
			}
		}
		return "tiff", len(dims), nil
	default:
		return "", 0, fmt.Errorf("%w: not a PNG, JPEG or TIFF image", ErrMalformed)
	}
	cfg, _, err := image.DecodeConfig(bytes.NewReader(raw))
	if err != nil {
		return "", 0, fmt.Errorf("%w: %s image: %v", ErrMalformed, kind, err)
	}
	if err := checkDims(cfg.Width, cfg.Height); err != nil {
		return "", 0, err
	}
	// Decoding the whole image, now known to be of a sane size, finds
	// truncated and corrupt data.
	if _, _, err := image.Decode(bytes.NewReader(raw)); err != nil {
		return "", 0, fmt.Errorf("%w: %s image: %v", ErrMalformed, kind, err)
	}
	return kind, 1, nil
}

// checkDims refuses empty and oversized image pages.
func checkDims(w, h int) error {
	if w <= 0 || h <= 0 {
		return fmt.Errorf("%w: image of %d × %d pixels", ErrMalformed, w, h)
	}
	if int64(w)*int64(h) > maxPagePixels {
		return fmt.Errorf("%w: image of %d × %d pixels (limit %d megapixels)", ErrLimit, w, h, maxPagePixels/1_000_000)
	}
	return nil
}

// tiffDims walks the image file directories of a TIFF file and returns the
// width and height of each page.
func tiffDims(raw []byte) ([][2]int, error) {
	var bo binary.ByteOrder = binary.LittleEndian
	if raw[0] == 'M' {
		bo = binary.BigEndian
	}
	bad := func(what string) error { return fmt.Errorf("%w: TIFF image: %s", ErrMalformed, what) }
	if len(raw) < 8 {
		return nil, bad("truncated header")
	}
	off := int64(bo.Uint32(raw[4:8]))
	var dims [][2]int
	seen := map[int64]bool{}
	for off != 0 {
		if seen[off] {
			return nil, bad("directory loop")
		}
		seen[off] = true
		if len(dims) >= maxTIFFPages {
			return nil, fmt.Errorf("%w: more than %d pages in a TIFF image", ErrLimit, maxTIFFPages)
		}
		if off < 8 || off+2 > int64(len(raw)) {
			return nil, bad("truncated")
		}
		n := int64(bo.Uint16(raw[off:]))
		end := off + 2 + 12*n
		if end+4 > int64(len(raw)) {
			return nil, bad("truncated")
		}
		w, h := -1, -1
		for e := off + 2; e < end; e += 12 {
			tag, typ := bo.Uint16(raw[e:]), bo.Uint16(raw[e+2:])
			var v int
			switch typ {
			case 3: // SHORT
				v = int(bo.Uint16(raw[e+8:]))
			case 4: // LONG
				v = int(bo.Uint32(raw[e+8:]) & 0x7fffffff)
			default:
				continue
			}
			switch tag {
			case 256:
				w = v
			case 257:
				h = v
			}
		}
		if w < 0 || h < 0 {
			return nil, bad("page without width or height")
		}
		dims = append(dims, [2]int{w, h})
		off = int64(bo.Uint32(raw[end:]))
	}
	if len(dims) == 0 {
		return nil, bad("no pages")
	}
	return dims, nil
}

// parseImage recognises a scanned or photographed contract.
func parseImage(path string, raw []byte, opt Options) (*document.Document, error) {
	kind, n, err := imagePages(raw)
	if err != nil {
		return nil, err
	}
	if opt.ocrMode() == OCRNever {
		return nil, fmt.Errorf("%w: an image has no text layer; it needs --ocr auto or always", ErrUnsupported)
	}
	if n > opt.ocrPages() {
		return nil, fmt.Errorf("%w: %d pages to recognise (limit %d)", ErrLimit, n, opt.ocrPages())
	}
	tess, err := exec.LookPath(tesseractBin)
	if err != nil {
		return nil, ErrMissingOCR
	}
	// PNG and JPEG pages are passed as grey images with their ruled lines
	// removed, like rendered PDF pages; their resolution is guessed from
	// an A4 or Letter page's height. A TIFF goes to Tesseract as it is.
	dpi := 0
	data := raw
	if kind != "tiff" {
		img, _, err := image.Decode(bytes.NewReader(raw))
		if err != nil {
			return nil, fmt.Errorf("%w: %s image: %v", ErrMalformed, kind, err)
		}
		g := toGrey(img)
		dpi = min(600, max(70, int(float64(max(g.w, g.h))/11.5+0.5)))
		removeRules(g, dpi)
		kind, data = "pgm", writePGM(g)
	}
	tmp, err := os.CreateTemp("", "art28-*."+kind)
	if err != nil {
		return nil, fmt.Errorf("temporary file: %w", err)
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return nil, fmt.Errorf("temporary file: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return nil, fmt.Errorf("temporary file: %w", err)
	}
	// A multi-page TIFF is recognised by one process; its time limit is
	// the pages' together.
	limit := time.Duration(n) * opt.pageTimeout()
	ctx, cancel := context.WithTimeout(context.Background(), limit)
	defer cancel()
	if opt.Progress != nil {
		opt.Progress(0, n)
	}
	scale := 72.0 / DefaultDPI
	if dpi > 0 {
		scale = 72 / float64(dpi)
	}
	res, err := tesseract(ctx, limit, tess, tmp.Name(), dpi, opt.ocrLang(), scale)
	if err != nil {
		return nil, err
	}
	if opt.Progress != nil {
		opt.Progress(n, n)
	}
	pages := make([]pdfPage, len(res))
	nums := make([]int, len(res))
	for i, r := range res {
		pages[i] = r.page
		nums[i] = i + 1
	}
	doc, err := layoutDocument(path, "image", pages)
	if errors.Is(err, ErrNoTextLayer) {
		return nil, ErrNoText
	}
	if err != nil {
		return nil, err
	}
	doc.Notes = append(doc.Notes, ocrNote(nums, res, len(res)))
	return doc, nil
}
