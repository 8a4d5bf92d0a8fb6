package document

import (
	"strings"
	"testing"
)

// TestTabRows checks which tab-separated lines are read as table rows: the
// rows of a tab-aligned table (also with blank lines between them, as word
// processors write one paragraph per row), but not a clause label set off
// by a tab or a lone "Label:<tab>value" line.
func TestTabRows(t *testing.T) {
	tests := []struct {
		name, text string
		// rows is the number of table rows; tables the number of tables
		// (a row 0 starts one).
		rows, tables int
	}{
		{"table", "Name\tAnschrift\tLeistung\nAlpha GmbH\tWeg 1, 12345 Ort\tHosting\n", 2, 1},
		{"rows as paragraphs", "Name\tLeistung\n\nAlpha GmbH\tHosting\n\nBeta Inc.\tE-Mail\n", 3, 1},
		{"two tables", "Name\tLeistung\nAlpha GmbH\tHosting\n\nDer Auftragnehmer setzt sie ein.\n\nSchutzziel\tMaßnahme\nVertraulichkeit\tZugriffskontrolle\n", 4, 2},
		{"numbered clauses", "1.\tDer Auftragnehmer verarbeitet Daten nur auf Weisung.\n2.\tEr unterstützt den Auftraggeber.\n", 0, 0},
		{"section label", "§ 3\tGegenstand des Auftrags\n\nDer Auftrag umfasst das Hosting.\n", 0, 0},
		{"lone label and value", "Auftragnehmer:\tBeispiel GmbH\n\nDer Vertrag gilt ab heute.\n", 0, 0},
		{"three cells alone", "1\tNetcup GmbH\tHosting\n", 1, 1},
		{"pipe rows without outer pipes", "Dienstleister | Zweck | Sitz\nFly.io, Inc. | Hosting | Frankfurt\nStrato AG | E-Mail | Berlin\n", 3, 1},
		{"one pipe line is prose", "Seite 1 | Auftragsverarbeitungsvertrag\n\nDer Auftragnehmer verarbeitet Daten.\n", 0, 0},
	}
	for _, tc := range tests {
		d := ParseText("t.txt", "text", tc.text)
		rows, tables := 0, 0
		for _, b := range d.Blocks {
			if b.Kind == TableRow {
				rows++
				if b.Row == 0 {
					tables++
				}
			}
		}
		if rows != tc.rows || tables != tc.tables {
			t.Errorf("%s: %d rows in %d tables, want %d in %d", tc.name, rows, tables, tc.rows, tc.tables)
		}
	}
}

// TestPageCutClauseIsNoHeading keeps a numbered clause cut at a page end
// ("... wenn eine vom") from becoming a heading.
func TestPageCutClauseIsNoHeading(t *testing.T) {
	for _, s := range []string{
		"8.5 Der Auftragnehmer wird den Auftraggeber unverzüglich informieren, wenn eine vom",
		"4.2 The processor shall notify the controller of",
	} {
		if _, ok := headingLike(s); ok {
			t.Errorf("%q read as a heading", s)
		}
	}
	for _, s := range []string{"8.5 Weisungen des Auftraggebers", "§ 3 Rechte und Pflichten des Auftraggebers"} {
		if _, ok := headingLike(s); !ok {
			t.Errorf("%q not read as a heading", s)
		}
	}
	if d := ParseText("t.txt", "text", "8.5 Der Auftragnehmer informiert den Auftraggeber, wenn eine vom\n\n\nAuftraggeber erteilte Weisung gegen Gesetze verstößt.\n"); len(d.Blocks) != 1 || !strings.Contains(d.BlockText(0), "verstößt") {
		t.Errorf("clause cut by a page break not joined: %d blocks", len(d.Blocks))
	}
}

