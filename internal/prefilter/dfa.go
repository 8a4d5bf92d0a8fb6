package prefilter

import (
	"regexp/syntax"
	"slices"
	"sync"
	"unicode/utf8"
)

// dfa tells whether a text holds a match of an expression (what
// MatchString asks), by a deterministic automaton built lazily from the
// program package regexp/syntax compiles: a state is the set of
// instructions that threads wait at before the next rune, together with
// the class of the rune before it, which is all the assertions (\b, \B, ^,
// $, \A, \z, with or without (?m)) need; a transition on a rune first
// follows the empty-width instructions whose assertions hold between the
// two runes, then steps the rune instructions (MatchRune, with the case
// folding package regexp uses). Existence needs no preference among the
// threads, so leftmost-first does not matter here: the text matches as
// soon as one thread reaches the match instruction, at any offset.
//
// Each transition is computed once and kept: an ASCII byte in a table per
// state, another rune in a small map. A text is then scanned at one table
// look-up per byte. The automaton stops growing at maxStates; past that
// the expression is run by package regexp as before (broken).
//
// The runes are read as package regexp reads them (an invalid byte is
// U+FFFD of width one), so a text that is not valid UTF-8 gives the same
// answer too.
type dfa struct {
	prog *syntax.Prog
	// anchored: matches start only at the start of the text (the
	// expression's start is not added again after each rune).
	anchored bool

	mu     sync.Mutex
	broken bool
	states []*dstate
	index  map[string]int32 // a state's key -> its number
	init   [numCtx]int32    // the start state after a rune of each class (0: not built)

	// scratch of a transition
	stack []uint32
	mark  []uint32 // mark[pc] == gen: pc visited in this closure
	nmark []uint32 // nmark[pc] == gen: pc already in next
	gen   uint32
	next  []uint32
	key   []byte
}

// The class of the rune before an offset, as the assertions see it.
const (
	ctxBegin   = iota // the start of the text: no rune before
	ctxNewline        // "\n"
	ctxWord           // an ASCII word character
	ctxOther          // any other rune
	numCtx
)

// Transition targets besides states (which are numbered from firstState).
const (
	tUnknown   = 0 // not computed yet
	tMatch     = 1 // a thread reached the match instruction
	tDead      = 2 // no thread left (anchored only)
	firstState = 3
)

// maxStates bounds the states of one expression's automaton.
const maxStates = 1500

type dstate struct {
	pcs   []uint32
	ctx   uint8
	idle  bool // no thread but the expression's start (unanchored)
	end   int8 // at the end of the text: 0 unknown, 1 no match, 2 match
	ascii [128]int32
	other map[rune]int32
}

// newDFA compiles expr, known to be valid, for the automaton.
func newDFA(expr string, anchored bool) *dfa {
	re, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		return nil
	}
	prog, err := syntax.Compile(re.Simplify())
	if err != nil {
		return nil
	}
	n := len(prog.Inst)
	return &dfa{
		prog:     prog,
		anchored: anchored,
		states:   make([]*dstate, firstState),
		index:    map[string]int32{},
		mark:     make([]uint32, n),
		nmark:    make([]uint32, n),
	}
}

// ctxOf returns the class of the rune before offset i of s. A byte of
// 0x80 or more ends a rune that is neither "\n" nor an ASCII word
// character (or an invalid byte, U+FFFD).
func ctxOf(s string, i int) uint8 {
	if i == 0 {
		return ctxBegin
	}
	switch c := s[i-1]; {
	case c == '\n':
		return ctxNewline
	case isWordByte(c):
		return ctxWord
	}
	return ctxOther
}

// match reports whether s holds a match that starts at offset from or
// later (the rune before from is the context of the first assertions).
// With ls not nil, c.skip is called in an idle state at offset i and
// returns the next offset >= i at which a match may start (by the
// literals ls), or -1 when none can: a scan jumps over text that holds
// no literal. ok is false when
// the automaton cannot serve (grown too large, or in use by another
// goroutine): then the caller asks package regexp.
func (d *dfa) match(s string, from int, c *compiled, ls *litSet) (matched, ok bool) {
	if !d.mu.TryLock() {
		return false, false
	}
	defer d.mu.Unlock()
	if d.broken {
		return false, false
	}
	i := from
	st := d.start(ctxOf(s, i))
	for {
		if d.broken {
			return false, false
		}
		cur := d.states[st]
		if cur.idle && ls != nil {
			j := c.skip(s, ls, i)
			if j < 0 {
				return false, true
			}
			if j > i {
				i = j
				if st = d.start(ctxOf(s, i)); d.broken {
					return false, false
				}
				cur = d.states[st]
			}
		}
		if i >= len(s) {
			break
		}
		var nx int32
		if c := s[i]; c < utf8.RuneSelf {
			if nx = cur.ascii[c]; nx == tUnknown {
				nx = d.step(st, rune(c))
				d.states[st].ascii[c] = nx
			}
			i++
		} else {
			r, w := utf8.DecodeRuneInString(s[i:])
			if nx = cur.other[r]; nx == tUnknown {
				nx = d.step(st, r)
				cur = d.states[st]
				if cur.other == nil {
					cur.other = map[rune]int32{}
				}
				cur.other[r] = nx
			}
			i += w
		}
		if d.broken {
			return false, false
		}
		switch nx {
		case tMatch:
			return true, true
		case tDead:
			return false, true
		}
		st = nx
	}
	cur := d.states[st]
	if cur.end == 0 {
		cur.end = 1
		if d.step(st, -1) == tMatch {
			cur.end = 2
		}
	}
	return cur.end == 2, true
}

