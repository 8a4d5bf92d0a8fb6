package extract

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/art28/art28/internal/model"
)

var (
	reBreach    = regexp.MustCompile(`(?i)verletzung(?:en)? des schutzes|datenschutzverletzung|datenpanne|sicherheitsvorfall|vorfall|vorfälle|breach|incident|art\.?\s*33`)
	reNotify    = regexp.MustCompile(`(?i)inform|meld|mitteil|mitgeteilt|benachrichtig|unterricht|notif|anzeig|report`)
	reObject    = regexp.MustCompile(`(?i)einspruch|widerspruch|widersprechen|einwand|einwände|\bobject`)
	reAdvance   = regexp.MustCompile(`(?i)\bvor\b|vorab|im voraus|vorher|prior|in advance|before`)
	reTerminate = regexp.MustCompile(`(?i)kündigungsfrist|kündig|notice period|terminat`)
	reDelete    = regexp.MustCompile(`(?i)lösch|delet|vernicht|destroy|rückgabe|herausgabe|return`)
	reEndOf     = regexp.MustCompile(`(?i)beendigung|vertragsende|ende des|ablauf|nach abschluss|termination|expiry|end of`)
	reAudit     = regexp.MustCompile(`(?i)kontrolle|prüfung|inspektion|vor-ort|audit|inspection`)
	reAnnounce  = regexp.MustCompile(`(?i)ankündig|anmeld|voranmeld|vorankündig|angekündigt|notice|advance`)
	reUndue     = regexp.MustCompile(`(?i)unverzüglich|without undue delay|promptly|immediately`)
)

// duration is one time span found in a sentence.
type duration struct {
	n          int    // value in its unit
	unit       string // "hours", "days", "weeks", "months"
	start, end int    // offsets in the sentence
	text       string
}

func (d duration) hours() int {
	switch d.unit {
	case "hours":
		return d.n
	case "days":
		return d.n * 24
	case "weeks":
		return d.n * 7 * 24
	}
	return d.n * 30 * 24
}

func (d duration) days() int {
	switch d.unit {
	case "hours":
		return (d.n + 23) / 24
	case "days":
		return d.n
	case "weeks":
		return d.n * 7
	}
	return d.n * 30
}

var durOnce struct{ re *regexp.Regexp }

func (k *Knowledge) durationRe() *regexp.Regexp {
	if durOnce.re == nil {
		durOnce.re = regexp.MustCompile(`(?i)\b(\d{1,4}|` + k.numberRe + `)(?:\s*\(\s*(\d{1,4})\s*\))?[\s-]*(?:(?:volle[n]?|ganze[n]?|calendar|business|working|kalender|werk|arbeits)[\s-]*)?(stunden|stunde|std\.|hours?|hrs?\.?|kalendertage[n]?|werktage[n]?|arbeitstage[n]?|tage[n]?|tag|days?|wochen|woche|weeks?|monate[n]?|monat|months?)\b`)
	}
	return durOnce.re
}

// Durations returns the time spans in s ("24 Stunden", "zwei Wochen",
// "seven (7) calendar days").
func (k *Knowledge) Durations(s string) []duration {
	var out []duration
	for _, m := range k.durationRe().FindAllStringSubmatchIndex(s, -1) {
		num := strings.ToLower(s[m[2]:m[3]])
		n, err := strconv.Atoi(num)
		if err != nil {
			v, ok := k.numbers[num]
			if !ok {
				continue
			}
			n = v
		}
		if m[4] >= 0 {
			if v, err := strconv.Atoi(s[m[4]:m[5]]); err == nil {
				n = v
			}
		}
		u := strings.ToLower(s[m[6]:m[7]])
		unit := "days"
		switch {
		case strings.HasPrefix(u, "st") || strings.HasPrefix(u, "h"):
			unit = "hours"
		case strings.HasPrefix(u, "woch") || strings.HasPrefix(u, "week"):
			unit = "weeks"
		case strings.HasPrefix(u, "mon"):
			unit = "months"
		}
		out = append(out, duration{n: n, unit: unit, start: m[0], end: m[1], text: s[m[0]:m[1]]})
	}
	return out
}

