package findings

import (
	"cmp"
	"fmt"
	"sort"
	"strings"

	"github.com/art28/art28/internal/document"
	"github.com/art28/art28/internal/model"
	"github.com/art28/art28/internal/prefilter"
)

// Blanks is the check kind that reports every unfilled blank of a
// template, each where it stands: underscores, bracketed and angled
// placeholders, "{{ name }}", "XX.XX.XXXX", unchecked boxes, empty form
// fields. Each form is data (BlankForm); the kind only runs them line by
// line.
const Blanks Kind = "blanks"

// BlankForm is one form of unfilled blank for kind "blanks".
type BlankForm struct {
	// ID names the form in the playbook.
	ID string `yaml:"id"`
	// Regexp finds the blank on one line (case-sensitive; use (?i) where
	// case does not matter). With a capture group, the first group is the
	// blank.
	Regexp string `yaml:"regexp"`
	// Not drops a blank whose own text matches it (a reference such as
	// "[Anlage 1]" rather than a placeholder).
	Not string `yaml:"not"`
	// NotLine drops a blank whose line matches it (a signature line).
	NotLine string `yaml:"not_line"`
	// UnlessText turns the form off for a document that matches it (boxes
	// are only blank when none is ticked).
	UnlessText string `yaml:"unless_text"`
	// Run is how many consecutive lines must hold this form (empty form
	// fields only count as a block of at least two).
	Run int `yaml:"run"`
	// Needs are literals of which a line must hold one for the form to
	// run on it: a fast substring scan instead of running the expression
	// over the whole text. Every form has some.
	Needs []string `yaml:"needs"`
	// MaxLen is the longest blank in bytes (default 200); the expressions
	// leave lengths open, which keeps them cheap to run.
	MaxLen int `yaml:"max_len"`
	// LineStart keeps only blanks that begin their line (after
	// indentation): "Anschrift:" alone on a line, "☐ Kunden".
	LineStart bool `yaml:"line_start"`
	// FromLineStart cites the line from its start to the blank, so that
	// "Firma: ____" is quoted with its label.
	FromLineStart bool `yaml:"from_line_start"`
	// WholeLine cites the whole line ("☐ Kunden").
	WholeLine bool `yaml:"whole_line"`
	// LabelAbove cites a line that holds nothing but blanks together with
	// the line above it, which names what belongs there.
	LabelAbove bool `yaml:"label_above"`
	// AfterRow keeps only blanks whose line follows a table row (a line
	// starting with "|"): a row of empty cells under a table's header.
	AfterRow bool `yaml:"after_row"`
	// Header keeps only blanks under a table (Markdown rows, a line
	// starting with "|") whose first row matches it: an empty row under
	// "Unterauftragnehmer | Leistung", not the empty signature row under
	// "Auftraggeber | Auftragnehmer".
	Header string `yaml:"header"`
	// Below keeps only blanks whose next non-empty line matches it: a
	// dotted line with "(Name und Anschrift des Auftraggebers)" beneath.
	Below string `yaml:"below"`
	// NotBelow drops a line of nothing but blanks whose next non-empty
	// line matches it: the signature line above "Auftraggeber
	// Auftragnehmer".
	NotBelow string `yaml:"not_below"`
	// NotBefore drops a blank when the text of its line before it (at
	// most notBeforeReach bytes) matches (anchor with $): the title after
	// "Anlage 2 [Technische und organisatorische Maßnahmen]".
	NotBefore string `yaml:"not_before"`
	// NotQuoted drops a blank matching it that stands inside a quotation
	// on its line: "[…]" marking an omission in a quoted law.
	NotQuoted string `yaml:"not_quoted"`
	// NotNear drops a blank whose line matches NearLabel when a line
	// within Near lines above or below (default 2, non-empty lines)
	// matches NotNear: "Name: ____" and "Title: ____" in a signature
	// block.
	NotNear   string `yaml:"not_near"`
	NearLabel string `yaml:"near_label"`
	Near      int    `yaml:"near"`

	re, unless *prefilter.Regexp
	// not, notLine, header and the others compile their expressions on
	// first use (nil when the form has none): most documents reach few
	// forms. They are only asked MatchString, which the prefilter's
	// automaton answers.
	not, notLine, header, below, notBelow, notBefore, notQuoted, notNear, nearLabel *prefilter.Regexp
}

