package findings

import (
	"github.com/art28/art28/internal/lexicon"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/art28/art28/internal/check"
	"github.com/art28/art28/internal/document"
	"github.com/art28/art28/internal/match"
	"github.com/art28/art28/internal/model"
	"github.com/art28/art28/internal/prefilter"
)

// MaxEvidence is the number of passages cited per finding.
const MaxEvidence = 3

// Options adjust one run of the playbook.
type Options struct {
	// Lang is the language of the finding texts ("de" or "en").
	Lang string
	// Now is the date an undated contract is judged at; zero means today.
	Now time.Time
	// Facts are the extracted facts, if any: their date takes precedence
	// over the playbook's own date search, their sub-processors feed kind
	// "subprocessors".
	Facts *model.Facts
}

// factsDate parses the extracted contract date (YYYY-MM-DD or YYYY-MM);
// monthOnly reports the second form.
func factsDate(f *model.Facts) (t time.Time, monthOnly, ok bool) {
	if f == nil || f.Meta.Date == "" {
		return time.Time{}, false, false
	}
	if t, err := time.Parse("2006-01-02", f.Meta.Date); err == nil {
		return t, false, true
	}
	if t, err := time.Parse("2006-01", f.Meta.Date); err == nil {
		return t, true, true
	}
	return time.Time{}, false, false
}

// Run applies every rule of the playbook to a prepared document and
// returns the findings, most severe first, in playbook order within a
// severity.
func (p *Playbook) Run(in *check.Input, opt Options) []model.Finding {
	if opt.Now.IsZero() {
		opt.Now = time.Now()
	}
	date, monthOnly, dated := factsDate(opt.Facts)
	if !dated || date.After(opt.Now) {
		date, monthOnly, dated = contractDate(in.Doc.Text, opt.Now)
	}
	if !dated {
		date = opt.Now
	}
	st := newState(in)
	out := []model.Finding{}
	fired := map[string]bool{}
	for _, r := range p.Rules {
		if r.Lang != "" && r.Lang != in.Lang {
			continue
		}
		skip := false
		for _, id := range r.Unless {
			skip = skip || fired[id]
		}
		if skip {
			continue
		}
		ev, extra, ok := r.run(st, date, opt.Facts)
		if !ok {
			continue
		}
		fired[r.ID] = true
		f := model.Finding{
			ID: r.ID, Severity: string(r.Severity), Title: r.Title.In(opt.Lang),
			Message: r.Message.In(opt.Lang), Basis: r.Basis.In(opt.Lang), Evidence: ev,
			Suggestion: r.Suggestion.In(opt.Lang),
		}
		if extra != "" {
			f.Message += " " + extra
		}
		if r.Kind == Outdated {
			f.Message += " " + dateNote(opt.Lang, date, monthOnly, dated)
		}
		if f.Evidence == nil {
			f.Evidence = []model.Evidence{}
		}
		out = append(out, f)
	}
	rank := map[string]int{}
	for i, s := range Severities {
		rank[string(s)] = i
	}
	sort.SliceStable(out, func(i, j int) bool { return rank[out[i].Severity] < rank[out[j].Severity] })
	return out
}

var germanMonths = [...]string{"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"}

// dateNote tells the reader which date the outdated check compared with.
func dateNote(lang string, d time.Time, monthOnly, dated bool) string {
	if lang == "de" {
		switch {
		case dated && monthOnly:
			return "Der Vertrag ist auf " + germanMonths[d.Month()-1] + " " + d.Format("2006") + " datiert."
		case dated:
			return "Der Vertrag ist auf den " + d.Format("02.01.2006") + " datiert."
		}
		return "Der Vertrag nennt kein Datum und wird heute verwendet."
	}
	if dated && monthOnly {
		return "The contract is dated " + d.Format("January 2006") + "."
	}
	if dated {
		return "The contract is dated " + d.Format("2 January 2006") + "."
	}
	return "The contract states no date and is in use today."
}

