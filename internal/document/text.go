package document

import (
	_ "embed"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/art28/art28/internal/lexicon"
	"github.com/art28/art28/internal/prefilter"
)

// Clause labels at the start of a line. Order matters: the first match wins.
var (
	reMDHeading  = prefilter.MustCompile(`^(#{1,6})\s+`)
	reBullet     = prefilter.MustCompile(`^([-*•–·▪○●■□➢►✓]|\d+\))\s+`)
	reParagraph  = prefilter.MustCompile(`^§\s*\d+[a-z]?\.?(?:\s|$)`)
	reNamedLabel = prefilter.MustCompile(`^(?i:art\.|artikel|article|section|sec\.|clause|ziffer|ziff\.|abschnitt|punkt)\s*\d+(?:\.\d+)*\.?(?:\s|$|:)`)
	reNumbered   = prefilter.MustCompile(`^(?:\d{1,3}(?:\.\d{1,3})+\.?|\d{1,3}\.)(?:\s|$)`)
	reParen      = prefilter.MustCompile(`^(?:\(\d{1,3}[a-z]?\)|\([a-z]{1,2}\)|\([A-Z]\)|\((?:i|ii|iii|iv|v|vi|vii|viii|ix|x|xi|xii)\)|\([IVX]{2,4}\)|[a-z]{1,2}\)|[a-z]\.|lit\.\s*[a-z]\)?|(?:I|II|III|IV|V|VI|VII|VIII|IX|X|XI|XII|XIII|XIV|XV)\.)(?:\s|$)`)
	reAnnex      = prefilter.MustCompile(`^(?i:anlage|anhang|annex|appendix|schedule|exhibit|attachment)\b\s*(?:\d+|[A-Z]\b|[IVX]+\b)?`)
	reMDTableSep = prefilter.MustCompile(`^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?$`)
)

// line is one line of the normalised text.
type line struct {
	start, end int // without the newline
	text       string
}

// LineEnd returns the end of the line of text that holds offset at:
// the offset of the next newline at or after at, or len(text).
func LineEnd(text string, at int) int {
	i := strings.IndexByte(text[at:], '\n')
	if i < 0 {
		return len(text)
	}
	return at + i
}

// LineAt returns the bounds of the line of text that holds offset at:
// from the byte after the newline before at to LineEnd (the newline
// itself is not part of the line).
func LineAt(text string, at int) (start, end int) {
	return strings.LastIndexByte(text[:at], '\n') + 1, LineEnd(text, at)
}

// splitLines returns the lines of s with their offsets.
func splitLines(s string) []line {
	var ls []line
	start := 0
	for start <= len(s) {
		i := strings.IndexByte(s[start:], '\n')
		end := len(s)
		if i >= 0 {
			end = start + i
		}
		ls = append(ls, line{start: start, end: end, text: s[start:end]})
		if i < 0 {
			break
		}
		start = end + 1
	}
	return ls
}

// ParseText reads plain text or Markdown (format "text" or "markdown") into
// a Document. It never fails: any text yields blocks. Markdown loses its
// inline markup (plainInline), so the document's text is what a reader
// sees.
func ParseText(path, format, text string) *Document {
	if format == "markdown" {
		text = plainInline(text)
	}
	d := &Document{Path: path, Format: format, Text: text}
	p := &builder{doc: d}
	lines := splitLines(text)
	p.lines = lines
	d.Blocks = make([]Block, 0, len(lines)/2+8) // about one block per two lines
	for i := 0; i < len(lines); i++ {
		ln := lines[i]
		trimmed := strings.TrimSpace(ln.text)
		if trimmed == "" {
			// A word processor writes each tab-aligned row as a paragraph
			// of its own: blank lines between rows do not end the table.
			if !(p.inTable && p.tabTable && tabRowAt(lines, i+1, p.tabCells)) {
				p.blank()
			}
			continue
		}
		lead := len(ln.text) - len(strings.TrimLeft(ln.text, " \t"))
		start := ln.start + lead
		end := ln.start + len(strings.TrimRight(ln.text, " \t"))
		body := text[start:end]

		// Markdown table rows and tab-separated rows.
		if isMDTableLine(body) || isTabRow(body) && tabTableAt(lines, i) || pipeTableAt(lines, i) {
			if reMDTableSep.MatchString(body) {
				continue
			}
			p.tableRow(start, end)
			continue
		}
		if m := mdHeading(body); m != nil {
			p.heading(start+len(m[0]), end, len(m[1]))
			continue
		}
		if m := bullet(body); m != nil {
			p.item(start, end, body[:m[1]], lead)
			continue
		}
		p.idx = i
		p.paragraphLine(start, end, body, lead)
	}
	p.flush()
	return d
}

