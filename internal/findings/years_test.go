package findings

import (
	"slices"
	"testing"
)

// yearsRef is years byte by byte.
func yearsRef(text string) [][2]int {
	var out [][2]int
	isDigit := func(c byte) bool { return c >= '0' && c <= '9' }
	isWord := func(c byte) bool { return isDigit(c) || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
	for i := 0; i+4 <= len(text); i++ {
		c := text[i]
		if c != '1' && c != '2' {
			continue
		}
		if !(c == '1' && text[i+1] == '9' || c == '2' && text[i+1] == '0') || !isDigit(text[i+2]) || !isDigit(text[i+3]) {
			continue
		}
		if i > 0 && isWord(text[i-1]) || i+4 < len(text) && isWord(text[i+4]) {
			continue
		}
		out = append(out, [2]int{i, i + 4})
		i += 3
	}
	return out
}

// FuzzYears checks years, which seeks the digits by byte search, against
// a loop over every byte.
func FuzzYears(f *testing.F) {
	for _, s := range []string{"Stand: 12.03.2021, Version 2019 2020x 1999", "20201999 2012-2019", "2021", "x1999", "1 2 19 20 2"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := years(s), yearsRef(s); !slices.Equal(got, want) {
			t.Fatalf("years(%q) = %v, want %v", s, got, want)
		}
	})
}
