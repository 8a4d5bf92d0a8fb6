package prefilter

import (
	"slices"
	"strings"
)

// Words is a fixed set of literal strings sought together in a text: one
// pass over the text finds whether any of them occurs, where asking
// strings.Contains once per word would pass over it once per word.
type Words struct {
	set *litSet
}

// NewWords returns the set of the given non-empty strings. They are
// matched byte for byte, so callers pass lower-case words and lower-cased
// texts.
func NewWords(words ...string) *Words {
	ws := make([]string, 0, len(words))
	for _, w := range words {
		if w != "" {
			ws = append(ws, w)
		}
	}
	slices.Sort(ws)
	ws = slices.Compact(ws)
	return &Words{set: newLitSet(ws, false)}
}

// In reports whether s contains one of the words.
func (w *Words) In(s string) bool {
	if w == nil || len(w.set.lits) == 0 {
		return false
	}
	return w.set.index(s, false, false) >= 0
}

// Next returns the first offset from i on at which one of the words
// occurs in s, or -1: calling it again from that offset plus one visits
// every offset at which a word starts.
func (w *Words) Next(s string, i int) int {
	if w == nil || len(w.set.lits) == 0 || i >= len(s) {
		return -1
	}
	return w.set.next(s, max(i, 0), false)
}

// List returns the words, sorted.
func (w *Words) List() []string { return slices.Clone(w.set.lits) }

// String lists the words, for messages.
func (w *Words) String() string { return strings.Join(w.set.lits, ", ") }
