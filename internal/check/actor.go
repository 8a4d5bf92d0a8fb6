package check

import (
	"github.com/art28/art28/internal/lexicon"
	"strings"

	"github.com/art28/art28/internal/catalog"
	"github.com/art28/art28/internal/match"
)

// Party is who carries the obligation a sentence states.
type Party int8 // one byte: Prepare keeps one per sentence

// Parties.
const (
	Nobody Party = iota
	Processor
	Controller
)

// String returns the party's name.
func (p Party) String() string {
	switch p {
	case Processor:
		return "processor"
	case Controller:
		return "controller"
	default:
		return "nobody"
	}
}

// actorFinder decides the acting party of a sentence from its tokens.
type actorFinder struct {
	processor, controller map[string]bool
	// party maps the words of both sets to their party (Processor where a
	// word is in both), for a single lookup per token.
	party map[string]Party
	// partyWords rules out most tokens without a map look-up (see
	// partyOf).
	partyWords    *wordFilter
	subordinators map[string]bool
	german        bool
	// text is the document's text when it addresses its reader as "Sie"
	// or "du" (voice.go); empty otherwise.
	text string
	// formalVoice is set when the text addresses its reader as "Sie".
	formalVoice bool
	// names are the party words the document itself defines beyond the
	// catalog's generic ones: the parties' names ("acme").
	names map[string]bool
}

// companyName reports whether w is a party's own name defined by the
// document ("Acme"), not a generic party word.
func (f *actorFinder) companyName(w string) bool { return f.names[w] }

func newActorFinder(c *catalog.Catalog, lang string) *actorFinder {
	f := &actorFinder{processor: map[string]bool{}, controller: map[string]bool{}, subordinators: map[string]bool{}, german: lang == "de"}
	pw := c.Parties[lang]
	for _, w := range pw.Processor {
		f.processor[w] = true
	}
	for _, w := range pw.Controller {
		f.controller[w] = true
	}
	for _, w := range c.Subordinators[lang] {
		f.subordinators[w] = true
	}
	f.party = map[string]Party{}
	for w := range f.controller {
		f.party[w] = Controller
	}
	for w := range f.processor {
		f.party[w] = Processor
	}
	f.indexParty()
	return f
}

// indexParty builds partyWords from party.
func (f *actorFinder) indexParty() { f.partyWords = newWordFilter(f.party) }

// partyOf returns party[w]: the party word w names, or Nobody.
func (f *actorFinder) partyOf(w string) Party {
	if !f.partyWords.may(w) {
		return Nobody
	}
	return f.party[w]
}

// Words that mark a party mention as not being the subject.
var (
	enNotSubject = lexicon.Set("en_not_subject")
	deNotSubject = lexicon.Set("de_not_subject")
)

// dePrepositions take an article and a party as their object ("an die
// Einrichtung", "für die Kundin"), never the subject.
var dePrepositions = lexicon.Set("de_prepositions")

var determiners = lexicon.Set("determiners")

// enDataNouns are nouns of data a party word may modify: "Client records
// are deleted by the Processor".
var enDataNouns = lexicon.Set("en_data_nouns")

// dataCompound reports whether the English party word at i modifies a
// data noun: "Customer Data", "Customer Personal Data" anywhere; "Client
// records", "Client files" without a determiner before the party word
// and with no determiner after the noun ("The Client records its
// instructions", "Client files the request" name the party).
func dataCompound(toks []match.Token, i int) bool {
	if i+1 >= len(toks) {
		return false
	}
	n := toks[i+1].Text
	if n == "data" || n == "personal" {
		return true
	}
	if !enDataNouns[n] || toks[i+1].Comma || i > 0 && determiners[toks[i-1].Text] {
		return false
	}
	return i+2 >= len(toks) || !determiners[toks[i+2].Text] && toks[i+2].Text != "to" && toks[i+2].Text != "for"
}

// enObjectVerbs are stems of English verbs whose following party word is
// their object, not the sentence's subject: "assist Controller",
// "notify the customer", "provide Controller with". A list item that
// starts with such a verb has no subject of its own.
var enObjectVerbs = lexicon.List("en_object_verbs")

// enAssentVerbs introduce a clause whose subject carries the obligation:
// in "Controller agrees that Processor will assist", Processor acts.
var enAssentVerbs = lexicon.List("en_assent_verbs")

// enBe are forms of "to be" that make a passive: "sub-processors are
// engaged by the processor" names the processor as the actor.
var enBe = lexicon.Set("en_be")

// agentBy reports a party word at i after "by" that is not the agent of a
// passive main verb: "assistance requested by controller", "inspections
// by the controller", "an auditor mandated by the controller".
func agentBy(toks []match.Token, i int) bool {
	k := i - 1
	for k > 0 && (determiners[toks[k].Text] || toks[k].Text == "data") {
		k--
	}
	if k < 0 || toks[k].Text != "by" {
		return false
	}
	return !(k >= 2 && enBe[toks[k-2].Text])
}

