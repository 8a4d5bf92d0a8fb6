package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/art28/art28/internal/document"
	"github.com/art28/art28/internal/model"
)

// Text writes the terminal report: a requirement table with the first
// evidence quote for each requirement.
type Text struct{}

var statusLabel = map[string]map[string]string{
	"en": {"met": "met", "partial": "partial", "missing": "MISSING", "not-applicable": "n/a"},
	"de": {"met": "erfüllt", "partial": "teilweise", "missing": "FEHLT", "not-applicable": "entfällt"},
}

var statusColor = map[string]string{"met": "\x1b[32m", "partial": "\x1b[33m", "missing": "\x1b[31;1m", "not-applicable": "\x1b[90m"}

var words = map[string]map[string]string{
	"en": {"language": "Language", "summary": "Summary", "mandatory_missing": "Mandatory requirements missing", "none": "none", "not_contract": "Note"},
	"de": {"language": "Sprache", "summary": "Zusammenfassung", "mandatory_missing": "Fehlende Pflichtangaben", "none": "keine", "not_contract": "Hinweis"},
}

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
	wd := words[l]
	paint := func(status, s string) string {
		if !opt.Color {
			return s
		}
		return statusColor[status] + s + "\x1b[0m"
	}
	fmt.Fprintf(b, "%s\n", r.Document.Path)
	fmt.Fprintf(b, "%s: %s · sha256 %s\n\n", wd["language"], r.Document.Language, short(r.Document.SHA256, 12))
	for _, v := range r.Requirements {
		label := statusLabel[l][v.Status]
		fmt.Fprintf(b, "  %-11s %-28s %s\n", paint(v.Status, pad(label, 11)), v.ID, v.Title)
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
	fmt.Fprintf(b, "\n%s: %d %s, %d %s, %d %s, %d %s\n", wd["summary"],
		s.Met, statusLabel[l]["met"], s.Partial, statusLabel[l]["partial"], s.Missing, statusLabel[l]["missing"], s.NotApplicable, statusLabel[l]["not-applicable"])
	missing := wd["none"]
	if len(s.MandatoryMissing) > 0 {
		missing = strings.Join(s.MandatoryMissing, ", ")
	}
	fmt.Fprintf(b, "%s: %s\n", wd["mandatory_missing"], missing)
	for _, n := range r.Notes {
		fmt.Fprintf(b, "%s: %s\n", wd["not_contract"], n)
	}
	writeFacts(b, r, l == "de")
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
func writeFacts(b *strings.Builder, r *model.Result, de bool) {
	lbl := func(en, german string) string {
		if de {
			return german
		}
		return en
	}
	party := func(p *model.Party, note string) string {
		if p == nil {
			return "— (" + note + ")"
		}
		s := p.Name
		if p.City != "" {
			s += ", " + strings.TrimSpace(p.Postcode+" "+p.City)
		}
		if p.Country != "" {
			s += " (" + p.Country + ")"
		}
		return s
	}
	fmt.Fprintf(b, "\n%s\n", lbl("Facts", "Eckdaten"))
	fmt.Fprintf(b, "  %-24s %s\n", lbl("Processor:", "Auftragnehmer:"), party(r.Parties.Processor, r.Parties.ProcessorNote))
	fmt.Fprintf(b, "  %-24s %s\n", lbl("Controller:", "Auftraggeber:"), party(r.Parties.Controller, r.Parties.ControllerNote))
	for _, s := range r.Subprocessors {
		flag := ""
		if s.ThirdCountry {
			flag = " " + lbl("third country", "Drittland") + ": " + s.TransferMechanism
		}
		fmt.Fprintf(b, "  %-24s %s [%s]%s %s\n", lbl("Sub-processor:", "Unterauftragnehmer:"), s.Name, s.Country, flag, short(s.Service, 50))
	}
	if r.SubprocessorListURL != "" {
		fmt.Fprintf(b, "  %-24s %s\n", lbl("Sub-processor list:", "Liste Unterauftragn.:"), r.SubprocessorListURL)
	}
	num := func(p *int, unit string) string {
		if p == nil {
			return "—"
		}
		return fmt.Sprintf("%d %s", *p, unit)
	}
	d := r.Deadlines
	fmt.Fprintf(b, "  %-24s %s\n", lbl("Breach notice:", "Meldefrist Verletzung:"), num(d.BreachNoticeHours, lbl("hours", "Stunden")))
	fmt.Fprintf(b, "  %-24s %s\n", lbl("Objection period:", "Einspruchsfrist:"), num(d.SubprocessorObjectionDays, lbl("days", "Tage")))
}
