package report

import (
	"bytes"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/art28/art28/internal/analyze"
	"github.com/art28/art28/internal/catalog"
	"github.com/art28/art28/internal/input"
	"github.com/art28/art28/internal/model"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// analyzeExample runs the pipeline on a shipped example and returns the
// result with its extracted text.
func analyzeExample(t *testing.T, name string) (*model.Result, string) {
	t.Helper()
	doc, raw, err := input.Read(filepath.Join("../../examples", name), input.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return analyze.New(catalog.Default()).Analyze(doc, raw, analyze.Options{}), doc.Text
}

func render(t *testing.T, rep Reporter, r *model.Result, text, lang string) string {
	t.Helper()
	var buf bytes.Buffer
	opt := Options{Lang: lang, Texts: map[*model.Result]string{r: text}}
	if err := rep.Write(&buf, []*model.Result{r}, opt); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

// golden compares got with testdata/golden/name, or rewrites it with
// -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./internal/report -update)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs from the golden file; run go test ./internal/report -update and review the diff", name)
	}
}

var missingKey = regexp.MustCompile(`\[[a-z][a-z0-9_-]*\]`)

func TestGolden(t *testing.T) {
	for _, ex := range []string{"dpa-example.txt", "avv-beispiel.md"} {
		r, text := analyzeExample(t, ex)
		for _, lang := range []string{"de", "en"} {
			for _, f := range []struct {
				ext string
				rep Reporter
			}{{"md", Markdown{}}, {"html", HTML{}}} {
				out := render(t, f.rep, r, text, lang)
				if k := missingKey.FindString(out); k != "" && f.ext == "html" {
					t.Errorf("%s %s: unknown UI string %s", ex, lang, k)
				}
				golden(t, strings.TrimSuffix(ex, filepath.Ext(ex))+"."+lang+"."+f.ext, out)
			}
		}
	}
}

// TestHTMLSelfContained checks that the page loads nothing from elsewhere
// and that every link into the contract text has its target.
func TestHTMLSelfContained(t *testing.T) {
	r, text := analyzeExample(t, "dpa-example.txt")
	out := render(t, HTML{}, r, text, "")
	for _, bad := range []string{"<script", "<link", "src=", "url(", "@import", "http://", "https://"} {
		if strings.Contains(out, bad) {
			t.Errorf("HTML contains %q", bad)
		}
	}
	ids := map[string]bool{}
	for _, m := range regexp.MustCompile(`id="([^"]+)"`).FindAllStringSubmatch(out, -1) {
		ids[m[1]] = true
	}
	links := regexp.MustCompile(`href="#([^"]+)"`).FindAllStringSubmatch(out, -1)
	if len(links) == 0 {
		t.Fatal("no internal links")
	}
	for _, m := range links {
		if !ids[m[1]] {
			t.Errorf("link to #%s has no target", m[1])
		}
	}
	if n := strings.Count(out, "<mark>"); n < 10 {
		t.Errorf("only %d highlighted passages", n)
	}
}

// TestHTMLEscapesContract feeds contract text with markup and checks that
// it is shown, not interpreted, and that highlights use the offsets.
func TestHTMLEscapesContract(t *testing.T) {
	text := `Intro <script>alert(1)</script> & the Processor shall <b>audit</b>. Ünïcode end.`
	start := strings.Index(text, "the Processor")
	end := strings.Index(text, ". Ü") + 1
	r := &model.Result{
		Document: model.DocumentInfo{Path: `<img src=x onerror=alert(1)>.txt`, Language: "en"},
		Requirements: []model.Verdict{{ID: "audits", Status: "met", Level: "mandatory", Title: "Audits",
			Evidence: []model.Evidence{
				{Text: text[start:end], Start: start, End: end, Section: "<i>1</i>"},
				{Text: "bad", Start: 5, End: 500},         // out of range: quoted, not highlighted
				{Text: "Ü", Start: end + 2, End: end + 3}, // inside a rune: moved to its start
			}}},
	}
	out := render(t, HTML{}, r, text, "")
	for _, bad := range []string{"<script>alert", "<b>audit", "<img src", "<i>1</i>"} {
		if strings.Contains(out, bad) {
			t.Errorf("unescaped markup %q in output", bad)
		}
	}
	if !strings.Contains(out, "<mark>the Processor shall &lt;b&gt;audit&lt;/b&gt;.</mark>") {
		t.Error("evidence passage not highlighted by its offsets")
	}
	if !strings.Contains(out, "&lt;script&gt;alert(1)&lt;/script&gt;") {
		t.Error("contract markup not shown as text")
	}
}

func TestMarkdownTables(t *testing.T) {
	r, _ := analyzeExample(t, "avv-beispiel.md")
	out := render(t, Markdown{}, r, "", "")
	for _, want := range []string{"| Status | Anforderung | Rechtsgrundlage | Fundstelle |", "|---|---|---|---|", "Fehlende Pflichtangaben"} {
		if !strings.Contains(out, want) {
			t.Errorf("markdown lacks %q", want)
		}
	}
	if strings.Count(out, "\n| ") < len(r.Requirements) {
		t.Error("fewer table rows than requirements")
	}
}

func TestMarkdownCellEscapes(t *testing.T) {
	if got := mdCell("a | b\nc <x> *y*"); got != `a \| b c &lt;x&gt; \*y\*` {
		t.Errorf("mdCell = %q", got)
	}
}

// TestHTMLRendersInChromium renders a report in headless Chromium, where
// installed, to a PNG and to the DOM, and checks the page came out whole.
func TestHTMLRendersInChromium(t *testing.T) {
	const chromium = "/usr/bin/chromium"
	if _, err := os.Stat(chromium); err != nil {
		t.Skip("headless Chromium not installed")
	}
	if testing.Short() {
		t.Skip("short mode")
	}
	r, text := analyzeExample(t, "avv-beispiel.md")
	dir := t.TempDir()
	page := filepath.Join(dir, "report.html")
	if err := os.WriteFile(page, []byte(render(t, HTML{}, r, text, "")), 0o644); err != nil {
		t.Fatal(err)
	}
	args := func(extra ...string) []string {
		return append([]string{"--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
			"--disable-component-update", "--disable-sync", "--no-first-run", "--user-data-dir=" + t.TempDir()}, extra...)
	}
	png := filepath.Join(dir, "report.png")
	if out, err := exec.Command(chromium, args("--screenshot="+png, "--window-size=1240,1754", "file://"+page)...).CombinedOutput(); err != nil {
		t.Fatalf("chromium screenshot: %v\n%s", err, out)
	}
	data, err := os.ReadFile(png)
	if err != nil || !bytes.HasPrefix(data, []byte("\x89PNG")) || len(data) < 20000 {
		t.Fatalf("screenshot missing or blank (%d bytes, %v)", len(data), err)
	}
	dom, err := exec.Command(chromium, args("--dump-dom", "file://"+page)...).Output()
	if err != nil {
		t.Fatalf("chromium dump-dom: %v", err)
	}
	for _, want := range []string{"Prüfliste der Anforderungen", "Vertragstext", "<mark>", "</html>"} {
		if !bytes.Contains(dom, []byte(want)) {
			t.Errorf("rendered DOM lacks %q", want)
		}
	}
}

// TestHTMLFacts renders the facts sections from chosen facts, escaped.
func TestHTMLFacts(t *testing.T) {
	r, text := analyzeExample(t, "dpa-example.txt")
	v := newView(0, r, text, "de")
	v.Facts = facts{
		Processor:     "Example Cloud Ltd",
		Subprocessors: []subprocessorView{{Name: "Supabase <Inc.>", Country: "SG", ThirdCountry: true, Service: "Hosting"}},
		Deadlines:     []deadlineView{{Label: "Meldung von Verletzungen", Value: "24 h"}},
		TOMs:          []tomView{{Area: "Zutrittskontrolle", Measures: []string{"Chipkarten", "Alarmanlage"}}},
	}
	var buf bytes.Buffer
	if err := htmlPage().Execute(&buf, htmlData{Lang: "de", Views: []*view{v}}); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, want := range []string{"Parteien", "Example Cloud Ltd", "nicht angegeben", "Unterauftragsverarbeiter", "Supabase &lt;Inc.&gt;", `<span class="tc">Drittland</span>`, "Fristen", "24 h", "Zutrittskontrolle", "<li>Chipkarten</li><li>Alarmanlage</li>"} {
		if !strings.Contains(out, want) {
			t.Errorf("facts section lacks %q", want)
		}
	}
}

// TestUncertainStatus checks that every report marks a status only the
// safety net gave, so a reviewer knows to read the cited clause.
func TestUncertainStatus(t *testing.T) {
	text := "The customer may look at how we work once a year."
	r := &model.Result{
		Document: model.DocumentInfo{Path: "c.txt", Language: "de"},
		Requirements: []model.Verdict{{ID: "audits", Status: "partial", Level: "mandatory", Title: "Audits", Uncertain: true,
			Evidence: []model.Evidence{{Text: text, Start: 0, End: len(text)}}},
			{ID: "duration", Status: "partial", Level: "mandatory", Title: "Duration"}},
	}
	tests := []struct {
		name string
		rep  Reporter
		want string
	}{
		{"text", Text{}, "teilweise?"},
		{"markdown", Markdown{}, "teilweise (prüfen)"},
		{"html", HTML{}, "teilweise (prüfen)"},
		{"html note", HTML{}, "die Regeln nicht als Erfüllung bestätigen"},
	}
	for _, tt := range tests {
		out := render(t, tt.rep, r, text, "de")
		if n := strings.Count(out, tt.want); n != 1 {
			t.Errorf("%s: %q occurs %d times, want once (only the uncertain verdict)", tt.name, tt.want, n)
		}
	}
}