// run applies one rule. It returns the evidence, an addition to the
// message, and whether the rule fired.
func (r *Rule) run(st *state, date time.Time, facts *model.Facts) ([]model.Evidence, string, bool) {
	in := st.in
	switch r.Kind {
	case Subprocessors:
		return subprocessorsWithoutMechanism(facts)
	case Terms:
		hits := r.matches(st, r.all)
		return r.cite(in, hits), "", len(hits) > 0
	case Outdated:
		if date.Before(r.since) {
			return nil, "", false
		}
		hits := r.matches(st, r.all)
		return r.cite(in, hits), "", len(hits) > 0
	case Pattern:
		ev := r.patternEvidence(st)
		return ev, "", len(ev) > 0
	case Blanks:
		ev := r.blanks(st)
		return ev, "", len(ev) > 0
	case Deadline:
		hits := r.deadline(st)
		return r.cite(in, hits), "", len(hits) > 0
	case Absent:
		hits := r.matches(st, r.all)
		if len(hits) == 0 || len(r.anyMatches(st, r.require)) > 0 {
			return nil, "", false
		}
		return r.cite(in, hits), "", true
	case Count:
		hits := r.matches(st, r.all)
		return r.cite(in, hits), "", len(hits) >= r.Min
	case Categories:
		return r.categories(st)
	case Structure:
		return r.structure(st)
	}
	return nil, "", false
}

// cite turns sentence indices into evidence, at most MaxEvidence.
func (r *Rule) cite(in *check.Input, hits []int) []model.Evidence {
	var ev []model.Evidence
	for _, i := range hits {
		if len(ev) == MaxEvidence {
			break
		}
		ev = append(ev, in.Evidence(i))
	}
	return ev
}

// groupBits returns the sentences in which every group has a term. Groups
// of plain terms are answered by the index first; regular-expression terms
// then run only on the sentences still in question, and only where their
// literals occur, so a rule costs little more than its rarest word. Once
// no sentence is left, the remaining groups are not looked at.
func (r *Rule) groupBits(st *state, groups [][]*term) match.Bits {
	in := st.in
	n := in.Index.Len()
	all := in.Index.NewBits()
	for i := 0; i < n; i++ {
		all.Set(i)
	}
	for pass := 0; pass < 2; pass++ {
		for _, g := range groups {
			if hasRegexp(g) != (pass == 1) {
				continue
			}
			if all.Empty() {
				return all
			}
			gb := in.Index.NewBits()
			var res []*prefilter.Regexp
			for _, t := range g {
				if t.re != nil {
					res = append(res, t.re)
					continue
				}
				gb.Or(in.Index.TermByID(t.id))
			}
			if len(res) > 0 {
				all.Each(func(i int) {
					if i >= len(in.Sentences) || gb.Has(i) {
						return
					}
					for _, rt := range res {
						if st.termMatch(rt, i) {
							gb.Set(i)
							return
						}
					}
				})
			}
			all.And(gb)
		}
	}
	return all
}

func hasRegexp(g []*term) bool {
	for _, t := range g {
		if t.re != nil {
			return true
		}
	}
	return false
}

// anyMatches returns the sentences matching all groups, regardless of
// actor and exclusions.
func (r *Rule) anyMatches(st *state, groups [][]*term) []int {
	var out []int
	r.groupBits(st, groups).Each(func(i int) {
		if i < len(st.in.Sentences) {
			out = append(out, i)
		}
	})
	return out
}

// matches returns the non-heading sentences matching all groups, none of
// the exclusions, the actor and the section constraint.
func (r *Rule) matches(st *state, groups [][]*term) []int {
	in := st.in
	var out []int
	var none match.Bits // sentences with a plain exclusion term
	r.groupBits(st, groups).Each(func(i int) {
		// Headings are no clauses, but an outdated term in a title
		// ("Vertrag zur Auftragsdatenverarbeitung") still counts.
		if i >= len(in.Sentences) || in.Sentences[i].Heading && r.Kind != Outdated {
			return
		}
		if none == nil {
			none = in.Index.NewBits()
			for _, t := range r.none {
				if t.re == nil {
					none.Or(in.Index.TermByID(t.id))
				}
			}
		}
		if none.Has(i) {
			return
		}
		for _, t := range r.none {
			if t.re != nil && st.termMatch(t.re, i) {
				return
			}
		}
		if !actorFits(r.Actor, in.Actor(i)) {
			return
		}
		if r.section != nil && !r.section.MatchString(strings.ToLower(in.Evidence(i).Section)) {
			return
		}
		out = append(out, i)
	})
	return out
}

func actorFits(want string, got check.Party) bool {
	switch want {
	case "processor":
		return got == check.Processor
	case "controller":
		return got == check.Controller
	case "not-controller":
		return got != check.Controller
	default:
		return true
	}
}

