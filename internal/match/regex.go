package match

import (
	"regexp"
	"regexp/syntax"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// compiledRegex is a re: term's expression with the literal strings every
// match must contain, which rule out most sentences without running the
// expression.
type compiledRegex struct {
	re   *regexp.Regexp
	lits []string
}

var regexes sync.Map // expression -> compiledRegex

// compileRegex compiles expr once per process. It returns a nil
// expression when expr does not compile.
func compileRegex(expr string) (*regexp.Regexp, []string) {
	if c, ok := regexes.Load(expr); ok {
		c := c.(compiledRegex)
		return c.re, c.lits
	}
	re, err := regexp.Compile(expr)
	if err != nil {
		return nil, nil
	}
	c := compiledRegex{re: re, lits: RequiredLiterals(expr)}
	regexes.Store(expr, c)
	return c.re, c.lits
}

// RequiredLiterals returns literal strings that every match of the
// regular expression expr contains: the case-sensitive literals that are
// direct parts of its top-level concatenation. A text that lacks any of
// them cannot match, so callers can skip the expression there. It returns
// nil when it finds none or expr does not parse.
func RequiredLiterals(expr string) []string {
	re, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		return nil
	}
	re = re.Simplify()
	var parts []*syntax.Regexp
	switch re.Op {
	case syntax.OpConcat:
		parts = re.Sub
	case syntax.OpLiteral:
		parts = []*syntax.Regexp{re}
	case syntax.OpCapture:
		return RequiredLiterals(re.Sub[0].String())
	}
	var lits []string
	for _, p := range parts {
		if p.Op == syntax.OpCapture && len(p.Sub) == 1 {
			p = p.Sub[0]
		}
		if p.Op == syntax.OpLiteral && p.Flags&syntax.FoldCase == 0 {
			if s := string(p.Rune); len(s) >= 2 {
				lits = append(lits, s)
			}
		}
	}
	return lits
}

// LowerSameLen lower-cases s rune by rune where the lower-case letter has
// the same UTF-8 length (all of ASCII and the German umlauts included), so
// byte offsets into s stay valid in the result.
func LowerSameLen(s string) string {
	var b strings.Builder // empty until the first change
	kept := 0             // s[kept:i] is unchanged and not yet written
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 'A' && c <= 'Z' {
				if b.Cap() == 0 {
					b.Grow(len(s))
				}
				b.WriteString(s[kept:i])
				b.WriteByte(c + 'a' - 'A')
				kept = i + 1
			}
			i++
			continue
		}
		r, sz := utf8.DecodeRuneInString(s[i:])
		if lr := unicode.ToLower(r); lr != r && r != utf8.RuneError && utf8.RuneLen(lr) == sz {
			if b.Cap() == 0 {
				b.Grow(len(s))
			}
			b.WriteString(s[kept:i])
			b.WriteRune(lr)
			kept = i + sz
		}
		i += sz
	}
	if b.Cap() == 0 {
		return s
	}
	b.WriteString(s[kept:])
	return b.String()
}
