package storetest

import (
	"errors"
	"fmt"
	"sync"
	"testing"

	"github.com/art28/art28/internal/model"
	"github.com/art28/art28/internal/store"
)

func init() {
	add("DecisionsSurviveReanalysis", testDecisions)
	add("PortfolioFilters", testPortfolio)
	add("SubprocessorViews", testSubprocessorViews)
	add("ConcurrentUploads", testConcurrentUploads)
}

func result(reqs map[string]string, findings map[string]string, subs ...model.Subprocessor) *model.Result {
	r := &model.Result{SchemaVersion: model.SchemaVersion}
	r.Document.IsContract = true
	r.Document.ToolVersion, r.Document.CatalogVersion = "t", "c"
	for _, q := range sampleRequirements {
		if st, ok := reqs[q.id]; ok {
			r.Requirements = append(r.Requirements, model.Verdict{ID: q.id, Status: st, Level: q.level})
		}
	}
	for id, sev := range findings {
		r.Findings = append(r.Findings, model.Finding{ID: id, Severity: sev})
	}
	r.Subprocessors = subs
	return r
}

func testDecisions(t *testing.T, st store.Store) {
	f := newFixture(t, st)
	res := result(map[string]string{"audits": "missing", "security": "missing", "breach-notification": "missing"},
		map[string]string{"liability-cap": "high", "no-deletion-deadline": "medium"})
	up, err := st.AddUpload(ctx(), f.a, store.Upload{VendorKey: "v", Filename: "a.txt", Content: []byte("v1"), Result: res})
	must(t, err)
	s := up.Contract.Summary
	if s.Missing != 3 || s.MandatoryMissing != 2 || s.FindingsHigh != 1 || s.FindingsMedium != 1 {
		t.Fatalf("engine summary = %+v", s)
	}
	cid := up.Contract.ID
	bad := []store.NewDecision{
		{ContractID: cid, TargetKind: store.TargetRequirement, TargetID: "audits", Decision: store.DecisionOverride, NewStatus: "met"},             // no reason
		{ContractID: cid, TargetKind: store.TargetRequirement, TargetID: "audits", Decision: store.DecisionOverride, NewStatus: "ok", Reason: "x"}, // bad status
		{ContractID: cid, TargetKind: store.TargetRequirement, TargetID: "audits", Decision: store.DecisionDismiss},
		{ContractID: cid, TargetKind: store.TargetFinding, TargetID: "x", Decision: store.DecisionOverride, NewStatus: "met", Reason: "x"},
		{ContractID: cid, TargetKind: "clause", TargetID: "x", Decision: store.DecisionAccept},
		{ContractID: cid, TargetKind: store.TargetFinding, TargetID: " ", Decision: store.DecisionConfirm},
	}
	for i, d := range bad {
		if _, err := st.AddDecision(ctx(), f.a, d); !errors.Is(err, store.ErrInvalid) {
			t.Errorf("bad decision %d: %v, want ErrInvalid", i, err)
		}
	}
	d1, err := st.AddDecision(ctx(), f.a, store.NewDecision{ContractID: cid, TargetKind: store.TargetRequirement, TargetID: "audits",
		Decision: store.DecisionOverride, NewStatus: "met", Reason: "Annex 3 § 2 grants audits"})
	must(t, err)
	if d1.UserID != f.adminA.ID || d1.AnalysisID != up.Analysis.ID || d1.VersionID != up.Version.ID {
		t.Fatalf("decision = %+v", d1)
	}
	_, err = st.AddDecision(ctx(), f.a, store.NewDecision{ContractID: cid, TargetKind: store.TargetFinding, TargetID: "liability-cap",
		Decision: store.DecisionDismiss, Reason: "negotiated separately"})
	must(t, err)
	c, err := st.GetContract(ctx(), f.a, cid)
	must(t, err)
	if c.Summary.MandatoryMissing != 1 || c.Summary.Met != 1 || c.Summary.FindingsHigh != 0 || c.LastReviewAt == nil {
		t.Fatalf("effective summary = %+v", c.Summary)
	}
	// A new version with the same requirement and finding: the decisions
	// still apply.
	up2, err := st.AddUpload(ctx(), f.a, store.Upload{VendorKey: "v", Filename: "b.txt", Content: []byte("v2"), Result: res})
	must(t, err)
	if up2.Contract.ID != cid || up2.Contract.Summary.MandatoryMissing != 1 || up2.Contract.Summary.FindingsHigh != 0 {
		t.Fatalf("summary after new version = %+v", up2.Contract.Summary)
	}
	// Re-analysis of the latest version keeps them too.
	_, err = st.AddAnalysis(ctx(), f.a, up2.Version.ID, res)
	must(t, err)
	c, err = st.GetContract(ctx(), f.a, cid)
	must(t, err)
	if c.Summary.MandatoryMissing != 1 || c.Summary.FindingsHigh != 0 {
		t.Fatalf("summary after re-analysis = %+v", c.Summary)
	}
	// A later decision replaces the earlier one; history keeps both.
	_, err = st.AddDecision(ctx(), f.a, store.NewDecision{ContractID: cid, TargetKind: store.TargetRequirement, TargetID: "audits",
		Decision: store.DecisionAccept})
	must(t, err)
	c, err = st.GetContract(ctx(), f.a, cid)
	must(t, err)
	if c.Summary.MandatoryMissing != 2 {
		t.Fatalf("accept after override: %+v", c.Summary)
	}
	hist, err := st.ListDecisions(ctx(), f.a, cid)
	must(t, err)
	cur, err := st.CurrentDecisions(ctx(), f.a, cid)
	must(t, err)
	if len(hist) != 3 || len(cur) != 2 || hist[0].Decision != store.DecisionAccept || hist[0].UserEmail != "a@example.org" {
		t.Fatalf("history %d, current %d: %+v", len(hist), len(cur), hist)
	}
	for _, d := range cur {
		if d.TargetID == "audits" && d.Decision != store.DecisionAccept {
			t.Fatalf("current decision on audits = %+v", d)
		}
	}
}

