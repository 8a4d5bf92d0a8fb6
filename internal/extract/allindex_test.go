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
		got := allIndexes(s, words)
		for k, w := range words {
			if want := allIndexRef(s, w); !slices.Equal(got[k], want) {
				t.Fatalf("allIndexes(%q, %q)[%d] = %v, want %v", s, words, k, got[k], want)
			}
		}
	})
}
