package extract

import (
	"os"
	"strings"
	"testing"

	"github.com/art28/art28/internal/corpustest"
	"github.com/art28/art28/internal/segment"
)

func TestZZDebugReadings(t *testing.T) {
	want := os.Getenv("P18")
	if want == "" {
		t.Skip()
	}
	cases, _ := readPartyCases("testdata/parties")
	for _, c := range cases {
		if !strings.Contains(c.name, want) {
			continue
		}
		doc := caseDoc(t, corpustest.Case{Name: c.name, Format: c.format, Text: c.text})
		k, _ := LoadKnowledge()
		x := &extractor{k: k, in: Input{Doc: doc, Sentences: segment.Split(doc), Lang: c.lang}, doc: doc, text: doc.Text, lang: c.lang}
		x.lines = splitLines(x.text)
		x.subCache = map[string]bool{}
		x.lower = x.lowerText()
		limit := max(len(x.text)/3, 6000)
		show := func(src string, rs []partyReading) {
			for _, r := range rs {
				n := ""
				if r.party != nil {
					n = r.party.Name
				}
				t.Logf("%s %s: %s %q note=%q short=%q at=%d", c.name, src, r.role, n, r.note, r.short, r.at)
			}
		}
		b := x.blockReadings(limit)
		show("block", b)
		show("other", x.otherPartyReading(b, limit))
		show("annex", x.annexReadings())
		d, _ := x.definitionReadings(min(len(x.text), 8000))
		show("def", d)
		show("sig", x.signatureReadings(limit))
		show("letter", x.letterReadings())
		show("title", x.titleReadings())
		p := x.parties()
		t.Logf("=> P=%v C=%v (%s | %s)", partyName(p.Processor), partyName(p.Controller), p.ProcessorNote, p.ControllerNote)
	}
}
