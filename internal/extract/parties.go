package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/art28/art28/internal/lexicon"
	"github.com/art28/art28/internal/prefilter"
)

// Lines of a party block (internal/extract/partyread.go).
var (
	reSeparatorLine = prefilter.MustCompile(`(?i)^(?:(?:und|and|zwischen|between)\s*(?:/\s*(?:und|and|zwischen|between)|\((?:und|and|zwischen|between)\))|und|and|zwischen|between|sowie|-?\s*nachfolgend.*|vertrag.*|vereinbarung.*|schließen.*|conclude.*|by and between)$`)
	reRepresented   = prefilter.MustCompile(`(?i)^(?:vertreten durch|gesetzlich vertreten durch|vertr\. d\.|represented by|geschäftsführer(?:in)?|managing director|ceo|inhaber(?:in)?)\s*[:.]?\s*(.+)$`)
	rePhone         = prefilter.MustCompile(`(?i)^(?:tel(?:efon)?|phone|fon)\.?\s*[:.]?\s*(\+?[\d ()/\-]{5,})`)
	reEmail         = prefilter.MustCompile(`[\p{L}\d._%+\-]+@[\p{L}\d.\-]+\.[a-z]{2,}`)
	reCustomerNo    = prefilter.MustCompile(`(?i)\b(?:kd\.?-?nr\.?|kunden-?nr\.?|kundennummer|customer (?:no\b\.?|number\b|id\b)|account (?:no\b\.?|number\b|id\b))\s*[:.]?\s*((?:[A-Z\-/]*[0-9])[A-Z0-9\-/]+)`)
)

// splitParts splits a one-line party ("Name, Street 1, 12345 City") into
// pseudo-lines at commas that do not follow a legal form.
func splitParts(start int, s string) []line {
	var out []line
	from := 0
	for i := 0; i <= len(s); i++ {
		if i < len(s) && s[i] != ',' && s[i] != ';' {
			continue
		}
		part := s[from:i]
		t := strings.TrimSpace(part)
		if t != "" {
			lead := strings.Index(part, t)
			out = append(out, line{start: start + from + lead, end: start + from + lead + len(t), text: t})
		}
		from = i + 1
	}
	return out
}

var reNumberedHeading = prefilter.MustCompile(`^(?:§\s*\d+|\d{1,2}(?:\.\d+)*\.?\s+\p{Lu}|(?i:art(?:ikel|icle)?|section|ziffer)\s+\d+)`)

func headingish(s string) bool { return reNumberedHeading.MatchString(s) }

var (
	reFax      = prefilter.MustCompile(`(?i)^fax`)
	reRedacted = prefilter.MustCompile(`(?i)redacted|geschwärzt|\bblacked out\b`)
)

func looksRedacted(s string) bool { return reRedacted.MatchString(s) }

var nameStop = lexicon.Set("name_stop_words")

// descriptorEndings are the endings of words that describe a company
// before its name.
var descriptorEndings = lexicon.List("descriptor_word_endings")

// descriptorCompound reports whether w is a compound of a word that
// describes a company before its name ("die Hosting-Firma Muster GmbH",
// "der IT-Dienstleister Beispiel AG", "Druckfirma"): the compound says what
// the company does and is no part of its name.
func descriptorCompound(w string) bool {
	lw := strings.ToLower(w)
	for _, suf := range descriptorEndings {
		if len(lw) > len(suf)+2 && strings.HasSuffix(lw, suf) {
			return true
		}
	}
	return false
}

// nameBefore finds a company name (ending in a legal form) that ends right
// before offset at (after optional spaces) in s.
func (x *extractor) nameBefore(s string, at int) (int, int, bool) {
	end := at
	for end > 0 && s[end-1] == ' ' {
		end--
	}
	seg := s[max(0, end-120):end]
	base := end - len(seg)
	// The legal form must end the segment.
	loc := x.k.legalRe.FindAllStringSubmatchIndex(seg+" ", -1)
	if len(loc) == 0 {
		return 0, 0, false
	}
	last := loc[len(loc)-1]
	if last[3] != len(seg) {
		return 0, 0, false
	}
	start := x.walkBack(seg, last[2])
	if start >= last[2] {
		return 0, 0, false
	}
	return base + start, base + last[3], true
}

