package findings

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/art28/art28/internal/prefilter"
	"github.com/art28/art28/internal/prefilter/prefiltertest"
)

// durationsRef is Durations with package regexp alone: the reference
// the faster version must agree with.
func durationsRef(s string) []float64 {
	var out []float64
	for _, m := range durationRE.Plain().FindAllStringSubmatch(strings.ToLower(s), -1) {
		if h, ok := durationHours(m[1], m[2]); ok {
			out = append(out, h)
		}
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

// checkPrefilters compares the prefiltered expressions with package
// regexp on one text.
func checkPrefilters(t *testing.T, s string) {
	t.Helper()
	if got, want := Durations(s), durationsRef(s); !reflect.DeepEqual(got, want) {
		t.Fatalf("Durations(%q) = %v, want %v", s, got, want)
	}
	low := strings.ToLower(s)
	for _, re := range []*prefilter.Regexp{annexRefRE, annexStartRE} {
		if err := prefiltertest.Check(re, s); err != nil {
			t.Fatal(err)
		}
	}
	for _, r := range Default().Rules {
		for _, g := range append(append(append([][]*term{}, r.all...), r.require...), append(r.cats, r.none)...) {
			for _, tm := range g {
				if tm.re == nil {
					continue
				}
				if err := prefiltertest.Check(tm.re, low); err != nil {
					t.Fatalf("%s: %v", r.ID, err)
				}
			}
		}
		if r.re != nil {
			if err := prefiltertest.Check(r.re, s); err != nil {
				t.Fatalf("%s: %v", r.ID, err)
			}
		}
	}
}

// TestPrefilters checks on the corpus sentences and the regions pattern
// rules read that the prefilters never change a result.
func TestPrefilters(t *testing.T) {
	texts, regions := prefilterTexts(t)
	for _, s := range texts {
		checkPrefilters(t, s)
	}
	for _, s := range regions {
		for _, r := range Default().Rules {
			if r.re == nil {
				continue
			}
			if got, want := r.re.FindAllStringSubmatchIndex(s, -1), r.re.Plain().FindAllStringSubmatchIndex(s, -1); !reflect.DeepEqual(got, want) {
				t.Fatalf("%s on %q: %v, want %v", r.ID, s, got, want)
			}
		}
	}
}

// FuzzPrefilters checks the prefiltered expressions of the package and the
// playbook against package regexp.
func FuzzPrefilters(f *testing.F) {
	for _, s := range []string{"binnen 24 Stunden", "Anlage 3 und Annex IV", "[bitte ergänzen] TODO", "Controller:\n\n___\n\nProcessor: X"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { checkPrefilters(t, s) })
}