// TestLabelValueIsNoHeading keeps "Label: value" entries (measures, data
// categories) as content while numbered and annex titles with a colon stay
// headings.
func TestLabelValueIsNoHeading(t *testing.T) {
	for _, tc := range []struct {
		line    string
		heading bool
	}{
		{"Zutrittskontrolle: elektronisches Schließsystem, Besucherbuch", false},
		{"Kontaktdaten: Name, Anschrift, E-Mail-Adresse", false},
		{"Access control: badges and CCTV", false},
		{"Backups: täglich, 30 Tage aufbewahrt", false},
		{"Aufbewahrung: 90 Tage", false},
		{"Anlage 2: Liste der Unterauftragnehmer", true},
		{"Annex 1: Technical and Organisational Measures", true},
		{"Technische und organisatorische Maßnahmen", true},
		{"Dauer: Laufzeit des Hauptvertrags", false},
		{"Teil B: Besondere Bestimmungen", true},
		{"Zweck der Verarbeitung: [XY]", true},
		{"Name: ________", true},
		// A form entry ending in a ticked box states something.
		{"Mitarbeitende an die Weisungen gebunden: ☒", false},
		{"Employees bound by instructions [x]", false},
		{"Employees bound by instructions ☐", true},
	} {
		if _, ok := headingLike(tc.line); ok != tc.heading {
			t.Errorf("%q: heading %v, want %v", tc.line, ok, tc.heading)
		}
	}
}

// TestNumberedListAfterLeadIn reads "1. …", "2. …" after a lead-in as list
// items, not titles, and leaves clause numbering "(2)" after "(1) …:" alone.
func TestNumberedListAfterLeadIn(t *testing.T) {
	d := ParseText("t.txt", "text", "§ 7 Unterauftragnehmer\n(3) Weitere Unterauftragnehmer:\n1. Webwerk GmbH, Espelkamp – Hosting\n2. Edgeflare, Inc., San Francisco – CDN\n(4) Der Auftraggeber stimmt zu.\n")
	var kinds []string
	for _, b := range d.Blocks {
		kinds = append(kinds, b.Kind.String()+":"+b.Label)
	}
	want := "heading:§ 7|paragraph:(3)|list-item:1.|list-item:2.|paragraph:(4)"
	if got := strings.Join(kinds, "|"); got != want {
		t.Errorf("blocks %s, want %s", got, want)
	}
	d = ParseText("t.txt", "text", "(1) Verarbeitet werden folgende Daten:\n(2) Die Verarbeitung endet mit dem Vertrag.\n")
	if d.Blocks[1].Kind == ListItem {
		t.Errorf("clause (2) after a lead-in read as a list item")
	}
}

// TestHeadLabelLineBeforeHeading keeps a party's label line in a contract's
// head ("Buchhaltung: Buchhaltungsservice …, 34119 Kassel") apart from the
// heading after the blank line below it, while a long sentence broken
// across a gap still continues (branch pend12).
func TestHeadLabelLineBeforeHeading(t *testing.T) {
	for _, tc := range []struct {
		text  string
		block string // the text of the second block
	}{
		{"Betrieb: Malerbetrieb Krause GmbH, Lindenweg 12, 34117 Kassel\nBuchhaltung: Buchhaltungsservice Sabine Ott, Inhaberin Sabine Ott, Wilhelmshöher Allee 200, 34119 Kassel\n\nMeine Leistung\nIch buche die laufenden Geschäftsvorfälle.",
			"Buchhaltung: Buchhaltungsservice Sabine Ott, Inhaberin Sabine Ott, Wilhelmshöher Allee 200, 34119 Kassel"},
		{"Einleitung\nDer Auftragnehmer verarbeitet die Daten des Auftraggebers ausschließlich im Rahmen der getroffenen Vereinbarungen und\n\nnach den dokumentierten Weisungen des Auftraggebers.",
			"Der Auftragnehmer verarbeitet die Daten des Auftraggebers ausschließlich im Rahmen der getroffenen Vereinbarungen und\n\nnach den dokumentierten Weisungen des Auftraggebers."},
	} {
		d := ParseText("x.txt", "text", tc.text)
		if len(d.Blocks) < 2 || d.BlockText(1) != tc.block {
			var got []string
			for i := range d.Blocks {
				got = append(got, d.BlockText(i))
			}
			t.Errorf("%q: blocks %q, want second %q", tc.text, got, tc.block)
		}
	}
}
