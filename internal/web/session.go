package web

import (
	"crypto/subtle"
	"encoding/json"
	"errors"
	"net/http"
	"strconv"
	"strings"

	"github.com/art28/art28/internal/auth"
	"github.com/art28/art28/internal/store"
)

// setupDone reports whether the store has a user (cached once true).
func (s *Server) setupDone(r *http.Request) bool {
	if s.ready.Load() {
		return true
	}
	n, err := s.st.CountUsers(r.Context())
	if err == nil && n > 0 {
		s.ready.Store(true)
		return true
	}
	return false
}

// audit appends an entry to the audit log; before and after are encoded
// as JSON. A failure is logged, never shown.
func (s *Server) audit(r *http.Request, c *reqCtx, action, kind, id string, before, after any) {
	e := store.AuditEntry{OrgID: c.Scope.OrgID, Action: action, ObjectKind: kind, ObjectID: id, Remote: s.clientIP(r)}
	if c.User != nil {
		e.UserID = c.User.ID
	}
	enc := func(v any) string {
		if v == nil {
			return ""
		}
		b, err := json.Marshal(v)
		if err != nil {
			return ""
		}
		return string(b)
	}
	e.Before, e.After = enc(before), enc(after)
	if err := s.st.AppendAudit(r.Context(), e); err != nil {
		s.log.Error("audit", "action", action, "err", err)
	}
}

// auditUser appends an entry about user u to the log of every
// organisation u belongs to (login, failed login), or to the system log
// when u belongs to none or is unknown (id 0).
func (s *Server) auditUser(r *http.Request, uid int64, action, object string) {
	var orgs []int64
	if uid != 0 {
		if ms, err := s.st.Memberships(r.Context(), uid); err == nil {
			for _, m := range ms {
				orgs = append(orgs, m.Org.ID)
			}
		}
	}
	if len(orgs) == 0 {
		orgs = []int64{0}
	}
	for _, o := range orgs {
		e := store.AuditEntry{OrgID: o, UserID: uid, Action: action, ObjectKind: "user", ObjectID: object, Remote: s.clientIP(r)}
		if err := s.st.AppendAudit(r.Context(), e); err != nil {
			s.log.Error("audit", "action", action, "err", err)
		}
	}
}

// startSession creates a session for u and sets its cookie.
func (s *Server) startSession(w http.ResponseWriter, r *http.Request, u store.User, orgID int64) error {
	secret, _, err := auth.NewToken(auth.SessionPrefix)
	if err != nil {
		return err
	}
	if _, err := s.st.CreateSession(r.Context(), secret, u.ID, orgID, s.cfg.Now().Add(s.cfg.SessionTTL)); err != nil {
		return err
	}
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: secret, Path: "/", HttpOnly: true,
		Secure: s.isHTTPS(r), SameSite: http.SameSiteLaxMode, MaxAge: int(s.cfg.SessionTTL.Seconds())})
	return nil
}

func (s *Server) clearSession(w http.ResponseWriter, r *http.Request) {
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: "", Path: "/", HttpOnly: true, Secure: s.isHTTPS(r), SameSite: http.SameSiteLaxMode, MaxAge: -1})
}

func (s *Server) loginPage(w http.ResponseWriter, r *http.Request, c *reqCtx) error {
	s.render(w, r, c, http.StatusOK, "login", s.t(c.Lang, "login"), "", map[string]string{"Next": safeNext(r.URL.Query().Get("next"))})
	return nil
}

// safeNext keeps a post-login target on this site.
func safeNext(next string) string {
	if !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") || strings.HasPrefix(next, "/\\") {
		return "/"
	}
	return next
}