func hasStem(stems []string, w string) bool {
	for _, s := range stems {
		if strings.HasPrefix(w, s) {
			return true
		}
	}
	return false
}

// find returns the acting party of a sentence: the first party word that
// stands as a subject, after skipping a leading subordinate clause ("If the
// controller requests, the processor shall ...", "Soweit der Auftraggeber
// ..., hat der Auftragnehmer ...").
func (f *actorFinder) find(toks []match.Token) Party {
	// Skip a clause number or list label: "(2) In case the controller ...,
	// the processor", "f) Soweit ...", "10.1 Soweit ...".
	first := 0
	for f.german && first < len(toks) && first < 3 && isListLabel(toks[first].Text) {
		first++
	}
	for !f.german && first < len(toks)-1 && isListLabel(toks[first].Text) {
		first++
	}
	if !f.german && thirdSubject(toks, first) {
		return Controller
	}
	start := 0
	if first < len(toks) && (f.subordinators[toks[first].Text] || f.german && f.verbFirst(toks[first:])) {
		insertion := false
		for i := first + 1; i < len(toks); i++ {
			if toks[i].Comma {
				start = i
				// The comma closing an insertion ("…, gleich aus
				// welchem Grund, …") goes on with the leading clause.
				if insertion {
					insertion = false
					continue
				}
				if f.german && toks[i].Text == "gleich" {
					insertion = true
					continue
				}
				// A coordinated second condition: "To the extent that
				// ..., and controller does not ..., we will ...".
				if !f.german && (toks[i].Text == "and" || toks[i].Text == "or") {
					continue
				}
				// A clause nested in the leading one: "Ist der
				// Auftragnehmer der Auffassung, dass eine Weisung …
				// verstößt, hat er …".
				if f.german && deNested[toks[i].Text] {
					continue
				}
				// An infinitive clause inside the leading one:
				// "Sollte der Auftragnehmer verpflichtet sein, die
				// Kundin … zu unterrichten, so …".
				if f.german && infinitiveClause(toks, i) {
					continue
				}
				break
			}
		}
	}
	// "Ist die Auftragnehmerin der Auffassung, …, hat sie die
	// Auftraggeberin … hinzuweisen": a pronoun right after the main
	// clause's verb refers to the party of the leading clause ("Hält das
	// Softwarehaus …, hat es …", a neuter party, hold20c).
	// In the passive the agent acts all the same: "Sofern der
	// Auftraggeber … zu melden hat, wird er hierbei vom Auftragnehmer
	// unterstützt" (clause round 8c).
	// Not when a masculine party in the nominative follows the pronoun,
	// which is then the object: "Muss die Verantwortliche den EDÖB
	// konsultieren, unterstützt sie der Auftragsbearbeiter dabei"
	// (round27de).
	if f.german && start > 0 && start+1 < len(toks) && (toks[start+1].Text == "sie" || toks[start+1].Text == "er" || toks[start+1].Text == "es") && !f.namedSubjectAfter(toks, start+2) {
		if p := f.scan(toks[:start], first); p != Nobody {
			if a := f.passiveAgent(toks, start, p); a != Nobody {
				return a
			}
			return p
		}
	}
	// "If the Bureau believes that an instruction …, it shall say so to
	// the Employer": a subject pronoun opening the main clause refers to
	// the party of the leading clause, not to the party named after it.
	if !f.german && start > 0 && start < len(toks) && enSubjectPronouns[toks[start].Text] {
		// Scan the leading clause without its subordinator, which
		// would mark the party after it as no subject.
		if p := f.scan(toks[first+1:start], 0); p != Nobody {
			return p
		}
	}
	// "Die Gemeinde legt fest, …", "Die Stadt beantwortet …": a public
	// body opening the sentence as its subject, where the contract does
	// not name it as a party, is the controller of what it hands out
	// (lexicon de_public_controllers, round22de). Only at the start: in
	// "Kommundata unterrichtet die Gemeinde" it is the object.
	if f.german && start == 0 && first+1 < len(toks) && toks[first].Text == "die" && dePublicControllers[toks[first+1].Text] && f.partyOf(toks[first+1].Text) == Nobody {
		return Controller
	}
	// "Der vom Auftraggeber beauftragte Prüfer verpflichtet sich, …": a
	// person the controller engages acts on the controller's side, never
	// as the processor (round22de).
	if f.german && f.mandatedBy(toks, max(start, first)) == Controller {
		return Controller
	}
	if p := f.scan(toks, start); p != Nobody {
		if q := f.assented(toks, start); q != Nobody {
			return q
		}
		if f.german {
			if a := f.passiveAgent(toks, start, p); a != Nobody {
				return a
			}
		}
		return p
	}
	// "Anfragen werden vom Auftraggeber beantwortet": the agent acts.
	if f.german {
		if a := f.passiveAgent(toks, start, Nobody); a != Nobody {
			return a
		}
	}
	if start > 0 {
		return f.scan(toks[:start], 0)
	}
	return Nobody
}

