package prefilter

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// dfaTexts returns texts of the shared corpus, when it is present, in the
// forms the expressions run on: lines, lower-cased lines and paragraphs
// of a few lines (with their line breaks).
func dfaTexts(t *testing.T) []string {
	var files []string
	for _, dir := range []string{"en-dpa", "de-dev", "seeds"} {
		fs, _ := filepath.Glob("../../../shared/corpus/" + dir + "/*.txt")
		if len(fs) > 2 {
			fs = fs[:2]
		}
		files = append(files, fs...)
	}
	out := []string{"", "a", "\n", "\xff", "ſ \u212A é", "Art. 28 Abs. 3 DSGVO", "x\xffy art 33\xfe", "the processor shall notify the controller without undue delay"}
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(string(raw), "\n")
		for i, l := range lines {
			out = append(out, l, strings.ToLower(l))
			if i%4 == 0 && i+4 <= len(lines) {
				out = append(out, strings.Join(lines[i:i+4], "\n"))
			}
		}
	}
	return out
}

// TestDFAProject compares the automaton with package regexp on every
// expression of the embedded knowledge (the generated table), on texts of
// the corpus: the automaton run from the start of the text, and
// MatchString and the Find methods' test (dfaMatch), which start it at the
// first candidate and jump over text without literals.
func TestDFAProject(t *testing.T) {
	texts := dfaTexts(t)
	if testing.Short() {
		texts = texts[:min(len(texts), 800)]
	}
	served := 0
	for _, e := range precomputedTable {
		re := regexp.MustCompile(e.Expr)
		c, err := compile(e.Expr, e.Opt)
		if err != nil {
			t.Fatal(err)
		}
		d := newDFA(e.Expr, e.Analysis.Begin)
		if d == nil {
			t.Fatalf("%q: no automaton", e.Expr)
		}
		for _, s := range texts {
			want := re.MatchString(s)
			if got, ok := d.match(s, 0, nil, nil); ok {
				served++
				if got != want {
					t.Fatalf("%q on %q: automaton %v, regexp %v", e.Expr, s, got, want)
				}
			}
			if got, ok := c.dfaMatch(s); ok && got != want {
				t.Fatalf("%q on %q: dfaMatch %v, regexp %v", e.Expr, s, got, want)
			}
		}
	}
	if served == 0 {
		t.Fatal("the automaton served no text")
	}
}

// TestDFAStates checks that an automaton past maxStates hands the text back
// (ok false) instead of answering, and keeps doing so.
func TestDFAStates(t *testing.T) {
	// Each offset in a run of a's or b's below 999 is a state of its
	// own.
	d := newDFA(`(?:a{999}|b{999})c`, false)
	s := strings.Repeat("a", 1000) + strings.Repeat("b", 1000) + "c"
	if _, ok := d.match(s, 0, nil, nil); ok {
		t.Fatal("the automaton answered past maxStates")
	}
	if _, ok := d.match("b", 0, nil, nil); ok {
		t.Fatal("a broken automaton answered")
	}
	if got, ok := newDFA(`a{20}b`, false).match(s, 0, nil, nil); !ok || !got {
		t.Fatalf("a{20}b: %v %v", got, ok)
	}
}
