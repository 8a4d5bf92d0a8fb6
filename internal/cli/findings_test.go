package cli

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/art28/art28/internal/model"
)

// TestFindingsCommand covers findings on the command line: the user's
// findings file, the report language and explain for a finding.
func TestFindingsCommand(t *testing.T) {
	tests := []struct {
		name   string
		args   []string
		code   int
		stdout []string
		stderr string
	}{
		{name: "explain finding de", args: []string{"explain", "--lang", "de", "cost-audits"}, code: ExitOK,
			stdout: []string{"Vergütung für Kontrollen", "Formulierungsvorschlag:", "Art. 28 Abs. 3 lit. h"}},
		{name: "explain finding en", args: []string{"explain", "breach-notice-no-deadline"}, code: ExitOK,
			stdout: []string{"without a concrete deadline", "Suggested wording:", "24 hours"}},
		{name: "explain unknown", args: []string{"explain", "nope"}, code: ExitError, stderr: "cost-audits"},
		{name: "text report groups findings", args: []string{"check", "testdata/findings/avv.txt"}, code: ExitMissing,
			stdout: []string{"Feststellungen", "MITTEL", "cost-audits", "Formulierungsvorschlag"}},
		{name: "report language en", args: []string{"check", "--lang", "en", "testdata/findings/avv.txt"}, code: ExitMissing,
			stdout: []string{"Findings", "MEDIUM", "Fees for the controller's audits"}},
		{name: "bad findings file", args: []string{"check", "--findings", "testdata/findings/bad.yaml", "testdata/findings/avv.txt"}, code: ExitError,
			stderr: "bad.yaml"},
		{name: "missing findings file", args: []string{"check", "--findings", "testdata/findings/none.yaml", "testdata/findings/avv.txt"}, code: ExitError,
			stderr: "none.yaml"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errs := run(tt.args...)
			if code != tt.code {
				t.Errorf("exit %d, want %d; stderr %q", code, tt.code, errs)
			}
			for _, s := range tt.stdout {
				if !strings.Contains(out, s) {
					t.Errorf("stdout lacks %q:\n%s", s, out)
				}
			}
			if tt.stderr != "" && !strings.Contains(errs, tt.stderr) {
				t.Errorf("stderr %q lacks %q", errs, tt.stderr)
			}
		})
	}
}

func TestFindingsOverrideFile(t *testing.T) {
	code, out, errs := run("check", "--format", "json", "--findings", "testdata/findings/override.yaml", "testdata/findings/avv.txt")
	if code == ExitError {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var r model.Result
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("json: %v", err)
	}
	got := map[string]model.Finding{}
	for _, f := range r.Findings {
		got[f.ID] = f
	}
	if f, ok := got["cost-audits"]; !ok || f.Severity != "high" || !strings.Contains(f.Message, "Richtlinie") {
		t.Errorf("override not applied: %+v", f)
	}
	if _, ok := got["house-gerichtsstand"]; !ok {
		t.Errorf("added rule not reported: %+v", r.Findings)
	}
	for _, f := range r.Findings {
		for _, e := range f.Evidence {
			if e.Text == "" || e.End <= e.Start {
				t.Errorf("%s: empty evidence %+v", f.ID, e)
			}
		}
	}
}
