package extract

import (
	"regexp"
	"regexp/syntax"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// litRe is a regular expression with a literal prefilter: every match
// contains one of lits, so a text without any of them is rejected by a
// substring scan instead of running the matcher. The literals are derived
// from the expression itself when it is compiled; they are never written
// by hand, so the prefilter cannot drift from the pattern.
//
// The methods shadow those of regexp.Regexp and take, besides the text s,
// low: s lower-cased by lowerSameLen (or "" to have it computed when
// needed).
type litRe struct {
	*regexp.Regexp
	lits []string // sorted by first byte; nil: no prefilter
	// fold means the literals are lower-case and are looked up in the
	// lowerSameLen form of the text; otherwise in the text itself.
	fold bool
	// from[c]..from[c+1] indexes the literals starting with byte c.
	from [257]uint16
	// prefix means every match starts with one of lits, so no match
	// starts before the first of them.
	prefix bool
}

// mustLit compiles expr with a prefilter; it panics on a bad expression,
// like regexp.MustCompile (only used for expressions fixed at build time).
func mustLit(expr string) *litRe { return newLitRe(regexp.MustCompile(expr)) }

// compileLit compiles expr with a prefilter.
func compileLit(expr string) (*litRe, error) {
	re, err := regexp.Compile(expr)
	if err != nil {
		return nil, err
	}
	return newLitRe(re), nil
}

// maxLits bounds the prefilter: more alternatives are not worth scanning.
// maxProduct bounds the combinations of adjacent alternatives.
const (
	maxLits    = 1024
	maxProduct = 64
)

func newLitRe(re *regexp.Regexp) *litRe {
	r := &litRe{Regexp: re}
	st, err := syntax.Parse(re.String(), syntax.Perl)
	if err != nil {
		return r
	}
	st = st.Simplify()
	r.fold = hasFoldLiteral(st)
	in := analyze(st, r.fold)
	if pre, ok := prefixes(st, r.fold); ok && len(pre) <= maxLits && (litInfo{set: pre}).required() && (!in.required() || minLen(pre) >= min(3, minLen(in.set))) {
		// Starting literals as selective as the required ones also tell
		// where the first match may begin.
		in = litInfo{set: pre}
		r.prefix = true
	}
	if !in.required() || len(in.set) > maxLits {
		return r
	}
	lits := append([]string(nil), in.set...)
	sort.Strings(lits)
	lits = dropRedundant(lits, r.prefix)
	r.lits = lits
	k := 0
	for c := 0; c < 256; c++ {
		r.from[c] = uint16(k)
		for k < len(lits) && int(lits[k][0]) == c {
			k++
		}
	}
	r.from[256] = uint16(k)
	return r
}

// dropRedundant removes duplicates and, in short lists, literals that
// contain another one (with prefix, that start with another one): finding
// the shorter one suffices. lits is sorted.
func dropRedundant(lits []string, prefix bool) []string {
	lits = slices.Compact(lits)
	if len(lits) > 64 {
		return lits
	}
	var out []string
	for _, l := range lits {
		red := false
		for _, m := range lits {
			if m != l && (prefix && strings.HasPrefix(l, m) || !prefix && strings.Contains(l, m)) {
				red = true
				break
			}
		}
		if !red {
			out = append(out, l)
		}
	}
	return out
}

func hasFoldLiteral(n *syntax.Regexp) bool {
	if n.Op == syntax.OpLiteral && n.Flags&syntax.FoldCase != 0 {
		return true
	}
	for _, s := range n.Sub {
		if hasFoldLiteral(s) {
			return true
		}
	}
	return false
}

// litInfo describes the text a node of an expression matches. With exact,
// every match is one of set; otherwise, when set is not nil, every match
// contains one of set. In fold mode the strings are in lowerSameLen form of
// the text.
type litInfo struct {
	set   []string
	exact bool
}

// required reports whether the set is a usable prefilter: non-empty and
// without the empty string.
func (in litInfo) required() bool {
	if len(in.set) == 0 {
		return false
	}
	for _, s := range in.set {
		if s == "" {
			return false
		}
	}
	return true
}

var (
	anything  = litInfo{}
	emptyOnly = litInfo{set: []string{""}, exact: true}
)

// analyze returns what node n requires of a matching text.
func analyze(n *syntax.Regexp, fold bool) litInfo {
	switch n.Op {
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText, syntax.OpEndText,
		syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		// Zero-width: matches consume no text.
		return emptyOnly
	case syntax.OpLiteral:
		l, whole := literalRun(n.Rune, n.Flags&syntax.FoldCase != 0, fold)
		if l == "" {
			return anything
		}
		return litInfo{set: []string{l}, exact: whole}
	case syntax.OpCharClass:
		return classInfo(n.Rune, fold)
	case syntax.OpCapture:
		return analyze(n.Sub[0], fold)
	case syntax.OpPlus:
		in := analyze(n.Sub[0], fold)
		in.exact = false
		return in
	case syntax.OpQuest:
		in := analyze(n.Sub[0], fold)
		if !in.exact {
			return anything
		}
		return litInfo{set: append(append([]string(nil), in.set...), ""), exact: true}
	case syntax.OpRepeat:
		if n.Min >= 1 {
			in := analyze(n.Sub[0], fold)
			in.exact = in.exact && n.Min == 1 && n.Max == 1
			return in
		}
	case syntax.OpConcat:
		return concatInfo(n.Sub, fold)
	case syntax.OpAlternate:
		out := litInfo{exact: true}
		for _, s := range n.Sub {
			in := analyze(s, fold)
			if in.set == nil || !in.exact && !in.required() {
				return anything
			}
			out.set = append(out.set, in.set...)
			out.exact = out.exact && in.exact
		}
		if !out.exact && !out.required() {
			return anything
		}
		return out
	}
	return anything
}

// concatInfo combines the parts of a concatenation: runs of exact parts
// multiply out into longer strings; the best requirement of all wins.
func concatInfo(subs []*syntax.Regexp, fold bool) litInfo {
	var best litInfo
	consider := func(in litInfo) {
		if in.required() && (best.set == nil || better(in.set, best.set)) {
			best = litInfo{set: in.set}
		}
	}
	run := emptyOnly
	allExact := true
	for _, s := range subs {
		in := analyze(s, fold)
		if in.exact {
			if p, ok := product(run.set, in.set); ok {
				run = litInfo{set: p, exact: true}
				continue
			}
			// Too many combinations: start a new run here.
			consider(run)
			allExact = false
			run = in
			continue
		}
		allExact = false
		consider(run)
		consider(in)
		run = emptyOnly
	}
	if allExact {
		return run
	}
	consider(run)
	return best
}

// prefixes returns strings one of which starts every match of n, or
// false. The set may hold "" (a match may start anywhere) only for inner
// nodes; callers check the final set.
func prefixes(n *syntax.Regexp, fold bool) ([]string, bool) {
	switch n.Op {
	case syntax.OpLiteral:
		l, whole := literalRun(n.Rune, n.Flags&syntax.FoldCase != 0, fold)
		if !whole {
			l = leadingRun(n.Rune, n.Flags&syntax.FoldCase != 0, fold)
		}
		if l == "" {
			return nil, false
		}
		return []string{l}, true
	case syntax.OpCapture, syntax.OpPlus:
		return prefixes(n.Sub[0], fold)
	case syntax.OpRepeat:
		if n.Min >= 1 {
			return prefixes(n.Sub[0], fold)
		}
		return []string{""}, true
	case syntax.OpStar:
		return []string{""}, true
	case syntax.OpQuest:
		p, ok := prefixes(n.Sub[0], fold)
		if !ok {
			return nil, false
		}
		return append(append([]string(nil), p...), ""), true
	case syntax.OpAlternate:
		var all []string
		for _, s := range n.Sub {
			p, ok := prefixes(s, fold)
			if !ok {
				return nil, false
			}
			all = append(all, p...)
		}
		return all, len(all) <= maxLits
	case syntax.OpConcat:
		acc := []string{""}
		for _, s := range n.Sub {
			in := analyze(s, fold)
			if in.exact {
				p, ok := product(acc, in.set)
				if !ok {
					break
				}
				acc = p
				continue
			}
			if p, ok := prefixes(s, fold); ok {
				if q, ok := product(acc, p); ok {
					acc = q
				}
			}
			break
		}
		for _, a := range acc {
			if a == "" {
				return nil, false
			}
		}
		return acc, true
	}
	if in := analyze(n, fold); in.exact {
		return in.set, true
	}
	return nil, false
}

// leadingRun returns the part of a literal before its first rune that
// may not be found as it is (see literalRun).
func leadingRun(runes []rune, foldCase, fold bool) string {
	for i := range runes {
		if _, whole := literalRun(runes[:i+1], foldCase, fold); !whole {
			p, _ := literalRun(runes[:i], foldCase, fold)
			return p
		}
	}
	l, _ := literalRun(runes, foldCase, fold)
	return l
}

// product returns every a+b, or false when there would be too many.
func product(as, bs []string) ([]string, bool) {
	if len(as)*len(bs) > maxProduct {
		return nil, false
	}
	out := make([]string, 0, len(as)*len(bs))
	for _, a := range as {
		for _, b := range bs {
			out = append(out, a+b)
		}
	}
	return out, true
}

// classInfo treats a small ASCII character class as the set of its
// characters.
func classInfo(ranges []rune, fold bool) litInfo {
	var set []string
	for i := 0; i+1 < len(ranges); i += 2 {
		for r := ranges[i]; r <= ranges[i+1]; r++ {
			if r >= utf8.RuneSelf || len(set) >= 12 {
				return anything
			}
			c := string(r)
			if fold {
				c = lowerSameLen(c)
			}
			if !slices.Contains(set, c) {
				set = append(set, c)
			}
		}
	}
	if len(set) == 0 {
		return anything
	}
	return litInfo{set: set, exact: true}
}

// better prefers the literal set whose shortest member is longer, then
// one without blanks (found in nearly every text), then the smaller set.
func better(a, b []string) bool {
	if wa, wb := hasBlank(a), hasBlank(b); wa != wb {
		return wb
	}
	ma, mb := minLen(a), minLen(b)
	if ma != mb {
		return ma > mb
	}
	return len(a) < len(b)
}

func hasBlank(ls []string) bool {
	for _, l := range ls {
		if strings.TrimSpace(l) == "" {
			return true
		}
	}
	return false
}

func minLen(ls []string) int {
	m := -1
	for _, l := range ls {
		if m < 0 || len(l) < m {
			m = len(l)
		}
	}
	return m
}

// literalRun returns the longest part of a literal that is certain to
// occur in the text (fold false) or in its lowerSameLen form (fold true)
// wherever the literal matches, and whether that is the whole literal.
func literalRun(runes []rune, foldCase, fold bool) (string, bool) {
	var best, cur []rune
	whole := true
	flush := func() {
		if len(cur) > len(best) {
			best = append(best[:0], cur...)
		}
		cur = cur[:0]
	}
	for _, r := range runes {
		switch {
		case r == utf8.RuneError:
			// Matches an invalid byte, which the text does not spell so.
			flush()
			whole = false
		case !foldCase && !fold:
			cur = append(cur, r)
		case !foldCase:
			cur = append(cur, []rune(lowerSameLen(string(r)))...)
		default:
			c, ok := foldSafe(r)
			if !ok {
				flush()
				whole = false
				continue
			}
			cur = append(cur, c)
		}
	}
	flush()
	return string(best), whole
}

// foldSafe reports the rune that lowerSameLen gives for every case
// variant of r, if they all give the same one ("k" does not: the Kelvin
// sign is one of its variants and lowerSameLen keeps it).
func foldSafe(r rune) (rune, bool) {
	want := lowerSameLen(string(unicode.ToLower(r)))
	for f := unicode.SimpleFold(r); ; f = unicode.SimpleFold(f) {
		if lowerSameLen(string(f)) != want {
			return 0, false
		}
		if f == r {
			break
		}
	}
	c, _ := utf8.DecodeRuneInString(want)
	return c, true
}

// possible reports whether s may match: whether it contains one of the
// literals. low is s in lowerSameLen form, or "" to compute it when the
// literals need it. With a prefix set it also returns where the first
// match may start at the earliest (else 0).
func (r *litRe) possible(s, low string) (int, bool) {
	if r.lits == nil {
		return 0, true
	}
	t := s
	if r.fold {
		if len(low) != len(s) {
			low = lowerSameLen(s)
		}
		t = low
	}
	if len(r.lits) <= 4 {
		at := -1
		for _, l := range r.lits {
			if i := strings.Index(t, l); i >= 0 && (at < 0 || i < at) {
				at = i
				if !r.prefix {
					break
				}
			}
		}
		if at < 0 {
			return 0, false
		}
		if !r.prefix {
			return 0, true
		}
		return at, true
	}
	for i := 0; i < len(t); i++ {
		c := t[i]
		for _, l := range r.lits[r.from[c]:r.from[int(c)+1]] {
			if strings.HasPrefix(t[i:], l) {
				if !r.prefix {
					return 0, true
				}
				return i, true
			}
		}
	}
	return 0, false
}

// from returns where to start matching in s so that every match of s is
// found: before the first literal, one rune back so that assertions (\b,
// ^) see the same context; 0 when unknown. ok is false when s cannot match.
func (r *litRe) start(s, low string) (int, bool) {
	at, ok := r.possible(s, low)
	if !ok || at == 0 {
		return 0, ok
	}
	at--
	for at > 0 && !utf8.RuneStart(s[at]) {
		at--
	}
	return at, true
}

// shift adds off to the non-negative indices of m.
func shift(m []int, off int) []int {
	if off == 0 {
		return m
	}
	for i, v := range m {
		if v >= 0 {
			m[i] = v + off
		}
	}
	return m
}

// MatchString is regexp.MatchString with the prefilter.
func (r *litRe) MatchString(s string) bool { return r.MatchLow(s, "") }

// MatchLow is MatchString for a text whose lowerSameLen form low is at
// hand.
func (r *litRe) MatchLow(s, low string) bool {
	at, ok := r.start(s, low)
	return ok && r.Regexp.MatchString(s[at:])
}

// FindStringIndex is regexp.FindStringIndex with the prefilter.
func (r *litRe) FindStringIndex(s string) []int { return r.IndexLow(s, "") }

// IndexLow is FindStringIndex for a text whose lowerSameLen form low is
// at hand.
func (r *litRe) IndexLow(s, low string) []int {
	at, ok := r.start(s, low)
	if !ok {
		return nil
	}
	return shift(r.Regexp.FindStringIndex(s[at:]), at)
}

// FindString is regexp.FindString with the prefilter.
func (r *litRe) FindString(s string) string {
	at, ok := r.start(s, "")
	if !ok {
		return ""
	}
	return r.Regexp.FindString(s[at:])
}

// FindStringSubmatch is regexp.FindStringSubmatch with the prefilter.
func (r *litRe) FindStringSubmatch(s string) []string { return r.SubmatchLow(s, "") }

// SubmatchLow is FindStringSubmatch for a text whose lowerSameLen form
// low is at hand.
func (r *litRe) SubmatchLow(s, low string) []string {
	at, ok := r.start(s, low)
	if !ok {
		return nil
	}
	return r.Regexp.FindStringSubmatch(s[at:])
}

// FindStringSubmatchIndex is regexp.FindStringSubmatchIndex with the
// prefilter.
func (r *litRe) FindStringSubmatchIndex(s string) []int {
	at, ok := r.start(s, "")
	if !ok {
		return nil
	}
	return shift(r.Regexp.FindStringSubmatchIndex(s[at:]), at)
}

// FindAllStringSubmatch is regexp.FindAllStringSubmatch with the
// prefilter.
func (r *litRe) FindAllStringSubmatch(s string, n int) [][]string {
	at, ok := r.start(s, "")
	if !ok {
		return nil
	}
	return r.Regexp.FindAllStringSubmatch(s[at:], n)
}

// FindAllStringSubmatchIndex is regexp.FindAllStringSubmatchIndex with
// the prefilter.
func (r *litRe) FindAllStringSubmatchIndex(s string, n int) [][]int {
	at, ok := r.start(s, "")
	if !ok {
		return nil
	}
	ms := r.Regexp.FindAllStringSubmatchIndex(s[at:], n)
	for _, m := range ms {
		shift(m, at)
	}
	return ms
}

// FindAllString is regexp.FindAllString with the prefilter.
func (r *litRe) FindAllString(s string, n int) []string {
	at, ok := r.start(s, "")
	if !ok {
		return nil
	}
	return r.Regexp.FindAllString(s[at:], n)
}