func (f *actorFinder) scan(toks []match.Token, start int) Party {
	skipped := -1  // the last party word found not to be the subject
	inner := false // inside an inner conditional clause (German)
	for i := start; i < len(toks); i++ {
		t := toks[i].Text
		if f.german && toks[i].Comma {
			// "Pflicht zur Konsultation …, wenn …, sofern der
			// Verantwortliche keine Maßnahmen trifft": the party of an
			// inner conditional clause is not the subject.
			inner = deInnerSub[t]
			// "…, es sei denn, der Auftraggeber verlangt vorher ihre
			// Rückgabe": the exception's party is not the subject
			// (round22de).
			if !inner && i >= 2 && toks[i-1].Text == "denn" && toks[i-2].Text == "sei" {
				inner = true
			}
			// "…, zum Beispiel wenn Sie uns bitten, …", "…, etwa
			// falls der Kunde …": an adverb before the subordinator.
			for k := i; !inner && k < i+3 && k+1 < len(toks) && deInnerLead[toks[k].Text] && !toks[k+1].Comma; k++ {
				inner = deInnerSub[toks[k+1].Text]
			}
		}
		p := f.partyOf(t)
		if p == Nobody && f.formalSie(toks, i) {
			p = Controller
		}
		if p == Nobody {
			continue
		}
		if inner {
			continue
		}
		if toks[i].Possessive {
			continue
		}
		// "Customer Personal Data will be processed by Acme …" opening
		// the sentence: a noun compound, not the party (inside the
		// sentence, see below).
		if !f.german && i == 0 && dataCompound(toks, i) {
			continue
		}
		if i > 0 && !toks[i].Comma {
			prev := toks[i-1].Text
			// Look past determiners and "data": "of the controller",
			// "assist the data controller".
			for k := i - 1; !f.german && k > 0 && !toks[k].Comma && (determiners[toks[k].Text] || toks[k].Text == "data"); k-- {
				prev = toks[k-1].Text
			}
			if f.german && deNotSubject[prev] || !f.german && (enNotSubject[prev] || hasStem(enObjectVerbs, prev) || agentBy(toks, i)) {
				skipped = i
				continue
			}
			// Coordinated with a party that is not the subject: "audits
			// by Controller or Controller's auditor".
			if !f.german && skipped == i-2 && (prev == "or" || prev == "and") {
				skipped = i
				continue
			}
			// "a merchant's customer", "a customer": someone's customer
			// or some customer, not the party of the contract.
			if !f.german && (toks[i-1].Possessive || toks[i-1].Text == "s" && i >= 2 && toks[i-2].Possessive || toks[i-1].Text == "a" || toks[i-1].Text == "an") {
				continue
			}
			// "ein Kunde", "eine Kundin": some customer, not the party
			// of the contract, which is always named with "der"/"die".
			if f.german && (prev == "ein" || prev == "eine") {
				continue
			}
			// "der Auftragnehmerin" is dative or genitive.
			if f.german && prev == "der" && feminine(t) {
				continue
			}
			// "…, leitet er das Ersuchen an die Einrichtung weiter": a
			// party after a preposition and its article is an object.
			if f.german && (prev == "die" || prev == "das") && i >= 2 && !toks[i-1].Comma && dePrepositions[toks[i-2].Text] {
				skipped = i
				continue
			}
			// "…, unterrichtet sie die Kanzlei unverzüglich": after a
			// subject pronoun the party is the object.
			if f.german && prev == "die" && i >= 2 && !toks[i-1].Comma && (toks[i-2].Text == "sie" || toks[i-2].Text == "er") {
				skipped = i
				continue
			}
			// "the processor's sub-processor", "processor personnel",
			// "Customer Personal Data".
			if !f.german && i+1 < len(toks) && (toks[i+1].Text == "personnel" || toks[i+1].Text == "affiliates" || dataCompound(toks, i)) {
				continue
			}
		}
		// "the Trust shall be informed immediately": the party told is
		// the subject of a passive, not the one who acts.
		if !f.german && toldParty(toks, i) {
			skipped = i
			continue
		}
		// "…, wird die Auftraggeberin unverzüglich informiert", "Über
		// … wird der Auftraggeber vorher unterrichtet": the German
		// party told or helped in the passive (round27de).
		if f.german && toldPartyDE(toks, i) {
			skipped = i
			continue
		}
		return p
	}
	return Nobody
}

// enRequire are the verbs by which a party calls on the other party to
// act: "Customer may require Acme to …", "the Bank may direct the Service
// Provider to …".
var enRequire = lexicon.Set("en_require")

// enReceive are the verbs by which the controller receives what the
// processor gives: "Customer is entitled to receive from Acme …".
var enReceive = lexicon.Set("en_receive")

// enHelpNouns name the processor's help the controller asks for:
// "Customer may request Acme's assistance with …".
var enHelpNouns = lexicon.Set("en_help_nouns")

