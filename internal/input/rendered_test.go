package input

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/art28/art28/internal/analyze"
	"github.com/art28/art28/internal/catalog"
	"github.com/art28/art28/internal/model"
)

// seedDir holds the plain-text seeds the rendered fixtures were made from.
const seedDir = "../../../shared/corpus/seeds"

// resultComparisons are the properties a rendered document must share with
// its plain-text source. Each returns the differences it finds. gap names
// formats where a difference is a known, documented gap: it is logged, not
// failed.
var resultComparisons = []struct {
	name string
	diff func(want, got *model.Result) []string
	gap  map[string]string
}{
	{name: "requirement statuses", diff: diffStatuses},
	{name: "sub-processors", diff: diffSubprocessors},
	{name: "parties", diff: diffParties},
}

// partyKey is what a rendering must keep of a party: its name and address,
// or, when it names none, the note that says why.
func partyKey(p *model.Party, note string) string {
	if p == nil {
		return "none: " + note
	}
	return fmt.Sprintf("%s | %s | %s %s | %s", p.Name, p.Street, p.Postcode, p.City, p.Country)
}

// diffParties compares processor and controller: name and address, or
// the note when none is named.
func diffParties(want, got *model.Result) []string {
	var d []string
	w, g := want.Parties, got.Parties
	for _, r := range []struct {
		role      string
		want, got string
	}{{"processor", partyKey(w.Processor, w.ProcessorNote), partyKey(g.Processor, g.ProcessorNote)},
		{"controller", partyKey(w.Controller, w.ControllerNote), partyKey(g.Controller, g.ControllerNote)}} {
		if w, g := r.want, r.got; w != g {
			d = append(d, fmt.Sprintf("%s: got %q, text seed %q", r.role, g, w))
		}
	}
	return d
}

// diffSubprocessors compares the sub-processors' names and countries.
func diffSubprocessors(want, got *model.Result) []string {
	key := func(ss []model.Subprocessor) []string {
		var k []string
		for _, s := range ss {
			k = append(k, s.Name+" ("+s.Country+")")
		}
		return k
	}
	w, g := key(want.Subprocessors), key(got.Subprocessors)
	if strings.Join(w, "; ") != strings.Join(g, "; ") {
		return []string{fmt.Sprintf("got %q, text seed %q", g, w)}
	}
	return nil
}

func diffStatuses(want, got *model.Result) []string {
	status := map[string]string{}
	for _, v := range got.Requirements {
		status[v.ID] = v.Status
	}
	var d []string
	for _, v := range want.Requirements {
		if status[v.ID] != v.Status {
			d = append(d, fmt.Sprintf("%s: %s, text seed %s", v.ID, status[v.ID], v.Status))
		}
	}
	return d
}

// TestRenderedSeedsMatchText checks that each seed, and three English corpus
// documents, rendered by LibreOffice to DOCX, ODT and PDF give the same
// results as the plain-text source.
func TestRenderedSeedsMatchText(t *testing.T) {
	seeds, _ := filepath.Glob(filepath.Join(seedDir, "*.txt"))
	for _, name := range []string{"online-012", "online-020", "online-102"} {
		seeds = append(seeds, filepath.Join(seedDir, "..", "en-dpa", name+".txt"))
	}
	if len(seeds) == 3 {
		t.Skip("seeds not present beside the repository (../shared/corpus/seeds)")
	}
	requirePoppler(t)
	a := analyze.New(catalog.Default())
	for _, seed := range seeds {
		name := strings.TrimSuffix(filepath.Base(seed), ".txt")
		doc, raw, err := Read(seed, Options{})
		if err != nil {
			t.Fatal(err)
		}
		want := a.Analyze(doc, raw, analyze.Options{})
		for _, ext := range []string{".docx", ".odt", ".pdf"} {
			t.Run(name+ext, func(t *testing.T) {
				doc, raw, err := Read(filepath.Join("testdata", "rendered", name+ext), Options{})
				if err != nil {
					t.Fatal(err)
				}
				compareResults(t, want, a.Analyze(doc, raw, analyze.Options{}), ext)
			})
		}
	}
}

// compareResults reports the differences between the results of a
// document in format ext and of its plain-text source.
func compareResults(t *testing.T, want, got *model.Result, ext string) {
	t.Helper()
	for _, c := range resultComparisons {
		for _, d := range c.diff(want, got) {
			if why, ok := c.gap[ext]; ok {
				t.Logf("known gap, %s: %s: %s", why, c.name, d)
				continue
			}
			t.Errorf("%s: %s", c.name, d)
		}
	}
}

// TestWordStyleTablePDF checks a PDF whose sub-processor table is laid out
// as word processors export it (top-aligned cells without padding, space
// after each cell paragraph, names wrapping in the first column), written
// by testdata/tablepdf together with its plain-text twin.
func TestWordStyleTablePDF(t *testing.T) {
	requirePoppler(t)
	a := analyze.New(catalog.Default())
	base := filepath.Join("testdata", "rendered", "table-wordstyle")
	doc, raw, err := Read(base+".txt", Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := a.Analyze(doc, raw, analyze.Options{})
	if len(want.Subprocessors) != 4 {
		t.Fatalf("text twin: %d sub-processors, want 4", len(want.Subprocessors))
	}
	doc, raw, err = Read(base+".pdf", Options{})
	if err != nil {
		t.Fatal(err)
	}
	compareResults(t, want, a.Analyze(doc, raw, analyze.Options{}), ".pdf")
	for _, s := range []string{"1. The Processor processes personal data", "ACME Software GmbH - Data"} {
		if strings.Contains(doc.Text, "| "+s) {
			t.Errorf("%q read as a table cell", s)
		}
	}
}

// requirePoppler skips PDF tests on machines without pdftotext, unless CI
// is set, where its absence is a failure.
func requirePoppler(t testing.TB) {
	t.Helper()
	if _, err := exec.LookPath(pdftotextBin); err == nil {
		return
	}
	if os.Getenv("CI") != "" {
		t.Fatal(ErrMissingTool)
	}
	t.Skip(ErrMissingTool)
}
