package input

import (
	"math"
	"slices"
	"strings"
	"unicode/utf8"
)

// Tables in PDF input are rebuilt from word geometry: pdftotext reports
// every word's box, but its text blocks mix the cells of a table row, and a
// PDF has no table structure (ruled lines are not reported either). The
// detection below works on one page at a time:
//
//  1. Lines (as pdftotext grouped words into lines) are gathered into
//     visual rows: a line joins the row above when it overlaps it
//     vertically by at least half its height. A cell centred vertically
//     beside a two-line cell thereby joins both of its lines.
//  2. Each visual row is split into segments at horizontal gaps clearly
//     wider than a word space.
//  3. A table region starts at a row of two or more segments and grows
//     downwards while every column gutter (an x-range free of text in all
//     rows so far, at least gutterFactor line heights wide) stays free.
//     Body text runs across the gutters and ends the region.
//  4. Words are assigned to columns by the gutters; visual rows are grouped
//     into table rows: where the vertical gaps between rows fall into two
//     classes (line spacing inside a cell versus cell padding between
//     rows), at the larger gaps; otherwise at each row with text in the
//     first column. Lines inside a cell are joined.
//  5. A region is kept only if at least two table rows, and most of them,
//     have two or more filled cells, it is not a list with hanging labels (a first column of
//     list markers beside a single text column), not a page laid out in
//     prose columns (two or more columns of long lines of running text),
//     and not confined to the top or bottom margin (running headers and
//     footers).

// Parameters of table detection, in line heights (the page's median line
// height) unless stated otherwise.
const (
	// gutterFactor is the narrowest column gutter.
	gutterFactor = 0.3
	// spaceFactor: a gap splits a row into segments when it is wider than
	// this many median word spaces of the page.
	spaceFactor = 1.6
	// rowSpaceFactor: ... and wider than this many of the row's own word
	// spaces (justified lines stretch their spaces).
	rowSpaceFactor = 1.4
	// maxSpace is the widest word space.
	maxSpace = 0.4
	// rowOverlap is the vertical overlap, as a share of a line's height,
	// that puts it into the visual row above.
	rowOverlap = 0.5
	// maxRowGap is the largest vertical gap between visual rows of a table.
	maxRowGap = 2.0
	// breakDelta is the least difference between the in-cell line gap and
	// the gap between table rows, in line heights (at least 1 point).
	breakDelta = 0.1
	// marginShare is the share of the page height at the top and at the
	// bottom where running headers and footers stand.
	marginShare = 0.1
)

// box is a rectangle in PDF points, y growing downwards as in pdftotext's
// output.
type box struct{ x0, y0, x1, y1 float64 }

// valid reports whether a box has finite, ordered, page-sized coordinates.
func (b box) valid() bool {
	for _, v := range [...]float64{b.x0, b.y0, b.x1, b.y1} {
		if math.IsNaN(v) || math.Abs(v) > 1e5 {
			return false
		}
	}
	return b.x1 >= b.x0 && b.y1 > b.y0
}

// pdfWord is a word and its box.
type pdfWord struct {
	text string
	box
	conf float64 // recognition confidence 0–100; 0 for a text layer
}

// pdfLine is a line of a text block: its words in order and its box.
type pdfLine struct {
	text  string
	words []pdfWord
	box
}

// span is an x-range.
type span struct{ x0, x1 float64 }

// pdfTable is a table found on a page: rows of cells, each cell the text
// lines it holds, top to bottom.
type pdfTable struct {
	rows [][][]string
	// starts, for a list with hanging labels (not a table), holds the
	// line that starts each item.
	starts []int
}

// vrow is a visual row: lines side by side.
type vrow struct {
	lines  []int // indexes into the page's lines, top to bottom
	y0, y1 float64
	segs   []span
}

// tableGeometry holds a page's lines and the measures derived from them.
type tableGeometry struct {
	lines     []pdfLine
	h         float64 // median line height
	minGutter float64
	space     float64 // a word space (lower quartile, capped)
	rows      []vrow
}