// requiredParty reports a sentence whose subject, the controller,
// requires the processor to act (German: requiredPartyDE). In English: the first controller word that is not
// possessive, a verb of enRequire within a few words ("may at any time
// require", "shall be entitled to request"), then the processor as its
// object followed by "to" ("require Acme to return all data"), or as the
// subject of a clause joined by "and" ("Customer may request, and
// Provider shall deliver, …").
func (f *actorFinder) requiredParty(toks []match.Token) bool {
	if f.german {
		return f.requiredPartyDE(toks)
	}
	for i := range toks {
		if toks[i].Possessive || f.partyOf(toks[i].Text) != Controller {
			continue
		}
		for j := i + 1; j < len(toks) && j <= i+6; j++ {
			// "Customer is entitled to receive from Acme all
			// information …": the processor gives.
			if enReceive[toks[j].Text] && j+2 < len(toks) && toks[j+1].Text == "from" {
				k := j + 2
				if k+1 < len(toks) && determiners[toks[k].Text] {
					k++
				}
				if f.partyOf(toks[k].Text) == Processor {
					return true
				}
			}
			if !enRequire[toks[j].Text] {
				continue
			}
			for k := j + 1; k+1 < len(toks) && k <= j+3; k++ {
				// "Customer may request Acme's assistance": the
				// processor's help asked for.
				if f.partyOf(toks[k].Text) == Processor && toks[k].Possessive {
					n := k + 1
					if toks[n].Text == "s" && n+1 < len(toks) {
						n++
					}
					return enHelpNouns[toks[n].Text]
				}
				if f.partyOf(toks[k].Text) == Processor && !toks[k].Possessive {
					n := k + 1
					if toks[n].Text == "upon" || toks[n].Text == "on" {
						n++
					}
					// "Customer may request, and Provider shall deliver
					// …": the processor opens a coordinated clause.
					if n < len(toks) && toks[k-1].Text == "and" && toks[k-1].Comma && enModal[toks[n].Text] {
						return true
					}
					return n < len(toks) && toks[n].Text == "to"
				}
			}
			return false
		}
		return false
	}
	return false
}

// dePublicControllers are public bodies that hand processing out ("die
// Gemeinde", "die Stadt").
var dePublicControllers = lexicon.Set("de_public_controllers")

// deMandated are the participles of engaging someone: "der vom
// Auftraggeber beauftragte Prüfer", "die von der Kundin benannten
// Personen".
var deMandated = lexicon.Set("de_mandated")

// mandatedBy returns the party that engaged the subject of the clause
// opening at i: an article, "vom"/"von der", a party word and a
// participle of deMandated ("Der vom Auftraggeber beauftragte Prüfer …").
func (f *actorFinder) mandatedBy(toks []match.Token, i int) Party {
	if i+3 >= len(toks) || !deSubjectArticles[toks[i].Text] {
		return Nobody
	}
	j := i + 1
	switch {
	case toks[j].Text == "vom":
		j++
	case toks[j].Text == "von" && (toks[j+1].Text == "der" || toks[j+1].Text == "dem"):
		j += 2
	default:
		return Nobody
	}
	if j+1 >= len(toks) || !deMandated[toks[j+1].Text] {
		return Nobody
	}
	return f.partyOf(toks[j].Text)
}

// deSubjectArticles are the German articles that open a subject.
var deSubjectArticles = lexicon.Set("de_subject_articles")

// deRequire are the German verbs by which a party calls on the other
// party to act: "Der Kunde kann verlangen, dass der Anbieter …".
var deRequire = lexicon.Set("de_require")

// requiredPartyDE is requiredParty for German: the first controller word,
// a verb of deRequire within six words ("kann verlangen", "ist berechtigt
// zu verlangen"), then ", dass" and the processor within three words as
// the subject of that clause ("Der Kunde kann verlangen, dass der Anbieter
// ihm alle Daten zurückgibt"), or "er"/"sie" when the processor stood
// before the verb ("kann vom Dienstleister verlangen, dass er …").
func (f *actorFinder) requiredPartyDE(toks []match.Token) bool {
	for i := range toks {
		if f.partyOf(toks[i].Text) != Controller {
			continue
		}
		before := false
		for j := i + 1; j < len(toks) && j <= i+6; j++ {
			if f.partyOf(toks[j].Text) == Processor {
				before = true
				// "Der Auftraggeber ist berechtigt, vom Auftragnehmer
				// alle Informationen zu verlangen, …" (round22de).
				if toks[j-1].Text == "vom" || toks[j-1].Text == "von" {
					return f.requiredFromDE(toks, j)
				}
			}
			// "Der Auftraggeber ist berechtigt, nach Vertragsende die
			// Herausgabe oder die Löschung aller Daten zu verlangen": an
			// act asked for by its noun, the processor not named.
			if toks[j].Text == "berechtigt" && j+1 < len(toks) && toks[j+1].Comma {
				return f.requiredFromDE(toks, j)
			}
			if !deRequire[toks[j].Text] {
				continue
			}
			k := j + 1
			if k >= len(toks) || toks[k].Text != "dass" || !toks[k].Comma {
				return false
			}
			for m := k + 1; m < len(toks) && m <= k+3; m++ {
				if f.partyOf(toks[m].Text) == Processor || before && (toks[m].Text == "er" || toks[m].Text == "sie") {
					return true
				}
			}
			return false
		}
		return false
	}
	return false
}

