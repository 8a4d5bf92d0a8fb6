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
//	re:EXPR      a regular expression on the lower-cased sentence (ASCII letters
//	             and Ä, Ö, Ü lowered; see prefilter.Lower)
package match

import (
	"math/bits"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/art28/art28/internal/prefilter"
)

// Token is one word of a sentence.
type Token struct {
	// Text is the lower-cased word; hyphenated words stay one token.
	Text string
	// Start and End are byte offsets into the document text; 32 bits keep
	// the token small (inputs are limited to far less than 2 GiB).
	Start, End int32
	// Comma reports a comma (or semicolon, colon, dash) between the previous
	// token and this one.
	Comma bool
	// Possessive reports a following "'s" ("controller's").
	Possessive bool
	// id is the token's index in its Index's vocabulary.
	id int32
}

// Tokenize splits text[start:end] into tokens.
func Tokenize(text string, start, end int) []Token {
	return appendTokens(nil, text, start, end, nil, nil)
}

// vocabulary gives every distinct lower-cased word an id and keeps one
// copy of it, so that tokenizing a document allocates once per distinct
// word instead of once per capitalised token. It is an open-addressing hash
// table specialised for this: the key is lower-cased while it is hashed,
// and nothing is allocated for a word seen before.
type vocabulary struct {
	slots  []int32  // id+1 per slot, 0 when empty; the length is a power of two
	hashes []uint32 // hash per id, for growing the table
	words  []string // word per id
	buf    []byte
}

func newVocabulary(sizeHint int) *vocabulary {
	return (*vocabulary)(nil).reset(sizeHint)
}

// reset returns v emptied for a new text, its arrays reused (a new
// vocabulary when v is nil).
func (v *vocabulary) reset(sizeHint int) *vocabulary {
	n := 64
	for n < 2*sizeHint {
		n <<= 1
	}
	if v == nil {
		return &vocabulary{slots: make([]int32, n), words: make([]string, 0, sizeHint), hashes: make([]uint32, 0, sizeHint)}
	}
	if cap(v.slots) >= n {
		// A table grown for a larger text stays that large.
		v.slots = v.slots[:cap(v.slots)]
		clear(v.slots)
	} else {
		v.slots = make([]int32, n)
	}
	clear(v.words) // the words of the last text, which may hold it
	v.words, v.hashes = v.words[:0], v.hashes[:0]
	return v
}

// reuse returns (*a)[:n], or a new array of n when *a is too short, and
// keeps it in *a. The contents are not cleared.
func reuse[T any](a *[]T, n int) []T {
	if cap(*a) < n {
		*a = make([]T, n)
	}
	*a = (*a)[:n]
	return *a
}

// The FNV-1a hash's offset basis and prime, 32 bits.
const (
	fnvOffset = 2166136261
	fnvPrime  = 16777619
)

// fnv32 is the FNV-1a hash of s.
func fnv32[T string | []byte](s T) uint32 {
	h := uint32(fnvOffset)
	for i := 0; i < len(s); i++ {
		h ^= uint32(s[i])
		h *= fnvPrime
	}
	return h
}

// add returns the lower-cased form of word and its id.
func (v *vocabulary) add(word string) (string, int32) {
	var h, slot uint32
	var id int32
	var found bool
	if !needsLower(word) {
		h = fnv32(word)
		if slot, id, found = v.find(word, h); found {
			return v.words[id], id
		}
	} else {
		v.buf = appendLower(v.buf[:0], word)
		h = fnv32(v.buf)
		if slot, id, found = v.findBytes(v.buf, h); found {
			return v.words[id], id
		}
		word = string(v.buf)
	}
	return word, v.insert(slot, word, h)
}

// addASCII is add for a word of ASCII bytes whose lower-cased form has
// the hash h (computed by the tokenizer on the way); upper reports a
// capital in it. A known word is found without lower-casing it first.
func (v *vocabulary) addASCII(word string, h uint32, upper bool) (string, int32) {
	if !upper {
		slot, id, found := v.find(word, h)
		if found {
			return v.words[id], id
		}
		return word, v.insert(slot, word, h)
	}
	mask := uint32(len(v.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		s := v.slots[i]
		if s == 0 {
			v.buf = appendLower(v.buf[:0], word)
			w := string(v.buf)
			return w, v.insert(i, w, h)
		}
		if v.hashes[s-1] == h && equalLowerASCII(v.words[s-1], word) {
			return v.words[s-1], s - 1
		}
	}
}

// insert adds the lower-cased word with hash h at the free slot and
// returns its id.
func (v *vocabulary) insert(slot uint32, word string, h uint32) int32 {
	id := int32(len(v.words))
	v.words = append(v.words, word)
	v.hashes = append(v.hashes, h)
	v.slots[slot] = id + 1
	if 2*len(v.words) > len(v.slots) {
		v.grow()
	}
	return id
}

// equalLowerASCII reports whether the ASCII word lower-cased is low.
func equalLowerASCII(low, word string) bool {
	if len(low) != len(word) {
		return false
	}
	for i := 0; i < len(word); i++ {
		c := word[i]
		if c <= 'Z' && c >= 'A' {
			c += 'a' - 'A'
		}
		if c != low[i] {
			return false
		}
	}
	return true
}

// find looks word up: its id, or the free slot where it belongs.
func (v *vocabulary) find(word string, h uint32) (slot uint32, id int32, found bool) {
	mask := uint32(len(v.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		s := v.slots[i]
		if s == 0 {
			return i, 0, false
		}
		if v.hashes[s-1] == h && v.words[s-1] == word {
			return i, s - 1, true
		}
	}
}

// findBytes is find for a word in a byte slice (compared without
// converting it to a string).
func (v *vocabulary) findBytes(word []byte, h uint32) (slot uint32, id int32, found bool) {
	mask := uint32(len(v.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		s := v.slots[i]
		if s == 0 {
			return i, 0, false
		}
		if v.hashes[s-1] == h && v.words[s-1] == string(word) {
			return i, s - 1, true
		}
	}
}

// grow doubles the table.
func (v *vocabulary) grow() {
	v.slots = make([]int32, 2*len(v.slots))
	mask := uint32(len(v.slots) - 1)
	for id, h := range v.hashes {
		i := h & mask
		for v.slots[i] != 0 {
			i = (i + 1) & mask
		}
		v.slots[i] = int32(id) + 1
	}
}

// id returns the id of a lower-cased word.
func (v *vocabulary) id(word string) (int32, bool) {
	_, id, ok := v.find(word, fnv32(word))
	return id, ok
}

// needsLower reports whether s has a byte lower does not keep as is.
func needsLower(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || c >= 'A' && c <= 'Z' {
			return true
		}
	}
	return false
}

// appendLower appends s lower-cased as strings.ToLower does.
func appendLower(buf []byte, s string) []byte {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			buf = append(buf, c)
			i++
			continue
		}
		r, sz := utf8.DecodeRuneInString(s[i:])
		buf = utf8.AppendRune(buf, unicode.ToLower(r))
		i += sz
	}
	return buf
}

