// Package prefilter provides regular expressions that skip, by a cheap
// substring scan, the texts they cannot match, and that are compiled only
// when first used.
//
// # Literals
//
// When an expression is first used, literal strings are derived from its
// syntax tree (regexp/syntax) such that every match contains one of them;
// when the expression allows it, strings such that every match starts with
// one of them. They are never written by hand, so the prefilter cannot
// drift from the expression. A text that holds none of the literals is
// rejected without running the matcher; with starting literals, the
// matcher is tried only where one of them occurs.
//
// The analysis depends only on the expression and its options. For the
// expressions of the embedded knowledge it is done by `go generate` and
// compiled in as static data (precomputed.go), so a process parses and
// analyses none of them; any other expression is analysed on first use.
//
// # Soundness
//
// Skipping a text is safe because the literals are sought in exactly the
// text the expression runs on, and because each literal stands for every
// spelling a match may have there:
//
//   - Case folding. An expression with a case-insensitive part has its
//     literals in the form Lower gives (ASCII letters and Ä, Ö, Ü lowered,
//     byte offsets kept); the text is compared in that form byte by byte,
//     without a copy. A case-insensitive rune stands for its whole
//     unicode.SimpleFold orbit, which is what package regexp matches, so
//     "s" has the forms "s" and "ſ" (U+017F) and "k" the forms "k" and the
//     Kelvin sign (U+212A); a literal multiplies out into all its forms, and
//     the rare forms ("variants") are consulted only for a text that holds
//     one. Runes whose orbit holds a rune Lower does not map (É) count as
//     variants too. A rune that lower-cases to ASCII without being in its
//     fold orbit (İ, U+0130, lower-cases to "i") is no concern: no
//     expression matches it where it expects "i", and the literals are
//     never compared with a text lower-cased by other rules (the caller
//     hands over the text the expression itself runs on).
//   - Classes. Package regexp/syntax already writes the folds of a
//     case-insensitive class into it ((?i)[k] is [Kk\x{212A}]); only small
//     ASCII classes become literals, so such a class simply yields none.
//   - Invalid UTF-8. A literal rune never matches an invalid byte (which
//     decodes as U+FFFD), so U+FFFD ends a literal instead of being
//     sought.
//   - Assertions at shifted starts. The matcher never runs on a suffix of
//     the text, where \b, \B and (?m)^ would see no preceding rune and ^
//     or \A would hold where they do not: a match at offset p is sought by
//     a copy of the expression anchored at the start of its input, run on
//     the text from one rune before p on, with that rune consumed first
//     (\A(?s:.)(?:expr)), so that assertions see the same context as in
//     the whole text. An expression that only matches at the start of the
//     text is tried there only.
//
// # Existence by automaton
//
// MatchString, which asks only whether a text holds a match, is answered
// by a deterministic automaton built lazily from the program
// regexp/syntax compiles (dfa.go): one table look-up per byte, started at
// the first literal and jumping to the next one whenever no thread is
// under way, instead of a backtracking attempt at each candidate. The
// automaton is built only for an expression whose literals some text
// holds; the Find methods of an expression asked often (or whose
// automaton exists) ask it first and run package regexp only on a text
// that holds a match. An automaton that grows past maxStates states, or
// one in use by another goroutine, hands the text to package regexp.
//
// FuzzRegexp and TestSound compare every method with package regexp;
// TestDFAProject compares the automaton with it on every expression of
// the table.
package prefilter

import (
	"fmt"
	"regexp"
	"regexp/syntax"
	"sync"
	"sync/atomic"
	"unicode/utf8"
)

// Option tunes the choice of literals.
type Option uint8

// PreferPrefix uses the literals every match starts with even when others
// that every match contains are more selective: for an expression run on
// short texts, knowing where a match may start pays more.
const PreferPrefix Option = 1

// Regexp is a regular expression with a literal prefilter. Its methods
// behave exactly as those of regexp.Regexp of the same name. It is safe
// for concurrent use.
type Regexp struct {
	expr string
	opt  Option
	once sync.Once
	c    *compiled
}

