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
	// lits holds the literals in their common spelling; nil: no
	// prefilter. Case variants that lowerSameLen keeps apart ("ſ" for
	// "s", the Kelvin sign for "k") are left to all, which is consulted
	// only for a text that holds one of variants.
	lits     litSet
	all      *litSet
	variants []string
	// fold means the literals are lower-case and are looked up in the
	// lowerSameLen form of the text; otherwise in the text itself.
	fold bool
	// prefix means every match starts with one of lits, so no match
	// starts before the first of them, and a match is sought only where
	// one of them occurs, with anchored and anchoredAt (the expression
	// anchored at the start of the text, and after one rune of context).
	prefix     bool
	begin      bool // matches start only at the start of the text
	maxLit     int  // the length of the longest literal
	anchored   *regexp.Regexp
	anchoredAt *regexp.Regexp
}

// litSet is a set of literals indexed by first byte.
type litSet struct {
	lits []string // sorted
	// from[c]..from[c+1] indexes the literals starting with byte c.
	from [257]uint16
}

func newLitSet(lits []string) litSet {
	ls := litSet{lits: lits}
	k := 0
	for c := 0; c < 256; c++ {
		ls.from[c] = uint16(k)
		for k < len(lits) && int(lits[k][0]) == c {
			k++
		}
	}
	ls.from[256] = uint16(k)
	return ls
}

// index returns the first offset of t at which one of the literals
// occurs, or -1. Without first, any occurrence will do.
func (ls *litSet) index(t string, first bool) int {
	if len(ls.lits) <= 4 {
		at := -1
		for _, l := range ls.lits {
			u := t
			if at >= 0 {
				u = t[:min(len(t), at+len(l)-1)] // it must start before at
			}
			if i := strings.Index(u, l); i >= 0 {
				at = i
				if !first {
					break
				}
			}
		}
		return at
	}
	for i := 0; i < len(t); i++ {
		c := t[i]
		for _, l := range ls.lits[ls.from[c]:ls.from[int(c)+1]] {
			if strings.HasPrefix(t[i:], l) {
				return i
			}
		}
	}
	return -1
}

// mustLit compiles expr with a prefilter; it panics on a bad expression,
// like regexp.MustCompile (only used for expressions fixed at build time).
func mustLit(expr string) *litRe { return newLitRe(regexp.MustCompile(expr), 0) }

// compileLit compiles expr with a prefilter.
func compileLit(expr string) (*litRe, error) {
	re, err := regexp.Compile(expr)
	if err != nil {
		return nil, err
	}
	return newLitRe(re, 0), nil
}

// maxLits bounds the prefilter: more alternatives are not worth scanning.
// maxProduct bounds the combinations of adjacent alternatives.
const (
	maxLits    = 1024
	maxProduct = 64
)

// litOption tunes newLitRe.
type litOption int

// preferPrefix uses the literals every match starts with even when they
// are less selective than others, for a pattern run on short texts where
// knowing where a match may start pays more.
const preferPrefix litOption = 1

