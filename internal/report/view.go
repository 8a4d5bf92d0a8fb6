package report

import (
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/art28/art28/internal/catalog"
	"github.com/art28/art28/internal/document"
	"github.com/art28/art28/internal/model"
)

// view is one result prepared for the human-readable formats (HTML and
// Markdown): texts in the report language, findings grouped by severity,
// and the contract text cut into highlighted and plain segments.
type view struct {
	// ID prefixes every anchor of this document, so several documents can
	// share one HTML file.
	ID       string
	Lang     string
	Result   *model.Result
	Reqs     []reqView
	Groups   []findingGroup
	Findings int
	// Segments is the contract text; empty when the text is not known.
	Segments []segment
	// Missing lists the titles of missing mandatory requirements.
	Missing []reqView
	// Facts are the extracted contract facts, empty when not known.
	Facts facts
}

// reqView is one checklist row.
type reqView struct {
	ID, Anchor, Title, Article, Level, Status string
	StatusLabel                               string
	Mandatory                                 bool
	// Uncertain marks a status only the safety net gave (model.Verdict).
	Uncertain bool
	// Evidence are the passages quoted in full; More are further passages,
	// linked but not quoted, so a long checklist stays readable.
	Evidence, More []evView
	// Suggestion is clause wording for a missing or partial requirement.
	Suggestion string
}

// evView is one quoted passage with the anchor of its highlight in the
// contract text ("" when the text is not shown).
type evView struct {
	Anchor, Text, Section string
	Page                  int
}

// findingGroup holds the findings of one severity.
type findingGroup struct {
	Severity, Label string
	Items           []findingView
}

// findingView is one finding with its evidence.
type findingView struct {
	model.Finding
	Anchor   string
	Evidence []evView
}

// segment is a piece of the contract text. Anchors are the ids of the
// evidence passages that start here; Refs names the checklist anchors the
// highlighted piece belongs to.
type segment struct {
	Text      string
	Anchors   []string
	Highlight bool
	Ref       string
	Title     string
}

// maxQuotes is how many passages a checklist row quotes in full.
const maxQuotes = 3

// severityOrder ranks finding severities, most severe first; unknown
// severities sort last.
var severityOrder = []string{"critical", "high", "medium", "low", "info"}

func severityRank(s string) int {
	for i, x := range severityOrder {
		if x == s {
			return i
		}
	}
	return len(severityOrder)
}

// span is one distinct evidence passage in the contract text.
type span struct {
	start, end int
	anchor     string
	refs       []string // checklist/finding anchors quoting it
	ids        []string // requirement or finding ids quoting it
}