// isMDTableLine reports whether a line is a Markdown table row.
func isMDTableLine(s string) bool {
	return strings.HasPrefix(s, "|") && strings.Count(s, "|") >= 2
}

// tabCells returns the number of tab-separated cells of a trimmed line.
func tabCells(s string) int {
	s = strings.Trim(s, " \t")
	if !strings.Contains(s, "\t") {
		return 0
	}
	return strings.Count(s, "\t") + 1
}

// isTabRow reports whether a line may be a row of tab-separated cells: it
// has an inner tab, and it is not a clause label or bullet set off by a
// tab ("1.\tDer Auftragnehmer …", "§ 3\tGegenstand").
func isTabRow(s string) bool {
	n := tabCells(s)
	if n < 2 {
		return false
	}
	first := strings.TrimSpace(s[:strings.IndexByte(s, '\t')])
	if n == 2 && (labelAt(first+" ") == len(first)+1 || bullet(first+" ") != nil) {
		return false
	}
	return true
}

// tabTableAt reports whether the tab row at line i belongs to a table: it
// has three or more cells, or the nearest non-empty line before or after
// it is a tab row too. A single "Name:\tValue" line stays prose.
func tabTableAt(lines []line, i int) bool {
	body := strings.TrimSpace(lines[i].text)
	n := tabCells(body)
	if n >= 3 {
		return true
	}
	for _, step := range []int{-1, 1} {
		for j := i + step; j >= 0 && j < len(lines); j += step {
			t := strings.TrimSpace(lines[j].text)
			if t == "" {
				continue
			}
			if isTabRow(t) {
				return true
			}
			break
		}
	}
	return false
}

// pipeCells returns the number of cells of a line whose cells are joined
// by " | " without outer pipes, or 0.
func pipeCells(s string) int {
	if strings.IndexByte(s, '|') < 0 {
		return 0
	}
	s = strings.TrimSpace(s)
	if strings.HasPrefix(s, "|") || strings.Contains(s, "\t") || !strings.Contains(s, " | ") {
		return 0
	}
	return strings.Count(s, " | ") + 1
}

// pipeTableAt reports whether line i is a row of a table exported to text
// with " | " between cells and no outer pipes: the line before or after it
// has the same number of cells.
func pipeTableAt(lines []line, i int) bool {
	n := pipeCells(lines[i].text)
	if n < 2 {
		return false
	}
	return i > 0 && pipeCells(lines[i-1].text) == n || i+1 < len(lines) && pipeCells(lines[i+1].text) == n
}

// tabRowAt reports whether the next non-empty line from i is a tab row
// with n cells (or both have three or more, or it has two and n is three
// or more: a row whose empty cells a word processor's export left out,
// "Wolkenpost<tab>Deutschland" under "Anbieter<tab>Zweck<tab>Land").
func tabRowAt(lines []line, i, n int) bool {
	for ; i < len(lines); i++ {
		t := strings.TrimSpace(lines[i].text)
		if t == "" {
			continue
		}
		m := tabCells(t)
		return isTabRow(t) && (m == n || m >= 2 && n >= 3)
	}
	return false
}

// builder accumulates blocks and tracks the enclosing section and annex.
type builder struct {
	doc     *Document
	section string
	annex   string
	// open is the paragraph or list item being extended line by line.
	open *Block
	// lastLine is where the open block's last line starts: after its
	// last newline.
	lastLine int
	sawGap   bool // a blank line since the open block's last line
	tableNo  int
	row      int
	inTable  bool
	// tabTable marks a table of tab-separated rows; tabCells is the cell
	// count of its last row.
	tabTable bool
	tabCells int
	// numStyle and numNext follow a numbered list opened by a lead-in
	// ("folgende Unterauftragnehmer:" then "1. …", "2. …"): the label's
	// style ("1.", "1)", "(1)") and the number the next item must carry.
	numStyle string
	numNext  int
	// lines and idx are the document's lines and the index of the line
	// being read, for headings that need a look at the lines after them.
	lines []line
	idx   int
	// nums holds the number of the last section heading of each
	// numbering style ('R' Roman "IV.", '.' "4.", ' ' "4", '§'), outer
	// styles (seen first) before inner ones.
	nums []headNum
	// listedAnnex and listedNum are the start and number of the last
	// entry of a list of the contract's annexes (annexListEntry).
	listedAnnex, listedNum int
}

// headNum is the number of the last section heading of one style.
type headNum struct {
	style byte
	n     int
}

func (p *builder) blank() {
	p.sawGap = true
	p.inTable = false
}

func (p *builder) flush() {
	if p.open != nil {
		p.doc.Blocks = append(p.doc.Blocks, *p.open)
		p.open = nil
	}
}

