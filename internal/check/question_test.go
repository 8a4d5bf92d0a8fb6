package check

import "testing"

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
