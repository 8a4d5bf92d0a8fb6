package segment

import "testing"

// FuzzSkipToEnd checks skipToEnd against testing every byte with mayEnd.
func FuzzSkipToEnd(f *testing.F) {
	for _, s := range []string{"Der Vertrag endet. Er beginnt!", "abcdefghijklmnop?", "\xe2\x80\xa6 und … so", "\x00\x01\xff.x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for i := 0; i <= len(s); i++ {
			want := i
			for want < len(s) && !mayEnd[s[want]] {
				want++
			}
			got := skipToEnd(s, i)
			for got < len(s) && !mayEnd[s[got]] {
				if got < len(s)-7 {
					t.Fatalf("skipToEnd(%q, %d) = %d, before the last seven bytes without a mayEnd byte", s, i, got)
				}
				got++
			}
			if got != want {
				t.Fatalf("skipToEnd(%q, %d) leads to %d, want %d", s, i, got, want)
			}
		}
	})
}
