package document

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Section numbering: a heading in question or condition form ("VII. Wenn
// Ihre Beschäftigten ihre Rechte geltend machen", "2 Wer Unteraufträge
// erhält") opens with a word that opens sentences too, so shortTitle
// leaves it to the body. Its number tells it apart: it continues the
// numbering of the headings before it (VI. → VII.), or, for the first
// heading of a style, the next line of the same style carries the next
// number and is a title too. Numbered sentences ("III. Unsere Mitarbeiter
// sind … verpflichtet.") end in a full stop and stay body text; a list
// after a lead-in ("folgende Maßnahmen:") is no heading sequence.

// romanValues are the Roman section numbers reTitleNumber and reParen
// accept.
var romanValues = map[string]int{"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9, "X": 10, "XI": 11, "XII": 12, "XIII": 13, "XIV": 14, "XV": 15}

// sectionNumber reads the section number a line opens with: its style
// ('R' for "IV.", '.' for "4.", ' ' for "4" without a dot, '§' for "§ 4"),
// its value and the title after it.
func sectionNumber(s string) (style byte, n int, rest string, ok bool) {
	if s == "" {
		return 0, 0, "", false
	}
	if strings.HasPrefix(s, "§") {
		t := strings.TrimLeft(s[len("§"):], " ")
		d := leadingDigits(t)
		if d == 0 || d > 3 || len(t) == d || t[d] != ' ' {
			return 0, 0, "", false
		}
		return '§', atoi(t[:d]), strings.TrimSpace(t[d:]), true
	}
	if c := s[0]; c == 'I' || c == 'V' || c == 'X' {
		i := 0
		for i < len(s) && i < 5 && strings.IndexByte("IVX", s[i]) >= 0 {
			i++
		}
		v, known := romanValues[s[:i]]
		if !known || i+1 >= len(s) || s[i] != '.' || s[i+1] != ' ' {
			return 0, 0, "", false
		}
		return 'R', v, strings.TrimSpace(s[i+2:]), true
	}
	d := leadingDigits(s)
	if d == 0 || d > 2 || d+1 >= len(s) {
		return 0, 0, "", false
	}
	switch {
	case s[d] == '.' && s[d+1] == ' ':
		return '.', atoi(s[:d]), strings.TrimSpace(s[d+2:]), true
	case s[d] == ' ':
		return ' ', atoi(s[:d]), strings.TrimSpace(s[d+1:]), true
	}
	return 0, 0, "", false
}

func leadingDigits(s string) int {
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	return i
}

func atoi(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}

// noteNumber records the number of a section heading. A heading of an
// outer style forgets the numbers of the styles inside it (the
// subsections "1.", "2." under "II." start again); an annex heading
// forgets all.
func (p *builder) noteNumber(text string) {
	if len(text) < 80 && annexAt(text) != "" {
		p.nums = p.nums[:0]
		return
	}
	style, n, _, ok := sectionNumber(text)
	if !ok {
		return
	}
	for k := range p.nums {
		if p.nums[k].style == style {
			p.nums[k].n = n
			p.nums = p.nums[:k+1]
			return
		}
	}
	p.nums = append(p.nums, headNum{style, n})
}

// lastNumber returns the number of the last heading of a style.
func (p *builder) lastNumber(style byte) (int, bool) {
	for _, h := range p.nums {
		if h.style == style {
			return h.n, true
		}
	}
	return 0, false
}

// subjectWords open a sentence with its subject ("Wir verarbeiten …",
// "We store …"): a numbered line opening with one is a clause, not a title,
// even in a numbered sequence.
var subjectWords = map[string]bool{"wir": true, "ich": true, "we": true, "i": true, "er": true, "es": true}

// titleShaped reports whether the text after a section number reads as a
// title: short, capitalised, and not a sentence ended by a full stop or
// cut at a function word.
func titleShaped(rest string) bool {
	if rest == "" || len(rest) > 100 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(rest)
	last, _ := utf8.DecodeLastRuneInString(rest)
	if !unicode.IsUpper(r) || strings.ContainsRune(".;,:!", last) {
		return false
	}
	if countFields(rest) > 12 || hasDigitRun(rest) || strings.Contains(rest, " | ") || strings.IndexByte(rest, '\t') >= 0 {
		return false
	}
	first := rest
	if i := strings.IndexByte(rest, ' '); i > 0 {
		first = rest[:i]
	}
	if subjectWords[strings.ToLower(first)] {
		return false
	}
	return !isLabelValue(rest) && !endsInFunctionWord(rest) && !endsTicked(rest)
}

// sequenceTitle reports whether a Roman-numbered line or one numbered
// without a dot that shortTitle left to the body is a heading by its
// number: it is title-shaped, and it continues the numbering of the
// headings before it, or (first heading of its style) the next line of
// its style carries the next number and is title-shaped too.
func (p *builder) sequenceTitle(body string) bool {
	style, n, rest, ok := sectionNumber(body)
	if !ok || style != 'R' && style != ' ' || len(body) > 120 || !titleShaped(rest) || p.afterLeadIn() {
		return false
	}
	if last, seen := p.lastNumber(style); seen {
		return n == last+1
	}
	return p.nextInSequence(style, n+1)
}

// nextInSequence reports whether the next line of the given numbering
// style within a few hundred lines carries the number want and a title.
func (p *builder) nextInSequence(style byte, want int) bool {
	end := min(len(p.lines), p.idx+400)
	for j := p.idx + 1; j < end; j++ {
		t := strings.TrimSpace(p.lines[j].text)
		if t == "" || t[0] != 'I' && t[0] != 'V' && t[0] != 'X' && (t[0] < '0' || t[0] > '9') {
			continue
		}
		s, n, rest, ok := sectionNumber(t)
		if !ok || s != style {
			continue
		}
		if n != want {
			return false
		}
		if _, ok := shortTitle(t); ok {
			return true
		}
		return titleShaped(rest)
	}
	return false
}

// wrappedClause reports whether a numbered line that reads as a title is
// the first line of a clause wrapped onto the next line: it opens with a
// word that opens sentences ("1. Der Auftragnehmer verarbeitet … nur im
// Rahmen der Weisungen") and the next line goes on in lower case ("des
// Auftraggebers …").
func (p *builder) wrappedClause(body string) bool {
	loc := labelAt(body)
	if loc <= 0 || p.idx+1 >= len(p.lines) {
		return false
	}
	rest := body[loc:]
	first := rest
	if i := strings.IndexByte(rest, ' '); i > 0 {
		first = rest[:i]
	}
	if !clauseStart[strings.ToLower(first)] && !subjectWords[strings.ToLower(first)] {
		return false
	}
	next := strings.TrimLeft(p.lines[p.idx+1].text, " \t")
	r, _ := utf8.DecodeRuneInString(next)
	return unicode.IsLower(r)
}

// restartsList reports whether a numbered line that reads as a title is
// the first item of a list of sentences inside a section, and if so opens
// it as a list item: the number does not continue the numbered headings
// before it but starts again ("1. Wir arbeiten nur nach Ihren Weisungen"
// under "2. Unsere Pflichten"), and it opens with a word that opens
// sentences. The items after it continue the list (numberedItem).
func (p *builder) restartsList(start, end int, body string) bool {
	style, n, rest, ok := sectionNumber(body)
	if !ok || style != '.' {
		return false
	}
	last, seen := p.lastNumber('.')
	if !seen || n > last {
		return false
	}
	first := rest
	if i := strings.IndexByte(rest, ' '); i > 0 {
		first = rest[:i]
	}
	if !clauseStart[strings.ToLower(first)] && !subjectWords[strings.ToLower(first)] {
		return false
	}
	p.flush()
	label := body[:strings.IndexByte(body, '.')+1]
	p.open = &Block{Kind: ListItem, Start: start, End: end, Label: label, Section: p.section, Annex: p.annex, Row: -1, Cell: -1}
	p.lastLine = p.open.Start
	p.numStyle, p.numNext = ".", n+1
	p.sawGap = false
	return true
}

// annexNumber returns the number of the annex a line opens with: "Anlage
// 2" 2, "Annex B" 2, "Anhang IV" 4.
func annexNumber(s string) (int, bool) {
	m := annexAt(s)
	f := strings.Fields(m)
	if len(f) < 2 {
		return 0, false
	}
	id := f[len(f)-1]
	switch {
	case id[0] >= '0' && id[0] <= '9':
		return atoi(id[:leadingDigits(id)]), true
	case romanValues[id] > 0:
		return romanValues[id], true
	case len(id) == 1 && id[0] >= 'A' && id[0] <= 'Z':
		return int(id[0]-'A') + 1, true
	}
	return 0, false
}

// annexListEntry reports whether a line naming an annex is an entry of a
// list of the contract's annexes, not the annex's heading: it follows a
// lead-in ("Folgende Anlagen sind Bestandteil dieses Vertrags:") and the
// next line names the next annex, or it names the annex after the entry
// before it. The annexes themselves start again at the first number, so
// they keep their headings; the clauses after such a list stand in no
// annex.
func (p *builder) annexListEntry(body string) bool {
	if len(body) >= 80 || !mayBeAnnex(body) {
		return false
	}
	n, ok := annexNumber(body)
	if !ok {
		return false
	}
	if p.open != nil && p.open.Start == p.listedAnnex && n == p.listedNum+1 {
		p.listedNum = n
		return true
	}
	if !p.afterLeadIn() {
		return false
	}
	for j := p.idx + 1; j < len(p.lines) && j < p.idx+4; j++ {
		t := strings.TrimSpace(p.lines[j].text)
		if t == "" {
			continue
		}
		if m, ok := annexNumber(t); ok && m == n+1 && len(t) < 80 {
			p.listedNum = n
			return true
		}
		return false
	}
	return false
}
