package extract

import (
	"strings"
	"testing"

	"github.com/art28/art28/internal/corpustest"
)

func TestZZBlocks(t *testing.T) {
	cases, _ := corpustest.ReadCases("testdata/subs")
	for _, c := range cases {
		if !strings.Contains(c.Name, "h2xs-07") {
			continue
		}
		doc := caseDoc(t, c)
		for i, b := range doc.Blocks {
			t.Logf("%d kind=%v row=%d %q", i, b.Kind, b.Row, doc.Text[b.Start:b.End])
		}
	}
}