// walkBack moves from a legal form's start over the words of the name,
// stopping at a stop word, punctuation or after six words.
func (x *extractor) walkBack(s string, at int) int {
	start := at
	words := 0
	i := at
	for words < 6 {
		k, j := wordBefore(s, i)
		if k == j {
			break
		}
		w := s[k:j]
		if len(w) > 3 && w[0] == '(' && w[len(w)-1] == ')' && !strings.ContainsAny(w[1:len(w)-1], "()") {
			// "Sage (UK) Limited", "Alibaba Cloud (Singapore) Private
			// Limited": a place in parentheses inside the name.
			if r, _ := utf8.DecodeRuneInString(w[1:]); unicode.IsUpper(r) {
				start = k
				words++
				i = k
				continue
			}
		}
		if w == "and" || w == "und" || w == "&" {
			if st := x.joinedLabelName(s, k); st >= 0 {
				// "Authority: Northfield and Ashby NHS Foundation Trust":
				// a name that joins two words and opens a label's value.
				start = st
				break
			}
			if w == "&" && x.ampersandInName(s, k) {
				// "Lindner & Roth Steuerberatungsgesellschaft mbH":
				// "&" between a capitalised word and the name's next
				// word joins one name (a party list joins by "und").
				i = k
				continue
			}
		}
		if nameStop[strings.ToLower(w)] || descriptorCompound(w) || strings.ContainsAny(w[len(w)-1:], ",;:.)") && !strings.HasSuffix(w, ".") {
			break
		}
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			break
		}
		start = k
		words++
		i = k
		if k > 0 && s[k-1] == '\n' {
			break
		}
	}
	return start
}

// wordBefore returns the bounds [k, j) of the word before offset at,
// skipping the spaces before at; a word ends at a space, tab or line
// break. k == j when there is none.
func wordBefore(s string, at int) (k, j int) {
	j = at
	for j > 0 && s[j-1] == ' ' {
		j--
	}
	k = j
	for k > 0 && s[k-1] != ' ' && s[k-1] != '\n' && s[k-1] != '\t' {
		k--
	}
	return k, j
}

// ampersandInName reports whether the "&" at offset at joins two words of
// one name: the word before it is capitalised, no legal form, article,
// role, generic or stop word, and ends in no punctuation.
func (x *extractor) ampersandInName(s string, at int) bool {
	k, j := wordBefore(s, at)
	if k == j {
		return false
	}
	w := s[k:j]
	lw := strings.ToLower(w)
	pk := x.k.party
	_, isRole := pk.role[lw]
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r) && !isRole && !pk.generic[lw] && !pk.article[lw] && !nameStop[lw] &&
		!strings.ContainsAny(w, ",;:.()\"“”„") && !x.k.legalRe.MatchString(" "+w+" ")
}

// trimRegisterTail cuts off the registration details that follow an
// address ("…, 50667 Köln, eingetragen beim Amtsgericht Köln unter HRB
// 4412, Erlaubnis nach § 34c GewO, USt-IdNr. DE 298 771 045"): short
// comma-separated items after the postcode and town, none a clause (no
// finite verb), none opening with a joining word or an article, none
// holding quotes or brackets, one at least with a digit. s unchanged
// when the tail is not such a list.
func (x *extractor) trimRegisterTail(s string) string {
	m := rePostcodeCity.FindStringIndex(s)
	if m == nil {
		return s
	}
	rest := strings.TrimSpace(s[m[1]:])
	if !strings.HasPrefix(rest, ",") {
		return s
	}
	items := strings.Split(rest[1:], ",")
	if len(items) > 6 {
		return s
	}
	digit := false
	for _, it := range items {
		it = strings.TrimSpace(it)
		w, _ := firstWord(it)
		lw := strings.ToLower(w)
		if it == "" || len(it) > 90 || reLongProse.MatchString(it) || strings.ContainsAny(it, "()„“”\"«»") ||
			x.k.party.article[lw] || lw == "und" || lw == "sowie" || lw == "oder" || lw == "and" || lw == "or" {
			return s
		}
		digit = digit || strings.ContainsAny(it, "0123456789")
	}
	if !digit {
		return s
	}
	return s[:m[1]]
}

