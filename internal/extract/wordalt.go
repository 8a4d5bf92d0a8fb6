package extract

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/art28/art28/internal/prefilter"
)

// wordAlt is an expression of the form `(?:^|LEAD)(W1|W2|…)(?:$|TRAIL)`
// (case-insensitive with fold), where the Ws are literal words and LEAD
// and TRAIL one rune each, matched without package regexp: at each offset
// where a match may start, the words starting with the rune there are
// compared in the order of the alternation, the first followed by the
// end of the text or a TRAIL rune winning, which is what package regexp's
// leftmost-first matching finds (the expression's own alternation holds
// the words in the same order). Its results are those of the expression,
// which it keeps (re) for the prefilter's table and as its plain form.
type wordAlt struct {
	re          *prefilter.Regexp
	fold        bool
	lead, trail func(r rune) bool
	// hyphen adds the lead `\p{L}-` (a letter and a hyphen, the match
	// starting at the letter): a legal form joined to the name by a
	// hyphen ("Klinikum Seeblick Service-GmbH", "Brandl
	// Verwaltungs-GmbH", "FZ-LLC").
	hyphen bool
	// byFirst lists, for each first rune of the words (with fold: its
	// least case form, foldKey), the words' indexes in order.
	words   []string
	byFirst map[rune][]int
	ascii   [utf8.RuneSelf][]int // byFirst of the ASCII runes
	// leadByte tells the ASCII bytes of the lead class; startByte the
	// bytes a word may start with in the text (all bytes of 0x80 and
	// more, which wordAt decides).
	leadByte, startByte [256]bool
}

// newWordAlt returns the matcher of `(?:^|lead)(words)(?:$|trail)`,
// words in the order of the alternation; re is that expression.
func newWordAlt(re *prefilter.Regexp, words []string, fold bool, lead, trail func(rune) bool) *wordAlt {
	a := &wordAlt{re: re, fold: fold, lead: lead, trail: trail, words: words, byFirst: map[rune][]int{}}
	for c := 0; c < 256; c++ {
		a.leadByte[c] = c < utf8.RuneSelf && lead(rune(c))
		a.startByte[c] = c >= utf8.RuneSelf
	}
	for i, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if fold {
			r = leastFold(r)
		}
		if r < utf8.RuneSelf {
			a.startByte[r] = true
			if fold && r >= 'A' && r <= 'Z' {
				a.startByte[r+'a'-'A'] = true
			}
		}
		if r < utf8.RuneSelf {
			a.ascii[r] = append(a.ascii[r], i)
		} else {
			a.byFirst[r] = append(a.byFirst[r], i)
		}
	}
	return a
}

// kelvin and longS are the runes above 0x7F whose case orbits hold ASCII
// letters (K, S).
const (
	kelvin = '\u212A'
	longS  = '\u017F'
)

// leastFold returns the least rune of r's case orbit (unicode.SimpleFold),
// the key under which words are listed by their first rune.
func leastFold(r rune) rune {
	if r < utf8.RuneSelf {
		// An ASCII letter's orbit holds its capital, the least rune
		// (besides runes above 0x7F: K and the Kelvin sign, s and ſ).
		if r >= 'a' && r <= 'z' {
			return r - ('a' - 'A')
		}
		return r
	}
	m := r
	for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
		m = min(m, f)
	}
	return m
}

// foldEq reports whether text rune r matches word rune w as package
// regexp compares a case-insensitive literal: r is in w's case orbit.
func foldEq(r, w rune) bool {
	if r == w {
		return true
	}
	if r < utf8.RuneSelf && w < utf8.RuneSelf {
		// Two ASCII runes: the same letter in another case.
		return r|0x20 == w|0x20 && r|0x20 >= 'a' && r|0x20 <= 'z'
	}
	for f := unicode.SimpleFold(w); f != w; f = unicode.SimpleFold(f) {
		if r == f {
			return true
		}
	}
	return false
}

// String returns the expression.
func (a *wordAlt) String() string { return a.re.String() }

// Plain returns the expression as package regexp compiles it.
func (a *wordAlt) Plain() *regexp.Regexp { return a.re.Plain() }

// wordAt returns the end of the first word, in order, that occurs at
// offset p of s followed by the end of s or a trail rune, and the end of
// the match (past that rune); -1 when none does.
func (a *wordAlt) wordAt(s string, p int) (int, int) {
	if p >= len(s) {
		return -1, -1
	}
	r, _ := utf8.DecodeRuneInString(s[p:])
	var cands []int
	if r >= utf8.RuneSelf && len(a.byFirst) == 0 && r != kelvin && r != longS {
		// No word starts with a rune above 0x7F, nor with one that folds
		// to this rune: only the Kelvin sign and the long s fold to ASCII
		// letters (k, s).
		return -1, -1
	}
	if a.fold {
		r = leastFold(r)
	}
	if r < utf8.RuneSelf {
		cands = a.ascii[r]
	} else {
		cands = a.byFirst[r]
	}
	for _, i := range cands {
		end := a.has(s, p, a.words[i])
		if end < 0 {
			continue
		}
		if end == len(s) {
			return end, end
		}
		if t, sz := utf8.DecodeRuneInString(s[end:]); a.trail(t) {
			return end, end + sz
		}
	}
	return -1, -1
}

