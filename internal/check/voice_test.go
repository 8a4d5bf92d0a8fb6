package check

import (
	"strings"
	"testing"
)

// formalAddressPlain is formalAddress as a search per mark.
func formalAddressPlain(text string) bool {
	for _, m := range formalMarks {
		if strings.Contains(text, m) {
			return true
		}
	}
	return false
}

func FuzzFormalAddress(f *testing.F) {
	for _, s := range []string{"", "Ih", " Ihr ", "Ihr ", " Ihre", "x Ihnen y", "  Ihrem  ", "Ih Ihr Ihrer ", " IhIhr "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := formalAddress(s), formalAddressPlain(s); got != want {
			t.Errorf("formalAddress(%q) = %v, want %v", s, got, want)
		}
	})
}
