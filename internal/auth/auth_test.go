package auth

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

func TestPasswordHash(t *testing.T) {
	h, err := HashPassword("correct horse battery")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(h, "$argon2id$v=19$m=19456,t=2,p=1$") {
		t.Errorf("hash %q lacks its parameters", h)
	}
	if strings.Contains(h, "correct horse") {
		t.Error("hash contains the password")
	}
	if !CheckPassword(h, "correct horse battery") {
		t.Error("right password refused")
	}
	for _, bad := range []string{"correct horse batterY", "", "correct horse battery "} {
		if CheckPassword(h, bad) {
			t.Errorf("wrong password %q accepted", bad)
		}
	}
	h2, _ := HashPassword("correct horse battery")
	if h == h2 {
		t.Error("two hashes of one password are equal: salt missing")
	}
	if _, err := HashPassword("short"); err == nil {
		t.Error("short password accepted")
	}
}

func TestCheckPasswordMalformed(t *testing.T) {
	for _, h := range []string{"", "$argon2id$", "$bcrypt$v=19$m=1,t=1,p=1$AA$AA", "$argon2id$v=19$m=0,t=1,p=1$AA$AA",
		"$argon2id$v=19$m=99999999,t=1,p=1$AA$AA", "$argon2id$v=19$m=8,t=1,p=1$!!$AA", "plain-password"} {
		if CheckPassword(h, "plain-password") {
			t.Errorf("malformed hash %q matched", h)
		}
	}
	if CheckNoUser("x") {
		t.Error("CheckNoUser returned true")
	}
}

func FuzzCheckPassword(f *testing.F) {
	f.Add("$argon2id$v=19$m=8,t=1,p=1$AAAA$AAAA", "pw")
	f.Fuzz(func(t *testing.T, h, pw string) {
		// Keep each input cheap: a valid hash with a large memory or
		// time parameter would take a real argon2 run.
		var m, tm uint32
		var p uint8
		if parts := strings.Split(h, "$"); len(parts) == 6 {
			if n, _ := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &m, &tm, &p); n == 3 && (m > 64 || tm > 2) {
				return
			}
		}
		if CheckPassword(h, pw) && !strings.HasPrefix(h, "$argon2id$") {
			t.Errorf("non-argon2id hash %q matched", h)
		}
	})
}

func TestToken(t *testing.T) {
	p1, h1, err := NewToken(APITokenPrefix)
	if err != nil {
		t.Fatal(err)
	}
	p2, h2, _ := NewToken(APITokenPrefix)
	if p1 == p2 || h1 == h2 {
		t.Error("tokens repeat")
	}
	if !strings.HasPrefix(p1, APITokenPrefix) || len(p1) < 40 {
		t.Errorf("token %q too short or without prefix", p1)
	}
	if HashToken(p1) != h1 || strings.Contains(h1, p1[len(APITokenPrefix):]) {
		t.Error("hash does not match or contains the token")
	}
}

func TestRoles(t *testing.T) {
	tests := []struct {
		r    Role
		p    Permission
		want bool
	}{
		{Viewer, Read, true}, {Viewer, Review, false}, {Viewer, Manage, false}, {Viewer, SiteAdmin, false},
		{Reviewer, Read, true}, {Reviewer, Review, true}, {Reviewer, Manage, false},
		{Admin, Read, true}, {Admin, Review, true}, {Admin, Manage, true}, {Admin, SiteAdmin, true},
		{Role(""), Read, false}, {Role("root"), Manage, false},
	}
	for _, tt := range tests {
		if got := tt.r.Can(tt.p); got != tt.want {
			t.Errorf("%q.Can(%v) = %v, want %v", tt.r, tt.p, got, tt.want)
		}
	}
	if _, err := ParseRole("owner"); err == nil {
		t.Error("unknown role accepted")
	}
}

func TestLimiter(t *testing.T) {
	l := NewLimiter(3, time.Minute)
	now := time.Unix(1000, 0)
	l.now = func() time.Time { return now }
	for i := 0; i < 3; i++ {
		if !l.Allow("a") {
			t.Fatalf("refused after %d failures", i)
		}
		l.Fail("a")
	}
	if l.Allow("a") {
		t.Error("allowed after 3 failures")
	}
	if !l.Allow("b") {
		t.Error("other key refused")
	}
	now = now.Add(61 * time.Second)
	if !l.Allow("a") {
		t.Error("still refused after the window")
	}
	l.Fail("a")
	l.Reset("a")
	if !l.Allow("a") {
		t.Error("refused after reset")
	}
}