// appendTokens appends the tokens of text[start:end] to toks. With a
// vocabulary, token texts come from it and carry their ids. With a
// compact sink (and a vocabulary), the tokens are appended to it in the
// index's compact form instead, and toks is returned as it is.
func appendTokens(toks []Token, text string, start, end int, v *vocabulary, cs *compactSink) []Token {
	s := text[:end]
	i := start
	comma := false
	for i < end {
		var sep bool
		if i, sep = skipASCIISeparators(s, i); sep {
			comma = true
		}
		if i >= end {
			break
		}
		if text[i] >= utf8.RuneSelf {
			r, sz := utf8.DecodeRuneInString(text[i:])
			if !isWordRune(r) {
				if r == '–' || r == '—' {
					comma = true
				}
				i += sz
				continue
			}
		}
		// The word's bytes are lowered and hashed on the way while they
		// are ASCII (see vocabulary.addASCII); ascii is cleared at the
		// first other letter.
		j, h, upper := asciiRun(s, i, fnvOffset)
		ascii := true
		for j < end {
			// asciiRun stopped at j: an ASCII byte there is no letter or
			// digit, so only a hyphen or a rune of another script goes on.
			if c := text[j]; c < utf8.RuneSelf {
				if c != '-' || j+1 >= end {
					break
				}
				// Keep hyphenated and dotted compounds together:
				// "sub-processor", "e-mail"; but not a trailing hyphen.
				if c3 := text[j+1]; c3 < utf8.RuneSelf {
					if !asciiWord[c3] {
						break
					}
				} else if r3, _ := utf8.DecodeRuneInString(text[j+1:]); !isWordRune(r3) {
					break
				}
				h = (h ^ '-') * fnvPrime
				j++
			} else {
				r2, sz2 := utf8.DecodeRuneInString(text[j:])
				if !isWordRune(r2) {
					break
				}
				ascii = false
				j += sz2
			}
			var up bool
			j, h, up = asciiRun(s, j, h)
			upper = upper || up
		}
		t := Token{Start: int32(i), End: int32(j), Comma: comma}
		// A word hyphenated at a line end and flattened by PDF extraction:
		// "proces- sing", "Sub- processor".
		k, rest := j, ""
		if j+2 < end && text[j] == '-' { // (most words are followed by none)
			k, rest = brokenWord(text, j, end)
		}
		if k > j {
			t.Text = joinBroken(lower(text[i:j]), rest)
			t.End = int32(k)
			j = k
			if v != nil {
				t.Text, t.id = v.add(t.Text)
			}
		} else if v != nil {
			if ascii {
				t.Text, t.id = v.addASCII(text[i:j], h, upper)
			} else {
				t.Text, t.id = v.add(text[i:j])
			}
		} else {
			t.Text = lower(text[i:j])
		}
		if j < end && (text[j] == '\'' || text[j] == 0xE2) { // (most words are followed by neither)
			t.Possessive = possessiveAt(text, j, end)
		}
		if cs != nil {
			cs.toks = append(cs.toks, compact(&t, cs.oddEnds))
		} else {
			toks = append(toks, t)
		}
		comma = false
		i = j
	}
	return toks
}

// skipASCIISeparators returns the offset of the first byte from i on
// that is not an ASCII separator (a letter, a digit or a non-ASCII byte),
// and whether a separator recorded as a comma was passed (see
// Token.Comma).
func skipASCIISeparators(s string, i int) (int, bool) {
	comma := false
	for ; i < len(s); i++ {
		switch asciiClass[s[i]] {
		case classSeparator:
		case classComma:
			comma = true
		default:
			return i, comma
		}
	}
	return i, comma
}

// asciiRun returns the end of the run of ASCII letters and digits that
// starts at offset j of s, the FNV-1a hash h continued over its bytes
// lower-cased, and whether it holds a capital.
func asciiRun(s string, j int, h uint32) (int, uint32, bool) {
	var up byte
	for ; j < len(s); j++ {
		c := s[j]
		l := wordLower[c]
		if l == 0 {
			break
		}
		up |= c ^ l
		h = (h ^ uint32(l)) * fnvPrime
	}
	return j, h, up != 0
}

// Byte classes of asciiClass.
const (
	classWord      = iota // an ASCII letter or digit
	classSeparator        // any other ASCII byte
	classComma            // a separator recorded as a comma: , ; : ( )
	classOther            // a byte of a multi-byte rune
)

// asciiClass classifies the bytes for the tokenizer.
var asciiClass = func() (t [256]uint8) {
	for c := range t {
		switch {
		case c >= utf8.RuneSelf:
			t[c] = classOther
		case asciiWord[c]:
			t[c] = classWord
		case strings.IndexByte(",;:()", byte(c)) >= 0:
			t[c] = classComma
		default:
			t[c] = classSeparator
		}
	}
	return t
}()

// wordLower maps the ASCII letters and digits to their lower-case form
// and every other byte to 0.
var wordLower = func() (t [256]byte) {
	for c := range utf8.RuneSelf {
		if asciiWord[c] {
			t[c] = byte(unicode.ToLower(rune(c)))
		}
	}
	return t
}()

// brokenWord reports a hyphen-and-space (or hyphen-and-newline) break after the word ending at j:
// "- " followed by a lower-case word that is not a conjunction ("pre- and
// post-processing", "Daten- und"). It returns the end of the continuation
// and its lower-cased text, or j.
func brokenWord(text string, j, end int) (int, string) {
	// "- " where extraction flattened the line, "-⏎" where a hard-wrapped
	// export kept it: "Beschäf-⏎tigte" (hold22d).
	if j+2 >= end || text[j] != '-' || text[j+1] != ' ' && text[j+1] != '\n' {
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
		return asciiWord[r]
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '§'
}

// asciiWord marks the ASCII letters and digits.
var asciiWord = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
	}
	return t
}()

// Span is a sentence's extent in the document text.
type Span struct{ Start, End int }

// span is a Span as the index keeps it: offsets are 32 bits, as in
// tokens.
type span struct{ start, end int32 }

// Index holds the tokens of a document's sentences and answers term
// queries with bit sets of sentence indices.
//
// Every distinct token gets an id. The postings (which sentences hold a
// token) of all ids share one array, so building the index costs one map
// lookup per token and no allocation per word.
type Index struct {
	text    string
	spans   []span          // the sentences
	buf     *buffers        // reusable arrays, nil once released
	toks    []token         // all sentences' tokens
	oddEnds map[int32]int32 // token start -> end, for tokens whose end the word does not tell (see token)
	tokOff  []int32         // tokens of sentence i: toks[tokOff[i]:tokOff[i+1]]
	vocab   *vocabulary     // token -> id
	words   []string        // id -> token
	postOff []int32         // postings of id k: post[postOff[k]:postOff[k+1]]
	post    []int32         // sentence indices, ascending per id
	// occOff and occ list where each id occurs, as indices into toks,
	// ascending: id k at occ[occOff[k]:occOff[k+1]]. Built on first use
	// (see occurrences).
	occOff, occ []int32
	heads       buckets      // ids by their first two bytes, for prefix terms (see bucketsOf)
	tails       buckets      // ids by their last two bytes, for suffix terms
	lower       string       // lower-cased text of the same length, built on first use
	arts        []articleRef // article references, by sentence; nil until asked
	cache       []Bits       // TermID -> sentences, nil until asked
	// asked memoises, by TermID, the sentences an expression term was
	// run on one by one (TermHas) and those it matched: rules ask about
	// the same sentences again (an exclusion shared by many rules), and
	// running it once each suffices. A map: few of the registered terms
	// are expressions asked so.
	asked    map[TermID]*askedSet
	joined   string  // the words joined by newlines, for infix terms (see infixMatches)
	joinedAt []int32 // id -> offset of the word in joined
	// joinedFreq counts each byte of joined, to seek an infix by its
	// rarest byte.
	joinedFreq [256]int32
	scratch    Bits // phrase candidates, see phraseTerm
	// scratchBusy is set while a phrase uses scratch.
	scratchBusy bool
	empty       Bits  // the shared result of terms that match nothing
	order       uint8 // 1: spans ordered without overlap, 2: not; 0: not known yet
	covers      uint8 // 1: the spans cover the text (see Covers), 2: not; 0: not known yet
	// headsBuilt and tailsBuilt are set once heads and tails are built.
	headsBuilt, tailsBuilt bool
	// heads3 holds the ids by their first three bytes, for prefix terms
	// of three bytes or more (see eachPrefix), built on first use.
	heads3      keyBuckets
	heads3Built bool
	// zuWords are the ids of the words that may be a zu-infinitive (see
	// zuInfinitive), found on first use; zuBuilt is set then.
	zuWords []int32
	zuBuilt bool
	// geWords are the ids of the words that may be the past participle
	// of a separable verb (see geParticiple), found on first use; geBuilt
	// is set then.
	geWords []int32
	geBuilt bool
	// pairs lists the ids of the words by the byte pairs they hold, for
	// infix terms (see infixMatches), built on first use.
	pairs keyBuckets
	// pairsBuilt is set once pairs is built.
	pairsBuilt bool
	// aliased is set when NewIndexAliased read a word as another.
	aliased bool
	n       int
}

