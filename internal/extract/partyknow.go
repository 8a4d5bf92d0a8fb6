package extract

import (
	_ "embed"
	"fmt"
	"regexp"
	"sort"
	"strings"

	"github.com/art28/art28/internal/lexicon"
	"github.com/art28/art28/internal/prefilter"
)

//go:embed data/parties.yaml
var partiesYAML []byte

// partyFile is the layout of data/parties.yaml.
type partyFile struct {
	Roles             map[string][]string `yaml:"roles"`
	RoleAbbreviations map[string][]string `yaml:"role_abbreviations"`
	Generic           []string            `yaml:"generic"`
	ForHeads          []string            `yaml:"for_heads"`
	RoleAfterDef      []string            `yaml:"role_after_definition"`
	RoleAfterVerbs    []string            `yaml:"role_after_definition_verbs"`
	ConsentVerbs      []string            `yaml:"consent_verbs"`
	TermCopulas       []string            `yaml:"term_copulas"`
	Addressee         []string            `yaml:"addressee"`
	ConsentObjects    []string            `yaml:"consent_objects"`
	OrganisationWords []string            `yaml:"organisation_words"`
	Articles          []string            `yaml:"articles"`
	Connectors        []string            `yaml:"connectors"`
	DocumentHeads     []documentHead      `yaml:"document_heads"`
	Accession         []accessionCue      `yaml:"accession"`
	DefinitionOpeners []string            `yaml:"definition_openers"`
	DefinitionClosers []string            `yaml:"definition_closers"`
	Collective        []string            `yaml:"collective"`
	NameLabels        []string            `yaml:"name_labels"`
	OtherLabels       []string            `yaml:"other_labels"`
	AddressLabels     []string            `yaml:"address_labels"`
	PartyTableHeads   []string            `yaml:"party_table_heads"`
	PartyLabels       []string            `yaml:"party_labels"`
	CutMarkers        []string            `yaml:"cut_markers"`
	OwnerMarkers      []string            `yaml:"owner_markers"`
	SoleTraderNotes   []string            `yaml:"sole_trader_notes"`
	BrandMarkers      []string            `yaml:"brand_markers"`
	BrandOfMarkers    []string            `yaml:"brand_of_markers"`
	References        []string            `yaml:"references"`
	ReferencesLower   []string            `yaml:"references_lower_case"`
	Placeholders      []string            `yaml:"placeholders"`
	TitleWords        []string            `yaml:"title_words"`
	TitleHeads        []string            `yaml:"title_heads"`
	TemplateWords     []string            `yaml:"template_words"`
	FragmentStarts    []string            `yaml:"fragment_starts"`
	Self              []string            `yaml:"self"`
	InstructionOwner  []string            `yaml:"instruction_owner"`
	BehalfCues        []string            `yaml:"behalf_cues"`
	Letter            letterFile          `yaml:"letter"`
	AddresseeHeads    []string            `yaml:"addressee_heads"`
	VoiceLabels       voiceLabelFile      `yaml:"voice_labels"`
	OwnVoice          ownVoiceFile        `yaml:"own_voice"`
	PartyAnnexTitles  []string            `yaml:"party_annex_titles"`
	AnnexWords        []string            `yaml:"annex_words"`
	SubAnnexWords     []string            `yaml:"sub_annex_words"`
	SignatoryLabels   []string            `yaml:"signatory_labels"`
	PronounVerbs      []string            `yaml:"pronoun_verbs"`
	Pronouns          []string            `yaml:"pronouns"`
	NotInNames        []string            `yaml:"not_in_names"`
	GenitiveInNames   []string            `yaml:"genitive_in_names"`
	GenitiveRelations []string            `yaml:"genitive_relations"`
	NonNames          []string            `yaml:"non_names"`
	Salutations       []string            `yaml:"salutations"`
	DegreeParts       []string            `yaml:"degree_parts"`
	NameJoiners       []string            `yaml:"name_joiners"`
	PlaceWords        []string            `yaml:"place_words"`
	LegalForms        []string            `yaml:"legal_forms"`
	KeyForms          map[string][]string `yaml:"key_forms"`
	InlineFields      map[string][]string `yaml:"inline_fields"`
	StreetTypes       []string            `yaml:"street_types"`
	StreetLeads       []string            `yaml:"street_leads"`
	AuthorityHeads    []string            `yaml:"authority_heads"`
	BodyHeads         []string            `yaml:"body_heads"`
}

