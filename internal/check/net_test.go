package check

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/art28/art28/internal/catalog"
	"github.com/art28/art28/internal/document"
	"github.com/art28/art28/internal/segment"
)

// netCatalog is a one-requirement catalog with a main rule, a fallback
// rule and a safety-net rule, so the test does not depend on the wording
// of the embedded rules.
func netCatalog(t *testing.T) *catalog.Catalog {
	t.Helper()
	fsys := fstest.MapFS{
		"d/catalog.yaml": {Data: []byte(`
version: "1"
about: test
parties: {en: {processor: [processor], controller: [controller]}}
subordinators: {en: [if]}
sets: {}
bench_scored: []
requirements: [audits]
`)},
		"d/requirements/audits.yaml": {Data: []byte(`id: audits
article: Art. 28(3)(h)
level: mandatory
title: {en: Audits, de: Kontrollen}
bench: []
`)},
		"d/rules/en/audits.yaml": {Data: []byte(`rules:
- {name: main, status: met, all: [[audit*], [allow*]]}
- {name: fall, status: partial, fallback: true, actor: any, all: [[inspect*], [premises]]}
- {name: net, status: partial, net: true, actor: any, all: [[audit*, inspect*, check*]]}
`)},
	}
	c, err := catalog.Load(fsys, "d")
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestSafetyNet checks the net's place in a verdict: it is read only where
// no other rule matched, gives "partial" marked uncertain, and its
// sentences are never cited beside a main or fallback rule's.
func TestSafetyNet(t *testing.T) {
	ch := New(netCatalog(t))
	tests := []struct {
		name, text string
		status     string
		uncertain  bool
		rule       string
		first      string
	}{
		{"main rule decides; the net's earlier sentence is not cited",
			"The controller may check the logs.\n\nThe processor shall allow audits by the controller.",
			"met", false, "main", "allow audits"},
		{"fallback rule decides before the net",
			"The controller may check the logs.\n\nThe controller may inspect the premises.",
			"partial", false, "fall", "inspect the premises"},
		{"only the net matches: uncertain partial",
			"The parties agree on fees.\n\nThe controller may check the processor's compliance once a year.",
			"partial", true, "net", "check the processor"},
		{"nothing matches: missing",
			"The parties agree on fees.\n\nThe processor shall delete all data.",
			"missing", false, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := document.ParseText("t.txt", "text", tt.text)
			in := ch.Prepare(doc, segment.Split(doc), "en")
			vs := ch.Check(in)
			if len(vs) != 1 {
				t.Fatalf("%d verdicts, want 1", len(vs))
			}
			v := vs[0]
			if v.Status != tt.status || v.Uncertain != tt.uncertain {
				t.Fatalf("status %s uncertain %v, want %s %v (rules %v)", v.Status, v.Uncertain, tt.status, tt.uncertain, v.Rules)
			}
			if tt.rule == "" {
				if len(v.Evidence) != 0 {
					t.Fatalf("missing verdict cites %q", v.Evidence[0].Text)
				}
				return
			}
			if len(v.Rules) != 1 || v.Rules[0] != tt.rule {
				t.Errorf("rules %v, want [%s]", v.Rules, tt.rule)
			}
			if len(v.Evidence) == 0 || !strings.Contains(v.Evidence[0].Text, tt.first) {
				t.Fatalf("evidence %v, want first the sentence with %q", v.Evidence, tt.first)
			}
			for _, e := range v.Evidence {
				if tt.rule != "net" && strings.Contains(e.Text, "check the logs") {
					t.Errorf("the net's sentence %q is cited beside the %s rule's", e.Text, tt.rule)
				}
			}
		})
	}
}
