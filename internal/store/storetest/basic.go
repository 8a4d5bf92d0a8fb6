package storetest

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"testing"

	"github.com/art28/art28/internal/store"
)

func init() {
	add("OrgsAndUsers", testOrgsAndUsers)
	add("ContractLifecycle", testContractLifecycle)
	add("UploadVersions", testUploadVersions)
	add("FilesDeduplicated", testFilesDeduplicated)
	add("BatchUploadAllOrNone", testBatchUpload)
}

func testOrgsAndUsers(t *testing.T, st store.Store) {
	o, err := st.CreateOrg(ctx(), "Kanzlei Muster", "muster")
	must(t, err)
	if _, err := st.CreateOrg(ctx(), "Other", "muster"); !errors.Is(err, store.ErrConflict) {
		t.Fatalf("duplicate slug: %v, want ErrConflict", err)
	}
	got, err := st.GetOrgBySlug(ctx(), "muster")
	must(t, err)
	if got.ID != o.ID || got.Name != "Kanzlei Muster" {
		t.Fatalf("GetOrgBySlug = %+v", got)
	}
	if _, err := st.GetOrg(ctx(), o.ID+1000); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("GetOrg unknown: %v", err)
	}
	n, err := st.CountUsers(ctx())
	must(t, err)
	if n != 0 {
		t.Fatalf("CountUsers on empty store = %d", n)
	}
	u, err := st.CreateUser(ctx(), " Alice@Example.ORG ", "Alice", "$argon2id$x")
	must(t, err)
	if u.Email != "alice@example.org" {
		t.Fatalf("email not normalised: %q", u.Email)
	}
	if _, err := st.CreateUser(ctx(), "ALICE@example.org", "", "h"); !errors.Is(err, store.ErrConflict) {
		t.Fatalf("duplicate email: %v, want ErrConflict", err)
	}
	if _, err := st.CreateUser(ctx(), "no-at-sign", "", "h"); !errors.Is(err, store.ErrInvalid) {
		t.Fatalf("bad email: %v, want ErrInvalid", err)
	}
	byMail, err := st.GetUserByEmail(ctx(), "alice@EXAMPLE.org")
	must(t, err)
	if byMail.ID != u.ID || byMail.PasswordHash != "$argon2id$x" {
		t.Fatalf("GetUserByEmail = %+v", byMail)
	}
	must(t, st.SetUserPassword(ctx(), u.ID, "$argon2id$y"))
	byID, err := st.GetUser(ctx(), u.ID)
	must(t, err)
	if byID.PasswordHash != "$argon2id$y" {
		t.Fatalf("password not changed")
	}
	if err := st.SetMembership(ctx(), u.ID, o.ID, "owner"); !errors.Is(err, store.ErrInvalid) {
		t.Fatalf("unknown role: %v", err)
	}
	if _, err := st.ScopeFor(ctx(), u.ID, o.ID); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("ScopeFor without membership: %v", err)
	}
	must(t, st.SetMembership(ctx(), u.ID, o.ID, store.RoleViewer))
	must(t, st.SetMembership(ctx(), u.ID, o.ID, store.RoleReviewer))
	sc, err := st.ScopeFor(ctx(), u.ID, o.ID)
	must(t, err)
	if sc.Role != store.RoleReviewer || sc.OrgID != o.ID || sc.UserID != u.ID {
		t.Fatalf("ScopeFor = %+v", sc)
	}
	ms, err := st.Memberships(ctx(), u.ID)
	must(t, err)
	if len(ms) != 1 || ms[0].Org.ID != o.ID || ms[0].Role != store.RoleReviewer {
		t.Fatalf("Memberships = %+v", ms)
	}
	members, err := st.ListMembers(ctx(), sc)
	must(t, err)
	if len(members) != 1 || members[0].User == nil || members[0].User.Email != u.Email || members[0].User.PasswordHash != "" {
		t.Fatalf("ListMembers = %+v", members)
	}
	must(t, st.SetUserDisabled(ctx(), u.ID, true))
	if _, err := st.ScopeFor(ctx(), u.ID, o.ID); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("ScopeFor of a disabled user: %v", err)
	}
	must(t, st.SetUserDisabled(ctx(), u.ID, false))
	must(t, st.RemoveMembership(ctx(), u.ID, o.ID))
	if _, err := st.ScopeFor(ctx(), u.ID, o.ID); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("ScopeFor after removal: %v", err)
	}
	if _, err := st.ListContracts(ctx(), store.Scope{}, store.ContractQuery{}); !errors.Is(err, store.ErrInvalid) {
		t.Fatalf("empty scope: %v, want ErrInvalid", err)
	}
}

