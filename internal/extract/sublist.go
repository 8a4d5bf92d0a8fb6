package extract

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/art28/art28/internal/lexicon"
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
// ("Stripe Payments Europe, Limited") stays inside it: parts are split
// at semicolons, and at commas only as commaParts says.
func (x *extractor) inlineList(t string, start, end int) []*spEntry {
	return x.inlineListHead(t, start, end, false)
}

// footnoteMarks open a footnote's line ("¹ Stand 1. März: …", "* Anlage
// 3: …", "[2] …").
var reFootnoteMark = prefilter.MustCompile(`^(?:[¹²³⁴⁵⁶⁷⁸⁹⁰]+|\*{1,3}|\[\d{1,2}\])\s*`)

// footnoteList reads a footnote in a section on sub-processors that
// names them after a colon, one per semicolon or a single one: "¹ Stand
// 1. März 2026: X GmbH, 34613 Ort (Rechenzentrum); Y Oy, Helsinki,
// Finnland (Support)", "* Anlage 3: X GmbH, Straße 1, 67433 Ort – …".
// Its lead-in before the colon need not name sub-processors (the
// sentence the footnote belongs to does); every part must have a legal
// form.
func (x *extractor) footnoteList(t string, start, end int) []*spEntry {
	m := reFootnoteMark.FindStringIndex(t)
	if m == nil || m[1] == len(t) {
		return nil
	}
	return x.inlineListHead(t[m[1]:], start, end, true)
}

// footnoteNote reports whether the parts after a footnote's entry are
// notes on it (what it does, where), none a name with a legal form.
func (x *extractor) footnoteNote(parts []string) bool {
	for _, p := range parts {
		if a, _ := x.k.legalForm(p); a >= 0 {
			return false
		}
	}
	return true
}

