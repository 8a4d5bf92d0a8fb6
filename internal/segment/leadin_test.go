package segment

import (
	"testing"

	"github.com/art28/art28/internal/document"
)

// TestLeadInWithoutColon: a clause broken off before lettered items or
// checkbox options is their lead-in; a title is not, except before
// checkbox options (round22de).
func TestLeadInWithoutColon(t *testing.T) {
	for _, c := range []struct {
		text string
		lead bool
	}{
		{"Die Verarbeitung umfasst\na) die Übernahme der Sendungsdaten,\nb) den Versand.", true},
		{"Der Auftragnehmer schützt die Daten insbesondere gegen\na) Vernichtung,\nb) Verlust.", true},
		{"Unterauftragsverhältnisse\n[ ] sind nicht zulässig\n[x] sind mit vorheriger Zustimmung zulässig", true},
		{"Unterauftragsverhältnisse\n[ ] sind nicht zulässig\n[X] sind mit vorheriger Zustimmung zulässig", true},
		{"Der Dienstleister hilft dem Kunden bei\n( ) der Folgenabschätzung\n(X) der Meldung an die Behörde", true},
		{"Der Dienstleister hilft dem Kunden.\n[X] Meldung an die Behörde", false},
		{"Pflichten des Auftraggebers\na) Schulung der Beschäftigten,\nb) Sicherheit der Systeme.", false},
		{"§ 7 Unterauftragsverhältnisse\na) Liste in Anlage 3,\nb) Änderungen.", false},
		{"Der Auftragnehmer trifft geeignete Maßnahmen.\na) Verschlüsselung,\nb) Protokollierung.", false},
	} {
		doc := document.ParseText("c.txt", "text", c.text)
		ss := Split(doc)
		got := len(ss) > 1 && ss[len(ss)-1].LeadIn == 0
		if got != c.lead {
			t.Errorf("%q: lead-in %v, want %v", c.text, got, c.lead)
		}
	}
}
