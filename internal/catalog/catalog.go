// Package catalog loads the requirement catalog: the Art. 28 GDPR
// requirements the checker reports on, with the detection rules, examples,
// explanations and suggested clauses a lawyer can read and change. The data
// lives in embedded YAML files under data/; Go code only interprets it.
package catalog

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"regexp"
	"strings"

	"go.yaml.in/yaml/v3"
)

//go:embed data
var embedded embed.FS

// Level says whether a contract must contain a requirement.
type Level string

// Requirement levels.
const (
	Mandatory   Level = "mandatory"
	Recommended Level = "recommended"
)

// Status is a requirement verdict.
type Status string

// Verdicts. Part marks rules that only count inside a combination.
const (
	Met           Status = "met"
	Partial       Status = "partial"
	Missing       Status = "missing"
	NotApplicable Status = "not-applicable"
	Part          Status = "part"
)

// Text is a text in German and English.
type Text struct {
	DE string `yaml:"de"`
	EN string `yaml:"en"`
}

// In returns the text in language lang ("de" or "en"), falling back to
// English.
func (t Text) In(lang string) string {
	if lang == "de" && t.DE != "" {
		return t.DE
	}
	return t.EN
}

// Catalog is the loaded and compiled requirement catalog.
type Catalog struct {
	// Version identifies the catalog's state, reported with every result.
	Version string `yaml:"version"`
	// About describes the catalog and its sources.
	About string `yaml:"about"`
	// Parties lists, per language, the words that name the processor and
	// the controller; they decide who carries an obligation.
	Parties map[string]PartyWords `yaml:"parties"`
	// Subordinators are words that open a leading subordinate clause whose
	// parties are not the actor ("if", "soweit").
	Subordinators map[string][]string `yaml:"subordinators"`
	// Sets are named term lists that rules reference as "@name".
	Sets map[string][]string `yaml:"sets"`
	// Order lists the requirement ids in report order; each has a file
	// requirements/<id>.yaml.
	Order []string `yaml:"requirements"`
	// BenchScored lists the English corpus labels that evaluation scores.
	BenchScored []string `yaml:"bench_scored"`

	// Requirements are the loaded requirements in report order.
	Requirements []*Requirement `yaml:"-"`
	byID         map[string]*Requirement
}

// PartyWords are the words for the two parties in one language.
type PartyWords struct {
	Processor  []string `yaml:"processor"`
	Controller []string `yaml:"controller"`
}

// Requirement is one entry of the catalog.
type Requirement struct {
	ID      string `yaml:"id"`
	Article string `yaml:"article"`
	Level   Level  `yaml:"level"`
	Title   Text   `yaml:"title"`
	// Bench names the English corpus labels that mark sentences meeting
	// this requirement.
	Bench []string `yaml:"bench"`
	// Explanation says in plain words what the law asks for and why.
	Explanation Text `yaml:"explanation"`
	// Suggestion is clause wording a reviewer can propose when the
	// requirement is missing or partial.
	Suggestion Text `yaml:"suggestion"`
	// Rules decide the verdict; see Rule.
	Rules []*Rule `yaml:"rules"`
	// Combos give a status when several named rules each match somewhere in
	// the document.
	Combos []Combo `yaml:"combos"`
	// Examples are test clauses the rules must classify correctly.
	Examples []Example `yaml:"examples"`
}

// Combo yields Status when every rule named in Rules matched.
type Combo struct {
	Status Status   `yaml:"status"`
	Rules  []string `yaml:"rules"`
}

