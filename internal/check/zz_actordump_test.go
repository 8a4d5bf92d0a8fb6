package check

import (
	"fmt"
	"os"
	"testing"

	"github.com/art28/art28/internal/catalog"
	"github.com/art28/art28/internal/document"
	"github.com/art28/art28/internal/segment"
)

func TestZZActorDump(t *testing.T) {
	f := os.Getenv("ACTORDUMP")
	if f == "" {
		t.Skip()
	}
	raw, _ := os.ReadFile(f)
	text, _ := document.Normalize(raw)
	doc := document.ParseText(f, "text", text)
	ch := New(catalog.Default())
	in := ch.Prepare(doc, segment.Split(doc), "de")
	for i, s := range in.Sentences {
		q := doc.Text[s.Start:s.End]
		if len(q) > 90 {
			q = q[:90]
		}
		fmt.Printf("%d\t%v\th=%v\tl=%d\t%q\n", i, in.Actor(i), s.Heading, s.LeadIn, q)
	}
}