func (f *BlankForm) compile() error {
	if f.ID == "" || f.Regexp == "" || len(f.Needs) == 0 {
		return fmt.Errorf("blanks: each form needs an id, a regexp and needs")
	}
	for _, n := range f.Needs {
		if n == "" {
			return fmt.Errorf("blanks: form %s: empty need", f.ID)
		}
	}
	if (f.NotNear == "") != (f.NearLabel == "") {
		return fmt.Errorf("blanks: form %s: not_near and near_label go together", f.ID)
	}
	var err error
	// The form runs once over the whole text, line anchors per line.
	if f.re, err = prefilter.Compile("(?m)" + f.Regexp); err != nil {
		return fmt.Errorf("blanks: form %s: %w", f.ID, err)
	}
	for _, p := range []struct {
		src string
		dst **prefilter.Regexp
	}{{f.Not, &f.not}, {f.NotLine, &f.notLine}, {f.Header, &f.header}, {f.Below, &f.below}, {f.NotBelow, &f.notBelow}, {f.NotBefore, &f.notBefore}, {f.NotQuoted, &f.notQuoted}, {f.NotNear, &f.notNear}, {f.NearLabel, &f.nearLabel}} {
		if p.src == "" {
			continue
		}
		// Compile reports every error regexp.Compile reports (the same
		// error); the expression is compiled when first used.
		if *p.dst, err = prefilter.Compile(p.src); err != nil {
			return fmt.Errorf("blanks: form %s: %w", f.ID, err)
		}
	}
	if f.UnlessText != "" {
		if f.unless, err = prefilter.Compile(f.UnlessText); err != nil {
			return fmt.Errorf("blanks: form %s: %w", f.ID, err)
		}
	}
	return nil
}

// notBeforeReach is how far before a blank NotBefore looks: a reference
// such as "Anlage 12.3 " is short, and a whole paragraph line would cost
// a scan per blank.
const notBeforeReach = 40

// blankChars are the characters of a line that holds only blanks.
const blankChars = "_.…| \t\r"

// prevLineStart returns the start of the last non-empty line before the
// line starting at ls (ls itself if there is none).
func prevLineStart(text string, ls int) int {
	end := ls - 1
	for end > 0 {
		s := strings.LastIndexByte(text[:end], '\n') + 1
		if strings.TrimSpace(text[s:end]) != "" {
			return s
		}
		end = s - 1
	}
	return ls
}

// nextLineStart returns the start of the first non-empty line after the
// line ending at le (the offset of its line break), len(text) if there
// is none.
func nextLineStart(text string, le int) int {
	for le < len(text) {
		s := le + 1
		e := document.LineEnd(text, min(s, len(text)))
		if strings.TrimSpace(text[min(s, len(text)):e]) != "" {
			return s
		}
		le = e
	}
	return len(text)
}

// lineText returns the line starting at ls without its line break.
func lineText(text string, ls int) string {
	return strings.TrimRight(text[ls:document.LineEnd(text, ls)], "\r\n")
}

// nearLine reports whether one of the n non-empty lines above or below
// the line [ls, le) matches re.
func nearLine(text string, ls, le, n int, re *prefilter.Regexp) bool {
	for i, s := 0, ls; i < n; i++ {
		ps := prevLineStart(text, s)
		if ps == s {
			break
		}
		if re.MatchString(lineText(text, ps)) {
			return true
		}
		s = ps
	}
	for i, e := 0, le; i < n; i++ {
		ns := nextLineStart(text, e)
		if ns >= len(text) {
			break
		}
		if re.MatchString(lineText(text, ns)) {
			return true
		}
		e = document.LineEnd(text, ns)
	}
	return false
}

// quoted reports whether [s, e) of line stands inside a quotation: an
// opening quotation mark before it on the line that is not closed there,
// and a closing one after it.
func quoted(line string, s, e int) bool {
	before, after := line[:s], line[e:]
	if strings.Count(before, `"`)%2 == 1 && strings.Contains(after, `"`) {
		return true
	}
	open := strings.LastIndexAny(before, "„“”«»‚")
	if open < 0 {
		return false
	}
	switch {
	case strings.HasPrefix(before[open:], "„"), strings.HasPrefix(before[open:], "‚"):
		return strings.ContainsAny(after, "“‘")
	case strings.HasPrefix(before[open:], "“"):
		// English “…”; a German closing mark closes nothing after it.
		return strings.Contains(after, "”")
	case strings.HasPrefix(before[open:], "»"):
		return strings.Contains(after, "«")
	case strings.HasPrefix(before[open:], "«"):
		return strings.Contains(after, "»")
	}
	return false
}