func (s *Server) login(w http.ResponseWriter, r *http.Request, c *reqCtx) error {
	r.Body = http.MaxBytesReader(w, r.Body, 64<<10)
	email := strings.ToLower(strings.TrimSpace(r.PostFormValue("email")))
	password := r.PostFormValue("password")
	ip := s.clientIP(r)
	if !s.byAccount.Allow(email) || !s.byAddress.Allow(ip) {
		s.log.Warn("login rate limited", "email", email, "remote", ip)
		s.auditUser(r, 0, "login.limited", email)
		w.Header().Set("Retry-After", "900")
		return s.renderLoginError(w, r, c, http.StatusTooManyRequests, "login_limited")
	}
	u, err := s.st.GetUserByEmail(r.Context(), email)
	ok := false
	if err == nil {
		ok = auth.CheckPassword(u.PasswordHash, password) && !u.Disabled
	} else if errors.Is(err, store.ErrNotFound) {
		auth.CheckNoUser(password)
	} else {
		return err
	}
	if !ok {
		s.byAccount.Fail(email)
		s.byAddress.Fail(ip)
		s.log.Info("login failed", "email", email, "remote", ip)
		var uid int64
		if err == nil {
			uid = u.ID
		}
		s.auditUser(r, uid, "login.failed", email)
		return s.renderLoginError(w, r, c, http.StatusUnauthorized, "login_failed")
	}
	s.byAccount.Reset(email)
	if err := s.startSession(w, r, u, 0); err != nil {
		return err
	}
	c.User = &u
	s.auditUser(r, u.ID, "login", strconv.FormatInt(u.ID, 10))
	s.log.Info("login", "user", u.ID, "remote", ip)
	back(w, r, safeNext(r.PostFormValue("next")))
	return nil
}

func (s *Server) renderLoginError(w http.ResponseWriter, r *http.Request, c *reqCtx, status int, key string) error {
	data := map[string]string{"Next": safeNext(r.PostFormValue("next"))}
	p := *c
	s.renderWithError(w, r, &p, status, "login", s.t(c.Lang, "login"), s.t(c.Lang, key), data)
	return nil
}

// renderWithError renders a page with an error message above it.
func (s *Server) renderWithError(w http.ResponseWriter, r *http.Request, c *reqCtx, status int, name, title, msg string, data any) {
	s.render(w, r, c, status, name, title, "", errorData{Msg: msg, Data: data})
}

// errorData wraps page data with an error message; templates see the
// message as .Error through render.
type errorData struct {
	Msg  string
	Data any
}

func (s *Server) logout(w http.ResponseWriter, r *http.Request, c *reqCtx) error {
	if err := s.st.DeleteSession(r.Context(), c.secret); err != nil && !errors.Is(err, store.ErrNotFound) {
		return err
	}
	s.clearSession(w, r)
	s.audit(r, c, "logout", "user", strconv.FormatInt(c.User.ID, 10), nil, nil)
	back(w, r, "/login")
	return nil
}

func (s *Server) logoutAll(w http.ResponseWriter, r *http.Request, c *reqCtx) error {
	if err := s.st.DeleteUserSessions(r.Context(), c.User.ID); err != nil {
		return err
	}
	s.clearSession(w, r)
	s.audit(r, c, "logout.everywhere", "user", strconv.FormatInt(c.User.ID, 10), nil, nil)
	back(w, r, "/login")
	return nil
}

func (s *Server) setupPage(w http.ResponseWriter, r *http.Request, c *reqCtx) error {
	tok := r.URL.Query().Get("token")
	if s.setupDone(r) || !s.validSetupToken(tok) {
		return errNotFound
	}
	s.render(w, r, c, http.StatusOK, "setup", s.t(c.Lang, "setup_title"), "", map[string]string{"Token": tok})
	return nil
}

func (s *Server) validSetupToken(tok string) bool {
	return s.cfg.SetupToken != "" && subtle.ConstantTimeCompare([]byte(tok), []byte(s.cfg.SetupToken)) == 1
}

