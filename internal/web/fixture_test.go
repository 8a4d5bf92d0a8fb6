package web

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/art28/art28/internal/auth"
	"github.com/art28/art28/internal/input"
	"github.com/art28/art28/internal/store"
)

const testPassword = "correct-horse-battery-9"

// orgFixture is one organisation with an admin, a reviewer, a viewer,
// tokens and a contract.
type orgFixture struct {
	org                     store.Org
	admin, reviewer, viewer store.User
	adminToken, viewerToken string
	adminTokenID            int64
	contract                store.Contract
	version                 store.Version
	vendor                  string
}

// exampleContract is the German example contract of the repository.
func exampleContract(t testing.TB) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "examples", "avv-beispiel.md"))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// makeOrg creates an organisation with its people and one contract.
func (e *testEnv) makeOrg(name, vendor string) *orgFixture {
	t := e.t
	t.Helper()
	ctx := context.Background()
	hash, err := auth.HashPassword(testPassword)
	if err != nil {
		t.Fatal(err)
	}
	f := &orgFixture{vendor: vendor}
	slug := Slug(name)
	if f.admin, f.org, err = AddUser(ctx, e.st, "admin@"+slug+".example", hash, name, store.RoleAdmin); err != nil {
		t.Fatal(err)
	}
	if f.reviewer, _, err = AddUser(ctx, e.st, "reviewer@"+slug+".example", hash, name, store.RoleReviewer); err != nil {
		t.Fatal(err)
	}
	if f.viewer, _, err = AddUser(ctx, e.st, "viewer@"+slug+".example", hash, name, store.RoleViewer); err != nil {
		t.Fatal(err)
	}
	mk := func(u store.User, role store.Role) (string, int64) {
		secret, _, err := auth.NewToken(auth.APITokenPrefix)
		if err != nil {
			t.Fatal(err)
		}
		tok, err := e.st.CreateAPIToken(ctx, store.Scope{OrgID: f.org.ID, UserID: u.ID, Role: role}, secret, "token-"+slug, role, nil)
		if err != nil {
			t.Fatal(err)
		}
		return secret, tok.ID
	}
	f.adminToken, f.adminTokenID = mk(f.admin, store.RoleAdmin)
	f.viewerToken, _ = mk(f.viewer, store.RoleViewer)
	up, err := Ingest(ctx, e.st, testAnalyzer(), store.Scope{OrgID: f.org.ID, UserID: f.admin.ID}, "avv.md", exampleContract(t), vendor, input.Options{})
	if err != nil {
		t.Fatal(err)
	}
	f.contract, f.version = up.Contract, up.Version
	return f
}

func scopeOf(f *orgFixture) store.Scope {
	return store.Scope{OrgID: f.org.ID, UserID: f.admin.ID, Role: store.RoleAdmin}
}
