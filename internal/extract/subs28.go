package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/art28/art28/internal/lexicon"
)

// entrySeparators and entryIDWords are the signs that part an entry's
// fields like a dash and the words that open an entry's number (lexicon:
// entry_separators, entry_id_words; branch subs28).
var (
	entrySeparators = spaced(lexicon.List("entry_separators"))
	entryIDWords    = lexicon.List("entry_id_words")
	// sepFirst marks the first bytes of the entry separators: a line
	// holding none of them is spared the search for each.
	sepFirst = firstBytes(lexicon.List("entry_separators"))
	// idFirst marks the first bytes of the id words in both cases (they
	// are compared without case).
	idFirst = firstBytes(append(lowerAll(entryIDWords), upperAll(entryIDWords)...))
)

// upperAll returns the words in upper case.
func upperAll(ws []string) []string {
	out := make([]string, len(ws))
	for i, w := range ws {
		out[i] = strings.ToUpper(w)
	}
	return out
}

// spaced returns the words with a space on both sides.
func spaced(ws []string) []string {
	out := make([]string, len(ws))
	for i, w := range ws {
		out[i] = " " + w + " "
	}
	return out
}

// firstBytes marks the first byte of each word.
func firstBytes(ws []string) (m [256]bool) {
	for _, w := range ws {
		if w != "" {
			m[w[0]] = true
		}
	}
	return m
}

// entryLine reads a line of a region that lists sub-processors by its
// structure rather than by a known layout: an id that opens the entry
// ("UA-1 = ", "SUB-01: ", "[UV-2] ", "(UA 1) ", "Nr. 1: ", "a. ") is no
// part of the name, and a separator between its fields ("→", "=", "·")
// is read as a dash, so that the readers of "Name, Ort – Leistung" and
// "Leistung – Name" take the entry whatever sign the contract uses. It
// returns the line so read and whether an id opened it (the line is then
// an entry like a list item, also with a bare name).
func entryLine(t string) (string, bool) {
	id := false
	if u, ok := entryID(t); ok {
		t, id = u, true
	}
	return entrySeparated(t), id
}

// entrySeparated replaces the entry separators set off by spaces with a
// dash: "X GmbH, Kiel → Hosting" gives "X GmbH, Kiel – Hosting".
func entrySeparated(t string) string {
	for i := 0; i+1 < len(t); i++ {
		if t[i] != ' ' || !sepFirst[t[i+1]] {
			continue
		}
		for _, s := range entrySeparators {
			if strings.HasPrefix(t[i:], s) {
				return replaceSeparators(t)
			}
		}
	}
	return t
}

// replaceSeparators replaces every entry separator set off by spaces
// with a dash.
func replaceSeparators(t string) string {
	for _, s := range entrySeparators {
		if strings.Contains(t, s) {
			t = strings.ReplaceAll(t, s, " – ")
		}
	}
	return t
}

// entryID strips an entry's id from the start of a line: capitals, a
// hyphen or space and a number ("UA-1", "SUB-001", "UV 2"), or an id
// word with a number ("Nr. 1", "No. 2"), in brackets or followed by a
// separator ("=", ":", "–", "-", "."), or a lower-case letter with a dot
// ("a. ", "b. "); the rest must open with a capitalised word of two
// letters or more. "A4 Druck GmbH", "ISO 27001: …", "z. B. …" keep
// their text.
func entryID(t string) (string, bool) {
	if len(t) < 4 {
		return t, false
	}
	i, closer := 0, byte(0)
	switch t[0] {
	case '[':
		i, closer = 1, ']'
	case '(':
		i, closer = 1, ')'
	}
	j := i
	if c := t[j]; c >= 'a' && c <= 'z' && closer == 0 && t[j+1] == '.' && t[j+2] == ' ' {
		// "a. Wartungsteam Eifel GmbH, Prüm, …".
		return idRest(t, j+3)
	}
	if k := idWord(t[j:]); k > 0 {
		j += k
		for j < len(t) && t[j] == ' ' {
			j++
		}
	} else {
		caps := 0
		for j < len(t) && t[j] >= 'A' && t[j] <= 'Z' {
			j++
			caps++
		}
		if caps == 0 || caps > 5 || j >= len(t) {
			return t, false
		}
		if t[j] == '-' || t[j] == ' ' {
			j++
		} else if caps < 2 {
			return t, false
		}
	}
	d := 0
	for j < len(t) && t[j] >= '0' && t[j] <= '9' {
		j++
		d++
	}
	if d == 0 || d > 3 || j >= len(t) {
		return t, false
	}
	if closer != 0 {
		if t[j] != closer {
			return t, false
		}
		return idRest(t, j+1)
	}
	for j < len(t) && t[j] == ' ' {
		j++
	}
	if j >= len(t) {
		return t, false
	}
	switch {
	case t[j] == '=' || t[j] == ':' || t[j] == '-' || t[j] == '.':
		j++
	case strings.HasPrefix(t[j:], "–"), strings.HasPrefix(t[j:], "—"):
		j += len("–")
	default:
		return t, false
	}
	return idRest(t, j)
}

// idWord is the length of an id word opening s ("Nr. ", "No. "), 0 if
// none.
func idWord(s string) int {
	if len(s) < 3 {
		return 0
	}
	if !idFirst[s[0]] {
		return 0
	}
	for _, w := range entryIDWords {
		if len(s) > len(w) && strings.EqualFold(s[:len(w)], w) && (s[len(w)] == ' ' || s[len(w)] >= '0' && s[len(w)] <= '9') {
			return len(w)
		}
	}
	return 0
}

// idRest is the line after an id ending at j, if it opens with a
// capitalised word of two letters or more.
func idRest(t string, j int) (string, bool) {
	u := strings.TrimLeft(t[j:], " \t")
	r, n := utf8.DecodeRuneInString(u)
	if !unicode.IsUpper(r) {
		return t, false
	}
	r2, _ := utf8.DecodeRuneInString(u[n:])
	if !unicode.IsLetter(r2) {
		return t, false
	}
	return u, true
}
