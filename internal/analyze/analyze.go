// Package analyze runs the whole pipeline on one document: segmentation,
// language detection, requirement checks, and assembles the result model.
package analyze

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"runtime/debug"
	"slices"
	"sync"

	"github.com/art28/art28/internal/catalog"
	"github.com/art28/art28/internal/check"
	"github.com/art28/art28/internal/document"
	"github.com/art28/art28/internal/extract"
	"github.com/art28/art28/internal/findings"
	"github.com/art28/art28/internal/lang"
	"github.com/art28/art28/internal/model"
	"github.com/art28/art28/internal/segment"
)

// Version is the tool version reported in results.
var Version = "0.1.0-dev"

// Analyzer runs the pipeline with one catalog. It is safe for concurrent
// use.
type Analyzer struct {
	checker  *check.Checker
	playbook *findings.Playbook
}

// NewDefault returns an analyzer for the embedded catalog and findings
// playbook. The embedded knowledge (catalog, playbook, country data) is
// decoded concurrently, which halves the start-up time of a short run.
func NewDefault() (*Analyzer, error) {
	// Decoding the embedded YAML makes much short-lived garbage; collecting
	// it while loading would only slow start-up, so collection is paused
	// until the knowledge is loaded (a few MB).
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	var wg sync.WaitGroup
	var kerr error
	wg.Add(2)
	go func() { defer wg.Done(); findings.Default() }()
	go func() { defer wg.Done(); _, kerr = extract.LoadKnowledge() }()
	// The checker (which registers every catalog term) is built while the
	// other knowledge loads.
	ch := check.New(catalog.Default())
	wg.Wait()
	if kerr != nil {
		return nil, fmt.Errorf("load extraction knowledge: %w", kerr)
	}
	return &Analyzer{checker: ch, playbook: findings.Default()}, nil
}

// New returns an analyzer for the catalog with the embedded findings
// playbook.
func New(c *catalog.Catalog) *Analyzer {
	return &Analyzer{checker: check.New(c), playbook: findings.Default()}
}

// WithFindings returns a copy of the analyzer that uses playbook p for
// findings (nil disables them).
func (a *Analyzer) WithFindings(p *findings.Playbook) *Analyzer {
	return &Analyzer{checker: a.checker, playbook: p}
}

// Catalog returns the analyzer's catalog.
func (a *Analyzer) Catalog() *catalog.Catalog { return a.checker.Catalog() }

// Options adjust one analysis.
type Options struct {
	// Lang forces the document language ("de" or "en"); empty detects it.
	Lang string
	// ReportLang is the language of finding texts; empty uses the
	// document's language.
	ReportLang string
}

// Analyze checks one parsed document. raw is the input's bytes, for the
// hash.
func (a *Analyzer) Analyze(doc *document.Document, raw []byte, opt Options) *model.Result {
	sum := sha256.Sum256(raw)
	l := opt.Lang
	if l == "" {
		l = lang.Detect(doc.Text)
	}
	checkLang := l
	if checkLang != "de" {
		checkLang = "en"
	}
	sents := segment.Split(doc)
	in := a.checker.Prepare(doc, sents, checkLang)
	// The result holds only strings and offsets: the index's buffers can
	// serve the next document.
	defer in.Index.Release()
	res := &model.Result{
		SchemaVersion: model.SchemaVersion,
		Document: model.DocumentInfo{
			Path: doc.Path, Format: doc.Format, Language: l, SHA256: hex.EncodeToString(sum[:]),
			Bytes: len(doc.Text), Sentences: len(sents), ToolVersion: Version, CatalogVersion: a.Catalog().Version,
		},
		Requirements: a.checker.Check(in),
		Findings:     []model.Finding{},
		Notes:        slices.Clone(doc.Notes),
	}
	facts, err := extract.Extract(extract.Input{Doc: doc, Sentences: sents, Lang: checkLang, Index: in.Index})
	if err != nil {
		res.Notes = append(res.Notes, "fact extraction failed: "+err.Error())
	}
	res.Facts = facts
	if a.playbook != nil {
		fl := opt.ReportLang
		if fl == "" {
			fl = checkLang
		}
		res.Findings = a.playbook.Run(in, findings.Options{Lang: fl, Facts: &res.Facts})
	}
	res.Summary = summarize(res.Requirements)
	res.Document.IsContract = looksLikeContract(res)
	if !res.Document.IsContract {
		res.Notes = append(res.Notes, "The text does not read like a data processing agreement: almost no Art. 28 requirement is addressed.")
	}
	return res
}

// summarize counts verdicts and lists missing mandatory requirements.
func summarize(vs []model.Verdict) model.Summary {
	s := model.Summary{MandatoryMissing: []string{}}
	for _, v := range vs {
		switch catalog.Status(v.Status) {
		case catalog.Met:
			s.Met++
		case catalog.Partial:
			s.Partial++
		case catalog.NotApplicable:
			s.NotApplicable++
		default:
			s.Missing++
			if v.Level == string(catalog.Mandatory) {
				s.MandatoryMissing = append(s.MandatoryMissing, v.ID)
			}
		}
	}
	return s
}

// looksLikeContract reports whether at least a few requirements are
// addressed; a text with none is not a data processing agreement.
func looksLikeContract(r *model.Result) bool {
	return r.Summary.Met+r.Summary.Partial+r.Summary.NotApplicable >= 3
}
