package extract

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A party block loses its layout when a contract is exported to PDF or
// imported by a word processor: the lines of the block ("Muster GmbH",
// "vertreten durch: Max Muster", "Weg 1", "12345 Ort", "Tel: 030 123")
// become one paragraph joined by spaces, the role label may end that
// paragraph ("… 12345 Ort – Auftraggeber –"), a blank form field's
// rule lines vanish, a page break puts a page number into the block and
// a long name is hyphenated at a line end. The functions here give the
// party reader back the lines of the text layout.

var (
	// reNumberValue is the value of a "number" field: a first token,
	// then space-separated groups of digits ("+49 30 21 91 80 08").
	reNumberValue = lazyRegexp(`^\s*[.:#]?\s*(?:(?i:nr)\.?\s*)?[+(]?[\p{L}\d][\p{L}\d\-/().]*(?:\s+[+(]?\d[\d\-/().]*)*`)
	// reHouseNumber is a house number standing before the postcode
	// ("56c", "12-14", "3/1").
	reHouseNumber = lazyRegexp(`^\d{1,4}[a-zA-Z]?(?:\s*[-–/]\s*\d{1,4}[a-zA-Z]?)?,?$`)
	// rePageLine is a page number or a running page line that a page
	// break leaves between the lines of a block ("Seite 2 von 7",
	// "Page 3 of 9", "- 2 -", "2/7").
	rePageLine = lazyRegexp(`(?i)^(?:(?:seite|page|s\.|p\.)\s*\d{1,3}(?:\s*(?:von|of|/)\s*\d{1,3})?|[-–—]\s*\d{1,3}\s*[-–—]|\d{1,3}\s*/\s*\d{1,3}|\d{1,3})$`)
)

// reRepTitle is the office before a representative's name ("den
// Geschäftsführer: Max Muster", "its Managing Director Jane Doe").
var reRepTitle = lazyRegexp(`(?i)^(?:(?:den|die|der|the|its|seinen|seine|ihren|ihre)\s+)?(?:geschäftsführer(?:in)?|geschäftsführung|vorstand|inhaber(?:in)?|managing director|director|ceo)\s*[:,]?\s+`)

// representative returns the representative's name from the text after
// "vertreten durch", without the office before it.
func representative(s string) string {
	s = strings.TrimSpace(s)
	if m := reRepTitle().FindStringIndex(s); m != nil {
		if r, _ := utf8.DecodeRuneInString(s[m[1]:]); unicode.IsUpper(r) {
			return s[m[1]:]
		}
	}
	return s
}

// pageLine reports whether a line is only a page number or page count.
func pageLine(t string) bool { return len(t) <= 20 && rePageLine().MatchString(strings.TrimSpace(t)) }

// unfoldBlock returns a block's lines with joined lines split into the
// lines of their text layout (unfoldLine), page-number lines dropped and
// words hyphenated at a line end joined ("Muster Soft-" "ware GmbH").
func (x *extractor) unfoldBlock(b []line) []line {
	var out []line
	for i := 0; i < len(b); i++ {
		l := b[i]
		if pageLine(l.text) && len(b) > 1 {
			continue
		}
		for i+1 < len(b) && hyphenated(l.text, b[i+1].text) {
			l = line{start: l.start, end: b[i+1].end, text: l.text[:len(l.text)-1] + b[i+1].text}
			i++
		}
		out = append(out, x.unfoldLine(l)...)
	}
	return out
}

// hyphenated reports whether a word is broken with a hyphen between the
// end of a and the start of b: a ends in a letter and "-", b starts with
// a lower-case letter ("Daten-" "verarbeitung"; "Max-" "Planck" keeps its
// hyphen as the word goes on in upper case).
func hyphenated(a, b string) bool {
	if !strings.HasSuffix(a, "-") || len(a) < 3 {
		return false
	}
	p, _ := utf8.DecodeLastRuneInString(a[:len(a)-1])
	n, _ := utf8.DecodeRuneInString(b)
	if !unicode.IsLetter(p) || !unicode.IsLower(n) {
		return false
	}
	// "Software-" "und Hosting GmbH": a hyphen that stands for a word.
	switch strings.ToLower(strings.TrimRight(firstField(b), ",.")) {
	case "und", "oder", "bzw", "sowie", "and", "or":
		return false
	}
	return true
}

