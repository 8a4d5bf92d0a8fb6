package eval

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"unicode"

	"github.com/art28/art28/internal/analyze"
	"github.com/art28/art28/internal/input"
	"github.com/art28/art28/internal/model"
)

// LabelledReport is the outcome on a folder of contracts labelled in the
// de-dev format (statuses with lines, sub-processors, placeholders,
// deadlines, parties). The figures are computed exactly as the shared
// acceptance script (tools/acceptance.py, labelled_folder) computes them.
type LabelledReport struct {
	Docs int
	// Statuses scores presence per requirement; "missing" is the positive
	// class. Debatable requirements are not scored.
	Statuses Confusion
	// EvidenceHit of EvidenceN met/partial verdicts cite first a labelled
	// line.
	EvidenceHit, EvidenceN int
	// SubTP, SubFP and SubFN count sub-processors matched by name.
	SubTP, SubFP, SubFN int
	// CountryOK of CountryN labelled countries of found sub-processors
	// agree.
	CountryOK, CountryN int
	// PlaceholderHit of PlaceholderN labelled placeholders are reported by
	// a finding.
	PlaceholderHit, PlaceholderN int
	// DeadlineOK of DeadlineN labelled deadlines agree.
	DeadlineOK, DeadlineN int
	// PartyRight, PartyWrong and PartyMissed count named parties (each
	// role separately) of PartyNamed.
	PartyRight, PartyWrong, PartyMissed, PartyNamed int
	// FormatSame of FormatN original files (PDF, DOCX, ODT) give the same
	// statuses and sub-processors as their text.
	FormatSame, FormatN int
	// Uncertain counts the safety net's verdicts and how many the labels
	// hold present.
	Uncertain Uncertain
	// Errors lists every disagreement, as the acceptance script's ERRORS=1.
	Errors []string
}

// SubPrecision is the precision of the found sub-processors.
func (r *LabelledReport) SubPrecision() float64 {
	if r.SubTP+r.SubFP == 0 {
		return 1
	}
	return ratio(r.SubTP, r.SubTP+r.SubFP)
}

// SubRecall is the recall of the labelled sub-processors.
func (r *LabelledReport) SubRecall() float64 {
	if r.SubTP+r.SubFN == 0 {
		return 1
	}
	return ratio(r.SubTP, r.SubTP+r.SubFN)
}

// SubF1 is the harmonic mean of SubPrecision and SubRecall.
func (r *LabelledReport) SubF1() float64 {
	p, rc := r.SubPrecision(), r.SubRecall()
	if p+rc == 0 {
		return 0
	}
	return 2 * p * rc / (p + rc)
}

// Evidence is the share of verdicts whose first cited line is labelled.
func (r *LabelledReport) Evidence() float64 { return ratio(r.EvidenceHit, r.EvidenceN) }

// LabelledDoc is one *.labels.json file of the de-dev format.
type LabelledDoc struct {
	File         string                     `json:"file"`
	Requirements map[string]LabelledVerdict `json:"requirements"`
	Debatable    []string                   `json:"debatable"`
	Subs         []LabelledSub              `json:"subprocessors"`
	Placeholders []LabelledPlaceholder      `json:"placeholders"`
	Parties      map[string]any             `json:"parties"`
	Deadlines    map[string]any             `json:"deadlines"`
}

// LabelledVerdict is the labelled status of one requirement.
type LabelledVerdict struct {
	Status string `json:"status"`
	Lines  []int  `json:"lines"`
	Note   string `json:"note,omitempty"`
}

// LabelledSub is a labelled sub-processor.
type LabelledSub struct {
	Name    string `json:"name"`
	Country string `json:"country"`
	Line    int    `json:"line"`
}

// LabelledPlaceholder is a labelled unfilled blank.
type LabelledPlaceholder struct {
	Text string `json:"text"`
	Line int    `json:"line"`
}

// Labelled evaluates a folder of de-dev style labels, applying the given
// corrections (document, field) to the labels first.
func Labelled(a *analyze.Analyzer, dir string, corrections []FieldCorrection) (*LabelledReport, error) {
	files, err := labelFiles(dir)
	if err != nil {
		return nil, err
	}
	rep := &LabelledReport{}
	for _, lf := range files {
		data, err := os.ReadFile(lf)
		if err != nil {
			return nil, fmt.Errorf("read labels: %w", err)
		}
		lab, err := decodeLabels(data, lf, corrections)
		if err != nil {
			return nil, err
		}
		path := filepath.Join(dir, lab.File)
		raw, err := os.ReadFile(path)
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", lab.File, err)
		}
		res, err := analyzeFile(a, path)
		if err != nil {
			return nil, err
		}
		rep.Docs++
		rep.score(lab, []rune(string(raw)), res)
		stem := strings.TrimSuffix(lab.File, filepath.Ext(lab.File))
		for _, ext := range []string{"pdf", "docx", "odt"} {
			orig := filepath.Join(dir, stem+"."+ext)
			if _, err := os.Stat(orig); err != nil {
				continue
			}
			rep.FormatN++
			o, err := analyzeFile(a, orig)
			if err == nil && sameResult(res, o) {
				rep.FormatSame++
				continue
			}
			if err != nil {
				rep.errorf("  %s.%s: %v", stem, ext, err)
			}
			rep.errorf("  original differs from its text: %s.%s", stem, ext)
		}
	}
	return rep, nil
}

