package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/art28/art28/internal/catalog"
	"github.com/art28/art28/internal/document"
	"github.com/art28/art28/internal/model"
)

// Text writes the terminal report: a requirement table with the first
// evidence quote for each requirement.
type Text struct{}

// statusText is the status label for the terminal; missing is shouted.
func statusText(lang, status string) string {
	s := label(lang, "status_", status)
	if status == "missing" {
		s = strings.ToUpper(s)
	}
	return s
}

var severityColor = map[string]string{"critical": "\x1b[31;1m", "high": "\x1b[31m", "medium": "\x1b[33m", "low": "\x1b[36m", "info": "\x1b[90m"}

var statusColor = map[string]string{"met": "\x1b[32m", "partial": "\x1b[33m", "missing": "\x1b[31;1m", "not-applicable": "\x1b[90m"}

// Write implements Reporter.
func (Text) Write(w io.Writer, results []*model.Result, opt Options) error {
	var b strings.Builder
	for i, r := range results {
		if i > 0 {
			b.WriteString("\n")
		}
		writeText(&b, r, opt)
	}
	_, err := io.WriteString(w, b.String())
	if err != nil {
		return fmt.Errorf("write report: %w", err)
	}
	return nil
}

func writeText(b *strings.Builder, r *model.Result, opt Options) {
	l := language(r, opt)
	wd := func(key string) string { return tr(l, key) }
	paint := func(status, s string) string {
		if !opt.Color {
			return s
		}
		return statusColor[status] + s + "\x1b[0m"
	}
	fmt.Fprintf(b, "%s\n", r.Document.Path)
	fmt.Fprintf(b, "%s: %s · sha256 %s\n\n", wd("language"), r.Document.Language, short(r.Document.SHA256, 12))
	for _, v := range r.Requirements {
		label := statusText(l, v.Status)
		if v.Uncertain {
			label += "?"
		}
		fmt.Fprintf(b, "  %-11s %-28s %s\n", paint(v.Status, pad(label, 11)), v.ID, requirementTitle(l, v))
		if len(v.Evidence) > 0 {
			e := v.Evidence[0]
			sec := ""
			if e.Section != "" {
				sec = " [" + short(e.Section, 40) + "]"
			}
			fmt.Fprintf(b, "              %s“%s”\n", sec+" ", short(document.Collapse(e.Text), 110))
		}
	}
	s := r.Summary
	fmt.Fprintf(b, "\n%s: %d %s, %d %s, %d %s, %d %s\n", wd("summary"),
		s.Met, statusText(l, "met"), s.Partial, statusText(l, "partial"), s.Missing, statusText(l, "missing"), s.NotApplicable, statusText(l, "not-applicable"))
	missing := wd("none")
	if len(s.MandatoryMissing) > 0 {
		missing = strings.Join(s.MandatoryMissing, ", ")
	}
	fmt.Fprintf(b, "%s: %s\n", wd("mandatory_missing"), missing)
	for _, n := range r.Notes {
		fmt.Fprintf(b, "%s: %s\n", wd("note"), n)
	}
	writeFacts(b, r, l)
	writeFindings(b, r.Findings, l, opt.Color)
	writeWording(b, r.Requirements, l)
}

// writeWording offers clause wording for every mandatory requirement the
// contract misses or meets only partly.
func writeWording(b *strings.Builder, vs []model.Verdict, l string) {
	c := catalog.Default()
	first := true
	for _, v := range vs {
		if v.Level != string(catalog.Mandatory) || (v.Status != string(catalog.Missing) && v.Status != string(catalog.Partial)) {
			continue
		}
		req := c.Requirement(v.ID)
		if req == nil || req.Suggestion.In(l) == "" {
			continue
		}
		if first {
			fmt.Fprintf(b, "\n%s\n", tr(l, "wording_heading"))
			first = false
		}
		fmt.Fprintf(b, "  %s (%s)\n      %s\n", v.ID, cite(l, v.Article), req.Suggestion.In(l))
	}
}

// writeFindings lists the findings grouped by severity, each with its
// explanation, first evidence quote and suggested wording.
func writeFindings(b *strings.Builder, fs []model.Finding, l string, color bool) {
	if len(fs) == 0 {
		return
	}
	fmt.Fprintf(b, "\n%s (%d)\n", tr(l, "findings"), len(fs))
	for _, sev := range severityOrder {
		var group []model.Finding
		for _, f := range fs {
			if f.Severity == sev {
				group = append(group, f)
			}
		}
		if len(group) == 0 {
			continue
		}
		head := strings.ToUpper(label(l, "severity_", sev))
		if color {
			head = severityColor[sev] + head + "\x1b[0m"
		}
		fmt.Fprintf(b, "\n%s\n", head)
		for _, f := range group {
			fmt.Fprintf(b, "  %-30s %s\n", f.ID, f.Title)
			fmt.Fprintf(b, "      %s\n", f.Message)
			for i, e := range f.Evidence {
				if i == 2 {
					break
				}
				sec := ""
				if e.Section != "" {
					sec = "[" + short(e.Section, 40) + "] "
				}
				fmt.Fprintf(b, "      %s“%s”\n", sec, short(document.Collapse(e.Text), 110))
			}
			if f.Suggestion != "" {
				fmt.Fprintf(b, "      %s: %s\n", tr(l, "suggestion"), f.Suggestion)
			}
		}
	}
}

func pad(s string, n int) string {
	if k := len([]rune(s)); k < n {
		return s + strings.Repeat(" ", n-k)
	}
	return s
}

func short(s string, n int) string {
	rs := []rune(s)
	if len(rs) <= n {
		return s
	}
	return string(rs[:n-1]) + "…"
}

// writeFacts appends the extracted contract facts: parties, sub-processors
// and deadlines.
func writeFacts(b *strings.Builder, r *model.Result, l string) {
	f := factsOf(r, l, func([]model.Evidence) []evView { return nil })
	if f.Empty() {
		return
	}
	party := func(name string) string {
		if name != "" {
			return name
		}
		return tr(l, "not_extracted")
	}
	fmt.Fprintf(b, "\n%s\n", tr(l, "facts"))
	fmt.Fprintf(b, "  %s: %s\n", tr(l, "processor"), party(f.Processor))
	fmt.Fprintf(b, "  %s: %s\n", tr(l, "controller"), party(f.Controller))
	for _, s := range f.Subprocessors {
		mark := ""
		if s.ThirdCountry {
			mark = " " + tr(l, "third_country") + ": " + s.Mechanism
		}
		fmt.Fprintf(b, "  %s: %s [%s]%s %s\n", tr(l, "subprocessors"), s.Name, s.Country, mark, short(s.Service, 50))
	}
	if f.SubprocessorList != "" {
		fmt.Fprintf(b, "  %s: %s\n", tr(l, "subprocessor_list"), f.SubprocessorList)
	}
	for _, d := range f.Deadlines {
		fmt.Fprintf(b, "  %s: %s\n", d.Label, d.Value)
	}
}