// unfoldLine splits a line that holds several lines of a party block
// joined by spaces: before each field label (inline_fields), after the
// value of a number field, where the street starts and, without a
// street, before the postcode. Nothing is split inside a name that ends
// in a legal form. A line with a single part is returned as it is.
func (x *extractor) unfoldLine(l line) []line {
	t := l.text
	if len(t) < 16 || !strings.Contains(t, " ") || !strings.ContainsAny(t, "0123456789@:") {
		// Without a number, an address or a label's colon the line holds
		// one part: the name reader cuts a representative off the name.
		return []line{l}
	}
	pk := x.k.party
	// No split inside the name: up to the end of its legal form.
	floor := 0
	if m := pk.legalRe.FindStringSubmatchIndex(t); m != nil && m[3] <= 120 {
		floor = m[3]
	}
	cuts := map[int]string{} // offset -> kind of the part that starts there
	var plain []int          // where parts without a label start
	words := wordStarts(t)
	lastText, lastLabelEnd := -1, -1 // the last "text" label and its end
	for i, w := range words {
		if w < floor {
			continue
		}
		rest := t[w:]
		if kind, m := x.fieldAt(rest); kind != "" {
			switch {
			case kind == "text" && lastText >= 0 && !capitalisedBetween(t, lastLabelEnd, w):
				// "vertreten durch den Geschäftsführer": one label.
			case kind == "text":
				lastText, lastLabelEnd = w, w+m
				cuts[w] = kind
			case kind == "number":
				cuts[w] = kind
				// The label's match ends inside the value: read the value
				// from the label's end.
				lbl := labelEnd(rest[:m])
				if vm := reNumberValue().FindStringIndex(rest[lbl:]); vm != nil {
					if e := w + lbl + vm[1]; e < len(t) {
						plain = append(plain, e)
					}
				}
			default:
				cuts[w] = kind
			}
		}
		if _, ok := cuts[w]; !ok && (reEmail.MatchString(firstField(rest)) || hasWWW(rest)) &&
			(i == 0 || !strings.HasSuffix(firstField(t[words[i-1]:]), ":")) {
			// An e-mail or web address without its label.
			cuts[w] = "contact"
		}
	}
	// Parts that may hold an address: not a number, register or contact
	// field.
	segKind := func(at int) string {
		k, best := "", -1
		for c, kind := range cuts {
			if c <= at && c > best {
				k, best = kind, c
			}
		}
		for _, p := range plain {
			if p <= at && p > best {
				k, best = "", p
			}
		}
		if best < 0 && floor > 0 {
			// Right after a name with its legal form only the address
			// follows ("Muster GmbH Sortedam Dossering 7E 2200 …"): the
			// name reader splits it off, a street cut could only err.
			return "name"
		}
		return k
	}
	for _, m := range rePostcodeCity.FindAllStringSubmatchIndex(t, -1) {
		pc := m[2]
		if pc > 0 && (t[pc-1] == '-') {
			// "D-12345": the country prefix belongs to the postcode.
			pc = strings.LastIndexAny(t[:pc], " ,(") + 1
		}
		if pc < floor {
			continue
		}
		if k := segKind(pc); k != "" && k != "text" {
			continue
		}
		if st := x.streetStart(t, words, pc); st >= 0 {
			if st >= floor {
				plain = append(plain, st)
			}
			continue
		}
		plain = append(plain, pc)
	}
	// A house number before the street's name ("10 Dock Road").
	for i, w := range words {
		if w < floor || i == 0 || t[w] < '0' || t[w] > '9' || !reHouseNumber().MatchString(strings.TrimRight(firstField(t[w:]), ",")) {
			continue
		}
		if k := segKind(w); k != "" && k != "text" {
			continue
		}
		if x.numberFirstStreet(t, words[i+1:]) {
			plain = append(plain, w)
		}
	}
	// A country name that ends the line ("… London E1 8AA United
	// Kingdom").
	if len(cuts)+len(plain) == 0 {
		return []line{l}
	}
	if m := x.k.countryRe.FindAllStringSubmatchIndex(t, -1); len(m) > 0 {
		c := m[len(m)-1]
		rest := t[c[3]:]
		_, cutAfter := cuts[c[3]+len(rest)-len(strings.TrimLeft(rest, " "))]
		if c[2] > floor && (strings.TrimRight(rest, " .") == "" || cutAfter) {
			if k := segKind(c[2]); k == "" || k == "text" || k == "name" {
				plain = append(plain, c[2])
			}
		}
	}
	for _, p := range plain {
		if _, ok := cuts[p]; !ok {
			cuts[p] = ""
		}
	}
	if len(cuts) == 0 {
		return []line{l}
	}
	at := make([]int, 0, len(cuts)+1)
	at = append(at, 0)
	for c := range cuts {
		// Where a comma or semicolon already separates the parts, the
		// reader splits the line there (splitParts).
		if c > 0 && c < len(t) && !strings.HasSuffix(strings.TrimRight(t[:c], " \t"), ",") && !strings.HasSuffix(strings.TrimRight(t[:c], " \t"), ";") {
			at = append(at, c)
		}
	}
	sort.Ints(at)
	var out []line
	for i, s := range at {
		e := len(t)
		if i+1 < len(at) {
			e = at[i+1]
		}
		if e <= s {
			continue
		}
		part := t[s:e]
		p := strings.TrimSpace(part)
		p = strings.TrimRight(p, " ,;")
		if p == "" {
			continue
		}
		lead := strings.Index(part, p)
		out = append(out, line{start: l.start + s + lead, end: l.start + s + lead + len(p), text: p})
	}
	if len(out) <= 1 {
		return []line{l}
	}
	return out
}

