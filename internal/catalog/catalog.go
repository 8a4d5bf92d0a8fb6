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
	"runtime"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"
)

//go:generate go run ./gen
//go:generate go run -tags art28gen ../check/gen

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
	// SwissTerms are pairs [GDPR word part, Swiss word part]: a German term
	// holding the first also matches with the second in its place, for
	// contracts under the Swiss Federal Act on Data Protection
	// ("Bearbeitung" for "Verarbeitung", "Personendaten").
	SwissTerms [][]string `yaml:"swiss_terms"`
	// EnglishTerms are pairs [GDPR word part, other word part]: an English
	// term holding the first also matches with the second in its place,
	// for contracts written under laws that name personal data otherwise
	// ("personal information" in South Africa's POPIA, China's PIPL,
	// Canada's PIPEDA and Australia's Privacy Act).
	EnglishTerms [][]string `yaml:"english_terms"`
	// InformalWords are pairs [informal word, formal word]: in a German
	// text every token of the first is read as the second, once, when the
	// document is indexed ("dir" as "Ihnen", "deine" as "Ihre", "du" as
	// "Sie"), so that rules and the actor finder written for the formal
	// address also read contracts that address the customer with "du".
	InformalWords [][]string `yaml:"informal_words"`
	// FirstPersonWords are pairs [first person singular, first person
	// plural]: a German text in which a sole trader speaks as "ich" ("Ich
	// betreue die EDV der Praxis", "Wenn ich glaube, dass …") is read as
	// the processor's "wir" voice, once, when the document is indexed.
	FirstPersonWords [][]string `yaml:"first_person_words"`
	// FirstPersonWordsEn are the English pairs: a text in which a sole
	// trader speaks as "I" ("I only process your data as you instruct
	// me") is read as the processor's "we" voice.
	FirstPersonWordsEn [][]string `yaml:"first_person_words_en"`
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

// Combo yields Status when every rule named in Rules matched and no rule
// named in Unless matched anywhere in the document.
type Combo struct {
	Status Status   `yaml:"status"`
	Rules  []string `yaml:"rules"`
	// Unless names rules of the requirement whose match anywhere in the
	// document cancels the combo: a general authorisation given in one
	// clause keeps a later "no other sub-processor without prior consent"
	// from making the change notices not applicable.
	Unless []string `yaml:"unless,omitempty"`
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
	// Topic are term groups that must each occur in the sentence's scope:
	// the sentence, its list lead-in, the other sentences of its paragraph
	// or the headings of its section and the section around it.
	Topic [][]string `yaml:"topic"`
	// None are terms that must not occur in the sentence itself.
	None []string `yaml:"none"`
	// NoneTopic are terms that must not occur in the sentence's scope:
	// the sentence, its list lead-in, the other sentences of its
	// paragraph, the headings over it and the first cell of its table
	// row (not the opening paragraph of its section). A measure word in a
	// cell of the sub-processor table ("Twilio Inc. | SMS one-time
	// passwords") names a sub-processor's service, not a measure taken.
	NoneTopic []string `yaml:"none_topic"`
	// NoLeadIn switches off matching across a list's lead-in sentence.
	NoLeadIn bool `yaml:"no_lead_in"`
	// Fallback marks a rule that widens recall for wordings the main rules
	// miss: it decides the status like any rule, but its matches support a
	// sentence as evidence only weakly, so that the sentences of the main
	// rules stay cited first.
	Fallback bool `yaml:"fallback"`
	// Net marks a rule of the requirement's safety net: it names the
	// topic of the duty in any wording ("the processor will tell the
	// customer about security incidents") and is read only where no other
	// rule of the requirement matched. It can only give "partial", and the
	// verdict is marked uncertain: the contract speaks of the duty in words
	// the rules do not confirm, so a reviewer must read the clause, and
	// "missing" is said only where the text does not touch the topic
	// (docs/catalog.md, "Safety net").
	Net bool `yaml:"net"`
	// Entry marks a rule of a descriptive requirement (the data, the data
	// subjects, the nature and purpose, the duration) whose sentences give
	// the description itself: an annex entry ("Categories of data
	// subjects: …"), an item under a lead-in naming the topic, "the
	// processing is carried out until …". It decides statuses like any
	// rule; as evidence its sentences rank before those that only name the
	// topic or point to where it is described (docs/catalog.md, "Which
	// sentence is cited first").
	Entry bool `yaml:"entry"`
	// Cite marks a citation rule: it decides no status, but where the
	// other rules give the requirement a status no higher than the rule's
	// own (met or partial), its sentences are cited beside theirs and
	// ranked like them. It names the clause that states the duty where
	// the deciding rules match other sentences too (docs/catalog.md,
	// "Which sentence is cited first").
	Cite bool `yaml:"cite"`
	// Definition marks a rule that reads a definition of the contract
	// itself ("“Security Incident” means … destruction, loss, alteration
	// …"), which no other rule does, since a definition states no duty. It
	// must be a combo part (status part): the definition counts only
	// together with the clause that puts the duty on a party through the
	// defined term.
	Definition bool `yaml:"definition"`
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

// Default returns the embedded catalog (the precomputed one, indexed by
// id on the first call); it is safe for concurrent use.
var Default = sync.OnceValue(loadCompiled)

// Load reads catalog.yaml and requirements/*.yaml from dir in fsys, decodes
// them strictly (unknown keys are errors) and validates them.
func Load(fsys fs.FS, dir string) (*Catalog, error) {
	return load(fsys, dir, true)
}

// WithExamples returns the embedded catalog including every rules file's
// test clauses, which Default leaves out to keep start-up short.
func WithExamples() (*Catalog, error) {
	return load(embedded, "data", true)
}

func load(fsys fs.FS, dir string, examples bool) (*Catalog, error) {
	var c Catalog
	if err := decodeFile(fsys, path.Join(dir, "catalog.yaml"), &c); err != nil {
		return nil, err
	}
	c.byID = map[string]*Requirement{}
	// Requirements decode independently; YAML decoding dominates start-up,
	// so the files are read in parallel and assembled in catalog order.
	reqs := make([]*Requirement, len(c.Order))
	errs := make([]error, len(c.Order))
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for i, id := range c.Order {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			reqs[i], errs[i] = c.loadRequirement(fsys, dir, id, examples)
		}()
	}
	wg.Wait()
	for i, id := range c.Order {
		if errs[i] != nil {
			return nil, errs[i]
		}
		if c.byID[id] != nil {
			return nil, fmt.Errorf("catalog.yaml: requirement %q listed twice", id)
		}
		c.Requirements = append(c.Requirements, reqs[i])
		c.byID[id] = reqs[i]
	}
	return &c, nil
}

