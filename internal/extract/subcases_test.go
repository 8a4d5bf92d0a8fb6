package extract

import (
	"strings"
	"testing"

	"github.com/art28/art28/internal/corpustest"
	"github.com/art28/art28/internal/document"
	"github.com/art28/art28/internal/model"
	"github.com/art28/art28/internal/segment"
)

// caseDoc parses a case's text in its format.
func caseDoc(t testing.TB, c corpustest.Case) *document.Document {
	t.Helper()
	if c.Format == "html" {
		d, err := document.ParseHTML(c.Name+".html", c.Text)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	return document.ParseText(c.Name+".txt", c.Format, c.Text)
}

// caseLang is the language of a case: English cases are named "en…".
func caseLang(c corpustest.Case) string {
	if strings.HasPrefix(c.Name, "en") {
		return "en"
	}
	return "de"
}

// TestSubprocessorCases scores sub-processor extraction on the excerpts of
// testdata/subs: one layout each, German and English, and texts that name
// companies, products, authorities or laws that are no sub-processors.
// Every expected name must be found with its country, nothing else may
// be, and no placeholder may become a name.
func TestSubprocessorCases(t *testing.T) {
	cases, err := corpustest.ReadCases("testdata/subs")
	if err != nil {
		t.Fatal(err)
	}
	if len(cases) < 45 {
		t.Fatalf("%d cases, want at least 45", len(cases))
	}
	var total corpustest.Score
	for _, c := range cases {
		doc := caseDoc(t, c)
		f, err := Extract(Input{Doc: doc, Sentences: segment.Split(doc), Lang: caseLang(c)})
		if err != nil {
			t.Fatal(err)
		}
		var got [][2]string
		for _, s := range f.Subprocessors {
			got = append(got, [2]string{s.Name, s.Country})
			if corpustest.PlaceholderName.MatchString(s.Name) {
				t.Errorf("%s: placeholder %q read as a sub-processor", c.Name, s.Name)
			}
		}
		sc := corpustest.Match(c.Subs, got)
		for _, e := range sc.Errors {
			t.Errorf("%s: %s", c.Name, e)
		}
		total.Add(sc)
		for _, p := range []string{partyName(f.Parties.Processor), partyName(f.Parties.Controller)} {
			if p != "" && corpustest.PlaceholderName.MatchString(p) {
				t.Errorf("%s: placeholder %q read as a party", c.Name, p)
			}
		}
	}
	t.Logf("sub-processor cases: %s", total)
}

func partyName(p *model.Party) string {
	if p == nil {
		return ""
	}
	return p.Name
}
