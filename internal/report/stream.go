package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/art28/art28/internal/model"
)

// Stream writes the results of a run one at a time as they arrive, so
// that a run over thousands of contracts need not keep them: its output is
// the same as the reporter's Write over all results. Text, Markdown and
// JSON are written as results come (JSON holds back the first result until
// a second one shows whether the output is one indented object or JSON
// Lines); HTML, one page with an overview of every result, is written by
// Close.
type Stream struct {
	rep   Reporter
	w     io.Writer
	opt   Options
	n     int             // results added
	first *model.Result   // JSON: the first result, until the second
	json  *jsonStream     // JSON Lines, from the second result on
	all   []*model.Result // reporters that cannot stream
	texts map[*model.Result]string
}

// NewStream starts writing results of rep to w. opt.Texts is ignored: each
// result's text comes with Add.
func NewStream(rep Reporter, w io.Writer, opt Options) *Stream {
	opt.Texts = nil
	return &Stream{rep: rep, w: w, opt: opt}
}

// Add writes (or, for HTML, keeps) one result with its document's text.
func (s *Stream) Add(r *model.Result, text string) error {
	defer func() { s.n++ }()
	switch s.rep.(type) {
	case JSON:
		if s.n == 0 {
			s.first = r
			return nil
		}
		if s.json == nil {
			s.json = newJSONStream(s.w, false)
			if err := s.json.encode(s.first); err != nil {
				return fmt.Errorf("encode JSON: %w", err)
			}
			s.first = nil
		}
		if err := s.json.encode(r); err != nil {
			return fmt.Errorf("encode JSON: %w", err)
		}
		return nil
	case Text:
		var b strings.Builder
		if s.n > 0 {
			b.WriteString("\n")
		}
		writeText(&b, r, s.opt)
		if _, err := io.WriteString(s.w, b.String()); err != nil {
			return fmt.Errorf("write report: %w", err)
		}
		return nil
	case Markdown:
		var b strings.Builder
		if s.n > 0 {
			b.WriteString("\n---\n\n")
		}
		writeMarkdown(&b, newView(s.n, r, "", language(r, s.opt)))
		if _, err := io.WriteString(s.w, b.String()); err != nil {
			return fmt.Errorf("write Markdown report: %w", err)
		}
		return nil
	}
	s.all = append(s.all, r)
	if s.texts == nil {
		s.texts = map[*model.Result]string{}
	}
	s.texts[r] = text
	return nil
}

// Close writes what Add held back. Nothing is written for a run without
// results.
func (s *Stream) Close() error {
	if s.first != nil {
		return s.rep.Write(s.w, []*model.Result{s.first}, s.opt)
	}
	if len(s.all) > 0 {
		opt := s.opt
		opt.Texts = s.texts
		return s.rep.Write(s.w, s.all, opt)
	}
	return nil
}
