package input

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/art28/art28/internal/document"
)

// Synthetic layout: every character 6 points wide, lines 12 points high,
// words one space (3 points) apart, on an A4 page.
const (
	synthChar   = 6.0
	synthHeight = 12.0
	synthPage   = 842.0
)

// lnGap lays out a line of words starting at x with the given space between
// words, the line's top at y.
func lnGap(x, y, space float64, text string) pdfLine {
	var l pdfLine
	for _, w := range strings.Fields(text) {
		x1 := x + synthChar*float64(utf8.RuneCountInString(w))
		l.words = append(l.words, pdfWord{text: w, box: box{x, y, x1, y + synthHeight}})
		x = x1 + space
	}
	l.text = strings.Join(strings.Fields(text), " ")
	l.box = box{l.words[0].x0, y, l.words[len(l.words)-1].x1, y + synthHeight}
	return l
}

// merged joins pieces laid out separately into one line, as pdftotext
// does with cells of two columns close together.
func merged(pieces ...pdfLine) pdfLine {
	l := pieces[0]
	l.words = slices.Clone(l.words)
	for _, p := range pieces[1:] {
		l.words = append(l.words, p.words...)
		l.text += " " + p.text
		l.x1 = p.x1
	}
	return l
}

// spread lays out a justified line: its words stretched with equal gaps
// from x to x+width.
func spread(x, y, width float64, text string) pdfLine {
	words := strings.Fields(text)
	natural := 0.0
	for _, w := range words {
		natural += synthChar * float64(utf8.RuneCountInString(w))
	}
	return lnGap(x, y, (width-natural)/float64(len(words)-1), text)
}

// apart splits a line into one line per word, as pdftotext does with the
// widely spaced words of a justified line in a table cell.
func apart(l pdfLine) []pdfLine {
	var out []pdfLine
	for _, w := range l.words {
		out = append(out, pdfLine{text: w.text, words: []pdfWord{w}, box: w.box})
	}
	return out
}

// ln lays out a line with ordinary word spaces.
func ln(x, y float64, text string) pdfLine { return lnGap(x, y, 3, text) }

// prose returns n lines of running text from x, each about width points
// wide, from y with the given pitch.
func prose(x, y, pitch, width float64, n int) []pdfLine {
	words := strings.Fields("der Auftragnehmer verarbeitet personenbezogene Daten nur im Rahmen der Weisungen des Auftraggebers und stellt sicher dass alle Personen zur Vertraulichkeit verpflichtet sind soweit sie nicht einer gesetzlichen Pflicht unterliegen")
	var out []pdfLine
	k := 0
	for i := 0; i < n; i++ {
		var b []string
		w := 0.0
		for {
			next := words[k%len(words)]
			nw := synthChar*float64(len(next)) + 3
			if w+nw > width && len(b) > 0 {
				break
			}
			b = append(b, next)
			w += nw
			k++
		}
		out = append(out, ln(x, y+float64(i)*pitch, strings.Join(b, " ")))
	}
	return out
}

// join concatenates groups of lines.
func join(groups ...[]pdfLine) []pdfLine {
	var out []pdfLine
	for _, g := range groups {
		out = append(out, g...)
	}
	return out
}

