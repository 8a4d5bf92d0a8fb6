package cli

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/art28/art28/internal/analyze"
	"github.com/art28/art28/internal/auth"
	"github.com/art28/art28/internal/input"
	"github.com/art28/art28/internal/store"
	"github.com/art28/art28/internal/web"
)

// defaultDSN is the embedded database under the user's data directory:
// $XDG_DATA_HOME/art28/art28.db, else ~/.local/share/art28/art28.db.
func defaultDSN(env Env) string {
	dir := env.Getenv("XDG_DATA_HOME")
	if dir == "" {
		home, err := os.UserHomeDir()
		if err != nil {
			home = "."
		}
		dir = filepath.Join(home, ".local", "share")
	}
	return "sqlite:" + filepath.Join(dir, "art28", "art28.db")
}

// openStore opens the database named by --db or the default.
func openStore(ctx context.Context, dsn string, env Env) (store.Store, error) {
	if dsn == "" {
		dsn = env.Getenv("ART28_DB")
	}
	if dsn == "" {
		dsn = defaultDSN(env)
	}
	if path, ok := strings.CutPrefix(dsn, "sqlite:"); ok && path != ":memory:" {
		if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
			return nil, fmt.Errorf("database directory: %w", err)
		}
	}
	st, err := store.Open(ctx, dsn)
	if err != nil {
		return nil, fmt.Errorf("open database: %w", err)
	}
	return st, nil
}

// storeFlags returns the flag set of a register command that works on the
// database (import, reanalyze, users add, tokens create, backup) with its
// --db flag.
func storeFlags(name string, env Env) (*flag.FlagSet, *string) {
	fset := flag.NewFlagSet(name, flag.ContinueOnError)
	fset.SetOutput(env.Stderr)
	return fset, fset.String("db", "", "database (default: the serve default)")
}

// serveWarmConns is how many database connections art28 serve opens at
// start (PostgreSQL; the pool keeps at most 20).
const serveWarmConns = 20

func runServe(args []string, env Env) (int, error) {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return serve(ctx, args, env)
}

// serve runs the register until ctx ends.
func serve(ctx context.Context, args []string, env Env) (int, error) {
	fset := flag.NewFlagSet("serve", flag.ContinueOnError)
	fset.SetOutput(env.Stderr)
	addr := fset.String("addr", "127.0.0.1:8028", "address to listen on")
	dsn := fset.String("db", "", "database: sqlite:PATH or postgres://… (default: a SQLite file under the user's data directory)")
	proxies := fset.String("trusted-proxy", "", "comma-separated addresses or networks of reverse proxies whose X-Forwarded-For/-Proto are believed")
	maxUpload := fset.Int64("max-upload", web.DefaultMaxUploadBytes, "largest uploaded file in bytes")
	jobs := fset.Int("j", runtime.NumCPU(), "concurrent analyses")
	baseURL := fset.String("url", "", "public base URL for the printed setup link (default http://ADDR)")
	if _, err := parseInterspersed(fset, args); err != nil {
		return ExitError, err
	}
	trusted, err := web.ParseTrustedProxies(*proxies)
	if err != nil {
		return ExitError, fmt.Errorf("%w: %v", errUsage, err)
	}
	log := slog.New(slog.NewTextHandler(env.Stderr, &slog.HandlerOptions{Level: slog.LevelInfo}))
	st, err := openStore(ctx, *dsn, env)
	if err != nil {
		return ExitError, err
	}
	defer st.Close()
	// Open the database pool before the first requests (PostgreSQL).
	if err := store.WarmPool(ctx, st, serveWarmConns); err != nil {
		log.Warn("warming the database pool", "err", err)
	}
	a, err := analyze.NewDefault()
	if err != nil {
		return ExitError, err
	}
	cfg := web.Config{Store: st, Analyzer: a, Log: log, TrustedProxies: trusted, MaxUploadBytes: *maxUpload, MaxAnalyses: *jobs}
	n, err := st.CountUsers(ctx)
	if err != nil {
		return ExitError, err
	}
	l, err := net.Listen("tcp", *addr)
	if err != nil {
		return ExitError, fmt.Errorf("listen: %w", err)
	}
	base := *baseURL
	if base == "" {
		base = "http://" + l.Addr().String()
	}
	if n == 0 {
		tok, _, err := auth.NewToken(auth.SetupPrefix)
		if err != nil {
			return ExitError, err
		}
		cfg.SetupToken = tok
		fmt.Fprintf(env.Stderr, "art28: the database has no user yet. Open this link once to create the first administrator:\n\n  %s/setup?token=%s\n\n", strings.TrimRight(base, "/"), tok)
	}
	srv, err := web.New(cfg)
	if err != nil {
		return ExitError, err
	}
	log.Info("art28 serve", "addr", l.Addr().String(), "db", st.Backend(), "version", analyze.Version)
	if err := srv.Serve(ctx, l); err != nil && !errors.Is(err, context.Canceled) {
		return ExitError, err
	}
	log.Info("stopped")
	return ExitOK, nil
}

