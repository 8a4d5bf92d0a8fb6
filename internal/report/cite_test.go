package report

import "testing"

func TestCite(t *testing.T) {
	for in, want := range map[string]string{
		"Art. 28(3)(a)":              "Art. 28 Abs. 3 lit. a",
		"Art. 28(3) sentence 1":      "Art. 28 Abs. 3 S. 1",
		"Art. 28(3) subparagraph 2":  "Art. 28 Abs. 3 UAbs. 2",
		"Art. 28(3)(a), Art. 44 ff.": "Art. 28 Abs. 3 lit. a, Art. 44 ff.",
		"Art. 32":                    "Art. 32",
		"Art. 28(2), Art. 28(3)(d)":  "Art. 28 Abs. 2, Art. 28 Abs. 3 lit. d",
	} {
		if got := cite("de", in); got != want {
			t.Errorf("cite(de, %q) = %q, want %q", in, got, want)
		}
		if got := cite("en", in); got != in {
			t.Errorf("cite(en, %q) = %q", in, got)
		}
	}
}
