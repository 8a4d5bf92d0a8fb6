package check

import (
	"strings"

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
var deSieVerbs = set("können kann dürfen müssen erteilen erteilt verpflichten stimmen genehmigen willigen beauftragen informieren benennen haben tragen sorgen stellen bleiben sind")

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
	return i+1 < len(toks) && deSieVerbs[toks[i+1].Text]
}

// firstPerson reports whether a German text speaks in the first person
// singular: the word "ich" ("Ich", "ich") occurs at least three times. A
// single "ich" is a signature line or a quoted pledge, not the voice of
// the contract.
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
		if n++; n >= 3 {
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
