package prefilter

import (
	"regexp"
	"regexp/syntax"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// maxLits bounds the prefilter: more alternatives are not worth scanning.
// maxProduct bounds the combinations of adjacent alternatives.
const (
	maxLits    = 1024
	maxProduct = 64
)

// Analysis is what the literal analysis of an expression yields: all a
// Regexp needs to match besides the compiled expressions. It depends only
// on the expression and its options, so the analyses of the expressions
// of the embedded knowledge are computed by `go generate` and compiled in
// (precomputed.go; see Registered).
type Analysis struct {
	// Lits holds the literals, sorted and without redundant ones (see
	// dropRedundant); nil: no prefilter.
	Lits []string
	// Variants holds the rare spellings of case-insensitive runes (see the
	// package comment); the literals holding one are consulted only for a
	// text that holds one of Variants.
	Variants []string
	// Fold means the literals are compared with the text in the form Lower
	// gives.
	Fold bool
	// Prefix means every match starts with one of the literals.
	Prefix bool
	// Begin means matches start only at the start of the text.
	Begin bool
	// Starts holds, for an expression without Prefix whose literals are
	// required, literals every match starts with (in all their spellings,
	// variants included): once the required literals are found, a match
	// is sought only where one of them occurs. Nil: none.
	Starts []string
	// Lead, with Prefix, means every match starts at most Lead runes
	// before one of the literals rather than with it: the expression
	// opens with a part of bounded width, such as (?:^|[^\p{L}]), before
	// its starting literals.
	Lead int
	// NoContext, with Prefix or Starts, means the expression has no
	// assertion that looks at the text before it (^, \A, \b, \B): it
	// matches at an offset of a text as at the start of the rest, and
	// needs no rune of context (see compiled.matchAt).
	NoContext bool
	// Needs holds further sets of literals, besides Lits, such that every
	// match contains one literal of each set (in the form Lits has, all
	// spellings included): a text, or the rest of a text from where a
	// match would start, that lacks every literal of one set holds no
	// match, so the expression is not tried there. Sets that each
	// literal of Lits implies are left out. Nil: none.
	Needs [][]string
	// WordStart means every match starts with \b, an ASCII word
	// boundary: a match cannot start between two ASCII letters, digits or
	// underscores, which rules out such candidate starts without running
	// the expression.
	WordStart bool
	// WordContext, with Prefix or Starts and without NoContext, means the
	// only assertions that look at the text before them are \b and \B:
	// at an offset after a rune that is no ASCII word character, they see
	// what they see at the start of a text, so the expression anchored at
	// the start of the rest serves there (see compiled.matchAt).
	WordContext bool
}

// Analyze parses expr and derives its literals for the options opt, as
// the first use of a Regexp with the same expression and options does
// when no precomputed analysis is embedded for them. The generator of the
// embedded table calls it.
func Analyze(expr string, opt Option) (*Analysis, error) {
	// regexp.Compile parses with the same flags and returns the same
	// errors; a parsed expression also compiles.
	st, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		return nil, err
	}
	a := &Analysis{}
	st = st.Simplify()
	if prog, err := syntax.Compile(st); err == nil && prog.StartCond()&syntax.EmptyBeginText != 0 {
		a.Begin = true
	}
	a.Fold = hasFoldLiteral(st)
	in := analyze(st, a.Fold)
	if pre, ok := prefixes(st, a.Fold); ok && len(pre) <= maxLits && (litInfo{set: pre}).required() &&
		(opt&PreferPrefix != 0 || !in.required() || minLen(pre) >= min(3, minLen(in.set))) {
		// Starting literals as selective as the required ones also tell
		// where the first match may begin.
		in = litInfo{set: pre}
		a.Prefix = true
	}
	if !a.Prefix && !a.Begin {
		if pre, lead, ok := leadPrefixes(st, a.Fold); ok && (!in.required() || minLen(pre) >= min(3, minLen(in.set))) {
			// A match starts a few runes before its starting literals:
			// still much better than trying every position.
			in = litInfo{set: pre}
			a.Prefix, a.Lead = true, lead
		}
	}
	if !in.required() || len(in.set) > maxLits {
		a.Prefix, a.Lead = false, 0
		return a, nil
	}
	lits := slices.Clone(in.set)
	sort.Strings(lits)
	a.Lits = dropRedundant(lits, a.Prefix)
	a.Variants = caseVariants(st)
	if !a.Prefix && !a.Begin {
		// Starting literals less selective than the required ones still
		// tell where a match may begin, once the required ones are found.
		if pre, ok := prefixes(st, a.Fold); ok && len(pre) <= maxLits && (litInfo{set: pre}).required() {
			starts := slices.Clone(pre)
			sort.Strings(starts)
			a.Starts = dropRedundant(starts, true)
		} else if pre, lead, ok := altLeadPrefixes(st, a.Fold); ok {
			// Starting literals a match starts at most lead runes
			// before: "\b(?:ort|datum)\b|[\p{L}\]],\s*den".
			starts := slices.Clone(pre)
			sort.Strings(starts)
			a.Starts, a.Lead = dropRedundant(starts, true), lead
		}
	}
	if a.Prefix || a.Starts != nil {
		a.NoContext = !looksBack(st)
		a.WordContext = !a.NoContext && !looksAtLine(st)
	}
	a.Needs = pickNeeds(needSets(st, a.Fold), a.Lits)
	a.WordStart = startsWithBoundary(st)
	return a, nil
}

