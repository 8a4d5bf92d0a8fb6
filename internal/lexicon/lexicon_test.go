package lexicon

import (
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/art28/art28/internal/compiled"
)

func TestWords(t *testing.T) {
	if _, err := load(); err != nil {
		t.Fatal(err)
	}
	for word, want := range map[string]int{"zwei": 2, "fourteen": 14, "vierundzwanzig": 24, "seventy-two": 72} {
		if got, ok := Number(word); !ok || got != want {
			t.Errorf("Number(%q) = %d, %v, want %d", word, got, ok, want)
		}
	}
	for name, want := range map[string]int{"jänner": 1, "märz": 3, "sept": 9, "december": 12} {
		if got, ok := Month(name); !ok || got != want {
			t.Errorf("Month(%q) = %d, %v, want %d", name, got, ok, want)
		}
	}
	if _, ok := Month("Mai"); ok {
		t.Error("Month takes lower-cased names only")
	}
}

func TestDecodeRejects(t *testing.T) {
	for _, bad := range []string{
		"number_words: {Zwei: 2}\nmonths: {}\n",
		"number_words: {}\nmonths: {smarch: 13}\n",
		"number_words: {}\nmonths: {}\nweekdays: {}\n",
		"number_words: {}\nmonths: {}\ndenying_answers: [Nein]\n",
		"number_words: {}\nmonths: {}\ndefiner_words: [hereafter, hereafter in]\n",
		// word and phrase sets: lower case, each entry once, not empty,
		// single spaces, a name for one kind only.
		"word_sets: {a: der Die}\n",
		"word_sets: {a: der die der}\n",
		"word_sets: {a: \"\"}\n",
		"phrase_sets: {a: [für  den]}\n",
		"phrase_sets: {a: [\" für\"]}\n",
		"word_sets: {a: der}\nphrase_sets: {a: [die]}\n",
	} {
		if _, err := decode([]byte(bad)); err == nil || !strings.Contains(err.Error(), "words.yaml") {
			t.Errorf("decode(%q) = %v, want an error naming the file", bad, err)
		}
	}
}

func TestLines(t *testing.T) {
	got := Lines("# a list\n# date: 2026-12-06\nteil\n\n  part \r\n#anlage\nz.b.")
	want := []string{"teil", "part", "z.b."}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("Lines = %q, want %q", got, want)
	}
}

func TestList(t *testing.T) {
	for _, c := range []struct {
		name string
		has  string
	}{
		{"de_prepositions", "gegenüber"},
		{"en_require", "instruct"},
		{"signature_leads", "for and on behalf of the"},
	} {
		if !slices.Contains(List(c.name), c.has) || !Set(c.name)[c.has] {
			t.Errorf("List(%q) lacks %q", c.name, c.has)
		}
	}
	defer func() {
		if recover() == nil {
			t.Error("List of an unknown name did not panic")
		}
	}()
	List("no_such_list")
}

// TestListsRead checks that every word and phrase set of words.yaml is
// read by some package: a list nobody reads is dead data.
func TestListsRead(t *testing.T) {
	used := map[string]bool{}
	re := regexp.MustCompile(`lexicon\.(?:List|Set)\("([a-z_]+)"\)`)
	err := filepath.WalkDir("..", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
			return err
		}
		b, err := os.ReadFile(p)
		for _, m := range re.FindAllSubmatch(b, -1) {
			used[string(m[1])] = true
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	for name := range mustLoad().lists {
		if !used[name] {
			t.Errorf("words.yaml: list %q is read by no package under internal/", name)
		}
	}
}

// TestCompiledUpToDate fails when words.yaml changed without its
// compiled form being regenerated, and checks that the compiled form is
// words.yaml decoded.
func TestCompiledUpToDate(t *testing.T) {
	if err := compiled.Stale(precomputedFile, "./internal/lexicon", Compile); err != nil {
		t.Fatal(err)
	}
	w, err := decode(wordsYAML)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(w, precomputedWords) {
		t.Error("the precomputed word lists differ from the ones decoded from words.yaml")
	}
}
