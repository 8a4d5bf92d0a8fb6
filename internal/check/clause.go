package check

import (
	"strings"

	"github.com/art28/art28/internal/catalog"
	"github.com/art28/art28/internal/match"
)

// Clause scope. A German sentence may join main clauses with ";" that put
// duties on different parties: "Nach Vertragsende kann der Kunde seine
// Daten exportieren; danach löscht der Anbieter sie." The sentence's actor
// is the first clause's (the customer), so a rule for the processor's
// deletion duty would reject it. clauseFits accepts such a sentence when
// one of its clauses has a fitting actor and holds a term of every group of
// the rule by itself.

// clauses returns the token ranges of sentence i's main clauses split at
// ";", or nil when it has only one (Prepare found them for German texts).
func (in *Input) clauses(i int) [][2]int { return in.multi[i] }

// splitClauses returns the token ranges of the main clauses of a sentence
// with tokens toks, split at ";", or nil when it has only one. A colon
// splits too when the clause after it names its own acting party: "Wenn
// der Vertrag endet, entscheiden Sie: Entweder wir geben Ihnen die Daten
// zurück, oder wir löschen sie" puts the return and the deletion on the
// processor, the choice on the controller.
func (f *actorFinder) splitClauses(text string, toks []match.Token) [][2]int {
	var out [][2]int
	from := 0
	for k := 1; k < len(toks); k++ {
		if !toks[k].Comma {
			continue
		}
		gap := text[toks[k-1].End:toks[k].Start]
		if strings.IndexByte(gap, ';') >= 0 || (strings.IndexByte(gap, ':') >= 0 || dashGap(gap)) && f.find(toks[k:]) != Nobody {
			out = append(out, [2]int{from, k})
			from = k
		}
	}
	if out == nil {
		return nil
	}
	return append(out, [2]int{from, len(toks)})
}

// dashGap reports whether the gap between two words is a dash set off by
// spaces (" – ", " — ", " - "), which may join main clauses like a colon:
// "Du musst den Vorfall vielleicht der Behörde melden – dabei unterstützen
// wir dich" puts the help on the processor (hold20c).
func dashGap(gap string) bool {
	for _, d := range [...]string{" – ", " — ", " - "} {
		if strings.Contains(gap, d) {
			return true
		}
	}
	return false
}

// clauseMulti reports whether the clauses of sentence i decide whether
// the rule's actor fits (clauseFits reports multi): a German sentence of
// several main clauses, not a list item continuing its lead-in.
func (ch *Checker) clauseMulti(in *Input, cr *compiledRule, i int) bool {
	if in.finder == nil || !in.finder.german || len(cr.all) == 0 {
		return false
	}
	if l := in.Sentences[i].LeadIn; l >= 0 && !in.question(l) {
		// A list item's clauses continue its lead-in; an answer's
		// clauses are its own ("Was passiert …? Du kannst alles
		// exportieren; danach löschen wir sie.").
		return false
	}
	return in.clauses(i) != nil
}

// clauseFits reports whether a clause of sentence i has an actor that fits
// the rule and holds a term of one of the rule's groups.
// multi reports whether the sentence has several clauses at all; when it
// has not, the sentence's actor decides.
func (ch *Checker) clauseFits(in *Input, rule *catalog.Rule, cr *compiledRule, i int) (fits, multi bool) {
	if !ch.clauseMulti(in, cr, i) {
		return false, false
	}
	cs := in.clauses(i)
	toks := in.Index.Tokens(i)
	for _, c := range cs {
		if !actorFits(rule.Actor, in.finder.find(toks[c[0]:c[1]])) {
			continue
		}
		// The sentence holds every group (the caller checked); the clause
		// must hold one of them itself, as a list item must beside its
		// lead-in: "…; danach löschen wir alles" takes the end of the
		// contract from the clause before.
		for _, gi := range cr.all {
			for _, t := range ch.groups[gi] {
				if in.Index.TermInSpan(t, i, c[0], c[1]) {
					return true, true
				}
			}
		}
	}
	return false, true
}