// streetStart returns where the street before the postcode at pc starts,
// or -1 when no house number stands right before the postcode: the word
// before the number; with a type word alone ("Berliner Straße 5") the
// word before too; and the words that open a street's name ("Am",
// "Unter den").
func (x *extractor) streetStart(t string, words []int, pc int) int {
	// The words before the postcode.
	n := sort.SearchInts(words, pc)
	if n < 2 {
		return -1
	}
	word := func(i int) string {
		e := len(t)
		if i+1 < len(words) {
			e = words[i+1]
		}
		return strings.TrimSpace(t[words[i]:e])
	}
	num := n - 1
	if !reHouseNumber().MatchString(word(num)) {
		return -1
	}
	st := num - 1
	if st < 0 {
		return -1
	}
	w := word(st)
	if strings.HasSuffix(w, ",") {
		return -1
	}
	if r, _ := utf8.DecodeRuneInString(w); !unicode.IsLetter(r) {
		return -1
	}
	pk := x.k.party
	if pk.streetTyp[strings.ToLower(w)] && st > 0 && !strings.HasSuffix(word(st-1), ",") {
		if r, _ := utf8.DecodeRuneInString(word(st - 1)); unicode.IsUpper(r) {
			st--
		}
	}
	for st > 0 && pk.streetLed[strings.ToLower(word(st-1))] {
		st--
	}
	return words[st]
}

// fieldAt returns the kind of the field label s starts with
// (inline_fields) and the end of the label's match, or "".
func (x *extractor) fieldAt(s string) (string, int) {
	pk := x.k.party
	if !pk.fieldHead[strings.ToLower(s[:min(2, len(s))])] {
		return "", 0
	}
	for _, kind := range []string{"text", "number", "register", "contact"} {
		if re := pk.fieldRe[kind]; re != nil {
			if m := re().FindStringIndex(s); m != nil {
				return kind, m[1]
			}
		}
	}
	return "", 0
}

// numberFirstStreet reports whether the words starting at the offsets
// next (in t) name a street after its house number: up to three
// capitalised words, the last a street type ("Dock Road", "Market
// Street").
func (x *extractor) numberFirstStreet(t string, next []int) bool {
	for i := 0; i < len(next) && i < 3; i++ {
		w := strings.TrimRight(firstField(t[next[i]:]), ",")
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) {
			return false
		}
		if i > 0 && x.k.party.streetTyp[strings.ToLower(w)] {
			return true
		}
	}
	return false
}

// capitalisedBetween reports whether a word between offsets a and b of t
// starts with a capital letter.
func capitalisedBetween(t string, a, b int) bool {
	if a < 0 || a >= b {
		return false
	}
	for _, w := range strings.Fields(t[a:b]) {
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
			return true
		}
	}
	return false
}

// wordStarts returns the offsets where the words of t start (after
// spaces or tabs; a line holds no other white space).
func wordStarts(t string) []int {
	var out []int
	space := true
	for i := 0; i < len(t); i++ {
		c := t[i] == ' ' || t[i] == '\t'
		if !c && space {
			out = append(out, i)
		}
		space = c
	}
	return out
}