// NewIndex tokenizes the given sentence spans of text. The index keeps a
// copy of spans.
func NewIndex(text string, spans []Span) *Index { return NewIndexAliased(text, spans, nil) }

// NewIndexAliased is NewIndex reading some words as others: for each pair
// [word, as] every token of word is indexed as a token of as (with its
// own offsets), so that terms and callers of Tokens see as in its place.
// German contracts in the informal voice use it to read "dir" as "ihnen"
// once, instead of every rule holding both forms. Words are lower case;
// a word written "=AN" is read as the other only where the text has it
// in exactly this case ("AN" for "Auftragnehmer", not the preposition
// "an").
func NewIndexAliased(text string, spans []Span, aliases [][]string) *Index {
	// One backing array for all sentences' tokens, reused across
	// documents (see Release). The tokens are kept in a compact form
	// without pointers (8 bytes each instead of a Token's 32, and nothing
	// for the garbage collector to scan); Tokens builds Tokens from them.
	// The other per-document arrays come from the same buffers.
	ix := &Index{text: text, n: len(spans), oddEnds: map[int32]int32{}}
	ix.buf = getBuffers(len(text)/6 + 16)
	b := ix.buf
	ix.spans = reuse(&b.spans, len(spans))
	for i, sp := range spans {
		ix.spans[i] = span{int32(sp.Start), int32(sp.End)}
	}
	ix.tokOff = reuse(&b.tokOff, len(spans)+1)
	clear(ix.tokOff)
	ix.cache = ix.buf.cache
	all := ix.buf.toks
	// The vocabulary of a text grows far slower than the text: the hint
	// is capped, the table grows when needed.
	v := b.vocab.reset(min(len(text)/40, 1<<15) + 16)
	b.vocab = v
	cs := compactSink{toks: all, oddEnds: ix.oddEnds}
	for i, sp := range spans {
		appendTokens(nil, text, sp.Start, sp.End, v, &cs)
		ix.tokOff[i+1] = int32(len(cs.toks))
	}
	all = cs.toks
	// The array is sized for a text of short words. A large document's
	// array is not pooled (see Release): it is cut to its tokens, since it
	// stays live for as long as the document is analysed.
	if cap(all) > maxPooledTokens && cap(all)-len(all) > len(all)/8 {
		all = slices.Clone(all)
	}
	ix.buf.toks = all
	ix.toks = all
	if len(aliases) > 0 {
		ix.alias(v, aliases)
	}
	ix.vocab, ix.words = v, v.words
	// Count the sentences holding each id.
	last := reuse(&b.last, len(ix.words)) // the last sentence seen, plus one
	count := reuse(&b.count, len(ix.words))
	clear(last)
	clear(count)
	for i := range spans {
		for _, t := range ix.sentence(i) {
			if id := t.id(); last[id] != int32(i+1) {
				last[id] = int32(i + 1)
				count[id]++
			}
		}
	}
	// Postings in one array: offsets from the counts, then fill in
	// sentence order so each id's list is ascending.
	ix.postOff = reuse(&b.postOff, len(ix.words)+1)
	ix.postOff[0] = 0
	for id, c := range count {
		ix.postOff[id+1] = ix.postOff[id] + c
	}
	ix.post = reuse(&b.post, int(ix.postOff[len(ix.words)]))
	fill := count // reused: the next free slot per id
	copy(fill, ix.postOff[:len(ix.words)])
	clear(last)
	for i := range spans {
		for _, t := range ix.sentence(i) {
			if id := t.id(); last[id] != int32(i+1) {
				last[id] = int32(i + 1)
				ix.post[fill[id]] = int32(i)
				fill[id]++
			}
		}
	}
	return ix
}

// alias gives the tokens of each pair's first word the id of its second
// (see NewIndexAliased). A document without any of the words costs one
// vocabulary look-up per pair.
func (ix *Index) alias(v *vocabulary, aliases [][]string) {
	var from, to []int32
	var exact []string
	for _, p := range aliases {
		if len(p) != 2 {
			continue
		}
		word, cased := p[0], ""
		if len(word) > 1 && word[0] == '=' {
			cased, word = word[1:], strings.ToLower(word[1:])
		}
		id, ok := v.id(word)
		if !ok {
			continue
		}
		_, as := v.add(p[1])
		from, to, exact = append(from, id), append(to, as), append(exact, cased)
	}
	if from == nil {
		return
	}
	for k, t := range ix.toks {
		id := t.id()
		for a, f := range from {
			if id != f {
				continue
			}
			if c := exact[a]; c != "" && !strings.HasPrefix(ix.text[t.start:], c) {
				continue
			}
			ix.aliased = true
			if t.idf&tokOddEnd == 0 {
				// The end no longer follows from the word's length.
				ix.oddEnds[t.start] = t.start + int32(len(v.words[f]))
			}
			ix.toks[k].idf = t.idf&^idMask | tokOddEnd | uint32(to[a])&idMask
			break
		}
	}
}

// Aliased reports whether the index read a word of the text as another
// (see NewIndexAliased).
func (ix *Index) Aliased() bool { return ix.aliased }

// bucketsOf returns the vocabulary's ids by their first (tails: last)
// two bytes, built on first use: an index asked only exact words (the
// lines of a cited sentence) never needs them.
func (ix *Index) bucketsOf(tails bool) *buckets {
	if tails {
		if !ix.tailsBuilt {
			ix.tails = newBuckets(ix.words, tailKey)
			ix.tailsBuilt = true
		}
		return &ix.tails
	}
	if !ix.headsBuilt {
		ix.heads = newBuckets(ix.words, headKey)
		ix.headsBuilt = true
	}
	return &ix.heads
}

// eachPrefix calls f for every word that starts with core, which has at
// least three bytes: the words of core's bucket of heads3, which holds
// far fewer words than one of heads.
func (ix *Index) eachPrefix(core string, f func(id int32, w string)) {
	if !ix.heads3Built {
		ix.heads3 = newKeyBuckets(ix.words, false)
		ix.heads3Built = true
	}
	words := ix.words
	for _, id := range ix.heads3.of(head3Key(core)) {
		if w := words[id]; strings.HasPrefix(w, core) {
			f(id, w)
		}
	}
}

// head3Key is the key of a word of at least three bytes: its first
// three.
func head3Key(w string) uint32 { return uint32(w[0])<<16 | uint32(w[1])<<8 | uint32(w[2]) }

// pairKey is the key of a pair of bytes.
func pairKey(a, b byte) uint32 { return uint32(a)<<8 | uint32(b) }

// keyBuckets groups word ids by keys, each word under every key it
// yields (once per bucket). The buckets are a hash table of keys: a
// bucket holds the words of every key that falls into it.
type keyBuckets struct {
	off  []int32 // ids of bucket k: ids[off[k]:off[k+1]]
	ids  []int32
	mask uint32 // the number of buckets, a power of two, minus one
}

// of returns the ids of the bucket of key k (a superset of the words
// under k).
func (b *keyBuckets) of(k uint32) []int32 {
	k = bucketHash(k) & b.mask
	return b.ids[b.off[k]:b.off[k+1]]
}

// bucketHash spreads a key over the buckets.
func bucketHash(k uint32) uint32 { return (k * 2654435761) >> 12 }

