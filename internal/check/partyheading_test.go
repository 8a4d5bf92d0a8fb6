package check

import "testing"

// TestPartyHeading checks the heading lines under which a head lists its
// two parties as blocks without "zwischen".
func TestPartyHeading(t *testing.T) {
	for _, tc := range []struct {
		head string
		want bool
	}{
		{"anhang c\n\nparteien\n\nmuster ag, weg 1, 9490 vaduz", true},
		{"vertragsparteien:\n\nmuster gmbh", true},
		{"the parties\n\nacme ltd, 1 high street", true},
		{"die parteien vereinbaren folgendes über die muster gmbh", false}, // prose, not a heading line
		{"rechte der parteien\n\nmuster gmbh", false},
		{"", false},
	} {
		if got := partyHeading(tc.head); got != tc.want {
			t.Errorf("partyHeading(%q) = %v, want %v", tc.head, got, tc.want)
		}
	}
}
