package store_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

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

func openPostgres(t *testing.T) store.Store {
	t.Helper()
	st, err := store.Open(context.Background(), storetest.PostgresSchema(t, postgresDSN()))
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

// TestLoadQueriesRun keeps storebench working: a small portfolio is
// filled and every measured query runs without error. The figures at
// 10,000 contracts come from storebench (docs/storage.md).
func TestLoadQueriesRun(t *testing.T) {
	ctx := context.Background()
	st := openSQLite(t)
	org, err := st.CreateOrg(ctx, "Load", "load")
	if err != nil {
		t.Fatal(err)
	}
	sc := store.Scope{OrgID: org.ID}
	if _, err := storetest.Fill(ctx, st, sc, 60, 2000, 3, 7, nil); err != nil {
		t.Fatal(err)
	}
	if err := storetest.SetStates(ctx, st, sc, 3); err != nil {
		t.Fatal(err)
	}
	if err := st.Maintain(ctx); err != nil {
		t.Fatal(err)
	}
	page, err := st.ListContracts(ctx, sc, store.ContractQuery{})
	if err != nil || page.Total != 60 {
		t.Fatalf("filled %d contracts, %v", page.Total, err)
	}
	for _, r := range storetest.Measure(ctx, st, sc, 2, 30*time.Millisecond) {
		if r.Errors > 0 || r.N == 0 {
			t.Errorf("%s: %d runs, %d errors (%v)", r.Query, r.N, r.Errors, r.FirstError)
		}
	}
}

func TestSQLiteBackup(t *testing.T) {
	ctx := context.Background()
	st := openSQLite(t)
	org, err := st.CreateOrg(ctx, "Backup", "backup")
	if err != nil {
		t.Fatal(err)
	}
	sc := store.Scope{OrgID: org.ID}
	up, err := st.AddUpload(ctx, sc, store.Upload{VendorKey: "v", Filename: "a.txt", Content: []byte("kept"), Result: storetest.SampleResult("v", 1)})
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "copy.db")
	if err := st.Backup(ctx, path); err != nil {
		t.Fatal(err)
	}
	if err := st.Backup(ctx, path); err == nil {
		t.Fatal("backup over an existing file")
	}
	cp, err := store.Open(ctx, "sqlite:"+path)
	if err != nil {
		t.Fatal(err)
	}
	defer cp.Close()
	_, content, err := cp.ReadVersionFile(ctx, sc, up.Version.ID)
	if err != nil || string(content) != "kept" {
		t.Fatalf("backup lacks the upload: %q, %v", content, err)
	}
}
