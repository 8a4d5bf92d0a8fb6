package findings

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/art28/art28/internal/model"
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
	// FromLineStart cites the line from its start to the blank, so that
	// "Firma: ____" is quoted with its label.
	FromLineStart bool `yaml:"from_line_start"`
	// WholeLine cites the whole line ("☐ Kunden").
	WholeLine bool `yaml:"whole_line"`
	// LabelAbove cites a line that holds nothing but blanks together with
	// the line above it, which names what belongs there.
	LabelAbove bool `yaml:"label_above"`

	re, not, notLine, unless *regexp.Regexp
}

func (f *BlankForm) compile() error {
	if f.ID == "" || f.Regexp == "" {
		return fmt.Errorf("blanks: each form needs an id and a regexp")
	}
	var err error
	for _, p := range []struct {
		src string
		dst **regexp.Regexp
	}{{f.Regexp, &f.re}, {f.Not, &f.not}, {f.NotLine, &f.notLine}, {f.UnlessText, &f.unless}} {
		if p.src == "" {
			continue
		}
		if *p.dst, err = regexp.Compile(p.src); err != nil {
			return fmt.Errorf("blanks: form %s: %w", f.ID, err)
		}
	}
	return nil
}

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

// blanks runs the forms over the lines of the text. Evidence is sorted by
// position and capped at the rule's MaxEvidence (default MaxEvidence).
func (r *Rule) blanks(st *state) []model.Evidence {
	in := st.in
	text := in.Doc.Text
	limit := r.MaxEvidence
	if limit <= 0 {
		limit = MaxEvidence
	}
	type hit struct{ start, end int }
	taken := map[int]bool{}
	var hits []hit
	for i := range r.Blanks {
		f := &r.Blanks[i]
		if f.unless != nil && f.unless.MatchString(text) {
			continue
		}
		var run []hit
		flush := func() {
			if len(run) >= max(1, f.Run) {
				hits = append(hits, run...)
			}
			run = run[:0]
		}
		for ls := 0; ls < len(text); {
			le := strings.IndexByte(text[ls:], '\n')
			if le < 0 {
				le = len(text)
			} else {
				le += ls
			}
			line := text[ls:le]
			found := false
			if f.notLine == nil || !f.notLine.MatchString(line) {
				for _, m := range f.re.FindAllStringSubmatchIndex(line, -1) {
					s, e := m[0], m[1]
					if len(m) >= 4 && m[2] >= 0 {
						s, e = m[2], m[3]
					}
					if f.not != nil && f.not.MatchString(line[s:e]) {
						continue
					}
					found = true
					if f.FromLineStart || f.WholeLine {
						s = min(e, len(line)-len(strings.TrimLeft(line, " \t")))
					}
					if f.WholeLine {
						e = max(s, len(strings.TrimRight(line, " \t\r")))
					}
					h := hit{ls + s, ls + e}
					if f.LabelAbove && strings.Trim(line, blankChars) == "" {
						// The whole line with the label line above; a
						// signature label there makes it a signature line.
						h = hit{prevLineStart(text, ls), ls + len(strings.TrimRight(line, " \t\r"))}
						if above := text[h.start:max(h.start, ls-1)]; f.notLine != nil && f.notLine.MatchString(above) {
							found = false
							break
						}
					}
					run = append(run, h)
				}
			}
			if !found && strings.TrimSpace(line) != "" {
				flush()
			}
			ls = le + 1
		}
		flush()
	}
	// Sort by position; one blank is cited once.
	sortHits := func(a []hit) {
		for i := 1; i < len(a); i++ {
			for j := i; j > 0 && a[j].start < a[j-1].start; j-- {
				a[j], a[j-1] = a[j-1], a[j]
			}
		}
	}
	sortHits(hits)
	var ev []model.Evidence
	lastEnd := -1
	for _, h := range hits {
		if taken[h.start] || h.start < lastEnd {
			continue
		}
		taken[h.start] = true
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
