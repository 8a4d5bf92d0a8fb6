package extract_test

import (
	"os"
	"testing"

	"github.com/art28/art28/internal/catalog"
	"github.com/art28/art28/internal/check"
	"github.com/art28/art28/internal/corpustest"
	"github.com/art28/art28/internal/document"
	"github.com/art28/art28/internal/extract"
	"github.com/art28/art28/internal/input"
	"github.com/art28/art28/internal/lang"
	"github.com/art28/art28/internal/segment"
)

// benchDoc is one parsed and segmented corpus document.
type benchDoc struct {
	doc   *document.Document
	sents []segment.Sentence
	lang  string
}

// benchDocs parses and segments the shared corpus documents as the
// pipeline does, or skips when the corpus is absent.
func benchDocs(b testing.TB) ([]benchDoc, int) {
	files := corpustest.Texts(b)
	var docs []benchDoc
	total := 0
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		doc, err := input.Parse(f, "text", raw)
		if err != nil {
			b.Fatal(err)
		}
		l := "en"
		if lang.Detect(doc.Text) == "de" {
			l = "de"
		}
		docs = append(docs, benchDoc{doc: doc, sents: segment.Split(doc), lang: l})
		total += len(raw)
	}
	return docs, total
}

// prepare indexes the documents and runs the requirement checks on them,
// so that the index's term cache holds what the checker asked, as it does
// when the pipeline reaches fact extraction.
func prepare(ch *check.Checker, docs []benchDoc) []extract.Input {
	ins := make([]extract.Input, len(docs))
	for i, d := range docs {
		in := ch.Prepare(d.doc, d.sents, d.lang)
		ch.Check(in)
		ins[i] = extract.Input{Doc: d.doc, Sentences: d.sents, Lang: d.lang, Index: in.Index}
	}
	return ins
}

// BenchmarkExtract measures fact extraction alone over the corpus; parsing,
// segmentation and the term index are built outside the timed part.
func BenchmarkExtract(b *testing.B) {
	docs, total := benchDocs(b)
	if _, err := extract.LoadKnowledge(); err != nil {
		b.Fatal(err)
	}
	ch := check.New(catalog.Default())
	b.SetBytes(int64(total))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		// A fresh index per round: extraction's own term queries are not
		// cached from an earlier round.
		b.StopTimer()
		ins := prepare(ch, docs)
		b.StartTimer()
		for _, in := range ins {
			if _, err := extract.Extract(in); err != nil {
				b.Fatal(err)
			}
		}
	}
}