func TestFindTables(t *testing.T) {
	cases := []struct {
		name  string
		lines []pdfLine
		want  []string // tableText of each table found
	}{
		{
			name: "single-line cells, even spacing",
			lines: []pdfLine{
				ln(50, 100, "Name"), ln(200, 100, "Address"), ln(400, 100, "Service"),
				ln(50, 114, "Host GmbH"), ln(200, 114, "Main Street 1, Berlin"), ln(400, 114, "Hosting"),
				ln(50, 128, "Mail Ltd"), ln(200, 128, "1 High Road, Dublin"), ln(400, 128, "E-mail"),
			},
			want: []string{"| Name | Address | Service |\n| Host GmbH | Main Street 1, Berlin | Hosting |\n| Mail Ltd | 1 High Road, Dublin | E-mail |"},
		},
		{
			name: "wrapped cells, top aligned, padding between rows",
			lines: []pdfLine{
				ln(50, 100, "Firma"), ln(200, 100, "Anschrift"), ln(400, 100, "Leistung"),
				ln(50, 116, "Host GmbH"), ln(200, 116, "Hauptstr. 1"), ln(400, 116, "Hosting und"),
				ln(200, 128, "10115 Berlin"), ln(400, 128, "Wartung der"),
				ln(400, 140, "Server"),
				ln(50, 156, "Mail"), ln(200, 156, "Ringstr. 2,"), ln(400, 156, "E-Mail"),
				ln(50, 168, "Service AG"), ln(200, 168, "80331 München"),
			},
			want: []string{"| Firma | Anschrift | Leistung |\n| Host GmbH | Hauptstr. 1 10115 Berlin | Hosting und Wartung der Server |\n| Mail Service AG | Ringstr. 2, 80331 München | E-Mail |"},
		},
		{
			name: "last cell wraps",
			lines: []pdfLine{
				ln(50, 100, "Name"), ln(300, 100, "Leistung"),
				ln(50, 114, "Host GmbH"), ln(300, 114, "Hosting"),
				ln(50, 128, "Mail AG"), ln(300, 128, "Versand von"),
				ln(300, 142, "Newslettern"),
			},
			want: []string{"| Name | Leistung |\n| Host GmbH | Hosting |\n| Mail AG | Versand von Newslettern |"},
		},
		{
			name: "cells centred vertically beside two-line cells",
			lines: []pdfLine{
				ln(50, 100, "Nr."), ln(80, 100, "Firma"), ln(200, 100, "Anschrift"),
				ln(80, 113, "Netcup"), ln(200, 113, "Daimlerstr. 25"),
				ln(50, 119, "1"),
				ln(80, 125, "GmbH"), ln(200, 125, "76185 Karlsruhe"),
				ln(80, 139, "Stripe"), ln(200, 139, "Charles-de-Gaulle-Str. 20"),
				ln(50, 145, "2"),
				ln(200, 151, "53113 Bonn"),
			},
			want: []string{"| Nr. | Firma | Anschrift |\n| 1 | Netcup GmbH | Daimlerstr. 25 76185 Karlsruhe |\n| 2 | Stripe | Charles-de-Gaulle-Str. 20 53113 Bonn |"},
		},
		{
			name: "cells of two columns in one pdftotext line",
			lines: []pdfLine{
				merged(ln(50, 100, "Nr."), ln(76, 100, "Firma")), ln(200, 100, "Sitz"),
				merged(ln(50, 114, "1"), ln(76, 114, "Host GmbH")), ln(200, 114, "Berlin"),
				merged(ln(50, 128, "2"), ln(76, 128, "Mail AG")), ln(200, 128, "Bonn"),
			},
			want: []string{"| Nr. | Firma | Sitz |\n| 1 | Host GmbH | Berlin |\n| 2 | Mail AG | Bonn |"},
		},
		{
			name: "page of table rows each one pdftotext line",
			lines: []pdfLine{
				merged(ln(50, 100, "Name"), ln(150, 100, "Sitz")),
				merged(ln(50, 114, "Host"), ln(150, 114, "Berlin")),
				merged(ln(50, 128, "Mail"), ln(150, 128, "Bonn")),
			},
			want: []string{"| Name | Sitz |\n| Host | Berlin |\n| Mail | Bonn |"},
		},
		{
			name: "table between paragraphs",
			lines: join(
				prose(50, 60, 14, 490, 3),
				[]pdfLine{ln(50, 102, "folgende Unterauftragnehmer:")},
				[]pdfLine{
					ln(50, 120, "Name"), ln(250, 120, "Land"),
					ln(50, 134, "Host GmbH"), ln(250, 134, "Deutschland"),
					ln(50, 148, "Cloud Inc."), ln(250, 148, "USA"),
				},
				[]pdfLine{ln(50, 166, "Stand: 2024")},
				prose(50, 184, 14, 490, 3),
			),
			want: []string{"| Name | Land |\n| Host GmbH | Deutschland |\n| Cloud Inc. | USA |"},
		},
		{
			name: "two-column page",
			lines: join(
				prose(50, 60, 14, 220, 20),
				prose(310, 60, 14, 220, 20),
			),
		},
		{
			name: "numbered list with hanging labels",
			lines: []pdfLine{
				ln(50, 100, "1."), ln(80, 100, "Der Auftragnehmer verarbeitet Daten nur auf"),
				ln(80, 114, "dokumentierte Weisung des Auftraggebers."),
				ln(50, 128, "2."), ln(80, 128, "Er verpflichtet die Beschäftigten zur"),
				ln(80, 142, "Vertraulichkeit."),
				ln(50, 156, "a)"), ln(80, 156, "Unterauftragnehmer nur mit Genehmigung."),
			},
		},
		{
			name: "bullets",
			lines: []pdfLine{
				ln(60, 100, "•"), ln(80, 100, "Zutrittskontrolle"),
				ln(60, 114, "•"), ln(80, 114, "Zugangskontrolle"),
				ln(60, 128, "•"), ln(80, 128, "Zugriffskontrolle"),
			},
		},
		{
			name: "running footer",
			lines: join(
				prose(50, 60, 14, 490, 10),
				[]pdfLine{
					ln(50, 790, "ACME GmbH"), ln(420, 790, "Seite 1 von 3"),
					ln(50, 804, "Musterstraße 1"), ln(420, 804, "www.acme.example"),
				},
			),
		},
		{
			name: "justified text with wide spaces",
			lines: []pdfLine{
				lnGap(50, 100, 7, "Der Auftragnehmer stellt sicher dass die Daten getrennt"),
				lnGap(50, 114, 7, "von anderen Daten verarbeitet und nicht mit diesen"),
				lnGap(50, 128, 7, "verknüpft werden soweit nichts anderes vereinbart ist"),
			},
		},
		{
			name: "heading with a tab gap",
			lines: join(
				[]pdfLine{ln(50, 100, "§ 3"), ln(90, 100, "Pflichten des Auftragnehmers")},
				prose(50, 118, 14, 490, 4),
			),
		},
		{
			name: "definition with a label at the right margin",
			lines: []pdfLine{
				ln(50, 100, "int"), ln(80, 100, "asn1_read_tag (node, name)"), ln(480, 100, "[Function]"),
				ln(80, 118, "root: pointer to a structure"),
				ln(80, 136, "name: the name of the element inside a structure"),
				ln(80, 154, "Returns the tag and the class of an element."),
			},
		},
		{
			// Cells centred vertically; the address wraps onto a line of
			// its own set off by paragraph spacing (db-glakon.pdf).
			name: "first cell's last line set apart",
			lines: []pdfLine{
				ln(80, 170, "Name und Anschrift"), ln(380, 170, "Auftragsinhalt"),
				ln(150, 196, "SYNAXON AG"), ln(320, 208, "Support Managed Services"),
				ln(120, 220, "Falkenstr. 31, 33758 Schloß"),
				ln(130, 244, "Holte-Stukenbrock, DE"),
				ln(110, 273, "SBE network solutions GmbH"), ln(330, 273, "Betrifft nur Kunden"),
				ln(140, 285, "Am Stellwerk 12"), ln(360, 297, "LogoDIDACT Support"),
				ln(120, 297, "74177 Bad Friedrichshall"),
			},
			want: []string{"| Name und Anschrift | Auftragsinhalt |\n| SYNAXON AG Falkenstr. 31, 33758 Schloß Holte-Stukenbrock, DE | Support Managed Services |\n| SBE network solutions GmbH Am Stellwerk 12 74177 Bad Friedrichshall | Betrifft nur Kunden LogoDIDACT Support |"},
		},
		{
			// A list of annexes beside their titles is a list.
			name: "annexes with hanging labels",
			lines: []pdfLine{
				ln(50, 100, "Anlage 1"), ln(140, 100, "Technische und organisatorische Maßnahmen"),
				ln(50, 114, "Anlage 2"), ln(140, 114, "Genehmigte Subunternehmer"),
			},
		},
		{
			name: "a double space in one line of a list",
			lines: []pdfLine{
				ln(60, 100, "•"), ln(80, 100, "Passwortrichtlinie"),
				ln(60, 114, "•"), lnGap(80, 114, 9, "Vernichtung (Schredder)"),
				ln(60, 128, "•"), ln(80, 128, "Verschlüsselung"),
			},
		},
		{
			// Justified cells (db-sharepad.pdf): the stretched gaps of a
			// line that wraps are no column gutters, whether a later row
			// closes them (the address column) or not (the name column).
			name: "justified lines in cells",
			lines: join(
				[]pdfLine{ln(50, 100, "Dienstleister"), ln(200, 100, "Zweck"), ln(350, 100, "Sitz")},
				[]pdfLine{spread(50, 116, 120, "Kaleido AI GmbH"), spread(200, 116, 120, "Hosting der Anwendung,"), ln(350, 116, "Wien")},
				[]pdfLine{ln(50, 128, "(remove.bg)"), ln(200, 128, "Runtime-Logs")},
				apart(spread(50, 144, 120, "Haufe-Lexware GmbH &")),
				[]pdfLine{ln(200, 144, "Rechnungsstellung"), ln(350, 144, "Freiburg")},
				[]pdfLine{ln(50, 156, "Co. KG"), ln(200, 156, "für den Dienst")},
				[]pdfLine{ln(50, 172, "Strato AG"), ln(200, 172, "Versand von E-Mails"), ln(350, 172, "Berlin")},
			),
			want: []string{"| Dienstleister | Zweck | Sitz |\n| Kaleido AI GmbH (remove.bg) | Hosting der Anwendung, Runtime-Logs | Wien |\n| Haufe-Lexware GmbH & Co. KG | Rechnungsstellung für den Dienst | Freiburg |\n| Strato AG | Versand von E-Mails | Berlin |"},
		},
		{
			// A justified line ended by a manual line break is stretched
			// although the next word would fit: a later row closes its
			// gap, so the gap is no column.
			name: "justified line before a manual line break",
			lines: []pdfLine{
				ln(50, 100, "Dienstleister"), ln(200, 100, "Sitz"),
				spread(50, 116, 120, "Muster AG"), ln(200, 116, "Berlin"),
				ln(50, 128, "Nord"),
				ln(50, 144, "Beispiel Hosting GmbH"), ln(200, 144, "Bonn"),
			},
			want: []string{"| Dienstleister | Sitz |\n| Muster AG Nord | Berlin |\n| Beispiel Hosting GmbH | Bonn |"},
		},
		{
			// One body row: no later row closes the stretched gaps.
			name: "justified line in the only body row",
			lines: []pdfLine{
				ln(50, 100, "Dienstleister"), ln(200, 100, "Sitz"),
				spread(50, 116, 120, "Kaleido AI GmbH"), ln(200, 116, "Wien"),
				ln(50, 128, "(remove.bg)"),
			},
			want: []string{"| Dienstleister | Sitz |\n| Kaleido AI GmbH (remove.bg) | Wien |"},
		},
		{
			// A column without a header of its own holds values, not the
			// end of a justified line: the gap before "ja" is far wider
			// than the next line's first word.
			name: "column with an empty header cell",
			lines: []pdfLine{
				ln(50, 100, "Maßnahme"), ln(150, 100, "Beschreibung"),
				ln(50, 116, "Zutritt"), ln(150, 116, "Chipkarten"), ln(400, 116, "ja"),
				ln(150, 128, "und Schlüssel"),
				ln(50, 144, "Zugang"), ln(150, 144, "Passwörter"), ln(400, 144, "ja"),
				ln(150, 156, "und Sperren"),
			},
			want: []string{"| Maßnahme | Beschreibung |  |\n| Zutritt | Chipkarten und Schlüssel | ja |\n| Zugang | Passwörter und Sperren | ja |"},
		},
		{
			// A matrix: its header leaves the first cell empty.
			name: "header with an empty first cell",
			lines: []pdfLine{
				ln(200, 100, "Auftraggeber"), ln(350, 100, "Auftragnehmer"),
				ln(50, 114, "Name"), ln(200, 114, "Host GmbH"), ln(350, 114, "Mail AG"),
				ln(50, 128, "Sitz"), ln(200, 128, "Berlin"), ln(350, 128, "Bonn"),
			},
			want: []string{"|  | Auftraggeber | Auftragnehmer |\n| Name | Host GmbH | Mail AG |\n| Sitz | Berlin | Bonn |"},
		},
		{
			// Justified text beside a narrow column, header empty over
			// it: a line that does not wrap is not stretched, so its
			// wide gap is a gutter.
			name: "value column beside cells that end flush",
			lines: []pdfLine{
				ln(50, 100, "Leistung"), ln(200, 100, "Preis"),
				ln(50, 114, "Hosting"), ln(200, 114, "120,00"), ln(260, 114, "EUR"),
				ln(50, 128, "Wartung"), ln(200, 128, "80,00"), ln(260, 128, "EUR"),
			},
			want: []string{"| Leistung | Preis |  |\n| Hosting | 120,00 | EUR |\n| Wartung | 80,00 | EUR |"},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			tables, owner := findTables(c.lines, synthPage)
			var got []string
			for _, tb := range tables {
				got = append(got, tableText(tb))
			}
			if strings.Join(got, "\n\n") != strings.Join(c.want, "\n\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n\n"), strings.Join(c.want, "\n\n"))
			}
			if len(tables) == 0 && owner != nil {
				t.Errorf("owner %v without tables", owner)
			}
			for i, o := range owner {
				if o >= len(tables) {
					t.Errorf("line %d owned by table %d of %d", i, o, len(tables))
				}
			}
		})
	}
}

