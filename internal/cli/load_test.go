//go:build unix

package cli

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/art28/art28/internal/analyze"
	"github.com/art28/art28/internal/auth"
	"github.com/art28/art28/internal/input"
	"github.com/art28/art28/internal/store"
	"github.com/art28/art28/internal/store/storetest"
	"github.com/art28/art28/internal/web"
)

// TestLoad measures the register at scale. It runs only when ART28_LOAD
// names the number of contracts (e.g. 10000):
//
//	ART28_LOAD=10000 go test -run TestLoad -v -timeout 30m ./internal/cli/
//
// It generates that many text contracts from the corpus (../shared: the
// seeds and the English DPAs, each copy with its processor renamed so that
// every file is a contract of its own), imports them with art28 import,
// then lets 20 clients request the portfolio page and the API list
// concurrently and reports p50 and p99. SQLite always; PostgreSQL too when
// ART28_TEST_POSTGRES is set.
func TestLoad(t *testing.T) {
	n, _ := strconv.Atoi(os.Getenv("ART28_LOAD"))
	if n <= 0 {
		t.Skip("set ART28_LOAD=10000 to run the load measurement")
	}
	dir := t.TempDir()
	// ART28_LOAD_KEEP names a directory where the SQLite database is kept
	// between runs: the import is then measured once and later runs only
	// measure the requests.
	dbDir := os.Getenv("ART28_LOAD_KEEP")
	if dbDir == "" {
		dbDir = t.TempDir()
	}
	sqlitePath := filepath.Join(dbDir, fmt.Sprintf("load-%d.db", n))
	_, statErr := os.Stat(sqlitePath)
	reuse := statErr == nil
	if !reuse || os.Getenv("ART28_TEST_POSTGRES") != "" {
		generateContracts(t, dir, n)
	}
	dsns := map[string]string{"sqlite": "sqlite:" + sqlitePath}
	if pg := os.Getenv("ART28_TEST_POSTGRES"); pg != "" {
		dsns["postgres"] = storetest.PostgresSchema(t, pg)
	}
	for _, name := range []string{"sqlite", "postgres"} {
		dsn, ok := dsns[name]
		if !ok {
			continue
		}
		t.Run(name, func(t *testing.T) {
			if name == "sqlite" && reuse {
				measure(t, name, dsn, n)
				return
			}
			var out lockedBuffer
			cpu0 := cpuTime()
			start := time.Now()
			// Run, as the command does, with its garbage collector settings.
			code := Run([]string{"import", "--db", dsn, "--org", "Load", dir}, &out, &out)
			el := time.Since(start)
			cpu := cpuTime() - cpu0
			if code != ExitOK {
				t.Fatalf("import exit %d: %s", code, tail(out.String(), 2000))
			}
			t.Logf("%s: import of %d text contracts: %s (%.0f contracts/s); CPU of the importing process %.1f ms per contract (the database server's not counted); load average %s",
				name, n, el.Round(time.Second), float64(n)/el.Seconds(), float64(cpu.Microseconds())/1000/float64(n), loadAverage())
			measure(t, name, dsn, n)
		})
	}
}

