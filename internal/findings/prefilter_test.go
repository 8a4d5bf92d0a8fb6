package findings

import (
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// TestRiskyRunes checks what the literal prefilters rely on: apart from
// riskyRunes, no non-ASCII rune lower-cases or case-folds to an ASCII
// character or to a caseless rune a literal may hold.
func TestRiskyRunes(t *testing.T) {
	for r := rune(utf8.RuneSelf); r <= unicode.MaxRune; r++ {
		if isRisky(r) {
			continue
		}
		if l := unicode.ToLower(r); l != r && (l < utf8.RuneSelf || caseless(l)) {
			t.Errorf("%U lower-cases to %U", r, l)
		}
		for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
			if f < utf8.RuneSelf || caseless(f) {
				t.Errorf("%U folds to %U", r, f)
			}
		}
	}
}

// durationsRef is Durations as it was before the starter: the reference
// the faster version must agree with.
func durationsRef(s string) []float64 {
	var out []float64
	for _, m := range durationRE.FindAllStringSubmatch(strings.ToLower(s), -1) {
		n, err := strconv.ParseFloat(m[1], 64)
		if err != nil {
			v, ok := numberWords[strings.ToLower(m[1])]
			if !ok {
				continue
			}
			n = v
		}
		u := strings.ToLower(m[2])
		var h float64
		switch {
		case strings.HasPrefix(u, "st") || strings.HasPrefix(u, "h"):
			h = 1
		case strings.HasPrefix(u, "werk") || strings.HasPrefix(u, "arbeit") || strings.HasPrefix(u, "business") || strings.HasPrefix(u, "working"):
			h = 24 * 7 / 5.0
		case strings.HasPrefix(u, "w"):
			h = 24 * 7
		case strings.HasPrefix(u, "mon"):
			h = 24 * 30
		default:
			h = 24
		}
		out = append(out, n*h)
	}
	return out
}

// prefilterTexts returns tricky strings and, when present, the sentences
// of the shared corpus; and the documents and the regions pattern rules
// with a reach read.
func prefilterTexts(t *testing.T) (texts, regions []string) {
	texts = []string{
		"", "Anlage", "ANLAGE 3", "xAnlage 3", "_annex 2", "ßAnlage 4", "Annex\u212a 2", "ANNEX IV and Schedule b",
		"binnen 24 Stunden, keine tage, seine tage, 12345 tage, vierundzwanzig (24) Stunden", "within seventy-two hours or 5 business days",
		"ſtreichen", "[bitte ergänzen]", "[\u2026]", "TODO TBD XXX xxxx", "Controller:\n\n---\n\nProcessor:", "\xff\xfe 3 Tage",
		"Bitte ERGÄNZEN", "AT THE PROCESSOR'S OWN COST", "İnsert", "einundzwanzig Tage", "fünf Werktagen",
	}
	files, _ := filepath.Glob("../../../shared/corpus/en-dpa/*.txt")
	seeds, _ := filepath.Glob("../../../shared/corpus/seeds/*.txt")
	for _, f := range append(files, seeds...) {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		in := prepare(string(b), "en")
		text := in.Doc.Text
		regions = append(regions, text)
		for _, s := range in.Sentences {
			texts = append(texts, text[s.Start:s.End])
			if s.End+1 < len(text) {
				regions = append(regions, text[s.Start:min(len(text), s.End+400)])
			}
		}
	}
	return texts, regions
}

// checkPrefilters compares the prefilters with the expressions they stand
// in for on one text.
func checkPrefilters(t *testing.T, s string) {
	t.Helper()
	low := strings.ToLower(s)
	if got, want := Durations(s), durationsRef(s); !reflect.DeepEqual(got, want) {
		t.Fatalf("Durations(%q) = %v, want %v", s, got, want)
	}
	if !hasRiskyRune(s) {
		var got [][]int
		annexRefStart.each(s, func(m []int) bool { got = append(got, append([]int(nil), m...)); return true })
		if want := annexRefRE.FindAllStringSubmatchIndex(s, -1); !reflect.DeepEqual(got, want) {
			t.Fatalf("annex references in %q: %v, want %v", s, got, want)
		}
	}
	for _, r := range Default().Rules {
		for _, g := range append(append(append([][]*term{}, r.all...), r.require...), append(r.cats, r.none)...) {
			for _, tm := range g {
				if tm.re == nil || hasRiskyRune(s) {
					continue
				}
				if tm.re.re.MatchString(low) && !tm.re.g.may(s) {
					t.Fatalf("%s: guard of %q rejects %q", r.ID, tm.raw, s)
				}
			}
		}
		if r.re != nil && !hasRiskyRune(s) && r.re.MatchString(s) && !r.reGuard.may(s) {
			t.Fatalf("%s: guard rejects %q", r.ID, s)
		}
	}
}

// TestPrefilters checks on the corpus sentences that the prefilters never
// change a result: Durations and annex references agree with the plain
// expressions, and no guard rejects a text its expression matches.
func TestPrefilters(t *testing.T) {
	texts, regions := prefilterTexts(t)
	for _, s := range texts {
		checkPrefilters(t, s)
	}
	for _, s := range regions {
		if hasRiskyRune(s) {
			continue
		}
		for _, r := range Default().Rules {
			if r.re != nil && r.reGuard.active() && r.re.MatchString(s) && !r.reGuard.may(s) {
				t.Fatalf("%s: guard rejects %q", r.ID, s)
			}
		}
	}
}

func FuzzPrefilters(f *testing.F) {
	for _, s := range []string{"binnen 24 Stunden", "Anlage 3 und Annex IV", "[bitte ergänzen] TODO", "Controller:\n\n___\n\nProcessor: X"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { checkPrefilters(t, s) })
}

// TestStarter compares starters with FindAllStringSubmatchIndex for
// expressions of different shapes.
func TestStarter(t *testing.T) {
	exprs := []string{`(?i)\b(ab|abc)\s*(\d+)`, `(?i)(foo|bar)+x?`, `(\d{1,2})\s*(h|tage)`, `(?i)\bx{2,}\b`, `(?i)(?:ab|cd)ef`}
	texts := []string{"", "ab 12 abc3 xabc 4", "FOOBARx foo barfoo", "1 h 123 tage 12tage", "xx xxx axx XXX_", "abef CDEF cdef abcdef"}
	for _, e := range exprs {
		st := newStarter(e, false)
		if st == nil {
			t.Errorf("%s: no starter", e)
			continue
		}
		re := regexp.MustCompile(e)
		for _, s := range texts {
			var got [][]int
			st.each(s, func(m []int) bool { got = append(got, append([]int(nil), m...)); return true })
			if want := re.FindAllStringSubmatchIndex(s, -1); !reflect.DeepEqual(got, want) {
				t.Errorf("%s on %q: %v, want %v", e, s, got, want)
			}
		}
	}
	for _, e := range []string{`a*b`, `\Bfoo`, `(?i)^foo`, `\b(?:-x|y)`} {
		if newStarter(e, false) != nil {
			t.Errorf("%s: a starter cannot predict where it matches", e)
		}
	}
}
