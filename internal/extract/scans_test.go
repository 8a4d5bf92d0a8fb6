package extract

import (
	"slices"
	"strings"
	"testing"
)

// TestPassiveNamingAt checks passiveNamingAt, which tests the naming
// phrases at the occurrences of their common head, against a search for
// each phrase from the end of the one found last, on texts with phrases
// that overlap (one starts at the space ending another), repeat, and
// stand at the end of the text.
func TestPassiveNamingAt(t *testing.T) {
	for _, v := range passiveNaming {
		if !strings.HasPrefix(v, passiveNamingHead) {
			t.Errorf("%q does not start with %q", v, passiveNamingHead)
		}
	}
	for _, low := range []string{
		"die muster gmbh wird nachfolgend wird nachfolgend „kunde“ genannt.",
		"x wird im folgenden „a“, y wird nachstehend „b“ genannt. z wird im folgenden „c“ genannt.",
		"die praxis wird im weiteren ",
		"wird nachfolgend am anfang, ohne leerzeichen davor",
		" wird  wird nachfolgend wird im folgenden wird nachstehend ",
		"the supplier will hereinafter be called",
		"",
	} {
		var want [][2]int
		for k, v := range passiveNaming {
			for off := 0; ; {
				i := strings.Index(low[off:], v)
				if i < 0 {
					break
				}
				want = append(want, [2]int{k, off + i})
				off += i + len(v)
			}
		}
		got := passiveNamingAt(low)
		if !slices.Equal(got, want) {
			t.Errorf("%q: %v, each phrase sought: %v", low, got, want)
		}
	}
}

// TestQuoteStarts checks quoteStarts, which skips to the bytes a quote
// may start with, against a test of every byte, on texts with each kind
// of quote, invalid UTF-8 and none.
func TestQuoteStarts(t *testing.T) {
	for _, s := range []string{
		`der "Kunde" und 'wir' sowie „Anbieter“ und ‚x‘ – ok`,
		"\xe2\x80 '\xe2",
		"keine Anführungszeichen",
		"",
		`"`,
	} {
		var got, want []int
		for p := 0; p < len(s); p++ {
			if strings.IndexByte(quoteFirst, s[p]) >= 0 {
				want = append(want, p)
			}
		}
		var n quoteStarts
		n.reset()
		for p := 0; p < len(s); p++ {
			if p = n.from(s, p); p < 0 {
				break
			}
			got = append(got, p)
		}
		if !slices.Equal(got, want) {
			t.Errorf("%q: %v, every byte tested: %v", s, got, want)
		}
	}
}
