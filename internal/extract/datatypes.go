package extract

import (
	"strings"

	"github.com/art28/art28/internal/document"
	"github.com/art28/art28/internal/model"
	"github.com/art28/art28/internal/prefilter"
)

var (
	reTypesIntro    = prefilter.MustCompile(`(?i)art(?:en)? der (?:personenbezogenen )?daten|datenarten|datenkategorien|kategorien (?:von |der )?(?:personenbezogenen )?daten|types? of (?:personal )?data|categories of (?:personal )?data|personal data (?:concerned|processed)`)
	reSubjectsIntro = prefilter.MustCompile(`(?i)betroffene[nr]? personen|kreis der betroffenen|kategorien (?:der )?betroffenen|betroffenengruppen|data subjects`)
	reSpecial       = prefilter.MustCompile(`(?i)gesundheit|health|medizin|medical|biometr|genetisch|genetic|religi|weltanschau|philosophical|gewerkschaft|trade union|politisch|political|ethnisch|ethnic|rassisch|racial|sexual|sexuell|straftat|strafrecht|criminal|vorstraf|führungszeugnis|art\.?\s*9\b|art\.?\s*10\b|besondere(?:n)? kategorien|special categor`)
)

// dataCategories reads the items listed after a lead-in or heading on data
// types and on data subjects.
func (x *extractor) dataCategories() (model.ItemList, model.ItemList) {
	types := model.ItemList{Items: []model.DataItem{}}
	subjects := model.ItemList{Items: []model.DataItem{}}
	bl := x.doc.Blocks
	for i := 0; i < len(bl); i++ {
		b := bl[i]
		if b.Kind == document.ListItem || b.Kind == document.TableCell || b.Kind == document.TableRow {
			continue
		}
		t := x.text[b.Start:b.End]
		if len(t) > 300 || b.Kind != document.Heading && len(t) > 100 && !strings.HasSuffix(strings.TrimSpace(t), ":") {
			continue
		}
		lower := x.lower[b.Start:b.End]
		isT := x.k.cue("data_types_intro").In(lower) && reTypesIntro.MatchString(t)
		isS := x.k.cue("data_subjects_intro").In(lower) && reSubjectsIntro.MatchString(t)
		if !isT && !isS {
			continue
		}
		if isT && isS {
			// A combined heading ("Art der Daten und betroffene Personen"):
			// the lead-ins below it decide.
			continue
		}
		target := &types
		if isS {
			target = &subjects
		}
		if len(target.Items) > 0 {
			continue
		}
		// "Art der Daten: Kontaktdaten (Name, E-Mail), Termindaten."
		if c := strings.Index(t, ":"); c > 0 && c < len(strings.TrimRight(t, " ."))-1 {
			for _, it := range splitItems(b.Start+c+1, t[c+1:]) {
				txt := collapse(strings.TrimRight(x.text[it[0]:it[1]], " ."))
				if txt == "" || len(txt) > 200 {
					continue
				}
				sp := reSpecial.MatchString(txt)
				target.Items = append(target.Items, model.DataItem{Text: txt, Special: sp, Evidence: x.evidence(it[0], it[1])})
				target.Special = target.Special || sp
			}
			if len(target.Items) > 0 {
				continue
			}
		}
		for j := i + 1; j < len(bl) && j < i+40; j++ {
			if bl[j].Kind != document.ListItem {
				if len(target.Items) > 0 || bl[j].Kind == document.Heading {
					break
				}
				continue
			}
			it := collapse(x.text[bl[j].Start:bl[j].End])
			if len(it) > 250 {
				continue
			}
			sp := reSpecial.MatchString(it)
			target.Items = append(target.Items, model.DataItem{Text: it, Special: sp, Evidence: x.evidence(bl[j].Start, bl[j].End)})
			target.Special = target.Special || sp
		}
	}
	return types, subjects
}

// splitItems splits an inline enumeration at commas, semicolons and "und"/
// "and"/"sowie" outside parentheses; it returns absolute spans.
func splitItems(base int, s string) [][2]int {
	var out [][2]int
	depth, from := 0, 0
	emit := func(a, b int) {
		for a < b && (s[a] == ' ' || s[a] == '\n' || s[a] == '\t') {
			a++
		}
		for b > a && (s[b-1] == ' ' || s[b-1] == '\n' || s[b-1] == '.' || s[b-1] == '\t') {
			b--
		}
		if b > a {
			out = append(out, [2]int{base + a, base + b})
		}
	}
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '(':
			depth++
		case ')':
			if depth > 0 {
				depth--
			}
		case ',', ';':
			if depth == 0 {
				emit(from, i)
				from = i + 1
			}
		case ' ':
			if depth == 0 {
				for _, w := range []string{" und ", " and ", " sowie ", " or ", " oder "} {
					if strings.HasPrefix(s[i:], w) {
						emit(from, i)
						from = i + len(w)
						i += len(w) - 1
						break
					}
				}
			}
		}
	}
	emit(from, len(s))
	return out
}
