package extract

import (
	"strings"
	"testing"
	"unicode"
)

// FuzzHasWWW checks hasWWW against lowering the whole text.
func FuzzHasWWW(f *testing.F) {
	for _, s := range []string{"www.example.com", "WWW.X", "Www.", "ww.", "www", "wwwx", "\xffwww.", "ẉww.", "www.ß"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := hasWWW(s), strings.HasPrefix(strings.ToLower(s), "www."); got != want {
			t.Fatalf("hasWWW(%q) = %t, want %t", s, got, want)
		}
	})
}

// TestOnlyWLowersToW checks the premise of hasWWW: no rune but "W" and
// "w" lowers to "w", none but "." to ".".
func TestOnlyWLowersToW(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if l := unicode.ToLower(r); l == 'w' && r != 'W' && r != 'w' || l == '.' && r != '.' {
			t.Fatalf("%U lowers to %q", r, l)
		}
	}
}
