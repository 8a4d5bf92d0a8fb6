package storetest

import (
	"errors"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/art28/art28/internal/model"
	"github.com/art28/art28/internal/store"
)

func init() {
	add("TenantIsolation", testTenantIsolation)
	add("SessionsHashedAndChecked", testSessions)
	add("APITokens", testAPITokens)
	add("AuditAppendOnly", testAudit)
}

// testTenantIsolation: every object of organisation B answers ErrNotFound
// to A's scope, by id and by listing, and A's writes to B's ids fail.
func testTenantIsolation(t *testing.T, st store.Store) {
	f := newFixture(t, st)
	rb := f.upload(t, f.b, "Secret Vendor B", 1, "B's contract")
	// A sub-processor and a third country only B's contract names.
	secretSub := model.Subprocessor{Name: "Secret Sub Ltd", Country: "CN", ThirdCountry: true, TransferMechanism: "none"}
	rbSub, err := st.AddUpload(ctx(), f.b, store.Upload{VendorKey: "Secret Vendor B2", Filename: "b2.txt", Content: []byte("B2"),
		Result: result(nil, nil, secretSub)})
	must(t, err)
	ra := f.upload(t, f.a, "Vendor A", 2, "A's contract")
	cb := rb.Contract
	var dec store.Decision
	dec, err = st.AddDecision(ctx(), f.b, store.NewDecision{ContractID: cb.ID, TargetKind: store.TargetFinding,
		TargetID: "finding-0", Decision: store.DecisionConfirm})
	must(t, err)
	exp, err := st.RecordExport(ctx(), f.b, store.NewExport{ContractID: cb.ID, Kind: "letter", Format: "md", Filename: "letter.md", Content: []byte("Dear B")})
	must(t, err)
	tok := strings.Repeat("b", 40)
	tb, err := st.CreateAPIToken(ctx(), f.b, tok, "script", store.RoleViewer, nil)
	must(t, err)
	a := f.a
	notFound := func(what string, err error) {
		t.Helper()
		if !errors.Is(err, store.ErrNotFound) {
			t.Errorf("%s of org B in org A's scope: %v, want ErrNotFound", what, err)
		}
	}
	_, err = st.GetContract(ctx(), a, cb.ID)
	notFound("GetContract", err)
	_, err = st.GetVendor(ctx(), a, cb.VendorID)
	notFound("GetVendor", err)
	_, err = st.GetVersion(ctx(), a, rb.Version.ID)
	notFound("GetVersion", err)
	_, _, err = st.ReadVersionFile(ctx(), a, rb.Version.ID)
	notFound("ReadVersionFile", err)
	_, _, err = st.ReadFile(ctx(), a, rb.Version.SHA256)
	notFound("ReadFile", err)
	_, err = st.ListVersions(ctx(), a, cb.ID)
	notFound("ListVersions", err)
	_, err = st.GetAnalysis(ctx(), a, rb.Analysis.ID)
	notFound("GetAnalysis", err)
	_, err = st.LatestAnalysis(ctx(), a, cb.ID)
	notFound("LatestAnalysis", err)
	_, err = st.ListAnalyses(ctx(), a, cb.ID)
	notFound("ListAnalyses", err)
	_, err = st.ListDecisions(ctx(), a, cb.ID)
	notFound("ListDecisions", err)
	_, err = st.CurrentDecisions(ctx(), a, cb.ID)
	notFound("CurrentDecisions", err)
	_, err = st.GetExport(ctx(), a, exp.ID)
	notFound("GetExport", err)
	_, _, err = st.ReadExport(ctx(), a, exp.ID)
	notFound("ReadExport", err)
	_, err = st.ListExports(ctx(), a, cb.ID)
	notFound("ListExports by contract", err)
	// Writes.
	state := store.StateAccepted
	_, err = st.UpdateContract(ctx(), a, cb.ID, store.ContractUpdate{State: &state})
	notFound("UpdateContract", err)
	vid := cb.VendorID
	_, err = st.UpdateContract(ctx(), a, ra.Contract.ID, store.ContractUpdate{VendorID: &vid})
	notFound("UpdateContract to B's vendor", err)
	_, err = st.RenameVendor(ctx(), a, cb.VendorID, "pwned")
	notFound("RenameVendor", err)
	_, err = st.CreateContract(ctx(), a, store.NewContract{VendorID: cb.VendorID})
	notFound("CreateContract with B's vendor", err)
	_, err = st.AddVersion(ctx(), a, cb.ID, store.NewVersion{Filename: "x", Content: []byte("x")})
	notFound("AddVersion", err)
	_, err = st.AddUpload(ctx(), a, store.Upload{ContractID: cb.ID, Filename: "x", Content: []byte("x")})
	notFound("AddUpload to B's contract", err)
	_, err = st.AddAnalysis(ctx(), a, rb.Version.ID, SampleResult("x", 1))
	notFound("AddAnalysis", err)
	_, err = st.AddDecision(ctx(), a, store.NewDecision{ContractID: cb.ID, TargetKind: store.TargetFinding, TargetID: "finding-0", Decision: store.DecisionDismiss})
	notFound("AddDecision", err)
	_, err = st.RecordExport(ctx(), a, store.NewExport{ContractID: cb.ID, Kind: "letter", Format: "md"})
	notFound("RecordExport for B's contract", err)
	notFound("RevokeAPIToken", st.RevokeAPIToken(ctx(), a, tb.ID))
	// Uploading B's exact bytes into A does not give A B's version: A
	// gets its own file row and B's stays unreachable by B's ids.
	ra2 := f.upload(t, a, "Copy", 3, "B's contract")
	if ra2.Version.SHA256 != rb.Version.SHA256 {
		t.Fatal("same bytes, different hash")
	}
	_, err = st.GetVersion(ctx(), a, rb.Version.ID)
	notFound("GetVersion after same upload", err)
	// Listings.
	page, err := st.ListContracts(ctx(), a, store.ContractQuery{Limit: 1000})
	must(t, err)
	for _, c := range page.Contracts {
		if c.OrgID != a.OrgID || c.ID == cb.ID {
			t.Errorf("A lists contract %d of org %d", c.ID, c.OrgID)
		}
	}
	page, err = st.ListContracts(ctx(), a, store.ContractQuery{Search: "secret vendor"})
	must(t, err)
	if page.Total != 0 {
		t.Errorf("A finds B's contract by search")
	}
	vendors, err := st.ListVendors(ctx(), a)
	must(t, err)
	for _, v := range vendors {
		if v.OrgID != a.OrgID {
			t.Errorf("A lists vendor %+v", v)
		}
	}
	exports, err := st.ListExports(ctx(), a, 0)
	must(t, err)
	if len(exports) != 0 {
		t.Errorf("A lists B's exports: %+v", exports)
	}
	tokens, err := st.ListAPITokens(ctx(), a)
	must(t, err)
	if len(tokens) != 0 {
		t.Errorf("A lists B's tokens")
	}
	members, err := st.ListMembers(ctx(), a)
	must(t, err)
	for _, m := range members {
		if m.UserID == f.adminB.ID {
			t.Errorf("A lists B's admin")
		}
	}
	subs, _, err := st.ListSubprocessors(ctx(), a, store.SubprocessorQuery{})
	must(t, err)
	bSubs, _, err := st.ListSubprocessors(ctx(), f.b, store.SubprocessorQuery{})
	must(t, err)
	for _, s := range bSubs {
		uses, err := st.SubprocessorUsage(ctx(), a, s.Key)
		must(t, err)
		for _, u := range uses {
			if u.ContractID == cb.ID {
				t.Errorf("A sees B's contract among the users of %s", s.Key)
			}
		}
	}
	for _, s := range subs {
		if s.Key == "secret sub ltd" {
			t.Errorf("A lists B's sub-processor")
		}
	}
	found := false
	for _, s := range bSubs {
		found = found || s.Key == "secret sub ltd"
	}
	if !found {
		t.Fatalf("B does not see its own sub-processor: %+v", bSubs)
	}
	if uses, err := st.SubprocessorUsage(ctx(), a, "Secret Sub Ltd"); err != nil || len(uses) != 0 {
		t.Errorf("A sees the users of B's sub-processor: %+v, %v", uses, err)
	}
	if p, err := st.ListContracts(ctx(), a, store.ContractQuery{Subprocessor: "secret sub"}); err != nil || p.Total != 0 {
		t.Errorf("A filters by B's sub-processor: %+v, %v", p, err)
	}
	if p, err := st.ListContracts(ctx(), f.b, store.ContractQuery{Subprocessor: "secret sub"}); err != nil || p.Total != 1 || p.Contracts[0].ID != rbSub.Contract.ID {
		t.Errorf("B's own filter by its sub-processor: %+v, %v", p, err)
	}
	tc, err := st.ThirdCountries(ctx(), a)
	must(t, err)
	for _, r := range tc {
		if r.Country == "CN" {
			t.Errorf("A's third countries include B's: %+v", r)
		}
	}
	tcB, err := st.ThirdCountries(ctx(), f.b)
	must(t, err)
	found = false
	for _, r := range tcB {
		found = found || r.Country == "CN"
	}
	if !found {
		t.Errorf("B's third countries lack its own: %+v", tcB)
	}
	audit, err := st.ListAudit(ctx(), a, store.AuditQuery{Limit: 1000})
	must(t, err)
	for _, e := range audit {
		if e.OrgID != a.OrgID {
			t.Errorf("A reads audit entry of org %d: %+v", e.OrgID, e)
		}
		if e.ObjectKind == "contract" && e.ObjectID == idStr(cb.ID) && e.Action != "contract.create" {
			t.Errorf("A reads an audit entry about B's contract: %+v", e)
		}
	}
	// B still sees its own objects unchanged.
	got, err := st.GetContract(ctx(), f.b, cb.ID)
	must(t, err)
	if got.State != store.StateNew || got.VendorName != "Secret Vendor B" {
		t.Errorf("B's contract changed: %+v", got)
	}
	ds, err := st.ListDecisions(ctx(), f.b, cb.ID)
	must(t, err)
	if len(ds) != 1 || ds[0].ID != dec.ID {
		t.Errorf("B's decisions: %+v", ds)
	}
}

