package extract

import (
	"fmt"
	"strings"
	"testing"

	"github.com/art28/art28/internal/document"
	"github.com/art28/art28/internal/segment"
)

// closingBody is the body of a long contract (more than 6,000 bytes), so
// that a closing block stands past the head's reading window.
func closingBody(lang string) string {
	de := []string{
		"Der Anbieter verarbeitet personenbezogene Daten nur auf dokumentierte Weisung des Kunden, auch in Bezug auf Übermittlungen in Drittländer, es sei denn, er ist durch Unionsrecht oder das Recht eines Mitgliedstaats dazu verpflichtet.",
		"Der Anbieter gewährleistet, dass sich die zur Verarbeitung befugten Personen zur Vertraulichkeit verpflichtet haben oder einer angemessenen gesetzlichen Verschwiegenheitspflicht unterliegen.",
		"Der Anbieter trifft die in der Anlage beschriebenen technischen und organisatorischen Maßnahmen und überprüft sie regelmäßig auf ihre Wirksamkeit.",
		"Der Anbieter unterstützt den Kunden mit geeigneten Maßnahmen bei der Beantwortung von Anträgen betroffener Personen auf Wahrnehmung ihrer Rechte.",
		"Nach Abschluss der Erbringung der Leistungen löscht der Anbieter alle personenbezogenen Daten oder gibt sie nach Wahl des Kunden zurück, sofern keine Pflicht zur Speicherung besteht.",
		"Der Anbieter stellt dem Kunden alle erforderlichen Informationen zum Nachweis der Einhaltung seiner Pflichten zur Verfügung und ermöglicht Überprüfungen einschließlich Inspektionen.",
	}
	en := []string{
		"The Provider shall process personal data only on documented instructions from the Customer, including with regard to transfers to a third country, unless required to do so by applicable law.",
		"The Provider shall ensure that persons authorised to process the personal data have committed themselves to confidentiality or are under an appropriate statutory obligation of confidentiality.",
		"The Provider shall implement the technical and organisational measures described in the annex and review their effectiveness at regular intervals.",
		"The Provider shall assist the Customer by appropriate measures in responding to requests from data subjects exercising their rights.",
		"At the end of the provision of the services the Provider shall delete or return all personal data at the Customer's choice, unless storage is required by law.",
		"The Provider shall make available to the Customer all information necessary to demonstrate compliance and allow for audits, including inspections.",
	}
	cl := de
	if lang == "en" {
		cl = en
	}
	var b strings.Builder
	for i := 0; i < 6; i++ {
		for j, c := range cl {
			fmt.Fprintf(&b, "%d.%d %s\n\n", i+2, j+1, c)
		}
	}
	return b.String()
}

// TestHold2526xClosingBlock: a party named only in a closing block of
// field lines ("Kunde: X GmbH" over "Anschrift: …" and "Name: …") after
// a long body; the head points to that block. Negatives: the block left
// blank, and a block of the same fields naming the data protection
// officer (no party). Written before the extractor was changed (branch
// hold2526x).
func TestHold2526xClosingBlock(t *testing.T) {
	deHead := "Vereinbarung zur Auftragsverarbeitung\n\nDiese Vereinbarung gilt zwischen der Wolkenspeicher GmbH, Hafenweg 2, 20457 Hamburg („Anbieter“), und dem im Unterschriftenfeld am Ende genannten Kunden („Kunde“).\n\n1. Gegenstand\n\nDer Anbieter betreibt für den Kunden ein Kassensystem mit Kundenkartei.\n\n"
	enHead := "Data Processing Addendum\n\nThis Addendum is made between Nimbus Ledger Ltd, 40 Broad Street, Bristol BS1 2EP (\"Provider\"), and the customer identified in the acceptance block at the end (\"Customer\").\n\n1. Subject matter\n\nThe Provider hosts the Customer's booking system.\n\n"
	cases := []struct {
		name, lang, text, want string
	}{
		{"de-bestaetigung", "de", deHead + closingBody("de") + "BESTÄTIGUNG\n\nKunde: Bäckerei Kornblum GmbH\nAnschrift: Lindenstraße 4, 20095 Hamburg\nName: Petra Kornblum\nDatum: 3. März 2026\n\nAnbieter: Wolkenspeicher GmbH\nName: Jonas Wolke\nDatum: 3. März 2026\n", "Bäckerei Kornblum GmbH"},
		{"en-accepted", "en", enHead + closingBody("en") + "ACCEPTED AND AGREED\n\nCustomer: Harbour Dental Ltd\nAddress: 3 Quay Street, Bristol BS1 4DJ\nName: Owen Price\nTitle: Practice Manager\nDate: 4 March 2026\n\nProvider: Nimbus Ledger Ltd\nName: Ruth Cole\nTitle: Director\nDate: 4 March 2026\n", "Harbour Dental Ltd"},
		{"de-leer", "de", deHead + closingBody("de") + "BESTÄTIGUNG\n\nKunde: ______________________\nAnschrift: ______________________\nName: ______________________\nDatum: __________\n\nAnbieter: Wolkenspeicher GmbH\nName: Jonas Wolke\nDatum: 3. März 2026\n", ""},
		{"de-dsb-block", "de", deHead + closingBody("de") + "KONTAKT\n\nDatenschutzbeauftragter: Recht & Daten Beratung GmbH\nAnschrift: Kaiserstraße 8, 20095 Hamburg\nName: Dr. Uwe Kahl\nDatum: 3. März 2026\n", ""},
	}
	for _, c := range cases {
		doc := document.ParseText(c.name+".txt", "text", c.text)
		f, err := Extract(Input{Doc: doc, Sentences: segment.Split(doc), Lang: c.lang})
		if err != nil {
			t.Fatal(err)
		}
		got := ""
		if f.Parties.Controller != nil {
			got = f.Parties.Controller.Name
		}
		if got != c.want {
			t.Errorf("%s: controller %q, want %q", c.name, got, c.want)
		}
		if p := f.Parties.Processor; p == nil || p.Name != "Wolkenspeicher GmbH" && p.Name != "Nimbus Ledger Ltd" {
			t.Errorf("%s: processor %v", c.name, p)
		}
	}
}
