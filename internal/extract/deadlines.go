package extract

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/art28/art28/internal/document"
	"github.com/art28/art28/internal/model"
	"github.com/art28/art28/internal/prefilter"
)

var (
	reBreach    = prefilter.MustCompile(`verletzung(?:en)? des schutzes|datenschutzverletzung|datenpanne|sicherheitsvorfall|sicherheitsverletzung|verletzung(?:en)? der sicherheit|hackerangriff|cyberangriff|datenleck|vorfall|vorfälle|data breach|security breach|breach of (?:personal data|security)|incident|art\.?\s*33|accessed or acquired by (?:an|any) unauthori[sz]ed person|security compromise`)
	reNotify    = prefilter.MustCompile(`\btell\b|inform|meld|mitteil|mitgeteilt|benachrichtig|unterricht|notif|anzeig|\bzeigt\b|\bteil(?:t|en)\b|report|bescheid`)
	reObject    = prefilter.MustCompile(`einspruch|widerspruch|widersprechen|einwand|einwände|\bobject`)
	reAdvance   = prefilter.MustCompile(`\bvor\b|\bbevor\b|vorab|im voraus|vorher|prior|in advance|before`)
	reTerminate = prefilter.MustCompile(`(?:^|[^n])kündig|notice period|terminat`) // not "Ankündigungsfrist"
	reDelete    = prefilter.MustCompile(`lösch|delet|vernicht|destroy|rückgabe|herausgabe|return`)
	reEndOf     = prefilter.MustCompile(`beendigung|vertragsende|ende des|vertrag endet|ablauf|nach abschluss|termination|expiry|end of|delete your account|close your account|account is (?:deleted|closed)|kündigung (?:des|ihres) (?:kontos|accounts|nutzerkontos)`)
	reAudit     = prefilter.MustCompile(`kontrolle|prüfung|inspektion|vor-ort|audit|inspection`)
	// reWriteNotice is a notice by writing: "schreiben wir dir … eine
	// E-Mail", "we will email you".
	reWriteNotice = prefilter.MustCompile(`schreib|e-?mail|textform|in writing|write to`)
	reAnnounce    = prefilter.MustCompile(`ankündig|anzukündig|anmeld|voranmeld|vorankündig|angekündigt|notice|advance`)
	reAtLeast     = prefilter.MustCompile(`mindestens|at least`)
	// reSeparableNotice is a German notice verb split around its object
	// ("teilt … vorher mit", "kündigt … vorab an").
	reSeparableNotice = prefilter.MustCompile(`\b(?:teilt|teilen) .{0,80}\bmit\b|\b(?:kündigt|kündigen|zeigt|zeigen) .{0,80}\ban\b`)
	// reImmediate is a notice "immediately" ("sofort", "umgehend"),
	// which gives no number of hours.
	reImmediate = prefilter.MustCompile(`immediately|\bsofort\b|umgehend`)
	reUndue     = prefilter.MustCompile(`unverzüglich|without undue delay|promptly|immediately`)
	// reWithinNotice is an objection period given as the notice period.
	reWithinNotice = prefilter.MustCompile(`innerhalb (?:der|dieser) (?:ankündigungs|mitteilungs|informations|benachrichtigungs)?frist|within (?:the|this|that|such) (?:notice )?period`)
	// reToAuthority names the supervisory authority as the recipient of
	// a notification; reAuthorityDeadline the controller's own deadline.
	reToAuthority       = prefilter.MustCompile(`(?:an|to) (?:die|the) (?:zuständigen? |competent |relevant )?(?:aufsichtsbehörde|supervisory authorit)`)
	reAuthorityDeadline = prefilter.MustCompile(`meldefrist|notification deadline|controller’s obligation|controller's obligation`)
)

// authorityPeriod reports whether a period in a breach sentence is the
// controller's deadline towards the supervisory authority (Art. 33(1)
// GDPR: 72 hours) rather than the processor's deadline towards the
// controller: "eine Meldung an die Aufsichtsbehörde binnen 72 Stunden",
// "die Meldefrist von 72 Stunden", "innerhalb von 72 Stunden an die
// zuständige Aufsichtsbehörde gemeldet".
func authorityPeriod(lower string, du duration) bool {
	before := lower[max(0, du.start-70):du.start]
	after := lower[du.end:min(len(lower), du.end+90)]
	// The authority must stand in the period's own clause: "spätestens
	// innerhalb von 24 Stunden, und unterstützt ihn bei der Meldung an die
	// Aufsichtsbehörde" is the processor's deadline.
	if i := strings.IndexAny(after, ",;"); i >= 0 {
		after = after[:i]
	}
	if i := strings.LastIndexAny(before, ",;"); i >= 0 {
		before = before[i+1:]
	}
	if reToAuthority.MatchString(before) || reToAuthority.MatchString(after) {
		return true
	}
	return reAuthorityDeadline.MatchString(lower[max(0, du.start-100):du.start])
}