// newKeyBuckets groups the words by their keys, in about as many buckets
// as words: with pairs every pair of bytes of a word of at least two bytes
// is a key (pairKey; a word holding a pair twice is in its bucket twice),
// otherwise the first three bytes of a word of at least three (head3Key).
func newKeyBuckets(words []string, pairs bool) keyBuckets {
	n := 16
	for n < len(words) && n < 1<<14 {
		n <<= 1
	}
	b := keyBuckets{off: make([]int32, n+1), mask: uint32(n - 1)}
	mask := b.mask
	// Two passes: count the words per bucket, then put them in.
	count := b.off[1:]
	for _, w := range words {
		if pairs {
			for j := 0; j+1 < len(w); j++ {
				count[bucketHash(pairKey(w[j], w[j+1]))&mask]++
			}
		} else if len(w) >= 3 {
			count[bucketHash(head3Key(w))&mask]++
		}
	}
	for k := 1; k <= n; k++ {
		b.off[k] += b.off[k-1]
	}
	b.ids = make([]int32, b.off[n])
	fill := make([]int32, n)
	copy(fill, b.off[:n])
	for id, w := range words {
		if pairs {
			for j := 0; j+1 < len(w); j++ {
				k := bucketHash(pairKey(w[j], w[j+1])) & mask
				b.ids[fill[k]] = int32(id)
				fill[k]++
			}
		} else if len(w) >= 3 {
			k := bucketHash(head3Key(w)) & mask
			b.ids[fill[k]] = int32(id)
			fill[k]++
		}
	}
	return b
}

// zuCandidates returns the ids of the words that may be a zu-infinitive:
// those ending in "n" with a "zu" from their third byte on.
func (ix *Index) zuCandidates() []int32 {
	if !ix.zuBuilt {
		ix.zuBuilt = true
		for id, w := range ix.words {
			if len(w) > 4 && w[len(w)-1] == 'n' && strings.Contains(w[2:], "zu") {
				ix.zuWords = append(ix.zuWords, int32(id))
			}
		}
	}
	return ix.zuWords
}

// geCandidates returns the ids of the words that may be the past
// participle of a separable verb: eight bytes or more (a prefix term of
// five and three more) with a "ge" after two to six letters.
func (ix *Index) geCandidates() []int32 {
	if !ix.geBuilt {
		ix.geBuilt = true
		for id, w := range ix.words {
			if len(w) >= 8 && mayBeParticiple(w) {
				ix.geWords = append(ix.geWords, int32(id))
			}
		}
	}
	return ix.geWords
}

// articles returns the article references of the sentences, ordered by
// sentence, found on first use.
func (ix *Index) articles() []articleRef {
	if ix.arts == nil {
		ix.arts = articleRefs(ix.text, ix.Lower(), ix.spans)
	}
	return ix.arts
}

// buffers are an index's large per-document arrays. Released indexes
// hand them back through bufferPool: reusing them spares the garbage
// collector most of its work in a batch run.
type buffers struct {
	toks  []token    // all sentences' tokens
	cache []Bits     // term results by TermID
	slab  [][]uint64 // chunks the term results are carved from
	used  int        // words used in the last chunk of slab
	// spare holds chunks of earlier documents for reuse.
	spare [][]uint64
	// The arrays of the last index, for the next (see NewIndex).
	vocab                              *vocabulary
	spans                              []span
	tokOff, last, count, postOff, post []int32
	occOff, occ                        []int32
	// vcache holds the ids of the words a word pattern matches, by the
	// pattern's number (wordPattern.vid).
	vcache []Bits
	// cached and vcached list the entries of cache and vcache set for
	// the current document: clearing them is cheaper than clearing the
	// whole arrays, which are as long as the process's term and pattern
	// lists.
	cached  []TermID
	vcached []int32
	// wordIDs holds, by TermID, the vocabulary id of an exact word term
	// looked up in the current document: 0 when not looked up, 1 when
	// the document lacks the word, the id plus 2 otherwise; widded lists
	// the entries set.
	wordIDs []int32
	widded  []TermID
}

var bufferPool sync.Pool // *buffers

func getBuffers(tokens int) *buffers {
	b, ok := bufferPool.Get().(*buffers)
	if !ok {
		b = &buffers{}
	}
	if cap(b.toks) < tokens {
		b.toks = make([]token, 0, tokens)
	}
	b.toks = b.toks[:0]
	for _, id := range b.cached {
		b.cache[id] = nil
	}
	for _, id := range b.vcached {
		b.vcache[id] = nil
	}
	for _, id := range b.widded {
		b.wordIDs[id] = 0
	}
	b.widded = b.widded[:0]
	b.cached, b.vcached = b.cached[:0], b.vcached[:0]
	if len(b.slab) > 1 {
		// Keep one chunk in use; the others (a larger document's) wait
		// in spare, up to maxSpareChunks, for the next document to need
		// them.
		for _, c := range b.slab[1:] {
			if len(b.spare) < maxSpareChunks {
				b.spare = append(b.spare, c)
			}
		}
		clear(b.slab[1:])
		b.slab = b.slab[:1]
	}
	b.used = 0
	return b
}

// slabChunk is the number of words allocated at a time for term results;
// maxSpareChunks, how many chunks a pooled buffer keeps beyond the first
// (1 MiB).
const (
	slabChunk      = 8192
	maxSpareChunks = 16
)

// bits returns an empty set for n sentences carved from the slab.
func (b *buffers) bits(n int) Bits {
	w := (n + 63) / 64
	if w > slabChunk/4 {
		return make(Bits, w) // too large to carve
	}
	if len(b.slab) == 0 || b.used+w > slabChunk {
		if n := len(b.spare); n > 0 {
			b.slab = append(b.slab, b.spare[n-1])
			b.spare[n-1] = nil
			b.spare = b.spare[:n-1]
		} else {
			b.slab = append(b.slab, make([]uint64, slabChunk))
		}
		b.used = 0
	}
	last := b.slab[len(b.slab)-1]
	out := Bits(last[b.used : b.used+w : b.used+w])
	clear(out)
	b.used += w
	return out
}

// unbits gives back the space of b when it was the last set carved.
func (b *buffers) unbits(s Bits) {
	if len(s) == 0 || len(b.slab) == 0 || len(s) > b.used {
		return
	}
	last := b.slab[len(b.slab)-1]
	if &last[b.used-len(s)] == &s[0] {
		b.used -= len(s)
	}
}

// ForgetTerms drops the term sets a large index holds, for a caller done
// with most of the terms it asked: they are allocated one by one (see
// buffers.bits) and become garbage; a term asked again is looked up
// again. The sets of a smaller index are carved from its buffers, which
// it keeps until released: it keeps them.
func (ix *Index) ForgetTerms() {
	if (ix.n+63)/64 <= slabChunk/4 {
		return
	}
	clear(ix.cache)
	ix.asked = nil
}

// NewBits returns an empty set for the index's sentences, valid until the
// index is released.
func (ix *Index) NewBits() Bits { return ix.buf.bits(ix.n) }

// Release hands the index's buffers back for reuse by later indexes.
// Neither the index nor any token or set obtained from it may be used
// afterwards.
func (ix *Index) Release() {
	if ix.buf == nil {
		return
	}
	ix.buf.cache = ix.cache
	buf := ix.buf
	ix.buf, ix.toks, ix.tokOff, ix.cache, ix.occOff, ix.occ = nil, nil, nil, nil, nil, nil
	ix.asked = nil
	// A large document's arrays are not kept: they would stay with the
	// process for a batch of ordinary contracts, or until its end.
	if cap(buf.toks) > maxPooledTokens {
		return
	}
	bufferPool.Put(buf)
}

// maxPooledTokens is the size of the largest token array kept for reuse
// (3 MB, a text of about 1.5 MB).
const maxPooledTokens = 1 << 18

// postings returns the sentences holding token id.
func (ix *Index) postings(id int32) []int32 { return ix.post[ix.postOff[id]:ix.postOff[id+1]] }

