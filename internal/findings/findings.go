// Package findings reports the risks and defects a reviewer of a data
// processing agreement must see beyond the Art. 28 checklist: outdated legal
// references, unfilled templates, structural defects, costs and duties
// shifted onto the controller, hollowed rights, weak breach deadlines,
// unsafe third-country transfers and generic security measures.
//
// The findings are kept as data (the playbook, data/*.yaml): each rule names
// one of a fixed set of check kinds implemented in Go (see Kind) and carries
// its texts in German and English, its legal basis, an optional suggested
// clause, and its own positive and negative examples. Users can add or
// override rules by id with a file of their own (LoadFile, Merge).
package findings

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"regexp"
	"sort"
	"strings"
	"sync"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/art28/art28/internal/catalog"
	"github.com/art28/art28/internal/prefilter"
)

//go:generate go run ./gen

//go:embed data/*.yaml
var embedded embed.FS

// Severity ranks a finding.
type Severity string

// Severities, from the most to the least serious.
const (
	High   Severity = "high"
	Medium Severity = "medium"
	Low    Severity = "low"
	Info   Severity = "info"
)

// Severities lists the severities in report order.
var Severities = []Severity{High, Medium, Low, Info}

// Kind is the check a rule runs. The set is fixed; rules only choose one.
type Kind string

// Check kinds.
const (
	// Terms reports sentences in which every term group matches, none of
	// the exclusions does, and the acting party fits.
	Terms Kind = "terms"
	// Outdated is Terms, but only when the contract's own date (or today,
	// for an undated contract) is on or after Since.
	Outdated Kind = "outdated"
	// Pattern reports matches of a regular expression on the text.
	Pattern Kind = "pattern"
	// Deadline looks at sentences matching the term groups and compares
	// the periods they state with MaxHours / MinDays, or reports that
	// none states a period (Mode "missing").
	Deadline Kind = "deadline"
	// Absent reports sentences matching the term groups when no sentence
	// of the document matches Require.
	Absent Kind = "absent"
	// Count reports when at least Min sentences match.
	Count Kind = "count"
	// Categories reports control categories that no sentence names, when
	// the document has a security-measures part at all.
	Categories Kind = "categories"
	// Structure runs a structural check named by Check.
	Structure Kind = "structure"
	// Subprocessors reports extracted sub-processors (Options.Facts) in a
	// third country whose transfer mechanism is missing (Mode
	// "no-mechanism").
	Subprocessors Kind = "subprocessors"
)

var kinds = map[Kind]bool{Blanks: true, Terms: true, Outdated: true, Pattern: true, Deadline: true, Absent: true, Count: true, Categories: true, Structure: true, Subprocessors: true}

// Structural checks for kind "structure".
var structureChecks = map[string]bool{"duplicate-sections": true, "missing-sections": true, "missing-annexes": true}

// Text is a text in German and English.
type Text = catalog.Text

// Category is one group of controls for kind "categories".
type Category struct {
	Name  Text     `yaml:"name"`
	Terms []string `yaml:"terms"`
}

// Examples are sentences a rule must and must not report, per language.
type Examples struct {
	Positive map[string][]string `yaml:"positive"`
	Negative map[string][]string `yaml:"negative"`
}

// Rule is one finding of the playbook.
type Rule struct {
	ID       string   `yaml:"id"`
	Family   string   `yaml:"family"`
	Severity Severity `yaml:"severity"`
	Kind     Kind     `yaml:"kind"`
	// Lang restricts the rule to documents in one language ("de", "en").
	Lang string `yaml:"lang"`
	// Basis is the legal basis or source the finding rests on.
	Basis Text `yaml:"basis"`
	Title Text `yaml:"title"`
	// Message explains the finding to the reviewer.
	Message Text `yaml:"message"`
	// Suggestion is clause wording that fixes the finding, if one fits.
	Suggestion Text `yaml:"suggestion"`
	// All are term groups (match package syntax) that must all match one
	// sentence; None are terms that must not match it.
	All  [][]string `yaml:"all"`
	None []string   `yaml:"none"`
	// Actor is who must carry the sentence: any (default), processor,
	// controller, not-controller.
	Actor string `yaml:"actor"`
	// Since is the date (YYYY-MM-DD) from which a reference is outdated.
	Since string `yaml:"since"`
	// Regexp is the pattern for kind "pattern"; matched case-insensitively.
	// With a capture group, the first group is the evidence.
	Regexp string `yaml:"regexp"`
	// Reach is how many bytes past a candidate sentence a pattern may
	// match (for patterns spanning lines, such as blank party blocks).
	Reach int `yaml:"reach"`
	// Mode is "missing", "exceeds" or "below" for kind "deadline".
	Mode     string `yaml:"mode"`
	MaxHours int    `yaml:"max_hours"`
	MinDays  int    `yaml:"min_days"`
	// Require are term groups for kind "absent".
	Require [][]string `yaml:"require"`
	// Section, if set, is a regular expression the evidence's section
	// label must match (lower case).
	Section string `yaml:"section"`
	// Min is the number of sentences kind "count" needs.
	Min int `yaml:"min"`
	// Categories are the control categories for kind "categories".
	Categories []Category `yaml:"categories"`
	// Check names the structural check for kind "structure".
	Check string `yaml:"check"`
	// Blanks are the forms of unfilled blanks for kind "blanks".
	Blanks []BlankForm `yaml:"blanks"`
	// MaxEvidence caps the passages cited (default MaxEvidence); kind
	// "blanks" cites every blank so that each can be filled in.
	MaxEvidence int `yaml:"max_evidence"`
	// Unless names rules that make this one redundant: it is skipped when
	// any of them fired (a text heuristic yields to a fact-based rule).
	Unless   []string `yaml:"unless"`
	Examples Examples `yaml:"examples"`

	// Source is the file the rule came from.
	Source string `yaml:"-"`

	re      *prefilter.Regexp
	section *regexp.Regexp
	// Compiled terms of All, Require, None and Categories.
	all, require, cats [][]*term
	none               []*term
	since              time.Time
}