// findTables detects tables among the lines of a page (pageHeight 0 if
// unknown). It returns the tables and, for each line, the index of the
// table it belongs to or -1; owner is nil when there is no table.
func findTables(lines []pdfLine, pageHeight float64) (tables []pdfTable, owner []int) {
	tables, owner, _ = findLayout(lines, pageHeight)
	return tables, owner
}

// findLayout is findTables that also returns the lines that start an item
// of a list with hanging labels, where a paragraph must begin.
func findLayout(lines []pdfLine, pageHeight float64) (tables []pdfTable, owner []int, starts map[int]bool) {
	g := newGeometry(lines)
	if g == nil {
		return nil, nil, nil
	}
	for i := 0; i < len(g.rows); {
		if len(g.rows[i].segs) < 2 {
			i++
			continue
		}
		end, gut := g.grow(i)
		t, used, verdict := g.build(g.rows[i:end], gut, pageHeight)
		switch verdict {
		case tableOK:
			if owner == nil {
				owner = make([]int, len(lines))
				for k := range owner {
					owner[k] = -1
				}
			}
			for _, l := range used {
				owner[l] = len(tables)
			}
			tables = append(tables, t)
			i = end
		case notTable:
			// The same columns go on: no table starts inside.
			for _, l := range t.starts {
				if starts == nil {
					starts = map[int]bool{}
				}
				starts[l] = true
			}
			i = end
		default:
			i++
		}
	}
	return tables, owner, starts
}

// newGeometry measures a page's lines and groups them into visual rows. It
// returns nil when no table is possible: too few lines, a box out of range,
// or no row with two segments.
func newGeometry(lines []pdfLine) *tableGeometry {
	if len(lines) < 2 {
		return nil
	}
	heights := make([]float64, 0, len(lines))
	var spaces []float64
	for _, l := range lines {
		if !l.box.valid() || len(l.words) == 0 {
			return nil
		}
		for k, w := range l.words {
			if !w.box.valid() {
				return nil
			}
			if k > 0 {
				if d := w.x0 - l.words[k-1].x1; d > 0 {
					spaces = append(spaces, d)
				}
			}
		}
		heights = append(heights, l.y1-l.y0)
	}
	// The lower quartile of the gaps inside lines is a word space even
	// where table cells in one line add wider gaps; a space is at most
	// maxSpace line heights, should all lines be rows of cells.
	g := &tableGeometry{lines: lines, h: median(heights)}
	g.space = min(quantile(spaces, 0.25), maxSpace*g.h)
	g.minGutter = gutterFactor * g.h
	order := make([]int, len(lines))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		la, lb := lines[a], lines[b]
		if la.y0 != lb.y0 {
			return cmpFloat(la.y0, lb.y0)
		}
		return cmpFloat(la.x0, lb.x0)
	})
	multi := false
	for _, i := range order {
		l := lines[i]
		n := len(g.rows)
		if n > 0 {
			r := &g.rows[n-1]
			if min(r.y1, l.y1)-max(r.y0, l.y0) >= rowOverlap*(l.y1-l.y0) {
				r.lines = append(r.lines, i)
				r.y1 = max(r.y1, l.y1)
				continue
			}
		}
		g.rows = append(g.rows, vrow{lines: []int{i}, y0: l.y0, y1: l.y1})
	}
	for k := range g.rows {
		g.rows[k].segs = g.segments(g.rows[k].lines)
		if len(g.rows[k].segs) > 1 {
			multi = true
		}
	}
	if !multi {
		return nil
	}
	return g
}

// segments splits the words of a visual row at gaps clearly wider than a
// word space.
func (g *tableGeometry) segments(lines []int) []span {
	var words []span
	var own []float64
	for _, i := range lines {
		l := g.lines[i]
		for k, w := range l.words {
			words = append(words, span{w.x0, w.x1})
			if k > 0 && len(l.words) >= 4 {
				if d := w.x0 - l.words[k-1].x1; d > 0 {
					own = append(own, d)
				}
			}
		}
	}
	split := max(g.minGutter, spaceFactor*g.space, rowSpaceFactor*median(own))
	return joinClose(words, split)
}