func analyzeFile(a *analyze.Analyzer, path string) (*model.Result, error) {
	doc, raw, err := input.Read(path, input.Options{})
	if err != nil {
		return nil, err
	}
	return a.Analyze(doc, raw, analyze.Options{}), nil
}

func (r *LabelledReport) errorf(format string, args ...any) {
	r.Errors = append(r.Errors, fmt.Sprintf(format, args...))
}

// score adds one document's figures.
func (r *LabelledReport) score(lab *LabelledDoc, text []rune, res *model.Result) {
	debatable := map[string]bool{}
	for _, d := range lab.Debatable {
		debatable[d] = true
	}
	byID := map[string]model.Verdict{}
	for _, v := range res.Requirements {
		byID[v.ID] = v
	}
	ids := make([]string, 0, len(lab.Requirements))
	for id := range lab.Requirements {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		if debatable[id] {
			continue
		}
		want := lab.Requirements[id]
		v, ok := byID[id]
		g, p := present(want.Status), ok && present(v.Status)
		r.Statuses.Add(g, p)
		if ok {
			r.Uncertain.Add(v, g)
		}
		switch {
		case g && !p:
			r.errorf("  false missing: %s %s (gold %s, lines %v)", lab.File, id, want.Status, want.Lines)
		case !g && p:
			r.errorf("  missed violation: %s %s predicted %s", lab.File, id, v.Status)
		}
		if g && p && len(want.Lines) > 0 && len(v.Evidence) > 0 {
			r.EvidenceN++
			ln := evidenceLine(text, v.Evidence[0])
			if containsInt(want.Lines, ln) {
				r.EvidenceHit++
			} else {
				r.errorf("  evidence off: %s %s cited line %d, labelled %v", lab.File, id, ln, want.Lines)
			}
		}
	}
	var gold, pred []namePair
	for _, s := range lab.Subs {
		gold = append(gold, namePair{name: s.Name})
	}
	for _, s := range res.Subprocessors {
		pred = append(pred, namePair{name: s.Name})
	}
	m, miss, extra := matchNames(gold, pred)
	r.SubTP += m
	r.SubFN += len(miss)
	r.SubFP += len(extra)
	for _, s := range lab.Subs {
		if s.Country == "" {
			continue
		}
		for _, y := range res.Subprocessors {
			a, b := umlautKey(s.Name), umlautKey(y.Name)
			if a != "" && b != "" && (strings.HasPrefix(a, b) || strings.HasPrefix(b, a)) {
				r.CountryN++
				if y.Country == s.Country {
					r.CountryOK++
				}
				break
			}
		}
	}
	if len(miss) > 0 || len(extra) > 0 {
		r.errorf("  sub-processors %s: missed %q extra %q", lab.File, miss, extra)
	}
	for _, ph := range lab.Placeholders {
		r.PlaceholderN++
		if placeholderReported(ph, res, text) {
			r.PlaceholderHit++
		} else {
			r.errorf("  placeholder not reported: %s line %d: %s", lab.File, ph.Line, ph.Text)
		}
	}
	if lab.Parties != nil {
		for _, role := range []string{"processor", "controller"} {
			want := ""
			if p, ok := lab.Parties[role].(map[string]any); ok {
				want, _ = p["name"].(string)
			}
			got := res.Parties.Processor
			if role == "controller" {
				got = res.Parties.Controller
			}
			if want != "" {
				r.PartyNamed++
			}
			switch scoreParty(want, got) {
			case partyMissed:
				r.PartyMissed++
				r.errorf("  party %s %s: missed %q", role, lab.File, want)
			case partyRight:
				r.PartyRight++
			case partyWrong:
				r.PartyWrong++
				r.errorf("  party %s %s: got %q, want %q", role, lab.File, got.Name, want)
			}
		}
	}
	dl := deadlineMap(res.Deadlines)
	keys := make([]string, 0, len(lab.Deadlines))
	for k := range lab.Deadlines {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		r.DeadlineN++
		if reflect.DeepEqual(dl[k], lab.Deadlines[k]) {
			r.DeadlineOK++
		} else {
			r.errorf("  deadline %s %s: %v != %v", lab.File, k, dl[k], lab.Deadlines[k])
		}
	}
}