// startsWithBoundary reports whether every match of n starts with \b.
func startsWithBoundary(n *syntax.Regexp) bool {
	switch n.Op {
	case syntax.OpWordBoundary:
		return true
	case syntax.OpCapture:
		return startsWithBoundary(n.Sub[0])
	case syntax.OpConcat:
		return len(n.Sub) > 0 && startsWithBoundary(n.Sub[0])
	case syntax.OpAlternate:
		for _, sub := range n.Sub {
			if !startsWithBoundary(sub) {
				return false
			}
		}
		return len(n.Sub) > 0
	}
	return false
}

// maxNeeds bounds the sets of Analysis.Needs, maxNeedLits their size.
const (
	maxNeeds    = 2
	maxNeedLits = 64
)

// needSets returns sets of literals such that every match of n contains
// one literal of each set: the required literals of n itself and, in a
// concatenation, those of each of its parts.
func needSets(n *syntax.Regexp, fold bool) [][]string {
	var out [][]string
	if in := analyze(n, fold); in.required() {
		out = append(out, in.set)
	}
	switch n.Op {
	case syntax.OpCapture, syntax.OpPlus:
		out = append(out, needSets(n.Sub[0], fold)...)
	case syntax.OpRepeat:
		if n.Min >= 1 {
			out = append(out, needSets(n.Sub[0], fold)...)
		}
	case syntax.OpConcat:
		for _, sub := range n.Sub {
			out = append(out, needSets(sub, fold)...)
		}
	}
	return out
}

// pickNeeds chooses up to maxNeeds of the sets, the most selective first
// (see better), leaving out those that every literal of lits implies (a
// literal of lits contains one of the set's), those with a blank or the
// empty string, and duplicates.
func pickNeeds(sets [][]string, lits []string) [][]string {
	var cands [][]string
	for _, set := range sets {
		// A set holding a blank (white space only) is left out: nearly
		// every text holds one.
		if len(set) == 0 || len(set) > maxNeedLits || hasBlank(set) || impliedBy(lits, set) {
			continue
		}
		set = slices.Clone(set)
		sort.Strings(set)
		set = dropRedundant(set, false)
		dup := false
		for _, c := range cands {
			if slices.Equal(c, set) {
				dup = true
				break
			}
		}
		if !dup {
			cands = append(cands, set)
		}
	}
	if len(lits) == 0 || len(cands) == 0 {
		return nil
	}
	slices.SortStableFunc(cands, func(a, b []string) int {
		switch {
		case better(a, b):
			return -1
		case better(b, a):
			return 1
		}
		return 0
	})
	if len(cands) > maxNeeds {
		cands = cands[:maxNeeds]
	}
	return cands
}

// impliedBy reports whether each of lits contains one of set.
func impliedBy(lits, set []string) bool {
	for _, l := range lits {
		if !containsAny(l, set) {
			return false
		}
	}
	return len(lits) > 0
}