func testContractLifecycle(t *testing.T, st store.Store) {
	f := newFixture(t, st)
	v, created, err := st.EnsureVendor(ctx(), f.a, "ACME Cloud GmbH", "ACME Cloud GmbH")
	must(t, err)
	if !created || v.Key != "acme cloud gmbh" {
		t.Fatalf("EnsureVendor = %+v, %v", v, created)
	}
	v2, created, err := st.EnsureVendor(ctx(), f.a, "acme-cloud gmbh", "other name")
	must(t, err)
	if created || v2.ID != v.ID || v2.Name != "ACME Cloud GmbH" {
		t.Fatalf("EnsureVendor again = %+v, %v", v2, created)
	}
	c, err := st.CreateContract(ctx(), f.a, store.NewContract{VendorID: v.ID})
	must(t, err)
	if c.Title != "ACME Cloud GmbH" || c.State != store.StateNew || c.VendorName != v.Name || c.Summary.Analysed {
		t.Fatalf("CreateContract = %+v", c)
	}
	state, next, title := store.StateInReview, "2027-01-31", "AVV Hosting"
	u, err := st.UpdateContract(ctx(), f.a, c.ID, store.ContractUpdate{State: &state, NextReview: &next, Title: &title})
	must(t, err)
	if u.State != state || u.NextReview != next || u.Title != title {
		t.Fatalf("UpdateContract = %+v", u)
	}
	bad := store.State("done")
	if _, err := st.UpdateContract(ctx(), f.a, c.ID, store.ContractUpdate{State: &bad}); !errors.Is(err, store.ErrInvalid) {
		t.Fatalf("bad state: %v", err)
	}
	badDate := "31.01.2027"
	if _, err := st.UpdateContract(ctx(), f.a, c.ID, store.ContractUpdate{NextReview: &badDate}); !errors.Is(err, store.ErrInvalid) {
		t.Fatalf("bad date: %v", err)
	}
	empty := ""
	u, err = st.UpdateContract(ctx(), f.a, c.ID, store.ContractUpdate{NextReview: &empty})
	must(t, err)
	if u.NextReview != "" {
		t.Fatalf("date not cleared: %q", u.NextReview)
	}
	rv, err := st.RenameVendor(ctx(), f.a, v.ID, "ACME Cloud")
	must(t, err)
	if rv.Name != "ACME Cloud" || rv.Key != v.Key {
		t.Fatalf("RenameVendor = %+v", rv)
	}
	got, err := st.GetContract(ctx(), f.a, c.ID)
	must(t, err)
	if got.VendorName != "ACME Cloud" {
		t.Fatalf("contract keeps old vendor name %q", got.VendorName)
	}
	page, err := st.ListContracts(ctx(), f.a, store.ContractQuery{Search: "acme cloud"})
	must(t, err)
	if page.Total != 1 {
		t.Fatalf("search after rename: %d", page.Total)
	}
	audit, err := st.ListAudit(ctx(), f.a, store.AuditQuery{Action: "contract.update"})
	must(t, err)
	if len(audit) != 2 || audit[0].UserID != f.a.UserID || audit[0].Before == "" || audit[0].After == "" {
		t.Fatalf("audit of updates = %+v", audit)
	}
}