// duration is one time span found in a sentence.
type duration struct {
	n          int    // value in its unit
	unit       string // "hours", "days", "weeks", "months"
	start, end int    // offsets in the sentence
	text       string
	// perWeek is, for days that are not calendar days, how many of them a
	// week has: 6 for Werktage (all days but Sundays and public holidays
	// in German usage), 5 for Arbeitstage, business, working and school
	// days. They count as calendar days at seven per perWeek, rounded
	// up, since a weekend can fall into the period. 0 for calendar days.
	perWeek int
}

func (d duration) hours() int {
	switch d.unit {
	case "hours":
		return d.n
	case "days":
		return d.days() * 24
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
		if d.perWeek > 0 {
			return (d.n*7 + d.perWeek - 1) / d.perWeek
		}
		return d.n
	case "weeks":
		return d.n * 7
	}
	return d.n * 30
}

// durationRe returns the compiled duration pattern (built with the
// knowledge, so concurrent analyses share it safely). It is tried only
// where a number or number word starts: the windows it runs on are short.
func (k *Knowledge) durationRe() *prefilter.Regexp { return k.durRe }

func compileDuration(numberRe string) (*prefilter.Regexp, error) {
	// "48 (forty-eight) hours": the parenthesis may hold the number in
	// words; "48h": the bare "h" counts only written onto the digits
	// (see durations).
	return prefilter.Compile(`\b(\d{1,4}|`+numberRe+`)(?:\s*\(\s*(\d{1,4}|[a-zäöüß][a-zäöüß-]*)\s*\))?[\s-]*(?:(?:volle[n]?|ganze[n]?|calendar|business|working|school|kalender|werk|arbeits)[\s-]*)?(stunden|stunde|std|hours?|hrs?\.?|kalendertage[n]?|werktage[n]?|arbeitstage[n]?|tage[n]?|tag|days?|wochen|woche|weeks?|monate[n]?|monat|months?|h)\b`, prefilter.PreferPrefix)
}

// Durations returns the time spans in s ("24 Stunden", "zwei Wochen",
// "seven (7) calendar days").
func (k *Knowledge) Durations(s string) []duration {
	return k.durations(s, prefilter.Lower(s))
}

// durations matches on lower (s lower-cased with the same offsets) and
// reports spans of s.
func (k *Knowledge) durations(s, lower string) []duration {
	var out []duration
	if len(lower) != len(s) {
		return nil
	}
	s0 := s
	s = lower
	for _, m := range k.durationMatches(lower) {
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
		if u == "h" && (m[6] != m[3] || err != nil) {
			// "h" is an hour only written onto its digits ("48h"), not
			// "lit. h" after a number or a number word.
			continue
		}
		unit := "days"
		switch {
		case strings.HasPrefix(u, "st") || strings.HasPrefix(u, "h"):
			unit = "hours"
		case strings.HasPrefix(u, "woch") || strings.HasPrefix(u, "week"):
			unit = "weeks"
		case strings.HasPrefix(u, "mon"):
			unit = "months"
		}
		perWeek := 0
		if unit == "days" {
			perWeek = workdaysPerWeek(s[m[0]:m[1]])
		}
		out = append(out, duration{n: n, unit: unit, start: m[0], end: m[1], text: s0[m[0]:m[1]], perWeek: perWeek})
	}
	return out
}

