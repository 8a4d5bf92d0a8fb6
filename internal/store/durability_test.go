package store_test

import (
	"bufio"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/art28/art28/internal/store"
	"github.com/art28/art28/internal/store/storetest"
)

func TestMigrationsIdempotent(t *testing.T) {
	dsns := map[string]string{"sqlite": "sqlite:" + filepath.Join(t.TempDir(), "m.db")}
	if postgresDSN() != "" {
		dsns["postgres"] = storetest.PostgresSchema(t, postgresDSN())
	}
	for name, dsn := range dsns {
		t.Run(name, func(t *testing.T) {
			// Two processes starting at once on an empty database.
			var wg sync.WaitGroup
			errs := make([]error, 3)
			for i := range errs {
				wg.Add(1)
				go func(i int) {
					defer wg.Done()
					st, err := store.Open(context.Background(), dsn)
					if err == nil {
						st.Close()
					}
					errs[i] = err
				}(i)
			}
			wg.Wait()
			for _, err := range errs {
				if err != nil {
					t.Fatal(err)
				}
			}
			st, err := store.Open(context.Background(), dsn)
			if err != nil {
				t.Fatal(err)
			}
			defer st.Close()
			v, err := store.SchemaVersion(context.Background(), st)
			if err != nil || v < 1 {
				t.Fatalf("schema version %d, %v", v, err)
			}
			var n int
			db := st.(interface{ DB() *sql.DB }).DB()
			if err := db.QueryRow("SELECT COUNT(*) FROM schema_migrations").Scan(&n); err != nil {
				t.Fatal(err)
			}
			if n != v {
				t.Fatalf("%d migrations recorded for version %d: applied twice?", n, v)
			}
		})
	}
}

// The durability child: writes uploads until killed, printing "ack N SHA"
// after each upload is acknowledged (AddUpload returned).
func TestMain(m *testing.M) {
	if dsn := os.Getenv("ART28_DURABILITY_CHILD"); dsn != "" {
		durabilityChild(dsn)
		return
	}
	os.Exit(m.Run())
}

func durabilityChild(dsn string) {
	ctx := context.Background()
	st, err := store.Open(ctx, dsn)
	if err != nil {
		fmt.Println("error", err)
		os.Exit(1)
	}
	org, err := st.GetOrgBySlug(ctx, "kill")
	if err != nil {
		fmt.Println("error", err)
		os.Exit(1)
	}
	sc := store.Scope{OrgID: org.ID}
	w := bufio.NewWriter(os.Stdout)
	for i := 0; ; i++ {
		// About 1 MiB of distinct text per upload, so a kill lands
		// inside a write more often than between two.
		content := []byte(strings.Repeat(fmt.Sprintf("Vertrag %d Zeile. ", i), 50_000))
		vendor := fmt.Sprintf("Vendor %d", i%3)
		_, err := st.AddUpload(ctx, sc, store.Upload{VendorKey: vendor, Filename: "c.txt", Content: content,
			Result: storetest.SampleResult(vendor, i)})
		if err != nil {
			fmt.Fprintln(w, "error", err)
			w.Flush()
			os.Exit(1)
		}
		sum := sha256.Sum256(content)
		fmt.Fprintf(w, "ack %d %s\n", i, hex.EncodeToString(sum[:]))
		w.Flush()
	}
}

