package extract

import (
	"sort"
	"strings"

	"github.com/art28/art28/internal/prefilter"
)

// paramRule finds one family of technical parameters; anchor is a
// lower-case fragment every match contains, so the pattern only runs on a
// short window around each occurrence of the anchor.
type paramRule struct {
	anchor string
	re     *prefilter.Regexp
}

var paramRules = []paramRule{
	{"tls", prefilter.MustCompile(`\bTLS\s?v?1\.[0-3]\b|\bTLS\b`)},
	{"ssl", prefilter.MustCompile(`\bSSL\b`)},
	{"aes", prefilter.MustCompile(`\bAES(?:[\s-]?(?:128|192|256))?\b`)},
	{"rsa", prefilter.MustCompile(`\bRSA[\s-]?\d{4}\b`)},
	{"sha", prefilter.MustCompile(`\bSHA-?(?:1|256|384|512|2|3)\b`)},
	{"bcrypt", prefilter.MustCompile(`\b[bB]crypt\b`)},
	{"argon", prefilter.MustCompile(`\b[aA]rgon2\w*\b`)},
	{"pbkdf", prefilter.MustCompile(`\bPBKDF2\b`)},
	{"https", prefilter.MustCompile(`\bHTTPS\b`)},
	{"sftp", prefilter.MustCompile(`\bSFTP\b`)},
	{"vpn", prefilter.MustCompile(`\bVPN\b`)},
	{"ipsec", prefilter.MustCompile(`\bIPsec\b|\bIPSec\b`)},
	{"iso", prefilter.MustCompile(`\bISO(?:/IEC)?\s?(?:2700[12]|27701|27017|27018|9001)(?::20\d\d)?\b`)},
	{"c5", prefilter.MustCompile(`\b(?:BSI[\s-])?C5\b`)},
	{"soc", prefilter.MustCompile(`\bSOC\s?[123](?:\s?Type\s?(?:II|I|1|2))?\b`)},
	{"tisax", prefilter.MustCompile(`\bTISAX\b`)},
	{"grundschutz", prefilter.MustCompile(`\bIT-Grundschutz\b`)},
	{"pci", prefilter.MustCompile(`\bPCI[\s-]DSS\b`)},
	{"2fa", prefilter.MustCompile(`\b2FA\b`)},
	{"mfa", prefilter.MustCompile(`\bMFA\b`)},
	{"faktor", prefilter.MustCompile(`Zwei-Faktor|Mehr-Faktor`)},
	{"factor", prefilter.MustCompile(`(?i:two|multi)-factor`)},
}

// findParams returns the technical parameters in text, normalised, in
// order of first appearance per rule. lower is text lower-cased with the
// same byte offsets.
func findParams(text, lower string) []string {
	var out []string
	for _, r := range paramRules {
		off := 0
		for off < len(lower) {
			i := strings.Index(lower[off:], r.anchor)
			if i < 0 {
				break
			}
			i += off
			a, b := wordStart(text, max(0, i-8)), wordEnd(text, min(len(text), i+len(r.anchor)+16))
			for _, m := range r.re.FindAllString(text[a:b], -1) {
				out = append(out, normParam(m))
			}
			off = b
		}
	}
	sort.Strings(out)
	return out
}

func wordStart(s string, a int) int {
	for a > 0 && s[a-1] != ' ' && s[a-1] != '\n' && s[a-1] != '\t' {
		a--
	}
	return a
}

func wordEnd(s string, b int) int {
	for b < len(s) && s[b] != ' ' && s[b] != '\n' && s[b] != '\t' {
		b++
	}
	return b
}

// params finds the technical parameters, sentence by sentence when a term
// index is available, else in the whole text.
func (x *extractor) params() []string {
	cand := x.candidates("tom_parameters")
	if cand == nil {
		return findParams(x.text, x.lower)
	}
	var out []string
	for i, s := range x.in.Sentences {
		if cand.Has(i) {
			out = append(out, findParams(x.text[s.Start:s.End], x.lower[s.Start:s.End])...)
		}
	}
	sort.Strings(out)
	return out
}
