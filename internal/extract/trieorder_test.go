package extract

import (
	"math/rand"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"testing"
	"unicode"
)

// TestTrieOrderKeepsMatches checks that the words of an alternation in
// trie order match as they do longest first: the same matches and
// groups, with and without (?i), on texts made of the words, their
// beginnings and their case variants.
func TestTrieOrderKeepsMatches(t *testing.T) {
	words := []string{"annex", "anlage", "anhang", "an", "ann", "Annex", "ANNEX schedule", "annex s",
		"vereinigte staaten", "vereinigtes königreich", "vereinigte", "Vereinigte Staaten von Amerika",
		"gmbh & co. kg", "gmbh", "GmbH & Co. KG", "ag", "kg", "Ltd.", "ltd", "ſub", "sub", "Sub-processor",
		"städte", "STÄDTE", "stadt", "co", "co."}
	longest := func(ws []string) string {
		ws = append([]string{}, ws...)
		sort.Slice(ws, func(i, j int) bool { return longerFirst(ws[i], ws[j]) })
		q := make([]string, len(ws))
		for i, w := range ws {
			q[i] = regexp.QuoteMeta(w)
		}
		return strings.Join(q, "|")
	}
	rng := rand.New(rand.NewSource(1))
	var texts []string
	for range 400 {
		var b strings.Builder
		for range 1 + rng.Intn(6) {
			w := words[rng.Intn(len(words))]
			switch rng.Intn(4) {
			case 0:
				w = w[:rng.Intn(len(w)+1)]
			case 1:
				w = strings.ToUpper(w)
			}
			b.WriteString(w)
			b.WriteString([]string{"", " ", ", ", "x", "-"}[rng.Intn(5)])
		}
		texts = append(texts, b.String())
	}
	for n := 2; n <= len(words); n++ {
		ws := words[:n]
		for _, frame := range []string{`(%s)`, `(?i)(%s)`, `(?:^|[^\p{L}])(%s)(?:$|[^\p{L}])`, `(?i)(?:^|[\s,])(?:%s)(?:$|[\s,;])`} {
			want := regexp.MustCompile(strings.Replace(frame, "%s", longest(ws), 1))
			got := regexp.MustCompile(strings.Replace(frame, "%s", alternation(ws), 1))
			for _, s := range texts {
				if g, w := got.FindAllStringSubmatchIndex(s, -1), want.FindAllStringSubmatchIndex(s, -1); !reflect.DeepEqual(g, w) {
					t.Fatalf("%s on %q: %v, want %v", got, s, g, w)
				}
			}
		}
	}
}

// TestTrieOrderGroups checks that trie order puts words with a common
// beginning together and a word after those it begins.
func TestTrieOrderGroups(t *testing.T) {
	got := alternation([]string{"annex", "an", "vereinigte", "anhang", "vereinigtes königreich", "anlage"})
	want := `anhang|anlage|annex|an|vereinigtes königreich|vereinigte`
	if got != want {
		t.Errorf("alternation = %q, want %q", got, want)
	}
}

// mapTrieOrder and orbitFoldKey are trieOrder and foldKey as first
// written (keys in a map, every rune's orbit walked): the reference of
// TestTrieOrderAsWritten.
func mapTrieOrder(ws []string) []string {
	keys := make(map[string]string, len(ws))
	for _, w := range ws {
		keys[w] = orbitFoldKey(w)
	}
	out := append([]string{}, ws...)
	sort.SliceStable(out, func(i, j int) bool {
		ka, kb := keys[out[i]], keys[out[j]]
		n := min(len(ka), len(kb))
		if c := strings.Compare(ka[:n], kb[:n]); c != 0 {
			return c < 0
		}
		return len(kb) < len(ka)
	})
	for i, w := range out {
		for j := i - 1; j >= 0 && strings.HasPrefix(keys[out[j]], keys[w]); j-- {
			if !longerFirst(out[j], w) {
				return ws
			}
		}
	}
	return out
}

func orbitFoldKey(w string) string {
	var b strings.Builder
	for _, r := range w {
		m := r
		for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
			m = min(m, f)
		}
		b.WriteRune(m)
	}
	return b.String()
}

// TestTrieOrderAsWritten checks trieOrder and foldKey against the
// reference on random word lists (ASCII, Latin letters with their folds,
// the Kelvin sign, the long s, invalid UTF-8, duplicates) and on every
// rune of the basic plane.
func TestTrieOrderAsWritten(t *testing.T) {
	for r := rune(0); r < 0x10000; r++ {
		if s := string(r) + "a" + string(r); foldKey(s) != orbitFoldKey(s) {
			t.Fatalf("foldKey(%q) = %q, want %q", s, foldKey(s), orbitFoldKey(s))
		}
	}
	parts := []string{"a", "A", "an", "Ann", "k", "K", "\u212a", "s", "S", "ſ", "ß", "ẞ", "ä", "Ä", "co", "Co.", ".", " ", "-", "gmbh", "GMBH", "\xff", "é", "É", "z"}
	rng := rand.New(rand.NewSource(2))
	for round := 0; round < 3000; round++ {
		ws := make([]string, 1+rng.Intn(14))
		for i := range ws {
			var b strings.Builder
			for k := 1 + rng.Intn(4); k > 0; k-- {
				b.WriteString(parts[rng.Intn(len(parts))])
			}
			ws[i] = b.String()
			if i > 0 && rng.Intn(10) == 0 {
				ws[i] = ws[rng.Intn(i)]
			}
		}
		if rng.Intn(2) == 0 {
			sort.Slice(ws, func(i, j int) bool { return longerFirst(ws[i], ws[j]) })
		}
		got, want := trieOrder(ws), mapTrieOrder(ws)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("trieOrder(%q) = %q, want %q", ws, got, want)
		}
		for _, w := range ws {
			if foldKey(w) != orbitFoldKey(w) {
				t.Fatalf("foldKey(%q) = %q, want %q", w, foldKey(w), orbitFoldKey(w))
			}
		}
	}
}
