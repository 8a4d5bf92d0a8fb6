package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/art28/art28/internal/document"
	"github.com/art28/art28/internal/lexicon"
)

// companyIntro are the words that introduce a company's name and are no
// part of it (lexicon: company_intro): "Fa.", "die Firma", "the company".
var companyIntro = lexicon.List("company_intro")

// trimCompanyIntro drops an introducing word before a company's name
// ("Fa. Aktenwolf GmbH, Goslar – …" → "Aktenwolf GmbH, Goslar – …", "die
// Firma Haustechnik Ramelow GmbH" → "Haustechnik Ramelow GmbH") when a
// capital letter or a digit follows it; otherwise t is returned as it is
// ("Firmenkunden", "die Firma selbst").
func trimCompanyIntro(t string) (string, bool) {
	for _, w := range companyIntro {
		if len(t) <= len(w)+1 || !strings.EqualFold(t[:len(w)], w) || t[len(w)] != ' ' {
			continue
		}
		if i := strings.LastIndexByte(w, ' '); i > 0 && strings.HasPrefix(w, "the ") && t[i+1:len(w)] != w[i+1:] {
			// "The Company Store Ltd" is a name; "the company X Ltd"
			// introduces one.
			continue
		}
		rest := strings.TrimLeft(t[len(w):], " ")
		r, _ := utf8.DecodeRuneInString(rest)
		if unicode.IsUpper(r) || unicode.IsDigit(r) {
			return rest, true
		}
	}
	return t, false
}

// runningHeader reports whether block i, a heading t right after a page
// line inside a list, is the next page's running header: a short line
// without a clause number whose next block continues the list (a
// numbered entry that continues the numbering of the entry before the
// page line, or a list item after a list item). "Anlage 4 – Technische und
// organisatorische Maßnahmen" over prose is no running header.
func (x *extractor) runningHeader(t string, b document.Block, i int) bool {
	if b.Label != "" || len(t) > 100 || i+1 >= len(x.doc.Blocks) {
		return false
	}
	if i < 2 {
		return false
	}
	pb, nb := x.doc.Blocks[i-2], x.doc.Blocks[i+1]
	if pb.Kind == document.ListItem && nb.Kind == document.ListItem {
		return true
	}
	p, okp := labelNumber(pb.Label)
	n, okn := labelNumber(nb.Label)
	return okp && okn && n == p+1
}

// labelNumber is the number of an item label ("3.", "3)", "(3)").
func labelNumber(l string) (int, bool) {
	l = strings.Trim(l, "().")
	if l == "" || len(l) > 3 {
		return 0, false
	}
	n := 0
	for _, r := range l {
		if r < '0' || r > '9' {
			return 0, false
		}
		n = n*10 + int(r-'0')
	}
	return n, true
}

// reRepresentative is a clause naming who represents a company, up to
// the comma after the person's name: ", vertreten durch den
// Geschäftsführer Jan Petersen,", ", represented by its director Mr Owen
// Prichard,".
var reRepresentative = lazyRegexp(`^\s*,\s*(?:diese\s+|gesetzlich\s+)?(?:vertreten\s+durch|represented\s+by)\s[^,;()]{3,90},`)

// skipRepresentative returns rest after a representative clause at its
// start (keeping the comma that ends it), or rest as it is.
func skipRepresentative(rest string) string {
	if m := reRepresentative().FindStringIndex(rest); m != nil {
		return rest[m[1]-1:]
	}
	return rest
}

