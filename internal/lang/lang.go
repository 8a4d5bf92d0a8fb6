// Package lang tells German from English contract text by counting common
// function words.
package lang

import (
	"strings"
	"unicode"
)

var german = set("der die das und ist nicht mit von zu den des im dem eine einer eines werden wird auf für oder sind durch sich bei nach auch gemäß sowie diese dieser kann")
var english = set("the and of to is in that be shall will with for by any this are or not as such on may which its from under all where")

func set(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// Detect returns "de" or "en" for the dominant language of text, or "und"
// (undetermined) when it holds too few function words of either.
func Detect(text string) string {
	if len(text) > 12_000 {
		text = text[:12_000]
	}
	de, en := 0, 0
	var buf [8]byte
	count := func(w string) {
		if len(w) > 7 {
			return
		}
		// Lower-case into buf: the map lookup with string(b) does not
		// allocate.
		b := buf[:0]
		for k := 0; k < len(w); k++ {
			c := w[k]
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			b = append(b, c)
		}
		if german[string(b)] {
			de++
		}
		if english[string(b)] {
			en++
		}
	}
	start := -1
	for i, r := range text {
		if unicode.IsLetter(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			count(text[start:i])
			start = -1
		}
	}
	if start >= 0 {
		count(text[start:])
	}
	switch {
	case de+en < 5:
		return "und"
	case de > en:
		return "de"
	default:
		return "en"
	}
}
