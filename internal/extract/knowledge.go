package extract

import (
	"bytes"
	_ "embed"
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/art28/art28/internal/compiled"
	"github.com/art28/art28/internal/lexicon"
	"github.com/art28/art28/internal/match"
	"github.com/art28/art28/internal/prefilter"
)

//go:generate go run ./gen

// precomputedFile holds the YAML files of the knowledge, decoded, as a Go
// composite literal (precomputedKnowledge): the compiler lays it out as
// static data, so a process parses no YAML to load the knowledge, which
// matters for start-up when art28 runs once per contract. The YAML files
// stay the source; `go generate ./internal/extract` rewrites this file and
// TestCompiledUpToDate fails when it is stale.
const precomputedFile = "precomputed.go"

// Compile returns the compiled form of the embedded YAML knowledge: the
// source of precomputedFile.
func Compile() ([]byte, error) {
	f, err := decodeKnowledge(countriesYAML, lexiconYAML, partiesYAML)
	if err != nil {
		return nil, err
	}
	orders, err := recordAltOrders(func() error { _, err := compileFiles(f); return err })
	if err != nil {
		return nil, err
	}
	src, err := compiled.GoSource("github.com/art28/art28/internal/extract", "extract", "./gen",
		"precomputedKnowledge is the embedded YAML knowledge, decoded (see\nprecomputedFile).",
		"precomputedKnowledge", f)
	if err != nil {
		return nil, err
	}
	return appendAltOrders(src, orders)
}

//go:embed data/countries.yaml
var countriesYAML []byte

//go:embed data/lexicon.yaml
var lexiconYAML []byte

// Country is one entry of the embedded country table.
type Country struct {
	Code string `yaml:"code"`
	// EU and EEA mark members; neither needs a transfer mechanism.
	EU  bool `yaml:"eu"`
	EEA bool `yaml:"eea"`
	// Adequacy is "full", "partial" or "" (no decision under Art. 45).
	Adequacy string   `yaml:"adequacy"`
	Names    []string `yaml:"names"`
}

// InEEA reports whether the country is an EU or EEA member.
func (c Country) InEEA() bool { return c.EU || c.EEA }

type postcodeRule struct {
	Country     string `yaml:"country"`
	Pattern     string `yaml:"pattern"`
	DefaultLang string `yaml:"default_lang"`
	re          *regexp.Regexp
}

type countryFile struct {
	Countries []Country           `yaml:"countries"`
	Cities    map[string][]string `yaml:"cities"`
	Postcodes []*postcodeRule     `yaml:"postcodes"`
	Regions   []string            `yaml:"regions"`
	Companies map[string][]string `yaml:"companies"`
}

type lexiconFile struct {
	Cues          map[string][]string `yaml:"cues"`
	SentenceTerms map[string][]string `yaml:"sentence_terms"`
	LegalForms    []string            `yaml:"legal_forms"`
	Placeholders  []string            `yaml:"placeholders"`
	// PlaceConnectors join the words of a place name: "Frankfurt am Main".
	PlaceConnectors []string `yaml:"place_connectors"`
}

// Knowledge is the compiled country and word knowledge.
type Knowledge struct {
	byCode      map[string]Country
	countryRe   *prefilter.Regexp
	countryName map[string]string // lower-case name -> code
	cityRe      *prefilter.Regexp
	cityCountry map[string]string // lower-case city -> code
	cityName    map[string]string // lower-case city -> canonical spelling
	// companies are the seats of large providers' contracting entities
	// whose names carry no place, by companyKey of the name.
	companies   map[string]string
	postcodes   []*postcodeRule
	legalRe     *wordAlt
	placeholder []*prefilter.Regexp
	placeNameRe *prefilter.Regexp // a place name the country table does not list
	placeConn   []string          // " am ", " an der ": place_connectors between spaces
	numbers     map[string]int
	regions     map[string]bool // lower-case names of regions ("EU", "weltweit")
	numberRe    string
	durRe       *prefilter.Regexp
	cues        map[string]*prefilter.Words
	// nounEndings are the word endings of lexicon.yaml's noun_endings: a
	// word ending so is a noun, not a town.
	nounEndings []string
	// columnTitles are the whole cells of lexicon.yaml's column_titles.
	columnTitles map[string]bool
	terms        map[string][]match.TermID
	party        *partyKnowledge // data/parties.yaml
}

