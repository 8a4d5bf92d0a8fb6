package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// firstSeparator is the offset and length of the first entry separator
// set off by spaces in t (" → ", " = ", " ← "), -1 if none.
func firstSeparator(t string) (int, int) {
	for i := 0; i+1 < len(t); i++ {
		if t[i] != ' ' || !sepFirst[t[i+1]] {
			continue
		}
		for _, s := range entrySeparators {
			if strings.HasPrefix(t[i:], s) {
				return i, len(s)
			}
		}
	}
	return -1, 0
}

// serviceFirst reads an entry whose service comes before the separator
// and whose company, ending in its legal form, comes after it, however
// long the service and its remark in brackets are: "Spracherkennung
// (Betrieb des Servers, Zwischenspeicher bis 72 Stunden) → X GmbH,
// Straße 1, 12345 Ort" gives "X GmbH, Straße 1, 12345 Ort – Spracherkennung
// (…)", the order the readers of "Name, Ort – Leistung" know. The service
// holds no legal form, no colon or semicolon and no verb of a sentence; a
// line whose company comes first keeps its order (branch hold31s).
func (x *extractor) serviceFirst(t string) string {
	i, n := firstSeparator(t)
	if i <= 0 {
		return t
	}
	head, tail := strings.TrimSpace(t[:i]), strings.TrimSpace(t[i+n:])
	if head == "" || tail == "" || utf8.RuneCountInString(head) > 160 || strings.ContainsAny(head, ":;") || strings.HasSuffix(head, ".") {
		return t
	}
	if r, _ := utf8.DecodeRuneInString(head); !unicode.IsUpper(r) {
		return t
	}
	if r, _ := utf8.DecodeRuneInString(tail); !unicode.IsUpper(r) {
		return t
	}
	field := tail
	if c := strings.IndexByte(tail, ','); c > 0 {
		field = tail[:c]
	}
	if !x.hasLegalForm(field) || x.hasLegalForm(head) || reLongProse.MatchString(head) {
		return t
	}
	return tail + " – " + head
}

// serviceName reports whether a bare name of a list entry is one word
// that names a service, ending in a service word: "Hosting",
// "E-Mail-Versand", "Datensicherung" over "• Hosting – Betrieb der
// Server, Frankfurt (Deutschland)" under "Derzeit sind das Anbieter
// für:". A company's bare name ("Bitwolke", "Mailkranich") ends in none.
func (x *extractor) serviceName(name string) bool {
	if strings.ContainsAny(name, " \t") || !x.serviceWords(name) {
		return false
	}
	low := strings.ToLower(name)
	for _, w := range x.k.cue("service_words").List() {
		if strings.HasSuffix(low, w) {
			return true
		}
	}
	return false
}