func (p *builder) add(b Block) {
	b.Section = p.section
	b.Annex = p.annex
	if b.Kind != TableRow && b.Kind != TableCell {
		b.Row, b.Cell = -1, -1
	}
	p.doc.Blocks = append(p.doc.Blocks, b)
}

// heading records a heading and makes it the current section.
func (p *builder) heading(start, end, level int) {
	p.flush()
	text := p.doc.Text[start:end]
	label := ""
	if loc := labelAt(text); loc > 0 {
		label = strings.TrimSpace(text[:loc])
	}
	if m := annexAt(text); m != "" && (level <= 2 || len(text) < 80) {
		p.annex = strings.TrimSpace(m)
		if label == "" {
			label = p.annex
		}
	}
	p.numStyle = ""
	p.noteNumber(text)
	p.section = shorten(Collapse(text), 90)
	p.add(Block{Kind: Heading, Start: start, End: end, Level: level, Label: label})
	p.sawGap = false
}

// item starts a bullet list item.
func (p *builder) item(start, end int, marker string, indent int) {
	p.flush()
	body := strings.TrimSpace(p.doc.Text[start+len(marker) : end])
	if body == "" {
		return
	}
	bstart := start + len(marker)
	for bstart < end && (p.doc.Text[bstart] == ' ' || p.doc.Text[bstart] == '\t') {
		bstart++
	}
	label := strings.TrimSpace(marker)
	// A numbered clause behind a bullet: "- 1. Gegenstand".
	if loc := labelAt(p.doc.Text[bstart:end]); loc > 0 {
		label = strings.TrimSpace(p.doc.Text[bstart : bstart+loc])
	}
	p.open = &Block{Kind: ListItem, Start: bstart, End: end, Level: 1 + indent/2, Label: label, Section: p.section, Annex: p.annex, Row: -1, Cell: -1}
	p.lastLine = p.open.Start // a block of one line
	p.sawGap = false
}

// paragraphLine handles a line that is neither table, Markdown heading nor
// bullet: a heading-like line, a numbered clause, or prose.
func (p *builder) paragraphLine(start, end int, body string, indent int) {
	loc := -1 // labelAt(body), once known
	if p.open != nil {
		loc = labelAt(body)
		if continues(p.doc.Text[p.open.Start:p.open.End], p.lastLine-p.open.Start, body, loc, p.sawGap, indent) {
			// The last line starts after the last newline before this
			// line, which holds none: the search need not pass over it.
			if k := strings.LastIndexByte(p.doc.Text[p.open.End:start], '\n'); k >= 0 {
				p.lastLine = p.open.End + k + 1
			}
			p.open.End = end
			p.sawGap = false
			return
		}
	}
	if p.numberedItem(start, end, body) {
		return
	}
	listed := p.annexListEntry(body)
	if level, ok := headingLike(body); ok && !listed && !p.wrappedClause(body) {
		if p.restartsList(start, end, body) {
			return
		}
		p.heading(start, end, level)
		return
	}
	// "(1) Kunden" after "... umfassen:" is a list item; a bare number
	// ("1 Gegenstand") is not used for list items.
	if level, ok := shortTitle(body); ok && !listed && (body[0] != '(' || !p.afterLeadIn()) {
		p.heading(start, end, level)
		return
	}
	if !listed && p.sequenceTitle(body) {
		p.heading(start, end, 1)
		return
	}
	p.flush()
	label := ""
	kind := Paragraph
	if loc < 0 {
		loc = labelAt(body)
	}
	if loc > 0 {
		label = strings.TrimSpace(body[:loc])
		if isLetterMarker(label) {
			kind = ListItem
		}
	}
	p.open = &Block{Kind: kind, Start: start, End: end, Label: label, Section: p.section, Annex: p.annex, Row: -1, Cell: -1}
	p.lastLine = p.open.Start // a block of one line
	p.sawGap = false
	if listed {
		p.listedAnnex = start
	}
}

// reListNumber is the label of a numbered list item: "1.", "2)", "(3)".
var reListNumber = prefilter.MustCompile(`^(?:(\d{1,2})([.)])|\((\d{1,2})\))\s+\S`)

