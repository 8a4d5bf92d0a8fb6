// Package document turns raw contract bytes into normalised UTF-8 text with
// structure: headings, numbered clauses, list items, table rows and cells and
// annexes, each carrying byte offsets into the normalised text.
package document

import (
	"bytes"
	"errors"
	"math/bits"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// ErrBinary reports input that is not text (NUL bytes or mostly control
// characters), for example an image or an executable renamed to .txt.
var ErrBinary = errors.New("input is binary, not text")

// special maps typographic spaces, invisible characters, page and line
// separators, ligatures and look-alike hyphens to their plain spelling
// (the empty string removes the character). PDF extraction and word
// processors produce them.
var special = map[rune]string{
	'\u00a0': " ", // no-break space
	'\u202f': " ", // narrow no-break space
	'\u2007': " ", // figure space
	'\u2009': " ", // thin space
	'\u200a': " ", // hair space
	'\u2002': " ", '\u2003': " ",
	'\u00ad': "", // soft hyphen
	'\u200b': "", // zero width space
	'\u200c': "", '\u200d': "", '\u2060': "", '\ufeff': "",
	'\u000c': "\n", // form feed (page break)
	'\u2028': "\n", '\u2029': "\n\n",
	'\ufb00': "ff", '\ufb01': "fi", '\ufb02': "fl", '\ufb03': "ffi", '\ufb04': "ffl", '\ufb05': "st", '\ufb06': "st",
	'\u2010': "-", '\u2011': "-", // hyphen, non-breaking hyphen
}

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
	return clean(s), nil
}

// looksBinary reports whether more than 5 % of the first 64 KiB are control
// characters other than tab and newline.
func looksBinary(s string) bool {
	if len(s) > 1<<16 {
		s = s[:1<<16]
	}
	n, bad := 0, 0
	for i := 0; i < len(s); {
		if plainByte[s[i]] {
			// Printable ASCII and the allowed controls, the common case:
			// a run of them counts as one rune each.
			j := printableRun(s, i+1)
			for j < len(s) && plainByte[s[j]] {
				j = printableRun(s, j+1)
			}
			n += j - i
			i = j
			continue
		}
		r, sz := utf8.DecodeRuneInString(s[i:])
		n++
		if r == 0 || r < 0x20 || r == utf8.RuneError {
			bad++
		}
		i += sz
	}
	return n > 0 && bad*20 > n
}

// printableRun returns the end of the run of printable ASCII bytes (0x20
// to 0x7E) from offset i of s on, testing eight bytes at a time; within
// the last seven bytes of s it returns i, and the caller tests them one by
// one.
func printableRun(s string, i int) int {
	const ones, high = 0x0101010101010101, 0x8080808080808080
	for ; i+8 <= len(s); i += 8 {
		w := load64(s[i : i+8])
		// The high bit is set in the first byte that is not printable:
		// by w for 0x80 and more, by adding 1 for 0x7F, by subtracting
		// 0x20 for one below 0x20. The bytes before it neither carry nor
		// borrow, so no bit is set below it.
		if m := (w | (w + ones) | (w - 0x20*ones)) & high; m != 0 {
			return i + bits.TrailingZeros64(m)/8
		}
	}
	return i
}

// plainByte marks printable ASCII and the controls looksBinary allows.
var plainByte = func() (t [256]bool) {
	for c := range t {
		t[c] = c >= 0x20 && c < utf8.RuneSelf || c == '\t' || c == '\n' || c == '\r' || c == '\f'
	}
	return t
}()

// keptByte marks the bytes clean keeps as they are: printable ASCII but
// DEL, tab and newline.
var keptByte = func() (t [256]bool) {
	for c := range t {
		t[c] = c >= 0x20 && c < 0x7f || c == '\t' || c == '\n'
	}
	return t
}()

// clean spells special characters plainly (see special), turns "\r\n"
// and "\r" into "\n", and removes other control characters and the
// replacement character. It returns s itself when nothing changes.
func clean(s string) string {
	var b []byte // nil until the first change
	kept := 0    // s[kept:i] is unchanged and not yet copied to b
	for i := 0; i < len(s); {
		c := s[i]
		if keptByte[c] {
			i = printableRun(s, i+1)
			continue
		}
		r, sz := rune(c), 1
		if c >= utf8.RuneSelf {
			r, sz = utf8.DecodeRuneInString(s[i:])
		}
		var rep string
		var ok bool
		if r < 0x20 || r == 0xa0 || r == 0xad || r >= 0x2002 && r <= 0x2060 || r >= 0xfb00 {
			rep, ok = special[r] // the ranges special covers
		}
		switch {
		case ok:
		case r == '\r':
			rep, ok = "\n", true
			if i+1 < len(s) && s[i+1] == '\n' {
				sz = 2
			}
		case r < 0x20 || r == 0x7f || r == utf8.RuneError:
			rep, ok = "", true
		}
		if ok {
			if b == nil {
				b = make([]byte, 0, len(s))
			}
			b = append(b, s[kept:i]...)
			b = append(b, rep...)
			kept = i + sz
		}
		i += sz
	}
	if b == nil {
		return s
	}
	return string(append(b, s[kept:]...))
}

// load64 returns the eight bytes of b as a little-endian number (one load).
func load64(b string) uint64 {
	b = b[:8]
	return uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
		uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
}
