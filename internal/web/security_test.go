package web

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/art28/art28/internal/auth"
	"github.com/art28/art28/internal/store"
)

// fillPattern turns a route pattern into a request path with the ids of
// the fixture's objects.
func fillPattern(pattern string, f *orgFixture) (method, path string) {
	method, path, _ = strings.Cut(pattern, " ")
	r := strings.NewReplacer("{$}", "", "{id}", fmt.Sprint(f.contract.ID), "{vid}", fmt.Sprint(f.version.ID),
		"{target}", "instructions", "{uid}", fmt.Sprint(f.viewer.ID), "{tid}", fmt.Sprint(f.adminTokenID))
	return method, r.Replace(path)
}

// send requests a route as c; POST routes get a minimal valid form.
func send(c *client, method, path string, api bool) (int, string) {
	if method == "GET" {
		return c.get(path)
	}
	if api && strings.HasSuffix(path, "/contracts") {
		return c.upload(path, map[string][]byte{"x.txt": []byte("Auftragsverarbeitung")}, nil)
	}
	if api {
		req, _ := http.NewRequest("POST", c.e.ts.URL+path, strings.NewReader(`{"target_kind":"finding","target_id":"x","decision":"confirm"}`))
		req.Header.Set("Content-Type", "application/json")
		return c.do(req)
	}
	if path == "/upload" {
		return c.upload(path, map[string][]byte{"x.txt": []byte("Auftragsverarbeitung")}, nil)
	}
	return c.post(path, url.Values{"decision": {"confirm"}, "state": {"accepted"}, "name": {"n"}, "role": {"viewer"}, "email": {"x@y.example"}, "password": {testPassword}, "org": {"1"}, "disabled": {"1"}})
}

// TestRouteTable walks every registered route: nothing but the public
// routes answers without a login, and each route's permission matches
// what the role table allows.
func TestRouteTable(t *testing.T) {
	e := newEnv(t, backends()[0])
	a := e.makeOrg("Alpha", "Vendor Alpha GmbH")
	seen := map[string]bool{}
	for _, rt := range e.srv.routes {
		if seen[rt.pattern] {
			t.Errorf("route %s declared twice", rt.pattern)
		}
		seen[rt.pattern] = true
		method, path := fillPattern(rt.pattern, a)
		anon := e.client()
		code, _ := send(anon, method, path, rt.api)
		switch {
		case rt.perm == auth.Public:
		case rt.api && code != http.StatusUnauthorized:
			t.Errorf("%s without token: %d, want 401", rt.pattern, code)
		case !rt.api && method == "GET" && code != http.StatusSeeOther:
			t.Errorf("%s without login: %d, want a redirect to the login", rt.pattern, code)
		case !rt.api && method == "POST" && code != http.StatusSeeOther && code != http.StatusForbidden:
			t.Errorf("%s without login: %d, want redirect or 403", rt.pattern, code)
		}
		if rt.perm == auth.Public || rt.perm == auth.Authenticated {
			continue
		}
		// A viewer may read, nothing else.
		viewer := e.client()
		viewer.login(a.viewer.Email, testPassword)
		if rt.api {
			viewer = e.bearer(a.viewerToken)
		}
		code, _ = send(viewer, method, path, rt.api)
		allowed := auth.Viewer.Can(rt.perm)
		if !allowed && code != http.StatusForbidden {
			t.Errorf("%s as viewer: %d, want 403", rt.pattern, code)
		}
		if allowed && code == http.StatusForbidden {
			t.Errorf("%s as viewer: 403, want allowed", rt.pattern)
		}
		if method != "GET" && allowed {
			t.Errorf("%s: a viewer may change state", rt.pattern)
		}
	}
	// The mux serves nothing the table does not declare (besides assets).
	c := e.client()
	c.login(a.admin.Email, testPassword)
	for _, p := range []string{"/debug/pprof/", "/admin", "/api/v1/users", "/static/../locale.yaml", "/static/../templates/login.html"} {
		if code, body := c.get(p); code == http.StatusOK || strings.Contains(body, "nav_portfolio") {
			t.Errorf("GET %s: %d, want no page", p, code)
		}
	}
}