// looksAtLine reports whether re has an assertion about the start of a
// line or of the text (^, \A).
func looksAtLine(re *syntax.Regexp) bool {
	switch re.Op {
	case syntax.OpBeginLine, syntax.OpBeginText:
		return true
	}
	for _, sub := range re.Sub {
		if looksAtLine(sub) {
			return true
		}
	}
	return false
}

// looksBack reports whether re has an assertion that depends on the text
// before the place where it is tested.
func looksBack(re *syntax.Regexp) bool {
	switch re.Op {
	case syntax.OpBeginLine, syntax.OpBeginText, syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return true
	}
	for _, sub := range re.Sub {
		if looksBack(sub) {
			return true
		}
	}
	return false
}

// compile returns what a Regexp for expr with options opt needs to match:
// the embedded analysis when there is one, a fresh one otherwise.
//
// The regular expressions themselves are compiled when first needed: a
// text the literals rule out never needs them, and parsing and compiling
// dominate the cost of a run over one short document.
func compile(expr string, opt Option) (*compiled, error) {
	a := precomputed(expr, opt)
	if a == nil {
		var err error
		if a, err = Analyze(expr, opt); err != nil {
			return nil, err
		}
	}
	return build(expr, a), nil
}

// build turns the analysis a of expr into what a Regexp needs to match.
func build(expr string, a *Analysis) *compiled {
	c := &compiled{re: lazyRegexp(expr), fold: a.Fold, begin: a.Begin}
	c.dfa = sync.OnceValue(func() *dfa {
		c.dfaBuilt.Store(true)
		return newDFA(expr, a.Begin)
	})
	if a.Begin && !a.Prefix {
		c.lead = sync.OnceValue(func() *leadBytes { return newLeadBytes(expr) })
	}
	if a.Lits == nil {
		return c
	}
	c.prefix, c.variants, c.before, c.noContext = a.Prefix, a.Variants, a.Lead, a.NoContext
	c.wordStart, c.wordContext = a.WordStart, a.WordContext
	lits := a.Lits
	common := lits
	if len(c.variants) > 0 {
		common = slices.DeleteFunc(slices.Clone(lits), func(l string) bool { return containsAny(l, c.variants) })
		if len(common) < len(lits) {
			c.all = newLitSet(lits, c.fold)
		}
	}
	c.lits = newLitSet(common, c.fold)
	for _, l := range lits {
		c.maxLit = max(c.maxLit, len(l))
	}
	if a.Starts != nil {
		c.starts = newLitSet(a.Starts, c.fold)
	}
	for _, set := range a.Needs {
		n := need{lits: set}
		if len(set) > 4 {
			n.set = newLitSet(set, c.fold)
		}
		c.needs = append(c.needs, n)
	}
	if c.prefix || c.starts != nil {
		inner := closeQuote(expr)
		c.anchored = lazyRegexp(`\A(?:` + inner + `)`)
		c.anchoredAt = lazyRegexp(`\A(?s:.)(?:` + inner + `)`)
	}
	return c
}

// closeQuote returns expr with a literal text opened by \Q and left open
// at its end closed by \E, so that expr can be wrapped in a group.
func closeQuote(expr string) string {
	quoted := false
	for i := 0; i+1 < len(expr); i++ {
		switch {
		case quoted && expr[i] == '\\' && expr[i+1] == 'E':
			quoted = false
			i++
		case !quoted && expr[i] == '\\':
			quoted = expr[i+1] == 'Q'
			i++ // the escaped byte
		}
	}
	if quoted {
		return expr + `\E`
	}
	return expr
}

// lazyRegexp returns a function that compiles expr, known to be valid, on
// its first call and returns the same expression on every call.
func lazyRegexp(expr string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })
}

