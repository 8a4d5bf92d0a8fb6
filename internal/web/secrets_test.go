package web

import (
	"net/url"
	"os"
	"strings"
	"testing"
)

// TestSecretsNotStored logs in, sets up, creates a token and fails logins,
// then checks that no password or token appears in the logs or, in clear,
// in the database file.
func TestSecretsNotStored(t *testing.T) {
	e := newEnv(t, backends()[0])
	c := e.client()
	setupPassword := "first-admin-password-77"
	code, _ := c.post("/setup", url.Values{"token": {e.setup}, "org": {"Acme"}, "email": {"root@acme.example"}, "password": {setupPassword}, "csrf": {""}})
	if code != 303 {
		t.Fatalf("setup: %d", code)
	}
	// The setup page is gone once used.
	if code, _ := e.client().get("/setup?token=" + e.setup); code != 404 {
		t.Errorf("setup page after setup: %d, want 404", code)
	}
	wrong := "wrong-password-55555"
	e.client().post("/login", url.Values{"email": {"root@acme.example"}, "password": {wrong}})
	_, body := c.post("/admin/tokens", url.Values{"name": {"ci"}, "role": {"viewer"}})
	m := strings.Index(body, "a28t_")
	if m < 0 {
		t.Fatal("new token not shown")
	}
	token := body[m : m+5+43]
	if code, _ := e.bearer(token).get("/api/v1/contracts"); code != 200 {
		t.Fatalf("new token refused: %d", code)
	}
	var session string
	u, _ := url.Parse(e.ts.URL)
	for _, ck := range c.hc.Jar.Cookies(u) {
		if ck.Name == sessionCookie {
			session = ck.Value
		}
	}
	if session == "" {
		t.Fatal("no session cookie")
	}
	c.get("/")
	db, err := os.ReadFile(e.path)
	if err != nil {
		t.Fatal(err)
	}
	for _, wal := range []string{"-wal", "-journal"} {
		if b, err := os.ReadFile(e.path + wal); err == nil {
			db = append(db, b...)
		}
	}
	logs := e.logs.String()
	for name, secret := range map[string]string{"password": setupPassword, "wrong password": wrong, "token": token, "session": session, "setup token": e.setup} {
		if strings.Contains(logs, secret) {
			t.Errorf("%s in the logs", name)
		}
		if strings.Contains(string(db), secret) {
			t.Errorf("%s in the database in clear", name)
		}
	}
	if !strings.Contains(logs, "login failed") {
		t.Error("failed login not logged")
	}
}
