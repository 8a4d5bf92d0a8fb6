// Package web is the register's web application (art28 serve): server-
// rendered pages with html/template and embedded assets, a JSON API under
// /api/v1/, sessions and API tokens, with every route declared once in a
// table together with the permission it requires.
package web

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/art28/art28/internal/analyze"
	"github.com/art28/art28/internal/auth"
	"github.com/art28/art28/internal/catalog"
	"github.com/art28/art28/internal/report"
	"github.com/art28/art28/internal/store"
)

//go:embed templates/*.html static/*
var assets embed.FS

//go:embed locale.yaml
var localeYAML []byte

// Config configures a Server.
type Config struct {
	// Store holds the register.
	Store store.Store
	// Analyzer runs the engine on uploads.
	Analyzer *analyze.Analyzer
	// Log receives structured logs; nil discards them.
	Log *slog.Logger
	// TrustedProxies are the addresses or networks whose X-Forwarded-For
	// and X-Forwarded-Proto headers are believed.
	TrustedProxies []*net.IPNet
	// MaxUploadBytes caps one uploaded file; MaxRequestBytes a whole
	// request (several files). 0 means the defaults.
	MaxUploadBytes, MaxRequestBytes int64
	// MaxAnalyses caps concurrent analyses; 0 means the number of CPUs.
	MaxAnalyses int
	// SetupToken, when not empty, opens the one-time setup page at
	// /setup?token=…; it is only valid while the store has no user.
	SetupToken string
	// SessionTTL is a session's idle lifetime; 0 means 12 hours.
	SessionTTL time.Duration
	// Now returns the time; nil means time.Now.
	Now func() time.Time
}

// Default limits.
const (
	DefaultMaxUploadBytes  = 20 << 20
	DefaultMaxRequestBytes = 200 << 20
	defaultSessionTTL      = 12 * time.Hour
	sessionCookie          = "art28_session"
	langCookie             = "art28_lang"
)

// Server serves the register.
type Server struct {
	cfg       Config
	st        store.Store
	log       *slog.Logger
	pages     map[string]*template.Template
	mux       *http.ServeMux
	routes    []route
	sem       chan struct{}
	byAccount *auth.Limiter
	byAddress *auth.Limiter

	setupMu sync.Mutex
	// ready is set once the store has a user; until then only the setup
	// page and the health check answer.
	ready atomic.Bool
	loc   map[string]catalog.Text
	texts textCache
}

// New builds a server and its routes.
func New(cfg Config) (*Server, error) {
	if cfg.Store == nil || cfg.Analyzer == nil {
		return nil, errors.New("web: store and analyzer are required")
	}
	if cfg.Log == nil {
		cfg.Log = slog.New(slog.DiscardHandler)
	}
	if cfg.MaxUploadBytes <= 0 {
		cfg.MaxUploadBytes = DefaultMaxUploadBytes
	}
	if cfg.MaxRequestBytes <= 0 {
		cfg.MaxRequestBytes = DefaultMaxRequestBytes
	}
	if cfg.MaxAnalyses <= 0 {
		cfg.MaxAnalyses = maxProcs()
	}
	if cfg.SessionTTL <= 0 {
		cfg.SessionTTL = defaultSessionTTL
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	loc, err := loadLocale(localeYAML)
	if err != nil {
		return nil, err
	}
	s := &Server{
		cfg: cfg, st: cfg.Store, log: cfg.Log,
		sem:       make(chan struct{}, cfg.MaxAnalyses),
		byAccount: auth.NewLimiter(5, 15*time.Minute),
		byAddress: auth.NewLimiter(20, 15*time.Minute),
	}
	s.loc = loc
	if s.pages, err = parsePages(loc); err != nil {
		return nil, err
	}
	s.routes = s.routeTable()
	s.mux = http.NewServeMux()
	for _, rt := range s.routes {
		s.mux.Handle(rt.pattern, s.wrap(rt))
	}
	static, _ := fs.Sub(assets, "static")
	s.mux.Handle("GET /static/", s.headers(http.StripPrefix("/static/", staticHandler(static))))
	return s, nil
}

// staticHandler serves the embedded assets and the report stylesheet.
func staticHandler(static fs.FS) http.Handler {
	files := http.FileServerFS(static)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "public, max-age=3600")
		if r.URL.Path == "report.css" {
			w.Header().Set("Content-Type", "text/css; charset=utf-8")
			fmt.Fprint(w, report.CSS())
			return
		}
		files.ServeHTTP(w, r)
	})
}

// Handler returns the server's HTTP handler: the routes behind the
// cross-origin protection of net/http.
func (s *Server) Handler() http.Handler {
	cop := http.NewCrossOriginProtection()
	cop.SetDenyHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.log.Warn("cross-origin request refused", "method", r.Method, "path", r.URL.Path, "origin", r.Header.Get("Origin"), "remote", s.clientIP(r))
		http.Error(w, "cross-origin request refused", http.StatusForbidden)
	}))
	return cop.Handler(s.mux)
}

// Serve runs the server on l until ctx ends, then shuts down gracefully:
// requests in flight (an upload being stored) finish first.
func (s *Server) Serve(ctx context.Context, l net.Listener) error {
	hs := &http.Server{
		Handler:           s.Handler(),
		ReadHeaderTimeout: 10 * time.Second,
		IdleTimeout:       120 * time.Second,
		ErrorLog:          slog.NewLogLogger(s.log.Handler(), slog.LevelWarn),
	}
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(l) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	return hs.Shutdown(sctx)
}

// parsePages parses every page template together with the layout.
func parsePages(loc map[string]catalog.Text) (map[string]*template.Template, error) {
	funcs := template.FuncMap{
		"t": func(lang, key string) string {
			if t, ok := loc[key]; ok {
				return t.In(lang)
			}
			return report.Tr(lang, key)
		},
		"join": strings.Join,
	}
	names, err := fs.Glob(assets, "templates/*.html")
	if err != nil {
		return nil, err
	}
	pages := map[string]*template.Template{}
	for _, n := range names {
		base := strings.TrimSuffix(strings.TrimPrefix(n, "templates/"), ".html")
		if base == "layout" || base == "admin_tabs" {
			continue
		}
		t, err := template.New(base).Funcs(funcs).ParseFS(assets, "templates/layout.html", "templates/admin_tabs.html", n)
		if err != nil {
			return nil, fmt.Errorf("template %s: %w", n, err)
		}
		pages[base] = t
	}
	return pages, nil
}
