package findings

import (
	"reflect"
	"testing"
)

// TestBlanksEachCited checks that kind "blanks" cites every blank where it
// stands, with its label, and leaves filled fields and signature lines
// alone.
func TestBlanksEachCited(t *testing.T) {
	r := Default().Rule("template-placeholder")
	if r == nil || r.Kind != Blanks {
		t.Fatal("template-placeholder is not a blanks rule")
	}
	tests := []struct {
		name, lang, text string
		want             []string
	}{
		{"party block", "de", "Verantwortlicher:\nFirma:      ________\nAnschrift:  ________\nAuftragnehmer: Beispiel GmbH, Weg 1, 12345 Ort\n",
			[]string{"Firma:      ________", "Anschrift:  ________"}},
		{"bare blank line takes the label above", "de", "Verantwortlicher (Kunde) | Auftragsverarbeiter\n________ | ________\nOrt, Datum | Ort, Datum\n________ | ________\n",
			[]string{"Verantwortlicher (Kunde) | Auftragsverarbeiter\n________ | ________"}},
		{"brackets", "de", "Firma / Name | [Anbieter-Firma], Inhaber: [Vor- und Nachname]\nDauer: [[30]] Tage; siehe [Anlage 1] und FLUX.2 [pro].\n",
			[]string{"[Anbieter-Firma]", "[Vor- und Nachname]", "[[30]]"}},
		{"boxes without a tick", "de", "Datenkategorien:\n□ Kunden\n□ Beschäftigte\n",
			[]string{"□ Kunden", "□ Beschäftigte"}},
		{"boxes with a tick are choices", "de", "Datenkategorien:\n☒ Kunden\n☐ Beschäftigte\n", nil},
		{"empty fields need a block", "de", "Name der Organisation:\nAnschrift:\nund\nKontakt:\nBeispiel GmbH\n",
			[]string{"Name der Organisation:", "Anschrift:"}},
		{"masks and variables", "en", "Effective date: XX.XX.XXXX for {{ customer }} at <ADDRESS>.\n",
			[]string{"XX.XX.XXXX", "{{ customer }}", "<ADDRESS>"}},
		{"word content controls with their labels", "de", "Gegenstand: Klicken oder tippen Sie hier, um Text einzugeben.\nLink: Klicken Sie hier, um die Liste zu öffnen.\n",
			[]string{"Gegenstand: Klicken oder tippen Sie hier, um Text einzugeben."}},
		{"omission in a quotation, blank outside one", "de", "Es gilt: „nur auf dokumentierte Weisung […]“.\n„Hauptvertrag“ bezeichnet den Vertrag vom […].\n",
			[]string{"[…]"}},
		{"signature block of an unsigned form", "en", "Name: ________\nAddress: ________\n\nThe Processor processes the data.\n\nFor the Customer\nSignature: ________\nName: ________\nTitle: ________\n",
			[]string{"Name: ________", "Address: ________"}},
		{"dotted line with its label beneath", "de", "......................................\n(Name und Anschrift des Auftraggebers)\n......................................\n(Unterschrift Auftraggeber)\n",
			[]string{"......................................"}},
		{"filled contract", "en", "Controller: Acme Ltd, 1 High Street, London\nSignature: ____________\nDate: ____________\nSee [1] and [Annex 2].\n", nil},
	}
	for _, tc := range tests {
		var got []string
		for _, f := range run(r, tc.text, tc.lang) {
			for _, e := range f.Evidence {
				if tc.text[e.Start:e.End] != e.Text {
					t.Errorf("%s: evidence %q does not match its offsets", tc.name, e.Text)
				}
				got = append(got, e.Text)
			}
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s:\n got  %q\n want %q", tc.name, got, tc.want)
		}
	}
}