// partyKnowledge is the compiled party knowledge.
type partyKnowledge struct {
	role           map[string]string // lower-case role word -> processor/controller
	abbrev         map[string]string // "AN", "AG": a role's abbreviation as written -> processor/controller
	instrCue       []string          // "weisung des": lower-case phrases before the party giving instructions
	instrOwn       []string          // "'s instructions": lower-case phrases after it
	naming         []string          // "nennen wir": lower-case words naming a party by a quoted short name after it
	namingScan     *wordScan         // finds naming
	behalf         []string          // "im auftrag des": the instruction cues that also say a third firm's work is done for a party
	letter         letterFile        // a letter's openings and voice cues, lower case
	generic        map[string]bool
	forHead        map[string]bool // "zentrum", "centre": heads of a name "X für/for <field> <name>"
	roleAfterDef   []string        // "acting as", "als": a role after a definition's brackets
	consentVerbs   []string        // "stimmt", "accepts": a closing consent line's verb
	termCopula     map[string]bool // "ist", "means": a quoted term's copula before the party it names
	addresseeHead  map[string]bool // "ihnen", "you": the addressee's pronoun after "zwischen"/"between" and before a comma
	consentObj     map[string]bool // "vereinbarung", "terms": what a closing consent line consents to
	roleAfterVerbs []string        // "processes", "verarbeitet": a verb before role_after_definition
	orgWord        map[string]bool // "trust", "verein": a word that makes a name an organisation's
	authority      []string        // word endings of a public body's head word ("landesamt", "ministerium")
	bodyHeads      []string        // "gemeinde", "landkreis": the kinds that open a local public body's name
	accession      []accessionCue  // "tritt … als Verantwortlicher bei": a company joining the contract
	article        map[string]bool
	title          map[string]bool
	nameLabel      map[string]bool
	otherLbl       map[string]bool
	addrLbl        map[string]bool // the other labels whose value is an address
	tableHead      map[string]bool // "Rolle": the first head cell of a party table
	partyLbl       map[string]bool // "甲方": a party's label by its place ("Party A")
	collect        map[string]bool
	fragStart      map[string]bool
	self           map[string]bool
	addressee      map[string]bool
	voiceLbl       map[string]string // "wir" → "self", "ihr" → "addressee": a voice's label line
	annexTtl       map[string]bool   // "list of parties": an annex that lists the parties
	annexWord      []string          // "annex", "anlage": words that open an annex's title
	subAnnex       []string          // "sub-processor": an annex title's words that list sub-processors
	signatory      map[string]bool   // "by", "signature": the labels of an execution block's signatory lines
	ownVoice       ownVoiceFile      // the cues of a text in a party's own voice, lower case
	annexFirst     string            // the first letters of the annex words
	pronoun        map[string]bool
	notInName      map[string]bool
	genitive       map[string]bool // genitive articles inside a body's name ("der", "des")
	genRel         map[string]bool // nouns of a relation before a genitive ("Tochtergesellschaft der …")
	nonName        map[string]bool
	titleHead      map[string]bool // "agreement", "vertrag": a title's last word
	salute         map[string]bool
	degree         map[string]bool // "med.", "rer.": lower-case parts of a degree
	joiner         map[string]bool // "&", "von": lower-case words inside a name
	place          map[string]bool // "am", "zum": a place in a name
	template       map[string]bool
	streetTyp      map[string]bool // "straße", "weg": a street's type word
	streetLed      map[string]bool // "am", "unter": a word opening a street

	roleRe      *wordAlt          // a role word, whole word, case-insensitive
	connectorRe *prefilter.Regexp // connectors at the start of a phrase
	openerRe    *prefilter.Regexp // definition openers at the start
	closerRe    *prefilter.Regexp // definition closers at the end
	cutRe       *prefilter.Regexp // the first cut marker
	pronDefRe   *prefilter.Regexp // quoted pronouns and the verb of their definition
	pronDefAt   *regexp.Regexp    // pronDefRe anchored at the start of its input
	ownerRe     *prefilter.Regexp // owner marker
	soleRe      *prefilter.Regexp // "(Einzelunternehmen)"
	brandRe     *prefilter.Regexp // brand marker
	brandOfRe   *prefilter.Regexp // "eine Marke der": brand before, legal person after
	refRe       *prefilter.Regexp // reference elsewhere
	phRe        *prefilter.Regexp // template placeholder phrase
	ph          *phraseSet        // phRe as a literal search
	legalRe     *wordAlt          // legal form at a word end (lexicon and party forms)
	keyForms    []keyForm
	// fieldRe are the labels of a joined party block's fields by the
	// value they take (inline_fields): "text", "number", "register",
	// "contact"; each matches at the start of a string.
	fieldRe map[string]func() *regexp.Regexp
	// fieldHead holds the first two lower-case bytes of every field
	// label: words that start otherwise are no label.
	fieldHead map[string]bool
}