// compiled is what a Regexp needs to match, built on first use.
type compiled struct {
	re func() *regexp.Regexp // the expression, compiled on first call
	// lits holds the literals in their common spelling; nil: no
	// prefilter. all also holds those with a variant (see the package
	// comment) and is consulted only for a text that holds one of
	// variants; nil: there are none.
	lits     *litSet
	all      *litSet
	variants []string
	// fold means the literals are compared with the text in the form
	// Lower gives; otherwise with the text itself.
	fold bool
	// prefix means every match starts with one of the literals: a match
	// is sought only where one occurs, by anchored (the expression
	// anchored at the start of its input) and anchoredAt (the same after
	// one rune of context).
	prefix bool
	begin  bool // matches start only at the start of the text
	// starts is Analysis.Starts as a set; nil: none.
	starts *litSet
	// before is Analysis.Lead: with prefix, a match starts at most
	// before runes before a literal.
	before int
	maxLit int // the length of the longest literal
	// noContext is Analysis.NoContext: anchored serves at any offset.
	noContext  bool
	anchored   func() *regexp.Regexp
	anchoredAt func() *regexp.Regexp
	// wordStart is Analysis.WordStart: a match starts at a \b.
	wordStart bool
	// wordContext is Analysis.WordContext: anchored serves at an offset
	// after a rune that is no ASCII word character.
	wordContext bool
	// needs are Analysis.Needs: a match contains a literal of each.
	needs []need
	// lead tells the bytes a match can start with, for an expression
	// that matches only at the start of the text and has no starting
	// literals (derived on first use; nil otherwise).
	lead func() *leadBytes
	// dfa answers MatchString (built on first use; nil when the
	// expression does not compile for it).
	dfa func() *dfa
	// dfaBuilt: dfa has been called; findCalls counts the calls of the
	// Find methods (see precheck).
	dfaBuilt  atomic.Bool
	findCalls atomic.Int32
}

// need is a set of literals one of which every match contains.
type need struct {
	lits []string
	set  *litSet // the literals as a set, when they are many; nil otherwise
}

// index returns the first offset of s at which one of the literals
// occurs, or -1.
func (n *need) index(s string, fold bool) int {
	if n.set != nil {
		return n.set.index(s, fold, true)
	}
	return firstOf(n.lits, s, fold, true)
}

// needsFrom reports whether s holds, from offset from on, a literal of
// each of the needs: a match that starts at from or later does.
func (c *compiled) needsFrom(s string, from int) bool {
	for k := range c.needs {
		if c.needs[k].index(s[from:], c.fold) < 0 {
			return false
		}
	}
	return true
}

// MustCompile returns expr with a prefilter. Nothing is done until first
// use, which panics when expr does not compile: it is meant for
// expressions fixed in the source, which the tests use. Every expression
// created is recorded for the generator of the embedded table of analyses
// (see Registered).
func MustCompile(expr string, opts ...Option) *Regexp {
	r := newRegexp(expr, opts)
	register(r)
	return r
}

// Compile checks the syntax of expr and returns it with a prefilter; the
// expression itself is compiled on first use. An expression with an
// embedded analysis is known to be valid and is not parsed again.
func Compile(expr string, opts ...Option) (*Regexp, error) {
	r := newRegexp(expr, opts)
	if precomputed(expr, r.opt) == nil {
		if _, err := syntax.Parse(expr, syntax.Perl); err != nil {
			return nil, err
		}
	}
	register(r)
	return r, nil
}

func newRegexp(expr string, opts []Option) *Regexp {
	r := &Regexp{expr: expr}
	for _, o := range opts {
		r.opt |= o
	}
	return r
}

// String returns the source text of the expression.
func (r *Regexp) String() string { return r.expr }

// Plain returns the expression without prefilter, as package regexp
// compiles it.
func (r *Regexp) Plain() *regexp.Regexp { return r.get().re() }

func (r *Regexp) get() *compiled {
	r.once.Do(func() {
		c, err := compile(r.expr, r.opt)
		if err != nil {
			// Compile has checked the syntax: only a bad expression
			// given to MustCompile gets here.
			panic(fmt.Sprintf("prefilter: MustCompile(%q): %v", r.expr, err))
		}
		r.c = c
	})
	return r.c
}

// MatchString reports whether s contains a match.
func (r *Regexp) MatchString(s string) bool {
	c := r.get()
	if m, ok := c.dfaMatch(s); ok {
		return m
	}
	if c.prefix || c.starts != nil {
		return c.first(s, false) != nil
	}
	return c.leadOK(s) && c.possible(s) && c.needsFrom(s, 0) && c.re().MatchString(s)
}