func (s *Server) setup(w http.ResponseWriter, r *http.Request, c *reqCtx) error {
	r.Body = http.MaxBytesReader(w, r.Body, 64<<10)
	s.setupMu.Lock()
	defer s.setupMu.Unlock()
	if s.setupDone(r) || !s.validSetupToken(r.PostFormValue("token")) {
		return errNotFound
	}
	orgName := strings.TrimSpace(r.PostFormValue("org"))
	email := strings.ToLower(strings.TrimSpace(r.PostFormValue("email")))
	data := map[string]string{"Token": r.PostFormValue("token"), "Org": orgName}
	hash, err := auth.HashPassword(r.PostFormValue("password"))
	if err != nil || orgName == "" || !strings.Contains(email, "@") {
		msg := s.t(c.Lang, "bad_request")
		if err != nil {
			msg = err.Error()
		}
		s.renderWithError(w, r, c, http.StatusBadRequest, "setup", s.t(c.Lang, "setup_title"), msg, data)
		return nil
	}
	u, org, err := CreateAdmin(r.Context(), s.st, email, hash, orgName)
	if err != nil {
		return err
	}
	s.ready.Store(true)
	c.User, c.Scope = &u, store.Scope{OrgID: org.ID, UserID: u.ID, Role: store.RoleAdmin}
	s.audit(r, c, "setup", "user", strconv.FormatInt(u.ID, 10), nil, map[string]any{"email": email, "org": orgName})
	s.log.Info("setup done", "user", u.ID, "org", org.ID)
	if err := s.startSession(w, r, u, org.ID); err != nil {
		return err
	}
	back(w, r, "/")
	return nil
}

func (s *Server) accountPage(w http.ResponseWriter, r *http.Request, c *reqCtx) error {
	s.render(w, r, c, http.StatusOK, "account", s.t(c.Lang, "account"), "", nil)
	return nil
}

func (s *Server) changePassword(w http.ResponseWriter, r *http.Request, c *reqCtx) error {
	u, err := s.st.GetUser(r.Context(), c.User.ID)
	if err != nil {
		return err
	}
	if !auth.CheckPassword(u.PasswordHash, r.PostFormValue("current")) {
		s.audit(r, c, "password.change_failed", "user", strconv.FormatInt(u.ID, 10), nil, nil)
		s.renderWithError(w, r, c, http.StatusBadRequest, "account", s.t(c.Lang, "account"), s.t(c.Lang, "login_failed"), nil)
		return nil
	}
	hash, err := auth.HashPassword(r.PostFormValue("new"))
	if err != nil {
		s.renderWithError(w, r, c, http.StatusBadRequest, "account", s.t(c.Lang, "account"), err.Error(), nil)
		return nil
	}
	if err := s.st.SetUserPassword(r.Context(), u.ID, hash); err != nil {
		return err
	}
	if err := s.st.DeleteUserSessions(r.Context(), u.ID); err != nil {
		return err
	}
	if err := s.startSession(w, r, u, c.Scope.OrgID); err != nil {
		return err
	}
	s.audit(r, c, "password.change", "user", strconv.FormatInt(u.ID, 10), nil, nil)
	s.flash(w, r, "password_changed")
	back(w, r, "/account")
	return nil
}

func (s *Server) switchOrg(w http.ResponseWriter, r *http.Request, c *reqCtx) error {
	id, err := strconv.ParseInt(r.PostFormValue("org"), 10, 64)
	if err != nil {
		return badRequest("org")
	}
	if _, err := s.st.ScopeFor(r.Context(), c.User.ID, id); err != nil {
		return err
	}
	if err := s.st.SetSessionOrg(r.Context(), c.secret, id); err != nil {
		return err
	}
	back(w, r, "/")
	return nil
}

func (s *Server) healthz(w http.ResponseWriter, r *http.Request, c *reqCtx) error {
	if err := s.st.Ping(r.Context()); err != nil {
		http.Error(w, "database unavailable", http.StatusServiceUnavailable)
		return nil
	}
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Write([]byte("ok\n"))
	return nil
}
