// Package check decides, requirement by requirement, whether a contract
// stipulates what Art. 28 GDPR demands. It interprets the catalog's rules:
// term groups that must co-occur in a sentence, exclusions, and the party
// that must carry the obligation. Every verdict cites the sentences that
// decided it.
package check

import (
	"slices"
	"sort"
	"strings"

	"github.com/art28/art28/internal/catalog"
	"github.com/art28/art28/internal/document"
	"github.com/art28/art28/internal/lexicon"
	"github.com/art28/art28/internal/match"
	"github.com/art28/art28/internal/model"
	"github.com/art28/art28/internal/prefilter"
	"github.com/art28/art28/internal/segment"
)

// MaxEvidence is the number of sentences cited per requirement.
const MaxEvidence = 3

// Checker applies a catalog to documents. It is safe for concurrent use.
type Checker struct {
	cat    *catalog.Catalog
	rules  map[*catalog.Rule]*compiledRule
	groups [][]match.TermID // distinct term groups of all rules
	// costs estimates, per group, the work of finding its sentences.
	costs  []int
	actors map[string]*actorFinder
	cite   citeTerms
	// reqTerms holds each requirement's rule terms for evidence ranking
	// (evidence.go).
	reqTerms map[*catalog.Requirement][]ruleTerm
}

// compiledRule holds a rule's term groups (indices into Checker.groups)
// and its exclusions as registered term ids.
type compiledRule struct {
	all []int
	// order lists the indices of all, cheapest group first: Matches
	// stops at the first group no sentence matches.
	order []int
	topic []int
	none  []match.TermID
	// describes marks the rules of a descriptive requirement (Art. 28(3)
	// first sentence: subject matter, duration, nature and purpose, data
	// types, data subjects): an English definition ("“Customer Data” means the
	// personal data of Customer's end users …") may describe the
	// processing, while it states no duty.
	describes bool
	// definition marks a rule that reads definitions (catalog.Rule.Definition).
	definition bool
	// noneTopic is the group of the rule's none_topic terms, -1 if none.
	noneTopic int
}

// New prepares a checker for the catalog: set references are expanded once.
// The embedded catalog's checker is precomputed by go generate
// (precompute.go).
func New(c *catalog.Catalog) *Checker {
	if t := precomputedChecker; t != nil && c == catalog.Default() && t.digest == catalog.Digest() {
		return fromTables(c, t)
	}
	return build(c)
}

// build prepares a checker for the catalog, registering its terms.
func build(c *catalog.Catalog) *Checker {
	ch := &Checker{cat: c, rules: map[*catalog.Rule]*compiledRule{}, actors: map[string]*actorFinder{}}
	groupIndex := map[string]int{}
	// English rules hold no German words: only German rules (and rules of
	// both languages) get the Swiss spellings; English rules get the
	// English variants ("personal information" for "personal data").
	spell := newSpeller(c)
	swissFor := func(rule *catalog.Rule, g []string) []string {
		if rule.Lang == "en" {
			return spell.expand(g, "en", c.EnglishTerms)
		}
		return spell.expand(g, "de", c.SwissTerms)
	}
	var rule *catalog.Rule
	// rawKey names a list of terms as written in a rule, with the
	// spelling variants it gets: the same list in many rules (a shared
	// set, a common group) is expanded and registered once.
	rawKey := func(g []string) string {
		variants := "de\x01"
		if rule.Lang == "en" {
			variants = "en\x01"
		}
		return variants + strings.Join(g, "\x00")
	}
	rawGroups := map[string]int{}
	groupOf := func(g []string) int {
		rk := rawKey(g)
		if gi, ok := rawGroups[rk]; ok {
			return gi
		}
		terms := swissFor(rule, g)
		key := strings.Join(terms, "\x00")
		gi, ok := groupIndex[key]
		if !ok {
			gi = len(ch.groups)
			groupIndex[key] = gi
			ch.groups = append(ch.groups, match.RegisterAll(terms))
			ch.costs = append(ch.costs, groupCost(terms))
		}
		rawGroups[rk] = gi
		return gi
	}
	rawNone := map[string][]match.TermID{}
	noneOf := func(g []string) []match.TermID {
		rk := rawKey(g)
		ids, ok := rawNone[rk]
		if !ok {
			ids = match.RegisterAll(swissFor(rule, g))
			rawNone[rk] = ids
		}
		return ids
	}
	for _, r := range c.Requirements {
		// The descriptive requirements are those of Art. 28(3) first
		// sentence (subject matter, duration, nature and purpose, types
		// of data, categories of data subjects).
		describes := strings.HasSuffix(r.Article, "sentence 1")
		for _, rule = range r.Rules {
			cr := &compiledRule{none: noneOf(rule.None)}
			cr.describes = describes
			cr.definition = rule.Definition
			for _, g := range rule.All {
				cr.all = append(cr.all, groupOf(g))
			}
			cr.order = make([]int, len(cr.all))
			for k := range cr.order {
				cr.order[k] = k
			}
			sort.SliceStable(cr.order, func(a, b int) bool {
				return ch.costs[cr.all[cr.order[a]]] < ch.costs[cr.all[cr.order[b]]]
			})
			for _, g := range rule.Topic {
				cr.topic = append(cr.topic, groupOf(g))
			}
			cr.noneTopic = -1
			if len(rule.NoneTopic) > 0 {
				cr.noneTopic = groupOf(rule.NoneTopic)
			}
			ch.rules[rule] = cr
		}
	}
	for _, l := range []string{"de", "en"} {
		ch.actors[l] = newActorFinder(c, l)
	}
	ch.cite = newCiteTerms(c)
	ch.reqTerms = make(map[*catalog.Requirement][]ruleTerm, len(c.Requirements))
	var sc termScratch
	for _, r := range c.Requirements {
		ch.reqTerms[r] = ch.requirementTerms(r, &sc)
	}
	return ch
}

