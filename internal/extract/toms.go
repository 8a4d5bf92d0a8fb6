package extract

import (
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/art28/art28/internal/document"
	"github.com/art28/art28/internal/model"
	"github.com/art28/art28/internal/prefilter"
)

// tomCategory is one control category with the words that name it.
type tomCategory struct {
	id, title string
	re        *prefilter.Regexp
}

var tomCategories = []tomCategory{
	{"physical-access", "Zutrittskontrolle / physical access control", prefilter.MustCompile(`(?i)zutrittskontrolle|zutritt|physical access|physische(?:r)? zugang|premises`)},
	{"system-access", "Zugangskontrolle / system access control", prefilter.MustCompile(`(?i)zugangskontrolle|system access|access to (?:data processing )?systems|zugang zu (?:den )?systemen`)},
	{"data-access", "Zugriffskontrolle / data access control", prefilter.MustCompile(`(?i)zugriffskontrolle|data access|access to data|zugriffsberechtigung`)},
	{"separation", "Trennungskontrolle / separation", prefilter.MustCompile(`(?i)trennungskontrolle|trennungsgebot|trennbarkeit|separation|mandantentrennung`)},
	{"pseudonymisation", "Pseudonymisierung / pseudonymisation", prefilter.MustCompile(`(?i)pseudonymi`)},
	{"encryption", "Verschlüsselung / encryption", prefilter.MustCompile(`(?i)^(?:[\d.\s]*)?(?:verschlüsselung|encryption)`)},
	{"transfer", "Weitergabekontrolle / transfer control", prefilter.MustCompile(`(?i)weitergabekontrolle|übertragungskontrolle|transportkontrolle|transfer control|transmission control|disclosure control`)},
	{"input", "Eingabekontrolle / input control", prefilter.MustCompile(`(?i)eingabekontrolle|input control`)},
	{"availability", "Verfügbarkeitskontrolle / availability control", prefilter.MustCompile(`(?i)verfügbarkeitskontrolle|availability control|^(?:[\d.\s]*)?verfügbarkeit|^(?:[\d.\s]*)?availability`)},
	{"recoverability", "Wiederherstellbarkeit, Belastbarkeit / recoverability, resilience", prefilter.MustCompile(`(?i)wiederherstell|belastbarkeit|recoverab|resilien|rasche wiederherstellung`)},
	{"order-control", "Auftragskontrolle / order control", prefilter.MustCompile(`(?i)auftragskontrolle|order control|job control|contract control|instruction control`)},
	{"review", "Überprüfung, Bewertung, Evaluierung / regular review", prefilter.MustCompile(`(?i)überprüfung, bewertung|evaluierung|regelmäßige(?:n)? überprüfung|datenschutz-management|regular(?:ly)? (?:testing|review)|review,? assessment|evaluation`)},
}

var (
	reGeneric = prefilter.MustCompile(`(?i)\bz\.\s?b\.|\be\.\s?g\.|beispielsweise|for example|for instance|etwa\b|such as`)
)

