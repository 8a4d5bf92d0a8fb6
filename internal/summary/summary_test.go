package summary

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/art28/art28/internal/model"
)

func results() []*model.Result {
	hours := 24
	return []*model.Result{
		{
			Document: model.DocumentInfo{Path: "a.txt", Language: "de"},
			Summary:  model.Summary{MandatoryMissing: []string{"audits"}},
			Requirements: []model.Verdict{
				{ID: "audits", Status: "missing", Level: "mandatory", Article: "Art. 28(3)(h)", Title: "Audits"},
				{ID: "security", Status: "met", Level: "mandatory"},
				{ID: "toms-description", Status: "partial", Level: "recommended"},
			},
			Findings: []model.Finding{{ID: "f1", Severity: "high", Title: "Äußerst „wichtig“"}, {ID: "f2", Severity: "odd"}},
		},
		{Document: model.DocumentInfo{Path: "b.txt", Language: "en"}, Facts: model.Facts{
			Parties:       model.Parties{Processor: &model.Party{Name: "Example Cloud Ltd"}},
			Subprocessors: []model.Subprocessor{{Name: "Supabase Inc.", Country: "SG", ThirdCountry: true, TransferMechanism: "standard_contractual_clauses"}, {Name: "IONOS SE", Country: "DE"}},
			Deadlines:     model.Deadlines{BreachNoticeHours: &hours},
		}},
	}
}

func TestCSV(t *testing.T) {
	path := filepath.Join(t.TempDir(), "s.csv")
	if err := Write(path, Tables(results())); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(data, []byte(bom)) {
		t.Error("CSV lacks the UTF-8 byte order mark")
	}
	recs, err := csv.NewReader(bytes.NewReader(data[len(bom):])).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 3 {
		t.Fatalf("%d records, want header + 2", len(recs))
	}
	second := map[string]string{}
	for i, h := range recs[0] {
		second[h] = recs[2][i]
	}
	for k, want := range map[string]string{"processor": "Example Cloud Ltd", "controller": "", "subprocessors": "2", "third_country_subprocessors": "1", "breach_notice_hours": "24", "objection_days": ""} {
		if second[k] != want {
			t.Errorf("b.txt %s = %q, want %q", k, second[k], want)
		}
	}
	row := map[string]string{}
	for i, h := range recs[0] {
		row[h] = recs[1][i]
	}
	for k, want := range map[string]string{"file": "a.txt", "mandatory_met": "1", "mandatory_missing": "1", "missing_ids": "audits", "findings_high": "1", "findings_other": "1", "processor": ""} {
		if row[k] != want {
			t.Errorf("%s = %q, want %q", k, row[k], want)
		}
	}
}

func TestXLSX(t *testing.T) {
	path := filepath.Join(t.TempDir(), "s.xlsx")
	if err := Write(path, Tables(results())); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	want := []string{"contracts", "missing requirements", "sub-processors", "findings"}
	if got := f.GetSheetList(); len(got) != len(want) {
		t.Fatalf("sheets %v, want %v", got, want)
	}
	for _, name := range want {
		panes, err := f.GetPanes(name)
		if err != nil || !panes.Freeze || panes.YSplit != 1 {
			t.Errorf("%s: header row not frozen (%+v, %v)", name, panes, err)
		}
	}
	rows, err := f.GetRows("contracts")
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 3 || rows[1][0] != "a.txt" {
		t.Errorf("contracts rows: %v", rows)
	}
	typ, err := f.GetCellType("contracts", "E2")
	if err != nil || typ == excelize.CellTypeSharedString || typ == excelize.CellTypeInlineString {
		t.Errorf("count cell E2 is not numeric: %v %v", typ, err)
	}
	miss, _ := f.GetRows("missing requirements")
	if len(miss) != 3 { // header, audits missing, toms-description partial
		t.Errorf("missing requirements rows: %v", miss)
	}
	sr, _ := f.GetRows("sub-processors")
	if len(sr) != 3 || sr[1][1] != "Supabase Inc." || sr[1][3] != "TRUE" {
		t.Errorf("sub-processors rows: %v", sr)
	}
	fr, _ := f.GetRows("findings")
	if len(fr) != 3 || fr[1][3] != "Äußerst „wichtig“" {
		t.Errorf("findings rows: %v", fr)
	}
	// The workbook carries an autofilter on each sheet (a defined name).
	names := f.GetDefinedName()
	if len(names) != len(want) {
		t.Errorf("autofilters: %d defined names, want %d", len(names), len(want))
	}
}

func TestWriteRejectsExtension(t *testing.T) {
	if err := Write(filepath.Join(t.TempDir(), "s.ods"), Tables(nil)); err == nil {
		t.Error("unsupported extension accepted")
	}
}
