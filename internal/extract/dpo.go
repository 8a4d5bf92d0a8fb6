package extract

import (
	"strings"

	"github.com/art28/art28/internal/model"
	"github.com/art28/art28/internal/prefilter"
)

var (
	reDPOLabel = prefilter.MustCompile(`(?i)datenschutzbeauftragte[rn]?|data protection officer|\bDPO\b|datenschutzkoordinator|ansprechpartner(?:in)? für (?:den )?datenschutz`)
	reDPONone  = prefilter.MustCompile(`(?i)(?:nicht verpflichtet|keine pflicht|nicht erforderlich|not required|not obliged|no obligation)[^.]{0,80}(?:datenschutzbeauftragt|data protection officer)|(?:datenschutzbeauftragt|data protection officer)[^.]{0,80}(?:nicht verpflichtet|nicht erforderlich|nicht bestellt|not required|not appointed|has not been appointed)`)
)

// dpo finds a named data protection officer (an address block after a
// label line ending in ":") or the statement that none is required.
func (x *extractor) dpo() *model.DPO {
	for i, ln := range x.lines {
		if !strings.HasSuffix(ln.text, ":") || len(ln.text) > 120 || !reDPOLabel.MatchString(ln.text) {
			continue
		}
		block := x.blockAfter(i)
		if len(block) == 0 {
			continue
		}
		d := &model.DPO{}
		for _, l := range block {
			t := l.text
			switch {
			case reEmail.MatchString(t):
				d.Email = reEmail.FindString(t)
			case x.hasLegalForm(t) && d.Organisation == "":
				d.Organisation = t
			case rePostcodeCity.MatchString(t):
				a := x.k.ParseAddress(t, x.lang)
				d.City = a.City
				d.Address = strings.TrimSpace(d.Address + ", " + t)
			case x.k.CountryOf(t) != "" && len(t) < 40:
			case strings.ContainsAny(t, "0123456789"):
				d.Address = t
			case d.Name == "" && len(t) < 60:
				d.Name = t
			}
		}
		d.Address = strings.Trim(d.Address, ", ")
		if d.Name == "" && d.Organisation == "" && d.Email == "" {
			continue
		}
		d.Evidence = x.evidencePtr(block[0].start, block[len(block)-1].end)
		return d
	}
	cand := x.candidates("dpo")
	for i := range x.in.Sentences {
		if !isCandidate(cand, i) {
			continue
		}
		s, low := x.sentenceText(i), x.sentenceLower(i)
		if x.k.cue("dpo_none").In(low) && reDPONone.MatchString(s) {
			st := x.in.Sentences[i]
			return &model.DPO{NotRequired: true, Evidence: x.evidencePtr(st.Start, st.End)}
		}
	}
	return nil
}
