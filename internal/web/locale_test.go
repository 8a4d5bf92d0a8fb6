package web

import (
	"encoding/json"
	"io/fs"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/art28/art28/internal/report"
)

// TestLocaleComplete checks that every UI string has both languages and
// every key a template names exists.
func TestLocaleComplete(t *testing.T) {
	loc, err := loadLocale(localeYAML)
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range loc {
		if v.DE == "" || v.EN == "" {
			t.Errorf("%s: a language is missing", k)
		}
	}
	if _, err := loadLocale([]byte("x: {en: a, de: b, fr: c}\n")); err == nil {
		t.Error("unknown language accepted")
	}
	keyRe := regexp.MustCompile(`\bt (?:\$L|\.Lang|\$\.Lang) "([a-z_-]+)"`)
	names, _ := fs.Glob(assets, "templates/*.html")
	for _, n := range names {
		b, _ := fs.ReadFile(assets, n)
		for _, m := range keyRe.FindAllStringSubmatch(string(b), -1) {
			if _, ok := loc[m[1]]; !ok && strings.HasPrefix(report.Tr("en", m[1]), "[") {
				t.Errorf("%s: key %q in neither locale", n, m[1])
			}
		}
	}
	// Keys built at run time.
	for _, prefix := range []string{"state_new", "state_in_review", "state_accepted", "state_renegotiating", "state_rejected", "state_expired",
		"decision_accept", "decision_override", "decision_confirm", "decision_dismiss", "change_status", "change_subprocessor",
		"change_deadline", "change_finding", "sort_updated", "sort_vendor", "sort_missing", "sort_next_review"} {
		if _, ok := loc[prefix]; !ok {
			t.Errorf("key %q missing", prefix)
		}
	}
}

// TestOpenAPIMatchesRoutes checks that the OpenAPI document describes
// exactly the API routes of the route table, with their permissions.
func TestOpenAPIMatchesRoutes(t *testing.T) {
	var doc struct {
		OpenAPI string                               `json:"openapi"`
		Paths   map[string]map[string]map[string]any `json:"paths"`
	}
	if err := json.Unmarshal(openAPI, &doc); err != nil {
		t.Fatal(err)
	}
	if doc.OpenAPI != "3.1.0" {
		t.Errorf("openapi %q", doc.OpenAPI)
	}
	s := &Server{}
	want := map[string]string{}
	for _, rt := range s.routeTable() {
		if !rt.api {
			continue
		}
		method, path, _ := strings.Cut(rt.pattern, " ")
		want[strings.ToLower(method)+" "+path] = rt.perm.String()
	}
	got := map[string]string{}
	for path, ops := range doc.Paths {
		for method, op := range ops {
			perm, _ := op["x-art28-permission"].(string)
			got[method+" "+path] = perm
		}
	}
	var keys []string
	for k := range want {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if g, ok := got[k]; !ok {
			t.Errorf("%s is not in openapi.json", k)
		} else if g != want[k] {
			t.Errorf("%s: openapi.json says permission %q, the route table %q", k, g, want[k])
		}
	}
	for k := range got {
		if _, ok := want[k]; !ok {
			t.Errorf("openapi.json describes %s, which no route serves", k)
		}
	}
}
