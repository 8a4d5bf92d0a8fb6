// Package match finds catalog terms in a document's sentences quickly. Each
// sentence is split into lower-case word tokens once; an index from token to
// sentences answers every term of the catalog with a bit set of sentences,
// so the cost grows with the document's vocabulary, not with the number of
// rules times the text length.
//
// Term syntax (lower case):
//
//	audit        the exact word
//	audit*       a word starting with "audit"
//	*löschung    a word ending with "löschung"
//	*prüf*       a word containing "prüf"
//	allow for    consecutive words; each word may use * as above
//	make ... available  "..." allows up to four words in between
//	wirkt .... mit      "...." allows up to fifteen: German separable verbs
//	                    ("wirkt an der Erfüllung der Pflichten ... mit")
//	art:32       the sentence refers to Art. 32 (also by range or list:
//	             "Art. 32 bis 36", "Articles 32 to 36", "Art. 32 ff.")
//	re:EXPR      a regular expression on the lower-cased sentence
package match

import (
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Token is one word of a sentence.
type Token struct {
	// Text is the lower-cased word; hyphenated words stay one token.
	Text string
	// Start and End are byte offsets into the document text.
	Start, End int
	// Comma reports a comma (or semicolon, colon, dash) between the previous
	// token and this one.
	Comma bool
	// Possessive reports a following "'s" ("controller's").
	Possessive bool
}

// Tokenize splits text[start:end] into tokens.
func Tokenize(text string, start, end int) []Token {
	return appendTokens(nil, text, start, end)
}

// appendTokens appends the tokens of text[start:end] to toks.
func appendTokens(toks []Token, text string, start, end int) []Token {
	i := start
	comma := false
	for i < end {
		r, sz := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, sz = utf8.DecodeRuneInString(text[i:])
		}
		if !isWordRune(r) {
			if r == ',' || r == ';' || r == ':' || r == '–' || r == '—' || r == '(' || r == ')' {
				comma = true
			}
			i += sz
			continue
		}
		j := i
		for j < end {
			r2, sz2 := rune(text[j]), 1
			if r2 >= utf8.RuneSelf {
				r2, sz2 = utf8.DecodeRuneInString(text[j:])
			}
			if isWordRune(r2) {
				j += sz2
				continue
			}
			// Keep hyphenated and dotted compounds together: "sub-processor",
			// "e-mail"; but not a trailing hyphen.
			if r2 == '-' && j+sz2 < end {
				r3, _ := utf8.DecodeRuneInString(text[j+sz2:])
				if isWordRune(r3) {
					j += sz2
					continue
				}
			}
			break
		}
		t := Token{Text: lower(text[i:j]), Start: i, End: j, Comma: comma}
		// A word hyphenated at a line end and flattened by PDF extraction:
		// "proces- sing", "Sub- processor".
		if k, rest := brokenWord(text, j, end); k > j {
			t.Text = joinBroken(t.Text, rest)
			t.End = k
			j = k
		}
		// "controller's", "controller’s", and the mistyped "controller‘s".
		if j+1 < end && (text[j] == '\'' || strings.HasPrefix(text[j:], "’") || strings.HasPrefix(text[j:], "‘")) {
			k := j + 1
			if text[j] != '\'' {
				k = j + len("’")
			}
			if k < end && (text[k] == 's' || text[k] == 'S') && (k+1 >= end || !isWordRune(rune(text[k+1]))) {
				t.Possessive = true
			}
		}
		toks = append(toks, t)
		comma = false
		i = j
	}
	return toks
}

// brokenWord reports a hyphen-and-space break after the word ending at j:
// "- " followed by a lower-case word that is not a conjunction ("pre- and
// post-processing", "Daten- und"). It returns the end of the continuation
// and its lower-cased text, or j.
func brokenWord(text string, j, end int) (int, string) {
	if j+2 >= end || text[j] != '-' || text[j+1] != ' ' {
		return j, ""
	}
	r, _ := utf8.DecodeRuneInString(text[j+2:])
	if !unicode.IsLower(r) {
		return j, ""
	}
	k := j + 2
	for k < end {
		r2, sz := utf8.DecodeRuneInString(text[k:])
		if !isWordRune(r2) {
			break
		}
		k += sz
	}
	rest := lower(text[j+2 : k])
	switch rest {
	case "and", "or", "nor", "to", "und", "oder", "bzw", "sowie", "bis":
		return j, ""
	}
	return k, rest
}

