// Package summary turns the results of a batch run into portfolio tables,
// one row per contract plus detail sheets, and writes them as XLSX or CSV.
package summary

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/art28/art28/internal/catalog"
	"github.com/art28/art28/internal/model"
)

// Severities are the finding severities counted in their own columns, most
// severe first; findings of other severities count under "other".
var Severities = []string{"high", "medium", "low", "info"}

// Table is one sheet: a header row and data rows of equal width. A cell is
// a string or an int; an empty string is an unknown value.
type Table struct {
	Name   string
	Header []string
	Rows   [][]any
}

// Tables builds the portfolio sheets from results: contracts (one row per
// contract), missing requirements, sub-processors and findings.
func Tables(results []*model.Result) []Table {
	contracts := Table{Name: "contracts", Header: contractHeader()}
	missing := Table{Name: "missing requirements", Header: []string{"file", "requirement", "article", "level", "status", "title"}}
	subs := Table{Name: "sub-processors", Header: []string{"file", "name", "country", "third_country", "transfer_mechanism", "service"}}
	findings := Table{Name: "findings", Header: []string{"file", "id", "severity", "title", "basis", "message", "suggestion"}}
	for _, r := range results {
		contracts.Rows = append(contracts.Rows, contractRow(r))
		for _, v := range r.Requirements {
			if v.Status == string(catalog.Missing) || v.Status == string(catalog.Partial) {
				missing.Rows = append(missing.Rows, []any{r.Document.Path, v.ID, v.Article, v.Level, v.Status, v.Title})
			}
		}
		for _, f := range r.Findings {
			findings.Rows = append(findings.Rows, []any{r.Document.Path, f.ID, f.Severity, f.Title, f.Basis, f.Message, f.Suggestion})
		}
		subs.Rows = append(subs.Rows, subprocessorRows(r)...)
	}
	return []Table{contracts, missing, subs, findings}
}

func contractHeader() []string {
	h := []string{"file", "language", "processor", "controller",
		"mandatory_met", "mandatory_partial", "mandatory_missing", "missing_ids"}
	for _, s := range Severities {
		h = append(h, "findings_"+s)
	}
	return append(h, "findings_other", "subprocessors", "third_country_subprocessors",
		"breach_notice_hours", "objection_days")
}

// contractRow is one contract's line of the contracts sheet. Facts the
// result does not carry stay empty.
func contractRow(r *model.Result) []any {
	var met, partial, miss int
	for _, v := range r.Requirements {
		if v.Level != string(catalog.Mandatory) {
			continue
		}
		switch v.Status {
		case string(catalog.Met):
			met++
		case string(catalog.Partial):
			partial++
		case string(catalog.Missing):
			miss++
		}
	}
	bySev := map[string]int{}
	other := 0
	for _, f := range r.Findings {
		known := false
		for _, s := range Severities {
			if f.Severity == s {
				known = true
			}
		}
		if known {
			bySev[f.Severity]++
		} else {
			other++
		}
	}
	f := facts(r)
	row := []any{r.Document.Path, r.Document.Language, f.processor, f.controller,
		met, partial, miss, strings.Join(r.Summary.MandatoryMissing, ", ")}
	for _, s := range Severities {
		row = append(row, bySev[s])
	}
	return append(row, other, f.subprocessors, f.thirdCountry, f.breachHours, f.objectionDays)
}

// contractFacts are the extracted contract facts of one row; a value is
// an int or a string, "" when the contract does not state it.
type contractFacts struct {
	processor, controller                                   string
	subprocessors, thirdCountry, breachHours, objectionDays any
}

// facts reads the extracted contract facts of a result.
func facts(r *model.Result) contractFacts {
	f := contractFacts{
		processor:     partyName(r.Parties.Processor),
		controller:    partyName(r.Parties.Controller),
		subprocessors: len(r.Subprocessors),
		breachHours:   intOrEmpty(r.Deadlines.BreachNoticeHours),
		objectionDays: intOrEmpty(r.Deadlines.SubprocessorObjectionDays),
	}
	third := 0
	for _, s := range r.Subprocessors {
		if s.ThirdCountry {
			third++
		}
	}
	f.thirdCountry = third
	return f
}

func partyName(p *model.Party) string {
	if p == nil {
		return ""
	}
	return p.Name
}

func intOrEmpty(p *int) any {
	if p == nil {
		return ""
	}
	return *p
}

// subprocessorRows lists a result's sub-processors for the sub-processors
// sheet.
func subprocessorRows(r *model.Result) [][]any {
	var rows [][]any
	for _, s := range r.Subprocessors {
		rows = append(rows, []any{r.Document.Path, s.Name, s.Country, s.ThirdCountry, s.TransferMechanism, s.Service})
	}
	return rows
}

// Write writes tables to path, as XLSX or CSV by the file's extension.
func Write(path string, tables []Table) error {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".xlsx":
		return writeXLSX(path, tables)
	case ".csv":
		return writeCSV(path, tables[0])
	}
	return fmt.Errorf("%s: unsupported summary format (want .xlsx or .csv)", path)
}