// sentenceAt returns the sentence containing byte offset off, or -1.
func sentenceAt(in *check.Input, off int) int {
	i := sort.Search(len(in.Sentences), func(i int) bool { return in.Sentences[i].End > off })
	if i < len(in.Sentences) && in.Sentences[i].Start <= off {
		return i
	}
	return -1
}

// patternEvidence cites the regular expression's matches in the text. With
// term groups, the expression runs only from the start of sentences that
// match them.
func (r *Rule) patternEvidence(st *state) []model.Evidence {
	in := st.in
	text := in.Doc.Text
	type region struct{ start, end int }
	var regions []region
	if len(r.All) > 0 {
		r.groupBits(st, r.all).Each(func(i int) {
			if i < len(in.Sentences) {
				s := in.Sentences[i]
				regions = append(regions, region{s.Start, min(len(text), s.End+r.Reach)})
			}
		})
	} else {
		regions = []region{{0, len(text)}}
	}
	var ev []model.Evidence
	seen := map[int]bool{}
	for _, rg := range regions {
		for _, m := range r.re.FindAllStringSubmatchIndex(text[rg.start:rg.end], -1) {
			start, end := rg.start+m[0], rg.start+m[1]
			if len(m) >= 4 && m[2] >= 0 {
				start, end = rg.start+m[2], rg.start+m[3]
			}
			if seen[start] {
				continue
			}
			seen[start] = true
			sec := ""
			if si := sentenceAt(in, start); si >= 0 {
				excluded := false
				for _, t := range r.none {
					if st.hasTerm(t, si) {
						excluded = true
						break
					}
				}
				if excluded {
					continue
				}
				sec = in.Evidence(si).Section
			}
			ev = append(ev, model.Evidence{Text: text[start:end], Start: start, End: end, Section: sec, Page: in.Doc.PageAt(start)})
			if len(ev) == MaxEvidence {
				return ev
			}
		}
	}
	return ev
}

// durationRE finds periods such as "24 Stunden", "zwei Wochen", "14 days".
var durationRE = prefilter.MustCompile(`(\d{1,4}|eine[mnr]?|ein|zwei|drei|vier|fünf|sechs|sieben|acht|zehn|vierzehn|einundzwanzig|dreißig|vierundzwanzig|achtundvierzig|zweiundsiebzig|one|two|three|four|five|six|seven|eight|ten|fourteen|twenty-one|thirty|twenty-four|forty-eight|seventy-two)\s*(?:\(\s*[\p{L}\d-]+\s*\)\s*)?(stunden|std\.?|hours?|hrs?|h|werktagen|werktage|arbeitstagen|arbeitstage|kalendertagen|kalendertage|tagen|tage|tag|business days?|working days?|calendar days?|days?|wochen|woche|weeks?|week|monaten|monate|monat|months?)(?:[^\p{L}]|$)`, prefilter.PreferPrefix)

// Durations returns the periods stated in s, in hours.
func Durations(s string) []float64 {
	var out []float64
	// The expression is written in lower case: matching the lower-cased
	// sentence is much cheaper than case-insensitive matching.
	low := strings.ToLower(s)
	for _, m := range durationRE.FindAllStringSubmatchIndex(low, -1) {
		if h, ok := durationHours(low[m[2]:m[3]], low[m[4]:m[5]]); ok {
			out = append(out, h)
		}
	}
	return out
}

// durationHours converts a number and a unit matched by durationRE into
// hours.
func durationHours(num, unit string) (float64, bool) {
	n, err := strconv.ParseFloat(num, 64)
	if err != nil {
		v, ok := lexicon.Number(num)
		if !ok {
			return 0, false
		}
		n = float64(v)
	}
	var h float64
	switch {
	case strings.HasPrefix(unit, "st") || strings.HasPrefix(unit, "h"):
		h = 1
	case strings.HasPrefix(unit, "werk"):
		h = 24 * 7 / 6.0 // Werktage: every day but Sundays and public holidays
	case strings.HasPrefix(unit, "arbeit") || strings.HasPrefix(unit, "business") || strings.HasPrefix(unit, "working"):
		h = 24 * 7 / 5.0
	case strings.HasPrefix(unit, "w"):
		h = 24 * 7
	case strings.HasPrefix(unit, "mon"):
		h = 24 * 30
	default:
		h = 24
	}
	return n * h, true
}