// Kinds of definitions in Input.defines.
const (
	defAll  = 1
	defDuty = 2
)

// regexCost is the least cost of a group holding an expression.
const regexCost = 51

// groupCost estimates the work of finding a group's sentences: a regular
// expression runs on sentences, a word or phrase is looked up.
func groupCost(terms []string) int {
	cost := 0
	for _, t := range terms {
		cost++
		if strings.HasPrefix(t, "re:") {
			cost += regexCost - 1
		}
	}
	return cost
}

// appendSpellings appends to dst, for term t with "ß", the same term with
// "ss": Swiss contracts write "Massnahmen", "Verstösse", "gemäss". It also
// appends the Swiss law's words for the GDPR's (pairs of word parts, from
// the catalog): "bearbeit*" beside "verarbeit*", "personendaten" beside
// "personenbezogene daten". For English rules the pairs are the catalog's
// English variants ("personal information" beside "personal data").
// Expressions get none.
func appendSpellings(dst []string, t string, pairs [][]string, shortest int) []string {
	if strings.HasPrefix(t, "re:") {
		return dst
	}
	if strings.Contains(t, "ß") {
		dst = append(dst, strings.ReplaceAll(t, "ß", "ss"))
	}
	if len(t) < shortest {
		return dst // shorter than every left part
	}
	for _, p := range pairs {
		if len(p) == 2 && len(t) >= len(p[0]) && strings.Contains(t, p[0]) {
			v := strings.ReplaceAll(t, p[0], p[1])
			dst = append(dst, v)
			if strings.Contains(v, "ß") {
				dst = append(dst, strings.ReplaceAll(v, "ß", "ss"))
			}
		}
	}
	return dst
}

// shortestLeft returns the length of the shortest left part of the
// pairs, -1 when there is none.
func shortestLeft(pairs [][]string) int {
	n := -1
	for _, p := range pairs {
		if len(p) == 2 && (n < 0 || len(p[0]) < n) {
			n = len(p[0])
		}
	}
	return n
}

// speller expands a term list's sets ("@name", catalog.ExpandSets) and
// adds the spelling variants of its terms after them, each term in list
// order (appendSpellings). Sets recur in many rules: each is expanded and
// spelled once per list of pairs.
type speller struct {
	c    *catalog.Catalog
	sets map[string]spelledSet // by the pairs' name and "@set"
}

// spelledSet is a set's terms and their spelling variants.
type spelledSet struct{ terms, variants []string }

func newSpeller(c *catalog.Catalog) *speller {
	return &speller{c: c, sets: map[string]spelledSet{}}
}

// expand returns the terms of g with the sets expanded, followed by their
// spelling variants under pairs; name names pairs.
func (sp *speller) expand(g []string, name string, pairs [][]string) []string {
	shortest := shortestLeft(pairs)
	var terms, variants []string
	for _, t := range g {
		if !strings.HasPrefix(t, "@") {
			terms = append(terms, t)
			variants = appendSpellings(variants, t, pairs, shortest)
			continue
		}
		k := name + "\x00" + t
		set, ok := sp.sets[k]
		if !ok {
			set.terms = sp.c.ExpandSets([]string{t})
			for _, u := range set.terms {
				set.variants = appendSpellings(set.variants, u, pairs, shortest)
			}
			sp.sets[k] = set
		}
		terms = append(terms, set.terms...)
		variants = append(variants, set.variants...)
	}
	return append(terms, variants...)
}

