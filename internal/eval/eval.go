// Package eval measures the checker against the shared corpus: the German
// seed contracts with their expected statuses, and the English DPA corpus
// with sentence labels (document-level presence, "missing" precision and
// recall, sentence-level evidence precision and recall) and speed.
package eval

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/art28/art28/internal/analyze"
	"github.com/art28/art28/internal/catalog"
	"github.com/art28/art28/internal/input"
	"github.com/art28/art28/internal/model"
)

// present says whether a status counts as the requirement being present.
func present(status string) bool {
	return status == string(catalog.Met) || status == string(catalog.Partial) || status == string(catalog.NotApplicable)
}

// Confusion counts decisions with "missing" (a violation) as the positive
// class.
type Confusion struct{ TP, FP, FN, TN int }

// Add records one decision.
func (c *Confusion) Add(goldPresent, predPresent bool) {
	switch {
	case !goldPresent && !predPresent:
		c.TP++
	case goldPresent && !predPresent:
		c.FP++
	case !goldPresent && predPresent:
		c.FN++
	default:
		c.TN++
	}
}

// N is the number of decisions.
func (c Confusion) N() int { return c.TP + c.FP + c.FN + c.TN }

// Accuracy is the share of correct decisions.
func (c Confusion) Accuracy() float64 { return ratio(c.TP+c.TN, c.N()) }

// Precision of "missing" decisions.
func (c Confusion) Precision() float64 { return ratio(c.TP, c.TP+c.FP) }

// Recall of "missing" decisions.
func (c Confusion) Recall() float64 { return ratio(c.TP, c.TP+c.FN) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Uncertain counts the verdicts only a requirement's safety net gave
// (model.Verdict.Uncertain) and how many of them the labels hold present:
// the precision of "partial (review)".
type Uncertain struct{ N, Present int }

// Add counts one verdict.
func (u *Uncertain) Add(v model.Verdict, goldPresent bool) {
	if !v.Uncertain {
		return
	}
	u.N++
	if goldPresent {
		u.Present++
	}
}

// Correction is an adjudicated change of a document-level label.
type Correction struct {
	Document  string `json:"document"`
	Label     string `json:"label"`
	Gold      string `json:"gold"`
	Corrected string `json:"corrected"`
	Lines     []int  `json:"lines"`
	Reason    string `json:"reason"`
}

type correctionFile struct {
	About       string       `json:"about"`
	Corrections []Correction `json:"corrections"`
}

// LoadCorrections reads a corrections file; a missing file yields none.
func LoadCorrections(path string) ([]Correction, error) {
	data, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read corrections: %w", err)
	}
	var f correctionFile
	if err := json.Unmarshal(data, &f); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return f.Corrections, nil
}

// ReqStats are the English corpus figures for one requirement.
type ReqStats struct {
	ID        string
	Label     string
	Raw       Confusion
	Corrected Confusion
	// Evidence counts cited sentences: correct ones (labelled with the
	// requirement's label), all cited, and all labelled.
	EvidenceHit, EvidenceCited, EvidenceGold int
}

// EnglishReport is the outcome on the English corpus.
type EnglishReport struct {
	Docs        int
	PerReq      []*ReqStats
	Raw         Confusion
	Corrected   Confusion
	Corrections int
	// Errors lists wrong document-level decisions (corrected labels) as
	// "document label want/got".
	Errors []string
	Bytes  int
	Time   time.Duration
	PerDoc []time.Duration
	// FirstOnLabel counts the met and partial verdicts whose first cited
	// sentence is a labelled line of the requirement (sentence labels and
	// the lines of present corrections), of FirstScored verdicts with
	// labelled lines; FirstOnLabelOwn adds the project's own sentence
	// corrections (ProjectEvidenceCorrections).
	FirstOnLabel, FirstOnLabelOwn, FirstScored int
	// LineFixes is the number of sentence-label corrections applied.
	LineFixes int
	// Uncertain counts the safety net's verdicts against corrected labels.
	Uncertain Uncertain
}

type labelFile struct {
	Document  string `json:"document"`
	Sentences []struct {
		Text   string   `json:"text"`
		Labels []string `json:"labels"`
	} `json:"sentences"`
}

