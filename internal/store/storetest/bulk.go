package storetest

import (
	"fmt"
	"reflect"
	"sort"
	"testing"

	"github.com/art28/art28/internal/store"
)

func init() {
	add("BatchUploadMatchesOneByOne", testBatchMatchesSingle)
}

// bulkCase is the batch both organisations store: new vendors, a vendor
// named three times, one the organisation already has, an upload to a
// given contract, uploads without analysis (one the latest of its
// contract), repeated bytes, a title, no vendor name.
func bulkCase(existing int64) []store.Upload {
	u := func(vendor string, i int, content string) store.Upload {
		return store.Upload{VendorKey: vendor, VendorName: vendor, Filename: fmt.Sprintf("dir/%s-%d.txt", vendor, i),
			MediaType: "text/plain", Content: []byte(content), Result: SampleResult(vendor, i)}
	}
	us := []store.Upload{
		u("Alpha GmbH", 1, "alpha"),
		u("Beta AG", 2, "beta"),
		u("Existing Ltd", 3, "existing v2"),
		u("Alpha GmbH", 5, "alpha v2"),
		u("Gamma SE", 6, "same bytes"),
		u("Delta Inc.", 7, "same bytes"),
		{VendorKey: "Epsilon", VendorName: "Epsilon S.A.", Title: "  Epsilon DPA 2024 ", Filename: "e.pdf", MediaType: "application/pdf", Content: []byte("eps")},
		u("", 9, "nobody"),
		{ContractID: existing, Filename: "direct.txt", Content: []byte("direct"), Result: SampleResult("direct", 10)},
		u("Zeta BV", 11, "zeta"),
		u("Eta Oy", 14, "eta"),
		u("Theta KK", 15, "theta"),
		u("Alpha GmbH", 16, "alpha v3"),
		{VendorKey: "beta ag", Filename: "beta-2.txt", Content: []byte("beta, unreadable")},
	}
	us[1].VendorName = "Beta AG (Berlin)"
	return us
}

