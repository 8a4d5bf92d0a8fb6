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
	start := -1
	for i, r := range text + " " {
		if unicode.IsLetter(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			if w := text[start:i]; len(w) <= 7 {
				w = strings.ToLower(w)
				if german[w] {
					de++
				}
				if english[w] {
					en++
				}
			}
			start = -1
		}
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
