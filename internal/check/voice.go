package check

import (
	"github.com/art28/art28/internal/lexicon"
	"slices"
	"strings"
	"unicode"

	"github.com/art28/art28/internal/match"
)

// Voice. A vendor's page speaks as "wir" to "Sie": "Wir unterstützen Sie
// …", "Sie können der Änderung widersprechen". "wir" is a party word of the
// processor in the catalog; the formal "Sie" is the controller, but the
// lower-cased token "sie" is also "she" and "they" ("sobald sie nicht mehr
// benötigt werden"). So "Sie" counts as the controller only in a text that
// addresses its reader formally, only where it is capitalised inside a
// sentence, or at a sentence's start before a verb that takes a person as
// its subject.

// formalMarks show that a German text addresses its reader as "Sie".
var formalMarks = []string{" Ihnen ", " Ihre ", " Ihrer ", " Ihren ", " Ihres ", " Ihr ", " Ihrem "}

// formalAddress reports whether text addresses its reader formally: it
// holds one of formalMarks. Every mark is " Ih…": "Ih" is sought (a search
// for the space would stop at every space) and the rest of the marks
// tested where it occurs.
func formalAddress(text string) bool {
	for from := 1; from < len(text); {
		k := strings.Index(text[from:], "Ih")
		if k < 0 {
			return false
		}
		at := from + k
		if text[at-1] == ' ' {
			for _, m := range formalMarks {
				if strings.HasPrefix(text[at:], m[1:]) {
					return true
				}
			}
		}
		from = at + 1
	}
	return false
}

// deSieVerbs are verbs after which a sentence-initial "Sie" is a person:
// "Sie können widersprechen", "Sie erteilen uns Weisungen".
var deSieVerbs = lexicon.Set("de_sie_verbs")

// formal returns a copy of the finder that reads the formal "Sie" of text
// as the controller (formalVoice), and the informal "du" the index reads
// as "sie" in any case.
func (f *actorFinder) formal(text string, formalVoice bool) *actorFinder {
	g := *f
	g.text, g.formalVoice = text, formalVoice
	return &g
}

// formalSie reports whether token i of a sentence is the formal "Sie",
// or the informal "du"/"dich" that the index reads as "sie" (catalog
// informal_words): these are the addressee wherever they stand
// ("Wenn der Vertrag endet, entscheidest du: …").
func (f *actorFinder) formalSie(toks []match.Token, i int) bool {
	if f.text == "" || toks[i].Text != "sie" {
		return false
	}
	if c := f.text[toks[i].Start]; c == 'd' || c == 'D' {
		return true
	}
	if f.text[toks[i].Start] != 'S' || !f.formalVoice {
		return false
	}
	first := 0
	for first < len(toks) && first < 3 && isListLabel(toks[first].Text) {
		first++
	}
	if i > first {
		return true // capitalised inside a sentence
	}
	return i+1 < len(toks) && deSieVerbs[toks[i+1].Text] && !f.namesController(toks, i+2)
}

// namesController reports whether the sentence from token k on names the
// controller by a party word, other than in apposition after "als": "Sie
// dürfen die Daten nur nach den Weisungen des Kunden verarbeiten" speaks
// of the customer in the third person, so its opening "Sie" is "they"
// (the staff of the sentence before), not the customer addressed; "Sie
// können als Kundin Weisungen erteilen" is the customer (hold22d).
func (f *actorFinder) namesController(toks []match.Token, k int) bool {
	for j := k; j < len(toks); j++ {
		if deThirdArticles[toks[j-1].Text] && f.controllerForm(toks[j].Text) {
			return true
		}
	}
	return false
}

// deThirdArticles are the definite articles before a party word named in the
// third person ("des Kunden", "der Kundin", "dem Auftraggeber").
var deThirdArticles = map[string]bool{"der": true, "die": true, "des": true, "dem": true, "den": true}

// controllerForm reports whether w is a controller word or one of its
// inflected forms ("kunden", "auftraggebers", "verantwortlichen"): party
// words are listed in the nominative.
func (f *actorFinder) controllerForm(w string) bool {
	if f.partyOf(w) == Controller {
		return true
	}
	for _, end := range []string{"s", "n", "es", "en"} {
		if b, ok := strings.CutSuffix(w, end); ok && len(b) > 3 && (f.partyOf(b) == Controller || end == "n" && f.partyOf(b+"r") == Controller) {
			return true
		}
	}
	return false
}

