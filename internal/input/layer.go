package input

import (
	"strings"
	"unicode"
)

// A PDF page's text layer is unusable, and the page is recognised instead
// (in the OCR mode auto), when it has almost no text (a scanned page), when
// it holds characters the extractor could not map (U+FFFD replacement
// characters, private-use code points, "(cid:NN)" glyph references: fonts
// without a usable Unicode map), or when its words do not read as German or
// English text (a font whose codes map to the wrong letters).

// Thresholds of layerProblem.
const (
	// minLayerLetters: a page with fewer letters has no text layer.
	minLayerLetters = 25
	// minBadGlyphs and badGlyphShare: a page with at least this many
	// unmapped glyphs, or this share of its letters, has a damaged layer.
	minBadGlyphs  = 3
	badGlyphShare = 0.02
	// minWordsForLanguage and minFunctionShare: a page with at least this
	// many words of which fewer than this share are common function words
	// of German or English does not read as text.
	minWordsForLanguage = 80
	minFunctionShare    = 0.02
)

// functionWords are frequent German and English words that any page of
// contract prose contains.
var functionWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`der die das und oder in im zu zur zum von vom mit auf für ist sind wird werden
		nicht den dem des ein eine einer eines einem auch als an bei nach aus durch sowie soweit dass
		the of and or to in on for is are be by with as that this any shall not from at which under`) {
		functionWords[w] = true
	}
}

// layerProblem returns why a page's text layer is not usable, or "" when it
// is.
func layerProblem(p pdfPage) string {
	letters, bad, words, function := 0, 0, 0, 0
	for _, b := range p.blocks {
		for _, l := range b.lines {
			bad += strings.Count(l.text, "(cid:")
			for _, r := range l.text {
				switch {
				case r == unicode.ReplacementChar || isPrivateUse(r):
					bad++
				case unicode.IsLetter(r):
					letters++
				}
			}
			for _, w := range l.words {
				t := strings.ToLower(strings.Trim(w.text, ".,;:()\"'„“”"))
				if len(t) < 2 {
					continue
				}
				words++
				if functionWords[t] {
					function++
				}
			}
		}
	}
	switch {
	case letters < minLayerLetters && bad == 0:
		return "no text layer"
	case bad >= minBadGlyphs || bad > 0 && float64(bad) >= badGlyphShare*float64(letters):
		return "damaged text layer: unmapped glyphs"
	case words >= minWordsForLanguage && float64(function) < minFunctionShare*float64(words):
		return "text layer does not read as text"
	}
	return ""
}

// isPrivateUse reports whether r is a private-use code point, where fonts
// without a Unicode map put their glyphs.
func isPrivateUse(r rune) bool {
	return r >= 0xE000 && r <= 0xF8FF || r >= 0xF0000 && r <= 0x10FFFF
}
