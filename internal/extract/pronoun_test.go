package extract

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/art28/art28/internal/corpustest"
)

// FuzzPronDefMatches checks the quote-led search for pronoun definitions
// against the expression run over the whole text.
func FuzzPronDefMatches(f *testing.F) {
	k, err := LoadKnowledge()
	if err != nil {
		f.Fatal(err)
	}
	pk := k.party
	f.Add(`"We", "us" and "our" refer to Acme B.V., a company. 'you' means the Customer`)
	f.Add("„Wir“ und „uns“ bezeichnen die Muster GmbH; „Sie“ bezeichnet den Kunden")
	f.Add(`the Customer's "ſie" are 'x' "we"" 'our' is "US" mean`)
	f.Fuzz(func(t *testing.T, s string) {
		want := pk.pronDefRe.FindAllStringSubmatchIndex(s, -1)
		if got := pronDefMatches(pk, s); !reflect.DeepEqual(got, want) {
			t.Fatalf("pronDefMatches(%q) = %v, want %v", s, got, want)
		}
	})
}

// TestPronDefMatchesCorpus compares both searches on the corpus texts.
func TestPronDefMatchesCorpus(t *testing.T) {
	k, err := LoadKnowledge()
	if err != nil {
		t.Fatal(err)
	}
	files := corpustest.Texts(t)
	more, _ := filepath.Glob("../analyze/testdata/written/*.*")
	for _, f := range append(files, more...) {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		s := string(b)
		want := k.party.pronDefRe.FindAllStringSubmatchIndex(s, -1)
		if got := pronDefMatches(k.party, s); !reflect.DeepEqual(got, want) {
			t.Errorf("%s: got %v, want %v", f, got, want)
		}
	}
}