// joinContinuationRows joins into the row above each row that only
// continues its cells: a name wrapped before its legal form onto the
// next row of a Markdown table ("| Betrieb der Server | Rechenzentrum
// Mittelweser | Am Hafen 2 |" over "| | GmbH | 31582 Nienburg |"), or onto
// the next line of a table set apart by spaces whose other cells wrap too
// ("Datenspeicher   02625 Bautzen,   Betrieb des Rechenzentrums," over
// "Oberlausitz GmbH   Deutschland   Datensicherung"). A row under a
// company with a name of its own ("| | Hetzner Online GmbH | … |" under
// "| Hosting | Vireo GmbH | … |") or a second site under an empty name
// cell is no continuation.
func (x *extractor) joinContinuationRows(t *table) {
	if len(t.rows) < 3 {
		return
	}
	var rows [][]span
	var wrapped map[[2]int][]span
	for r, row := range t.rows {
		nr := len(rows)
		if nr >= 2 && x.continuationRow(t, rows[nr-1], nr-1, wrapped, row) {
			if wrapped == nil {
				wrapped = map[[2]int][]span{}
			}
			for c, sp := range row {
				if c < len(rows[nr-1]) && sp.end > sp.start {
					k := [2]int{nr - 1, c}
					wrapped[k] = append(wrapped[k], sp)
				}
			}
			for k, v := range t.wrapped {
				if k[0] == r && k[1] < len(rows[nr-1]) {
					wrapped[[2]int{nr - 1, k[1]}] = append(wrapped[[2]int{nr - 1, k[1]}], v...)
				}
			}
			continue
		}
		rows = append(rows, row)
		for k, v := range t.wrapped {
			if k[0] == r {
				if wrapped == nil {
					wrapped = map[[2]int][]span{}
				}
				wrapped[[2]int{nr, k[1]}] = v
			}
		}
	}
	if len(rows) < len(t.rows) {
		t.rows, t.wrapped = rows, wrapped
	}
}

// continuationRow reports whether row continues the cells of row above
// (row index ai, with its wrapped lines): see joinContinuationRows.
func (x *extractor) continuationRow(t *table, above []span, ai int, wrapped map[[2]int][]span, row []span) bool {
	if len(row) < 2 || len(row) > len(above) {
		return false
	}
	cell := func(r []span, i int, wrap bool) string {
		s := strings.TrimSpace(x.text[r[i].start:r[i].end])
		if wrap {
			for _, w := range wrapped[[2]int{ai, i}] {
				s = joinWrapped(s, strings.TrimSpace(x.text[w.start:w.end]))
			}
		}
		return s
	}
	// The first column the row above fills.
	j := 0
	for j < len(above) && above[j].end == above[j].start {
		j++
	}
	if j >= len(row) {
		return false
	}
	if t.spaced {
		// The name column: the first the row fills, or one after cells
		// that all continue open cells above ("Abrechnung der" over
		// "Leistungen", then "Abrechnungszentrum" over "Ostfriesland
		// GmbH": a service column first).
		k := j
		for k < len(row) && k < len(above) && row[k].end > row[k].start && !x.hasLegalForm(cell(row, k, false)) {
			if !openEnd(cell(above, k, true)) {
				return false
			}
			k++
		}
		if k >= len(row) || k >= len(above) {
			return false
		}
		first, up := cell(row, k, false), cell(above, k, true)
		amp := strings.HasPrefix(first, "& ") || strings.HasPrefix(first, "+ ")
		if first == "" || up == "" || len(strings.Fields(first)) > 4 || !x.hasLegalForm(first) || x.hasLegalForm(up) && !amp || isDigits(up, 3) {
			// ("Briefwerk Sauerland GmbH" over "& Co. KG": the legal
			// form goes on.)
			return false
		}
		if k > j || amp {
			// (An open cell before the name, or a name cell that opens
			// with "&": "Schreibbüro Kempten Müller" over "& Co. KG".)
			return true
		}
		for i := j + 1; i < len(above); i++ {
			if openEnd(cell(above, i, true)) {
				return true
			}
		}
		return false
	}
	if row[j].end > row[j].start && !openEnd(cell(above, j, true)) {
		// ("| Abrechnung mit | Abrechnungsstelle Heidekreis | … |" over
		// "| Kostenträgern | GmbH & Co. KG | 29614 Soltau |": the first
		// cell wraps too.)
		return false
	}
	for k := j + 1; k < len(row); k++ {
		c := cell(row, k, false)
		if c == "" || len(strings.Fields(c)) > 4 || !x.hasLegalForm(c) {
			continue
		}
		up := cell(above, k, true)
		if up == "" || x.hasLegalForm(up) || isDigits(up, 3) {
			continue
		}
		if a, e := x.k.legalForm(c); a == 0 && strings.TrimSpace(c[e:]) == "" {
			// "GmbH" alone under "Rechenzentrum Mittelweser".
			return true
		}
		// "Centre Ltd" under "Copperbeech Contact": only when another cell
		// above stops short too ("3 Abbey Road" without its town), not
		// "| | Backupwerk GmbH | Deutschland |" under "| Hosting | Hetzner
		// | Deutschland |" (a service cell merged over two companies).
		for i := range above {
			if o := cell(above, i, true); i != k && o != "" && (openEnd(o) || x.streetOnly(o)) {
				return true
			}
		}
	}
	return false
}

