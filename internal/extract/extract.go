// Package extract reads structured facts from a data processing agreement:
// the parties, sub-processors and their countries, other recipients, data
// categories and data subjects, deadlines, the data protection officer,
// contract metadata and the technical and organisational measures.
//
// Knowledge (countries, adequacy decisions, legal forms, placeholders,
// number words) is embedded data under data/. Every fact carries the
// passage it was read from as byte offsets into the document text.
package extract

import (
	"strings"

	"github.com/art28/art28/internal/document"
	"github.com/art28/art28/internal/model"
	"github.com/art28/art28/internal/segment"
)

// Input is what extraction reads: the parsed document, its sentences and
// the language ("de" or "en").
type Input struct {
	Doc       *document.Document
	Sentences []segment.Sentence
	Lang      string
}

// Extract returns the facts of one document. It never panics on input;
// when the embedded knowledge cannot be loaded (a build defect) it returns
// empty facts and the error.
func Extract(in Input) (model.Facts, error) {
	f := emptyFacts()
	k, err := LoadKnowledge()
	if err != nil {
		return f, err
	}
	if in.Doc == nil {
		return f, nil
	}
	x := &extractor{k: k, in: in, doc: in.Doc, text: in.Doc.Text, lang: in.Lang}
	x.lines = splitLines(x.text)
	f.Parties = x.parties()
	f.Subprocessors, f.OtherRecipients, f.SubprocessorListURL = x.subprocessors(f.Parties)
	f.DataTypes, f.DataSubjects = x.dataCategories()
	f.Deadlines = x.deadlines()
	f.DPO = x.dpo()
	f.Meta = x.meta()
	f.TOMs = x.toms()
	return f, nil
}

func emptyFacts() model.Facts {
	return model.Facts{
		Subprocessors:   []model.Subprocessor{},
		OtherRecipients: []model.Subprocessor{},
		DataTypes:       model.ItemList{Items: []model.DataItem{}},
		DataSubjects:    model.ItemList{Items: []model.DataItem{}},
		TOMs:            model.TOMs{Categories: []model.TOMCategory{}, Missing: []string{}, Parameters: []string{}},
	}
}

type extractor struct {
	k     *Knowledge
	in    Input
	doc   *document.Document
	text  string
	lang  string
	lines []line
}

// line is one non-empty trimmed line of the text.
type line struct {
	start, end int
	text       string
}

func splitLines(s string) []line {
	var ls []line
	start := 0
	for start < len(s) {
		i := strings.IndexByte(s[start:], '\n')
		end := len(s)
		if i >= 0 {
			end = start + i
		}
		raw := s[start:end]
		t := strings.TrimSpace(raw)
		if t != "" {
			lead := strings.Index(raw, t)
			ls = append(ls, line{start: start + lead, end: start + lead + len(t), text: t})
		}
		if i < 0 {
			break
		}
		start = end + 1
	}
	return ls
}

// evidence builds an evidence span for text[start:end].
func (x *extractor) evidence(start, end int) model.Evidence {
	if start < 0 {
		start = 0
	}
	if end > len(x.text) {
		end = len(x.text)
	}
	if end < start {
		end = start
	}
	return model.Evidence{Text: x.text[start:end], Start: start, End: end, Section: x.doc.SectionAt(start), Page: x.doc.PageAt(start)}
}

func (x *extractor) evidencePtr(start, end int) *model.Evidence {
	e := x.evidence(start, end)
	return &e
}

// sentenceText returns the text of sentence i.
func (x *extractor) sentenceText(i int) string {
	s := x.in.Sentences[i]
	if s.Start < 0 || s.End > len(x.text) || s.End < s.Start {
		return ""
	}
	return x.text[s.Start:s.End]
}

// collapse folds whitespace runs into single spaces.
func collapse(s string) string { return strings.Join(strings.Fields(s), " ") }
