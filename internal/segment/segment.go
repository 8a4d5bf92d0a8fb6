// Package segment splits a document's blocks into sentences without breaking
// inside German and English legal abbreviations ("z.B.", "Abs.", "i.V.m.",
// "e.g.", "Sec.") and links list items to the sentence that introduces them.
package segment

import (
	_ "embed"
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/art28/art28/internal/document"
	"github.com/art28/art28/internal/lexicon"
)

//go:embed data/abbreviations.txt
var abbreviationData string

// abbreviations holds lower-case abbreviations with their final period.
var abbreviations = loadAbbreviations(abbreviationData)

func loadAbbreviations(data string) map[string]bool {
	m := map[string]bool{}
	for _, l := range lexicon.Lines(data) {
		m[l] = true
		// "z.B." is also written "z. B.": the parts must not break either.
		if parts := strings.Split(strings.TrimSuffix(l, "."), "."); len(parts) > 1 {
			for _, p := range parts {
				m[p+"."] = m[p+"."] || len(p) == 1
			}
		}
	}
	return m
}

// Sentence is a span of a document's text.
type Sentence struct {
	// Start and End are byte offsets into Document.Text.
	Start, End int
	// Block is the index of the block the sentence belongs to.
	Block int
	// Heading marks sentences that are headings: never evidence.
	Heading bool
	// LeadIn is the index of the sentence that introduces this one (a
	// sentence ending in ":" before a list, or the question an answer
	// follows), or -1.
	LeadIn int
	// Open marks a question that its answer denies ("Unterstützt der
	// Auftragsverarbeiter bei einer DSFA?" answered "Nein, …"): it is
	// never evidence. Other questions keep their reading (a form's
	// questions, a question answered "Ja" or by a description).
	Open bool
}

// Split returns the sentences of a document in reading order. Table rows
// are skipped in favour of their cells.
func Split(doc *document.Document) []Sentence {
	var out []Sentence
	leadIn := -1
	chain := false // the previous sentence continues a list ("...;", "..., and")
	for bi, b := range doc.Blocks {
		if b.Kind == document.TableRow {
			continue
		}
		spans := splitSpan(doc.Text, b.Start, b.End)
		for si, sp := range spans {
			s := Sentence{Start: sp[0], End: sp[1], Block: bi, LeadIn: -1, Heading: b.Kind == document.Heading}
			if s.Heading {
				leadIn, chain = -1, false
				// A clause on a line of its own before lettered items
				// or ticked options, without a colon ("Der Auftragnehmer
				// schützt die Daten insbesondere gegen⏎a) …", "Die
				// Beauftragung von Unterauftragnehmern ist⏎☐ … ☒ …") is
				// their lead-in; a clause (a verb in it) is no title.
				if si == len(spans)-1 && bi+1 < len(doc.Blocks) {
					if k := openLeadIn(doc, b, doc.Blocks[bi+1]); k != noLeadIn {
						s.Heading = k == titleLeadIn
						leadIn = len(out)
					}
				}
				out = append(out, s)
				continue
			}
			// An item follows its lead-in directly, is marked as a list item
			// or table cell, or continues a list whose previous part ended
			// with ";" or "and".
			if leadIn >= 0 && (b.Kind == document.ListItem || b.Kind == document.TableCell || chain || leadIn == len(out)-1 || si == 0 && tickOpens(doc.Text[s.Start:s.End])) {
				s.LeadIn = leadIn
			} else {
				leadIn = -1
			}
			text := strings.TrimSpace(doc.Text[s.Start:s.End])
			chain = endsAsListPart(text)
			out = append(out, s)
			if strings.HasSuffix(text, ":") || strings.HasSuffix(text, "—") || strings.HasSuffix(text, ": -") {
				leadIn = len(out) - 1
			} else if si == len(spans)-1 && bi+1 < len(doc.Blocks) && openLeadIn(doc, b, doc.Blocks[bi+1]) != noLeadIn {
				leadIn = len(out) - 1
			}
		}
	}
	answerQuestions(doc.Text, out)
	return out
}

// Kinds of a lead-in without a colon (openLeadIn).
const (
	noLeadIn     = iota
	clauseLeadIn // a clause: its line is no heading
	titleLeadIn  // a title before ticked options: it stays a heading
)

