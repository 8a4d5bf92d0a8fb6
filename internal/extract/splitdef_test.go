package extract

import (
	"math/rand/v2"
	"reflect"
	"regexp"
	"strings"
	"testing"
)

// defSplitRE is the expression splitDef stands for.
var defSplitRE = regexp.MustCompile(`\s*(?:,|;|/|\boder\b|\bor\b|\bbzw\.?|\bund\b|\band\b)\s*`)

var splitDefSeeds = []string{
	"", " ", ",", "„AN“ oder „Auftragnehmer“", `"Customer", "you" and "your"`, "a and b or c", "sandwich, oder x",
	"bzw. Anbieter", "abzw", "x bzw y", "ä und ö", "_und_", "und", "oder", "or", "x /y ; z", "\t,\n", "a  ,  b",
	"handor", "order", "und\xffoder", "\xffor", "„Kunde“ bzw „Auftraggeber“", " und ", "and,or", "a\f;\rb", "1and2",
}

// TestSplitDef checks splitDef against the expression's Split.
func TestSplitDef(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	parts := []string{" ", "  ", "\t", "\n", ",", ";", "/", "oder", "or", "bzw", "bzw.", "und", "and", "a", "x", "_", "1", "ä", "„", "“", "\xff", ".", "sand", "order", "Und"}
	texts := append([]string{}, splitDefSeeds...)
	for range 30000 {
		var b strings.Builder
		for range rng.IntN(10) {
			b.WriteString(parts[rng.IntN(len(parts))])
		}
		texts = append(texts, b.String())
	}
	split := 0
	for _, s := range texts {
		want := defSplitRE.Split(s, -1)
		if got := splitDef(s); !reflect.DeepEqual(got, want) {
			t.Fatalf("splitDef(%q) = %q, want %q", s, got, want)
		}
		if len(want) > 1 {
			split++
		}
	}
	if split < 1000 {
		t.Errorf("only %d texts split: the texts no longer exercise splitDef", split)
	}
}

func FuzzSplitDef(f *testing.F) {
	for _, s := range splitDefSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := splitDef(s), defSplitRE.Split(s, -1); !reflect.DeepEqual(got, want) {
			t.Fatalf("splitDef(%q) = %q, want %q", s, got, want)
		}
	})
}
