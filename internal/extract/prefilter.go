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
	if !in.required() || len(in.set) > maxLits {
		return r
	}
	lits := append([]string(nil), in.set...)
	sort.Strings(lits)
	lits = dropRedundant(lits)
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
// contain another one: finding the shorter one suffices. lits is sorted.
func dropRedundant(lits []string) []string {
	lits = slices.Compact(lits)
	if len(lits) > 64 {
		return lits
	}
	var out []string
	for _, l := range lits {
		red := false
		for _, m := range lits {
			if m != l && strings.Contains(l, m) {
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
// literals need it.
func (r *litRe) possible(s, low string) bool {
	if r.lits == nil {
		return true
	}
	t := s
	if r.fold {
		if len(low) != len(s) {
			low = lowerSameLen(s)
		}
		t = low
	}
	if len(r.lits) <= 4 {
		for _, l := range r.lits {
			if strings.Contains(t, l) {
				return true
			}
		}
		return false
	}
	for i := 0; i < len(t); i++ {
		c := t[i]
		for _, l := range r.lits[r.from[c]:r.from[int(c)+1]] {
			if strings.HasPrefix(t[i:], l) {
				return true
			}
		}
	}
	return false
}

// MatchString is regexp.MatchString with the prefilter.
func (r *litRe) MatchString(s string) bool { return r.MatchLow(s, "") }

// MatchLow is MatchString for a text whose lowerSameLen form low is at
// hand.
func (r *litRe) MatchLow(s, low string) bool {
	return r.possible(s, low) && r.Regexp.MatchString(s)
}

// FindStringIndex is regexp.FindStringIndex with the prefilter.
func (r *litRe) FindStringIndex(s string) []int { return r.IndexLow(s, "") }

// IndexLow is FindStringIndex for a text whose lowerSameLen form low is
// at hand.
func (r *litRe) IndexLow(s, low string) []int {
	if !r.possible(s, low) {
		return nil
	}
	return r.Regexp.FindStringIndex(s)
}

// FindString is regexp.FindString with the prefilter.
func (r *litRe) FindString(s string) string {
	if !r.possible(s, "") {
		return ""
	}
	return r.Regexp.FindString(s)
}

// FindStringSubmatch is regexp.FindStringSubmatch with the prefilter.
func (r *litRe) FindStringSubmatch(s string) []string { return r.SubmatchLow(s, "") }

// SubmatchLow is FindStringSubmatch for a text whose lowerSameLen form
// low is at hand.
func (r *litRe) SubmatchLow(s, low string) []string {
	if !r.possible(s, low) {
		return nil
	}
	return r.Regexp.FindStringSubmatch(s)
}

// FindStringSubmatchIndex is regexp.FindStringSubmatchIndex with the
// prefilter.
func (r *litRe) FindStringSubmatchIndex(s string) []int {
	if !r.possible(s, "") {
		return nil
	}
	return r.Regexp.FindStringSubmatchIndex(s)
}

// FindAllStringSubmatch is regexp.FindAllStringSubmatch with the
// prefilter.
func (r *litRe) FindAllStringSubmatch(s string, n int) [][]string {
	if !r.possible(s, "") {
		return nil
	}
	return r.Regexp.FindAllStringSubmatch(s, n)
}

// FindAllStringSubmatchIndex is regexp.FindAllStringSubmatchIndex with
// the prefilter.
func (r *litRe) FindAllStringSubmatchIndex(s string, n int) [][]int {
	if !r.possible(s, "") {
		return nil
	}
	return r.Regexp.FindAllStringSubmatchIndex(s, n)
}

// FindAllString is regexp.FindAllString with the prefilter.
func (r *litRe) FindAllString(s string, n int) []string {
	if !r.possible(s, "") {
		return nil
	}
	return r.Regexp.FindAllString(s, n)
}