// Catalog returns the checker's catalog.
func (ch *Checker) Catalog() *catalog.Catalog { return ch.cat }

// Input is a segmented document ready for checking.
type Input struct {
	Doc       *document.Document
	Sentences []segment.Sentence
	Lang      string
	Index     *match.Index
	actors    []Party
	// opens marks sentences whose subject is a party word at their start.
	opens []bool
	// required marks sentences in which the controller, as their
	// subject, may require the processor to act ("Customer may require
	// Acme to return …", "Der Kunde kann verlangen, dass der Anbieter
	// …"): a right of the controller that states the
	// processor's duty (requiredParty); nil when the document has none.
	required []bool
	// defines marks definitions („Weisung“ bezeichnet …, “Third Country”
	// means …), which state no duty (definitions.go): defAll for German
	// ones, which no rule reads, defDuty for English ones, which only the
	// rules of descriptive requirements read; nil when the text has none.
	defines []uint8
	// listItems are the sentences that continue a lead-in, in order.
	listItems []int
	// groups caches the sentences matching each of the checker's term
	// groups.
	groups []match.Bits
	// finder decides actors for this document (clause.go asks it again
	// for single clauses).
	finder *actorFinder
	// defined are the document's own terms for its parties
	// (definitions.go).
	defined map[string]Party
	// scopes and topics serve topic groups (scope.go), built on first use.
	scopes *scopes
	topics map[int]match.Bits
	// own and seen are Matches' working sets, reused from rule to rule,
	// and alive its list of list items.
	own, seen match.Bits
	alive     []int
	// multi holds the clause ranges of German sentences of several main
	// clauses (clause.go).
	multi map[int][][2]int
	// lines caches the line indexes of cited sentences (evidence.go).
	lines map[int]lineIndex
	// clauses indexes the cited part of sentences with a title run into
	// them (ranker.clauseIndex); released with lines.
	titled map[int]*match.Index
	// textScores caches what each ranked sentence reads as (evidence.go).
	textScores map[int]int
	// coverBits is the ranker's buffer of the current requirement's term
	// sets (evidence.go, coverage).
	coverBits []match.Bits
	// rankHits, rankScore and rankQuotes are the ranker's maps, reused
	// from requirement to requirement (verdict).
	rankHits              map[*catalog.Rule][]int
	rankScore, rankQuotes map[int]int
	// leadParty holds the party a lead-in ends with where it is not the
	// lead-in's own actor (Prepare): its list items go on with it.
	leadParty map[int]Party
	// cite holds the sentences of the ranking sets (evidence.go), found
	// on first use.
	cite *citeSets
}

// group returns the sentences matching any term of the checker's group
// gi.
func (ch *Checker) group(in *Input, gi int) match.Bits {
	if in.groups == nil {
		in.groups = make([]match.Bits, len(ch.groups))
	}
	if b := in.groups[gi]; b != nil {
		return b
	}
	var b match.Bits
	if ts := ch.groups[gi]; len(ts) == 1 {
		// A group of one term is that term's (shared, read-only) set.
		b = in.Index.TermByID(ts[0])
	} else {
		b = in.Index.NewBits()
		in.Index.OrTerms(b, ts)
	}
	in.groups[gi] = b
	return b
}