type keyForm struct {
	re        *regexp.Regexp
	canonical string
}

// voiceLabelFile is parties.yaml voice_labels: the labels of the text's
// own voice and of the party it speaks to.
type voiceLabelFile struct {
	Self      []string `yaml:"self"`
	Addressee []string `yaml:"addressee"`
}

// compileParties compiles the decoded data/parties.yaml together with the
// legal forms of the lexicon; it leaves f unchanged.
func compileParties(f *partyFile, lexiconForms []string) (*partyKnowledge, error) {
	if len(f.Roles["processor"]) == 0 || len(f.Roles["controller"]) == 0 {
		return nil, fmt.Errorf("extract: parties.yaml: roles need processor and controller words")
	}
	set := func(ws []string) map[string]bool {
		m := map[string]bool{}
		for _, w := range ws {
			m[strings.ToLower(w)] = true
		}
		return m
	}
	pk := &partyKnowledge{role: map[string]string{}, generic: set(f.Generic), article: set(f.Articles), title: set(f.TitleWords), titleHead: set(f.TitleHeads),
		nameLabel: set(f.NameLabels), otherLbl: set(f.OtherLabels), addrLbl: set(f.AddressLabels), tableHead: set(f.PartyTableHeads), partyLbl: set(f.PartyLabels), collect: set(f.Collective), fragStart: set(f.FragmentStarts), self: set(f.Self), addressee: set(f.Addressee), pronoun: set(f.Pronouns), notInName: set(f.NotInNames), genitive: set(f.GenitiveInNames), genRel: set(f.GenitiveRelations), nonName: set(f.NonNames), salute: set(f.Salutations), degree: set(f.DegreeParts), joiner: set(f.NameJoiners), place: set(f.PlaceWords), template: set(f.TemplateWords),
		streetTyp: set(f.StreetTypes), streetLed: set(f.StreetLeads), fieldRe: map[string]func() *regexp.Regexp{}, fieldHead: map[string]bool{}}
	pk.authority = lowerAll(f.AuthorityHeads)
	pk.bodyHeads = lowerAll(f.BodyHeads)
	pk.forHead = set(f.ForHeads)
	pk.roleAfterDef = altWords(lowerAll(f.RoleAfterDef))
	pk.roleAfterVerbs = altWords(lowerAll(f.RoleAfterVerbs))
	pk.consentVerbs = lowerAll(f.ConsentVerbs)
	pk.termCopula = set(f.TermCopulas)
	pk.addresseeHead = set(lowerAll(f.AddresseeHeads))
	pk.consentObj = set(f.ConsentObjects)
	pk.orgWord = set(f.OrganisationWords)
	for _, c := range f.Accession {
		if c.Verb == "" || c.As == "" {
			return nil, fmt.Errorf("extract: parties.yaml: accession needs verb and as")
		}
		pk.accession = append(pk.accession, accessionCue{Verb: strings.ToLower(c.Verb), As: strings.ToLower(c.As), End: strings.ToLower(c.End),
			Leads: lowerAll(c.Leads), NotInRole: lowerAll(c.NotInRole)})
	}
	pk.annexTtl, pk.annexWord, pk.subAnnex = set(f.PartyAnnexTitles), lowerAll(f.AnnexWords), lowerAll(f.SubAnnexWords)
	pk.signatory = set(f.SignatoryLabels)
	pk.ownVoice = ownVoiceFile{Processes: lowerAll(f.OwnVoice.Processes), Instructs: lowerAll(f.OwnVoice.Instructs),
		WeAre: lowerAll(f.OwnVoice.WeAre), Greetings: lowerAll(f.OwnVoice.Greetings),
		Imprint: lowerAll(f.OwnVoice.Imprint), Register: lowerAll(f.OwnVoice.Register), MadeFor: lowerAll(f.OwnVoice.MadeFor),
		NotAppos: lowerAll(f.OwnVoice.NotAppos)}
	for _, w := range pk.annexWord {
		if w != "" && !strings.ContainsRune(pk.annexFirst, rune(w[0])) {
			pk.annexFirst += w[:1]
		}
	}
	pk.voiceLbl = map[string]string{}
	for _, w := range f.VoiceLabels.Self {
		pk.voiceLbl[strings.ToLower(w)] = "self"
	}
	for _, w := range f.VoiceLabels.Addressee {
		pk.voiceLbl[strings.ToLower(w)] = "addressee"
	}
	pk.instrCue, pk.instrOwn = lexicon.InstructionCues(), lowerAll(f.InstructionOwner)
	for _, a := range lexicon.InstructionAfter() {
		pk.instrOwn = append(pk.instrOwn, " "+a)
	}
	pk.naming = lexicon.NamingVerbs()
	pk.namingScan = newWordScan(pk.naming)
	pk.behalf = lowerAll(f.BehalfCues)
	pk.letter = letterFile{Openings: lowerAll(f.Letter.Openings), AddresseeLeads: lowerAll(f.Letter.AddresseeLeads),
		SenderProcesses: lowerAll(f.Letter.SenderProcesses), SenderInstructs: lowerAll(f.Letter.SenderInstructs), Subject: lowerAll(f.Letter.Subject)}
	pk.abbrev = map[string]string{}
	for r, ws := range f.RoleAbbreviations {
		if r != "processor" && r != "controller" {
			return nil, fmt.Errorf("extract: parties.yaml: role_abbreviations of unknown role %q", r)
		}
		for _, w := range ws {
			pk.abbrev[w] = r
		}
	}
	var roles []string
	for r, ws := range f.Roles {
		for _, w := range ws {
			pk.role[strings.ToLower(w)] = r
			roles = append(roles, w)
		}
	}
	words := func(ws []string) string { return `(?:` + alternation(lowerAll(ws)) + `)` }
	pk.roleRe = newWordAlt(mustParty(`(?i)(?:^|[^\p{L}\-])(`+words(roles)+`)(?:$|[^\p{L}])`), altWords(lowerAll(roles)), true, roleLead, roleTrail)
	// A head without "zwischen" may name the document by words of its
	// own ("Vertragsparteien dieser Zusatzvereinbarung sind", "Parteien
	// der Anlage DS sind"): document_heads in parties.yaml.
	heads, err := documentHeadsRe(f.DocumentHeads)
	if err != nil {
		return nil, err
	}
	pk.connectorRe = mustParty(`(?i)^(?:(?:` + alternation(lowerAll(f.Connectors)) + heads + `)[:,]?(?:\s+|$)|[,;:\-–—•·*]\s*)+`)
	pk.openerRe = mustParty(`(?i)^(?:(?:` + alternation(lowerAll(f.DefinitionOpeners)) + `)(?:[\s:,]+|$))+`)
	pk.closerRe = mustParty(`(?i)(?:\s+(?:` + alternation(lowerAll(f.DefinitionClosers)) + `))+\s*$`)
	pk.cutRe = mustParty(`(?i)(?:^|[\s,;(])(?:` + alternation(lowerAll(f.CutMarkers)) + `)(?:$|[\s:,.])`)
	prons := lowerAll(append(append(append([]string{}, f.Self...), f.Addressee...), f.Pronouns...))
	q := `[„"“”‚'‘’]`
	pk.pronDefRe = mustParty(`(?i)` + q + `(` + alternation(prons) + `)` + q + `(?:\s*(?:,|and|und|or|oder|bzw\.?)\s*` + q + `(?:` + alternation(prons) + `|(?-i:\p{Lu}[\p{L}\-]+))` + q + `)*\s*,?\s+(?:` + alternation(lowerAll(f.PronounVerbs)) + `)\s+`)
	pk.pronDefAt = regexp.MustCompile(`^(?:` + pk.pronDefRe.String() + `)`)
	pk.ownerRe = mustParty(`(?i)(?:^|[\s,;(–—\-])(?:` + alternation(lowerAll(f.OwnerMarkers)) + `)(?:$|[\s:,])`)
	pk.soleRe = mustParty(`(?i)\(\s*(?:` + alternation(lowerAll(f.SoleTraderNotes)) + `)\s*\)`)
	pk.brandRe = mustParty(`(?i)(?:^|[\s,;(])(?:` + alternation(lowerAll(f.BrandMarkers)) + `)(?:$|[\s:,„“"'])`)
	pk.brandOfRe = mustParty(`(?i)(?:^|[\s,;(–—\-])(?:` + alternation(lowerAll(f.BrandOfMarkers)) + `)(?:$|\s)`)
	pk.refRe = mustParty(`(?:^|[^\p{L}])(?:(?i:` + alternation(lowerAll(f.References)) + `)|` + alternation(f.ReferencesLower) + `)(?:$|[^\p{L}])`)
	pk.phRe = mustParty(`(?i)(?:` + alternation(lowerAll(f.Placeholders)) + `)`)
	pk.ph = newPhraseSet(lowerAll(f.Placeholders), pk.phRe)
	forms := append(append([]string{}, lexiconForms...), f.LegalForms...)
	pk.legalRe = newWordAlt(mustParty(`(?:^|[\s,(]|\p{L}-)(`+alternation(forms)+`)(?:$|[\s,;:)/.“”"'])`), altWords(forms), false, legalLead, legalTrail)
	pk.legalRe.hyphen = true
	// What follows a field label: a name or the end ("vertreten durch:"),
	// a number ("Tel. +49 …", "Kd-Nr. 203523"), anything but a letter
	// ("HRB 1234"), a colon ("Web:").
	follow := map[string]string{"text": `(?:$|[\s:])`, "number": `\s*[.:#]?\s*(?:nr\.?\s*)?[+(]?(?:[a-z]{2}\s?)?\d`, "register": `(?:$|[\s:.\d])`, "contact": `\s*:`}
	for kind, ws := range f.InlineFields {
		after, ok := follow[kind]
		if !ok {
			return nil, fmt.Errorf("extract: parties.yaml: inline_fields: unknown kind %q", kind)
		}
		// Compiled on first use: few documents have joined field labels.
		pk.fieldRe[kind] = lazyRegexp(`(?i)^(?:` + alternation(lowerAll(ws)) + `)` + after)
		for _, w := range lowerAll(ws) {
			pk.fieldHead[w[:min(2, len(w))]] = true
		}
	}
	var canon []string
	for c := range f.KeyForms {
		canon = append(canon, c)
	}
	sort.Strings(canon)
	for _, c := range canon {
		pk.keyForms = append(pk.keyForms, keyForm{
			re:        regexp.MustCompile(`(?i)(?:^|[\s,])(?:` + alternation(lowerAll(f.KeyForms[c])) + `)(?:$|[\s,;])`),
			canonical: c,
		})
	}
	return pk, nil
}