// joinClose sorts spans by their left edge and joins those less than gap
// apart, in place.
func joinClose(spans []span, gap float64) []span {
	slices.SortFunc(spans, func(a, b span) int { return cmpFloat(a.x0, b.x0) })
	out := spans[:0]
	for _, s := range spans {
		if n := len(out); n > 0 && s.x0-out[n-1].x1 < gap {
			out[n-1].x1 = max(out[n-1].x1, s.x1)
			continue
		}
		out = append(out, s)
	}
	return out
}

// grow extends a region from row start while the column gutters of its
// first row stay free and rows follow closely; it returns the end of the
// region (exclusive) and its gutters, the x-ranges free in all its rows.
// A gap that a later row opens and a still later row closes is no column:
// it was a wide space, as in a justified line of a cell ("Kaleido     AI
// GmbH" above "(remove.bg)"), and it must not end the table.
func (g *tableGeometry) grow(start int) (int, []span) {
	occ := mergeSpans(nil, g.rows[start].segs, g.minGutter)
	first := gutters(occ, g.minGutter)
	gut := first
	bottom := g.rows[start].y1
	end := start + 1
	for ; end < len(g.rows); end++ {
		r := g.rows[end]
		if r.y0-bottom > maxRowGap*g.h {
			break
		}
		next := mergeSpans(occ, r.segs, g.minGutter)
		ngut := gutters(next, g.minGutter)
		if !keepsGutters(first, ngut) {
			break
		}
		occ, gut = next, ngut
		bottom = max(bottom, r.y1)
	}
	return end, gut
}

// Verdicts on a candidate region.
const (
	tableOK  = iota
	notTable // a list, prose columns or furniture: skip the region
	tooSmall // too few rows: a table may start further down
)

// reCellLabel matches a cell that is only a list marker: "1.", "a)", "(2)",
// "iv.", "•", "§ 3", or a numbered annex: "Anlage 2", "Annex B" (a list of
// annexes beside their titles is a list, not a table of entries).
var reCellLabel = lazyRegexp(`^(?:[•·▪○●■□➢►✓–-]|\(?\d{1,3}(?:\.\d{1,3})*[.)]?|\(?[a-zA-Z]{1,2}[.)]|\(?[ivxIVX]{1,6}[.)]|§\s*\d{1,3}[a-z]?\.?|(?:Anlage|Anhang|Annex|Appendix|Schedule|Exhibit|Attachment)\s+[A-Z0-9]{1,3}[.:]?)$`)

// colStats describes the text of one column of a region.
type colStats struct {
	lines  int // lines of text (pieces of lines inside the column)
	chars  int
	labels int // lines that are only a list marker
	filled int // table rows with text in the column
	x0, x1 float64
	widths []float64
}

