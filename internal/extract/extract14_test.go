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