// English evaluates the corpus folder (with *.labels.json files) using the
// given label corrections; lineFixes are further labelled lines for the
// first-citation figure only.
func English(a *analyze.Analyzer, dir string, corrections, lineFixes []Correction) (*EnglishReport, error) {
	files, err := labelFiles(dir)
	if err != nil {
		return nil, err
	}
	cat := a.Catalog()
	labelReq := map[string]*catalog.Requirement{}
	for _, r := range cat.Requirements {
		for _, b := range r.Bench {
			labelReq[b] = r
		}
	}
	fix := map[[2]string]bool{}
	// fixLines are the 0-based lines of present corrections, own the
	// project's further lines.
	fixLines, own := map[[2]string][]int{}, map[[2]string][]int{}
	for _, c := range corrections {
		fix[[2]string{c.Document, c.Label}] = c.Corrected == "present"
		if c.Corrected == "present" {
			for _, l := range c.Lines {
				fixLines[[2]string{c.Document, c.Label}] = append(fixLines[[2]string{c.Document, c.Label}], l-1)
			}
		}
	}
	for _, c := range lineFixes {
		for _, l := range c.Lines {
			own[[2]string{c.Document, c.Label}] = append(own[[2]string{c.Document, c.Label}], l-1)
		}
	}
	rep := &EnglishReport{Corrections: len(fix), LineFixes: len(lineFixes)}
	stats := map[string]*ReqStats{}
	for _, l := range cat.BenchScored {
		r := labelReq[l]
		if r == nil {
			return nil, fmt.Errorf("catalog: scored label %s has no requirement", l)
		}
		s := &ReqStats{ID: r.ID, Label: l}
		stats[l] = s
		rep.PerReq = append(rep.PerReq, s)
	}
	for _, lf := range files {
		var labels labelFile
		data, err := os.ReadFile(lf)
		if err != nil {
			return nil, fmt.Errorf("read labels: %w", err)
		}
		if err := json.Unmarshal(data, &labels); err != nil {
			return nil, fmt.Errorf("%s: %w", lf, err)
		}
		path := filepath.Join(dir, labels.Document)
		start := time.Now()
		doc, raw, err := input.Read(path, input.Options{})
		if err != nil {
			return nil, err
		}
		res := a.Analyze(doc, raw, analyze.Options{})
		el := time.Since(start)
		rep.Time += el
		rep.PerDoc = append(rep.PerDoc, el)
		rep.Bytes += len(raw)
		rep.Docs++
		lineStarts := lineOffsets(doc.Text)
		docID := strings.TrimSuffix(labels.Document, filepath.Ext(labels.Document))
		goldLines := map[string]map[int]bool{}
		for i, s := range labels.Sentences {
			for _, l := range s.Labels {
				if goldLines[l] == nil {
					goldLines[l] = map[int]bool{}
				}
				goldLines[l][i] = true
			}
		}
		byID := map[string]model.Verdict{}
		for _, v := range res.Requirements {
			byID[v.ID] = v
		}
		rep.firstCitations(cat, res.Requirements, docID, goldLines, fixLines, own, lineStarts)
		for _, l := range cat.BenchScored {
			s := stats[l]
			v := byID[s.ID]
			raw := len(goldLines[l]) > 0
			corr, ok := fix[[2]string{docID, l}]
			if !ok {
				corr = raw
			}
			pred := present(v.Status)
			rep.Uncertain.Add(v, corr)
			s.Raw.Add(raw, pred)
			s.Corrected.Add(corr, pred)
			rep.Raw.Add(raw, pred)
			rep.Corrected.Add(corr, pred)
			if corr != pred {
				rep.Errors = append(rep.Errors, fmt.Sprintf("%s %s %s want %s got %s", docID, l, s.ID, presence(corr), v.Status))
			}
			s.EvidenceGold += len(goldLines[l])
			for _, e := range v.Evidence {
				s.EvidenceCited++
				if goldLines[l][lineOf(lineStarts, e.Start)] {
					s.EvidenceHit++
				}
			}
		}
	}
	return rep, nil
}

// firstCitations scores the first cited sentence of each met or partial
// verdict against the labelled lines of its requirement, as acceptance.py
// en-evidence does.
func (rep *EnglishReport) firstCitations(cat *catalog.Catalog, verdicts []model.Verdict, docID string, gold map[string]map[int]bool, fixLines, own map[[2]string][]int, lineStarts []int) {
	for _, v := range verdicts {
		r := cat.Requirement(v.ID)
		if r == nil || len(v.Evidence) == 0 || (v.Status != "met" && v.Status != "partial") {
			continue
		}
		lines, extra := map[int]bool{}, map[int]bool{}
		for _, b := range r.Bench {
			for l := range gold[b] {
				lines[l] = true
			}
			for _, l := range fixLines[[2]string{docID, b}] {
				lines[l] = true
			}
			for _, l := range own[[2]string{docID, b}] {
				extra[l] = true
			}
		}
		if len(lines) == 0 {
			continue
		}
		rep.FirstScored++
		first := lineOf(lineStarts, v.Evidence[0].Start)
		if lines[first] {
			rep.FirstOnLabel++
		}
		if lines[first] || extra[first] {
			rep.FirstOnLabelOwn++
		}
	}
}

// labelFiles lists the *.labels.json files of a corpus folder, sorted.
func labelFiles(dir string) ([]string, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.labels.json"))
	if err != nil {
		return nil, fmt.Errorf("list corpus: %w", err)
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("%s: no *.labels.json files", dir)
	}
	sort.Strings(files)
	return files, nil
}

func presence(p bool) string {
	if p {
		return "present"
	}
	return "missing"
}

// lineOffsets returns the start offset of each line.
func lineOffsets(text string) []int {
	starts := []int{0}
	for i := 0; i < len(text); i++ {
		if text[i] == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}

// lineOf returns the 0-based line index of an offset.
func lineOf(starts []int, off int) int {
	return sort.Search(len(starts), func(i int) bool { return starts[i] > off }) - 1
}