type file struct {
	Rules []*Rule `yaml:"rules"`
}

// Playbook is a validated set of finding rules in a stable order.
type Playbook struct {
	Rules []*Rule
	byID  map[string]*Rule
}

// Rule returns the rule with the given id, or nil.
func (p *Playbook) Rule(id string) *Rule { return p.byID[id] }

var defaultPlaybook = sync.OnceValue(func() *Playbook {
	p, err := loadCompiled()
	if err != nil {
		panic(fmt.Sprintf("embedded findings: %v", err))
	}
	return p
})

// Default returns the embedded playbook, loaded once; it is safe for
// concurrent use.
func Default() *Playbook { return defaultPlaybook() }

// Load reads every *.yaml file in dir of fsys, decodes it strictly and
// validates the rules.
func Load(fsys fs.FS, dir string) (*Playbook, error) {
	ents, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return nil, fmt.Errorf("read findings: %w", err)
	}
	p := &Playbook{byID: map[string]*Rule{}}
	for _, e := range ents {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".yaml") {
			continue
		}
		name := path.Join(dir, e.Name())
		b, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, fmt.Errorf("read findings: %w", err)
		}
		rules, err := decode(name, b)
		if err != nil {
			return nil, err
		}
		for _, r := range rules {
			if prev := p.byID[r.ID]; prev != nil {
				return nil, fmt.Errorf("%s: rule %q: duplicate id (also in %s)", name, r.ID, prev.Source)
			}
			p.byID[r.ID] = r
			p.Rules = append(p.Rules, r)
		}
	}
	return p, nil
}

// LoadFile reads a user's findings file (same format as the embedded
// data).
func LoadFile(name string) ([]*Rule, error) {
	b, err := os.ReadFile(name)
	if err != nil {
		return nil, fmt.Errorf("read findings file: %w", err)
	}
	return decode(name, b)
}

// Merge returns a playbook with the user's rules added; a rule with an id
// already present replaces the embedded one.
func (p *Playbook) Merge(rules []*Rule) *Playbook {
	out := &Playbook{byID: map[string]*Rule{}}
	for _, r := range p.Rules {
		out.byID[r.ID] = r
		out.Rules = append(out.Rules, r)
	}
	for _, r := range rules {
		if _, ok := out.byID[r.ID]; ok {
			for i, q := range out.Rules {
				if q.ID == r.ID {
					out.Rules[i] = r
				}
			}
		} else {
			out.Rules = append(out.Rules, r)
		}
		out.byID[r.ID] = r
	}
	return out
}

func decode(name string, b []byte) ([]*Rule, error) {
	dec := yaml.NewDecoder(bytes.NewReader(b))
	dec.KnownFields(true)
	var f file
	if err := dec.Decode(&f); err != nil && !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	seen := map[string]bool{}
	for i, r := range f.Rules {
		if r == nil {
			return nil, fmt.Errorf("%s: rule %d: empty", name, i+1)
		}
		r.Source = name
		if err := r.compile(); err != nil {
			id := r.ID
			if id == "" {
				id = fmt.Sprintf("#%d", i+1)
			}
			return nil, fmt.Errorf("%s: rule %q: %w", name, id, err)
		}
		if seen[r.ID] {
			return nil, fmt.Errorf("%s: rule %q: duplicate id", name, r.ID)
		}
		seen[r.ID] = true
	}
	return f.Rules, nil
}

