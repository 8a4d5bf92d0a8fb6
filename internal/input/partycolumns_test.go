package input

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/art28/art28/internal/analyze"
	"github.com/art28/art28/internal/catalog"
	"github.com/art28/art28/internal/minipdf"
)

// TestSideBySidePartyBlocksPDF lays two party blocks out side by side
// under their role labels, as a contract's first page often does, and
// reads the PDF: the parties must be those of a text twin that gives the
// blocks one after the other.
func TestSideBySidePartyBlocksPDF(t *testing.T) {
	requirePoppler(t)
	tests := []struct {
		name, title string
		rows        [][2]string
		body        []string
	}{
		{name: "de", title: "Auftragsverarbeitungsvertrag",
			rows: [][2]string{{"Auftraggeber:", "Auftragnehmer:"}, {"Praxis Dr. Lena Vogt", "Kranich Cloud GmbH"}, {"Birkenweg 1", "Große Elbstraße 10"}, {"12345 Musterstadt", "22767 Hamburg"}},
			body: []string{"§ 1 Gegenstand", "Der Auftragnehmer verarbeitet personenbezogene Daten im Auftrag des Auftraggebers nach dessen Weisung."}},
		{name: "en", title: "Data Processing Agreement",
			rows: [][2]string{{"Controller:", "Processor:"}, {"Greenfield Clinic LLC", "Oakwood Analytics Ltd"}, {"42 Elm Street", "22 Station Road"}, {"Springfield", "Cambridge CB1 2JD"}},
			body: []string{"1. Subject matter", "The Processor processes personal data on behalf of the Controller and only on its documented instructions."}},
	}
	a := analyze.New(catalog.Default())
	dir := t.TempDir()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var items []minipdf.Item
			y := 60.0
			items = append(items, minipdf.Item{X: 60, Top: y, Size: 14, Text: tc.title})
			y += 30
			for _, r := range tc.rows {
				items = append(items, minipdf.Item{X: 60, Top: y, Size: 10, Text: r[0]}, minipdf.Item{X: 320, Top: y, Size: 10, Text: r[1]})
				y += 12.5
			}
			y += 25
			for _, l := range tc.body {
				items = append(items, minipdf.Item{X: 60, Top: y, Size: 10, Text: l})
				y += 12.5
			}
			var twin strings.Builder
			twin.WriteString(tc.title + "\n\n")
			for col := 0; col < 2; col++ {
				for _, r := range tc.rows {
					twin.WriteString(r[col] + "\n")
				}
				twin.WriteString("\n")
			}
			twin.WriteString(strings.Join(tc.body, "\n\n") + "\n")
			pdf, txt := filepath.Join(dir, tc.name+".pdf"), filepath.Join(dir, tc.name+".txt")
			if err := os.WriteFile(pdf, minipdf.Write([]minipdf.Page{{Width: 595, Items: items}}), 0o644); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(txt, []byte(twin.String()), 0o644); err != nil {
				t.Fatal(err)
			}
			doc, raw, err := Read(txt, Options{})
			if err != nil {
				t.Fatal(err)
			}
			want := a.Analyze(doc, raw, analyze.Options{})
			if want.Parties.Processor == nil || want.Parties.Controller == nil {
				t.Fatalf("text twin names no processor or controller: %+v", want.Parties)
			}
			doc, raw, err = Read(pdf, Options{})
			if err != nil {
				t.Fatal(err)
			}
			for _, d := range diffParties(want, a.Analyze(doc, raw, analyze.Options{})) {
				t.Errorf("parties: %s (PDF text %q)", d, doc.Text)
			}
		})
	}
}