// portfolio fills an organisation with n sample contracts.
func portfolio(t *testing.T, st store.Store, sc store.Scope, n int) []store.Contract {
	t.Helper()
	var out []store.Contract
	for i := 0; i < n; i++ {
		vendor := fmt.Sprintf("Vendor %03d", i)
		r, err := st.AddUpload(ctx(), sc, store.Upload{VendorKey: vendor, VendorName: vendor, Filename: "c.txt",
			Content: []byte(fmt.Sprintf("contract %d", i)), Result: SampleResult(vendor, i)})
		must(t, err)
		out = append(out, r.Contract)
	}
	return out
}

func testPortfolio(t *testing.T, st store.Store) {
	f := newFixture(t, st)
	const n = 40
	cs := portfolio(t, st, f.a, n)
	portfolio(t, st, f.b, 5)
	// Expected counts from the sample results themselves.
	var wantUnprotected, wantThird, wantMissing, wantIONOS int
	for i := 0; i < n; i++ {
		r := SampleResult("", i)
		s := store.Summary{}
		unp, third, ionos := false, false, false
		for _, sp := range r.Subprocessors {
			third = third || sp.ThirdCountry
			unp = unp || (sp.ThirdCountry && (sp.TransferMechanism == "" || sp.TransferMechanism == "none"))
			ionos = ionos || sp.Name == "IONOS SE"
		}
		for _, q := range r.Requirements {
			if q.Status == "missing" && q.Level == "mandatory" {
				s.MandatoryMissing++
			}
		}
		if unp {
			wantUnprotected++
		}
		if third {
			wantThird++
		}
		if s.MandatoryMissing > 0 {
			wantMissing++
		}
		if ionos {
			wantIONOS++
		}
	}
	count := func(q store.ContractQuery) int {
		t.Helper()
		p, err := st.ListContracts(ctx(), f.a, q)
		must(t, err)
		return p.Total
	}
	if got := count(store.ContractQuery{}); got != n {
		t.Errorf("all: %d, want %d", got, n)
	}
	if got := count(store.ContractQuery{Unprotected: true}); got != wantUnprotected || got == 0 {
		t.Errorf("unprotected: %d, want %d", got, wantUnprotected)
	}
	if got := count(store.ContractQuery{ThirdCountry: true}); got != wantThird || got == 0 {
		t.Errorf("third country: %d, want %d", got, wantThird)
	}
	if got := count(store.ContractQuery{MandatoryMissing: true}); got != wantMissing || got == 0 {
		t.Errorf("mandatory missing: %d, want %d", got, wantMissing)
	}
	if got := count(store.ContractQuery{Subprocessor: "ionos"}); got != wantIONOS || got == 0 {
		t.Errorf("uses IONOS: %d, want %d", got, wantIONOS)
	}
	if got := count(store.ContractQuery{Search: "VENDOR 01"}); got != 10 {
		t.Errorf("search 'VENDOR 01': %d, want 10", got)
	}
	if got := count(store.ContractQuery{Search: "100%_"}); got != 0 {
		t.Errorf("search with wildcards matched %d", got)
	}
	// States, dates.
	st1, st2 := store.StateAccepted, store.StateRenegotiating
	d1, d2 := "2027-03-01", "2027-06-01"
	_, err := st.UpdateContract(ctx(), f.a, cs[0].ID, store.ContractUpdate{State: &st1, NextReview: &d1, ObjectionUntil: &d2})
	must(t, err)
	_, err = st.UpdateContract(ctx(), f.a, cs[1].ID, store.ContractUpdate{State: &st2, NextReview: &d2})
	must(t, err)
	if got := count(store.ContractQuery{States: []store.State{st1, st2}}); got != 2 {
		t.Errorf("states: %d", got)
	}
	if got := count(store.ContractQuery{ReviewDueBy: "2027-04-01"}); got != 1 {
		t.Errorf("review due: %d", got)
	}
	if got := count(store.ContractQuery{ObjectionRunningOn: "2027-05-31"}); got != 1 {
		t.Errorf("objection running: %d", got)
	}
	if got := count(store.ContractQuery{ObjectionRunningOn: "2027-06-02"}); got != 0 {
		t.Errorf("objection over: %d", got)
	}
	if got := count(store.ContractQuery{VendorID: cs[3].VendorID}); got != 1 {
		t.Errorf("vendor: %d", got)
	}
	if _, err := st.ListContracts(ctx(), f.a, store.ContractQuery{Sort: "drop table"}); !errors.Is(err, store.ErrInvalid) {
		t.Errorf("bad sort: %v", err)
	}
	if _, err := st.ListContracts(ctx(), f.a, store.ContractQuery{ReviewDueBy: "soon"}); !errors.Is(err, store.ErrInvalid) {
		t.Errorf("bad date: %v", err)
	}
	// Sorting and paging: pages are disjoint and cover everything.
	for _, sort := range []string{"", store.SortVendor, store.SortTitle, store.SortState, store.SortMandatoryMissing, store.SortFindings,
		store.SortThirdCountry, store.SortNextReview, store.SortCreated, store.SortBreachHours, store.SortObjectionDays, store.SortLastReview, store.SortUpdated} {
		for _, desc := range []bool{false, true} {
			seen := map[int64]bool{}
			var prev *store.Contract
			for off := 0; off < n; off += 7 {
				p, err := st.ListContracts(ctx(), f.a, store.ContractQuery{Sort: sort, Desc: desc, Limit: 7, Offset: off})
				must(t, err)
				for i := range p.Contracts {
					c := p.Contracts[i]
					if seen[c.ID] {
						t.Fatalf("sort %q desc %v: contract %d twice", sort, desc, c.ID)
					}
					seen[c.ID] = true
					if prev != nil && sort == store.SortVendor && (prev.VendorName > c.VendorName) != desc && prev.VendorName != c.VendorName {
						t.Fatalf("sort vendor desc %v: %q before %q", desc, prev.VendorName, c.VendorName)
					}
					if prev != nil && sort == store.SortMandatoryMissing && !desc && prev.Summary.MandatoryMissing > c.Summary.MandatoryMissing {
						t.Fatalf("sort missing: %d before %d", prev.Summary.MandatoryMissing, c.Summary.MandatoryMissing)
					}
					prev = &c
				}
			}
			if len(seen) != n {
				t.Fatalf("sort %q desc %v: %d of %d contracts", sort, desc, len(seen), n)
			}
		}
	}
	p, err := st.ListContracts(ctx(), f.a, store.ContractQuery{Sort: store.SortNextReview, Limit: 3})
	must(t, err)
	if p.Contracts[0].ID != cs[0].ID || p.Contracts[1].ID != cs[1].ID {
		t.Errorf("next review sort: dated contracts not first")
	}
}

