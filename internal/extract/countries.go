package extract

import (
	"strings"

	"github.com/art28/art28/internal/prefilter"
)

// Address is a parsed postal address.
type Address struct {
	Street, Postcode, City, Country string
}

var (
	rePostcodeCity = postcodeRe{prefilter.MustCompile(`(?:^|[\s,(])(?:(?:D|A|CH|L|F|NL|B)-)?(\d{4,5}(?:\s[A-Z]{2})?)\s+(\p{Lu}[\p{L}.\-]*(?:[ \-](?:am|an|der|im|in|bei|a\.|i\.|ob|\p{Lu}[\p{L}.\-]*)){0,3})`)}
	// reTownTail is the rest of a town's name after a preposition: " auf
	// Rügen", " vor der Höhe".
	reTownTail  = prefilter.MustCompile(`^ (?:auf|vor|unter)(?: der| dem| den)? \p{Lu}[\p{L}.\-]*`)
	reStreet    = prefilter.MustCompile(`(?i)([\p{L}\d.\- ]{2,40}?(?:straße|strasse|str\.|weg|platz|allee|gasse|ring|damm|ufer|chaussee|markt|anlage|hof|park|street|st\.|road|rd\.|avenue|ave\.|lane|drive|boulevard|blvd\.?|way|square|quay)\s*\d+[a-z]?(?:\s*[-–]\s*\d+[a-z]?)?)`)
	reNumStreet = prefilter.MustCompile(`^\d+[a-z]?\s+\p{Lu}[\p{L} .\-#\d]+`)
)

// postcodeRe is rePostcodeCity's expression, run only on a text that
// holds what every match holds: a run of four or five digits after the
// start of the text, a white space, comma, "(" or "-" (that of a country
// prefix), and before white space (\s, ASCII). A text without one, most
// texts, is not searched for a match at each of its digits.
type postcodeRe struct{ re *prefilter.Regexp }

// possible reports whether s holds such a run of digits.
func (p postcodeRe) possible(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			continue
		}
		j := i + 1
		for j < len(s) && s[j] >= '0' && s[j] <= '9' {
			j++
		}
		if n := j - i; (n == 4 || n == 5) && j < len(s) && isPerlSpace(rune(s[j])) &&
			(i == 0 || strings.IndexByte(" \t\n\f\r,(-", s[i-1]) >= 0) {
			return true
		}
		i = j
	}
	return false
}

func (p postcodeRe) String() string { return p.re.String() }

func (p postcodeRe) MatchString(s string) bool { return p.possible(s) && p.re.MatchString(s) }

func (p postcodeRe) FindStringIndex(s string) []int {
	if !p.possible(s) {
		return nil
	}
	return p.re.FindStringIndex(s)
}

func (p postcodeRe) FindStringSubmatchIndex(s string) []int {
	if !p.possible(s) {
		return nil
	}
	return p.re.FindStringSubmatchIndex(s)
}

func (p postcodeRe) FindAllStringSubmatchIndex(s string, n int) [][]int {
	if !p.possible(s) {
		return nil
	}
	return p.re.FindAllStringSubmatchIndex(s, n)
}

// ParseAddress reads street, postcode, city and country from a one-line
// address. lang is the contract language; in a German contract a bare
// five-digit postcode is taken as German.
func (k *Knowledge) ParseAddress(s, lang string) Address {
	var a Address
	if m := k.countryRe.FindAllStringSubmatch(s, -1); m != nil {
		a.Country = k.countryName[strings.ToLower(m[len(m)-1][1])]
	}
	if m := rePostcodeCity.FindStringSubmatchIndex(s); m != nil {
		a.Postcode = s[m[2]:m[3]]
		city := s[m[4]:m[5]]
		// Drop a trailing country name glued to the city.
		if cm := k.countryRe.FindStringSubmatchIndex(city); cm != nil && cm[2] > 0 {
			city = strings.TrimSpace(city[:cm[2]])
		}
		a.City = strings.TrimRight(city, " .-")
		if r := s[m[5]:]; len(r) > 5 && r[0] == ' ' && (strings.HasPrefix(r, " auf ") || strings.HasPrefix(r, " vor ") || strings.HasPrefix(r, " unter ")) {
			// "18528 Bergen auf Rügen", "61348 Bad Homburg vor der
			// Höhe": the town goes on after its preposition.
			if w := reTownTail.FindString(r); w != "" {
				a.City = strings.TrimRight(city+w, " .-")
			}
		}
		a.Street = strings.Trim(strings.TrimSpace(s[:m[2]]), ",;:- ")
		if strings.HasSuffix(a.Street, "D") || strings.HasSuffix(a.Street, "A") {
			a.Street = strings.TrimRight(strings.TrimSuffix(strings.TrimSuffix(a.Street, "D"), "A"), " ,")
		}
	}
	if a.City == "" {
		if m := k.cityRe.FindStringSubmatch(s); m != nil {
			a.City = k.cityName[strings.ToLower(m[1])]
		}
	}
	if a.Street == "" && a.Postcode == "" {
		if m := reStreet.FindString(s); m != "" {
			a.Street = strings.TrimSpace(m)
		} else if m := reNumStreet.FindString(s); m != "" {
			a.Street = strings.TrimRight(strings.SplitN(m, ",", 2)[0], " ")
		}
	}
	if a.Country == "" {
		a.Country = k.countryOfAddress(s, a.City, lang)
	}
	return a
}

func (k *Knowledge) countryOfAddress(s, city, lang string) string {
	if city != "" {
		if c, ok := k.cityCountry[strings.ToLower(city)]; ok {
			return c
		}
	}
	for _, p := range k.postcodes {
		if p.DefaultLang != "" && p.DefaultLang != lang {
			continue
		}
		if p.re.MatchString(s) {
			return p.Country
		}
	}
	return ""
}

// CountryOf returns the ISO code of a country name ("Deutschland",
// "United States") or of a code itself, or "".
func (k *Knowledge) CountryOf(name string) string {
	name = strings.TrimSpace(name)
	if c, ok := k.countryName[strings.ToLower(name)]; ok {
		return c
	}
	if _, ok := k.byCode[strings.ToUpper(name)]; ok && len(name) == 2 {
		return strings.ToUpper(name)
	}
	if m := k.countryRe.FindStringSubmatch(name); m != nil {
		return k.countryName[strings.ToLower(m[1])]
	}
	return ""
}

var (
	reSCC = prefilter.MustCompile(`(?i)standardvertragsklausel|standarddatenschutzklausel|standard contractual clause|\bSCCs?\b|2021/914|EU-Standardvertr`)
	reDPF = prefilter.MustCompile(`(?i)data privacy framework|\bDPF\b|Datenschutzrahmen`)
	reBCR = prefilter.MustCompile(`(?i)binding corporate rules|verbindliche(?:n)? interne(?:n)? Datenschutzvorschriften|\bBCRs?\b`)
	reAdq = prefilter.MustCompile(`(?i)angemessenheitsbeschluss|adequacy decision|angemessenes Datenschutzniveau`)
)

// transfer decides third-country status and the mechanism named in text.
func (k *Knowledge) transfer(country, text string) (bool, string) {
	c, ok := k.byCode[country]
	if !ok || c.InEEA() {
		return false, ""
	}
	switch {
	case reDPF.MatchString(text):
		return true, "data_privacy_framework"
	case reSCC.MatchString(text):
		return true, "standard_contractual_clauses"
	case reBCR.MatchString(text):
		return true, "binding_corporate_rules"
	case reAdq.MatchString(text) || c.Adequacy == "full":
		return true, "adequacy_decision"
	}
	return true, "none"
}