var idRE = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// compile validates the rule and prepares its patterns.
func (r *Rule) compile() error {
	if !idRE.MatchString(r.ID) {
		return fmt.Errorf("id: must be lower-case words joined by hyphens")
	}
	switch r.Severity {
	case High, Medium, Low, Info:
	default:
		return fmt.Errorf("severity: %q is not high, medium, low or info", r.Severity)
	}
	if !kinds[r.Kind] {
		return fmt.Errorf("kind: unknown kind %q", r.Kind)
	}
	if r.Lang != "" && r.Lang != "de" && r.Lang != "en" {
		return fmt.Errorf("lang: %q is not de or en", r.Lang)
	}
	for key, t := range map[string]Text{"title": r.Title, "message": r.Message, "basis": r.Basis} {
		if t.DE == "" || t.EN == "" {
			return fmt.Errorf("%s: needs both de and en", key)
		}
	}
	if (r.Suggestion.DE == "") != (r.Suggestion.EN == "") {
		return fmt.Errorf("suggestion: needs both de and en or neither")
	}
	switch r.Actor {
	case "", "any", "processor", "controller", "not-controller":
	default:
		return fmt.Errorf("actor: %q is not any, processor, controller or not-controller", r.Actor)
	}
	needAll := map[Kind]bool{Terms: true, Outdated: true, Deadline: true, Absent: true, Count: true}
	if needAll[r.Kind] && len(r.All) == 0 {
		return fmt.Errorf("all: kind %s needs term groups", r.Kind)
	}
	groups := append(append([][]string{}, r.All...), r.Require...)
	for gi, g := range groups {
		if len(g) == 0 {
			return fmt.Errorf("all/require: group %d is empty", gi+1)
		}
	}
	for _, c := range r.Categories {
		groups = append(groups, c.Terms)
	}
	groups = append(groups, r.None)
	for _, g := range groups {
		for _, t := range g {
			if err := checkTerm(t); err != nil {
				return err
			}
		}
	}
	terms := map[string]*term{}
	compileGroup := func(g []string) []*term {
		out := make([]*term, len(g))
		for i, t := range g {
			if terms[t] == nil {
				terms[t] = compileTerm(t)
			}
			out[i] = terms[t]
		}
		return out
	}
	r.all, r.require, r.cats = nil, nil, nil
	for _, g := range r.All {
		r.all = append(r.all, compileGroup(g))
	}
	for _, g := range r.Require {
		r.require = append(r.require, compileGroup(g))
	}
	for _, c := range r.Categories {
		r.cats = append(r.cats, compileGroup(c.Terms))
	}
	r.none = compileGroup(r.None)
	switch r.Kind {
	case Outdated:
		d, err := time.Parse("2006-01-02", r.Since)
		if err != nil {
			return fmt.Errorf("since: %q is not a date YYYY-MM-DD", r.Since)
		}
		r.since = d
	case Pattern:
		if r.Regexp == "" {
			return fmt.Errorf("regexp: kind pattern needs one")
		}
		re, err := prefilter.Compile("(?i)" + r.Regexp)
		if err != nil {
			return fmt.Errorf("regexp: %w", err)
		}
		r.re = re
	case Deadline:
		switch r.Mode {
		case "missing":
		case "exceeds":
			if r.MaxHours <= 0 {
				return fmt.Errorf("max_hours: mode exceeds needs a positive value")
			}
		case "below":
			if r.MinDays <= 0 {
				return fmt.Errorf("min_days: mode below needs a positive value")
			}
		default:
			return fmt.Errorf("mode: %q is not missing, exceeds or below", r.Mode)
		}
	case Absent:
		if len(r.Require) == 0 {
			return fmt.Errorf("require: kind absent needs term groups")
		}
	case Count:
		if r.Min < 1 {
			return fmt.Errorf("min: kind count needs a positive value")
		}
	case Categories:
		if len(r.Categories) == 0 {
			return fmt.Errorf("categories: kind categories needs some")
		}
		for _, c := range r.Categories {
			if c.Name.DE == "" || c.Name.EN == "" || len(c.Terms) == 0 {
				return fmt.Errorf("categories: each needs name de/en and terms")
			}
		}
	case Blanks:
		if len(r.Blanks) == 0 {
			return fmt.Errorf("blanks: kind blanks needs forms")
		}
		for i := range r.Blanks {
			if err := r.Blanks[i].compile(); err != nil {
				return err
			}
		}
	case Subprocessors:
		if r.Mode != "no-mechanism" {
			return fmt.Errorf("mode: %q is not no-mechanism", r.Mode)
		}
	case Structure:
		if !structureChecks[r.Check] {
			var names []string
			for n := range structureChecks {
				names = append(names, n)
			}
			sort.Strings(names)
			return fmt.Errorf("check: %q is not one of %s", r.Check, strings.Join(names, ", "))
		}
	}
	if r.Section != "" {
		re, err := regexp.Compile(r.Section)
		if err != nil {
			return fmt.Errorf("section: %w", err)
		}
		r.section = re
	}
	if r.Kind != Structure && r.Kind != Categories && r.Kind != Subprocessors {
		for _, l := range []string{"de", "en"} {
			if r.Lang != "" && r.Lang != l {
				continue
			}
			if len(r.Examples.Positive[l]) == 0 || len(r.Examples.Negative[l]) == 0 {
				return fmt.Errorf("examples: needs positive and negative examples in %s", l)
			}
		}
	}
	return nil
}

// checkTerm rejects terms the matcher would not understand.
func checkTerm(t string) error {
	if t == "" {
		return fmt.Errorf("empty term")
	}
	if strings.HasPrefix(t, "re:") {
		if _, err := prefilter.Compile(t[3:]); err != nil {
			return fmt.Errorf("term %q: %w", t, err)
		}
		return nil
	}
	if strings.ToLower(t) != t {
		return fmt.Errorf("term %q: must be lower case", t)
	}
	return nil
}
