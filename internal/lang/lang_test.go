package lang

import (
	"strings"
	"testing"
)

func TestDetect(t *testing.T) {
	tests := []struct{ text, want string }{
		{"Der Auftragnehmer verarbeitet die Daten nur auf Weisung des Auftraggebers und ist zur Vertraulichkeit verpflichtet.", "de"},
		{"The processor shall process the personal data only on documented instructions of the controller and in accordance with this agreement.", "en"},
		{"12345 67890", "und"},
		{"", "und"},
	}
	for _, tt := range tests {
		if got := Detect(tt.text); got != tt.want {
			t.Errorf("Detect(%.40q) = %s, want %s", tt.text, got, tt.want)
		}
	}
}

// mapFunctionWord is functionWord as it was written with the map
// functionWords: ASCII capitals lowered, at most 7 bytes.
func mapFunctionWord(w string) uint8 {
	if len(w) > 7 || len(w) < shortestWord {
		return 0
	}
	b := []byte(w)
	for k, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[k] = c + 'a' - 'A'
		}
	}
	return functionWords[string(b)]
}

// TestWordTable checks functionWord, which looks words up in wordTable,
// against the map functionWords: every function word in its own spelling,
// capitalised and upper-cased, and words that are none (shortened,
// extended, with non-ASCII letters).
func TestWordTable(t *testing.T) {
	n := 0
	for w := range functionWords {
		if len(w) > 7 {
			continue
		}
		n++
		for _, v := range []string{w, strings.ToUpper(w[:1]) + w[1:], strings.ToUpper(w), w[:len(w)-1], w + "x", "x" + w, w + "ä", "Ä" + w} {
			if got, want := functionWord(v), mapFunctionWord(v); got != want {
				t.Errorf("functionWord(%q) = %d, want %d", v, got, want)
			}
		}
		if functionWord(w) == 0 {
			t.Errorf("functionWord(%q) = 0", w)
		}
	}
	if n < 20 {
		t.Fatalf("only %d function words", n)
	}
	for _, v := range []string{"zzzzzzz", "qq", "Äh", "über", "ÜBER", "Für", "für", "AND", "Und"} {
		if got, want := functionWord(v), mapFunctionWord(v); got != want {
			t.Errorf("functionWord(%q) = %d, want %d", v, got, want)
		}
	}
}