// streetOnly reports whether a cell holds a street with its number and
// no town ("Am Hafen 2", "Celler Straße 44", "3 Abbey Road"): an address
// cell whose town is on the next line.
func (x *extractor) streetOnly(c string) bool {
	if len(c) > 50 || x.addressLine(c) || x.k.countryRe.MatchString(c) {
		return false
	}
	if reNumberFirstStreet().MatchString(c) {
		return true
	}
	return !strings.Contains(c, ",") && x.streetOrTown(c)
}

// reNumberFirstStreet is a street after its number ("10 Wharf Street",
// "3 Abbey Road").
var reNumberFirstStreet = lazyRegexp(`^\d{1,4}[a-z]?\s+\p{Lu}\p{L}+(?:\s+\p{L}+){0,3}$`)

// openEnd reports whether a cell's text stops before its end: at a comma,
// a joining word or hyphen (openCell), or a short word in lower case
// ("Abrechnung mit", "Druck von").
func openEnd(c string) bool {
	c = strings.TrimSpace(c)
	if strings.HasSuffix(c, ",") || openCell(c) {
		return true
	}
	i := strings.LastIndexByte(c, ' ')
	if i < 0 {
		return false
	}
	w := c[i+1:]
	if n := utf8.RuneCountInString(w); n < 2 || n > 4 {
		return false
	}
	for _, r := range w {
		if !unicode.IsLower(r) {
			return false
		}
	}
	return true
}

// addressWrapLine reports whether a line of a table set apart by spaces
// continues the first cell of the row above with the company's address:
// the column holds name and address over several lines ("Sicherungswerk
// Pfalz GmbH   Externe Datensicherung" over "Industriestraße 22
// (verschlüsselt)" over "67063 Ludwigshafen"). The line's first cell
// stands in the first column and is a street or a postcode and town; the
// cell above it holds a legal form or is such an address line itself.
// A row of its own whose first cell is an address ("Musterweg 1, 12345
// Ort   Hosting" under a header of addresses) has no company above it.
func (x *extractor) addressWrapLine(cur *table, cols []int, cells []span) bool {
	if cur == nil || len(cur.rows) < 2 || len(cells) == 0 || len(cols) < 2 {
		return false
	}
	c := cells[0]
	if d := x.column(c.start) - cols[0]; d < -2 || d > 2 || c.end-c.start > 70 {
		return false
	}
	t := strings.TrimSpace(x.text[c.start:c.end])
	if !x.streetOrTown(t) || x.hasLegalForm(t) {
		// ("Belegblitz UG (haftungsbeschränkt) Am Markt 3, 06108 Halle":
		// a name cell run into the address cell opens a row.)
		return false
	}
	above := strings.TrimSpace(x.lastOfCell(cur, len(cur.rows)-1, 0))
	return x.hasLegalForm(above) || x.streetOrTown(above)
}

// streetOrTown reports whether t is an address line: a street with its
// number ("Industriestraße 22", "Am Kiesberg 1, 17291 Prenzlau") or a
// postcode and town ("67063 Ludwigshafen").
func (x *extractor) streetOrTown(t string) bool {
	if x.addressLine(t) {
		return true
	}
	if m := reStreet.FindStringIndex(t); m != nil && m[0] == 0 && strings.TrimRight(t[m[1]:], " ,") == "" {
		return true
	}
	// "Neckarstaden 4", "Hoher Weg 2": a street the suffixes do not know,
	// not "Anlage 3" or "Seite 2".
	m := reNumberedName().FindStringSubmatch(t)
	return m != nil && !notStreetWords[strings.ToLower(m[1])]
}

// reNumberedName is one to four words, the first capitalised, and a
// house number ("Neckarstaden 4", "Hoher Weg 2a", "Am Hafen 12-14").
var reNumberedName = lazyRegexp(`^(\p{Lu}[\p{L}.\-]{3,})(?:\s+[\p{L}.\-]+){0,3}\s+\d{1,4}\s?[a-z]?(?:\s*[-–]\s*\d{1,4}[a-z]?)?,?$`)

// notStreetWords open numbered titles that are no street ("Anlage 3",
// "Seite 2 von 5", "Version 4"; lexicon: numbered_title_words).
var notStreetWords = lexicon.Set("numbered_title_words")