// numberedItem makes a numbered line a list item when it opens a numbered
// list after a lead-in ("… folgende Unterauftragnehmer:" then "1. Muster
// GmbH, Ort – Hosting") or continues one with the next number, so that its
// entries are neither titles nor clauses of their own. A "(2)" after "(1)
// … wie folgt:" continues the clause numbering and is no item.
func (p *builder) numberedItem(start, end int, body string) bool {
	m := reListNumber.FindStringSubmatch(body)
	if m == nil {
		p.numStyle = ""
		return false
	}
	style, num := m[2], m[1]
	if m[3] != "" {
		style, num = "()", m[3]
	}
	n, _ := strconv.Atoi(num)
	if !(n == 1 && p.afterLeadIn() || style == p.numStyle && n == p.numNext) {
		p.numStyle = ""
		return false
	}
	p.flush()
	label := strings.TrimSpace(body[:strings.IndexAny(body, ".)")+1])
	p.open = &Block{Kind: ListItem, Start: start, End: end, Label: label, Section: p.section, Annex: p.annex, Row: -1, Cell: -1}
	p.lastLine = p.open.Start // a block of one line
	p.numStyle, p.numNext = style, n+1
	p.sawGap = false
	return true
}

// tableRow records a table row and its cells.
func (p *builder) tableRow(start, end int) {
	p.flush()
	if !p.inTable {
		p.tableNo++
		p.row = 0
		p.inTable = true
	}
	p.add(Block{Kind: TableRow, Start: start, End: end, Row: p.row, Cell: -1})
	text := p.doc.Text[start:end]
	sep := "\t"
	if strings.HasPrefix(text, "|") || !strings.Contains(text, "\t") && strings.Contains(text, " | ") {
		sep = "|"
	}
	// tabCells is the widest row of the table so far: a narrower row
	// (empty cells left out) does not narrow it for the rows after it.
	if n := tabCells(text); p.row == 0 || n > p.tabCells {
		p.tabCells = n
	}
	p.tabTable = sep == "\t"
	off := 0
	cell := 0
	for off <= len(text) {
		i := strings.Index(text[off:], sep)
		cend := len(text)
		if i >= 0 {
			cend = off + i
		}
		cs, ce := trimSpan(text, off, cend)
		if ce > cs {
			p.add(Block{Kind: TableCell, Start: start + cs, End: start + ce, Row: p.row, Cell: cell})
			cell++
		}
		if i < 0 {
			break
		}
		off = cend + len(sep)
	}
	p.row++
	p.sawGap = false
}