// hyphenPrefixes keep their hyphen when rejoined: "sub- processor" is
// "sub-processor", but "proces- sing" is "processing".
var hyphenPrefixes = map[string]bool{"sub": true, "non": true, "third": true, "co": true, "e": true, "pre": true, "re": true, "multi": true, "self": true, "cross": true, "back": true, "anti": true}

func joinBroken(head, rest string) string {
	if hyphenPrefixes[head] {
		return head + "-" + rest
	}
	return head + rest
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '§'
}

// Span is a sentence's extent in the document text.
type Span struct{ Start, End int }

// Index holds the tokens of a document's sentences and answers term
// queries with bit sets of sentence indices.
type Index struct {
	text   string
	spans  []Span
	tokens [][]Token
	lower  []string           // lazily lower-cased sentences for re: terms
	vocab  []string           // sorted distinct tokens
	rvocab []string           // sorted reversed distinct tokens, for suffix terms
	post   map[string][]int32 // token -> sentences containing it, ascending
	arts   []map[int]bool     // articles referenced per sentence
	cache  map[string]Bits
	n      int
}

// NewIndex tokenizes the given sentence spans of text.
func NewIndex(text string, spans []Span) *Index {
	ix := &Index{text: text, spans: spans, n: len(spans), post: map[string][]int32{}, cache: map[string]Bits{}}
	ix.tokens = make([][]Token, len(spans))
	ix.lower = make([]string, len(spans))
	// One backing array for all sentences' tokens.
	all := make([]Token, 0, len(text)/6+16)
	for i, sp := range spans {
		from := len(all)
		all = appendTokens(all, text, sp.Start, sp.End)
		toks := all[from:len(all):len(all)]
		ix.tokens[i] = toks
		for _, t := range toks {
			p, ok := ix.post[t.Text]
			if !ok {
				ix.vocab = append(ix.vocab, t.Text)
			}
			if n := len(p); n == 0 || p[n-1] != int32(i) {
				ix.post[t.Text] = append(p, int32(i))
			}
		}
	}
	sort.Strings(ix.vocab)
	ix.rvocab = make([]string, len(ix.vocab))
	for i, w := range ix.vocab {
		ix.rvocab[i] = reverse(w)
	}
	sort.Strings(ix.rvocab)
	ix.arts = articleRefs(text, spans)
	return ix
}

// Len returns the number of sentences.
func (ix *Index) Len() int { return ix.n }

// Tokens returns the tokens of sentence i.
func (ix *Index) Tokens(i int) []Token { return ix.tokens[i] }

// Articles returns the GDPR article numbers sentence i refers to.
func (ix *Index) Articles(i int) map[int]bool { return ix.arts[i] }

// Term returns the sentences that contain term t. The result is shared and
// must not be modified.
func (ix *Index) Term(t string) Bits {
	if b, ok := ix.cache[t]; ok {
		return b
	}
	var b Bits
	switch {
	case strings.HasPrefix(t, "re:"):
		b = ix.regexTerm(t[3:])
	case strings.HasPrefix(t, "art:"):
		b = ix.articleTerm(t[4:])
	case strings.Contains(t, " "):
		b = ix.phraseTerm(strings.Fields(t))
	default:
		b = ix.wordTerm(t)
	}
	ix.cache[t] = b
	return b
}