// loadRequirement reads requirements/<id>.yaml and the rules files of
// every language for it, and validates the result.
func (c *Catalog) loadRequirement(fsys fs.FS, dir, id string, examples bool) (*Requirement, error) {
	file := path.Join(dir, "requirements", id+".yaml")
	var r Requirement
	if err := decodeFile(fsys, file, &r); err != nil {
		return nil, err
	}
	if r.ID != id {
		return nil, fmt.Errorf("%s: id %q does not match file name", file, r.ID)
	}
	for _, lang := range Languages {
		if err := loadLanguageRules(fsys, path.Join(dir, "rules", lang, id+".yaml"), lang, &r, examples); err != nil {
			return nil, err
		}
	}
	if err := c.validate(&r); err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	return &r, nil
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
func loadLanguageRules(fsys fs.FS, name, lang string, r *Requirement, examples bool) error {
	data, err := fs.ReadFile(fsys, name)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("read catalog: %w", err)
	}
	if !examples {
		data = withoutExamples(data)
	}
	var lr languageRules
	if err := decodeBytes(name, data, &lr); err != nil {
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

// withoutExamples cuts the top-level "examples:" section off a rules file.
// The section is always last-level block YAML at column 0, so everything
// from that line to the next top-level key is the test clauses, which only
// tests need; skipping them halves the decoding work at start-up.
func withoutExamples(data []byte) []byte {
	i := bytes.Index(data, []byte("\nexamples:"))
	if i < 0 {
		return data
	}
	rest := data[i+1:]
	// The next top-level key, if any, starts a line with a letter.
	j := 1
	for {
		k := bytes.IndexByte(rest[j:], '\n')
		if k < 0 {
			return data[:i+1]
		}
		j += k + 1
		if j < len(rest) && (rest[j] >= 'a' && rest[j] <= 'z') {
			return append(append([]byte{}, data[:i+1]...), rest[j:]...)
		}
	}
}

func decodeFile(fsys fs.FS, name string, v any) error {
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return fmt.Errorf("read catalog: %w", err)
	}
	return decodeBytes(name, data, v)
}

func decodeBytes(name string, data []byte, v any) error {
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
		if len(rule.All) == 0 && len(rule.Topic) == 0 {
			return fmt.Errorf("%s: no term groups in all or topic", where)
		}
		if rule.Name != "" {
			if names[rule.Name] {
				return fmt.Errorf("%s: duplicate rule name", where)
			}
			names[rule.Name] = true
		}
		if rule.Definition && rule.Status != Part {
			return fmt.Errorf("%s: a definition rule is a combo part (status part)", where)
		}
		if rule.Net && (rule.Status != Partial || rule.Fallback || rule.Cite || rule.Entry || rule.Definition) {
			return fmt.Errorf("%s: a net rule is partial and neither fallback, entry, definition nor citation rule", where)
		}
		if rule.Cite && (rule.Fallback || (rule.Status != Met && rule.Status != Partial)) {
			return fmt.Errorf("%s: a citation rule is met or partial and no fallback", where)
		}
		terms := append(append([]string{}, rule.None...), rule.NoneTopic...)
		for _, g := range append(append([][]string{}, rule.All...), rule.Topic...) {
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
	nets := map[string]bool{}
	for _, rule := range r.Rules {
		if rule.Net {
			nets[rule.Name] = true
		}
	}
	for _, cb := range r.Combos {
		if !validStatus[cb.Status] || cb.Status == Part {
			return fmt.Errorf("combo status %q", cb.Status)
		}
		for _, n := range append(append([]string{}, cb.Rules...), cb.Unless...) {
			if nets[n] {
				return fmt.Errorf("combo names net rule %q", n)
			}
		}
		for _, n := range append(append([]string{}, cb.Rules...), cb.Unless...) {
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
