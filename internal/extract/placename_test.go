package extract

import "testing"

// TestPlaceName checks the expression of a place name built from the
// lexicon's place_connectors.
func TestPlaceName(t *testing.T) {
	k, err := LoadKnowledge()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		s    string
		want bool
	}{
		{"Espelkamp", true},
		{"Bad Oeynhausen", true},
		{"Frankfurt am Main", true},
		{"Neustadt an der Weinstraße", true},
		{"Rothenburg ob der Tauber", true},
		{"Halle (Saale)", true},
		{"espelkamp", false},
		{"Frankfurt and Main", false},
		{"Eins Zwei Drei Vier", false},
	} {
		if got := k.placeNameRe.MatchString(tc.s); got != tc.want {
			t.Errorf("placeNameRe.MatchString(%q) = %v, want %v", tc.s, got, tc.want)
		}
	}
}
