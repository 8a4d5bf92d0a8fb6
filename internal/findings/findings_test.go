package findings

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/art28/art28/internal/catalog"
	"github.com/art28/art28/internal/check"
	"github.com/art28/art28/internal/compiled"
	"github.com/art28/art28/internal/document"
	"github.com/art28/art28/internal/model"
	"github.com/art28/art28/internal/segment"
)

var testNow = time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)

var checker = check.New(catalog.Default())

// prepare segments text and indexes it like the analysis does.
func prepare(text, lang string) *check.Input {
	doc := document.ParseText("example.txt", "text", text)
	return checker.Prepare(doc, segment.Split(doc), lang)
}

// run applies only the given rule to text.
func run(r *Rule, text, lang string) []model.Finding {
	p := &Playbook{Rules: []*Rule{r}, byID: map[string]*Rule{r.ID: r}}
	return p.Run(prepare(text, lang), Options{Lang: lang, Now: testNow})
}

// exampleText wraps an example so that rules with a section or count
// constraint see it in context.
func exampleText(r *Rule, ex, lang string) string {
	if r.Kind != Count {
		return ex
	}
	head := "Anlage 1 Technische und organisatorische Maßnahmen"
	if lang == "en" {
		head = "Annex 1 Technical and organisational measures"
	}
	parts := []string{head}
	for i := 0; i < r.Min; i++ {
		parts = append(parts, ex)
	}
	return strings.Join(parts, "\n\n")
}

// TestPlaybookExamples runs every rule against its own positive and
// negative examples in both languages, like gitleaks checks its rules.
func TestPlaybookExamples(t *testing.T) {
	for _, r := range Default().Rules {
		for _, l := range []string{"de", "en"} {
			for i, ex := range r.Examples.Positive[l] {
				t.Run(fmt.Sprintf("%s/%s/pos%d", r.ID, l, i+1), func(t *testing.T) {
					got := run(r, exampleText(r, ex, l), l)
					if len(got) == 0 {
						t.Errorf("not reported: %q", ex)
						return
					}
					for _, e := range got[0].Evidence {
						if e.Start < 0 || e.End > len(exampleText(r, ex, l)) || e.Start > e.End {
							t.Errorf("evidence offsets %d..%d out of range", e.Start, e.End)
						}
					}
				})
			}
			for i, ex := range r.Examples.Negative[l] {
				t.Run(fmt.Sprintf("%s/%s/neg%d", r.ID, l, i+1), func(t *testing.T) {
					if got := run(r, exampleText(r, ex, l), l); len(got) > 0 {
						t.Errorf("reported: %q\nevidence: %+v", ex, got[0].Evidence)
					}
				})
			}
		}
	}
}

// TestPlaybookData checks the data itself: texts in both languages,
// suggestions for the families that have a fix, and known families.
func TestPlaybookData(t *testing.T) {
	families := map[string]bool{"outdated-reference": true, "unfilled-template": true, "structure": true, "costs": true,
		"hollowed-rights": true, "breach-notification": true, "third-country": true, "toms": true, "shifted-duties": true}
	seen := map[string]int{}
	for _, r := range Default().Rules {
		if !families[r.Family] {
			t.Errorf("%s: unknown family %q", r.ID, r.Family)
		}
		seen[r.Family]++
		if r.Family != "shifted-duties" && r.Suggestion.DE == "" {
			t.Errorf("%s: no suggested wording", r.ID)
		}
	}
	for f := range families {
		if seen[f] == 0 {
			t.Errorf("family %s has no rule", f)
		}
	}
}

func TestLoadErrors(t *testing.T) {
	valid := `rules:
- id: x-rule
  family: costs
  severity: low
  kind: terms
  basis: {de: b, en: b}
  title: {de: T, en: T}
  message: {de: M, en: M}
  all: [[fee]]
  examples: {positive: {de: [a], en: [a]}, negative: {de: [b], en: [b]}}
`
	tests := []struct {
		name, yaml, want string
	}{
		{"unknown key", strings.Replace(valid, "basis: {de: b, en: b}", "basis: {de: b, en: b}\n  sevrity: low", 1), "field sevrity not found"},
		{"bad severity", strings.Replace(valid, "severity: low", "severity: grave", 1), `rule "x-rule": severity`},
		{"bad kind", strings.Replace(valid, "kind: terms", "kind: magic", 1), `rule "x-rule": kind`},
		{"missing en", strings.Replace(valid, "title: {de: T, en: T}", "title: {de: T}", 1), "title: needs both"},
		{"basis in one language", strings.Replace(valid, "basis: {de: b, en: b}", "basis: {en: b}", 1), "basis: needs both"},
		{"upper-case term", strings.Replace(valid, "[[fee]]", "[[Fee]]", 1), "lower case"},
		{"bad regexp", strings.Replace(valid, "[[fee]]", `[["re:("]]`, 1), "term"},
		{"no examples", strings.Replace(valid, "negative: {de: [b], en: [b]}", "negative: {de: [b]}", 1), "examples"},
		{"duplicate", valid + strings.TrimPrefix(valid, "rules:\n"), "duplicate id"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Load(fstest.MapFS{"d/a.yaml": {Data: []byte(tt.yaml)}}, "d")
			if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), "d/a.yaml") {
				t.Errorf("err = %v, want mention of %q and the file", err, tt.want)
			}
		})
	}
	if _, err := Load(fstest.MapFS{"d/a.yaml": {Data: []byte(valid)}}, "d"); err != nil {
		t.Fatalf("valid file: %v", err)
	}
}

