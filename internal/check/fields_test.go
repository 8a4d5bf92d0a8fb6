package check

import (
	"strings"
	"testing"
)

// FuzzMoreFields checks moreFields against counting strings.Fields.
func FuzzMoreFields(f *testing.F) {
	f.Add("Return and Deletion of Personal Data\u00a0upon Termination", 3)
	f.Add("a\xffb \x85 c\u2028d", 2)
	f.Fuzz(func(t *testing.T, s string, n int) {
		if n < 0 || n > 40 {
			return
		}
		if got, want := moreFields(s, n), len(strings.Fields(s)) > n; got != want {
			t.Fatalf("moreFields(%q, %d) = %v, want %v", s, n, got, want)
		}
	})
}