func testSubprocessorViews(t *testing.T, st store.Store) {
	f := newFixture(t, st)
	aws := model.Subprocessor{Name: "Amazon Web Services, Inc.", Country: "US", ThirdCountry: true, TransferMechanism: "data_privacy_framework"}
	awsNone := aws
	awsNone.TransferMechanism = "none"
	ionos := model.Subprocessor{Name: "IONOS SE", Country: "DE"}
	in := model.Subprocessor{Name: "Infosys Ltd.", Country: "IN", ThirdCountry: true}
	for i, subs := range [][]model.Subprocessor{{aws, ionos}, {awsNone}, {ionos, in}, {}} {
		_, err := st.AddUpload(ctx(), f.a, store.Upload{VendorKey: fmt.Sprintf("vendor %d", i), Filename: "x", Content: []byte{byte(i)},
			Result: result(nil, nil, subs...)})
		must(t, err)
	}
	// An older version's sub-processors do not count once replaced.
	_, err := st.AddUpload(ctx(), f.a, store.Upload{VendorKey: "vendor 3", Filename: "x", Content: []byte("old"), Result: result(nil, nil, in)})
	must(t, err)
	_, err = st.AddUpload(ctx(), f.a, store.Upload{VendorKey: "vendor 3", Filename: "x", Content: []byte("new"), Result: result(nil, nil)})
	must(t, err)
	// B's use of AWS must not show.
	_, err = st.AddUpload(ctx(), f.b, store.Upload{VendorKey: "b", Filename: "x", Content: []byte("b"), Result: result(nil, nil, awsNone)})
	must(t, err)

	list, total, err := st.ListSubprocessors(ctx(), f.a, store.SubprocessorQuery{})
	must(t, err)
	if total != 3 || len(list) != 3 {
		t.Fatalf("ListSubprocessors: %d/%d %+v", len(list), total, list)
	}
	byKey := map[string]store.SubprocessorSummary{}
	for _, s := range list {
		byKey[s.Key] = s
	}
	a := byKey["amazon web services inc"]
	if a.Contracts != 2 || a.Vendors != 2 || !a.ThirdCountry || a.Unprotected != 1 || len(a.Countries) != 1 || a.Countries[0] != "US" {
		t.Errorf("AWS = %+v", a)
	}
	if io := byKey["ionos se"]; io.Contracts != 2 || io.ThirdCountry || io.Unprotected != 0 {
		t.Errorf("IONOS = %+v", io)
	}
	if inf := byKey["infosys ltd"]; inf.Contracts != 1 || inf.Unprotected != 1 {
		t.Errorf("Infosys = %+v (old version counted?)", inf)
	}
	third, total, err := st.ListSubprocessors(ctx(), f.a, store.SubprocessorQuery{ThirdCountry: true})
	must(t, err)
	if total != 2 || len(third) != 2 {
		t.Errorf("third-country sub-processors: %d", total)
	}
	search, _, err := st.ListSubprocessors(ctx(), f.a, store.SubprocessorQuery{Search: "Amazon"})
	must(t, err)
	if len(search) != 1 {
		t.Errorf("search Amazon: %+v", search)
	}
	uses, err := st.SubprocessorUsage(ctx(), f.a, "Amazon Web Services Inc")
	must(t, err)
	if len(uses) != 2 || uses[0].VendorName != "vendor 0" || uses[1].TransferMechanism != "none" {
		t.Errorf("usage of AWS = %+v", uses)
	}
	tc, err := st.ThirdCountries(ctx(), f.a)
	must(t, err)
	want := map[string]int{"IN/": 1, "US/data_privacy_framework": 1, "US/none": 1}
	if len(tc) != len(want) {
		t.Errorf("ThirdCountries = %+v", tc)
	}
	for _, r := range tc {
		if want[r.Country+"/"+r.Mechanism] != r.Contracts {
			t.Errorf("ThirdCountries row %+v", r)
		}
	}
}

