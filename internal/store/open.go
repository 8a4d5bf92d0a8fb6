package store

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // registers driver "pgx"
	_ "modernc.org/sqlite"             // registers driver "sqlite"
)

//go:embed migrations/*.sql
var migrationFiles embed.FS

// migration is one numbered schema change.
type migration struct {
	version int
	name    string
	sql     string
}

// migrations returns the embedded migrations in order.
func migrations() ([]migration, error) {
	entries, err := fs.ReadDir(migrationFiles, "migrations")
	if err != nil {
		return nil, err
	}
	var ms []migration
	for _, e := range entries {
		name := e.Name()
		num, _, ok := strings.Cut(name, "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil || !strings.HasSuffix(name, ".sql") {
			return nil, fmt.Errorf("migration file %q: want NNNN_name.sql", name)
		}
		b, err := migrationFiles.ReadFile("migrations/" + name)
		if err != nil {
			return nil, err
		}
		ms = append(ms, migration{version: v, name: strings.TrimSuffix(name, ".sql"), sql: string(b)})
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].version < ms[j].version })
	for i := 1; i < len(ms); i++ {
		if ms[i].version == ms[i-1].version {
			return nil, fmt.Errorf("two migrations numbered %d", ms[i].version)
		}
	}
	return ms, nil
}

// splitStatements splits a migration into statements at semicolons that
// end a line, dropping comment lines.
func splitStatements(src string) []string {
	var out []string
	var cur strings.Builder
	for _, line := range strings.Split(src, "\n") {
		t := strings.TrimSpace(line)
		if t == "" || strings.HasPrefix(t, "--") {
			continue
		}
		cur.WriteString(line)
		cur.WriteByte('\n')
		if strings.HasSuffix(t, ";") {
			out = append(out, strings.TrimSpace(cur.String()))
			cur.Reset()
		}
	}
	if s := strings.TrimSpace(cur.String()); s != "" {
		out = append(out, s)
	}
	return out
}

