package analyze

import (
	"strings"
	"testing"

	"github.com/art28/art28/internal/corpustest"
	"github.com/art28/art28/internal/document"
	"github.com/art28/art28/internal/model"
)

// TestSubprocessorCasePlaceholders checks the unfilled blanks of the
// sub-processor excerpts (internal/extract/testdata/subs): each must be
// quoted by a finding, or a finding must cite its line, and none may
// become a party or a sub-processor.
func TestSubprocessorCasePlaceholders(t *testing.T) {
	cases, err := corpustest.ReadCases(corpustest.SubCasesDir)
	if err != nil {
		t.Fatal(err)
	}
	a, err := NewDefault()
	if err != nil {
		t.Fatal(err)
	}
	n, hit, neg, quiet := 0, 0, 0, 0
	for _, c := range cases {
		if len(c.Placeholders) == 0 && len(c.NotPlaceholders) == 0 {
			continue
		}
		var doc *document.Document
		if c.Format == "html" {
			if doc, err = document.ParseHTML(c.Name+".html", c.Text); err != nil {
				t.Fatal(err)
			}
		} else {
			doc = document.ParseText(c.Name+".txt", c.Format, c.Text)
		}
		res := a.Analyze(doc, []byte(c.Text), Options{})
		for _, ph := range c.Placeholders {
			n++
			cited, ok := templateCitesLine(doc.Text, ph, res.Findings)
			switch {
			case !ok:
				t.Errorf("%s: placeholder %q not in the text", c.Name, ph)
			case cited:
				hit++
			default:
				t.Errorf("%s: placeholder %q not reported", c.Name, ph)
			}
		}
		for _, ph := range c.NotPlaceholders {
			neg++
			cited, ok := templateCitesLine(doc.Text, ph, res.Findings)
			switch {
			case !ok:
				t.Errorf("%s: text %q not in the text", c.Name, ph)
			case cited:
				t.Errorf("%s: %q is no placeholder but a template finding cites its line", c.Name, ph)
			default:
				quiet++
			}
		}
		for _, s := range res.Subprocessors {
			if corpustest.PlaceholderName.MatchString(s.Name) {
				t.Errorf("%s: placeholder %q read as a sub-processor", c.Name, s.Name)
			}
		}
		for _, p := range []string{partyText(res.Parties.Processor), partyText(res.Parties.Controller)} {
			if corpustest.PlaceholderName.MatchString(p) {
				t.Errorf("%s: placeholder %q read as a party", c.Name, p)
			}
		}
	}
	t.Logf("placeholders reported: %d/%d; not placeholders left alone: %d/%d", hit, n, quiet, neg)
}

// templateCitesLine reports whether a template finding cites the line of
// text holding the first occurrence of ph; ok is false when ph is not in
// text.
func templateCitesLine(text, ph string, fs []model.Finding) (cited, ok bool) {
	at := strings.Index(text, ph)
	if at < 0 {
		return false, false
	}
	return corpustest.TemplateCitesLine(text, at, fs), true
}

func partyText(p *model.Party) string {
	if p == nil {
		return ""
	}
	return p.Name
}