// tableHeader returns the first line of the run of lines starting with
// "|" that ends with the line before ls, or "" if that line starts no
// table row.
func tableHeader(text string, ls int) string {
	head := ""
	for {
		ps := prevLineStart(text, ls)
		if ps == ls {
			return head
		}
		l := text[ps : ls-1]
		if !strings.HasPrefix(strings.TrimLeft(l, " \t"), "|") {
			return head
		}
		head, ls = l, ps
	}
}

// blanks runs the forms over the text. Evidence is sorted by position and
// capped at the rule's MaxEvidence (default MaxEvidence).
func (r *Rule) blanks(st *state) []model.Evidence {
	in := st.in
	text := in.Doc.Text
	limit := r.MaxEvidence
	if limit <= 0 {
		limit = MaxEvidence
	}
	var hits []span
	// The line starts holding each literal, shared by the forms.
	var needs []string
	for i := range r.Blanks {
		needs = append(needs, r.Blanks[i].Needs...)
	}
	lines := linesWithAll(text, needs)
	for i := range r.Blanks {
		hits = append(hits, r.Blanks[i].find(text, lines)...)
	}
	sort.SliceStable(hits, func(i, j int) bool { return hits[i].start < hits[j].start })
	var ev []model.Evidence
	lastEnd := -1
	for _, h := range hits {
		if h.start < lastEnd {
			continue // one blank is cited once
		}
		lastEnd = h.end
		sec := ""
		if si := sentenceAt(in, h.start); si >= 0 {
			sec = in.Evidence(si).Section
		}
		ev = append(ev, model.Evidence{Text: text[h.start:h.end], Start: h.start, End: h.end, Section: sec, Page: in.Doc.PageAt(h.start)})
		if len(ev) == limit {
			break
		}
	}
	return ev
}

// span is a byte range of the text.
type span struct{ start, end int }

// matches runs the form's expression on the lines that hold one of its
// Needs, with offsets into text. lines caches the line starts found for
// each literal.
func (f *BlankForm) matches(text string, lines map[string][]int) [][]int {
	var starts []int
	for _, n := range f.Needs {
		ls, ok := lines[n]
		if !ok {
			ls = linesWith(text, n)
			lines[n] = ls
		}
		starts = append(starts, ls...)
	}
	if len(f.Needs) > 1 {
		sort.Ints(starts)
	}
	var out [][]int
	prev := -1
	for _, ls := range starts {
		if ls == prev {
			continue
		}
		prev = ls
		le := document.LineEnd(text, ls)
		for _, m := range f.re.FindAllStringSubmatchIndex(text[ls:le], -1) {
			for k := range m {
				if m[k] >= 0 {
					m[k] += ls
				}
			}
			out = append(out, m)
		}
	}
	return out
}

// linesWithAll returns linesWith(text, n) for each of needs, all found
// in one pass over the text: the forms' needs are about thirty literals,
// several of whose first bytes are common ('.', ':', 't'), so one scan
// per first byte would stop at most bytes of the text. A position is
// compared with the needs only when its first byte starts one and, unless
// a need is that byte alone, its second byte follows it in one.
func linesWithAll(text string, needs []string) map[string][]int {
	lines := make(map[string][]int, len(needs))
	var group []string // the distinct needs
	for _, n := range needs {
		if _, ok := lines[n]; ok || n == "" {
			continue
		}
		lines[n] = nil
		group = append(group, n)
	}
	// first[c]: 1 + the row of byFirst for the needs starting with byte
	// c, 0 when none does. pair[row] holds their second bytes (all when
	// one of them is c alone).
	var first [256]uint16
	var byFirst [][]int
	var pair [][4]uint64
	for g, n := range group {
		c := n[0]
		if first[c] == 0 {
			byFirst = append(byFirst, nil)
			pair = append(pair, [4]uint64{})
			first[c] = uint16(len(byFirst))
		}
		r := first[c] - 1
		byFirst[r] = append(byFirst[r], g)
		if len(n) == 1 {
			pair[r] = [4]uint64{^uint64(0), ^uint64(0), ^uint64(0), ^uint64(0)}
		} else {
			pair[r][n[1]/64] |= 1 << (n[1] % 64)
		}
	}
	// next[g]: where group[g] may be found again, past the end of the
	// last line that held it (each line is listed once).
	next := make([]int, len(group))
	for i := 0; i < len(text); i++ {
		f := first[text[i]]
		if f == 0 {
			continue
		}
		r := f - 1
		if p := &pair[r]; p[0] != ^uint64(0) {
			if i+1 == len(text) {
				continue
			}
			if c1 := text[i+1]; p[c1/64]&(1<<(c1%64)) == 0 {
				continue
			}
		}
		ls, le := -1, -1
		for _, g := range byFirst[r] {
			n := group[g]
			if i < next[g] || !strings.HasPrefix(text[i:], n) {
				continue
			}
			if ls < 0 {
				ls = strings.LastIndexByte(text[:i], '\n') + 1
				if le = strings.IndexByte(text[i:], '\n'); le < 0 {
					le = len(text)
				} else {
					le += i + 1
				}
			}
			lines[n] = append(lines[n], ls)
			next[g] = le
		}
	}
	return lines
}