// continues reports whether a new line continues the open block: a soft
// line wrap inside a sentence, or a sentence broken by a page break.
// label is labelAt(next); prev's last line starts at offset lastStart
// (after its last newline, which trimming prev keeps).
func continues(prev string, lastStart int, next string, label int, gap bool, indent int) bool {
	prev = strings.TrimRight(prev, " \t")
	if prev == "" {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(prev)
	first, _ := utf8.DecodeRuneInString(next)
	lastLine := prev[lastStart:]
	if label > 0 && first == '(' && restatesNumber(lastLine, next) {
		// "(a) thirty\n(30) days in advance": the figures after a number
		// word are no clause label.
		return true
	}
	if label > 0 || len(next) < 80 && mayBeAnnex(next) && reAnnex.MatchString(next) {
		return false
	}
	// A line broken after an article abbreviation: "... under Art." /
	// "32 to 36 GDPR".
	if last == '.' && unicode.IsDigit(first) && !gap && endsWithRefAbbrev(lastLine) {
		return true
	}
	if strings.ContainsRune(".:;!?", last) {
		return false
	}
	if definitionLine(next) {
		// "“Processing” shall mean …" after a recital without a full
		// stop opens a definition of its own.
		return false
	}
	if isLabelValue(next) && isLabelValue(lastLine) {
		// Entries of a details list, one per line: "Dauer: …" after
		// "Zweck: …".
		return false
	}
	if gap {
		// A label line of a contract's head ("Buchhaltung: Buchhaltungsservice
		// Sabine Ott, Inhaberin …, 34119 Kassel") before a blank line and a
		// heading ("Meine Leistung") is no sentence broken across the gap.
		if isLabelValue(lastLine) {
			if _, h := headingLike(next); h {
				return false
			}
			if _, h := shortTitle(next); h {
				return false
			}
		}
		// A sentence broken across a page or paragraph gap: the previous
		// line is long prose without end punctuation. A line ending in a
		// postal address ("Hanauer Landstraße 300, 60314 Frankfurt am Main,
		// Deutschland") before a blank line and a capitalised line ends a
		// block of lines (the next company of a list), it breaks no sentence.
		if unicode.IsUpper(first) && EndsWithAddress(lastLine) {
			return false
		}
		// A short capitalised label line ending in a colon after the gap
		// ("Betroffene:", "Rechte der Betroffenen:") opens a list of its
		// own; it does not finish the long last item of the list before
		// it (hold22d).
		if unicode.IsUpper(first) && labelLine(next) {
			return false
		}
		return len(lastLine) >= 60 && (unicode.IsLetter(last) || last == ',' || last == '-') && (unicode.IsLower(first) || unicode.IsUpper(first) && countFields(lastLine) >= 8)
	}
	if last == '-' || last == ',' || unicode.IsLower(first) {
		return true
	}
	// A wrapped line of prose before a capitalised word (German nouns).
	if _, heading := headingLike(next); heading {
		return false
	}
	return len(lastLine) >= 40 && countFields(lastLine) >= 6 && unicode.IsLetter(last)
}

// definitionLine reports a line that opens with a quoted term and its
// defining verb: "“Processing” shall mean …", "'Data Breach' means …",
// "„Weisung“ bezeichnet …".
func definitionLine(line string) bool {
	open, n := utf8.DecodeRuneInString(line)
	if !strings.ContainsRune("\"“‘'„«»", open) {
		return false
	}
	rest := line[n:]
	end := strings.IndexAny(rest, "\"”’'“«»")
	if end <= 0 || end > 80 {
		return false
	}
	_, m := utf8.DecodeRuneInString(rest[end:])
	after := strings.TrimLeft(rest[end+m:], " \t")
	for _, verb := range definingVerbs {
		if strings.HasPrefix(after, verb) {
			return true
		}
	}
	return false
}

// definingVerbs open the definition after a quoted term.
var definingVerbs = []string{"means ", "shall mean ", "mean ", "has the meaning", "shall have the meaning", "bezeichnet ", "bedeutet ", "meint "}

// restatesNumber reports whether next opens with a number in parentheses
// that repeats the number word line ends with: "thirty" / "(30) days",
// "vierzehn" / "(14) Tage".
func restatesNumber(line, next string) bool {
	end := strings.IndexByte(next, ')')
	if end < 2 || end > 4 {
		return false
	}
	n, err := strconv.Atoi(next[1:end])
	if err != nil {
		return false
	}
	i := strings.LastIndexAny(line, " \t(")
	v, ok := lexicon.Number(strings.ToLower(line[i+1:]))
	return ok && v == n
}

// functionWords are words a title never ends with: articles,
// prepositions, conjunctions.
var functionWords = lexicon.Set("title_end_words")

// endsInFunctionWord reports whether the last word of s is a lower-case
// function word.
func endsInFunctionWord(s string) bool {
	i := strings.LastIndexAny(s, " \t")
	w := s[i+1:]
	return i > 0 && w != "" && strings.ToLower(w) == w && functionWords[w]
}

// endsWithRefAbbrev reports a line ending in an abbreviation that is
// followed by a number: "Art.", "Sec.", "Abs.", "No.".
func endsWithRefAbbrev(line string) bool {
	f := strings.Fields(line)
	if len(f) == 0 {
		return false
	}
	switch strings.ToLower(strings.TrimLeft(f[len(f)-1], "(")) {
	case "art.", "arts.", "sec.", "para.", "no.", "nr.", "abs.":
		return true
	}
	return false
}

// headingLike decides whether a prose line is a heading and of which level.
func headingLike(s string) (int, bool) {
	if len(s) > 120 {
		return 0, false
	}
	last, _ := utf8.DecodeLastRuneInString(s)
	if strings.ContainsRune(".;,", last) {
		// "1." alone or "§ 3." alone are headings only with a title.
		return 0, false
	}
	if endsTicked(s) {
		// "Mitarbeitende an Weisungen gebunden: ☒": a ticked form entry.
		return 0, false
	}
	if brokenWordEnd(s) {
		// "Vertraulichkeit und zur Einhaltung angemessener technischer und
		// organisato-": a line of wrapped prose that ends in a word broken
		// across lines is no title (branch hold22c).
		return 0, false
	}
	if strings.IndexByte(s, '|') >= 0 && strings.Contains(s, " | ") {
		// "Neon Inc. | Datenbank | EU": a table row exported as text.
		return 0, false
	}
	if labelAt(s) > 0 && endsInFunctionWord(s) {
		// "8.5 Der Auftragnehmer informiert den Auftraggeber, wenn eine
		// vom" is a clause cut by a page break, not a title.
		return 0, false
	}
	words := countFields(s)
	if reParagraph.MatchString(s) || reNamedLabel.MatchString(s) {
		return 1, words <= 14
	}
	if words <= 12 && mayBeAnnex(s) && reAnnex.MatchString(s) {
		return 1, true
	}
	if m := reNumbered.FindString(s); m != "" {
		rest := strings.TrimSpace(s[len(m):])
		if rest == "" || words > 12 || last == ':' || isLabelValue(rest) {
			// "1. Name: Example Ltd" is an entry of a numbered form.
			return 0, false
		}
		r, _ := utf8.DecodeRuneInString(rest)
		if !unicode.IsUpper(r) {
			return 0, false
		}
		return strings.Count(strings.TrimRight(m, ". "), ".") + 1, true
	}
	if last == ':' || words > 9 || labelAt(s) > 0 || isLabelValue(s) {
		return 0, false
	}
	r, _ := utf8.DecodeRuneInString(s)
	if !unicode.IsUpper(r) {
		return 0, false
	}
	if isUpperText(s) && words <= 12 {
		return 2, true
	}
	return 3, words <= 9 && !strings.ContainsAny(s, "@") && !hasDigitRun(s)
}

// isLabelValue reports whether a line is an entry of the form "Label:
// value" whose value is a list or a phrase rather than a title:
// "Zutrittskontrolle: Chipkarten, Besucherbuch", "Kontaktdaten: Name,
// Anschrift", "Access control: badges and CCTV". Such lines are content
// (measures, data categories) and not headings; "Anlage 2: Unterauftragnehmer"
// and "§ 3: Weisungen" are recognised as headings before this test.
func isLabelValue(s string) bool {
	i := strings.Index(s, ": ")
	if i <= 0 {
		return false
	}
	rest := strings.TrimSpace(s[i+2:])
	if rest == "" {
		return false
	}
	if blankValue(rest) {
		// "Zweck der Verarbeitung: [XY]": a form field still to be filled.
		return false
	}
	label := strings.Fields(s[:i])
	if len(label) > 5 || structureWords[strings.ToLower(strings.Trim(label[0], "§"))] || label[0] == "§" {
		// "Teil B: Besondere Bestimmungen", "Part 2: Security".
		return false
	}
	return true
}

// blankValue reports whether a field's value is only placeholders and
// blanks: "[XY]", "[Name], [Anschrift]", "____", "…".
func blankValue(v string) bool {
	depth := 0
	for _, r := range v {
		switch {
		case r == '[' || r == '{' || r == '<':
			depth++
		case r == ']' || r == '}' || r == '>':
			depth--
		case depth > 0 || unicode.IsSpace(r) || strings.ContainsRune("_.…,;:-–/", r):
		default:
			return false
		}
	}
	return true
}

//go:embed data/ticked_marks.txt
var tickedMarkData string

// tickedMarks are the marks of a ticked checkbox (data/ticked_marks.txt).
var tickedMarks = lexicon.Lines(tickedMarkData)

// endsTicked reports whether a line ends in a ticked checkbox: "…: ☒",
// "… [x]".
func endsTicked(s string) bool {
	s = strings.TrimSpace(s)
	for _, m := range tickedMarks {
		if strings.HasSuffix(s, m) && len(s) > len(m) {
			return true
		}
	}
	return false
}

//go:embed data/structure_words.txt
var structureWordData string

// structureWords open the titles of a document's parts: "Teil B: …"
// (data/structure_words.txt).
var structureWords = loadWordList(structureWordData)

// loadWordList returns the set of the words of a plain word list.
func loadWordList(data string) map[string]bool {
	m := map[string]bool{}
	for _, w := range lexicon.Lines(data) {
		m[w] = true
	}
	return m
}

// labelAt returns the length of a clause label at the start of s, including
// the following space, or 0.
func labelAt(s string) int {
	if s == "" || !maybeLabel(s[0]) {
		return 0
	}
	for _, l := range labelExprs {
		if l.may(s) {
			if loc := l.re.FindStringIndex(s); loc != nil {
				return loc[1]
			}
		}
	}
	return 0
}

// labelExprs are the clause label expressions in the order labelAt tries
// them, each with a cheap test of the line's first bytes that rules out
// most prose lines before the expression runs.
var labelExprs = []struct {
	re  *prefilter.Regexp
	may func(string) bool
}{
	{reParagraph, func(s string) bool { return strings.HasPrefix(s, "§") }},
	{reNamedLabel, func(s string) bool { return strings.IndexByte("aAsScCzZpP", s[0]) >= 0 }},
	{reNumbered, func(s string) bool { return s[0] >= '0' && s[0] <= '9' }},
	{reParen, func(s string) bool {
		c := s[0]
		return c == '(' || strings.IndexByte("IVX", c) >= 0 ||
			c >= 'a' && c <= 'z' && len(s) > 1 && (s[1] == ')' || s[1] == '.' || len(s) > 2 && s[2] == ')' || strings.HasPrefix(s, "lit"))
	}},
}

// mdHeading matches a Markdown heading marker ("## "), testing the first
// byte before running the expression.
func mdHeading(s string) []string {
	if s == "" || s[0] != '#' {
		return nil
	}
	return reMDHeading.FindStringSubmatch(s)
}

// bullet matches a bullet or "1)" marker, testing the first byte before
// running the expression (the bullet characters are all non-ASCII except
// '-' and '*').
func bullet(s string) []int {
	if s == "" || s[0] < utf8.RuneSelf && s[0] != '-' && s[0] != '*' && (s[0] < '0' || s[0] > '9') {
		return nil
	}
	return reBullet.FindStringIndex(s)
}

// annexAt returns the annex reference a line starts with, or "".
func annexAt(s string) string {
	if !mayBeAnnex(s) {
		return ""
	}
	return reAnnex.FindString(s)
}

// mayBeAnnex is a cheap test of a line's first byte before reAnnex runs.
func mayBeAnnex(s string) bool { return s != "" && strings.IndexByte("aAsSeE", s[0]) >= 0 }

// maybeLabel is a cheap test of a line's first byte before the label
// expressions run.
func maybeLabel(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c == '(' || c >= 0x80 ||
		strings.IndexByte("ASCZPIVX", c) >= 0
}

// isLetterMarker reports whether a label is a list marker such as "a)",
// "(b)", "c." or "(iv)" rather than a clause number.
func isLetterMarker(label string) bool {
	l := strings.Trim(label, "().")
	if l == "" || strings.HasPrefix(label, "lit") {
		return l != ""
	}
	r, _ := utf8.DecodeRuneInString(l)
	return unicode.IsLower(r)
}

func hasDigitRun(s string) bool {
	n := 0
	for _, r := range s {
		if unicode.IsDigit(r) {
			n++
			if n >= 4 {
				return true
			}
		} else {
			n = 0
		}
	}
	return false
}

func isUpperText(s string) bool {
	letters, upper := 0, 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			letters++
			if unicode.IsUpper(r) {
				upper++
			}
		}
	}
	return letters >= 4 && upper*10 >= letters*9
}