// firstField returns the first whitespace-separated field of s.
func firstField(s string) string {
	if i := strings.IndexFunc(s, unicode.IsSpace); i >= 0 {
		return s[:i]
	}
	return s
}

// labelEnd returns where the label of a field match ends: before the
// last run of digits, "+" or "(" that the match took from the value.
func labelEnd(m string) int {
	i := len(m)
	for i > 0 && strings.IndexByte("0123456789+(", m[i-1]) >= 0 {
		i--
	}
	return i
}

// joinedBlockLine reports whether a line longer than a block line is
// still one: a party block joined into one paragraph, which holds a
// postcode and no verb of a sentence.
func (x *extractor) joinedBlockLine(l line) bool {
	t := l.text
	if len(t) > 400 {
		return false
	}
	if j, ok := x.joined[l.start]; ok {
		return j
	}
	j := hasDigitRun(t, 4) && !reLongProse.MatchString(t) && rePostcodeCity.MatchString(t) && len(x.unfoldLine(l)) >= 3
	if x.joined == nil {
		x.joined = map[int]bool{}
	}
	x.joined[l.start] = j
	return j
}

// hasDigitRun reports whether s holds n digits in a row (a postcode).
func hasDigitRun(s string, n int) bool {
	run := 0
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			if run++; run >= n {
				return true
			}
		} else {
			run = 0
		}
	}
	return false
}

// trailingLabel finds a role label that ends a line after the party's
// block ("Muster GmbH Weg 1 12345 Ort – Auftraggeber –", "… (nachfolgend
// „Auftragnehmer“)"): it returns where the label starts and its role, or
// -1.
func (x *extractor) trailingLabel(t string) (int, string) {
	if cs := cells(t); len(cs) >= 3 {
		// "| 2 | Fixflow Ltd. | 31 Prince of Wales Road, Norwich NR1 1BL
		// | Processor |": a table row whose last cell is a role word.
		l := cs[len(cs)-1]
		if role := x.k.party.role[strings.ToLower(strings.TrimSpace(t[l[0]:l[1]]))]; role != "" {
			return l[0], role
		}
	}
	// A label ends in its closing dash or parenthesis.
	if !strings.HasSuffix(t, ")") && !strings.HasSuffix(t, "–") && !strings.HasSuffix(t, "—") && !strings.HasSuffix(t, "-") {
		return -1, ""
	}
	for i := max(1, len(t)-80); i < len(t); i++ {
		if t[i-1] != ' ' {
			continue
		}
		if c := t[i]; c != '(' && c != '-' && !strings.HasPrefix(t[i:], "–") && !strings.HasPrefix(t[i:], "—") {
			continue
		}
		kind, role, _ := x.labelKind(t[i:])
		if kind != "trailer" {
			continue
		}
		if head := t[:i]; x.k.party.roleRe.MatchString(head) || reBetween.MatchString(head) {
			// "zwischen A … – nachfolgend „Verantwortlicher“ – und B …":
			// a sentence of both parties, read by the definitions.
			return -1, ""
		}
		return i, role
	}
	return -1, ""
}

// roleColumnHeads are the heads of a party table's column of roles.
var roleColumnHeads = map[string]bool{"rolle": true, "role": true, "funktion": true, "function": true, "eigenschaft": true, "capacity": true}

// roleCellRow reads a row of a party table whose roles stand in a
// middle column under a head of roles ("Vertragspartner<TAB>Rolle<TAB>
// Anschrift" over "Bergsport Huber e.U.<TAB>Verantwortlicher<TAB>…"): it
// returns the role's cell and the role, or -1. The table's rows must
// give both roles, each once, so that a list of sub-processors whose
// role column says "Auftragsverarbeiter" in every row is none.
func (x *extractor) roleCellRow(i int) (int, string) {
	ln := x.lines[i]
	cs := cells(ln.text)
	if len(cs) < 3 {
		return -1, ""
	}
	cellText := func(t string, c [2]int) string { return strings.ToLower(strings.Trim(t[c[0]:c[1]], " |*")) }
	col, role := -1, ""
	for k := 1; k < len(cs)-1; k++ {
		if r, ok := x.k.party.role[cellText(ln.text, cs[k])]; ok {
			col, role = k, r
			break
		}
	}
	if col < 0 {
		return -1, ""
	}
	// The head: a row above with the same cells, a role head in the
	// role's column; the rows between are the table's.
	head := -1
	for j := i - 1; j >= 0 && j >= i-4; j-- {
		hc := cells(x.lines[j].text)
		if len(hc) != len(cs) {
			return -1, ""
		}
		if roleColumnHeads[cellText(x.lines[j].text, hc[col])] {
			head = j
			break
		}
	}
	if head < 0 {
		return -1, ""
	}
	n := map[string]int{}
	for j := head + 1; j < len(x.lines) && j <= head+6; j++ {
		rc := cells(x.lines[j].text)
		if len(rc) != len(cs) {
			break
		}
		if r, ok := x.k.party.role[cellText(x.lines[j].text, rc[col])]; ok {
			n[r]++
		}
	}
	if n["processor"] != 1 || n["controller"] != 1 {
		return -1, ""
	}
	return col, role
}

