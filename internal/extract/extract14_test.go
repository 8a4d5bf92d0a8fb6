package extract

import "testing"

// TestHyphenLegalForm checks that a legal form joined to the name by a
// hyphen is one ("Betriebs-GmbH", "Service-GmbH", "FZ-LLC") and that a
// hyphen alone makes none.
func TestHyphenLegalForm(t *testing.T) {
	k, err := LoadKnowledge()
	if err != nil {
		t.Fatal(err)
	}
	for s, want := range map[string]bool{
		"Klinikum Seeblick Service-GmbH, Konstanz":  true,
		"Rechenzentrum Kreiskliniken Betriebs-GmbH": true,
		"Brandl Verwaltungs-GmbH, die":              true,
		"Gulf Middle East FZ-LLC":                   true,
		"Müller-GmbH":                               true,
		"E-Mail-Adresse des Auftraggebers":          false,
		"Rheinland-Pfalz und Baden-Württemberg":     false,
		"Anti-Viren-Software":                       false,
		"die -GmbH":                                 false,
		"Sub-Auftragsverarbeiter der Kunden-Gruppe": false,
	} {
		a, _ := k.legalForm(s)
		if got := a >= 0; got != want {
			t.Errorf("legalForm(%q) at %d, want a form: %v", s, a, want)
		}
		if got := k.party.legalRe.MatchString(s); got != want {
			t.Errorf("party legalRe(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestJoinWrapped checks how a wrapped line of a name joins the line it
// continues.
func TestJoinWrapped(t *testing.T) {
	for _, tc := range [][3]string{
		{"Datenverarbeitungszentrum Mecklenburg-", "Vorpommern GmbH", "Datenverarbeitungszentrum Mecklenburg-Vorpommern GmbH"},
		{"Gesellschaft für Kommunikations-", "technik Oberrhein mbH", "Gesellschaft für Kommunikationstechnik Oberrhein mbH"},
		{"Verwaltungs-", "und Abrechnungszentrum eG", "Verwaltungs- und Abrechnungszentrum eG"},
		{"Association of Independent Pharmacy Data", "Services Limited", "Association of Independent Pharmacy Data Services Limited"},
		{"Druck und Versand -", "Briefe", "Druck und Versand - Briefe"},
	} {
		if got := joinWrapped(tc[0], tc[1]); got != tc[2] {
			t.Errorf("joinWrapped(%q, %q) = %q, want %q", tc[0], tc[1], got, tc[2])
		}
	}
}

// TestGenitiveNameExtract14 checks names joined by a genitive with two
// nouns joined by a conjunction, and organisation nouns that hold a
// service word; services and actions before the genitive stay no name.
func TestGenitiveNameExtract14(t *testing.T) {
	k, err := LoadKnowledge()
	if err != nil {
		t.Fatal(err)
	}
	x := &extractor{k: k, lang: "de"}
	for s, want := range map[string]bool{
		"Gesellschaft für Informationsverarbeitung und Kommunikationstechnik Oberrhein ": true,
		"Verwaltungs- und Abrechnungszentrum der Zahnärzte Südwest ":                     true,
		"Abrechnungszentrum der Zahnärzte Südwest ":                                      true,
		"Hosting und Wartung der Server ":                                                false,
		"Abrechnung der Zahnärzte Südwest ":                                              false,
		"Druck und Versand der Abrechnungen ":                                            false,
	} {
		if got := x.genitiveName(s); got != want {
			t.Errorf("genitiveName(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestPageFooter checks the lines a page break leaves in a list.
func TestPageFooter(t *testing.T) {
	for s, want := range map[string]bool{
		"Seite 4 von 6": true,
		"AV-Vertrag Version 3.1 – Seite 7 von 9":        true,
		"Data Processing Agreement v2.0 – Page 9 of 12": true,
		"- 3 -": true,
		"3. Belegscan Trier GmbH & Co. KG, Trier":                                 false,
		"Die Liste steht auf Seite 4 von 6 bereit und wird jährlich aktualisiert": false,
	} {
		if got := pageFooter(s); got != want {
			t.Errorf("pageFooter(%q) = %v, want %v", s, got, want)
		}
	}
}