// deToldPassive are the participles of being told: "ist berechtigt, vom
// Auftragnehmer unverzüglich … unterrichtet zu werden".
var deToldPassive = lexicon.Set("de_told_passive")

// requiredFromDE reports the controller's right to ask the processor,
// named at p after "vom"/"von", for an act: a verb of deRequire after "zu"
// ("vom Auftragnehmer die Herausgabe … zu verlangen") or at the end of the
// sentence ("kann vom Auftragnehmer Auskunft verlangen"), or the passive
// of being told ("vom Auftragnehmer … unterrichtet zu werden"), within 30
// words, before any "dass" clause and with no further controller word.
// After "ist berechtigt," p is the word "berechtigt": the act is asked for
// by its noun ("die Herausgabe oder die Löschung … zu verlangen").
func (f *actorFinder) requiredFromDE(toks []match.Token, p int) bool {
	for q := p + 1; q < len(toks) && q <= p+30; q++ {
		t := toks[q].Text
		if t == "dass" || f.partyOf(t) == Controller {
			return false
		}
		if deRequire[t] && (toks[q-1].Text == "zu" || q == len(toks)-1 || toks[q+1].Comma) {
			return true
		}
		if t == "werden" && toks[q-1].Text == "zu" && deToldPassive[toks[q-2].Text] {
			return true
		}
	}
	return false
}

// enTold are the participles of telling and helping: a party that is their
// passive
// subject is told something or helped, by a party not named or named after
// "by".
var enTold = lexicon.Set("en_told")

// toldParty reports a party word at i that is the subject of a passive
// verb of telling: "the Trust shall be notified of the legal requirement",
// "the Customer will promptly be informed", "Controller is informed".
func toldParty(toks []match.Token, i int) bool {
	j := i + 1
	if j < len(toks) && enModal[toks[j].Text] {
		j++
	}
	if j < len(toks) && strings.HasSuffix(toks[j].Text, "ly") {
		j++
	}
	if j >= len(toks) || !enBe[toks[j].Text] {
		return false
	}
	j++
	// "Customer is entitled to be notified by Acme": the right to be
	// told is the passive of the other party's duty.
	if j+2 < len(toks) && toks[j].Text == "entitled" && toks[j+1].Text == "to" && enBe[toks[j+2].Text] {
		j += 3
	}
	if j < len(toks) && strings.HasSuffix(toks[j].Text, "ly") {
		j++
	}
	return j < len(toks) && enTold[toks[j].Text]
}

// namedSubjectAfter reports "der" and a party word that is not feminine at
// j: a nominative subject named after a pronoun, which is then the object.
func (f *actorFinder) namedSubjectAfter(toks []match.Token, j int) bool {
	return j+1 < len(toks) && !toks[j].Comma && !toks[j+1].Comma && toks[j].Text == "der" && f.partyOf(toks[j+1].Text) != Nobody && !feminine(toks[j+1].Text)
}

// deTold are the participles of telling and helping that end a German
// passive clause whose subject is the party told (lexicon de_told).
var deTold = lexicon.Set("de_told")

// toldPartyDE reports a German party word at i that is the subject of a
// passive of telling or helping: its clause (between commas) holds a form
// of "werden", no agent ("von", "vom", "durch"), and ends in a participle
// of deTold ("…, wird die
// Auftraggeberin unverzüglich informiert", "Der Kunde wird bei der
// Meldung unterstützt"). A named agent ("vom Auftragnehmer") is read by
// passiveAgent after the party is passed over; "… unterrichtet zu werden"
// ends in "werden" and is no such clause.
func toldPartyDE(toks []match.Token, i int) bool {
	a := i
	for a > 0 && !toks[a].Comma {
		a--
	}
	b := i + 1
	for b < len(toks) && !toks[b].Comma {
		b++
	}
	if !deTold[toks[b-1].Text] || b-1 == i {
		return false
	}
	werden := false
	for k := a; k < b-1; k++ {
		switch t := toks[k].Text; {
		// An agent of the passive other than a party ("wird die
		// Kundin von ihrer Kanzlei unterstützt") acts itself; a
		// party agent is read by passiveAgent.
		case t == "von" || t == "vom" || t == "durch":
			return false
		case deWerden[t]:
			werden = true
		}
	}
	return werden
}

// enModal are the English modal verbs before a passive "be".
var enModal = lexicon.Set("en_modal")

// enSubjectPronouns are English subject pronouns of the third person that
// refer back to a party named before them.
var enSubjectPronouns = lexicon.Set("en_subject_pronouns")

