package extract

import (
	"math/rand"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"testing"
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
