package web

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"
)

// TestReviewFlow uploads contracts, reviews one, renders every page and
// download, and adds a second version with its diff.
func TestReviewFlow(t *testing.T) {
	forEachBackend(t, func(t *testing.T, b backend) {
		e := newEnv(t, b)
		a := e.makeOrg("Alpha", "Vendor Alpha GmbH")
		c := e.client()
		c.login(a.reviewer.Email, testPassword)

		// Several files: a bad one does not block the good ones.
		code, body := c.upload("/upload", map[string][]byte{
			"good.md": exampleContract(t), "empty.txt": []byte("   "), "bad.pdf": []byte("%PDF-1.4 broken"), "notes.exe": []byte("MZ"),
		}, url.Values{"vendor": {"Upload Vendor KG"}})
		if code != 200 {
			t.Fatalf("upload: %d", code)
		}
		for _, want := range []string{"Upload Vendor KG", "empty.txt: input is empty", "unsupported file type", "bad.pdf"} {
			if !strings.Contains(body, want) {
				t.Errorf("upload results lack %q", want)
			}
		}
		m := regexp.MustCompile(`href="/contracts/(\d+)">Upload Vendor KG`).FindStringSubmatch(body)
		if m == nil {
			t.Fatal("no link to the new contract")
		}
		id := m[1]
		code, page := c.get("/contracts/" + id)
		if code != 200 || !strings.Contains(page, "<mark>") || !strings.Contains(page, "d1-req-instructions") {
			t.Fatalf("contract page: %d", code)
		}
		// Override a status: a reason is required.
		code, _ = c.post("/contracts/"+id+"/requirements/instructions", url.Values{"decision": {"override"}, "status": {"missing"}})
		if code != http.StatusSeeOther {
			t.Fatalf("override without reason: %d", code)
		}
		if _, page = c.get("/contracts/" + id); !strings.Contains(page, "needs a reason") {
			t.Error("no message that a reason is needed")
		}
		code, _ = c.post("/contracts/"+id+"/requirements/instructions", url.Values{"decision": {"override"}, "status": {"not-applicable"}, "reason": {"Weisungen in Anlage 3 geregelt"}})
		if code != http.StatusSeeOther {
			t.Fatalf("override: %d", code)
		}
		_, page = c.get("/contracts/" + id)
		if !strings.Contains(page, `data-testid="status-instructions">n/a`) || !strings.Contains(page, "Weisungen in Anlage 3 geregelt") || !strings.Contains(page, a.reviewer.Email) {
			t.Error("override not shown with status, reason and reviewer")
		}
		// Confirm a finding.
		fm := regexp.MustCompile(`action="/contracts/\d+/findings/([^"]+)"`).FindStringSubmatch(page)
		if fm == nil {
			t.Fatal("no finding form")
		}
		if code, _ = c.post("/contracts/"+id+"/findings/"+fm[1], url.Values{"decision": {"confirm"}}); code != http.StatusSeeOther {
			t.Fatalf("confirm: %d", code)
		}
		if code, _ = c.post("/contracts/"+id+"/findings/"+fm[1], url.Values{"decision": {"override"}}); code != http.StatusBadRequest {
			t.Errorf("override on a finding: %d, want 400", code)
		}
		// State and next review.
		if code, _ = c.post("/contracts/"+id+"/state", url.Values{"state": {"renegotiating"}, "next_review": {"2027-03-01"}, "vendor": {"Upload Vendor KG"}}); code != http.StatusSeeOther {
			t.Fatalf("state: %d", code)
		}
		_, list := c.get("/?state=renegotiating")
		if !strings.Contains(list, "Upload Vendor KG") || !strings.Contains(list, "2027-03-01") {
			t.Error("portfolio filter by state misses the contract")
		}
		// Letter: the overridden requirement is no open point any more.
		code, md := c.get("/contracts/" + id + "/letter.md?lang=de")
		if code != 200 || !strings.Contains(md, "Sehr geehrte") {
			t.Fatalf("letter: %d", code)
		}
		code, docx := c.get("/contracts/" + id + "/letter.docx?lang=en")
		if code != 200 {
			t.Fatalf("letter docx: %d", code)
		}
		zr, err := zip.NewReader(bytes.NewReader([]byte(docx)), int64(len(docx)))
		if err != nil || len(zr.File) != 3 {
			t.Fatalf("letter docx is no zip of 3 parts: %v", err)
		}
		// Exports.
		code, xlsx := c.get("/export/contracts.xlsx?third=")
		if code != 200 || !strings.HasPrefix(xlsx, "PK") {
			t.Errorf("xlsx: %d", code)
		}
		code, csv := c.get("/export/contracts.csv")
		if code != 200 || !strings.Contains(csv, "Upload Vendor KG") || !strings.Contains(csv, "renegotiating") {
			t.Errorf("csv: %d", code)
		}
		// A second version for the same vendor, with one change.
		v2 := strings.Replace(string(exampleContract(t)), "48 Stunden", "24 Stunden", 1)
		if code, _ = c.upload("/upload", map[string][]byte{"v2.md": []byte(v2)}, url.Values{"vendor": {"Upload Vendor KG"}}); code != http.StatusSeeOther {
			t.Fatalf("second version: %d", code)
		}
		_, page = c.get("/contracts/" + id)
		if !strings.Contains(page, "Version 2") && !strings.Contains(page, "version 2") && !strings.Contains(page, ">2<") {
			t.Error("second version not shown")
		}
		if !strings.Contains(page, "Weisungen in Anlage 3 geregelt") {
			t.Error("the decision did not survive the new version")
		}
		// Re-analysis keeps decisions.
		if code, _ = c.post("/contracts/"+id+"/reanalyze", nil); code != http.StatusSeeOther {
			t.Fatalf("reanalyze: %d", code)
		}
		if _, page = c.get("/contracts/" + id); !strings.Contains(page, "Weisungen in Anlage 3 geregelt") {
			t.Error("the decision did not survive re-analysis")
		}
		// API: the same objects.
		api := e.bearer(a.adminToken)
		code, js := api.get("/api/v1/contracts/" + id)
		var got struct {
			VendorName string `json:"vendor_name"`
			State      string `json:"state"`
			Analysis   struct {
				Result struct {
					SchemaVersion string `json:"schema_version"`
				} `json:"result"`
			} `json:"analysis"`
			Reviews []struct {
				TargetID string `json:"target_id"`
			} `json:"reviews"`
		}
		if err := json.Unmarshal([]byte(js), &got); err != nil || code != 200 {
			t.Fatalf("api contract: %d %v", code, err)
		}
		if got.VendorName != "Upload Vendor KG" || got.State != "renegotiating" || got.Analysis.Result.SchemaVersion != "1" || len(got.Reviews) != 2 {
			t.Errorf("api contract = %+v", got)
		}
		code, js = api.upload("/api/v1/contracts", map[string][]byte{"api.md": exampleContract(t)}, url.Values{"vendor": {"API Vendor SE"}})
		var up struct {
			Results []struct {
				ContractID int64 `json:"contract_id"`
				Analysis   struct {
					ToolVersion string `json:"tool_version"`
					Result      struct {
						SchemaVersion string `json:"schema_version"`
					} `json:"result"`
				} `json:"analysis"`
			} `json:"results"`
		}
		if err := json.Unmarshal([]byte(js), &up); err != nil || code != http.StatusCreated || len(up.Results) != 1 ||
			up.Results[0].Analysis.Result.SchemaVersion != "1" || up.Results[0].Analysis.ToolVersion == "" {
			t.Errorf("api upload: %d %v %+v", code, err, up)
		}
		if code, js = api.get("/api/v1/subprocessors"); code != 200 || !strings.Contains(js, "subprocessors") {
			t.Errorf("api subprocessors: %d", code)
		}
		// Audit log shows the decisions, and cannot be changed.
		admin := e.client()
		admin.login(a.admin.Email, testPassword)
		_, audit := admin.get("/admin/audit")
		for _, want := range []string{"review.override", "review.confirm", "contract.update", "upload"} {
			if !strings.Contains(audit, want) {
				t.Errorf("audit log lacks %s", want)
			}
		}
		for _, p := range []string{"/admin/audit", "/api/v1/audit"} {
			if code, _ := admin.post(p, nil); code != http.StatusMethodNotAllowed && code != http.StatusNotFound {
				t.Errorf("POST %s: %d", p, code)
			}
		}
		code, auditCSV := admin.get("/admin/audit.csv")
		if code != 200 || !strings.Contains(auditCSV, "review.override") {
			t.Errorf("audit csv: %d", code)
		}
	})
}

