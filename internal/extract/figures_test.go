package extract

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/art28/art28/internal/corpustest"
	"github.com/art28/art28/internal/segment"
)

// TestCaseFileFigures logs, per case file and language, the party figures
// (names right, wrong and not found; roles rightly left empty) and the
// sub-processor precision, recall and F1, so that a round's first and
// final figures can be recorded. It fails on nothing: TestPartyCases and
// TestSubprocessorCases judge the cases.
func TestCaseFileFigures(t *testing.T) {
	files, err := filepath.Glob("testdata/parties/*.cases")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		dir := singleFileDir(t, f)
		cases, err := readPartyCases(dir)
		if err != nil {
			t.Fatal(err)
		}
		type fig struct{ right, wrong, none, nullOK, nullWrong int }
		figs := map[string]*fig{}
		for _, c := range cases {
			g := figs[c.lang]
			if g == nil {
				g = &fig{}
				figs[c.lang] = g
			}
			doc := caseDoc(t, corpustest.Case{Name: c.name, Format: c.format, Text: c.text})
			x, err := Extract(Input{Doc: doc, Sentences: segment.Split(doc), Lang: c.lang})
			if err != nil {
				t.Fatal(err)
			}
			for role, got := range map[string]string{"processor": partyName(x.Parties.Processor), "controller": partyName(x.Parties.Controller)} {
				want := c.want[role]
				gk, wk := caseNameKey(got), caseNameKey(want)
				switch {
				case want == "" && got == "":
					g.nullOK++
				case want == "":
					g.nullWrong++
				case got == "":
					g.none++
				case gk == wk || strings.HasPrefix(gk, wk) || strings.HasPrefix(wk, gk):
					g.right++
				default:
					g.wrong++
				}
			}
		}
		for lang, g := range figs {
			t.Logf("parties %s %s: %d right, %d wrong, %d not found; roles without a name: %d empty, %d named wrongly",
				filepath.Base(f), lang, g.right, g.wrong, g.none, g.nullOK, g.nullWrong)
		}
	}
	files, err = filepath.Glob("testdata/subs/*.cases")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		cases, err := corpustest.ReadCases(singleFileDir(t, f))
		if err != nil {
			t.Fatal(err)
		}
		scores := map[string]*corpustest.Score{}
		for _, c := range cases {
			lang := caseLang(c)
			if scores[lang] == nil {
				scores[lang] = &corpustest.Score{}
			}
			doc := caseDoc(t, c)
			x, err := Extract(Input{Doc: doc, Sentences: segment.Split(doc), Lang: lang})
			if err != nil {
				t.Fatal(err)
			}
			var got [][2]string
			for _, s := range x.Subprocessors {
				got = append(got, [2]string{s.Name, s.Country})
			}
			scores[lang].Add(corpustest.Match(c.Subs, got))
		}
		for lang, s := range scores {
			t.Logf("subs %s %s: %s", filepath.Base(f), lang, s)
		}
	}
}

// singleFileDir copies one case file into a directory of its own.
func singleFileDir(t *testing.T, file string) string {
	t.Helper()
	raw, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, filepath.Base(file)), raw, 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}