// mayStatePeriod reports whether a sentence has a number or a number word,
// so that the costlier duration pattern runs only where it can match.
func mayStatePeriod(toks []match.Token) bool {
	for _, t := range toks {
		if t.Text == "" {
			continue
		}
		if c := t.Text[0]; c >= '0' && c <= '9' {
			return true
		}
		if _, ok := lexicon.Number(t.Text); ok {
			return true
		}
	}
	return false
}

// deadline returns the sentences a deadline rule reports.
func (r *Rule) deadline(st *state) []int {
	topic := r.matches(st, r.all)
	if len(topic) == 0 {
		return nil
	}
	var out []int
	for _, i := range topic {
		ds := st.sentenceDurations(i)
		switch r.Mode {
		case "missing":
			if len(ds) > 0 {
				return nil
			}
			out = append(out, i)
		case "exceeds":
			if len(ds) > 0 && minOf(ds) > float64(r.MaxHours) {
				out = append(out, i)
			}
		case "below":
			if len(ds) > 0 && minOf(ds) < float64(r.MinDays*24) {
				out = append(out, i)
			}
		}
	}
	return out
}

func minOf(xs []float64) float64 {
	m := xs[0]
	for _, x := range xs[1:] {
		if x < m {
			m = x
		}
	}
	return m
}

// categories reports the control categories no sentence names.
func (r *Rule) categories(st *state) ([]model.Evidence, string, bool) {
	in := st.in
	var pre []int
	if len(r.All) > 0 {
		pre = r.matches(st, r.all)
		if len(pre) == 0 {
			return nil, "", false
		}
	}
	var missing []string
	lang := in.Lang
	for ci, c := range r.Categories {
		if !st.anySentence(r.cats[ci]) {
			missing = append(missing, c.Name.In(lang))
		}
	}
	if len(missing) == 0 {
		return nil, "", false
	}
	head := "Missing: "
	if lang == "de" {
		head = "Es fehlen: "
	}
	ev := r.cite(in, pre)
	if len(ev) > 1 {
		ev = ev[:1]
	}
	return ev, head + strings.Join(missing, "; ") + ".", true
}

// subprocessorsWithoutMechanism cites the extracted third-country
// sub-processors for which no transfer mechanism was found.
func subprocessorsWithoutMechanism(f *model.Facts) ([]model.Evidence, string, bool) {
	if f == nil {
		return nil, "", false
	}
	var ev []model.Evidence
	var names []string
	for _, s := range f.Subprocessors {
		if !s.ThirdCountry || (s.TransferMechanism != "" && s.TransferMechanism != "none") {
			continue
		}
		names = append(names, strings.TrimSpace(s.Name+" ("+s.Country+")"))
		if len(ev) < MaxEvidence && s.Evidence.End > s.Evidence.Start {
			ev = append(ev, s.Evidence)
		}
	}
	if len(names) == 0 {
		return nil, "", false
	}
	return ev, "(" + strings.Join(names, ", ") + ")", true
}

// structure runs the rule's structural check.
func (r *Rule) structure(st *state) ([]model.Evidence, string, bool) {
	in := st.in
	var ev []model.Evidence
	var what []string
	switch r.Check {
	case "duplicate-sections":
		ev, what = duplicateSections(in)
	case "missing-sections":
		ev, what = missingSections(in)
	case "missing-annexes":
		ev, what = missingAnnexes(st)
	}
	if len(ev) == 0 {
		return nil, "", false
	}
	return ev, "(" + strings.Join(what, ", ") + ")", true
}

// normLabel turns "§ 3.", "3)", "Ziffer 3" into "3".
func normLabel(l string) string {
	l = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(l), "§"))
	l = strings.TrimRight(l, ".)")
	return strings.TrimSpace(l)
}

var numLabel = prefilter.MustCompile(`^\d+(\.\d+)*$`)

// sectionWords are the words sectionRefRE and selfRefRE start from.
var sectionWords = []string{"ziffer", "ziff", "abschnitt", "nr", "nummer", "section", "clause", "paragraph", "§*"}

// blockEvidence cites a block's first line.
func blockEvidence(in *check.Input, bi int) model.Evidence {
	b := in.Doc.Blocks[bi]
	end := b.End
	if k := strings.IndexByte(in.Doc.Text[b.Start:b.End], '\n'); k >= 0 {
		end = b.Start + k
	}
	return model.Evidence{Text: in.Doc.Text[b.Start:end], Start: b.Start, End: end, Section: b.Section, Page: in.Doc.PageAt(b.Start)}
}

