package store

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestNormalizeKey(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Amazon Web Services, Inc.", "amazon web services inc"},
		{"  IONOS SE ", "ionos se"},
		{"ionos-se", "ionos se"},
		{"Müller & Söhne GmbH", "müller söhne gmbh"},
		{"1&1 Telecom", "1 1 telecom"},
		{"", ""},
		{"--", ""},
	} {
		if got := NormalizeKey(tc.in); got != tc.want {
			t.Errorf("NormalizeKey(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func FuzzNormalizeKey(f *testing.F) {
	for _, s := range []string{"Amazon Web Services, Inc.", "Müller & Söhne", " a  b ", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		k := NormalizeKey(s)
		if NormalizeKey(k) != k {
			t.Fatalf("not idempotent: %q -> %q -> %q", s, k, NormalizeKey(k))
		}
		if strings.HasPrefix(k, " ") || strings.HasSuffix(k, " ") || strings.Contains(k, "  ") {
			t.Fatalf("stray spaces in %q", k)
		}
		if !utf8.ValidString(k) {
			t.Fatalf("invalid UTF-8 %q", k)
		}
	})
}

func TestPlaceholders(t *testing.T) {
	for _, tc := range []struct{ in, sqlite, pg string }{
		{"SELECT 1", "SELECT 1", "SELECT 1"},
		{"a = ? AND b IN (?, ?)", "a = ? AND b IN (?, ?)", "a = $1 AND b IN ($2, $3)"},
	} {
		if got := sqliteDialect.q(tc.in); got != tc.sqlite {
			t.Errorf("sqlite %q = %q", tc.in, got)
		}
		if got := postgresDialect.q(tc.in); got != tc.pg {
			t.Errorf("postgres %q = %q", tc.in, got)
		}
	}
	if placeholders(3) != "?, ?, ?" || placeholders(1) != "?" {
		t.Errorf("placeholders: %q", placeholders(3))
	}
}

func TestMigrationsSplitAndTokens(t *testing.T) {
	ms, err := migrations()
	if err != nil {
		t.Fatal(err)
	}
	for i, m := range ms {
		if m.version != i+1 {
			t.Errorf("migration %s numbered %d at position %d: numbers must run 1, 2, 3 …", m.name, m.version, i+1)
		}
		for _, d := range []dialect{sqliteDialect, postgresDialect} {
			for _, st := range splitStatements(d.migration(m.sql)) {
				if strings.Contains(st, "{{") || strings.Contains(st, "?") {
					t.Errorf("%s (%s): token or placeholder left in %q", m.name, d.name, st)
				}
				if !strings.HasSuffix(st, ";") {
					t.Errorf("%s: statement without semicolon: %q", m.name, st)
				}
			}
		}
	}
}

func TestContractOrderEverySort(t *testing.T) {
	for _, s := range []string{"", SortUpdated, SortVendor, SortTitle, SortState, SortMandatoryMissing, SortFindings,
		SortThirdCountry, SortNextReview, SortCreated, SortBreachHours, SortObjectionDays, SortLastReview} {
		for _, desc := range []bool{false, true} {
			order, _, err := contractOrder(s, desc)
			if err != nil || !strings.Contains(order, "c.id") {
				t.Errorf("sort %q: %q, %v", s, order, err)
			}
		}
	}
	if _, _, err := contractOrder("id; DROP TABLE contracts", false); err == nil {
		t.Error("unknown sort accepted")
	}
}
