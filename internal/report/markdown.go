package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/art28/art28/internal/model"
)

// Markdown writes a report of tables that can be pasted into a ticket or a
// wiki: facts, the requirement checklist and the findings.
type Markdown struct{}

// Write implements Reporter.
func (Markdown) Write(w io.Writer, results []*model.Result, opt Options) error {
	var b strings.Builder
	for i, r := range results {
		if i > 0 {
			b.WriteString("\n---\n\n")
		}
		writeMarkdown(&b, newView(i, r, "", language(r, opt)))
	}
	if _, err := io.WriteString(w, b.String()); err != nil {
		return fmt.Errorf("write Markdown report: %w", err)
	}
	return nil
}

func writeMarkdown(b *strings.Builder, v *view) {
	l := v.Lang
	t := func(key string) string { return tr(l, key) }
	d, s := v.Result.Document, v.Result.Summary
	fmt.Fprintf(b, "## %s: %s\n\n", t("report_title"), mdCell(d.Path))
	fmt.Fprintf(b, "| %s | %s |\n|---|---|\n", t("file"), mdCell(d.Path))
	fmt.Fprintf(b, "| %s | %s |\n", t("language"), d.Language)
	fmt.Fprintf(b, "| %s | `%s` |\n", t("sha256"), d.SHA256)
	fmt.Fprintf(b, "| %s | art28 %s, %s %s |\n\n", t("generated_by"), d.ToolVersion, t("catalog"), d.CatalogVersion)

	fmt.Fprintf(b, "### %s\n\n", t("summary"))
	fmt.Fprintf(b, "| %s | %s | %s | %s | %s |\n|---:|---:|---:|---:|---:|\n",
		t("status_met"), t("status_partial"), t("status_missing"), t("status_not-applicable"), t("findings"))
	fmt.Fprintf(b, "| %d | %d | %d | %d | %d |\n\n", s.Met, s.Partial, s.Missing, s.NotApplicable, v.Findings)
	fmt.Fprintf(b, "**%s:**", t("mandatory_missing"))
	if len(v.Missing) == 0 {
		b.WriteString(" " + t("none") + "\n\n")
	} else {
		b.WriteString("\n\n")
		for _, m := range v.Missing {
			fmt.Fprintf(b, "- %s (%s, `%s`)\n", mdText(m.Title), m.Article, m.ID)
		}
		b.WriteString("\n")
	}
	for _, n := range v.Result.Notes {
		fmt.Fprintf(b, "> **%s:** %s\n\n", t("note"), mdText(n))
	}

	writeMarkdownFacts(b, v.Facts, t)

	fmt.Fprintf(b, "### %s\n\n", t("checklist"))
	fmt.Fprintf(b, "| %s | %s | %s | %s |\n|---|---|---|---|\n", t("status"), t("requirement"), t("legal_basis"), t("evidence"))
	for _, q := range v.Reqs {
		title := mdCell(q.Title)
		if q.Mandatory {
			title = "**" + title + "**"
		}
		ev := ""
		if len(q.Evidence) > 0 {
			e := q.Evidence[0]
			ev = "“" + mdCell(short(e.Text, 160)) + "”"
			if e.Section != "" {
				ev += " (" + mdCell(short(e.Section, 40)) + ")"
			}
			if n := len(q.Evidence) + len(q.More) - 1; n > 0 {
				ev += fmt.Sprintf(" +%d", n)
			}
		}
		fmt.Fprintf(b, "| %s %s | %s | %s | %s |\n", statusIcon[q.Status], q.StatusLabel, title, mdCell(q.Article), ev)
	}
	b.WriteString("\n")

	fmt.Fprintf(b, "### %s\n\n", t("findings"))
	if v.Findings == 0 {
		b.WriteString(t("no_findings") + "\n")
		return
	}
	fmt.Fprintf(b, "| %s | %s | %s | %s |\n|---|---|---|---|\n", t("severity"), t("finding"), t("legal_basis"), t("suggestion"))
	for _, g := range v.Groups {
		for _, f := range g.Items {
			fmt.Fprintf(b, "| %s | **%s**<br>%s | %s | %s |\n", g.Label,
				mdCell(f.Title), mdCell(f.Message), mdCell(f.Basis), mdCell(f.Suggestion))
		}
	}
}

// writeMarkdownFacts writes the parties, sub-processors and deadlines
// as tables; sections without facts are left out.
func writeMarkdownFacts(b *strings.Builder, f facts, t func(string) string) {
	if f.Empty() {
		return
	}
	orNone := func(s string) string {
		if s == "" {
			return "_" + t("not_extracted") + "_"
		}
		return mdCell(s)
	}
	fmt.Fprintf(b, "### %s\n\n| | |\n|---|---|\n", t("parties"))
	fmt.Fprintf(b, "| %s | %s |\n| %s | %s |\n", t("processor"), orNone(f.Processor), t("controller"), orNone(f.Controller))
	for _, m := range f.Meta {
		fmt.Fprintf(b, "| %s | %s |\n", m.Label, mdCell(m.Value))
	}
	b.WriteString("\n")
	if len(f.Subprocessors) > 0 {
		fmt.Fprintf(b, "### %s\n\n| %s | %s | %s |\n|---|---|---|\n", t("subprocessors"), t("name"), t("country"), t("service"))
		for _, s := range f.Subprocessors {
			country := mdCell(s.Country)
			if s.ThirdCountry {
				country += " ⚠ " + t("third_country")
				if s.Mechanism != "" {
					country += " (" + mdCell(s.Mechanism) + ")"
				}
			}
			fmt.Fprintf(b, "| %s | %s | %s |\n", mdCell(s.Name), country, mdCell(short(s.Service, 120)))
		}
		b.WriteString("\n")
	}
	if f.SubprocessorList != "" {
		fmt.Fprintf(b, "%s: %s\n\n", t("subprocessor_list"), mdCell(f.SubprocessorList))
	}
	if len(f.Deadlines) > 0 {
		fmt.Fprintf(b, "### %s\n\n| %s | %s |\n|---|---|\n", t("deadlines"), t("deadline"), t("period"))
		for _, d := range f.Deadlines {
			fmt.Fprintf(b, "| %s | %s |\n", d.Label, mdCell(d.Value))
		}
		b.WriteString("\n")
	}
}

// statusIcon marks statuses so a table scans at a glance.
var statusIcon = map[string]string{"met": "✅", "partial": "🟡", "missing": "❌", "not-applicable": "➖"}

// mdText escapes characters that Markdown would read as markup or HTML.
func mdText(s string) string {
	r := strings.NewReplacer(`\`, `\\`, "*", `\*`, "_", `\_`, "`", "\\`", "[", `\[`, "]", `\]`, "<", "&lt;", ">", "&gt;", "#", `\#`)
	return r.Replace(s)
}

// mdCell makes s safe inside a table cell: escaped, one line, no pipes.
func mdCell(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	return strings.ReplaceAll(mdText(s), "|", `\|`)
}