// firstPerson reports whether a German text speaks in the first person
// singular: the word "ich" ("Ich", "ich") occurs at least twice (three
// times before branch voice10; two already make a clause of the speaker's
// own: "Halte ich eine Weisung für rechtswidrig, weise ich …"). A single
// "ich" is a signature line or a quoted pledge, not the voice of the
// contract.
func firstPerson(text string) bool {
	n := 0
	for from := 0; from < len(text); {
		k := strings.Index(text[from:], "ch")
		if k < 0 {
			return false
		}
		at := from + k
		from = at + 2
		if at < 1 || (text[at-1] != 'i' && text[at-1] != 'I') {
			continue
		}
		if at >= 2 && letterByte(text[at-2]) {
			continue
		}
		if at+2 < len(text) && letterByte(text[at+2]) {
			continue
		}
		if n++; n >= 2 {
			return true
		}
	}
	return false
}

// letterByte reports whether b may be part of a word: an ASCII letter or
// digit or a byte of a multi-byte UTF-8 character (umlauts, ß).
func letterByte(b byte) bool {
	return b >= 0x80 || isWordByte(b)
}

// firstPersonEn reports whether an English text speaks in the first
// person singular: the word "I" stands before a lower-case word at least
// twice ("I will tell you", "If I think …"). An "I" after "Annex",
// "Schedule", "Part" and the like is a numeral ("Annex I sets out").
func firstPersonEn(text string) bool {
	n := 0
	for from := 0; from < len(text); {
		k := strings.Index(text[from:], "I ")
		if k < 0 {
			return false
		}
		at := from + k
		from = at + 2
		if at > 0 && text[at-1] != ' ' && text[at-1] != '\n' && text[at-1] != '\t' && text[at-1] != '(' && text[at-1] != '"' {
			continue
		}
		if from >= len(text) || text[from] < 'a' || text[from] > 'z' {
			continue
		}
		if numeralHead(text[:at]) {
			continue
		}
		if n++; n >= 2 {
			return true
		}
	}
	return false
}

// numeralHeads are the words after which "I" is a roman numeral.
var numeralHeads = lexicon.Set("numeral_heads")

// numeralHead reports whether the word that ends s (before its last
// space) is one of numeralHeads.
func numeralHead(s string) bool {
	s = strings.TrimRight(s, " \t")
	i := strings.LastIndexAny(s, " \t\n(")
	return numeralHeads[strings.ToLower(s[i+1:])]
}

// notVerbsE are words ending in "e" that stand next to "ich" without
// being its verb: conjunctions, determiners, pronouns and adverbs
// ("solange ich", "setze ich keine anderen Firmen ein", "ich gerne").
var notVerbsE = lexicon.Set("not_verbs_e")

// firstPersonVerbs returns index aliases that read the verbs of a German
// text in the first person singular as the plural of the "wir" voice:
// a lower-case word of four letters or more ending in "e" right before or
// after "ich" ("sage ich", "ich lösche", "weise ich … hin") is read as
// the word with "n" ("sagen", "löschen", "weisen"). Only the lower-case
// form is aliased: a capitalised word there is a noun ("die Weise") or
// opens the sentence. Sorted, for the same index every run.
func firstPersonVerbs(text string) [][]string {
	seen := map[string]bool{}
	var out [][]string
	try := func(w string) {
		if len(w) < 4 || w[len(w)-1] != 'e' || w[0] < 'a' || w[0] > 'z' || seen[w] || notVerbsE[w] {
			return
		}
		seen[w] = true
		out = append(out, []string{"=" + w, w + "n"})
	}
	for from := 0; from < len(text); {
		k := strings.Index(text[from:], "ch")
		if k < 0 {
			break
		}
		at := from + k
		from = at + 2
		if at < 1 || (text[at-1] != 'i' && text[at-1] != 'I') || at >= 2 && letterByte(text[at-2]) || from < len(text) && letterByte(text[from]) {
			continue
		}
		st := at - 1
		// The verb at the end of the clause "ich" opens ("ob ich ihr alle
		// Daten zurückgebe oder sie lösche"): the word before the
		// clause's punctuation or "und"/"oder", within ten words.
		clause := text[from:min(len(text), from+120)]
		if e := strings.IndexAny(clause, ",.;:!?"); e >= 0 {
			clause = clause[:e]
		}
		ws := strings.Fields(clause)
		for k := 0; k < len(ws) && k < 10; k++ {
			if k+1 == len(ws) || ws[k+1] == "und" || ws[k+1] == "oder" {
				try(ws[k])
			}
		}
		// The word after "ich".
		rest := strings.TrimLeft(text[from:min(len(text), from+40)], " ")
		if e := strings.IndexFunc(rest, func(r rune) bool { return !unicode.IsLetter(r) }); e > 0 {
			try(rest[:e])
		}
		// The word before it.
		head := strings.TrimRight(text[max(0, st-40):st], " ")
		if b := strings.LastIndexFunc(head, func(r rune) bool { return !unicode.IsLetter(r) }); b < len(head)-1 {
			try(head[b+1:])
		}
	}
	slices.SortFunc(out, func(a, b []string) int { return strings.Compare(a[0], b[0]) })
	return out
}
