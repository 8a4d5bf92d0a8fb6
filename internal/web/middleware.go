package web

import (
	"bytes"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"runtime"
	"strings"

	"github.com/art28/art28/internal/analyze"
	"github.com/art28/art28/internal/auth"
	"github.com/art28/art28/internal/store"
)

// handlerFunc is a route handler; its error becomes the response.
type handlerFunc = func(http.ResponseWriter, *http.Request, *reqCtx) error

// route is one entry of the route table: a ServeMux pattern, the
// permission it requires, whether it is part of the JSON API, and its
// handler.
type route struct {
	pattern string
	perm    auth.Permission
	api     bool
	h       handlerFunc
}

// reqCtx is what the middleware learned about a request: who asks, in
// which organisation, with which role, in which language.
type reqCtx struct {
	User   *store.User
	Token  *store.APIToken
	Scope  store.Scope
	Orgs   []orgItem
	Lang   string
	CSRF   string
	secret string // the session cookie's value
	API    bool
}

// orgItem is one of the user's organisations.
type orgItem struct {
	ID   int64
	Name string
	Role store.Role
}

// role returns the request's role in its organisation as auth sees it.
func (c *reqCtx) role() auth.Role { return auth.Role(c.Scope.Role) }

// orgName returns the name of the current organisation.
func (c *reqCtx) orgName() string {
	for _, o := range c.Orgs {
		if o.ID == c.Scope.OrgID {
			return o.Name
		}
	}
	return ""
}

// httpError is an error with a status and a locale key for the message.
type httpError struct {
	status int
	key    string
	detail string
}

func (e *httpError) Error() string { return fmt.Sprintf("%d %s %s", e.status, e.key, e.detail) }

var (
	errNotFound  = &httpError{status: http.StatusNotFound, key: "not_found"}
	errForbidden = &httpError{status: http.StatusForbidden, key: "forbidden"}
	errCSRF      = &httpError{status: http.StatusForbidden, key: "csrf_failed"}
)

func badRequest(detail string) error {
	return &httpError{status: http.StatusBadRequest, key: "bad_request", detail: detail}
}

// headers sets the security headers of every response.
func (s *Server) headers(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hd := w.Header()
		hd.Set("Content-Security-Policy", "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
		hd.Set("X-Content-Type-Options", "nosniff")
		hd.Set("X-Frame-Options", "DENY")
		hd.Set("Referrer-Policy", "same-origin")
		hd.Set("Cross-Origin-Opener-Policy", "same-origin")
		if s.isHTTPS(r) {
			hd.Set("Strict-Transport-Security", "max-age=31536000")
		}
		h.ServeHTTP(w, r)
	})
}

// wrap turns a route into a handler: security headers, setup gate,
// authentication, organisation, the permission check, CSRF, then the
// handler, whose error becomes the response.
func (s *Server) wrap(rt route) http.Handler {
	return s.headers(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c := &reqCtx{API: rt.api, Lang: s.lang(w, r)}
		err := s.serve(w, r, rt, c)
		if err != nil {
			s.fail(w, r, c, err)
		}
	}))
}

