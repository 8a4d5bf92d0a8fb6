package check

import (
	"github.com/art28/art28/internal/document"
	"github.com/art28/art28/internal/match"
)

// Scope: a rule's topic groups may be found outside the sentence it cites,
// in the text that sets the sentence's subject: its lead-in, the other
// sentences of its paragraph, and the headings of its section and of the
// section around that. "§ 6 Unterauftragsverarbeiter … (3) Der Kunde kann
// einer Änderung widersprechen" states the objection right for
// sub-processors although the sentence itself does not name them.

// scopes holds where the topic of each sentence may come from. The
// sentences of one block share their block and their headings: they are
// kept once per block, not per sentence.
type scopes struct {
	// runs are the document's blocks as runs of consecutive sentences,
	// in order; together they cover every sentence.
	runs []scopeRun
}

// scopeRun is the sentences of one block (paragraph, list item, cell)
// and the headings over them.
type scopeRun struct {
	// from and to delimit the block's sentences.
	from, to int32
	// heads are the heading blocks over the sentences: the nearest one
	// and the one it is nested in ({-1, -1} when absent, and for the
	// sentences of a heading), as sentence ranges.
	heads [2][2]int32
	// opening is the first block under the nearest heading, which states
	// the section's subject for the paragraphs after it ("(1) Der
	// Auftragnehmer darf Unterauftragnehmer einsetzen. … (3) Er erlegt
	// ihnen dieselben Pflichten auf"); {-1, -1} when absent.
	opening [2]int32
	// rowHead is, for a table cell after the first of its row, the
	// sentences of the row's first cell: the label of the row ("| Data
	// subjects | Study participants; … |") sets the topic of the cells
	// after it. {-1, -1} elsewhere.
	rowHead [2]int32
}

// buildScopes computes the scopes of a prepared input.
func buildScopes(in *Input) *scopes {
	n := len(in.Sentences)
	// A block's sentences are consecutive: at most one run per block.
	sc := &scopes{runs: make([]scopeRun, 0, min(n, len(in.Doc.Blocks)))}
	// Heading stack by level: each heading replaces those at its level
	// and below.
	type head struct {
		level    int
		from, to int32
		opening  [2]int32
	}
	var stack []head
	rowHead, rowBlock := [2]int32{-1, -1}, -1 // the first cell of the current row
	for i := 0; i < n; {
		j := i
		for j < n && in.Sentences[j].Block == in.Sentences[i].Block {
			j++
		}
		r := scopeRun{from: int32(i), to: int32(j), heads: [2][2]int32{{-1, -1}, {-1, -1}}, opening: [2]int32{-1, -1}, rowHead: [2]int32{-1, -1}}
		if bi := in.Sentences[i].Block; bi >= 0 && bi < len(in.Doc.Blocks) && in.Doc.Blocks[bi].Kind == document.TableCell {
			b := in.Doc.Blocks[bi]
			if b.Cell == 0 {
				rowHead, rowBlock = [2]int32{r.from, r.to}, bi
			} else if p := bi - 1; b.Cell == 1 && p >= 0 && in.Doc.Blocks[p].Kind == document.TableCell && in.Doc.Blocks[p].Cell == 0 &&
				in.Doc.Blocks[p].Row == b.Row && rowNumber(in.Doc.Text[in.Doc.Blocks[p].Start:in.Doc.Blocks[p].End]) {
				// A numbered row ("13 | Notify the Retailer of any
				// personal data breach | Fulcrum | Without undue delay"):
				// the number is no label, the cell after it is, and both
				// set the topic of the cells after them.
				if rowBlock == p {
					r.rowHead = rowHead
					rowHead[1] = r.to
				} else {
					rowHead, rowBlock = [2]int32{r.from, r.to}, p
				}
			} else if rowBlock >= 0 && in.Doc.Blocks[rowBlock].Row == b.Row && rowBlock < bi && bi-rowBlock <= b.Cell {
				r.rowHead = rowHead
			}
		}
		if s := in.Sentences[i]; s.Heading {
			lvl := in.Doc.Blocks[s.Block].Level
			for len(stack) > 0 && stack[len(stack)-1].level >= lvl {
				stack = stack[:len(stack)-1]
			}
			stack = append(stack, head{level: lvl, from: r.from, to: r.to, opening: [2]int32{-1, -1}})
		} else {
			if len(stack) > 0 {
				top := &stack[len(stack)-1]
				if top.opening[0] < 0 {
					top.opening = [2]int32{r.from, r.to}
				} else {
					r.opening = top.opening
				}
			}
			for k := 0; k < 2 && k < len(stack); k++ {
				e := stack[len(stack)-1-k]
				r.heads[k] = [2]int32{e.from, e.to}
			}
		}
		sc.runs = append(sc.runs, r)
		i = j
	}
	return sc
}

// rowNumber reports whether a table cell holds only a row number ("13",
// "4.2", "(7)", "iv."), which labels nothing.
func rowNumber(cell string) bool {
	n := 0
	for _, c := range cell {
		switch {
		case c >= '0' && c <= '9':
			n++
		case c == '.' || c == '(' || c == ')' || c == ' ' || c == '\t' || c == '|':
		case c == 'i' || c == 'v' || c == 'x':
			n++
		default:
			return false
		}
	}
	return n > 0 && n <= 6
}

// topicBits returns the sentences whose scope holds a term of group gi;
// with opening, the scope takes in the opening paragraph of the section.
func (ch *Checker) topicBits(in *Input, gi int, opening bool) match.Bits {
	if in.topics == nil {
		in.topics = map[int]match.Bits{}
	}
	key := gi * 2
	if opening {
		key++
	}
	if b, ok := in.topics[key]; ok {
		return b
	}
	if in.scopes == nil {
		in.scopes = buildScopes(in)
	}
	sc := in.scopes
	g := ch.group(in, gi)
	out := in.Index.NewBits()
	if g.Empty() {
		// No sentence, lead-in, block or heading holds the group.
		in.topics[key] = out
		return out
	}
	anyIn := func(from, to int32) bool {
		for k := from; k < to; k++ {
			if g.Has(int(k)) {
				return true
			}
		}
		return false
	}
	for _, r := range sc.runs {
		// Whether the block, or a heading over it, holds the group: found
		// on first need, once per block.
		const unknown, no, yes = 0, 1, 2
		blockHas, headHas := unknown, unknown
		for i := int(r.from); i < int(r.to); i++ {
			if g.Has(i) {
				out.Set(i)
				continue
			}
			if l := in.Sentences[i].LeadIn; l >= 0 && g.Has(l) {
				out.Set(i)
				continue
			}
			if blockHas == unknown {
				blockHas = no
				if anyIn(r.from, r.to) {
					blockHas = yes
				}
			}
			if blockHas == yes {
				out.Set(i)
				continue
			}
			if headHas == unknown {
				headHas = no
				for _, h := range r.heads {
					if h[0] >= 0 && anyIn(h[0], h[1]) {
						headHas = yes
						break
					}
				}
				if headHas == no && opening && r.opening[0] >= 0 && anyIn(r.opening[0], r.opening[1]) {
					headHas = yes
				}
				if h := r.rowHead; headHas == no && h[0] >= 0 && anyIn(h[0], h[1]) {
					headHas = yes
				}
			}
			if headHas == yes {
				out.Set(i)
			}
		}
	}
	in.topics[key] = out
	return out
}
