package extract

import (
	"sort"
	"strings"
)

// spaceCells splits a line at runs of three or more spaces, as a PDF
// reader writes a table's columns ("IONOS SE        Montabaur     Hosting"),
// and returns the cells' spans (offsets into text), one for a line
// without such a run. Lines with tabs or pipes are read elsewhere.
func spaceCells(text string, ln line) []span {
	if strings.ContainsAny(ln.text, "\t|") {
		return nil
	}
	var out []span
	t := ln.text
	for i := 0; i < len(t); {
		j := strings.Index(t[i:], "   ")
		end := len(t)
		if j >= 0 {
			end = i + j
		}
		if a, e := i, end; e > a {
			out = append(out, span{ln.start + a, ln.start + e})
		}
		if j < 0 {
			break
		}
		i = end
		for i < len(t) && t[i] == ' ' {
			i++
		}
	}
	return out
}

// column returns the column of offset off within its physical line.
func (x *extractor) column(off int) int {
	return off - (strings.LastIndexByte(x.text[:off], '\n') + 1)
}

// spaceTables finds runs of lines whose cells are set apart by runs of
// spaces, the form a PDF reader gives a table: two or more such lines,
// blank lines between them allowed. A line that starts further right
// than the first column, or whose first cell is a legal form alone
// ("Limited" under "Microsoft Ireland Operations"), continues the row
// above: each of its cells is added to the cell of the row above whose
// column is nearest. Cells stand in the columns of the first row by their
// position, so that a row with an empty cell keeps its columns. The lines
// read here are left out of the list reader (x.spaceLines).
func (x *extractor) spaceTables() []table {
	var ts []table
	var cur *table
	var cols []int // the columns of the first row
	flush := func() {
		if cur != nil && len(cur.rows) >= 2 {
			ts = append(ts, *cur)
		}
		cur = nil
	}
	var pending []int // line starts of the table being read
	bi := 0
	footer := -10 // the index of the last page line inside a table
	for li, ln := range x.lines {
		if cur == nil && !hasSpaceRun(ln.text) {
			// (Most lines: no table starts here.)
			continue
		}
		if len(ln.text) < 160 && pageFooter(strings.Join(strings.Fields(ln.text), " ")) {
			// "Auftragsverarbeitungsvertrag – Stand 01/2027      Seite 6
			// von 8": a page's running line is no row.
			footer = li
			continue
		}
		if cur != nil && ruleLine(ln.text) {
			// "_______" over the page footer: the rule is no row either.
			footer = li
			continue
		}
		cells := spaceCells(x.text, ln)
		if len(cells) > 0 && bulletCell(x.text[cells[0].start:cells[0].end]) {
			// "   •   Hostkraft Mosel GmbH, Trier: Hosting": a bullet set
			// apart by spaces opens a list item, no row.
			cells = nil
		}
		if cur != nil && len(cells) >= 2 && len(cells) <= 3 && x.pageRefCell(x.text[cells[len(cells)-1].start:cells[len(cells)-1].end]) {
			// "Vertrag über Auftragsverarbeitung – Version 2.0      4/6".
			footer = li
			continue
		}
		if cur != nil && li-footer <= 3 && len(cells) >= 1 && len(cells) < len(cols) && !x.hasLegalForm(ln.text) {
			// "Vertrag zur Auftragsverarbeitung          Anlage 3" after
			// the page line: the next page's running header.
			continue
		}
		indented := cur != nil && x.column(ln.start) >= 3 && x.column(ln.start) > cols[0]+2
		addrWrap := x.addressWrapLine(cur, cols, cells)
		if len(cells) < 2 && !(indented && len(cells) == 1 && len(ln.text) < 60) && !addrWrap && !x.wrappedNameLine(cur, cols, cells) || x.inTableBlock(ln.start) {
			if cur != nil && len(cur.rows) >= 2 {
				x.markSpaceLines(pending)
			}
			flush()
			pending = nil
			continue
		}
		if cur == nil {
			for bi+1 < len(x.doc.Blocks) && x.doc.Blocks[bi+1].Start <= ln.start {
				bi++
			}
			cur = &table{block: bi, start: ln.start, spaced: true}
			cols = cols[:0]
			for _, c := range cells {
				cols = append(cols, x.column(c.start))
			}
			cur.rows = append(cur.rows, cells)
			cur.end, footer = ln.end, -10
			pending = append(pending[:0], ln.start)
			continue
		}
		first := strings.TrimSpace(x.text[cells[0].start:cells[0].end])
		if a, e := x.k.legalForm(first); indented || len(cells) == 1 || addrWrap || a == 0 && e > 0 && strings.TrimSpace(first[e:]) == "" && len(cur.rows) > 1 ||
			len(cur.rows) > 1 && openCell(x.lastOfCell(cur, len(cur.rows)-1, 0)) {
			// (Or the first cell above ends in a joining word:
			// "Scanservice Lahn GmbH &" over "Co. KG".)
			// A wrapped cell: add each cell to the nearest column above.
			r := len(cur.rows) - 1
			prev := cur.rows[r]
			for _, c := range cells {
				k := nearestCol(cols, x.column(c.start))
				if k >= len(prev) {
					continue
				}
				if prev[k].end > prev[k].start {
					cur.addWrap(r, k, c)
				} else {
					prev[k] = c
				}
			}
			cur.end, footer = ln.end, -10
			pending = append(pending, ln.start)
			continue
		}
		row := make([]span, len(cols))
		for i := range row {
			row[i] = span{ln.start, ln.start}
		}
		for i, c := range cells {
			k := i
			if len(cells) != len(cols) {
				k = nearestCol(cols, x.column(c.start))
			}
			if k >= len(row) {
				k = len(row) - 1
			}
			if row[k].end > row[k].start {
				cur.addWrap(len(cur.rows), k, c)
			} else {
				row[k] = c
			}
		}
		cur.rows = append(cur.rows, row)
		cur.end, footer = ln.end, -10
		pending = append(pending, ln.start)
	}
	if cur != nil && len(cur.rows) >= 2 {
		x.markSpaceLines(pending)
	}
	flush()
	sort.SliceStable(ts, func(i, j int) bool { return ts[i].start < ts[j].start })
	return ts
}

