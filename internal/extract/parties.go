package extract

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/art28/art28/internal/model"
)

// Role words. A role label line names a party ("Auftragnehmer:",
// "– Auftraggeber –", "(im Folgenden: Auftragnehmer)", "Processor:").
var (
	reProcessorWord  = regexp.MustCompile(`(?i)auftragnehmer|auftragsverarbeiter|\bprocessor\b|\bdienstleister\b|\banbieter\b|\bsupplier\b|\bprovider\b|\bvendor\b`)
	reControllerWord = regexp.MustCompile(`(?i)auftraggeber|verantwortliche|\bcontroller\b|\bkunde\b|\bcustomer\b|\bclient\b`)
	reTrailerLabel   = regexp.MustCompile(`(?i)^[\s(\[–—\-]*(?:im folgenden|nachfolgend|nachstehend|hereinafter|hereafter|in der folge|auch)?[\s:„“"'‚]*(?:der\s+|the\s+|als\s+)?[„“"']?(?:auftragnehmer|auftraggeber|auftragsverarbeiter|verantwortliche[r]?|processor|controller|data processor|data controller|kunde|customer|anbieter|provider)[„“"']?(?:\s*genannt|\s*called)?[\s)\]–—\-.,]*(?:und|and)?$`)
	reLeadLabel      = regexp.MustCompile(`(?i)^(?:der\s+|die\s+|the\s+)?(?:auftragnehmer|auftraggeber|auftragsverarbeiter|verantwortliche[r]?|processor|controller|data processor|data controller|kunde|customer|anbieter|provider)(?:\s*\([^)]{0,40}\))?\s*:?\s*$`)
	reSeparatorLine  = regexp.MustCompile(`(?i)^(?:und|and|zwischen|between|sowie|-?\s*nachfolgend.*|vertrag.*|vereinbarung.*|schließen.*|conclude.*|by and between)$`)
	reRepresented    = regexp.MustCompile(`(?i)^(?:vertreten durch|gesetzlich vertreten durch|vertr\. d\.|represented by|geschäftsführer(?:in)?|managing director|ceo|inhaber(?:in)?)\s*[:.]?\s*(.+)$`)
	rePhone          = regexp.MustCompile(`(?i)^(?:tel(?:efon)?|phone|fon)\.?\s*[:.]?\s*(\+?[\d ()/\-]{5,})`)
	reEmail          = regexp.MustCompile(`[\p{L}\d._%+\-]+@[\p{L}\d.\-]+\.[a-z]{2,}`)
	reCustomerNo     = regexp.MustCompile(`(?i)(?:kd\.?-?nr\.?|kunden-?nr\.?|kundennummer|customer (?:no\.?|number|id)|account (?:no\.?|number|id))\s*[:.]?\s*([A-Z0-9][A-Z0-9\-/]{2,})`)
	reInlineRole     = regexp.MustCompile(`(?i)\(\s*(?:im folgenden|nachfolgend|nachstehend|hereinafter|hereafter)?[\s:„“"',]*(?:der\s+|the\s+|als\s+)?[„“"']?(auftragnehmer|auftraggeber|auftragsverarbeiter|verantwortliche[r]?|processor|controller|data processor|data controller)\b`)
)

