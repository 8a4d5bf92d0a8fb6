package extract

import "testing"

// TestNameCellPlace checks the parenthesis after a listed name: a country
// or a known city after a company with its legal form is the entry's
// place, anything else stays part of the name.
func TestNameCellPlace(t *testing.T) {
	k, err := LoadKnowledge()
	if err != nil {
		t.Fatal(err)
	}
	x := &extractor{k: k, lang: "en"}
	for _, tc := range []struct {
		cell, name, country string
	}{
		{"Vercel Inc. (USA)", "Vercel Inc.", "US"},
		{"Tabiji Guide Network Inc. (Kyoto)", "Tabiji Guide Network Inc.", "JP"},
		{"Mawingu Data Centre Limited (Nairobi)", "Mawingu Data Centre Limited", "KE"},
		{"1&1 IONOS SE (Büro Berlin)", "1&1 IONOS SE (Büro Berlin)", ""},
	} {
		name, country := x.nameCell(tc.cell)
		if name != tc.name || country != tc.country {
			t.Errorf("nameCell(%q) = %q, %q, want %q, %q", tc.cell, name, country, tc.name, tc.country)
		}
	}
}