// build turns a region's visual rows into a table and judges it. It returns
// the table, the lines it uses and a verdict.
func (g *tableGeometry) build(rows []vrow, gut []span, pageHeight float64) (pdfTable, []int, int) {
	ncols := len(gut) + 1
	if ncols < 2 || len(rows) < 2 {
		return pdfTable{}, nil, tooSmall
	}
	colOf := func(w pdfWord) int {
		c := (w.x0 + w.x1) / 2
		k := 0
		for k < len(gut) && gut[k].x0 < c {
			k++
		}
		return k
	}
	// The columns each visual row fills.
	fills := make([][]bool, len(rows))
	for k, r := range rows {
		fills[k] = make([]bool, ncols)
		for _, i := range r.lines {
			for _, w := range g.lines[i].words {
				fills[k][colOf(w)] = true
			}
		}
	}
	// Group into table rows; rows at the end with a single filled cell are
	// text after the table: drop them and group again without them, as
	// their gap skews the statistics.
	var groups [][]int
	for range 3 {
		groups = g.group(rows, fills)
		k := len(groups)
		for k > 1 && count(unionFills(fills, groups[k-1])) < 2 {
			k--
		}
		if k == len(groups) {
			break
		}
		n := groups[k][0]
		rows, fills, groups = rows[:n], fills[:n], groups[:k]
	}
	groups = g.joinFragments(rows, fills, groups)
	if drop := g.justifiedGutters(rows, groups, colOf, ncols); len(drop) > 0 {
		keep := make([]span, 0, len(gut)-len(drop))
		for k, s := range gut {
			if !drop[k] {
				keep = append(keep, s)
			}
		}
		return g.build(rows, keep, pageHeight)
	}

	stats := make([]colStats, ncols)
	for c := range stats {
		stats[c].x0, stats[c].x1 = math.Inf(1), math.Inf(-1)
	}
	var t pdfTable
	var used []int
	full := 0
	for _, grp := range groups {
		cells := make([][]string, ncols)
		var lines []int
		for _, k := range grp {
			lines = append(lines, rows[k].lines...)
		}
		for _, i := range lines {
			parts := make([][]string, ncols)
			for _, w := range g.lines[i].words {
				c := colOf(w)
				parts[c] = append(parts[c], w.text)
				s := &stats[c]
				s.x0, s.x1 = min(s.x0, w.x0), max(s.x1, w.x1)
			}
			for c, p := range parts {
				if len(p) == 0 {
					continue
				}
				piece := strings.Join(p, " ")
				cells[c] = append(cells[c], piece)
				s := &stats[c]
				s.lines++
				s.chars += utf8.RuneCountInString(piece)
				if reCellLabel().MatchString(piece) {
					s.labels++
				}
				s.widths = append(s.widths, lineWidth(g.lines[i].words, c, colOf))
			}
		}
		n := 0
		for c, cell := range cells {
			if len(cell) > 0 {
				n++
				stats[c].filled++
			}
		}
		if n >= 2 {
			full++
		}
		t.rows = append(t.rows, cells)
		used = append(used, lines...)
	}
	// At least two rows, and most rows, fill two cells or more: a line
	// with a wide gap above lines of text is no table.
	if full < 2 || 2*full < len(t.rows) {
		return pdfTable{}, nil, tooSmall
	}
	// Running headers and footers.
	top, bot := rows[0].y0, rows[len(rows)-1].y1
	if pageHeight > 0 && (bot <= marginShare*pageHeight || top >= (1-marginShare)*pageHeight) {
		return pdfTable{}, nil, notTable
	}
	// A list with hanging labels: leading columns of markers only, beside
	// a single column of text. A column filled in one row only does not
	// count (two spaces in a line of text).
	text := 0
	for c, s := range stats {
		if c == text && s.lines > 0 && s.labels == s.lines || s.filled < 2 {
			continue
		}
		text++
	}
	if text < 2 {
		// Each item starts at its label: the leftmost line of its first
		// visual row.
		var list pdfTable
		if stats[0].lines > 0 && stats[0].labels == stats[0].lines {
			for _, grp := range groups {
				first := -1
				for _, i := range rows[grp[0]].lines {
					if first < 0 || g.lines[i].x0 < g.lines[first].x0 {
						first = i
					}
				}
				list.starts = append(list.starts, first)
			}
		}
		return list, nil, notTable
	}
	// Prose columns: a page set in columns of running text, whose lines
	// fill the column and hold a phrase or more each.
	prose := 0
	for _, s := range stats {
		if s.lines < 5 || s.chars < 25*s.lines {
			continue
		}
		long := 0
		for _, w := range s.widths {
			if w >= 0.6*(s.x1-s.x0) {
				long++
			}
		}
		if float64(long) >= 0.6*float64(s.lines) {
			prose++
		}
	}
	if prose >= 2 {
		return pdfTable{}, nil, notTable
	}
	return t, used, tableOK
}

// group gathers visual rows (with the columns each fills) into table rows,
// returned as lists of row indexes. Where the vertical gaps between visual
// rows fall into two classes (line spacing inside a cell, padding between
// table rows), a table row starts at each larger gap; otherwise at each
// visual row with text in the first column. A visual row overlapping the
// one above by more than a third of a line never starts a table row.
func (g *tableGeometry) group(rows []vrow, fills [][]bool) [][]int {
	cuts := make([]float64, len(rows))
	bottom := rows[0].y1
	gmin, gmax := math.Inf(1), math.Inf(-1)
	for k := 1; k < len(rows); k++ {
		cuts[k] = rows[k].y0 - bottom
		bottom = max(bottom, rows[k].y1)
		if cuts[k] >= -0.3*g.h {
			gmin, gmax = min(gmin, cuts[k]), max(gmax, cuts[k])
		}
	}
	delta := max(1, breakDelta*g.h)
	bimodal := gmax-gmin > delta
	var groups [][]int
	for k := range rows {
		brk := k == 0
		if k > 0 && cuts[k] >= -0.3*g.h {
			if bimodal {
				brk = cuts[k] > gmin+delta
			} else {
				brk = fills[k][0]
			}
		}
		if brk {
			groups = append(groups, nil)
		}
		groups[len(groups)-1] = append(groups[len(groups)-1], k)
	}
	return groups
}