// termListNames are the sentence_terms lists of lexicon.yaml the
// extraction uses.
var termListNames = []string{"deadline_units", "breach_prompt", "dpo", "governing_law", "tom_parameters", "subprocessor_words", "engagement_verbs", "hosting_phrases", "provider_verbs"}

// termList returns the registered index terms of sentence_terms list
// name; compileKnowledge has checked that every name in termListNames
// exists.
func (k *Knowledge) termList(name string) []match.TermID { return k.terms[name] }

// cueNames are the cue lists of lexicon.yaml the extraction uses.
var cueNames = []string{"duration_units", "breach_prompt", "deadline_subprocessor", "deletion", "audit", "data_types_intro",
	"data_subjects_intro", "dpo_none", "governing_law", "party_roles", "tom_categories", "sub_processor", "not_processor",
	"service_category", "service_words", "provider_lead", "provider_lead_verbs", "provider_lead_list", "provider_lead_not", "provider_heading", "provider_consent",
	"provider_role", "provider_role_not", "noun_endings", "column_titles", "not_entity", "safeguard_label", "dpo_role", "removed_entry", "engage_apart"}

// cue returns the cue list name of lexicon.yaml (see there); compileKnowledge
// has checked that every name in cueNames exists.
func (k *Knowledge) cue(name string) *prefilter.Words { return k.cues[name] }

// isSub reports whether a lower-cased text mentions sub-processors.
func (k *Knowledge) isSub(lower string) bool { return k.cues["sub_processor"].In(lower) }

// isRegion reports whether a place names a region rather than a country:
// "EU", "EWR", "weltweit".
func (k *Knowledge) isRegion(s string) bool { return k.regions[strings.ToLower(strings.TrimSpace(s))] }

// notProc reports whether a lower-cased text says that listed recipients
// are not processors.
func (k *Knowledge) notProc(lower string) bool { return k.cues["not_processor"].In(lower) }

var (
	knowOnce sync.Once
	know     *Knowledge
	knowErr  error
)

// LoadKnowledge returns the embedded knowledge, compiled once from its
// precomputed form (see precomputedFile).
func LoadKnowledge() (*Knowledge, error) {
	knowOnce.Do(func() { know, knowErr = compileFiles(precomputedKnowledge) })
	return know, knowErr
}

// knowledgeFiles are the embedded YAML files of the extraction knowledge,
// decoded.
type knowledgeFiles struct {
	Countries countryFile
	Lexicon   lexiconFile
	Parties   partyFile
}

// decodeKnowledge decodes the YAML files of the knowledge strictly.
func decodeKnowledge(cy, ly, py []byte) (*knowledgeFiles, error) {
	var f knowledgeFiles
	if err := decodeStrict("countries.yaml", cy, &f.Countries); err != nil {
		return nil, err
	}
	if err := decodeStrict("lexicon.yaml", ly, &f.Lexicon); err != nil {
		return nil, err
	}
	if err := yaml.Unmarshal(py, &f.Parties); err != nil {
		return nil, fmt.Errorf("extract: parties.yaml: %w", err)
	}
	return &f, nil
}

func decodeStrict(name string, data []byte, v any) error {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(v); err != nil {
		return fmt.Errorf("extract: %s: %w", name, err)
	}
	return nil
}

func alternation(words []string) string {
	ws := altWords(words)
	q := make([]string, len(ws))
	for i, w := range ws {
		q[i] = regexp.QuoteMeta(w)
	}
	return strings.Join(q, "|")
}

// altWords returns the words in the order alternation lists them.
func altWords(words []string) []string {
	ws := append([]string{}, words...)
	// Longest first; equal lengths in byte order, so the expression does
	// not depend on map order and its analysis is found in the embedded
	// table (package prefilter).
	sort.Slice(ws, func(i, j int) bool { return longerFirst(ws[i], ws[j]) })
	out := precomputedTrieOrder(ws)
	if out == nil {
		out = trieOrder(ws)
	}
	if r := altRecorder.Load(); r != nil {
		r.add(ws, out)
	}
	return out
}

