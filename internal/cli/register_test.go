package cli

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/art28/art28/internal/auth"
	"github.com/art28/art28/internal/store"
)

// TestRegisterCommands runs users add, tokens create, import, reanalyze
// and backup against a SQLite file.
func TestRegisterCommands(t *testing.T) {
	dir := t.TempDir()
	dsn := "sqlite:" + filepath.Join(dir, "r.db")
	run := func(stdin string, args ...string) (int, string) {
		var out lockedBuffer
		env := testEnv(&out)
		env.Stdin = strings.NewReader(stdin)
		return RunEnv(args, env), out.String()
	}
	if code, out := run("short\n", "users", "add", "--db", dsn, "--email", "a@x.example", "--role", "admin"); code != ExitError || !strings.Contains(out, "at least") {
		t.Errorf("short password: %d %s", code, out)
	}
	if code, out := run("a-long-password-1\n", "users", "add", "--db", dsn, "--email", "A@X.example", "--role", "admin", "--org", "Acme GmbH"); code != ExitOK || !strings.Contains(out, `admin of "Acme GmbH"`) {
		t.Fatalf("users add: %d %s", code, out)
	}
	if code, _ := run("", "users", "add", "--db", dsn, "--email", "v@x.example", "--role", "owner"); code != ExitError {
		t.Error("unknown role accepted")
	}
	code, out := run("", "tokens", "create", "--db", dsn, "--email", "a@x.example", "--org", "acme-gmbh", "--role", "viewer")
	token := strings.TrimSpace(out)
	if code != ExitOK || !strings.HasPrefix(token, auth.APITokenPrefix) {
		t.Fatalf("tokens create: %d %s", code, out)
	}
	if code, out := run("", "import", "--db", dsn, "--org", "Acme GmbH", "../../examples"); code != ExitOK || !strings.Contains(out, "imported 2 of 2") {
		t.Fatalf("import: %d %s", code, out)
	}
	bad := t.TempDir()
	os.WriteFile(filepath.Join(bad, "empty.txt"), []byte("  \n"), 0o644)
	os.WriteFile(filepath.Join(bad, "good.md"), exampleBytes(t), 0o644)
	if code, out := run("", "import", "--db", dsn, "--org", "Other Org", bad); code != ExitError || !strings.Contains(out, "empty.txt: input is empty") || !strings.Contains(out, "imported 1 of 2") {
		t.Errorf("import with a bad file: %d %s", code, out)
	}
	if code, out := run("", "reanalyze", "--db", dsn, "--org", "Acme GmbH"); code != ExitOK || !strings.Contains(out, "re-analysed 2 contracts") {
		t.Fatalf("reanalyze: %d %s", code, out)
	}
	backup := filepath.Join(dir, "copy.db")
	if code, out := run("", "backup", "--db", dsn, backup); code != ExitOK {
		t.Fatalf("backup: %d %s", code, out)
	}
	ctx := context.Background()
	st, err := store.Open(ctx, "sqlite:"+backup)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	sc, tok, err := st.LookupAPIToken(ctx, token)
	if err != nil || tok.Role != store.RoleViewer {
		t.Fatalf("token in the backup: %v %v", err, tok.Role)
	}
	pg, err := st.ListContracts(ctx, sc, store.ContractQuery{})
	if err != nil || pg.Total != 2 {
		t.Fatalf("contracts in the backup: %v %d", err, pg.Total)
	}
	as, err := st.ListAnalyses(ctx, sc, pg.Contracts[0].ID)
	if err != nil || len(as) != 2 {
		t.Errorf("analyses after reanalyze: %v %d, want 2", err, len(as))
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "r.db")); strings.Contains(string(b), token) || strings.Contains(string(b), "a-long-password-1") {
		t.Error("token or password in the database in clear")
	}
}

func exampleBytes(t *testing.T) []byte {
	b, err := os.ReadFile(filepath.Join("..", "..", "examples", "avv-beispiel.md"))
	if err != nil {
		t.Fatal(err)
	}
	return b
}
