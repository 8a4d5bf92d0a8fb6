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
	n, hit := 0, 0
	for _, c := range cases {
		if len(c.Placeholders) == 0 {
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
			at := strings.Index(doc.Text, ph)
			if at < 0 {
				t.Errorf("%s: placeholder %q not in the text", c.Name, ph)
				continue
			}
			ls := strings.LastIndexByte(doc.Text[:at], '\n') + 1
			le := strings.IndexByte(doc.Text[at:], '\n')
			if le < 0 {
				le = len(doc.Text)
			} else {
				le += at
			}
			found := false
			for _, f := range res.Findings {
				for _, ev := range f.Evidence {
					if ev.Start < le && ev.End > ls && strings.HasPrefix(f.ID, "template") {
						found = true
					}
				}
			}
			if found {
				hit++
			} else {
				t.Errorf("%s: placeholder %q not reported", c.Name, ph)
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
	t.Logf("placeholders reported: %d/%d", hit, n)
}

func partyText(p *model.Party) string {
	if p == nil {
		return ""
	}
	return p.Name
}
