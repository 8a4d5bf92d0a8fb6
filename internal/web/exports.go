package web

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/art28/art28/internal/catalog"
	"github.com/art28/art28/internal/model"
	"github.com/art28/art28/internal/store"
	"github.com/art28/art28/internal/summary"
)

// letter writes the letter to the vendor for the contract's open points:
// missing or partial requirements (after overrides) and findings not
// dismissed, each with its suggested clause.
func (s *Server) letter(format string) func(http.ResponseWriter, *http.Request, *reqCtx) error {
	return func(w http.ResponseWriter, r *http.Request, c *reqCtx) error {
		d, err := s.loadContract(r, c, 0)
		if err != nil {
			return err
		}
		l := LetterFor(d.Result, d.Contract.VendorName, c.Lang, d.Reqs, d.Findings)
		var b bytes.Buffer
		name := fmt.Sprintf("letter-%s.%s", Slug(d.Contract.VendorName), format)
		if format == "docx" {
			err = l.DOCX(&b)
			w.Header().Set("Content-Type", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
		} else {
			err = l.Markdown(&b)
			w.Header().Set("Content-Type", "text/markdown; charset=utf-8")
		}
		if err != nil {
			return err
		}
		s.recordExport(r, c, d.Contract.ID, "letter", format, name, b.Bytes())
		w.Header().Set("Content-Disposition", attachment(name))
		w.Write(b.Bytes())
		return nil
	}
}

// LetterFor collects a result's open points into a letter: requirements
// whose effective status is missing or partial, with the catalog's
// suggested clause, and findings not dismissed that carry a suggestion.
func LetterFor(res *model.Result, vendor, lang string, reqs, findings map[string]*decisionView) Letter {
	l := Letter{Lang: lang, Vendor: vendor}
	cat := catalog.Default()
	for _, q := range res.Requirements {
		st := q.Status
		if d, ok := reqs[q.ID]; ok && d.Status != "" {
			st = d.Status
		}
		if st != string(catalog.Missing) && st != string(catalog.Partial) {
			continue
		}
		c := cat.Requirement(q.ID)
		if c == nil || strings.TrimSpace(c.Suggestion.In(lang)) == "" {
			continue
		}
		l.Points = append(l.Points, LetterPoint{Title: c.Title.In(lang), Basis: q.Article, Clause: c.Suggestion.In(lang)})
	}
	for _, f := range res.Findings {
		if d, ok := findings[f.ID]; (ok && d.Decision == string(store.DecisionDismiss)) || strings.TrimSpace(f.Suggestion) == "" {
			continue
		}
		l.Points = append(l.Points, LetterPoint{Title: f.Title, Basis: f.Basis, Clause: f.Suggestion})
	}
	return l
}

// recordExport notes a generated download; a failure is only logged.
func (s *Server) recordExport(r *http.Request, c *reqCtx, contractID int64, kind, format, name string, content []byte) {
	if _, err := s.st.RecordExport(r.Context(), c.Scope, store.NewExport{ContractID: contractID, Kind: kind, Format: format, Filename: name}); err != nil {
		s.log.Warn("record export", "err", err)
	}
	s.audit(r, c, "export", kind, name, nil, map[string]any{"format": format, "bytes": len(content)})
}

// contractTable is the portfolio as a table, every matching contract.
func (s *Server) contractTable(r *http.Request, c *reqCtx) (summary.Table, error) {
	f := parseFilter(r.URL.Query())
	f.Offset = 0
	t := summary.Table{Name: "contracts", Header: []string{"id", "vendor", "state", "next_review", "versions", "mandatory_missing",
		"findings_high", "findings_medium", "findings_low", "findings_info", "subprocessors", "third_country_subprocessors",
		"third_country_unprotected", "breach_notice_hours", "objection_days", "updated"}}
	for {
		q := f.storeQuery(1000)
		pg, err := s.st.ListContracts(r.Context(), c.Scope, q)
		if err != nil {
			return t, err
		}
		for _, ct := range pg.Contracts {
			sm := ct.Summary
			t.Rows = append(t.Rows, []any{int(ct.ID), ct.VendorName, string(ct.State), ct.NextReview, ct.Versions, sm.MandatoryMissing,
				sm.FindingsHigh + sm.FindingsGrave, sm.FindingsMedium, sm.FindingsLow, sm.FindingsInfo, sm.Subprocessors, sm.ThirdCountry,
				sm.ThirdCountryUnprotected, intCell(sm.BreachNoticeHours), intCell(sm.SubprocessorObjectionDays), ct.UpdatedAt.UTC().Format("2006-01-02")})
		}
		f.Offset += len(pg.Contracts)
		if len(pg.Contracts) == 0 || f.Offset >= pg.Total {
			return t, nil
		}
	}
}

func intCell(p *int) any {
	if p == nil {
		return ""
	}
	return *p
}

func (s *Server) subprocessorTable(r *http.Request, c *reqCtx) (summary.Table, error) {
	rows, err := s.subprocessorRows(r, c)
	t := summary.Table{Name: "sub-processors", Header: []string{"name", "country", "third_country", "transfer_mechanism", "service", "vendor", "contract_id"}}
	for _, x := range rows {
		t.Rows = append(t.Rows, []any{x.Name, x.Country, x.ThirdCountry, x.Mechanism, x.Service, x.Vendor, int(x.ContractID)})
	}
	return t, err
}

// export writes a table as XLSX or CSV.
func (s *Server) export(table func(*http.Request, *reqCtx) (summary.Table, error), format string) func(http.ResponseWriter, *http.Request, *reqCtx) error {
	return func(w http.ResponseWriter, r *http.Request, c *reqCtx) error {
		t, err := table(r, c)
		if err != nil {
			return err
		}
		name := t.Name + "." + format
		data, err := tableBytes(t, format)
		if err != nil {
			return err
		}
		s.recordExport(r, c, 0, t.Name, format, name, data)
		if format == "xlsx" {
			w.Header().Set("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
		} else {
			w.Header().Set("Content-Type", "text/csv; charset=utf-8")
		}
		w.Header().Set("Content-Disposition", attachment(name))
		w.Write(data)
		return nil
	}
}

// tableBytes renders a table with the summary writer (through a temporary
// file, which is how that writer works).
func tableBytes(t summary.Table, format string) ([]byte, error) {
	if format == "csv" {
		var b bytes.Buffer
		cw := csv.NewWriter(&b)
		cw.Write(t.Header)
		for _, row := range t.Rows {
			rec := make([]string, len(row))
			for i, v := range row {
				rec[i] = csvCell(fmt.Sprint(v))
			}
			cw.Write(rec)
		}
		cw.Flush()
		return b.Bytes(), cw.Error()
	}
	dir, err := os.MkdirTemp("", "art28-export-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "export."+format)
	if err := summary.Write(path, []summary.Table{t}); err != nil {
		return nil, err
	}
	return os.ReadFile(path)
}

// csvCell defuses a cell a spreadsheet would read as a formula.
func csvCell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		if _, err := strconv.ParseFloat(s, 64); err != nil {
			return "'" + s
		}
	}
	return s
}

func (s *Server) thirdCountryTable(r *http.Request, c *reqCtx) (summary.Table, error) {
	rows, err := s.st.ThirdCountries(r.Context(), c.Scope)
	t := summary.Table{Name: "third-countries", Header: []string{"country", "transfer_mechanism", "subprocessors", "contracts"}}
	for _, x := range rows {
		t.Rows = append(t.Rows, []any{x.Country, x.Mechanism, x.Subprocessors, x.Contracts})
	}
	return t, err
}