// caseVariants returns the spellings of the case-insensitive runes of n
// that Lower does not bring to the common lower-case form ("ſ", the Kelvin
// sign, "É").
func caseVariants(n *syntax.Regexp) []string {
	var vs []string
	var walk func(*syntax.Regexp)
	walk = func(n *syntax.Regexp) {
		if n.Op == syntax.OpLiteral && n.Flags&syntax.FoldCase != 0 {
			for _, r := range n.Rune {
				common := Lower(string(unicode.ToLower(r)))
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
// contains one of set. In fold mode the strings are in the form Lower
// gives.
type litInfo struct {
	set   []string
	exact bool
}

// required reports whether the set is a usable prefilter: non-empty and
// without the empty string.
func (in litInfo) required() bool {
	return len(in.set) > 0 && !slices.Contains(in.set, "")
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
		return litInfo{set: append(slices.Clone(in.set), ""), exact: true}
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
		return append(slices.Clone(p), ""), true
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
		return concatPrefixes(n.Sub, fold)
	}
	if in := analyze(n, fold); in.exact {
		return in.set, true
	}
	return nil, false
}

// concatPrefixes returns prefixes for the concatenation of subs.
func concatPrefixes(subs []*syntax.Regexp, fold bool) ([]string, bool) {
	acc := []string{""}
	for k, s := range subs {
		in := analyze(s, fold)
		if in.exact {
			p, ok := product(acc, in.set)
			if !ok {
				break
			}
			acc = p
			continue
		}
		var p []string
		ok := false
		if opt, q, qok := optional(s, fold); opt {
			// An optional part (x?, x*, x{0,n}) whose every match of x
			// starts with one of q: a match of the concatenation starts
			// with acc and one of q, or, where the part matches the empty
			// string, with acc and what the rest starts with. Only where
			// nothing before it gives a prefix (otherwise acc is one), and
			// for q of two bytes or more (not a class such as \s*).
			if qok && len(q) > 0 && !slices.Contains(q, "") && slices.Contains(acc, "") && minLen(q) >= 2 {
				if rest, ok := concatPrefixes(subs[k+1:], fold); ok {
					a, okA := product(acc, q)
					b, okB := product(acc, rest)
					if okA && okB && len(a)+len(b) <= maxLits {
						return append(a, b...), true
					}
				}
			}
			// What prefixes gives for the part, from q.
			p, ok = []string{""}, true
			if unwrap(s).Op == syntax.OpQuest {
				p, ok = nil, false
				if qok {
					p, ok = append(slices.Clone(q), ""), true
				}
			}
		} else {
			p, ok = prefixes(s, fold)
		}
		if ok {
			if q, ok := product(acc, p); ok {
				acc = q
			}
		}
		break
	}
	if slices.Contains(acc, "") {
		return nil, false
	}
	return acc, true
}

// unwrap returns n without the capture groups around it.
func unwrap(n *syntax.Regexp) *syntax.Regexp {
	for n.Op == syntax.OpCapture {
		n = n.Sub[0]
	}
	return n
}

// optional reports whether n (inside capture groups) matches the empty
// string or a match of its sub-expression x (x?, x*, x{0,n}); q and ok are
// then prefixes(x). prefixes(n) is q and "" for x?, "" otherwise.
func optional(n *syntax.Regexp, fold bool) (opt bool, q []string, ok bool) {
	n = unwrap(n)
	switch {
	case n.Op == syntax.OpQuest, n.Op == syntax.OpStar, n.Op == syntax.OpRepeat && n.Min == 0:
		q, ok = prefixes(n.Sub[0], fold)
		return true, q, ok
	}
	return false, nil, false
}

// maxLead bounds Analysis.Lead: the expression is tried at that many
// starts for each occurrence of a literal.
const maxLead = 2

// leadPrefixes returns, for an expression that is a concatenation (or a
// group of one) of a first part that matches at most lead runes and a rest
// with starting literals, those literals: every match starts at most lead
// runes before one of them.
func leadPrefixes(n *syntax.Regexp, fold bool) (lits []string, lead int, ok bool) {
	for n.Op == syntax.OpCapture {
		n = n.Sub[0]
	}
	if n.Op != syntax.OpConcat || len(n.Sub) < 2 {
		return nil, 0, false
	}
	w := maxWidth(n.Sub[0])
	if w < 0 || w > maxLead {
		return nil, 0, false
	}
	rest := &syntax.Regexp{Op: syntax.OpConcat, Flags: n.Flags, Sub: n.Sub[1:]}
	if len(n.Sub) == 2 {
		rest = n.Sub[1]
	}
	pre, ok := prefixes(rest, fold)
	if !ok || len(pre) > maxLits || !(litInfo{set: pre}).required() {
		return nil, 0, false
	}
	return pre, w, true
}

// altLeadPrefixes returns, for an expression or an alternation of
// expressions each of which has starting literals (prefixes) or starting
// literals after a first part of bounded width (leadPrefixes), all those
// literals and the widest such part: every match starts at most lead runes
// before one of them.
func altLeadPrefixes(n *syntax.Regexp, fold bool) (lits []string, lead int, ok bool) {
	n = unwrap(n)
	subs := []*syntax.Regexp{n}
	if n.Op == syntax.OpAlternate {
		subs = n.Sub
	}
	for _, s := range subs {
		if p, ok := prefixes(s, fold); ok && (litInfo{set: p}).required() {
			lits = append(lits, p...)
			continue
		}
		p, w, ok := leadPrefixes(s, fold)
		if !ok {
			return nil, 0, false
		}
		lits = append(lits, p...)
		lead = max(lead, w)
	}
	if len(lits) > maxLits || !(litInfo{set: lits}).required() {
		return nil, 0, false
	}
	return lits, lead, true
}

// maxWidth returns the most runes a match of n spans, or -1 when that is
// not bounded (or large).
func maxWidth(n *syntax.Regexp) int {
	switch n.Op {
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText, syntax.OpEndText,
		syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return 0
	case syntax.OpLiteral:
		return len(n.Rune)
	case syntax.OpCharClass, syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		return 1
	case syntax.OpCapture, syntax.OpQuest:
		return maxWidth(n.Sub[0])
	case syntax.OpRepeat:
		w := maxWidth(n.Sub[0])
		if w < 0 || n.Max < 0 || n.Max > 16 {
			return -1
		}
		return w * n.Max
	case syntax.OpConcat, syntax.OpAlternate:
		total := 0
		for _, s := range n.Sub {
			w := maxWidth(s)
			if w < 0 {
				return -1
			}
			if n.Op == syntax.OpConcat {
				total += w
			} else {
				total = max(total, w)
			}
		}
		return total
	}
	return -1
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
	// Nothing before or after: the product is the other set, which
	// combines nothing and is bounded by maxLits alone.
	if len(as) == 1 && as[0] == "" && len(bs) <= maxLits {
		return slices.Clone(bs), true
	}
	if len(bs) == 1 && bs[0] == "" && len(as) <= maxLits {
		return slices.Clone(as), true
	}
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
// characters. (A case-insensitive class holds its folds already, so one
// with "k" or "s" holds a non-ASCII rune and is not used.)
func classInfo(ranges []rune, fold bool) litInfo {
	var set []string
	for i := 0; i+1 < len(ranges); i += 2 {
		for r := ranges[i]; r <= ranges[i+1]; r++ {
			if r >= utf8.RuneSelf || len(set) >= 12 {
				return anything
			}
			c := string(r)
			if fold {
				c = Lower(c)
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
// occur in the text (fold false) or in its Lower form (fold true) wherever
// the literal matches, as the set of forms it may take there, and whether
// that is the whole literal. A case-insensitive rune with variants that
// Lower keeps apart ("s" and "ſ") multiplies the forms; a rune that
// cannot be spelled (an invalid byte) or too many forms end a run.
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
// (fold false) or in its Lower form (fold true), or nil when it matches an
// invalid byte, which the text does not spell so.
func runeForms(r rune, foldCase, fold bool) []string {
	switch {
	case r == utf8.RuneError:
		return nil
	case !foldCase && !fold:
		return []string{string(r)}
	case !foldCase:
		return []string{Lower(string(r))}
	}
	var forms []string
	for f := unicode.SimpleFold(r); ; f = unicode.SimpleFold(f) {
		if f == utf8.RuneError {
			return nil
		}
		if l := Lower(string(f)); !slices.Contains(forms, l) {
			forms = append(forms, l)
		}
		if f == r {
			break
		}
	}
	sort.Strings(forms)
	return forms
}