// wordTerm answers a single word pattern.
func (ix *Index) wordTerm(p string) Bits {
	b := NewBits(ix.n)
	pre := strings.HasPrefix(p, "*")
	suf := strings.HasSuffix(p, "*")
	core := strings.Trim(p, "*")
	switch {
	case !pre && !suf:
		b.setAll(ix.post[core])
	case !pre && suf:
		k := sort.SearchStrings(ix.vocab, core)
		for ; k < len(ix.vocab) && strings.HasPrefix(ix.vocab[k], core); k++ {
			b.setAll(ix.post[ix.vocab[k]])
		}
	case pre && !suf:
		rc := reverse(core)
		k := sort.SearchStrings(ix.rvocab, rc)
		for ; k < len(ix.rvocab) && strings.HasPrefix(ix.rvocab[k], rc); k++ {
			b.setAll(ix.post[reverse(ix.rvocab[k])])
		}
	default:
		for _, w := range ix.vocab {
			if strings.Contains(w, core) {
				b.setAll(ix.post[w])
			}
		}
	}
	return b
}

// wordMatches reports whether token w matches the word pattern p.
func wordMatches(p, w string) bool {
	pre := strings.HasPrefix(p, "*")
	suf := strings.HasSuffix(p, "*")
	core := strings.Trim(p, "*")
	switch {
	case pre && suf:
		return strings.Contains(w, core)
	case pre:
		return strings.HasSuffix(w, core)
	case suf:
		return strings.HasPrefix(w, core)
	default:
		return w == core
	}
}

// phraseTerm answers a sequence of word patterns, "..." allowing a gap.
func (ix *Index) phraseTerm(words []string) Bits {
	cand := NewBits(ix.n)
	first := true
	for _, w := range words {
		if isGap(w) {
			continue
		}
		wb := ix.Term(w)
		if first {
			cand.Or(wb)
			first = false
		} else {
			cand.And(wb)
		}
	}
	out := NewBits(ix.n)
	cand.Each(func(i int) {
		if phraseAt(ix.tokens[i], words) {
			out.Set(i)
		}
	})
	return out
}

// maxGap is how many words "..." may stand for; maxLongGap, "....".
const (
	maxGap     = 4
	maxLongGap = 15
)

func isGap(w string) bool { return w == "..." || w == "...." }

func phraseAt(toks []Token, words []string) bool {
	var try func(ti, wi int) bool
	try = func(ti, wi int) bool {
		if wi == len(words) {
			return true
		}
		if isGap(words[wi]) {
			n := maxGap
			if words[wi] == "...." {
				n = maxLongGap
			}
			for g := 0; g <= n && ti+g <= len(toks); g++ {
				if try(ti+g, wi+1) {
					return true
				}
			}
			return false
		}
		if ti < len(toks) && wordMatches(words[wi], toks[ti].Text) {
			return try(ti+1, wi+1)
		}
		return false
	}
	for s := range toks {
		if try(s, 0) {
			return true
		}
	}
	return false
}

// regexTerm runs a regular expression over every lower-cased sentence.
func (ix *Index) regexTerm(expr string) Bits {
	b := NewBits(ix.n)
	re, err := regexp.Compile(expr)
	if err != nil {
		return b // the catalog validates expressions; never reached
	}
	for i, sp := range ix.spans {
		if ix.lower[i] == "" {
			ix.lower[i] = strings.ToLower(ix.text[sp.Start:sp.End])
		}
		if re.MatchString(ix.lower[i]) {
			b.Set(i)
		}
	}
	return b
}

// articleTerm answers "art:32" or "art:32,33": sentences referring to any
// of the listed articles.
func (ix *Index) articleTerm(list string) Bits {
	b := NewBits(ix.n)
	var want []int
	for _, s := range strings.Split(list, ",") {
		if n, err := strconv.Atoi(strings.TrimSpace(s)); err == nil {
			want = append(want, n)
		}
	}
	for i, arts := range ix.arts {
		for _, a := range want {
			if arts[a] {
				b.Set(i)
				break
			}
		}
	}
	return b
}

// lower lower-cases s, without allocating when it is already lower-case
// ASCII.
func lower(s string) string {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 || c >= 'A' && c <= 'Z' {
			return strings.ToLower(s)
		}
	}
	return s
}

// reverse returns s with its bytes in reverse order. Reversed UTF-8 is not
// valid text, but it sorts and prefix-compares consistently, which is all
// suffix lookup needs.
func reverse(s string) string {
	b := make([]byte, len(s))
	for i := 0; i < len(s); i++ {
		b[len(s)-1-i] = s[i]
	}
	return string(b)
}