// Rule matches sentences. A sentence matches when every group in All has at
// least one term in the sentence (or in the sentence that introduces it,
// for list items), no term of None occurs in the sentence, the sentence's
// acting party fits Actor, and the language fits Lang.
type Rule struct {
	// Name identifies the rule in explanations and combos.
	Name string `yaml:"name"`
	// Lang is "de" or "en"; set from the rules file's folder.
	Lang string `yaml:"lang"`
	// Status is the verdict the rule supports.
	Status Status `yaml:"status"`
	// Actor is who must carry the obligation: "processor",
	// "not-controller" (default: the processor or nobody named),
	// "controller", "not-processor" (the controller or nobody named, for
	// rights of the controller) or "any".
	Actor string `yaml:"actor"`
	// All are the term groups that must all occur.
	All [][]string `yaml:"all"`
	// None are terms that must not occur in the sentence itself.
	None []string `yaml:"none"`
	// NoLeadIn switches off matching across a list's lead-in sentence.
	NoLeadIn bool `yaml:"no_lead_in"`
	// Why explains in a few words what the rule recognises.
	Why string `yaml:"why"`
}

// Example is a test clause with the status it must receive.
type Example struct {
	Lang   string `yaml:"lang"`
	Text   string `yaml:"text"`
	Status Status `yaml:"status"`
	Note   string `yaml:"note"`
}

// Requirement returns the requirement with the given id, or nil.
func (c *Catalog) Requirement(id string) *Requirement {
	return c.byID[id]
}

var defaultCatalog *Catalog

// Default returns the embedded catalog. It panics only if the embedded data
// is invalid, which the package tests rule out.
func Default() *Catalog {
	if defaultCatalog == nil {
		c, err := Load(embedded, "data")
		if err != nil {
			panic(fmt.Sprintf("embedded catalog: %v", err))
		}
		defaultCatalog = c
	}
	return defaultCatalog
}

// Load reads catalog.yaml and requirements/*.yaml from dir in fsys, decodes
// them strictly (unknown keys are errors) and validates them.
func Load(fsys fs.FS, dir string) (*Catalog, error) {
	var c Catalog
	if err := decodeFile(fsys, path.Join(dir, "catalog.yaml"), &c); err != nil {
		return nil, err
	}
	c.byID = map[string]*Requirement{}
	for _, id := range c.Order {
		file := path.Join(dir, "requirements", id+".yaml")
		var r Requirement
		if err := decodeFile(fsys, file, &r); err != nil {
			return nil, err
		}
		if r.ID != id {
			return nil, fmt.Errorf("%s: id %q does not match file name", file, r.ID)
		}
		for _, lang := range Languages {
			if err := loadLanguageRules(fsys, path.Join(dir, "rules", lang, id+".yaml"), lang, &r); err != nil {
				return nil, err
			}
		}
		if err := c.validate(&r); err != nil {
			return nil, fmt.Errorf("%s: %w", file, err)
		}
		c.Requirements = append(c.Requirements, &r)
		c.byID[id] = &r
	}
	return &c, nil
}

// Languages are the contract languages the catalog has rules for.
var Languages = []string{"de", "en"}

// languageRules is the content of rules/<lang>/<id>.yaml: one language's
// rules and test clauses for a requirement.
type languageRules struct {
	Rules    []*Rule   `yaml:"rules"`
	Examples []Example `yaml:"examples"`
}

// loadLanguageRules adds the rules and examples of one language file, if
// it exists, to r.
func loadLanguageRules(fsys fs.FS, name, lang string, r *Requirement) error {
	if _, err := fs.Stat(fsys, name); errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	var lr languageRules
	if err := decodeFile(fsys, name, &lr); err != nil {
		return err
	}
	for i, rule := range lr.Rules {
		if rule.Lang != "" && rule.Lang != lang {
			return fmt.Errorf("%s: rule %d has lang %q in a %s file", name, i+1, rule.Lang, lang)
		}
		rule.Lang = lang
		r.Rules = append(r.Rules, rule)
	}
	for i, ex := range lr.Examples {
		if ex.Lang != "" && ex.Lang != lang {
			return fmt.Errorf("%s: example %d has lang %q in a %s file", name, i+1, ex.Lang, lang)
		}
		ex.Lang = lang
		r.Examples = append(r.Examples, ex)
	}
	return nil
}