func (s *Server) serve(w http.ResponseWriter, r *http.Request, rt route, c *reqCtx) error {
	if !s.setupDone(r) && !strings.HasPrefix(rt.pattern, "GET /setup") && !strings.HasPrefix(rt.pattern, "POST /setup") && rt.pattern != "GET /healthz" {
		http.Error(w, "art28 is not set up yet: open the setup link printed by 'art28 serve'", http.StatusServiceUnavailable)
		return nil
	}
	if rt.perm == auth.Public {
		return rt.h(w, r, c)
	}
	if err := s.authenticate(r, c); err != nil {
		if errors.Is(err, store.ErrNotFound) {
			if c.API {
				w.Header().Set("WWW-Authenticate", `Bearer realm="art28"`)
				return &httpError{status: http.StatusUnauthorized, key: "login"}
			}
			target := "/login"
			if r.Method == http.MethodGet && r.URL.Path != "/" {
				target += "?next=" + url.QueryEscape(r.URL.RequestURI())
			}
			http.Redirect(w, r, target, http.StatusSeeOther)
			return nil
		}
		return err
	}
	if !s.permitted(rt.perm, c) {
		return errForbidden
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead && c.Token == nil {
		if err := s.checkCSRF(w, r, c); err != nil {
			return err
		}
	}
	return rt.h(w, r, c)
}

// permitted is the one permission check: the route's permission against
// the request's role in its organisation.
func (s *Server) permitted(p auth.Permission, c *reqCtx) bool {
	switch p {
	case auth.Public, auth.Authenticated:
		return c.User != nil
	case auth.SiteAdmin:
		if c.Token != nil {
			return false
		}
		for _, o := range c.Orgs {
			if auth.Role(o.Role).Can(auth.SiteAdmin) {
				return true
			}
		}
		return false
	}
	return c.Scope.OrgID > 0 && c.role().Can(p)
}

// authenticate finds the request's user by bearer token or session
// cookie. API routes take bearer tokens, and session cookies for reading
// only; pages take session cookies only.
func (s *Server) authenticate(r *http.Request, c *reqCtx) error {
	ctx := r.Context()
	if h := r.Header.Get("Authorization"); c.API && h != "" {
		secret, ok := strings.CutPrefix(h, "Bearer ")
		if !ok {
			return store.ErrNotFound
		}
		sc, tok, err := s.st.LookupAPIToken(ctx, strings.TrimSpace(secret))
		if err != nil {
			return err
		}
		u, err := s.st.GetUser(ctx, sc.UserID)
		if err != nil {
			return err
		}
		org, err := s.st.GetOrg(ctx, sc.OrgID)
		if err != nil {
			return err
		}
		c.User, c.Token, c.Scope = &u, &tok, sc
		c.Orgs = []orgItem{{ID: org.ID, Name: org.Name, Role: sc.Role}}
		return nil
	}
	if c.API && r.Method != http.MethodGet && r.Method != http.MethodHead {
		return store.ErrNotFound
	}
	ck, err := r.Cookie(sessionCookie)
	if err != nil || ck.Value == "" {
		return store.ErrNotFound
	}
	sess, u, err := s.st.GetSession(ctx, ck.Value)
	if err != nil {
		return err
	}
	c.User, c.secret = &u, ck.Value
	c.CSRF = csrfToken(ck.Value)
	ms, err := s.st.Memberships(ctx, u.ID)
	if err != nil {
		return err
	}
	for _, m := range ms {
		c.Orgs = append(c.Orgs, orgItem{ID: m.Org.ID, Name: m.Org.Name, Role: m.Role})
	}
	// The session's organisation if the user is still a member of it,
	// else their first; the memberships carry the role.
	for _, m := range ms {
		if m.Org.ID == sess.OrgID || (c.Scope.OrgID == 0 && m == ms[0]) {
			c.Scope = store.Scope{OrgID: m.Org.ID, UserID: u.ID, Role: m.Role}
		}
	}
	if c.Scope.UserID == 0 {
		c.Scope.UserID = u.ID
	}
	return nil
}

// csrfToken derives the form token of a session from its secret; it is
// never stored and useless without the cookie.
func csrfToken(secret string) string {
	return auth.HashToken("csrf|" + secret)[:40]
}

// checkCSRF compares the form's (or the X-CSRF-Token header's) token with
// the session's. Multipart forms are parsed here, within the request
// limit.
func (s *Server) checkCSRF(w http.ResponseWriter, r *http.Request, c *reqCtx) error {
	got := r.Header.Get("X-CSRF-Token")
	if got == "" {
		r.Body = http.MaxBytesReader(w, r.Body, s.cfg.MaxRequestBytes)
		if strings.HasPrefix(r.Header.Get("Content-Type"), "multipart/form-data") {
			if err := r.ParseMultipartForm(8 << 20); err != nil {
				return badRequest("form: " + err.Error())
			}
		} else if err := r.ParseForm(); err != nil {
			return badRequest("form: " + err.Error())
		}
		got = r.PostFormValue("csrf")
	}
	if c.CSRF == "" || subtle.ConstantTimeCompare([]byte(got), []byte(c.CSRF)) != 1 {
		s.log.Warn("csrf token refused", "path", r.URL.Path, "user", c.User.ID, "remote", s.clientIP(r))
		return errCSRF
	}
	return nil
}

// fail answers with an error page or JSON error.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, c *reqCtx, err error) {
	var he *httpError
	switch {
	case errors.As(err, &he):
	case errors.Is(err, store.ErrNotFound):
		he = errNotFound
	case errors.Is(err, store.ErrInvalid):
		he = &httpError{status: http.StatusBadRequest, key: "bad_request", detail: err.Error()}
	case errors.Is(err, store.ErrConflict):
		he = &httpError{status: http.StatusConflict, key: "bad_request", detail: err.Error()}
	default:
		s.log.Error("request failed", "method", r.Method, "path", r.URL.Path, "err", err)
		he = &httpError{status: http.StatusInternalServerError, key: "server_error"}
	}
	msg := s.t(c.Lang, he.key)
	if he.detail != "" {
		msg += " " + he.detail
	}
	if c.API || he.status == http.StatusUnauthorized {
		writeJSON(w, he.status, map[string]string{"error": msg})
		return
	}
	s.render(w, r, c, he.status, "error", msg, "", map[string]any{"Code": he.status, "Message": msg})
}

