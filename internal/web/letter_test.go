package web

import (
	"archive/zip"
	"bytes"
	"io"
	"strings"
	"testing"

	"github.com/art28/art28/internal/model"
)

func TestLetter(t *testing.T) {
	res := &model.Result{
		Requirements: []model.Verdict{
			{ID: "instructions", Status: "missing", Article: "Art. 28(3)(a)"},
			{ID: "confidentiality", Status: "met"},
			{ID: "audits", Status: "partial"},
		},
		Findings: []model.Finding{
			{ID: "f1", Title: "Short objection period", Suggestion: "Objection within 30 days <b>&</b>."},
			{ID: "f2", Title: "Dismissed", Suggestion: "Should not appear."},
			{ID: "f3", Title: "No clause"},
		},
	}
	reqs := map[string]*decisionView{"audits": {Decision: "override", Status: "met"}}
	finds := map[string]*decisionView{"f2": {Decision: "dismiss"}}
	for _, lang := range []string{"de", "en"} {
		l := LetterFor(res, "Vendor <X> GmbH", lang, reqs, finds)
		if len(l.Points) != 2 {
			t.Fatalf("%s: %d points, want instructions and f1", lang, len(l.Points))
		}
		var md bytes.Buffer
		if err := l.Markdown(&md); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(md.String(), "Vendor <X> GmbH") || strings.Contains(md.String(), "Should not appear") || !strings.Contains(md.String(), "> Objection within 30 days") {
			t.Errorf("%s markdown:\n%s", lang, md.String())
		}
		var docx bytes.Buffer
		if err := l.DOCX(&docx); err != nil {
			t.Fatal(err)
		}
		zr, err := zip.NewReader(bytes.NewReader(docx.Bytes()), int64(docx.Len()))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range zr.File {
			if f.Name != "word/document.xml" {
				continue
			}
			rc, _ := f.Open()
			b, _ := io.ReadAll(rc)
			if !strings.Contains(string(b), "Vendor &lt;X&gt; GmbH") || !strings.Contains(string(b), "&lt;b&gt;&amp;&lt;/b&gt;") {
				t.Errorf("document.xml does not escape: %.300s", b)
			}
		}
	}
}

func TestDiff(t *testing.T) {
	h48, h24 := 48, 24
	a := &model.Result{Requirements: []model.Verdict{{ID: "x", Status: "met"}, {ID: "y", Status: "missing"}},
		Findings: []model.Finding{{ID: "f1", Severity: "high"}}}
	a.Subprocessors = []model.Subprocessor{{Name: "AWS", Country: "US"}, {Name: "Hetzner", Country: "DE"}}
	a.Deadlines.BreachNoticeHours = &h48
	b := &model.Result{Requirements: []model.Verdict{{ID: "x", Status: "met"}, {ID: "y", Status: "partial"}},
		Findings: []model.Finding{{ID: "f2", Severity: "low"}}}
	b.Subprocessors = []model.Subprocessor{{Name: "aws", Country: "IE"}, {Name: "IONOS", Country: "DE"}}
	b.Deadlines.BreachNoticeHours = &h24
	got := map[string]Change{}
	for _, c := range Diff(a, b) {
		got[c.Kind+":"+strings.ToLower(c.Key)] = c
	}
	want := map[string]Change{
		"status:y":                     {Kind: "status", Key: "y", Before: "missing", After: "partial"},
		"subprocessor:aws":             {Kind: "subprocessor", Key: "AWS", Before: "US", After: "IE"},
		"subprocessor:hetzner":         {Kind: "subprocessor", Key: "Hetzner", Before: "DE"},
		"subprocessor:ionos":           {Kind: "subprocessor", Key: "IONOS", After: "DE"},
		"deadline:breach_notice_hours": {Kind: "deadline", Key: "breach_notice_hours", Before: "48", After: "24"},
		"finding:f1":                   {Kind: "finding", Key: "f1", Before: "high"},
		"finding:f2":                   {Kind: "finding", Key: "f2", After: "low"},
	}
	if len(got) != len(want) {
		t.Errorf("got %d changes, want %d: %+v", len(got), len(want), got)
	}
	for k, w := range want {
		if g, ok := got[k]; !ok || (g.Before != w.Before || g.After != w.After) {
			t.Errorf("%s = %+v, want %+v", k, g, w)
		}
	}
	if len(Diff(a, a)) != 0 {
		t.Error("a version differs from itself")
	}
}

func TestSlugAndProxies(t *testing.T) {
	for in, want := range map[string]string{"Müller & Söhne GmbH": "mueller-soehne-gmbh", "  ": "org", "ACME": "acme", "Straße 1": "strasse-1"} {
		if got := Slug(in); got != want {
			t.Errorf("Slug(%q) = %q, want %q", in, got, want)
		}
	}
	nets, err := ParseTrustedProxies("127.0.0.1, 10.0.0.0/8,::1")
	if err != nil || len(nets) != 3 {
		t.Fatalf("%v %d", err, len(nets))
	}
	if _, err := ParseTrustedProxies("not-an-ip"); err == nil {
		t.Error("bad proxy accepted")
	}
	for _, n := range []string{"/x", "//evil.example", "/\\\\evil", "https://evil.example"} {
		if got := safeNext(n); got != "/" && n != "/x" {
			t.Errorf("safeNext(%q) = %q", n, got)
		}
	}
}
