package extract

import (
	"regexp"
	"strings"

	"github.com/art28/art28/internal/document"
	"github.com/art28/art28/internal/model"
)

var (
	reTypesIntro    = regexp.MustCompile(`(?i)art(?:en)? der (?:personenbezogenen )?daten|datenarten|datenkategorien|kategorien (?:von |der )?(?:personenbezogenen )?daten|types? of (?:personal )?data|categories of (?:personal )?data|personal data (?:concerned|processed)`)
	reSubjectsIntro = regexp.MustCompile(`(?i)betroffene[nr]? personen|kreis der betroffenen|kategorien (?:der )?betroffenen|betroffenengruppen|data subjects`)
	reSpecial       = regexp.MustCompile(`(?i)gesundheit|health|medizin|medical|biometr|genetisch|genetic|religi|weltanschau|philosophical|gewerkschaft|trade union|politisch|political|ethnisch|ethnic|rassisch|racial|sexual|sexuell|straftat|strafrecht|criminal|vorstraf|führungszeugnis|art\.?\s*9\b|art\.?\s*10\b|besondere(?:n)? kategorien|special categor`)
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
		isT := hasAny(lower, "art der", "arten der", "datenart", "datenkategor", "kategorien", "categor", "type", "data concerned", "data processed") && reTypesIntro.MatchString(t)
		isS := hasAny(lower, "betroffen", "data subject") && reSubjectsIntro.MatchString(t)
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
