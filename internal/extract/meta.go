package extract

import (
	"fmt"
	"github.com/art28/art28/internal/lexicon"
	"strconv"
	"strings"

	"github.com/art28/art28/internal/model"
	"github.com/art28/art28/internal/prefilter"
)

var (
	reDateNum   = prefilter.MustCompile(`\b(\d{1,2})\.\s?(\d{1,2})\.\s?((?:19|20)\d{2})\b`)
	reDateISO   = prefilter.MustCompile(`\b((?:19|20)\d{2})-(\d{2})-(\d{2})\b`)
	reDateDE    = prefilter.MustCompile(`(?i)\b(\d{1,2})\.\s*(januar|jänner|februar|märz|april|mai|juni|juli|august|september|oktober|november|dezember)\s+((?:19|20)\d{2})\b`)
	reDateEN    = prefilter.MustCompile(`(?i)\b(january|february|march|april|may|june|july|august|september|october|november|december)\s+(\d{1,2}),?\s+((?:19|20)\d{2})\b`)
	reDateENd   = prefilter.MustCompile(`(?i)\b(\d{1,2})(?:st|nd|rd|th)?\s+(january|february|march|april|may|june|july|august|september|october|november|december),?\s+((?:19|20)\d{2})\b`)
	reMonthYear = prefilter.MustCompile(`(?i)(?:stand|as of|date|datum)\s*:?\s*(januar|februar|märz|april|mai|juni|juli|august|september|oktober|november|dezember|january|february|march|may|june|july|october|december)\s+((?:19|20)\d{2})`)
	reVersion   = prefilter.MustCompile(`(?i)\b(?:version|fassung|v\.)\s*:?\s*(\d+(?:\.\d+)*(?:\s*\([^)]{1,30}\))?)`)
	reLaw       = prefilter.MustCompile(`(?i)(?:es gilt|unterliegt|unterliegen)\s+(?:das\s+|dem\s+)?(\p{L}+)(?:e|es)?\s+recht|recht der ([\p{L} ]{3,40}?)(?:\s+unter|\.|,|$)|governed by (?:and construed in accordance with )?the laws? of ([\p{L} ]{3,40}?)(?:\.|,|$| and| without)`)
	reCourt     = prefilter.MustCompile(`(?:(?i:gerichtsstand)(?:\s+ist|\s*:)?\s+(?:(?i:ausschließlich)\s+)?([\p{Lu}][\p{L}\-]+(?:\s(?:am|an der|im)\s[\p{Lu}][\p{L}]+)?)|(?i:courts? (?:of|in)) ([\p{Lu}][\p{L}]+(?:,\s*[\p{Lu}][\p{L}]+)?))`)
	reLawOf     = prefilter.MustCompile(`(?i:recht der|gesetze[n]? der|laws? of)\s+(?:the\s+)?(\p{Lu}[\p{L} ]{2,40}?)(?:\s+unter|\s+and|\s+without|\.|,|;|$)`)
	reCourtFor  = prefilter.MustCompile(`(?i:gerichtsstand)[^.]{0,60}\b(?i:für) (\p{Lu}[\p{L}\-]+(?:\s(?:am|an der|im)\s\p{Lu}\p{L}+)?) (?i:zuständig)`)
	adjCountry  = map[string]string{"deutsch": "DE", "deutsche": "DE", "deutsches": "DE", "österreichisch": "AT", "österreichische": "AT", "österreichisches": "AT", "schweizerisch": "CH", "schweizerische": "CH", "schweizerisches": "CH", "irisch": "IE", "irische": "IE", "irisches": "IE", "niederländisch": "NL", "niederländisches": "NL", "englisch": "GB", "englisches": "GB"}
)

