package extract

import (
	"strings"
	"testing"
)

// TestAuthorityName checks the names of public bodies without a legal
// form.
func TestAuthorityName(t *testing.T) {
	k, err := LoadKnowledge()
	if err != nil {
		t.Fatal(err)
	}
	x := &extractor{k: k, lang: "de"}
	for _, tc := range []struct {
		name string
		want bool
	}{
		{"Landesamt für Flurneuordnung und ländliche Entwicklung Ostmark-Lausitz", true},
		{"Ministerium des Innern", true},
		{"Regierungspräsidium der Oberpfalz", true},
		{"Landesamt für Vermessung", true},
		{"Landesamt", false},                                            // the head word alone
		{"Amt für die Verarbeitung der Daten des Auftraggebers", false}, // a role word inside
		{"Versand für alle Kunden", false},                              // no authority head
		{"Landesamt für Statistik und die", false},                      // ends in a lower-case word
	} {
		if got := x.authorityName(strings.Fields(tc.name)); got != tc.want {
			t.Errorf("authorityName(%q) = %v, want %v", tc.name, got, tc.want)
		}
	}
}
