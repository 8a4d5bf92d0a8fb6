package document

import (
	"regexp"
	"strings"
	"testing"
)

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

// reAddressAnywhere is the expression EndsWithAddress answered before it
// tried only the last commas: the two must agree.
var reAddressAnywhere = regexp.MustCompile(`,\s*(?:[A-Z]{1,2}-)?\d{4,5}\s+\p{Lu}[\p{L}.\-]*(?:\s+(?:am|an der|im|in der|ob der|bei|\p{Lu}[\p{L}.\-]*)){0,3}(?:,\s*\p{Lu}[\p{L}\-]*(?:\s+\p{Lu}[\p{L}\-]*)?){0,2}\s*$`)

func TestEndsWithAddress(t *testing.T) {
	lines := []string{
		"Hanauer Landstraße 300, 60314 Frankfurt am Main, Deutschland",
		"Hanauer Landstraße 300, 60314 Frankfurt am Main, Deutschland, Europäische Union",
		"Hanauer Landstraße 300, 60314 Frankfurt am Main, Deutschland, Europäische Union, Erde",
		"Musterweg 1, A-1010 Wien",
		"Musterweg 1, 8001 Zürich, Schweiz ",
		"a, b, c, d, 12345 Berlin",
		"Die Daten liegen in Berlin, 10115 Berlin, und werden gelöscht.",
		"12345 Berlin",
		"Preis: 1,5, 2,5 und 3,5",
		", 12345 Ort, Land, Land2, Land3",
		"",
	}
	for _, l := range lines {
		want := strings.Contains(l, ",") && reAddressAnywhere.MatchString(strings.TrimSpace(l))
		if got := EndsWithAddress(l); got != want {
			t.Errorf("EndsWithAddress(%q) = %v, want %v", l, got, want)
		}
	}
}

func FuzzEndsWithAddress(f *testing.F) {
	f.Add("Hanauer Landstraße 300, 60314 Frankfurt am Main, Deutschland")
	f.Add("x, y, 1234 Z, A, B")
	f.Fuzz(func(t *testing.T, l string) {
		want := strings.Contains(l, ",") && reAddressAnywhere.MatchString(strings.TrimSpace(l))
		if got := EndsWithAddress(l); got != want {
			t.Errorf("EndsWithAddress(%q) = %v, want %v", l, got, want)
		}
	})
}
