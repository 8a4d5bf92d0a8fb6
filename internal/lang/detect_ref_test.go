package lang

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// detectReference is Detect as it was before its byte loop and its table
// of function word lengths: FuzzDetect checks that both agree.
func detectReference(text string) string {
	if len(text) > 12_000 {
		text = text[:12_000]
	}
	de, en := 0, 0
	count := func(w string) {
		var f uint8
		if len(w) <= 7 && len(w) >= shortestWord {
			// ASCII letters lowered only, as Detect does.
			f = functionWords[strings.Map(func(r rune) rune {
				if r >= 'A' && r <= 'Z' {
					return r + 'a' - 'A'
				}
				return r
			}, w)]
		}
		if f&isGerman != 0 {
			de++
		}
		if f&isEnglish != 0 {
			en++
		}
	}
	start := -1
	for i, r := range text {
		if r < utf8.RuneSelf && asciiLetter[r] || r >= utf8.RuneSelf && unicode.IsLetter(r) {
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
	return decide(de, en)
}

func FuzzDetect(f *testing.F) {
	f.Add("Der Auftragnehmer ist für die Daten gemäß Art. 28 verantwortlich und wird sie nicht weitergeben.")
	f.Add("The processor shall not engage another processor without the prior written authorisation of the controller.")
	f.Add("Die Daten\xffund the of to\u00e9die das ist mit von")
	f.Fuzz(func(t *testing.T, text string) {
		if got, want := Detect(text), detectReference(text); got != want {
			t.Fatalf("Detect(%q) = %q, want %q", text, got, want)
		}
	})
}