// inlineListHead is inlineList; anyHead (a footnote's lead-in) reads a
// line whose lead-in does not name sub-processors, and a single entry.
func (x *extractor) inlineListHead(t string, start, end int, anyHead bool) []*spEntry {
	c := strings.Index(t, ": ")
	if anyHead {
		if a, _ := x.k.legalForm(t); a > 0 && (c <= 0 || a < c) {
			// "¹ Rechenzentrum Ostalb GmbH, Aalen", "[2] X GmbH, Ort
			// (Hosting); Y AG, Ort (E-Mail)": a footnote naming the
			// companies without a lead-in.
			c = -2
		}
	}
	if c == -1 || c == 0 || c > 80 || !anyHead && !strings.Contains(t, "; ") && !strings.Contains(t[c:], ", ") {
		return nil
	}
	head := ""
	if c > 0 {
		head = prefilter.Lower(t[:c])
	}
	if !anyHead && !x.k.isSub(head) || x.k.notProc(head) {
		return nil
	}
	body := strings.TrimRight(strings.TrimSpace(t[c+2:]), ".")
	parts := strings.Split(body, ";")
	if anyHead {
		for k, p := range parts {
			if a, _ := x.k.legalForm(p); a <= 0 {
				if k > 0 && x.footnoteNote(parts[k:]) {
					// "¹ Rechenzentrum: X GmbH, Weg 1, 12345 Ort;
					// Betrieb der Server": one entry and a note on
					// what it does after the semicolon.
					parts = parts[:k]
					break
				}
				return nil
			}
		}
	} else if len(parts) < 2 {
		if parts = x.commaParts(head, body); parts == nil {
			return nil
		}
	}
	var out []*spEntry
	for _, p := range parts {
		p = strings.TrimSpace(p)
		if p == "" {
			return nil
		}
		serv := ""
		// (No block index: a part has no next line of its own.)
		if a, _ := x.k.legalForm(p); a == 0 {
			// "Limited" of "Stripe Payments Europe, Limited" split at
			// its comma: no list of names.
			return nil
		}
		name, rest, ok := x.entityLine(p, len(x.doc.Blocks))
		if !ok {
			if name, serv, rest, ok = x.bareEntry(p); !ok {
				if n, r, ok := x.bareNameNote(p); ok {
					// "Bürofix (Scan-Service)": a bare name and a short
					// note on what it does, in a list the lead-in says
					// names sub-processors.
					name, rest = n, r
				} else if !x.bareListName(p) {
					return nil
				} else {
					name, rest = p, ""
				}
			}
		}
		if i := strings.LastIndex(name, " ("); i > 0 && strings.HasSuffix(name, ")") && (x.placeWords(name[i+2:len(name)-1]) || x.serviceWords(name[i+2:len(name)-1])) {
			// "IONOS SE (Montabaur)": the town in parentheses is the
			// entry's place, not a qualifier of its name; "Netzhaus
			// Weser GmbH (Hosting)": the service is none either.
			inner := name[i+2 : len(name)-1]
			name, rest = name[:i], name[i:]+rest
			if !x.placeWords(inner) {
				rest = " – " + inner + rest[len(inner)+3:]
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
	for ls := start; ls < end; {
		le := strings.IndexByte(x.text[ls:end], '\n')
		if le < 0 {
			le = end
		} else {
			le += ls
		}
		t := strings.TrimSpace(x.text[ls:le])
		// (The first letter is tested before the pattern: most lines
		// of most paragraphs open with another.)
		if t != "" && strings.IndexByte("UuSsDd", t[0]) >= 0 && reEntryNumber.MatchString(t) {
			if name, rest, ok := x.entityLine(t, len(x.doc.Blocks)); ok {
				at := ls + strings.Index(x.text[ls:le], t)
				out = append(out, x.newListEntry(name, rest, t, at, at+len(t)))
			}
		}
		ls = le + 1
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
// as a genitive or purpose ("Rechenzentrum der Volksbanken Süd eG").
var genitiveJoiners = lexicon.Set("genitive_name_joiners")

// genitiveName reports whether the text before a legal form that opens a
// list entry is one name whose capitalised words are joined by one
// genitive or purpose word: three to seven words, the first and the last
// capitalised, none a party's role word, the words before the joiner no
// service ("Hosting der Hetzner Online GmbH", "Druck der …") and no noun
// of an action in "-ung" ("Wartung der …").
func (x *extractor) genitiveName(prefix string) bool {
	f := strings.Fields(reListMarker.Plain().ReplaceAllString(strings.TrimLeft(prefix, " "), ""))
	if len(f) < 3 || len(f) > 8 {
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
		if wrapConjunctions[w] && i > 0 && i < len(f)-1 && !genitiveJoiners[f[i-1]] {
			// "Gesellschaft für Informationsverarbeitung und
			// Kommunikationstechnik Oberrhein mbH", "Verwaltungs- und
			// Abrechnungszentrum der …": two nouns joined.
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) || strings.ContainsAny(w, ",;:()") || x.k.party.role[prefilter.Lower(w)] != "" {
			// (A role word: "Vertreter des Auftraggebers Muster GmbH".)
			return false
		}
		if strings.HasSuffix(w, "-") && i+2 < len(f) && wrapConjunctions[f[i+1]] {
			// "Verwaltungs- und Abrechnungszentrum": the compound's head
			// is the word after the conjunction.
			continue
		}
		if joins == 0 {
			if lw := prefilter.Lower(w); !orgNoun(lw) && (x.serviceWords(lw) || strings.HasSuffix(lw, "ung") || strings.HasSuffix(lw, "ungen")) {
				return false
			}
		}
	}
	return joins == 1
}

// orgNounEndings are the endings of compounds that name an organisation
// ("Abrechnungszentrum", "Vereinigung"): such a word heads a company's
// name even when it holds a service ("Abrechnungszentrum der Zahnärzte
// Südwest eG").
var orgNounEndings = lexicon.List("organisation_noun_endings")

// orgNoun reports whether a lower-case word ends in an organisation noun.
func orgNoun(lw string) bool {
	for _, e := range orgNounEndings {
		if strings.HasSuffix(lw, e) {
			return true
		}
	}
	return false
}

// commaParts splits the body of a lead-in's line at its commas and its
// last "und", "and" or "sowie" ("Hetzner, Mailchimp und Zoom"), when the
// lead-in is a bare label ("Unterauftragnehmer:") or names the companies
// engaged now ("folgende", "derzeit", "following", "currently"): a lead-in
// such as "kommen insbesondere in Betracht" lists kinds of providers.
// nil for fewer than two parts.
func (x *extractor) commaParts(head, body string) []string {
	if len(strings.Fields(head)) > 2 && !x.k.cue("provider_lead_list").In(head) && !reNowNamed.MatchString(head) {
		return nil
	}
	last := -1
	for _, j := range []string{" und ", " and ", " sowie "} {
		if i := strings.LastIndex(body, j); i > last {
			last = i
		}
	}
	var parts []string
	if last > 0 {
		w := strings.IndexByte(body[last+1:], ' ') + last + 2
		parts = append(strings.Split(body[:last], ", "), body[w:])
	} else {
		parts = strings.Split(body, ", ")
	}
	if len(parts) < 2 {
		return nil
	}
	for k := 1; k < len(parts); k++ {
		// "Aktenwerk Rheinhessen GmbH, Alzey – Archiv": a town after a
		// company with a legal form is its place, the line no list of
		// names (branch subs28).
		// ("Hetzner Online GmbH (Deutschland), Brevo (Frankreich)" is
		// one: the company before ends in its place, not its legal form,
		// and "Brevo" has no field after it.)
		p := parts[k]
		j := strings.IndexAny(p, "(–—:")
		if j <= 0 {
			continue
		}
		prev := strings.TrimSpace(parts[k-1])
		if _, e := x.k.legalForm(prev); e > 0 && strings.TrimRight(prev[e:], " .") == "" && x.townWord(strings.TrimSpace(p[:j])) {
			return nil
		}
	}
	return parts
}

// townPrefixes open a town's name ("Bad Kreuznach"; lexicon:
// town_prefixes).
var townPrefixes = lexicon.List("town_prefixes")

// townWord reports whether s reads as one town: a place word, also after
// a town prefix ("Alzey", "Bad Kreuznach"; branch subs28).
func (x *extractor) townWord(s string) bool {
	for _, p := range townPrefixes {
		if len(s) > len(p)+1 && s[len(p)] == ' ' && strings.EqualFold(s[:len(p)], p) {
			s = s[len(p)+1:]
			break
		}
	}
	return x.placeWord(s, true)
}

// noneValues are the words by which a labelled field says there is none
// ("Unterauftragnehmer: keine", "Sub-processors: none").
var noneValues = lexicon.Set("none_values")

// noneValue reports whether a labelled value opens with a word saying
// there is none.
func noneValue(v string) bool {
	w, _, _ := strings.Cut(strings.TrimSpace(v), " ")
	return noneValues[strings.ToLower(strings.TrimRight(w, ".,;:"))]
}

// placeWords reports whether a short text is a place: one to three
// capitalised words without digits or a legal form ("Montabaur",
// "Frankfurt am Main" has a lower-case word and is read elsewhere).
func (x *extractor) placeWords(s string) bool {
	f := strings.Fields(s)
	if len(f) == 0 || len(f) > 3 || strings.ContainsAny(s, "0123456789,;:") || x.hasLegalForm(s) {
		return false
	}
	for _, w := range f {
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) {
			return false
		}
	}
	return !x.serviceWords(s)
}

// letteredEntry strips the capital letter label of an entry of a lettered
// list ("A. Tallyform – online forms – Dublin", "C) Kellerarchiv Nord –
// Einlagerung") and returns the rest. The line at offset at must be one
// of a run: "A." over a line opening with "B.", or any other letter under
// a line opening with the letter before it, with the same punctuation.
// So an initial ("A. Schmidt Transporte GmbH") or a heading "B.
// Pflichten" standing alone is no entry.
func (x *extractor) letteredEntry(t string, at int) (string, bool) {
	if len(t) < 4 || t[0] < 'A' || t[0] > 'Z' || t[1] != '.' && t[1] != ')' || t[2] != ' ' {
		return "", false
	}
	rest := strings.TrimLeft(t[3:], " ")
	if r, _ := utf8.DecodeRuneInString(rest); !unicode.IsUpper(r) && !unicode.IsDigit(r) {
		return "", false
	}
	k := sort.Search(len(x.lines), func(i int) bool { return x.lines[i].end >= at })
	if k >= len(x.lines) {
		return "", false
	}
	// The nearest line with text above or below (a blank line between
	// entries is allowed, and so is a page line: "- 6 -", "Seite 2 von 5").
	near := func(step int) string {
		for j := k + step; j >= 0 && j < len(x.lines) && (j-k)*step <= 5; j += step {
			if s := strings.TrimSpace(x.lines[j].text); s != "" && !pageFooter(s) {
				return s
			} else if s != "" && (j-k)*step > 3 {
				break
			}
		}
		return ""
	}
	letter, punct := t[0], t[1]
	seq := func(s string, want byte) bool {
		return len(s) > 3 && s[0] == want && s[1] == punct && s[2] == ' '
	}
	if letter == 'A' {
		return rest, seq(near(1), 'B')
	}
	return rest, seq(near(-1), letter-1)
}

// letteredBare reads the text of a lettered entry (lettered tells whether
// t is one, see letteredEntry) as a bare name with its service and
// place, or returns nil. A name holding a sub-processor word is a
// heading ("B. Weitere Unterauftragsverarbeiter – Änderungen").
func (x *extractor) letteredBare(t string, lettered bool, start, end int) *spEntry {
	if !lettered {
		return nil
	}
	name, serv, rest, ok := x.bareEntry(t)
	if !ok || x.k.isSub(prefilter.Lower(name)) {
		return nil
	}
	e := x.newListEntry(name, rest, t, start, end)
	if serv != "" && e.sp.Service == "" {
		e.sp.Service = serv
	}
	return e
}

// bareNameNote splits a list part "Bürofix (Scan-Service)" into a bare
// name (as bareListName accepts it) and a note in parentheses of one or
// two words without digits, legal form or comma; else ok is false.
func (x *extractor) bareNameNote(p string) (name, rest string, ok bool) {
	i := strings.Index(p, " (")
	if i <= 0 || !strings.HasSuffix(p, ")") {
		return "", "", false
	}
	note := p[i+2 : len(p)-1]
	if note == "" || len(strings.Fields(note)) > 2 || strings.ContainsAny(note, "0123456789,;()") || x.hasLegalForm(note) || !x.bareListName(p[:i]) {
		return "", "", false
	}
	return p[:i], " – " + note, true
}
