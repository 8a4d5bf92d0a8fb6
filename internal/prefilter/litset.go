package prefilter

import (
	"math/bits"
	"strings"
)

// litSet is a set of literals, sought in a text either as it is or, with
// fold, in its Lower form, which is computed byte by byte on the way
// rather than copied.
type litSet struct {
	lits []string // sorted
	// from[c]..from[c+1] indexes the literals starting with byte c.
	from [257]uint16
	// first[c] reports a byte of the text that is (with fold: that Lower
	// turns into) the first byte of a literal.
	first [256]bool
	// pairs holds, when every literal has two bytes or more, the literals'
	// first two bytes: bit b1 of row pairRow[b0]-1 (0: no literal starts
	// with b0). A candidate position must hold one of the pairs, which
	// rules out most positions a common first letter would let through.
	// Rows exist only for the first bytes of literals, so the table stays
	// small (a full 64-kbit table cost 8 KB per expression at start-up).
	// With fold, the table also holds the bytes of the text that Lower
	// turns into a literal's first two (see addPair), so that the text is
	// tested as it is.
	pairs   [][4]uint64
	pairRow *[256]uint16
	// pre and mask hold each literal's first eight bytes (fewer when it is
	// shorter, the mask covering them), for at to compare with eight bytes
	// of the text at once.
	pre, mask []uint64
	// skip, when every literal has win bytes or more (win >= minSkip),
	// holds for each pair of bytes (coded by skipCode, with fold by
	// skipFoldCode, and hashed by skipHash) how far a window of win
	// bytes of the text ending with that pair can move on without
	// passing the start of a literal: the least win-1-j over the
	// literals whose bytes j-1 and j (j < win) have the same hash, and
	// win-1 when there are none (multi-pattern Horspool on pairs, after
	// Wu and Manber). nil: no skip table; fold is the mode it was built
	// for.
	skip *[skipSize]uint8
	win  int
	fold bool
}

// skipSize is the number of hashes of pairs of bytes in a skip table.
const skipSize = 1 << 12

// minSkip is the least length of the literals for which a skip table is
// built: with shorter ones, the shifts are too short to pay for a table.
const minSkip = 3

// skipFew is the least length of the literals for which a set of four
// or fewer is sought by the skip table rather than one literal at a time.
const skipFew = 4

// maxWin bounds the window of a skip table (shifts fit a byte).
const maxWin = 64

// skipHash hashes two bytes, given by their codes (skipCode or
// skipFoldCode), into a skip table. Pairs with the same hash share the
// least shift, which keeps the table small at the cost of shorter shifts.
func skipHash(a, b uint8) uint { return uint(a)<<6 | uint(b) }

// skipCode gives each byte a code of six bits: one of its own for the
// letters and for the bytes common in contracts, a shared one for the
// others.
var skipCode = func() (t [256]uint8) {
	for c := range t {
		t[c] = 63
	}
	for c := 'a'; c <= 'z'; c++ {
		t[c] = uint8(c-'a') + 1
		t[c-'a'+'A'] = uint8(c-'a') + 27
	}
	for c := '0'; c <= '9'; c++ {
		t[c] = 53
	}
	for i, c := range []byte(" .-,\xC3\xA4\xB6\xBC\x9F") {
		t[c] = uint8(54 + i)
	}
	return t
}()

// skipFoldCode is skipCode for a skip table built with fold: the code of
// a folded form of each byte. A byte of the text and the byte of a
// literal it stands for (by foldAt, in its context) have the same form:
// ASCII capitals become small letters, and the second bytes of Ä, Ö, Ü
// become those of ä, ö, ü also where they follow another byte than 0xC3
// (and the small forms stay). The table is built from the literals' codes
// so it only ever shifts less than the text allows.
var skipFoldCode = func() (t [256]uint8) {
	for c := range t {
		f := byte(c)
		switch {
		case f >= 'A' && f <= 'Z':
			f += 'a' - 'A'
		case f == 0x84 || f == 0x96 || f == 0x9C:
			f += 0x20
		}
		t[c] = skipCode[f]
	}
	return t
}()