// HasWord reports whether a token of the text is the lower-cased word w
// (as the index reads it: a word aliased to another is that other).
func (ix *Index) HasWord(w string) bool {
	id, ok := ix.vocab.id(w)
	return ok && ix.postOff[id+1] > ix.postOff[id]
}

// Covers reports whether every run of ASCII letters and digits of the
// text lies within one sentence: the sentences follow each other without
// overlapping, the text between them holds no such byte (blanks, bullets
// and dashes only), and no sentence starts or ends inside a run. Then an
// ASCII word of the text between two spaces is a token of a sentence.
func (ix *Index) Covers() bool {
	if ix.covers == 0 {
		ix.covers = 2
		if ix.ordered() && ix.covered() {
			ix.covers = 1
		}
	}
	return ix.covers == 1
}

// covered is Covers for ordered spans.
func (ix *Index) covered() bool {
	text := ix.text
	split := func(at int) bool {
		return at > 0 && at < len(text) && isASCIIWord(text[at-1]) && isASCIIWord(text[at]) && text[at-1] < utf8.RuneSelf && text[at] < utf8.RuneSelf
	}
	from := 0
	for k := 0; k <= len(ix.spans); k++ {
		to := len(text)
		if k < len(ix.spans) {
			to = int(ix.spans[k].start)
		}
		for i := from; i < to; i++ {
			if c := text[i]; c < utf8.RuneSelf && asciiWord[c] {
				return false
			}
		}
		if k < len(ix.spans) {
			if split(to) || split(int(ix.spans[k].end)) {
				return false
			}
			from = int(ix.spans[k].end)
		}
	}
	return true
}

// Len returns the number of sentences.
func (ix *Index) Len() int { return ix.n }

// token is a Token as the index keeps it, in 8 bytes: its text is the
// vocabulary's word with the id, and its end is start plus the length of
// that word, unless the token's text is not as long as its word (a word
// broken at a line end, "proces- sing", or one whose lower-cased form has
// another length): then the token is flagged tokOddEnd and ix.oddEnds has
// its end.
type token struct {
	start int32
	// idf holds the vocabulary id in its low bits (idBits) and the flags
	// above them. Ids fit: a text of less than 2 GiB (the limit of the
	// int32 offsets) has far fewer than 1<<29 distinct words, each at
	// least a byte and a separator, most of them several bytes long.
	idf uint32
}

const idBits = 29

const (
	tokComma uint32 = 1 << (idBits + iota)
	tokPossessive
	tokOddEnd
	idMask uint32 = 1<<idBits - 1
)

// id returns the token's vocabulary id.
func (t token) id() int32 { return int32(t.idf & idMask) }

// compactSink receives the tokens of a text in the form the index keeps
// them (see appendTokens).
type compactSink struct {
	toks    []token
	oddEnds map[int32]int32
}

// compact returns t as the index keeps it; a token whose end its word
// does not tell has the end recorded in oddEnds.
func compact(t *Token, oddEnds map[int32]int32) token {
	c := token{start: t.Start, idf: uint32(t.id) & idMask}
	if t.End-t.Start != int32(len(t.Text)) {
		c.idf |= tokOddEnd
		oddEnds[t.Start] = t.End
	}
	if t.Comma {
		c.idf |= tokComma
	}
	if t.Possessive {
		c.idf |= tokPossessive
	}
	return c
}

// sentence returns the compact tokens of sentence i.
func (ix *Index) sentence(i int) []token { return ix.toks[ix.tokOff[i]:ix.tokOff[i+1]] }

// Tokens returns the tokens of sentence i in a new slice.
func (ix *Index) Tokens(i int) []Token { return ix.AppendTokens(nil, i) }

// AppendTokens appends the tokens of sentence i to dst, so that a caller
// going through every sentence can reuse one slice.
func (ix *Index) AppendTokens(dst []Token, i int) []Token {
	return ix.AppendTokenPrefix(dst, i, -1)
}

// AppendTokenPrefix appends the first n tokens of sentence i (all when
// it has fewer, or when n < 0) to dst, for callers that read only the
// start of a sentence.
func (ix *Index) AppendTokenPrefix(dst []Token, i, n int) []Token {
	src := ix.sentence(i)
	if n >= 0 && n < len(src) {
		src = src[:n]
	}
	at := len(dst)
	dst = slices.Grow(dst, len(src))[:at+len(src)]
	out := dst[at:]
	for k, t := range src {
		id := t.id()
		w := ix.words[id]
		end := t.start + int32(len(w))
		if t.idf&tokOddEnd != 0 {
			end = ix.oddEnds[t.start]
		}
		out[k] = Token{Text: w, Start: t.start, End: end,
			Comma: t.idf&tokComma != 0, Possessive: t.idf&tokPossessive != 0, id: id}
	}
	return dst
}

// Articles returns the GDPR article numbers sentence i refers to.
// It is nil when the sentence refers to none.
func (ix *Index) Articles(i int) map[int]bool {
	refs := ix.articles()
	k := sort.Search(len(refs), func(k int) bool { return refs[k].sent >= int32(i) })
	var m map[int]bool
	for ; k < len(refs) && refs[k].sent == int32(i); k++ {
		if m == nil {
			m = map[int]bool{}
		}
		m[int(refs[k].art)] = true
	}
	return m
}

// UseLower hands the index the lower-cased text a caller has already
// built (prefilter.Lower of the same text), so that Lower does not build
// it a second time. A string of another length is ignored.
func (ix *Index) UseLower(lower string) {
	if ix.lower == "" && len(lower) == len(ix.text) {
		ix.lower = lower
	}
}

// Lower returns the document text lower-cased without changing its length
// (ASCII, and the German umlauts); byte offsets stay valid.
func (ix *Index) Lower() string {
	if ix.lower == "" && ix.text != "" {
		ix.lower = prefilter.Lower(ix.text)
	}
	return ix.lower
}

// Term returns the sentences that contain term t. The result is shared and
// must not be modified.
func (ix *Index) Term(t string) Bits { return ix.TermByID(Register(t)) }

// TermByID returns the sentences that contain the registered term id. The
// result is shared and must not be modified.
func (ix *Index) TermByID(id TermID) Bits {
	if id >= 0 && int(id) < len(ix.cache) && ix.cache[id] != nil {
		return ix.cache[id]
	}
	terms := registered()
	if id < 0 || int(id) >= len(terms) {
		return ix.NewBits() // not a registered id: matches nothing
	}
	if int(id) >= len(ix.cache) {
		ix.cache = append(ix.cache, make([]Bits, len(terms)-len(ix.cache))...)
	}
	e := terms[id]
	var b Bits
	switch e.kind {
	case regexKind:
		b = ix.regexTermOf(e.compiled())
	case articleKind:
		b = ix.articleTerm(e.arg)
	case phraseKind:
		b = ix.phraseTerm(e.phrase)
	default:
		b = ix.wordTerm(&e.word)
	}
	if b.Empty() {
		// Terms a document lacks share one empty set.
		ix.buf.unbits(b)
		if ix.empty == nil {
			ix.empty = ix.NewBits()
		}
		b = ix.empty
	}
	ix.cache[id] = b
	ix.buf.cached = append(ix.buf.cached, id)
	return b
}

// OrTerms adds to b the sentences of each of the registered terms ids,
// as b.Or(ix.TermByID(id)) for each does; the sets found before are taken
// without a call.
func (ix *Index) OrTerms(b Bits, ids []TermID) {
	for _, id := range ids {
		if c := ix.cache; uint(id) < uint(len(c)) && c[id] != nil {
			b.Or(c[id])
			continue
		}
		b.Or(ix.TermByID(id))
	}
}

// wordPattern is one word of a term: an exact word, or a prefix, suffix
// or infix with "*".
type wordPattern struct {
	raw      string
	core     string
	pre, suf bool
	infl     bool   // "~word": the word with an inflectional ending (inflect.go)
	gap      int    // for "..." and "....": the words it may stand for; 0 for a word
	id       TermID // the word as a term of its own, in phrases
	vid      int32  // the pattern's number, for Index.vocabMatches
}