// writeJSON writes v as JSON.
func writeJSON(w http.ResponseWriter, status int, v any) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	if err := enc.Encode(v); err != nil {
		http.Error(w, `{"error":"encoding failed"}`, http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	w.Write(b.Bytes())
}

// lang chooses the UI language: ?lang= (remembered in a cookie), the
// cookie, then Accept-Language; English otherwise.
func (s *Server) lang(w http.ResponseWriter, r *http.Request) string {
	if l := r.URL.Query().Get("lang"); l == "de" || l == "en" {
		http.SetCookie(w, &http.Cookie{Name: langCookie, Value: l, Path: "/", MaxAge: 365 * 24 * 3600, HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: s.isHTTPS(r)})
		return l
	}
	if ck, err := r.Cookie(langCookie); err == nil && (ck.Value == "de" || ck.Value == "en") {
		return ck.Value
	}
	for _, part := range strings.Split(r.Header.Get("Accept-Language"), ",") {
		tag := strings.ToLower(strings.TrimSpace(strings.SplitN(part, ";", 2)[0]))
		if strings.HasPrefix(tag, "de") {
			return "de"
		}
		if strings.HasPrefix(tag, "en") {
			return "en"
		}
	}
	return "en"
}

// fromTrustedProxy reports whether the direct peer is a trusted proxy.
func (s *Server) fromTrustedProxy(r *http.Request) bool {
	if len(s.cfg.TrustedProxies) == 0 {
		return false
	}
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		host = r.RemoteAddr
	}
	ip := net.ParseIP(host)
	for _, n := range s.cfg.TrustedProxies {
		if ip != nil && n.Contains(ip) {
			return true
		}
	}
	return false
}

// isHTTPS reports whether the client reached us over TLS, directly or
// through a trusted proxy that says so.
func (s *Server) isHTTPS(r *http.Request) bool {
	if r.TLS != nil {
		return true
	}
	return s.fromTrustedProxy(r) && strings.EqualFold(r.Header.Get("X-Forwarded-Proto"), "https")
}

// clientIP is the client's address: the peer, or the last address a
// trusted proxy appended to X-Forwarded-For.
func (s *Server) clientIP(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		host = r.RemoteAddr
	}
	if s.fromTrustedProxy(r) {
		if xff := r.Header.Get("X-Forwarded-For"); xff != "" {
			parts := strings.Split(xff, ",")
			if ip := net.ParseIP(strings.TrimSpace(parts[len(parts)-1])); ip != nil {
				return ip.String()
			}
		}
	}
	return host
}

// ParseTrustedProxies parses a comma-separated list of addresses and
// CIDR networks.
func ParseTrustedProxies(list string) ([]*net.IPNet, error) {
	var out []*net.IPNet
	for _, p := range strings.Split(list, ",") {
		p = strings.TrimSpace(p)
		if p == "" {
			continue
		}
		if !strings.Contains(p, "/") {
			ip := net.ParseIP(p)
			if ip == nil {
				return nil, fmt.Errorf("trusted proxy %q: not an address", p)
			}
			bits := 32
			if ip.To4() == nil {
				bits = 128
			}
			p = fmt.Sprintf("%s/%d", p, bits)
		}
		_, n, err := net.ParseCIDR(p)
		if err != nil {
			return nil, fmt.Errorf("trusted proxy %q: %w", p, err)
		}
		out = append(out, n)
	}
	return out, nil
}

func maxProcs() int { return runtime.GOMAXPROCS(0) }

// version is the tool version shown in the footer.
func version() string { return analyze.Version }
