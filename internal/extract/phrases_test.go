package extract

import (
	"testing"

	"github.com/art28/art28/internal/prefilter"
)

func phraseSetOf(t testing.TB, lits []string) (*phraseSet, *prefilter.Regexp) {
	t.Helper()
	re := prefilter.MustCompile(`(?i)(?:` + alternation(lowerAll(lits)) + `)`)
	return newPhraseSet(lowerAll(lits), re), re
}

var phraseTestLits = []string{"bitte ausfüllen", "einzufügen", "insert", "n/a", "[", "…", "...", "xxx", "muster gmbh", "Éclair", "tbd"}

func TestPhraseSetAgreesWithExpression(t *testing.T) {
	ps, re := phraseSetOf(t, phraseTestLits)
	for _, s := range []string{
		"", "Muster GmbH", "MUSTER GMBH", "Bitte AUSFÜLLEN", "bitte ausfüllen", "Einzufügen:", "[Name]",
		"INSERT name", "in sert", "N/A", "n/b", "Acme …", "Acme ..", "Acme ...", "XxX", "Xx",
		"inſert", "Muſter GmbH", "tbd", "TBD", "\u212Aunde", "ÉCLAIR", "éclair", "Eclair",
		"Acme Ltd", "Auftraggeber", "\xff\xfeinsert", "ins\xffert", "Ä Ö Ü ä", "ausfüll\xc3",
	} {
		if got, want := ps.MatchString(s), re.MatchString(s); got != want {
			t.Errorf("MatchString(%q) = %v, the expression says %v", s, got, want)
		}
	}
}

func TestPhraseSetRareRunes(t *testing.T) {
	ps, _ := phraseSetOf(t, []string{"insert", "tbd"})
	has := map[rune]bool{}
	for _, r := range ps.rare {
		has[r] = true
	}
	if !has['ſ'] {
		t.Errorf("rare = %q, want ſ (folds with s)", ps.rare)
	}
	if has['S'] || has['I'] {
		t.Errorf("rare = %q holds a capital that Lower maps", ps.rare)
	}
	if ps, _ := phraseSetOf(t, []string{"a", ""}); ps.MatchString("zzz") != true {
		t.Errorf("an empty phrase must match every text")
	}
}

func FuzzPhraseSet(f *testing.F) {
	for _, s := range []string{"Muster GmbH", "inſert", "[x]", "Bitte AUSFÜLLEN", "\u212A"} {
		f.Add(s)
	}
	ps, re := phraseSetOf(f, phraseTestLits)
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := ps.MatchString(s), re.MatchString(s); got != want {
			t.Errorf("MatchString(%q) = %v, the expression says %v", s, got, want)
		}
	})
}
