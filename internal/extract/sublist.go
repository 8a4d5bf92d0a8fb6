package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/art28/art28/internal/prefilter"
)

// inlineList reads a line that lists several sub-processors after a
// lead-in and a colon, one entry per semicolon: "Unterauftragnehmer:
// Hetzner Online GmbH, Gunzenhausen (Deutschland); Brevo SAS, Paris
// (Frankreich)", "Sub-processors: Amazon Web Services EMEA SARL
// (Luxembourg); Twilio Ireland Limited (Ireland)", "Unterauftragnehmer:
// Hetzner; Mailchimp; Zoom." The lead-in must name sub-processors; every
// part must read as an entry (a name with a legal form, or a bare name
// alone or with its service and place in parentheses or after a dash),
// else the line is left to the other readings. A comma inside a name
// ("Stripe Payments Europe, Limited") stays inside it, since parts are
// split at semicolons only.
func (x *extractor) inlineList(t string, start, end int) []*spEntry {
	c := strings.Index(t, ": ")
	if c <= 0 || c > 80 || strings.Count(t, "; ") == 0 {
		return nil
	}
	head := prefilter.Lower(t[:c])
	if !x.k.isSub(head) || x.k.notProc(head) {
		return nil
	}
	body := strings.TrimRight(strings.TrimSpace(t[c+2:]), ".")
	parts := strings.Split(body, ";")
	if len(parts) < 2 {
		return nil
	}
	var out []*spEntry
	for _, p := range parts {
		p = strings.TrimSpace(p)
		if p == "" {
			return nil
		}
		serv := ""
		// (No block index: a part has no next line of its own.)
		name, rest, ok := x.entityLine(p, len(x.doc.Blocks))
		if !ok {
			if name, serv, rest, ok = x.bareEntry(p); !ok {
				if !x.bareListName(p) {
					return nil
				}
				name, rest = p, ""
			}
		}
		e := x.newListEntry(name, rest, t, start, end)
		if serv != "" && e.sp.Service == "" {
			e.sp.Service = serv
		}
		out = append(out, e)
	}
	return out
}

// bareListName reports whether a whole list part is a bare name: one to
// four words, the first capitalised, no sentence, label, category,
// country or placeholder ("Hetzner", "Google Analytics").
func (x *extractor) bareListName(name string) bool {
	if name == "" || len(name) > 40 || len(strings.Fields(name)) > 4 {
		return false
	}
	if r, _ := utf8.DecodeRuneInString(name); !unicode.IsUpper(r) && !unicode.IsDigit(r) {
		return false
	}
	return !(reLongProse.MatchString(name) || reRefLabel.MatchString(name) || x.headerWord(name) || x.k.IsPlaceholder(name) ||
		x.k.CountryOf(name) != "" || x.k.isRegion(name) || x.categoryName(name) || x.serviceWords(name) ||
		strings.ContainsAny(name, ".,:!?()") && !strings.Contains(name, ".io"))
}

// numberedSubLines reads the lines of a paragraph outside a section on
// sub-processors that open with a numbered sub-processor label
// ("Unterauftragnehmer 1: Hornetsecurity GmbH, Am Listholze 78, 30177
// Hannover; Leistung: E-Mail-Filterung"): the label itself says what the
// line names.
func (x *extractor) numberedSubLines(start, end int) []*spEntry {
	var out []*spEntry
	for _, ln := range splitLines(x.text[start:end]) {
		switch ln.text[0] {
		case 'U', 'u', 'S', 's', 'D', 'd':
		default:
			continue // (cheaper than the pattern)
		}
		if !reEntryNumber.MatchString(ln.text) {
			continue
		}
		if name, rest, ok := x.entityLine(ln.text, len(x.doc.Blocks)); ok {
			out = append(out, x.newListEntry(name, rest, ln.text, start+ln.start, start+ln.end))
		}
	}
	return out
}

// safeguardDetail reports whether a line is an entry's labelled detail
// on its transfer safeguard ("Garantie: nicht erforderlich (EU)"), where
// "nicht erforderlich" says no safeguard is needed, not that the listed
// companies are no processors.
func (x *extractor) safeguardDetail(t string) bool {
	c := strings.IndexByte(t, ':')
	return c > 0 && c < 40 && !strings.Contains(t[c+1:], ":") && x.k.cue("safeguard_label").In(prefilter.Lower(t[:c]))
}

// genitiveJoiners are the words that join the parts of one company name
// as a genitive or purpose ("Rechenzentrum der Volksbanken Süd eG",
// "Gesellschaft für Datenverarbeitung mbH", "Bank of Ireland").
// ("for" is none: "Signed for Halvorsen Retail AS" is a signature line.)
var genitiveJoiners = map[string]bool{"der": true, "des": true, "für": true, "of": true}

// genitiveName reports whether the text before a legal form that opens a
// list entry is one name whose capitalised words are joined by one
// genitive or purpose word: three to seven words, the first and the last
// capitalised, none a party's role word, the words before the joiner no
// service ("Hosting der Hetzner Online GmbH", "Druck der …") and no noun
// of an action in "-ung" ("Wartung der …").
func (x *extractor) genitiveName(prefix string) bool {
	f := strings.Fields(reListMarker.Plain().ReplaceAllString(strings.TrimLeft(prefix, " "), ""))
	if len(f) < 3 || len(f) > 7 {
		return false
	}
	joins := 0
	for i, w := range f {
		if genitiveJoiners[w] {
			if i == 0 || i == len(f)-1 {
				return false
			}
			joins++
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) || strings.ContainsAny(w, ",;:()") || x.k.party.role[prefilter.Lower(w)] != "" {
			// (A role word: "Vertreter des Auftraggebers Muster GmbH".)
			return false
		}
		if joins == 0 {
			if lw := prefilter.Lower(w); x.serviceWords(lw) || strings.HasSuffix(lw, "ung") || strings.HasSuffix(lw, "ungen") {
				return false
			}
		}
	}
	return joins == 1
}