// newView prepares result r, the idx-th of the run, in language lang. text
// is the document's extracted text or "" when it is unknown.
func newView(idx int, r *model.Result, text, lang string) *view {
	v := &view{ID: fmt.Sprintf("d%d", idx+1), Lang: lang, Result: r}
	spans := map[[2]int]*span{}
	var order []*span
	// anchorFor registers an evidence passage and returns its anchor, or
	// "" when the offsets do not fit the text.
	anchorFor := func(e model.Evidence, ref, id string) string {
		if text == "" || e.Start < 0 || e.End > len(text) || e.Start >= e.End {
			return ""
		}
		start, end := runeStart(text, e.Start), runeStart(text, e.End)
		if start >= end {
			return ""
		}
		key := [2]int{start, end}
		s := spans[key]
		if s == nil {
			s = &span{start: start, end: end, anchor: fmt.Sprintf("%s-ev%d", v.ID, len(order)+1)}
			spans[key] = s
			order = append(order, s)
		}
		s.refs = append(s.refs, ref)
		s.ids = append(s.ids, id)
		return s.anchor
	}
	evidence := func(es []model.Evidence, ref, id string) []evView {
		out := make([]evView, 0, len(es))
		for _, e := range es {
			out = append(out, evView{
				Anchor:  anchorFor(e, ref, id),
				Text:    document.Collapse(e.Text),
				Section: e.Section,
				Page:    e.Page,
			})
		}
		return out
	}
	cat := catalog.Default()
	for _, q := range r.Requirements {
		rv := reqView{
			ID: q.ID, Anchor: v.ID + "-req-" + q.ID, Title: q.Title, Article: cite(lang, q.Article),
			Level: q.Level, Status: q.Status, StatusLabel: label(lang, "status_", q.Status),
			Mandatory: q.Level == string(catalog.Mandatory),
		}
		rv.Title = requirementTitle(lang, q)
		if q.Uncertain {
			rv.Uncertain = true
			rv.StatusLabel += " (" + tr(lang, "uncertain") + ")"
		}
		if c := cat.Requirement(q.ID); c != nil {
			if q.Status == string(catalog.Missing) || q.Status == string(catalog.Partial) {
				rv.Suggestion = strings.TrimSpace(c.Suggestion.In(lang))
			}
		}
		rv.Evidence = evidence(q.Evidence, rv.Anchor, q.ID)
		if len(rv.Evidence) > maxQuotes {
			rv.Evidence, rv.More = rv.Evidence[:maxQuotes], rv.Evidence[maxQuotes:]
		}
		v.Reqs = append(v.Reqs, rv)
		if rv.Mandatory && q.Status == string(catalog.Missing) {
			v.Missing = append(v.Missing, rv)
		}
	}
	v.Facts = factsOf(r, lang, func(es []model.Evidence) []evView { return evidence(es, v.ID+"-facts", "facts") })
	groups := map[string]*findingGroup{}
	for i, f := range r.Findings {
		fv := findingView{Finding: f, Anchor: fmt.Sprintf("%s-f%d", v.ID, i+1)}
		fv.Evidence = evidence(f.Evidence, fv.Anchor, f.ID)
		g := groups[f.Severity]
		if g == nil {
			g = &findingGroup{Severity: f.Severity, Label: label(lang, "severity_", f.Severity)}
			groups[f.Severity] = g
		}
		g.Items = append(g.Items, fv)
		v.Findings++
	}
	for _, g := range groups {
		v.Groups = append(v.Groups, *g)
	}
	sort.Slice(v.Groups, func(i, j int) bool {
		ri, rj := severityRank(v.Groups[i].Severity), severityRank(v.Groups[j].Severity)
		if ri != rj {
			return ri < rj
		}
		return v.Groups[i].Severity < v.Groups[j].Severity
	})
	if text != "" {
		v.Segments = segments(text, order)
		// Leading blank lines would open the text box with a gap.
		if first := &v.Segments[0]; !first.Highlight {
			first.Text = strings.TrimLeft(first.Text, "\n")
		}
	}
	return v
}

// segments cuts text at every evidence boundary. A piece covered by at
// least one passage is highlighted and refers to the first checklist row
// quoting the innermost passage covering it.
func segments(text string, spans []*span) []segment {
	cuts := map[int]bool{0: true, len(text): true}
	starts := map[int][]string{}
	for _, s := range spans {
		cuts[s.start] = true
		cuts[s.end] = true
		starts[s.start] = append(starts[s.start], s.anchor)
	}
	pos := make([]int, 0, len(cuts))
	for p := range cuts {
		pos = append(pos, p)
	}
	sort.Ints(pos)
	var out []segment
	for i := 0; i+1 < len(pos); i++ {
		a, b := pos[i], pos[i+1]
		seg := segment{Text: text[a:b], Anchors: starts[a]}
		var inner *span
		var ids []string
		for _, s := range spans {
			if s.start <= a && s.end >= b {
				if inner == nil || s.end-s.start < inner.end-inner.start {
					inner = s
				}
				ids = append(ids, s.ids...)
			}
		}
		if inner != nil {
			seg.Highlight = true
			seg.Ref = inner.refs[0]
			seg.Title = strings.Join(dedupe(ids), ", ")
		}
		out = append(out, seg)
	}
	return out
}

// runeStart moves a byte offset back to the start of the rune it falls in,
// so a slice of text never splits a UTF-8 sequence.
func runeStart(s string, off int) int {
	for off > 0 && off < len(s) && !utf8.RuneStart(s[off]) {
		off--
	}
	return off
}

func dedupe(ss []string) []string {
	seen := map[string]bool{}
	out := ss[:0:0]
	for _, s := range ss {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

// requirementTitle is the verdict's requirement title in the report
// language, from the catalog; the result's own title (in the contract's
// language) when the catalog does not know the id.
func requirementTitle(lang string, v model.Verdict) string {
	if c := catalog.Default().Requirement(v.ID); c != nil {
		return c.Title.In(lang)
	}
	return v.Title
}
