package extract

import (
	"reflect"
	"strings"
	"testing"

	"github.com/art28/art28/internal/compiled"
)

// TestKnowledgeRejectsBrokenLexicon checks that the lexicon's word lists
// are complete and well-formed: a missing or misspelt list would silently
// drop facts.
func TestKnowledgeRejectsBrokenLexicon(t *testing.T) {
	lex := string(lexiconYAML)
	tests := []struct {
		name, old, new, want string
	}{
		{"missing cue list", "  audit: [kontroll", "  audits: [kontroll", `cue list "audit" missing`},
		{"upper-case cue", "breach_prompt: [unverzüglich", "breach_prompt: [Unverzüglich", "not a lower-case fragment"},
		{"missing term list", "  dpo: [datenschutzbeauftragte*", "  dpo_words: [datenschutzbeauftragte*", `sentence_terms list "dpo" missing`},
		{"missing place connectors", "place_connectors: [am, an der, im, ob der, bei, upon]", "", "place_connectors missing"},
		{"upper-case place connector", "place_connectors: [am, an der", "place_connectors: [Am, an der", "not a lower-case word"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !strings.Contains(lex, tt.old) {
				t.Fatalf("lexicon.yaml no longer contains %q", tt.old)
			}
			_, err := compileKnowledge(countriesYAML, []byte(strings.Replace(lex, tt.old, tt.new, 1)))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want one containing %q", err, tt.want)
			}
		})
	}
	if _, err := compileKnowledge(countriesYAML, lexiconYAML); err != nil {
		t.Fatalf("the embedded lexicon: %v", err)
	}
}

// TestCompiledUpToDate fails when a YAML file of the knowledge changed
// without the compiled form being regenerated, and checks that the
// compiled form is the knowledge decoded from the YAML.
func TestCompiledUpToDate(t *testing.T) {
	if err := compiled.Stale(precomputedFile, "./internal/extract", Compile); err != nil {
		t.Fatal(err)
	}
	f, err := decodeKnowledge(countriesYAML, lexiconYAML, partiesYAML)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := LoadKnowledge(); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(f, precomputedKnowledge) {
		t.Error("the precomputed knowledge differs from the one decoded from the YAML files")
	}
}