// mustParty compiles a pattern built from parties.yaml behind a literal
// prefilter; the words are data, so a bad one is a build-time bug that
// the tests catch.
func mustParty(expr string) *prefilter.Regexp {
	r, err := prefilter.Compile(expr)
	if err != nil {
		panic(fmt.Sprintf("extract: parties.yaml gives a bad pattern %q: %v", expr, err))
	}
	return r
}

// partyPatterns returns the compiled patterns of the party knowledge.
func (pk *partyKnowledge) partyPatterns() []*prefilter.Regexp {
	return []*prefilter.Regexp{pk.roleRe.re, pk.connectorRe, pk.openerRe, pk.closerRe, pk.cutRe, pk.pronDefRe, pk.ownerRe, pk.soleRe, pk.brandRe, pk.brandOfRe, pk.refRe,
		pk.phRe, pk.legalRe.re}
}

func lowerAll(ws []string) []string {
	out := make([]string, len(ws))
	for i, w := range ws {
		out[i] = strings.ToLower(w)
	}
	return out
}

// documentHead is one entry of document_heads in parties.yaml: a head
// without "zwischen" that names the document by words of its own
// ("Vertragsparteien dieser Zusatzvereinbarung sind"): a lead, an
// article, one to Words words naming the document, a closing verb.
type documentHead struct {
	Leads    []string `yaml:"leads"`
	Articles []string `yaml:"articles"`
	Words    int      `yaml:"words"`
	Verbs    []string `yaml:"verbs"`
}