// Prepare indexes a segmented document for checking (and for other
// packages that query terms, such as fact extraction).
func (ch *Checker) Prepare(doc *document.Document, sents []segment.Sentence, lang string) *Input {
	spans := make([]match.Span, len(sents))
	for i, s := range sents {
		spans[i] = match.Span{Start: s.Start, End: s.End}
	}
	// A form's unticked options are not agreed: the index reads the text
	// with them blanked (document.MaskUnticked); citations quote the
	// document as it is.
	text := document.MaskUnticked(doc.Text)
	af := ch.actors[lang]
	if af == nil {
		af = ch.actors["en"]
	}
	// German: the informal address read as the formal one ("dir" as
	// "Ihnen", "du" as "Sie"), once for the whole document.
	var informal [][]string
	if af.german {
		informal = ch.cat.InformalWords
		// A sole trader's "ich" read as the processor's "wir".
		if firstPerson(text) {
			informal = append(slices.Clip(informal), ch.cat.FirstPersonWords...)
			// "weise ich … hin", "ich lösche": the verb's first person
			// singular read as the plural the "wir" rules name.
			informal = append(informal, firstPersonVerbs(text)...)
		}
		// "Auftragnehmer (AN)": "der AN" read as "der Auftragnehmer".
		if ab := af.abbreviatedParties(text); ab != nil {
			informal = append(slices.Clip(informal), ab...)
		}
	}
	// English: a sole trader's "I" read as the vendor's "we".
	if !af.german && firstPersonEn(text) {
		informal = ch.cat.FirstPersonWordsEn
	}
	// Terms the contract defines for its parties act like party words;
	// in German they are also read as the party words the rules name
	// (definedAliases).
	var defined map[string]Party
	var low string
	if af.german {
		low = prefilter.Lower(text)
		defined = af.definedParties(text, low)
		if da := definedAliases(text, low, defined); da != nil {
			informal = append(slices.Clip(informal), da...)
		}
	}
	in := &Input{Doc: doc, Sentences: sents, Lang: lang, Index: match.NewIndexAliased(text, spans, informal)}
	if low != "" {
		in.Index.UseLower(low)
	}
	if !af.german {
		defined = af.definedPartiesIn(text, in.Index.Lower(), in.Index)
	}
	in.defined = defined
	af = af.withParties(in.defined)
	if af.german {
		if fv := formalAddress(text); fv || in.Index.Aliased() {
			af = af.formal(text, fv)
		}
	}
	// English: further names the contract gives the parties, and the
	// vendor's name from its voice (aliases.go).
	if !af.german {
		af = af.withParties(af.aliases(text, in.sentenceTokens))
		if reversedVoice(in.Index.Lower()) {
			af = af.withParties(map[string]Party{"we": Controller, "you": Processor})
		}
	}
	in.finder = af
	in.actors = make([]Party, len(sents))
	in.opens = make([]bool, len(sents))
	var toks []match.Token
	for i := range sents {
		if sents[i].LeadIn >= 0 {
			in.listItems = append(in.listItems, i)
		}
		toks = in.Index.AppendTokens(toks[:0], i)
		in.actors[i] = af.find(toks)
		if af.german {
			if cs := af.splitClauses(text, toks); cs != nil {
				if in.multi == nil {
					in.multi = map[int][][2]int{}
				}
				in.multi[i] = cs
			}
		}
		in.opens[i] = af.german || af.opensWithParty(text, toks)
		if in.actors[i] == Controller && af.requiredParty(toks) {
			if in.required == nil {
				in.required = make([]bool, len(sents))
			}
			in.required[i] = true
		}
		if definesTerm(text, toks, af.german) {
			if in.defines == nil {
				in.defines = make([]uint8, len(sents))
			}
			in.defines[i] = defDuty
			if af.german {
				in.defines[i] = defAll
			}
		}
		// "Er hat das Recht, ..." continues the party of the sentence before.
		if i > 0 && af.pronounSubject(toks) && (in.actors[i] == Nobody || af.pronounFirst(toks)) {
			in.actors[i] = in.actors[i-1]
			// "(4) Er unterstützt …" after a sentence without a party: the
			// last party named as a subject in the same section.
			for k := i - 1; in.actors[i] == Nobody && k >= 0 && k >= i-4 && !sents[k].Heading; k-- {
				in.actors[i] = in.actors[k]
			}
		}
	}
	// A lead-in that ends with the party its items go on with ("…,
	// provided that Processor:", "The data importer agrees and
	// warrants:") gives them that party, whoever opens it ("Controller
	// generally authorizes … provided that Processor:").
	for i := range sents {
		if l := sents[i].LeadIn; l >= 0 && (i == 0 || sents[i-1].LeadIn != l) {
			if p := af.closingParty(in.Index.AppendTokens(toks[:0], l), text[sents[l].Start:sents[l].End]); p != Nobody && p != in.actors[l] {
				if in.leadParty == nil {
					in.leadParty = map[int]Party{}
				}
				in.leadParty[l] = p
			}
		}
	}
	// "Can we audit you? Yes: once a year …": a question that asks the
	// vendor for leave is the customer's, and so is the elliptical answer
	// that takes it as its lead-in (Actor).
	// "Will you use our data …? Only where …": a question about the
	// vendor's own conduct names the vendor "you".
	for i := 0; i+1 < len(sents); i++ {
		if sents[i+1].LeadIn != i {
			continue
		}
		switch q := text[sents[i].Start:sents[i].End]; {
		case asks(q, lexicon.AskingPermission()):
			in.actors[i] = Controller
		case asks(q, lexicon.AskingVendor()):
			in.actors[i] = Processor
		}
	}
	return in
}

// asksPermission reports whether s is a question in which the reader of
// a FAQ asks the vendor for leave: "Can we audit you?", "Q: May we …?",
// "Dürfen wir euch prüfen?" (lexicon: asking_permission).
func asksPermission(s string) bool { return asks(s, lexicon.AskingPermission()) }

// questionLabels are the labels of a FAQ's question with their colon
// ("Q:", "Frage:"; lexicon: question_labels).
var questionLabels = suffixed(lexicon.List("question_labels"), ":")

