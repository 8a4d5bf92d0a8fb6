package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/art28/art28/internal/document"
	"github.com/art28/art28/internal/lexicon"
)

// companyIntro are the words that introduce a company's name and are no
// part of it (lexicon: company_intro): "Fa.", "die Firma", "the company".
var companyIntro = lexicon.List("company_intro")

// trimCompanyIntro drops an introducing word before a company's name
// ("Fa. Aktenwolf GmbH, Goslar – …" → "Aktenwolf GmbH, Goslar – …", "die
// Firma Haustechnik Ramelow GmbH" → "Haustechnik Ramelow GmbH") when a
// capital letter or a digit follows it; otherwise t is returned as it is
// ("Firmenkunden", "die Firma selbst").
func trimCompanyIntro(t string) (string, bool) {
	for _, w := range companyIntro {
		if len(t) <= len(w)+1 || !strings.EqualFold(t[:len(w)], w) || t[len(w)] != ' ' {
			continue
		}
		rest := strings.TrimLeft(t[len(w):], " ")
		r, _ := utf8.DecodeRuneInString(rest)
		if unicode.IsUpper(r) || unicode.IsDigit(r) {
			return rest, true
		}
	}
	return t, false
}

// runningHeader reports whether block i, a heading t right after a page
// line inside a list, is the next page's running header: a short line
// without a clause number whose next block continues the list (a
// numbered entry that continues the numbering of the entry before the
// page line, or a list item after a list item). "Anlage 4 – Technische und
// organisatorische Maßnahmen" over prose is no running header.
func (x *extractor) runningHeader(t string, b document.Block, i int) bool {
	if b.Label != "" || len(t) > 100 || i+1 >= len(x.doc.Blocks) {
		return false
	}
	if i < 2 {
		return false
	}
	pb, nb := x.doc.Blocks[i-2], x.doc.Blocks[i+1]
	if pb.Kind == document.ListItem && nb.Kind == document.ListItem {
		return true
	}
	p, okp := labelNumber(pb.Label)
	n, okn := labelNumber(nb.Label)
	return okp && okn && n == p+1
}

// labelNumber is the number of an item label ("3.", "3)", "(3)").
func labelNumber(l string) (int, bool) {
	l = strings.Trim(l, "().")
	if l == "" || len(l) > 3 {
		return 0, false
	}
	n := 0
	for _, r := range l {
		if r < '0' || r > '9' {
			return 0, false
		}
		n = n*10 + int(r-'0')
	}
	return n, true
}

// reRepresentative is a clause naming who represents a company, up to
// the comma after the person's name: ", vertreten durch den
// Geschäftsführer Jan Petersen,", ", represented by its director Mr Owen
// Prichard,".
var reRepresentative = lazyRegexp(`^\s*,\s*(?:diese\s+|gesetzlich\s+)?(?:vertreten\s+durch|represented\s+by)\s[^,;()]{3,90},`)

// skipRepresentative returns rest after a representative clause at its
// start (keeping the comma that ends it), or rest as it is.
func skipRepresentative(rest string) string {
	if m := reRepresentative().FindStringIndex(rest); m != nil {
		return rest[m[1]-1:]
	}
	return rest
}