// testBatchMatchesSingle stores the same uploads one by one in one
// organisation and as one batch in the other and compares everything the
// store answers about them.
func testBatchMatchesSingle(t *testing.T, st store.Store) {
	f := newFixture(t, st)
	pre := func(sc store.Scope) int64 {
		r, err := st.AddUpload(ctx(), sc, store.Upload{VendorKey: "Existing Ltd", Filename: "e.txt", Content: []byte("existing"), Result: SampleResult("Existing Ltd", 4)})
		must(t, err)
		return r.Contract.ID
	}
	exA, exB := pre(f.a), pre(f.b)
	var single []store.UploadResult
	for _, u := range bulkCase(exA) {
		r, err := st.AddUpload(ctx(), f.a, u)
		must(t, err)
		single = append(single, r)
	}
	batch, err := st.AddUploads(ctx(), f.b, bulkCase(exB))
	must(t, err)
	if len(batch) != len(single) {
		t.Fatalf("AddUploads returned %d results for %d uploads", len(batch), len(single))
	}
	// Contract and vendor ids differ between the organisations: compare
	// them by their position in the batch.
	posA, posB := map[int64]int{exA: -1}, map[int64]int{exB: -1}
	for i := range single {
		a, b := single[i], batch[i]
		if _, ok := posA[a.Contract.ID]; !ok {
			posA[a.Contract.ID] = i
		}
		if _, ok := posB[b.Contract.ID]; !ok {
			posB[b.Contract.ID] = i
		}
		if posA[a.Contract.ID] != posB[b.Contract.ID] {
			t.Errorf("upload %d: contract of upload %d one by one, of upload %d in the batch", i, posA[a.Contract.ID], posB[b.Contract.ID])
		}
		if ca, cb := a.Contract, b.Contract; ca.Versions != cb.Versions || (ca.LatestAnalysisID == 0) != (cb.LatestAnalysisID == 0) ||
			cb.LatestVersionID != b.Version.ID || !reflect.DeepEqual(ca.Summary, cb.Summary) || ca.Title != cb.Title || ca.VendorName != cb.VendorName {
			t.Errorf("upload %d: contract after it %+v one by one, %+v in the batch", i, ca, cb)
		}
		if a.NewContract != b.NewContract || a.NewVendor != b.NewVendor {
			t.Errorf("upload %d: new contract/vendor %v/%v one by one, %v/%v in the batch", i, a.NewContract, a.NewVendor, b.NewContract, b.NewVendor)
		}
		va, vb := a.Version, b.Version
		if va.Number != vb.Number || va.SHA256 != vb.SHA256 || va.Filename != vb.Filename || va.MediaType != vb.MediaType || va.Size != vb.Size {
			t.Errorf("upload %d: version %+v one by one, %+v in the batch", i, va, vb)
		}
		if vb.ContractID != b.Contract.ID || vb.OrgID != f.b.OrgID || vb.ID == 0 {
			t.Errorf("upload %d: version %+v of contract %d", i, vb, b.Contract.ID)
		}
		if (a.Analysis == nil) != (b.Analysis == nil) {
			t.Fatalf("upload %d: analysis %v one by one, %v in the batch", i, a.Analysis != nil, b.Analysis != nil)
		}
		if b.Analysis != nil {
			if !reflect.DeepEqual(a.Analysis.Summary, b.Analysis.Summary) || b.Analysis.VersionID != vb.ID || b.Analysis.ContractID != b.Contract.ID {
				t.Errorf("upload %d: analysis %+v one by one, %+v in the batch", i, *a.Analysis, *b.Analysis)
			}
			got, err := st.GetAnalysis(ctx(), f.b, b.Analysis.ID)
			must(t, err)
			res, err := got.Decode()
			must(t, err)
			if len(res.Requirements) != len(SampleResult("x", 1).Requirements) || got.VersionID != vb.ID {
				t.Errorf("upload %d: stored analysis %+v", i, got)
			}
		}
	}
	// The contracts as stored.
	list := func(sc store.Scope) []store.Contract {
		p, err := st.ListContracts(ctx(), sc, store.ContractQuery{Sort: store.SortVendor, Limit: 100})
		must(t, err)
		return p.Contracts
	}
	ca, cb := list(f.a), list(f.b)
	// The unfiltered total (kept count) is the filtered one (counted).
	for _, sc := range []store.Scope{f.a, f.b} {
		all, err := st.ListContracts(ctx(), sc, store.ContractQuery{})
		must(t, err)
		counted, err := st.ListContracts(ctx(), sc, store.ContractQuery{States: store.States})
		must(t, err)
		if all.Total != counted.Total || all.Total != len(list(sc)) {
			t.Errorf("org %d: total %d, counted %d, listed %d", sc.OrgID, all.Total, counted.Total, len(list(sc)))
		}
	}
	if len(ca) != len(cb) {
		t.Fatalf("%d contracts one by one, %d in the batch", len(ca), len(cb))
	}
	for i := range ca {
		a, b := ca[i], cb[i]
		if a.VendorName != b.VendorName || a.Title != b.Title || a.State != b.State || a.Versions != b.Versions || !reflect.DeepEqual(a.Summary, b.Summary) {
			t.Errorf("contract %d: %+v one by one, %+v in the batch", i, a, b)
		}
		if (a.LatestAnalysisID == 0) != (b.LatestAnalysisID == 0) || b.LatestVersionID == 0 {
			t.Errorf("contract %d: latest version/analysis %d/%d one by one, %d/%d in the batch", i, a.LatestVersionID, a.LatestAnalysisID, b.LatestVersionID, b.LatestAnalysisID)
		}
		vs, err := st.ListVersions(ctx(), f.b, b.ID)
		must(t, err)
		if len(vs) != b.Versions || vs[0].ID != b.LatestVersionID {
			t.Errorf("contract %d: versions %+v, latest %d", i, vs, b.LatestVersionID)
		}
		if b.LatestAnalysisID != 0 {
			la, err := st.LatestAnalysis(ctx(), f.b, b.ID)
			must(t, err)
			if la.ID != b.LatestAnalysisID || la.VersionID != b.LatestVersionID {
				t.Errorf("contract %d: latest analysis %d of version %d", i, la.ID, la.VersionID)
			}
		}
		// Searching finds it by vendor and title.
		p, err := st.ListContracts(ctx(), f.b, store.ContractQuery{Search: b.Title})
		must(t, err)
		if p.Total == 0 {
			t.Errorf("contract %d: search %q finds nothing", i, b.Title)
		}
	}
	vendors := func(sc store.Scope) []string {
		vs, err := st.ListVendors(ctx(), sc)
		must(t, err)
		var out []string
		for _, v := range vs {
			out = append(out, v.Key+"|"+v.Name)
		}
		return out
	}
	if a, b := vendors(f.a), vendors(f.b); !reflect.DeepEqual(a, b) {
		t.Errorf("vendors %v one by one, %v in the batch", a, b)
	}
	// The portfolio's sub-processor views and filters.
	subs := func(sc store.Scope) ([]store.SubprocessorSummary, []store.ThirdCountryRow, [3]int) {
		ss, _, err := st.ListSubprocessors(ctx(), sc, store.SubprocessorQuery{Limit: 100})
		must(t, err)
		tc, err := st.ThirdCountries(ctx(), sc)
		must(t, err)
		var counts [3]int
		for k, q := range []store.ContractQuery{{ThirdCountry: true}, {Unprotected: true}, {Subprocessor: "amazon"}} {
			p, err := st.ListContracts(ctx(), sc, q)
			must(t, err)
			counts[k] = p.Total
		}
		return ss, tc, counts
	}
	sa, ta, na := subs(f.a)
	sb, tb, nb := subs(f.b)
	if !reflect.DeepEqual(sa, sb) || !reflect.DeepEqual(ta, tb) || na != nb {
		t.Errorf("sub-processors one by one:\n%+v\n%+v\n%v\nin the batch:\n%+v\n%+v\n%v", sa, ta, na, sb, tb, nb)
	}
	if len(sa) == 0 || len(ta) == 0 {
		t.Fatal("the case has no sub-processors")
	}
	// The same audit entries (their order may differ).
	actions := func(sc store.Scope) []string {
		es, err := st.ListAudit(ctx(), sc, store.AuditQuery{Limit: 1000})
		must(t, err)
		var out []string
		for _, e := range es {
			out = append(out, e.Action+" "+e.ObjectKind)
		}
		sort.Strings(out)
		return out
	}
	if a, b := actions(f.a), actions(f.b); !reflect.DeepEqual(a, b) {
		t.Errorf("audit one by one %v\nin the batch %v", a, b)
	}
	// Later uploads: a new version of a contract the batch made, and a new
	// contract whose ids follow those the batch reserved.
	next, err := st.AddUpload(ctx(), f.b, store.Upload{VendorKey: "Zeta BV", Filename: "z2.txt", Content: []byte("zeta 2"), Result: SampleResult("Zeta BV", 12)})
	must(t, err)
	if next.NewContract || next.Version.Number != 2 || next.Contract.ID != batch[9].Contract.ID || next.Contract.LatestVersionID != next.Version.ID {
		t.Errorf("upload after the batch: %+v", next)
	}
	fresh, err := st.AddUpload(ctx(), f.b, store.Upload{VendorKey: "Iota", Filename: "i.txt", Content: []byte("iota"), Result: SampleResult("Iota", 13)})
	must(t, err)
	for _, r := range batch {
		if r.Contract.ID == fresh.Contract.ID || r.Version.ID == fresh.Version.ID || (r.Analysis != nil && r.Analysis.ID == fresh.Analysis.ID) {
			t.Fatalf("a new upload reused an id of the batch: %+v", fresh)
		}
	}
	// Tenant isolation: org A sees none of the batch.
	for _, r := range batch {
		if _, err := st.GetContract(ctx(), f.a, r.Contract.ID); err == nil && r.Contract.ID != 0 {
			if c, _ := st.GetContract(ctx(), f.a, r.Contract.ID); c.OrgID != f.a.OrgID {
				t.Fatalf("org A reads contract %d of org B", r.Contract.ID)
			}
		}
	}
	must(t, st.Maintain(ctx()))
}