// dfaMatch reports whether s holds a match, by the automaton (dfa.go)
// run from the first offset where a match may start and jumping, when no
// thread is under way, to the next such offset; ok is false when the
// automaton cannot answer, and MatchString then runs package regexp.
func (c *compiled) dfaMatch(s string) (matched, ok bool) {
	// The automaton is built only for a text that passes the literal
	// tests: an expression whose literals no text holds costs nothing.
	if c.prefix && c.begin {
		head := s[:min(len(s), c.maxLit)]
		if !c.set(head).at(s, 0, c.fold) || !c.needsFrom(s, 0) {
			return false, true
		}
		return c.runDFA(s, 0, nil)
	}
	var ls *litSet
	if c.prefix {
		ls = c.set(s)
	} else {
		if !c.leadOK(s) || !c.possible(s) || !c.needsFrom(s, 0) {
			return false, true
		}
		if c.starts == nil {
			return c.runDFA(s, 0, nil)
		}
		ls = c.starts
	}
	if c.before > 0 && !utf8.ValidString(s) {
		return false, false
	}
	from := c.skip(s, ls, 0)
	if from < 0 || !c.needsFrom(s, from) {
		return false, true
	}
	return c.runDFA(s, from, ls)
}

// skip returns the first offset >= i of s at which a match may start (a
// literal of ls occurs there, or up to c.before runes before), or -1.
func (c *compiled) skip(s string, ls *litSet, i int) int {
	for i < len(s) {
		k := ls.index(s[i:], c.fold, true)
		if k < 0 {
			return -1
		}
		p := i + k
		if c.before == 0 {
			if c.wordStart && p > 0 && isWordByte(s[p-1]) && isWordByte(s[p]) {
				i = p + 1
				continue
			}
			return p
		}
		q := p
		for n := 0; n < c.before && q > i; n++ {
			_, w := utf8.DecodeLastRuneInString(s[:q])
			q -= w
		}
		return max(q, i)
	}
	return -1
}

// dfaWarm is the number of calls of the Find methods after which the
// automaton tells first whether a text holds a match at all. An
// expression asked a few times in a process is run by package regexp
// alone (the automaton's compilation would cost more than it spares);
// one asked often, or whose automaton MatchString has built, is tested by
// the automaton first, and package regexp runs only on a text that holds
// a match.
const dfaWarm = 32

// precheck reports whether the Find methods ask the automaton first.
func (c *compiled) precheck() bool {
	return c.dfaBuilt.Load() || c.findCalls.Add(1) > dfaWarm
}

// runDFA runs the automaton (see dfa.match).
func (c *compiled) runDFA(s string, from int, ls *litSet) (matched, ok bool) {
	d := c.dfa()
	if d == nil {
		return false, false
	}
	return d.match(s, from, c, ls)
}

// FindStringIndex returns the span of the leftmost match in s, or nil.
func (r *Regexp) FindStringIndex(s string) []int {
	m := r.get().first(s, false)
	if m == nil {
		return nil
	}
	return m[:2:2]
}

// FindString returns the leftmost match in s, or "".
func (r *Regexp) FindString(s string) string {
	m := r.get().first(s, false)
	if m == nil {
		return ""
	}
	return s[m[0]:m[1]]
}

// FindStringSubmatch returns the leftmost match in s and its submatches,
// or nil.
func (r *Regexp) FindStringSubmatch(s string) []string {
	return submatches(s, r.get().first(s, true))
}

// FindStringSubmatchIndex returns the spans of the leftmost match in s
// and of its submatches, or nil.
func (r *Regexp) FindStringSubmatchIndex(s string) []int { return r.get().first(s, true) }

// FindAllString returns up to n (all if n < 0) successive matches.
func (r *Regexp) FindAllString(s string, n int) []string {
	ms := r.get().allMatches(s, n)
	if ms == nil {
		return nil
	}
	out := make([]string, len(ms))
	for i, m := range ms {
		out[i] = s[m[0]:m[1]]
	}
	return out
}

// FindAllStringSubmatch returns up to n (all if n < 0) successive matches
// with their submatches.
func (r *Regexp) FindAllStringSubmatch(s string, n int) [][]string {
	ms := r.get().allMatches(s, n)
	if ms == nil {
		return nil
	}
	out := make([][]string, len(ms))
	for i, m := range ms {
		out[i] = submatches(s, m)
	}
	return out
}

// FindAllStringSubmatchIndex returns the spans of up to n (all if n < 0)
// successive matches and of their submatches.
func (r *Regexp) FindAllStringSubmatchIndex(s string, n int) [][]int {
	return r.get().allMatches(s, n)
}

// Required returns the literals one of which every match contains, in the
// form they are sought (with fold, that of Lower: a text in that form
// holds them byte for byte). ok is false when the expression has no
// literals or when some of them have rare spellings (variants, see the
// package comment), which a caller could not find by the literals alone.
func (r *Regexp) Required() (lits []string, ok bool) {
	c := r.get()
	if c.lits == nil || c.all != nil || len(c.variants) > 0 {
		return nil, false
	}
	return c.lits.lits, true
}

