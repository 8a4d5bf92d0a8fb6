package extract

import (
	"regexp"
	"testing"
)

// TestDocumentHeadsAsData checks that the connector expression built from
// document_heads in parties.yaml matches exactly where the expression
// written in Go before branch parties27 matched (the German heads), and
// gives the heads their positive and negative examples.
func TestDocumentHeadsAsData(t *testing.T) {
	k, err := LoadKnowledge()
	if err != nil {
		t.Fatal(err)
	}
	word := `[0-9A-Za-zÀ-ÖØ-öø-ſ][0-9A-Za-zÀ-ÖØ-öø-ſ\-./]*`
	old := regexp.MustCompile(`(?i)^(?:(?:vertrags)?(?:partner|parteien)\s+(?:dieser|dieses|der|des)\s+` + word + `(?:\s+` + word + `){0,2}\s+sind)[:,]?(?:\s+|$)`)
	for _, s := range []string{
		"Vertragsparteien dieser Zusatzvereinbarung sind die",
		"Parteien der Anlage DS sind die",
		"Vertragspartner dieser BV sind",
		"Vertragspartner des AVV sind: ",
		"Partner dieses Vertrags zur Auftragsverarbeitung sind",
		"Parteien der Zusatzvereinbarung Datenschutz sind die",
		"Parteien haben dieser Vereinbarung zugestimmt und",
		"Vertragsparteien dieser Vereinbarung, die sind",
		"Parteien der neuen langen Anlage zum Vertrag sind",
		"Vertragspartnerin dieser Vereinbarung ist",
	} {
		o := old.FindStringIndex(s)
		n := k.party.connectorRe.FindStringIndex(s)
		if (o == nil) != (n == nil) || (o != nil && n[1] < o[1]) {
			t.Errorf("connector head %q: data %v, Go expression before %v", s, n, o)
		}
	}
	// English heads (added by parties27).
	for s, want := range map[string]bool{
		"The parties to this Schedule are Moorland":                  true,
		"Parties to the Data Processing Addendum are: ":              true,
		"The parties to this DPA are":                                true,
		"The parties to this Agreement agree that":                   false,
		"The parties to this Schedule, who are":                      false,
		"The parties to this very long data processing schedule are": false,
	} {
		m := k.party.connectorRe.FindStringIndex(s)
		if got := m != nil && m[1] > 14; got != want {
			t.Errorf("connector head %q: %v, want %v", s, got, want)
		}
	}
}
