//go:build unix

package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"mime/multipart"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/art28/art28/internal/auth"
	"github.com/art28/art28/internal/store"
	"github.com/art28/art28/internal/web"
)

// TestMain lets the test binary act as `art28 serve` for the kill test.
func TestMain(m *testing.M) {
	if args := os.Getenv("ART28_TEST_CHILD_SERVE"); args != "" {
		os.Exit(Run(append([]string{"serve"}, strings.Fields(args)...), os.Stdout, os.Stderr))
	}
	os.Exit(m.Run())
}

// TestKillDuringUpload kills the server with SIGKILL while clients upload
// through the API, then checks that every acknowledged upload is stored
// with its analysis and that no contract is half-written.
func TestKillDuringUpload(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	ctx := context.Background()
	db := filepath.Join(t.TempDir(), "kill.db")
	st, err := store.Open(ctx, "sqlite:"+db)
	if err != nil {
		t.Fatal(err)
	}
	hash, _ := auth.HashPassword("kill-test-password")
	u, org, err := web.AddUser(ctx, st, "k@x.example", hash, "Kill", store.RoleAdmin)
	if err != nil {
		t.Fatal(err)
	}
	token, _, _ := auth.NewToken(auth.APITokenPrefix)
	if _, err := st.CreateAPIToken(ctx, store.Scope{OrgID: org.ID, UserID: u.ID, Role: store.RoleAdmin}, token, "kill", store.RoleAdmin, nil); err != nil {
		t.Fatal(err)
	}
	st.Close()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "ART28_TEST_CHILD_SERVE=--addr "+addr+" --db sqlite:"+db)
	var logs bytes.Buffer
	cmd.Stderr = &logs
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	base := "http://" + addr
	for i := 0; i < 100; i++ {
		if res, err := http.Get(base + "/healthz"); err == nil {
			res.Body.Close()
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	contract, err := os.ReadFile(filepath.Join("..", "..", "examples", "avv-beispiel.md"))
	if err != nil {
		t.Fatal(err)
	}
	type ack struct {
		contract, version int64
	}
	var mu sync.Mutex
	var acks []ack
	stop := make(chan struct{})
	var wg sync.WaitGroup
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; ; i++ {
				select {
				case <-stop:
					return
				default:
				}
				var b bytes.Buffer
				mw := multipart.NewWriter(&b)
				mw.WriteField("vendor", fmt.Sprintf("Vendor %d-%d", w, i%7))
				fw, _ := mw.CreateFormFile("file", fmt.Sprintf("c%d-%d.md", w, i))
				fw.Write(contract)
				fmt.Fprintf(fw, "\n\nAnlage %d-%d\n", w, i)
				mw.Close()
				req, _ := http.NewRequest("POST", base+"/api/v1/contracts", &b)
				req.Header.Set("Content-Type", mw.FormDataContentType())
				req.Header.Set("Authorization", "Bearer "+token)
				res, err := http.DefaultClient.Do(req)
				if err != nil {
					return // the server is gone
				}
				var out struct {
					Results []struct {
						ContractID  int64 `json:"contract_id"`
						VersionInfo struct {
							ID int64 `json:"id"`
						} `json:"version_info"`
					} `json:"results"`
				}
				err = json.NewDecoder(res.Body).Decode(&out)
				res.Body.Close()
				if err == nil && res.StatusCode == http.StatusCreated && len(out.Results) == 1 {
					mu.Lock()
					acks = append(acks, ack{out.Results[0].ContractID, out.Results[0].VersionInfo.ID})
					mu.Unlock()
				}
			}
		}()
	}
	// Kill once a few uploads are through (however slow the machine),
	// while more are in flight.
	for i := 0; i < 400; i++ {
		mu.Lock()
		n := len(acks)
		mu.Unlock()
		if n >= 5 {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	time.Sleep(300 * time.Millisecond)
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	cmd.Wait()
	close(stop)
	wg.Wait()
	if len(acks) == 0 {
		t.Fatalf("no upload acknowledged before the kill:\n%s", logs.String())
	}
	st, err = store.Open(ctx, "sqlite:"+db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	sc := store.Scope{OrgID: org.ID, UserID: u.ID}
	for _, a := range acks {
		v, err := st.GetVersion(ctx, sc, a.version)
		if err != nil || v.ContractID != a.contract {
			t.Errorf("acknowledged version %d of contract %d lost: %v", a.version, a.contract, err)
		}
	}
	pg, err := st.ListContracts(ctx, sc, store.ContractQuery{Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range pg.Contracts {
		if c.LatestVersionID == 0 || c.LatestAnalysisID == 0 {
			t.Errorf("contract %d half-written: version %d, analysis %d", c.ID, c.LatestVersionID, c.LatestAnalysisID)
		}
		vs, err := st.ListVersions(ctx, sc, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		as, err := st.ListAnalyses(ctx, sc, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		analysed := map[int64]bool{}
		for _, a := range as {
			analysed[a.VersionID] = true
		}
		for _, v := range vs {
			if !analysed[v.ID] {
				t.Errorf("version %d of contract %d stored without its analysis", v.ID, c.ID)
			}
			if _, _, err := st.ReadVersionFile(ctx, sc, v.ID); err != nil {
				t.Errorf("version %d: original lost: %v", v.ID, err)
			}
		}
	}
	t.Logf("%d uploads acknowledged before SIGKILL, %d contracts stored, all complete", len(acks), pg.Total)
}
