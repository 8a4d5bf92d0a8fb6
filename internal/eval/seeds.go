package eval

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"

	"github.com/art28/art28/internal/analyze"
	"github.com/art28/art28/internal/input"
	"github.com/art28/art28/internal/model"
)

// SeedExpectation is one expected file of the seed corpus.
type SeedExpectation struct {
	Document     string                     `json:"document"`
	Language     string                     `json:"language"`
	Requirements map[string]ExpectedVerdict `json:"requirements"`
	// Rest holds the expected facts (processor, sub-processors, deadlines
	// ...), decoded by the extraction evaluation.
	Rest map[string]json.RawMessage `json:"-"`
}

// ExpectedVerdict is the status a careful lawyer reads from a seed.
type ExpectedVerdict struct {
	Status    string `json:"status"`
	Note      string `json:"note"`
	Debatable bool   `json:"debatable"`
}

// SeedRow is one requirement of one seed.
type SeedRow struct {
	Document, ID, Want, Got string
	Debatable               bool
}

// SeedReport is the outcome on the seed corpus.
type SeedReport struct {
	Rows []SeedRow
	// Scored and Exact count non-debatable rows and those that match.
	Scored, Exact int
	// Results are the analyses, by document file name.
	Results map[string]*model.Result
	// Expected are the expectation files, by document file name.
	Expected map[string]*SeedExpectation
}

// Seeds evaluates the seed folder (with expected/*.json).
func Seeds(a *analyze.Analyzer, dir string) (*SeedReport, error) {
	files, err := filepath.Glob(filepath.Join(dir, "expected", "*.json"))
	if err != nil {
		return nil, fmt.Errorf("list seeds: %w", err)
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("%s: no expected/*.json files", dir)
	}
	sort.Strings(files)
	rep := &SeedReport{Results: map[string]*model.Result{}, Expected: map[string]*SeedExpectation{}}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			return nil, fmt.Errorf("read expectation: %w", err)
		}
		var exp SeedExpectation
		if err := json.Unmarshal(data, &exp); err != nil {
			return nil, fmt.Errorf("%s: %w", f, err)
		}
		if err := json.Unmarshal(data, &exp.Rest); err != nil {
			return nil, fmt.Errorf("%s: %w", f, err)
		}
		doc, raw, err := input.Read(filepath.Join(dir, exp.Document), input.Options{})
		if err != nil {
			return nil, err
		}
		res := a.Analyze(doc, raw, analyze.Options{})
		rep.Results[exp.Document] = res
		rep.Expected[exp.Document] = &exp
		got := map[string]string{}
		for _, v := range res.Requirements {
			got[v.ID] = v.Status
		}
		for _, r := range a.Catalog().Requirements {
			want, ok := exp.Requirements[r.ID]
			if !ok {
				continue
			}
			row := SeedRow{Document: exp.Document, ID: r.ID, Want: want.Status, Got: got[r.ID], Debatable: want.Debatable}
			rep.Rows = append(rep.Rows, row)
			if !want.Debatable {
				rep.Scored++
				if row.Want == row.Got {
					rep.Exact++
				}
			}
		}
	}
	return rep, nil
}