// asks reports whether s is a question that opens, after a "Q:"/"Frage:"
// label, with one of the openings; "*" in an opening stands for any one
// word.
func asks(s string, openings []string) bool {
	// The question mark first: no other rune lowers to "?", so only a
	// question is lowered.
	s = strings.TrimSpace(s)
	if !strings.HasSuffix(s, "?") {
		return false
	}
	s = strings.ToLower(s)
	for _, l := range questionLabels {
		if rest, ok := strings.CutPrefix(s, l); ok {
			s = strings.TrimSpace(rest)
			break
		}
	}
	for _, o := range openings {
		if rest, ok := strings.CutPrefix(o, "* "); ok {
			i := strings.IndexByte(s, ' ')
			if i <= 0 || !strings.HasPrefix(s[i+1:], rest+" ") {
				continue
			}
			return true
		}
		if strings.HasPrefix(s, o+" ") {
			return true
		}
	}
	return false
}

// Actor returns the acting party of sentence i.
func (in *Input) Actor(i int) Party {
	p := in.actors[i]
	// A list item continues its lead-in ("The processor shall:"): unless
	// it opens with a party of its own, party words inside it are objects
	// or subjects of subordinate clauses ("notify the controller", "any
	// notifications that the controller is required to make").
	if l := in.Sentences[i].LeadIn; l >= 0 && (p == Nobody || !in.opens[i] && !in.question(l)) {
		if lp, ok := in.leadParty[l]; ok {
			return lp
		}
		return in.actors[l]
	}
	return p
}

// question reports whether sentence i is a question ("Was passiert mit
// meinen Daten?"): an answer after it is a sentence of its own, whose
// party words are its subjects, not objects of the question.
func (in *Input) question(i int) bool {
	s := in.Sentences[i]
	return strings.HasSuffix(strings.TrimSpace(in.Doc.Text[s.Start:s.End]), "?")
}

// Check returns one verdict per catalog requirement, in catalog order.
func (ch *Checker) Check(in *Input) []model.Verdict {
	out := make([]model.Verdict, 0, len(ch.cat.Requirements))
	for _, r := range ch.cat.Requirements {
		out = append(out, ch.verdict(in, r))
	}
	in.releaseLines()
	in.releaseSets()
	return out
}

// releaseSets drops the sets the rules were decided with: fact
// extraction and findings, which run next, ask the index for terms, not
// for groups or topics. A large document's sets are garbage then, while
// those of a small one, carved from the index's buffers, stay until the
// index is released; Matches would build them again if asked.
func (in *Input) releaseSets() {
	in.groups, in.topics, in.scopes, in.own, in.seen, in.cite = nil, nil, nil, nil, nil, nil
	in.Index.ForgetTerms()
}