func testUploadVersions(t *testing.T, st store.Store) {
	f := newFixture(t, st)
	r1 := f.upload(t, f.a, "IONOS SE", 1, "Vertrag Version 1")
	if !r1.NewContract || !r1.NewVendor || r1.Version.Number != 1 || r1.Analysis == nil {
		t.Fatalf("first upload = %+v", r1)
	}
	if !r1.Contract.Summary.Analysed || r1.Contract.LatestAnalysisID != r1.Analysis.ID || r1.Contract.LatestVersionID != r1.Version.ID {
		t.Fatalf("contract after upload = %+v", r1.Contract)
	}
	r2 := f.upload(t, f.a, "ionos se", 2, "Vertrag Version 2")
	if r2.NewContract || r2.NewVendor || r2.Contract.ID != r1.Contract.ID || r2.Version.Number != 2 || r2.Contract.Versions != 2 {
		t.Fatalf("second upload = %+v", r2)
	}
	vs, err := st.ListVersions(ctx(), f.a, r1.Contract.ID)
	must(t, err)
	if len(vs) != 2 || vs[0].Number != 2 || vs[1].Number != 1 {
		t.Fatalf("ListVersions = %+v", vs)
	}
	v, content, err := st.ReadVersionFile(ctx(), f.a, r1.Version.ID)
	must(t, err)
	if string(content) != "Vertrag Version 1" || v.Filename != "IONOS SE.txt" || v.Size != int64(len(content)) {
		t.Fatalf("ReadVersionFile = %+v %q", v, content)
	}
	a, err := st.LatestAnalysis(ctx(), f.a, r1.Contract.ID)
	must(t, err)
	if a.VersionID != r2.Version.ID || a.ToolVersion != "test-1" || a.CatalogVersion != "cat-1" {
		t.Fatalf("LatestAnalysis = %+v", a)
	}
	res, err := a.Decode()
	must(t, err)
	if res.Document.Path != "ionos se-2.txt" {
		t.Fatalf("decoded result path %q", res.Document.Path)
	}
	as, err := st.ListAnalyses(ctx(), f.a, r1.Contract.ID)
	must(t, err)
	if len(as) != 2 || as[0].Result != nil {
		t.Fatalf("ListAnalyses = %d entries", len(as))
	}
	// A version without an analysis clears the contract's summary until
	// one is stored; re-analysis of the latest version restores it.
	v3, err := st.AddVersion(ctx(), f.a, r1.Contract.ID, store.NewVersion{Filename: "../../etc/v3.pdf", Content: []byte("v3")})
	must(t, err)
	if v3.Number != 3 || v3.Filename != "v3.pdf" {
		t.Fatalf("AddVersion = %+v", v3)
	}
	c, err := st.GetContract(ctx(), f.a, r1.Contract.ID)
	must(t, err)
	if c.Summary.Analysed || c.LatestAnalysisID != 0 {
		t.Fatalf("contract after unanalysed version = %+v", c.Summary)
	}
	a3, err := st.AddAnalysis(ctx(), f.a, v3.ID, SampleResult("IONOS SE", 3))
	must(t, err)
	c, err = st.GetContract(ctx(), f.a, r1.Contract.ID)
	must(t, err)
	if c.LatestAnalysisID != a3.ID || !c.Summary.Analysed {
		t.Fatalf("contract after analysis = %+v", c)
	}
	// Re-analysing an older version does not make it the latest.
	if _, err := st.AddAnalysis(ctx(), f.a, r1.Version.ID, SampleResult("IONOS SE", 9)); err != nil {
		t.Fatal(err)
	}
	c, err = st.GetContract(ctx(), f.a, r1.Contract.ID)
	must(t, err)
	if c.LatestAnalysisID != a3.ID {
		t.Fatalf("old version's analysis became latest")
	}
	if want := a3.Summary; c.Summary.Met != want.Met || c.Summary.Missing != want.Missing || c.Summary.Subprocessors != want.Subprocessors {
		t.Fatalf("old version's analysis changed the summary: %+v, want %+v", c.Summary, want)
	}
	// Explicit contract id.
	r4, err := st.AddUpload(ctx(), f.a, store.Upload{ContractID: r1.Contract.ID, Filename: "x.txt", Content: []byte("v4")})
	must(t, err)
	if r4.Contract.ID != r1.Contract.ID || r4.Version.Number != 4 || r4.Analysis != nil {
		t.Fatalf("upload to contract = %+v", r4)
	}
}

func testFilesDeduplicated(t *testing.T, st store.Store) {
	f := newFixture(t, st)
	r1 := f.upload(t, f.a, "Vendor One", 1, "same bytes")
	r2 := f.upload(t, f.a, "Vendor Two", 2, "same bytes")
	if r1.Version.SHA256 != r2.Version.SHA256 || r1.Contract.ID == r2.Contract.ID {
		t.Fatalf("same content, different sha or same contract")
	}
	if sum := sha256.Sum256([]byte("same bytes")); r1.Version.SHA256 != hex.EncodeToString(sum[:]) {
		t.Fatalf("sha256 %q", r1.Version.SHA256)
	}
	content, fi, err := st.ReadFile(ctx(), f.a, r1.Version.SHA256)
	must(t, err)
	if string(content) != "same bytes" || fi.Size != 10 {
		t.Fatalf("ReadFile = %q %+v", content, fi)
	}
	if n := countRows(t, st, "blobs"); n != 1 {
		t.Fatalf("blobs = %d, want 1", n)
	}
}

func testBatchUpload(t *testing.T, st store.Store) {
	f := newFixture(t, st)
	batch := []store.Upload{
		{VendorKey: "Batch One", Filename: "1.txt", Content: []byte("one"), Result: SampleResult("one", 1)},
		{VendorKey: "Batch Two", Filename: "2.txt", Content: []byte("two"), Result: SampleResult("two", 2)},
		{VendorKey: "Batch One", Filename: "1b.txt", Content: []byte("one b"), Result: SampleResult("one", 3)},
	}
	res, err := st.AddUploads(ctx(), f.a, batch)
	must(t, err)
	if len(res) != 3 || !res[0].NewContract || res[2].NewContract || res[2].Contract.ID != res[0].Contract.ID || res[2].Version.Number != 2 {
		t.Fatalf("AddUploads = %+v", res)
	}
	// One bad upload (a contract of another organisation) rolls back the
	// whole batch.
	other := f.upload(t, f.b, "B", 1, "b")
	bad := []store.Upload{
		{VendorKey: "Batch Three", Filename: "3.txt", Content: []byte("three"), Result: SampleResult("three", 1)},
		{ContractID: other.Contract.ID, Filename: "x.txt", Content: []byte("x")},
	}
	if _, err := st.AddUploads(ctx(), f.a, bad); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("batch with a foreign contract: %v", err)
	}
	p, err := st.ListContracts(ctx(), f.a, store.ContractQuery{Search: "batch three"})
	must(t, err)
	if p.Total != 0 {
		t.Fatal("a failed batch left a contract behind")
	}
	must(t, st.Maintain(ctx()))
}
