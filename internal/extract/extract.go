// Package extract reads structured facts from a data processing agreement:
// the parties, sub-processors and their countries, other recipients, data
// categories and data subjects, deadlines, the data protection officer,
// contract metadata and the technical and organisational measures.
//
// Knowledge (countries, adequacy decisions, legal forms, placeholders,
// number words) is embedded data under data/. Every fact carries the
// passage it was read from as byte offsets into the document text.
//
// The facts appear at the top level of the JSON result (model.Facts):
//
//	parties                {processor, controller: {name, street, postcode, city, country,
//	                        representative, email, phone, customer_number, evidence} | null,
//	                        processor_note, controller_note}
//	subprocessors          [{name, address, city, country, service, location, third_country,
//	                        transfer_mechanism, evidence}]
//	other_recipients       same shape: listed recipients that are not processors
//	subprocessor_list_url  link to an external sub-processor list
//	data_types             {items: [{text, special_category, evidence}], special_categories}
//	data_subjects          same shape
//	deadlines              {breach_notice_hours, subprocessor_objection_days,
//	                        subprocessor_notice_days, termination_notice,
//	                        termination_notice_days, deletion_days, audit_notice_days,
//	                        evidence: {field: evidence}, notes: {field: note}}
//	dpo                    {name, organisation, address, city, email, not_required, evidence} | null
//	meta                   {date, version, governing_law, jurisdiction}
//	toms                   {categories: [{id, title, items, generic_examples, evidence}],
//	                        missing, generic_examples_only, parameters}
//
// Countries are ISO 3166-1 alpha-2 codes; transfer_mechanism is one of
// adequacy_decision, data_privacy_framework, standard_contractual_clauses,
// binding_corporate_rules or none, and empty inside the EU/EEA.
package extract

import (
	"github.com/art28/art28/internal/prefilter"
	"strings"

	"github.com/art28/art28/internal/document"
	"github.com/art28/art28/internal/match"
	"github.com/art28/art28/internal/model"
	"github.com/art28/art28/internal/segment"
)

// Input is what extraction reads: the parsed document, its sentences and
// the language ("de" or "en").
type Input struct {
	Doc       *document.Document
	Sentences []segment.Sentence
	Lang      string
	// Index answers term queries over Sentences (optional); extraction
	// uses it to visit only sentences that can hold a fact.
	Index *match.Index
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
	x.subCache = map[string]bool{}
	x.lower = x.lowerText()
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
	k        *Knowledge
	in       Input
	doc      *document.Document
	text     string
	lang     string
	lines    []line
	subCache map[string]bool
	// fnRefs memoises footnoteRefs by footnote mark (bit 1: a reference
	// about sub-processors, bit 2: one elsewhere).
	fnRefs map[string]uint8
	// annexTitles caches annexTitle, provCache providerSection.
	annexTitles map[string]string
	provCache   map[string]bool
	// bodies holds the names read as bodies without a legal form that
	// the text describes by their kind (describedBody).
	bodies map[string]bool
	// names memoises readName by phrase.
	names map[string]nameRead
	// joined memoises joinedBlockLine by the line's offset.
	joined map[int]bool
	// lower is text lower-cased with the same byte offsets.
	lower string
	// reversed is 1 when the text speaks as the controller to its
	// processor ("We are the controller and you are our processor"), -1
	// when not, 0 before reversedVoice first asks.
	reversed  int8
	voiceRole string // ownVoiceRole memo: "", "-" (none), "processor", "controller"
	// spaceLines holds the starts of the lines read as rows of a table
	// whose columns runs of spaces set apart (spaceTables).
	spaceLines map[int]bool
	// subAnnexRefs holds, lower-cased, the annexes that a sentence on
	// sub-processors refers to (referredSubAnnex).
	subAnnexRefs map[string]bool
	// subAnnexes caches referredSubAnnex by annex (it is asked for every
	// block of an annex).
	subAnnexes map[string]bool
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

// reSubProcessingTitle is a section title that names sub-processing
// ("8. Subprocessing", "Sub-processing"); reWholeContract a title of a
// whole contract ("Sub-processing Agreement", "… Addendum"), which is no
// section on sub-processors (branch hold2xs2).
var (
	reSubProcessingTitle = prefilter.MustCompile(`\bsub-?processing\b`)
	reWholeContract      = prefilter.MustCompile(`\b(?:agreement|addendum|contract|terms|vereinbarung|vertrag)\b`)
)

// subSection caches whether a section or annex title is about
// sub-processors.
func (x *extractor) subSection(title string) bool {
	if title == "" {
		return false
	}
	if v, ok := x.subCache[title]; ok {
		return v
	}
	low := prefilter.Lower(title)
	v := x.k.isSub(low) || reSubProcessingTitle.MatchString(low) && !reWholeContract.MatchString(low)
	x.subCache[title] = v
	return v
}

// lowerText returns prefilter.Lower(x.text): the index's lower-cased
// text, which is the same and usually built already.
func (x *extractor) lowerText() string {
	ix := x.in.Index
	if ix == nil || ix.Len() != len(x.in.Sentences) {
		return prefilter.Lower(x.text)
	}
	return ix.Lower()
}

// sentenceLower returns the lower-cased text of sentence i.
func (x *extractor) sentenceLower(i int) string {
	s := x.in.Sentences[i]
	if s.Start < 0 || s.End > len(x.lower) || s.End < s.Start {
		return ""
	}
	return x.lower[s.Start:s.End]
}

// candidates returns the sentences that contain any of the terms of the
// sentence_terms list name (lexicon.yaml), or nil when there is no index:
// then every sentence is a candidate.
func (x *extractor) candidates(name string) match.Bits {
	ix := x.in.Index
	if ix == nil || ix.Len() != len(x.in.Sentences) {
		return nil
	}
	b := ix.NewBits()
	for _, t := range x.k.termList(name) {
		b.Or(ix.TermByID(t))
	}
	return b
}

// isCandidate reports whether sentence i is in b (a nil b holds all).
func isCandidate(b match.Bits, i int) bool { return b == nil || b.Has(i) }
