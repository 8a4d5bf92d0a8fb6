package match

import (
	"strings"
	"sync"
	"sync/atomic"
)

// TermID identifies a term registered with Register. Callers that query
// the same terms in every document register them once and query by id,
// which skips hashing the term string per query.
type TermID int32

// registry holds every term registered in this process (the preloaded
// ones, preload.go, in terms only, their ids found by preloadedTerm). Lookups take a
// read lock; registration, which happens while rules are loaded, takes the
// write lock and publishes the extended term list, which readers of the
// list use without a lock. The list holds pointers, so that growing it
// copies eight bytes per term, not the parsed term.
var registry struct {
	mu    sync.RWMutex
	ids   map[string]TermID        // term -> TermID
	terms atomic.Pointer[[]*entry] // TermID -> term
}

// registrySize is the room the term table starts with.
const registrySize = 12000

// entry is a registered term, parsed once.
type entry struct {
	text   string
	kind   termKind
	arg    string        // the expression of "re:", the list of "art:"
	word   wordPattern   // a single word pattern
	phrase []wordPattern // the words of a phrase
	// re is the compiled expression of "re:", set on first use (see
	// compiled).
	re atomic.Pointer[regex]
}

// compiled returns the entry's expression (compileRegex), kept by the
// entry: the expressions' table is keyed by their text, long strings to
// hash on every look-up.
func (e *entry) compiled() *regex {
	if r := e.re.Load(); r != nil {
		return r
	}
	r := compileRegex(e.arg)
	if r != nil {
		e.re.Store(r)
	}
	return r
}

// termKind tells how a term is answered.
type termKind uint8

const (
	wordKind termKind = iota
	phraseKind
	regexKind
	articleKind
)

// apostrophes are the marks at which the tokenizer ends a word.
var apostrophes = strings.NewReplacer("'", " ", "’", " ", "‘", " ")

// hasApostrophe reports whether t holds one of the apostrophes, with
// byte searches (terms are many, apostrophes rare).
func hasApostrophe(t string) bool {
	return strings.IndexByte(t, '\'') >= 0 ||
		strings.IndexByte(t, 0xE2) >= 0 && (strings.Contains(t, "’") || strings.Contains(t, "‘"))
}

// newEntry parses term t. It registers the words of a phrase, so it must
// not be called with the registry locked.
func newEntry(t string) *entry {
	e := &entry{text: t}
	if hasApostrophe(t) && !strings.HasPrefix(t, "re:") && !strings.HasPrefix(t, "art:") {
		// The tokenizer ends a word at an apostrophe ("customer's" is
		// "customer" and "s"), so a term is read the same way: "on the
		// customer's behalf" is the phrase "on the customer s behalf".
		t = apostrophes.Replace(t)
	}
	switch {
	case strings.HasPrefix(t, "re:"):
		e.kind, e.arg = regexKind, t[len("re:"):]
	case strings.HasPrefix(t, "art:"):
		e.kind, e.arg = articleKind, t[len("art:"):]
	case strings.Contains(t, " "):
		for w := range strings.FieldsSeq(t) {
			if e.phrase == nil {
				e.phrase = make([]wordPattern, 0, strings.Count(t, " ")+1)
			}
			e.phrase = append(e.phrase, phraseWord(w))
		}
		if e.phrase != nil {
			e.kind = phraseKind
		}
	default:
		e.word = parseWord(t)
	}
	return e
}

// phraseWord returns the pattern of word w of a phrase, with the id of w
// as a term of its own (registered here) unless it is a gap. A word
// registered as a word term has that pattern already: it is taken from
// the term instead of parsed again.
func phraseWord(w string) wordPattern {
	if w == "..." || w == "...." {
		return parseWord(w)
	}
	id := Register(w)
	if terms := registered(); int(id) < len(terms) {
		if e := terms[id]; e.kind == wordKind && e.text == w {
			return e.word // e.word.id is id (Register)
		}
	}
	p := parseWord(w)
	p.id = id
	return p
}

// Register returns the id of term t, registering it on first use. It is
// safe for concurrent use.
func Register(t string) TermID {
	if id, ok := preloadedTerm(t); ok {
		return id
	}
	registry.mu.RLock()
	id, ok := registry.ids[t]
	registry.mu.RUnlock()
	if ok {
		return id
	}
	e := newEntry(t)
	registry.mu.Lock()
	defer registry.mu.Unlock()
	if id, ok := registry.ids[t]; ok {
		return id
	}
	var terms []*entry
	if p := registry.terms.Load(); p != nil {
		terms = *p
	}
	// Appending may write into spare capacity shared with the published
	// slice: readers of that slice never look past its length, and they
	// see the new element only through the new slice published after it.
	id = TermID(len(terms))
	if e.kind == wordKind {
		e.word.id = id // the word knows its term (see Index.idMatcher)
	}
	next := append(terms, e)
	registry.terms.Store(&next)
	if registry.ids == nil {
		// The embedded catalog and knowledge register about 9,000
		// terms: room for them at once spares the map's growth steps.
		// (Less the preloaded ones, which are not in the map.)
		registry.ids = make(map[string]TermID, max(registrySize-len(preloadTerms), registrySize/8))
	}
	registry.ids[t] = id
	return id
}

// RegisterAll registers terms and returns their ids in order.
func RegisterAll(terms []string) []TermID {
	ids := make([]TermID, len(terms))
	for i, t := range terms {
		ids[i] = Register(t)
	}
	return ids
}

// registered returns the term list as published now.
func registered() []*entry {
	if p := registry.terms.Load(); p != nil {
		return *p
	}
	return nil
}