// closest returns the duration nearest to offset at.
func closest(ds []duration, at int) duration {
	best, bd := ds[0], -1
	for _, d := range ds {
		dist := d.start - at
		if dist < 0 {
			dist = at - d.end
		}
		if bd < 0 || dist < bd {
			best, bd = d, dist
		}
	}
	return best
}

func intp(v int) *int { return &v }

// deadlines reads the time limits sentence by sentence.
func (x *extractor) deadlines() model.Deadlines {
	d := model.Deadlines{Evidence: map[string]model.Evidence{}, Notes: map[string]string{}}
	set := func(key string, p **int, v int, si int) {
		if *p == nil {
			*p = intp(v)
			s := x.in.Sentences[si]
			d.Evidence[key] = x.evidence(s.Start, s.End)
		}
	}
	breachUndue := -1
	for i, sent := range x.in.Sentences {
		if sent.Heading {
			continue
		}
		s := x.sentenceText(i)
		ds := x.k.Durations(s)
		sub := reSubWord.MatchString(s) || reSubWord.MatchString(x.doc.SectionAt(sent.Start))
		if len(ds) == 0 {
			if breachUndue < 0 && reBreach.MatchString(s) && reNotify.MatchString(s) && reUndue.MatchString(s) {
				breachUndue = i
			}
			continue
		}
		if loc := reBreach.FindStringIndex(s); loc != nil && reNotify.MatchString(s) && !sub {
			for _, du := range ds {
				if du.unit == "hours" || du.unit == "days" {
					set("breach_notice_hours", &d.BreachNoticeHours, du.hours(), i)
					break
				}
			}
		}
		if loc := reObject.FindStringIndex(s); loc != nil && sub {
			du := closest(ds, loc[0])
			set("subprocessor_objection_days", &d.SubprocessorObjectionDays, du.days(), i)
		}
		if sub && reNotify.MatchString(s) && reAdvance.MatchString(s) {
			for _, du := range ds {
				after := s[du.end:min(len(s), du.end+25)]
				before := s[max(0, du.start-25):du.start]
				if reAdvance.MatchString(after) || regexp.MustCompile(`(?i)mindestens|at least`).MatchString(before) {
					set("subprocessor_notice_days", &d.SubprocessorNoticeDays, du.days(), i)
					break
				}
			}
		}
		if loc := reTerminate.FindStringIndex(s); loc != nil && d.TerminationNotice == "" && !reBreach.MatchString(s) && !sub {
			du := closest(ds, loc[0])
			if du.unit != "hours" {
				d.TerminationNotice = du.text
				set("termination_notice", &d.TerminationNoticeDays, du.days(), i)
			}
		}
		if reDelete.MatchString(s) && reEndOf.MatchString(s) && !sub {
			set("deletion_days", &d.DeletionDays, ds[0].days(), i)
		}
		if reAudit.MatchString(s) && reAnnounce.MatchString(s) && !sub && !reBreach.MatchString(s) {
			set("audit_notice_days", &d.AuditNoticeDays, ds[0].days(), i)
		}
	}
	if d.BreachNoticeHours == nil {
		if breachUndue >= 0 {
			s := x.in.Sentences[breachUndue]
			d.Evidence["breach_notice_hours"] = x.evidence(s.Start, s.End)
			d.Notes["breach_notice_hours"] = "no deadline in hours; only \"without undue delay\" (unverzüglich)"
		} else {
			d.Notes["breach_notice_hours"] = "no breach notification deadline found"
		}
	}
	if d.SubprocessorObjectionDays == nil {
		d.Notes["subprocessor_objection_days"] = "no objection period for sub-processor changes found"
	}
	return d
}