func trimSpan(s string, a, b int) (int, int) {
	for a < b && (s[a] == ' ' || s[a] == '\t') {
		a++
	}
	for b > a && (s[b-1] == ' ' || s[b-1] == '\t') {
		b--
	}
	return a, b
}

// Collapse folds runs of white space into single spaces.
func Collapse(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

func shorten(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := n
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}

// reTitleNumber is a clause number without a dot ("7 Kontrollrechte"), in
// parentheses ("(2) Dauer") or a Roman section number ("IV. Feldpartner"),
// which headingLike leaves to clauses.
var reTitleNumber = prefilter.MustCompile(`^(?:\d{1,2}|\(\d{1,2}\)|(?:I|II|III|IV|V|VI|VII|VIII|IX|X|XI|XII|XIII|XIV|XV)\.)\s+`)

// clauseStart holds words that open a sentence rather than a title.
var clauseStart = lexicon.Set("clause_start")

// titleWords are function words that occur in titles.
var titleWords = lexicon.Set("title_words")

// shortTitle recognises a title behind a number without a dot or in
// parentheses: "7 Kontrollrechte des Auftraggebers", "(2) Dauer", "(1) Art
// und Zweck der vorgesehenen Verarbeitung von Daten". A clause starts with
// an article or pronoun, or ends with punctuation; a title starts with a
// capitalised noun and is short.
func shortTitle(s string) (int, bool) {
	m := reTitleNumber.FindString(s)
	if m == "" || len(s) > 100 || strings.IndexByte(s, '|') >= 0 && strings.Contains(s, " | ") {
		return 0, false
	}
	rest := strings.TrimSpace(s[len(m):])
	last, _ := utf8.DecodeLastRuneInString(rest)
	if rest == "" || strings.ContainsRune(".;,:!?", last) || hasDigitRun(rest) {
		return 0, false
	}
	fields := strings.Fields(rest)
	r, _ := utf8.DecodeRuneInString(rest)
	if len(fields) > 12 || !unicode.IsUpper(r) || clauseStart[strings.ToLower(fields[0])] {
		return 0, false
	}
	// Lower-case words of a title are function words or adjectives
	// ("Art und Zweck der vorgesehenen Verarbeitung"); a verb or adverb
	// ("meldet", "unverzüglich") makes it a clause.
	for _, f := range fields[1:] {
		f = strings.Trim(f, "()„“\"'")
		c, _ := utf8.DecodeRuneInString(f)
		if f == "" || !unicode.IsLower(c) || titleWords[f] {
			continue
		}
		if !(strings.HasSuffix(f, "e") || strings.HasSuffix(f, "en") || strings.HasSuffix(f, "er") || strings.HasSuffix(f, "es") || strings.HasSuffix(f, "em")) {
			return 0, false
		}
	}
	if strings.HasPrefix(m, "(") {
		return 3, true
	}
	return 1, true
}

// afterLeadIn reports whether the previous block introduces a list ("...
// umfassen:"), whose numbered items are not titles.
func (p *builder) afterLeadIn() bool {
	var b *Block
	if p.open != nil {
		b = p.open
	} else if n := len(p.doc.Blocks); n > 0 {
		b = &p.doc.Blocks[n-1]
	}
	return b != nil && strings.HasSuffix(strings.TrimSpace(p.doc.Text[b.Start:b.End]), ":")
}

// mdInline holds the expressions of plainInline, compiled on first use
// (only Markdown input needs them).
var mdInline = sync.OnceValue(func() [3]*regexp.Regexp {
	return [3]*regexp.Regexp{
		regexp.MustCompile(`\*\*([^*\s](?:[^*\n]*[^*\s])?)\*\*|__([^_\s](?:[^_\n]*[^_\s])?)__`),
		regexp.MustCompile(`!?\[([^\]\n]*)\]\([^)\s]*\)`),
		regexp.MustCompile(`(^|[\s(“"„])\*([^*\s](?:[^*\n]*[^*\s])?)\*`),
	}
})

// plainInline removes Markdown's inline markup: strong and emphasised
// text ("**Vendor**", "*Customer*") keeps its words, a link or image its
// text ("[Annex 1](#annex-1)"). Blank form fields ("Name: ______") and
// bullets ("* item") stay as they are.
func plainInline(text string) string {
	if strings.Contains(text, "**") || strings.Contains(text, "__") {
		text = mdInline()[0].ReplaceAllString(text, "$1$2")
	}
	if strings.Contains(text, "](") {
		text = mdInline()[1].ReplaceAllString(text, "$1")
	}
	if strings.IndexByte(text, '*') >= 0 {
		text = mdInline()[2].ReplaceAllString(text, "$1$2")
	}
	return text
}

// countFields returns len(strings.Fields(s)) without building the fields.
// ASCII bytes are classed by a table, without decoding.
func countFields(s string) int {
	n, inField := 0, false
	for i := 0; i < len(s); {
		var space bool
		if c := s[i]; c < utf8.RuneSelf {
			space = asciiSpace[c]
			i++
		} else {
			r, w := utf8.DecodeRuneInString(s[i:])
			space = unicode.IsSpace(r)
			i += w
		}
		if space {
			inField = false
		} else if !inField {
			inField = true
			n++
		}
	}
	return n
}

// asciiSpace marks the ASCII bytes unicode.IsSpace reports.
var asciiSpace = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = unicode.IsSpace(rune(c))
	}
	return t
}()