// joinFragments joins a table row that fills one cell only to the row
// above when it stands closer to that row than to the next: the last line
// of a wrapped cell ("Holte-Stukenbrock, DE" under "Falkenstr. 31, 33758
// Schloß") set off by paragraph spacing inside the cell.
func (g *tableGeometry) joinFragments(rows []vrow, fills [][]bool, groups [][]int) [][]int {
	bottom := func(grp []int) float64 {
		b := math.Inf(-1)
		for _, k := range grp {
			b = max(b, rows[k].y1)
		}
		return b
	}
	out := groups[:0:0]
	for k, grp := range groups {
		if k > 0 && k < len(groups)-1 && len(out) > 0 && count(unionFills(fills, grp)) == 1 {
			above := rows[grp[0]].y0 - bottom(out[len(out)-1])
			below := rows[groups[k+1][0]].y0 - bottom(grp)
			if above < below {
				out[len(out)-1] = append(out[len(out)-1], grp...)
				continue
			}
		}
		out = append(out, grp)
	}
	return out
}

// justifiedGutters returns the gutters (by index) that lie inside a cell
// of justified text: a header row (the first table row, two cells or
// more) defines the columns, and a column it leaves empty holds only the
// ends of lines stretched to the full width of the header column on its
// left ("Kaleido     AI     GmbH" above "(remove.bg)"). Each such line
// starts at that column's left edge, ends at the right edge of the last
// column it reaches, spreads its wide gaps evenly, and is followed by a
// line of the same cell whose first word would not have fitted into the
// stretch: the reason the line was justified. A column that is empty in
// the header but holds a value of its own (a mark, an amount) fails the
// last test, as its gap is far wider than the next line's first word.
func (g *tableGeometry) justifiedGutters(rows []vrow, groups [][]int, colOf func(pdfWord) int, ncols int) map[int]bool {
	if len(groups) < 2 {
		return nil
	}
	// The text lines of each table row: words grouped by their vertical
	// centre, top to bottom, each line left to right.
	tl := make([][][]colWord, len(groups))
	left, right := make([]float64, ncols), make([]float64, ncols)
	for c := range left {
		left[c], right[c] = math.Inf(1), math.Inf(-1)
	}
	for k, grp := range groups {
		var ws []colWord
		for _, r := range grp {
			for _, i := range rows[r].lines {
				for _, w := range g.lines[i].words {
					c := colOf(w)
					ws = append(ws, colWord{w, c})
					left[c], right[c] = min(left[c], w.x0), max(right[c], w.x1)
				}
			}
		}
		slices.SortStableFunc(ws, func(a, b colWord) int { return cmpFloat(a.y0+a.y1, b.y0+b.y1) })
		for _, w := range ws {
			n := len(tl[k])
			if n > 0 {
				last := tl[k][n-1][0]
				if math.Abs((w.y0+w.y1)-(last.y0+last.y1)) < 0.5*g.h {
					tl[k][n-1] = append(tl[k][n-1], w)
					continue
				}
			}
			tl[k] = append(tl[k], []colWord{w})
		}
		for _, l := range tl[k] {
			slices.SortFunc(l, func(a, b colWord) int { return cmpFloat(a.x0, b.x0) })
		}
	}
	header := make([]bool, ncols)
	for _, l := range tl[0] {
		for _, w := range l {
			header[w.col] = true
		}
	}
	if count(header) < 2 {
		return nil
	}
	tol := max(1, 0.15*g.h)
	drop := map[int]bool{}
	for a := 0; a < ncols; a++ {
		if !header[a] {
			continue
		}
		b := a
		for b+1 < ncols && !header[b+1] {
			b++
		}
		edge := slices.Max(right[a : b+1])
		if b > a && g.justifiedRun(tl[1:], a, b, left[a], edge, tol) {
			for c := a; c < b; c++ {
				drop[c] = true // the gutter right of column c
			}
		}
		a = b
	}
	return drop
}