// trans returns the transition of state st on rune r >= 0, computed once.
func (d *dfa) trans(st int32, r rune) int32 {
	cur := d.states[st]
	if r < utf8.RuneSelf {
		if cur.ascii[r] == tUnknown {
			cur.ascii[r] = d.step(st, r)
		}
		return cur.ascii[r]
	}
	nx, ok := cur.other[r]
	if !ok {
		nx = d.step(st, r)
		if cur.other == nil {
			cur.other = map[rune]int32{}
		}
		cur.other[r] = nx
	}
	return nx
}

// start returns the state before the first rune, after a rune of class
// ctx.
func (d *dfa) start(ctx uint8) int32 {
	if d.init[ctx] == 0 {
		d.init[ctx] = d.state([]uint32{uint32(d.prog.Start)}, ctx)
	}
	return d.init[ctx]
}

// step returns the transition of state st on rune r (-1: the end of the
// text).
func (d *dfa) step(st int32, r rune) int32 {
	cur := d.states[st]
	var flags syntax.EmptyOp
	switch cur.ctx {
	case ctxBegin:
		flags |= syntax.EmptyBeginText | syntax.EmptyBeginLine
	case ctxNewline:
		flags |= syntax.EmptyBeginLine
	}
	switch {
	case r < 0:
		flags |= syntax.EmptyEndText | syntax.EmptyEndLine
	case r == '\n':
		flags |= syntax.EmptyEndLine
	}
	if (cur.ctx == ctxWord) != (r >= 0 && syntax.IsWordChar(r)) {
		flags |= syntax.EmptyWordBoundary
	} else {
		flags |= syntax.EmptyNoWordBoundary
	}
	start := uint32(d.prog.Start)
	var fromStart *dstate // the idle state's transition, for the start thread
	if !cur.idle && !d.anchored && slices.Contains(cur.pcs, start) {
		// The thread that starts here steps as from the idle state, whose
		// transition is kept: a large alternation at the start is not
		// followed again in every state. (Done first: the transition may
		// be computed now, with the same scratch.)
		idle := d.start(cur.ctx)
		if d.broken {
			return tDead
		}
		if r < 0 {
			is := d.states[idle]
			if is.end == 0 {
				is.end = 1
				if d.step(idle, -1) == tMatch {
					is.end = 2
				}
			}
			if is.end == 2 {
				return tMatch
			}
		} else {
			t := d.trans(idle, r)
			if d.broken {
				return tDead
			}
			if t == tMatch {
				return tMatch
			}
			fromStart = d.states[t]
		}
	}
	d.gen++
	if d.gen == 0 {
		clear(d.mark)
		clear(d.nmark)
		d.gen = 1
	}
	gen := d.gen
	d.next = d.next[:0]
	stack := d.stack[:0]
	for _, pc := range cur.pcs {
		if pc != start || cur.idle || d.anchored {
			stack = append(stack, pc)
		}
	}
	if fromStart != nil {
		for _, pc := range fromStart.pcs {
			d.nmark[pc] = gen
			d.next = append(d.next, pc)
		}
	}
	for len(stack) > 0 {
		pc := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if d.mark[pc] == gen {
			continue
		}
		d.mark[pc] = gen
		in := &d.prog.Inst[pc]
		switch in.Op {
		case syntax.InstAlt, syntax.InstAltMatch:
			stack = append(stack, in.Arg, in.Out)
		case syntax.InstCapture, syntax.InstNop:
			stack = append(stack, in.Out)
		case syntax.InstEmptyWidth:
			if syntax.EmptyOp(in.Arg)&^flags == 0 {
				stack = append(stack, in.Out)
			}
		case syntax.InstMatch:
			d.stack = stack
			return tMatch
		case syntax.InstRune, syntax.InstRune1, syntax.InstRuneAny, syntax.InstRuneAnyNotNL:
			if r >= 0 && in.MatchRune(r) && d.nmark[in.Out] != gen {
				d.nmark[in.Out] = gen
				d.next = append(d.next, in.Out)
			}
		}
	}
	d.stack = stack
	if r < 0 {
		return tDead
	}
	if !d.anchored {
		if d.nmark[start] != gen {
			d.next = append(d.next, start)
		}
	} else if len(d.next) == 0 {
		return tDead
	}
	ctx := uint8(ctxOther)
	switch {
	case r == '\n':
		ctx = ctxNewline
	case syntax.IsWordChar(r):
		ctx = ctxWord
	}
	slices.Sort(d.next)
	return d.state(d.next, ctx)
}

// state returns the number of the state of pcs after a rune of class ctx,
// adding it when new.
func (d *dfa) state(pcs []uint32, ctx uint8) int32 {
	key := append(d.key[:0], ctx)
	for _, pc := range pcs {
		key = append(key, byte(pc), byte(pc>>8), byte(pc>>16), byte(pc>>24))
	}
	d.key = key
	if n, ok := d.index[string(key)]; ok {
		return n
	}
	if len(d.states) >= maxStates {
		d.broken = true
		return tDead
	}
	n := int32(len(d.states))
	st := &dstate{pcs: slices.Clone(pcs), ctx: ctx}
	st.idle = !d.anchored && len(pcs) == 1 && pcs[0] == uint32(d.prog.Start)
	d.states = append(d.states, st)
	d.index[string(key)] = n
	return n
}
