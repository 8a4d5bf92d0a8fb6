package check

import (
	"strings"
	"testing"
	"unicode"
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

// opensClausePlain is opensClause as it split the line into fields.
func opensClausePlain(line string) bool {
	line = strings.TrimSpace(line)
	if f := strings.Fields(line); len(f) > 1 && listLabel(f[0]) {
		line = strings.TrimSpace(line[len(f[0]):])
	}
	for _, r := range line {
		if unicode.IsLetter(r) {
			return unicode.IsUpper(r)
		}
	}
	return false
}

func FuzzOpensClause(f *testing.F) {
	for _, s := range []string{"", "(a) The processor", "b) shall", "1.\u00a0Der", " iv.  the", "(a)", "2.3\tX"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := opensClause(s), opensClausePlain(s); got != want {
			t.Errorf("opensClause(%q) = %v, want %v", s, got, want)
		}
	})
}
