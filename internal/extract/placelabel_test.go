package extract

import (
	"math/rand/v2"
	"strings"
	"testing"
)

var placeLabelSeeds = []string{
	"Party A: Valmora Retail S.p.A.", "甲方 (Party A)：Example Co.", "**Party B:** Acme GmbH", "Party A  : X", "Party (A): X",
	"** Party A: X", "Auftraggeber: Muster GmbH", "Party A:", "Party A: ", "*:x", ":", "Name (Firma) : **Acme**", "a\xff b: c",
	"Party A (sehr lange Klammer mit mehr als vierzig Zeichen darin): X", "Party\tA\t:\tX", "x（y）：z", "Partei A\u00a0: X",
}

// TestPlaceLabelText checks that placeLabelText gives the label
// rePlaceLabel finds wherever it matches.
func TestPlaceLabelText(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	parts := []string{"*", "**", "Party", " ", "A", ":", "：", "(", ")", "（", "）", "x", "\t", "Acme GmbH", "\xff", "\u00a0", "甲方"}
	texts := append([]string{}, placeLabelSeeds...)
	for range 30000 {
		var b strings.Builder
		for range rng.IntN(10) {
			b.WriteString(parts[rng.IntN(len(parts))])
		}
		texts = append(texts, strings.TrimSpace(b.String()))
	}
	matched := 0
	for _, s := range texts {
		if m := rePlaceLabel().FindStringSubmatchIndex(s); m != nil {
			matched++
			if got, want := placeLabelText(s), s[m[2]:m[3]]; got != want {
				t.Fatalf("placeLabelText(%q) = %q, want %q", s, got, want)
			}
		}
	}
	if matched < 1000 {
		t.Errorf("only %d texts match: they no longer exercise placeLabelText", matched)
	}
}

func FuzzPlaceLabelText(f *testing.F) {
	for _, s := range placeLabelSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if m := rePlaceLabel().FindStringSubmatchIndex(s); m != nil {
			if got, want := placeLabelText(s), s[m[2]:m[3]]; got != want {
				t.Fatalf("placeLabelText(%q) = %q, want %q", s, got, want)
			}
		}
	})
}