// workdaysPerWeek returns, for a lower-cased duration, how many of its
// days a week has: 6 for Werktage, 5 for Arbeitstage, business, working and
// school days ("20 school days", term time only: counted like working days,
// which may understate the period over a holiday), 0 for calendar days (see
// duration.perWeek).
func workdaysPerWeek(lower string) int {
	switch {
	case strings.Contains(lower, "werk"):
		return 6
	case strings.Contains(lower, "arbeits") || strings.Contains(lower, "business") || strings.Contains(lower, "working") || strings.Contains(lower, "school"):
		return 5
	}
	return 0
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
	set := func(key string, p **int, du duration, v int, si int) {
		if *p == nil {
			*p = intp(v)
			s := x.in.Sentences[si]
			d.Evidence[key] = x.evidence(s.Start, s.End)
			if du.perWeek > 0 {
				d.Notes[key] = fmt.Sprintf("stated in working days (%q, %d per week); counted as %d calendar days, rounded up", du.text, du.perWeek, du.days())
			}
		}
	}
	breachUndue := -1
	units := x.candidates("deadline_units")
	undue := x.candidates("breach_prompt")
	for i, sent := range x.in.Sentences {
		if sent.Heading || !isCandidate(units, i) && !isCandidate(undue, i) {
			continue
		}
		s := x.sentenceText(i)
		lower := x.sentenceLower(i)
		var ds []duration
		if x.k.cue("duration_units").In(lower) {
			ds = x.k.durations(s, lower)
		}
		if len(ds) == 0 {
			if breachUndue < 0 && x.k.cue("breach_prompt").In(lower) && reBreach.MatchString(lower) && reNotify.MatchString(lower) {
				breachUndue = i
			}
			continue
		}
		sec := x.doc.SectionAt(sent.Start)
		sub := x.k.cue("deadline_subprocessor").In(lower) && reSubWord.MatchString(s) ||
			x.subSection(sec) || x.providerSection(sec)
		// A cell of a table row ("Meldung von Datenschutzverletzungen |
		// innerhalb von 12 Stunden") is read with the row's other cells.
		row := x.rowLower(sent.Block, lower)
		if reBreach.MatchString(row) && reNotify.MatchString(row) && !sub {
			for _, du := range ds {
				if (du.unit == "hours" || du.unit == "days") && !authorityPeriod(lower, du) {
					set("breach_notice_hours", &d.BreachNoticeHours, du, du.hours(), i)
					break
				}
			}
		}
		if loc := reObject.FindStringIndex(lower); loc != nil && sub {
			du := closest(ds, loc[0])
			// "may object ... within ten (10) days": a span after the
			// objection word wins over a nearer notice period before it.
			for _, d2 := range ds {
				if d2.start > loc[0] && d2.start-loc[0] < 100 {
					du = d2
					break
				}
			}
			set("subprocessor_objection_days", &d.SubprocessorObjectionDays, du, du.days(), i)
		}
		if sub && (reNotify.MatchString(lower) || reAnnounce.MatchString(lower) || reSeparableNotice.MatchString(lower) || reWriteNotice.MatchString(lower)) && reAdvance.MatchString(lower) {
			for _, du := range ds {
				after := lower[du.end:min(len(lower), du.end+25)]
				before := lower[max(0, du.start-25):du.start]
				if reAdvance.MatchString(after) || reAtLeast.MatchString(before) {
					set("subprocessor_notice_days", &d.SubprocessorNoticeDays, du, du.days(), i)
					break
				}
			}
		}
		if loc := terminateAt(lower); loc != nil && d.TerminationNotice == "" && !reBreach.MatchString(lower) && !sub {
			du := closest(ds, loc[0])
			if du.unit != "hours" {
				d.TerminationNotice = du.text
				set("termination_notice", &d.TerminationNoticeDays, du, du.days(), i)
			}
		}
		if x.k.cue("deletion").In(lower) && reDelete.MatchString(lower) && (reEndOf.MatchString(lower) || x.prevSentenceEnds(i)) && !sub {
			// The span nearest the deletion word: "terminate … on three
			// (3) months' notice, and … delete … within thirty (30) days".
			du := closest(ds, reDelete.FindStringIndex(lower)[0])
			set("deletion_days", &d.DeletionDays, du, du.days(), i)
		}
		if x.k.cue("audit").In(lower) && reAudit.MatchString(lower) && !sub && !reBreach.MatchString(lower) {
			// The span nearest the announcement: "höchstens einmal in
			// zwölf Monaten … mit einer Frist von 30 Tagen anzukündigen".
			if loc := reAnnounce.FindStringIndex(lower); loc != nil {
				du := closest(ds, loc[0])
				set("audit_notice_days", &d.AuditNoticeDays, du, du.days(), i)
			}
		}
	}
	if d.BreachNoticeHours == nil {
		if breachUndue >= 0 {
			s := x.in.Sentences[breachUndue]
			d.Evidence["breach_notice_hours"] = x.evidence(s.Start, s.End)
			d.Notes["breach_notice_hours"] = "no deadline in hours; only \"without undue delay\" (unverzüglich)"
			if reImmediate.MatchString(x.sentenceLower(breachUndue)) && !strings.Contains(x.sentenceLower(breachUndue), "undue") {
				// "shall notify … immediately": no number of hours either;
				// the note quotes the word.
				d.Notes["breach_notice_hours"] = "no deadline in hours; only \"immediately\" (sofort)"
			}
		} else {
			d.Notes["breach_notice_hours"] = "no breach notification deadline found"
		}
	}
	if d.SubprocessorObjectionDays == nil && d.SubprocessorNoticeDays != nil {
		// "kann ... innerhalb der Ankündigungsfrist widersprechen": the
		// objection period is the notice period.
		for i := range x.in.Sentences {
			lower := x.sentenceLower(i)
			if reObject.MatchString(lower) && reWithinNotice.MatchString(lower) {
				d.SubprocessorObjectionDays = intp(*d.SubprocessorNoticeDays)
				s := x.in.Sentences[i]
				d.Evidence["subprocessor_objection_days"] = x.evidence(s.Start, s.End)
				d.Notes["subprocessor_objection_days"] = "objection within the notice period for sub-processor changes"
				break
			}
		}
	}
	if d.SubprocessorObjectionDays == nil {
		d.Notes["subprocessor_objection_days"] = "no objection period for sub-processor changes found"
	}
	return d
}