// longerFirst is the order of the words of an alternation: the longest
// first, equal lengths in byte order. Of two words that can match at the
// same place (one a prefix of the other), the longer is preferred.
func longerFirst(a, b string) bool {
	if len(a) != len(b) {
		return len(a) > len(b)
	}
	return a < b
}

// trieOrder returns the words, sorted by longerFirst, in an order that
// package regexp's parser turns into far fewer alternatives: words with a
// common beginning next to each other, so that it is factored out
// ("vereinigte staaten|vereinigtes königreich" is "vereinigte(?:
// staaten|s königreich)"), and the matcher tries one branch per distinct
// beginning instead of every word. The words are ordered by their runes
// folded (as (?i) compares them), a word before the words it begins.
// Only words one of which begins the other can match at the same place,
// so the order of the others does not change what the alternation
// matches; for those, trieOrder keeps the order of ws, and returns ws
// itself when the new order would not.
func trieOrder(ws []string) []string {
	// Each word with its key, sorted together: the comparison takes the
	// keys from the pairs, not from a map.
	type keyed struct{ w, k string }
	ks := make([]keyed, len(ws))
	for i, w := range ws {
		ks[i] = keyed{w, foldKey(w)}
	}
	slices.SortStableFunc(ks, func(a, b keyed) int {
		ka, kb := a.k, b.k
		n := min(len(ka), len(kb))
		if c := strings.Compare(ka[:n], kb[:n]); c != 0 {
			return c
		}
		// One key begins the other: the longer first; equal keys in
		// the order of ws (the sort is stable).
		return len(kb) - len(ka)
	})
	// The words whose keys begin with a word's key come right before it:
	// each of them must come before it in ws as well.
	for i, p := range ks {
		for j := i - 1; j >= 0 && strings.HasPrefix(ks[j].k, p.k); j-- {
			if !longerFirst(ks[j].w, p.w) {
				return ws
			}
		}
	}
	out := make([]string, len(ks))
	for i, p := range ks {
		out[i] = p.w
	}
	return out
}

// foldKey returns w with each rune replaced by the least rune of its
// case-folding orbit, as package regexp compares (?i) literals. An ASCII
// letter's least is its capital (the other runes of the orbits of k and s,
// the Kelvin sign and the long s, are greater), so ASCII is mapped
// without walking the orbit, and a word of ASCII without small letters is
// its own key.
func foldKey(w string) string {
	ascii, small := true, false
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			ascii = false
			break
		}
		if 'a' <= c && c <= 'z' {
			small = true
		}
	}
	if ascii {
		if !small {
			return w
		}
		b := []byte(w)
		for i, c := range b {
			if 'a' <= c && c <= 'z' {
				b[i] = c - ('a' - 'A')
			}
		}
		return string(b)
	}
	var b strings.Builder
	b.Grow(len(w))
	for _, r := range w {
		m := r
		if r < utf8.RuneSelf {
			if 'a' <= r && r <= 'z' {
				m = r - ('a' - 'A')
			}
		} else {
			for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
				m = min(m, f)
			}
		}
		b.WriteRune(m)
	}
	return b.String()
}

// compileKnowledge decodes and compiles the knowledge from the YAML of
// countries.yaml and lexicon.yaml and the embedded parties.yaml.
func compileKnowledge(cy, ly []byte) (*Knowledge, error) {
	f, err := decodeKnowledge(cy, ly, partiesYAML)
	if err != nil {
		return nil, err
	}
	return compileFiles(f)
}