func isoDate(y, m, d int) string {
	if m < 1 || m > 12 || d < 1 || d > 31 {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", y, m, d)
}

func atoi(s string) int { n, _ := strconv.Atoi(s); return n }

// firstDate finds the first date in s. The patterns run only on short
// windows around four-digit years.
func firstDate(s string) string {
	for i := 0; i+4 <= len(s); i++ {
		if (s[i] == '1' && s[i+1] == '9' || s[i] == '2' && s[i+1] == '0') && isDigit(s[i+2]) && isDigit(s[i+3]) &&
			(i == 0 || !isDigit(s[i-1])) && (i+4 == len(s) || !isDigit(s[i+4])) {
			a := runeStart(s, max(0, i-32))
			if d := dateIn(s[a:min(len(s), i+10)]); d != "" {
				return d
			}
		}
	}
	return ""
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// dateIn finds the first date in a short window.
func dateIn(s string) string {
	type hit struct {
		at   int
		date string
	}
	var best hit
	best.at = -1
	try := func(at int, d string) {
		if d != "" && (best.at < 0 || at < best.at) {
			best = hit{at, d}
		}
	}
	if m := reDateNum.FindStringSubmatchIndex(s); m != nil {
		try(m[0], isoDate(atoi(s[m[6]:m[7]]), atoi(s[m[4]:m[5]]), atoi(s[m[2]:m[3]])))
	}
	if m := reDateISO.FindStringSubmatchIndex(s); m != nil {
		try(m[0], isoDate(atoi(s[m[2]:m[3]]), atoi(s[m[4]:m[5]]), atoi(s[m[6]:m[7]])))
	}
	if m := reDateDE.FindStringSubmatchIndex(s); m != nil {
		try(m[0], isoDate(atoi(s[m[6]:m[7]]), month(s[m[4]:m[5]]), atoi(s[m[2]:m[3]])))
	}
	if m := reDateEN.FindStringSubmatchIndex(s); m != nil {
		try(m[0], isoDate(atoi(s[m[6]:m[7]]), month(s[m[2]:m[3]]), atoi(s[m[4]:m[5]])))
	}
	if m := reDateENd.FindStringSubmatchIndex(s); m != nil {
		try(m[0], isoDate(atoi(s[m[6]:m[7]]), month(s[m[4]:m[5]]), atoi(s[m[2]:m[3]])))
	}
	return best.date
}

// meta reads date (head of the document, else the signature block),
// version, governing law and place of jurisdiction.
func (x *extractor) meta() model.Meta {
	var m model.Meta
	head := x.text[:min(len(x.text), 1500)]
	if d := firstDate(head); d != "" {
		m.Date = d
	} else if mm := reMonthYear.FindStringSubmatch(head); mm != nil {
		m.Date = fmt.Sprintf("%s-%02d", mm[2], month(mm[1]))
	} else {
		m.Date = x.signatureDate()
	}
	if v := reVersion.FindStringSubmatch(head); v != nil {
		m.Version = strings.TrimSpace(v[1])
	}
	cand := x.candidates("governing_law")
	for i := range x.in.Sentences {
		if !isCandidate(cand, i) {
			continue
		}
		if m.GoverningLaw != "" && m.Jurisdiction != "" {
			break
		}
		s := x.sentenceText(i)
		lower := x.sentenceLower(i)
		if !x.k.cue("governing_law").In(lower) {
			continue
		}
		if m.GoverningLaw == "" {
			if g := reLawOf.FindStringSubmatch(s); g != nil {
				m.GoverningLaw = x.k.CountryOf(g[1])
			}
		}
		if m.GoverningLaw == "" {
			if g := reLaw.FindStringSubmatch(s); g != nil {
				switch {
				case g[1] != "":
					m.GoverningLaw = adjCountry[strings.ToLower(g[1])]
					if m.GoverningLaw == "" {
						m.GoverningLaw = adjCountry[strings.ToLower(g[1])+"e"]
					}
				case g[2] != "":
					m.GoverningLaw = x.k.CountryOf(g[2])
				default:
					m.GoverningLaw = x.k.CountryOf(g[3])
				}
			}
		}
		if m.Jurisdiction == "" {
			if c := reCourtFor.FindStringSubmatch(s); c != nil {
				m.Jurisdiction = c[1]
			} else if c := reCourt.FindStringSubmatch(s); c != nil {
				m.Jurisdiction = strings.TrimSpace(c[1] + c[2])
				if strings.EqualFold(m.Jurisdiction, "ist") {
					m.Jurisdiction = ""
				}
			}
		}
	}
	return m
}

// signatureDate finds a date next to a short "Ort, Datum" / "Date" line of
// a signature block.
func (x *extractor) signatureDate() string {
	for i, ln := range x.lines {
		if len(ln.text) > 60 || !strings.Contains(ln.text, "Datum") && !strings.Contains(ln.text, "Date") {
			continue
		}
		for j := max(0, i-2); j <= min(len(x.lines)-1, i+2); j++ {
			if len(x.lines[j].text) <= 60 {
				if d := firstDate(x.lines[j].text); d != "" {
					return d
				}
			}
		}
	}
	return ""
}

// month returns the number of a month name in any case, or 0.
func month(name string) int {
	m, _ := lexicon.Month(strings.ToLower(name))
	return m
}
