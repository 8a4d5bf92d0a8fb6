package findings

import (
	"regexp"
	"strconv"
	"strings"
	"time"
)

var months = map[string]time.Month{
	"januar": 1, "jänner": 1, "january": 1, "jan": 1,
	"februar": 2, "february": 2, "feb": 2,
	"märz": 3, "maerz": 3, "march": 3, "mar": 3,
	"april": 4, "apr": 4,
	"mai": 5, "may": 5,
	"juni": 6, "june": 6, "jun": 6,
	"juli": 7, "july": 7, "jul": 7,
	"august": 8, "aug": 8,
	"september": 9, "sept": 9, "sep": 9,
	"oktober": 10, "october": 10, "okt": 10, "oct": 10,
	"november": 11, "nov": 11,
	"dezember": 12, "december": 12, "dez": 12, "dec": 12,
}

const monthAlt = `januar|jänner|january|februar|february|märz|maerz|march|april|mai|may|juni|june|juli|july|august|september|oktober|october|november|dezember|december`

var (
	dateNumRE   = regexp.MustCompile(`\b(\d{1,2})\.\s?(\d{1,2})\.\s?((?:19|20)\d{2})\b`)
	dateISORE   = regexp.MustCompile(`\b((?:19|20)\d{2})-(\d{2})-(\d{2})\b`)
	dateDMonRE  = regexp.MustCompile(`(?i)\b(\d{1,2})\.?\s+(` + monthAlt + `)\s+((?:19|20)\d{2})\b`)
	dateMonDRE  = regexp.MustCompile(`(?i)\b(` + monthAlt + `)\s+(\d{1,2}),\s*((?:19|20)\d{2})\b`)
	dateMonYRE  = regexp.MustCompile(`(?i)\b(` + monthAlt + `)\s+((?:19|20)\d{2})\b`)
	lawContextR = regexp.MustCompile(`(?i)(verordnung|richtlinie|regulation|directive|beschluss|decision|urteil|judgment|gesetz\b|act\b|vom|of)\s*$`)
)

// ContractDate returns the contract's own date: the latest date in the
// text that is not in the future and not the date of a cited law or
// decision ("Verordnung (EU) 2016/679 vom 27. April 2016"). ok is false for
// an undated contract.
func ContractDate(text string, now time.Time) (time.Time, bool) {
	var best time.Time
	consider := func(start int, y, m, d int) {
		if m < 1 || m > 12 || d < 1 || d > 31 {
			return
		}
		from := start - 40
		if from < 0 {
			from = 0
		}
		if lawContextR.MatchString(strings.TrimSpace(text[from:start])) {
			return
		}
		t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
		if t.After(now) {
			return
		}
		if t.After(best) {
			best = t
		}
	}
	atoi := func(s string) int { n, _ := strconv.Atoi(s); return n }
	for _, m := range dateNumRE.FindAllStringSubmatchIndex(text, -1) {
		consider(m[0], atoi(text[m[6]:m[7]]), atoi(text[m[4]:m[5]]), atoi(text[m[2]:m[3]]))
	}
	for _, m := range dateISORE.FindAllStringSubmatchIndex(text, -1) {
		consider(m[0], atoi(text[m[2]:m[3]]), atoi(text[m[4]:m[5]]), atoi(text[m[6]:m[7]]))
	}
	for _, m := range dateDMonRE.FindAllStringSubmatchIndex(text, -1) {
		consider(m[0], atoi(text[m[6]:m[7]]), int(months[strings.ToLower(text[m[4]:m[5]])]), atoi(text[m[2]:m[3]]))
	}
	for _, m := range dateMonDRE.FindAllStringSubmatchIndex(text, -1) {
		consider(m[0], atoi(text[m[6]:m[7]]), int(months[strings.ToLower(text[m[2]:m[3]])]), atoi(text[m[4]:m[5]]))
	}
	for _, m := range dateMonYRE.FindAllStringSubmatchIndex(text, -1) {
		consider(m[0], atoi(text[m[4]:m[5]]), int(months[strings.ToLower(text[m[2]:m[3]])]), 1)
	}
	return best, !best.IsZero()
}