func TestMerge(t *testing.T) {
	base := Default()
	r := *base.Rule("cost-audits")
	r.Severity = High
	extra := r
	extra.ID = "my-rule"
	p := base.Merge([]*Rule{&r, &extra})
	if p.Rule("cost-audits").Severity != High || p.Rule("my-rule") == nil || len(p.Rules) != len(base.Rules)+1 {
		t.Errorf("merge: override or addition missing")
	}
	if base.Rule("cost-audits").Severity == High {
		t.Errorf("merge changed the embedded playbook")
	}
}

func TestStructure(t *testing.T) {
	tests := []struct {
		name, id, text string
		want           bool
	}{
		{"duplicate de", "structure-duplicate-section", "1. Gegenstand\n\nText eins.\n\n2. Dauer\n\nText zwei.\n\n2. Pflichten\n\nText drei.", true},
		{"consecutive de", "structure-duplicate-section", "1. Gegenstand\n\nText eins.\n\n2. Dauer\n\nText zwei.\n\n3. Pflichten\n\nText drei.", false},
		{"duplicate en", "structure-duplicate-section", "1. Subject matter\n\nText one.\n\n2. Duration\n\nText two.\n\n2. Obligations\n\nText three.", true},
		{"missing section de", "structure-missing-section", "1. Gegenstand\n\nEs gilt Ziffer 9.\n\n2. Dauer\n\nText zwei.\n\n3. Pflichten\n\nText drei.", true},
		{"existing section de", "structure-missing-section", "1. Gegenstand\n\nEs gilt Ziffer 3.\n\n2. Dauer\n\nNach Art. 28 Abs. 3 Nr. 2 DSGVO und § 9 BDSG.\n\n3. Pflichten\n\nText drei.", false},
		{"statute abbreviation de", "structure-missing-section", "1. Gegenstand\n\nText eins.\n\n2. Dauer\n\nDie Kanzlei unterliegt der Verschwiegenheit nach § 57 Abs. 1 und § 62 StBerG; § 43a BRAO gilt entsprechend.\n\n3. Pflichten\n\nText drei.", false},
		{"statute by its name de", "structure-missing-section", "1. Gegenstand\n\nText eins.\n\n2. Dauer\n\nBelege werden gemäß § 132 Bundesabgabenordnung aufbewahrt.\n\n3. Pflichten\n\nText drei.", false},
		{"own contract abbreviation de", "structure-missing-section", "1. Gegenstand\n\nEs gilt § 9 AVV.\n\n2. Dauer\n\nText zwei.\n\n3. Pflichten\n\nText drei.", true},
		{"wrong self reference de", "structure-missing-section", "1. Gegenstand\n\nText eins.\n\n2. Dauer\n\nText zwei.\n\n3. Pflichten\n\nDiese Ziffer 2 gilt auch für Unterauftragnehmer.", true},
		{"missing section en", "structure-missing-section", "1. Subject matter\n\nSee Section 12.\n\n2. Duration\n\nText two.\n\n3. Obligations\n\nText three.", true},
		{"main agreement en", "structure-missing-section", "1. Subject matter\n\nSee Section 12 of the Main Agreement.\n\n2. Duration\n\nText two.\n\n3. Obligations\n\nText three.", false},
		{"missing annex de", "structure-missing-annex", "1. Gegenstand\n\nDie Maßnahmen sind in Anlage 3 beschrieben.\n\nAnlage 1\n\nDaten.", true},
		{"present annex de", "structure-missing-annex", "1. Gegenstand\n\nDie Maßnahmen sind in Anlage 1 beschrieben.\n\nAnlage 1\n\nMaßnahmen.", false},
		{"missing annex en", "structure-missing-annex", "1. Subject matter\n\nThe measures are set out in Annex 2.\n\nAnnex 1\n\nData.", true},
		{"present annex en", "structure-missing-annex", "1. Subject matter\n\nThe measures are set out in Annex II.\n\nAnnex II\n\nMeasures.", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := "de"
			if strings.HasSuffix(tt.name, "en") {
				l = "en"
			}
			got := run(Default().Rule(tt.id), tt.text, l)
			if (len(got) > 0) != tt.want {
				t.Errorf("reported %v, want %v: %+v", len(got) > 0, tt.want, got)
			}
		})
	}
}