// infinitiveClause reports whether the German clause that starts at the
// comma before token i is an infinitive clause ("…, Daten ohne Weisung zu
// verarbeiten, …", "…, um … zu erfüllen, …") followed by a further clause,
// so that it belongs to the leading clause before it.
func infinitiveClause(toks []match.Token, i int) bool {
	k := i
	for k+1 < len(toks) && !toks[k+1].Comma {
		k++
	}
	if k+1 >= len(toks) || k == i {
		return false
	}
	return toks[k-1].Text == "zu" || toks[i].Text == "um"
}

// deNested open a clause nested inside a German leading clause.
var deNested = lexicon.Set("de_nested")

// deInnerLead are adverbs that may stand before the word opening an inner
// clause: "zum Beispiel wenn", "etwa falls", "insbesondere soweit".
var deInnerLead = lexicon.Set("de_inner_lead")

// deInnerSub open an inner conditional clause in German.
var deInnerSub = lexicon.Set("de_inner_sub")

// deAssent are German words of assent after which a "dass" clause names
// the party that acts: "Der Auftragsverarbeiter erklärt sich damit
// einverstanden, dass der Verantwortliche berechtigt ist, …".
var deAssent = lexicon.Set("de_assent")

// assented returns the subject of a "that" clause after a party's verb of
// assent ("Customer acknowledges and agrees that Processor may ..."), or
// Nobody when the sentence has no such shape.
func (f *actorFinder) assented(toks []match.Token, start int) Party {
	if f.german {
		for i := start; i < len(toks) && i < start+8; i++ {
			if !deAssent[toks[i].Text] {
				continue
			}
			for k := i + 1; k < len(toks) && k <= i+4; k++ {
				if toks[k].Text == "dass" && toks[k].Comma {
					return f.scan(toks, k+1)
				}
			}
		}
		return Nobody
	}
	for i := start; i < len(toks); i++ {
		t := toks[i].Text
		if f.partyOf(t) == Nobody {
			continue
		}
		// The party's verb follows within a few words ("hereby",
		// "acknowledges and agrees"), then "that".
		for j := i + 1; j < len(toks) && j <= i+4; j++ {
			if !hasStem(enAssentVerbs, toks[j].Text) {
				continue
			}
			for k := j + 1; k < len(toks) && k <= j+3; k++ {
				if toks[k].Text == "that" {
					return f.scan(toks, k+1)
				}
			}
		}
		return Nobody
	}
	return Nobody
}

// opensWithParty reports a sentence that opens with a party word as its
// subject, after a clause number and determiners: "(a) the Controller
// shall ...", "Data Processor will ...". A party word followed by a modal
// verb at the start of a line counts too: flattened tables and lists join
// lines into one sentence ("... Billing Solutions\nProcessor shall ...").
func (f *actorFinder) opensWithParty(text string, toks []match.Token) bool {
	i := 0
	for i < len(toks)-1 && isListLabel(toks[i].Text) {
		i++
	}
	for i < len(toks)-1 && (determiners[toks[i].Text] || toks[i].Text == "data") {
		i++
	}
	if i < len(toks) && f.partyOf(toks[i].Text) != Nobody && !toks[i].Possessive {
		return true
	}
	for i := 1; i < len(toks)-1; i++ {
		t := toks[i]
		if t.Start > 0 && text[t.Start-1] == '\n' && !t.Possessive && f.partyOf(t.Text) != Nobody && enModals[toks[i+1].Text] {
			return true
		}
	}
	return false
}

var enModals = lexicon.Set("en_modals")

// isListLabel reports whether a token can be the label of a list item or
// numbered paragraph: a number, a single letter or a small roman numeral.
func isListLabel(t string) bool {
	if len(t) == 1 {
		return true
	}
	if romanLabels[t] {
		return true
	}
	for _, r := range t {
		if r < '0' || r > '9' {
			return false
		}
	}
	return t != ""
}

var romanLabels = lexicon.Set("roman_labels")

// German passive with a named agent: "Der Auftraggeber wird vom
// Auftragnehmer unterstützt" puts the obligation on the agent. The agent
// phrase must follow a form of "werden" in the same clause (no comma in
// between), and must not be attributive ("die vom Auftragnehmer
// bereitgestellten Daten").
var (
	deWerden      = lexicon.Set("de_werden")
	deAttributive = lexicon.Set("de_attributive")
)

