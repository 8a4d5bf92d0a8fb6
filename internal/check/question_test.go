package check

import (
	"testing"

	"github.com/art28/art28/internal/lexicon"
)

func TestAsksPermission(t *testing.T) {
	for _, tc := range []struct {
		s    string
		want bool
	}{
		{"Can we audit you?", true},
		{"Q: May we inspect your data centres?", true},
		{"Dürfen wir euch prüfen?", true},
		{"Frage: Können wir eure Rechenzentren besichtigen?", true},
		{"Can we audit you", false},
		{"Will you help us tell our customers about a breach?", false},
		{"How do we protect your data?", false},
		{"Canwe audit you?", false},
	} {
		if got := asksPermission(tc.s); got != tc.want {
			t.Errorf("asksPermission(%q) = %v, want %v", tc.s, got, tc.want)
		}
	}
}

func TestAsksVendor(t *testing.T) {
	for _, tc := range []struct {
		s    string
		want bool
	}{
		{"Q: Will you process our data without our instructions?", true},
		{"Nutzt ihr meine Daten jemals ohne meinen Auftrag?", true},
		{"Macht ihr mit meinen Daten, was ihr wollt?", true},
		{"How do we protect your data?", false},
		{"Was passiert mit meinen Daten, wenn ich kündige?", false},
		{"Will you process our data", false},
	} {
		if got := asks(tc.s, lexicon.AskingVendor()); got != tc.want {
			t.Errorf("asks(%q, asking_vendor) = %v, want %v", tc.s, got, tc.want)
		}
	}
}