func parseWord(w string) wordPattern {
	switch w {
	case "...":
		return wordPattern{raw: w, gap: maxGap}
	case "....":
		return wordPattern{raw: w, gap: maxLongGap}
	}
	if strings.HasPrefix(w, "~") {
		return wordPattern{raw: w, core: w[1:], infl: true, vid: patternID(w)}
	}
	return wordPattern{raw: w, core: strings.Trim(w, "*"), pre: strings.HasPrefix(w, "*"), suf: strings.HasSuffix(w, "*"), vid: patternID(w)}
}

// patternIDs numbers the word patterns by their text, once per process.
var patternIDs struct {
	sync.Mutex
	m map[string]int32
}

// patternCount returns how many word patterns are numbered.
func patternCount() int {
	patternIDs.Lock()
	defer patternIDs.Unlock()
	return len(preloadPatterns) + len(patternIDs.m)
}

// patternID returns the number of the word pattern w.
func patternID(w string) int32 {
	if id, ok := preloadedPattern(w); ok {
		return id
	}
	patternIDs.Lock()
	defer patternIDs.Unlock()
	id, ok := patternIDs.m[w]
	if !ok {
		if patternIDs.m == nil {
			// about half as many patterns as terms (registrySize)
			// (less the preloaded ones, which are not in the map)
			patternIDs.m = make(map[string]int32, max(registrySize/2-len(preloadPatterns), registrySize/16))
		}
		id = int32(len(preloadPatterns) + len(patternIDs.m))
		patternIDs.m[w] = id
	}
	return id
}

// exact reports a pattern that is one exact word.
func (p wordPattern) exact() bool { return !p.pre && !p.suf && !p.infl }

// vocabMatches returns the ids of the tokens the word pattern matches.
// Exact words are answered without a set (see idMatcher).
func (ix *Index) vocabMatches(p *wordPattern) Bits {
	vc := ix.buf.vcache
	if int(p.vid) < len(vc) && vc[p.vid] != nil {
		return vc[p.vid]
	}
	m := ix.buf.bits(len(ix.words))
	switch {
	case p.infl && len(p.core) >= 3:
		ix.eachPrefix(p.core, func(id int32, w string) {
			if inflections[w[len(p.core):]] {
				m.Set(int(id))
			}
		})
	case p.infl:
		ix.bucketsOf(false).each(ix.words, p.core, headKey, func(id int32, w string) {
			if inflected(w, p.core) {
				m.Set(int(id))
			}
		})
	case !p.pre && !p.suf:
		if id, ok := ix.vocab.id(p.core); ok {
			m.Set(int(id))
		}
	case !p.pre && p.suf && len(p.core) >= 3:
		// The words starting with the core, then the zu-infinitives
		// (which the core's first two bytes start too) and participles.
		ix.eachPrefix(p.core, func(id int32, _ string) { m.Set(int(id)) })
		for _, id := range ix.zuCandidates() {
			if w := ix.words[id]; len(w) >= len(p.core)+2 && zuInfinitive(w, p.core) {
				m.Set(int(id))
			}
		}
		if len(p.core) >= 5 {
			// The participles of separable verbs (geParticiple).
			for _, id := range ix.geCandidates() {
				if w := ix.words[id]; len(w) >= len(p.core)+3 && geParticiple(w, p.core) {
					m.Set(int(id))
				}
			}
		}
	case !p.pre && p.suf:
		// A core this short has no participles read (geParticiple).
		ix.bucketsOf(false).each(ix.words, p.core, headKey, func(id int32, w string) {
			if strings.HasPrefix(w, p.core) || len(w) >= len(p.core)+2 && zuInfinitive(w, p.core) {
				m.Set(int(id))
			}
		})
	case p.pre && !p.suf:
		ix.bucketsOf(true).each(ix.words, p.core, tailKey, func(id int32, w string) {
			if strings.HasSuffix(w, p.core) {
				m.Set(int(id))
			}
		})
	default:
		ix.infixMatches(p.core, m)
	}
	if int(p.vid) >= len(vc) {
		// Room for every pattern numbered so far: the array grows once.
		vc = append(vc, make([]Bits, max(int(p.vid)+1, patternCount())-len(vc))...)
		ix.buf.vcache = vc
	}
	vc[p.vid] = m
	ix.buf.vcached = append(ix.buf.vcached, p.vid)
	return m
}

// infixMatches sets in m the ids of the words that contain core. The
// words are searched as one text, joined by newlines (which no word and
// no core holds), instead of one by one.
func (ix *Index) infixMatches(core string, m Bits) {
	if core == "" || strings.IndexByte(core, '\n') >= 0 {
		for id, w := range ix.words {
			if strings.Contains(w, core) {
				m.Set(id)
			}
		}
		return
	}
	if len(core) >= 2 {
		// The words holding core's rarest byte pair hold every word that
		// contains core.
		if !ix.pairsBuilt {
			ix.pairs = newKeyBuckets(ix.words, true)
			ix.pairsBuilt = true
		}
		best := ix.pairs.of(pairKey(core[0], core[1]))
		for j := 1; j+1 < len(core) && len(best) > 0; j++ {
			if c := ix.pairs.of(pairKey(core[j], core[j+1])); len(c) < len(best) {
				best = c
			}
		}
		prev := int32(-1)
		for _, id := range best {
			if id != prev && strings.Contains(ix.words[id], core) {
				m.Set(int(id))
			}
			prev = id // (a word holding the pair twice is there twice in a row)
		}
		return
	}
	if ix.joinedAt == nil {
		n := 0
		for _, w := range ix.words {
			n += len(w) + 1
		}
		var sb strings.Builder
		sb.Grow(n)
		ix.joinedAt = make([]int32, len(ix.words))
		for id, w := range ix.words {
			ix.joinedAt[id] = int32(sb.Len())
			sb.WriteString(w)
			sb.WriteByte('\n')
		}
		ix.joined = sb.String()
		ix.joinedFreq = [256]int32{}
		for i := 0; i < len(ix.joined); i++ {
			ix.joinedFreq[ix.joined[i]]++
		}
	}
	// The core is sought by its rarest byte in the words (its first on a
	// tie), at offset r of it: a common first letter would stop the
	// search at most words.
	r := 0
	for j := 1; j < len(core); j++ {
		if ix.joinedFreq[core[j]] < ix.joinedFreq[core[r]] {
			r = j
		}
	}
	at := ix.joinedAt
	joined := ix.joined
	for from := 0; from+r < len(joined); {
		k := strings.IndexByte(joined[from+r:], core[r])
		if k < 0 {
			return
		}
		// The first byte before the rest: most places of the rare byte
		// start no occurrence.
		if joined[from+k] != core[0] || !strings.HasPrefix(joined[from+k:], core) {
			from += k + 1
			continue
		}
		pos := int32(from + k)
		// The word holding pos: the last that starts at or before it.
		lo, hi := 0, len(at)
		for hi-lo > 1 {
			mid := int(uint(lo+hi) >> 1)
			if at[mid] <= pos {
				lo = mid
			} else {
				hi = mid
			}
		}
		m.Set(lo)
		if lo+1 >= len(at) {
			return
		}
		from = int(at[lo+1])
	}
}

// idMatcher tells whether a token id matches one word of a phrase.
type idMatcher struct {
	exact bool
	id    int32 // the exact word's id, -1 when the document lacks it
	set   Bits  // the matching ids of a prefix, suffix or infix pattern
}

func (m idMatcher) has(id int32) bool {
	if m.exact {
		return id == m.id
	}
	return m.set.Has(int(id))
}

func (ix *Index) idMatcher(p *wordPattern) idMatcher {
	if p.exact() {
		return idMatcher{exact: true, id: ix.wordID(p)}
	}
	return idMatcher{set: ix.vocabMatches(p)}
}

