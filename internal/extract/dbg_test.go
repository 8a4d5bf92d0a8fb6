package extract

import (
	"os"
	"strings"
	"testing"

	"github.com/art28/art28/internal/corpustest"
	"github.com/art28/art28/internal/segment"
)

func TestDbgCase(t *testing.T) {
	want := os.Getenv("DBG")
	if want == "" {
		t.Skip()
	}
	cases, _ := corpustest.ReadCases("testdata/subs")
	for _, c := range cases {
		if !strings.Contains(c.Name, want) {
			continue
		}
		doc := caseDoc(t, c)
		f, _ := Extract(Input{Doc: doc, Sentences: segment.Split(doc), Lang: caseLang(c)})
		for _, s := range f.Subprocessors {
			t.Logf("%s: %q %q %q", c.Name, s.Name, s.Country, s.Address)
		}
		for _, b := range doc.Blocks {
			t.Logf("  block %v %q label %q", b.Kind, doc.Text[b.Start:b.End], b.Label)
		}
	}
}
