package document

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// inSection is a line that must be body text (no heading) filed under the
// section whose title starts with section.
type inSection struct{ line, section string }

// TestHeadingExcerpts reads excerpts of contracts in testdata/headings and
// checks which lines are headings and under which heading the body lines
// stand: numbered and Roman headings in question or condition form ("VII.
// Wenn …", "3. What happens when you leave?") are headings; numbered
// sentences, list items, questions in body text and table rows are not.
func TestHeadingExcerpts(t *testing.T) {
	tests := []struct {
		file  string
		heads []string // lines (prefixes) that must be headings
		body  []inSection
	}{
		// Headings in question or condition form.
		{"de-roman-fragen.txt",
			[]string{"I. Was wir für Sie erledigen", "II. Welche Daten", "III. Wenn Sie uns", "IV. Wer bei uns", "V. Wenn etwas", "VI. Was am Ende"},
			[]inSection{{"Wir pflegen", "I. Was wir"}, {"Wir verarbeiten Namen", "II. Welche"}, {"Ihre Weisungen erteilen", "III. Wenn Sie"}, {"Nur die beiden", "IV. Wer bei uns"}, {"Bemerken wir", "V. Wenn etwas"}, {"Nach Vertragsende", "VI. Was am Ende"}}},
		{"en-numbered-questions.txt",
			[]string{"1. Who we are", "2. Which data", "3. What happens", "4. Who can see", "5. If something"},
			[]inSection{{"Harbourlight Bookings Ltd runs", "1. Who we are"}, {"When your subscription", "3. What happens"}, {"Only our two", "4. Who can see"}, {"We will tell you", "5. If something"}}},
		{"de-paragraf-fragen.txt",
			[]string{"§ 1 Worum", "§ 2 Wer darf", "§ 3 Wenn Sie", "§ 4 Was gilt"},
			[]inSection{{"Die Praxissoftware", "§ 1 Worum"}, {"Zugriff haben", "§ 2 Wer darf"}, {"Eine Löschung", "§ 3 Wenn Sie"}, {"Wir übergeben", "§ 4 Was gilt"}}},
		{"en-roman-conditions.txt",
			[]string{"I. What this", "II. If you give", "III. Where the data", "IV. When something", "V. How this"},
			[]inSection{{"We calculate", "I. What this"}, {"You may instruct", "II. If you"}, {"All data stays", "III. Where"}, {"We notify you", "IV. When"}, {"The agreement ends", "V. How"}}},
		{"de-ziffern-ohne-punkt.txt",
			[]string{"1 Gegenstand", "2 Wenn Beschäftigte", "3 Wer Unteraufträge", "4 Was wir"},
			[]inSection{{"Die Buchungsstelle", "1 Gegenstand"}, {"Anfragen Ihrer", "2 Wenn"}, {"Wir setzen die", "3 Wer"}, {"Wir löschen alle", "4 Was wir"}}},
		{"de-roman-nummerierte-saetze.txt",
			[]string{"I. Gegenstand", "II. Wenn der Auftraggeber", "III. Pflichten"},
			[]inSection{{"1. Der Auftragnehmer verarbeitet", "I. Gegenstand"}, {"2. Die Verarbeitung", "I. Gegenstand"}, {"1. Der Auftragnehmer befolgt", "II. Wenn"}, {"3. Wenn der Auftraggeber eine Weisung", "II. Wenn"}, {"1. Der Auftragnehmer verpflichtet", "III. Pflichten"}}},
		{"en-clauses-question.txt",
			[]string{"4. Obligations", "5. What the Controller"},
			[]inSection{{"4.1 The Processor", "4. Obligations"}, {"4.2 Where the Processor", "4. Obligations"}, {"5.1 The Controller", "5. What the"}}},
		{"de-du-roman.txt",
			[]string{"III. Was wir für euch", "IV. Wo eure", "V. Wenn ihr"},
			[]inSection{{"Wir speichern die", "III. Was wir"}, {"Unsere Server", "IV. Wo eure"}, {"Nach eurer", "V. Wenn ihr"}}},

		// Numbered sentences, list items, body questions and table rows stay body text.
		{"de-liste-massnahmen.txt",
			[]string{"2. Weisungen", "3. Technische", "4. Unterauftrags"},
			[]inSection{{"1. Verschlüsselung", "3. Technische"}, {"3. Tägliche", "3. Technische"}, {"4. Wenn ein Mitarbeiter", "3. Technische"}, {"Der Auftragnehmer setzt", "4. Unterauftrags"}}},
		{"en-list-section.txt",
			[]string{"Section 5 Security", "Section 6 Sub-processors"},
			[]inSection{{"1. All laptops", "Section 5"}, {"3. What happens to backups", "Section 5"}, {"4. Who may enter", "Section 5"}, {"The Processor may engage", "Section 6"}}},
		{"de-frageliste.txt",
			[]string{"§ 5 Informationen", "§ 6 Löschung"},
			[]inSection{{"1. Wer hat Zugriff", "§ 5"}, {"2. Wo stehen", "§ 5"}, {"3. Wann werden", "§ 5"}, {"Wir löschen die Daten", "§ 6"}}},
		{"de-roman-saetze.txt",
			[]string{"Vereinbarung zur Auftragsverarbeitung"},
			[]inSection{{"I. Wir verarbeiten", "Vereinbarung"}, {"II. Wenn wir", "Vereinbarung"}, {"III. Unsere Mitarbeiter", "Vereinbarung"}, {"IV. Wer Auskunft", "Vereinbarung"}}},
		{"de-tabelle.txt",
			[]string{"§ 7 Unterauftragnehmer", "§ 8 Wenn der Vertrag"},
			[]inSection{{"Serverpark Nord GmbH", "§ 7"}, {"Wer Zugriff braucht", "§ 7"}, {"Versand der Rechnungen", "§ 7"}, {"Wir geben alle", "§ 8 Wenn"}}},
		{"en-tab-table.txt",
			[]string{"Annex 2 Sub-processors", "Annex 3 Technical"},
			[]inSection{{"Cloudberry Hosting Ltd", "Annex 2"}, {"What we host", "Annex 2"}, {"Who receives", "Annex 2"}, {"Where backups are kept", "Annex 2"}, {"All servers are patched", "Annex 3"}}},
		{"de-umbruch-klausel.txt",
			[]string{"§ 4 Pflichten", "§ 5 Kontrollrechte"},
			[]inSection{{"1. Der Auftragnehmer verarbeitet", "§ 4"}, {"2. Der Auftragnehmer verpflichtet", "§ 4"}, {"Der Auftraggeber darf", "§ 5"}}},
		{"en-wrapped-clause.txt",
			[]string{"Clause 3 Duties", "Clause 4 Sub-processing"},
			[]inSection{{"1. The Processor shall process", "Clause 3"}, {"2. The Processor shall keep", "Clause 3"}, {"The Processor shall not engage", "Clause 4"}}},
		{"en-question-in-body.txt",
			[]string{"7. Assistance", "8. Deletion"},
			[]inSection{{"Who answers", "7. Assistance"}, {"What if a request", "7. Assistance"}, {"We delete all data", "8. Deletion"}}},
		{"de-liste-ohne-doppelpunkt.txt",
			[]string{"1. Gegenstand", "2. Unsere Pflichten", "3. Laufzeit"},
			[]inSection{{"Wir verpflichten uns", "2. Unsere"}, {"1. Wir arbeiten", "2. Unsere"}, {"2. Wir informieren", "2. Unsere"}, {"3. Wir löschen", "2. Unsere"}, {"Der Vertrag läuft", "3. Laufzeit"}}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			d := parseHeadingFile(t, tt.file)
			// find returns the first block whose text (or, for a table
			// cell, whose cell text) starts with prefix.
			find := func(prefix string) (Block, bool) {
				for i, b := range d.Blocks {
					if b.Kind == TableRow {
						continue
					}
					bt := d.BlockText(i)
					if strings.HasPrefix(bt, prefix) || b.Label != "" && strings.HasPrefix(b.Label+" "+bt, prefix) {
						return b, true
					}
				}
				return Block{}, false
			}
			for _, h := range tt.heads {
				b, ok := find(h)
				if !ok {
					t.Errorf("%q: no block", h)
				} else if b.Kind != Heading {
					t.Errorf("%q: %s under %q, want a heading", h, b.Kind, b.Section)
				}
			}
			for _, s := range tt.body {
				b, ok := find(s.line)
				switch {
				case !ok:
					t.Errorf("%q: no block", s.line)
				case b.Kind == Heading:
					t.Errorf("%q: a heading, want body text under %q", s.line, s.section)
				case !strings.HasPrefix(b.Section, s.section):
					t.Errorf("%q: under %q, want %q", s.line, b.Section, s.section)
				}
			}
		})
	}
}

