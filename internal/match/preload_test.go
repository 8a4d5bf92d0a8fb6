package match

import (
	"reflect"
	"testing"
)

// TestPreloaded checks the preloaded term table (preloaded.go) against
// the parser: each term is what newEntry makes of its text, with its
// position as its id, and each pattern has its position as its number.
func TestPreloaded(t *testing.T) {
	if len(preloadTerms) == 0 {
		t.Skip("no preloaded terms")
	}
	for i, p := range preloadPatterns {
		if id := patternID(p); id != int32(i) {
			t.Fatalf("pattern %q: number %d, preloaded at %d", p, id, i)
		}
	}
	terms := registered()
	for i := range preloadTerms {
		e := &preloadTerms[i]
		if terms[i] != e {
			t.Fatalf("term %d (%q) is not the preloaded entry", i, e.text)
		}
		if id := Register(e.text); id != TermID(i) {
			t.Fatalf("term %q: id %d, preloaded at %d", e.text, id, i)
		}
		want := newEntry(e.text)
		if want.kind == wordKind {
			want.word.id = TermID(i)
		}
		if e.kind != want.kind || e.arg != want.arg || !reflect.DeepEqual(e.word, want.word) || !reflect.DeepEqual(e.phrase, want.phrase) {
			t.Fatalf("term %q: preloaded %+v %+v, parsed %+v %+v", e.text, e.word, e.phrase, want.word, want.phrase)
		}
	}
}

// TestPreloadSource checks that the generated source compiles back to the
// table it was written from (the literal syntax of writePattern).
func TestPreloadSourceWrites(t *testing.T) {
	src, err := PreloadSource("test")
	if err != nil {
		t.Fatal(err)
	}
	if len(src) == 0 {
		t.Fatal("empty source")
	}
}
