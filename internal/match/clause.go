package match

import "strings"

// TermInSpan reports whether the registered term occurs among the tokens
// [from, to) of sentence i: the clause scope of a rule, where a sentence
// holds several main clauses ("Der Kunde kann die Daten exportieren;
// danach löscht der Anbieter sie"). Regular-expression and article terms
// are answered for the whole sentence.
func (ix *Index) TermInSpan(id TermID, i, from, to int) bool {
	if !ix.TermByID(id).Has(i) {
		return false
	}
	terms := registered()
	e := terms[id]
	toks := ix.sentence(i)[from:to]
	switch {
	case strings.HasPrefix(e.text, "re:"), strings.HasPrefix(e.text, "art:"):
		return true
	case e.phrase != nil:
		vm := make([]idMatcher, len(e.phrase))
		for wi, w := range e.phrase {
			if w.gap == 0 {
				vm[wi] = ix.idMatcher(w)
			}
		}
		for s := range toks {
			if phraseAt(toks, s, e.phrase, vm, 0) {
				return true
			}
		}
		return false
	default:
		m := ix.idMatcher(e.word)
		for _, t := range toks {
			if m.has(t.id()) {
				return true
			}
		}
		return false
	}
}
