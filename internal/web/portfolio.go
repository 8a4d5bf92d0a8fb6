package web

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/art28/art28/internal/store"
)

// pageSize is the number of contracts per portfolio page.
const pageSize = 50

// portfolioFilter is the portfolio's query string.
type portfolioFilter struct {
	Query, State, Sort        string
	ThirdCountry, MissingOnly bool
	Offset                    int
}

var portfolioSorts = []string{store.SortUpdated, store.SortVendor, store.SortMandatoryMissing, store.SortNextReview}

func parseFilter(q url.Values) portfolioFilter {
	f := portfolioFilter{Query: strings.TrimSpace(q.Get("q")), State: q.Get("state"), Sort: q.Get("sort"),
		ThirdCountry: q.Get("third") == "1", MissingOnly: q.Get("missing") == "1"}
	f.Offset, _ = strconv.Atoi(q.Get("offset"))
	f.Offset = max(f.Offset, 0)
	if !store.State(f.State).Valid() {
		f.State = ""
	}
	ok := false
	for _, s := range portfolioSorts {
		ok = ok || s == f.Sort
	}
	if !ok {
		f.Sort = store.SortUpdated
	}
	return f
}

func (f portfolioFilter) query(offset int) string {
	v := url.Values{}
	if f.Query != "" {
		v.Set("q", f.Query)
	}
	if f.State != "" {
		v.Set("state", f.State)
	}
	if f.ThirdCountry {
		v.Set("third", "1")
	}
	if f.MissingOnly {
		v.Set("missing", "1")
	}
	if f.Sort != store.SortUpdated {
		v.Set("sort", f.Sort)
	}
	if offset > 0 {
		v.Set("offset", strconv.Itoa(offset))
	}
	return v.Encode()
}

func (f portfolioFilter) storeQuery(limit int) store.ContractQuery {
	q := store.ContractQuery{Search: f.Query, ThirdCountry: f.ThirdCountry, MandatoryMissing: f.MissingOnly,
		Sort: f.Sort, Limit: limit, Offset: f.Offset}
	if f.State != "" {
		q.States = []store.State{store.State(f.State)}
	}
	if f.Sort == store.SortUpdated || f.Sort == store.SortMandatoryMissing {
		q.Desc = true
	}
	return q
}

// contractRow is one line of the portfolio table.
type contractRow struct {
	ID                                             int64
	Vendor, State, StateLabel, NextReview, Updated string
	Versions, MandatoryMissing, High, Medium, Low  int
	ThirdCountry                                   int
	BreachHours, ObjectionDays                     *int
}

func rowOf(c store.Contract) contractRow {
	return contractRow{ID: c.ID, Vendor: c.VendorName, State: string(c.State), NextReview: c.NextReview,
		Updated: c.UpdatedAt.Format("2006-01-02"), Versions: c.Versions, MandatoryMissing: c.Summary.MandatoryMissing,
		High: c.Summary.FindingsHigh + c.Summary.FindingsGrave, Medium: c.Summary.FindingsMedium, Low: c.Summary.FindingsLow,
		ThirdCountry: c.Summary.ThirdCountry, BreachHours: c.Summary.BreachNoticeHours, ObjectionDays: c.Summary.SubprocessorObjectionDays}
}

func (s *Server) portfolio(w http.ResponseWriter, r *http.Request, c *reqCtx) error {
	f := parseFilter(r.URL.Query())
	pg, err := s.st.ListContracts(r.Context(), c.Scope, f.storeQuery(pageSize))
	if err != nil {
		return err
	}
	rows := make([]contractRow, 0, len(pg.Contracts))
	for _, ct := range pg.Contracts {
		row := rowOf(ct)
		row.StateLabel = s.t(c.Lang, "state_"+row.State)
		rows = append(rows, row)
	}
	states := make([]string, len(store.States))
	for i, st := range store.States {
		states[i] = string(st)
	}
	d := map[string]any{"F": f, "Rows": rows, "Total": pg.Total, "States": states, "Sorts": portfolioSorts, "Query": f.query(0)}
	if f.Offset > 0 {
		d["Prev"] = f.query(max(f.Offset-pageSize, 0))
	}
	if f.Offset+pageSize < pg.Total {
		d["Next"] = f.query(f.Offset + pageSize)
	}
	if pg.Total > 0 {
		d["PageInfo"] = fmt.Sprintf(s.t(c.Lang, "page_of"), f.Offset+1, f.Offset+len(rows), pg.Total)
	}
	s.render(w, r, c, http.StatusOK, "portfolio", s.t(c.Lang, "nav_portfolio"), "portfolio", d)
	return nil
}

// subRow is one line of the sub-processor view: one sub-processor in one
// contract.
type subRow struct {
	Name, Country, Mechanism, Service, Vendor string
	ThirdCountry                              bool
	ContractID                                int64
}

// subprocessorRows lists the sub-processors across the organisation's
// contracts that match the filter, one row per contract naming one.
func (s *Server) subprocessorRows(r *http.Request, c *reqCtx) ([]subRow, error) {
	q := r.URL.Query()
	sums, _, err := s.st.ListSubprocessors(r.Context(), c.Scope, store.SubprocessorQuery{
		Search: strings.TrimSpace(q.Get("q")), ThirdCountry: q.Get("third") == "1", Limit: 1000})
	if err != nil {
		return nil, err
	}
	var rows []subRow
	for _, sum := range sums {
		uses, err := s.st.SubprocessorUsage(r.Context(), c.Scope, sum.Key)
		if err != nil {
			return nil, err
		}
		for _, u := range uses {
			if q.Get("third") == "1" && !u.ThirdCountry {
				continue
			}
			rows = append(rows, subRow{Name: u.Name, Country: u.Country, Mechanism: u.TransferMechanism, Service: u.Service,
				Vendor: u.VendorName, ThirdCountry: u.ThirdCountry, ContractID: u.ContractID})
		}
	}
	return rows, nil
}

func (s *Server) subprocessors(w http.ResponseWriter, r *http.Request, c *reqCtx) error {
	rows, err := s.subprocessorRows(r, c)
	if err != nil {
		return err
	}
	q := r.URL.Query()
	d := map[string]any{"Rows": rows, "Query": q.Get("q"), "Third": q.Get("third") == "1", "RawQuery": r.URL.RawQuery}
	s.render(w, r, c, http.StatusOK, "subprocessors", s.t(c.Lang, "nav_subprocessors"), "subprocessors", d)
	return nil
}