// rowLower returns the lower-cased text of the table row holding block
// bi when it is a table cell, else lower.
func (x *extractor) rowLower(bi int, lower string) string {
	if bi < 0 || bi >= len(x.doc.Blocks) || x.doc.Blocks[bi].Kind != document.TableCell {
		return lower
	}
	for j := bi; j >= 0; j-- {
		if b := x.doc.Blocks[j]; b.Kind == document.TableRow {
			return x.lower[b.Start:b.End]
		}
	}
	return lower
}

// providerSection reports whether a section introduces a list of service
// providers without the word sub-processor ("5. Wer hilft uns? Wir
// arbeiten mit diesen Dienstleistern zusammen: …"): its time limits for
// adding or replacing one are those for sub-processors.
func (x *extractor) providerSection(title string) bool {
	if title == "" {
		return false
	}
	if v, ok := x.provCache[title]; ok {
		return v
	}
	v := false
	for i, b := range x.doc.Blocks {
		if b.Section != title || b.End-b.Start > 600 {
			continue
		}
		for _, ln := range splitLines(x.doc.BlockText(i)) {
			if t := strings.TrimSpace(ln.text); strings.HasSuffix(t, ":") && x.providerLead(prefilter.Lower(t)) {
				v = true
			}
		}
		if v {
			break
		}
	}
	if x.provCache == nil {
		x.provCache = map[string]bool{}
	}
	x.provCache[title] = v
	return v
}

// prevSentenceEnds reports whether the sentence before sentence i, in the
// same block, speaks of the end of the contract: "Wenn der Vertrag endet,
// … Kopien löschen wir spätestens nach 30 Tagen."
func (x *extractor) prevSentenceEnds(i int) bool {
	if i == 0 || x.in.Sentences[i-1].Block != x.in.Sentences[i].Block {
		return false
	}
	return reEndOf.MatchString(x.sentenceLower(i - 1))
}

// terminateAt returns the span of the first termination word of lower
// that is no announcement: "angekündigt" holds "gekündigt" ("Vor-Ort-
// Kontrollen werden mit einer Frist von zwei Wochen angekündigt"),
// "anzukündigen" holds "zukündig".
func terminateAt(lower string) []int {
	for _, loc := range reTerminate.FindAllStringSubmatchIndex(lower, -1) {
		loc = loc[:2]
		if k := strings.Index(lower[loc[0]:loc[1]], "kündig"); k >= 0 && (strings.HasSuffix(lower[:loc[0]+k], "ange") || strings.HasSuffix(lower[:loc[0]+k], "anzu")) {
			continue
		}
		return loc
	}
	return nil
}

// unitStems are fragments of every time unit the duration pattern knows.
// "0h" … "9h" find hours written onto their digits ("48h").
var unitStems = []string{"stund", "std", "hour", "hrs", "hr.", "tag", "day", "woch", "week", "monat", "month",
	"0h", "1h", "2h", "3h", "4h", "5h", "6h", "7h", "8h", "9h"}

// durationMatches runs the duration pattern only on short windows that end
// in a time unit, and returns submatch indices relative to lower.
func (k *Knowledge) durationMatches(lower string) [][]int {
	var out [][]int
	for _, st := range unitStems {
		off := 0
		for {
			i := strings.Index(lower[off:], st)
			if i < 0 {
				break
			}
			i += off
			off = i + len(st)
			a := runeStart(lower, max(0, i-48))
			b := wordEnd(lower, off)
			for _, m := range k.durationRe().FindAllStringSubmatchIndex(lower[a:b], -1) {
				if m[7]+a < i {
					continue
				}
				mm := make([]int, len(m))
				for j, v := range m {
					if v >= 0 {
						v += a
					}
					mm[j] = v
				}
				out = append(out, mm)
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i][0] < out[j][0] })
	// Drop duplicates found through two stems.
	uniq := out[:0]
	for _, m := range out {
		if len(uniq) > 0 && uniq[len(uniq)-1][0] == m[0] {
			continue
		}
		uniq = append(uniq, m)
	}
	return uniq
}