// Literals calls yield with offsets in s, ascending, at which one of the
// literals occurs that every match contains, so that a part of s without
// any of them holds no match; yield returns the offset from which to go on
// (greater than the one it was given), which lets a caller that tries
// the expression on the parts of a text (its sentences) skip to the next
// part. ok is false when the expression has no literals: then any text may
// match, and yield is never called. One scan of the text replaces one per
// part.
func (r *Regexp) Literals(s string, yield func(p int) (next int)) (ok bool) {
	c := r.get()
	if c.lits == nil {
		return false
	}
	// The whole text's set: all literals when s holds a variant anywhere,
	// a superset of what any part of s needs.
	ls := c.set(s)
	if len(ls.lits) <= 4 {
		// The next occurrence of each literal, sought again only once
		// passed: -2 not sought yet, -1 none left.
		next := [4]int{-2, -2, -2, -2}
		for from := 0; from < len(s); {
			p := -1
			for j, l := range ls.lits {
				if next[j] == -1 {
					continue
				}
				if next[j] < from {
					k := index(s[from:], l, c.fold)
					if k < 0 {
						next[j] = -1
						continue
					}
					next[j] = from + k
				}
				if p < 0 || next[j] < p {
					p = next[j]
				}
			}
			if p < 0 {
				break
			}
			from = yield(p)
		}
		return true
	}
	for i := 0; ; {
		if i = ls.next(s, i, c.fold); i < 0 {
			return true
		}
		i = yield(i)
	}
}

// AtStart reports whether every match starts at the start of the text
// (the expression begins with ^ or \A outside multi-line mode): such an
// expression is ruled out for most texts by their first bytes (LeadOK)
// or its starting literals, without a scan of the text.
func (r *Regexp) AtStart() bool { return r.get().begin }

// LeadOK reports whether s starts with a byte a match can start with,
// for an expression that matches only at the start of the text and has
// no starting literals; true for any other expression. It is a necessary
// condition for a match that costs one look-up.
func (r *Regexp) LeadOK(s string) bool { return r.get().leadOK(s) }

// leadOK reports whether a match may start at the start of s, for an
// expression that matches only there: whether s starts with a byte a match
// can start with.
func (c *compiled) leadOK(s string) bool { return c.lead == nil || c.lead().ok(s) }

// possible reports whether s holds one of the literals.
func (c *compiled) possible(s string) bool {
	return c.lits == nil || c.set(s).index(s, c.fold, false) >= 0
}

// set returns the literals to look for in s: all of them when s holds a
// variant.
func (c *compiled) set(s string) *litSet {
	if c.all != nil {
		for _, v := range c.variants {
			if index(s, v, c.fold) >= 0 {
				return c.all
			}
		}
	}
	return c.lits
}

// first returns the spans of the leftmost match in s (only m[0:2] is
// meaningful without submatch), or nil.
func (c *compiled) first(s string, submatch bool) []int {
	if c.precheck() {
		if m, ok := c.dfaMatch(s); ok && !m {
			// No match anywhere: the automaton tells it in one scan,
			// without an attempt per candidate.
			return nil
		}
	}
	switch {
	case c.prefix && c.begin:
		// Only a literal at the start counts.
		head := s[:min(len(s), c.maxLit)]
		if !c.set(head).at(s, 0, c.fold) || !c.needsFrom(s, 0) {
			return nil
		}
		return c.matchAt(s, 0, submatch)
	case c.prefix:
		return c.findFrom(s, c.set(s), 0, submatch)
	case !c.leadOK(s) || !c.possible(s) || !c.needsFrom(s, 0):
		return nil
	case c.starts != nil:
		return c.findFrom(s, c.starts, 0, submatch)
	case submatch:
		return c.re().FindStringSubmatchIndex(s)
	}
	return c.re().FindStringIndex(s)
}

// allMatches returns the spans of up to n (all if n < 0) successive
// matches and their submatches.
func (c *compiled) allMatches(s string, n int) [][]int {
	if c.precheck() {
		if m, ok := c.dfaMatch(s); ok && !m {
			return nil
		}
	}
	ls := c.starts
	if !c.prefix {
		if !c.leadOK(s) || !c.possible(s) || !c.needsFrom(s, 0) {
			return nil
		}
		if c.starts == nil {
			return c.re().FindAllStringSubmatchIndex(s, n)
		}
	} else {
		ls = c.set(s)
	}
	// Every match starts with a literal, so none is empty and the next
	// one is sought from the end of the last.
	var ms [][]int
	for from := 0; n < 0 || len(ms) < n; {
		m := c.findFrom(s, ls, from, true)
		if m == nil {
			break
		}
		ms = append(ms, m)
		from = m[1]
	}
	return ms
}