// openLeadIn reports whether block b, ending without a colon, introduces
// the list that the block after it opens (round22de): the next block is a
// lettered or numbered list item ("a) bei der Sicherheit …", "(1) …") or
// opens with a checkbox ("[x] sind mit vorheriger Zustimmung zulässig",
// "☒ …"), and b ends with no punctuation of its own ("… schützt die
// Daten insbesondere gegen", "Die Verarbeitung umfasst"). A heading is a
// lead-in when it holds a verb (a clause: "Die Verarbeitung umfasst",
// "Im Falle einer Datenpanne unterstützt der Makler den Kunden"), or, as
// a title, before checkbox options ("Unterauftragsverhältnisse⏎[ ] sind
// nicht zulässig⏎[x] sind …"). Numbered titles ("§ 7 …", "3. …") and a
// title before lettered items stay headings without a lead-in.
func openLeadIn(doc *document.Document, b, next document.Block) int {
	text := strings.TrimSpace(doc.Text[b.Start:b.End])
	nt := strings.TrimSpace(doc.Text[next.Start:next.End])
	if text == "" || nt == "" || strings.ContainsAny(text[len(text)-1:], ".;,!?:)]\"") || strings.HasSuffix(text, "“") {
		return noLeadIn
	}
	// An option or item itself continues its own lead-in.
	if tickOpens(text) || b.Kind == document.ListItem {
		return noLeadIn
	}
	tick := tickOpens(nt)
	if !tick && !(next.Kind == document.ListItem && listMarked(nt)) {
		return noLeadIn
	}
	if b.Kind != document.Heading {
		return clauseLeadIn
	}
	if c, _ := utf8.DecodeRuneInString(text); !unicode.IsLetter(c) {
		return noLeadIn
	}
	if hasVerb(text) || lowerEnd(text) {
		return clauseLeadIn
	}
	if tick {
		return titleLeadIn
	}
	return noLeadIn
}

// tickOpens reports whether a text opens with a checkbox mark, ticked or
// not, in either case ("[x]", "[X]").
func tickOpens(t string) bool {
	t = strings.TrimSpace(t)
	for _, m := range tickMarks {
		// "[X]" and "(X)" tick a box as "[x]" does.
		if len(t) >= len(m) && strings.EqualFold(t[:len(m)], m) {
			return true
		}
	}
	return false
}

var tickMarks = append(lexicon.List("checkbox_ticked"), lexicon.List("checkbox_unticked")...)

// listMarked reports a list item opened by a letter or number label:
// "a)", "(a)", "1.", "(1)", "i)".
func listMarked(t string) bool {
	i := 0
	if strings.HasPrefix(t, "(") {
		i = 1
	}
	j := i
	for j < len(t) && j < i+4 && (t[j] >= '0' && t[j] <= '9' || t[j] >= 'a' && t[j] <= 'z') {
		j++
	}
	return j > i && j < len(t) && (t[j] == ')' || t[j] == '.')
}

// hasVerb reports whether a line holds a finite German verb: a lower-case
// word of the lexicon's lead_in_verbs or one ending in "t" that is no
// function word ("umfasst", "unterstützt", "schützt"; not "nicht").
func hasVerb(t string) bool {
	for _, w := range strings.Fields(t) {
		w = strings.Trim(w, "()„“\"',")
		c, _ := utf8.DecodeRuneInString(w)
		if w == "" || !unicode.IsLower(c) {
			continue
		}
		if leadInVerbs[w] || strings.HasSuffix(w, "t") && !leadInNotVerbs[w] {
			return true
		}
	}
	return false
}

// lowerEnd reports a line whose last word is lower-case: a title ends in
// a noun, a clause broken off before its items in a verb or preposition
// ("… schützt die Daten insbesondere gegen", "… Unterauftragnehmern ist").
func lowerEnd(t string) bool {
	w := t[strings.LastIndexByte(t, ' ')+1:]
	c, _ := utf8.DecodeRuneInString(w)
	return unicode.IsLower(c)
}

var (
	leadInVerbs    = lexicon.Set("lead_in_verbs")
	leadInNotVerbs = lexicon.Set("lead_in_not_verbs")
)

