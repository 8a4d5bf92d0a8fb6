package web

import (
	"encoding/csv"
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/art28/art28/internal/auth"
	"github.com/art28/art28/internal/store"
)

var roleNames = []string{string(store.RoleViewer), string(store.RoleReviewer), string(store.RoleAdmin)}

// memberRow is one user of the organisation.
type memberRow struct {
	UserID      int64
	Email, Role string
	Disabled    bool
}

func (s *Server) usersPage(w http.ResponseWriter, r *http.Request, c *reqCtx) error {
	ms, err := s.st.ListMembers(r.Context(), c.Scope)
	if err != nil {
		return err
	}
	var rows []memberRow
	for _, m := range ms {
		row := memberRow{UserID: m.UserID, Role: string(m.Role)}
		if m.User != nil {
			row.Email, row.Disabled = m.User.Email, m.User.Disabled
		}
		rows = append(rows, row)
	}
	s.render(w, r, c, http.StatusOK, "users", s.t(c.Lang, "users"), "admin", map[string]any{"Tab": "users", "Members": rows, "Roles": roleNames})
	return nil
}

func (s *Server) addUser(w http.ResponseWriter, r *http.Request, c *reqCtx) error {
	email := strings.ToLower(strings.TrimSpace(r.PostFormValue("email")))
	role := store.Role(r.PostFormValue("role"))
	if !role.Valid() || !strings.Contains(email, "@") {
		return badRequest("email or role")
	}
	hash := ""
	if pw := r.PostFormValue("password"); pw != "" {
		var err error
		if hash, err = auth.HashPassword(pw); err != nil {
			return badRequest(err.Error())
		}
	}
	u, err := s.st.GetUserByEmail(r.Context(), email)
	if errors.Is(err, store.ErrNotFound) {
		if hash == "" {
			return badRequest("a new user needs a password")
		}
		u, err = s.st.CreateUser(r.Context(), email, "", hash)
	}
	if err != nil {
		return err
	}
	if err := s.st.SetMembership(r.Context(), u.ID, c.Scope.OrgID, role); err != nil {
		return err
	}
	s.audit(r, c, "member.set", "user", strconv.FormatInt(u.ID, 10), nil, map[string]any{"email": email, "role": role})
	s.flash(w, r, "saved")
	back(w, r, "/admin/users")
	return nil
}

// memberOf loads a user that must be a member of the organisation.
func (s *Server) memberOf(r *http.Request, c *reqCtx) (store.Membership, error) {
	uid, err := pathID(r, "uid")
	if err != nil {
		return store.Membership{}, err
	}
	ms, err := s.st.ListMembers(r.Context(), c.Scope)
	if err != nil {
		return store.Membership{}, err
	}
	for _, m := range ms {
		if m.UserID == uid {
			return m, nil
		}
	}
	return store.Membership{}, errNotFound
}

func (s *Server) disableUser(w http.ResponseWriter, r *http.Request, c *reqCtx) error {
	m, err := s.memberOf(r, c)
	if err != nil {
		return err
	}
	if m.UserID == c.User.ID {
		return badRequest("you cannot disable yourself")
	}
	disabled := r.PostFormValue("disabled") != "0"
	if err := s.st.SetUserDisabled(r.Context(), m.UserID, disabled); err != nil {
		return err
	}
	s.audit(r, c, "user.disable", "user", strconv.FormatInt(m.UserID, 10), map[string]any{"disabled": !disabled}, map[string]any{"disabled": disabled})
	s.flash(w, r, "saved")
	back(w, r, "/admin/users")
	return nil
}

func (s *Server) removeMember(w http.ResponseWriter, r *http.Request, c *reqCtx) error {
	m, err := s.memberOf(r, c)
	if err != nil {
		return err
	}
	if m.UserID == c.User.ID {
		return badRequest("you cannot remove yourself")
	}
	if err := s.st.RemoveMembership(r.Context(), m.UserID, c.Scope.OrgID); err != nil {
		return err
	}
	s.audit(r, c, "member.remove", "user", strconv.FormatInt(m.UserID, 10), map[string]any{"role": m.Role}, nil)
	s.flash(w, r, "saved")
	back(w, r, "/admin/users")
	return nil
}

func (s *Server) orgsPage(w http.ResponseWriter, r *http.Request, c *reqCtx) error {
	s.render(w, r, c, http.StatusOK, "orgs", s.t(c.Lang, "organisations"), "admin", map[string]any{"Tab": "orgs"})
	return nil
}

func (s *Server) createOrg(w http.ResponseWriter, r *http.Request, c *reqCtx) error {
	name := strings.TrimSpace(r.PostFormValue("name"))
	if name == "" {
		return badRequest("name")
	}
	org, err := s.st.CreateOrg(r.Context(), name, Slug(name))
	if err != nil {
		return err
	}
	if err := s.st.SetMembership(r.Context(), c.User.ID, org.ID, store.RoleAdmin); err != nil {
		return err
	}
	c2 := *c
	c2.Scope.OrgID = org.ID
	s.audit(r, &c2, "org.create", "org", strconv.FormatInt(org.ID, 10), nil, map[string]any{"name": name})
	if err := s.st.SetSessionOrg(r.Context(), c.secret, org.ID); err != nil {
		return err
	}
	s.flash(w, r, "saved")
	back(w, r, "/admin/users")
	return nil
}

