package prefilter

import (
	"regexp/syntax"
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
}

// newLeadBytes derives the lead bytes of expr, known to be valid.
func newLeadBytes(expr string) *leadBytes {
	lb := &leadBytes{}
	re, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		lb.any = true
		return lb
	}
	nullable, ok := lb.add(re.Simplify())
	lb.any = nullable || !ok
	return lb
}

// ok reports whether a match may start at the start of s.
func (lb *leadBytes) ok(s string) bool {
	if lb.any {
		return true
	}
	return len(s) > 0 && lb.set[s[0]]
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
