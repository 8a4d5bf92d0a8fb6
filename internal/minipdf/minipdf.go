// Package minipdf writes minimal PDFs with text placed at given positions
// in the standard Helvetica fonts: fixtures with a known layout for the
// tests of the PDF reader. It is not a general PDF writer.
package minipdf

import (
	"bytes"
	"fmt"
	"strings"
)

// Item is text placed on a page: left edge and top of the line in points
// from the top-left corner, font size, bold.
type Item struct {
	X, Top, Size float64
	Bold         bool
	Text         string
}

// Page is one page; Width and Height default to A4 (595 x 842 points).
type Page struct {
	Items         []Item
	Width, Height float64
}

// Write returns the PDF of the pages.
func Write(pages []Page) []byte {
	var objs []string
	add := func(s string) int { objs = append(objs, s); return len(objs) }
	add("<< /Type /Catalog /Pages 2 0 R >>")
	add("") // pages, filled below
	f1 := add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
	f2 := add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>")
	var kids []string
	for _, p := range pages {
		w, h := p.Width, p.Height
		if w <= 0 {
			w = 595
		}
		if h <= 0 {
			h = 842
		}
		var s strings.Builder
		for _, it := range p.Items {
			f := "F1"
			if it.Bold {
				f = "F2"
			}
			// Baseline about 0.8 font sizes below the top of the line.
			fmt.Fprintf(&s, "BT /%s %.1f Tf 1 0 0 1 %.2f %.2f Tm (%s) Tj ET\n", f, it.Size, it.X, h-it.Top-0.8*it.Size, Escape(it.Text))
		}
		c := add(fmt.Sprintf("<< /Length %d >>\nstream\n%sendstream", s.Len(), s.String()))
		pg := add(fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %.0f %.0f] /Contents %d 0 R /Resources << /Font << /F1 %d 0 R /F2 %d 0 R >> >> >>", w, h, c, f1, f2))
		kids = append(kids, fmt.Sprintf("%d 0 R", pg))
	}
	objs[1] = fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), len(pages))
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n")
	offs := make([]int, len(objs))
	for i, o := range objs {
		offs[i] = b.Len()
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

// winAnsi are the WinAnsi codes of the typographic characters of German
// and English contracts outside Latin-1.
var winAnsi = map[rune]byte{'€': 0x80, '‚': 0x82, '„': 0x84, '…': 0x85, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '•': 0x95, '–': 0x96, '—': 0x97}

// Escape escapes a PDF string and encodes it in WinAnsi; other characters
// become "?".
func Escape(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '(' || r == ')' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < 128:
			b.WriteRune(r)
		case r < 256:
			fmt.Fprintf(&b, "\\%03o", r)
		case winAnsi[r] != 0:
			fmt.Fprintf(&b, "\\%03o", winAnsi[r])
		default:
			b.WriteByte('?')
		}
	}
	return b.String()
}
