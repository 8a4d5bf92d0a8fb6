package web

import (
	"fmt"
	"html"
	"html/template"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/art28/art28/internal/store"
)

// pageSize is the number of contracts per portfolio page.
const pageSize = 50

// portfolioFilter is the portfolio's query string.
type portfolioFilter struct {
	Query, State, Sort                     string
	ThirdCountry, Unprotected, MissingOnly bool
	Offset                                 int
}

var portfolioSorts = []string{store.SortUpdated, store.SortVendor, store.SortMandatoryMissing, store.SortNextReview}

func parseFilter(q url.Values) portfolioFilter {
	f := portfolioFilter{Query: strings.TrimSpace(q.Get("q")), State: q.Get("state"), Sort: q.Get("sort"),
		ThirdCountry: q.Get("third") == "1", Unprotected: q.Get("unprotected") == "1", MissingOnly: q.Get("missing") == "1"}
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
	if f.Unprotected {
		v.Set("unprotected", "1")
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
	q := store.ContractQuery{Search: f.Query, ThirdCountry: f.ThirdCountry, Unprotected: f.Unprotected, MandatoryMissing: f.MissingOnly,
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
	LastReview                                     string
	Versions, MandatoryMissing, High, Medium, Low  int
	ThirdCountry                                   int
	BreachHours, ObjectionDays                     *int
}

func rowOf(c store.Contract) contractRow {
	return contractRow{ID: c.ID, Vendor: c.VendorName, State: string(c.State), NextReview: c.NextReview,
		Updated: c.UpdatedAt.Format("2006-01-02"), Versions: c.Versions, MandatoryMissing: c.Summary.MandatoryMissing,
		High: c.Summary.FindingsHigh + c.Summary.FindingsGrave, Medium: c.Summary.FindingsMedium, Low: c.Summary.FindingsLow,
		LastReview:   lastReview(c),
		ThirdCountry: c.Summary.ThirdCountry, BreachHours: c.Summary.BreachNoticeHours, ObjectionDays: c.Summary.SubprocessorObjectionDays}
}

func lastReview(c store.Contract) string {
	if c.LastReviewAt == nil {
		return ""
	}
	return c.LastReviewAt.UTC().Format("2006-01-02")
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
	d := map[string]any{"F": f, "Rows": rows, "RowsHTML": contractRowsHTML(rows, s.t(c.Lang, "no_contracts")), "Total": pg.Total, "States": storeStates(), "Sorts": portfolioSorts, "Query": f.query(0)}
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
			mech := u.TransferMechanism
			if mech != "" {
				if l := s.t(c.Lang, "mechanism_"+mech); !strings.HasPrefix(l, "[") {
					mech = l
				}
			}
			rows = append(rows, subRow{Name: u.Name, Country: u.Country, Mechanism: mech, Service: u.Service,
				Vendor: u.VendorName, ThirdCountry: u.ThirdCountry, ContractID: u.ContractID})
		}
	}
	return rows, nil
}

func (s *Server) subprocessors(w http.ResponseWriter, r *http.Request, c *reqCtx) error {
	q := r.URL.Query()
	// Without a search the page lists each sub-processor once with its
	// counts; a search ("Amazon") lists every contract naming it.
	var rows []subRow
	var sums []store.SubprocessorSummary
	var err error
	if strings.TrimSpace(q.Get("q")) == "" {
		sums, _, err = s.st.ListSubprocessors(r.Context(), c.Scope, store.SubprocessorQuery{ThirdCountry: q.Get("third") == "1", Limit: 1000})
	} else {
		rows, err = s.subprocessorRows(r, c)
	}
	if err != nil {
		return err
	}
	countries, err := s.st.ThirdCountries(r.Context(), c.Scope)
	if err != nil {
		return err
	}
	d := map[string]any{"Countries": countries, "Rows": rows, "Summaries": sums, "Query": q.Get("q"), "Third": q.Get("third") == "1", "RawQuery": r.URL.RawQuery}
	s.render(w, r, c, http.StatusOK, "subprocessors", s.t(c.Lang, "nav_subprocessors"), "subprocessors", d)
	return nil
}

