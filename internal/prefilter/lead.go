package prefilter

import (
	"regexp/syntax"
	"slices"
	"sort"
	"unicode"
	"unicode/utf8"
)

// leadBytes tells which bytes a match of an expression can start with.
// An expression that matches only at the start of its text (\A, ^ without
// (?m)) is tried there only, but package regexp still prepares its
// matcher for the whole text (the backtracker clears a bit per
// instruction and input byte): the first byte rejects most texts at no
// cost. This serves expressions run on many short windows that rarely
// start as they need.
type leadBytes struct {
	// set marks the bytes a non-empty match can start with.
	set [256]bool
	// any is true when the set does not restrict anything: the expression
	// may match the empty string, or its first runes are not known.
	any bool
	// skip and after, when after is set, tell more for an expression that
	// opens with a run of ASCII bytes, such as \A[ \t#*>]*, before a part
	// whose matches start with one of the literals of after and never
	// with a byte of the run: a match needs one of them right after the
	// longest run of skip bytes at the start of the text.
	skip  [utf8.RuneSelf]bool
	after *litSet
	fold  bool
}

// newLeadBytes derives the lead bytes of expr, known to be valid.
func newLeadBytes(expr string) *leadBytes {
	lb := &leadBytes{}
	re, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		lb.any = true
		return lb
	}
	st := re.Simplify()
	nullable, ok := lb.add(st)
	lb.any = nullable || !ok
	lb.addSkip(st)
	return lb
}

// addSkip sets skip and after for an expression that is a concatenation
// of \A (optional), a star of a class of ASCII runes other than letters,
// and a rest whose matches start with literals none of which starts with
// a byte of the class. It leaves after nil otherwise.
func (lb *leadBytes) addSkip(st *syntax.Regexp) {
	if st.Op != syntax.OpConcat {
		return
	}
	subs := st.Sub
	for len(subs) > 0 && subs[0].Op == syntax.OpBeginText {
		subs = subs[1:]
	}
	if len(subs) < 2 || subs[0].Op != syntax.OpStar || subs[0].Sub[0].Op != syntax.OpCharClass {
		return
	}
	var skip [utf8.RuneSelf]bool
	ranges := subs[0].Sub[0].Rune
	for i := 0; i+1 < len(ranges); i += 2 {
		lo, hi := ranges[i], ranges[i+1]
		if lo < 0 || hi >= utf8.RuneSelf {
			return
		}
		for r := lo; r <= hi; r++ {
			if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' {
				return
			}
			skip[r] = true
		}
	}
	rest := subs[1]
	if len(subs) > 2 {
		rest = &syntax.Regexp{Op: syntax.OpConcat, Sub: subs[1:]}
	}
	fold := hasFoldLiteral(st)
	pre, ok := prefixes(rest, fold)
	if !ok || len(pre) == 0 || len(pre) > maxLits || hasBlank(pre) {
		return
	}
	for _, l := range pre {
		if l[0] < utf8.RuneSelf && skip[l[0]] {
			return
		}
	}
	lits := slices.Clone(pre)
	sort.Strings(lits)
	lb.skip, lb.after, lb.fold = skip, newLitSet(dropRedundant(lits, true), fold), fold
}

// ok reports whether a match may start at the start of s.
func (lb *leadBytes) ok(s string) bool {
	if lb.any {
		return true
	}
	if len(s) == 0 || !lb.set[s[0]] {
		return false
	}
	if lb.after == nil {
		return true
	}
	k := 0
	for k < len(s) && s[k] < utf8.RuneSelf && lb.skip[s[k]] {
		k++
	}
	return lb.after.at(s, k, lb.fold)
}

// add marks the first bytes of the non-empty matches of n. It reports
// whether n can match the empty string, and ok false for a node it does
// not know (then nothing may be concluded).
func (lb *leadBytes) add(n *syntax.Regexp) (nullable, ok bool) {
	switch n.Op {
	case syntax.OpNoMatch:
		return false, true
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText, syntax.OpEndText,
		syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return true, true
	case syntax.OpLiteral:
		if len(n.Rune) == 0 {
			return true, true
		}
		r := n.Rune[0]
		lb.addRange(r, r)
		if n.Flags&syntax.FoldCase != 0 {
			for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
				lb.addRange(f, f)
			}
		}
		return false, true
	case syntax.OpCharClass:
		for i := 0; i+1 < len(n.Rune); i += 2 {
			lb.addRange(n.Rune[i], n.Rune[i+1])
		}
		return false, true
	case syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		lb.addRange(0, unicode.MaxRune)
		return false, true
	case syntax.OpCapture, syntax.OpPlus:
		return lb.add(n.Sub[0])
	case syntax.OpStar, syntax.OpQuest:
		_, ok := lb.add(n.Sub[0])
		return true, ok
	case syntax.OpRepeat:
		nullable, ok := lb.add(n.Sub[0])
		return nullable || n.Min == 0, ok
	case syntax.OpConcat:
		for _, s := range n.Sub {
			nullable, ok := lb.add(s)
			if !ok {
				return false, false
			}
			if !nullable {
				return false, true
			}
		}
		return true, true
	case syntax.OpAlternate:
		any := false
		for _, s := range n.Sub {
			nullable, ok := lb.add(s)
			if !ok {
				return false, false
			}
			any = any || nullable
		}
		return any, true
	}
	return false, false
}

// addRange marks the first bytes of the UTF-8 forms of the runes lo to
// hi. The matcher reads an invalid byte as utf8.RuneError, so a range
// holding it marks every byte that is not ASCII.
func (lb *leadBytes) addRange(lo, hi rune) {
	for r := lo; r <= hi && r < utf8.RuneSelf; r++ {
		lb.set[r] = true
	}
	if hi < utf8.RuneSelf {
		return
	}
	lo = max(lo, utf8.RuneSelf)
	if lo <= utf8.RuneError && utf8.RuneError <= hi {
		for b := utf8.RuneSelf; b < 256; b++ {
			lb.set[b] = true
		}
		return
	}
	// The first byte grows with the rune; counting the surrogates as
	// three-byte runes only marks more than needed.
	for b := leadByte(lo); b <= leadByte(hi); b++ {
		lb.set[b] = true
	}
}

// leadByte returns the first byte of the UTF-8 form of r, which is at
// least utf8.RuneSelf.
func leadByte(r rune) int {
	switch {
	case r < 0x800:
		return 0xC0 | int(r>>6)
	case r < 0x10000:
		return 0xE0 | int(r>>12)
	}
	return 0xF0 | int(min(r, unicode.MaxRune)>>18)
}
