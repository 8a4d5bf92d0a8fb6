package input

import (
	"bufio"
	"bytes"
	"fmt"
	"image"
	"io"
	"strconv"
)

// Ruled tables confuse Tesseract: a cell border beside a word is read as a
// letter ("|Firma", "1" as "n") and a border touching a word breaks it.
// Before recognition, long thin dark runs are whitened: vertical runs
// taller than a quarter inch (no letter of body text is) and horizontal
// runs longer than a twentieth of the page width (no word is), either at
// most ruleThickness pixels thick per 300 dpi.

// Parameters of rule removal.
const (
	// ruleDark is the grey level below which a pixel is ink.
	ruleDark = 160
	// ruleVertical is the shortest vertical rule, in inches.
	ruleVertical = 0.25
	// ruleHorizontal is the shortest horizontal rule, as a share of the
	// page width.
	ruleHorizontal = 1.0 / 20
	// ruleThickness is the thickest rule at 300 dpi, in pixels.
	ruleThickness = 6
)

// grey is an 8-bit grey image.
type grey struct {
	w, h int
	pix  []byte
}

// removeRules whitens ruled lines in g, in place, for an image of dpi
// dots per inch.
func removeRules(g grey, dpi int) {
	if g.w <= 0 || g.h <= 0 || len(g.pix) < g.w*g.h {
		return
	}
	minV := int(ruleVertical * float64(dpi))
	minH := int(ruleHorizontal * float64(g.w))
	thick := max(2, ruleThickness*dpi/300)
	ink := func(x, y int) bool { return g.pix[y*g.w+x] < ruleDark }
	var clear []int // pixel offsets to whiten
	// Vertical runs: per column, runs of ink at least minV tall whose
	// horizontal extent at mid-height is at most thick.
	for x := 0; x < g.w; x++ {
		for y := 0; y < g.h; {
			if !ink(x, y) {
				y++
				continue
			}
			y0 := y
			for y < g.h && ink(x, y) {
				y++
			}
			if y-y0 >= minV && (thinAt(g, x, y0+(y-y0)/3, thick, true) || thinAt(g, x, y0+2*(y-y0)/3, thick, true)) {
				// The rule and its anti-aliased fringe.
				for k := y0; k < y; k++ {
					for d := max(0, x-1); d <= min(g.w-1, x+1); d++ {
						clear = append(clear, k*g.w+d)
					}
				}
			}
		}
	}
	for y := 0; y < g.h; y++ {
		row := g.pix[y*g.w : (y+1)*g.w]
		for x := 0; x < g.w; {
			if row[x] >= ruleDark {
				x++
				continue
			}
			x0 := x
			for x < g.w && row[x] < ruleDark {
				x++
			}
			if x-x0 >= minH && (thinAt(g, x0+(x-x0)/3, y, thick, false) || thinAt(g, x0+2*(x-x0)/3, y, thick, false)) {
				for k := x0; k < x; k++ {
					for d := max(0, y-1); d <= min(g.h-1, y+1); d++ {
						clear = append(clear, d*g.w+k)
					}
				}
			}
		}
	}
	for _, o := range clear {
		g.pix[o] = 255
	}
}

// thinAt reports whether the ink through (x, y) is at most thick pixels
// across: horizontally for a vertical run, vertically for a horizontal one.
func thinAt(g grey, x, y, thick int, vertical bool) bool {
	n := 1
	for d := 1; d <= thick; d++ {
		a, b := x, y
		if vertical {
			a = x + d
		} else {
			b = y + d
		}
		if a >= g.w || b >= g.h || g.pix[b*g.w+a] >= ruleDark {
			break
		}
		n++
	}
	for d := 1; d <= thick; d++ {
		a, b := x, y
		if vertical {
			a = x - d
		} else {
			b = y - d
		}
		if a < 0 || b < 0 || g.pix[b*g.w+a] >= ruleDark {
			break
		}
		n++
	}
	return n <= thick
}

// readPGM reads a binary 8-bit PGM ("P5") as pdftoppm -gray writes it.
func readPGM(raw []byte) (grey, error) {
	r := bufio.NewReader(bytes.NewReader(raw))
	var magic string
	var w, h, maxv int
	if _, err := fmt.Fscan(r, &magic, &w, &h, &maxv); err != nil || magic != "P5" || maxv != 255 {
		return grey{}, fmt.Errorf("%w: not an 8-bit binary PGM image", ErrMalformed)
	}
	if w <= 0 || h <= 0 || int64(w)*int64(h) > maxPagePixels {
		return grey{}, fmt.Errorf("%w: PGM image of %d × %d pixels", ErrLimit, w, h)
	}
	if _, err := r.ReadByte(); err != nil || r.Buffered() < w*h && len(raw) < w*h { // the white space after the header
		return grey{}, fmt.Errorf("%w: truncated PGM image", ErrMalformed)
	}
	pix := make([]byte, w*h)
	if _, err := io.ReadFull(r, pix); err != nil {
		return grey{}, fmt.Errorf("%w: truncated PGM image", ErrMalformed)
	}
	return grey{w, h, pix}, nil
}

// writePGM encodes g as a binary PGM.
func writePGM(g grey) []byte {
	head := "P5\n" + strconv.Itoa(g.w) + " " + strconv.Itoa(g.h) + "\n255\n"
	out := make([]byte, 0, len(head)+len(g.pix))
	return append(append(out, head...), g.pix...)
}

// toGrey converts a decoded image to grey.
func toGrey(img image.Image) grey {
	b := img.Bounds()
	g := grey{w: b.Dx(), h: b.Dy()}
	g.pix = make([]byte, g.w*g.h)
	if gi, ok := img.(*image.Gray); ok {
		for y := 0; y < g.h; y++ {
			copy(g.pix[y*g.w:(y+1)*g.w], gi.Pix[y*gi.Stride:y*gi.Stride+g.w])
		}
		return g
	}
	for y := 0; y < g.h; y++ {
		for x := 0; x < g.w; x++ {
			r, gg, bb, a := img.At(b.Min.X+x, b.Min.Y+y).RGBA()
			// Transparent pixels are paper.
			v := (299*r + 587*gg + 114*bb) / 1000
			v = v*a/0xffff + (0xffff - a)
			g.pix[y*g.w+x] = byte(v >> 8)
		}
	}
	return g
}