// Matches returns the sentences a rule matches.
func (ch *Checker) Matches(in *Input, rule *catalog.Rule) []int {
	cr := ch.rules[rule]
	if cr == nil || (rule.Lang != "" && rule.Lang != in.Lang) {
		return nil
	}
	// own: sentences matching every group by themselves; ctx: sentences
	// matching every group together with their lead-in, at least one group
	// by themselves.
	if in.own == nil {
		in.own, in.seen = in.Index.NewBits(), in.Index.NewBits()
	}
	own := in.own
	for i := range own {
		own[i] = ^uint64(0)
	}
	// A sentence matches each group by itself or by its lead-in: when
	// one group matches no sentence, none does; nor when the groups seen
	// so far have no sentence in common and leave no list item that
	// matches them with its lead-in. Groups known already are looked at
	// first, then the cheapest, so that the others are often not needed
	// at all.
	alive := in.alive[:0] // list items matching the groups seen so far
	if !rule.NoLeadIn {
		alive = append(alive, in.listItems...)
	}
	defer func() { in.alive = alive[:0] }()
	narrow := func(g match.Bits) bool {
		own.And(g)
		n := 0
		for _, i := range alive {
			if g.Has(i) || g.Has(in.Sentences[i].LeadIn) {
				alive[n] = i
				n++
			}
		}
		alive = alive[:n]
		return n > 0 || !own.Empty()
	}
	var groupStack [8]match.Bits // rules have few groups: no allocation
	groups := groupStack[:0]
	if len(cr.all) > len(groupStack) {
		groups = make([]match.Bits, 0, len(cr.all))
	}
	groups = groups[:len(cr.all)]
	for _, k := range cr.order {
		if in.groups != nil && in.groups[cr.all[k]] != nil {
			if groups[k] = ch.group(in, cr.all[k]); groups[k].Empty() || !narrow(groups[k]) {
				return nil
			}
		}
	}
	narrowed := false
	for _, k := range cr.order {
		if groups[k] != nil {
			narrowed = true
			continue
		}
		gi := cr.all[k]
		if narrowed && ch.costs[gi] >= regexCost && (in.groups == nil || in.groups[gi] == nil) {
			// An expression's group, once the groups before it left few
			// sentences: decided for those (and the lead-ins of the list
			// items) alone. The set is right for every sentence that
			// can still match; it is not kept for other rules.
			if part, ok := ch.partialGroup(in, gi, own, alive); ok {
				if groups[k] = part; !narrow(part) {
					return nil
				}
				continue
			}
		}
		if groups[k] = ch.group(in, gi); groups[k].Empty() || !narrow(groups[k]) {
			return nil
		}
		narrowed = true
	}
	var topicStack [4]match.Bits
	topics := topicStack[:0]
	if len(cr.topic) > len(topicStack) {
		topics = make([]match.Bits, 0, len(cr.topic))
	}
	topics = topics[:len(cr.topic)]
	for k, gi := range cr.topic {
		// A section's opening paragraph sets the subject of the clauses
		// after it, not of the entries of a description (entry rules) or
		// of a rule made of topic groups alone.
		if topics[k] = ch.topicBits(in, gi, !rule.Entry && len(cr.all) > 0); topics[k].Empty() {
			return nil
		}
		own.And(topics[k])
	}
	var hits []int
	var noneTopic match.Bits
	if cr.noneTopic >= 0 {
		noneTopic = ch.topicBits(in, cr.noneTopic, false)
	}
	seen := in.seen
	clear(seen)
	accept := func(i int) {
		if seen.Has(i) || in.Sentences[i].Heading || in.Sentences[i].Open || noneTopic.Has(i) {
			return
		}
		seen.Set(i)
		if !cr.definition && in.defines != nil && in.defines[i] != 0 && (in.defines[i] == defAll || !cr.describes) {
			return // a definition names a topic, it stipulates nothing
		}
		// The sentence's actor is tested before the exclusions, which may
		// cost an expression's run; where the clauses of "…; …" decide
		// (clause.go), they are tested last.
		multi := ch.clauseMulti(in, cr, i)
		if !multi && !in.actorFits(rule.Actor, i) {
			return
		}
		for _, t := range cr.none {
			if in.Index.TermAt(t, i) {
				return
			}
		}
		if multi {
			if ok, _ := ch.clauseFits(in, rule, cr, i); !ok {
				return
			}
		}
		hits = append(hits, i)
	}
	own.Each(accept)
	if !rule.NoLeadIn {
		for _, i := range in.listItems {
			s := in.Sentences[i]
			if seen.Has(i) {
				continue
			}
			ok, self := true, false
			for _, gb := range groups {
				if gb.Has(i) {
					self = true
				} else if !gb.Has(s.LeadIn) {
					ok = false
					break
				}
			}
			for _, tb := range topics {
				ok = ok && tb.Has(i)
			}
			if ok && (self || len(groups) == 0) {
				accept(i)
			}
		}
	}
	sort.Ints(hits)
	return hits
}

// maxPartial is the number of sentences up to which partialGroup decides
// a group sentence by sentence.
const maxPartial = 6

// partialGroup returns the sentences among own, alive and the lead-ins of
// alive that hold a term of group gi, each term looked up in those
// sentences only when it is an expression not run yet (match.Index.TermAt).
// ok is false when they are more than maxPartial.
func (ch *Checker) partialGroup(in *Input, gi int, own match.Bits, alive []int) (match.Bits, bool) {
	n := 2 * len(alive)
	if n > maxPartial {
		return nil, false
	}
	own.Each(func(int) { n++ })
	if n > maxPartial {
		return nil, false
	}
	part := in.Index.NewBits()
	test := func(i int) {
		if part.Has(i) {
			return
		}
		for _, t := range ch.groups[gi] {
			if in.Index.TermAt(t, i) {
				part.Set(i)
				return
			}
		}
	}
	own.Each(test)
	for _, i := range alive {
		test(i)
		test(in.Sentences[i].LeadIn)
	}
	return part, true
}