// docHeadWord is one word of a document's own name: Latin letters,
// digits and "-./". A Unicode class such as [\p{L}\p{N}] here costs every
// process millions of instructions to parse (the connector expression is
// compiled at start).
const docHeadWord = `[0-9A-Za-zÀ-ÖØ-öø-ſ][0-9A-Za-zÀ-ÖØ-öø-ſ\-./]*`

// documentHeadsRe returns the alternatives of the document heads, each
// after a "|", for the connector expression.
func documentHeadsRe(hs []documentHead) (string, error) {
	var b strings.Builder
	for i, h := range hs {
		if len(h.Leads) == 0 || len(h.Articles) == 0 || len(h.Verbs) == 0 || h.Words < 1 {
			return "", fmt.Errorf("extract: parties.yaml: document_heads[%d] needs leads, articles, verbs and words ≥ 1", i)
		}
		b.WriteString(`|(?:` + alternation(lowerAll(h.Leads)) + `)\s+(?:` + alternation(lowerAll(h.Articles)) + `)\s+` + docHeadWord)
		if h.Words > 1 {
			fmt.Fprintf(&b, `(?:\s+%s){0,%d}`, docHeadWord, h.Words-1)
		}
		b.WriteString(`\s+(?:` + alternation(lowerAll(h.Verbs)) + `)`)
	}
	return b.String(), nil
}