// has returns the end of word w at offset p of s, or -1.
func (a *wordAlt) has(s string, p int, w string) int {
	if !a.fold {
		if strings.HasPrefix(s[p:], w) {
			return p + len(w)
		}
		return -1
	}
	for i := 0; i < len(w); {
		if p >= len(s) {
			return -1
		}
		if c, wc := s[p], w[i]; c < utf8.RuneSelf && wc < utf8.RuneSelf {
			// Two ASCII runes (foldEq without decoding).
			if c != wc && !(c|0x20 == wc|0x20 && c|0x20 >= 'a' && c|0x20 <= 'z') {
				return -1
			}
			p, i = p+1, i+1
			continue
		}
		wr, wsz := utf8.DecodeRuneInString(w[i:])
		r, sz := utf8.DecodeRuneInString(s[p:])
		if !foldEq(r, wr) {
			return -1
		}
		p, i = p+sz, i+wsz
	}
	return p
}

// find returns the spans of the leftmost match starting at offset from
// or later and of its word, or nil.
func (a *wordAlt) find(s string, from int) []int {
	for q := from; q < len(s); {
		if q == 0 {
			if ge, me := a.wordAt(s, 0); ge >= 0 {
				return []int{0, me, 0, ge}
			}
		}
		if c := s[q]; c < utf8.RuneSelf {
			// An ASCII rune: a look-up each for the lead and the byte
			// after it.
			if a.leadByte[c] && q+1 < len(s) && a.startByte[s[q+1]] {
				if ge, me := a.wordAt(s, q+1); ge >= 0 {
					return []int{q, me, q + 1, ge}
				}
			}
			if a.hyphen && q+2 < len(s) && s[q+1] == '-' && a.startByte[s[q+2]] {
				// `\p{L}-` with an ASCII letter.
				if c|0x20 >= 'a' && c|0x20 <= 'z' {
					if ge, me := a.wordAt(s, q+2); ge >= 0 {
						return []int{q, me, q + 2, ge}
					}
				}
			}
			q++
			continue
		}
		r, sz := utf8.DecodeRuneInString(s[q:])
		if a.lead(r) {
			if ge, me := a.wordAt(s, q+sz); ge >= 0 {
				return []int{q, me, q + sz, ge}
			}
		}
		if a.hyphen && q+sz+1 < len(s) && s[q+sz] == '-' && unicode.IsLetter(r) && a.startByte[s[q+sz+1]] {
			// `\p{L}-` with a letter above 0x7F ("Müller-GmbH").
			if ge, me := a.wordAt(s, q+sz+1); ge >= 0 {
				return []int{q, me, q + sz + 1, ge}
			}
		}
		q += sz
	}
	return nil
}

// MatchString reports whether s holds a match.
func (a *wordAlt) MatchString(s string) bool { return a.find(s, 0) != nil }

// FindStringIndex returns the span of the leftmost match, or nil.
func (a *wordAlt) FindStringIndex(s string) []int {
	if m := a.find(s, 0); m != nil {
		return m[:2:2]
	}
	return nil
}

// FindStringSubmatchIndex returns the spans of the leftmost match and of
// its word, or nil.
func (a *wordAlt) FindStringSubmatchIndex(s string) []int { return a.find(s, 0) }

// FindAllStringSubmatchIndex returns the spans of up to n (all if n < 0)
// successive matches and of their words.
func (a *wordAlt) FindAllStringSubmatchIndex(s string, n int) [][]int {
	var out [][]int
	for from := 0; n < 0 || len(out) < n; {
		m := a.find(s, from)
		if m == nil {
			break
		}
		out = append(out, m)
		from = m[1]
	}
	return out
}

// legalLead and legalTrail are the rune classes around a legal form:
// [\s,(] (the party knowledge's) and [\s,;:)/.“”"'].
func legalLead(r rune) bool { return isPerlSpace(r) || r == ',' || r == '(' }

// lexLegalLead is the lexicon's lead: [\s,].
func lexLegalLead(r rune) bool { return isPerlSpace(r) || r == ',' }

func legalTrail(r rune) bool {
	return isPerlSpace(r) || strings.ContainsRune(",;:)/.“”\"'", r)
}

// isPerlSpace reports whether r is in \s: [\t\n\f\r ].
func isPerlSpace(r rune) bool {
	return r == ' ' || r == '\t' || r == '\n' || r == '\f' || r == '\r'
}

// roleLead is [^\p{L}\-] and roleTrail [^\p{L}].
func roleLead(r rune) bool  { return r != '-' && !unicode.IsLetter(r) }
func roleTrail(r rune) bool { return !unicode.IsLetter(r) }