func idStr(id int64) string { return strconv.FormatInt(id, 10) }

// testSessions: secrets are stored hashed; expired sessions, disabled
// users and logout everywhere end a session at once.
func testSessions(t *testing.T, st store.Store) {
	f := newFixture(t, st)
	secret := "session-secret-0123456789abcdef"
	s, err := st.CreateSession(ctx(), secret, f.adminA.ID, f.orgA.ID, time.Now().Add(time.Hour))
	must(t, err)
	if s.ID == secret || s.ID != store.HashSecret(secret) {
		t.Fatalf("session id is not the hash of the secret")
	}
	got, u, err := st.GetSession(ctx(), secret)
	must(t, err)
	if got.UserID != f.adminA.ID || u.ID != f.adminA.ID || got.OrgID != f.orgA.ID {
		t.Fatalf("GetSession = %+v %+v", got, u)
	}
	if _, _, err := st.GetSession(ctx(), store.HashSecret(secret)); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("the stored hash works as a secret: %v", err)
	}
	must(t, st.SetSessionOrg(ctx(), secret, f.orgB.ID))
	must(t, st.TouchSession(ctx(), secret, time.Now().Add(2*time.Hour)))
	got, _, err = st.GetSession(ctx(), secret)
	must(t, err)
	if got.OrgID != f.orgB.ID || got.ExpiresAt.Before(time.Now().Add(90*time.Minute)) {
		t.Fatalf("after touch: %+v", got)
	}
	if db, ok := st.(rawDB); ok {
		var n int
		must(t, db.DB().QueryRow(rebind(st, "SELECT COUNT(*) FROM sessions WHERE id = ?"), secret).Scan(&n))
		if n != 0 {
			t.Fatal("session secret stored in clear")
		}
	}
	// Expired.
	old := "expired-secret-0123456789abcdef"
	_, err = st.CreateSession(ctx(), old, f.adminA.ID, 0, time.Now().Add(-time.Second))
	must(t, err)
	if _, _, err := st.GetSession(ctx(), old); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("expired session: %v", err)
	}
	n, err := st.DeleteExpiredSessions(ctx())
	must(t, err)
	if n != 1 {
		t.Fatalf("DeleteExpiredSessions = %d", n)
	}
	// Disabled user: refused at once.
	must(t, st.SetUserDisabled(ctx(), f.adminA.ID, true))
	if _, _, err := st.GetSession(ctx(), secret); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("session of disabled user: %v", err)
	}
	must(t, st.SetUserDisabled(ctx(), f.adminA.ID, false))
	if _, _, err := st.GetSession(ctx(), secret); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("disabling did not end the session: %v", err)
	}
	// Logout everywhere.
	for _, sec := range []string{"s1-0123456789abcdef", "s2-0123456789abcdef"} {
		_, err := st.CreateSession(ctx(), sec, f.adminA.ID, 0, time.Now().Add(time.Hour))
		must(t, err)
	}
	other := "other-user-0123456789abcdef"
	_, err = st.CreateSession(ctx(), other, f.adminB.ID, 0, time.Now().Add(time.Hour))
	must(t, err)
	must(t, st.DeleteUserSessions(ctx(), f.adminA.ID))
	for _, sec := range []string{"s1-0123456789abcdef", "s2-0123456789abcdef"} {
		if _, _, err := st.GetSession(ctx(), sec); !errors.Is(err, store.ErrNotFound) {
			t.Fatalf("session survived logout everywhere")
		}
	}
	if _, _, err := st.GetSession(ctx(), other); err != nil {
		t.Fatalf("another user's session ended: %v", err)
	}
	must(t, st.DeleteSession(ctx(), other))
	if _, _, err := st.GetSession(ctx(), other); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("deleted session: %v", err)
	}
	if _, err := st.CreateSession(ctx(), "short", f.adminA.ID, 0, time.Now().Add(time.Hour)); !errors.Is(err, store.ErrInvalid) {
		t.Fatalf("short secret: %v", err)
	}
}

