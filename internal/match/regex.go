package match

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/art28/art28/internal/prefilter"
)

var regexes sync.Map // expression -> *prefilter.Regexp

// compileRegex returns expr with its literal prefilter (which rules out
// most sentences without running the expression), once per process; the
// expression is compiled on first use. It returns nil when expr does not
// compile.
func compileRegex(expr string) *prefilter.Regexp {
	if re, ok := regexes.Load(expr); ok {
		return re.(*prefilter.Regexp)
	}
	re, err := prefilter.Compile(expr)
	if err != nil {
		return nil
	}
	actual, _ := regexes.LoadOrStore(expr, re)
	return actual.(*prefilter.Regexp)
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