func newLitRe(re *regexp.Regexp, opt litOption) *litRe {
	r := &litRe{Regexp: re}
	st, err := syntax.Parse(re.String(), syntax.Perl)
	if err != nil {
		return r
	}
	st = st.Simplify()
	r.fold = hasFoldLiteral(st)
	in := analyze(st, r.fold)
	if pre, ok := prefixes(st, r.fold); ok && len(pre) <= maxLits && (litInfo{set: pre}).required() && (opt == preferPrefix || !in.required() || minLen(pre) >= min(3, minLen(in.set))) {
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
	r.variants = caseVariants(st)
	common := lits
	if len(r.variants) > 0 {
		common = slices.DeleteFunc(slices.Clone(lits), func(l string) bool { return containsAny(l, r.variants) })
		if len(common) < len(lits) {
			all := newLitSet(lits)
			r.all = &all
		}
	}
	r.lits = newLitSet(common)
	for _, l := range lits {
		r.maxLit = max(r.maxLit, len(l))
	}
	if prog, err := syntax.Compile(st); err == nil && prog.StartCond()&syntax.EmptyBeginText != 0 {
		r.begin = true
	}
	if r.prefix {
		r.anchored = regexp.MustCompile(`\A(?:` + re.String() + `)`)
		r.anchoredAt = regexp.MustCompile(`\A(?s:.)(?:` + re.String() + `)`)
	}
	return r
}

// caseVariants returns the spellings of the case-insensitive runes of n
// that lowerSameLen does not bring to the common lower-case form ("ſ",
// the Kelvin sign, "É").
func caseVariants(n *syntax.Regexp) []string {
	var vs []string
	var walk func(*syntax.Regexp)
	walk = func(n *syntax.Regexp) {
		if n.Op == syntax.OpLiteral && n.Flags&syntax.FoldCase != 0 {
			for _, r := range n.Rune {
				common := lowerSameLen(string(unicode.ToLower(r)))
				for _, f := range runeForms(r, true, true) {
					if f != common && !slices.Contains(vs, f) {
						vs = append(vs, f)
					}
				}
			}
		}
		for _, s := range n.Sub {
			walk(s)
		}
	}
	walk(n)
	sort.Strings(vs)
	return vs
}

// containsAny reports whether s contains one of subs.
func containsAny(s string, subs []string) bool {
	for _, v := range subs {
		if strings.Contains(s, v) {
			return true
		}
	}
	return false
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
		if l == nil {
			return anything
		}
		return litInfo{set: l, exact: whole}
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
		if l == nil {
			return nil, false
		}
		return l, true
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

// leadingRun returns the forms of the part of a literal before its first
// rune that may not be found as it is (see literalRun), or nil.
func leadingRun(runes []rune, foldCase, fold bool) []string {
	for i := range runes {
		if _, whole := literalRun(runes[:i+1], foldCase, fold); !whole {
			if i == 0 {
				return nil
			}
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
// wherever the literal matches, as the set of forms it may take there,
// and whether that is the whole literal. A case-insensitive rune with
// variants that lowerSameLen keeps apart ("s" and "ſ") multiplies the
// forms; a rune that cannot be spelled (an invalid byte) or too many
// forms end a run.
func literalRun(runes []rune, foldCase, fold bool) ([]string, bool) {
	var best []string
	bestLen := 0
	cur, curLen := []string{""}, 0
	whole := true
	flush := func() {
		if curLen > bestLen {
			best, bestLen = cur, curLen
		}
		cur, curLen = []string{""}, 0
	}
	for _, r := range runes {
		forms := runeForms(r, foldCase, fold)
		if forms == nil {
			flush()
			whole = false
			continue
		}
		p, ok := product(cur, forms)
		if !ok {
			flush()
			whole = false
			p = forms
		}
		cur, curLen = p, curLen+1
	}
	flush()
	return best, whole
}

// runeForms returns the spellings a literal rune may have in the text
// (fold false) or in its lowerSameLen form (fold true), or nil when it
// matches an invalid byte, which the text does not spell so.
func runeForms(r rune, foldCase, fold bool) []string {
	switch {
	case r == utf8.RuneError:
		return nil
	case !foldCase && !fold:
		return []string{string(r)}
	case !foldCase:
		return []string{lowerSameLen(string(r))}
	}
	var forms []string
	for f := unicode.SimpleFold(r); ; f = unicode.SimpleFold(f) {
		if f == utf8.RuneError {
			return nil
		}
		if l := lowerSameLen(string(f)); !slices.Contains(forms, l) {
			forms = append(forms, l)
		}
		if f == r {
			break
		}
	}
	sort.Strings(forms)
	return forms
}

// possible reports whether s may match: whether it contains one of the
// literals. low is s in lowerSameLen form, or "" to compute it when the
// literals need it. With a prefix set it also returns where the first
// match may start at the earliest (else 0).
func (r *litRe) possible(s, low string) (int, bool) {
	if r.lits.lits == nil {
		return 0, true
	}
	t := r.text(s, low)
	at := r.set(t).index(t, r.prefix)
	if at < 0 {
		return 0, false
	}
	if !r.prefix {
		return 0, true
	}
	return at, true
}

// text returns what the literals are looked up in: s or its lowerSameLen
// form.
func (r *litRe) text(s, low string) string {
	if !r.fold {
		return s
	}
	if len(low) != len(s) {
		return lowerSameLen(s)
	}
	return low
}

// set returns the literals to look up in t (the text as returned by
// text): all of them when t holds a case variant.
func (r *litRe) set(t string) *litSet {
	if r.all != nil && containsAny(t, r.variants) {
		return r.all
	}
	return &r.lits
}

// start returns where to start matching in s so that every match of s is
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

// matchAt returns the submatch indices of the match that starts at
// offset p of s, or nil: the expression anchored at p, with the rune
// before p as context for assertions (\b, ^ in multi-line mode). With
// submatch false only m[0:2] is meaningful.
func (r *litRe) matchAt(s string, p int, submatch bool) []int {
	re, ctx := r.anchored, 0
	if p > 0 {
		_, w := utf8.DecodeLastRuneInString(s[:p])
		re, ctx = r.anchoredAt, w
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
	shift(m, p-ctx)
	m[0] = p
	return m
}

// findFrom returns the submatch indices of the leftmost match starting at
// offset from or later, trying the expression only where a literal
// occurs. It needs prefix. t is the text the literals are looked up in.
func (r *litRe) findFrom(s, t string, ls *litSet, from int, submatch bool) []int {
	for from < len(s) {
		i := ls.index(t[from:], true)
		if i < 0 {
			return nil
		}
		p := from + i
		if m := r.matchAt(s, p, submatch); m != nil {
			return m
		}
		from = p + 1
	}
	return nil
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

// anchor reports whether matches are sought only where a literal starts.
func (r *litRe) anchor() bool { return r.prefix && r.anchored != nil }

// first returns the submatch indices of the leftmost match in s (only
// m[0:2] without submatch), using the prefilter.
func (r *litRe) first(s, low string, submatch bool) []int {
	if r.anchor() && r.begin {
		// Only a literal at the start counts: lower-case no more.
		n := min(len(s), r.maxLit)
		if len(low) == len(s) {
			low = low[:n]
		} else {
			low = ""
		}
		t := r.text(s[:n], low)
		if r.set(t).index(t, true) != 0 {
			return nil
		}
		return r.matchAt(s, 0, submatch)
	}
	if r.anchor() {
		t := r.text(s, low)
		return r.findFrom(s, t, r.set(t), 0, submatch)
	}
	at, ok := r.start(s, low)
	if !ok {
		return nil
	}
	var m []int
	if submatch {
		m = r.Regexp.FindStringSubmatchIndex(s[at:])
	} else {
		m = r.Regexp.FindStringIndex(s[at:])
	}
	return shift(m, at)
}

// all returns the indices of up to n (all if n < 0) successive
// non-overlapping matches, as regexp.FindAllStringSubmatchIndex does.
func (r *litRe) allMatches(s string, n int) [][]int {
	if !r.anchor() {
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
	// Every match starts with a literal, so none is empty and the next
	// one is sought from the end of the last.
	t := r.text(s, "")
	ls := r.set(t)
	var ms [][]int
	for from := 0; n < 0 || len(ms) < n; {
		m := r.findFrom(s, t, ls, from, true)
		if m == nil {
			break
		}
		ms = append(ms, m)
		from = m[1]
	}
	return ms
}

// submatches turns submatch indices into strings.
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

// MatchString is regexp.MatchString with the prefilter.
func (r *litRe) MatchString(s string) bool { return r.MatchLow(s, "") }

// MatchLow is MatchString for a text whose lowerSameLen form low is at
// hand.
func (r *litRe) MatchLow(s, low string) bool {
	if r.anchor() {
		return r.first(s, low, false) != nil
	}
	at, ok := r.start(s, low)
	return ok && r.Regexp.MatchString(s[at:])
}

// FindStringIndex is regexp.FindStringIndex with the prefilter.
func (r *litRe) FindStringIndex(s string) []int { return r.IndexLow(s, "") }

// IndexLow is FindStringIndex for a text whose lowerSameLen form low is
// at hand.
func (r *litRe) IndexLow(s, low string) []int {
	m := r.first(s, low, false)
	if m == nil {
		return nil
	}
	return m[:2:2]
}

// FindString is regexp.FindString with the prefilter.
func (r *litRe) FindString(s string) string {
	m := r.first(s, "", false)
	if m == nil {
		return ""
	}
	return s[m[0]:m[1]]
}

// FindStringSubmatch is regexp.FindStringSubmatch with the prefilter.
func (r *litRe) FindStringSubmatch(s string) []string { return r.SubmatchLow(s, "") }

// SubmatchLow is FindStringSubmatch for a text whose lowerSameLen form
// low is at hand.
func (r *litRe) SubmatchLow(s, low string) []string {
	return submatches(s, r.first(s, low, true))
}

// FindStringSubmatchIndex is regexp.FindStringSubmatchIndex with the
// prefilter.
func (r *litRe) FindStringSubmatchIndex(s string) []int { return r.first(s, "", true) }

// FindAllStringSubmatch is regexp.FindAllStringSubmatch with the
// prefilter.
func (r *litRe) FindAllStringSubmatch(s string, n int) [][]string {
	ms := r.allMatches(s, n)
	if ms == nil {
		return nil
	}
	out := make([][]string, len(ms))
	for i, m := range ms {
		out[i] = submatches(s, m)
	}
	return out
}

// FindAllStringSubmatchIndex is regexp.FindAllStringSubmatchIndex with
// the prefilter.
func (r *litRe) FindAllStringSubmatchIndex(s string, n int) [][]int { return r.allMatches(s, n) }

// FindAllString is regexp.FindAllString with the prefilter.
func (r *litRe) FindAllString(s string, n int) []string {
	ms := r.allMatches(s, n)
	if ms == nil {
		return nil
	}
	out := make([]string, len(ms))
	for i, m := range ms {
		out[i] = s[m[0]:m[1]]
	}
	return out
}
