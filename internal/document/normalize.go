// Package document turns raw contract bytes into normalised UTF-8 text with
// structure: headings, numbered clauses, list items, table rows and cells and
// annexes, each carrying byte offsets into the normalised text.
package document

import (
	"bytes"
	"errors"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// ErrBinary reports input that is not text (NUL bytes or mostly control
// characters), for example an image or an executable renamed to .txt.
var ErrBinary = errors.New("input is binary, not text")

// ligatures maps typographic ligatures and look-alike characters to their
// plain spelling. PDF extraction and word processors produce them.
var replacer = strings.NewReplacer(
	"\r\n", "\n",
	"\r", "\n",
	"\u00a0", " ", // no-break space
	"\u202f", " ", // narrow no-break space
	"\u2007", " ", // figure space
	"\u2009", " ", // thin space
	"\u200a", " ", // hair space
	"\u2002", " ", "\u2003", " ",
	"\u00ad", "", // soft hyphen
	"\u200b", "", // zero width space
	"\u200c", "", "\u200d", "", "\u2060", "", "\ufeff", "",
	"\u000c", "\n", // form feed (page break)
	"\u2028", "\n", "\u2029", "\n\n",
	"\ufb00", "ff", "\ufb01", "fi", "\ufb02", "fl", "\ufb03", "ffi", "\ufb04", "ffl", "\ufb05", "st", "\ufb06", "st",
	"\u2010", "-", "\u2011", "-", // hyphen, non-breaking hyphen
)

// Normalize decodes raw input and returns normalised UTF-8 text: the byte
// order mark is removed, UTF-16 with a BOM is decoded, invalid UTF-8 is read
// as Windows-1252, line endings become "\n", special spaces become plain
// spaces, soft hyphens and zero-width characters are removed and ligatures
// are spelled out. It fails with ErrBinary for binary input.
func Normalize(raw []byte) (string, error) {
	var s string
	switch {
	case bytes.HasPrefix(raw, []byte{0xEF, 0xBB, 0xBF}):
		s = string(raw[3:])
	case bytes.HasPrefix(raw, []byte{0xFF, 0xFE}), bytes.HasPrefix(raw, []byte{0xFE, 0xFF}):
		dec := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewDecoder()
		out, err := dec.Bytes(raw)
		if err != nil {
			return "", ErrBinary
		}
		s = string(out)
	default:
		if bytes.IndexByte(raw, 0) >= 0 {
			return "", ErrBinary
		}
		if utf8.Valid(raw) {
			s = string(raw)
		} else {
			out, err := charmap.Windows1252.NewDecoder().Bytes(raw)
			if err != nil {
				return "", ErrBinary
			}
			s = string(out)
		}
	}
	if looksBinary(s) {
		return "", ErrBinary
	}
	s = replacer.Replace(s)
	s = stripControls(s)
	return s, nil
}

// looksBinary reports whether more than 5 % of the first 64 KiB are control
// characters other than tab and newline.
func looksBinary(s string) bool {
	if len(s) > 1<<16 {
		s = s[:1<<16]
	}
	n, bad := 0, 0
	for _, r := range s {
		n++
		if r == 0 || (r < 0x20 && r != '\t' && r != '\n' && r != '\r' && r != '\f') || r == utf8.RuneError {
			bad++
		}
	}
	return n > 0 && bad*20 > n
}

// stripControls removes control characters other than tab and newline and
// replaces remaining invalid runes.
func stripControls(s string) string {
	clean := true
	for _, r := range s {
		if (r < 0x20 && r != '\t' && r != '\n') || r == 0x7f || r == utf8.RuneError {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if (r < 0x20 && r != '\t' && r != '\n') || r == 0x7f || r == utf8.RuneError {
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}