// rebind adapts ? placeholders for a raw query on PostgreSQL.
func rebind(st store.Store, q string) string {
	if st.Backend() != "postgres" {
		return q
	}
	return strings.Replace(q, "?", "$1", 1)
}

// testAPITokens: hashed, scoped, revocable, and refused at once for a
// disabled user or a user no longer a member.
func testAPITokens(t *testing.T, st store.Store) {
	f := newFixture(t, st)
	viewer, err := st.CreateUser(ctx(), "viewer@example.org", "", "h")
	must(t, err)
	must(t, st.SetMembership(ctx(), viewer.ID, f.orgA.ID, store.RoleViewer))
	vs, err := st.ScopeFor(ctx(), viewer.ID, f.orgA.ID)
	must(t, err)
	secret := "art28_" + strings.Repeat("x", 40)
	tok, err := st.CreateAPIToken(ctx(), vs, secret, "nightly export", store.RoleAdmin, nil)
	must(t, err)
	sc, got, err := st.LookupAPIToken(ctx(), secret)
	must(t, err)
	if got.ID != tok.ID || sc.OrgID != f.orgA.ID || sc.UserID != viewer.ID {
		t.Fatalf("LookupAPIToken = %+v %+v", sc, got)
	}
	if sc.Role != store.RoleViewer {
		t.Fatalf("token role %s exceeds the membership: scope role %s", tok.Role, sc.Role)
	}
	if got.LastUsedAt == nil {
		t.Fatal("last use not recorded")
	}
	if _, _, err := st.LookupAPIToken(ctx(), store.HashSecret(secret)); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("the stored hash works as a token: %v", err)
	}
	if db, ok := st.(rawDB); ok {
		var n int
		must(t, db.DB().QueryRow(rebind(st, "SELECT COUNT(*) FROM api_tokens WHERE token_hash = ?"), secret).Scan(&n))
		if n != 0 {
			t.Fatal("token stored in clear")
		}
	}
	// Not a member: cannot create a token there.
	if _, err := st.CreateAPIToken(ctx(), store.Scope{OrgID: f.orgB.ID, UserID: viewer.ID}, secret+"2", "x", store.RoleViewer, nil); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("token in a foreign organisation: %v", err)
	}
	// Disabled user.
	must(t, st.SetUserDisabled(ctx(), viewer.ID, true))
	if _, _, err := st.LookupAPIToken(ctx(), secret); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("token of disabled user: %v", err)
	}
	must(t, st.SetUserDisabled(ctx(), viewer.ID, false))
	if _, _, err := st.LookupAPIToken(ctx(), secret); err != nil {
		t.Fatalf("re-enabled: %v", err)
	}
	// Membership removed.
	must(t, st.RemoveMembership(ctx(), viewer.ID, f.orgA.ID))
	if _, _, err := st.LookupAPIToken(ctx(), secret); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("token of a former member: %v", err)
	}
	must(t, st.SetMembership(ctx(), viewer.ID, f.orgA.ID, store.RoleReviewer))
	sc, _, err = st.LookupAPIToken(ctx(), secret)
	must(t, err)
	if sc.Role != store.RoleReviewer {
		t.Fatalf("role after promotion: %s", sc.Role)
	}
	// Revoked.
	must(t, st.RevokeAPIToken(ctx(), f.a, tok.ID))
	if _, _, err := st.LookupAPIToken(ctx(), secret); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("revoked token: %v", err)
	}
	list, err := st.ListAPITokens(ctx(), f.a)
	must(t, err)
	if len(list) != 1 || list[0].RevokedAt == nil {
		t.Fatalf("ListAPITokens = %+v", list)
	}
	// Expired.
	past := time.Now().Add(-time.Minute)
	sec2 := "art28_" + strings.Repeat("y", 40)
	_, err = st.CreateAPIToken(ctx(), f.a, sec2, "old", store.RoleViewer, &past)
	must(t, err)
	if _, _, err := st.LookupAPIToken(ctx(), sec2); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("expired token: %v", err)
	}
	if _, _, err := st.LookupAPIToken(ctx(), "unknown-token-0123456789"); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("unknown token: %v", err)
	}
}