func runImport(args []string, env Env) (int, error) {
	fset, dsn := storeFlags("import", env)
	org := fset.String("org", "", "organisation (name or slug; created if new)")
	vendor := fset.String("vendor", "", "vendor for every file (default: the processor each contract names)")
	jobs := fset.Int("j", runtime.NumCPU(), "files analysed in parallel")
	maxBytes := fset.Int64("max-bytes", input.DefaultMaxBytes, "largest input accepted in bytes")
	paths, err := parseInterspersed(fset, args)
	if err != nil {
		return ExitError, err
	}
	if *org == "" || len(paths) == 0 {
		return ExitError, fmt.Errorf("%w: import needs --org and at least one file or directory", errUsage)
	}
	files, err := expand(paths)
	if err != nil {
		return ExitError, err
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	st, err := openStore(ctx, *dsn, env)
	if err != nil {
		return ExitError, err
	}
	defer st.Close()
	o, err := web.EnsureOrg(ctx, st, *org)
	if err != nil {
		return ExitError, err
	}
	a, err := analyze.NewDefault()
	if err != nil {
		return ExitError, err
	}
	sc := store.Scope{OrgID: o.ID}
	start := time.Now()
	var bar *progress
	if len(files) > 1 && env.IsTerminal(env.Stderr) {
		bar = newProgress(env.Stderr, len(files))
	}
	// Workers analyse; one writer stores the analysed files in batches,
	// one transaction (one commit to disk) per batch. A batch that fails
	// is stored file by file, so one bad file costs only itself.
	var failed atomic.Int64
	var mu sync.Mutex
	var msgs []string
	fail := func(msg string) {
		failed.Add(1)
		mu.Lock()
		msgs = append(msgs, msg)
		mu.Unlock()
	}
	work := make(chan string)
	ready := make(chan store.Upload, 2*importBatch)
	var wg sync.WaitGroup
	for range max(*jobs, 1) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for path := range work {
				u, err := prepareFile(a, path, *vendor, *maxBytes)
				if err != nil {
					fail(err.Error())
					bar.done()
					continue
				}
				ready <- u
			}
		}()
	}
	written := make(chan struct{})
	go func() {
		defer close(written)
		batch := make([]store.Upload, 0, importBatch)
		flush := func() {
			if len(batch) == 0 {
				return
			}
			if _, err := st.AddUploads(ctx, sc, batch); err != nil {
				for _, u := range batch {
					if _, err := st.AddUpload(ctx, sc, u); err != nil {
						fail(fmt.Sprintf("%s: %v", u.Filename, err))
					}
				}
			}
			for range batch {
				bar.done()
			}
			batch = batch[:0]
		}
		tick := time.NewTicker(200 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case u, ok := <-ready:
				if !ok {
					flush()
					return
				}
				batch = append(batch, u)
				if len(batch) == importBatch {
					flush()
				}
			case <-tick.C:
				flush()
			}
		}
	}()
	for _, f := range files {
		if ctx.Err() != nil {
			break
		}
		work <- f
	}
	close(work)
	wg.Wait()
	close(ready)
	<-written
	bar.finish()
	// The planner's statistics and the sub-processor aggregates are brought
	// up to date once, after the whole import, instead of per file: without
	// fresh statistics a database with autovacuum off plans the portfolio's
	// queries for the empty tables it saw before the import.
	if err := st.Maintain(ctx); err != nil {
		msgs = append(msgs, fmt.Sprintf("maintenance after the import: %v", err))
	}
	for _, m := range msgs {
		fmt.Fprintf(env.Stderr, "art28: %s\n", m)
	}
	el := time.Since(start)
	ok := int64(len(files)) - failed.Load()
	fmt.Fprintf(env.Stderr, "art28: imported %d of %d files into %q in %s (%.0f files/s)\n", ok, len(files), o.Name, el.Round(time.Millisecond), float64(ok)/el.Seconds())
	if failed.Load() > 0 {
		return ExitError, nil
	}
	return ExitOK, nil
}

// importBatch is how many files art28 import stores per transaction.
const importBatch = 64

