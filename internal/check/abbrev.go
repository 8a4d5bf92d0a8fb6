package check

import (
	"strings"
)

// Abbreviated party words. Short German contracts define the parties as
// "Auftraggeber (AG)" and "Auftragnehmer (AN)" and then write "Der AN
// übersetzt für den AG …", "Der AN meldet dem AG Datenpannen". The
// abbreviation is read as the party word it abbreviates wherever the
// text writes it in capitals (the index aliases the token, see
// match.NewIndexAliased), so the preposition "an" stays a preposition
// and the rules written for "der Auftragnehmer" / "dem Auftraggeber" read
// both forms.

// reAbbrev reads "(AN)", "(nachfolgend „AG“)", "(kurz: AN)" at the start of
// a window that begins with "(".
var reAbbrev = lazyRe(`^\(\s*(?:(?:nachfolgend|im Folgenden|kurz|auch|abgekürzt)[:\s]+)?[„"“»]?([A-ZÄÖÜ]{2,4})["“”«]?\s*\)`)

// abbreviatedParties returns the aliases ["=AN", "auftragnehmer"] for the
// capitalised abbreviations text defines in parentheses right after a
// German party word ("Auftragnehmer (AN)", "Verantwortlicher (V)" is too
// short to count).
func (f *actorFinder) abbreviatedParties(text string) [][]string {
	var out [][]string
	seen := map[string]bool{}
	for from := 0; len(out) < 4; {
		k := strings.IndexByte(text[from:], '(')
		if k < 0 {
			break
		}
		at := from + k
		from = at + 1
		m := reAbbrev().FindStringSubmatch(text[at:min(len(text), at+40)])
		if m == nil || seen[m[1]] {
			continue
		}
		word := lastWord(strings.ToLower(text[max(0, at-40):at]))
		var as string
		switch f.party[word] {
		case Processor:
			as = "auftragnehmer"
		case Controller:
			as = "auftraggeber"
		default:
			continue
		}
		if f.party[strings.ToLower(m[1])] != Nobody {
			continue // already a party word
		}
		seen[m[1]] = true
		out = append(out, []string{"=" + m[1], as})
	}
	return out
}