// reCellSep separates the cells of a row: a run of tabs, or the bars of
// a table row ("| a | b |").
var reCellSep = lazyRegexp(`\t+|\s*\|\s*`)

// cells splits a row into its cells with their offsets in the row; nil
// for a line that is no row.
func cells(t string) [][2]int {
	// (" | " is sought only in a line holding a pipe: a search for it
	// would stop at every space.)
	if !strings.Contains(t, "\t") && !strings.HasPrefix(t, "|") && (strings.IndexByte(t, '|') < 0 || !strings.Contains(t, " | ")) {
		// (A row without outer pipes: "Auftraggeber | Auftragnehmer".)
		return nil
	}
	body, off := t, 0
	if strings.HasPrefix(t, "|") {
		body = strings.TrimSuffix(strings.TrimSpace(t[1:]), "|")
		off = strings.Index(t, body)
		if body == "" {
			off = 1
		}
	}
	var out [][2]int
	from := 0
	for _, m := range reCellSep().FindAllStringIndex(body, -1) {
		out = append(out, [2]int{off + from, off + m[0]})
		from = m[1]
	}
	return append(out, [2]int{off + from, off + len(body)})
}

// A columnBlock is one party's block in a row of blocks side by side.
type columnBlock struct {
	role  string
	block []line
}

// columnBlocks reads the party blocks side by side under the row of role
// labels at line i ("Auftraggeber:\tAuftragnehmer:", "| Controller |
// Processor |"): cell k of the rows below is a line of party k's block.
// nil when line i is no such row.
func (x *extractor) columnBlocks(i int) []columnBlock {
	return x.columnBlocksOf(i, false)
}

// columnBlocksOf is columnBlocks; with oneRole, a signature table's head
// may name one party by its name or short name and the other by a role
// word ("| | Quillby | Customer |" over "| Company | Quillby, Inc. |
// Ostra AB |"): the named column's block comes back without a role, and
// exactly one column must have a role.
func (x *extractor) columnBlocksOf(i int, oneRole bool) []columnBlock {
	ln := x.lines[i]
	head := cells(ln.text)
	if len(head) < 2 || len(head) > 3 {
		return nil
	}
	// "| | Verantwortlicher | Auftragsverarbeiter |": a first column of
	// field labels ("Name", "Anschrift") before the parties' columns.
	labelCol := false
	if len(head) == 3 {
		if k, _, _ := x.labelKind(ln.text[head[0][0]:head[0][1]]); k != "lead" {
			labelCol, head = true, head[1:]
		}
	}
	var out []columnBlock
	roles := map[string]bool{}
	for _, c := range head {
		kind, role, _ := x.labelKind(ln.text[c[0]:c[1]])
		if oneRole && kind != "lead" && strings.TrimSpace(ln.text[c[0]:c[1]]) != "" {
			out = append(out, columnBlock{})
			continue
		}
		if kind != "lead" || roles[role] {
			return nil
		}
		roles[role] = true
		out = append(out, columnBlock{role: role})
	}
	if oneRole && (len(roles) != 1 || len(out) != 2 || !labelCol) {
		return nil
	}
	for j := i + 1; j < len(x.lines) && j <= i+8; j++ {
		row := x.lines[j]
		if strings.Trim(row.text, "|-: \t") == "" {
			// A table's rule row ("| --- | --- |").
			continue
		}
		cs := cells(row.text)
		first := false
		if labelCol {
			if len(cs) != len(head)+1 {
				break
			}
			lbl := strings.ToLower(strings.Trim(row.text[cs[0][0]:cs[0][1]], " *:"))
			if x.k.party.otherLbl[lbl] && !x.k.party.addrLbl[lbl] {
				// "vertreten durch", "Telefon": no line of the block's
				// name and address.
				continue
			}
			// The name's row opens the block.
			first = x.k.party.nameLabel[lbl]
			cs = cs[1:]
		}
		if len(cs) != len(head) {
			break
		}
		for k, c := range cs {
			t := strings.TrimSpace(row.text[c[0]:c[1]])
			if t == "" {
				continue
			}
			lead := strings.Index(row.text[c[0]:c[1]], t)
			l := line{start: row.start + c[0] + lead, end: row.start + c[0] + lead + len(t), text: t}
			if first {
				out[k].block = append([]line{l}, out[k].block...)
			} else {
				out[k].block = append(out[k].block, l)
			}
		}
	}
	return out
}

