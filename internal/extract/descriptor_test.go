package extract

import "testing"

// TestDescriptorCompound checks the words that describe a company before
// its name and are no part of it.
func TestDescriptorCompound(t *testing.T) {
	for _, tc := range []struct {
		w    string
		want bool
	}{
		{"Hosting-Firma", true},
		{"Druckfirma", true},
		{"IT-Dienstleister", true},
		{"Versanddienstleister", true},
		{"Firma", false}, // a stop word of its own (nameStop)
		{"Donaucloud", false},
		{"Rechenzentren", false},
	} {
		if got := descriptorCompound(tc.w); got != tc.want {
			t.Errorf("descriptorCompound(%q) = %v, want %v", tc.w, got, tc.want)
		}
	}
}