// parties finds processor and controller: first from address blocks
// labelled with a role, then from inline definitions such as
// "die Muster GmbH (nachfolgend Auftragnehmer)".
func (x *extractor) parties() model.Parties {
	var p model.Parties
	limit := len(x.text) / 3
	if limit < 6000 {
		limit = 6000
	}
	procFound, ctrlFound := false, false
	for i, ln := range x.lines {
		if ln.start > limit {
			break
		}
		if len(ln.text) > 80 {
			continue
		}
		role := roleOf(ln.text)
		if role == "" {
			continue
		}
		var block []line
		switch {
		case reTrailerLabel.MatchString(ln.text) && !strings.HasSuffix(ln.text, ":"):
			block = x.blockBefore(i)
		case reLeadLabel.MatchString(ln.text):
			block = x.blockAfter(i)
		default:
			continue
		}
		party, note := x.partyFromBlock(block)
		switch role {
		case "processor":
			if procFound {
				continue
			}
			procFound = true
			p.Processor, p.ProcessorNote = party, note
		case "controller":
			if ctrlFound {
				continue
			}
			ctrlFound = true
			p.Controller, p.ControllerNote = party, note
		}
	}
	if p.Processor == nil || p.Controller == nil {
		x.inlineParties(&p, limit, procFound, ctrlFound)
	}
	if p.Processor == nil && p.ProcessorNote == "" {
		p.ProcessorNote = "no processor named in the contract"
	}
	if p.Controller == nil && p.ControllerNote == "" {
		p.ControllerNote = "no controller named in the contract (template or filled in on signature)"
	}
	return p
}

// roleOf says which party a label names: the role word that comes first.
func roleOf(s string) string {
	pi := reProcessorWord.FindStringIndex(s)
	ci := reControllerWord.FindStringIndex(s)
	switch {
	case pi == nil && ci == nil:
		return ""
	case ci == nil || pi != nil && pi[0] < ci[0]:
		return "processor"
	default:
		return "controller"
	}
}

func (x *extractor) stopLine(ln line) bool {
	t := ln.text
	return len(t) > 90 || strings.HasPrefix(t, "#") || reSeparatorLine.MatchString(t) ||
		roleOf(t) != "" && (reTrailerLabel.MatchString(t) || reLeadLabel.MatchString(t))
}

// blockBefore returns up to eight address lines before label line i.
func (x *extractor) blockBefore(i int) []line {
	var b []line
	for j := i - 1; j >= 0 && len(b) < 8; j-- {
		if x.stopLine(x.lines[j]) || strings.HasSuffix(x.lines[j].text, ":") {
			break
		}
		b = append([]line{x.lines[j]}, b...)
	}
	return b
}

// blockAfter returns up to eight address lines after label line i.
func (x *extractor) blockAfter(i int) []line {
	var b []line
	for j := i + 1; j < len(x.lines) && len(b) < 8; j++ {
		if x.stopLine(x.lines[j]) || headingish(x.lines[j].text) {
			break
		}
		b = append(b, x.lines[j])
	}
	return b
}

var reNumberedHeading = regexp.MustCompile(`^(?:§\s*\d+|\d{1,2}(?:\.\d+)*\.?\s+\p{Lu}|(?i:art(?:ikel|icle)?|section|ziffer)\s+\d+)`)

func headingish(s string) bool { return reNumberedHeading.MatchString(s) }

// partyFromBlock parses address lines into a party; a blank or placeholder
// block gives nil and a note.
func (x *extractor) partyFromBlock(b []line) (*model.Party, string) {
	var real []line
	for _, l := range b {
		if !x.k.IsPlaceholder(l.text) && !looksRedacted(l.text) {
			real = append(real, l)
		}
	}
	if len(real) == 0 {
		return nil, "party not filled in (blank or placeholder)"
	}
	p := &model.Party{}
	for _, l := range real {
		t := l.text
		switch {
		case reRepresented.MatchString(t):
			p.Representative = strings.TrimSpace(reRepresented.FindStringSubmatch(t)[1])
		case rePhone.MatchString(t):
			p.Phone = strings.TrimSpace(rePhone.FindStringSubmatch(t)[1])
		case reCustomerNo.MatchString(t):
			p.CustomerNumber = reCustomerNo.FindStringSubmatch(t)[1]
		case reEmail.MatchString(t):
			p.Email = reEmail.FindString(t)
		case reFax.MatchString(t) || len(t) < 30 && firstDate(t) != "":
		case p.Name == "":
			p.Name = strings.TrimRight(t, " ,")
		default:
			if c := x.k.CountryOf(t); c != "" && len(t) < 40 {
				p.Country = c
				continue
			}
			a := x.k.ParseAddress(t, x.lang)
			if a.Postcode != "" {
				p.Postcode, p.City = a.Postcode, a.City
				if a.Street != "" && p.Street == "" {
					p.Street = a.Street
				}
				if a.Country != "" {
					p.Country = a.Country
				}
			} else if p.Street == "" && strings.ContainsAny(t, "0123456789") {
				p.Street = strings.TrimRight(t, " ,")
			}
		}
	}
	if p.Name == "" || x.k.IsPlaceholder(p.Name) {
		return nil, "party not filled in (blank or placeholder)"
	}
	if p.Country == "" && p.City != "" {
		p.Country = x.k.countryOfAddress(p.Postcode+" "+p.City, p.City, x.lang)
	}
	p.Evidence = x.evidencePtr(real[0].start, real[len(real)-1].end)
	return p, ""
}

