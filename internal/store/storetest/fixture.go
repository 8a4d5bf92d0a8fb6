package storetest

import (
	"database/sql"
	"fmt"
	"testing"

	"github.com/art28/art28/internal/model"
	"github.com/art28/art28/internal/store"
)

// Requirement ids and levels of the sample results (a subset shaped like
// the catalog: mandatory and recommended requirements).
var sampleRequirements = []struct{ id, level string }{
	{"instructions", "mandatory"}, {"confidentiality", "mandatory"}, {"security", "mandatory"},
	{"subprocessor-authorisation", "mandatory"}, {"assist-rights", "mandatory"}, {"deletion-return", "mandatory"},
	{"audits", "mandatory"}, {"breach-notification", "recommended"},
}

// Sub-processors the samples draw from: name, country, third country,
// transfer mechanism.
var sampleSubprocessors = []model.Subprocessor{
	{Name: "IONOS SE", Country: "DE"},
	{Name: "Hetzner Online GmbH", Country: "DE"},
	{Name: "Amazon Web Services, Inc.", Country: "US", ThirdCountry: true, TransferMechanism: "data_privacy_framework"},
	{Name: "Microsoft Corporation", Country: "US", ThirdCountry: true, TransferMechanism: "standard_contractual_clauses"},
	{Name: "Zendesk, Inc.", Country: "US", ThirdCountry: true, TransferMechanism: "none"},
	{Name: "Infosys Ltd.", Country: "IN", ThirdCountry: true},
	{Name: "OVH SAS", Country: "FR"},
	{Name: "Atlassian Pty Ltd", Country: "AU", ThirdCountry: true, TransferMechanism: "standard_contractual_clauses"},
}

func intp(n int) *int { return &n }

// SampleResult builds a deterministic analysis result for the i-th
// contract of a generated portfolio: statuses, findings, sub-processors
// and deadlines vary with i so that every filter selects a part.
func SampleResult(vendor string, i int) *model.Result {
	r := &model.Result{SchemaVersion: model.SchemaVersion}
	r.Document = model.DocumentInfo{Path: fmt.Sprintf("%s-%d.txt", vendor, i), Format: "text", Language: "de",
		ToolVersion: "test-1", CatalogVersion: "cat-1", IsContract: true, Sentences: 100 + i%50}
	for j, q := range sampleRequirements {
		st := "met"
		switch (i + j) % 7 {
		case 0:
			st = "missing"
		case 1:
			st = "partial"
		}
		r.Requirements = append(r.Requirements, model.Verdict{ID: q.id, Status: st, Level: q.level, Title: q.id})
	}
	sev := []string{"high", "medium", "low", "medium", "info"}
	for j := 0; j < i%4; j++ {
		r.Findings = append(r.Findings, model.Finding{ID: fmt.Sprintf("finding-%d", j), Severity: sev[(i+j)%len(sev)], Title: "finding"})
	}
	n := i % 4
	for j := 0; j < n; j++ {
		r.Subprocessors = append(r.Subprocessors, sampleSubprocessors[(i/4+j*3)%len(sampleSubprocessors)])
	}
	if i%3 != 0 {
		r.Deadlines.BreachNoticeHours = intp(24 + 24*(i%3))
	}
	if i%2 == 0 {
		r.Deadlines.SubprocessorObjectionDays = intp(14 + i%30)
	}
	return r
}

// fixture is two organisations with an admin each.
type fixture struct {
	st     store.Store
	a, b   store.Scope
	orgA   store.Org
	orgB   store.Org
	adminA store.User
	adminB store.User
}

func newFixture(t *testing.T, st store.Store) *fixture {
	t.Helper()
	f := &fixture{st: st}
	var err error
	if f.orgA, err = st.CreateOrg(ctx(), "Org A", "org-a"); err != nil {
		t.Fatal(err)
	}
	if f.orgB, err = st.CreateOrg(ctx(), "Org B", "org-b"); err != nil {
		t.Fatal(err)
	}
	if f.adminA, err = st.CreateUser(ctx(), "a@example.org", "A", "hash-a"); err != nil {
		t.Fatal(err)
	}
	if f.adminB, err = st.CreateUser(ctx(), "b@example.org", "B", "hash-b"); err != nil {
		t.Fatal(err)
	}
	must(t, st.SetMembership(ctx(), f.adminA.ID, f.orgA.ID, store.RoleAdmin))
	must(t, st.SetMembership(ctx(), f.adminB.ID, f.orgB.ID, store.RoleAdmin))
	if f.a, err = st.ScopeFor(ctx(), f.adminA.ID, f.orgA.ID); err != nil {
		t.Fatal(err)
	}
	if f.b, err = st.ScopeFor(ctx(), f.adminB.ID, f.orgB.ID); err != nil {
		t.Fatal(err)
	}
	return f
}

// upload stores a sample contract for a vendor in a scope.
func (f *fixture) upload(t *testing.T, sc store.Scope, vendor string, i int, content string) store.UploadResult {
	t.Helper()
	res, err := f.st.AddUpload(ctx(), sc, store.Upload{VendorKey: vendor, VendorName: vendor, Filename: vendor + ".txt",
		MediaType: "text/plain", Content: []byte(content), Result: SampleResult(vendor, i)})
	if err != nil {
		t.Fatalf("upload %s: %v", vendor, err)
	}
	return res
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// rawDB is implemented by stores over database/sql; the suite uses it to
// look at what is really stored (hashes, blob counts).
type rawDB interface{ DB() *sql.DB }

// countRows counts a table's rows, or skips the test for a store without
// database access.
func countRows(t *testing.T, st store.Store, table string) int {
	t.Helper()
	db, ok := st.(rawDB)
	if !ok {
		t.Skip("store has no database/sql handle")
	}
	var n int
	if err := db.DB().QueryRow("SELECT COUNT(*) FROM " + table).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}
