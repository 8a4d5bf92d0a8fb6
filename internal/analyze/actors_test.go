package analyze

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/art28/art28/internal/document"
)

// actorExpectation is a reviewer's reading of one short contract in
// testdata/actors: the statuses of the duties it states or leaves out
// ("present" accepts met or partial) and the parties' names (null: the
// contract names no such party).
type actorExpectation struct {
	Statuses   map[string]string `json:"statuses"`
	Processor  *string           `json:"processor"`
	Controller *string           `json:"controller"`
	// Known marks first-run misses left unfixed (requirement: reason):
	// reported, not failed.
	Known map[string]string `json:"known"`
}

// TestActorContracts runs short contracts whose parties are designated in
// the many ways unseen contracts use (a brand defined once, "the
// Practice", "die Praxis", "Contractor", "Auftragnehmerin", we/you, "ich"
// and "Mandant", a party table, signature blocks only, "acting as
// processor") and checks that the duties stated with that designation are
// found, that the duties left out or put on the controller are missing,
// and that the parties are named. It logs the figures: duty statuses
// right and wrong, the precision and recall of "missing", parties right,
// wrong and missed.
func TestActorContracts(t *testing.T) { runActorContracts(t, "testdata/actors", true) }

// TestRoleContracts20 runs the contracts of round voice20
// (testdata/roles20): parties that carry unusual role words ("the
// Sponsor", "the Principal", "the Company", "Plattformbetreiber",
// "Mandantin"), a short name never defined ("Northway shall …", "Die
// Fiscodat stellt sicher …"), terms defined in a cover-page field or a
// recital, passive duties, and duties put on the controller under an
// unusual name or on a third party, which must not count for the
// processor. The parties' names are logged, not failed (party extraction
// is internal/extract's).
func TestRoleContracts20(t *testing.T) { runActorContracts(t, "testdata/roles20", false) }

// runActorContracts checks the short contracts of dir (see
// TestActorContracts); partiesFail makes a wrong or missed party name an
// error, not only a figure.
func runActorContracts(t *testing.T, dir string, partiesFail bool) {
	files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no actor contracts: %v", err)
	}
	report := t.Errorf
	if !partiesFail {
		report = t.Logf
	}
	a, err := NewDefault()
	if err != nil {
		t.Fatal(err)
	}
	var right, wrong, predMissing, trueMissing, wantMissing, pRight, pWrong, pMissed int
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".txt")
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var want actorExpectation
		b, err := os.ReadFile(strings.TrimSuffix(f, ".txt") + ".expected.json")
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(b, &want); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		res := a.Analyze(document.ParseText(filepath.Base(f), "text", string(raw)), raw, Options{})
		got := map[string]string{}
		for _, v := range res.Requirements {
			got[v.ID] = v.Status
		}
		for id, w := range want.Statuses {
			g, ok := got[id]
			if !ok {
				t.Errorf("%s: no requirement %s", name, id)
				continue
			}
			if w == "missing" {
				wantMissing++
			}
			if g == "missing" {
				predMissing++
				if w == "missing" {
					trueMissing++
				}
			}
			if w == g || w == "present" && (g == "met" || g == "partial") {
				right++
				continue
			}
			wrong++
			if why := want.Known[id]; why != "" {
				t.Logf("%s: %s is %s, want %s (known: %s)", name, id, g, w, why)
				continue
			}
			t.Errorf("%s: %s is %s, want %s", name, id, g, w)
		}
		for _, p := range []struct {
			role      string
			got, want *string
		}{{"processor", nil, want.Processor}, {"controller", nil, want.Controller}} {
			var g *string
			if p.role == "processor" && res.Parties.Processor != nil {
				g = &res.Parties.Processor.Name
			}
			if p.role == "controller" && res.Parties.Controller != nil {
				g = &res.Parties.Controller.Name
			}
			switch {
			case p.want == nil && g == nil:
			case p.want != nil && g == nil:
				pMissed++
				report("%s: %s none, want %q", name, p.role, *p.want)
			case p.want == nil || *g != *p.want:
				pWrong++
				report("%s: %s %q, want %v", name, p.role, *g, jsonString(p.want))
			default:
				pRight++
			}
		}
	}
	prec, rec := 1.0, 1.0
	if predMissing > 0 {
		prec = float64(trueMissing) / float64(predMissing)
	}
	if wantMissing > 0 {
		rec = float64(trueMissing) / float64(wantMissing)
	}
	t.Logf("%d contracts: duties %d right, %d wrong; missing precision %.3f (%d/%d) recall %.3f (%d/%d); parties %d right, %d wrong, %d missed",
		len(files), right, wrong, prec, trueMissing, predMissing, rec, trueMissing, wantMissing, pRight, pWrong, pMissed)
}

func jsonString(s *string) string {
	if s == nil {
		return "none"
	}
	return `"` + *s + `"`
}
