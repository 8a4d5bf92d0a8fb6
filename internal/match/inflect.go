package match

import "strings"

// Word forms. Two term features spare the catalog its lists of endings:
//
//	~zugriff     the word with an inflectional ending: "zugriff",
//	             "zugriffs", "zugriffe", "zugriffen" (German and English
//	             noun, adjective and verb endings, see inflections)
//	sicherstell* a prefix term also matches the German zu-infinitive, whose
//	             "zu" stands after a separable prefix inside the prefix:
//	             "sicherzustellen", "umzusetzen", "hinzuzuziehen"
//
// Both are decided on the document's vocabulary once per term, so they cost
// no more than a prefix term.

// inflections are the endings "~word" allows after the word: German
// declension and conjugation (-s, -es, -e, -en, -n, -er, -em, -ern, -et,
// -t, -st) and English plural and verb forms (-s, -es, -ed, -ing).
var inflections = map[string]bool{"": true, "s": true, "es": true, "e": true, "en": true, "n": true, "er": true, "em": true,
	"ern": true, "ens": true, "et": true, "t": true, "st": true, "ed": true, "d": true, "ing": true}

// inflected reports whether w is core with an inflectional ending.
func inflected(w, core string) bool {
	return strings.HasPrefix(w, core) && inflections[w[len(core):]]
}

// zuInfinitive reports whether w is a word starting with prefix once a
// "zu" inside the prefix's span is removed: "sicherzustellen" for
// "sicherstell". The "zu" must follow at least two letters (a separable
// prefix) and stand where the prefix continues, and w must end like an
// infinitive ("-en", "-n").
func zuInfinitive(w, prefix string) bool {
	// w holds the prefix and "zu", and starts with at least two of the
	// prefix's letters.
	if !strings.HasSuffix(w, "n") || len(w) < len(prefix)+2 || len(prefix) < 3 || w[:2] != prefix[:2] {
		return false
	}
	for i := 2; i < len(prefix) && i+2 < len(w); i++ {
		if w[i] == 'z' && w[i+1] == 'u' && w[:i] == prefix[:i] && strings.HasPrefix(w[i+2:], prefix[i:]) {
			return true
		}
	}
	return false
}