// matchesAt reports whether the rule matches sentence i, that is whether
// Matches(in, rule) holds i, deciding it for that sentence (and its
// lead-in) alone: the terms of groups not known yet are looked up in those
// sentences only (match.Index.TermHas).
func (ch *Checker) matchesAt(in *Input, rule *catalog.Rule, i int) bool {
	cr := ch.rules[rule]
	if cr == nil || (rule.Lang != "" && rule.Lang != in.Lang) {
		return false
	}
	s := in.Sentences[i]
	if s.Heading || s.Open {
		return false
	}
	// The tests that cost no look-up first: the conditions are all
	// required, and the groups' terms may cost an expression's run.
	if !cr.definition && in.defines != nil && in.defines[i] != 0 && (in.defines[i] == defAll || !cr.describes) {
		return false
	}
	multi := ch.clauseMulti(in, cr, i)
	if !multi && !in.actorFits(rule.Actor, i) {
		return false
	}
	own := true
	for _, gi := range cr.all {
		if !ch.groupHas(in, gi, i) {
			own = false
			break
		}
	}
	if !own {
		// A list item: every group in it or in its lead-in, one at
		// least in the item itself.
		if rule.NoLeadIn || s.LeadIn < 0 {
			return false
		}
		self := false
		for _, gi := range cr.all {
			if ch.groupHas(in, gi, i) {
				self = true
			} else if !ch.groupHas(in, gi, s.LeadIn) {
				return false
			}
		}
		if !self {
			return false
		}
	}
	for _, gi := range cr.topic {
		if !ch.topicBits(in, gi, !rule.Entry && len(cr.all) > 0).Has(i) {
			return false
		}
	}
	if cr.noneTopic >= 0 && ch.topicBits(in, cr.noneTopic, false).Has(i) {
		return false
	}
	for _, t := range cr.none {
		if in.Index.TermHas(t, i) {
			return false
		}
	}
	if multi {
		ok, _ := ch.clauseFits(in, rule, cr, i)
		return ok
	}
	return true
}

// groupHas reports whether sentence i holds a term of the checker's group
// gi. A group of words and phrases is found in the whole document and
// kept: the ranker asks about it for one cited sentence after another,
// and its terms cost a look-up each. A group holding an expression is
// looked up in sentence i only, unless its sentences are known.
func (ch *Checker) groupHas(in *Input, gi, i int) bool {
	if in.groups != nil && in.groups[gi] != nil {
		return in.groups[gi].Has(i)
	}
	if ch.costs[gi] < regexCost {
		return ch.group(in, gi).Has(i)
	}
	for _, t := range ch.groups[gi] {
		if in.Index.TermHas(t, i) {
			return true
		}
	}
	return false
}

// actorFits reports whether sentence i fits a rule's actor. The
// controller's right to require the processor to act is also the
// processor's duty ("Customer may require Acme to delete …"), so such a
// sentence fits the processor's rules as well as the controller's.
func (in *Input) actorFits(want string, i int) bool {
	got := in.Actor(i)
	if actorFits(want, got) {
		return true
	}
	if in.required != nil && got == Controller && in.required[i] && in.Sentences[i].LeadIn < 0 {
		return actorFits(want, Processor)
	}
	return false
}

func actorFits(want string, got Party) bool {
	switch want {
	case "any":
		return true
	case "processor":
		return got == Processor
	case "controller":
		return got == Controller
	case "not-processor":
		return got != Processor
	default:
		return got != Controller
	}
}

// rank orders statuses by precedence: a met rule beats a not-applicable
// one, which beats a partial one.
var rank = map[catalog.Status]int{catalog.Met: 3, catalog.NotApplicable: 2, catalog.Partial: 1}