// TestTenantIsolation checks that every route and API object of
// organisation B answers 404 to A's users and tokens, by id and by
// listing.
func TestTenantIsolation(t *testing.T) {
	forEachBackend(t, func(t *testing.T, b backend) {
		e := newEnv(t, b)
		a := e.makeOrg("Alpha", "Vendor Alpha GmbH")
		bb := e.makeOrg("Beta", "Secret Beta Supplier AG")
		admin := e.client()
		admin.login(a.admin.Email, testPassword)
		tok := e.bearer(a.adminToken)
		for _, rt := range e.srv.routes {
			if rt.perm == auth.Public || rt.perm == auth.Authenticated || rt.perm == auth.SiteAdmin {
				continue
			}
			method, path := fillPattern(rt.pattern, bb)
			c := admin
			if rt.api {
				c = tok
			}
			code, body := send(c, method, path, rt.api)
			if strings.Contains(strings.ReplaceAll(rt.pattern, "{$}", ""), "{") {
				if code != http.StatusNotFound {
					t.Errorf("%s %s with B's ids as A: %d, want 404", method, path, code)
				}
			}
			for _, secret := range []string{bb.vendor, bb.admin.Email, bb.viewer.Email, "token-beta"} {
				if strings.Contains(body, secret) {
					t.Errorf("%s %s as A shows B's %q", method, path, secret)
				}
			}
		}
		// B's own admin sees B's contract: the ids are right.
		bc := e.bearer(bb.adminToken)
		if code, body := bc.get(fmt.Sprintf("/api/v1/contracts/%d", bb.contract.ID)); code != 200 || !strings.Contains(body, bb.vendor) {
			t.Errorf("B's own contract: %d", code)
		}
		// Guessing ids around B's.
		for id := bb.contract.ID - 2; id <= bb.contract.ID+3; id++ {
			if _, err := e.st.GetContract(t.Context(), scopeOf(a), id); err == nil {
				continue // one of A's own
			}
			if code, _ := admin.get(fmt.Sprintf("/contracts/%d", id)); code != http.StatusNotFound {
				t.Errorf("contract %d as A: %d, want 404", id, code)
			}
			if code, _ := tok.get(fmt.Sprintf("/api/v1/contracts/%d", id)); code != http.StatusNotFound {
				t.Errorf("API contract %d as A: %d, want 404", id, code)
			}
		}
		// A cannot switch into B.
		if code, _ := admin.post("/org", url.Values{"org": {fmt.Sprint(bb.org.ID)}}); code != http.StatusNotFound {
			t.Errorf("switch to B: %d, want 404", code)
		}
	})
}