// missingKeyRe matches the bracketed key the locale returns for a
// missing string.
var missingKeyRe = regexp.MustCompile(`\[[a-z]+_[a-z_-]*\]`)

// TestScriptInert puts markup into a contract and its vendor and checks
// that no page renders it as markup.
func TestScriptInert(t *testing.T) {
	e := newEnv(t, backends()[0])
	a := e.makeOrg("Alpha", "Vendor Alpha GmbH")
	c := e.client()
	c.login(a.admin.Email, testPassword)
	evil := `<script>alert(1)</script><img src=x onerror=alert(2)>`
	text := strings.Replace(string(exampleContract(t)), "Weisung", evil+" Weisung", 3)
	code, _ := c.upload("/upload", map[string][]byte{"evil<script>.md": []byte(text)}, url.Values{"vendor": {"Evil " + evil + " GmbH"}})
	if code != http.StatusSeeOther {
		t.Fatalf("upload: %d", code)
	}
	_, list := c.get("/api/v1/contracts")
	id := regexp.MustCompile(`"id":\s*(\d+)`).FindStringSubmatch(list)[1]
	pages := []string{"/", "/contracts/" + id, "/subprocessors", "/deadlines", "/admin/audit", "/upload", "/admin/users", "/admin/tokens", "/admin/orgs", "/account", "/?q=" + url.QueryEscape(evil), "/?lang=de", "/contracts/" + id + "?lang=de", "/subprocessors?lang=de"}
	for _, p := range pages {
		code, body := c.get(p)
		if code != 200 {
			t.Errorf("%s: %d", p, code)
		}
		if strings.Contains(body, "<script") || strings.Contains(body, "<img") {
			t.Errorf("%s renders markup from the contract", p)
		}
		if m := missingKeyRe.FindString(body); m != "" {
			t.Errorf("%s shows a missing UI string %s", p, m)
		}
	}
	_, page := c.get("/contracts/" + id)
	if !strings.Contains(page, "&lt;script&gt;alert(1)&lt;/script&gt;") {
		t.Error("the contract's markup is not shown as text")
	}
	// Security headers on every page.
	req, _ := http.NewRequest("GET", e.ts.URL+"/login", nil)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	csp := res.Header.Get("Content-Security-Policy")
	if !strings.Contains(csp, "frame-ancestors 'none'") || strings.Contains(csp, "unsafe-inline") || !strings.Contains(csp, "default-src 'none'") {
		t.Errorf("CSP %q", csp)
	}
	if res.Header.Get("X-Content-Type-Options") != "nosniff" || res.Header.Get("Referrer-Policy") == "" {
		t.Error("security headers missing")
	}
}

