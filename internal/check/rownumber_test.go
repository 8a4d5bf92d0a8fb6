package check

import "testing"

func TestRowNumber(t *testing.T) {
	for _, tc := range []struct {
		cell string
		want bool
	}{
		{"13", true},
		{"4.2", true},
		{"(7)", true},
		{"iv.", true},
		{" 2 ", true},
		{"", false},
		{"Item", false},
		{"Subject matter", false},
		{"1234567", false},
		{"2a", false},
	} {
		if got := rowNumber(tc.cell); got != tc.want {
			t.Errorf("rowNumber(%q) = %v, want %v", tc.cell, got, tc.want)
		}
	}
}