func TestCSRF(t *testing.T) {
	e := newEnv(t, backends()[0])
	a := e.makeOrg("Alpha", "Vendor Alpha GmbH")
	c := e.client()
	c.login(a.reviewer.Email, testPassword)
	path := fmt.Sprintf("/contracts/%d/state", a.contract.ID)
	if code, _ := c.post(path, url.Values{"state": {"accepted"}, "csrf": {""}}); code != http.StatusForbidden {
		t.Errorf("without CSRF token: %d, want 403", code)
	}
	if code, _ := c.post(path, url.Values{"state": {"accepted"}, "csrf": {"0123456789abcdef0123456789abcdef01234567"}}); code != http.StatusForbidden {
		t.Errorf("wrong CSRF token: %d, want 403", code)
	}
	// Another origin is refused even with the right token.
	form := url.Values{"state": {"accepted"}, "csrf": {c.csrf()}}
	req, _ := http.NewRequest("POST", e.ts.URL+path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Origin", "https://evil.example")
	req.Header.Set("Sec-Fetch-Site", "cross-site")
	if code, _ := c.do(req); code != http.StatusForbidden {
		t.Errorf("cross-origin: %d, want 403", code)
	}
	// A token of another session does not work.
	other := e.client()
	other.login(a.admin.Email, testPassword)
	if code, _ := c.post(path, url.Values{"state": {"accepted"}, "csrf": {other.csrf()}}); code != http.StatusForbidden {
		t.Errorf("other session's token: %d, want 403", code)
	}
	ct, _ := e.st.GetContract(t.Context(), scopeOf(a), a.contract.ID)
	if ct.State != "new" {
		t.Errorf("state changed to %s by refused requests", ct.State)
	}
	if code, _ := c.post(path, url.Values{"state": {"accepted"}}); code != http.StatusSeeOther {
		t.Errorf("with CSRF token: %d, want 303", code)
	}
}

func TestRevokedAndDisabled(t *testing.T) {
	forEachBackend(t, func(t *testing.T, b backend) {
		e := newEnv(t, b)
		a := e.makeOrg("Alpha", "Vendor Alpha GmbH")
		tok := e.bearer(a.adminToken)
		if code, _ := tok.get("/api/v1/contracts"); code != 200 {
			t.Fatalf("token before revoking: %d", code)
		}
		admin := e.client()
		admin.login(a.admin.Email, testPassword)
		if code, _ := admin.post(fmt.Sprintf("/admin/tokens/%d/revoke", a.adminTokenID), nil); code != http.StatusSeeOther {
			t.Fatalf("revoke: %d", code)
		}
		if code, _ := tok.get("/api/v1/contracts"); code != http.StatusUnauthorized {
			t.Errorf("revoked token: %d, want 401", code)
		}
		viewer := e.client()
		viewer.login(a.viewer.Email, testPassword)
		vt := e.bearer(a.viewerToken)
		if code, _ := viewer.get("/"); code != 200 {
			t.Fatalf("viewer before disabling: %d", code)
		}
		if code, _ := admin.post(fmt.Sprintf("/admin/users/%d/disable", a.viewer.ID), url.Values{"disabled": {"1"}}); code != http.StatusSeeOther {
			t.Fatalf("disable: %d", code)
		}
		if code, _ := viewer.get("/"); code != http.StatusSeeOther {
			t.Errorf("disabled user's session: %d, want redirect to login", code)
		}
		if code, _ := vt.get("/api/v1/contracts"); code != http.StatusUnauthorized {
			t.Errorf("disabled user's token: %d, want 401", code)
		}
		c := e.client()
		if code, _ := c.post("/login", url.Values{"email": {a.viewer.Email}, "password": {testPassword}}); code == http.StatusSeeOther {
			t.Error("disabled user logged in")
		}
	})
}

func TestLoginRateLimit(t *testing.T) {
	e := newEnv(t, backends()[0])
	a := e.makeOrg("Alpha", "Vendor Alpha GmbH")
	c := e.client()
	for i := 0; i < 5; i++ {
		if code, _ := c.post("/login", url.Values{"email": {a.admin.Email}, "password": {"wrong-password-" + fmt.Sprint(i)}}); code != http.StatusUnauthorized {
			t.Fatalf("failure %d: %d", i, code)
		}
	}
	if code, _ := c.post("/login", url.Values{"email": {a.admin.Email}, "password": {testPassword}}); code != http.StatusTooManyRequests {
		t.Errorf("right password after 5 failures: %d, want 429", code)
	}
	// Per address: many accounts from one address.
	for i := 0; i < 20; i++ {
		c.post("/login", url.Values{"email": {fmt.Sprintf("nobody%d@x.example", i)}, "password": {"wrong-password"}})
	}
	if code, _ := c.post("/login", url.Values{"email": {a.viewer.Email}, "password": {testPassword}}); code != http.StatusTooManyRequests {
		t.Errorf("after 25 failures from one address: %d, want 429", code)
	}
}

// TestTrustedProxy checks that X-Forwarded-* count only from a trusted
// proxy: then the session cookie is Secure and the audit log has the
// client's address.
func TestTrustedProxy(t *testing.T) {
	for _, trusted := range []bool{false, true} {
		e := newEnv(t, backends()[0], func(c *Config) {
			if trusted {
				c.TrustedProxies, _ = ParseTrustedProxies("127.0.0.1,::1")
			}
		})
		a := e.makeOrg("Alpha", "Vendor Alpha GmbH")
		form := url.Values{"email": {a.admin.Email}, "password": {testPassword}}
		req, _ := http.NewRequest("POST", e.ts.URL+"/login", strings.NewReader(form.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("X-Forwarded-Proto", "https")
		req.Header.Set("X-Forwarded-For", "203.0.113.7")
		res, err := http.DefaultTransport.RoundTrip(req)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		var secure, httpOnly bool
		for _, ck := range res.Cookies() {
			if ck.Name == sessionCookie {
				secure, httpOnly = ck.Secure, ck.HttpOnly
				if ck.SameSite != http.SameSiteLaxMode {
					t.Error("session cookie not SameSite=Lax")
				}
			}
		}
		if secure != trusted || !httpOnly {
			t.Errorf("trusted=%v: cookie Secure=%v HttpOnly=%v", trusted, secure, httpOnly)
		}
		if hsts := res.Header.Get("Strict-Transport-Security") != ""; hsts != trusted {
			t.Errorf("trusted=%v: HSTS %v", trusted, hsts)
		}
		es, err := e.st.ListAudit(t.Context(), scopeOf(a), store.AuditQuery{Action: "login"})
		if err != nil || len(es) == 0 {
			t.Fatalf("no login in the audit log: %v", err)
		}
		if got := es[0].Remote == "203.0.113.7"; got != trusted {
			t.Errorf("trusted=%v: audit remote %q", trusted, es[0].Remote)
		}
	}
}

// TestPasswordChange checks that a password change needs the current
// password and logs out the user's other sessions.
func TestPasswordChange(t *testing.T) {
	e := newEnv(t, backends()[0])
	a := e.makeOrg("Alpha", "Vendor Alpha GmbH")
	c, other := e.client(), e.client()
	c.login(a.viewer.Email, testPassword)
	other.login(a.viewer.Email, testPassword)
	if code, _ := c.post("/account/password", url.Values{"current": {"not-the-password"}, "new": {"another-long-password"}}); code != http.StatusBadRequest {
		t.Errorf("wrong current password: %d, want 400", code)
	}
	if code, _ := c.post("/account/password", url.Values{"current": {testPassword}, "new": {"short"}}); code != http.StatusBadRequest {
		t.Errorf("short new password: %d, want 400", code)
	}
	if code, _ := c.post("/account/password", url.Values{"current": {testPassword}, "new": {"another-long-password"}}); code != http.StatusSeeOther {
		t.Fatalf("change: %d", code)
	}
	if code, _ := c.get("/"); code != 200 {
		t.Errorf("own session after the change: %d", code)
	}
	if code, _ := other.get("/"); code != http.StatusSeeOther {
		t.Errorf("other session after the change: %d, want a redirect to the login", code)
	}
	if code, _ := e.client().post("/login", url.Values{"email": {a.viewer.Email}, "password": {testPassword}}); code == http.StatusSeeOther {
		t.Error("old password still works")
	}
	e.client().login(a.viewer.Email, "another-long-password")
	// Logout everywhere.
	if code, _ := c.post("/account/logout-all", nil); code != http.StatusSeeOther {
		t.Fatalf("logout everywhere: %d", code)
	}
	if code, _ := c.get("/"); code != http.StatusSeeOther {
		t.Errorf("after logout everywhere: %d", code)
	}
}