// wordID returns the vocabulary id of the exact word pattern p, -1 when
// the document lacks it. The id is kept by the word's term (p.id): a word
// is looked up once per document, not once per phrase holding it.
func (ix *Index) wordID(p *wordPattern) int32 {
	wi := ix.buf.wordIDs
	if int(p.id) < len(wi) {
		if v := wi[p.id]; v != 0 {
			return v - 2
		}
	}
	id, ok := ix.vocab.id(p.core)
	if !ok {
		id = -1
	}
	if terms := registered(); int(p.id) < len(terms) && terms[p.id].kind == wordKind && terms[p.id].word.core == p.core {
		if int(p.id) >= len(wi) {
			wi = append(wi, make([]int32, len(terms)-len(wi))...)
			ix.buf.wordIDs = wi
		}
		wi[p.id] = id + 2
		ix.buf.widded = append(ix.buf.widded, p.id)
	}
	return id
}

// occursWord reports whether a sentence holds the exact word p, as
// !TermByID(p.id).Empty() does, without building the word's set: a word
// of the vocabulary has postings unless NewIndexAliased read all its
// tokens as another word.
func (ix *Index) occursWord(p *wordPattern) bool {
	id := ix.wordID(p)
	return id >= 0 && ix.postOff[id+1] > ix.postOff[id]
}

// buckets groups token ids by a two-byte key, so that a prefix or suffix
// term looks only at the words sharing its first or last two bytes instead
// of the whole vocabulary (and the vocabulary need not be sorted).
type buckets struct {
	off [nBuckets + 1]int32 // ids of bucket k: ids[off[k]:off[k+1]]
	ids []int32
}

const nBuckets = 512

// headKey and tailKey bucket a word of at least two bytes.
func headKey(w string) int { return (int(w[0])*31 + int(w[1])) % nBuckets }
func tailKey(w string) int { return (int(w[len(w)-2])*31 + int(w[len(w)-1])) % nBuckets }

func newBuckets(words []string, key func(string) int) buckets {
	var b buckets
	n := 0
	for _, w := range words {
		if len(w) >= 2 {
			b.off[key(w)+1]++
			n++
		}
	}
	for k := 1; k <= nBuckets; k++ {
		b.off[k] += b.off[k-1]
	}
	b.ids = make([]int32, n)
	var fill [nBuckets]int32
	copy(fill[:], b.off[:nBuckets])
	for id, w := range words {
		if len(w) >= 2 {
			k := key(w)
			b.ids[fill[k]] = int32(id)
			fill[k]++
		}
	}
	return b
}

// each calls f for every word that may start (or end) with core: the
// words of core's bucket, or every word when core is shorter than two
// bytes.
func (b *buckets) each(words []string, core string, key func(string) int, f func(int32, string)) {
	if len(core) < 2 {
		for id, w := range words {
			f(int32(id), w)
		}
		return
	}
	k := key(core)
	for _, id := range b.ids[b.off[k]:b.off[k+1]] {
		f(id, words[id])
	}
}

// wordTerm answers a single word pattern.
func (ix *Index) wordTerm(p *wordPattern) Bits {
	if p.exact() {
		id := ix.wordID(p)
		if id < 0 {
			return nil // a word the document lacks: the empty set
		}
		b := ix.NewBits()
		b.setAll(ix.postings(id))
		return b
	}
	b := ix.NewBits()
	ix.vocabMatches(p).Each(func(id int) { b.setAll(ix.postings(int32(id))) })
	return b
}

// phraseTerm answers a sequence of word patterns, "..." allowing a gap.
func (ix *Index) phraseTerm(words []wordPattern) Bits {
	// Most phrases hold an exact word the document lacks: tested first,
	// by the word's (cached) vocabulary id and postings, before anything
	// is set up, also the word's own set. Nil is the empty set (TermByID
	// shares one for it).
	for wi := range words {
		if w := &words[wi]; w.gap == 0 && w.exact() && !ix.occursWord(w) {
			return nil
		}
	}
	// The candidates live only during this call: one set serves every
	// phrase (a fresh one should a term asked for meanwhile be a phrase).
	var cand Bits
	if ix.scratchBusy {
		cand = ix.NewBits()
	} else {
		if ix.scratch == nil {
			ix.scratch = ix.NewBits()
		}
		cand = ix.scratch
		clear(cand)
		ix.scratchBusy = true
		defer func() { ix.scratchBusy = false }()
	}
	first := true
	var vmStack [8]idMatcher // phrases are short: no allocation
	vm := vmStack[:0]
	if len(words) > len(vmStack) {
		vm = make([]idMatcher, 0, len(words))
	}
	vm = vm[:len(words)]
	// Exact words first: they cost a look-up, and when one is missing the
	// patterns need not be matched against the vocabulary at all.
	for pass := 0; pass < 2; pass++ {
		for wi := range words {
			w := &words[wi]
			if w.gap > 0 || w.exact() != (pass == 0) {
				continue
			}
			wb := ix.TermByID(w.id)
			if first {
				cand.Or(wb)
				first = false
			} else {
				cand.And(wb)
			}
			if cand.Empty() {
				return nil // the empty set (TermByID shares one for it)
			}
			vm[wi] = ix.idMatcher(w)
		}
	}
	out := ix.NewBits()
	// A phrase starting with a word (not a gap) can start only at a token
	// that word matches: tested here before the call.
	head := len(words) > 0 && words[0].gap == 0
	if head && vm[0].exact && ix.anchored(words, vm, cand, out) {
		return out
	}
	if head && vm[0].exact {
		// The common case: the phrase starts with an exact word, whose id
		// is compared with each token's in a loop of its own.
		hid := uint32(vm[0].id)
		cand.Each(func(i int) {
			toks := ix.sentence(i)
			for s, t := range toks {
				if t.idf&idMask == hid && phraseAt(toks, s, words, vm, 0) {
					out.Set(i)
					return
				}
			}
		})
		return out
	}
	cand.Each(func(i int) {
		toks := ix.sentence(i)
		for s := range toks {
			if head && !vm[0].has(toks[s].id()) {
				continue
			}
			if phraseAt(toks, s, words, vm, 0) {
				out.Set(i)
				return
			}
		}
	})
	return out
}

// anchored decides a phrase whose words up to one of its exact words
// stand at fixed offsets (no gap before it) from where that word occurs
// (the one occurring least), instead of from every token of the
// candidate sentences: it sets in out the sentences of cand where the
// phrase starts at that word's occurrence minus its offset. It reports
// false, having done nothing, when the candidate sentences hold fewer
// tokens than the word has occurrences.
func (ix *Index) anchored(words []wordPattern, vm []idMatcher, cand, out Bits) bool {
	ix.occurrences()
	anchor, n := -1, 0
	for wi, w := range words {
		if w.gap > 0 {
			break
		}
		if !vm[wi].exact {
			continue
		}
		id := vm[wi].id
		if c := int(ix.occOff[id+1] - ix.occOff[id]); anchor < 0 || c < n {
			anchor, n = wi, c
		}
	}
	// The tokens of the candidate sentences, estimated from their number.
	sents := 0
	for _, w := range cand {
		sents += bits.OnesCount64(w)
	}
	if n > sents*len(ix.toks)/max(ix.n, 1) {
		return false
	}
	id := vm[anchor].id
	post := ix.postings(id)
	k := 0
	for _, g := range ix.occ[ix.occOff[id]:ix.occOff[id+1]] {
		// The sentence of token g: the anchor's sentences, like its
		// occurrences, ascend.
		for ix.tokOff[post[k]+1] <= g {
			k++
		}
		si := int(post[k])
		if !cand.Has(si) || out.Has(si) {
			continue
		}
		off := ix.tokOff[si]
		if start := g - int32(anchor); start >= off && phraseAt(ix.sentence(si), int(start-off), words, vm, 0) {
			out.Set(si)
		}
	}
	return true
}