// buildSkip builds the skip table when every literal is long enough.
func (ls *litSet) buildSkip(fold bool) {
	m := maxWin
	for _, l := range ls.lits {
		m = min(m, len(l))
	}
	if m < minSkip {
		return
	}
	code := &skipCode
	if fold {
		code = &skipFoldCode
	}
	t := new([skipSize]uint8)
	t[0] = uint8(m - 1)
	for n := 1; n < skipSize; n *= 2 {
		copy(t[n:], t[:n])
	}
	for _, l := range ls.lits {
		for j := 1; j < m; j++ {
			h := skipHash(code[l[j-1]], code[l[j]])
			t[h] = min(t[h], uint8(m-1-j))
		}
	}
	ls.skip, ls.win, ls.fold = t, m, fold
}

func newLitSet(lits []string, fold bool) *litSet {
	ls := &litSet{lits: lits, pre: make([]uint64, len(lits)), mask: make([]uint64, len(lits))}
	for k, l := range lits {
		n := min(len(l), 8)
		for j := n - 1; j >= 0; j-- {
			ls.pre[k] = ls.pre[k]<<8 | uint64(l[j])
		}
		ls.mask[k] = ^uint64(0) >> (64 - 8*n)
	}
	k := 0
	for c := 0; c < 256; c++ {
		ls.from[c] = uint16(k)
		for k < len(lits) && int(lits[k][0]) == c {
			k++
		}
	}
	ls.from[256] = uint16(k)
	ls.buildSkip(fold)
	short := false
	for _, l := range lits {
		c := l[0]
		ls.first[c] = true
		if fold && c >= 'a' && c <= 'z' {
			ls.first[c-'a'+'A'] = true
		}
		short = short || len(l) < 2
	}
	if !short && len(lits) > 4 {
		ls.pairRow = new([256]uint16)
		for _, l := range lits {
			ls.addPair(l[0], l[1])
			if !fold {
				continue
			}
			// The bytes Lower turns into l[0] and l[1] (foldAt): the
			// capital of an ASCII letter; the second byte of Ä, Ö, Ü
			// after 0xC3. A literal never starts with a second byte.
			c0, c1 := l[0], l[1]
			if isLowerASCII(c1) {
				c1 -= 'a' - 'A'
			} else if c0 == 0xC3 && (c1 == 0xA4 || c1 == 0xB6 || c1 == 0xBC) {
				c1 -= 0x20
			}
			if isLowerASCII(c0) {
				c0 -= 'a' - 'A'
			}
			ls.addPair(c0, l[1])
			ls.addPair(l[0], c1)
			ls.addPair(c0, c1)
		}
	}
	return ls
}

func isLowerASCII(c byte) bool { return c >= 'a' && c <= 'z' }

// addPair adds the pair of bytes c0, c1 to the pair table.
func (ls *litSet) addPair(c0, c1 byte) {
	r := ls.pairRow[c0]
	if r == 0 {
		ls.pairs = append(ls.pairs, [4]uint64{})
		r = uint16(len(ls.pairs))
		ls.pairRow[c0] = r
	}
	ls.pairs[r-1][c1/64] |= 1 << (c1 % 64)
}

// next returns the first offset from i on at which one of the literals
// occurs in s (with fold: in Lower(s)), or -1.
func (ls *litSet) next(s string, i int, fold bool) int {
	if ls.skip != nil && ls.fold == fold {
		return ls.nextSkip(s, i, fold)
	}
	if ls.pairRow == nil {
		for ; i < len(s); i++ {
			if ls.first[s[i]] && ls.at(s, i, fold) {
				return i
			}
		}
		return -1
	}
	// Every literal has two bytes or more: the pair table tests the
	// bytes of the text as they are (with fold, it holds their capitals
	// too), and only a position holding a literal's first two bytes is
	// compared with the literals.
	rows, pairs := ls.pairRow, ls.pairs
	for ; i+1 < len(s); i++ {
		r := rows[s[i]]
		if r == 0 {
			continue
		}
		c1 := s[i+1]
		if pairs[r-1][c1/64]&(1<<(c1%64)) != 0 && ls.at(s, i, fold) {
			return i
		}
	}
	return -1
}