// answerQuestions reads contracts written as questions and answers ("|
// Frage | Antwort |" tables, FAQ pages): a sentence ending in "?" whose
// answer (the sentence after it) opens with "Nein"/"No" is Open, and an
// answer takes the question as its lead-in, so that "Wer ist betroffen?"
// → "Mandanten, Mitarbeitende der Kanzlei" reads as one statement.
// A question on a line of its own, which the document reader takes for
// a heading, is read the same way when its answer follows it directly
// (FAQ pages: "Löscht ihr meine Daten?" → "Ja, 30 Tage nach
// Vertragsende."): it is the question of a Q&A pair, not a title, as
// if question and answer stood on one line.
func answerQuestions(text string, out []Sentence) {
	for i := range out {
		q := strings.TrimSpace(text[out[i].Start:out[i].End])
		if !strings.HasSuffix(q, "?") || i+1 >= len(out) || out[i+1].Heading {
			continue
		}
		a := strings.TrimSpace(text[out[i+1].Start:out[i+1].End])
		if strings.HasSuffix(a, "?") {
			continue
		}
		// A question on a line of its own whose answer runs on over
		// further paragraphs ("What happens if something goes wrong?" →
		// "If we find out … we will tell you …" → "We will also help
		// you …") stays the heading of its section as well: the later
		// paragraphs answer it too, and take their topic from it.
		out[i].Heading = out[i].Heading && answerRunsOn(text, out, i+1)
		out[i].Open = denies(a)
		if out[i].Open && !restricts(a) {
			// "Dürft ihr …? Nein, das ist nicht möglich.": a refusal
			// does not take the question's matter as its own. A bare
			// "Nein." followed by limits in the same paragraph ("Ziehe
			// ich andere Firmen hinzu? Nein. Falls das nötig wird, nur
			// mit vorheriger Zustimmung …") grants the matter within
			// them: the limits take the question as their lead-in.
			if bareDenial(a) && i+2 < len(out) && out[i+2].Block == out[i+1].Block && restricts(text[out[i+2].Start:out[i+2].End]) {
				for j := i + 2; j < len(out) && out[j].Block == out[i+1].Block && out[j].LeadIn < 0 && !out[j].Heading; j++ {
					out[j].LeadIn = i
				}
			}
			continue
		}
		if out[i+1].LeadIn < 0 {
			out[i+1].LeadIn = i
		}
		// The answer's further sentences in the same paragraph answer the
		// same question: its subject stays theirs ("Wer bei uns darf die
		// Daten sehen?" → "Nur Mitarbeiter, … . Alle haben sich …
		// verpflichtet.").
		for j := i + 2; j < len(out) && out[j].Block == out[i+1].Block && out[j].LeadIn < 0 && !out[j].Heading; j++ {
			if strings.HasSuffix(strings.TrimSpace(text[out[j].Start:out[j].End]), "?") {
				break
			}
			out[j].LeadIn = i
		}
	}
}

// answerRunsOn reports whether the answer that starts at sentence a goes
// on in a further paragraph: the block after the answer's is neither a
// heading nor a question.
func answerRunsOn(text string, out []Sentence, a int) bool {
	j := a
	for j < len(out) && out[j].Block == out[a].Block {
		j++
	}
	if j >= len(out) || out[j].Heading {
		return false
	}
	return !strings.HasSuffix(strings.TrimSpace(text[out[j].Start:out[j].End]), "?")
}

// restricts reports whether a denying answer goes on to grant the
// question's matter within limits: "Nein – nur nach deinen Weisungen",
// "No, only where a law requires us to" (lexicon: restricting_answers).
func restricts(a string) bool {
	words := " " + strings.Join(strings.FieldsFunc(strings.ToLower(a), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}), " ") + " "
	for _, w := range lexicon.RestrictingAnswers() {
		if strings.Contains(words, " "+w+" ") {
			return true
		}
	}
	return false
}

// bareDenial reports whether an answer is a refusing word ("Nein",
// "No"; lexicon: denying_answers) alone.
func bareDenial(a string) bool {
	a = strings.TrimRight(strings.TrimSpace(a), ".!–- ")
	for _, w := range lexicon.DenyingAnswers() {
		if strings.EqualFold(a, w) {
			return true
		}
	}
	return false
}

// denies reports whether an answer opens with a refusing word ("Nein",
// "No"; lexicon: denying_answers) as a word, in any case.
func denies(a string) bool {
	for _, w := range lexicon.DenyingAnswers() {
		if len(a) >= len(w) && strings.EqualFold(a[:len(w)], w) && (len(a) == len(w) || !unicode.IsLetter(rune(a[len(w)]))) {
			return true
		}
	}
	return false
}

// endsAsListPart reports whether a sentence ends like an enumerated item
// that continues: with ";", "," or a trailing conjunction.
func endsAsListPart(t string) bool {
	if strings.HasSuffix(t, ";") || strings.HasSuffix(t, ",") {
		return true
	}
	tail := t[max(0, len(t)-6):]
	for _, c := range listConjunctions {
		if len(tail) >= len(c) && strings.EqualFold(tail[len(tail)-len(c):], c) {
			return true
		}
	}
	return false
}

// mayEnd marks the bytes that can start a sentence's end: '.', '!', '?'
// and the lead byte 0xE2 of '…'.
var mayEnd = func() (t [256]bool) {
	for _, c := range []byte{'.', '!', '?', 0xE2} {
		t[c] = true
	}
	return t
}()

