package extract

import (
	"slices"
	"strings"
	"testing"
)

// allIndexRef returns the offsets of every occurrence of w in s that does
// not overlap the one before, one search at a time.
func allIndexRef(s, w string) []int {
	var out []int
	for off := 0; ; {
		i := strings.Index(s[off:], w)
		if i < 0 {
			return out
		}
		out = append(out, off+i)
		off += i + len(w)
	}
}

// FuzzAllIndexes checks the one-pass search for several words against a
// search per word.
func FuzzAllIndexes(f *testing.F) {
	f.Add("der auftraggeber (nachfolgend „kunde“) und der auftragnehmer, hereinafter the processor", "auftrag|nachfolgend|processor|aa")
	f.Add("aaaa abab ababab", "aa|aba|b")
	f.Fuzz(func(t *testing.T, s, set string) {
		words := strings.Split(set, "|")
		if slices.Contains(words, "") {
			return
		}
		got := newWordScan(words).allIndexes(s)
		for k, w := range words {
			if want := allIndexRef(s, w); !slices.Equal(got[k], want) {
				t.Fatalf("allIndexes(%q, %q)[%d] = %v, want %v", s, words, k, got[k], want)
			}
		}
	})
}

// FuzzHasSpaceRun checks the look at every third byte against a search
// for three spaces.
func FuzzHasSpaceRun(f *testing.F) {
	for _, s := range []string{"", " ", "   ", "a   b", "ab  c  d", "Name    Sitz", "x \t  y", "abcd   "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := hasSpaceRun(s), strings.Contains(s, "   "); got != want {
			t.Fatalf("hasSpaceRun(%q) = %v, want %v", s, got, want)
		}
	})
}