func (f *actorFinder) passiveAgent(toks []match.Token, start int, subject Party) Party {
	werden := false
	for i := start; i < len(toks); i++ {
		if i > start && toks[i].Comma {
			if werden {
				return Nobody
			}
			continue
		}
		t := toks[i].Text
		if deWerden[t] {
			werden = true
			continue
		}
		if !werden || i == 0 || deAttributive[toks[i-1].Text] {
			continue
		}
		j := 0
		switch {
		case t == "vom":
			j = i + 1
		case (t == "durch" || t == "von") && i+2 < len(toks) && (toks[i+1].Text == "den" || toks[i+1].Text == "dem"):
			j = i + 2
		// "von der Kundin", "durch die Acme GmbH": a feminine party
		// word or a company named by its short name.
		case t == "von" && i+2 < len(toks) && toks[i+1].Text == "der" || t == "durch" && i+2 < len(toks) && toks[i+1].Text == "die":
			j = i + 2
			if f.partyOf(toks[j].Text) == Nobody || !feminine(toks[j].Text) && !f.companyName(toks[j].Text) {
				continue
			}
		// "von Acme unterstützt": a name (read as its party word, see
		// definedAliases) without article.
		case (t == "von" || t == "durch") && i+1 < len(toks) && f.partyOf(toks[i+1].Text) != Nobody:
			j = i + 1
		default:
			continue
		}
		if j >= len(toks) || toks[j].Comma {
			continue
		}
		if !participleEnds(toks, j) {
			continue
		}
		switch {
		case f.processor[toks[j].Text] && subject != Processor:
			return Processor
		case f.controller[toks[j].Text] && subject != Controller:
			return Controller
		}
	}
	return Nobody
}

// participleEnds reports whether the clause after token j ends in a past
// participle ("unterstützt", "informiert", "angewiesen"), which tells the
// passive from the future tense ("wird vom Auftraggeber benannte Prüfer
// zulassen").
func participleEnds(toks []match.Token, j int) bool {
	k := j
	for k+1 < len(toks) && !toks[k+1].Comma {
		k++
	}
	// An inner conditional clause before the participle: "wird er vom
	// Auftragnehmer, soweit dieser … verfügt, unterstützt" (clause round
	// 8c). The clause's own end is read after it.
	if k+1 < len(toks) && deInnerSub[toks[k+1].Text] {
		m := k + 1
		for m+1 < len(toks) && !toks[m+1].Comma {
			m++
		}
		if m+1 < len(toks) {
			k = m + 1
			for k+1 < len(toks) && !toks[k+1].Comma {
				k++
			}
		}
	}
	if deWerden[toks[k].Text] && k > j {
		k-- // "..., die vom Auftragnehmer informiert werden"
	}
	w := toks[k].Text
	return strings.HasSuffix(w, "t") || strings.HasPrefix(w, "ge") || strings.HasSuffix(w, "gewiesen") || strings.HasSuffix(w, "gegeben")
}

// verbFirst recognises a German conditional clause with the verb first:
// "Erstellt der Verantwortliche eine DSFA, wirkt der Auftragsverarbeiter
// mit"; "Wendet sich der Kunde an den Anbieter, ..."; "Macht ein Kunde
// Rechte geltend, ...". A word followed by "der" or "ein" and a party word
// can only be a verb there, as the party words are masculine nouns and a
// preposition would take "dem", "den", "einem" or "einen".
func (f *actorFinder) verbFirst(toks []match.Token) bool {
	i := 1
	if i < len(toks) && (toks[i].Text == "sich" || toks[i].Text == "es") {
		i++
	}
	if i+1 >= len(toks) || toks[i].Comma || toks[i+1].Comma {
		return false
	}
	w := toks[i+1].Text
	switch toks[i].Text {
	case "der", "ein":
		return f.partyOf(w) != Nobody && !feminine(w)
	case "die", "eine":
		// "Plant die Auftraggeberin eine DSFA, stellt die
		// Auftragnehmerin ihr … zur Verfügung": a feminine party word
		// after "die" is nominative or accusative, so the first word
		// must look like a verb in the third person ("plant",
		// "erstellt", "wendet"), not a preposition ("für die Kundin").
		v := toks[0].Text
		return feminine(w) && f.partyOf(w) != Nobody && len(v) > 3 && strings.HasSuffix(v, "t") && !verbFirstNotVerb[v]
	case "das":
		// "Führt das Klinikum eine DSFA durch, stellt der Auftragnehmer
		// … bereit": a neuter party (a name the contract defines, "das
		// Institut") after a word that looks like a verb, as for "die"
		// (hold20c).
		v := toks[0].Text
		return f.partyOf(w) != Nobody && len(v) > 3 && strings.HasSuffix(v, "t") && !verbFirstNotVerb[v]
	}
	return false
}

// verbFirstNotVerb holds words ending in "t" that open a German sentence
// without being a verb.
var verbFirstNotVerb = lexicon.Set("de_verb_first_not_verb")

// feminine reports a feminine party word ("Auftragnehmerin", "Kundin",
// "Kundenorganisation", "Gesellschaft"), which is nominative after "die",
// not after "der".
func feminine(w string) bool {
	if strings.HasSuffix(w, "in") && !strings.HasSuffix(w, "ein") {
		return true
	}
	for _, s := range deFeminineEndings {
		if strings.HasSuffix(w, s) {
			return true
		}
	}
	return false
}

// deFeminineEndings are the endings of feminine German nouns other than
// "-in" (lexicon: de_feminine_endings).
var deFeminineEndings = lexicon.List("de_feminine_endings")