// TestKillDuringUpload kills a process writing uploads with SIGKILL at
// several moments and checks that every acknowledged upload is there,
// whole, and that nothing half-written is: every version's file has the
// bytes its hash names, every contract's latest version and analysis
// exist, and the version count matches.
func TestKillDuringUpload(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	dsns := map[string]string{"sqlite": "sqlite:" + filepath.Join(t.TempDir(), "kill.db")}
	if postgresDSN() != "" {
		dsns["postgres"] = storetest.PostgresSchema(t, postgresDSN())
	}
	for name, dsn := range dsns {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			st, err := store.Open(ctx, dsn)
			if err != nil {
				t.Fatal(err)
			}
			org, err := st.CreateOrg(ctx, "Kill", "kill")
			if err != nil {
				t.Fatal(err)
			}
			st.Close()
			acked := map[int]string{}
			for round, wait := range []time.Duration{150 * time.Millisecond, 400 * time.Millisecond, 900 * time.Millisecond} {
				cmd := exec.Command(os.Args[0], "-test.run=^$")
				cmd.Env = append(os.Environ(), "ART28_DURABILITY_CHILD="+dsn)
				out, err := cmd.StdoutPipe()
				if err != nil {
					t.Fatal(err)
				}
				if err := cmd.Start(); err != nil {
					t.Fatal(err)
				}
				lines := make(chan string)
				go func() {
					sc := bufio.NewScanner(out)
					for sc.Scan() {
						lines <- sc.Text()
					}
					close(lines)
				}()
				// Wait for the first ack of this round, then kill after a
				// delay, whatever the child is doing.
				timer := time.NewTimer(30 * time.Second)
				first := true
				var kill <-chan time.Time
			loop:
				for {
					select {
					case l, ok := <-lines:
						if !ok {
							break loop
						}
						f := strings.Fields(l)
						if len(f) == 3 && f[0] == "ack" {
							i, _ := strconv.Atoi(f[1])
							acked[round*1_000_000+i] = f[2]
							if first {
								first = false
								kill = time.After(wait)
							}
						} else {
							t.Fatalf("child: %s", l)
						}
					case <-kill:
						cmd.Process.Signal(syscall.SIGKILL)
						kill = nil
					case <-timer.C:
						cmd.Process.Kill()
						t.Fatal("child made no progress")
					}
				}
				cmd.Wait()
			}
			if len(acked) < 3 {
				t.Fatalf("only %d uploads acknowledged", len(acked))
			}
			st, err = store.Open(ctx, dsn)
			if err != nil {
				t.Fatal(err)
			}
			defer st.Close()
			sc := store.Scope{OrgID: org.ID}
			// Every acknowledged upload is there.
			for k, sha := range acked {
				content, _, err := st.ReadFile(ctx, sc, sha)
				if err != nil {
					t.Fatalf("acknowledged upload %d (%s) lost: %v", k, sha, err)
				}
				if sum := sha256.Sum256(content); hex.EncodeToString(sum[:]) != sha {
					t.Fatalf("upload %d: stored bytes do not match their hash", k)
				}
			}
			// Nothing half-written.
			page, err := st.ListContracts(ctx, sc, store.ContractQuery{Limit: 1000})
			if err != nil {
				t.Fatal(err)
			}
			versions := 0
			for _, c := range page.Contracts {
				vs, err := st.ListVersions(ctx, sc, c.ID)
				if err != nil {
					t.Fatal(err)
				}
				if len(vs) != c.Versions || len(vs) == 0 || vs[0].ID != c.LatestVersionID {
					t.Fatalf("contract %d: %d versions, count %d, latest %d", c.ID, len(vs), c.Versions, c.LatestVersionID)
				}
				if a, err := st.LatestAnalysis(ctx, sc, c.ID); err != nil || a.VersionID != c.LatestVersionID {
					t.Fatalf("contract %d: latest analysis %+v, %v", c.ID, a, err)
				}
				for _, v := range vs {
					_, content, err := st.ReadVersionFile(ctx, sc, v.ID)
					if err != nil {
						t.Fatalf("version %d: %v", v.ID, err)
					}
					if sum := sha256.Sum256(content); hex.EncodeToString(sum[:]) != v.SHA256 || int64(len(content)) != v.Size {
						t.Fatalf("version %d: half-written file", v.ID)
					}
				}
				versions += len(vs)
			}
			if versions < len(acked) {
				t.Fatalf("%d versions stored, %d acknowledged", versions, len(acked))
			}
			if st.Backend() == "sqlite" {
				var res string
				if err := st.(interface{ DB() *sql.DB }).DB().QueryRow("PRAGMA integrity_check").Scan(&res); err != nil || res != "ok" {
					t.Fatalf("integrity_check: %s %v", res, err)
				}
			}
			t.Logf("%s: %d acknowledged uploads in 3 killed runs, %d versions stored, all whole", name, len(acked), versions)
		})
	}
}