// compileFiles compiles the decoded knowledge; it leaves f unchanged.
func compileFiles(f *knowledgeFiles) (*Knowledge, error) {
	cf, lf := &f.Countries, &f.Lexicon
	k := &Knowledge{byCode: map[string]Country{}, countryName: map[string]string{}, cityCountry: map[string]string{}, cityName: map[string]string{}, numbers: lexicon.Numbers(),
		cues: map[string]*prefilter.Words{}}
	for _, name := range cueNames {
		ws, ok := lf.Cues[name]
		if !ok || len(ws) == 0 {
			return nil, fmt.Errorf("extract: lexicon.yaml: cue list %q missing", name)
		}
		for _, w := range ws {
			if w == "" || w != strings.ToLower(w) {
				return nil, fmt.Errorf("extract: lexicon.yaml: cue list %q: %q is not a lower-case fragment", name, w)
			}
		}
		k.cues[name] = prefilter.NewWords(ws...)
	}
	k.nounEndings = lf.Cues["noun_endings"]
	k.columnTitles = map[string]bool{}
	for _, w := range lf.Cues["column_titles"] {
		k.columnTitles[w] = true
	}
	if len(lf.Cues) != len(cueNames) {
		return nil, fmt.Errorf("extract: lexicon.yaml: %d cue lists, %d known", len(lf.Cues), len(cueNames))
	}
	k.terms = map[string][]match.TermID{}
	for _, name := range termListNames {
		ts, ok := lf.SentenceTerms[name]
		if !ok || len(ts) == 0 {
			return nil, fmt.Errorf("extract: lexicon.yaml: sentence_terms list %q missing", name)
		}
		k.terms[name] = match.RegisterAll(ts)
	}
	if len(lf.SentenceTerms) != len(termListNames) {
		return nil, fmt.Errorf("extract: lexicon.yaml: %d sentence_terms lists, %d known", len(lf.SentenceTerms), len(termListNames))
	}
	k.regions = map[string]bool{}
	for _, r := range cf.Regions {
		k.regions[strings.ToLower(r)] = true
	}
	var names []string
	for _, c := range cf.Countries {
		if len(c.Code) != 2 {
			return nil, fmt.Errorf("extract: countries.yaml: bad code %q", c.Code)
		}
		k.byCode[c.Code] = c
		for _, n := range c.Names {
			k.countryName[strings.ToLower(n)] = c.Code
			names = append(names, n)
		}
	}
	// Country names are matched case-sensitively as whole words so that
	// "US" does not match inside words and "in" never matches India.
	k.countryRe = prefilter.MustCompile(`(?:^|[^\p{L}\p{N}])(` + alternation(names) + `)(?:$|[^\p{L}\p{N}])`)
	var cities []string
	for code, cs := range cf.Cities {
		if _, ok := k.byCode[code]; !ok {
			return nil, fmt.Errorf("extract: countries.yaml: cities of unknown country %q", code)
		}
		for _, c := range cs {
			k.cityCountry[strings.ToLower(c)] = code
			k.cityName[strings.ToLower(c)] = c
			cities = append(cities, c)
		}
	}
	k.companies = map[string]string{}
	for code, ns := range cf.Companies {
		if _, ok := k.byCode[code]; !ok {
			return nil, fmt.Errorf("extract: countries.yaml: companies of unknown country %q", code)
		}
		for _, n := range ns {
			k.companies[companyKey(n)] = code
		}
	}
	k.cityRe = prefilter.MustCompile(`(?:^|[^\p{L}])(` + alternation(cities) + `)(?:$|[^\p{L}])`)
	for _, p := range cf.Postcodes {
		re, err := regexp.Compile(p.Pattern)
		if err != nil {
			return nil, fmt.Errorf("extract: countries.yaml: postcode %s: %w", p.Country, err)
		}
		q := *p
		q.re = re
		k.postcodes = append(k.postcodes, &q)
	}
	k.legalRe = newWordAlt(prefilter.MustCompile(`(?:^|[\s,]|\p{L}-)(`+alternation(lf.LegalForms)+`)(?:$|[\s,;:)/.“”"'])`),
		altWords(lf.LegalForms), false, lexLegalLead, legalTrail)
	k.legalRe.hyphen = true
	pk, err := compileParties(&f.Parties, lf.LegalForms)
	if err != nil {
		return nil, err
	}
	k.party = pk
	for _, p := range lf.Placeholders {
		re, err := prefilter.Compile(p)
		if err != nil {
			return nil, fmt.Errorf("extract: lexicon.yaml: placeholder %q: %w", p, err)
		}
		k.placeholder = append(k.placeholder, re)
	}
	if len(lf.PlaceConnectors) == 0 {
		return nil, fmt.Errorf("extract: lexicon.yaml: place_connectors missing")
	}
	for _, w := range lf.PlaceConnectors {
		if w == "" || w != strings.ToLower(w) || w != strings.TrimSpace(w) {
			return nil, fmt.Errorf("extract: lexicon.yaml: place_connectors: %q is not a lower-case word", w)
		}
		k.placeConn = append(k.placeConn, " "+w+" ")
	}
	// One to three capitalised words, joined by spaces or connectors, or
	// with a capitalised word in parentheses: "Espelkamp", "Bad
	// Oeynhausen", "Frankfurt am Main", "Halle (Saale)".
	k.placeNameRe = prefilter.MustCompile(`^\p{Lu}[\p{L}.'-]+(?: (?:\p{Lu}[\p{L}.'-]+|` + alternation(lf.PlaceConnectors) + `|\(\p{Lu}[\p{L}]+\))){0,2}$`)
	var nw []string
	for w := range k.numbers {
		nw = append(nw, w)
	}
	k.numberRe = alternation(nw)
	durRe, err := compileDuration(k.numberRe)
	if err != nil {
		return nil, fmt.Errorf("extract: duration pattern: %w", err)
	}
	k.durRe = durRe
	return k, nil
}

