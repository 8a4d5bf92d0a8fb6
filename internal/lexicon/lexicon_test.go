package lexicon

import (
	"strings"
	"testing"
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