func decodeFile(fsys fs.FS, name string, v any) error {
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return fmt.Errorf("read catalog: %w", err)
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(v); err != nil && !errors.Is(err, io.EOF) {
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}

var validStatus = map[Status]bool{Met: true, Partial: true, NotApplicable: true, Part: true}
var validActor = map[string]bool{"": true, "processor": true, "not-controller": true, "controller": true, "not-processor": true, "any": true}

// validate checks one requirement: known level and statuses, compilable
// terms, known set references, combos naming existing rules, examples in a
// known language.
func (c *Catalog) validate(r *Requirement) error {
	if r.Level != Mandatory && r.Level != Recommended {
		return fmt.Errorf("level %q: want mandatory or recommended", r.Level)
	}
	if r.Title.DE == "" || r.Title.EN == "" {
		return errors.New("title needs de and en")
	}
	names := map[string]bool{}
	for i, rule := range r.Rules {
		where := fmt.Sprintf("rule %d (%s)", i+1, rule.Name)
		if !validStatus[rule.Status] {
			return fmt.Errorf("%s: status %q", where, rule.Status)
		}
		if !validActor[rule.Actor] {
			return fmt.Errorf("%s: actor %q", where, rule.Actor)
		}
		if rule.Lang != "" && rule.Lang != "de" && rule.Lang != "en" {
			return fmt.Errorf("%s: lang %q", where, rule.Lang)
		}
		if len(rule.All) == 0 {
			return fmt.Errorf("%s: no term groups in all", where)
		}
		if rule.Name != "" {
			if names[rule.Name] {
				return fmt.Errorf("%s: duplicate rule name", where)
			}
			names[rule.Name] = true
		}
		terms := append([]string{}, rule.None...)
		for _, g := range rule.All {
			if len(g) == 0 {
				return fmt.Errorf("%s: empty term group", where)
			}
			terms = append(terms, g...)
		}
		for _, t := range terms {
			if err := c.checkTerm(t); err != nil {
				return fmt.Errorf("%s: term %q: %w", where, t, err)
			}
		}
	}
	for _, cb := range r.Combos {
		if !validStatus[cb.Status] || cb.Status == Part {
			return fmt.Errorf("combo status %q", cb.Status)
		}
		for _, n := range cb.Rules {
			if !names[n] {
				return fmt.Errorf("combo names unknown rule %q", n)
			}
		}
	}
	for i, ex := range r.Examples {
		if ex.Lang != "de" && ex.Lang != "en" {
			return fmt.Errorf("example %d: lang %q", i+1, ex.Lang)
		}
		if ex.Status != Met && ex.Status != Partial && ex.Status != Missing && ex.Status != NotApplicable {
			return fmt.Errorf("example %d: status %q", i+1, ex.Status)
		}
	}
	return nil
}

// checkTerm validates one term's syntax.
func (c *Catalog) checkTerm(t string) error {
	switch {
	case strings.TrimSpace(t) == "":
		return errors.New("empty")
	case strings.HasPrefix(t, "@"):
		if _, ok := c.Sets[t[1:]]; !ok {
			return errors.New("unknown set")
		}
	case strings.HasPrefix(t, "re:"):
		if _, err := regexp.Compile(t[3:]); err != nil {
			return err
		}
	case strings.HasPrefix(t, "art:"):
		for _, n := range strings.Split(t[4:], ",") {
			var a int
			if _, err := fmt.Sscanf(n, "%d", &a); err != nil {
				return fmt.Errorf("article number %q", n)
			}
		}
	}
	return nil
}

// ExpandSets replaces "@name" references in terms with the named sets'
// terms, recursively.
func (c *Catalog) ExpandSets(terms []string) []string {
	var out []string
	for _, t := range terms {
		if strings.HasPrefix(t, "@") {
			out = append(out, c.ExpandSets(c.Sets[t[1:]])...)
			continue
		}
		out = append(out, t)
	}
	return out
}