// Country returns the country with the ISO code.
func (k *Knowledge) Country(code string) (Country, bool) {
	c, ok := k.byCode[code]
	return c, ok
}

// IsPlaceholder reports whether s is blank or a template placeholder.
func (k *Knowledge) IsPlaceholder(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" {
		return true
	}
	for _, re := range k.placeholder {
		if re.MatchString(s) {
			return true
		}
	}
	return false
}

// legalForm returns the span of the first legal-form suffix in s, or -1.
func (k *Knowledge) legalForm(s string) (int, int) {
	m := k.legalRe.FindStringSubmatchIndex(s)
	if m == nil {
		return -1, -1
	}
	return m[2], m[3] + legalStatusLen(s[m[3]:])
}

// legalStatus are the statuses read with a legal form ("GmbH i. L.").
var legalStatus = lexicon.List("legal_form_status")

// legalStatusLen returns the length of a status after a legal form
// (" i. L." of "GmbH i. L., Hagen"), or 0.
func legalStatusLen(rest string) int {
	if len(rest) < 3 || rest[0] != ' ' {
		return 0
	}
	for _, st := range legalStatus {
		if len(rest) > len(st) && strings.EqualFold(rest[1:1+len(st)], st) {
			n := 1 + len(st)
			if n == len(rest) || strings.ContainsRune(" ,;:)", rune(rest[n])) {
				return n
			}
		}
	}
	return 0
}

// companyKey is a company's name in lower case without punctuation and
// spaces, legal forms spelt out one way ("S.à r.l." as "sarl", "Ltd" as
// "limited").
func companyKey(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	k := strings.ReplaceAll(b.String(), "sàrl", "sarl")
	if strings.HasSuffix(k, "ltd") {
		k = strings.TrimSuffix(k, "ltd") + "limited"
	}
	return k
}

// CompanyCountry returns the seat of a large provider's contracting
// entity whose name carries no place ("Amazon Web Services EMEA SARL":
// LU), or "".
func (k *Knowledge) CompanyCountry(name string) string {
	if len(k.companies) == 0 || name == "" {
		return ""
	}
	key := companyKey(name)
	if c, ok := k.companies[key]; ok {
		return c
	}
	// "Amazon Web Services EMEA SARL (Rechenzentrum Frankfurt)": the
	// name with a remark after it.
	for n, c := range k.companies {
		if strings.HasPrefix(key, n) && strings.IndexAny(name, "(,–—") > 0 {
			return c
		}
	}
	return ""
}
