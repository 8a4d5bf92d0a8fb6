package input

import "testing"

// TestItemStart checks the line openings that start a new list item or
// clause inside a PDF text block, among them numbered entry labels.
func TestItemStart(t *testing.T) {
	for _, tc := range []struct {
		line string
		want bool
	}{
		{"• Hetzner Online GmbH", true},
		{"3. Unterauftragsverhältnisse", true},
		{"3.1 Der Auftragnehmer", true},
		{"(2) Die Auftraggeberin", true},
		{"Nr. 2: Postdienst Nordheide GmbH, Buchholz", true},
		{"Nr. 2. Dokumentendienst Hanse eG", true},
		{"No. 3 – Helpline Ltd", true},
		{"Nr.4 Callhaus GmbH", true},
		// Prose that happens to open with such words.
		{"Nr der Anlage", false},
		{"Normalerweise gilt", false},
		{"No processing takes place", false},
		{"Nummer 2 der Anlage", false},
	} {
		if got := reItemStart().MatchString(tc.line); got != tc.want {
			t.Errorf("reItemStart(%q) = %v, want %v", tc.line, got, tc.want)
		}
	}
}