// generateContracts writes n text contracts: corpus texts in turn, each
// copy's processor renamed with a number.
func generateContracts(t *testing.T, dir string, n int) {
	var bases []string
	for _, g := range []string{"../../../shared/corpus/seeds/*.txt", "../../../shared/corpus/en-dpa/*.txt"} {
		m, _ := filepath.Glob(g)
		bases = append(bases, m...)
	}
	if len(bases) == 0 {
		t.Skip("corpus not present beside the repository (../shared)")
	}
	a, err := analyze.NewDefault()
	if err != nil {
		t.Fatal(err)
	}
	type base struct{ text, name string }
	var bs []base
	for _, p := range bases {
		doc, raw, err := input.Read(p, input.Options{})
		if err != nil {
			t.Fatal(err)
		}
		r := a.Analyze(doc, raw, analyze.Options{})
		b := base{text: string(raw)}
		if r.Parties.Processor != nil && len(r.Parties.Processor.Name) > 3 {
			b.name = r.Parties.Processor.Name
		}
		bs = append(bs, b)
	}
	for i := 0; i < n; i++ {
		b := bs[i%len(bs)]
		text := b.text
		if b.name != "" {
			text = strings.ReplaceAll(text, b.name, fmt.Sprintf("%s %05d", b.name, i))
		}
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("c%05d.txt", i)), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// measure runs 20 concurrent clients against the portfolio page and the
// API list and reports latency percentiles.
func measure(t *testing.T, name, dsn string, n int) {
	ctx := context.Background()
	st, err := store.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	// As art28 serve does at start.
	if err := store.WarmPool(ctx, st, serveWarmConns); err != nil {
		t.Fatal(err)
	}
	hash, _ := auth.HashPassword("load-test-password")
	u, org, err := web.AddUser(ctx, st, "load@example.com", hash, "Load", store.RoleAdmin)
	if err != nil {
		t.Fatal(err)
	}
	secret, _, _ := auth.NewToken(auth.APITokenPrefix)
	if _, err := st.CreateAPIToken(ctx, store.Scope{OrgID: org.ID, UserID: u.ID, Role: store.RoleAdmin}, secret, "load", store.RoleViewer, nil); err != nil {
		t.Fatal(err)
	}
	session, _, _ := auth.NewToken(auth.SessionPrefix)
	if _, err := st.CreateSession(ctx, session, u.ID, org.ID, time.Now().Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	a, _ := analyze.NewDefault()
	srv, err := web.New(web.Config{Store: st, Analyzer: a, Log: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler())
	defer ts.Close()
	tr := &http.Transport{MaxIdleConnsPerHost: 32}
	hc := &http.Client{Transport: tr}
	targets := []struct {
		label, path string
		set         func(*http.Request)
	}{
		{"portfolio page", "/", func(r *http.Request) { r.AddCookie(&http.Cookie{Name: "art28_session", Value: session}) }},
		{"portfolio page, third-country filter", "/?third=1&sort=missing", func(r *http.Request) { r.AddCookie(&http.Cookie{Name: "art28_session", Value: session}) }},
		{"API list", "/api/v1/contracts", func(r *http.Request) { r.Header.Set("Authorization", "Bearer "+secret) }},
	}
	const clients, perClient = 20, 25
	for _, tg := range targets {
		var mu sync.Mutex
		var lat []time.Duration
		var wg sync.WaitGroup
		var failed int
		cpu0 := cpuTime()
		start := time.Now()
		for c := 0; c < clients; c++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := 0; i < perClient; i++ {
					req, _ := http.NewRequest("GET", ts.URL+tg.path, nil)
					tg.set(req)
					t0 := time.Now()
					res, err := hc.Do(req)
					d := time.Since(t0)
					ok := err == nil && res.StatusCode == 200
					if err == nil {
						io.Copy(io.Discard, res.Body)
						res.Body.Close()
					}
					mu.Lock()
					lat = append(lat, d)
					if !ok {
						failed++
					}
					mu.Unlock()
				}
			}()
		}
		wg.Wait()
		el := time.Since(start)
		cpu := cpuTime() - cpu0
		if failed > 0 {
			t.Errorf("%s: %d requests failed", tg.label, failed)
		}
		sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
		p := func(q float64) time.Duration { return lat[int(q*float64(len(lat)-1))] }
		t.Logf("%s, %d contracts, %s: %d requests by %d clients: p50 %s, p99 %s, max %s, %.0f req/s, CPU of the test process %.1f ms per request (server and clients); load average %s",
			name, n, tg.label, len(lat), clients, p(0.5).Round(100*time.Microsecond), p(0.99).Round(100*time.Microsecond), lat[len(lat)-1].Round(time.Millisecond), float64(len(lat))/el.Seconds(),
			float64(cpu.Microseconds())/1000/float64(len(lat)), loadAverage())
	}
}

// loadAverage is the machine's 1, 5 and 15 minute load averages (Linux),
// which say how much of the two cores the measurement had.
func loadAverage() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	f := strings.Fields(string(b))
	if len(f) < 3 {
		return "unknown"
	}
	return strings.Join(f[:3], " ")
}

// cpuTime is the user and system CPU time of this process.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