// findFrom returns the spans of the leftmost match starting at offset from
// or later, trying the expression only where a literal of ls occurs (or
// up to c.before runes before).
func (c *compiled) findFrom(s string, ls *litSet, from int, submatch bool) []int {
	if c.before > 0 {
		if !c.needsFrom(s, from) {
			return nil
		}
		return c.findLead(s, ls, from, submatch)
	}
	// next[k]: the offset of the first literal of need k at or after the
	// last candidate (-1: not sought yet). A match starting at p holds one
	// at p or later.
	var next [maxNeeds]int
	for k := range next {
		next[k] = -1
	}
	for from < len(s) {
		i := ls.index(s[from:], c.fold, true)
		if i < 0 {
			return nil
		}
		p := from + i
		if c.wordStart && p > 0 && isWordByte(s[p-1]) && isWordByte(s[p]) {
			// No \b between two ASCII word bytes.
			from = p + 1
			continue
		}
		for k := range c.needs {
			if next[k] < p {
				j := c.needs[k].index(s[p:], c.fold)
				if j < 0 {
					return nil
				}
				next[k] = p + j
			}
		}
		if m := c.matchAt(s, p, submatch); m != nil {
			return m
		}
		from = p + 1
	}
	return nil
}

// findLead is findFrom for an expression whose matches start up to
// c.before runes before a literal. The literals are visited in the order
// of the text and, for each, the starts from lead runes before it on,
// each start once: the first start with a match is the leftmost (a match
// starting earlier would hold a literal seen before, whose starts were
// all tried), and the match found there is the one package regexp finds.
// The runes are counted backwards; for a text that is not valid UTF-8,
// where that could disagree with how package regexp steps forwards, the
// expression runs as it is.
func (c *compiled) findLead(s string, ls *litSet, from int, submatch bool) []int {
	if !utf8.ValidString(s) {
		// Every start, stepping as package regexp does.
		for q := from; q <= len(s); {
			if m := c.matchAt(s, q, submatch); m != nil {
				return m
			}
			_, w := utf8.DecodeRuneInString(s[q:])
			q += max(w, 1)
		}
		return nil
	}
	next := from // the first start not tried yet
	for lit := from; lit < len(s); {
		i := ls.index(s[lit:], c.fold, true)
		if i < 0 {
			return nil
		}
		p := lit + i
		q := p
		for k := 0; k < c.before && q > next; k++ {
			_, w := utf8.DecodeLastRuneInString(s[:q])
			q -= w
		}
		for q = max(q, next); q <= p; {
			if m := c.matchAt(s, q, submatch); m != nil {
				return m
			}
			_, w := utf8.DecodeRuneInString(s[q:])
			q += max(w, 1)
		}
		next, lit = q, p+1
	}
	return nil
}

// matchAt returns the spans of the match that starts at offset p of s, or
// nil: the expression anchored at p, with the rune before p as context for
// assertions (an expression without assertions that look back runs on the
// rest of s from p, which needs no second compiled form). Without
// submatch only m[0:2] is meaningful.
func (c *compiled) matchAt(s string, p int, submatch bool) []int {
	var re *regexp.Regexp
	ctx := 0
	if p > 0 && !c.noContext && (!c.wordContext || isWordByte(s[p-1])) {
		// (A byte of 0x80 or more before p belongs to a rune that is no
		// ASCII word character, or is invalid: \b and \B see a non-word
		// rune there as at the start of a text.)
		_, w := utf8.DecodeLastRuneInString(s[:p])
		re, ctx = c.anchoredAt(), w
	} else {
		re = c.anchored()
	}
	var m []int
	if submatch {
		m = re.FindStringSubmatchIndex(s[p-ctx:])
	} else {
		m = re.FindStringIndex(s[p-ctx:])
	}
	if m == nil {
		return nil
	}
	for i, v := range m {
		if v >= 0 {
			m[i] = v + p - ctx
		}
	}
	m[0] = p
	return m
}

// isWordByte reports an ASCII word byte, as \b sees it: a letter, a digit
// or an underscore.
func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_'
}

// submatches turns spans into strings.
func submatches(s string, m []int) []string {
	if m == nil {
		return nil
	}
	out := make([]string, len(m)/2)
	for i := range out {
		if m[2*i] >= 0 {
			out[i] = s[m[2*i]:m[2*i+1]]
		}
	}
	return out
}