// TestFindTablesOwner checks that only the lines of the table are taken
// from the text flow.
func TestFindTablesOwner(t *testing.T) {
	lines := join(
		prose(50, 60, 14, 490, 2),
		[]pdfLine{
			ln(50, 100, "Name"), ln(250, 100, "Land"),
			ln(50, 114, "Host GmbH"), ln(250, 114, "Deutschland"),
		},
		[]pdfLine{ln(50, 132, "Stand: 2024")},
	)
	_, owner := findTables(lines, synthPage)
	want := []int{-1, -1, 0, 0, 0, 0, -1}
	if len(owner) != len(want) {
		t.Fatalf("owner %v, want %v", owner, want)
	}
	for i := range want {
		if owner[i] != want[i] {
			t.Fatalf("owner %v, want %v", owner, want)
		}
	}
}

// TestPDFDocumentTable checks that a table found on a page reaches the
// document as rows and cells at the place of its first line in reading
// order, with the text around it unchanged.
func TestPDFDocumentTable(t *testing.T) {
	intro := prose(50, 60, 14, 490, 3)
	// pdftotext's blocks mix the cells: one block per column pair.
	page := pdfPage{height: synthPage, blocks: []pdfBlock{
		{lines: intro},
		{lines: []pdfLine{ln(50, 120, "Unterauftragnehmer"), ln(50, 134, "Host GmbH"), ln(50, 148, "Mail AG")}},
		{lines: []pdfLine{ln(250, 120, "Sitz"), ln(400, 120, "Leistung"), ln(250, 134, "Berlin"), ln(400, 134, "Hosting"), ln(250, 148, "Bonn"), ln(400, 148, "E-Mail"), ln(50, 166, "Der Auftraggeber stimmt zu.")}},
	}}
	doc, err := pdfDocument("t.pdf", []pdfPage{page})
	if err != nil {
		t.Fatal(err)
	}
	const table = "| Unterauftragnehmer | Sitz | Leistung |\n| Host GmbH | Berlin | Hosting |\n| Mail AG | Bonn | E-Mail |\n\nDer Auftraggeber stimmt zu."
	if !strings.Contains(doc.Text, table) {
		t.Fatalf("table not in text:\n%s", doc.Text)
	}
	var cells []string
	for i, b := range doc.Blocks {
		if b.Kind == document.TableCell {
			cells = append(cells, doc.BlockText(i))
		}
	}
	if got := strings.Join(cells, ","); got != "Unterauftragnehmer,Sitz,Leistung,Host GmbH,Berlin,Hosting,Mail AG,Bonn,E-Mail" {
		t.Errorf("cells %s", got)
	}
}

