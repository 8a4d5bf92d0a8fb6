package eval

import (
	"testing"

	"github.com/art28/art28/internal/model"
)

func TestEvidenceLine(t *testing.T) {
	text := []rune("Präambel\nDer Auftragnehmer löscht.\nDer Auftragnehmer löscht.\n")
	for _, c := range []struct {
		ev   model.Evidence
		want int
	}{
		{model.Evidence{Text: "Der Auftragnehmer löscht.", Start: 10}, 2},
		{model.Evidence{Text: "Der Auftragnehmer löscht.", Start: 40}, 3},
		{model.Evidence{Text: "not in the text", Start: 9}, 2},
	} {
		if got := evidenceLine(text, c.ev); got != c.want {
			t.Errorf("evidenceLine(%q at %d) = %d, want %d", c.ev.Text, c.ev.Start, got, c.want)
		}
	}
}

func TestPlaceholderNorm(t *testing.T) {
	for in, want := range map[string]string{
		"[Firma / Name]":        "firma / name",
		"Name:  _______ ":       "name",
		"{{ Kunde }}":           "kunde",
		"[[Firma, Anschrift]]":  "firma, anschrift",
		"____\u00a0…":           "",
		"<Art der Daten>":       "art der daten",
		"${kunde.name}":         "kunde name",
		"XX.XX.XXXX":            "xx xx xxxx",
		"☐ Option":              "☐ option",
		"Mandant:\n[bitte ...]": "mandant bitte",
	} {
		if got := placeholderNorm(in); got != want {
			t.Errorf("placeholderNorm(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestMatchNames(t *testing.T) {
	gold := []namePair{{"1&1 IONOS SE (Büro Berlin)", "DE"}, {"Stripe Inc.", ""}, {"Hetzner Online GmbH", "DE"}}
	pred := []namePair{{"1&1 IONOS SE", "DE"}, {"Hetzner Online GmbH", "FI"}, {"Vercel Inc.", "US"}}
	m, miss, extra := matchNames(gold, pred)
	if m != 1 || len(miss) != 2 || len(extra) != 2 {
		t.Errorf("matchNames = %d, %q, %q", m, miss, extra)
	}
}

func TestDecodeLabelsCorrection(t *testing.T) {
	data := []byte(`{"file": "x.txt", "requirements": {"audits": {"status": "missing"}}, "subprocessors": [{"name": "A GmbH"}]}`)
	fix := []FieldCorrection{
		{Document: "x", Field: "requirements.audits", Corrected: []byte(`{"status": "met", "lines": [4]}`)},
		{Document: "y", Field: "subprocessors", Corrected: []byte(`[]`)},
	}
	lab, err := decodeLabels(data, "x.labels.json", fix)
	if err != nil {
		t.Fatal(err)
	}
	if v := lab.Requirements["audits"]; v.Status != "met" || len(v.Lines) != 1 || len(lab.Subs) != 1 {
		t.Errorf("corrected labels %+v", lab)
	}
	if _, err := decodeLabels(data, "x", []FieldCorrection{{Document: "x", Field: "nothing.here", Corrected: []byte(`1`)}}); err == nil {
		t.Error("a correction of a missing field must fail")
	}
}

func TestProjectFieldCorrectionsValid(t *testing.T) {
	cs, err := ProjectFieldCorrections()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cs {
		if c.Document == "" || c.Field == "" || len(c.Lines) == 0 || c.Reason == "" || len(c.Corrected) == 0 {
			t.Errorf("incomplete correction %+v: document, field, corrected, lines and reason are required", c)
		}
	}
}