// TestAnnexListings checks that a list of a contract's annexes after a
// lead-in ("Folgende Anlagen sind Bestandteil dieses Vertrags:") is body
// text of its section, so the clauses after it stand in no annex, while
// the annexes themselves, also right after such a list or after a line
// ending in a colon, keep their headings.
func TestAnnexListings(t *testing.T) {
	type want struct {
		line    string
		heading bool
		annex   string
	}
	tests := []struct {
		file  string
		wants []want
	}{
		{"de-anlagenliste.txt", []want{
			{"Anlage 1 Technische", false, ""}, {"Anlage 2 Unterauftragnehmer", false, ""}, {"Anlage 3 Ansprechpartner", false, ""},
			{"§ 2 Weisungen", true, ""}, {"Der Auftragnehmer handelt", false, ""}, {"Es gilt deutsches Recht", false, ""},
			{"Alle Notebooks", false, "Anlage 1"}, {"Serverhaus Weststadt", false, "Anlage 2"}}},
		{"en-schedules-list.txt", []want{
			{"Schedule 1 Details", false, ""}, {"Schedule 3 Approved", false, ""},
			{"1. Definitions", true, ""}, {"The Processor acts", false, ""},
			{"The Processor hosts", false, "Schedule 1"}, {"Backups are encrypted", false, "Schedule 2"}}},
		{"de-anlage-nach-doppelpunkt.txt", []want{
			{"Anlage 1 Technische", true, "Anlage 1"}, {"Zutrittskontrolle", false, "Anlage 1"},
			{"Anlage 2 Unterauftragnehmer", true, "Anlage 2"}, {"Druckerei Nordlicht", false, "Anlage 2"}}},
		{"en-annex-title-below.txt", []want{
			{"Annex 1", true, "Annex 1"}, {"The processor provides", false, "Annex 1"},
			{"Annex 2", true, "Annex 2"}, {"Glenmore Cloud", false, "Annex 2"}}},
		{"de-anlagenliste-dann-anlage.txt", []want{
			{"Die folgenden Anlagen", false, ""},
			{"Wir verschlüsseln", false, "Anlage 1"}, {"Rechenwerk Süd", false, "Anlage 2"}}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			d := parseHeadingFile(t, tt.file)
			seen := map[string]int{}
			for _, w := range tt.wants {
				// The n-th block starting with the line: an annex's
				// listing entry comes before the annex itself.
				n := seen[w.line]
				seen[w.line]++
				var b Block
				found := false
				for i, bl := range d.Blocks {
					if bl.Kind == TableRow || !strings.HasPrefix(d.BlockText(i), w.line) {
						continue
					}
					if n == 0 {
						b, found = bl, true
						break
					}
					n--
				}
				switch {
				case !found:
					t.Errorf("%q: no block", w.line)
				case (b.Kind == Heading) != w.heading:
					t.Errorf("%q: %s, heading %v wanted", w.line, b.Kind, w.heading)
				case b.Annex != w.annex:
					t.Errorf("%q: annex %q, want %q", w.line, b.Annex, w.annex)
				}
			}
		})
	}
}

// parseHeadingFile reads, normalises and parses testdata/headings/file.
func parseHeadingFile(t *testing.T, file string) *Document {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("testdata", "headings", file))
	if err != nil {
		t.Fatal(err)
	}
	text, err := Normalize(raw)
	if err != nil {
		t.Fatal(err)
	}
	return ParseText(file, "text", text)
}