// migrate applies the migrations not yet recorded in schema_migrations,
// each in its own transaction. On PostgreSQL an advisory lock keeps two
// processes from migrating at once; SQLite's write lock does the same.
func (s *sqlStore) migrate(ctx context.Context) error {
	ms, err := migrations()
	if err != nil {
		return err
	}
	err = s.tx(ctx, func(r runner) error {
		if s.d.name == "postgres" {
			// CREATE TABLE IF NOT EXISTS races with itself on PostgreSQL.
			if _, err := r.exec(ctx, `SELECT pg_advisory_xact_lock(2828028)`); err != nil {
				return err
			}
		}
		_, err := r.exec(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
	version BIGINT PRIMARY KEY,
	name TEXT NOT NULL,
	applied_at BIGINT NOT NULL
)`)
		return err
	})
	if err != nil {
		return fmt.Errorf("create schema_migrations: %w", err)
	}
	for _, m := range ms {
		err := s.tx(ctx, func(r runner) error {
			if s.d.name == "postgres" {
				if _, err := r.exec(ctx, `SELECT pg_advisory_xact_lock(2828028)`); err != nil {
					return err
				}
			}
			var n int
			if err := r.row(ctx, `SELECT COUNT(*) FROM schema_migrations WHERE version = ?`, m.version).Scan(&n); err != nil {
				return err
			}
			if n > 0 {
				return nil
			}
			for _, stmt := range splitStatements(s.d.migration(m.sql)) {
				if _, err := r.tx.ExecContext(ctx, stmt); err != nil {
					return fmt.Errorf("%s: %w\n%s", m.name, err, stmt)
				}
			}
			_, err := r.exec(ctx, `INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)`,
				m.version, m.name, now().UnixMicro())
			return err
		})
		if err != nil {
			return fmt.Errorf("migrate %s: %w", m.name, err)
		}
	}
	return nil
}

// WarmPool opens up to n of the pool's connections at once and leaves
// them idle, so that a server's first concurrent requests do not each
// start a database backend (on PostgreSQL a new connection costs a backend
// process, authentication and cold catalog caches: the first 20 requests
// of a freshly started server took several times a warm one's latency).
// On SQLite, and for stores not opened by Open, it does nothing.
func WarmPool(ctx context.Context, st Store, n int) error {
	s, ok := st.(*sqlStore)
	if !ok || s.d.name != "postgres" {
		return nil
	}
	n = min(n, postgresPool)
	conns := make([]*sql.Conn, 0, n)
	defer func() {
		for _, c := range conns {
			c.Close() // back to the pool
		}
	}()
	for i := 0; i < n; i++ {
		c, err := s.db.Conn(ctx)
		if err != nil {
			return fmt.Errorf("warm pool: %w", err)
		}
		conns = append(conns, c)
	}
	// Each backend reads the catalog of the tables every page reads.
	for _, c := range conns {
		var n int64
		if err := c.QueryRowContext(ctx, `SELECT COUNT(*) FROM (SELECT c.id FROM contracts c WHERE c.org_id = 0
ORDER BY c.updated_at DESC, c.id DESC LIMIT 1) x`).Scan(&n); err != nil {
			return fmt.Errorf("warm pool: %w", err)
		}
	}
	return nil
}

// SchemaVersion returns the highest applied migration of a store opened by
// Open, for diagnostics.
func SchemaVersion(ctx context.Context, st Store) (int, error) {
	s, ok := st.(*sqlStore)
	if !ok {
		return 0, ErrUnsupported
	}
	var v sql.NullInt64
	err := s.db.QueryRowContext(ctx, `SELECT MAX(version) FROM schema_migrations`).Scan(&v)
	return int(v.Int64), err
}

func openSQLite(ctx context.Context, path string) (Store, error) {
	if path == "" {
		return nil, fmt.Errorf("%w: sqlite: empty path", ErrInvalid)
	}
	memory := path == ":memory:"
	if !memory {
		if dir := filepath.Dir(path); dir != "" {
			if err := os.MkdirAll(dir, 0o700); err != nil {
				return nil, fmt.Errorf("sqlite: %w", err)
			}
		}
	}
	// WAL lets readers run beside the one writer; synchronous(FULL) makes
	// every acknowledged commit durable; immediate transactions take the
	// write lock at BEGIN so two writers never deadlock on an upgrade.
	params := url.Values{}
	for _, p := range []string{"foreign_keys(1)", "busy_timeout(10000)", "journal_mode(WAL)", "synchronous(FULL)"} {
		params.Add("_pragma", p)
	}
	params.Set("_txlock", "immediate")
	dsn := "file:" + path + "?" + params.Encode()
	if memory {
		// One shared in-memory database for the pool.
		dsn = "file:art28mem" + strconv.FormatInt(time.Now().UnixNano(), 36) + "?mode=memory&cache=shared&" + params.Encode()
	}
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("sqlite: %w", err)
	}
	db.SetMaxOpenConns(8)
	db.SetMaxIdleConns(8)
	db.SetConnMaxIdleTime(5 * time.Minute)
	s := &sqlStore{db: db, d: sqliteDialect, path: path, writer: newWriteLock()}
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("sqlite %s: %w", path, err)
	}
	if err := s.migrate(ctx); err != nil {
		db.Close()
		return nil, err
	}
	// Statements are cached only after the migrations: DDL is not.
	s.stmts = &stmtCache{db: db, m: map[string]*sql.Stmt{}, inflight: map[string]bool{}}
	return s, nil
}

// postgresPool is the most connections a store keeps open to PostgreSQL.
const postgresPool = 20

func openPostgres(ctx context.Context, dsn string) (Store, error) {
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		return nil, fmt.Errorf("postgres %s: %w", redactDSN(dsn), err)
	}
	db.SetMaxOpenConns(postgresPool)
	db.SetMaxIdleConns(postgresPool)
	db.SetConnMaxIdleTime(5 * time.Minute)
	s := &sqlStore{db: db, d: postgresDialect}
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("postgres %s: %w", redactDSN(dsn), err)
	}
	if err := s.migrate(ctx); err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

// sqlStore implements Store over database/sql for both databases.
type sqlStore struct {
	db     *sql.DB
	d      dialect
	path   string     // SQLite file
	stmts  *stmtCache // SQLite: prepared reads (pgx caches its own)
	writer *writeLock // SQLite: one writer at a time; nil on PostgreSQL
}

// writeLock admits one writer at a time on SQLite. SQLite has one writer
// anyway, and its busy handler is neither fair nor ordered: under many
// concurrent uploads a writer could wait past the busy timeout while others
// kept winning. Waiting on a Go semaphore queues them instead; the busy
// timeout then covers only other processes (a backup, a second server).
type writeLock chan struct{}

func newWriteLock() *writeLock {
	w := make(writeLock, 1)
	return &w
}

// acquire waits for the lock or the context; a nil lock admits at once.
func (w *writeLock) acquire(ctx context.Context) (release func(), err error) {
	if w == nil {
		return func() {}, nil
	}
	select {
	case *w <- struct{}{}:
		return func() { <-*w }, nil
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

func (s *sqlStore) Backend() string                { return s.d.name }
func (s *sqlStore) Ping(ctx context.Context) error { return s.db.PingContext(ctx) }
func (s *sqlStore) Close() error {
	if s.stmts != nil {
		s.stmts.close()
	}
	return s.db.Close()
}

// Backup writes a consistent copy of a SQLite database with VACUUM INTO,
// which runs online beside readers and writers.
func (s *sqlStore) Backup(ctx context.Context, path string) error {
	if s.d.name != "sqlite" {
		return ErrUnsupported
	}
	if _, err := os.Stat(path); err == nil {
		return fmt.Errorf("backup: %s exists", path)
	}
	if _, err := s.db.ExecContext(ctx, `VACUUM INTO ?`, path); err != nil {
		return fmt.Errorf("backup to %s: %w", path, err)
	}
	return nil
}

// runner runs queries on the pool or in a transaction, rewriting
// placeholders for the dialect.
type runner struct {
	tx interface {
		ExecContext(context.Context, string, ...any) (sql.Result, error)
		QueryContext(context.Context, string, ...any) (*sql.Rows, error)
		QueryRowContext(context.Context, string, ...any) *sql.Row
	}
	d dialect
	w *writeLock // set on a SQLite pool runner: its writes queue for the lock
}

func (r runner) exec(ctx context.Context, q string, args ...any) (sql.Result, error) {
	release, err := r.w.acquire(ctx)
	if err != nil {
		return nil, err
	}
	defer release()
	return r.tx.ExecContext(ctx, r.d.q(q), args...)
}

func (r runner) query(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	return r.tx.QueryContext(ctx, r.d.q(q), args...)
}

func (r runner) row(ctx context.Context, q string, args ...any) *sql.Row {
	return r.tx.QueryRowContext(ctx, r.d.q(q), args...)
}

// insertID runs an INSERT … RETURNING id.
func (r runner) insertID(ctx context.Context, q string, args ...any) (int64, error) {
	release, err := r.w.acquire(ctx)
	if err != nil {
		return 0, err
	}
	defer release()
	var id int64
	err = r.row(ctx, q+" RETURNING id", args...).Scan(&id)
	return id, err
}

// r is a runner on the pool, for reads and single-statement writes.
func (s *sqlStore) r() runner {
	if s.stmts != nil {
		return runner{tx: s.stmts, d: s.d, w: s.writer}
	}
	return runner{tx: s.db, d: s.d, w: s.writer}
}

// stmtCache runs statements through prepared statements, so that SQLite
// parses each distinct query once per connection rather than once per call
// (modernc.org/sqlite does not cache them itself). It keeps at most
// stmtCacheSize queries; others run unprepared. No lock is held while a
// statement is prepared, and a transaction never waits for one: preparing
// takes a connection of the pool, which a transaction holding SQLite's
// write lock must not wait for.
type stmtCache struct {
	db       *sql.DB
	mu       sync.RWMutex
	m        map[string]*sql.Stmt
	inflight map[string]bool
}

const stmtCacheSize = 300

func (c *stmtCache) lookup(q string) *sql.Stmt {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return c.m[q]
}

// stmt returns the prepared statement of q, preparing it if there is room.
// Call it only while holding no connection.
func (c *stmtCache) stmt(ctx context.Context, q string) *sql.Stmt {
	if st := c.lookup(q); st != nil {
		return st
	}
	c.mu.RLock()
	full := c.m == nil || len(c.m) >= stmtCacheSize
	c.mu.RUnlock()
	if full {
		return nil
	}
	st, err := c.db.PrepareContext(ctx, q)
	if err != nil {
		return nil // run unprepared and report the error there
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if old := c.m[q]; old != nil {
		st.Close()
		return old
	}
	if c.m == nil || len(c.m) >= stmtCacheSize {
		st.Close()
		return nil
	}
	c.m[q] = st
	return st
}

// prepareLater prepares q in the background (for transactions).
func (c *stmtCache) prepareLater(q string) {
	c.mu.Lock()
	if c.m == nil || c.inflight[q] || len(c.m)+len(c.inflight) >= stmtCacheSize {
		c.mu.Unlock()
		return
	}
	c.inflight[q] = true
	c.mu.Unlock()
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		c.stmt(ctx, q)
		c.mu.Lock()
		delete(c.inflight, q)
		c.mu.Unlock()
	}()
}

func (c *stmtCache) ExecContext(ctx context.Context, q string, args ...any) (sql.Result, error) {
	if st := c.stmt(ctx, q); st != nil {
		return st.ExecContext(ctx, args...)
	}
	return c.db.ExecContext(ctx, q, args...)
}

func (c *stmtCache) QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	if st := c.stmt(ctx, q); st != nil {
		return st.QueryContext(ctx, args...)
	}
	return c.db.QueryContext(ctx, q, args...)
}

func (c *stmtCache) QueryRowContext(ctx context.Context, q string, args ...any) *sql.Row {
	if st := c.stmt(ctx, q); st != nil {
		return st.QueryRowContext(ctx, args...)
	}
	return c.db.QueryRowContext(ctx, q, args...)
}

// txStmts runs a transaction's statements through the cache.
type txStmts struct {
	tx *sql.Tx
	c  *stmtCache
}

// stmt is the cached statement of q bound to the transaction, or nil (and
// q is then prepared in the background for the next time).
func (t txStmts) stmt(ctx context.Context, q string) *sql.Stmt {
	if st := t.c.lookup(q); st != nil {
		return t.tx.StmtContext(ctx, st)
	}
	t.c.prepareLater(q)
	return nil
}

func (t txStmts) ExecContext(ctx context.Context, q string, args ...any) (sql.Result, error) {
	if st := t.stmt(ctx, q); st != nil {
		return st.ExecContext(ctx, args...)
	}
	return t.tx.ExecContext(ctx, q, args...)
}

func (t txStmts) QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	if st := t.stmt(ctx, q); st != nil {
		return st.QueryContext(ctx, args...)
	}
	return t.tx.QueryContext(ctx, q, args...)
}

func (t txStmts) QueryRowContext(ctx context.Context, q string, args ...any) *sql.Row {
	if st := t.stmt(ctx, q); st != nil {
		return st.QueryRowContext(ctx, args...)
	}
	return t.tx.QueryRowContext(ctx, q, args...)
}

func (c *stmtCache) close() {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, st := range c.m {
		st.Close()
	}
	c.m = nil
}

// tx runs fn in a transaction, retrying a few times when PostgreSQL
// reports a deadlock or serialisation failure.
func (s *sqlStore) tx(ctx context.Context, fn func(r runner) error) error {
	var err error
	for attempt := 0; attempt < 4; attempt++ {
		err = s.tx1(ctx, fn)
		if err == nil || !retryable(err) {
			return err
		}
	}
	return err
}

func (s *sqlStore) tx1(ctx context.Context, fn func(r runner) error) error {
	release, err := s.writer.acquire(ctx)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	defer release()
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	r := runner{tx: tx, d: s.d}
	if s.stmts != nil {
		r.tx = txStmts{tx: tx, c: s.stmts}
	}
	if err := fn(r); err != nil {
		tx.Rollback()
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	return nil
}

func retryable(err error) bool {
	s := err.Error()
	return strings.Contains(s, "SQLSTATE 40P01") || strings.Contains(s, "SQLSTATE 40001")
}

// notFound maps sql.ErrNoRows to ErrNotFound.
func notFound(err error) error {
	if errors.Is(err, sql.ErrNoRows) {
		return ErrNotFound
	}
	return err
}

// now is the store's clock, in microseconds like the columns.
func now() time.Time { return time.Now().UTC().Truncate(time.Microsecond) }

func fromMicro(us int64) time.Time { return time.UnixMicro(us).UTC() }

func fromNullMicro(v sql.NullInt64) *time.Time {
	if !v.Valid {
		return nil
	}
	t := fromMicro(v.Int64)
	return &t
}

func nullMicro(t *time.Time) any {
	if t == nil || t.IsZero() {
		return nil
	}
	return t.UTC().UnixMicro()
}

// DB is the underlying database handle, for tests and maintenance tools;
// queries through it bypass the tenancy checks.
func (s *sqlStore) DB() *sql.DB { return s.db }

func (s *sqlStore) Maintain(ctx context.Context) error {
	// Bring every organisation's sub-processor aggregates up to date, so
	// that the first portfolio read after a bulk import does not pay for it.
	rows, err := s.db.QueryContext(ctx, `SELECT DISTINCT org_id FROM stats_dirty`)
	if err != nil {
		return fmt.Errorf("maintain: %w", err)
	}
	var orgs []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return err
		}
		orgs = append(orgs, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, id := range orgs {
		if err := s.flushStats(ctx, id); err != nil {
			return err
		}
	}
	if s.d.name == "postgres" {
		return s.vacuumAnalyze(ctx)
	}
	if _, err := s.db.ExecContext(ctx, `ANALYZE`); err != nil {
		return fmt.Errorf("analyze: %w", err)
	}
	if s.d.name == "sqlite" {
		if _, err := s.db.ExecContext(ctx, `PRAGMA optimize`); err != nil {
			return fmt.Errorf("optimize: %w", err)
		}
	}
	return nil
}

// vacuumAnalyze runs VACUUM (ANALYZE) on the register's own tables (those
// of the schema in use, not the whole database). Without autovacuum a bulk
// import leaves a dead row version for every UPDATE of a contract and an
// empty visibility map, so the portfolio's index-only COUNT and page
// queries would visit the heap for every row; the marks of stats_dirty,
// deleted as soon as they are read, would slow every check for new ones.
func (s *sqlStore) vacuumAnalyze(ctx context.Context) error {
	rows, err := s.db.QueryContext(ctx, `SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename`)
	if err != nil {
		return fmt.Errorf("maintain: %w", err)
	}
	var tables []string
	for rows.Next() {
		var t string
		if err := rows.Scan(&t); err != nil {
			rows.Close()
			return err
		}
		tables = append(tables, `"`+strings.ReplaceAll(t, `"`, `""`)+`"`)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	if len(tables) == 0 {
		return nil
	}
	if _, err := s.db.ExecContext(ctx, `VACUUM (ANALYZE) `+strings.Join(tables, ", ")); err != nil {
		return fmt.Errorf("vacuum: %w", err)
	}
	return nil
}
