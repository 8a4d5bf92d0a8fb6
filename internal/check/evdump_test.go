package check

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/art28/art28/internal/catalog"
	"github.com/art28/art28/internal/document"
	"github.com/art28/art28/internal/lang"
	"github.com/art28/art28/internal/segment"
)

// TestEvidenceDump writes, for each .txt file of the folder EVDUMP names,
// every candidate of every met or partial verdict with its score and
// signals, one JSON object a line, to EVDUMP_OUT (default stdout). It is a
// measuring tool for the evidence ranking (docs/evidence22.md), skipped
// unless EVDUMP is set.
func TestEvidenceDump(t *testing.T) {
	dir := os.Getenv("EVDUMP")
	if dir == "" {
		t.Skip("EVDUMP not set")
	}
	out := os.Stdout
	if p := os.Getenv("EVDUMP_OUT"); p != "" {
		f, err := os.Create(p)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		out = f
	}
	enc := json.NewEncoder(out)
	ch := New(catalog.Default())
	files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	type cand struct {
		Sent, Score, Support, Cover, Near, Text int
		LeadIn                                  int
		Party, Entry, Own                       bool
		Start, End                              int
		Quote                                   string
	}
	type row struct {
		File, Req, Status string
		Cands             []cand
	}
	for _, f := range files {
		if strings.HasSuffix(f, "labels.txt") {
			continue
		}
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		text, err := document.Normalize(raw)
		if err != nil {
			t.Fatal(err)
		}
		doc := document.ParseText(f, "text", text)
		l := "en"
		if lang.Detect(doc.Text) == "de" {
			l = "de"
		}
		in := ch.Prepare(doc, segment.Split(doc), l)
		traceEvidence = func(rk *ranker, sents []int) {
			if rk.status != catalog.Met && rk.status != catalog.Partial {
				return
			}
			r := row{File: filepath.Base(f), Req: rk.req.ID, Status: string(rk.status)}
			for _, i := range sents {
				c := cand{Sent: i, Score: rk.sentenceScore(i), Cover: rk.coverage(i), Text: in.textScores[i], LeadIn: in.Sentences[i].LeadIn}
				actor := in.Actor(i)
				for _, rule := range rk.req.Rules {
					if rk.counts(rule) && containsSorted(rk.ruleHits(rule), i) {
						c.Support++
						c.Entry = c.Entry || rule.Entry
						c.Own = c.Own || ch.ownMatch(in, rule, i)
						c.Party = c.Party || actor == dutyBearer(rule.Actor)
					}
				}
				for d := -nearby; d <= nearby; d++ {
					if d != 0 && rk.matched(i+d) {
						c.Near++
					}
				}
				c.Start = rk.quote(i)
				c.End = in.Sentences[i].End
				q := in.Doc.Text[c.Start:c.End]
				if len(q) > 300 {
					q = q[:300]
				}
				c.Quote = q
				r.Cands = append(r.Cands, c)
			}
			if err := enc.Encode(r); err != nil {
				t.Fatal(err)
			}
		}
		ch.Check(in)
		traceEvidence = nil
		in.Index.Release()
	}
}