// toms groups the measures by control category.
func (x *extractor) toms() model.TOMs {
	t := model.TOMs{Categories: []model.TOMCategory{}, Missing: []string{}, Parameters: []string{}}
	found := map[string]int{}
	var cur *model.TOMCategory
	bl := x.doc.Blocks
	for i := range bl {
		b := bl[i]
		txt := strings.TrimSpace(x.text[b.Start:b.End])
		if b.Kind != document.ListItem && b.Kind != document.TableCell && len(txt) <= 90 && !strings.HasSuffix(txt, ".") {
			if c := x.matchCategory(txt, x.lower[b.Start:b.End]); c != nil {
				if _, dup := found[c.id]; !dup {
					t.Categories = append(t.Categories, model.TOMCategory{ID: c.id, Title: c.title, Items: []string{}, Evidence: x.evidence(b.Start, b.End)})
					found[c.id] = len(t.Categories) - 1
				}
				cur = &t.Categories[found[c.id]]
				continue
			}
			if b.Kind == document.Heading {
				cur = nil
				continue
			}
		}
		// A list item that opens with a category name ("**Zugangskontrolle** – ...").
		if b.Kind == document.ListItem {
			head := txt[:min(len(txt), 48)]
			hl := x.lower[b.Start:min(b.End, b.Start+len(head))]
			if strings.HasPrefix(head, "**") || strings.Contains(hl, "kontrolle") && strings.IndexAny(head, ":–") > 0 {
				if c := x.matchCategory(head, hl); c != nil {
					if _, dup := found[c.id]; !dup {
						t.Categories = append(t.Categories, model.TOMCategory{ID: c.id, Title: c.title, Items: []string{}, Evidence: x.evidence(b.Start, b.End)})
						found[c.id] = len(t.Categories) - 1
					}
					cur = &t.Categories[found[c.id]]
					// "Zutrittskontrolle: Transponder und Videoüberwachung."
					if rest := measureAfterLabel(txt); rest != "" {
						cur.Items = append(cur.Items, rest)
					}
					continue
				}
			}
		}
		if cur == nil || b.Kind == document.TableRow {
			continue
		}
		if len(txt) > 400 {
			cur = nil
			continue
		}
		cur.Items = append(cur.Items, collapse(txt))
		cur.Evidence = x.evidence(cur.Evidence.Start, b.End)
	}
	generic := len(t.Categories) > 0
	for i := range t.Categories {
		c := &t.Categories[i]
		g := 0
		for _, it := range c.Items {
			if reGeneric.MatchString(it) {
				g++
			}
		}
		c.GenericExamples = len(c.Items) > 0 && 2*g >= len(c.Items)
		generic = generic && c.GenericExamples
	}
	t.GenericExamplesOnly = generic
	for _, c := range tomCategories {
		if _, ok := found[c.id]; !ok {
			t.Missing = append(t.Missing, c.id)
		}
	}
	seen := map[string]bool{}
	for _, p := range x.params() {
		if !seen[p] {
			seen[p] = true
			t.Parameters = append(t.Parameters, p)
		}
	}
	sort.Strings(t.Parameters)
	return t
}

func (x *extractor) matchCategory(s, lower string) *tomCategory {
	if !x.k.cue("tom_categories").In(lower) {
		return nil
	}
	var best *tomCategory
	at := -1
	for i := range tomCategories {
		if loc := tomCategories[i].re.FindStringIndex(s); loc != nil && (at < 0 || loc[0] < at) {
			best, at = &tomCategories[i], loc[0]
		}
	}
	return best
}

func normParam(p string) string {
	u := strings.ToUpper(collapse(p))
	switch {
	case strings.HasPrefix(u, "ISO") && strings.Contains(u, "27001"):
		return "ISO/IEC 27001" + strings.TrimPrefix(u[strings.Index(u, "27001")+5:], "")
	case u == "C5" || strings.HasPrefix(u, "BSI"):
		return "BSI C5"
	case strings.HasPrefix(u, "SOC"):
		return "SOC " + strings.TrimSpace(strings.TrimPrefix(u, "SOC"))
	}
	return collapse(p)
}

// measureAfterLabel returns the text after a category label in a list
// item ("**Zugangskontrolle** – Kein unbefugter Zutritt" gives "Kein
// unbefugter Zutritt"), or "".
func measureAfterLabel(s string) string {
	s = strings.ReplaceAll(s, "**", "")
	i := strings.IndexAny(s, ":–")
	if i < 0 || i > 60 {
		if j := strings.Index(s, " - "); j > 0 && j <= 60 {
			i = j + 1
		} else {
			return ""
		}
	}
	_, w := utf8.DecodeRuneInString(s[i:])
	return collapse(strings.TrimLeft(s[i+w:], " -"))
}
