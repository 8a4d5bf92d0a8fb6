package findings

import (
	"testing"

	"github.com/art28/art28/internal/check"
	"github.com/art28/art28/internal/corpustest"
	"github.com/art28/art28/internal/extract"
	"github.com/art28/art28/internal/input"
	"github.com/art28/art28/internal/lang"
	"github.com/art28/art28/internal/model"
	"github.com/art28/art28/internal/segment"
)

// benchDoc is one corpus document as the pipeline hands it to Run.
type benchDoc struct {
	in    *check.Input
	facts model.Facts
}

// benchPrepare does what the analysis does before it runs the playbook:
// parse, segment, index, check the requirements (which fills the index's
// term cache) and extract the facts.
func benchPrepare(b *testing.B, files []string, raws [][]byte) []benchDoc {
	docs := make([]benchDoc, len(files))
	for i, raw := range raws {
		doc, err := input.Parse(files[i], "text", raw)
		if err != nil {
			b.Fatal(err)
		}
		l := lang.Detect(doc.Text)
		if l != "de" {
			l = "en"
		}
		sents := segment.Split(doc)
		in := checker.Prepare(doc, sents, l)
		checker.Check(in)
		facts, _ := extract.Extract(extract.Input{Doc: doc, Sentences: sents, Lang: l, Index: in.Index})
		docs[i] = benchDoc{in: in, facts: facts}
	}
	return docs
}

// BenchmarkRun measures Playbook.Run alone on every corpus document per
// iteration. The documents are prepared afresh, outside the timed part, in
// every iteration, so that the index's term cache starts as it does in the
// pipeline.
func BenchmarkRun(b *testing.B) {
	files, raws, total := corpustest.Read(b)
	p := Default()
	b.SetBytes(int64(total))
	b.ReportAllocs()
	for b.Loop() {
		b.StopTimer()
		docs := benchPrepare(b, files, raws)
		b.StartTimer()
		for i := range docs {
			d := &docs[i]
			p.Run(d.in, Options{Lang: d.in.Lang, Now: testNow, Facts: &d.facts})
		}
	}
}