// reSentenceEnd is the end of a line that ends its sentence or
// introduces what follows.
var reSentenceEnd = lazyRegexp(`[.:;!?)“”"]\s*$`)

// sentenceLineStart returns the start of the line holding offset at; a
// line that goes on with a sentence broken by a page or column break
// (it starts in lower case, after a long line that does not end its
// sentence: "… der Datenweitergabe an" "den Auftragnehmer sowie …")
// starts where that line does.
func (x *extractor) sentenceLineStart(at int) int {
	ls := strings.LastIndexByte(x.text[:at], '\n') + 1
	if r, _ := utf8.DecodeRuneInString(x.text[ls:]); !unicode.IsLower(r) {
		return ls
	}
	prevEnd := strings.TrimRight(x.text[:ls], " \t\n")
	ps := strings.LastIndexByte(prevEnd, '\n') + 1
	if prev := prevEnd[ps:]; len(prev) >= 80 && !reSentenceEnd().MatchString(prev) {
		return ps
	}
	return ls
}

// cellLines turns the cells of a row of line ln into lines of a party's
// block, leaving out empty cells and a cell holding only a row number.
func (x *extractor) cellLines(ln line, cs [][2]int) []line {
	var out []line
	for _, c := range cs {
		t := ln.text[c[0]:c[1]]
		v := strings.TrimSpace(strings.Trim(t, "| "))
		if v == "" || isDigits(strings.TrimRight(v, ".)"), 3) {
			continue
		}
		at := ln.start + c[0] + strings.Index(t, v)
		out = append(out, line{start: at, end: at + len(v), text: v})
	}
	return out
}

// reColumnGap is the gap between two columns of a line: a tab or a run
// of three or more spaces.
var reColumnGap = lazyRegexp(`\t[ \t]*|   +`)

// splitColumns splits a line at its column gaps into parts with their
// offsets in the line.
func splitColumns(t string) []line {
	var out []line
	from := 0
	for _, m := range reColumnGap().FindAllStringIndex(t, -1) {
		if m[0] > from {
			out = append(out, line{start: from, end: m[0], text: t[from:m[0]]})
		}
		from = m[1]
	}
	if from < len(t) {
		out = append(out, line{start: from, end: len(t), text: t[from:]})
	}
	return out
}

// sideBySideRoles reads two signature blocks side by side whose roles
// stand in parentheses under the companies: line i holds the roles
// ("(Auftraggeber)      (Auftragnehmer)"), the line above the companies
// in the same columns ("Klinik am Park Betriebs-GmbH      Sterilgut
// Service Ost GmbH"). Each company must have a legal form; nil otherwise.
func (x *extractor) sideBySideRoles(i int) []partyReading {
	if i == 0 || !strings.Contains(x.lines[i].text, "  ") && !strings.Contains(x.lines[i].text, "\t") {
		return nil
	}
	ln, up := x.lines[i], x.lines[i-1]
	rc, nc := splitColumns(ln.text), splitColumns(up.text)
	if len(rc) != 2 || len(nc) != 2 {
		return nil
	}
	pk := x.k.party
	var out []partyReading
	for k := range rc {
		kind, role, _ := x.labelKind(rc[k].text)
		if kind != "trailer" || k == 1 && out[0].role == role {
			return nil
		}
		l := line{start: up.start + nc[k].start, end: up.start + nc[k].end, text: nc[k].text}
		r := x.partyFromLines([]line{l}, false)
		if r.party == nil || pk.legalRe.FindStringIndex(" "+r.party.Name) == nil {
			return nil
		}
		r.role, r.at, r.src = role, ln.start, "signature"
		out = append(out, r)
	}
	return out
}

