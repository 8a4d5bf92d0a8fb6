package match

import (
	"strings"
	"testing"
)

// FuzzInfixMatches compares infixMatches, which seeks the core in the
// joined vocabulary by its rarest byte, with a search word by word.
func FuzzInfixMatches(f *testing.F) {
	for _, s := range [][2]string{
		{"The processor shall process personal data.", "ocess"},
		{"Unterauftragsverarbeiter und Auftragsverarbeitung", "auftrag"},
		{"aaa aab aba baa", "ab"},
		{"x xx xxx", "xx"},
		{"Daten der Betroffenen; Übermittlung", "ü"},
	} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, text, core string) {
		if core == "" || strings.IndexByte(core, '\n') >= 0 {
			return
		}
		ix := NewIndex(text, []Span{{Start: 0, End: len(text)}})
		defer ix.Release()
		for round := 0; round < 2; round++ { // the second with joined built
			got := ix.buf.bits(len(ix.words))
			ix.infixMatches(core, got)
			for id, w := range ix.words {
				if want := strings.Contains(w, core); got.Has(id) != want {
					t.Fatalf("core %q word %q: got %v, want %v", core, w, got.Has(id), want)
				}
			}
		}
	})
}
