package match

import (
	"math/rand"
	"reflect"
	"strings"
	"testing"
)

// fieldsEntry is newEntry's reading of a phrase as first written: the
// words split by strings.Fields, each parsed, then registered.
func fieldsEntry(t string) []wordPattern {
	t = apostrophes.Replace(t)
	var phrase []wordPattern
	for _, w := range strings.Fields(t) {
		p := parseWord(w)
		if p.gap == 0 {
			p.id = Register(w)
		}
		phrase = append(phrase, p)
	}
	return phrase
}

// checkPhraseEntry compares newEntry's phrase of t with fieldsEntry's.
func checkPhraseEntry(t *testing.T, term string) {
	t.Helper()
	if !strings.Contains(term, " ") || strings.HasPrefix(term, "re:") || strings.HasPrefix(term, "art:") {
		return
	}
	e := newEntry(term)
	want := fieldsEntry(term)
	if len(want) == 0 {
		if e.phrase != nil || e.kind != wordKind {
			t.Fatalf("%q: phrase %v kind %d, want no phrase", term, e.phrase, e.kind)
		}
		return
	}
	if e.kind != phraseKind || !reflect.DeepEqual(e.phrase, want) {
		t.Fatalf("%q:\n got %+v\nwant %+v", term, e.phrase, want)
	}
}

// TestPhraseWords checks phrases read word by word with the patterns of
// registered words against parsing every word, on random phrases of
// exact, prefix, suffix, infix and inflected words, gaps, expressions,
// article terms, apostrophes and Unicode spaces.
func TestPhraseWords(t *testing.T) {
	words := []string{"data", "personal", "auftrags*", "*verarbeiter", "*daten*", "~weisung", "...", "....", "re:x", "art:28",
		"customer's", "on", "the", "s", "ß", "straße", "ñ", "x*", "*", "~", "~ab"}
	seps := []string{" ", " ", "  ", "\t", "\u00a0", "\u2003", " \n"}
	rng := rand.New(rand.NewSource(4))
	for round := 0; round < 3000; round++ {
		var b strings.Builder
		if rng.Intn(8) == 0 {
			b.WriteString(seps[rng.Intn(len(seps))])
		}
		for k := 1 + rng.Intn(4); k > 0; k-- {
			b.WriteString(words[rng.Intn(len(words))])
			b.WriteString(seps[rng.Intn(len(seps))])
			if rng.Intn(3) == 0 {
				b.WriteString(words[rng.Intn(len(words))])
			}
		}
		checkPhraseEntry(t, b.String())
	}
	for _, term := range []string{" ", "  ", "a b", "... a", "a ....", "re:a b", "x re:a", "art:5 b", "a art:5", "Customer’s data"} {
		checkPhraseEntry(t, term)
	}
}

// FuzzPhraseWords is TestPhraseWords on any text.
func FuzzPhraseWords(f *testing.F) {
	for _, s := range []string{"a b", "... x", "customer's data", "re:x y", "~weisung der *daten"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { checkPhraseEntry(t, s) })
}