// linesWith returns the start offsets of the lines that hold n, in order.
func linesWith(text, n string) []int {
	var starts []int
	for off := 0; ; {
		i := strings.Index(text[off:], n)
		if i < 0 {
			return starts
		}
		i += off
		starts = append(starts, strings.LastIndexByte(text[:i], '\n')+1)
		le := strings.IndexByte(text[i:], '\n')
		if le < 0 {
			return starts
		}
		off = i + le + 1
	}
}

// find returns the blanks of one form: each match, on a line the form
// does not exclude, widened as the form says; runs shorter than Run are
// dropped.
func (f *BlankForm) find(text string, lines map[string][]int) []span {
	ms := f.matches(text, lines)
	if len(ms) == 0 || f.unless != nil && f.unless.MatchString(text) {
		return nil
	}
	var out, run []span
	runEnd := -1 // end of the last line in the current run
	flush := func() {
		if len(run) >= max(1, f.Run) {
			out = append(out, run...)
		}
		run = run[:0]
	}
	for _, m := range ms {
		s, e := m[0], m[1]
		if len(m) >= 4 && m[2] >= 0 {
			s, e = m[2], m[3]
		}
		if e-s > cmp.Or(f.MaxLen, 200) || f.not != nil && f.not.MatchString(text[s:e]) {
			continue
		}
		ls, le := document.LineAt(text, s)
		line := text[ls:le]
		if f.LineStart && strings.TrimLeft(text[ls:m[0]], " \t") != "" {
			continue
		}
		if f.notLine != nil && f.notLine.MatchString(line) {
			continue
		}
		if f.AfterRow {
			if ps := prevLineStart(text, ls); ps == ls || !strings.HasPrefix(strings.TrimLeft(text[ps:ls], " \t"), "|") {
				continue
			}
		}
		if f.header != nil && !f.header.MatchString(tableHeader(text, ls)) {
			continue
		}
		if f.below != nil || f.notBelow != nil && strings.Trim(line, blankChars) == "" {
			next := ""
			if ns := nextLineStart(text, le); ns < len(text) {
				next = lineText(text, ns)
			}
			if f.below != nil && !f.below.MatchString(next) || f.notBelow != nil && strings.Trim(line, blankChars) == "" && f.notBelow.MatchString(next) {
				continue
			}
		}
		if f.notBefore != nil && f.notBefore.MatchString(text[max(ls, s-notBeforeReach):s]) {
			continue
		}
		if f.notQuoted != nil && f.notQuoted.MatchString(text[s:e]) && quoted(line, s-ls, e-ls) {
			continue
		}
		if f.notNear != nil && f.nearLabel.MatchString(line) && nearLine(text, ls, le, cmp.Or(f.Near, 2), f.notNear) {
			continue
		}
		h := span{s, e}
		if f.FromLineStart || f.WholeLine {
			h.start = min(e, ls+len(line)-len(strings.TrimLeft(line, " \t")))
		}
		if f.WholeLine {
			h.end = max(h.start, ls+len(strings.TrimRight(line, " \t\r")))
		}
		if f.LabelAbove && strings.Trim(line, blankChars) == "" {
			// The whole line with the label line above it; a signature
			// label there makes it a signature line.
			h = span{prevLineStart(text, ls), ls + len(strings.TrimRight(line, " \t\r"))}
			if above := text[h.start:max(h.start, ls-1)]; f.notLine != nil && f.notLine.MatchString(above) {
				continue
			}
		}
		if f.Run > 1 {
			// Lines in a run follow each other, blank lines aside.
			if runEnd >= 0 && ls > runEnd && strings.TrimSpace(text[runEnd:ls]) != "" {
				flush()
			}
			runEnd = le
		}
		run = append(run, h)
	}
	flush()
	return out
}
