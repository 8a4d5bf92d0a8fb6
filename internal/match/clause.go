package match

import "strings"

// TermInSpan reports whether the registered term occurs among the tokens
// [from, to) of sentence i: the clause scope of a rule, where a sentence
// holds several main clauses ("Der Kunde kann die Daten exportieren;
// danach löscht der Anbieter sie"). Regular-expression and article terms
// are answered for the whole sentence.
func (ix *Index) TermInSpan(id TermID, i, from, to int) bool {
	if !ix.TermHas(id, i) {
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
		for wi := range e.phrase {
			if w := &e.phrase[wi]; w.gap == 0 {
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
		m := ix.idMatcher(&e.word)
		for _, t := range toks {
			if m.has(t.id()) {
				return true
			}
		}
		return false
	}
}

// TermHas reports whether sentence i holds the registered term, as
// TermByID(id).Has(i) does. A term whose sentences are not known yet is
// answered for sentence i alone, without finding them all: a caller that
// asks about one sentence (the quoting of a cited sentence) spares the
// document-wide look-up of a term no other rule needs.
func (ix *Index) TermHas(id TermID, i int) bool {
	if id >= 0 && int(id) < len(ix.cache) && ix.cache[id] != nil {
		return ix.cache[id].Has(i)
	}
	terms := registered()
	if id < 0 || int(id) >= len(terms) || i < 0 || i >= len(ix.spans) {
		return false
	}
	e := terms[id]
	switch e.kind {
	case regexKind:
		return ix.regexAt(id, e.arg, i)
	case phraseKind:
		return ix.phraseHas(e.phrase, i)
	case wordKind:
		m := ix.idMatcher(&e.word)
		for _, t := range ix.sentence(i) {
			if m.has(t.id()) {
				return true
			}
		}
		return false
	}
	return ix.TermByID(id).Has(i)
}

// phraseHas reports whether the tokens of sentence i hold the phrase, as
// phraseTerm finds it: a phrase without a word matches nothing.
func (ix *Index) phraseHas(words []wordPattern, i int) bool {
	var vmStack [8]idMatcher
	vm := vmStack[:0]
	if len(words) > len(vmStack) {
		vm = make([]idMatcher, 0, len(words))
	}
	vm = vm[:len(words)]
	hasWord := false
	for wi := range words {
		if w := &words[wi]; w.gap == 0 {
			vm[wi] = ix.idMatcher(w)
			if vm[wi].exact && vm[wi].id < 0 {
				return false // a word the document lacks
			}
			hasWord = true
		}
	}
	if !hasWord {
		return false
	}
	toks := ix.sentence(i)
	if words[0].gap == 0 {
		// The first word is tested here, phraseAt called only where it
		// holds.
		first := vm[0]
		for s, t := range toks {
			if first.has(t.id()) && phraseAt(toks, s, words, vm, 0) {
				return true
			}
		}
		return false
	}
	for s := range toks {
		if phraseAt(toks, s, words, vm, 0) {
			return true
		}
	}
	return false
}

// askedSet holds the sentences an expression term was run on and
// whether each matched, with the expression and, once the term
// has been asked about often enough, the sentences that may hold a match
// (cand, see literalSentences): one look-up then replaces the test of a
// sentence's words.
type askedSet struct {
	// answers holds the sentences asked about and whether each matched:
	// a map, whose size follows the questions, not the document's
	// sentences (a large document asks about few of them per term).
	answers map[int32]bool
	re      *regex
	calls   int
	cand    Bits
	noCand  bool // literalSentences cannot tell the candidates
}

// candAfter is the number of sentences a term is asked about one by one
// before its candidate sentences are found all at once.
const candAfter = 8

// regexAt is regexHas for the registered expression term id, run once
// per sentence: the answer is kept (see Index.asked).
func (ix *Index) regexAt(id TermID, expr string, i int) bool {
	m := ix.asked[id]
	if m == nil {
		re := registered()[id].compiled() // the expression of expr
		if re == nil {
			return false
		}
		if ix.asked == nil {
			ix.asked = make(map[TermID]*askedSet)
		}
		m = &askedSet{answers: make(map[int32]bool), re: re}
		ix.asked[id] = m
	}
	if has, ok := m.answers[int32(i)]; ok {
		return has
	}
	sp := ix.spans[i]
	if !m.re.re.LeadOK(ix.Lower()[sp.start:sp.end]) {
		m.answers[int32(i)] = false
		return false // an expression anchored at the start, ruled out by the first byte
	}
	if m.calls++; m.calls > candAfter && m.cand == nil && !m.noCand {
		m.cand, m.noCand = nil, true
		if cand, ok := ix.literalSentences(m.re); ok {
			m.cand, m.noCand = cand, false
		}
	}
	var has bool
	if m.cand != nil {
		if m.cand.Has(i) {
			has = m.re.MatchString(ix.Lower()[sp.start:sp.end])
		}
	} else {
		has = ix.regexHas(m.re, i)
	}
	m.answers[int32(i)] = has
	return has
}

// regexHas reports whether the lower-cased sentence i holds a match of
// re, as regexTerm decides it: where regexTerm tries only the sentences
// with a word holding one of the expression's literal runs, so does
// this.
func (ix *Index) regexHas(re *regex, i int) bool {
	if runs, ok := re.literalRuns(ix.aliased); ok {
		cand := false
		toks := ix.sentence(i)
		for k := range runs {
			m := ix.vocabMatches(&runs[k])
			for _, t := range toks {
				if m.Has(int(t.id())) {
					cand = true
					break
				}
			}
			if cand {
				break
			}
		}
		if !cand {
			return false
		}
	}
	sp := ix.spans[i]
	return re.MatchString(ix.Lower()[sp.start:sp.end])
}

// TermAt reports whether sentence i holds the registered term, as
// TermByID(id).Has(i) does. Only an expression whose sentences are not
// known yet is run on sentence i alone; any other term is looked up in
// the whole document (and kept), which costs little and serves the next
// question about it.
func (ix *Index) TermAt(id TermID, i int) bool {
	if id >= 0 && int(id) < len(ix.cache) && ix.cache[id] != nil {
		return ix.cache[id].Has(i)
	}
	if terms := registered(); id >= 0 && int(id) < len(terms) && terms[id].kind == regexKind {
		return ix.TermHas(id, i)
	}
	return ix.TermByID(id).Has(i)
}