// duplicateSections reports numbered headings whose number repeats within
// the same part (main body or one annex).
func duplicateSections(in *check.Input) ([]model.Evidence, []string) {
	seen := map[string]bool{}
	var ev []model.Evidence
	var what []string
	for bi, b := range in.Doc.Blocks {
		if b.Kind != document.Heading {
			continue
		}
		l := normLabel(b.Label)
		if !numLabel.MatchString(l) {
			continue
		}
		key := b.Annex + "|" + l
		if seen[key] {
			if len(ev) < MaxEvidence {
				ev = append(ev, blockEvidence(in, bi))
			}
			what = append(what, l)
			continue
		}
		seen[key] = true
	}
	return ev, what
}

var (
	sectionRefRE = prefilter.MustCompile(`(?i)(?:^|[^\p{L}\-])(ziffer|ziff\.|abschnitt|nr\.|nummer|section|clause|§)\s*(\d+(?:\.\d+)*)`)
	lawAfterRE   = prefilter.MustCompile(`(?i)^[\s.]*(?:(?:abs\.?|absatz|satz|s\.|lit\.?|nr\.?)\s*\w+[\s.,]*)*(bdsg|dsgvo|ds-gvo|gdpr|tkg|ttdsg|tdddg|tmg|ddg|bgb|hgb|stgb|ao|uwg|sgb|owig|gwg|sccs?|of the|des |der |gdpr|uk gdpr|ccpa)`)
	otherDocRE   = prefilter.MustCompile(`(?i)^[^.;]{0,40}(hauptvertrag|agb|leistungsbeschreibung|main agreement|master|principal agreement|services agreement|the agreement|terms of service|terms and conditions|msa|standardvertragsklauseln|standard contractual|clauses|\bact\b|regulation|verordnung|ordnung\b|gesetz|richtlinie|directive)`)
	selfRefRE    = prefilter.MustCompile(`(?i)\b(?:diese[rsm]?|this|the present)\s+(?:ziffer|ziff\.|abschnitt|nummer|section|clause|paragraph|§)\s*(\d+)\b`)
	leadNumRE    = prefilter.MustCompile(`^\s*(?:§\s*)?(\d+)\b`)
	artBeforeRE  = prefilter.MustCompile(`(?i)(art\.?|artikel|article|artt\.)\s*\d+\s*(abs\.?\s*\d+\s*)?(s\.|satz\s*\d+\s*)?(lit\.\s*\w\s*)?$`)
)

// lawAbbrevRE is a statute's abbreviation after a section reference,
// written with capitals at both ends ("§ 57 Abs. 1 und § 62 StBerG", "§ 43a
// BRAO", "§ 203 StGB"); case-sensitive.
var lawAbbrevRE = prefilter.MustCompile(`^[a-z]?[\s.,]*(?:(?:Abs\.?|Absatz|Satz|S\.|lit\.?|Nr\.?|Ziff\.?|Alt\.?|Var\.?|und|oder|bis|sowie|§§?)\s*[\w.]*[\s.,]*)*([A-ZÄÖÜ][A-Za-zÄÖÜäöü\-]{0,8}[A-Z])\b`)

// statuteAfter reports whether a section reference is followed by the
// abbreviation of a statute ("StBerG", "BRAO"), not by one of the
// contract's own names ("AVV", "TOM").
func statuteAfter(after string) bool {
	m := lawAbbrevRE.FindStringSubmatch(after)
	if m == nil {
		return false
	}
	switch m[1] {
	case "AVV", "DPA", "AV", "TOM", "TOMS", "SLA", "AGB":
		return false
	}
	return true
}

