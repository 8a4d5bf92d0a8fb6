package store_test

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/art28/art28/internal/store"
	"github.com/art28/art28/internal/store/storetest"
)

// openSQLite opens a store in a fresh file under the test's temp dir.
func openSQLite(t *testing.T) store.Store {
	t.Helper()
	dsn := "sqlite:" + filepath.Join(t.TempDir(), "art28.db")
	st, err := store.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// postgresDSN is the test database, or "" to skip PostgreSQL.
func postgresDSN() string { return os.Getenv("ART28_TEST_POSTGRES") }

// pgSchemaDSN creates a schema of its own for one test and returns a DSN
// whose connections use it; cleanup drops it. Parallel tests and parallel
// runs never share tables.
func pgSchemaDSN(t *testing.T) string {
	t.Helper()
	base := postgresDSN()
	db, err := sql.Open("pgx", base)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	b := make([]byte, 6)
	rand.Read(b)
	schema := "art28test_" + hex.EncodeToString(b)
	if _, err := db.Exec("CREATE SCHEMA " + schema); err != nil {
		t.Fatalf("create schema: %v", err)
	}
	t.Cleanup(func() {
		db, err := sql.Open("pgx", base)
		if err != nil {
			return
		}
		defer db.Close()
		db.Exec("DROP SCHEMA " + schema + " CASCADE")
	})
	sep := "?"
	if strings.Contains(base, "?") {
		sep = "&"
	}
	return base + sep + "search_path=" + schema
}

func openPostgres(t *testing.T) store.Store {
	t.Helper()
	st, err := store.Open(context.Background(), pgSchemaDSN(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func TestSQLite(t *testing.T) { storetest.Run(t, openSQLite) }

func TestPostgres(t *testing.T) {
	if postgresDSN() == "" {
		t.Skip("ART28_TEST_POSTGRES not set")
	}
	storetest.Run(t, openPostgres)
}
