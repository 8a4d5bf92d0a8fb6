// Package lang tells German from English contract text by counting common
// function words.
package lang

import (
	"unicode"
	"unicode/utf8"

	"github.com/art28/art28/internal/lexicon"
)

// german and english are the common function words counted for each
// language (lexicon: de_detection_words, en_detection_words).
var (
	german  = lexicon.Set("de_detection_words")
	english = lexicon.Set("en_detection_words")
)

// Bits of functionWords.
const (
	isGerman = 1 << iota
	isEnglish
)

// functionWords holds the words of german and english with the
// languages they belong to, for one look-up per word.
var functionWords = func() map[string]uint8 {
	m := map[string]uint8{}
	for w := range german {
		m[w] |= isGerman
	}
	for w := range english {
		m[w] |= isEnglish
	}
	return m
}()

// shortestWord is the length of the shortest function word: shorter
// words are not looked up.
var shortestWord = func() int {
	n := 0
	for w := range functionWords {
		if n == 0 || len(w) < n {
			n = len(w)
		}
	}
	return n
}()

// functionLens has, for each first byte of the function words, the bits
// of their lengths (all below 8).
var functionLens = func() (t [256]uint8) {
	for w := range functionWords {
		t[w[0]] |= 1 << len(w)
	}
	return t
}()

// lowerBit returns the bit that lower-cases the ASCII capital c, else 0.
func lowerBit(c byte) byte {
	if c >= 'A' && c <= 'Z' {
		return 'a' - 'A'
	}
	return 0
}

// asciiLetter marks the ASCII letters.
var asciiLetter = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
	}
	return t
}()

// functionWord returns the languages w is a function word of (its ASCII
// letters lower-cased), 0 for none.
func functionWord(w string) uint8 {
	if len(w) > 7 || len(w) < shortestWord {
		return 0
	}
	if c := w[0]; functionLens[c|lowerBit(c)]&(1<<len(w)) == 0 {
		return 0 // no function word of this length starts so
	}
	// Lower-case into buf: the map lookup with string(b) does not
	// allocate.
	var buf [8]byte
	b := buf[:0]
	for k := 0; k < len(w); k++ {
		c := w[k]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		b = append(b, c)
	}
	return functionWords[string(b)]
}

// Detect returns "de" or "en" for the dominant language of text, or "und"
// (undetermined) when it holds too few function words of either.
func Detect(text string) string {
	if len(text) > 12_000 {
		text = text[:12_000]
	}
	de, en := 0, 0
	count := func(w string) {
		f := functionWord(w)
		if f&isGerman != 0 {
			de++
		}
		if f&isEnglish != 0 {
			en++
		}
	}
	start := -1
	for i := 0; i < len(text); {
		if c := text[i]; c < utf8.RuneSelf {
			if asciiLetter[c] {
				// The rest of a run of ASCII letters, without decoding.
				if start < 0 {
					start = i
				}
				for i++; i < len(text) && text[i] < utf8.RuneSelf && asciiLetter[text[i]]; i++ {
				}
				continue
			}
			if start >= 0 {
				count(text[start:i])
				start = -1
			}
			i++
			continue
		}
		r, sz := utf8.DecodeRuneInString(text[i:])
		if unicode.IsLetter(r) {
			if start < 0 {
				start = i
			}
		} else if start >= 0 {
			count(text[start:i])
			start = -1
		}
		i += sz
	}
	if start >= 0 {
		count(text[start:])
	}
	return decide(de, en)
}

// decide names the language from the counts of German and English
// function words: "und" when there are too few to tell.
func decide(de, en int) string {
	switch {
	case de+en < 5:
		return "und"
	case de > en:
		return "de"
	default:
		return "en"
	}
}
