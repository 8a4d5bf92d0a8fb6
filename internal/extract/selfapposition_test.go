package extract

import (
	"regexp"
	"slices"
	"testing"
)

// reSelfAppositionExpr is the expression selfAppositions replaces.
var reSelfAppositionExpr = regexp.MustCompile(`(?i)(?:^|\s)(?:und|and)\s+(\p{L}+),\s+(\p{L}+)\s+`)

func selfAppositionsByExpr(text string) [][6]int {
	var out [][6]int
	for _, m := range reSelfAppositionExpr.FindAllStringSubmatchIndex(text, -1) {
		out = append(out, [6]int{m[0], m[1], m[2], m[3], m[4], m[5]})
	}
	return out
}

func TestSelfAppositions(t *testing.T) {
	for _, text := range []string{
		"Dieser AVV gilt zwischen dir als Kundin und uns, der Kalenderfuchs GmbH, Lindenallee 4, 50968 Köln.",
		"between you and us, the Acme Ltd, of London",
		"und uns, der X",
		"Und Uns,  die Y GmbH\n",
		"Grund uns, der X ",
		"und und uns, der X GmbH und wir, die Y AG ",
		"und\tÜbermorgen,\tDie Firma",
		"and us,the X ",
		"and us , the X ",
		"a, b, c und d, e f, g und h, i ",
		"",
	} {
		if got, want := selfAppositions(text), selfAppositionsByExpr(text); !slices.Equal(got, want) {
			t.Errorf("selfAppositions(%q) = %v, want %v", text, got, want)
		}
	}
}

func FuzzSelfAppositions(f *testing.F) {
	f.Add("zwischen dir und uns, der Kalenderfuchs GmbH, Köln")
	f.Add("and us, the Acme Ltd ")
	f.Fuzz(func(t *testing.T, text string) {
		if got, want := selfAppositions(text), selfAppositionsByExpr(text); !slices.Equal(got, want) {
			t.Errorf("selfAppositions(%q) = %v, want %v", text, got, want)
		}
	})
}
