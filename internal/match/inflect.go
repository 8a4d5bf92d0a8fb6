package match

import "strings"

// Word forms. Two term features spare the catalog its lists of endings:
//
//	~zugriff     the word with an inflectional ending: "zugriff",
//	             "zugriffs", "zugriffe", "zugriffen" (German and English
//	             noun, adjective and verb endings, see inflections)
//	sicherstell* a prefix term also matches the German zu-infinitive, whose
//	             "zu" stands after a separable prefix inside the prefix:
//	             "sicherzustellen", "umzusetzen", "hinzuzuziehen", and the
//	             past participle of a separable verb, whose "ge" stands
//	             there: "vorleg*" "vorgelegt", "mitteil*" "mitgeteilt",
//	             "bereitstell*" "bereitgestellt" (clause round 8)
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

// maxParticle is the longest separable prefix geParticiple reads before
// the "ge" ("bereit", "sicher", "zurück" in its bytes; not "zusammen").
const maxParticle = 6

// mayBeParticiple is geParticiple's cheap first test, inlined where the
// vocabulary is scanned: a "ge" after two to six letters. w holds at
// least eight bytes (a prefix of five and three more).
func mayBeParticiple(w string) bool {
	return w[2] == 'g' && w[3] == 'e' || w[3] == 'g' && w[4] == 'e' || w[4] == 'g' && w[5] == 'e' ||
		w[5] == 'g' && w[6] == 'e' || w[6] == 'g' && w[7] == 'e'
}

// geParticiple reports whether w is the past participle of a separable
// verb starting with prefix: "vorgelegt" for "vorleg", "mitgeteilt" for
// "mitteil", "eingesetzten" for "einsetz". The "ge" must follow at least
// two letters (the separable prefix), at least three letters of the
// prefix must follow it, and the word must go on like a participle (a
// "t" or "en" right after the prefix, or the prefix ending in one).
func geParticiple(w, prefix string) bool {
	if len(prefix) < 5 || len(w) < len(prefix)+3 || w[:2] != prefix[:2] {
		return false
	}
	for i := 2; i <= maxParticle && i+3 <= len(prefix) && i+2 < len(w); i++ {
		// w[:i] must equal prefix[:i]: stop at the first difference.
		if w[i-1] != prefix[i-1] {
			return false
		}
		if w[i] != 'g' || w[i+1] != 'e' || !strings.HasPrefix(w[i+2:], prefix[i:]) {
			continue
		}
		rest := w[i+2+len(prefix)-i:]
		return strings.HasPrefix(rest, "t") || strings.HasPrefix(rest, "en") ||
			rest == "" || strings.HasSuffix(prefix, "t")
	}
	return false
}