// TestFindTablesBadBoxes checks that boxes out of range disable table
// detection instead of misleading it.
func TestFindTablesBadBoxes(t *testing.T) {
	lines := []pdfLine{ln(50, 100, "Name"), ln(250, 100, "Land"), ln(50, 114, "Host"), ln(250, 114, "DE")}
	lines[1].words[0].x1 = lines[1].words[0].x0 - 10
	if tables, owner := findTables(lines, 0); tables != nil || owner != nil {
		t.Errorf("tables from a bad box: %v", tables)
	}
}

// TestTableAcrossPages checks that a table continued on the next page,
// with its header row repeated, comes out as one table, and that the
// second page still starts at its first row.
func TestTableAcrossPages(t *testing.T) {
	page := func(lines ...pdfLine) pdfPage {
		return pdfPage{height: synthPage, blocks: []pdfBlock{{lines: lines}}}
	}
	p1 := page(join(prose(50, 60, 14, 490, 6),
		[]pdfLine{
			ln(50, 200, "Name"), ln(250, 200, "Sitz"),
			ln(50, 214, "Host GmbH"), ln(250, 214, "Berlin"),
			ln(50, 228, "Mail AG"), ln(250, 228, "Köln"),
		})...)
	p2 := page(join(
		[]pdfLine{
			ln(50, 100, "Name"), ln(250, 100, "Sitz"),
			ln(50, 114, "Cloud Inc."), ln(250, 114, "Dublin"),
			ln(50, 128, "Pay Ltd."), ln(250, 128, "Cork"),
		},
		prose(50, 160, 14, 490, 6))...)
	doc, err := pdfDocument("t.pdf", []pdfPage{p1, p2})
	if err != nil {
		t.Fatal(err)
	}
	want := "| Name | Sitz |\n| Host GmbH | Berlin |\n| Mail AG | Köln |\n| Cloud Inc. | Dublin |\n| Pay Ltd. | Cork |\n\n"
	if !strings.Contains(doc.Text, want) {
		t.Errorf("text:\n%s\nwant the table\n%s", doc.Text, want)
	}
	if len(doc.Pages) != 2 || !strings.HasPrefix(doc.Text[doc.Pages[1]:], "| Cloud Inc. |") {
		t.Errorf("page 2 starts at %q", doc.Text[doc.Pages[1]:min(len(doc.Text), doc.Pages[1]+20)])
	}
}
