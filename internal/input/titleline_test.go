package input

import (
	"strings"
	"testing"

	"github.com/art28/art28/internal/document"
)

// centred lays out a line centred in the column from 50 to 540.
func centred(y float64, text string) pdfLine {
	l := ln(0, y, text)
	return ln(50+(490-(l.x1-l.x0))/2, y, text)
}

// para is prose whose last line ends its sentence.
func para(x, y float64, n int) []pdfLine {
	ls := prose(x, y, 14, 490, n)
	last := &ls[len(ls)-1]
	*last = ln(last.x0, last.y0, last.text+".")
	return ls
}

// pdfBlockAt returns the first block of doc whose text starts with
// prefix.
func pdfBlockAt(doc *document.Document, prefix string) (document.Block, bool) {
	for i, b := range doc.Blocks {
		if b.Kind != document.TableRow && strings.HasPrefix(doc.BlockText(i), prefix) {
			return b, true
		}
	}
	return document.Block{}, false
}

// TestPDFTitleLines checks PDF blocks whose title is set in body type:
// a centred title line over left-aligned text in the same pdftotext block
// is a heading of its own (the text under it is filed under it), and a
// list of annexes with hanging labels keeps each label with its title on
// one line. Indented first lines, centred sentences and wrapped lines stay
// in their paragraph.
func TestPDFTitleLines(t *testing.T) {
	type want struct {
		prefix  string
		heading bool
		section string // prefix of the block's section (body blocks)
		annex   string
	}
	tests := []struct {
		name  string
		pages [][]pdfBlock
		wants []want
		text  []string // lines the text must hold
	}{
		{"de centred annex title over its text",
			[][]pdfBlock{{{lines: join([]pdfLine{centred(100, "Anlage 3 Technische und organisatorische Maßnahmen nach Art. 32 DSGVO"), ln(50, 114, "Zum Schutz der Daten trifft der Auftragnehmer mindestens die folgenden Maßnahmen, die")}, para(50, 128, 4))}}},
			[]want{{"Anlage 3 Technische", true, "", "Anlage 3"}, {"Zum Schutz der Daten", false, "Anlage 3", "Anlage 3"}}, nil},
		{"en centred schedule title over its text",
			[][]pdfBlock{{{lines: join(para(50, 60, 3))}, {lines: join([]pdfLine{centred(140, "Schedule 2 Security Measures")}, []pdfLine{ln(50, 154, "The Supplier encrypts all laptops and backs up the database every night to a second site")}, para(50, 168, 2))}}},
			[]want{{"Schedule 2 Security Measures", true, "", "Schedule 2"}, {"The Supplier encrypts", false, "Schedule 2", "Schedule 2"}}, nil},
		{"de centred section title over its text",
			[][]pdfBlock{{{lines: join([]pdfLine{centred(100, "§ 7 Kontrollrechte des Auftraggebers"), ln(50, 114, "Der Auftraggeber darf die Einhaltung der Vorschriften über den Datenschutz bei dem Auftragnehmer")}, para(50, 128, 2))}}},
			[]want{{"§ 7 Kontrollrechte", true, "", ""}, {"Der Auftraggeber darf", false, "§ 7 Kontrollrechte", ""}}, nil},
		{"indented first line stays in its paragraph",
			[][]pdfBlock{{{lines: join(para(50, 60, 2))}, {lines: join([]pdfLine{ln(74, 100, "Die Vertragsparteien vereinbaren für die Dauer der Zusammenarbeit die folgenden Regeln")}, para(50, 114, 3))}}},
			[]want{{"Die Vertragsparteien vereinbaren", false, "", ""}},
			[]string{"Die Vertragsparteien vereinbaren für die Dauer der Zusammenarbeit die folgenden Regeln der Auftragnehmer"}},
		{"centred line going on in lower case stays in its paragraph",
			[][]pdfBlock{{{lines: join(para(50, 60, 2))}, {lines: join([]pdfLine{centred(100, "Der Auftragnehmer unterrichtet den Auftraggeber"), ln(50, 114, "unverzüglich über jede Verletzung des Schutzes personenbezogener Daten bei ihm oder seinen")}, para(50, 128, 2))}}},
			[]want{{"Der Auftragnehmer unterrichtet", false, "", ""}},
			[]string{"Der Auftragnehmer unterrichtet den Auftraggeber unverzüglich über"}},
		{"centred sentence is no heading",
			[][]pdfBlock{{{lines: join(para(50, 60, 2))}, {lines: join([]pdfLine{centred(100, "Diese Fassung ersetzt alle früheren Fassungen.")}, para(50, 114, 2))}}},
			[]want{{"Diese Fassung ersetzt", false, "", ""}}, nil},
		{"de annex list with hanging labels",
			[][]pdfBlock{{{lines: join(para(50, 60, 2), []pdfLine{ln(50, 100, "Die folgenden Anlagen sind Bestandteil dieses Vertrags:"), ln(50, 114, "Anlage 1"), ln(120, 114, "Technische und organisatorische Maßnahmen"), ln(50, 128, "Anlage 2"), ln(120, 128, "Genehmigte Unterauftragnehmer")})}}},
			nil,
			[]string{"Anlage 1 Technische und organisatorische Maßnahmen\n", "Anlage 2 Genehmigte Unterauftragnehmer\n"}},
		{"en schedule list with hanging labels",
			[][]pdfBlock{{{lines: join(para(50, 60, 2), []pdfLine{ln(50, 100, "The following schedules form part of this agreement:"), ln(50, 114, "Schedule 1"), ln(130, 114, "Details of the processing"), ln(50, 128, "Schedule 2"), ln(130, 128, "Security measures")})}}},
			nil,
			[]string{"Schedule 1 Details of the processing\n", "Schedule 2 Security measures\n"}},
		{"hanging numbered items keep their wrapped lines",
			[][]pdfBlock{{{lines: join(para(50, 60, 2), []pdfLine{ln(50, 100, "Der Auftragnehmer trifft folgende Maßnahmen:"), ln(50, 114, "1."), ln(70, 114, "Verschlüsselung aller Notebooks und mobilen Datenträger mit einem Verfahren nach"), ln(70, 128, "dem Stand der Technik"), ln(50, 142, "2."), ln(70, 142, "Protokollierung aller Zugriffe")})}}},
			nil,
			[]string{"1. Verschlüsselung aller Notebooks und mobilen Datenträger mit einem Verfahren nach dem Stand der Technik\n", "2. Protokollierung aller Zugriffe\n"}},
		{"annex title in body type on the next page",
			[][]pdfBlock{
				{{lines: join(para(50, 60, 2), []pdfLine{ln(50, 100, "Die folgenden Anlagen sind Bestandteil dieses Vertrags:"), ln(50, 114, "Anlage 1"), ln(120, 114, "Technische und organisatorische Maßnahmen"), ln(50, 128, "Anlage 2"), ln(120, 128, "Genehmigte Unterauftragnehmer")})}},
				{{lines: join([]pdfLine{centred(100, "Anlage 1 Technische und organisatorische Maßnahmen nach Art. 32 DSGVO"), ln(50, 114, "Gemäß Art. 32 DSGVO trifft der Auftragnehmer insbesondere die folgenden Maßnahmen zum Schutz")}, para(50, 128, 2))}},
			},
			[]want{{"Gemäß Art. 32 DSGVO", false, "Anlage 1 Technische", "Anlage 1"}}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pages := make([]pdfPage, len(tt.pages))
			for i, bs := range tt.pages {
				pages[i] = pdfPage{height: synthPage, blocks: bs}
			}
			doc, err := pdfDocument("t.pdf", pages)
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range tt.wants {
				b, ok := pdfBlockAt(doc, w.prefix)
				switch {
				case !ok:
					t.Errorf("%q: no block in\n%s", w.prefix, doc.Text)
				case (b.Kind == document.Heading) != w.heading:
					t.Errorf("%q: %s, heading %v wanted; text:\n%s", w.prefix, b.Kind, w.heading, doc.Text)
				case !w.heading && !strings.HasPrefix(b.Section, w.section):
					t.Errorf("%q: under %q, want %q", w.prefix, b.Section, w.section)
				case b.Annex != w.annex:
					t.Errorf("%q: annex %q, want %q", w.prefix, b.Annex, w.annex)
				}
			}
			for _, s := range tt.text {
				if !strings.Contains(doc.Text, s) {
					t.Errorf("text lacks %q:\n%s", s, doc.Text)
				}
			}
		})
	}
}
