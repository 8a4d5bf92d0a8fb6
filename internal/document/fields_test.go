package document

import (
	"strings"
	"testing"
)

func FuzzCountFields(f *testing.F) {
	for _, s := range []string{"", " ", "a b", "  a\u00a0b\u0085c\td ", "\xff \xfe", "x\u2003y"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := countFields(s), len(strings.Fields(s)); got != want {
			t.Errorf("countFields(%q) = %d, want %d", s, got, want)
		}
	})
}
