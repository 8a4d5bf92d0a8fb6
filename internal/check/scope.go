package check

import (
	"github.com/art28/art28/internal/match"
)

// Scope: a rule's topic groups may be found outside the sentence it cites,
// in the text that sets the sentence's subject: its lead-in, the other
// sentences of its paragraph, and the headings of its section and of the
// section around that. "§ 6 Unterauftragsverarbeiter … (3) Der Kunde kann
// einer Änderung widersprechen" states the objection right for
// sub-processors although the sentence itself does not name them.

// scopes holds, per sentence, where its topic may come from.
type scopes struct {
	// blockStart and blockEnd delimit the sentences of each sentence's
	// block (paragraph, list item, cell).
	blockStart, blockEnd []int32
	// heads are the heading blocks over each sentence: the nearest one
	// and the one it is nested in (-1 when absent), as sentence ranges.
	heads [][2][2]int32
}

// buildScopes computes the scopes of a prepared input.
func buildScopes(in *Input) *scopes {
	n := len(in.Sentences)
	sc := &scopes{blockStart: make([]int32, n), blockEnd: make([]int32, n), heads: make([][2][2]int32, n)}
	// Block ranges: sentences of one block are consecutive.
	for i := 0; i < n; {
		j := i
		for j < n && in.Sentences[j].Block == in.Sentences[i].Block {
			j++
		}
		for k := i; k < j; k++ {
			sc.blockStart[k], sc.blockEnd[k] = int32(i), int32(j)
		}
		i = j
	}
	// Heading stack by level: each heading replaces those at its level
	// and below.
	type head struct {
		level    int
		from, to int32
	}
	var stack []head
	for i := 0; i < n; i++ {
		s := in.Sentences[i]
		if s.Heading {
			if int(sc.blockStart[i]) == i {
				lvl := in.Doc.Blocks[s.Block].Level
				for len(stack) > 0 && stack[len(stack)-1].level >= lvl {
					stack = stack[:len(stack)-1]
				}
				stack = append(stack, head{level: lvl, from: sc.blockStart[i], to: sc.blockEnd[i]})
			}
			sc.heads[i] = [2][2]int32{{-1, -1}, {-1, -1}}
			continue
		}
		h := [2][2]int32{{-1, -1}, {-1, -1}}
		for k := 0; k < 2 && k < len(stack); k++ {
			e := stack[len(stack)-1-k]
			h[k] = [2]int32{e.from, e.to}
		}
		sc.heads[i] = h
	}
	return sc
}

// topicBits returns the sentences whose scope holds a term of group gi.
func (ch *Checker) topicBits(in *Input, gi int) match.Bits {
	if in.topics == nil {
		in.topics = map[int]match.Bits{}
	}
	if b, ok := in.topics[gi]; ok {
		return b
	}
	if in.scopes == nil {
		in.scopes = buildScopes(in)
	}
	sc := in.scopes
	g := ch.group(in, gi)
	out := in.Index.NewBits()
	anyIn := func(from, to int32) bool {
		for k := from; k < to; k++ {
			if g.Has(int(k)) {
				return true
			}
		}
		return false
	}
	// Blocks holding the group, computed once per block.
	blockHas := map[int32]bool{}
	for i := range in.Sentences {
		if g.Has(i) {
			out.Set(i)
			continue
		}
		if l := in.Sentences[i].LeadIn; l >= 0 && g.Has(l) {
			out.Set(i)
			continue
		}
		bs := sc.blockStart[i]
		has, ok := blockHas[bs]
		if !ok {
			has = anyIn(bs, sc.blockEnd[i])
			blockHas[bs] = has
		}
		if has {
			out.Set(i)
			continue
		}
		for _, h := range sc.heads[i] {
			if h[0] >= 0 && anyIn(h[0], h[1]) {
				out.Set(i)
				break
			}
		}
	}
	in.topics[gi] = out
	return out
}
