package catalog

import (
	"reflect"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/art28/art28/internal/compiled"
)

func TestDefaultCatalog(t *testing.T) {
	c := Default()
	if len(c.Requirements) != 29 {
		t.Fatalf("%d requirements, want 29", len(c.Requirements))
	}
	for _, r := range c.Requirements {
		if r.Title.DE == "" || r.Title.EN == "" || r.Article == "" {
			t.Errorf("%s: title or article missing", r.ID)
		}
		langs := map[string]bool{}
		for _, rule := range r.Rules {
			langs[rule.Lang] = true
		}
		if !langs["de"] || !langs["en"] {
			t.Errorf("%s: rules for both languages needed, have %v", r.ID, langs)
		}
	}
	scored := map[string]bool{}
	for _, r := range c.Requirements {
		for _, b := range r.Bench {
			scored[b] = true
		}
	}
	for _, l := range c.BenchScored {
		if !scored[l] {
			t.Errorf("scored label %s maps to no requirement", l)
		}
	}
}

const minimalCatalog = `
version: "1"
about: test
parties: {en: {processor: [processor], controller: [controller]}}
subordinators: {en: [if]}
sets: {x: [foo]}
bench_scored: []
requirements: [audits]
`

func TestLoadErrors(t *testing.T) {
	good := `id: audits
article: Art. 28(3)(h)
level: mandatory
title: {en: Audits, de: Kontrollen}
bench: []
`
	tests := []struct {
		name  string
		files map[string]string
		want  string
	}{
		{"ok", map[string]string{"requirements/audits.yaml": good, "rules/en/audits.yaml": "rules:\n- {name: a, status: met, all: [[audit*]]}\n"}, ""},
		{"unknown key", map[string]string{"requirements/audits.yaml": good + "colour: red\n"}, "field colour not found"},
		{"id mismatch", map[string]string{"requirements/audits.yaml": strings.Replace(good, "id: audits", "id: audit", 1)}, "does not match file name"},
		{"bad level", map[string]string{"requirements/audits.yaml": strings.Replace(good, "mandatory", "optional", 1)}, "level"},
		{"bad status", map[string]string{"requirements/audits.yaml": good, "rules/en/audits.yaml": "rules:\n- {name: a, status: done, all: [[audit*]]}\n"}, `status "done"`},
		{"unknown set", map[string]string{"requirements/audits.yaml": good, "rules/en/audits.yaml": "rules:\n- {name: a, status: met, all: [['@nope']]}\n"}, "unknown set"},
		{"bad regexp", map[string]string{"requirements/audits.yaml": good, "rules/en/audits.yaml": "rules:\n- {name: a, status: met, all: [['re:(']]}\n"}, "missing closing"},
		{"empty group", map[string]string{"requirements/audits.yaml": good, "rules/en/audits.yaml": "rules:\n- {name: a, status: met, all: [[]]}\n"}, "empty term group"},
		{"lang clash", map[string]string{"requirements/audits.yaml": good, "rules/en/audits.yaml": "rules:\n- {name: a, lang: de, status: met, all: [[x]]}\n"}, "in a en file"},
		{"combo unknown rule", map[string]string{"requirements/audits.yaml": good + "combos: [{status: met, rules: [zz]}]\n"}, "unknown rule"},
		{"net rule ok", map[string]string{"requirements/audits.yaml": good, "rules/en/audits.yaml": "rules:\n- {name: n, status: partial, net: true, all: [[audit*]]}\n"}, ""},
		{"net rule met", map[string]string{"requirements/audits.yaml": good, "rules/en/audits.yaml": "rules:\n- {name: n, status: met, net: true, all: [[audit*]]}\n"}, "a net rule is partial"},
		{"net fallback", map[string]string{"requirements/audits.yaml": good, "rules/en/audits.yaml": "rules:\n- {name: n, status: partial, net: true, fallback: true, all: [[audit*]]}\n"}, "a net rule is partial"},
		{"net in combo", map[string]string{"requirements/audits.yaml": good + "combos: [{status: met, rules: [n]}]\n", "rules/en/audits.yaml": "rules:\n- {name: n, status: partial, net: true, all: [[audit*]]}\n"}, "combo names net rule"},
		{"example status", map[string]string{"requirements/audits.yaml": good, "rules/de/audits.yaml": "examples:\n- {status: fine, text: x}\n"}, "example 1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{"d/catalog.yaml": {Data: []byte(minimalCatalog)}}
			for name, data := range tt.files {
				fsys["d/"+name] = &fstest.MapFile{Data: []byte(data)}
			}
			_, err := Load(fsys, "d")
			switch {
			case tt.want == "" && err != nil:
				t.Fatalf("unexpected error %v", err)
			case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
				t.Fatalf("error %v, want it to mention %q", err, tt.want)
			}
		})
	}
}

// TestWithoutExamples checks that leaving the test clauses out at start-up
// loses no rule: the catalog with and without examples has the same rules.
func TestWithoutExamples(t *testing.T) {
	full, err := WithExamples()
	if err != nil {
		t.Fatal(err)
	}
	lean := Default()
	examples := 0
	for i, r := range full.Requirements {
		l := lean.Requirements[i]
		if len(r.Rules) != len(l.Rules) || len(r.Combos) != len(l.Combos) || r.Suggestion != l.Suggestion {
			t.Errorf("%s: %d/%d rules differ between full and lean load", r.ID, len(r.Rules), len(l.Rules))
		}
		if len(l.Examples) != 0 {
			t.Errorf("%s: lean load kept %d examples", r.ID, len(l.Examples))
		}
		examples += len(r.Examples)
	}
	if examples == 0 {
		t.Error("full load has no examples")
	}
	if got := string(withoutExamples([]byte("rules:\n- a\nexamples:\n- {x: 1}\n  - y\nnext: 2\n"))); got != "rules:\n- a\nnext: 2\n" {
		t.Errorf("withoutExamples = %q", got)
	}
}

// TestCompiledUpToDate fails when the YAML catalog changed without the
// compiled form being regenerated, and checks that the compiled form is
// the catalog decoded from the YAML.
func TestCompiledUpToDate(t *testing.T) {
	if err := compiled.Stale(precomputedFile, "./internal/catalog", Compile); err != nil {
		t.Fatal(err)
	}
	c := Default()
	if len(c.Requirements) != len(c.Order) || c.Requirement("audits") == nil {
		t.Errorf("compiled catalog has %d requirements for %d ids", len(c.Requirements), len(c.Order))
	}
	yc, err := load(embedded, "data", false)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(yc, c) {
		t.Error("the precomputed catalog differs from the one decoded from the YAML files")
	}
}

// TestTermsAreWords checks that no plain term holds punctuation: the
// matcher compares words, so "nature, scope, context" (with its commas)
// never matched anything, while "nature scope context" matches the text
// "nature, scope, context".
func TestTermsAreWords(t *testing.T) {
	c := Default()
	check := func(where, term string) {
		if strings.HasPrefix(term, "re:") || strings.HasPrefix(term, "art:") || strings.HasPrefix(term, "@") {
			return
		}
		if strings.ContainsAny(term, ",;:()") {
			t.Errorf("%s: term %q holds punctuation and can never match", where, term)
		}
	}
	for _, r := range c.Requirements {
		for _, rule := range r.Rules {
			for _, groups := range [][][]string{rule.All, rule.Topic, {rule.None}} {
				for _, g := range groups {
					for _, term := range g {
						check(r.ID+"/"+rule.Name, term)
					}
				}
			}
		}
	}
	for name, terms := range c.Sets {
		for _, term := range terms {
			check("set "+name, term)
		}
	}
}
