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
	// The word's bytes, ASCII capitals lowered, and its length as one
	// number: a look-up in wordTable without hashing a string.
	key := uint64(len(w)) << 56
	for k := 0; k < len(w); k++ {
		c := w[k]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		key |= uint64(c) << (8 * k)
	}
	return wordTable.get(key)
}

// wordKey returns the key of wordTable for w (at most 7 bytes): its bytes
// and its length, which is never 0.
func wordKey(w string) uint64 {
	key := uint64(len(w)) << 56
	for k := 0; k < len(w); k++ {
		key |= uint64(w[k]) << (8 * k)
	}
	return key
}

// keyTable is an open-addressing table from the keys of the function
// words to their bits (functionWords); a key of 0 marks an empty slot.
type keyTable struct {
	keys  []uint64
	vals  []uint8
	shift uint
}

// wordTable holds functionWords for functionWord. A word longer than 7
// bytes is never looked up and is left out.
var wordTable = func() keyTable {
	bits := uint(4)
	for 1<<bits < 4*len(functionWords) {
		bits++
	}
	t := keyTable{keys: make([]uint64, 1<<bits), vals: make([]uint8, 1<<bits), shift: 64 - bits}
	for w, f := range functionWords {
		if len(w) > 7 {
			continue
		}
		k := wordKey(w)
		i := t.slot(k)
		for t.keys[i] != 0 {
			i = (i + 1) & (len(t.keys) - 1)
		}
		t.keys[i], t.vals[i] = k, f
	}
	return t
}()

func (t *keyTable) slot(key uint64) int {
	return int((key * 0x9E3779B97F4A7C15) >> t.shift)
}

// get returns the bits stored for key, 0 when it is absent.
func (t *keyTable) get(key uint64) uint8 {
	for i := t.slot(key); ; i = (i + 1) & (len(t.keys) - 1) {
		switch t.keys[i] {
		case key:
			return t.vals[i]
		case 0:
			return 0
		}
	}
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