// nextSkip is next by the skip table: a window of ls.win bytes from i
// on is tried only where the pair of bytes it ends with gives no shift.
func (ls *litSet) nextSkip(s string, i int, fold bool) int {
	t, w := ls.skip[:], ls.win
	code := &skipCode
	if fold {
		code = &skipFoldCode
	}
	// e is the last byte of the window.
	for e := i + w - 1; e > 0 && e < len(s); {
		if k := int(t[skipHash(code[s[e-1]], code[s[e]])&(skipSize-1)]); k != 0 {
			e += k
			continue
		}
		if i := e - w + 1; ls.first[s[i]] && ls.at(s, i, fold) {
			return i
		}
		e++
	}
	return -1
}

// index returns the first offset of s at which one of the literals occurs,
// or -1. Without leftmost, any occurrence will do.
func (ls *litSet) index(s string, fold, leftmost bool) int {
	if len(ls.lits) <= 4 && (ls.skip == nil || ls.win < skipFew) {
		return firstOf(ls.lits, s, fold, leftmost)
	}
	return ls.next(s, 0, fold)
}

// firstOf returns the first offset of s at which one of lits occurs, or -1,
// by one search per literal; without leftmost, any occurrence will do.
func firstOf(lits []string, s string, fold, leftmost bool) int {
	at := -1
	for _, l := range lits {
		u := s
		if at >= 0 {
			u = s[:min(len(s), at+len(l)-1)] // it must start before at
		}
		if i := index(u, l, fold); i >= 0 {
			at = i
			if !leftmost {
				break
			}
		}
	}
	return at
}

// at reports whether one of the literals occurs at offset p of s.
func (ls *litSet) at(s string, p int, fold bool) bool {
	if p >= len(s) {
		return false
	}
	if p+8 <= len(s) {
		// Eight bytes of the text against each literal's first eight: with
		// fold, bytes below 0x80 are lowered together (the capitals get
		// 0x20); a text with another byte there takes the loop below,
		// which lowers Ä, Ö, Ü by their first byte.
		const ones, high = 0x0101010101010101, 0x8080808080808080
		w := load64(s[p : p+8])
		if !fold || w&high == 0 {
			if fold {
				w |= ((w + (0x80-'A')*ones) &^ (w + (0x80-'Z'-1)*ones) & high) >> 2
			}
			c := byte(w)
			from, to := int(ls.from[c]), int(ls.from[int(c)+1])
			for k := from; k < to; k++ {
				if w&ls.mask[k] == ls.pre[k] {
					if l := ls.lits[k]; len(l) <= 8 || hasAt(s, p+8, l[8:], fold) {
						return true
					}
				}
			}
			return false
		}
	}
	c := s[p]
	if fold {
		c = foldAt(s, p)
	}
	for _, l := range ls.lits[ls.from[c]:ls.from[int(c)+1]] {
		if hasAt(s, p, l, fold) {
			return true
		}
	}
	return false
}