// colWord is a word and the column it falls in.
type colWord struct {
	pdfWord
	col int
}

// justifiedRun reports whether columns a+1..b, empty in the header, hold
// only the ends of justified lines of column a's cell, which spans x0 to
// x1: see justifiedGutters. rows holds the text lines of each body row.
func (g *tableGeometry) justifiedRun(rows [][][]colWord, a, b int, x0, x1, tol float64) bool {
	found := false
	for _, lines := range rows {
		run := func(j int) []colWord {
			var out []colWord
			for _, w := range lines[j] {
				if w.col >= a && w.col <= b {
					out = append(out, w)
				}
			}
			return out
		}
		for j := range lines {
			ws := run(j)
			if len(ws) == 0 || ws[len(ws)-1].col == a {
				continue
			}
			found = true
			// Spread from the cell's left edge to its right edge.
			if ws[0].col != a || math.Abs(ws[0].x0-x0) > tol || math.Abs(ws[len(ws)-1].x1-x1) > tol {
				return false
			}
			// Evenly.
			lo, hi, natural := math.Inf(1), math.Inf(-1), 0.0
			for k, w := range ws {
				natural += w.x1 - w.x0
				if k > 0 {
					d := w.x0 - ws[k-1].x1
					lo, hi = min(lo, d), max(hi, d)
				}
			}
			if hi-lo > tol {
				return false
			}
			// Because the next line's first word did not fit.
			if j+1 >= len(lines) {
				return false
			}
			next := run(j + 1)
			if len(next) == 0 {
				return false
			}
			natural += float64(len(ws)-1) * g.space
			if next[0].x1-next[0].x0+g.space <= x1-x0-natural {
				return false
			}
		}
	}
	return found
}

// unionFills returns the columns filled by any of the visual rows.
func unionFills(fills [][]bool, rows []int) []bool {
	u := make([]bool, len(fills[rows[0]]))
	for _, k := range rows {
		for c, f := range fills[k] {
			u[c] = u[c] || f
		}
	}
	return u
}

// count returns how many of v are true.
func count(v []bool) int {
	n := 0
	for _, b := range v {
		if b {
			n++
		}
	}
	return n
}

// lineWidth returns the width of the words of a line that fall in column c.
func lineWidth(words []pdfWord, c int, colOf func(pdfWord) int) float64 {
	x0, x1 := math.Inf(1), math.Inf(-1)
	for _, w := range words {
		if colOf(w) == c {
			x0, x1 = min(x0, w.x0), max(x1, w.x1)
		}
	}
	if x1 < x0 {
		return 0
	}
	return x1 - x0
}

// mergeSpans merges spans into the sorted, disjoint list occ (not modified);
// spans closer than gap are joined.
func mergeSpans(occ, add []span, gap float64) []span {
	all := make([]span, 0, len(occ)+len(add))
	all = append(all, occ...)
	all = append(all, add...)
	return joinClose(all, gap)
}

// gutters returns the gaps between the sorted, disjoint spans occ that are
// at least min wide.
func gutters(occ []span, min float64) []span {
	var out []span
	for k := 1; k < len(occ); k++ {
		if occ[k].x0-occ[k-1].x1 >= min {
			out = append(out, span{occ[k-1].x1, occ[k].x0})
		}
	}
	return out
}

// keepsGutters reports whether every gutter of old still has a gutter of
// next inside it.
func keepsGutters(old, next []span) bool {
	for _, o := range old {
		found := false
		for _, n := range next {
			if n.x0 >= o.x0-0.01 && n.x1 <= o.x1+0.01 {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// median returns the median of v (0 for none); v is reordered.
func median(v []float64) float64 { return quantile(v, 0.5) }

// quantile returns the q-quantile of v (0 for none); v is reordered.
func quantile(v []float64, q float64) float64 {
	if len(v) == 0 {
		return 0
	}
	slices.Sort(v)
	return v[int(q*float64(len(v)-1))]
}

func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