func (ch *Checker) verdict(in *Input, r *catalog.Requirement) model.Verdict {
	v := model.Verdict{ID: r.ID, Level: string(r.Level), Article: r.Article, Title: r.Title.In(in.Lang), Status: string(catalog.Missing), Evidence: []model.Evidence{}}
	best := 0
	var sents []int
	var names []string
	// The ranker's maps are the input's, emptied for each requirement.
	if in.rankHits == nil {
		in.rankHits, in.rankScore, in.rankQuotes = map[*catalog.Rule][]int{}, map[int]int{}, map[int]int{}
	} else {
		clear(in.rankHits)
		clear(in.rankScore)
		clear(in.rankQuotes)
	}
	rk := &ranker{ch: ch, in: in, req: r, hits: in.rankHits, score: in.rankScore, quotes: in.rankQuotes}
	consider := func(st catalog.Status, hits []int, name string) {
		if len(hits) == 0 {
			return
		}
		switch {
		case rank[st] > best:
			best = rank[st]
			v.Status = string(st)
			sents = append([]int{}, hits...)
			names = []string{name}
		case rank[st] == best:
			sents = append(sents, hits...)
			names = append(names, name)
		}
	}
	// Fallback rules are matched only when asked (ranker.ruleHits): most
	// cannot raise the status the main rules decided.
	var fallbacks, cites, nets []*catalog.Rule
	for _, rule := range r.Rules {
		if rule.Net {
			nets = append(nets, rule)
			continue
		}
		if rule.Cite {
			cites = append(cites, rule)
			continue
		}
		if rule.Fallback {
			if rule.Status != catalog.Part {
				fallbacks = append(fallbacks, rule)
			}
			continue
		}
		hits := rk.ruleHits(rule)
		if rule.Status == catalog.Part {
			continue
		}
		consider(rule.Status, hits, rule.Name)
	}
	// A fallback rule counts only where it raises the status: its
	// sentences are not cited beside the main rules' sentences.
	for _, rule := range fallbacks {
		if rank[rule.Status] <= best {
			continue
		}
		if hits := rk.ruleHits(rule); len(hits) > 0 {
			consider(rule.Status, hits, rule.Name)
			rk.byFallback = true
		}
	}
	for _, cb := range r.Combos {
		// A combo of fallback rules counts, like a fallback rule, only
		// where it raises the status.
		if rank[cb.Status] <= best && fallbackCombo(r, cb) {
			continue
		}
		var all []int
		ok := true
		for _, n := range cb.Rules {
			hits := rk.namedHits(n)
			if len(hits) == 0 {
				ok = false
				break
			}
			all = append(all, rk.best(hits))
		}
		for _, n := range cb.Unless {
			if ok && len(rk.namedHits(n)) > 0 {
				ok = false
			}
		}
		if ok {
			consider(cb.Status, all, "combo:"+strings.Join(cb.Rules, "+"))
		}
	}
	// The safety net is read only where nothing else matched: a contract
	// that speaks of the duty in words no rule confirms gets an uncertain
	// "partial" instead of "missing".
	if best == 0 {
		for _, rule := range nets {
			if hits := rk.ruleHits(rule); len(hits) > 0 {
				consider(rule.Status, hits, rule.Name)
				rk.byNet = true
				v.Uncertain = true
			}
		}
	}
	// Citation rules add their sentences to a verdict the other rules
	// decided, at a status no higher than their own.
	if best == rank[catalog.Met] || best == rank[catalog.Partial] {
		for _, rule := range cites {
			if rank[rule.Status] >= best {
				sents = append(sents, rk.ruleHits(rule)...)
			}
		}
	}
	// The sentence that does the job is cited first (evidence.go).
	rk.status = catalog.Status(v.Status)
	clear(rk.score) // combos ranked before the final status was known
	sents = rk.order(sents)
	sents = rk.entryFirst(sents)
	if traceEvidence != nil {
		traceEvidence(rk, sents)
	}
	if len(sents) > MaxEvidence {
		sents = sents[:MaxEvidence]
	}
	for _, i := range sents {
		v.Evidence = append(v.Evidence, rk.evidence(i))
	}
	v.Rules = uniqueStrings(names)
	return v
}

// traceEvidence, set only by tests (evdump_test.go), sees every verdict's
// ranked candidates before they are cut to MaxEvidence.
var traceEvidence func(rk *ranker, sents []int)

// Evidence cites sentence i of the input with its section label; other
// packages (findings) use it so that every citation comes from the source
// map, never from searching the text again.
func (in *Input) Evidence(i int) model.Evidence { return evidence(in, i) }

// evidence cites sentence i, with the lead-in sentence's section label.
func evidence(in *Input, i int) model.Evidence {
	s := in.Sentences[i]
	return evidenceFrom(in, i, citeStart(in.Doc.Text, s.Start, s.End))
}

// evidenceFrom cites sentence i from offset start on.
func evidenceFrom(in *Input, i, start int) model.Evidence {
	s := in.Sentences[i]
	b := in.Doc.Blocks[s.Block]
	sec := b.Section
	if b.Label != "" && !strings.HasPrefix(sec, b.Label) {
		if sec != "" {
			sec += " › " + b.Label
		} else {
			sec = b.Label
		}
	}
	if b.Annex != "" && !strings.Contains(sec, b.Annex) {
		sec = b.Annex + " › " + sec
	}
	return model.Evidence{Text: in.Doc.Text[start:s.End], Start: start, End: s.End, Section: sec, Page: in.Doc.PageAt(start)}
}

func uniqueSorted(xs []int) []int {
	sort.Ints(xs)
	out := xs[:0]
	for i, x := range xs {
		if i == 0 || x != xs[i-1] {
			out = append(out, x)
		}
	}
	return out
}

func uniqueStrings(xs []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, x := range xs {
		if x != "" && !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}

// fallbackCombo reports whether every rule of the combo is a fallback
// rule of requirement r.
func fallbackCombo(r *catalog.Requirement, cb catalog.Combo) bool {
	for _, n := range cb.Rules {
		found := false
		for _, rule := range r.Rules {
			if rule.Name == n {
				if !rule.Fallback {
					return false
				}
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return len(cb.Rules) > 0
}