func TestCategories(t *testing.T) {
	r := Default().Rule("toms-missing-categories")
	full := "Technische und organisatorische Maßnahmen: Verschlüsselung aller Datenträger. Zugriffskontrolle über Berechtigungskonzepte. Protokollierung aller Eingaben. Tägliche Backups. Wiederherstellung binnen 4 Stunden. Regelmäßige Penetrationstests."
	if got := run(r, full, "de"); len(got) > 0 {
		t.Errorf("complete TOMs reported: %s", got[0].Message)
	}
	partial := "Technische und organisatorische Maßnahmen: Zugriffskontrolle über Berechtigungskonzepte. Tägliche Backups."
	got := run(r, partial, "de")
	if len(got) == 0 || !strings.Contains(got[0].Message, "Verschlüsselung") {
		t.Errorf("incomplete TOMs: %+v", got)
	}
	en := "Technical and organisational measures: access control with role-based access rights; daily backups."
	if got := run(r, en, "en"); len(got) == 0 || !strings.Contains(got[0].Message, "encryption") {
		t.Errorf("incomplete English TOMs: %+v", got)
	}
}

func TestContractDate(t *testing.T) {
	tests := []struct {
		text string
		want string
	}{
		{"Vertrag vom 9. Juni 2018 zwischen A und B", "2018-06-09"},
		{"Stand: 22.06.2021. Verordnung (EU) 2016/679 vom 27. April 2016", "2021-06-22"},
		{"Version 1.2 (Oktober 2025)", "2025-10-01"},
		{"Dated: March 3, 2023", "2023-03-03"},
		{"Effective 2030-01-01", ""},
		{"Kein Datum.", ""},
	}
	for _, tt := range tests {
		d, ok := ContractDate(tt.text, testNow)
		got := ""
		if ok {
			got = d.Format("2006-01-02")
		}
		if got != tt.want {
			t.Errorf("%q: date %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestOutdatedUsesContractDate(t *testing.T) {
	r := Default().Rule("outdated-ttdsg")
	if got := run(r, "Vertrag vom 1. März 2023. Es gilt § 25 TTDSG.", "de"); len(got) > 0 {
		t.Errorf("TTDSG in a contract of 2023 reported")
	}
	if got := run(r, "Vertrag vom 1. März 2025. Es gilt § 25 TTDSG.", "de"); len(got) == 0 {
		t.Errorf("TTDSG in a contract of 2025 not reported")
	}
}

func TestDurations(t *testing.T) {
	tests := []struct {
		s    string
		want float64
	}{
		{"innerhalb von 24 Stunden", 24},
		{"binnen zwei Wochen", 336},
		{"within 5 business days", 168},
		{"within seventy-two hours", 72},
		{"innerhalb von 14 (vierzehn) Tagen", 336},
	}
	for _, tt := range tests {
		ds := Durations(tt.s)
		if len(ds) == 0 || ds[0] != tt.want {
			t.Errorf("%q: %v, want %v", tt.s, ds, tt.want)
		}
	}
}

func FuzzRun(f *testing.F) {
	f.Add("1. Gegenstand\n\nSiehe Ziffer 9 und Anlage 4. Auftraggeber:\n\n---\n\nAuftragnehmer: X")
	f.Add("Privacy Shield, 2010/87/EU, within 96 hours, § 11 BDSG")
	f.Add("Firma: ____\n____ | ____\n[Anbieter] [[30]] <Art> {{ x }} ${y} XX.XX.XXXX\n☐ a\nName:\nAnschrift:\nName: ……\n")
	p := Default()
	f.Fuzz(func(t *testing.T, text string) {
		in := prepare(text, "de")
		for _, fd := range p.Run(in, Options{Lang: "de", Now: testNow}) {
			for _, e := range fd.Evidence {
				if e.Start < 0 || e.End > len(text) || e.Start > e.End || text[e.Start:e.End] != e.Text {
					t.Fatalf("%s: bad evidence %+v", fd.ID, e)
				}
			}
		}
	})
}

func TestSubprocessorFacts(t *testing.T) {
	p := Default()
	text := "Unterauftragnehmer: Example Inc., San Francisco, USA – Hosting."
	in := prepare(text, "de")
	facts := &model.Facts{Subprocessors: []model.Subprocessor{
		{Name: "Example Inc.", Country: "US", ThirdCountry: true, TransferMechanism: "none", Evidence: model.Evidence{Text: text, Start: 0, End: len(text)}},
		{Name: "Beispiel GmbH", Country: "DE"},
		{Name: "Other Inc.", Country: "US", ThirdCountry: true, TransferMechanism: "standard_contractual_clauses"},
	}}
	ids := map[string]model.Finding{}
	for _, f := range p.Run(in, Options{Lang: "en", Now: testNow, Facts: facts}) {
		ids[f.ID] = f
	}
	f, ok := ids["subprocessor-third-country-no-mechanism"]
	if !ok || !strings.Contains(f.Message, "Example Inc.") || strings.Contains(f.Message, "Other Inc.") {
		t.Errorf("fact-based finding: %+v", f)
	}
	if _, ok := ids["transfer-no-mechanism"]; ok {
		t.Errorf("text heuristic not suppressed by the fact-based rule")
	}
	// Without facts the text heuristic reports the same problem.
	ids = map[string]model.Finding{}
	for _, f := range p.Run(in, Options{Lang: "en", Now: testNow}) {
		ids[f.ID] = f
	}
	if _, ok := ids["transfer-no-mechanism"]; !ok {
		t.Errorf("text heuristic silent without facts")
	}
}

func TestFactsDate(t *testing.T) {
	r := Default().Rule("outdated-ttdsg")
	p := &Playbook{Rules: []*Rule{r}, byID: map[string]*Rule{r.ID: r}}
	in := prepare("Vertrag vom 1. März 2025. Es gilt § 25 TTDSG.", "de")
	if got := p.Run(in, Options{Lang: "de", Now: testNow, Facts: &model.Facts{Meta: model.Meta{Date: "2023-02"}}}); len(got) > 0 {
		t.Errorf("extracted date 2023-02 ignored")
	}
}

func TestDateNote(t *testing.T) {
	r := Default().Rule("outdated-ttdsg")
	got := run(r, "Version 1.2 (Oktober 2025). Es gilt § 3 TTDSG.", "de")
	if len(got) == 0 || !strings.Contains(got[0].Message, "Oktober 2025") {
		t.Errorf("month-only date note: %+v", got)
	}
	got = run(r, "Dated 3 March 2025. Section 25 TTDSG applies.", "en")
	if len(got) == 0 || !strings.Contains(got[0].Message, "3 March 2025") {
		t.Errorf("date note: %+v", got)
	}
}

// TestCompiledUpToDate fails when the YAML playbook changed without the
// compiled form being regenerated, and checks that the compiled form is
// the playbook decoded from the YAML.
func TestCompiledUpToDate(t *testing.T) {
	if err := compiled.Stale(precomputedFile, "./internal/findings", Compile); err != nil {
		t.Fatal(err)
	}
	p, err := loadCompiled()
	if err != nil {
		t.Fatal(err)
	}
	y, err := Load(embedded, "data")
	if err != nil {
		t.Fatal(err)
	}
	// The exported fields are the rules as written; the others are what
	// compiling them derives.
	pj, err := compiled.Encode(p.Rules)
	if err != nil {
		t.Fatal(err)
	}
	yj, err := compiled.Encode(y.Rules)
	if err != nil {
		t.Fatal(err)
	}
	if string(pj) != string(yj) {
		t.Error("the precomputed playbook differs from the one decoded from the YAML files")
	}
}

// TestDurationHoursWorkingDays checks the two kinds of working days:
// Werktage (six a week) and business or working days (five a week).
func TestDurationHoursWorkingDays(t *testing.T) {
	tests := []struct {
		num, unit string
		want      float64
	}{
		{"6", "werktage", 7 * 24},
		{"5", "arbeitstage", 7 * 24},
		{"5", "business days", 7 * 24},
		{"zwei", "tage", 48},
		{"72", "stunden", 72},
	}
	for _, tt := range tests {
		got, ok := durationHours(tt.num, tt.unit)
		if !ok || got < tt.want-0.001 || got > tt.want+0.001 {
			t.Errorf("durationHours(%q, %q) = %v, %v, want %v", tt.num, tt.unit, got, ok, tt.want)
		}
	}
}