// deadlineRow is one contract with a date in the deadlines view.
type deadlineRow struct {
	ID                              int64
	Date, Vendor, State, StateLabel string
	Overdue                         bool
	Days                            *int
}

// reviewHorizon is how far ahead the deadlines view lists reviews.
const reviewHorizon = 60 * 24 * time.Hour

func (s *Server) deadlines(w http.ResponseWriter, r *http.Request, c *reqCtx) error {
	today := s.cfg.Now().UTC().Format("2006-01-02")
	dueBy := s.cfg.Now().Add(reviewHorizon).UTC().Format("2006-01-02")
	due, err := s.st.ListContracts(r.Context(), c.Scope, store.ContractQuery{ReviewDueBy: dueBy, Sort: store.SortNextReview, Limit: 500})
	if err != nil {
		return err
	}
	obj, err := s.st.ListContracts(r.Context(), c.Scope, store.ContractQuery{ObjectionRunningOn: today, Sort: store.SortNextReview, Limit: 500})
	if err != nil {
		return err
	}
	var dr, or []deadlineRow
	for _, ct := range due.Contracts {
		dr = append(dr, deadlineRow{ID: ct.ID, Date: ct.NextReview, Vendor: ct.VendorName, State: string(ct.State),
			StateLabel: s.t(c.Lang, "state_"+string(ct.State)), Overdue: ct.NextReview < today})
	}
	for _, ct := range obj.Contracts {
		or = append(or, deadlineRow{ID: ct.ID, Date: ct.ObjectionUntil, Vendor: ct.VendorName, Days: ct.Summary.SubprocessorObjectionDays})
	}
	sort.Slice(or, func(i, j int) bool { return or[i].Date < or[j].Date })
	s.render(w, r, c, http.StatusOK, "deadlines", s.t(c.Lang, "nav_deadlines"), "deadlines", map[string]any{"Due": dr, "Objections": or, "DueBy": dueBy})
	return nil
}

// contractRowsHTML renders the portfolio table's body. It is the page's
// hot loop (up to 50 rows of 11 cells on every view), so it is written
// out here rather than in the template, where each cell costs a
// reflective call; every text is escaped with html.EscapeString.
func contractRowsHTML(rows []contractRow, empty string) template.HTML {
	if len(rows) == 0 {
		return template.HTML(`<tr><td colspan="11" class="empty">` + html.EscapeString(empty) + `</td></tr>`)
	}
	var b strings.Builder
	b.Grow(len(rows) * 600)
	num := func(class string, n int) {
		b.WriteString(`<td class="num`)
		if n > 0 && class != "" {
			b.WriteString(" " + class)
		}
		b.WriteString(`">`)
		b.WriteString(strconv.Itoa(n))
		b.WriteString("</td>")
	}
	opt := func(p *int) {
		b.WriteString(`<td class="num">`)
		if p != nil {
			b.WriteString(strconv.Itoa(*p))
		} else {
			b.WriteString("–")
		}
		b.WriteString("</td>")
	}
	for _, r := range rows {
		id := strconv.FormatInt(r.ID, 10)
		b.WriteString(`<tr><td><a href="/contracts/` + id + `">` + html.EscapeString(r.Vendor) + `</a>`)
		if r.Versions > 1 {
			b.WriteString(` <span class="muted">v` + strconv.Itoa(r.Versions) + `</span>`)
		}
		b.WriteString(`</td><td><span class="state st-` + html.EscapeString(r.State) + `">` + html.EscapeString(r.StateLabel) + `</span></td>`)
		num("bad", r.MandatoryMissing)
		num("", r.High)
		num("", r.Medium)
		num("", r.Low)
		num("warn", r.ThirdCountry)
		opt(r.BreachHours)
		opt(r.ObjectionDays)
		b.WriteString(`<td>` + html.EscapeString(r.NextReview) + `</td><td>` + html.EscapeString(r.LastReview) + "</td></tr>\n")
	}
	return template.HTML(b.String())
}
