// Package lexicon holds the language facts several packages read the same
// way: German and English number words, month names and the phrases that
// name the party giving instructions (data/words.yaml).
package lexicon

import (
	"bytes"
	_ "embed"
	"fmt"
	"slices"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"

	"github.com/art28/art28/internal/compiled"
)

//go:generate go run ./gen

//go:embed data/words.yaml
var wordsYAML []byte

// precomputedFile holds words.yaml, decoded, as a Go composite literal
// (precomputedWords), so a process parses no YAML to read the word lists.
// words.yaml stays the source; `go generate ./internal/lexicon` rewrites
// this file and TestCompiledUpToDate fails when it is stale.
const precomputedFile = "precomputed.go"

// Compile returns the compiled form of words.yaml: the source of
// precomputedFile.
func Compile() ([]byte, error) {
	w, err := decode(wordsYAML)
	if err != nil {
		return nil, err
	}
	return compiled.GoSource("github.com/art28/art28/internal/lexicon", "lexicon", "./gen",
		"precomputedWords is words.yaml, decoded (see precomputedFile).",
		"precomputedWords", w)
}

type words struct {
	NumberWords map[string]int `yaml:"number_words"`
	Months      map[string]int `yaml:"months"`
	Instruction []string       `yaml:"instruction_cues"`
	InstrAfter  []string       `yaml:"instruction_after"`
	Naming      []string       `yaml:"naming_verbs"`
	BlockForms  []string       `yaml:"block_legal_forms"`
	Concluding  []string       `yaml:"concluding_verbs"`
	Headings    []string       `yaml:"party_headings"`
	Asking      []string       `yaml:"asking_permission"`
	AskingOf    []string       `yaml:"asking_vendor"`
	Restricting []string       `yaml:"restricting_answers"`
	Denying     []string       `yaml:"denying_answers"`
	Definers    []string       `yaml:"definer_words"`
	// WordSets are lists of single words, written on one line each,
	// separated by spaces; PhraseSets are lists whose entries may hold
	// spaces. Both are read by name (List, Set).
	WordSets   map[string]string   `yaml:"word_sets"`
	PhraseSets map[string][]string `yaml:"phrase_sets"`
	// lists holds the entries of WordSets and PhraseSets by name
	// (splitLists; not part of the compiled form).
	lists map[string][]string
}

// load takes the word lists from their compiled form once, on first use,
// and splits the word sets into words.
var load = sync.OnceValues(func() (*words, error) {
	w := *precomputedWords
	w.lists = w.splitLists()
	return &w, nil
})

func decode(data []byte) (*words, error) {
	var w words
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&w); err != nil {
		return nil, fmt.Errorf("lexicon: words.yaml: %w", err)
	}
	for k, v := range w.NumberWords {
		if k != strings.ToLower(k) || v <= 0 {
			return nil, fmt.Errorf("lexicon: words.yaml: number word %q: want lower case and a positive value", k)
		}
	}
	for k, v := range w.Months {
		if k != strings.ToLower(k) || v < 1 || v > 12 {
			return nil, fmt.Errorf("lexicon: words.yaml: month %q: want lower case and 1 to 12", k)
		}
	}
	for _, c := range slices.Concat(w.Instruction, w.InstrAfter, w.Naming, w.Denying, w.Definers, w.Headings) {
		if c != strings.ToLower(c) || strings.TrimSpace(c) != c || c == "" {
			return nil, fmt.Errorf("lexicon: words.yaml: instruction cue %q: want lower case without outer spaces", c)
		}
	}
	for _, a := range w.Definers {
		for _, b := range w.Definers {
			if a != b && strings.HasPrefix(b, a) {
				return nil, fmt.Errorf("lexicon: words.yaml: definer word %q starts %q: the definition scan takes the first that fits", a, b)
			}
		}
	}
	if err := w.checkLists(); err != nil {
		return nil, err
	}
	return &w, nil
}

// splitLists returns the word sets split into words and the phrase sets,
// by name.
func (w *words) splitLists() map[string][]string {
	lists := make(map[string][]string, len(w.WordSets)+len(w.PhraseSets))
	for name, line := range w.WordSets {
		lists[name] = strings.Fields(line)
	}
	for name, list := range w.PhraseSets {
		lists[name] = list
	}
	return lists
}

// checkLists checks every entry of the word and phrase sets: lower case,
// no outer or double spaces, not empty, no entry twice in one list, no
// name used for both kinds.
func (w *words) checkLists() error {
	for name := range w.PhraseSets {
		if _, dup := w.WordSets[name]; dup {
			return fmt.Errorf("lexicon: words.yaml: %q is both a word set and a phrase set", name)
		}
	}
	for name, list := range w.splitLists() {
		if len(list) == 0 {
			return fmt.Errorf("lexicon: words.yaml: list %q is empty", name)
		}
		seen := map[string]bool{}
		for _, e := range list {
			if e == "" || e != strings.ToLower(e) || strings.TrimSpace(e) != e || strings.Contains(e, "  ") {
				return fmt.Errorf("lexicon: words.yaml: list %q: entry %q: want lower case without outer or double spaces", name, e)
			}
			if seen[e] {
				return fmt.Errorf("lexicon: words.yaml: list %q: %q twice", name, e)
			}
			seen[e] = true
		}
	}
	return nil
}

