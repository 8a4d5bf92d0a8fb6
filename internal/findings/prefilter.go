package findings

import (
	"regexp"
	"regexp/syntax"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Prefilters let the playbook skip regular expressions where they cannot
// match. They are derived from the expressions themselves when a rule is
// compiled, so the knowledge stays in the rule data.
//
// A literal found in an expression is compared with the text lower-cased
// in ASCII only (asciiLower), which keeps byte offsets. That is a safe
// necessary condition for both ways expressions are used here: matched
// case-insensitively on the original text, or case-sensitively on the
// fully lower-cased text. Two things make it safe: literals keep only
// ASCII characters and caseless non-letters (no "ä", whose upper case
// would be missed), and a text with one of the few non-ASCII runes that
// fold or lower-case to ASCII (ſ, K, İ) gets no prefilter at all.

// maxLits bounds the size of a literal set; larger sets filter too little
// to pay for themselves.
const maxLits = 48

// riskyRunes are the non-ASCII runes that case folding or lower-casing
// turns into ASCII letters (or vice versa): İ, ſ and the Kelvin sign.
// TestRiskyRunes checks the list against all of Unicode (scanning it at
// start-up would cost tens of milliseconds per run).
var riskyRunes = []rune{'\u0130', '\u017f', '\u212a'}

// lowerTable maps a byte to its ASCII lower case.
var lowerTable = func() (t [256]byte) {
	for i := range t {
		t[i] = byte(i)
		if i >= 'A' && i <= 'Z' {
			t[i] = byte(i) + 'a' - 'A'
		}
	}
	return t
}()

// hasRiskyRune reports whether s contains one of riskyRunes.
func hasRiskyRune(s string) bool {
	for _, r := range riskyRunes {
		if strings.ContainsRune(s, r) {
			return true
		}
	}
	return false
}

// hasPrefixFold reports whether s starts with lit, a literal as the
// prefilters hold them, comparing s lower-cased in ASCII.
func hasPrefixFold(s, lit string) bool {
	if len(s) < len(lit) {
		return false
	}
	for i := 0; i < len(lit); i++ {
		if lowerTable[s[i]] != lit[i] {
			return false
		}
	}
	return true
}

// containsFold reports whether s contains lit, comparing s lower-cased in
// ASCII, without copying s.
func containsFold(s, lit string) bool {
	c := lit[0]
	if c < 'a' || c > 'z' {
		for i := 0; i < len(s); i++ {
			k := strings.IndexByte(s[i:], c)
			if k < 0 {
				return false
			}
			i += k
			if hasPrefixFold(s[i:], lit) {
				return true
			}
		}
		return false
	}
	// The next position of each case of the first letter.
	u := c - 'a' + 'A'
	nl, nu := -1, -1
	for i := 0; i < len(s); {
		if nl < i {
			if nl = strings.IndexByte(s[i:], c); nl < 0 {
				nl = len(s)
			} else {
				nl += i
			}
		}
		if nu < i {
			if nu = strings.IndexByte(s[i:], u); nu < 0 {
				nu = len(s)
			} else {
				nu += i
			}
		}
		k := min(nl, nu)
		if k == len(s) {
			return false
		}
		if hasPrefixFold(s[k:], lit) {
			return true
		}
		i = k + 1
	}
	return false
}

// caseless reports whether a literal rune can be compared byte for byte
// with the ASCII-lower-cased text: it is a non-letter that no case
// mapping touches.
func caseless(r rune) bool {
	return r >= utf8.RuneSelf && !unicode.IsLetter(r) && unicode.SimpleFold(r) == r &&
		unicode.ToLower(r) == r && unicode.ToUpper(r) == r && r != utf8.RuneError
}

// litRune returns the form of r to look for in the ASCII-lower-cased text,
// or false when r cannot be looked for.
func litRune(r rune) (rune, bool) {
	switch {
	case r >= 'A' && r <= 'Z':
		return r + 'a' - 'A', true
	case r < utf8.RuneSelf:
		return r, true
	case caseless(r):
		return r, true
	}
	return 0, false
}

// requiredLits returns literals of which every match of re contains at
// least one, or nil when there are none worth testing.
func requiredLits(re *syntax.Regexp) []string {
	switch re.Op {
	case syntax.OpLiteral:
		// The longest run of runes that can be looked for.
		best, cur := "", []rune{}
		for i := 0; i <= len(re.Rune); i++ {
			if i < len(re.Rune) {
				if l, ok := litRune(re.Rune[i]); ok {
					cur = append(cur, l)
					continue
				}
			}
			if len(string(cur)) > len(best) {
				best = string(cur)
			}
			cur = cur[:0]
		}
		if best == "" {
			return nil
		}
		return []string{best}
	case syntax.OpCharClass:
		return classLits(re, false)
	case syntax.OpCapture, syntax.OpPlus:
		return requiredLits(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min < 1 {
			return nil
		}
		return requiredLits(re.Sub[0])
	case syntax.OpConcat:
		var best []string
		for _, l := range concatSets(re) {
			if best == nil || better(l, best) {
				best = l
			}
		}
		return best
	case syntax.OpAlternate:
		return unionLits(re.Sub, requiredLits)
	}
	return nil
}

// concatSets returns literal sets of a concatenation that every match
// must contain, one set each: those of its parts, and the literals the
// rest of the concatenation starts with from each part on (which joins
// "x", "x", "x" into "xxx").
func concatSets(re *syntax.Regexp) [][]string {
	var sets [][]string
	for i, sub := range re.Sub {
		if l := requiredLits(sub); l != nil {
			sets = append(sets, l)
		}
		rest := &syntax.Regexp{Op: syntax.OpConcat, Flags: re.Flags, Sub: re.Sub[i:]}
		if l, _ := prefixLits(rest, false); l != nil {
			sets = append(sets, l)
		}
	}
	return sets
}

// prefixLits returns literals one of which every match of re starts with,
// or nil. complete reports that the matches of re are exactly the
// literals. With exact, the expression is known to be case-sensitive and
// to run on the very text the literals are looked for in (lower-cased in
// ASCII): its literals may then hold any rune.
func prefixLits(re *syntax.Regexp, exact bool) (lits []string, complete bool) {
	switch re.Op {
	case syntax.OpLiteral:
		if exact && re.Flags&syntax.FoldCase != 0 {
			return nil, false
		}
		var cur []rune
		for _, r := range re.Rune {
			l, ok := litRune(r)
			if exact && !ok {
				l, ok = r, true
			}
			if !ok {
				break
			}
			cur = append(cur, l)
		}
		if len(cur) == 0 {
			return nil, false
		}
		return []string{string(cur)}, len(cur) == len(re.Rune)
	case syntax.OpCharClass:
		if exact && re.Flags&syntax.FoldCase != 0 {
			return nil, false
		}
		l := classLits(re, exact)
		return l, l != nil
	case syntax.OpCapture:
		return prefixLits(re.Sub[0], exact)
	case syntax.OpPlus:
		l, _ := prefixLits(re.Sub[0], exact)
		return l, false
	case syntax.OpRepeat:
		if re.Min < 1 {
			return nil, false
		}
		l, c := prefixLits(re.Sub[0], exact)
		return l, c && re.Min == 1 && re.Max == 1
	case syntax.OpConcat:
		if len(re.Sub) == 0 {
			return nil, false
		}
		lits, complete := prefixLits(re.Sub[0], exact)
		// While the start is one of a few fixed strings, the next part
		// lengthens it.
		for _, sub := range re.Sub[1:] {
			if !complete {
				break
			}
			next, c := prefixLits(sub, exact)
			if next == nil || len(lits)*len(next) > maxLits {
				return lits, false
			}
			// A class (such as \s) would multiply literals that are
			// selective enough already.
			if len(next) > 1 && shortest(next) == 1 && shortest(lits) >= 3 {
				return lits, false
			}
			var cross []string
			for _, a := range lits {
				for _, b := range next {
					cross = append(cross, a+b)
				}
			}
			lits, complete = cross, c
		}
		return lits, complete
	case syntax.OpAlternate:
		complete := true
		var out []string
		seen := map[string]bool{}
		for _, sub := range re.Sub {
			l, c := prefixLits(sub, exact)
			if l == nil {
				return nil, false
			}
			complete = complete && c
			for _, s := range l {
				if !seen[s] {
					seen[s] = true
					out = append(out, s)
				}
			}
		}
		if len(out) > maxLits {
			return nil, false
		}
		return out, complete
	}
	return nil, false
}

// classLits returns a small character class as one-rune literals. Risky
// runes are left out: a text containing one gets no prefilter; with exact
// (see prefixLits) they may occur, and the class is not used.
func classLits(re *syntax.Regexp, exact bool) []string {
	seen := map[string]bool{}
	var out []string
	for i := 0; i+1 < len(re.Rune); i += 2 {
		lo, hi := re.Rune[i], re.Rune[i+1]
		if hi-lo >= maxLits {
			return nil
		}
		for r := lo; r <= hi; r++ {
			if isRisky(r) {
				if exact {
					return nil
				}
				continue
			}
			l, ok := litRune(r)
			if !ok {
				return nil
			}
			if s := string(l); !seen[s] {
				seen[s] = true
				out = append(out, s)
			}
		}
		if len(out) > maxLits {
			return nil
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

func isRisky(r rune) bool {
	for _, x := range riskyRunes {
		if x == r {
			return true
		}
	}
	return false
}

// unionLits joins the literal sets of alternatives; nil if one has none.
func unionLits(subs []*syntax.Regexp, f func(*syntax.Regexp) []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, sub := range subs {
		l := f(sub)
		if l == nil {
			return nil
		}
		for _, s := range l {
			if !seen[s] {
				seen[s] = true
				out = append(out, s)
			}
		}
	}
	if len(out) > maxLits {
		return nil
	}
	return out
}

// better reports whether literal set a filters more than b: its shortest
// literal is longer, or as long with fewer literals.
func better(a, b []string) bool {
	sa, sb := shortest(a), shortest(b)
	return sa > sb || sa == sb && len(a) < len(b)
}

func shortest(l []string) int {
	m := len(l[0])
	for _, s := range l[1:] {
		m = min(m, len(s))
	}
	return m
}

// maxSets is how many literal sets a guard tests at most.
const maxSets = 3

// guard is a literal prefilter for an expression: a text that lacks one
// of each of its sets of literals (after ASCII lower-casing) cannot match
// it. For an expression that is an alternation, each alternative has its
// own sets (alts), and a text that fails all of them cannot match. For an
// expression anchored at the start of the text (\A or ^ without (?m)), the
// text must moreover start with one of the literals in start, after a run
// of the bytes in skip.
type guard struct {
	sets  [][]string
	alts  [][][]string
	skip  *[256]bool
	start []string
}

// newGuard derives the guard of expr (Go syntax); a zero guard lets every
// text pass.
func newGuard(expr string) guard {
	re, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		return guard{}
	}
	re = re.Simplify()
	var g guard
	if re.Op == syntax.OpConcat {
		g.skip, g.start = anchoredStart(re)
	}
	for re.Op == syntax.OpCapture {
		re = re.Sub[0]
	}
	if re.Op == syntax.OpAlternate {
		for _, sub := range re.Sub {
			sets := requiredSets(sub)
			if sets == nil {
				g.alts = nil
				break
			}
			g.alts = append(g.alts, sets)
		}
	}
	if g.alts == nil {
		g.sets = requiredSets(re)
	}
	return g
}

// requiredSets returns the most selective literal sets of which every
// match of re contains a literal each.
func requiredSets(re *syntax.Regexp) [][]string {
	for re.Op == syntax.OpCapture {
		re = re.Sub[0]
	}
	var sets, out [][]string
	if re.Op == syntax.OpConcat {
		sets = concatSets(re)
	} else if l := requiredLits(re); l != nil {
		sets = [][]string{l}
	}
	sort.SliceStable(sets, func(i, j int) bool { return better(sets[i], sets[j]) })
	for _, l := range sets {
		if len(out) == maxSets {
			break
		}
		dup := false
		for _, o := range out {
			dup = dup || slices.Equal(o, l)
		}
		if !dup {
			out = append(out, l)
		}
	}
	return out
}

// anchoredStart returns, for a concatenation that starts with \A (or ^
// without (?m)) and an optional run of ASCII characters, the run's bytes
// and the literals that must follow it.
func anchoredStart(re *syntax.Regexp) (*[256]bool, []string) {
	if len(re.Sub) < 2 || re.Sub[0].Op != syntax.OpBeginText {
		return nil, nil
	}
	rest := re.Sub[1:]
	skip := new([256]bool)
	if s := rest[0]; s.Op == syntax.OpStar && s.Sub[0].Op == syntax.OpCharClass {
		cc := s.Sub[0].Rune
		for i := 0; i+1 < len(cc); i += 2 {
			if cc[i+1] >= utf8.RuneSelf {
				return nil, nil
			}
			for r := cc[i]; r <= cc[i+1]; r++ {
				skip[r] = true
				if r >= 'A' && r <= 'Z' {
					skip[r+'a'-'A'] = true
				}
			}
		}
		rest = rest[1:]
	}
	if len(rest) == 0 {
		return nil, nil
	}
	lits, _ := prefixLits(&syntax.Regexp{Op: syntax.OpConcat, Flags: re.Flags, Sub: rest}, false)
	for _, l := range lits {
		// The run must end where the literal begins.
		if skip[l[0]] || l[0] >= 'a' && l[0] <= 'z' && skip[l[0]-'a'+'A'] {
			return nil, nil
		}
	}
	if lits == nil {
		return nil, nil
	}
	return skip, lits
}

// active reports whether the guard can reject anything.
func (g guard) active() bool { return len(g.sets) > 0 || len(g.alts) > 0 || g.start != nil }

// may reports whether text s can hold a match.
func (g guard) may(s string) bool {
	if g.start != nil {
		k := 0
		for k < len(s) && g.skip[lowerTable[s[k]]] {
			k++
		}
		ok := false
		for _, l := range g.start {
			if hasPrefixFold(s[k:], l) {
				ok = true
				break
			}
		}
		if !ok {
			return false
		}
	}
	return g.contains(s)
}

// contains reports whether low has a literal of each set (of one of the
// alternatives); unlike may, it holds for every text containing a match,
// wherever the match starts.
func (g guard) contains(s string) bool {
	if len(g.alts) > 0 {
		for _, sets := range g.alts {
			if allSets(s, sets) {
				return true
			}
		}
		return false
	}
	return allSets(s, g.sets)
}

// allSets reports whether s has a literal of each set.
func allSets(s string, sets [][]string) bool {
	for _, set := range sets {
		ok := false
		for _, l := range set {
			if containsFold(s, l) {
				ok = true
				break
			}
		}
		if !ok {
			return false
		}
	}
	return true
}

// starter finds the matches of an expression by trying it only where a
// match can start: at one of the literals every match starts with. It
// yields the same matches as FindAllStringSubmatchIndex.
type starter struct {
	re       *regexp.Regexp // anchored at the start of its input
	lits     [256][]string  // by first byte
	boundary bool           // the expression starts with \b, checked by hand
}

// newStarter returns a starter for expr, or nil when no match start can
// be predicted. With exact, see prefixLits.
func newStarter(expr string, exact bool) *starter {
	re, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		return nil
	}
	re = re.Simplify()
	st := &starter{}
	if re.Op == syntax.OpConcat && len(re.Sub) > 1 && re.Sub[0].Op == syntax.OpWordBoundary {
		st.boundary = true
		re = &syntax.Regexp{Op: syntax.OpConcat, Flags: re.Flags, Sub: re.Sub[1:]}
	}
	lits, _ := prefixLits(re, exact)
	if lits == nil {
		return nil
	}
	for _, l := range lits {
		// With \b, a match must start with a word character, so that
		// \b means "no word character before".
		if st.boundary && !isWordByte(l[0]) {
			return nil
		}
		st.lits[l[0]] = append(st.lits[l[0]], l)
	}
	// The anchored twin keeps \b: at the start of its input it holds
	// before a word character, which every literal starts with.
	st.re, err = regexp.Compile(`^(?:` + expr + `)`)
	if err != nil {
		return nil
	}
	return st
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_'
}

// each calls f with the submatch indices of each successive match of the
// expression in s, like FindAllStringSubmatchIndex, until f returns false.
func (st *starter) each(s string, f func(m []int) bool) {
	for p := 0; p < len(s); p++ {
		lits := st.lits[lowerTable[s[p]]]
		if lits == nil {
			continue
		}
		if st.boundary && p > 0 && isWordByte(s[p-1]) {
			continue
		}
		ok := false
		for _, l := range lits {
			if hasPrefixFold(s[p:], l) {
				ok = true
				break
			}
		}
		if !ok {
			continue
		}
		m := st.re.FindStringSubmatchIndex(s[p:])
		if m == nil {
			continue
		}
		for k := range m {
			if m[k] >= 0 {
				m[k] += p
			}
		}
		if !f(m) {
			return
		}
		p = m[1] - 1 // every match is at least one literal long
	}
}
