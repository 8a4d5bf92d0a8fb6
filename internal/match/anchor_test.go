package match

import (
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// phraseRef decides a phrase by trying it at every token of every
// sentence.
func phraseRef(ix *Index, words []wordPattern) Bits {
	out := NewBits(ix.n)
	vm := make([]idMatcher, len(words))
	for wi := range words {
		if w := &words[wi]; w.gap == 0 {
			vm[wi] = ix.idMatcher(w)
		}
	}
	for i := 0; i < ix.n; i++ {
		toks := ix.sentence(i)
		for s := range toks {
			if phraseAt(toks, s, words, vm, 0) {
				out.Set(i)
				break
			}
		}
	}
	return out
}

// TestPhraseAnchored checks phrases decided from an anchor word's
// occurrences against trying them everywhere, on phrases made of the
// words of the written contracts (with patterns and gaps).
func TestPhraseAnchored(t *testing.T) {
	files, _ := filepath.Glob("../analyze/testdata/written/*.txt")
	if len(files) == 0 {
		t.Skip("no texts")
	}
	rng := rand.New(rand.NewSource(1))
	for _, f := range files[:min(len(files), 12)] {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		text := string(raw)
		var spans []Span
		start := 0
		for i := 0; i < len(text); i++ {
			if text[i] == '.' || text[i] == '\n' {
				spans = append(spans, Span{start, i + 1})
				start = i + 1
			}
		}
		ix := NewIndex(text, spans)
		for k := 0; k < 400; k++ {
			// A run of two to four consecutive words of a sentence.
			si := rng.Intn(len(spans))
			toks := ix.Tokens(si)
			if len(toks) < 2 {
				continue
			}
			n := 2 + rng.Intn(3)
			a := rng.Intn(len(toks))
			var ws []string
			for j := a; j < len(toks) && len(ws) < n; j++ {
				w := toks[j].Text
				switch rng.Intn(8) {
				case 0:
					if len(w) > 3 {
						w = w[:3] + "*"
					}
				case 1:
					if len(ws) > 0 {
						ws = append(ws, "...")
					}
				case 2:
					w = []string{"the", "der", "die", "und", "and", "of"}[rng.Intn(6)]
				}
				ws = append(ws, w)
			}
			if len(ws) < 2 {
				continue
			}
			e := newEntry(strings.Join(ws, " "))
			if e.kind != phraseKind {
				continue
			}
			got := ix.phraseTerm(e.phrase)
			want := phraseRef(ix, e.phrase)
			for i := 0; i < ix.n; i++ {
				if got.Has(i) != want.Has(i) {
					t.Fatalf("%s: phrase %q, sentence %d: got %v, want %v", f, ws, i, got.Has(i), want.Has(i))
				}
			}
		}
		ix.Release()
	}
}