// reAddressEnd is the end of a postal address: a comma, a postcode of
// four or five digits with its town, and perhaps a country ("Hanauer
// Landstraße 300, 60314 Frankfurt am Main, Deutschland"; also after a
// service line a PDF reader joined to it).
// It is anchored at a comma: the address's comma is one of the line's
// last three (town and at most two parts after it), so EndsWithAddress
// tries those only instead of letting the expression try every offset of
// every line.
var reAddressEnd = regexp.MustCompile(`^,\s*(?:[A-Z]{1,2}-)?\d{4,5}\s+\p{Lu}[\p{L}.\-]*(?:\s+(?:am|an der|im|in der|ob der|bei|\p{Lu}[\p{L}.\-]*)){0,3}(?:,\s*\p{Lu}[\p{L}\-]*(?:\s+\p{Lu}[\p{L}\-]*)?){0,2}\s*$`)

// EndsWithAddress reports whether line ends in a postal address: its last
// part is a postcode and town set off by a comma, perhaps with a country.
func EndsWithAddress(line string) bool {
	line = strings.TrimSpace(line)
	end := len(line)
	for range 3 {
		i := strings.LastIndexByte(line[:end], ',')
		if i < 0 {
			return false
		}
		if reAddressEnd.MatchString(line[i:]) {
			return true
		}
		end = i
	}
	return false
}

// brokenWordEnd reports a line that ends in a word hyphenated across the
// line break: a lower-case letter before the final hyphen.
func brokenWordEnd(s string) bool {
	s = strings.TrimRight(s, " \t")
	if !strings.HasSuffix(s, "-") {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(s[:len(s)-1])
	return unicode.IsLower(r)
}

// labelLine reports a line of at most four words that ends in a colon:
// the label over a list ("Betroffene Personen:", "Datenarten:"), or a
// form's label left empty ("Betroffene: –", "Zweck: ___").
func labelLine(s string) bool {
	s = strings.TrimRight(strings.TrimSpace(s), " \t-–—_")
	return strings.HasSuffix(s, ":") && len(strings.Fields(s)) <= 4
}