// firmaNames reads the companies a sentence on sub-processors introduces
// with "Fa." or "die Firma" that have no legal form (those with one are
// read by the sentence reader): "die Firma Schmitz & Partner IT-Service,
// Köln, als Unterauftragnehmer", "die Fa. Kopierzentrum Wendt für
// Scanarbeiten". The name runs over capitalised words (and "&", "+") up
// to a comma, a parenthesis or a word in lower case. English "the
// company" is left out: "the Company" is a defined term.
func (x *extractor) firmaNames(s string, base, after int, known map[string]bool) []*spEntry {
	var out []*spEntry
	low := strings.ToLower(s)
	for _, w := range companyIntro {
		if strings.HasPrefix(w, "the ") || strings.Contains(w, " ") {
			// ("die firma" is found through "firma".)
			continue
		}
		for from := max(after, 0); from < len(low); {
			k := strings.Index(low[from:], w+" ")
			if k < 0 {
				break
			}
			at := from + k
			from = at + len(w) + 1
			if at > 0 && low[at-1] != ' ' && low[at-1] != '(' {
				continue
			}
			name, end := capitalName(s[from:])
			if name == "" || x.hasLegalForm(name) || known[normName(name)] || x.k.isSub(strings.ToLower(name)) {
				continue
			}
			known[normName(name)] = true
			e := &spEntry{start: base + at, end: base + from + end}
			e.sp.Name = name
			e.text.WriteString(s)
			if town := x.townAfter(s[from+end:]); town != "" {
				e.sp.City = town
			}
			out = append(out, e)
		}
	}
	return out
}

// capitalName returns the run of capitalised words (joined by "&" or
// "+") that opens s, up to a comma, a parenthesis, a period or a word in
// lower case, and where it ends.
func capitalName(s string) (string, int) {
	end, n := 0, 0
	for i := 0; i < len(s); {
		j := strings.IndexByte(s[i:], ' ')
		if j < 0 {
			j = len(s) - i
		}
		w := s[i : i+j]
		stop := false
		if k := strings.IndexAny(w, ",;()"); k >= 0 {
			w, stop = w[:k], true
		}
		r, _ := utf8.DecodeRuneInString(w)
		switch {
		case w == "&" || w == "+":
		case w != "" && (unicode.IsUpper(r) || unicode.IsDigit(r)) && !strings.HasSuffix(w, "."):
			n++
			end = i + len(w)
		default:
			stop = true
		}
		if stop || n >= 6 {
			break
		}
		i += j + 1
	}
	if n == 0 {
		return "", 0
	}
	return strings.TrimRight(s[:end], " &+"), end
}

// reRowNumber is a row's number before a name in a table cell ("1
// Rechenzentrum Nordschwarzwald GmbH", "12. Versandhaus KG"); not "1&1",
// "24/7 Servicecenter" or "3P Print".
var reRowNumber = lazyRegexp(`^\d{1,3}\.?\s+`)

// coLine reports whether a line opens with "c/o" (care of): an address's
// first line ("c/o Steuerkanzlei Meier"), no name.
func coLine(t string) bool {
	return len(t) > 4 && strings.EqualFold(t[:4], "c/o ")
}

// trimSeatParen splits a labelled seat in parentheses off the end of a
// name ("Elektrotechnik Vogel GmbH (Sitz: Lübeck)" → "Elektrotechnik
// Vogel GmbH", "Lübeck"); a name without one is returned as it is.
func trimSeatParen(name string) (string, string) {
	i := strings.LastIndex(name, " (")
	if i <= 0 || !strings.HasSuffix(name, ")") {
		return name, ""
	}
	m := reSeatParen().FindStringSubmatchIndex(name[i+1:])
	if m == nil || i+1+m[1] != len(name) {
		return name, ""
	}
	return strings.TrimSpace(name[:i]), strings.TrimSpace(name[i+1+m[2] : i+1+m[3]])
}

// brToComma turns the line breaks of a Markdown cell ("Datenkontor
// Ostwestfalen GmbH<br>Herforder Str. 1, 32052 Herford") into commas.
func brToComma(c string) string {
	if !strings.Contains(c, "<br") && !strings.Contains(c, "<BR") {
		return c
	}
	return collapse(reBreakTag().ReplaceAllString(c, ", "))
}

// reBreakTag is an HTML line break in a Markdown cell.
var reBreakTag = lazyRegexp(`(?i)\s*<br\s*/?>\s*`)
