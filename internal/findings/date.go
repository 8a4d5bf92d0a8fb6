package findings

import (
	"github.com/art28/art28/internal/lexicon"
	"strconv"
	"strings"
	"time"

	"github.com/art28/art28/internal/prefilter"
)

const monthAlt = `januar|jänner|january|februar|february|märz|maerz|march|april|mai|may|juni|june|juli|july|august|september|oktober|october|november|dezember|december`

var (
	dateNumEnd  = prefilter.MustCompile(`\b(\d{1,2})\.\s?(\d{1,2})\.\s?((?:19|20)\d{2})$`)
	dateDMonEnd = prefilter.MustCompile(`(?i)\b(\d{1,2})\.?\s+(` + monthAlt + `)\s+((?:19|20)\d{2})$`)
	dateMonDEnd = prefilter.MustCompile(`(?i)\b(` + monthAlt + `)\s+(\d{1,2}),\s*((?:19|20)\d{2})$`)
	dateMonYEnd = prefilter.MustCompile(`(?i)\b(` + monthAlt + `)\s+((?:19|20)\d{2})$`)
	dateISORE   = prefilter.MustCompile(`\b((?:19|20)\d{2})-(\d{2})-(\d{2})\b`)
	lawContextR = prefilter.MustCompile(`(?i)(verordnung|richtlinie|regulation|directive|beschluss|decision|urteil|judgment|gesetz|act)\b[^.;]{0,30}$`)
)

// ContractDate returns the contract's own date: the latest date in the
// text that is not in the future and not the date of a cited law or
// decision ("Verordnung (EU) 2016/679 vom 27. April 2016"). ok is false for
// an undated contract. Only the few bytes before each year are examined.
func ContractDate(text string, now time.Time) (time.Time, bool) {
	t, _, ok := contractDate(text, now)
	return t, ok
}

// contractDate is ContractDate that also reports whether only month and
// year are known ("Oktober 2025").
func contractDate(text string, now time.Time) (time.Time, bool, bool) {
	var best time.Time
	bestMonthOnly := false
	monthOnly := false
	consider := func(start int, y, m, d int) {
		if m < 1 || m > 12 || d < 1 || d > 31 {
			return
		}
		from := max(0, start-40)
		if lawContextR.MatchString(text[from:start]) {
			return
		}
		t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
		if t.After(now) {
			return
		}
		if t.After(best) {
			best = t
			bestMonthOnly = monthOnly
		}
	}
	atoi := func(s string) int { n, _ := strconv.Atoi(s); return n }
	for _, ym := range years(text) {
		ys, ye := ym[0], ym[1]
		w0 := max(0, ys-24)
		win := text[w0:ye]
		if m := dateNumEnd.FindStringSubmatchIndex(win); m != nil {
			consider(w0+m[0], atoi(win[m[6]:m[7]]), atoi(win[m[4]:m[5]]), atoi(win[m[2]:m[3]]))
			continue
		}
		if m := dateDMonEnd.FindStringSubmatchIndex(win); m != nil {
			consider(w0+m[0], atoi(win[m[6]:m[7]]), month(win[m[4]:m[5]]), atoi(win[m[2]:m[3]]))
			continue
		}
		if m := dateMonDEnd.FindStringSubmatchIndex(win); m != nil {
			consider(w0+m[0], atoi(win[m[6]:m[7]]), month(win[m[2]:m[3]]), atoi(win[m[4]:m[5]]))
			continue
		}
		if m := dateMonYEnd.FindStringSubmatchIndex(win); m != nil {
			monthOnly = true
			consider(w0+m[0], atoi(win[m[4]:m[5]]), month(win[m[2]:m[3]]), 1)
			monthOnly = false
			continue
		}
		if m := dateISORE.FindStringSubmatchIndex(text[ys:min(len(text), ye+6)]); m != nil && m[0] == 0 {
			w := text[ys:]
			consider(ys, atoi(w[m[2]:m[3]]), atoi(w[m[4]:m[5]]), atoi(w[m[6]:m[7]]))
		}
	}
	return best, bestMonthOnly, !best.IsZero()
}

// years returns the spans of the four-digit numbers 19xx and 20xx that
// stand alone (not inside a longer number or word).
func years(text string) [][2]int {
	var out [][2]int
	isDigit := func(c byte) bool { return c >= '0' && c <= '9' }
	isWord := func(c byte) bool { return isDigit(c) || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
	// The next '1' and '2' at or after i (len(text) when there is none),
	// found by byte search: digits are rare in a contract's text.
	next1, next2 := -1, -1
	for i := 0; i+4 <= len(text); i++ {
		if next1 < i {
			next1 = indexByteFrom(text, '1', i)
		}
		if next2 < i {
			next2 = indexByteFrom(text, '2', i)
		}
		if i = min(next1, next2); i+4 > len(text) {
			break
		}
		c := text[i]
		if !(c == '1' && text[i+1] == '9' || c == '2' && text[i+1] == '0') || !isDigit(text[i+2]) || !isDigit(text[i+3]) {
			continue
		}
		if i > 0 && isWord(text[i-1]) || i+4 < len(text) && isWord(text[i+4]) {
			continue
		}
		out = append(out, [2]int{i, i + 4})
		i += 3
	}
	return out
}

// indexByteFrom returns the offset of the first c in s from i on, or
// len(s).
func indexByteFrom(s string, c byte, i int) int {
	if k := strings.IndexByte(s[i:], c); k >= 0 {
		return i + k
	}
	return len(s)
}

// month returns the number of a month name in any case, or 0.
func month(name string) int {
	m, _ := lexicon.Month(strings.ToLower(name))
	return m
}