// skipToEnd returns the offset of the first byte from i on that mayEnd
// marks, testing eight bytes at a time; within the last seven bytes of s
// it returns i, and the caller tests them one by one.
func skipToEnd(s string, i int) int {
	const ones, high = 0x0101010101010101, 0x8080808080808080
	// zero sets the high bit of the first zero byte of x (and perhaps of
	// bytes after it, never of one before it).
	zero := func(x uint64) uint64 { return (x - ones) &^ x & high }
	for ; i+8 <= len(s); i += 8 {
		t := s[i : i+8]
		w := uint64(t[0]) | uint64(t[1])<<8 | uint64(t[2])<<16 | uint64(t[3])<<24 |
			uint64(t[4])<<32 | uint64(t[5])<<40 | uint64(t[6])<<48 | uint64(t[7])<<56
		if m := zero(w^('.'*ones)) | zero(w^('!'*ones)) | zero(w^('?'*ones)) | zero(w^(0xE2*ones)); m != 0 {
			return i + bits.TrailingZeros64(m)/8
		}
	}
	return i
}

// splitSpan splits text[start:end] into sentence spans.
func splitSpan(text string, start, end int) [][2]int {
	var spans [][2]int
	s := start
	within := text[:end]
	for i := start; i < end; {
		// Only '.', '!', '?' and '…' (lead byte 0xE2) can end a sentence;
		// other bytes, continuation bytes included, are skipped without
		// decoding, in a loop of their own.
		for i = skipToEnd(within, i); i < len(within) && !mayEnd[within[i]]; i++ {
		}
		if i >= end {
			break
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if r == '.' || r == '!' || r == '?' || r == '…' {
			j := i + size
			// Absorb closing quotes and brackets, further dots and the
			// closing "**" of a Markdown run-in title ("**Requests.**").
			for j < end {
				r2, sz := utf8.DecodeRuneInString(text[j:])
				if strings.ContainsRune(".!?)\"”’'»]*", r2) {
					j += sz
					continue
				}
				break
			}
			if isBoundary(text, s, i, j, end) {
				a, b := trim(text, s, j)
				if b > a {
					spans = append(spans, [2]int{a, b})
				}
				s = j
			}
			i = j
			continue
		}
		i += size
	}
	a, b := trim(text, s, end)
	if b > a {
		spans = append(spans, [2]int{a, b})
	}
	return spans
}

// isBoundary decides whether the period at dot (ending at after) ends a
// sentence that began at from.
func isBoundary(text string, from, dot, after, end int) bool {
	if after >= end {
		return true
	}
	// Must be followed by white space.
	r, _ := utf8.DecodeRuneInString(text[after:])
	if !unicode.IsSpace(r) {
		return false
	}
	// Next visible character.
	k := after
	for k < end {
		r2, sz := utf8.DecodeRuneInString(text[k:])
		if !unicode.IsSpace(r2) {
			break
		}
		k += sz
	}
	if k >= end {
		return true
	}
	next, _ := utf8.DecodeRuneInString(text[k:])
	if unicode.IsLower(next) {
		return false
	}
	if text[dot] != '.' {
		return true
	}
	// The word before the period.
	w := dot
	for w > from {
		r3, sz := utf8.DecodeLastRuneInString(text[from:w])
		if unicode.IsSpace(r3) || r3 == '(' || r3 == '"' || r3 == '„' || r3 == '“' {
			break
		}
		w -= sz
	}
	word := strings.ToLower(text[w : dot+1])
	if abbreviations[word] {
		return false
	}
	bare := strings.TrimSuffix(word, ".")
	// Single letters ("a.", "B.") are initials or list markers.
	if r, _ := utf8.DecodeRuneInString(bare); utf8.RuneCountInString(bare) == 1 && unicode.IsLetter(r) {
		return false
	}
	// Ordinal numbers before a month ("1. Januar"), clause numbers
	// followed by a number ("Art. 28 Abs. 3 S. 1").
	if isDigits(bare) {
		if len(bare) <= 2 && isMonth(text[k:min(end, k+12)]) {
			return false
		}
		if unicode.IsDigit(next) {
			return false
		}
	}
	return true
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// listConjunctions are the conjunctions that may end a list item that
// goes on in the next, each with the space before it (lexicon:
// list_conjunctions).
var listConjunctions = func() []string {
	var out []string
	for _, c := range lexicon.List("list_conjunctions") {
		out = append(out, " "+c)
	}
	return out
}()

// months are the German month names, sought as a word's beginning
// (lexicon: de_month_names).
var months = lexicon.List("de_month_names")

func isMonth(s string) bool {
	s = strings.ToLower(s)
	for _, m := range months {
		if strings.HasPrefix(s, m) {
			return true
		}
	}
	return false
}

// trim narrows [a, b) to exclude surrounding white space.
func trim(text string, a, b int) (int, int) {
	for a < b {
		r, sz := utf8.DecodeRuneInString(text[a:])
		if !unicode.IsSpace(r) {
			break
		}
		a += sz
	}
	for b > a {
		r, sz := utf8.DecodeLastRuneInString(text[a:b])
		if !unicode.IsSpace(r) {
			break
		}
		b -= sz
	}
	return a, b
}