// tokenRow is one API token in the list.
type tokenRow struct {
	ID                         int64
	Name, Role, Owner, Created string
	Revoked                    bool
}

func (s *Server) tokensPage(w http.ResponseWriter, r *http.Request, c *reqCtx) error {
	return s.renderTokens(w, r, c, "")
}

func (s *Server) renderTokens(w http.ResponseWriter, r *http.Request, c *reqCtx, newToken string) error {
	ts, err := s.st.ListAPITokens(r.Context(), c.Scope)
	if err != nil {
		return err
	}
	owners := s.memberEmails(r, c)
	var rows []tokenRow
	for _, t := range ts {
		rows = append(rows, tokenRow{ID: t.ID, Name: t.Name, Role: string(t.Role), Owner: owners[t.UserID],
			Created: t.CreatedAt.UTC().Format("2006-01-02 15:04"), Revoked: t.RevokedAt != nil})
	}
	s.render(w, r, c, http.StatusOK, "tokens", s.t(c.Lang, "api_tokens"), "admin", map[string]any{"Tab": "tokens", "Tokens": rows, "Roles": roleNames, "NewToken": newToken})
	return nil
}

func (s *Server) createToken(w http.ResponseWriter, r *http.Request, c *reqCtx) error {
	name := strings.TrimSpace(r.PostFormValue("name"))
	role := store.Role(r.PostFormValue("role"))
	if name == "" || !role.Valid() {
		return badRequest("name or role")
	}
	secret, _, err := auth.NewToken(auth.APITokenPrefix)
	if err != nil {
		return err
	}
	t, err := s.st.CreateAPIToken(r.Context(), c.Scope, secret, name, role, nil)
	if err != nil {
		return err
	}
	s.audit(r, c, "token.create", "token", strconv.FormatInt(t.ID, 10), nil, map[string]any{"name": name, "role": role})
	return s.renderTokens(w, r, c, secret)
}

func (s *Server) revokeToken(w http.ResponseWriter, r *http.Request, c *reqCtx) error {
	id, err := pathID(r, "tid")
	if err != nil {
		return err
	}
	if err := s.st.RevokeAPIToken(r.Context(), c.Scope, id); err != nil {
		return err
	}
	s.audit(r, c, "token.revoke", "token", strconv.FormatInt(id, 10), nil, nil)
	s.flash(w, r, "saved")
	back(w, r, "/admin/tokens")
	return nil
}

// auditRow is one audit entry as shown.
type auditRow struct {
	At, Actor, Action, Object, Before, After string
}

func auditRows(es []store.AuditEntry) []auditRow {
	rows := make([]auditRow, 0, len(es))
	for _, e := range es {
		rows = append(rows, auditRow{At: e.At.UTC().Format("2006-01-02 15:04:05"), Actor: e.UserEmail, Action: e.Action,
			Object: strings.Trim(e.ObjectKind+" "+e.ObjectID, " "), Before: e.Before, After: e.After})
	}
	return rows
}

const auditPage = 100

func (s *Server) auditPage(w http.ResponseWriter, r *http.Request, c *reqCtx) error {
	off, _ := strconv.Atoi(r.URL.Query().Get("offset"))
	off = max(off, 0)
	es, err := s.st.ListAudit(r.Context(), c.Scope, store.AuditQuery{Limit: auditPage + 1, Offset: off})
	if err != nil {
		return err
	}
	d := map[string]any{"Tab": "audit"}
	if len(es) > auditPage {
		es = es[:auditPage]
		d["Next"] = url.Values{"offset": {strconv.Itoa(off + auditPage)}}.Encode()
	}
	if off > 0 {
		d["Prev"] = url.Values{"offset": {strconv.Itoa(max(off-auditPage, 0))}}.Encode()
	}
	d["Entries"] = auditRows(es)
	s.render(w, r, c, http.StatusOK, "audit", s.t(c.Lang, "audit_log"), "admin", d)
	return nil
}

func (s *Server) auditCSV(w http.ResponseWriter, r *http.Request, c *reqCtx) error {
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", attachment("audit.csv"))
	cw := csv.NewWriter(w)
	cw.Write([]string{"at", "user", "action", "object_kind", "object_id", "before", "after", "remote"})
	for off := 0; ; off += 1000 {
		es, err := s.st.ListAudit(r.Context(), c.Scope, store.AuditQuery{Limit: 1000, Offset: off})
		if err != nil {
			return err
		}
		for _, e := range es {
			cw.Write([]string{e.At.UTC().Format("2006-01-02T15:04:05Z"), e.UserEmail, e.Action, e.ObjectKind, csvCell(e.ObjectID), csvCell(e.Before), csvCell(e.After), e.Remote})
		}
		if len(es) < 1000 {
			break
		}
	}
	cw.Flush()
	s.audit(r, c, "export", "audit", "audit.csv", nil, nil)
	return cw.Error()
}