// missingSections reports references to numbered sections of the contract
// that do not exist.
func missingSections(in *check.Input) ([]model.Evidence, []string) {
	top := map[string]bool{}
	count := 0
	for _, b := range in.Doc.Blocks {
		l := normLabel(b.Label)
		if !numLabel.MatchString(l) {
			continue
		}
		if b.Kind == document.Heading {
			count++
		}
		top[strings.SplitN(l, ".", 2)[0]] = true
	}
	if count < 3 {
		return nil, nil
	}
	text := in.Doc.Text
	var ev []model.Evidence
	var what []string
	reported := map[string]bool{}
	// Both expressions need one of these words; the word index finds the
	// few sentences worth running them on.
	cand := in.Index.NewBits()
	for _, t := range sectionWords {
		cand.Or(in.Index.Term(t))
	}
	for si, s := range in.Sentences {
		if s.Heading || !cand.Has(si) {
			continue
		}
		st := text[s.Start:s.End]
		// "Diese Ziffer 10 gilt ..." inside section 11 points to the wrong
		// section.
		if m := selfRefRE.FindStringSubmatchIndex(st); m != nil {
			if lm := leadNumRE.FindStringSubmatch(in.Evidence(si).Section); lm != nil && lm[1] != st[m[2]:m[3]] && !reported[st[m[0]:m[1]]] {
				reported[st[m[0]:m[1]]] = true
				what = append(what, st[m[0]:m[1]]+" ≠ "+lm[1])
				if len(ev) < MaxEvidence {
					ev = append(ev, in.Evidence(si))
				}
			}
		}
		for _, m := range sectionRefRE.FindAllStringSubmatchIndex(st, -1) {
			num := st[m[4]:m[5]]
			before := st[:m[2]]
			after := st[m[5]:]
			if artBeforeRE.MatchString(strings.TrimSpace(before)) || lawAfterRE.MatchString(after) || otherDocRE.MatchString(after) || statuteAfter(after) {
				continue
			}
			if strings.HasSuffix(strings.ToLower(strings.TrimSpace(before)), "kd-") {
				continue
			}
			t := strings.SplitN(num, ".", 2)[0]
			if top[t] || reported[num] {
				continue
			}
			reported[num] = true
			what = append(what, st[m[2]:m[5]])
			if len(ev) < MaxEvidence {
				ev = append(ev, in.Evidence(si))
			}
		}
	}
	return ev, what
}

var (
	annexStartRE = prefilter.MustCompile(`(?i)^[\s#*|>_]*(anlage|anhang|annex|appendix|schedule|attachment)\s+([0-9]+|[ivx]+\b|[a-h]\b)`)
	annexRefRE   = prefilter.MustCompile(`(?i)\b(anlage|anhang|annex|appendix|schedule|attachment)\s+([0-9]+|[ivx]+\b|[a-h]\b)`)
)

var romans = map[string]string{"i": "1", "ii": "2", "iii": "3", "iv": "4", "v": "5", "vi": "6", "vii": "7", "viii": "8", "ix": "9", "x": "10"}

// annexKey identifies an annex by its number: "Anlage II", "Annex 2" and
// "Appendix 2" are taken to be the same, since contracts mix the words.
func annexKey(num string) string {
	n := strings.ToLower(num)
	if r, ok := romans[n]; ok {
		return r
	}
	return n
}

// annexWords name an annex ("Anlage", "Schedule"; lexicon: annex_words).
var annexWords = lexicon.List("annex_words")

// missingAnnexes reports annexes the contract refers to but does not
// contain.
func missingAnnexes(st *state) ([]model.Evidence, []string) {
	in := st.in
	text := in.Doc.Text
	present := map[string]bool{}
	last := ""
	for _, b := range in.Doc.Blocks {
		// The blocks of one annex share its label: read it once.
		if b.Annex != "" && b.Annex != last {
			last = b.Annex
			if m := annexRefRE.FindStringSubmatch(b.Annex); m != nil {
				present[annexKey(m[2])] = true
			}
		}
	}
	// Only sentences naming an annex are read.
	cand := in.Index.NewBits()
	for _, w := range annexWords {
		cand.Or(in.Index.Term(w))
	}
	var sents []int
	cand.Each(func(i int) {
		if i < len(in.Sentences) {
			sents = append(sents, i)
		}
	})
	// A sentence that starts with the annex's name also counts: plain-text
	// contracts often have no recognisable annex headings.
	for _, si := range sents {
		s := in.Sentences[si]
		if m := annexStartRE.FindStringSubmatch(text[s.Start:s.End]); m != nil {
			present[annexKey(m[2])] = true
		}
	}
	var ev []model.Evidence
	var what []string
	reported := map[string]bool{}
	for _, si := range sents {
		s := in.Sentences[si]
		sent := text[s.Start:s.End]
		for _, m := range annexRefRE.FindAllStringSubmatchIndex(sent, -1) {
			key := annexKey(sent[m[4]:m[5]])
			if present[key] || reported[key] || otherDocRE.MatchString(sent[m[1]:]) {
				continue
			}
			reported[key] = true
			what = append(what, sent[m[0]:m[1]])
			if len(ev) < MaxEvidence {
				ev = append(ev, in.Evidence(si))
			}
		}
	}
	return ev, what
}