func TestDeadlinesAndThirdCountries(t *testing.T) {
	e := newEnv(t, backends()[0])
	a := e.makeOrg("Alpha", "Vendor Alpha GmbH")
	c := e.client()
	c.login(a.reviewer.Email, testPassword)
	soon := time.Now().AddDate(0, 0, 10).Format("2006-01-02")
	until := time.Now().AddDate(0, 0, 5).Format("2006-01-02")
	path := fmt.Sprintf("/contracts/%d/state", a.contract.ID)
	if code, _ := c.post(path, url.Values{"state": {"in_review"}, "next_review": {soon}, "objection_until": {until}}); code != http.StatusSeeOther {
		t.Fatalf("state: %d", code)
	}
	if code, _ := c.post(path, url.Values{"objection_until": {"tomorrow"}}); code != http.StatusBadRequest {
		t.Errorf("bad date: %d, want 400", code)
	}
	_, page := c.get("/deadlines")
	for _, want := range []string{soon, until, a.vendor} {
		if !strings.Contains(page, want) {
			t.Errorf("deadlines page lacks %q", want)
		}
	}
	code, page := c.get("/subprocessors")
	if code != 200 {
		t.Fatalf("subprocessors: %d", code)
	}
	if code, csv := c.get("/export/thirdcountries.csv"); code != 200 || !strings.HasPrefix(csv, "country,transfer_mechanism") {
		t.Errorf("third countries csv: %d %.100s", code, csv)
	}
	if code, _ := c.get("/?unprotected=1&third=1&missing=1&sort=missing&state=in_review"); code != 200 {
		t.Errorf("portfolio with every filter: %d", code)
	}
}