// prepareFile reads and analyses one file for import.
func prepareFile(a *analyze.Analyzer, path, vendor string, maxBytes int64) (store.Upload, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return store.Upload{}, err
	}
	if fi.Size() > maxBytes {
		return store.Upload{}, fmt.Errorf("%s: %w (%d bytes, limit %d)", path, input.ErrTooLarge, fi.Size(), maxBytes)
	}
	content, err := os.ReadFile(path)
	if err != nil {
		return store.Upload{}, err
	}
	u, err := web.PrepareUpload(a, path, content, vendor, input.Options{MaxBytes: maxBytes})
	if err != nil {
		// The reader's message names the file already.
		return store.Upload{}, errors.New(strings.TrimPrefix(err.Error(), web.ErrNotReadable.Error()+": "))
	}
	return u, nil
}

func runReanalyze(args []string, env Env) (int, error) {
	fset, dsn := storeFlags("reanalyze", env)
	org := fset.String("org", "", "only this organisation (slug; default all)")
	jobs := fset.Int("j", runtime.NumCPU(), "contracts analysed in parallel")
	if _, err := parseInterspersed(fset, args); err != nil {
		return ExitError, err
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	st, err := openStore(ctx, *dsn, env)
	if err != nil {
		return ExitError, err
	}
	defer st.Close()
	a, err := analyze.NewDefault()
	if err != nil {
		return ExitError, err
	}
	orgs, err := st.ListOrgs(ctx)
	if err != nil {
		return ExitError, err
	}
	type job struct {
		sc  store.Scope
		vid int64
	}
	var todo []job
	for _, o := range orgs {
		if *org != "" && o.Slug != web.Slug(*org) {
			continue
		}
		sc := store.Scope{OrgID: o.ID}
		for off := 0; ; {
			pg, err := st.ListContracts(ctx, sc, store.ContractQuery{Limit: 1000, Offset: off, Sort: store.SortCreated})
			if err != nil {
				return ExitError, err
			}
			for _, c := range pg.Contracts {
				if c.LatestVersionID != 0 {
					todo = append(todo, job{sc, c.LatestVersionID})
				}
			}
			off += len(pg.Contracts)
			if len(pg.Contracts) == 0 || off >= pg.Total {
				break
			}
		}
	}
	var bar *progress
	if len(todo) > 1 && env.IsTerminal(env.Stderr) {
		bar = newProgress(env.Stderr, len(todo))
	}
	var failed atomic.Int64
	work := make(chan job)
	var wg sync.WaitGroup
	for range max(*jobs, 1) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range work {
				if _, err := web.Reanalyse(ctx, st, a, j.sc, j.vid, input.Options{}); err != nil {
					failed.Add(1)
					fmt.Fprintf(env.Stderr, "art28: version %d: %v\n", j.vid, err)
				}
				bar.done()
			}
		}()
	}
	for _, j := range todo {
		work <- j
	}
	close(work)
	wg.Wait()
	bar.finish()
	fmt.Fprintf(env.Stderr, "art28: re-analysed %d contracts with art28 %s\n", int64(len(todo))-failed.Load(), analyze.Version)
	if failed.Load() > 0 {
		return ExitError, nil
	}
	return ExitOK, nil
}

// readPassword reads one line from stdin, the password of users add.
func readPassword(r io.Reader) (string, error) {
	if r == nil {
		return "", errors.New("no standard input")
	}
	line, err := bufio.NewReader(r).ReadString('\n')
	if err != nil && !errors.Is(err, io.EOF) {
		return "", err
	}
	return strings.TrimRight(line, "\r\n"), nil
}

func runUsers(args []string, env Env) (int, error) {
	if len(args) == 0 || args[0] != "add" {
		return ExitError, fmt.Errorf("%w: users add --email E --role admin|reviewer|viewer [--org O] (password from stdin)", errUsage)
	}
	fset, dsn := storeFlags("users add", env)
	email := fset.String("email", "", "the user's email")
	role := fset.String("role", "viewer", "admin, reviewer or viewer")
	org := fset.String("org", "", "organisation (created if new; default: the only one, or \"Default\")")
	if _, err := parseInterspersed(fset, args[1:]); err != nil {
		return ExitError, err
	}
	r := store.Role(*role)
	if !r.Valid() || !strings.Contains(*email, "@") {
		return ExitError, fmt.Errorf("%w: users add needs --email and a role admin, reviewer or viewer", errUsage)
	}
	pw, err := readPassword(env.Stdin)
	if err != nil {
		return ExitError, err
	}
	hash := ""
	if pw != "" {
		if hash, err = auth.HashPassword(pw); err != nil {
			return ExitError, err
		}
	}
	ctx := context.Background()
	st, err := openStore(ctx, *dsn, env)
	if err != nil {
		return ExitError, err
	}
	defer st.Close()
	orgName := *org
	if orgName == "" {
		orgs, err := st.ListOrgs(ctx)
		if err != nil {
			return ExitError, err
		}
		switch len(orgs) {
		case 0:
			orgName = "Default"
		case 1:
			orgName = orgs[0].Name
		default:
			return ExitError, fmt.Errorf("%w: several organisations exist; name one with --org", errUsage)
		}
	}
	u, o, err := web.AddUser(ctx, st, strings.ToLower(strings.TrimSpace(*email)), hash, orgName, r)
	if err != nil {
		return ExitError, err
	}
	st.AppendAudit(ctx, store.AuditEntry{OrgID: o.ID, Action: "member.set", ObjectKind: "user", ObjectID: fmt.Sprint(u.ID), After: fmt.Sprintf(`{"email":%q,"role":%q,"via":"cli"}`, u.Email, r)})
	fmt.Fprintf(env.Stdout, "user %s is %s of %q\n", u.Email, r, o.Name)
	return ExitOK, nil
}