// testConcurrentUploads: uploads for one vendor from many goroutines make
// one contract with consecutive versions; uploads for many vendors and
// reads of the portfolio run beside them.
func testConcurrentUploads(t *testing.T, st store.Store) {
	f := newFixture(t, st)
	const n = 12
	var wg sync.WaitGroup
	errs := make(chan error, 4*n)
	for i := 0; i < n; i++ {
		wg.Add(3)
		go func(i int) {
			defer wg.Done()
			_, err := st.AddUpload(ctx(), f.a, store.Upload{VendorKey: "Shared Vendor", Filename: "v.txt",
				Content: []byte(fmt.Sprintf("version %d", i)), Result: SampleResult("Shared Vendor", i)})
			errs <- err
		}(i)
		go func(i int) {
			defer wg.Done()
			_, err := st.AddUpload(ctx(), f.a, store.Upload{VendorKey: fmt.Sprintf("Own %d", i), Filename: "v.txt",
				Content: []byte("identical bytes"), Result: SampleResult("own", i)})
			errs <- err
		}(i)
		go func(i int) {
			defer wg.Done()
			var err error
			if i%2 == 0 {
				_, err = st.ListContracts(ctx(), f.a, store.ContractQuery{Unprotected: true})
			} else {
				// Reads that bring the aggregates up to date while
				// uploads mark them stale.
				_, _, err = st.ListSubprocessors(ctx(), f.a, store.SubprocessorQuery{})
			}
			errs <- err
		}(i)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	p, err := st.ListContracts(ctx(), f.a, store.ContractQuery{Search: "shared vendor"})
	must(t, err)
	if p.Total != 1 {
		t.Fatalf("one vendor, %d contracts", p.Total)
	}
	vs, err := st.ListVersions(ctx(), f.a, p.Contracts[0].ID)
	must(t, err)
	if len(vs) != n {
		t.Fatalf("%d versions, want %d", len(vs), n)
	}
	for i, v := range vs {
		if v.Number != n-i {
			t.Fatalf("version numbers %d at %d", v.Number, i)
		}
	}
	if got := p.Contracts[0].LatestVersionID; got != vs[0].ID {
		t.Fatalf("latest version %d, want %d", got, vs[0].ID)
	}
	p, err = st.ListContracts(ctx(), f.a, store.ContractQuery{})
	must(t, err)
	if p.Total != n+1 {
		t.Fatalf("%d contracts, want %d", p.Total, n+1)
	}
	// The aggregates agree with the rows they summarise.
	subs, _, err := st.ListSubprocessors(ctx(), f.a, store.SubprocessorQuery{})
	must(t, err)
	if len(subs) == 0 {
		t.Fatal("no sub-processors")
	}
	for _, sp := range subs {
		uses, err := st.SubprocessorUsage(ctx(), f.a, sp.Key)
		must(t, err)
		contracts, unprotected := map[int64]bool{}, map[int64]bool{}
		for _, u := range uses {
			contracts[u.ContractID] = true
			if u.ThirdCountry && (u.TransferMechanism == "" || u.TransferMechanism == "none") {
				unprotected[u.ContractID] = true
			}
		}
		if sp.Contracts != len(contracts) || sp.Unprotected != len(unprotected) {
			t.Errorf("%s: aggregate %d contracts (%d unprotected), rows %d (%d)", sp.Key, sp.Contracts, sp.Unprotected, len(contracts), len(unprotected))
		}
	}
}