// reIncorporation is the description of a company between its name and its
// address: ", a company registered in England and Wales (company number
// 09876543) with its registered office at", ", a Delaware corporation with
// offices at", ", eine Gesellschaft mit Sitz in".
var reIncorporation = prefilter.MustCompile(`(?i)^\s*,?\s*(?:an?|eine?) (?:[\p{L}-]+ ){0,4}(?:company|corporation|limited liability company|partnership|entity|body corporate|gesellschaft|unternehmen)\b(?: (?:registered|incorporated|organi[sz]ed|existing|established|eingetragen)[^()\n]{0,60}?)?(?: ?\([^()\n]{0,40}\))?,?(?: (?:with|having) (?:its )?(?:registered (?:office|address)|principal (?:place of business|office)|head office|offices?|seat|address) (?:at|in)\b| mit (?:Sitz|Geschäftssitz) in\b)?`)

// joinedLabelName returns where a name starts whose words before the
// joining word at offset at ("and", "und", "&") are one to three
// capitalised words, none a legal form, a role or a generic word, right
// after a label's colon or at the start of a line: "Authority: Northfield
// and Ashby NHS Foundation Trust", "Parties: Calder and Holme Valley NHS
// Foundation Trust (…)". Elsewhere ("between John Smith and Acme Ltd")
// the joining word may stand between two parties; -1 then.
func (x *extractor) joinedLabelName(s string, at int) int {
	pk := x.k.party
	i := at
	for n := 0; n < 4; n++ {
		j := i
		for j > 0 && s[j-1] == ' ' {
			j--
		}
		if j == 0 || s[j-1] == '\n' {
			return -1
		}
		k := j
		for k > 0 && s[k-1] != ' ' && s[k-1] != '\n' && s[k-1] != '\t' {
			k--
		}
		w := s[k:j]
		if strings.HasSuffix(w, ":") {
			if n == 0 {
				return -1
			}
			return i
		}
		lw := strings.ToLower(w)
		_, isRole := pk.role[lw]
		if r, _ := utf8.DecodeRuneInString(w); n == 3 || !unicode.IsUpper(r) || isRole || pk.generic[lw] || pk.article[lw] || nameStop[lw] ||
			strings.ContainsAny(w, ",;.()\"“”„") || pk.legalRe.MatchString(" "+w+" ") {
			return -1
		}
		i = k
		if k == 0 || s[k-1] == '\n' {
			return i
		}
	}
	return -1
}

// nameWithin finds the last company name in the 200 bytes before at when
// only an address lies between it and at ("der Muster GmbH, Weg 1, 12345
// Ort – nachfolgend Auftragnehmer –").
func (x *extractor) nameWithin(s string, at int) (int, int, bool) {
	from := runeStart(s, max(0, at-200))
	if from > 0 && !unicode.IsSpace(rune(s[from-1])) {
		// The window opens inside a word: start after it.
		if sp := strings.IndexAny(s[from:at], " \n\t"); sp >= 0 {
			from += sp + 1
		}
	}
	seg := s[from:at]
	locs := x.k.legalRe.FindAllStringSubmatchIndex(seg+" ", -1)
	if len(locs) == 0 {
		return 0, 0, false
	}
	last := locs[len(locs)-1]
	between := seg[last[3]:]
	if m := reIncorporation.FindStringIndex(between); m != nil {
		// ", a company registered in England and Wales (company number
		// 09876543) with its registered office at": only the address counts.
		between = between[m[1]:]
	}
	if len(between) > 120 {
		between = x.trimRegisterTail(between)
	}
	if len(between) > 120 || reLongProse.MatchString(between) || !x.isAddress(between) {
		return 0, 0, false
	}
	st := x.walkBack(seg, last[2])
	if st >= last[2] {
		return 0, 0, false
	}
	return from + st, from + last[3], true
}

// isAddress reports whether s reads as an address: a postcode and city, or
// a postcode format or country name of the country knowledge ("London
// EC1A 1BB, United Kingdom", "San Francisco, CA 94105, USA").
func (x *extractor) isAddress(s string) bool {
	if rePostcodeCity.MatchString(s) {
		return true
	}
	a := x.k.ParseAddress(collapse(s), x.lang)
	return a.Country != "" && (a.Postcode != "" || a.City != "" || strings.ContainsAny(s, "0123456789"))
}