// signatureColumns reads two signature blocks side by side under the
// row at line i that names their roles, by tab stops: "Unterschrift
// Auftraggeber<TAB>Unterschrift Auftragnehmer", "Für den Auftraggeber:
// <TAB>Für den Auftragnehmer:", "CUSTOMER<TAB>SUPPLIER". The party of a
// column is the first cell below it, up to eight rows down, that names a
// company with a legal form ("Gärtnerei Lindemann GmbH<TAB>Rechenkontor
// Weser GmbH"); signatories, dates and signature lines are no party.
// Both columns must name one and the roles must differ; nil otherwise.
func (x *extractor) signatureColumns(i int) []partyReading {
	ln := x.lines[i]
	head := cells(ln.text)
	gaps := false
	if head == nil {
		// "Auftraggeber      Auftragnehmer", "Signed for and on behalf
		// of the Controller     Signed for and on behalf of the
		// Processor": two columns set apart by a run of spaces; a row's
		// part belongs to the column it starts under.
		head, gaps = gapCells(ln.text), true
	}
	if len(head) != 2 {
		return nil
	}
	var roles [2]string
	for k, c := range head {
		cell := strings.TrimSpace(ln.text[c[0]:c[1]])
		if kind, role, _ := x.labelKind(cell); kind == "lead" {
			roles[k] = role
		} else if role, ok := x.signatureLeadRole(strings.TrimRight(strings.ToLower(cell), ": ")); ok {
			roles[k] = role
		} else {
			return nil
		}
	}
	if roles[0] == roles[1] {
		return nil
	}
	pk := x.k.party
	var out [2]*partyReading
	for j := i + 1; j < len(x.lines) && j <= i+8 && (out[0] == nil || out[1] == nil); j++ {
		row := x.lines[j]
		if strings.Count(x.text[x.lines[j-1].end:row.start], "\n") > 3 {
			break
		}
		cs := cells(row.text)
		if gaps {
			cs = gapRow(row.text, head[1][0])
		}
		if len(cs) != 2 {
			break
		}
		for k, c := range cs {
			t := strings.TrimSpace(row.text[c[0]:c[1]])
			if out[k] != nil || t == "" || len(t) > 80 || pk.legalRe.FindStringIndex(" "+t) == nil {
				continue
			}
			at := row.start + c[0] + strings.Index(row.text[c[0]:c[1]], t)
			r := x.partyFromLines([]line{{start: at, end: at + len(t), text: t}}, false)
			if r.party == nil || pk.legalRe.FindStringIndex(" "+r.party.Name) == nil {
				return nil
			}
			r.role, r.at, r.src = roles[k], ln.start, "signature"
			out[k] = &r
		}
	}
	if out[0] == nil || out[1] == nil {
		return nil
	}
	return []partyReading{*out[0], *out[1]}
}

// gapCells splits a line at its column gaps (a run of three or more
// spaces, reColumnGap) into cells; nil unless the line has a gap.
func gapCells(t string) [][2]int {
	if !strings.Contains(t, "   ") {
		return nil
	}
	var out [][2]int
	for _, p := range splitColumns(t) {
		out = append(out, [2]int{p.start, p.end})
	}
	return out
}

// gapRow splits a row below a head of two gap-separated columns whose
// right column starts at offset right: a part that starts at least two
// bytes before it is the left cell, a part after it the right cell (an
// empty cell stays empty: "Date:" on the left alone). nil when a part
// spans the two columns or a column holds two parts.
func gapRow(t string, right int) [][2]int {
	out := [][2]int{{0, 0}, {len(t), len(t)}}
	seen := [2]bool{}
	for _, p := range splitColumns(t) {
		k := 0
		if p.start >= right-2 {
			k = 1
		} else if p.end > right {
			return nil
		}
		if seen[k] {
			return nil
		}
		seen[k] = true
		out[k] = [2]int{p.start, p.end}
	}
	return out
}

// hasWWW reports whether s starts with "www." in any case, as
// strings.HasPrefix(strings.ToLower(s), "www.") does, without lowering
// the rest of s (only "W" and "w" lower to "w").
func hasWWW(s string) bool {
	return len(s) >= 4 && s[3] == '.' && s[0]|0x20 == 'w' && s[1]|0x20 == 'w' && s[2]|0x20 == 'w'
}