var (
	reFax      = regexp.MustCompile(`(?i)^fax`)
	reRedacted = regexp.MustCompile(`(?i)redacted|geschwärzt|\bblacked out\b`)
)

func looksRedacted(s string) bool { return reRedacted.MatchString(s) }

// inlineParties finds "X GmbH (nachfolgend Auftragnehmer)" definitions.
func (x *extractor) inlineParties(p *model.Parties, limit int, procDone, ctrlDone bool) {
	head := x.text
	if len(head) > limit {
		head = head[:limit]
	}
	for _, m := range reInlineRole.FindAllStringSubmatchIndex(head, -1) {
		role := roleOf(head[m[2]:m[3]])
		if role == "processor" && (procDone || p.Processor != nil) || role == "controller" && (ctrlDone || p.Controller != nil) {
			continue
		}
		start, end, ok := x.nameBefore(head, m[0])
		if !ok {
			continue
		}
		party := &model.Party{Name: head[start:end], Evidence: x.evidencePtr(start, m[1])}
		if role == "processor" {
			p.Processor = party
		} else {
			p.Controller = party
		}
	}
}

var nameStop = map[string]bool{
	"der": true, "die": true, "das": true, "des": true, "dem": true, "den": true, "durch": true, "von": true, "mit": true, "zwischen": true,
	"und": true, "sowie": true, "bei": true, "für": true, "an": true, "the": true, "by": true, "of": true, "between": true, "and": true,
	"with": true, "to": true, "for": true, "firma": true, "company": true, "is": true, "ist": true, "wird": true, "as": true, "als": true,
}

// nameBefore finds a company name (ending in a legal form) that ends right
// before offset at (after optional spaces) in s.
func (x *extractor) nameBefore(s string, at int) (int, int, bool) {
	end := at
	for end > 0 && s[end-1] == ' ' {
		end--
	}
	seg := s[max(0, end-120):end]
	base := end - len(seg)
	// The legal form must end the segment.
	loc := x.k.legalRe.FindAllStringSubmatchIndex(seg+" ", -1)
	if len(loc) == 0 {
		return 0, 0, false
	}
	last := loc[len(loc)-1]
	if last[3] != len(seg) {
		return 0, 0, false
	}
	start := x.walkBack(seg, last[2])
	if start >= last[2] {
		return 0, 0, false
	}
	return base + start, base + last[3], true
}

// walkBack moves from a legal form's start over the words of the name,
// stopping at a stop word, punctuation or after six words.
func (x *extractor) walkBack(s string, at int) int {
	start := at
	words := 0
	i := at
	for words < 6 {
		j := i
		for j > 0 && s[j-1] == ' ' {
			j--
		}
		k := j
		for k > 0 && s[k-1] != ' ' && s[k-1] != '\n' && s[k-1] != '\t' {
			k--
		}
		if k == j {
			break
		}
		w := s[k:j]
		if nameStop[strings.ToLower(w)] || strings.ContainsAny(w[len(w)-1:], ",;:.)") && !strings.HasSuffix(w, ".") {
			break
		}
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			break
		}
		start = k
		words++
		i = k
		if k > 0 && s[k-1] == '\n' {
			break
		}
	}
	return start
}
