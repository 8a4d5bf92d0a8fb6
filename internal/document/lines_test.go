package document

import "testing"

func TestLineAt(t *testing.T) {
	for _, c := range []struct {
		text       string
		at         int
		start, end int
	}{
		{"", 0, 0, 0},
		{"one line", 3, 0, 8},
		{"first\nsecond\nthird", 0, 0, 5},
		{"first\nsecond\nthird", 5, 0, 5},  // on the newline: the line it ends
		{"first\nsecond\nthird", 6, 6, 12}, // just after it: the next line
		{"first\nsecond\nthird", 15, 13, 18},
		{"a\n\nb", 2, 2, 2}, // an empty line
		{"trailing\n", 9, 9, 9},
	} {
		s, e := LineAt(c.text, c.at)
		if s != c.start || e != c.end {
			t.Errorf("LineAt(%q, %d) = %d, %d, want %d, %d", c.text, c.at, s, e, c.start, c.end)
		}
		if got := LineEnd(c.text, c.at); got != c.end {
			t.Errorf("LineEnd(%q, %d) = %d, want %d", c.text, c.at, got, c.end)
		}
	}
}