// pronounFirst reports a German sentence that opens with a subject
// pronoun ("Er unterstützt die Kundenorganisation …"): party words after
// it are objects.
func (f *actorFinder) pronounFirst(toks []match.Token) bool {
	i := 0
	for i < len(toks) && i < 3 && isListLabel(toks[i].Text) {
		i++
	}
	return f.german && i < len(toks) && (dePronouns[toks[i].Text] || sheFirst(toks, i))
}

// sheFirst reports whether token i is "sie" followed by a verb in the third
// person singular ("Sie unterstützt die Auftraggeberin …", "Sie kann …"):
// "she", a feminine party of the sentence before ("die Auftragnehmerin",
// "die Kanzlei"), also after a list label, not the formal "Sie" (which takes the plural:
// "Sie unterstützen", "Sie können") nor "they".
func sheFirst(toks []match.Token, i int) bool {
	// The comma mark of a list label's bracket ("(2) Sie unterstützt …")
	// is no comma before "sie".
	if i+1 >= len(toks) || toks[i].Text != "sie" || toks[i].Comma && (i == 0 || !isListLabel(toks[i-1].Text)) {
		return false
	}
	v := toks[i+1].Text
	return deSingularModals[v] || len(v) > 3 && strings.HasSuffix(v, "t") && !strings.HasSuffix(v, "en") && !strings.HasSuffix(v, "st")
}

// deSingularModals are third-person singular verbs that do not end in -t.
var deSingularModals = lexicon.Set("de_singular_modals")

// dePronouns are subject pronouns that refer back to the party of the
// previous sentence ("Er hat das Recht, ...", "Dieser informiert ...").
var dePronouns = lexicon.Set("de_pronouns")

// pronounSubject reports a German sentence whose subject is a pronoun:
// first, or right after the verb in second place.
func (f *actorFinder) pronounSubject(toks []match.Token) bool {
	if !f.german {
		return false
	}
	i := 0
	for i < len(toks) && i < 3 && isListLabel(toks[i].Text) {
		i++
	}
	// "Er hat ..." or, verb second, "Dabei hat er ...".
	return i < len(toks) && (dePronouns[toks[i].Text] || sheFirst(toks, i)) ||
		i+2 < len(toks) && toks[i+2].Text == "er" && !toks[i+1].Comma && !toks[i+2].Comma
}

// closingParty returns the party a lead-in ends with, before its colon:
// "…, provided that Processor:", "The processor shall:", "the data
// importer agrees and warrants:" name the subject of the items below.
// Nobody when the lead-in does not end in a colon or its last words are
// no party (with at most a modal verb or a verb of promise after it).
func (f *actorFinder) closingParty(toks []match.Token, text string) Party {
	if f.german || !strings.HasSuffix(strings.TrimSpace(text), ":") || len(toks) == 0 {
		return Nobody
	}
	k := len(toks) - 1
	for n := 0; n < 3 && k > 0 && closingVerbs[toks[k].Text]; n++ {
		k--
	}
	if toks[k].Possessive {
		return Nobody
	}
	// The party is the subject only with a verb after it ("the processor
	// shall:") or after "that" ("provided that Processor:"); "shall
	// assist the controller:" ends with the object.
	j := k - 1
	if j >= 0 && determiners[toks[j].Text] {
		j--
	}
	if k == len(toks)-1 && (j < 0 || toks[j].Text != "that") {
		return Nobody
	}
	return f.partyOf(toks[k].Text)
}

// closingVerbs may follow the party at the end of a lead-in: "the
// processor shall:", "the data importer agrees and warrants:".
var closingVerbs = map[string]bool{"shall": true, "will": true, "must": true, "agrees": true, "warrants": true, "and": true, "undertakes": true, "hereby": true, "further": true, "also": true}

// enThirdSubjects are persons outside the two parties: auditors,
// inspectors, investigators (round22en).
var enThirdSubjects = lexicon.Set("en_third_subjects")

// thirdSubject reports an English sentence whose subject, at its start, is
// such a person followed by a modal verb: "The auditor shall give the
// Supplier ten Working Days' notice", "Any independent auditor must sign
// a confidentiality agreement", "The forensic investigator will deliver
// its report". A determiner and up to two describing words may stand
// before the noun; a possessive ("the Processor's auditor", "the
// auditor's report") or a party word among them is no such subject. The
// sentence is read as on the controller's side: it states no duty of the
// processor, and an auditor's rights stay the controller's audit rights.
func thirdSubject(toks []match.Token, first int) bool {
	i := first
	if i < len(toks) && determiners[toks[i].Text] {
		i++
	}
	for n := 0; n <= 2 && i < len(toks); n++ {
		t := toks[i]
		if t.Possessive || t.Comma {
			return false
		}
		if enThirdSubjects[t.Text] {
			return i+1 < len(toks) && enModals[toks[i+1].Text]
		}
		i++
	}
	return false
}
