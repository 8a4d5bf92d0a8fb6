package web

import (
	"bytes"
	"fmt"
	"net/http"

	"go.yaml.in/yaml/v3"

	"github.com/art28/art28/internal/auth"
	"github.com/art28/art28/internal/catalog"
	"github.com/art28/art28/internal/report"
	"github.com/art28/art28/internal/store"
)

// loadLocale decodes the UI strings strictly.
func loadLocale(data []byte) (map[string]catalog.Text, error) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	var m map[string]catalog.Text
	if err := dec.Decode(&m); err != nil {
		return nil, fmt.Errorf("web locale: %w", err)
	}
	return m, nil
}

// t returns a UI string: the register's own, else the report's.
func (s *Server) t(lang, key string) string {
	if t, ok := s.loc[key]; ok {
		return t.In(lang)
	}
	return report.Tr(lang, key)
}

// page is what every template receives.
type page struct {
	Lang, Title, Nav, CSRF, Flash, Error, Version string
	User                                          *store.User
	Orgs                                          []orgItem
	OrgID                                         int64
	OrgName                                       string
	Role                                          string
	Can                                           struct{ Review, Manage bool }
	Data                                          any
}

const flashCookie = "art28_flash"

// flash remembers a locale key to show on the next page.
func (s *Server) flash(w http.ResponseWriter, r *http.Request, key string) {
	http.SetCookie(w, &http.Cookie{Name: flashCookie, Value: key, Path: "/", MaxAge: 60, HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: s.isHTTPS(r)})
}

// render writes a page.
func (s *Server) render(w http.ResponseWriter, r *http.Request, c *reqCtx, status int, name, title, nav string, data any) {
	p := page{Lang: c.Lang, Title: title, Nav: nav, CSRF: c.CSRF, Version: version(), User: c.User, Orgs: c.Orgs,
		OrgID: c.Scope.OrgID, OrgName: c.orgName(), Role: string(c.Scope.Role), Data: data}
	if e, ok := data.(errorData); ok {
		p.Error, p.Data = e.Msg, e.Data
	}
	p.Can.Review = c.Scope.OrgID > 0 && c.role().Can(auth.Review)
	p.Can.Manage = c.Scope.OrgID > 0 && c.role().Can(auth.Manage)
	if ck, err := r.Cookie(flashCookie); err == nil {
		if _, ok := s.loc[ck.Value]; ok {
			p.Flash = s.t(c.Lang, ck.Value)
		}
		http.SetCookie(w, &http.Cookie{Name: flashCookie, Path: "/", MaxAge: -1})
	}
	t := s.pages[name]
	var b bytes.Buffer
	if err := t.ExecuteTemplate(&b, "layout", p); err != nil {
		s.log.Error("render", "page", name, "err", err)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	w.Write(b.Bytes())
}

// back redirects to the page the form was on.
func back(w http.ResponseWriter, r *http.Request, path string) {
	http.Redirect(w, r, path, http.StatusSeeOther)
}