// wrappedNameLine reports whether a line of one cell in the first column
// ends the name that the first cell of the row above began: that cell
// ends in a hyphen or a joining word ("Datenverarbeitungszentrum
// Mecklenburg-" over "Vorpommern GmbH"), or it has no legal form and the
// line ends in one ("Association of Independent Pharmacy Data" over
// "Services Limited").
func (x *extractor) wrappedNameLine(cur *table, cols []int, cells []span) bool {
	if cur == nil || len(cur.rows) < 2 || len(cells) != 1 || len(cols) < 2 {
		return false
	}
	c := cells[0]
	if c.end-c.start > 60 || x.column(c.start) > cols[0]+2 {
		return false
	}
	above := x.lastOfCell(cur, len(cur.rows)-1, 0)
	if openCell(above) {
		return true
	}
	t := strings.TrimSpace(x.text[c.start:c.end])
	_, e := x.k.legalForm(t)
	return e > 0 && strings.TrimRight(t[e:], " .") == "" && !x.hasLegalForm(above)
}

// lastOfCell returns the text of the last line of cell (row, col): its
// last wrapped line, or the cell.
func (x *extractor) lastOfCell(t *table, row, col int) string {
	if w := t.wrapped[[2]int{row, col}]; len(w) > 0 {
		return x.text[w[len(w)-1].start:w[len(w)-1].end]
	}
	c := t.rows[row][col]
	return x.text[c.start:c.end]
}

// nearestCol returns the index of the column start nearest to col.
func nearestCol(cols []int, col int) int {
	best, bd := 0, -1
	for i, c := range cols {
		d := c - col
		if d < 0 {
			d = -d
		}
		if bd < 0 || d < bd {
			best, bd = i, d
		}
	}
	return best
}

// addWrap records span c as a continuation of cell (row, col).
func (t *table) addWrap(row, col int, c span) {
	if t.wrapped == nil {
		t.wrapped = map[[2]int][]span{}
	}
	k := [2]int{row, col}
	t.wrapped[k] = append(t.wrapped[k], c)
}

// markSpaceLines records the line starts of a spaced table.
func (x *extractor) markSpaceLines(starts []int) {
	if x.spaceLines == nil {
		x.spaceLines = map[int]bool{}
	}
	for _, s := range starts {
		x.spaceLines[s] = true
	}
}

// hasSpaceRun reports whether s holds three spaces in a row. Eight bytes
// are tested at once (their spaces marked in the high bits, then three
// marks in a row sought), stepping by six so that every run of three
// starts within the first six bytes of some word; a search for "   "
// would stop at every space.
func hasSpaceRun(s string) bool {
	if len(s) < 8 {
		return strings.Contains(s, "   ")
	}
	const ones, high uint64 = 0x0101010101010101, 0x8080808080808080
	for i := 0; ; i += 6 {
		// The last word ends the text (overlapping the one before).
		i = min(i, len(s)-8)
		b := s[i : i+8]
		w := uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
			uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
		x := w ^ ' '*ones
		// The high bit of each byte of x that is zero (exact: no
		// borrow from one byte into the next).
		z := ^((x&^high + ^high) | x) & high
		if z&(z>>8)&(z>>16) != 0 {
			return true
		}
		if i == len(s)-8 {
			return false
		}
	}
}

// openCell reports whether a cell ends in a word that joins it to the
// next line ("Scanservice Lahn GmbH &", "Schmidt und", "Müller-"): a
// name wrapped inside its cell.
func openCell(c string) bool {
	c = strings.TrimSpace(c)
	return strings.HasSuffix(c, " &") || strings.HasSuffix(c, " und") || strings.HasSuffix(c, " and") || strings.HasSuffix(c, "-") && !strings.HasSuffix(c, " -")
}

// ruleLine reports whether a line is a rule drawn with underscores,
// dashes or box lines ("_____________", "-----------").
func ruleLine(t string) bool {
	t = strings.TrimSpace(t)
	if len(t) < 5 {
		return false
	}
	for _, r := range t {
		if r != '_' && r != '-' && r != '=' && r != '─' && r != '━' {
			return false
		}
	}
	return true
}

// bulletCell reports whether a cell is a bullet alone ("•", "-", "▪").
func bulletCell(c string) bool {
	switch strings.TrimSpace(c) {
	case "•", "·", "-", "–", "*", "▪", "◦", "■", "o", "‣":
		return true
	}
	return false
}

// pageRefCell reports whether a line's last cell is a page's number
// ("4/6", "Seite 5", "Page 3 of 9", "- 4 -"), not a bare number (a
// table's number column).
func (x *extractor) pageRefCell(c string) bool {
	c = strings.TrimSpace(c)
	return c != "" && !isDigits(c, 3) && rePageLine().MatchString(c)
}
