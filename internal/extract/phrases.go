package extract

import (
	"strings"
	"unicode"

	"github.com/art28/art28/internal/prefilter"
)

// phraseSet answers whether a text contains one of a list of phrases,
// ignoring case, exactly as the case-insensitive alternation of the quoted
// phrases would, without running a regular expression: the text is
// lowered by prefilter.Lower (ASCII letters and Ä, Ö, Ü, byte offsets
// kept) and searched for each phrase. A text holding a rune that the
// expression would match with a phrase rune but Lower does not map to it
// (ſ for "s", the Kelvin sign for "k", É for "é") is handed to the
// expression.
type phraseSet struct {
	lits []string
	// rare holds the runes of the fold orbits of the phrases' runes that
	// Lower does not map to the phrase rune.
	rare []rune
	re   *prefilter.Regexp // the alternation, for texts holding a rare rune
}

// newPhraseSet returns the set of the lower-cased phrases lits; re must be
// `(?i)(?:` + alternation(lits) + `)`.
func newPhraseSet(lits []string, re *prefilter.Regexp) *phraseSet {
	ps := &phraseSet{re: re}
	seen := map[rune]bool{}
	for _, l := range lits {
		ps.lits = append(ps.lits, l)
		if l == "" || prefilter.Lower(l) != l {
			// An empty phrase matches every text; one not in Lower's
			// form could be missed by a Contains test.
			ps.lits = nil
			ps.rare = nil
			return ps
		}
		for _, r := range l {
			for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
				if seen[f] || prefilter.Lower(string(f)) == string(r) {
					continue
				}
				seen[f] = true
				ps.rare = append(ps.rare, f)
			}
		}
	}
	return ps
}

// MatchString reports whether s contains one of the phrases.
func (ps *phraseSet) MatchString(s string) bool {
	if ps.lits == nil {
		return ps.re.MatchString(s)
	}
	for _, r := range ps.rare {
		if strings.ContainsRune(s, r) {
			return ps.re.MatchString(s)
		}
	}
	low := prefilter.Lower(s)
	for _, l := range ps.lits {
		if strings.Contains(low, l) {
			return true
		}
	}
	return false
}