// testAudit: changes are logged with actor and before/after; entries of
// no organisation are kept apart.
func testAudit(t *testing.T, st store.Store) {
	f := newFixture(t, st)
	r := f.upload(t, f.a, "Audited", 1, "content")
	state := store.StateRenegotiating
	_, err := st.UpdateContract(ctx(), f.a, r.Contract.ID, store.ContractUpdate{State: &state})
	must(t, err)
	_, err = st.AddDecision(ctx(), f.a, store.NewDecision{ContractID: r.Contract.ID, TargetKind: store.TargetRequirement,
		TargetID: "audits", Decision: store.DecisionOverride, NewStatus: "met", Reason: "Annex 3 covers it"})
	must(t, err)
	must(t, st.AppendAudit(ctx(), store.AuditEntry{Action: "login.failed", ObjectKind: "user", ObjectID: "mallory@example.org", Remote: "192.0.2.1"}))
	must(t, st.AppendAudit(ctx(), store.AuditEntry{OrgID: f.orgA.ID, UserID: f.adminA.ID, Action: "export.download", ObjectKind: "contract"}))
	if err := st.AppendAudit(ctx(), store.AuditEntry{}); !errors.Is(err, store.ErrInvalid) {
		t.Fatalf("entry without action: %v", err)
	}
	entries, err := st.ListAudit(ctx(), f.a, store.AuditQuery{})
	must(t, err)
	actions := map[string]store.AuditEntry{}
	for _, e := range entries {
		if _, seen := actions[e.Action]; !seen {
			actions[e.Action] = e
		}
	}
	for _, want := range []string{"vendor.create", "contract.create", "version.add", "analysis.add", "contract.update", "decision.add", "export.download", "membership.set"} {
		if _, ok := actions[want]; !ok {
			t.Errorf("no audit entry %s in %v", want, keys(actions))
		}
	}
	up := actions["contract.update"]
	if up.UserID != f.adminA.ID || up.UserEmail != "a@example.org" || !strings.Contains(up.Before, `"new"`) || !strings.Contains(up.After, `"renegotiating"`) {
		t.Errorf("contract.update entry = %+v", up)
	}
	dec := actions["decision.add"]
	if !strings.Contains(dec.After, "Annex 3 covers it") {
		t.Errorf("decision entry = %+v", dec)
	}
	sys, err := st.ListSystemAudit(ctx(), store.AuditQuery{Action: "login.failed"})
	must(t, err)
	if len(sys) != 1 || sys[0].Remote != "192.0.2.1" || sys[0].OrgID != 0 {
		t.Errorf("system audit = %+v", sys)
	}
	for _, e := range entries {
		if e.Action == "login.failed" {
			t.Errorf("system entry in the organisation's log")
		}
	}
	// Newest first, paged.
	p1, err := st.ListAudit(ctx(), f.a, store.AuditQuery{Limit: 2})
	must(t, err)
	p2, err := st.ListAudit(ctx(), f.a, store.AuditQuery{Limit: 2, Offset: 2})
	must(t, err)
	if len(p1) != 2 || len(p2) != 2 || p1[0].ID <= p1[1].ID || p1[1].ID <= p2[0].ID {
		t.Errorf("paging: %v %v", p1, p2)
	}
}

func keys(m map[string]store.AuditEntry) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}
