package match

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// referenceTokens is the tokenizer as it was before the tokenizer's fast
// paths (ASCII separators from a table, the hash computed while scanning):
// FuzzTokenize checks that both give the same tokens.
func referenceTokens(toks []Token, text string, start, end int, v *vocabulary) []Token {
	i := start
	comma := false
	for i < end {
		r, sz := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, sz = utf8.DecodeRuneInString(text[i:])
		}
		if !isWordRune(r) {
			if r == ',' || r == ';' || r == ':' || r == '–' || r == '—' || r == '(' || r == ')' {
				comma = true
			}
			i += sz
			continue
		}
		j := i
		for j < end {
			if c := text[j]; c < utf8.RuneSelf && asciiWord[c] {
				j++ // the common case, without a call
				continue
			}
			r2, sz2 := rune(text[j]), 1
			if r2 >= utf8.RuneSelf {
				r2, sz2 = utf8.DecodeRuneInString(text[j:])
			}
			if isWordRune(r2) {
				j += sz2
				continue
			}
			// Keep hyphenated and dotted compounds together: "sub-processor",
			// "e-mail"; but not a trailing hyphen.
			if r2 == '-' && j+sz2 < end {
				r3, _ := utf8.DecodeRuneInString(text[j+sz2:])
				if isWordRune(r3) {
					j += sz2
					continue
				}
			}
			break
		}
		t := Token{Start: int32(i), End: int32(j), Comma: comma}
		// A word hyphenated at a line end and flattened by PDF extraction:
		// "proces- sing", "Sub- processor".
		if k, rest := brokenWord(text, j, end); k > j {
			t.Text = joinBroken(lower(text[i:j]), rest)
			t.End = int32(k)
			j = k
			if v != nil {
				t.Text, t.id = v.add(t.Text)
			}
		} else if v != nil {
			t.Text, t.id = v.add(text[i:j])
		} else {
			t.Text = lower(text[i:j])
		}
		t.Possessive = possessiveAt(text, j, end)
		toks = append(toks, t)
		comma = false
		i = j
	}
	return toks
}

func FuzzTokenize(f *testing.F) {
	for _, s := range []string{
		"The Processor's staff, sub- processor: e-mail; Ärger end.\nSecond (sentence) here’s it.",
		"İSTANBUL and Straẞe\n\u212Aelvin, proces- sing İi ẞ\nplain words only – and — dashes",
		"Art. 28(3)(a) GDPR; Sub-Processor's e-Mail-Adresse: x@y.de, ABC-",
		"CONTROLLER Controller controller contrôleur CONTRÔLEUR Data- und",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		want := referenceTokens(nil, text, 0, len(text), nil)
		got := Tokenize(text, 0, len(text))
		sameTokens(t, "Tokenize", got, want)
		// With a vocabulary, split in two sentences at a rune boundary.
		mid := len(text) / 2
		for mid > 0 && !utf8.RuneStart(text[mid]) {
			mid--
		}
		spans := []Span{{0, mid}, {mid, len(text)}}
		ix := NewIndex(text, spans)
		defer ix.Release()
		for i, sp := range spans {
			sameTokens(t, "index", ix.Tokens(i), referenceTokens(nil, text, sp.Start, sp.End, nil))
		}
		// Every word twice in other cases, so that known words are found
		// again in every spelling.
		twice := text + " " + strings.ToUpper(text) + " " + strings.ToLower(text)
		ix2 := NewIndex(twice, []Span{{0, len(twice)}})
		defer ix2.Release()
		sameTokens(t, "index twice", ix2.Tokens(0), referenceTokens(nil, twice, 0, len(twice), nil))
	})
}

func sameTokens(t *testing.T, what string, got, want []Token) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: %d tokens, want %d", what, len(got), len(want))
	}
	for k := range want {
		g, w := got[k], want[k]
		if g.Text != w.Text || g.Start != w.Start || g.End != w.End || g.Comma != w.Comma || g.Possessive != w.Possessive {
			t.Fatalf("%s: token %d: got %+v, want %+v", what, k, g, w)
		}
	}
}
