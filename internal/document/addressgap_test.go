package document

import "testing"

// An address line before a blank line and the next company's name ends
// its block; a long prose line broken across the gap still continues.
func TestAddressLineEndsBlock(t *testing.T) {
	cases := []struct {
		prev, next string
		want       bool
	}{
		{"Hanauer Landstraße 300, 60314 Frankfurt am Main, Deutschland", "Mailjet", false},
		{"Mainzer Landstraße 250, 60326 Frankfurt am Main, Deutschland, Europäische Union", "Postbote Mail", false},
		{"Der Auftragnehmer verarbeitet die Daten in seinem Rechenzentrum in Frankfurt und in", "Offenbach am Main.", true},
		{"Die Verarbeitung erfolgt ausschließlich im Rechenzentrum des Dienstleisters in der Stadt", "Frankfurt am Main.", true},
	}
	for _, c := range cases {
		if got := continues(c.prev, 0, c.next, 0, true, 0); got != c.want {
			t.Errorf("continues(%q, %q) = %v, want %v", c.prev, c.next, got, c.want)
		}
	}
}