func runTokens(args []string, env Env) (int, error) {
	if len(args) == 0 || args[0] != "create" {
		return ExitError, fmt.Errorf("%w: tokens create --email E --org O [--role R] [--name N]", errUsage)
	}
	fset, dsn := storeFlags("tokens create", env)
	email := fset.String("email", "", "the token's user")
	org := fset.String("org", "", "organisation (name or slug)")
	role := fset.String("role", "", "role of the token (default: the user's role in the organisation)")
	name := fset.String("name", "cli", "a name to recognise the token by")
	if _, err := parseInterspersed(fset, args[1:]); err != nil {
		return ExitError, err
	}
	if *email == "" || *org == "" {
		return ExitError, fmt.Errorf("%w: tokens create needs --email and --org", errUsage)
	}
	ctx := context.Background()
	st, err := openStore(ctx, *dsn, env)
	if err != nil {
		return ExitError, err
	}
	defer st.Close()
	u, err := st.GetUserByEmail(ctx, strings.ToLower(*email))
	if err != nil {
		return ExitError, fmt.Errorf("user %s: %w", *email, err)
	}
	o, err := st.GetOrgBySlug(ctx, web.Slug(*org))
	if err != nil {
		return ExitError, fmt.Errorf("organisation %s: %w", *org, err)
	}
	sc, err := st.ScopeFor(ctx, u.ID, o.ID)
	if err != nil {
		return ExitError, fmt.Errorf("%s is not a member of %s: %w", *email, *org, err)
	}
	r := sc.Role
	if *role != "" {
		r = store.Role(*role)
		if !r.Valid() {
			return ExitError, fmt.Errorf("%w: unknown role %q", errUsage, *role)
		}
	}
	secret, _, err := auth.NewToken(auth.APITokenPrefix)
	if err != nil {
		return ExitError, err
	}
	t, err := st.CreateAPIToken(ctx, sc, secret, *name, r, nil)
	if err != nil {
		return ExitError, err
	}
	st.AppendAudit(ctx, store.AuditEntry{OrgID: o.ID, UserID: u.ID, Action: "token.create", ObjectKind: "token", ObjectID: fmt.Sprint(t.ID), After: fmt.Sprintf(`{"name":%q,"role":%q,"via":"cli"}`, *name, r)})
	fmt.Fprintln(env.Stdout, secret)
	return ExitOK, nil
}

func runBackup(args []string, env Env) (int, error) {
	fset, dsn := storeFlags("backup", env)
	paths, err := parseInterspersed(fset, args)
	if err != nil {
		return ExitError, err
	}
	if len(paths) != 1 {
		return ExitError, fmt.Errorf("%w: backup --db DSN FILE", errUsage)
	}
	if _, err := os.Stat(paths[0]); err == nil {
		return ExitError, fmt.Errorf("%s exists; choose a new file", paths[0])
	}
	ctx := context.Background()
	st, err := openStore(ctx, *dsn, env)
	if err != nil {
		return ExitError, err
	}
	defer st.Close()
	if err := st.Backup(ctx, paths[0]); err != nil {
		if errors.Is(err, store.ErrUnsupported) {
			return ExitError, fmt.Errorf("backup: %s databases are backed up with their own tools (pg_dump)", st.Backend())
		}
		return ExitError, fmt.Errorf("backup: %w", err)
	}
	fmt.Fprintf(env.Stderr, "art28: database copied to %s (restore: stop art28 serve and put the file in place of the database, or serve it with --db sqlite:%s)\n", paths[0], paths[0])
	return ExitOK, nil
}
