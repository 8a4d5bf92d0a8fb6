package document

import (
	"testing"
	"unicode/utf8"
)

// looksBinaryRef and cleanRef are looksBinary and clean byte by byte, as
// they were before printableRun.
func looksBinaryRef(s string) bool {
	if len(s) > 1<<16 {
		s = s[:1<<16]
	}
	n, bad := 0, 0
	for i := 0; i < len(s); {
		if plainByte[s[i]] {
			n++
			i++
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

func cleanRef(s string) string {
	var b []byte
	kept := 0
	for i := 0; i < len(s); {
		c := s[i]
		if keptByte[c] {
			i++
			continue
		}
		r, sz := rune(c), 1
		if c >= utf8.RuneSelf {
			r, sz = utf8.DecodeRuneInString(s[i:])
		}
		var rep string
		var ok bool
		if r < 0x20 || r == 0xa0 || r == 0xad || r >= 0x2002 && r <= 0x2060 || r >= 0xfb00 {
			rep, ok = special[r]
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

// FuzzPrintable checks looksBinary and clean, which skip printable ASCII
// eight bytes at a time, against testing every byte, and printableRun
// against its definition.
func FuzzPrintable(f *testing.F) {
	for _, s := range []string{"Hallo Welt, dies ist ein Text.\r\nZeile\x7f zwei\tund\x00 drei\u00a0vier", "\x1f\x20\x7e\x7f\x80\xff abcdefgh ijklmnop", "ÄÖÜ\ufb01 \u2028 x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for i := 0; i <= len(s); i++ {
			got := printableRun(s, i)
			j := i
			for j < len(s) && s[j] >= 0x20 && s[j] < 0x7f {
				j++
			}
			// The run's end, or within the last seven bytes an offset
			// from which the caller goes on byte by byte.
			if got != j && !(got >= len(s)-7 && got >= i && got <= j) {
				t.Fatalf("printableRun(%q, %d) = %d, run ends at %d", s, i, got, j)
			}
		}
		if got, want := looksBinary(s), looksBinaryRef(s); got != want {
			t.Fatalf("looksBinary(%q) = %v, want %v", s, got, want)
		}
		if got, want := clean(s), cleanRef(s); got != want {
			t.Fatalf("clean(%q) = %q, want %q", s, got, want)
		}
	})
}