// occurrences builds occOff and occ once.
func (ix *Index) occurrences() {
	if ix.occOff != nil {
		return
	}
	b := ix.buf
	nw := len(ix.words)
	occOff := reuse(&b.occOff, nw+1)
	clear(occOff)
	for _, t := range ix.toks {
		occOff[t.id()+1]++
	}
	for id := 1; id <= nw; id++ {
		occOff[id] += occOff[id-1]
	}
	occ := reuse(&b.occ, len(ix.toks))
	fill := reuse(&b.count, nw) // free once the postings are built
	copy(fill, occOff[:nw])
	for g, t := range ix.toks {
		id := t.id()
		occ[fill[id]] = int32(g)
		fill[id]++
	}
	ix.occOff, ix.occ = occOff, occ
}

// maxGap is how many words "..." may stand for; maxLongGap, "....".
const (
	maxGap     = 4
	maxLongGap = 15
)

// phraseAt reports whether the patterns from words[wi] on match the
// tokens from toks[ti] on; vm holds each word pattern's matching ids.
func phraseAt(toks []token, ti int, words []wordPattern, vm []idMatcher, wi int) bool {
	for ; wi < len(words); wi++ {
		if g := words[wi].gap; g > 0 {
			for k := 0; k <= g && ti+k <= len(toks); k++ {
				if phraseAt(toks, ti+k, words, vm, wi+1) {
					return true
				}
			}
			return false
		}
		if ti >= len(toks) || !vm[wi].has(toks[ti].id()) {
			return false
		}
		ti++
	}
	return true
}

// regexTermOf runs a compiled expression (nil when it does not compile)
// over every lower-cased sentence (its prefilter skips those lacking the
// literals every match contains).
func (ix *Index) regexTermOf(re *regex) Bits {
	b := ix.NewBits()
	if re == nil {
		return b // the catalog validates expressions; never reached
	}
	lower := ix.Lower()
	if cand, ok := ix.literalSentences(re); ok {
		// Only sentences with a word holding a literal of the
		// expression can match; the vocabulary tells which.
		cand.Each(func(i int) {
			sp := ix.spans[i]
			if re.MatchString(lower[sp.start:sp.end]) {
				b.Set(i)
			}
		})
		ix.buf.unbits(cand)
		return b
	}
	if ix.ordered() && !re.re.AtStart() {
		// Only sentences holding one of the expression's literals can
		// match: one scan of the text finds them.
		i := 0
		ok := re.re.Literals(lower, func(p int) int {
			for i < len(ix.spans) && int(ix.spans[i].end) <= p {
				i++
			}
			if i == len(ix.spans) {
				return len(lower)
			}
			start, end := int(ix.spans[i].start), int(ix.spans[i].end)
			if p < start {
				return start // between sentences
			}
			if re.MatchString(lower[start:end]) {
				b.Set(i)
			}
			i++
			return end
		})
		if ok {
			return b
		}
	}
	// An expression anchored at the start of a sentence is ruled out by
	// the sentence's first bytes, which costs less than a scan of the
	// text for its literals.
	for i, sp := range ix.spans {
		if re.MatchString(lower[sp.start:sp.end]) {
			b.Set(i)
		}
	}
	return b
}

// literalSentences returns the sentences that may hold a match of re: in
// the lower-cased text every match holds one of re's literals, and every
// literal a run of ASCII letters and digits (its longest, say "data" of
// "types of data"). Such a run in a sentence lies within one of its
// tokens, whose lower-cased word then contains the run: so the sentences
// of the words containing the run are a superset of those holding the
// literal, found from the vocabulary instead of the text. ok is false when
// a literal has no such run or re has no usable literals.
func (ix *Index) literalSentences(re *regex) (Bits, bool) {
	runs, ok := re.literalRuns(ix.aliased)
	if !ok {
		return nil, false
	}
	cand := ix.NewBits()
	for k := range runs {
		ix.vocabMatches(&runs[k]).Each(func(id int) {
			cand.setAll(ix.postings(int32(id)))
		})
	}
	return cand, true
}

// literalRuns returns, for each literal of the expression, its longest
// run of ASCII letters and digits as an infix word pattern, found once.
// A run that contains another of them is left out: every word holding it
// holds the other, whose words are candidates already. ok is false when a
// literal has no such run, the expression has no usable literals or more
// than maxRuns runs are left.
//
// For an aliased index (a word of the text read as another: its own word
// has no sentences) the runs are those of up to eight literals, each
// literal's own, as they were before runs were reduced: where a literal's
// run is an aliased word the candidates may miss a sentence that holds it,
// and the reduced runs would miss others.
func (r *regex) literalRuns(aliased bool) ([]wordPattern, bool) {
	r.runsOnce.Do(r.findRuns)
	if aliased {
		return r.eachRuns, r.eachRuns != nil
	}
	return r.runs, r.runs != nil
}

// findRuns sets runs and eachRuns (see literalRuns).
func (r *regex) findRuns() {
	lits, ok := r.re.Required()
	if !ok {
		return
	}
	var runs []string
	for _, l := range lits {
		run := ""
		for i := 0; i < len(l); {
			j := i
			for j < len(l) && l[j] < utf8.RuneSelf && asciiWord[l[j]] && !(l[j] >= 'A' && l[j] <= 'Z') {
				j++
			}
			if j-i > len(run) {
				run = l[i:j]
			}
			i = j + 1
		}
		if run == "" {
			return
		}
		runs = append(runs, run)
	}
	if len(runs) <= maxEachRuns {
		for _, run := range runs {
			r.eachRuns = append(r.eachRuns, parseWord("*"+run+"*"))
		}
	}
	// Shortest first: a run is kept unless one kept before it is
	// part of it.
	slices.SortStableFunc(runs, func(a, b string) int { return len(a) - len(b) })
	var kept []wordPattern
	for _, run := range runs {
		covered := false
		for _, k := range kept {
			if strings.Contains(run, k.core) {
				covered = true
				break
			}
		}
		if !covered {
			kept = append(kept, parseWord("*"+run+"*"))
		}
	}
	if len(kept) > maxRuns {
		return
	}
	r.runs = kept
}

// maxRuns is the number of literal runs up to which an expression's
// candidate sentences are found from the vocabulary (literalSentences);
// maxEachRuns, that of the runs for an aliased index.
const (
	maxRuns     = 32
	maxEachRuns = 8
)

// ordered reports whether the sentence spans follow each other in the text
// without overlapping.
func (ix *Index) ordered() bool {
	if ix.order == 0 {
		ix.order = 1
		for i := 1; i < len(ix.spans); i++ {
			if ix.spans[i].start < ix.spans[i-1].end {
				ix.order = 2
				break
			}
		}
	}
	return ix.order == 1
}

// articleTerm answers "art:32" or "art:32,33": sentences referring to any
// of the listed articles.
func (ix *Index) articleTerm(list string) Bits {
	b := ix.NewBits()
	var want []int
	for _, s := range strings.Split(list, ",") {
		if n, err := strconv.Atoi(strings.TrimSpace(s)); err == nil {
			want = append(want, n)
		}
	}
	for _, r := range ix.articles() {
		if slices.Contains(want, int(r.art)) {
			b.Set(int(r.sent))
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

// possessiveAt reports a possessive "'s" right after the word ending at j:
// "controller's", "controller’s", and the mistyped "controller‘s" (’ and ‘
// start with the byte 0xE2).
func possessiveAt(text string, j, end int) bool {
	if j+1 >= end || text[j] != '\'' && (text[j] != 0xE2 || !strings.HasPrefix(text[j:], "’") && !strings.HasPrefix(text[j:], "‘")) {
		return false
	}
	k := j + 1
	if text[j] != '\'' {
		k = j + len("’")
	}
	return k < end && (text[k] == 's' || text[k] == 'S') && (k+1 >= end || !isWordRune(rune(text[k+1])))
}