// mustLoad returns the word lists; words.yaml and its compiled form are
// checked by the tests, so an error is a build defect.
func mustLoad() *words {
	w, err := load()
	if err != nil {
		panic(err)
	}
	return w
}

// Numbers returns the number words ("zwei", "fourteen") with their values,
// lower-cased. The map is shared and must not be modified.
func Numbers() map[string]int { return mustLoad().NumberWords }

// Number returns the value of a lower-cased number word.
func Number(word string) (int, bool) {
	n, ok := mustLoad().NumberWords[word]
	return n, ok
}

// Month returns the number (1 to 12) of a lower-cased month name or
// abbreviation ("märz", "sept").
func Month(name string) (int, bool) {
	m, ok := mustLoad().Months[name]
	return m, ok
}

// InstructionCues returns the lower-case phrases after which the party
// giving instructions is named ("weisung des", "instructions of the").
// The slice is shared and must not be modified.
func InstructionCues() []string { return mustLoad().Instruction }

// InstructionAfter returns the lower-case phrases that follow the party
// giving instructions in plain language ("wie die Praxis es dokumentiert
// vorgibt", "as the Charity documents its instructions"). The slice is
// shared and must not be modified.
func InstructionAfter() []string { return mustLoad().InstrAfter }

// NamingVerbs returns the lower-case words of a plain-language sentence
// that gives the party named after them the quoted term after it
// ("nennen wir", "we call"). The slice is shared and must not be
// modified.
func NamingVerbs() []string { return mustLoad().Naming }

// BlockLegalForms returns the legal forms, as written, that mark a party
// block's company line under a label line ("GmbH", "Ltd"). The slice is
// shared and must not be modified.
func BlockLegalForms() []string { return mustLoad().BlockForms }

// ConcludingVerbs returns the lower-case verbs with which the two parties
// named in a contract's head conclude it ("vereinbaren", "schließen",
// "agree"). The slice is shared and must not be modified.
func ConcludingVerbs() []string { return mustLoad().Concluding }

// PartyHeadings returns the lower-case heading lines ("Parteien",
// "Vertragsparteien", "Parties") under which a contract's head lists its
// two parties as blocks without "zwischen … und". The slice is shared and
// must not be modified.
func PartyHeadings() []string { return mustLoad().Headings }

// AskingPermission returns the lower-case openings of a question in
// which a FAQ's reader, the customer, asks the vendor for leave ("can
// we", "dürfen wir"). The slice is shared and must not be modified.
func AskingPermission() []string { return mustLoad().Asking }

// AskingVendor returns the lower-case openings of a yes/no question a
// FAQ's reader asks the vendor about its own conduct ("will you", "* ihr",
// where "*" is any one word). The slice is shared and must not be
// modified.
func AskingVendor() []string { return mustLoad().AskingOf }

// Lines returns the entries of an embedded plain word list: one entry a
// line, white space trimmed, blank lines and lines starting with # (the
// list's description, source and date) skipped.
func Lines(data string) []string {
	var out []string
	for _, l := range strings.Split(data, "\n") {
		l = strings.TrimSpace(l)
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		out = append(out, l)
	}
	return out
}

// RestrictingAnswers returns the lower-case words with which an answer
// that opens with "No"/"Nein" goes on to grant the question's matter
// within limits ("Nein – nur nach deinen Weisungen", "No, only where
// …"), rather than refusing it. The slice is shared and must not be
// modified.
func RestrictingAnswers() []string { return mustLoad().Restricting }

// DenyingAnswers returns the lower-case words with which an answer
// refuses the question before it ("nein", "no"). The slice is shared and
// must not be modified.
func DenyingAnswers() []string { return mustLoad().Denying }

// DefinerWords returns the lower-case words that open a party's
// definition set off by dashes or commas ("nachfolgend", "hereinafter").
// The slice is shared and must not be modified.
func DefinerWords() []string { return mustLoad().Definers }

// List returns the entries of the word or phrase set name of words.yaml
// (word_sets, phrase_sets) in the order written. It panics if there is no
// such list: the names are fixed in the code that reads them, and every
// package's tests load its lists. The slice is shared and must not be
// modified.
func List(name string) []string {
	l, ok := mustLoad().lists[name]
	if !ok {
		panic(fmt.Sprintf("lexicon: words.yaml has no word or phrase set %q", name))
	}
	return l
}

// Set returns the entries of List(name) as a new set.
func Set(name string) map[string]bool {
	l := List(name)
	m := make(map[string]bool, len(l))
	for _, e := range l {
		m[e] = true
	}
	return m
}
