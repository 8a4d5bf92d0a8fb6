package web

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	_ "github.com/jackc/pgx/v5/stdlib"

	"github.com/art28/art28/internal/analyze"
	"github.com/art28/art28/internal/auth"
	"github.com/art28/art28/internal/store"
	"github.com/art28/art28/internal/store/storetest"
)

var testAnalyzer = sync.OnceValue(func() *analyze.Analyzer {
	a, err := analyze.NewDefault()
	if err != nil {
		panic(err)
	}
	return a
})

// backend opens a fresh, empty store.
type backend struct {
	name string
	open func(t *testing.T) (store.Store, string)
}

// backends are SQLite always and PostgreSQL when ART28_TEST_POSTGRES
// names a database; each test gets a schema of its own there.
func backends() []backend {
	bs := []backend{{"sqlite", func(t *testing.T) (store.Store, string) {
		path := filepath.Join(t.TempDir(), "art28.db")
		st, err := store.Open(context.Background(), "sqlite:"+path)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { st.Close() })
		return st, path
	}}}
	if base := os.Getenv("ART28_TEST_POSTGRES"); base != "" {
		bs = append(bs, backend{"postgres", func(t *testing.T) (store.Store, string) {
			st, err := store.Open(context.Background(), storetest.PostgresSchema(t, base))
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { st.Close() })
			return st, ""
		}})
	}
	return bs
}

// forEachBackend runs f against every backend.
func forEachBackend(t *testing.T, f func(t *testing.T, b backend)) {
	for _, b := range backends() {
		t.Run(b.name, func(t *testing.T) { f(t, b) })
	}
}

// testEnv is a server on an httptest listener.
type testEnv struct {
	t     *testing.T
	st    store.Store
	srv   *Server
	ts    *httptest.Server
	logs  *syncBuffer
	setup string
	path  string // SQLite file, "" for PostgreSQL
}

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func newEnv(t *testing.T, b backend, opts ...func(*Config)) *testEnv {
	t.Helper()
	st, path := b.open(t)
	logs := &syncBuffer{}
	tok, _, _ := auth.NewToken(auth.SetupPrefix)
	cfg := Config{Store: st, Analyzer: testAnalyzer(), SetupToken: tok, MaxUploadBytes: 2 << 20,
		Log: slog.New(slog.NewTextHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug}))}
	for _, o := range opts {
		o(&cfg)
	}
	srv, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler())
	t.Cleanup(ts.Close)
	return &testEnv{t: t, st: st, srv: srv, ts: ts, logs: logs, setup: tok, path: path}
}

// client is a browser-like HTTP client with a cookie jar that does not
// follow redirects.
type client struct {
	e     *testEnv
	hc    *http.Client
	token string // API bearer token, if set
}

func (e *testEnv) client() *client {
	jar, _ := cookiejar.New(nil)
	return &client{e: e, hc: &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}}
}

func (e *testEnv) bearer(tok string) *client {
	c := e.client()
	c.token = tok
	return c
}

func (c *client) do(req *http.Request) (int, string) {
	c.e.t.Helper()
	if c.token != "" {
		req.Header.Set("Authorization", "Bearer "+c.token)
	}
	res, err := c.hc.Do(req)
	if err != nil {
		c.e.t.Fatal(err)
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(body)
}

func (c *client) get(path string) (int, string) {
	req, _ := http.NewRequest("GET", c.e.ts.URL+path, nil)
	return c.do(req)
}

// post sends a form; the CSRF token of the session is added unless the
// form has one.
func (c *client) post(path string, form url.Values) (int, string) {
	if form == nil {
		form = url.Values{}
	}
	if _, ok := form["csrf"]; !ok && c.token == "" {
		form.Set("csrf", c.csrf())
	}
	req, _ := http.NewRequest("POST", c.e.ts.URL+path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return c.do(req)
}

var csrfRe = regexp.MustCompile(`name="csrf" value="([^"]+)"`)

// csrf reads the session's CSRF token from the account page.
func (c *client) csrf() string {
	_, body := c.get("/account")
	m := csrfRe.FindStringSubmatch(body)
	if m == nil {
		return ""
	}
	return m[1]
}

// login logs the client in and fails the test if that does not work.
func (c *client) login(email, password string) {
	c.e.t.Helper()
	code, _ := c.post("/login", url.Values{"email": {email}, "password": {password}, "csrf": {""}})
	if code != http.StatusSeeOther {
		c.e.t.Fatalf("login %s: status %d", email, code)
	}
}

// upload posts files as multipart form fields "file".
func (c *client) upload(path string, files map[string][]byte, extra url.Values) (int, string) {
	var b bytes.Buffer
	mw := newMultipart(&b)
	if c.token == "" {
		mw.WriteField("csrf", c.csrf())
	}
	for k, vs := range extra {
		for _, v := range vs {
			mw.WriteField(k, v)
		}
	}
	for name, data := range files {
		fw, _ := mw.CreateFormFile("file", name)
		fw.Write(data)
	}
	mw.Close()
	req, _ := http.NewRequest("POST", c.e.ts.URL+path, &b)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	return c.do(req)
}