// deadlineMap is the deadlines as the JSON report shows them.
func deadlineMap(d model.Deadlines) map[string]any {
	data, err := json.Marshal(d)
	if err != nil {
		return nil
	}
	var m map[string]any
	if json.Unmarshal(data, &m) != nil {
		return nil
	}
	return m
}

func containsInt(xs []int, x int) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}

// sameResult says whether an original gives the statuses and sub-processors
// (with countries) of its text.
func sameResult(a, b *model.Result) bool {
	st := func(r *model.Result) map[string]string {
		m := map[string]string{}
		for _, v := range r.Requirements {
			m[v.ID] = v.Status
		}
		return m
	}
	if !reflect.DeepEqual(st(a), st(b)) {
		return false
	}
	pairs := func(r *model.Result) []namePair {
		var out []namePair
		for _, s := range r.Subprocessors {
			out = append(out, namePair{s.Name, s.Country})
		}
		return out
	}
	_, miss, extra := matchNames(pairs(a), pairs(b))
	return len(miss) == 0 && len(extra) == 0
}

type namePair struct{ name, country string }

// matchNames is the greedy one-to-one matching of the acceptance script:
// names match when one normalised name is a prefix of the other, countries
// must agree when both are given.
func matchNames(gold, pred []namePair) (int, []string, []string) {
	used := make([]bool, len(pred))
	matched := 0
	var miss, extra []string
	for _, g := range gold {
		gk := normKey(g.name)
		hit := false
		for i, p := range pred {
			pk := normKey(p.name)
			if used[i] || pk == "" || gk == "" {
				continue
			}
			if (strings.HasPrefix(pk, gk) || strings.HasPrefix(gk, pk)) && (g.country == "" || p.country == "" || g.country == p.country) {
				used[i], hit = true, true
				matched++
				break
			}
		}
		if !hit {
			miss = append(miss, g.name)
		}
	}
	for i, p := range pred {
		if !used[i] {
			extra = append(extra, normKey(p.name))
		}
	}
	return matched, miss, extra
}

// umlautKey keeps lower-case ASCII letters, digits, umlauts and ß.
func umlautKey(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || strings.ContainsRune("äöüß", r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// evidenceLine is the 1-based line of an evidence span in the file's text:
// the occurrence of the quoted text nearest to the reported offset.
// Positions are counted in characters of the file, as the acceptance
// script counts them, and compared with the reported offset as it is.
func evidenceLine(text []rune, ev model.Evidence) int {
	quote := []rune(strings.TrimSpace(ev.Text))
	start := ev.Start
	best := -1
	for _, n := range []int{80, 40, 20} {
		probe := quote[:min(n, len(quote))]
		if len(probe) == 0 {
			continue
		}
		for i := runeIndex(text, probe, 0); i != -1; i = runeIndex(text, probe, i+1) {
			if best == -1 || abs(i-start) < abs(best-start) {
				best = i
			}
		}
		if best != -1 {
			break
		}
	}
	if best == -1 {
		best = min(start, len(text))
	}
	line := 1
	for _, c := range text[:best] {
		if c == '\n' {
			line++
		}
	}
	return line
}

func runeIndex(text, probe []rune, from int) int {
	for i := from; i+len(probe) <= len(text); i++ {
		j := 0
		for j < len(probe) && text[i+j] == probe[j] {
			j++
		}
		if j == len(probe) {
			return i
		}
	}
	return -1
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

var placeholderNoise = regexp.MustCompile(`[\[\]{}<>_.…□|:$]+`)

// placeholderNorm replaces brackets, underscores, dots and spacing by one
// space, as the acceptance script does.
func placeholderNorm(s string) string {
	s = strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return ' '
		}
		return r
	}, s)
	s = placeholderNoise.ReplaceAllString(s, " ")
	s = strings.Join(strings.FieldsFunc(s, func(r rune) bool { return r == ' ' }), " ")
	return strings.ToLower(strings.TrimSpace(s))
}

// placeholderReported says whether a finding quotes the placeholder or
// cites a span on its line.
func placeholderReported(ph LabelledPlaceholder, res *model.Result, text []rune) bool {
	want := placeholderNorm(ph.Text)
	for _, f := range res.Findings {
		for _, ev := range f.Evidence {
			if want != "" && strings.Contains(placeholderNorm(ev.Text), want) {
				return true
			}
			if ph.Line > 0 {
				first := evidenceLine(text, ev)
				last := first + strings.Count(ev.Text, "\n")
				if first <= ph.Line && ph.Line <= last {
					return true
				}
			}
		}
	}
	return false
}