// Lower lower-cases the ASCII letters and Ä, Ö, Ü of s, keeping every
// byte offset. It is the form in which literals of case-insensitive
// expressions are sought (byte by byte, see foldAt).
func Lower(s string) string {
	i := nextFold(s, 0)
	if i == len(s) {
		return s // nothing to lower: no copy
	}
	// One copy, built in a strings.Builder (a []byte converted to a string
	// would be copied twice): the runs of bytes that stay as they are are
	// written whole.
	var b strings.Builder
	b.Grow(len(s))
	run := 0 // start of the current run of unchanged bytes
	for i < len(s) {
		b.WriteString(s[run:i])
		// An ASCII capital, or the second byte of Ä, Ö, Ü: both are
		// lowered by adding 0x20.
		b.WriteByte(s[i] + 0x20)
		run = i + 1
		i = nextFold(s, i+1)
	}
	b.WriteString(s[run:])
	return b.String()
}

// nextFold returns the first offset from i on of a byte that Lower
// changes (see foldAt), or len(s).
func nextFold(s string, i int) int {
	const ones, high = 0x0101010101010101, 0x8080808080808080
	for i < len(s) {
		if i+8 <= len(s) {
			// Eight bytes at a time: the high bit is set in the first
			// byte of 0x80 or more (by w) or that is a capital (adding
			// 0x80-'A' sets it for 'A' and more, adding 0x80-'Z'-1 for
			// what is past 'Z'); the ASCII bytes before it do not carry.
			w := load64(s[i : i+8])
			m := (w | (w+(0x80-'A')*ones)&^(w+(0x80-'Z'-1)*ones)) & high
			if m == 0 {
				i += 8
				continue
			}
			i += bits.TrailingZeros64(m) / 8
		}
		switch foldClass[s[i]] {
		case foldNone:
		case foldCapital:
			return i
		default:
			if i > 0 && s[i-1] == 0xC3 {
				return i
			}
		}
		i++
	}
	return len(s)
}

// Classes of foldClass.
const (
	foldNone    = iota // a byte Lower keeps
	foldCapital        // an ASCII capital
	foldUmlaut         // a possible second byte of Ä, Ö, Ü (after 0xC3)
)

// foldClass classifies the bytes for Lower.
var foldClass = func() (t [256]uint8) {
	for c := 'A'; c <= 'Z'; c++ {
		t[c] = foldCapital
	}
	t[0x84], t[0x96], t[0x9C] = foldUmlaut, foldUmlaut, foldUmlaut
	return t
}()

// foldAt returns byte i of Lower(s): ASCII capitals are lowered, and so
// are the second bytes of Ä, Ö, Ü (0xC3 0x84, 0x96, 0x9C). Lowering is
// local to a rune: a literal, which starts at a rune, never starts at such
// a second byte.
func foldAt(s string, i int) byte {
	c := s[i]
	switch {
	case c >= 'A' && c <= 'Z':
		return c + 'a' - 'A'
	case (c == 0x84 || c == 0x96 || c == 0x9C) && i > 0 && s[i-1] == 0xC3:
		return c + 0x20
	}
	return c
}

// hasAt reports whether lit occurs at offset p of s (with fold: of
// Lower(s)).
func hasAt(s string, p int, lit string, fold bool) bool {
	if len(s)-p < len(lit) {
		return false
	}
	if !fold {
		return s[p:p+len(lit)] == lit
	}
	for i := 0; i < len(lit); i++ {
		if foldAt(s, p+i) != lit[i] {
			return false
		}
	}
	return true
}

// index returns the first offset of lit in s (with fold: in Lower(s)), or
// -1.
func index(s, lit string, fold bool) int {
	if !fold {
		return strings.Index(s, lit)
	}
	c := lit[0]
	if c < 'a' || c > 'z' {
		// Only c itself becomes c.
		for i := 0; ; i++ {
			k := strings.IndexByte(s[i:], c)
			if k < 0 {
				return -1
			}
			i += k
			if hasAt(s, i, lit, true) {
				return i
			}
		}
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
			return -1
		}
		if hasAt(s, k, lit, true) {
			return k
		}
		i = k + 1
	}
	return -1
}

// load64 returns the eight bytes of b as a little-endian number (one load).
func load64(b string) uint64 {
	b = b[:8]
	return uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
		uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
}
