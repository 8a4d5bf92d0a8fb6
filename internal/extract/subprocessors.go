package extract

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/art28/art28/internal/document"
	"github.com/art28/art28/internal/lexicon"
	"github.com/art28/art28/internal/match"
	"github.com/art28/art28/internal/model"
	"github.com/art28/art28/internal/prefilter"
	"github.com/art28/art28/internal/segment"
)

var (
	reSubWord   = prefilter.MustCompile(`(?i)unterauftrag|subunternehm|weitere(?:n|r)? auftragsverarbeiter|sub-?processor|sub-?contractor|sub-?auftragsverarbeit|sub-?prozessor|nachunternehm|unterbeauftrag|sub-?dienstleist|subauftragnehm|nachauftragnehm|(?:other|another|further) processors?\b|sub-?operator|re-?entrust`)
	reNameHead  = prefilter.MustCompile(`(?i)^(?:name|firma|unternehmen|company|entity|anbieter|dienstleister|unterauftrag|subunternehm|sub-?processor|sub-?prozessor|sub-?auftragsverarbeiter|auftragsverarbeiter|weitere auftragsverarbeiter|empfänger|recipient|provider|vendor|partner)`)
	reAddrHead  = prefilter.MustCompile(`(?i)anschrift|adresse|address|sitz|headquarter`)
	reCountryHd = prefilter.MustCompile(`(?i)^(?:land|country|staat)$`)
	reServHead  = prefilter.MustCompile(`(?i)leistung|service|tätigkeit|zweck|purpose|beschreibung|description|gegenstand|verarbeitung|processing|aufgabe|funktion`)
	reLocHead   = prefilter.MustCompile(`(?i)standort|location|ort der (?:verarbeitung|leistung|datenverarbeitung)|verarbeitungsort|leistungsort|erbringungsort|land der verarbeitung|server|where`)
	reNumCell   = prefilter.MustCompile(`^\s*\d{1,3}\.?\s*$`)
	reAddrLabel = prefilter.MustCompile(`(?i)^(?:adresse|anschrift|address|sitz|registered office|straße|strasse|street|plz/ort|plz und ort|plz, ort|postleitzahl und ort)\s*:\s*(.+)$`)
	reServLabel = prefilter.MustCompile(`(?i)^(?:beschreibung der teilleistung|beschreibung|art der leistung|art der tätigkeit|leistung|tätigkeit|zweck|service|services|activity|activities|purpose|description(?: of (?:the )?processing)?|leistungsumfang|gegenstand)\s*:\s*(.+)$`)
	reLocLabel  = prefilter.MustCompile(`(?i)(?:serverstandort|standort der server|speicherort|verarbeitungsort|ort der verarbeitung|server location|processing location|location|standort)\s*:\s*([^)\n;]+)`)
	// reLocLine is a line of an entry that gives its place by a label:
	// "Standort: Rastede, Deutschland", "Location: San Francisco, USA".
	// "Ort: Bielefeld, Deutschland", "Place of processing: Dublin".
	reLocLine = prefilter.MustCompile(`(?i)^(?:serverstandort|standort|speicherort|verarbeitungsort|ort der (?:verarbeitung|datenverarbeitung|leistungserbringung)|ort|sitzland|land der verarbeitung|server location|processing location|location|place(?: of processing)?|country(?: of processing)?|land)\s*:\s*(.+)$`)
	// reNameLabel is the label of an entry's name, also with the address
	// ("Name und Anschrift des Unterauftragnehmers:", "Name and address
	// of the sub-processor:") or with the fields it holds in parentheses
	// ("Unterauftragnehmer (Name, Anschrift):", "Sub-processor (name,
	// address):").
	reNameLabel  = prefilter.MustCompile(`(?i)^(?:entity name|legal entity|entity|company name|firmenname|name (?:(?:und|and) (?:anschrift|adresse|address) )?(?:der|des) (?:firma|unternehmens|unterauftragnehmers|unterauftragsverarbeiters|subunternehmers|dienstleisters)|name (?:(?:and|und) (?:address|anschrift|adresse) )?of (?:the )?(?:company|entity|sub-?processor)|name|firma|unternehmen|company|sub-?processor|unterauftragnehmer|unterauftragsverarbeiter|subunternehmer|sub-?contractor|anbieter|dienstleister|provider|vendor)(?: \((?:name|firma|company)(?:, (?:anschrift|adresse|address|sitz|seat))?\))?\s*:\s*(.+)$`)
	reListMarker = prefilter.MustCompile(`^(?:[-•*·–]\s*|\d{1,3}[.)]\s+)+`)
	// reLetterMarker is a letter, roman or number list label: "a) ",
	// "(b) ", "iv) ", "(1) ", "(B) ", "(II) ".
	reLetterMarker = prefilter.MustCompile(`^(?:\((?:[A-Z]|[IVX]{2,4})\)|\(?(?:[a-z]|[ivx]{1,4}|\d{1,2})\))\s+`)
	// reWordItemMarker is a list label of a word and a letter, or a
	// lower-case roman numeral with a dot: "lit. a) ", "lit. b ",
	// "Buchst. c) ", "ii. ", "iv) " (branch hold2xs2); no part of the
	// entry's name.
	reWordItemMarker = prefilter.MustCompile(`^(?:(?:lit|buchst)\.?\s*[a-z]\)?\s+|[ivx]{1,4}[.)]\s+)`)
	reURL            = prefilter.MustCompile(`https?://[^\s<>"')\]]+`)
	reLongProse      = prefilter.MustCompile(`(?i)\b(?:ist|sind|wird|werden|hat|haben|is|are|will|shall|has|have|darf|kann|may|must|muss)\b`)
)

type spEntry struct {
	sp       model.Subprocessor
	text     strings.Builder
	start    int
	end      int
	other    bool
	fromList bool
}

// subprocessors finds sub-processors in tables, lists and annexes, the
// recipients listed as not being processors, and a link to an external
// sub-processor list.
func (x *extractor) subprocessors(p model.Parties) ([]model.Subprocessor, []model.Subprocessor, string) {
	var entries []*spEntry
	entries = append(entries, x.subprocessorTables()...)
	entries = append(entries, x.subprocessorLists()...)
	entries = append(entries, x.subprocessorSentences(entries)...)
	entries = x.dropRemoved(entries)
	own, ctrl := "", ""
	ownAt := -1
	if p.Processor != nil {
		own = normName(p.Processor.Name)
		if p.Processor.Evidence != nil {
			ownAt = p.Processor.Evidence.Start
		}
	}
	if p.Controller != nil {
		// The controller is no sub-processor of its own processor.
		ctrl = normName(p.Controller.Name)
	}
	subs, others := []model.Subprocessor{}, []model.Subprocessor{}
	seen := map[string]bool{}
	seenLoc := map[string]map[string]bool{}
	docMech := ""
	for _, e := range entries {
		if blankName(e.sp.Name) {
			// "______ (Name, Anschrift)": a template's blank.
			continue
		}
		if x.partyRoleName(e.sp.Name) {
			// "The Processor (Kestrel Apps Ltd) performs all processing
			// itself": a party named by its role.
			continue
		}
		e.sp.Name = trimAffiliateRemark(e.sp.Name)
		e.sp.Name, _ = trimCompanyIntro(e.sp.Name)
		if n, place := trimSeatParen(e.sp.Name); place != "" {
			// "Elektrotechnik Vogel GmbH (Sitz: Lübeck)".
			e.sp.Name = n
			if e.sp.Address == "" {
				x.fillAddress(&e.sp, place)
			}
		}
		n := normName(e.sp.Name)
		// A processor read from this very entry ("Anbieter: OVH GmbH" in
		// the list of sub-processors) is a reading of the list, not the
		// processor named elsewhere.
		ownHere := ownAt >= e.start && ownAt < e.end
		if n == "" || own != "" && n == own && !ownHere || ctrl != "" && n == ctrl || x.definedParty(e.sp.Name) || signatureName(e.sp.Name) || x.signatureField(e) {
			continue
		}
		key := n + "|" + strings.ToLower(e.sp.City) + "|" + e.sp.Address
		loc := strings.ToLower(strings.TrimSpace(e.sp.Location))
		cc := e.sp.Country
		if seen[key] && (loc == "" || seenLoc[key][""] || seenLoc[key][loc]) && (cc == "" || seenLoc[key]["cc:"] || seenLoc[key]["cc:"+cc]) {
			// The same company read twice. Rows of one table at two
			// locations ("| X GmbH | Erfurt |", "| X GmbH | Leipzig |")
			// stay two entries, and so do list entries in two countries
			// ("- Hostwell Cloud (Germany) – hosting", "- Hostwell Cloud
			// (Netherlands) – backup site"); a reading without a country
			// is the same as any.
			continue
		}
		seen[key] = true
		if seenLoc[key] == nil {
			seenLoc[key] = map[string]bool{}
		}
		seenLoc[key][loc] = true
		seenLoc[key]["cc:"+cc] = true
		if e.sp.Country == "" {
			// "Amazon Web Services EMEA SARL – Hosting": a large
			// provider's entity whose seat its name does not say.
			e.sp.Country = x.k.CompanyCountry(e.sp.Name)
		}
		if e.sp.Country == "" && reFiveDigitTown.MatchString(e.sp.Address) && x.germanForm(e.sp.Name) {
			// An address read from a line after the name ("Anschrift:
			// Königsberger Straße 4-6, 32339 Espelkamp"): a GmbH with a
			// five-digit postcode is German, as in newListEntry.
			e.sp.Country = "DE"
		}
		e.sp.Evidence = x.evidence(e.start, e.end)
		e.sp.ThirdCountry, e.sp.TransferMechanism = x.k.transfer(e.sp.Country, e.text.String())
		if e.sp.TransferMechanism == "none" {
			// A list often names only the company; the contract's clause
			// on third-country transfers ("on the basis of the standard
			// contractual clauses") then covers it.
			if docMech == "" {
				_, docMech = x.k.transfer(e.sp.Country, x.text)
			}
			e.sp.TransferMechanism = docMech
		}
		if e.other {
			others = append(others, e.sp)
		} else {
			subs = append(subs, e.sp)
		}
	}
	return subs, others, x.subprocessorURL()
}

// partyRoleName reports whether an entry's name is a party's role word,
// with an article, before a parenthesis ("The Processor (Kestrel Apps
// Ltd)", "Der Auftragnehmer (Muster GmbH)"): the party itself.
func (x *extractor) partyRoleName(name string) bool {
	head, _, ok := strings.Cut(name, "(")
	if !ok {
		return false
	}
	f := strings.Fields(strings.ToLower(head))
	if len(f) > 0 && x.k.party.article[f[0]] {
		f = f[1:]
	}
	return len(f) == 1 && x.k.party.role[f[0]] != ""
}

// affiliateRemarks are the words of a remark after a listed company that
// says it belongs to the processor's group ("(Konzerngesellschaft)",
// "(affiliate)"): no part of the company's name.
var affiliateRemarks = lexicon.List("affiliate_remarks")

// trimAffiliateRemark removes a closing remark of affiliateRemarks from a
// name ("Brightwave GmbH (affiliate)" → "Brightwave GmbH").
func trimAffiliateRemark(name string) string {
	if !strings.HasSuffix(name, ")") {
		return name
	}
	i := strings.LastIndexByte(name, '(')
	if i <= 0 {
		return name
	}
	rem := strings.ToLower(strings.TrimSpace(name[i+1 : len(name)-1]))
	// "(our affiliate)", "(a group company)", "(unsere Tochtergesellschaft)":
	// the remark with a determiner before it.
	for _, d := range []string{"our ", "a ", "an ", "the ", "unsere ", "unser ", "eine ", "ein "} {
		if r, ok := strings.CutPrefix(rem, d); ok {
			rem = r
			break
		}
	}
	for _, a := range affiliateRemarks {
		if rem == a {
			return strings.TrimSpace(name[:i])
		}
	}
	if registerRemark(rem) || formerNameRemark(rem) {
		return strings.TrimSpace(name[:i])
	}
	return name
}

// formerNameRemarks open a remark that gives a company's former name
// (lexicon: former_name_remarks).
var formerNameRemarks = lexicon.List("former_name_remarks")

// formerNameRemark reports whether a lower-case remark in parentheses
// after a name gives its former name ("vormals Kemptener Datendienst
// GmbH", "formerly Acme Ltd"): a lead of formerNameRemarks as a whole
// word with a name after it (branch subs28).
func formerNameRemark(rem string) bool {
	for _, a := range formerNameRemarks {
		if r, ok := strings.CutPrefix(rem, a); ok && strings.HasPrefix(r, " ") && len(strings.TrimSpace(r)) > 1 {
			return true
		}
	}
	return false
}

// registerNumberRemarks open a remark that gives a company's register
// number (lexicon: register_number_remarks).
var registerNumberRemarks = lexicon.List("register_number_remarks")

// registerRemark reports whether a remark in parentheses after a name
// gives the company's register number ("company number 03370915", "CRO
// number 655120", "HRB 12345"): a lead of registerNumberRemarks as a whole
// word, a digit after it.
func registerRemark(rem string) bool {
	for _, a := range registerNumberRemarks {
		if !strings.HasPrefix(rem, a) {
			continue
		}
		r := rem[len(a):]
		if r != "" && (r[0] >= 'a' && r[0] <= 'z') {
			continue
		}
		if strings.ContainsAny(r, "0123456789") {
			return true
		}
	}
	return false
}

// signatureNameLeads open a signature line: "Signed for", "For and on
// behalf of", "Witness" (lexicon: signature_name_leads).
var signatureNameLeads = lexicon.List("signature_name_leads")

// signatureName reports whether an entry's name is a signature line
// ("Signed for Marram Outdoor Retail Limited"): a lead of
// signature_name_leads followed by a space or a colon.
func signatureName(name string) bool {
	low := strings.ToLower(name)
	if rest, ok := strings.CutPrefix(name, "For "); ok && rest != "" && strings.ToUpper(rest) == rest {
		// "For ALDERWICK FOODS LIMITED": a party's signature line in
		// capitals (branch hold2xs2).
		return true
	}
	if m := reWordItemMarker.FindStringIndex(name + " "); m != nil && strings.TrimSpace((name + " ")[m[1]:]) == "" {
		// "iv.": a list label whose entry is empty ("iv. (reserved)").
		return true
	}
	for _, l := range signatureNameLeads {
		if rest, ok := strings.CutPrefix(low, l); ok && rest != "" && (rest[0] == ' ' || rest[0] == ':') {
			return true
		}
	}
	return false
}

// signatureFields are the labels of a signature block's fields (lexicon:
// signature_field_labels).
var signatureFields = lexicon.Set("signature_field_labels")

// signatureField reports whether an entry is read from a signature block:
// its name is a field label ("Date", "Signed by"), or the line it starts
// on holds a field label twice side by side after a run of spaces ("Name:
// Hilde Berg      Name: Tom Vik"), the two columns of the parties.
func (x *extractor) signatureField(e *spEntry) bool {
	if signatureFields[strings.ToLower(strings.TrimSpace(strings.TrimSuffix(e.sp.Name, ":")))] {
		return true
	}
	if e.start < 0 || e.start >= len(x.lower) {
		return false
	}
	ls, le := lineBounds(x.lower, e.start)
	line := strings.TrimLeft(x.lower[ls:le], " ")
	lab := ""
	if i := strings.Index(line, ":"); i > 0 && i <= 30 && signatureFields[strings.TrimSpace(line[:i])] {
		lab = strings.TrimSpace(line[:i]) + ":"
	} else if f := strings.Fields(line); len(f) > 1 && (f[0] == "for" || f[0] == "für") {
		// "For MARLOW LTD        For BRACKEN LTD": the parties side by side.
		lab = f[0] + " "
	} else {
		return false
	}
	j := strings.Index(line[len(lab):], "   ")
	return j >= 0 && strings.HasPrefix(strings.TrimLeft(line[len(lab)+j:], " "), lab)
}

// reDefinedRole is a parenthesis right after a name: "Brightside Dental
// Ltd (the Controller)", "Muster GmbH („Auftraggeber“)".
var reDefinedRole = prefilter.MustCompile(`^\s*\(\s*(?:(?:the|der|die|nachfolgend|hereinafter|im folgenden)\s+)*[„"“‚']?([\p{L} -]{3,40}?)[“"”‘']?\s*\)`)

// definedParty reports whether the text defines name as a party of the
// contract: the name followed by a parenthesis holding a party's role
// and nothing else ("(the Controller)", "(Auftraggeber)"), not a
// sub-processor's role.
func (x *extractor) definedParty(name string) bool {
	if len(name) < 3 {
		return false
	}
	for off := 0; off < len(x.text); {
		i := strings.Index(x.text[off:], name)
		if i < 0 {
			return false
		}
		at := off + i + len(name)
		if m := reDefinedRole.FindStringSubmatch(x.text[at:min(len(x.text), at+60)]); m != nil {
			role := prefilter.Lower(m[1])
			if len(strings.Fields(role)) <= 3 && x.k.cue("party_roles").In(role) && !x.k.isSub(role) && !x.serviceWords(role) {
				return true
			}
		}
		off = at
	}
	return false
}

// blankName reports whether a name holds a template's blank: a run of
// underscores, an ellipsis, brackets or a template variable.
func blankName(s string) bool {
	return strings.Contains(s, "__") || strings.ContainsAny(s, "[]{}<>…●") || strings.Contains(s, "...")
}

func normName(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r > 127 {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// leadingTabs counts the tabs between the start of the line holding off
// and off.
func (x *extractor) leadingTabs(off int) int {
	n := 0
	for k := off; k > 0 && x.text[k-1] != '\n'; k-- {
		if x.text[k-1] != '\t' {
			return 0
		}
		n++
	}
	return n
}

// span is a cell of a table: a byte range of the text.
type span struct{ start, end int }

// table is a run of table rows: Markdown or tab-separated rows that the
// document parser recognised, or lines whose cells are joined by " | "
// without outer pipes (as a reader exports a table to text).
type table struct {
	rows  [][]span
	block int // index of the block holding the first row
	start int // offset of the first row
	end   int // offset after the last row
	// pipe marks rows joined by " | " that the parser left as prose;
	// spaced rows whose cells runs of spaces set apart (spaceTables).
	pipe, spaced bool
	// grid marks a grid table: rows set apart by rules of "+", "-" and
	// "=" ("+----+------+"), a row's text lines between two rules.
	grid bool
	// wrapped holds, by row and column, the further lines of a cell that
	// wraps in a spaced table.
	wrapped map[[2]int][]span
}

func (x *extractor) tables() []table {
	var ts []table
	var cur *table
	skipCells := false // the row's cells were read by pipeRowSpans
	// cont: a page's running line or a wrapped cell's line between two
	// rows keeps the table open (the parser starts a new table after it).
	cont := false
	// afterRule: the block before is a grid table's rule ("+----+----+").
	afterRule := false
	for i, b := range x.doc.Blocks {
		wasRule := afterRule
		afterRule = false
		switch b.Kind {
		case document.TableRow:
			if cur != nil && cur.grid && !wasRule && len(cur.rows) > 0 {
				// "|    |  | 01067 Dresden, Germany | recording |" under
				// "| 2  | Voxaria GmbH | Könneritzstr. 5, | telephony and |"
				// with no rule between: the further text lines of the
				// row above, each cell in its column.
				spans, ok := pipeRowSpans(x.text, b.Start, b.End)
				if !ok {
					spans = x.pipeLineSpans(b.Start, b.End)
					if len(spans) > 1 && spans[0].start == spans[0].end {
						spans = spans[1:]
					}
				}
				for c, sp := range spans {
					if sp.end > sp.start {
						cur.addWrap(len(cur.rows)-1, c, sp)
					}
				}
				cur.end = b.End
				skipCells = true
				continue
			}
			if cur != nil && len(cur.rows) > 1 && !cur.pipe && len(x.text[b.Start:b.End]) < 160 && pageFooter(strings.Join(strings.Fields(x.text[b.Start:b.End]), " ")) {
				// "AVV – Stand 01/2027<tab>Seite 6 von 8": a page's running
				// line set out with a tab is no row; its cells are skipped.
				cont, skipCells = true, true
				continue
			}
			if b.Row == 0 && !cont || cur == nil {
				ts = append(ts, table{block: i, start: b.Start, pipe: isPipeRow(x.text[b.Start:b.End]), grid: wasRule})
				cur = &ts[len(ts)-1]
			}
			cont = false
			if spans, ok := pipeRowSpans(x.text, b.Start, b.End); ok {
				// "| 2 |  |  | Telefonsupport |": the parser leaves out
				// empty cells; their columns are kept here, so that a
				// service under "Leistung" is not read as the name.
				cur.rows = append(cur.rows, spans)
				cur.end = b.End
				cur = &ts[len(ts)-1]
				skipCells = true
				continue
			}
			skipCells = false
			var lead []span
			if n := x.leadingTabs(b.Start); n > 0 && len(cur.rows) > 0 {
				// "<tab>Ausweichrechenzentrum<tab>Hannover": the parser
				// leaves out the empty cells a row opens with (a name cell
				// merged over two rows); their columns are kept here.
				lead = make([]span, min(n, 8))
				for k := range lead {
					lead[k] = span{b.Start, b.Start}
				}
			}
			cur.rows = append(cur.rows, lead)
			cur.end = b.End
		case document.TableCell:
			if cur != nil && len(cur.rows) > 0 && !skipCells {
				cur.rows[len(cur.rows)-1] = append(cur.rows[len(cur.rows)-1], span{b.Start, b.End})
				cur.end = b.End
			}
		default:
			if b.Kind == document.Paragraph && gridRule(x.text[b.Start:b.End]) {
				// "+----+-----+" or "+====+=====+": a grid table's rule
				// closes a row, not the table.
				if cur != nil {
					cur.grid = true
				}
				afterRule = true
				continue
			}
			if cont && cur != nil && b.Kind == document.Paragraph && isPipeRow(x.text[b.Start:b.End]) && !strings.Contains(x.text[b.Start:b.End], "\n") {
				// "Druckerei Isartal GmbH | Briefdruck | Deutschland" alone
				// on the next page: a row of the table above.
				cur.rows = append(cur.rows, x.pipeLineSpans(b.Start, b.End))
				cur.end = b.End
				continue
			}
			if cur != nil && len(cur.rows) > 1 && (b.Kind == document.Heading || b.Kind == document.Paragraph) {
				t := x.text[b.Start:b.End]
				nextRow := i+1 < len(x.doc.Blocks) && x.doc.Blocks[i+1].Kind == document.TableRow
				nextRow = nextRow || cur.pipe && i+1 < len(x.doc.Blocks) && isPipeRow(x.doc.BlockText(i+1))
				if nextRow && pageFooter(strings.TrimSpace(t)) {
					// "AVV Version 3.1 – Seite 7 von 9" between two rows:
					// the table goes on on the next page, without its
					// header.
					cont = true
					continue
				}
				if n := x.leadingTabs(b.Start); !cur.pipe && n > 0 && n < 8 && !strings.Contains(t, "\n") && len(t) < 120 {
					// "<tab><tab>Sicherungskopien<tab>": a cell's second
					// line, in the column its tabs reach.
					cur.addWrap(len(cur.rows)-1, n, span{b.Start, b.End})
					cur.end = b.End
					cont = nextRow
					continue
				}
				if !cur.pipe && nextRow && x.doc.Blocks[i+1].Row > 0 && b.Label == "" && len(t) < 60 && !strings.Contains(t, "\n") && !x.k.isSub(x.lower[b.Start:b.End]) {
					// The same line whose tabs a word processor's export
					// dropped: the parser goes on with the table's rows
					// after it, and so does the table.
					cont = true
					continue
				}
			}
			cur, cont = nil, false
		}
	}
	ts = append(ts, x.pipeTables()...)
	ts = append(ts, x.spaceTables()...)
	for i := range ts {
		x.joinContinuationRows(&ts[i])
	}
	return ts
}

// afterCompanyComma reports whether before ends in a company's legal form
// and a comma ("Mailgun Technologies, Inc., "): what follows is the
// company's place, not another company.
func (x *extractor) afterCompanyComma(before string) bool {
	p := strings.TrimRight(before, " ")
	if !strings.HasSuffix(p, ",") {
		return false
	}
	p = strings.TrimSuffix(p, ",")
	for _, m := range x.k.legalRe.Plain().FindAllStringSubmatchIndex(p[max(0, len(p)-60):], -1) {
		if m[3] == min(len(p), 60) {
			return true
		}
	}
	return false
}

// joinWrapped joins a line of a name to the line it continues: a word
// broken at a hyphen goes on without a space, the hyphen kept before a
// capital ("Mecklenburg-" and "Vorpommern GmbH") and dropped before a
// small letter ("Kommunikations-" and "technik Oberrhein mbH"); a hyphen
// before a conjunction stands for a left-out word ("Verwaltungs-" and
// "und Abrechnungszentrum …") and keeps its space.
func joinWrapped(a, b string) string {
	if a == "" {
		return b
	}
	if b == "" {
		return a
	}
	if strings.HasSuffix(a, "-") && !strings.HasSuffix(a, " -") {
		first, _, _ := strings.Cut(b, " ")
		r, _ := utf8.DecodeRuneInString(b)
		switch {
		case wrapConjunctions[strings.ToLower(first)]:
		case unicode.IsUpper(r):
			return a + b
		case unicode.IsLower(r):
			return a[:len(a)-1] + b
		}
	}
	return a + " " + b
}

// wrapConjunctions are the words after which a hyphen at a line's end
// stands for a left-out word ("Verwaltungs- und Abrechnungszentrum").
var wrapConjunctions = lexicon.Set("hyphen_ellipsis_conjunctions")

// rowSpan returns where a row's filled cells start and end, with the
// wrapped lines of its cells (row r of its table).
func rowSpan(row []span, wrapped map[[2]int][]span, r int) (int, int) {
	start, end := row[0].start, row[len(row)-1].end
	for c, s := range row {
		start, end = min(start, s.start), max(end, s.end)
		for _, w := range wrapped[[2]int{r, c}] {
			end = max(end, w.end)
		}
	}
	return start, end
}

// pipeRowSpans reads the cells of a Markdown row with outer pipes that
// has an empty cell between filled ones ("| 2 |  |  | Telefonsupport |"),
// the empty ones as empty spans; ok is false for any other row.
func pipeRowSpans(text string, start, end int) ([]span, bool) {
	t := text[start:end]
	if len(t) < 2 || t[0] != '|' || !strings.Contains(t, "|  |") && !strings.Contains(t, "||") && !strings.Contains(t, "| |") {
		return nil, false
	}
	tt := strings.TrimRight(t, " ")
	if !strings.HasSuffix(tt, "|") {
		return nil, false
	}
	var out []span
	filled := 0
	off := 1
	for off < len(tt) {
		i := strings.IndexByte(tt[off:], '|')
		if i < 0 {
			break
		}
		cs, ce := off, off+i
		for cs < ce && (tt[cs] == ' ' || tt[cs] == '\t') {
			cs++
		}
		for ce > cs && (tt[ce-1] == ' ' || tt[ce-1] == '\t') {
			ce--
		}
		if ce > cs {
			filled++
		}
		out = append(out, span{start + cs, start + ce})
		off += i + 1
	}
	if filled == 0 || strings.Trim(tt, "|-: ") == "" {
		return nil, false
	}
	return out, true
}

// gridRule reports whether a line is a rule of a grid table: "+" at
// both ends, only "-", "=", ":" and "+" between ("+----+=====+").
func gridRule(t string) bool {
	t = strings.TrimSpace(t)
	if len(t) < 3 || t[0] != '+' || t[len(t)-1] != '+' {
		return false
	}
	return strings.Trim(t, "+-=:") == ""
}

// isPipeRow reports whether a line is a row of cells joined by " | "
// without outer pipes.
func isPipeRow(t string) bool {
	return strings.IndexByte(t, '|') > 0 && !strings.HasPrefix(t, "|") && strings.Contains(t, " | ") && !strings.Contains(t, "\t")
}

// pipeTables finds runs of consecutive lines whose cells are joined by
// " | ". The document parser keeps such lines as prose (they may be a
// signature block or a footer); the extractor reads them as rows.
func (x *extractor) pipeTables() []table {
	var ts []table
	var cur *table
	prevEnd := -2
	bi := 0
	for _, ln := range x.lines {
		if !isPipeRow(ln.text) || x.inTableBlock(ln.start) {
			// Rows the parser read as a table are read from its blocks.
			cur = nil
			continue
		}
		// Consecutive means no other non-empty line in between (but a
		// page's running line, "AVV – Seite 5 von 6", a page break left).
		if cur == nil || strings.TrimSpace(x.text[prevEnd:ln.start]) != "" && !onlyPageLines(x.text[prevEnd:ln.start]) {
			for bi+1 < len(x.doc.Blocks) && x.doc.Blocks[bi+1].Start <= ln.start {
				bi++
			}
			ts = append(ts, table{block: bi, start: ln.start, pipe: true})
			cur = &ts[len(ts)-1]
		}
		cur.rows = append(cur.rows, x.pipeLineSpans(ln.start, ln.end))
		cur.end = ln.end
		prevEnd = ln.end
	}
	return ts
}

// pipeLineSpans splits the line from start to end at its pipes into
// cells without their spaces.
func (x *extractor) pipeLineSpans(start, end int) []span {
	var row []span
	off := start
	for _, c := range strings.Split(x.text[start:end], "|") {
		a, e := off, off+len(c)
		for a < e && (x.text[a] == ' ' || x.text[a] == '\t') {
			a++
		}
		for e > a && (x.text[e-1] == ' ' || x.text[e-1] == '\t') {
			e--
		}
		row = append(row, span{a, e})
		off += len(c) + 1
	}
	return row
}

// onlyPageLines reports whether every non-empty line of s is a page's
// running line (pageFooter).
func onlyPageLines(s string) bool {
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" && !pageFooter(l) {
			return false
		}
	}
	return true
}

// inTableBlock reports whether offset off starts a table row block.
func (x *extractor) inTableBlock(off int) bool {
	i := sort.Search(len(x.doc.Blocks), func(i int) bool { return x.doc.Blocks[i].Start >= off })
	return i < len(x.doc.Blocks) && x.doc.Blocks[i].Start == off && x.doc.Blocks[i].Kind == document.TableRow
}

// contextBefore returns the text before offset start back to 900 bytes
// or the end of the previous table.
func (x *extractor) contextBefore(start, prevEnd int) string {
	from := max(0, start-900)
	if prevEnd > from {
		from = prevEnd
	}
	if from > start {
		return ""
	}
	return x.text[from:start]
}

func (x *extractor) subprocessorTables() []*spEntry {
	var out []*spEntry
	prevEnd := 0
	ts := x.tables()
	sort.SliceStable(ts, func(i, j int) bool { return ts[i].start < ts[j].start })
	for _, t := range ts {
		b0 := x.doc.Blocks[t.block]
		ctx := x.contextBefore(t.start, max(prevEnd, x.annexStart(t.block)))
		prevEnd = t.end
		if len(t.rows) == 0 {
			continue
		}
		header := t.rows[0]
		nameCol, addrCol, servCol, locCol, ctryCol := -1, -1, -1, -1, -1
		isHeader := false
		headerSub := false
		for c, cell := range header {
			h := x.text[cell.start:cell.end]
			if len(h) > 60 || x.hasLegalForm(h) {
				isHeader = false
				break
			}
			switch {
			case nameCol < 0 && reNameHead.MatchString(h):
				nameCol, isHeader = c, true
			case addrCol < 0 && reAddrHead.MatchString(h):
				addrCol, isHeader = c, true
			case ctryCol < 0 && reCountryHd.MatchString(h):
				ctryCol, isHeader = c, true
			case locCol < 0 && reLocHead.MatchString(h):
				locCol, isHeader = c, true
			case servCol < 0 && reServHead.MatchString(h):
				servCol, isHeader = c, true
			}
			if x.k.isSub(x.lower[cell.start:cell.end]) {
				headerSub = true
			}
		}
		near := ctx
		if t.pipe || t.spaced {
			// Rows joined by " | " are often TOM or data tables: only the
			// lead-in right before them or the section tells.
			near = lastParagraphs(ctx)
		}
		inSub := headerSub || x.k.isSub(prefilter.Lower(near)) || x.inSubContext(b0)
		if !inSub {
			continue
		}
		if es, ok := x.keyValueTable(t); ok {
			// "Unterauftragnehmer:<tab>Bergwerk Hosting GmbH" over
			// "Sitz:<tab>Freiberg, Deutschland": labelled fields.
			out = append(out, es...)
			continue
		}
		// A header that names sub-processors ("| Unterauftragnehmer |
		// Standort |") lists them even after a sentence on recipients
		// that are none ("Die Paketdienste … sind keine
		// Unterauftragnehmer"): that sentence is about the companies it
		// names.
		other := !headerSub && x.k.notProc(prefilter.Lower(lastParagraphs(ctx)))
		rows := t.rows
		if isHeader {
			rows = rows[1:]
			if len(rows) > 0 && x.columnTitleRow(rows[0]) {
				// A second header row under merged titles ("Ort der
				// Verarbeitung" over "Stadt | Land"): it names the columns
				// the first row leaves open.
				for c, cell := range rows[0] {
					h := x.text[cell.start:cell.end]
					switch {
					case c == nameCol || c == addrCol || c == ctryCol || c == locCol || c == servCol:
					case nameCol < 0 && reNameHead.MatchString(h):
						nameCol = c
					case addrCol < 0 && reAddrHead.MatchString(h):
						addrCol = c
					case ctryCol < 0 && reCountryHd.MatchString(h):
						ctryCol = c
					case locCol < 0 && reLocHead.MatchString(h):
						locCol = c
					case servCol < 0 && reServHead.MatchString(h):
						servCol = c
					}
				}
				rows = rows[1:]
			}
		}
		// A first row of titles the header words do not know
		// ("Rechtsgrundlagen | Fundstelle") heads a table whose first
		// column need not hold names: only a legal form marks a company.
		unknownHead := !isHeader && x.titleRow(header)
		var tableNames []string
		for ri, row := range rows {
			cells := make([]string, len(row))
			for i, c := range row {
				cells[i] = brToComma(strings.TrimSpace(x.text[c.start:c.end]))
				for _, w := range t.wrapped[[2]int{ri + len(t.rows) - len(rows), i}] {
					cells[i] = joinWrapped(cells[i], strings.TrimSpace(x.text[w.start:w.end]))
				}
			}
			nc := nameCol
			if nc < 0 || nc >= len(cells) || reNumCell.MatchString(cells[nc]) {
				nc = x.guessNameCol(cells)
			}
			if nc < 0 {
				continue
			}
			name, nameCountry := x.nameCell(cells[nc])
			if m := reRowNumber().FindStringIndex(name); m != nil && x.hasLegalForm(name[m[1]:]) {
				// "1 Rechenzentrum Nordschwarzwald GmbH": a number column
				// whose title ran into the next ("Lfd. Nr.  Unterauftrags-
				// verarbeiter") put the row's number before the name.
				name = name[m[1]:]
			}
			merged := false
			if name == "" && nc == nameCol && len(tableNames) > 0 && x.siteRow(cells, nc) {
				// "<empty> | Ausweichrechenzentrum | Hannover, Deutschland"
				// under "Nordwolke GmbH | Produktivsystem | Hamburg": a name
				// cell merged over two rows, the company at a second site.
				name, merged = tableNames[len(tableNames)-1], true
			}
			if prev := len(out) - 1; prev >= 0 && len(tableNames) > 0 && !x.hasLegalForm(name) && onlyCell(cells, nc) {
				// "Holte-Stukenbrock, DE" under "SYNAXON AG Falkenstr. 31,
				// 33758 Schloß": a cell wrapped onto a row of its own.
				e := out[prev]
				e.text.WriteString(" " + cells[nc])
				e.end = row[len(row)-1].end
				if e.sp.Country == "" {
					e.sp.Country = x.k.CountryOf(cells[nc])
				}
				continue
			}
			if a, e := x.k.legalForm(name); a == 0 && strings.TrimSpace(name[e:]) == "" || strings.HasPrefix(name, "Co. ") {
				// "Inc." or "Co. KG" alone: a name torn across columns,
				// or wrapped onto a row of its own under a name without
				// its legal form ("Microsoft Ireland Operations" above
				// "Limited").
				if prev := len(out) - 1; prev >= 0 && len(tableNames) > 0 && nc == nameCol && !x.hasLegalForm(out[prev].sp.Name) {
					e := out[prev]
					e.sp.Name += " " + name
					tableNames[len(tableNames)-1] = e.sp.Name
					e.text.WriteString(" " + strings.Join(cells, " "))
					e.end = max(e.end, row[len(row)-1].end)
					if e.sp.Service != "" && servCol >= 0 && servCol < len(cells) && servCol != nc && cells[servCol] != "" {
						e.sp.Service += " " + cells[servCol]
					}
				}
				continue
			}
			if reRefLabel.MatchString(name) {
				// "Anlage 2 | Genehmigte Subunternehmer": a list of annexes.
				continue
			}
			if !x.hasLegalForm(name) && x.lowerWords(name) >= 2 {
				// "Subject matter of the processing | …", "Duration of the
				// processing | …": a row label of a details table.
				continue
			}
			if (t.pipe || t.spaced || unknownHead) && nameCol < 0 && !x.hasLegalForm(name) {
				// Without a name column only a legal form marks a company.
				continue
			}
			if name == "" || x.k.IsPlaceholder(name) || len(name) > 120 || x.headerWord(name) || x.notEntity(name) {
				continue
			}
			if !merged && !x.hasLegalForm(name) && sameCompany(tableNames, name) && !x.otherCountryRow(out, name, cells) {
				// "Microsoft — Azure AI Speech" after "Microsoft Ireland
				// Operations Ltd.": another service of a listed company.
				continue
			}
			tableNames = append(tableNames, name)
			rs, re := rowSpan(row, t.wrapped, ri+len(t.rows)-len(rows))
			e := &spEntry{other: other, start: rs, end: re}
			e.sp.Name = name
			e.sp.Country = nameCountry
			rowText := x.text[e.start:e.end]
			e.text.WriteString(rowText)
			addr := ""
			raw := cells[nc]
			// "Name GmbH, Straße 1, 12345 Ort" in one cell.
			if i := strings.Index(raw, name); i >= 0 {
				r := strings.Trim(raw[i+len(name):], " ,;")
				if r != "" && (strings.HasPrefix(strings.TrimLeft(raw[i+len(name):], " "), ",") || rePostcodeCity.MatchString(r)) {
					addr = r
					x.fillAddress(&e.sp, addr)
				}
			}
			if addr != "" {
				// already split from the name cell
			} else if addrCol >= 0 && addrCol < len(cells) && addrCol != nc {
				addr = cells[addrCol]
			} else {
				for i, c := range cells {
					if i != nc && (rePostcodeCity.MatchString(c) || x.k.countryRe.MatchString(c)) && len(c) < 150 {
						addr = c
						break
					}
				}
			}
			if addr != "" && e.sp.Address == "" {
				x.fillAddress(&e.sp, addr)
			}
			if ctryCol >= 0 && ctryCol < len(cells) {
				if c := x.k.CountryOf(cells[ctryCol]); c != "" {
					e.sp.Country = c
				}
			}
			if locCol >= 0 && locCol < len(cells) && locCol != nc {
				e.sp.Location = cells[locCol]
				if e.sp.Country == "" {
					e.sp.Country = x.k.CountryOf(cells[locCol])
				}
				if e.sp.Country == "" && !x.k.countryRe.MatchString(cells[locCol]) {
					// "EU — Frankfurt": a known city names the country.
					e.sp.Country = x.k.ParseAddress(cells[locCol], x.lang).Country
				}
			}
			if servCol >= 0 && servCol < len(cells) && servCol != nc {
				e.sp.Service = cells[servCol]
			} else {
				for i := len(cells) - 1; i > nc; i-- {
					if cells[i] != addr && !reNumCell.MatchString(cells[i]) {
						e.sp.Service = cells[i]
						break
					}
				}
			}
			if e.sp.Country == "" {
				e.sp.Country = x.k.CountryOf(rowText)
			}
			if e.sp.Country == "" && e.sp.City == "" && x.germanCompany(name) {
				// "Hetzner Online GmbH | Gunzenhausen | Hosting": a town the
				// place list does not know, in its own cell, as in
				// newListEntry.
				for i, c := range cells {
					if i != nc && c != e.sp.Service && reTownWord.MatchString(c) && !x.serviceWords(c) && !x.headerWord(c) {
						e.sp.City, e.sp.Country = c, "DE"
						break
					}
				}
			}
			out = append(out, e)
		}
	}
	return out
}

// otherCountryRow reports whether a row repeating a bare name of the
// table's entries names another country than that entry ("Wolkenbank |
// Hosting (Ausweich) | Schweiz" under "Wolkenbank | … | Deutschland"):
// the company at a second site, not another service.
func (x *extractor) otherCountryRow(out []*spEntry, name string, cells []string) bool {
	cc := ""
	for _, c := range cells {
		if c != name {
			if cc = x.k.CountryOf(c); cc != "" {
				break
			}
		}
	}
	if cc == "" {
		return false
	}
	for k := len(out) - 1; k >= 0; k-- {
		if out[k].sp.Name == name {
			return out[k].sp.Country != "" && out[k].sp.Country != cc
		}
	}
	return false
}

// siteRow reports whether a table row without a name (its name column
// nc empty) gives another site of the company above: two filled cells
// at least, one of them a place ("Ausweichrechenzentrum | Hannover,
// Deutschland"). A single filled cell is a wrapped line of the row above.
func (x *extractor) siteRow(cells []string, nc int) bool {
	filled, place := 0, false
	for i, c := range cells {
		if i == nc || c == "" {
			continue
		}
		filled++
		if x.k.countryRe.MatchString(c) || rePostcodeCity.MatchString(c) {
			place = true
		}
	}
	return filled >= 2 && place
}

// annexStart returns the offset where the annex holding block i begins,
// or 0 in the main body: the words before a table in another annex ("Anlage
// 2 Unterauftragsverarbeiter … keine" before "Anlage 3 Nachweise") do not
// describe it.
func (x *extractor) annexStart(i int) int {
	a := x.doc.Blocks[i].Annex
	if a == "" {
		return 0
	}
	for i > 0 && x.doc.Blocks[i-1].Annex == a {
		i--
	}
	return x.doc.Blocks[i].Start
}

// titleRow reports whether a row reads as column titles: two or more
// short filled cells without legal forms, digits or addresses.
func (x *extractor) titleRow(row []span) bool {
	if len(row) < 2 {
		return false
	}
	for _, c := range row {
		h := strings.TrimSpace(x.text[c.start:c.end])
		if h == "" || len(h) > 40 || strings.ContainsAny(h, "0123456789,") || x.hasLegalForm(h) {
			return false
		}
	}
	return true
}

// columnTitleRow reports whether every filled cell of a row is a column
// title (a header pattern or a word of column_titles) and at least one is
// filled: a second header row.
func (x *extractor) columnTitleRow(row []span) bool {
	n := 0
	for _, c := range row {
		h := strings.TrimSpace(x.text[c.start:c.end])
		if h == "" {
			continue
		}
		n++
		if len(h) > 40 || x.hasLegalForm(h) {
			return false
		}
		low := strings.ToLower(h)
		if !x.k.columnTitles[low] && !reNameHead.MatchString(h) && !reAddrHead.MatchString(h) && !reCountryHd.MatchString(h) &&
			!reLocHead.MatchString(h) && !reServHead.MatchString(h) {
			return false
		}
	}
	return n > 0
}

// notEntity reports whether a name without a legal form names a party,
// the processor's own staff or its group as a whole ("Auftragnehmer
// (eigenes Personal)", "verbundene Unternehmen"), not a company.
func (x *extractor) notEntity(name string) bool {
	return !x.hasLegalForm(name) && x.k.cue("not_entity").In(prefilter.Lower(name))
}

// reRefLabel matches a cell that is a reference label, not a name.
//
// "Table", "Tabelle 2", "Figure 1": the label of a table or a figure
// (a numbered heading "9. Table – Processing, Personal Data and Data
// Subjects" after a list of sub-processors is no entry).
var reRefLabel = prefilter.MustCompile(`(?i)^(?:anlage|anhang|annex|appendix|schedule|exhibit|attachment|ziffer|section|clause|table|tabelle|figure|abbildung|§)\s*[\dA-Z]{0,4}[.:]?$`)

// onlyCell reports whether cell i is the only non-empty cell of a row.
func onlyCell(cells []string, i int) bool {
	for k, c := range cells {
		if k != i && c != "" {
			return false
		}
	}
	return cells[i] != ""
}

// headerWord reports whether a cell is a column title rather than a name:
// "Unterauftragsverarbeiter", "Dienstleister", "Name".
func (x *extractor) headerWord(s string) bool {
	if len(s) > 40 || x.hasLegalForm(s) {
		return false
	}
	low := strings.ToLower(strings.TrimSpace(s))
	return reNameHead.MatchString(low) && len(strings.Fields(low)) <= 3 || x.k.isSub(prefilter.Lower(low))
}

// sameCompany reports whether a bare name (no legal form) starts a name
// already listed: the same company with another service.
func sameCompany(names []string, name string) bool {
	n := normName(name)
	if n == "" {
		return false
	}
	for _, m := range names {
		if strings.HasPrefix(normName(m), n) {
			return true
		}
	}
	return false
}

// reMDLink is a Markdown link: "[text](https://…)".
var reMDLink = prefilter.MustCompile(`\[([^\[\]]+)\]\(https?://[^()\s]+\)`)

var reBracketed = prefilter.MustCompile(`\[\[[^\]]*\]\]|\[[^\]]*\]`)

// nameCell reads the company name of a table cell or list entry: the
// legal-form name where the cell has one ("Hetzner Online GmbH, Str. 1"
// gives "Hetzner Online GmbH"; "[[Hoster]] oder Vercel Inc. (USA)" gives
// "Vercel Inc."), else the cell up to a dash or a parenthesis. A
// parenthesis naming a country gives the country.
func (x *extractor) nameCell(cell string) (string, string) {
	cell = collapse(strings.ReplaceAll(cell, "**", ""))
	cell = reListMarker.Plain().ReplaceAllString(cell, "")
	flag, cell := flagPrefix(cell)
	if strings.Contains(cell, "](") {
		// "[Plausible Analytics](https://plausible.example)": a
		// Markdown link outside a Markdown file shows its text.
		cell = reMDLink.Plain().ReplaceAllString(cell, "$1")
	}
	// Bracketed blanks without a legal form are dropped; brackets around
	// a name are unwrapped.
	cell = reBracketed.Plain().ReplaceAllStringFunc(cell, func(m string) string {
		inner := strings.Trim(m, "[]")
		if x.hasLegalForm(inner) {
			return inner
		}
		return ""
	})
	cell = strings.TrimSpace(cell)
	for _, conj := range []string{"oder ", "or ", "bzw. ", "und "} {
		cell = strings.TrimSpace(strings.TrimPrefix(cell, conj))
	}
	if cell == "" {
		return "", ""
	}
	name := cell
	if a, e := x.k.legalForm(cell); a > 0 {
		start := 0
		if strings.ContainsAny(cell[:a], "[]") || strings.Contains(cell[:a], " oder ") {
			start = x.walkBack(cell, a)
		}
		end := e
		// Keep a short parenthetical qualifier: "1&1 IONOS SE (Büro Berlin)".
		rest := cell[end:]
		if r := strings.TrimLeft(rest, " "); strings.HasPrefix(r, "(") {
			if c := strings.IndexByte(r, ')'); c > 0 && c < 40 && !strings.Contains(strings.ToLower(r[:c]), "folgend") {
				end += len(rest) - len(r) + c + 1
			}
		}
		// "Brevo (Sendinblue GmbH)": the legal form closes a parenthesis.
		if end < len(cell) && cell[end] == ')' && strings.Contains(cell[start:end], "(") {
			end++
		}
		name = cell[start:end]
	} else {
		for _, sep := range []string{" – ", " — ", " - ", ": ", ", "} {
			if i := strings.Index(name, sep); i > 0 && !strings.Contains(name[:i], "(") {
				name = name[:i]
			}
		}
	}
	name = strings.TrimRight(strings.TrimSpace(name), " ,;:")
	country := ""
	// "Vercel Inc. (USA)", "Hetzner Online GmbH (Deutschland)".
	if i := strings.LastIndex(name, " ("); i > 0 && strings.HasSuffix(name, ")") {
		inner := name[i+2 : len(name)-1]
		if x.placeList(inner) {
			name, country = strings.TrimSpace(name[:i]), x.placeCountry(inner)
		} else if c, ok := x.k.cityCountry[strings.ToLower(strings.TrimSpace(inner))]; ok && x.hasLegalForm(name[:i]) {
			// "Tabiji Guide Network Inc. (Kyoto)": a known city after
			// a company with its legal form is the entry's place.
			name, country = strings.TrimSpace(name[:i]), c
		}
	}
	if country == "" {
		country = flag
	}
	return name, country
}

// placeList reports whether s only names countries and regions:
// "USA", "Irland/USA", "Frankreich, EU".
func (x *extractor) placeList(s string) bool {
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == '/' || r == ',' || r == ';' })
	for _, part := range parts {
		part = strings.TrimSpace(part)
		if !x.k.isRegion(part) && x.k.CountryOf(part) == "" {
			return false
		}
	}
	return len(parts) > 0
}

// placeCountry reads a country from a short place in parentheses:
// "USA", "Deutschland", "Frankreich, EU"; two different countries
// ("USA/EU", "Irland/USA") give none.
func (x *extractor) placeCountry(s string) string {
	country := ""
	for _, part := range strings.FieldsFunc(s, func(r rune) bool { return r == '/' || r == ',' || r == ';' }) {
		part = strings.TrimSpace(part)
		if x.k.isRegion(part) {
			continue
		}
		c := x.k.CountryOf(part)
		if c == "" || country != "" && c != country {
			return ""
		}
		country = c
	}
	return country
}

// lastParagraphs returns the last two lines of ctx: the sentence right
// before a table decides whether it lists processors or not.
func lastParagraphs(ctx string) string {
	ls := splitLines(ctx)
	if len(ls) > 3 {
		ls = ls[len(ls)-3:]
	}
	var b strings.Builder
	for _, l := range ls {
		b.WriteString(l.text)
		b.WriteByte('\n')
	}
	return b.String()
}

func (x *extractor) hasLegalForm(s string) bool {
	a, _ := x.k.legalForm(s)
	return a >= 0
}

func (x *extractor) guessNameCol(cells []string) int {
	for i, c := range cells {
		if x.hasLegalForm(c) && len(c) < 120 {
			return i
		}
	}
	for i, c := range cells {
		if !reNumCell.MatchString(c) && c != "" && len(c) < 80 {
			return i
		}
	}
	return -1
}

func (x *extractor) fillAddress(sp *model.Subprocessor, addr string) {
	addr = collapse(addr)
	sp.Address = addr
	a := x.k.ParseAddress(addr, x.lang)
	sp.City = a.City
	if a.Country != "" {
		sp.Country = a.Country
	}
}

// setLocation gives an entry the place of a "Standort:" or "Location:"
// line, and its country when the entry has none yet.
func (x *extractor) setLocation(sp *model.Subprocessor, loc string) {
	loc = strings.TrimRight(strings.TrimSpace(loc), " .;")
	if sp.Location == "" {
		sp.Location = loc
	}
	if sp.Country != "" {
		return
	}
	if c := x.k.CountryOf(loc); c != "" {
		sp.Country = c
		return
	}
	a := x.k.ParseAddress(loc, x.lang)
	sp.Country = a.Country
	if sp.City == "" {
		sp.City = a.City
	}
}

// inSubContext reports whether a block stands in a section or annex about
// sub-processors.
func (x *extractor) inSubContext(b document.Block) bool {
	return x.subSection(b.Section) || x.subSection(b.Annex) || annexSubsection(b.Annex, b.Section) && x.subSection(x.annexTitle(b.Annex)) ||
		b.Annex != "" && x.referredSubAnnex(b.Annex)
}

// reAnnexRef is a reference to an annex: "Anlage 3", "Annex II".
var reAnnexRef = prefilter.MustCompile(`(?i)\b(?:anlage|anhang|annex|appendix|schedule)\s+(?:\d{1,2}|[IVX]{1,4}|[A-H])\b`)

// annexWords are the words of a reference to an annex, one of which a
// sentence must hold for reAnnexRef to be run on it.
var annexWords = prefilter.NewWords("anlage", "anhang", "annex", "appendix", "schedule")

// referredSubAnnex reports whether an annex whose title is its label
// alone ("Anlage 3") is the one a sentence on sub-processors refers to
// ("Die in Anlage 3 genannten Unternehmen sind als Unterauftragnehmer
// tätig"): a sentence naming sub-processors and this annex and no other.
func (x *extractor) referredSubAnnex(annex string) bool {
	if x.subAnnexRefs == nil {
		x.subAnnexRefs = map[string]bool{}
		for i := range x.in.Sentences {
			if x.in.Sentences[i].Heading {
				continue
			}
			lower := x.sentenceLower(i)
			if !annexWords.In(lower) {
				continue
			}
			refs := reAnnexRef.FindAllString(lower, 3)
			if len(refs) == 0 || !x.k.isSub(lower) {
				continue
			}
			one := strings.Join(strings.Fields(refs[0]), " ")
			same := true
			for _, r := range refs[1:] {
				same = same && strings.Join(strings.Fields(r), " ") == one
			}
			if same {
				x.subAnnexRefs[one] = true
			}
		}
	}
	v, ok := x.subAnnexes[annex]
	if !ok {
		v = x.subAnnexRefs[strings.Join(strings.Fields(strings.ToLower(annex)), " ")]
		if v {
			t := strings.TrimSpace(x.annexTitle(annex))
			v = strings.Trim(strings.TrimSpace(strings.TrimPrefix(t, annex)), ":.–—- ") == ""
		}
		if x.subAnnexes == nil {
			x.subAnnexes = map[string]bool{}
		}
		x.subAnnexes[annex] = v
	}
	return v
}

// annexSubsection reports whether a section is numbered as a part of the
// annex: "3.1 Hosting" in "Anlage 3" (a clause "12 Schlussbestimmungen"
// after an annex is none).
// The fields are those of strings.Fields, found without splitting the
// strings (it is asked for every block).
func annexSubsection(annex, section string) bool {
	num, ok := nthField(annex, 1)
	if !ok {
		return false
	}
	label, ok := nthField(section, 0)
	if !ok || !isClauseLabel(label) {
		return false
	}
	num = strings.TrimRight(num, ".:")
	return len(label) > len(num) && label[len(num)] == '.' && strings.HasPrefix(label, num)
}

// nthField returns field n (from 0) of s as strings.Fields splits it,
// and whether s has that many fields.
func nthField(s string, n int) (string, bool) {
	for i := 0; i < len(s); {
		// Skip the spaces before a field.
		r, w := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, w = utf8.DecodeRuneInString(s[i:])
		}
		if unicode.IsSpace(r) {
			i += w
			continue
		}
		start := i
		for i < len(s) {
			r, w = rune(s[i]), 1
			if r >= utf8.RuneSelf {
				r, w = utf8.DecodeRuneInString(s[i:])
			}
			if unicode.IsSpace(r) {
				break
			}
			i += w
		}
		if n == 0 {
			return s[start:i], true
		}
		n--
	}
	return "", false
}

// annexTitle returns the heading that opens the annex labelled annex
// ("Anlage 3 Unterauftragsverarbeiter" for "Anlage 3"): the numbered
// sections inside it ("3.1 Hosting") stand under its title.
func (x *extractor) annexTitle(annex string) string {
	if t, ok := x.annexTitles[annex]; ok {
		return t
	}
	t := ""
	for i, b := range x.doc.Blocks {
		if b.Kind == document.Heading && b.Annex == annex {
			if h := strings.TrimSpace(x.doc.BlockText(i)); strings.HasPrefix(h, annex) {
				t = h
			}
			break
		}
	}
	if x.annexTitles == nil {
		x.annexTitles = map[string]string{}
	}
	x.annexTitles[annex] = t
	return t
}

// sentenceInSubSection reports whether a sentence stands in a section or
// annex about sub-processors.
func (x *extractor) sentenceInSubSection(sent segment.Sentence) bool {
	return sent.Block >= 0 && sent.Block < len(x.doc.Blocks) && x.inSubContext(x.doc.Blocks[sent.Block])
}

// subprocessorLists reads list items and short paragraphs in sections
// about sub-processors: "X GmbH, Straße 1, 12345 Ort: Leistung" or a name
// line followed by "Adresse:" and "Leistung:" lines.
func (x *extractor) subprocessorLists() []*spEntry {
	var out []*spEntry
	var cur *spEntry
	leadSub := false // a lead-in paragraph about sub-processors opened a list
	// leadProv: the lead-in introduced service providers without the
	// word sub-processor; its list is read only for names with a legal
	// form and for natural persons with their role.
	leadProv := false
	lastHit := -10 // block index of the lead-in or the last entry
	// last is the last entry and lastBlock its block: a company written
	// as a block of lines (name, service, address) takes its address
	// from a line after it.
	var last *spEntry
	lastBlock := -10
	flags := map[int]string{} // the country flags opening lines, by offset
	defer func() {
		for _, e := range out {
			if cc, ok := flags[e.start]; ok && e.sp.Country == "" && x.k.byCode[cc].Code != "" {
				e.sp.Country = cc
			}
		}
	}()
	skip := -1      // a block read as the second line of the entry above
	footerAt := -10 // the page line that left the list open
	lastAddr := -10 // the block that last added to last's address
	deny := false   // a lead-in said its list names no sub-processors
	for i, b := range x.doc.Blocks {
		if i == skip {
			continue
		}
		if deny {
			if b.Kind == document.ListItem {
				continue
			}
			deny = false
		}
		if x.spaceLines[b.Start] && b.Kind == document.Heading {
			// A row of a table set apart by spaces, read by spaceTables.
			cur = nil
			continue
		}
		if b.Kind == document.Heading {
			low := x.lower[b.Start:b.End]
			t := strings.TrimSpace(x.text[b.Start:b.End])
			if lastHit == i-1 && pageFooter(t) {
				// "Seite 4 von 6" between two entries: a page break
				// leaves the list open.
				lastHit, footerAt = i, i
				continue
			}
			if footerAt == i-1 && x.runningHeader(t, b, i) {
				// "Auftragsverarbeitungsvertrag – Anlage 3" after the
				// page line and before "3. …": the next page's running
				// header leaves the list open too.
				lastHit = i
				continue
			}
			if lastHit >= i-1 && (isItemLabel(b.Label) || romanItemLabel(b.Label) && x.hasLegalForm(t)) && (leadSub || x.inSubContext(b)) {
				// ("II. Aktenhaus Kraichgau GmbH, Bruchsal – …": a Roman
				// numbered entry naming a company.)
				// "1. Stripe (USA) – payment processing": a short numbered
				// entry the parser read as a heading.
				body, end := strings.TrimSpace(strings.TrimPrefix(t, b.Label)), b.End
				next, sure, ok := x.wrappedEntryLine(i, body)
				alone := (*spEntry)(nil)
				if !ok || !sure {
					alone = x.numberedEntry(body, b.Start, end, i)
				}
				if ok && alone == nil {
					// "1. Gesellschaft für … Kommunikations-" over an
					// indented "technik Oberrhein mbH, Offenburg – …"; a
					// first line that is no entry alone over "Services
					// Limited, Birmingham – …".
					nb := x.doc.Blocks[i+1]
					if e := x.numberedEntry(joinWrapped(body, next), b.Start, nb.End, i); e != nil {
						out = append(out, e)
						last, lastBlock, lastHit = e, i+1, i+1
						cur = nil
						skip = i + 1
						continue
					}
				}
				if alone != nil {
					out = append(out, alone)
					last, lastBlock, lastHit = alone, i, i
					// Labelled lines below it ("Sitz: …", "Leistung: …")
					// describe it and keep the list open.
					cur = alone
					continue
				}
			}
			// A table exported one cell per line gives short unlabelled
			// "headings": column titles, names, services, places. They
			// keep a sub-processor list open; a name among them is an entry.
			cellLike := b.Label == "" && !strings.HasPrefix(strings.TrimLeft(x.text[max(0, b.Start-8):b.Start], " "), "#") && len(t) < 100
			if cellLike && !isPipeRow(t) && (leadSub || x.inSubContext(b)) && i-lastHit <= 4 {
				cur = nil
				if x.k.notProc(low) {
					leadSub = false
					continue
				}
				lettered := false
				// "UA-1 = Wolkenkai, Hamburg – …", "Hosting = X GmbH":
				// an id opens an entry, a separator parts its fields.
				t, lettered = entryLine(x.serviceFirst(t))
				if u, ok := x.letteredEntry(t, b.Start); ok {
					// "C. Coldharbour Vault – backup – Sheffield", a
					// lettered entry the parser read as a heading.
					t, lettered = u, true
				} else if dashLine(t) {
					// "Voxwell – SIP-Carrier – Deutschland" over "Helpdeskly
					// – Ticketsystem – USA": a run of name – service – place
					// lines after a lead-in on sub-processors.
					lettered = x.dashLineRun(i)
				}
				if name, rest, ok := x.entityLine(t, i); ok && x.hasLegalForm(name) {
					last = x.newListEntry(name, rest, t, b.Start, b.End)
					out = append(out, last)
					lastBlock, lastHit = i, i
					// Labelled lines below it ("Sitz: Tartu, Estland")
					// describe it.
					cur = last
				} else if e := x.letteredBare(t, lettered, b.Start, b.End); e != nil {
					last = e
					out = append(out, last)
					lastBlock, lastHit = i, i
				} else if e := x.commaPlaceBare(t, b.Start, b.End); e != nil && !leadProv && (lastBlock != i-1 || last != nil && last.sp.Address != "") && !x.blockPlaceLine(last, i-lastBlock, t) {
					// "Dokumentenpost, Luxemburg, Luxemburg, digitaler
					// Posteingang": a list whose bullets or numbers the
					// export lost.
					last = e
					out = append(out, last)
					lastBlock, lastHit = i, i
				} else if lastBlock != i-1 && x.blockName(t, x.nextTexts(i, 2)) {
					// (The line right after an entry is its service.)
					// "Plausible Analytics" above its service and address.
					last = x.newListEntry(t, "", t, b.Start, b.End)
					out = append(out, last)
					lastBlock, lastHit = i, i
				} else if x.k.isSub(low) || reNameHead.MatchString(t) {
					lastHit = i
				} else if last != nil && (i-lastBlock <= 2 || i-lastAddr == 1) && x.fillBlockAddress(last, t, b.Start, b.End) {
					lastHit, lastAddr = i, i
				} else if last != nil && lastAddr == i-1 && lastHit == lastBlock {
					// "Aufbereitung der Geodaten" under the address of
					// "1. Vermessungsdaten Rheinland GmbH": the entry's
					// service line keeps the list open for "2. …".
					lastHit = i
				}
				continue
			}
			if leadSub && lastHit >= i-2 && reSubNumber.MatchString(b.Label) && x.serviceHeading(strings.TrimSpace(strings.TrimPrefix(t, b.Label))) {
				// "3.1 Hosting" over "Rechenzentrum Waldviertel GmbH,
				// Zwettl": a numbered sub-heading per service inside the
				// list keeps it open.
				lastHit = i
				cur = nil
				continue
			}
			leadSub = x.k.isSub(low) && !x.k.notProc(low)
			leadProv = false
			if !leadSub && (strings.HasSuffix(t, ":") && x.providerLead(low) || x.providerHeading(t, low)) {
				leadSub, leadProv = true, true
			}
			if leadSub {
				lastHit = i
			}
			cur = nil
			continue
		}
		if b.Kind == document.TableRow || b.Kind == document.TableCell {
			cur = nil
			continue
		}
		if !x.inSubContext(b) && !leadSub {
			if t := x.text[b.Start:b.End]; b.Kind == document.Paragraph && !strings.Contains(t, "\n") {
				// "Sub-processors: A (Luxembourg); B (Ireland)": a line
				// whose own lead-in names sub-processors.
				if es := x.inlineList(strings.TrimSpace(t), b.Start, b.End); es != nil {
					out = append(out, es...)
					lastHit = i
					cur = nil
					continue
				}
			}
			if es := x.subFootnoteLines(b); es != nil {
				out = append(out, es...)
				lastHit = i
				cur = nil
				continue
			}
			if b.Kind == document.Paragraph {
				if es := x.numberedSubLines(b.Start, b.End); es != nil {
					out = append(out, es...)
					lastHit = i
					cur = nil
					continue
				}
			}
			if b.Kind == document.Paragraph && b.End-b.Start < 300 {
				// A lead-in: short or ending in a colon (tested first, it
				// is cheaper than the cue words).
				t := strings.TrimSpace(x.text[b.Start:b.End])
				if (strings.HasSuffix(t, ":") || len(t) < 80) && x.k.isSub(x.lower[b.Start:b.End]) && !x.k.notProc(x.lower[b.Start:b.End]) {
					leadSub = true
					lastHit = i
				} else if strings.HasSuffix(t, ":") && x.providerLead(x.lower[b.Start:b.End]) || x.providerHeading(t, x.lower[b.Start:b.End]) {
					// "Wir arbeiten mit diesen Dienstleistern zusammen:",
					// "Who else works on your data?"
					leadSub, leadProv = true, !x.consentLead(t, x.lower[b.Start:b.End])
					lastHit = i
				}
			}
			cur = nil
			continue
		}
		if leadProv && b.Kind == document.Paragraph && (x.consentLead(strings.TrimSpace(x.text[b.Start:b.End]), x.lower[b.Start:b.End]) || x.subLeadIn(b)) {
			// (Under "Dienstleister, die wir einsetzen" a lead-in "… weitere
			// Auftragsverarbeiter (Unterauftragsverarbeiter) einzusetzen.
			// Derzeit sind das:" names the providers below sub-processors.)
			// "Do you use other companies' tools?" then "Yes. You agree
			// that I may use these four:": the client consents to the
			// providers, who are sub-processors, named with or without a
			// legal form.
			leadProv = false
			lastHit = i
			cur = nil
			continue
		}
		if b.Kind == document.Paragraph && x.k.notProc(x.lower[b.Start:b.End]) && !x.safeguardDetail(strings.TrimSpace(x.text[b.Start:b.End])) {
			// "Für die folgenden Dienstleister ist kein AV-Vertrag erforderlich:"
			leadSub, leadProv = false, false
			cur = nil
			if strings.HasSuffix(strings.TrimSpace(x.text[b.Start:b.End]), ":") {
				// "Empfänger innerhalb der Unternehmensgruppe (keine
				// Unterauftragsverarbeiter):": the list below it names
				// none, also in an annex on sub-processors.
				deny = true
				continue
			}
			if !x.inSubContext(b) {
				continue
			}
		}
		if b.Kind == document.Paragraph && x.k.isSub(x.lower[b.Start:b.End]) {
			lastHit = i
		}
		// A paragraph may hold several soft-wrapped lines, one entry each.
		pls := x.splitDashRuns(splitLines(x.text[b.Start:b.End]))
		for k, ln := range pls {
			ls, le := b.Start+ln.start, b.Start+ln.end
			if x.spaceLines[ls] {
				cur = nil
				continue
			}
			if len(ln.text) > 400 || isPipeRow(ln.text) {
				// Rows joined by " | " are read as tables.
				cur = nil
				continue
			}
			t := strings.TrimSpace(strings.ReplaceAll(ln.text, "**", ""))
			ticked := false
			if rest, tick, ok := checkboxPrefix(t); ok {
				if !tick {
					// "☐ Aktenlager Mosel GmbH – Archivierung": an option
					// of a form not chosen, no entry.
					cur = nil
					continue
				}
				// "☒ Schreibdienst Krause – Abschrift von Diktaten": a
				// ticked line is an entry like a bullet.
				t, ticked = rest, true
			}
			if cc, rest := flagPrefix(t); cc != "" {
				// "🇩🇪 Hetzner Online GmbH – Hosting": the flag gives the
				// country of the entry the line opens.
				t = rest
				flags[ls] = cc
			}
			if b.Label != "" && ln.start == 0 && strings.HasPrefix(t, b.Label+" ") && isClauseLabel(b.Label) {
				// "9.1 Hetzner Online GmbH, …": the clause number is no
				// part of the name.
				t = strings.TrimLeft(t[len(b.Label):], " ")
			}
			if b.Kind == document.ListItem || b.Kind == document.Paragraph {
				// "a) TeamViewer Germany GmbH, Göppingen (…)": a letter label
				// is no part of the name.
				// "(a) Standard Contractual Clauses: Acme, Inc. agrees …"
				// is a run-in heading, not an entry.
				// "(1) Unterauftragnehmer: Sinch AB mit Sitz in Stockholm"
				// is a labelled entry.
				if u := reLetterMarker.Plain().ReplaceAllString(t, ""); !reLongProse.MatchString(u) && !strings.Contains(u[:min(len(u), 60)], ": ") || reNameLabel.MatchString(u) {
					t = u
				}
			}
			// "Fa. Aktenwolf GmbH, Goslar – …", "die Firma Haustechnik
			// Ramelow GmbH, Gotha, für …": the introducing word is no part
			// of the name.
			t, _ = trimCompanyIntro(t)
			if b.Kind == document.ListItem && b.Label != "" {
				// "a) die Bürodienst Wendland GmbH, Lüchow, für …": a
				// labelled item naming the company with its article.
				t = x.trimItemArticle(t)
			}
			// "A. Tallyform – online forms – Dublin": a lettered list's
			// label is no part of the name, and the entry may be a bare
			// name as in a list of items.
			// "SUB-01: X GmbH – Rechenzentrum", "X, Ort → Leistung": an
			// id opens an entry, a separator parts its fields.
			t, lettered := entryLine(x.serviceFirst(t))
			if u, ok := x.letteredEntry(t, ls); ok {
				t, lettered = u, true
			} else if b.Kind == document.Paragraph && dashLine(ln.text) && x.dashEntry(ln.text) && (leadSub || x.inSubContext(b)) {
				// A line of a run of "Name – service – place" lines, in
				// this paragraph or the block before or after it (the
				// parser made short ones headings).
				prev := k > 0 && x.dashEntry(pls[k-1].text) || k == 0 && x.dashBlock(i, i-1)
				next := k+1 < len(pls) && x.dashEntry(pls[k+1].text) || k == len(pls)-1 && x.dashBlock(i, i+1)
				lettered = prev || next
			}
			if m := reAddrLabel.FindStringSubmatch(t); m != nil && cur != nil {
				if im := reInlineAddr.FindStringSubmatch(t); im != nil && im[2] != "" {
					// "Sitz: Weg 1, 12345 Ort Leistung: Lohnabrechnung".
					m[1] = strings.TrimRight(im[1], " ,;")
					cur.sp.Service = collapse(strings.TrimSpace(im[2]))
				}
				if a := cur.sp.Address; a != "" && cur.sp.City == "" && !strings.Contains(a, m[1]) {
					// "Straße: Industriestr. 25" then "PLZ/Ort: 91710
					// Gunzenhausen": one address over two labelled lines.
					m[1] = a + ", " + m[1]
				}
				x.fillAddress(&cur.sp, m[1])
				cur.end = le
				cur.text.WriteString(" " + t)
				// (A labelled line of an entry keeps the list open:
				// "2. Belegscan Taunus GmbH" after "Leistung: …".)
				lastHit = i
				continue
			}
			if m := reLocLine.FindStringSubmatch(t); m != nil && cur != nil {
				x.setLocation(&cur.sp, m[1])
				cur.end = le
				cur.text.WriteString(" " + t)
				lastHit = i
				continue
			}
			if m := reServLabel.FindStringSubmatch(t); m != nil && cur != nil {
				cur.sp.Service = collapse(m[1])
				cur.end = le
				cur.text.WriteString(" " + t)
				lastHit = i
				continue
			}
			if mayOpenWithFootnoteMark(t) && reFootnoteMark.MatchString(t) && x.inSubContext(b) {
				if sub, other := x.footnoteRefs(t); other && !sub {
					// "² Pflegesoft Nord GmbH, …" below a section on
					// sub-processors: the footnote of "Auftragnehmerin ist
					// die Pflegesoft Nord GmbH²" in the parties' clause.
					cur = nil
					continue
				}
			}
			es := x.inlineList(t, ls, le)
			if es == nil && (x.inSubContext(b) || ln.start == 0 && x.subFootnote(t)) {
				if b.Label == "*" && ln.start == 0 && x.footnoteRef(i) {
					// "* Anlage 3: X GmbH, …" under a sentence that
					// marked its reference with "*": a footnote the
					// parser took for a bullet.
					es = x.footnoteList("* "+t, ls, le)
				} else {
					es = x.footnoteList(t, ls, le)
				}
			}
			if es != nil {
				// "Unterauftragnehmer: A, Ort; B, Ort; C": one entry per part.
				out = append(out, es...)
				last, lastBlock, lastHit = es[len(es)-1], i, i
				cur = nil
				continue
			}
			if name, rest, ok := x.entityLine(t, i); ok {
				cur = x.newListEntry(name, rest, t, ls, le)
				out = append(out, cur)
				last, lastBlock, lastHit = cur, i, i
				continue
			}
			if b.Kind == document.ListItem && ln.start == 0 {
				// "Jonas Brandt (freier Webentwickler), Münster –
				// Programmierung": a natural person with the role.
				if name, rest, ok := x.personEntry(t); ok {
					cur = x.newListEntry(name, rest, t, ls, le)
					out = append(out, cur)
					last, lastBlock, lastHit = cur, i, i
					continue
				}
			}
			// (A numbered entry of its own, "2. Quittly (Estland),
			// Belegerfassung", is no address line of the one above: its
			// number is no house number.)
			if last != nil && (i-lastBlock <= 2 || i-lastAddr == 1) && (cur == nil || cur == last) && !(ln.start == 0 && isItemLabel(b.Label)) && x.fillBlockAddress(last, t, ls, le) {
				// (An address over several lines, "c/o …" / street /
				// town, goes on block by block.)
				lastAddr = i
				continue
			}
			if leadProv && !x.inSubContext(b) {
				// A provider list outside a section on sub-processors:
				// no bare names (a product is no provider).
				cur = nil
				continue
			}
			// "Hosting: Vercel Inc. (USA)" also as a line of a paragraph.
			if b.Kind == document.ListItem || lettered || ticked || b.Kind == document.Paragraph && x.servicePrefixEntry(t) {
				if name, serv, rest, ok := x.bareEntry(t); ok && !(lettered && x.k.isSub(prefilter.Lower(name))) {
					cur = x.newListEntry(name, rest, t, ls, le)
					if serv != "" && cur.sp.Service == "" {
						cur.sp.Service = serv
					}
					out = append(out, cur)
					lastHit = i
					continue
				}
			}
			if (b.Kind == document.ListItem || lettered) && !leadProv {
				if e := x.commaTownBare(t, ls, le); e != nil {
					// "- Dokumentenpost, Luxemburg – digitaler Posteingang".
					cur = e
					out = append(out, cur)
					lastHit = i
					continue
				}
			}
			if cur != nil && b.Kind == document.ListItem {
				cur.text.WriteString(" " + t)
				if m := reLocLabel.FindStringSubmatch(t); m != nil && cur.sp.Location == "" {
					x.setLocation(&cur.sp, m[1])
				}
				continue
			}
			cur = nil
		}
	}
	return out
}

// checkboxTicked and checkboxUnticked are the marks of a ticked and an
// unticked checkbox opening a form's line (lexicon: checkbox_ticked,
// checkbox_unticked).
var (
	checkboxTicked   = lexicon.List("checkbox_ticked")
	checkboxUnticked = lexicon.List("checkbox_unticked")
)

// checkboxPrefix reports whether a line opens with a checkbox ("☒ Name
// …", "[ ] Name …"), whether it is ticked, and the line after it.
func checkboxPrefix(t string) (string, bool, bool) {
	if t == "" || t[0] < utf8.RuneSelf && t[0] != '[' && t[0] != '(' {
		return "", false, false
	}
	for k, marks := range [2][]string{checkboxTicked, checkboxUnticked} {
		for _, m := range marks {
			if len(t) >= len(m) && strings.EqualFold(t[:len(m)], m) {
				if rest := t[len(m):]; rest == "" || rest[0] == ' ' || rest[0] == '\t' {
					return strings.TrimLeft(rest, " \t"), k == 0, true
				}
			}
		}
	}
	return "", false, false
}

// rePageFooter is a running page line with the document's title before
// the page number ("AV-Vertrag Version 3.1 – Seite 7 von 9", "Data
// Processing Agreement v2.0 – Page 9 of 12").
var rePageFooter = lazyRegexp(`(?i)^.{0,60}\b(?:seite|page)\s+\d{1,3}\s*(?:von|of|/)\s*\d{1,3}$`)

// pageFooter reports whether a line is one that a page break leaves
// (a page number, or a running line ending in one).
func pageFooter(t string) bool {
	return len(t) <= 80 && (rePageLine().MatchString(t) || rePageFooter().MatchString(t))
}

// providerHeading reports whether a heading or a line of its own, t and
// its lower-cased text low, names the processor's providers as a title
// or a question ("Companies we use", "Who else works on your data?"):
// short, holding a provider_heading cue and none of providers acting on
// their own account.
//
// A short question that is a provider lead in itself ("Do you use other
// companies' tools?") is one too.
func (x *extractor) providerHeading(t, low string) bool {
	if len(t) >= 60 || strings.Contains(t, "\n") {
		return false
	}
	if strings.HasSuffix(t, "?") && x.providerLead(low) {
		return true
	}
	return x.k.cue("provider_heading").In(low) && !x.k.cue("provider_lead_not").In(low) && !x.k.notProc(low)
}

// consentLead reports whether a lead-in ending in a colon, t and its
// lower-cased text low, gives the controller's consent to the providers
// it lists ("You agree that I may use these four:", "You authorise us to
// use the following providers:"): a provider_consent phrase and a
// provider_lead_list word.
func (x *extractor) consentLead(t, low string) bool {
	return len(t) < 300 && strings.HasSuffix(t, ":") && x.k.cue("provider_consent").In(low) &&
		x.k.cue("provider_lead_list").In(low) && !x.k.cue("provider_lead_not").In(low) && !x.k.notProc(low)
}

// subLeadIn reports whether a paragraph is a lead-in ending in a colon
// that names sub-processors ("Derzeit sind das:" after "… weitere
// Auftragsverarbeiter (Unterauftragsverarbeiter) einzusetzen."): the
// list below it names sub-processors, with or without a legal form.
func (x *extractor) subLeadIn(b document.Block) bool {
	if b.End-b.Start >= 300 {
		return false
	}
	t := strings.TrimSpace(x.text[b.Start:b.End])
	low := x.lower[b.Start:b.End]
	return strings.HasSuffix(t, ":") && x.k.isSub(low) && !x.k.notProc(low)
}

// providerLead reports whether a lower-cased lead-in ending in a colon
// introduces a list of service providers without the word sub-processor:
// "Wir arbeiten mit diesen Dienstleistern zusammen, und du bist damit
// einverstanden:", "Folgende Dienstleister unterstützen uns:", "We work
// with these providers:". Providers acting on their own account and
// recipients said not to be processors are no such list.
func (x *extractor) providerLead(low string) bool {
	return len(low) < 300 && x.k.cue("provider_lead").In(low) && x.k.cue("provider_lead_verbs").In(low) &&
		x.k.cue("provider_lead_list").In(low) && !x.k.cue("provider_lead_not").In(low) && !x.k.notProc(low)
}

// rePerson is a natural person's name with a role in parentheses or
// between commas opening a list entry: "Jonas Brandt (freier
// Webentwickler), Münster", "Frau Dr. Anna Weber, freie Lektorin, Köln".
// A salutation before the name is no part of it.
var rePerson = prefilter.MustCompile(`^(?:(?:Frau|Herrn?|Mrs?\.?|Ms\.?|Mx\.?) )?((?:(?:Dr|Prof)\. )*\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?(?: \p{Lu}\.)?(?: (?:von|van|de|zu|van der|von der))? \p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)(?: ?\(([^()]{3,50})\)|, ([^,()]{3,50}),)`)

// personEntry reads a list entry naming a natural person by first and
// last name with a provider's role in parentheses or after a comma ("Sam
// Patel (freelance developer), Leeds – maintenance"); a contact person,
// an officer or an employee is none. It returns the name and the rest of
// the line after the role.
func (x *extractor) personEntry(t string) (string, string, bool) {
	m := rePerson.FindStringSubmatchIndex(t)
	if m == nil {
		return "", "", false
	}
	rs, re := m[4], m[5]
	if rs < 0 {
		rs, re = m[6], m[7]
	}
	name, role := t[m[2]:m[3]], prefilter.Lower(t[rs:re])
	if !x.k.cue("provider_role").In(role) || x.k.cue("provider_role_not").In(role) || x.categoryName(name) || x.serviceWords(name) ||
		x.k.IsPlaceholder(name) || x.k.countryRe.MatchString(name) || x.k.cityRe.MatchString(name) {
		return "", "", false
	}
	return name, t[m[1]:], true
}

// wrappedEntryLine returns the text of block i+1 when it may be the
// second line of the numbered entry body of block i: it follows on the
// next line or after one empty line, without a label of its own, and
// only with it does the entry's name get a legal form ("1. Association of
// Independent Pharmacy Data" over "   Services Limited, Birmingham – …");
// sure tells whether it surely is (see there); ok whether it may be.
func (x *extractor) wrappedEntryLine(i int, body string) (string, bool, bool) {
	if i+1 >= len(x.doc.Blocks) || len(body) > 120 {
		return "", false, false
	}
	b, nb := x.doc.Blocks[i], x.doc.Blocks[i+1]
	gap := strings.Count(x.text[b.End:nb.Start], "\n")
	if nb.Label != "" || nb.Kind == document.TableRow || nb.Kind == document.TableCell || gap < 1 || gap > 2 {
		return "", false, false
	}
	nt := strings.TrimSpace(x.text[nb.Start:nb.End])
	if nt == "" || len(nt) > 200 || strings.Contains(nt, "\n") {
		return "", false, false
	}
	if x.hasLegalForm(body) && !openCell(body) {
		return "", false, false
	}
	if a, _ := x.k.legalForm(nt); a < 0 || a >= 60 {
		return "", false, false
	}
	// sure: the line goes on with the entry whatever the first line
	// reads as alone: it is indented right below it, starts in lower case
	// (also as a paragraph of its own, as a word processor's import makes
	// it), or the first line ends in a hyphen or joining word.
	r, _ := utf8.DecodeRuneInString(nt)
	sure := unicode.IsLower(r) || x.column(nb.Start) >= 2 && gap == 1 || openCell(body)
	return nt, sure, true
}

// isClauseLabel reports whether a label is a clause number of two or
// more levels: "9.1", "4.2.3.".
func isClauseLabel(s string) bool {
	parts := strings.Split(strings.TrimSuffix(s, "."), ".")
	if len(parts) < 2 {
		return false
	}
	for _, p := range parts {
		if !isDigits(p, 3) {
			return false
		}
	}
	return true
}

// isItemLabel reports whether a label is that of a numbered list entry:
// "1.", "12)".
func isItemLabel(s string) bool {
	return len(s) >= 2 && (s[len(s)-1] == '.' || s[len(s)-1] == ')') && isDigits(s[:len(s)-1], 3)
}

// afterPostcode reports whether a text ends in a postcode of four or five
// digits (with a country letter: "D-", "A-"), so that the name after it is
// a town: "Lippe-Detmold GmbH, 32756 ", "Wien, A-1010 ".
func afterPostcode(before string) bool {
	p := strings.TrimRight(before, " ")
	n := 0
	for n < len(p) && n < 6 && p[len(p)-1-n] >= '0' && p[len(p)-1-n] <= '9' {
		n++
	}
	if n < 4 || n > 5 {
		return false
	}
	// (After a comma, a bracket or a country letter: "Stand 2024
	// Mailwerk (Versand)" is a year.)
	pre := strings.TrimRight(p[:len(p)-n], " ")
	return pre == "" || strings.HasSuffix(pre, ",") || strings.HasSuffix(pre, "(") || strings.HasSuffix(pre, "-")
}

// romanItemLabel reports whether a block label is an upper-case Roman
// numeral with a dot or bracket ("I.", "IV)", "XII."), as sections and
// list entries are numbered.
func romanItemLabel(s string) bool {
	if len(s) < 2 || len(s) > 6 || s[len(s)-1] != '.' && s[len(s)-1] != ')' {
		return false
	}
	return strings.Trim(s[:len(s)-1], "IVX") == ""
}

// isDigits reports whether s is one to max ASCII digits.
func isDigits(s string, max int) bool {
	if s == "" || len(s) > max {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// numberedEntry reads a numbered heading in a sub-processor list as an
// entry, or returns nil.
func (x *extractor) numberedEntry(t string, start, end, bi int) *spEntry {
	if name, rest, ok := x.entityLine(t, bi); ok {
		return x.newListEntry(name, rest, t, start, end)
	}
	if name, serv, rest, ok := x.bareEntry(t); ok {
		e := x.newListEntry(name, rest, t, start, end)
		if serv != "" && e.sp.Service == "" {
			e.sp.Service = serv
		}
		return e
	}
	// "1. Aktenfuchs, Osnabrück – Aktenvernichtung": a numbered entry
	// names a bare name before its town.
	return x.commaTownBare(t, start, end)
}

// nextTexts returns the trimmed texts of up to n blocks after block i.
func (x *extractor) nextTexts(i, n int) []string {
	var out []string
	for k := i + 1; k < len(x.doc.Blocks) && k <= i+n; k++ {
		out = append(out, strings.TrimSpace(x.doc.BlockText(k)))
	}
	return out
}

// addressLine reports whether a line is a postal address of its own:
// "Industriestr. 25, 91710 Gunzenhausen", "45 Fremont Street, San
// Francisco, CA 94105, USA", "Westerbaan 51, Tallinn, Estland".
func (x *extractor) addressLine(t string) bool {
	if len(t) > 160 || reLongProse.MatchString(t) {
		return false
	}
	if rePostcodeCity.MatchString(t) {
		return true
	}
	return strings.Contains(t, ",") && strings.ContainsAny(t, "0123456789") && (x.k.countryRe.MatchString(t) || x.k.cityRe.MatchString(t))
}

// blockName reports whether a short line without a legal form names a
// company written as a block of lines: one to four capitalised words
// ("Plausible Analytics", "Hetzner") with an address line among the next
// lines.
func (x *extractor) blockName(t string, next []string) bool {
	if len(t) > 40 || len(strings.Fields(t)) > 4 || x.hasLegalForm(t) || x.addressLine(t) || x.streetOrTown(t) {
		// ("Marktstraße 2" under "c/o Steuerkanzlei Meier": a street.)
		return false
	}
	if r, _ := utf8.DecodeRuneInString(t); !unicode.IsUpper(r) && !unicode.IsDigit(r) {
		return false
	}
	if strings.ContainsAny(t, ":;,!?()") || strings.Contains(t, ".") && !strings.Contains(t, ".io") && !strings.Contains(t, ".com") ||
		reLongProse.MatchString(t) || x.headerWord(t) || x.k.IsPlaceholder(t) || x.k.CountryOf(t) != "" || x.k.isRegion(t) ||
		reRefLabel.MatchString(t) || x.k.isSub(prefilter.Lower(t)) || x.categoryName(t) {
		return false
	}
	for _, n := range next {
		if reFootnoteMark.MatchString(n) && !strings.HasPrefix(n, "*") {
			// "Anmerkungen", "Notes" above "¹ Hosting: X GmbH, …": the
			// heading of footnotes.
			return false
		}
		if x.addressLine(n) || x.placeLine(n) && strings.Contains(n, " ") && !x.hasLegalForm(n) {
			// (Or a service and a place, "Übersetzung von Anfragen, Wien
			// (Österreich)", "Translation of materials, Valencia, Spain".)
			return true
		}
		if x.hasLegalForm(n) {
			// "Druck der Kundenrechnungen" above "Paketlogistik Nord
			// GmbH" and its address: the address is the next company's,
			// the line is the service of the one before.
			return false
		}
	}
	return false
}

// fillBlockAddress gives the last entry of a block of lines the address
// on line t (start to end), when it has none yet.
func (x *extractor) fillBlockAddress(e *spEntry, t string, start, end int) bool {
	if a := e.sp.Address; a != "" && e.sp.City == "" && (coLine(a) || x.streetOnly(a)) && (x.addressLine(t) || x.streetOrTown(t)) {
		// "c/o Steuerkanzlei Meier" over "Marktstraße 2" over "38640
		// Goslar": one address over several lines.
		x.fillAddress(&e.sp, a+", "+t)
		e.end = max(e.end, end)
		e.text.WriteString(" " + t)
		return true
	}
	if e.sp.Address == "" && coLine(t) {
		e.sp.Address = collapse(t)
		e.end = max(e.end, end)
		e.text.WriteString(" " + t)
		return true
	}
	if e.sp.Address != "" || !x.addressLine(t) && !x.placeLine(t) {
		return false
	}
	x.fillAddress(&e.sp, t)
	e.end = max(e.end, end)
	e.text.WriteString(" " + t)
	return true
}

// placeLine reports whether a short line names a place ending in its
// country: "Genf, Schweiz", "Rechenzentrum Dublin, Irland", "Hosting,
// Kempten (Deutschland)".
func (x *extractor) placeLine(t string) bool {
	if len(t) > 80 || strings.Count(t, ",") > 2 || reLongProse.MatchString(t) {
		return false
	}
	if i := strings.LastIndex(t, " ("); i > 0 && strings.HasSuffix(t, ")") && !strings.ContainsAny(t[:i], ":;()") {
		// "Hosting der Plattform, Kempten (Deutschland)": a service and
		// a town, the country in parentheses (a definition list's
		// description under the name).
		return strings.Contains(t[:i], ", ") && x.k.CountryOf(t[i+2:len(t)-1]) != ""
	}
	if strings.ContainsAny(t, ":;()") {
		return false
	}
	i := strings.LastIndex(t, ", ")
	return i > 0 && x.k.CountryOf(strings.TrimRight(t[i+2:], " .")) != ""
}

// splitDashRuns splits a line that holds several entries "Service —
// Company — Town" one after the other (a PDF reader joins the lines of
// such a list into one paragraph: "Newsletter — CleverReach GmbH & Co. KG
// — Rastede Spam- und Virenfilter — Hornetsecurity GmbH — Hannover") into
// one line per entry: the company, the service before it and the town
// after it. Other lines are kept as they are.
func (x *extractor) splitDashRuns(lines []line) []line {
	var out []line
	for _, ln := range lines {
		subs := x.dashRun(ln)
		if subs == nil {
			out = append(out, splitLabelRuns(ln)...)
			continue
		}
		out = append(out, subs...)
	}
	return out
}

// reMidNameLabel is a name label inside a line ("… Cloud-Hosting
// Unterauftragnehmer: Userlike UG", "Unterauftragnehmer 1 Firma: …");
// reEntryOnly an entry's number label alone ("Unterauftragnehmer 1").
var (
	reMidNameLabel  = prefilter.MustCompile(`(?i)(?:^|\s)((?:firma|name|unternehmen|company|unterauftragnehmer|unterauftragsverarbeiter|subunternehmer|sub-?processor|sub-?contractor)\s*:)`)
	reMidFieldLabel = prefilter.MustCompile(`(?i)[^\s,;]\s+((?:adresse|anschrift|address|sitz|straße|strasse|street|plz/ort|plz und ort|land|country|ort der verarbeitung|standort|serverstandort|art der leistung|leistung|tätigkeit|zweck|purpose)\s*:)`)
	reEntryOnly     = prefilter.MustCompile(`(?i)^(?:unterauftragnehmer|unterauftragsverarbeiter|subunternehmer|sub-?processor|subcontractor|dienstleister)\s*(?:nr\.\s*)?\d{1,3}$`)
)

// splitLabelRuns splits a line that a PDF reader joined from the lines of
// labelled entries: before each further name label ("Unterauftragnehmer:
// STACKIT GmbH & Co. KG, … Unterauftragnehmer: Userlike UG …"), and
// after an entry's number label standing before one ("Unterauftragnehmer
// 1 Firma: Telekom Deutschland GmbH …").
func splitLabelRuns(ln line) []line {
	if !strings.Contains(ln.text, ":") {
		return []line{ln}
	}
	// A line opening with a label: its own label is no cut.
	first := -1
	if reNameLabel.MatchString(ln.text) || reAddrLabel.MatchString(ln.text) || reLocLine.MatchString(ln.text) || reServLabel.MatchString(ln.text) {
		first = strings.IndexByte(ln.text, ':')
	}
	ms := reMidNameLabel.FindAllStringSubmatchIndex(ln.text, -1)
	var cuts []int
	for i, m := range ms {
		switch {
		case m[2] == 0 || m[2] < first:
		case i > 0 || first >= 0 || reEntryOnly.MatchString(strings.TrimSpace(ln.text[:m[2]])):
			cuts = append(cuts, m[2])
		}
	}
	if first >= 0 || len(cuts) > 0 {
		// "Name der Firma: Hetzner Online GmbH Straße: … PLZ/Ort: …
		// Land: Deutschland": the field labels of a block joined without
		// commas each open a line of their own (an entry written on one
		// line puts a comma before them and is read as it stands).
		for _, m := range reMidFieldLabel.FindAllStringSubmatchIndex(ln.text, -1) {
			if m[2] > first && (len(cuts) == 0 || m[2] > cuts[0] || first >= 0) {
				cuts = append(cuts, m[2])
			}
		}
		sort.Ints(cuts)
	}
	if len(cuts) == 0 {
		return []line{ln}
	}
	var out []line
	prev := 0
	for _, c := range append(cuts, len(ln.text)) {
		t := strings.TrimSpace(ln.text[prev:c])
		if t != "" && !reEntryOnly.MatchString(t) {
			// (The entry's number label alone says nothing more.)
			a := prev + strings.Index(ln.text[prev:c], t)
			out = append(out, line{start: ln.start + a, end: ln.start + a + len(t), text: t})
		}
		prev = c
	}
	return out
}

// dashRun reads one line as joined "Service — Company — Town" entries
// (see splitDashRuns), or returns nil.
func (x *extractor) dashRun(ln line) []line {
	t := ln.text
	if len(t) > 400 {
		return nil
	}
	dash := ""
	for _, d := range []string{" — ", " – "} {
		if strings.Count(t, d) >= 4 {
			dash = d
			break
		}
	}
	if dash == "" {
		return nil
	}
	// The segments between dashes, by offset in t.
	type seg struct{ s, e int }
	var segs []seg
	for off := 0; ; {
		i := strings.Index(t[off:], dash)
		if i < 0 {
			segs = append(segs, seg{off, len(t)})
			break
		}
		segs = append(segs, seg{off, off + i})
		off += i + len(dash)
	}
	company := make([]bool, len(segs))
	n := 0
	for i, g := range segs {
		if a, _ := x.k.legalForm(t[g.s:g.e]); a > 0 && i > 0 && i < len(segs)-1 {
			if company[i-1] {
				return nil
			}
			company[i], n = true, n+1
		}
	}
	if n < 2 {
		return nil
	}
	var out []line
	for i, g := range segs {
		if !company[i] {
			continue
		}
		// The service: the segment before, after the town of the entry
		// before it; the town: the start of the segment after.
		ps := segs[i-1].s
		if i-1 > 0 {
			ps += x.townLen(t[segs[i-1].s:segs[i-1].e])
		}
		next := segs[i+1]
		te := next.s + x.townLen(t[next.s:next.e])
		if i+1 == len(segs)-1 {
			te = next.e
		}
		serv := strings.TrimSpace(t[ps:segs[i-1].e])
		town := strings.TrimSpace(t[next.s:te])
		if serv == "" || town == "" {
			return nil
		}
		text := serv + dash + t[g.s:g.e] + dash + town
		out = append(out, line{start: ln.start + ps, end: ln.start + te, text: text})
	}
	return out
}

// townLen returns the length of the town that opens s, followed by the
// next entry's service ("Rastede Spam- und Virenfilter", "Frankfurt am
// Main Newsletter", "San Antonio, USA E-Mail"): a known city, or the first
// word with a place connector and the word after it, and a country after
// a comma.
func (x *extractor) townLen(s string) int {
	end := 0
	if m := x.k.cityRe.FindStringSubmatchIndex(s); m != nil && m[2] == 0 {
		end = m[3]
	} else {
		f := strings.IndexByte(s, ' ')
		if f < 0 {
			return len(s)
		}
		end = f
		for _, pc := range x.k.placeConn {
			if strings.HasPrefix(s[end:], pc) {
				rest := s[end+len(pc):]
				w := strings.IndexByte(rest, ' ')
				if w < 0 {
					w = len(rest)
				}
				end += len(pc) + w
				break
			}
		}
	}
	if strings.HasPrefix(s[end:], ", ") {
		// "San Antonio, USA": the country after the town.
		rest := s[end+2:]
		if m := x.k.countryRe.FindStringSubmatchIndex(rest); m != nil && m[2] == 0 {
			end += 2 + m[3]
		}
	}
	return min(end, len(s))
}

// flagPrefix splits a country's flag (a pair of regional indicator
// symbols, "🇩🇪") from the start of s and returns its ISO code, or "" and
// s when s opens with no flag.
func flagPrefix(s string) (string, string) {
	t := strings.TrimLeft(s, " \t•·-*")
	a, n1 := utf8.DecodeRuneInString(t)
	b, n2 := utf8.DecodeRuneInString(t[n1:])
	const ri = 0x1F1E6 // regional indicator symbol letter A
	if a < ri || a > ri+25 || b < ri || b > ri+25 {
		return "", s
	}
	return string([]rune{'A' + a - ri, 'A' + b - ri}), strings.TrimLeft(t[n1+n2:], " \t")
}

// newListEntry makes an entry of a list line: the name (a parenthesis
// naming a country gives the country) and the rest of the line.
func (x *extractor) newListEntry(name, rest, line string, start, end int) *spEntry {
	e := &spEntry{start: start, end: end, fromList: true}
	n, country := x.nameCell(name)
	if n == "" {
		n = name
	}
	e.sp.Name = n
	e.text.WriteString(line)
	x.fillFromRest(&e.sp, rest)
	if e.sp.Country == "" {
		e.sp.Country = country
	}
	if e.sp.Country == "" {
		e.sp.Country = x.nameCountry(n)
	}
	if e.sp.Country == "" && reFiveDigitTown.MatchString(e.sp.Address) && x.germanForm(n) {
		// "Akamai Technologies GmbH (Parkring 20-22, 85748 Garching)": a
		// GmbH with a five-digit postcode is German (Austria, Switzerland
		// and Liechtenstein have four digits), whatever the contract's
		// language.
		e.sp.Country = "DE"
	}
	if e.sp.Country == "" && e.sp.City == "" && x.germanCompany(n) {
		// "a) die Bürodienst Wendland GmbH, Lüchow, für …": a town the
		// list of towns does not hold, right after the name.
		e.sp.City = x.townAfter(rest)
	}
	if e.sp.Country == "" && e.sp.City != "" && x.germanCompany(n) {
		// "Seeblick Media UG (haftungsbeschränkt) – Website, Tettnang":
		// a town the table does not list.
		e.sp.Country = "DE"
	}
	return e
}

// germanCompany reports whether a company is taken to be German when its
// town is unknown: a legal form only German law has ("UG
// (haftungsbeschränkt)", "GmbH & Co. KG", "e.K."), or a GmbH, AG or SE in
// a contract not in English that names neither Austria, Switzerland nor
// Liechtenstein (where these forms exist too).
func (x *extractor) germanCompany(name string) bool {
	a, e := x.k.legalForm(name)
	if a < 0 {
		return false
	}
	switch strings.TrimSpace(name[a:e]) {
	case "GmbH & Co. KGaA", "GmbH & Co. KG", "GmbH & Co KG", "UG (haftungsbeschränkt) & Co. KG", "UG (haftungsbeschränkt)", "UG",
		"AG & Co. KG", "SE & Co. KG", "SE & Co. KGaA", "AG & Co. KGaA", "KGaA", "e.K.", "e. K.", "eG", "PartG mbB", "mbB", "gGmbH":
		// Forms only German law has, whatever the contract's language.
		return true
	case "GmbH", "mbH", "AG", "SE", "KG", "OHG", "GbR":
		// A contract not in English (German, or too short for its
		// language to be told).
		return x.lang != "en" && !x.namesGermanSpeakingNeighbour()
	}
	return false
}

// reFiveDigitTown is a five-digit postcode before a town: "85748 Garching".
var reFiveDigitTown = prefilter.MustCompile(`(?:^|[\s,(])\d{5} \p{Lu}`)

// germanForm reports whether a name ends in a legal form of German law
// (one that Austria, Switzerland or Liechtenstein may share).
func (x *extractor) germanForm(name string) bool {
	a, e := x.k.legalForm(name)
	if a < 0 {
		return false
	}
	switch strings.TrimSpace(name[a:e]) {
	case "GmbH", "mbH", "AG", "SE", "KG", "OHG", "GbR", "GmbH & Co. KGaA", "GmbH & Co. KG", "GmbH & Co KG", "UG (haftungsbeschränkt) & Co. KG",
		"UG (haftungsbeschränkt)", "UG", "AG & Co. KG", "SE & Co. KG", "SE & Co. KGaA", "AG & Co. KGaA", "KGaA", "e.K.", "e. K.", "eG", "PartG mbB", "mbB", "gGmbH":
		return true
	}
	return false
}

// namesGermanSpeakingNeighbour reports whether the text names Austria,
// Switzerland or Liechtenstein.
func (x *extractor) namesGermanSpeakingNeighbour() bool {
	for _, code := range []string{"AT", "CH", "LI"} {
		for _, n := range x.k.byCode[code].Names {
			if strings.Contains(x.lower, prefilter.Lower(n)) {
				return true
			}
		}
	}
	return false
}

// nameCountry returns a country named in a company's name: "Computer
// Services Romania S.R.L.", "Telekom Deutschland GmbH".
func (x *extractor) nameCountry(name string) string {
	if m := x.k.countryRe.FindStringSubmatch(name); m != nil {
		return x.k.countryName[strings.ToLower(m[1])]
	}
	return ""
}

// reServicePrefix is a service before a colon: "Hosting: Vercel Inc.".
// servicePrefix limits the service to 64 characters ("Versand von Reservierungsbestätigungen per E-Mail") (a bounded
// repetition in the expression would cost milliseconds to compile).
var reServicePrefix = prefilter.MustCompile(`^([\p{L}][\p{L} /&-]+):\s+(\S.*)$`)

// servicePrefix splits "Hosting: Vercel Inc." into the service and the
// rest, or returns nil.
func servicePrefix(t string) []string {
	if i := strings.IndexByte(t, ':'); i < 0 || i > 4*32 {
		return nil
	}
	m := reServicePrefix.FindStringSubmatch(t)
	if m == nil || utf8.RuneCountInString(m[1]) > 64 {
		return nil
	}
	return m
}

// bareEntry reads a list item naming a company without a legal form in a
// sub-processor list: "OpenAI (USA) – KI-Textgenerierung", "Hosting:
// Vercel Inc. (USA) — Standardvertragsklauseln", "Plausible Analytics –
// Reichweitenmessung". It returns the name, a service given before the
// name, and the rest of the line.
func (x *extractor) bareEntry(t string) (string, string, string, bool) {
	t = strings.TrimSpace(reListMarker.Plain().ReplaceAllString(t, ""))
	serv := ""
	if m := servicePrefix(t); m != nil && !reNameLabel.MatchString(t) {
		head := m[2]
		if i := strings.IndexAny(head, "(–—"); i > 0 {
			head = head[:i]
		}
		if !x.hasLegalForm(m[2]) && x.serviceWords(head) && !x.serviceWords(m[1]) {
			if x.nounLabel(m[1]) {
				// "Änderungen: Ankündigung 30 Tage vorab per E-Mail":
				// a label of a key-point list, not a name.
				return "", "", "", false
			}
			// "Google Analytics: Webanalyse (USA)": the name comes first.
			t = m[1] + " – " + m[2]
		} else {
			serv, t = strings.TrimSpace(m[1]), m[2]
		}
	}
	if a, e := x.k.legalForm(t[:min(len(t), 100)]); a > 0 && a < 80 && serv != "" {
		if reLongProse.MatchString(t[:a]) {
			return "", "", "", false
		}
		return strings.TrimSpace(t[:e]), serv, t[e:], true
	}
	name := ""
	rest := ""
	for _, sep := range []string{" (", " – ", " — ", " - ", ": "} {
		if i := strings.Index(t, sep); i > 0 && (name == "" || i < len(name)) {
			name, rest = t[:i], t[i:]
		}
	}
	if name == "" || len(name) > 40 || len(strings.Fields(name)) > 4 {
		return "", "", "", false
	}
	if serv == "" {
		if n, r, ok := x.serviceDashName(name, rest); ok {
			// "E-Mail-Versand – Postlicht (Deutschland)": the service,
			// a dash, then the name with its place.
			return n, name, r, true
		}
	}
	if r, _ := utf8.DecodeRuneInString(name); !unicode.IsUpper(r) && !unicode.IsDigit(r) {
		return "", "", "", false
	}
	if reLongProse.MatchString(name) || reRefLabel.MatchString(name) || x.headerWord(name) || x.k.IsPlaceholder(name) || x.k.CountryOf(name) != "" || x.k.isRegion(name) || x.categoryName(name) || x.serviceName(name) ||
		strings.ContainsAny(name, ".,;:!?") && !strings.Contains(name, ".io") {
		return "", "", "", false
	}
	// The rest must read like an entry: a place in parentheses or a
	// service after a dash.
	r := strings.TrimLeft(rest, " ")
	if strings.HasPrefix(r, "(") {
		c := strings.IndexByte(r, ')')
		if c < 0 {
			return "", "", "", false
		}
		if inner := r[1:c]; !x.placeList(inner) {
			// "Vercel (hosting, United States)", "Hetzner (Hosting)": the
			// service and its place in the parentheses.
			if _, place := x.trailingPlace(inner); place != "" || x.serviceWords(inner) && !x.hasLegalForm(inner) && !strings.ContainsAny(inner, "0123456789") {
				return name, serv, inner + r[c+1:], true
			}
			if after := strings.TrimLeft(r[c+1:], " "); len(inner) < 60 && !x.hasLegalForm(inner) && (strings.HasPrefix(after, "–") || strings.HasPrefix(after, "—") || strings.HasPrefix(after, "- ")) {
				// "Amazon Web Services (Rechenzentrum Frankfurt am
				// Main) – Hosting": a note on the site, then the service
				// after a dash.
				return name, serv, inner + r[c+1:], true
			}
			return "", "", "", false
		}
		return name + " " + r[:c+1], serv, r[c+1:], true
	}
	if strings.HasPrefix(r, "–") || strings.HasPrefix(r, "—") || strings.HasPrefix(r, "-") {
		return name, serv, strings.TrimLeft(r, "–—- "), true
	}
	return "", "", "", false
}

// serviceDashName reads a list entry that gives the service first and
// the name after a dash, the name followed by its place in parentheses
// and nothing else: "E-Mail-Versand – Postlicht (Deutschland)",
// "Newsletters – Ravenmail (Germany)". The service is one to three words
// holding a service word or a noun ending ("Videoberatung"); the name
// opens with no service word, ends in no noun ending and is no category
// ("Hosting – Rechenzentrum (Deutschland)", "Newsletter – Versand
// (Frankreich)" are no entries; "Brieftaube Versand" is a name).
// It returns the name and the place.
func (x *extractor) serviceDashName(head, rest string) (string, string, bool) {
	r := strings.TrimLeft(rest, " ")
	if r == rest || r == "" || !strings.ContainsRune("–—-", []rune(r)[0]) || len(strings.Fields(head)) > 3 {
		return "", "", false
	}
	if !x.serviceWords(head) && !x.nounEnding(head) {
		return "", "", false
	}
	r = strings.TrimLeft(r, "–—- ")
	i := strings.Index(r, " (")
	if i <= 0 || !strings.HasSuffix(strings.TrimRight(r, " .;"), ")") || strings.Count(r, "(") != 1 {
		return "", "", false
	}
	name, inner := r[:i], strings.TrimRight(strings.TrimRight(r[i+2:], " .;"), ")")
	if len(name) > 40 || len(strings.Fields(name)) > 4 || !x.placeList(inner) {
		return "", "", false
	}
	if c, _ := utf8.DecodeRuneInString(name); !unicode.IsUpper(c) {
		return "", "", false
	}
	first, _, _ := strings.Cut(name, " ")
	if strings.ContainsAny(name, ",;:!?") || reLongProse.MatchString(name) || x.serviceWords(first) || x.nounEnding(name) || x.categoryName(name) ||
		x.headerWord(name) || x.k.IsPlaceholder(name) || x.k.CountryOf(name) != "" || x.k.isRegion(name) {
		return "", "", false
	}
	return name, ", " + inner, true
}

// reClauseNumLead is a clause's number opening a sentence before a name
// ("7.1 ", "8.2. "), not a number inside a name ("1&1 IONOS SE").
var reClauseNumLead = prefilter.MustCompile(`^\d{1,2}(?:\.\d{1,2})+\.?\s+`)

// reSubNumber is the label of a sub-heading ("3.1", "2.4.1."), not of a
// section ("§ 12", "4.").
var reSubNumber = prefilter.MustCompile(`^\d{1,2}(?:\.\d{1,2})+\.?$`)

// serviceHeading reports whether a heading's title names a service
// only: one to three words holding a service word or a noun ending and
// no legal form ("Hosting", "Zahlungsabwicklung", "E-Mail-Versand"; not
// "Haftung und Gewährleistung der Unterauftragnehmer", not "Hetzner").
func (x *extractor) serviceHeading(title string) bool {
	title = strings.TrimRight(title, " :")
	n := len(strings.Fields(title))
	return n >= 1 && n <= 3 && len(title) < 40 && (x.serviceWords(title) || x.nounEnding(title)) &&
		!x.hasLegalForm(title) && !x.k.isSub(prefilter.Lower(title)) && !strings.ContainsAny(title, ",;()")
}

// servicePrefixEntry reports whether a paragraph line reads "Service:
// Company S.R.L. …": a service before the colon and a name of
// capitalised words up to a legal form after it. ("On behalf of the
// processor: Acme Limited" signs; "Drittlandtransfer: Die Übermittlungen
// an Acme, Inc." is a sentence.)
func (x *extractor) servicePrefixEntry(t string) bool {
	m := servicePrefix(t)
	if m == nil || !x.serviceWords(m[1]) {
		return false
	}
	rest := m[2]
	a, _ := x.k.legalForm(rest[:min(len(rest), 100)])
	if a <= 0 {
		return false
	}
	wb := a
	if p := strings.TrimRight(rest[:a], " "); strings.HasSuffix(p, ",") {
		wb = len(p) - 1
	}
	return capitalRun(rest, 0, wb) == 0
}

// serviceWords reports whether a text holds a word of a service
// description ("Webanalyse", "payment processing").
func (x *extractor) serviceWords(s string) bool {
	return x.k.cue("service_words").In(prefilter.Lower(s))
}

// categoryName reports whether a bare name names a kind of provider
// ("Rechenzentrumsbetreiber", "Hosting providers") rather than a company:
// a category word, or a lower-case word after the first ("Customer
// support tools"). Joining words ("of", "&", "und") may be lower-case.
func (x *extractor) categoryName(name string) bool {
	if x.k.cue("service_category").In(prefilter.Lower(name)) {
		return true
	}
	for i, w := range strings.Fields(name) {
		r, _ := utf8.DecodeRuneInString(w)
		if i > 0 && unicode.IsLower(r) && len(w) > 3 {
			return true
		}
	}
	return false
}

// entityLine decides whether a block starts a sub-processor entry and
// returns its name and the rest of the line.
func (x *extractor) entityLine(t string, bi int) (string, string, bool) {
	if m := reWordItemMarker.FindStringIndex(t); m != nil {
		t = t[m[1]:]
	}
	t = trimHashNumber(t)
	labelled := t
	if t != "" && t[0] >= '0' && t[0] <= '9' {
		// "1. Name: …": a numbered entry of the annex of the standard
		// clauses.
		labelled = reListMarker.Plain().ReplaceAllString(t, "")
	}
	if m := reEntryNumber.FindStringIndex(labelled); m != nil {
		// "Unterauftragnehmer 1: Name: …": the entry's number label;
		// "Unterauftragnehmer 2: Strato AG, …": the name follows it.
		labelled = labelled[m[1]:]
		t = labelled
	}
	if m := reNameLabel.FindStringSubmatch(labelled); m != nil {
		if x.k.IsPlaceholder(m[1]) || noneValue(m[1]) {
			// "Name: [Vorname, Nachname]": a template's blank field;
			// "Unterauftragnehmer: keine.": none.
			return "", "", false
		}
		name, rest := splitNameRest(x, m[1])
		return name, rest, name != ""
	}
	a, e := x.k.legalForm(t[:min(len(t), 100)])
	if a > 0 && a < 95 && strings.TrimSpace(t[:a]) != "" {
		// (Long names reach far: "1. Gesellschaft für Informations-
		// verarbeitung und Kommunikationstechnik Oberrhein mbH".)
		prefix := t[:a]
		wb := a
		if p := strings.TrimRight(prefix, " "); strings.HasSuffix(p, ",") {
			// "Fly.io, Inc.", "Cloudflare, Inc."
			wb = len(p) - 1
		}
		if reLongProse.MatchString(prefix) || pronounClause(prefix) {
			return "", "", false
		}
		if st := x.walkBack(t, wb); st != 0 && !joinedName(t[:wb]) && !x.genitiveName(t[:wb]) {
			for _, d := range []string{" — ", " – ", " - "} {
				if i := strings.Index(t[:a], d); i > 0 {
					if head, ok := serviceBeforeDash(t[:i+len(d)]); ok && !x.hasLegalForm(head) {
						// "Hosting — Hetzner Online GmbH — Gunzenhausen": the
						// service, a dash, then the company; the town after
						// it is read as the place of the entry, the
						// service as its service.
						name, rest, ok := x.entityLine(t[i+len(d):], bi)
						if r := strings.TrimLeft(rest, " ,;–—-"); ok && r != "" && !strings.Contains(r, " – ") && !strings.Contains(r, ":") {
							rest = r + " – " + head
						}
						return name, rest, ok
					}
					break
				}
			}
			if head, ok := x.serviceBeforeColon(t[:st]); ok {
				// "Rechenzentrum: Rechenwerk Noris GmbH, Nürnberg",
				// "1. Belegerfassung: Belegdienst Schwaben GmbH": the
				// service, a colon, then the company.
				name, rest, ok := x.entityLine(t[st:], bi)
				if r := strings.TrimLeft(rest, " ,;–—-"); ok && !strings.Contains(r, " – ") && !strings.Contains(r, ":") {
					rest = r + " – " + head
				}
				return name, rest, ok
			}
			// "Brevo (Sendinblue GmbH), Berlin": a brand with its company
			// in parentheses.
			if m := reBrandParen.FindStringIndex(prefix); m != nil {
				if strings.HasPrefix(t[e:], ")") {
					return strings.TrimSpace(t[:e+1]), t[e+1:], true
				}
				// "Postmark (ActiveCampaign, LLC, USA) – …": the country
				// inside the parentheses goes to the rest.
				if c := strings.IndexByte(t[e:], ')'); c > 0 && c < 30 && t[e] == ',' {
					if country := strings.TrimSpace(t[e+1 : e+c]); x.k.CountryOf(country) != "" {
						return strings.TrimSpace(t[:e]) + ")", country + t[e+c+1:], true
					}
				}
			}
			return "", "", false
		}
		end := e
		// Keep a short parenthetical qualifier: "1&1 IONOS SE (Büro Berlin)";
		// a service with its place after a comma ("Twilio Inc. (SMS
		// channels, United States)") describes the entry.
		rest := t[end:]
		if r := strings.TrimLeft(rest, " "); strings.HasPrefix(r, "(") {
			if c := strings.IndexByte(r, ')'); c > 0 && c < 40 && !strings.Contains(strings.ToLower(r[:c]), "folgend") && !strings.ContainsAny(r[:c], ",;") && !branchRemarks[prefilter.Lower(strings.TrimSpace(r[1:c]))] && !(x.serviceWords(r[1:c]) && !strings.Contains(strings.TrimSpace(r[1:c]), " ")) {
				// (Not "(Zahlungsabwicklung; Luxemburg)", a service and
				// its place; not "(Hauptniederlassung)", which of its
				// sites the entry is; not "(Rechenzentrum)", a service
				// alone: "(Rechenzentrum Frankfurt am Main)" is the
				// entry's location and stays for the readings below.)
				end += len(rest) - len(r) + c + 1
			}
		}
		if proseAfterName(t[end:]) {
			// "Cloudbase GmbH performs all processing itself.": a
			// sentence about the company, not an entry.
			return "", "", false
		}
		return strings.TrimSpace(t[:end]), t[end:], true
	}
	// A short bare name followed by an "Adresse:" line.
	if len(t) < 40 && !reLongProse.MatchString(t) && !strings.ContainsAny(t, ".:;,") && bi+1 < len(x.doc.Blocks) {
		next := strings.TrimSpace(x.doc.BlockText(bi + 1))
		if reAddrLabel.MatchString(next) {
			return t, "", true
		}
	}
	return "", "", false
}

// joinedName reports whether the text before a legal form that opens a
// list entry is one name of capitalised words joined by "and", "und" or
// "&" or "+": "Baker and Lowe Print Services Ltd", "Weber & Söhne
// Aktenvernichtung GmbH", "Weber + Söhne Aktenlogistik GmbH". Two to eight words, each capitalised or a
// joining word, the first and the last capitalised.
func joinedName(prefix string) bool {
	f := strings.Fields(reListMarker.Plain().ReplaceAllString(strings.TrimLeft(prefix, " "), ""))
	if len(f) < 3 || len(f) > 8 {
		return false
	}
	joins := 0
	for i, w := range f {
		switch w {
		case "and", "und", "&", "+":
			if i == 0 || i == len(f)-1 {
				return false
			}
			joins++
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) || strings.ContainsAny(w, ",;:()") {
			return false
		}
	}
	return joins == 1
}

// lowerWords counts the words of a name that start in lower case and
// are no joining word of names ("of", "und", "de", "&"): a company's name
// without a legal form has at most one ("netcup"), a row label of a
// details table several ("Subject matter of the processing").
func (x *extractor) lowerWords(name string) int {
	n := 0
	for _, w := range strings.Fields(name) {
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsLower(r) && !x.k.party.joiner[w] && !strings.Contains(w, ".") {
			n++
		}
	}
	return n
}

// pronounClause reports whether the text before a legal form opens with
// a pronoun and a word in lower case: "We engage Lisboa Contact Center,
// Lda. (…) and …" is a sentence, not a list entry ("We Are Social Ltd"
// is a name).
func pronounClause(prefix string) bool {
	f := strings.Fields(prefix)
	if len(f) < 3 {
		return false
	}
	switch f[0] {
	case "We", "Wir", "I", "Ich", "Our", "Unser", "Unsere", "Sie", "You":
		r, _ := utf8.DecodeRuneInString(f[1])
		return unicode.IsLower(r)
	}
	return false
}

// serviceBeforeDash reports whether the text before a company's name is a
// short service ending in a dash ("Hosting — ", "E-Mail-Versand – ")
// and returns the service.
func serviceBeforeDash(pre string) (string, bool) {
	p := strings.TrimRight(pre, " ")
	for _, d := range []string{"—", "–", "-"} {
		if strings.HasSuffix(p, " "+d) {
			head := strings.TrimSpace(strings.TrimSuffix(p, d))
			head = strings.TrimSpace(reListMarker.Plain().ReplaceAllString(head, ""))
			// ("Telefonischer Support (1st Level) – X s.r.o.": a short
			// remark in brackets inside the service.)
			bare := dropShortParen(head)
			ok := bare != "" && utf8.RuneCountInString(bare) <= 40 && !strings.ContainsAny(bare, "0123456789,;:()") && !reLongProse.MatchString(bare)
			return head, ok
		}
	}
	return "", false
}

// serviceBeforeColon returns the service that opens a list line before
// a colon and its company ("Rechenzentrum: ", "1. E-Mail-Versand: "):
// one to four words holding a service word, no digits, punctuation,
// legal form, word for sub-processors, adviser or party role
// ("Zertifizierung durch: TÜV …", "Auftragnehmer: X GmbH" are no
// services).
func (x *extractor) serviceBeforeColon(pre string) (string, bool) {
	p := strings.TrimRight(pre, " ")
	if !strings.HasSuffix(p, ":") {
		return "", false
	}
	head := strings.TrimSpace(reListMarker.Plain().ReplaceAllString(strings.TrimSuffix(p, ":"), ""))
	if head == "" || utf8.RuneCountInString(head) > 40 || len(strings.Fields(head)) > 4 || strings.ContainsAny(head, "0123456789,;:()") {
		return "", false
	}
	low := prefilter.Lower(head)
	if !x.serviceWords(head) || x.hasLegalForm(head) || x.k.isSub(low) || adviserNear(low) || reLongProse.MatchString(head) {
		return "", false
	}
	return head, true
}

// dropRemoved drops the entries of a list or change log that mark a
// company as removed ("2025-06-01  Ausscheiden  Kodoweb sp. z o.o. – …",
// "Removed: X Ltd", "X GmbH (ausgeschieden zum 30.06.2025)"), and the
// earlier entries of a company whose last mention is such a mark: it is
// no longer a sub-processor. A company added again after its removal
// stays, once.
func (x *extractor) dropRemoved(entries []*spEntry) []*spEntry {
	removedAt := map[string]int{}
	removed := make([]bool, len(entries))
	any := false
	for i, e := range entries {
		if x.removedLine(e) {
			removed[i], any = true, true
			n := normName(e.sp.Name)
			removedAt[n] = max(removedAt[n], e.start+1)
		}
	}
	if !any {
		return entries
	}
	out := entries[:0:0]
	kept := map[string]bool{}
	for i, e := range entries {
		n := normName(e.sp.Name)
		if removed[i] || removedAt[n] > e.start {
			continue
		}
		if at := removedAt[n]; at > 0 {
			// Added again after its removal: one entry, with the
			// address of the new line.
			if kept[n+"|"+e.sp.Address] {
				continue
			}
			kept[n+"|"+e.sp.Address] = true
		}
		out = append(out, e)
	}
	return out
}

// lineBounds returns the start and end of the line of text that holds
// the byte at offset at (0 <= at < len(text)), without its newline.
func lineBounds(text string, at int) (start, end int) {
	start = strings.LastIndexByte(text[:at], '\n') + 1
	end = strings.IndexByte(text[at:], '\n')
	if end < 0 {
		return start, len(text)
	}
	return start, at + end
}

// removedLine reports whether the line of an entry marks its company as
// removed: a removed_entry word before the name on the line, or first
// after the name in brackets or after a dash.
func (x *extractor) removedLine(e *spEntry) bool {
	if e.sp.Name == "" || e.start >= len(x.text) {
		return false
	}
	ls, le := lineBounds(x.text, e.start)
	line := x.text[ls:le]
	j := strings.Index(line, e.sp.Name)
	if j < 0 {
		return false
	}
	cue := x.k.cue("removed_entry")
	if j > 0 && j < 60 && cue.In(prefilter.Lower(line[:j])) {
		return true
	}
	after := strings.TrimLeft(line[j+len(e.sp.Name):], " ,")
	for _, p := range []string{"(", "– ", "- ", "— "} {
		if strings.HasPrefix(after, p) {
			w := strings.Fields(prefilter.Lower(after[len(p):]))
			return len(w) > 0 && cue.In(strings.Join(w[:min(3, len(w))], " "))
		}
	}
	return false
}

// subFootnoteLines reads the lines of a block outside a section on
// sub-processors that are footnotes of a sentence naming sub-processors
// (subFootnote), one entry or more per footnote.
func (x *extractor) subFootnoteLines(b document.Block) []*spEntry {
	if b.Kind != document.Paragraph && b.Kind != document.ListItem {
		return nil
	}
	t := x.text[b.Start:b.End]
	var out []*spEntry
	if b.Kind == document.ListItem && b.Label == "*" {
		// "* X GmbH & Co. KG, Weg 8, 35578 Wetzlar; Einlagerung" after
		// the signatures: a footnote the parser took for a bullet, read
		// only when a sentence about sub-processors marks its reference
		// with "*" (branch hold31s).
		ln := strings.TrimSpace(t)
		if !strings.Contains(ln, "\n") && x.subFootnote("* "+ln) {
			s := b.Start + strings.Index(t, ln)
			return x.footnoteList("* "+ln, s, s+len(ln))
		}
		return nil
	}
	for off := 0; off < len(t); {
		n := strings.IndexByte(t[off:], '\n')
		if n < 0 {
			n = len(t) - off
		}
		if !mayOpenWithFootnoteMark(t[off : off+n]) {
			off += n + 1
			continue
		}
		ln := strings.TrimSpace(t[off : off+n])
		if reFootnoteMark.MatchString(ln) && x.subFootnote(ln) {
			s := b.Start + off + strings.Index(t[off:off+n], ln)
			out = append(out, x.footnoteList(ln, s, s+len(ln))...)
		}
		off += n + 1
	}
	return out
}

// mayOpenWithFootnoteMark reports whether a line's first byte after
// ASCII white space can start a footnote mark that subFootnote reads:
// "[", or any byte of a multi-byte rune (the superscript digits, and the
// Unicode spaces strings.TrimSpace would also trim). A cheap test before
// trimming and the expression: most lines start with an ASCII letter,
// digit or sign. (A strings.ContainsAny over each block for the
// superscripts cost the pipeline 7 %.)
func mayOpenWithFootnoteMark(line string) bool {
	for i := 0; i < len(line); i++ {
		switch c := line[i]; {
		case c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f':
			continue
		case c == '[' || c >= 0x80:
			return true
		case c == '*':
			// "** X AG, …": a footnote whose mark is a run of stars
			// (not "*" alone, which the parser reads as a bullet).
			return i+1 < len(line) && line[i+1] == '*'
		}
		return false
	}
	return false
}

// subFootnote reports whether a line opening with a footnote mark ("¹
// Rechenzentrum: X GmbH, …", "[2] …") outside a section on
// sub-processors is the footnote of a sentence that names sub-processors
// and carries the same mark after a word ("… die Unterauftragsverarbeiter
// … das Rechenzentrum,¹ …"): footnotes gathered at the end of a contract.
func (x *extractor) subFootnote(t string) bool {
	sub, _ := x.footnoteRefs(t)
	return sub
}

// footnoteRefs looks for the references of the footnote line t (its
// mark after a word, "… die Außer-Haus-Sicherung¹ und …"): sub, one
// lies in a sentence that names sub-processors or stands in a section on
// them; other, one lies elsewhere ("Auftragnehmerin ist die X GmbH²" in
// the parties' clause). A footnote marked "*" counts only when its
// reference is followed by no letter (not the gender star of
// "Mitarbeiter*innen"). Branch hold31s: footnotes gathered after the
// signatures refer to a clause on sub-processors without the word.
func (x *extractor) footnoteRefs(t string) (sub, other bool) {
	m := reFootnoteMark.FindString(t)
	mark := strings.TrimSpace(m)
	if mark == "" {
		return false, false
	}
	if v, ok := x.fnRefs[mark]; ok {
		return v&1 != 0, v&2 != 0
	}
	defer func() {
		if x.fnRefs == nil {
			x.fnRefs = map[string]uint8{}
		}
		v := uint8(0)
		if sub {
			v |= 1
		}
		if other {
			v |= 2
		}
		x.fnRefs[mark] = v
	}()
	star := strings.HasPrefix(mark, "*")
	for i := range x.in.Sentences {
		if x.in.Sentences[i].Heading {
			continue
		}
		lower := x.sentenceLower(i)
		j := strings.Index(lower, mark)
		if j <= 0 {
			continue
		}
		found := false
		for j > 0 {
			r, _ := utf8.DecodeLastRuneInString(lower[:j])
			ok := unicode.IsLetter(r) || unicode.IsDigit(r) && !strings.HasPrefix(mark, "[") || strings.ContainsRune(".,;:)", r)
			if star {
				// "Papierakten*" and "Mahnschreiben**" for the mark "*":
				// the whole run of stars must be the mark.
				k := j + len(mark)
				n, _ := utf8.DecodeRuneInString(lower[k:])
				ok = ok && unicode.IsLetter(r) && r != '*' && (k >= len(lower) || n != '*' && !unicode.IsLetter(n))
			}
			if ok {
				found = true
				break
			}
			n := strings.Index(lower[j+len(mark):], mark)
			if n < 0 {
				break
			}
			j += len(mark) + n
		}
		if !found {
			continue
		}
		if x.k.isSub(lower) || x.sentenceInSubSection(x.in.Sentences[i]) {
			sub = true
		} else {
			other = true
		}
	}
	return sub, other
}

// footnoteRef reports whether a paragraph shortly before block i marks a
// reference with an asterisk ("… den in Anlage 3* genannten …"), so that
// a line "* …" at i is its footnote.
func (x *extractor) footnoteRef(i int) bool {
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		b := x.doc.Blocks[k]
		if b.Kind == document.Heading {
			return false
		}
		t := x.text[b.Start:b.End]
		for j := strings.IndexByte(t, '*'); j > 0; {
			if r, _ := utf8.DecodeLastRuneInString(t[:j]); unicode.IsLetter(r) || unicode.IsDigit(r) {
				return true
			}
			n := strings.IndexByte(t[j+1:], '*')
			if n < 0 {
				break
			}
			j += n + 1
		}
	}
	return false
}

// trimHashNumber drops an item number written with a hash ("#1 X GmbH,
// Fulda – …" gives "X GmbH, Fulda – …"); "#Hashtag" and "# Titel" stay.
func trimHashNumber(t string) string {
	if !strings.HasPrefix(t, "#") {
		return t
	}
	i := 1
	for i < len(t) && i < 4 && t[i] >= '0' && t[i] <= '9' {
		i++
	}
	if i == 1 || i >= len(t) || t[i] != ' ' {
		return t
	}
	return strings.TrimLeft(t[i:], " ")
}

// trimItemArticle drops the article before a company's name that opens
// a list item ("die Bürodienst Wendland GmbH, Lüchow" gives "Bürodienst
// Wendland GmbH, Lüchow"): the article, then capitalised words up to a
// legal form. Other items ("die Daten der Kunden") stay.
func (x *extractor) trimItemArticle(t string) string {
	for _, art := range []string{"die ", "der ", "den "} {
		if !strings.HasPrefix(t, art) {
			continue
		}
		rest := t[len(art):]
		a, _ := x.k.legalForm(rest[:min(len(rest), 100)])
		wb := a
		if a > 0 {
			if p := strings.TrimRight(rest[:a], " "); strings.HasSuffix(p, ",") {
				wb = len(p) - 1
			}
		}
		if a > 0 && capitalRun(rest, 0, wb) == 0 {
			if r, _ := utf8.DecodeRuneInString(rest); unicode.IsUpper(r) {
				return rest
			}
		}
	}
	return t
}

// dropShortParen removes one bracketed remark of at most 20 bytes from
// s, or returns s: "Support (1st Level)" gives "Support".
func dropShortParen(s string) string {
	i := strings.IndexByte(s, '(')
	j := strings.IndexByte(s, ')')
	if i < 0 || j < i || j-i > 21 {
		return s
	}
	return strings.Join(strings.Fields(s[:i]+" "+s[j+1:]), " ")
}

// nameLinks are the words that may follow a company's name in an
// entry: "X GmbH für das Hosting", "X Inc. with its seat in", "X SE mit
// Sitz in".
var nameLinks = lexicon.Set("name_links")

// proseAfterName reports whether the rest of a line after a company's
// name continues a sentence: a lower-case word that links no place or
// service, followed by at least two more words.
func proseAfterName(rest string) bool {
	f := strings.Fields(rest)
	if len(f) < 3 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(f[0])
	return unicode.IsLower(r) && !nameLinks[f[0]]
}

// reEntryNumber is the numbered label of an entry in a list of
// sub-processors: "Unterauftragnehmer 1:", "Sub-processor 2 –", or a bare
// "Nr. 1:" / "No. 2 –" (read only inside a section on sub-processors).
var reEntryNumber = prefilter.MustCompile(`(?i)^(?:(?:unterauftragnehmer|unterauftragsverarbeiter|subunternehmer|sub-?processor|subcontractor|dienstleister)\s*(?:nr\.\s*)?(?:\d{1,3}|(?-i:[A-Z]))|(?:nr|no)\.\s*\d{1,3})\s*[:.–-]\s+`)

// reBrandParen is a brand of one to three capitalised words opening a
// parenthesis that holds the company: "Brevo (Sendinblue ".
var reBrandParen = prefilter.MustCompile(`^\p{Lu}[\p{L}\d.&-]*(?: \p{Lu}[\p{L}\d.&-]*){0,2} \([\p{Lu}\d]`)

func splitNameRest(x *extractor, s string) (string, string) {
	if _, e := x.k.legalForm(s); e > 0 {
		return strings.TrimSpace(s[:e]), s[e:]
	}
	if i := strings.IndexAny(s, ",;"); i > 0 {
		return strings.TrimSpace(s[:i]), s[i:]
	}
	return strings.TrimSpace(s), ""
}

// reInlineAddr is a labelled address field and the service field after
// it within one line: "Anschrift: … Leistung: …".
var reInlineAddr = prefilter.MustCompile(`(?i)^\s*(?:adresse|anschrift|address|sitz|registered office)\s*:\s*(.+?)\s*(?:\b(?:leistung|tätigkeit|zweck|service|purpose|description(?: of (?:the )?processing)?|beschreibung|gegenstand)\s*:\s*(.*)|$)`)

// reSeatParen is an entry's seat in parentheses after its name, with a
// label: "(Sitz: Daun, Deutschland)", "(mit Sitz in Graz, Österreich)",
// "(registered office: Leeds, United Kingdom)".
var reSeatParen = lazyRegexp(`(?i)^\((?:mit\s+)?(?:sitz|hauptsitz|registered office|head office|seat)(?:\s*:\s*|\s+in\s+)([^()]{2,120})\)`)

// reParentClause is a clause naming the parent of a listed company with
// its place: ", a subsidiary of Acme, Inc. (USA)".
var reParentClause = prefilter.MustCompile(`(?i)^\s*,?\s*(?:an?|eine?)\s+(?:subsidiary|affiliate|tochter\S*|konzerngesellschaft)\s+(?:of|der|des|von)\s+[^()\n]*\([^()\n]*\)`)

// fillFromRest reads "…, Street 1, 12345 City: Service (Serverstandort: X)".
func (x *extractor) fillFromRest(sp *model.Subprocessor, rest string) {
	if m := reParentClause.FindStringIndex(rest); m != nil && m[1] < 160 {
		// ", a subsidiary of Acme, Inc. (USA)": the parent's country.
		rest = rest[m[1]:]
	}
	rest = strings.TrimLeft(skipRepresentative(rest), " ,;–—-")
	if rest == "" {
		return
	}
	if m := reSeatParen().FindStringSubmatchIndex(rest); m != nil {
		// "(Sitz: Daun, Deutschland) – Auslagerung der Datensicherungen":
		// the labelled seat in parentheses, then the service.
		x.fillAddress(sp, strings.TrimSpace(rest[m[2]:m[3]]))
		rest = strings.TrimLeft(rest[m[1]:], " ,;–—-")
		if rest == "" {
			return
		}
	}
	if i := strings.LastIndex(rest, " ("); i > 0 && strings.HasSuffix(rest, ")") && !strings.ContainsAny(rest[:i], "(),:;0123456789") {
		if c := x.k.CountryOf(rest[i+2 : len(rest)-1]); c != "" {
			// "Online-Formulare (Deutschland)": the service, then the
			// country in parentheses.
			sp.Service = collapse(strings.TrimSpace(rest[:i]))
			if sp.Country == "" {
				sp.Country = c
			}
			return
		}
	}
	if m := reLocLabel.FindStringSubmatch(rest); m != nil {
		sp.Location = strings.TrimSpace(m[1])
	}
	if m := reInlineAddr.FindStringSubmatchIndex(rest); m != nil {
		// "Anschrift: Weg 2, 73033 Göppingen Leistung: Fernwartung": a
		// labelled block whose lines were joined.
		addr := rest[m[2]:m[3]]
		if m[4] >= 0 {
			sp.Service = collapse(strings.TrimSpace(rest[m[4]:m[5]]))
		}
		x.fillAddress(sp, strings.TrimRight(addr, " ,;"))
		return
	}
	if m := reTownParen.FindStringSubmatch(rest); m != nil && (x.k.cityRe.MatchString(m[1]) || x.placeWord(m[1], true)) && x.k.CountryOf(m[1]) == "" {
		// "sevDesk GmbH, Offenburg (Buchhaltung)": a town, then the
		// service in parentheses.
		x.fillAddress(sp, m[1])
		if sp.City == "" {
			sp.City = m[1]
		}
		sp.Service = collapse(strings.TrimSpace(m[2]))
		return
	}
	addr, serv := rest, ""
	if i := strings.Index(rest, ":"); i >= 0 {
		addr, serv = rest[:i], rest[i+1:]
		if j := strings.LastIndexByte(addr, ';'); j >= 0 && len(strings.Fields(addr[j+1:])) <= 3 {
			// "Weg 14, 74889 Sinsheim; Leistung: Entgeltabrechnung":
			// the service's label is no part of the address.
			addr = addr[:j]
		}
	} else if serv0, place := x.dashPlace(rest); place != "" {
		// "server hosting – Aberdeen, UK": the service, then the place.
		addr, serv = place, serv0
	} else if i := strings.Index(rest, " – "); i >= 0 {
		addr, serv = rest[:i], rest[i+len(" – "):]
	} else if s, place := x.trailingPlace(rest); place != "" {
		// "Hosting von Website und Reservierungstool, Falkenstein":
		// the service, then the place.
		serv = s
		x.fillAddress(sp, place)
		if sp.City == "" && !strings.Contains(place, ",") && x.k.CountryOf(place) == "" {
			sp.City = place
		}
		addr = ""
	}
	switch {
	case addr == "":
	case rePostcodeCity.MatchString(addr) || x.k.countryRe.MatchString(addr) || x.k.cityRe.MatchString(addr):
		x.fillAddress(sp, strings.TrimRight(addr, " ,;"))
	case serv != "" && x.k.placeNameRe.MatchString(strings.TrimSpace(addr)):
		// "Espelkamp – Webhosting": a town the knowledge does not list.
		sp.Address = strings.TrimSpace(addr)
		sp.City = sp.Address
	default:
		serv = rest
	}
	if serv != "" {
		if i := strings.Index(serv, "("); i > 0 && reLocLabel.MatchString(serv[i:]) {
			serv = serv[:i]
		}
		sp.Service = collapse(strings.TrimSpace(serv))
	}
	if sp.Country == "" && sp.Location != "" {
		sp.Country = x.k.CountryOf(sp.Location)
	}
}

// dashPlace splits the rest of a list entry "service – place" at its
// last dash ("–", "—" or a spaced hyphen) when what follows is a place
// the knowledge reads ("server hosting – Aberdeen, UK", "backup – Bergen,
// Norway"); it returns "" for the place otherwise.
func (x *extractor) dashPlace(rest string) (string, string) {
	best, dl := -1, 0
	for _, d := range []string{" – ", " — ", " - "} {
		if i := strings.LastIndex(rest, d); i > best {
			best, dl = i, len(d)
		}
	}
	if best <= 0 {
		return "", ""
	}
	serv, place := strings.TrimSpace(rest[:best]), strings.TrimRight(strings.TrimSpace(rest[best+dl:]), " .;")
	if serv == "" || len(place) > 50 || strings.ContainsAny(place, "()") {
		return "", ""
	}
	if !x.k.countryRe.MatchString(place) && !x.k.cityRe.MatchString(place) && !rePostcodeCity.MatchString(place) {
		return "", ""
	}
	return serv, place
}

// reTownParen is one place word followed by a parenthesis and nothing
// else: "Offenburg (Buchhaltung)".
var reTownParen = prefilter.MustCompile(`^(\p{Lu}\p{Ll}{2,}(?:-\p{Lu}\p{Ll}{2,})?)\s*\(([^()]{2,60})\)\s*[.;]?$`)

// trailingPlace splits a service followed by its place after commas:
// "servers, New York, USA" gives "servers" and "New York, USA", as does
// "(servers, New York, USA)";
// "Newsletterversand, Rastede" gives "Newsletterversand" and "Rastede".
// The service must read as one (a lower-case word or a service word) and
// hold no digits (an address); a town the table does not list is one
// capitalised word that is no service. It returns "" for the place when
// the text does not end in one.
func (x *extractor) trailingPlace(rest string) (string, string) {
	rest = strings.TrimRight(rest, " .;")
	if t := strings.TrimLeft(rest, " "); strings.HasPrefix(t, "(") && strings.HasSuffix(t, ")") && strings.Count(t, "(") == 1 {
		// "(search infrastructure, Netherlands)"
		rest = t[1 : len(t)-1]
	}
	head := rest
	cut := -1
	for n := 0; n < 2; n++ {
		i := strings.LastIndex(head, ", ")
		if i <= 0 {
			break
		}
		tail := strings.TrimSpace(head[i+2:])
		if !x.placeWord(tail, n == 0) {
			break
		}
		head, cut = head[:i], i
	}
	if cut < 0 || strings.ContainsAny(head, "0123456789") || x.placeWord(strings.TrimSpace(head), true) {
		return "", ""
	}
	if !x.serviceWords(head) && !hasLowerWord(head) && !x.nounLabel(strings.TrimSpace(head)) {
		// ("Terminplanung, Österreich": one noun with a noun ending is
		// a service too.)
		return "", ""
	}
	return strings.TrimSpace(head), strings.TrimSpace(rest[cut+2:])
}

// nounLabel reports whether s is one word with a noun ending of the
// lexicon's noun_endings ("Änderungen", "Haftung", "Verpflichtung"): a
// label before a colon, never a company's name.
func (x *extractor) nounLabel(s string) bool {
	return !strings.ContainsAny(s, " \t") && x.nounEnding(s)
}

// nounEnding reports whether s ends with one of the lexicon's
// noun_endings, in any case.
func (x *extractor) nounEnding(s string) bool {
	low := prefilter.Lower(s)
	for _, suf := range x.k.nounEndings {
		if strings.HasSuffix(low, suf) {
			return true
		}
	}
	return false
}

// placeWord reports whether s is a country, a listed city or, when
// unknown is set, one capitalised word that reads as a town (no service
// or category word, no German noun ending, no capitals after the first).
func (x *extractor) placeWord(s string, unknown bool) bool {
	if s == "" || len(s) > 40 {
		return false
	}
	if x.k.CountryOf(s) != "" || x.k.cityRe.MatchString(s) && len(strings.Fields(s)) <= 3 {
		return true
	}
	return unknown && reTownWord.MatchString(s) && !x.serviceWords(s) && !x.categoryName(s) && !x.nounEnding(s)
}

// reTownWord is one word that may be a town's name: capitalised, the
// rest in lower case, two parts at most ("Rastede", "Castrop-Rauxel";
// not "Bild-KI").
var reTownWord = prefilter.MustCompile(`^\p{Lu}\p{Ll}{2,}(?:-\p{Lu}\p{Ll}{2,})?$`)

// hasLowerWord reports whether s holds a word starting with a lower-case
// letter.
func hasLowerWord(s string) bool {
	for _, w := range strings.Fields(s) {
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsLower(r) {
			return true
		}
	}
	return false
}

// subprocessorURL returns a link in a sentence about sub-processors.
func (x *extractor) subprocessorURL() string {
	// next is the first "http" of x.lower from from on (-1: none, -2:
	// not sought yet): a sentence (a part of x.lower) holds one when next
	// is the first from its start and ends in it, so the text is searched
	// once when the sentences come in order.
	from, next := 0, -2
	for i := range x.in.Sentences {
		st := x.in.Sentences[i]
		if st.Start < 0 || st.End > len(x.lower) || st.End < st.Start {
			continue
		}
		if next == -2 || st.Start < from || next >= 0 && next < st.Start {
			from, next = st.Start, strings.Index(x.lower[st.Start:], "http")
			if next >= 0 {
				next += st.Start
			}
		}
		if next < 0 || next+len("http") > st.End {
			continue
		}
		s := x.sentenceText(i)
		if !strings.Contains(s, "http") || !reSubWord.MatchString(s) {
			continue
		}
		if u := reURL.FindString(s); u != "" {
			return strings.TrimRight(u, ".,;:")
		}
	}
	return ""
}

var reEngageLow = prefilter.MustCompile(`einsetz|eingesetzt|einzusetzen|einschalt|einzuschalten|eingeschaltet|\bbedien(?:t|en)\b|setz(?:t|en)\b.*\bein\b|\beinsatz\b|beauftragt|beauftragen\b|beauftragung\b|hinzugezogen|hinzuziehen|hinzuziehung\b|\bengag|\buses?\b|\brel(?:y|ies) on\b|\bemploy|\bappoint|nimmt\b.*\bin anspruch|\b(?:derzeit|zurzeit|gegenwärtig|currently)\b|\btätig\b|\bact(?:s|ing)? as\b|\bconsent(?:s|ed)? to\b|\bgenehmig(?:t|en)\b|\bauthori[sz]es\b|\bim auftrag de(?:s auftragnehmers|r auftragnehmerin|s auftragsverarbeiters)\b|\bauthori[sz]ed the following\b|\bagrees? that (?:\S+ ){1,3}(?:stores|hosts|keeps)\b|\bsubcontract\b`)

// reEntrustLow is the one alternative of the engaging verbs that does not
// start with a literal (a hyphen before "entrust" is no hyphenated
// compound); apart, it leaves reEngageLow a literal at the start of every
// match, so that expression is tried only where one occurs (see
// engagesLow).
var reEntrustLow = prefilter.MustCompile(`(?:^|[^-])\bentrust to\b`)

// engagesLow reports whether low holds an engaging verb: a match of
// reEngageLow or reEntrustLow (together the alternation of both).
func engagesLow(low string) bool {
	return reEngageLow.MatchString(low) || reEntrustLow.MatchString(low)
}

// subRowLabel returns 0 when the sentence starting at start is the value
// of a table row, written with "|" or as a word processor's cells with
// tabs, whose first cell is a short label naming sub-processors ("Other
// processors | …", "Unterauftragnehmer\t…") and the value (low) is not a
// negation ("| none"), or -1.
func (x *extractor) subRowLabel(start int, low string) int {
	j := start
	for j > 0 && (x.text[j-1] == ' ' || x.text[j-1] == '\t') {
		j--
	}
	if j == 0 || len(x.lower) != len(x.text) {
		return -1
	}
	k := j
	switch {
	case x.text[j-1] == '|':
		k = j - 1
	case strings.Contains(x.text[j:start], "\t"):
	default:
		return -1
	}
	ls := strings.LastIndexByte(x.text[:k], '\n') + 1
	label := strings.TrimSpace(strings.TrimLeft(x.lower[ls:k], "| "))
	if len(label) < 3 || len(label) > 40 || strings.ContainsAny(label, "|\t") {
		return -1
	}
	if !x.k.isSub(label) || x.k.notProc(label) || reNegation.MatchString(low) {
		return -1
	}
	return 0
}

// reConsentToUse marks a sentence in which one party consents to the
// other's use of a provider it names, outside a section on
// sub-processors: "The Trust consents to the Consultant engaging X Ltd",
// "… and Customer authorises their use", "Der Verein stimmt dem Einsatz
// der X GmbH zu", "ist mit dem Einsatz der X GmbH einverstanden".
var reConsentToUse = prefilter.MustCompile(`\bconsents? to (?:the \S+ )?(?:engaging|using|the use of)\b|\bauthori[sz]es? (?:their|its) use\b|\bapproves? the use of\b|\bagrees? that (?:\S+ ){1,3}(?:stores|hosts|keeps)\b|\bdem einsatz\b.*\b(?:zu|einverstanden)\b|;\s*(?:der|die|das)\s+[\p{L}-]+\s+(?:ist|erklärt sich)\s+(?:damit|hiermit)\s+einverstanden\b`)

// (The last alternative: the controller's assent closing the sentence
// that engages the companies, "X setzt für das Hosting die A GmbH in B,
// für … die C s.r.o. in D ein; der Kunde ist damit einverstanden".)

// inParenAfter reports whether offset at of rest lies inside a
// parenthesis that opens rest ("(colocation in Cape Town, South Africa)").
func inParenAfter(rest string, at int) bool {
	t := strings.TrimLeft(rest, " ,")
	if !strings.HasPrefix(t, "(") {
		return false
	}
	o := len(rest) - len(t)
	c := strings.IndexByte(rest[o:], ')')
	return c > 0 && at <= o+c && !strings.Contains(rest[o+1:o+c], "(")
}

// reConsentNext is the controller's consent to the providers the sentence
// before names: "We use Sage (UK) Limited for our payroll software … You
// agree that we may use them.", "You consent to our use of these
// providers."
var reConsentNext = prefilter.MustCompile(`^(?:you|the (?:customer|client|controller)|customer|client)\s+(?:hereby\s+)?(?:agrees?|consents?|authori[sz]es?|approves?)\b[^.;]{0,40}\b(?:them|these providers|these companies|their use|each of them)\b`)

// consentNext reports whether the sentence after sentence i, in the same
// block, consents to the providers sentence i names.
func (x *extractor) consentNext(i int) bool {
	if i+1 >= len(x.in.Sentences) || x.in.Sentences[i+1].Block != x.in.Sentences[i].Block {
		return false
	}
	return reConsentNext.MatchString(x.sentenceLower(i + 1))
}

// subprocessorSentences finds companies named in sentences that engage a
// sub-processor: "Als Unterauftragnehmer setzt der Auftragnehmer die
// Beispiel GmbH, Weg 1, 12345 Ort, für das Hosting ein." Names already
// found in tables or lists are skipped.
func (x *extractor) subprocessorSentences(have []*spEntry) []*spEntry {
	known := map[string]bool{}
	for _, e := range have {
		known[normName(e.sp.Name)] = true
	}
	var out []*spEntry
	engage := x.candidates("engagement_verbs")
	cand := x.candidates("subprocessor_words")
	if cand != nil {
		cand.And(engage)
	}
	// Running text that names the firm holding or sending the data
	// ("liegt auf Servern der …", "operated by …"): no index, no reading.
	hosts := x.candidates("hosting_phrases")
	// "Die Rechenzentrumsleistungen erbringt die X GmbH": a company
	// performing part of the service, in a paragraph about sub-processors.
	providers := x.candidates("provider_verbs")
	if hosts == nil && len(x.in.Sentences) > 0 {
		// No word index given (a caller outside the pipeline): one for
		// the phrases and verbs alone.
		spans := make([]match.Span, len(x.in.Sentences))
		for i, s := range x.in.Sentences {
			spans[i] = match.Span{Start: s.Start, End: s.End}
		}
		ix := match.NewIndexAliased(x.text, spans, nil)
		hosts, providers = ix.NewBits(), ix.NewBits()
		for _, t := range x.k.termList("hosting_phrases") {
			hosts.Or(ix.TermByID(t))
		}
		for _, t := range x.k.termList("provider_verbs") {
			providers.Or(ix.TermByID(t))
		}
	}
	for i, sent := range x.in.Sentences {
		if sent.Heading {
			continue
		}
		hosted := hosts != nil && hosts.Has(i)
		// A sentence naming sub-processors, or engaging a company within
		// a section on them ("§ 7 Unterauftragsverhältnisse … (2) Darüber
		// hinaus setzt der Auftragnehmer die DATEV eG für die Lohnbuchhaltung ein").
		inSection := false
		// A provider verb in a paragraph whose sentences before name
		// sub-processors.
		prov := providers != nil && providers.Has(i) && (x.blockSubsBefore(sent) || x.providerInSubSection(sent))
		// "Die ArchivSafe AG, Anger 48, 99084 Erfurt, verwahrt …": one
		// paragraph per announced sub-processor, whatever its verb.
		prov = prov || x.listedParagraph(sent)
		// "Wir arbeiten mit vier Subunternehmern zusammen. Die Server
		// stehen bei der X GmbH in Y.", "We may engage sub-processors.
		// Support is handled by X Oy in Y.": a later sentence of a
		// paragraph that spoke of sub-processors, in a section on them,
		// naming a company with its town, whatever its verb.
		prov = prov || x.subParagraphCompany(sent)
		// "Other processors | Acme Ltd (hosting), Beta Ltd (post)": a row
		// of a details table labelled by the word for sub-processors
		// names them in its value.
		rowAfter := x.subRowLabel(sent.Start, x.sentenceLower(i))
		// "… dass wir Unterauftragsverarbeiter einsetzen. Im Moment sind
		// das Wolkenhafen (…), …": a pronoun for the sub-processors of
		// the sentence before names them after its copula.
		pronAfter := -1
		// "„Genehmigte Unterauftragsverarbeiter“ bezeichnet die X GmbH
		// …", "b) „Zugelassene Subunternehmer“ die X GmbH, …": the
		// definition of a term for sub-processors names them after the
		// term.
		defAfter := x.subTermDefinition(x.sentenceText(i))
		if defAfter < 0 {
			// "…; zum Zeitpunkt der Unterzeichnung umfasst sie: (A) X
			// GmbH, Bremen (Hosting); (B) Y AG, …": a list with item
			// labels run into a sentence of a section on sub-processors.
			if at := inlineEnum(x.sentenceText(i)); at >= 0 && x.sentenceInSubSection(sent) {
				defAfter = at
			}
		}
		if rowAfter < 0 && !hosted {
			if m := rePronounList.FindStringIndex(x.sentenceLower(i)); m != nil && x.subsSentenceBefore(i) && !x.k.isSub(x.sentenceLower(i)) {
				pronAfter = m[1]
			}
		}
		if rowAfter >= 0 || hosted || pronAfter >= 0 || defAfter >= 0 {
			inSection = true
		} else if !isCandidate(cand, i) {
			if !prov && !isCandidate(engage, i) {
				continue
			}
			if !prov && !x.sentenceInSubSection(sent) && !x.blockAboutSubs(sent) && !reConsentToUse.MatchString(x.sentenceLower(i)) && !x.consentNext(i) {
				continue
			}
			inSection = true
		} else if isCandidate(engage, i) && (reConsentToUse.MatchString(x.sentenceLower(i)) || x.consentNext(i)) {
			inSection = true
		}
		s := x.sentenceText(i)
		low := x.sentenceLower(i)
		if len(s) > 600 || x.k.notProc(low) || isDefinition(s) && defAfter < 0 {
			continue
		}
		// after is where the names may start: a sentence that engages
		// sub-processors names them anywhere; one that only says what
		// they are ("The sub-processors at the Commencement Date are
		// Acme Ltd (hosting) and …") names them after its verb.
		if x.k.cue("dpo_role").In(low) && !engagesLow(strings.ReplaceAll(low, "datenschutzbeauftragt", "")) {
			// "Datenschutzbeauftragter des Auftragnehmers ist die X
			// GmbH": the officer, no sub-processor ("beauftragt" in the
			// officer's title engages no one).
			continue
		}
		after := 0
		if rowAfter >= 0 {
			after = rowAfter
		} else if defAfter >= 0 {
			after = defAfter
		} else if pronAfter >= 0 {
			after = pronAfter
		} else if hosted || prov {
			after = 0
		} else if !engagesLow(low) && !x.k.cue("engage_apart").In(low) {
			// (An engage_apart word of the lexicon, "… ist die X GmbH
			// als Unterauftragsverarbeiter zugelassen", engages too,
			// tested apart: in reEngageLow it would make the expression
			// too large for the backtracker.)
			m := reSubCopula.FindStringIndex(low)
			if m == nil && inSection {
				// "… (our "sub-processors") … They are Acme Ltd
				// (hosting) and …": a pronoun for the sub-processors
				// named before.
				m = rePronounCopula.FindStringIndex(low)
			}
			if m == nil || reNegation.MatchString(low[m[1]:]) {
				continue
			}
			after = m[1]
		}
		if !inSection && !prov && !x.k.isSub(low) && !x.sentenceInSubSection(sent) && !x.blockAboutSubs(sent) {
			continue
		}
		for _, m := range x.k.legalRe.FindAllStringSubmatchIndex(s, -1) {
			wb := m[2]
			if p := strings.TrimRight(s[:m[2]], " "); strings.HasSuffix(p, ",") {
				// "Amazon Web Services, Inc.", "MongoDB, Inc."
				wb = len(p) - 1
			}
			start := capitalRun(s, x.walkBack(s, wb), wb)
			lower := false
			if start == wb {
				// "die netcup GmbH": a brand in lower case right after
				// an article.
				start = lowerBrand(s, wb)
				lower = start < wb
			}
			if st := x.ampersandStart(s, start); st >= 0 {
				// "…, UK); Quayside Print & Mail Ltd (…)": the words
				// joined by "&" after an entry's semicolon.
				start = st
			}
			if start < after {
				continue
			}
			if start >= m[2] || reExampleCue.MatchString(s[max(0, start-40):start]) || reParentCue.MatchString(s[max(0, start-40):start]) && !(hosted && operatedBy(s[:start])) {
				// "z. B. die Muster GmbH": an example; "a subsidiary of
				// Acme, Inc.": the parent of an engaged company.
				continue
			}
			if l := reClauseNumLead.FindStringIndex(s[start:m[3]]); l != nil {
				// "7.1 Harrier Helpdesk Ltd provides …": the clause's
				// number is no part of the name.
				start += l[1]
			}
			name := s[start:m[3]]
			if adviserNear(strings.ToLower(s[max(0, start-40):min(len(s), m[3]+60)])) {
				// "… by Ashcombe Audit LLP in Bristol, an independent
				// auditor", "die X GmbH Wirtschaftsprüfungsgesellschaft":
				// the processor's auditor or lawyer.
				continue
			}
			if first, _ := utf8.DecodeRuneInString(name); !lower && !unicode.IsUpper(first) && !unicode.IsDigit(first) {
				continue
			}
			n := normName(name)
			dup := false
			for k := range known {
				if strings.HasPrefix(k, n) || strings.HasPrefix(n, k) {
					dup = true
					break
				}
			}
			if dup {
				continue
			}
			known[n] = true
			e := &spEntry{start: sent.Start + start, end: sent.Start + m[3]}
			e.sp.Name = name
			e.text.WriteString(s)
			rest := s[m[3]:min(len(s), m[3]+120)]
			if r := skipRepresentative(rest); len(r) < len(rest) {
				// ", vertreten durch ihren Geschäftsführer Herrn Tobias
				// Kienle, Bahnhofplatz 2, 73430 Aalen": the address after
				// the representative.
				off := m[3] + len(rest) - len(r)
				rest = s[off:min(len(s), off+120)]
			}
			if loc := rePostcodeCity.FindStringIndex(rest); loc != nil && loc[0] < 60 {
				x.fillAddress(&e.sp, strings.Trim(rest[:loc[1]], " ,;"))
				e.end = sent.Start + m[3] + loc[1]
			} else if c := x.k.countryRe.FindStringSubmatchIndex(rest); c != nil && (c[2] < 40 || inParenAfter(rest, c[3])) {
				// "Teraco … (Pty) Ltd (colocation of the Operator's servers
				// in Cape Town, South Africa)": a country in the
				// parenthesis right after the name.
				e.sp.Country = x.k.countryName[strings.ToLower(rest[c[2]:c[3]])]
			} else if c := x.k.cityRe.FindStringIndex(rest); c != nil && c[0] < 4 {
				// "die DATEV eG, Nürnberg, für …".
				x.fillAddress(&e.sp, rest[c[0]:c[1]])
			} else if t := reTownAfterName.FindStringIndex(rest); t != nil {
				// "… with X AS in its data centres in Bergen": the town
				// where reTownAfterName ends.
				_, sz := utf8.DecodeLastRuneInString(rest[:t[1]])
				at := t[1] - sz
				if c := x.k.cityRe.FindStringIndex(rest[at:]); c != nil && c[0] <= 1 {
					x.fillAddress(&e.sp, rest[at+c[0]:at+c[1]])
				}
			}
			if e.sp.Country == "" {
				e.sp.Country = x.nameCountry(name)
			}
			if e.sp.Country == "" && e.sp.City == "" {
				// "die sevDesk GmbH aus Offenburg", "die Wortmann AG,
				// Hüllhorst, als …": a town the table does not list.
				if town := x.townAfter(rest); town != "" {
					e.sp.City = town
					if x.germanCompany(name) {
						e.sp.Country = "DE"
					}
				}
			}
			out = append(out, e)
		}
		if hosted && !x.k.isSub(low) && rowAfter < 0 {
			// Running text read for where the data are held: only
			// companies with a legal form ("… hosted by Whereby who are
			// based in the European Economic Area (EEA)").
			continue
		}
		out = append(out, x.bareNamesInSentence(s, sent.Start, after, known)...)
		out = append(out, x.firmaNames(s, sent.Start, after, known)...)
	}
	return out
}

// ampersandStart returns where a name starts whose run at start follows
// "&" or "+" with one to three capitalised words before it, which open an
// entry: after a semicolon or a colon, a cell's pipe or at the start of a
// line, or after an item label ("…, UK); Quayside Print & Mail Ltd",
// "Approved: Pike & Perch Mailing Limited", "(3) Kahl & Sohn GmbH"). Elsewhere ("Acme Ltd & Beta Ltd", "hosting & Post
// Ltd") -1.
func (x *extractor) ampersandStart(s string, start int) int {
	p := strings.TrimRight(s[:start], " ")
	if !strings.HasSuffix(p, " &") && !strings.HasSuffix(p, " +") {
		return -1
	}
	i := len(p) - 1
	for n := 0; n < 4; n++ {
		j := i
		for j > 0 && s[j-1] == ' ' {
			j--
		}
		if j == 0 || s[j-1] == '\n' || s[j-1] == '\t' {
			if n == 0 {
				return -1
			}
			return i
		}
		k := j
		for k > 0 && s[k-1] != ' ' && s[k-1] != '\n' && s[k-1] != '\t' {
			k--
		}
		w := s[k:j]
		if w == "|" || strings.HasSuffix(w, ";") || strings.HasSuffix(w, ":") || reLetterMarker.Plain().MatchString(w+" ") {
			// (Also an item label: "…; (2) Hahn & Söhne GmbH, …".)
			if n == 0 {
				return -1
			}
			return i
		}
		r, _ := utf8.DecodeRuneInString(w)
		if n == 3 || !unicode.IsUpper(r) || nameStop[strings.ToLower(w)] || strings.ContainsAny(w, ",.()\"“”„") || x.k.legalRe.MatchString(" "+w+" ") {
			return -1
		}
		i = k
	}
	return -1
}

// listedParagraph reports whether a sentence opens a paragraph with a
// company and its address ("Die Kühnert Colocation GmbH, Kurgartenstraße
// 19, 90762 Fürth, stellt … zur Verfügung") in a section on
// sub-processors, after a paragraph of that section that announces the
// ones that follow ("Bei Abschluss dieser Vereinbarung sind dies die
// folgenden Unternehmen.", "… stimmt der Beauftragung folgender
// Unterauftragnehmer zu."): one paragraph per sub-processor. Not after a
// heading without such a paragraph, nor after one that says there are
// none ("setzt keine Unterauftragnehmer ein").
func (x *extractor) listedParagraph(sent segment.Sentence) bool {
	if sent.Block <= 0 || sent.Block >= len(x.doc.Blocks) || sent.End > len(x.lower) {
		return false
	}
	b := x.doc.Blocks[sent.Block]
	if b.Kind != document.Paragraph || sent.Start != b.Start || b.End-b.Start > 1500 {
		return false
	}
	low := x.lower[sent.Start:sent.End]
	if !strings.HasPrefix(low, "die ") && !strings.HasPrefix(low, "der ") && !strings.HasPrefix(low, "the ") {
		return false
	}
	head := x.text[sent.Start:min(sent.End, sent.Start+200)]
	comma := strings.IndexByte(head, ',')
	if comma < 0 {
		return false
	}
	if _, e := x.k.legalForm(head[:comma]); e <= 0 || strings.TrimSpace(head[:comma][e:]) != "" {
		return false
	}
	if m := rePostcodeCity.FindStringIndex(head[comma:]); m == nil || m[0] > 80 {
		return false
	}
	if !x.sentenceInSubSection(sent) || x.k.notProc(x.lower[b.Start:b.End]) {
		return false
	}
	for k := sent.Block - 1; k >= 0 && k >= sent.Block-8; k-- {
		bk := x.doc.Blocks[k]
		if bk.Kind == document.Heading || bk.End > len(x.lower) {
			return false
		}
		if bk.Kind != document.Paragraph && bk.Kind != document.ListItem {
			continue
		}
		l := x.lower[bk.Start:bk.End]
		if reListAnnounce.MatchString(l) && x.k.isSub(l) && !x.k.notProc(l) {
			return true
		}
	}
	return false
}

// reListAnnounce is a paragraph's end that announces the companies
// listed after it: "… sind dies die folgenden Unternehmen.", "…
// folgender Unterauftragnehmer zu.", "… die nachstehenden Unternehmen als
// Unterauftragnehmer einsetzt.", "… the following sub-processors:".
var reListAnnounce = prefilter.MustCompile(`(?:folgenden?|folgender|nachstehend(?:e[nrs]?)?|nachfolgend(?:e[nrs]?)?|untenstehenden?|following|below|listed)\b[^.:\n]{0,80}[.:]\s*$`)

// operatedBy reports whether the text before a name ends in "operated
// by": in running text on where the data are held or sent ("sent through
// Postmark, operated by ActiveCampaign LLC") the operator is the
// company that holds them, not a parent beside an engaged company.
func operatedBy(before string) bool {
	return strings.HasSuffix(strings.ToLower(strings.TrimRight(before, " ")), "operated by")
}

// reBareParen is a name of one to three capitalised words with a
// parenthesis after it: "Hetzner (Hosting)", "Google Workspace (E-Mail,
// Irland)".
var reBareParen = prefilter.MustCompile(`(?:^|[\s,;:])(\p{Lu}[\p{L}\d.&+-]*(?: \p{Lu}[\p{L}\d.&+-]*){0,2}) \(([^()]{2,60})\)`)

// bareParens returns reBareParen.FindAllStringSubmatchIndex(s, -1),
// found from the occurrences of " (" rather than by running the
// expression from every offset of s: the name before one is the one to
// three runs of name characters that end there, each starting with a
// capital and parted by single spaces, as many as the character before
// the first allows (a space, comma, semicolon, colon or the start of s,
// not before the end of the last match); the parenthesis holds 2 to 60
// runes up to the first ")" and no "(". A text that is not valid UTF-8
// (where runes counted backwards may differ from those package regexp
// reads) is left to the expression.
func bareParens(s string) [][]int {
	if !utf8.ValidString(s) {
		return reBareParen.FindAllStringSubmatchIndex(s, -1)
	}
	var out [][]int
	last := 0 // where the last match ended
	for at := 0; ; {
		k := strings.Index(s[at:], " (")
		if k < 0 {
			return out
		}
		p := at + k // the space before "("
		m := bareParenAt(s, p, last)
		if m == nil {
			at = p + 1
			continue
		}
		out = append(out, m)
		last, at = m[1], m[1]
	}
}

// bareParenAt returns the spans of reBareParen's match whose " (" is at
// offset p of s, starting at from or later, or nil (see bareParens).
func bareParenAt(s string, p, from int) []int {
	// The parenthesis: 2 to 60 runes other than "(" and ")", then ")".
	open := p + 2
	n, end := 0, -1
	for i, r := range s[open:] {
		if r == ')' {
			end = open + i
			break
		}
		if r == '(' || n == 60 {
			return nil
		}
		n++
	}
	if end < 0 || n < 2 {
		return nil
	}
	// The name: up to three runs, the last ending at p. starts[k] is
	// where run k (counted back from p) starts.
	var starts [3]int
	words := 0
	for at := p; words < 3; {
		q := at
		for q > 0 {
			r, w := utf8.DecodeLastRuneInString(s[:q])
			if !bareNameRune(r) {
				break
			}
			q -= w
		}
		if q == at {
			break // no run
		}
		r, _ := utf8.DecodeRuneInString(s[q:])
		if !unicode.IsUpper(r) {
			break
		}
		starts[words] = q
		words++
		// Another run before needs one space before this one and a
		// run before the space.
		if q < 2 || s[q-1] != ' ' {
			break
		}
		at = q - 1
	}
	// The leftmost start: the most runs whose start has a lead (a
	// separator at from or later, or the start of s when the search
	// starts there). Between runs the lead is their space.
	for ; words > 0; words-- {
		q := starts[words-1]
		if q == 0 && from == 0 {
			return []int{0, end + 1, 0, p, open, end}
		}
		if q-1 >= from && q > 0 && strings.IndexByte(" \t\n\f\r,;:", s[q-1]) >= 0 {
			return []int{q - 1, end + 1, q, p, open, end}
		}
	}
	return nil
}

// bareNameRune reports whether r is one of reBareParen's name
// characters: [\p{L}\d.&+-].
func bareNameRune(r rune) bool {
	switch {
	case r < utf8.RuneSelf:
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '.' || r == '&' || r == '+' || r == '-'
	}
	return unicode.IsLetter(r)
}

// bareNamesInSentence reads the companies without a legal form that a
// sentence engaging sub-processors names with their service in
// parentheses: "Derzeit setzen wir Hetzner (Hosting), Brevo (Newsletter)
// und Zoom (Videokonferenzen) als Unterauftragsverarbeiter ein." The
// parenthesis must hold a service or a place and no legal form; the name
// must be none of the words that name a kind of provider, a party or a
// place. Names from after on are read (see subprocessorSentences).
func (x *extractor) bareNamesInSentence(s string, base, after int, known map[string]bool) []*spEntry {
	if !strings.Contains(s, " (") {
		return nil
	}
	var out []*spEntry
	for _, m := range bareParens(s) {
		if m[2] < after {
			continue
		}
		name, inner := s[m[2]:m[3]], s[m[4]:m[5]]
		if x.hasLegalForm(inner) || x.hasLegalForm(name) || strings.ContainsAny(inner, "0123456789") {
			continue
		}
		if a, _ := x.k.legalForm(s[m[5]+1 : min(len(s), m[5]+40)]); a >= 0 && a <= 2 {
			// "Wolters Kluwer (UK) Limited": the legal form follows.
			continue
		}
		if r := strings.TrimLeft(s[m[5]+1:min(len(s), m[5]+4)], " "); r != "" && r[0] >= '0' && r[0] <= '9' {
			// "Commission Implementing Decision (EU) 2021/914",
			// "Regulation (EU) 2016/679": a legal act and its number.
			continue
		}
		if x.afterCompanyComma(s[:m[2]]) || afterPostcode(s[:m[2]]) {
			// "der Mailgun Technologies, Inc., San Antonio (USA)": the
			// company's town; "…, 32756 Detmold (Hosting der
			// Datenbank)": a town after its postcode.
			continue
		}
		country := ""
		if x.placeList(inner) {
			country = x.placeCountry(inner)
		} else if _, place := x.trailingPlace(inner); place == "" && !x.serviceWords(inner) {
			c, ok := x.serviceTownCountry(inner)
			if !ok {
				continue
			}
			country = c
		}
		if x.headerWord(name) || x.categoryName(name) || x.notEntity(name) || x.serviceWords(name) && !x.brandThenService(name) || x.k.IsPlaceholder(name) ||
			x.k.CountryOf(name) != "" || x.k.isRegion(name) || x.k.cityRe.MatchString(name) || x.k.isSub(prefilter.Lower(name)) ||
			reRefLabel.MatchString(name) || nameStop[strings.ToLower(name)] {
			continue
		}
		n := normName(name)
		if n == "" || known[n] {
			continue
		}
		known[n] = true
		e := &spEntry{start: base + m[2], end: base + m[5] + 1}
		e.sp.Name = name
		e.sp.Country = country
		e.text.WriteString(s)
		if country == "" {
			x.fillFromRest(&e.sp, inner)
		}
		out = append(out, e)
	}
	return out
}

// serviceTownCountry reads a parenthesis after a bare name that names a
// service by a single noun, which trailingPlace does not take for one,
// and a place: "service, town, country" ("Belegerfassung, Vilnius,
// Litauen", "Kundenanfragen, Austin, USA") or "service, known town"
// ("Server, Düsseldorf"); it returns the place's country and true. Not
// "Name, Anschrift, Geburtsdatum", "Rechnungen, Quittungen".
func (x *extractor) serviceTownCountry(inner string) (string, bool) {
	parts := strings.Split(inner, ", ")
	if len(parts) < 2 || len(parts) > 3 || strings.ContainsAny(inner, "0123456789") {
		return "", false
	}
	c := ""
	if len(parts) == 3 {
		if c = x.k.CountryOf(parts[2]); c == "" || !x.placeWord(parts[1], true) {
			return "", false
		}
	} else if !x.placeWord(parts[1], false) {
		return "", false
	} else {
		c = x.k.CountryOf(parts[1])
	}
	head := strings.TrimSpace(parts[0])
	if head == "" || len(strings.Fields(head)) > 4 || x.placeWord(head, false) || x.k.CountryOf(head) != "" {
		return "", false
	}
	return c, true
}

// brandThenService reports whether a bare name whose words hold a
// service word opens with a brand-like word of its own ("Tintenfass
// Druck", "Zettelwerk Scan"): two or three words, the first a capitalised
// word of at least seven letters without a service word. A name that
// opens with the service ("Druck und Versand", "Hosting Provider") is a
// category.
func (x *extractor) brandThenService(name string) bool {
	f := strings.Fields(name)
	if len(f) < 2 || len(f) > 3 || utf8.RuneCountInString(f[0]) < 7 || x.serviceWords(f[0]) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(f[0])
	return unicode.IsUpper(r) && !strings.ContainsAny(f[0], "-.&+")
}

// reTownAfter is a town right after a company's name in a sentence:
// "aus Offenburg", "mit Sitz in Bad Oeynhausen", ", Hüllhorst,".
var reTownAfter = prefilter.MustCompile(`^\s*(?:,\s*|\s*\(|\s+(?:aus|in|mit Sitz in|mit Geschäftssitz in|based in|located in|of)\s+)(\p{Lu}[\p{L}.'-]+(?: (?:am|an der|im|ob der|\p{Lu}[\p{L}.'-]+)){0,2})(?:$|[\s,;:.()])`)

// townAfter returns the town named right after a company's name ("aus
// Offenburg", ", Hüllhorst,"): a listed city, or one to three capitalised
// words that read as a town (placeWord), not followed by a street number.
func (x *extractor) townAfter(rest string) string {
	m := reTownAfter.FindStringSubmatch(rest)
	if m == nil {
		return ""
	}
	town := strings.TrimRight(m[1], ".")
	if c := x.k.cityRe.FindStringSubmatch(town); c != nil && strings.TrimSpace(c[0]) == town {
		return town
	}
	first := strings.Fields(town)[0]
	if !x.placeWord(first, true) || !x.k.placeNameRe.MatchString(town) || x.k.CountryOf(town) != "" {
		return ""
	}
	// "Musterstraße 5": a street, not a town.
	after := strings.TrimLeft(rest[strings.Index(rest, m[1])+len(m[1]):], " ")
	if after != "" && after[0] >= '0' && after[0] <= '9' {
		return ""
	}
	return town
}

// reSubCopula is the subject of a sentence that names the sub-processors
// with a copula, up to the verb: "The sub-processors at the Commencement
// Date are", "Als Unterauftragnehmer sind", "Unterauftragsverarbeiter ist
// derzeit", "Die Unterverarbeiter zum Datum dieses Zusatzes sind" (a
// translated vendor DPA). A negation after the verb ("are not", "sind keine") does not
// match.
var reSubCopula = prefilter.MustCompile(`(?:sub-?processors?|sub-?contractors?|vendors|unterauftragsverarbeiter|unterauftragnehmer|unterverarbeiter|subunternehmer|weiteren? auftragsverarbeiter)\b[^.;:!?()\n]{0,50}?\b(?:are|is|sind|ist)\b`)

// rePronounCopula opens a sentence that names, with a copula, the
// sub-processors a sentence before it introduced: "They are", "These
// are", "They currently include".
var rePronounCopula = prefilter.MustCompile(`^(?:they|these|those) (?:are|include)\b`)

// reNegation opens the words after a copula that deny it: "are not",
// "sind keine".
var reNegation = prefilter.MustCompile(`^\s*(?:not|nicht|keine?|no|none|nie)\b`)

// reExampleCue ends the text before a company named as an example.
var reExampleCue = prefilter.MustCompile(`(?i)(?:z\.\s?b\.|zum beispiel|beispielsweise|e\.\s?g\.|for example|for instance)\s+(?:(?:die|der|dem|den|the|a|an|eine[rnm]?)\s+)?(?:\S+\s+){0,3}$`)

// subsSentenceBefore reports whether the sentence before sentence i, in
// the same paragraph, speaks of sub-processors without denying them
// ("Du erlaubst uns, Unterauftragsverarbeiter einzusetzen."; not "We do
// not use sub-processors.").
func (x *extractor) subsSentenceBefore(i int) bool {
	if i == 0 || x.in.Sentences[i-1].Block != x.in.Sentences[i].Block {
		return false
	}
	l := x.sentenceLower(i - 1)
	return x.k.isSub(l) && !x.k.notProc(l) && !reNoSubs.MatchString(l)
}

// reNoSubs is a denial in a sentence on sub-processors: "do not use",
// "setzen keine … ein", "nicht".
var reNoSubs = prefilter.MustCompile(`\b(?:not|no|never|keine[nmr]?|nicht|niemals)\b`)

// rePronounList opens a sentence that names, after a pronoun and its
// copula, the things of the sentence before: "Im Moment sind das",
// "Derzeit sind dies", "Das sind", "These are", "Currently they are".
var rePronounList = prefilter.MustCompile(`^(?:(?:im moment|derzeit|zurzeit|zur zeit|aktuell|momentan|gegenwärtig|currently|at present|today)\s+,?\s*)?(?:sind (?:das|dies|es)|(?:das|dies|diese) sind|(?:these|they|those) are)\b`)

// reSubTermDef opens a sentence that defines a term (group 1) by what
// follows it: a verb of definition or, in a list after "bedeuten:", the
// article of the defined thing ("b) „Zugelassene Subunternehmer“ die …").
var reSubTermDef = prefilter.MustCompile(`^[\s\w.()§]{0,12}?(?:„|"|“|”|‚|'|‘)([^"“”'‘’\n]{3,60})(?:“|”|"|'|‘|’)\s+(?:means|shall mean|refers to|bezeichnet|bedeutet|meint|ist|sind|die|der|den)\b`)

// subTermDefinition returns where the definition of a term for
// sub-processors ("„Genehmigte Unterauftragsverarbeiter“ bezeichnet …",
// "\"Approved Sub-processors\" means …") goes on after the term and its
// verb, or -1 for any other sentence ("„Kundendaten“ sind …").
func (x *extractor) subTermDefinition(s string) int {
	// (The term opens the sentence: a quote within its first bytes;
	// „“”‚‘ open with the byte 0xE2.)
	head := s[:min(len(s), 40)]
	if strings.IndexByte(head, 0xE2) < 0 && strings.IndexByte(head, '"') < 0 && strings.IndexByte(head, '\'') < 0 {
		return -1
	}
	m := reSubTermDef.FindStringSubmatchIndex(s[:min(len(s), 120)])
	if m == nil || len(strings.Fields(s[m[2]:m[3]])) < 2 || !x.k.isSub(strings.ToLower(s[m[2]:m[3]])) {
		// (A bare „Unterauftragsverarbeiter“ defines the word: the
		// companies in it are examples. A qualified term, „Genehmigte
		// Unterauftragsverarbeiter“, names the approved ones.)
		return -1
	}
	if f := strings.Fields(s[m[1]:]); len(f) > 0 && genericDefiners[strings.ToLower(f[0])] {
		// "… means any sub-processor listed …", "… ist jeder …".
		return -1
	}
	return m[1]
}

// reInlineEnum is a list run into a sentence after a colon, its items
// opened by labels ("(A) ", "(1) ", "a) ", "1) ") and parted by
// semicolons: the colon and the first label, and (reInlineEnumNext) a
// later label after a semicolon.
var (
	reInlineEnum     = prefilter.MustCompile(`:\s+(?:\([A-Za-z]\)|\(\d{1,2}\)|[a-z]\)|\d{1,2}\))\s+\p{Lu}`)
	reInlineEnumNext = prefilter.MustCompile(`;\s+(?:und\s+|and\s+)?(?:\([A-Za-z]\)|\(\d{1,2}\)|[a-z]\)|\d{1,2}\))\s+\p{Lu}`)
)

// inlineEnum returns where a labelled list run into a sentence starts
// (after its colon), or -1: "… umfasst sie: (A) X GmbH, Bremen; (B) Y
// AG, Bern". Two labelled items at least.
func inlineEnum(s string) int {
	c := strings.Index(s, ": ")
	if c < 0 || c+3 >= len(s) || s[c+2] != '(' && (s[c+3] != ')' || s[c+2] < '0' || s[c+2] > 'z') {
		// (A label right after the colon: "(A) ", "a) ", "1) ".)
		return -1
	}
	m := reInlineEnum.FindStringIndex(s[c:])
	if m == nil || m[0] != 0 || !reInlineEnumNext.MatchString(s[c+m[1]:]) {
		return -1
	}
	return c + 1
}

// branchRemarks name a company's site in a parenthesis after its name
// (lexicon: branch_remarks).
var branchRemarks = lexicon.Set("branch_remarks")

// genericDefiners open the definition of a kind (lexicon:
// generic_definers).
var genericDefiners = lexicon.Set("generic_definers")

// isDefinition reports whether a sentence opens with a defined term in
// quotes of at most 60 bytes.
func isDefinition(s string) bool {
	m := reDefinition.FindStringIndex(s[:min(len(s), 120)])
	return m != nil
}

// reParentCue ends the text before the parent or owner of a company:
// "a subsidiary of", "eine Tochtergesellschaft der", "eine Marke der".
var reParentCue = prefilter.MustCompile(`(?i)(?:subsidiary|affiliate|division|brand|part|member)\s+of\s+(?:the\s+)?$|(?:owned|operated)\s+by\s+(?:the\s+)?$|(?:tochter(?:gesellschaft|unternehmen)?|marke|konzerngesellschaft|teil)\s+(?:der|des|von)\s+$`)

// reDefinition opens a sentence that defines a term: "„Unterauftrags-
// verarbeiter“ ist …", "\"Sub-processor\" means …". Companies named in it
// are examples.
var reDefinition = prefilter.MustCompile(`^[\s\d.()§]{0,12}(?:„|"|“|”|‚|'|‘)[^"“”'‘’\n]+(?:“|”|"|'|‘|’)\s+(?:means|shall mean|refers to|bezeichnet|bedeutet|meint|ist|sind)\b`)

// capitalRun moves start, where a name found by walkBack begins, up to
// the run of capitalised words right before the legal form at at:
// "currently engages Google Cloud EMEA Limited" gives "Google Cloud
// EMEA". "&" and "+" join the words of a name.
func capitalRun(s string, start, at int) int {
	run := at
	i := at
	for i > start {
		j := i
		for j > start && s[j-1] == ' ' {
			j--
		}
		k := j
		for k > start && s[k-1] != ' ' {
			k--
		}
		if k == j {
			break
		}
		w := s[k:j]
		if run < at && romanceParticle[w] {
			// "Centros de Datos": the run goes on only to a capitalised
			// word before the particle.
			if p := capitalBefore(s, start, k); p >= 0 {
				run, i = p, p
				continue
			}
			break
		}
		r, _ := utf8.DecodeRuneInString(strings.TrimPrefix(w, "("))
		if !unicode.IsUpper(r) && !unicode.IsDigit(r) && w != "&" && w != "+" || w[0] == '(' && w[len(w)-1] != ')' {
			break
		}
		run = k
		i = k
	}
	// "Sage (UK) Limited": a place in parentheses inside the run, never
	// at its start.
	for run < at && s[run] == '(' {
		e := strings.IndexByte(s[run:at], ' ')
		if e < 0 {
			return at
		}
		run += e
		for run < at && s[run] == ' ' {
			run++
		}
	}
	return run
}

// romanceParticle holds the lower-case words inside Romance company
// names ("Centros de Datos", "Seguras del Duero").
var romanceParticle = lexicon.Set("romance_name_particles")

// capitalBefore returns where the word before offset k of s starts when
// it is a capitalised word without punctuation after it and starts at
// start or later, or -1.
func capitalBefore(s string, start, k int) int {
	j := k
	for j > start && s[j-1] == ' ' {
		j--
	}
	b := j
	for b > start && s[b-1] != ' ' {
		b--
	}
	if b == j || strings.ContainsAny(s[j-1:j], ",;:.()") {
		return -1
	}
	if r, _ := utf8.DecodeRuneInString(s[b:j]); !unicode.IsUpper(r) {
		return -1
	}
	return b
}

// lowerBrand returns where a name written in lower case starts that ends
// at at: one word of letters, digits, dots or hyphens right after an
// article ("die netcup GmbH", "the easyname GmbH"), or at when there is
// none.
func lowerBrand(s string, at int) int {
	j := at
	for j > 0 && s[j-1] == ' ' {
		j--
	}
	k := j
	for k > 0 && s[k-1] != ' ' {
		k--
	}
	if k == j || k == 0 {
		return at
	}
	if !lowerWord(s[k:j]) {
		return at
	}
	if k >= 2 && strings.IndexByte(",;:", s[k-2]) >= 0 && !lowerStop[strings.ToLower(s[k:j])] && !isArticle(s[k:j]) {
		// "IONOS SE (Montabaur), sipgate GmbH (Düsseldorf)": a brand in
		// lower case right after a list's separator.
		return k
	}
	a := strings.LastIndexByte(s[:k-1], ' ') + 1
	if isArticle(s[a : k-1]) {
		return k
	}
	// "der noris network AG": two words in lower case after the article.
	if a == 0 || !lowerWord(s[a:k-1]) || lowerStop[strings.ToLower(s[a:k-1])] || lowerStop[strings.ToLower(s[k:j])] {
		return at
	}
	b := strings.LastIndexByte(s[:a-1], ' ') + 1
	if isArticle(s[b : a-1]) {
		return a
	}
	return at
}

// lowerWord reports whether w is one word of letters, digits, dots or
// hyphens (a brand in lower case) that does not start with a capital.
func lowerWord(w string) bool {
	if w == "" {
		return false
	}
	for _, r := range w {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '.' && r != '-' {
			return false
		}
	}
	return true
}

// isArticle reports whether w is a definite article.
func isArticle(w string) bool {
	switch strings.ToLower(w) {
	case "die", "der", "den", "dem", "des", "the":
		return true
	}
	return false
}

// lowerStop holds lower-case words that stand between an article and a
// legal form without being a brand: "der oben genannten GmbH".
var lowerStop = lexicon.Set("legal_form_fillers")

// reNowNamed marks a sentence that names the companies engaged now:
// "derzeit", "zurzeit", "gegenwärtig", "currently", "at present", or a
// demonstrative copula ("sind dies", "handelt es sich um").
var reNowNamed = prefilter.MustCompile(`\b(?:derzeit|zurzeit|gegenwärtig|currently|at present)\b|\b(?:sind|ist) (?:dies|das)\b|\bhandelt es sich (?:\S+ )?um\b`)

// blockAboutSubs reports whether the paragraph or table row holding a
// sentence names sub-processors before it: "Unterauftragsverarbeiter | Der Kunde
// genehmigt … Derzeit eingesetzt werden: X SAS (…), Y B.V. (…)" names the
// companies in the sentence after the one that names sub-processors.
func (x *extractor) blockAboutSubs(sent segment.Sentence) bool {
	if sent.Block < 0 || sent.Block >= len(x.doc.Blocks) {
		return false
	}
	b := x.doc.Blocks[sent.Block]
	if b.End-b.Start > 1500 || sent.Start <= b.Start || sent.Start > b.End {
		return false
	}
	// Only the text before the sentence counts: a sentence that names
	// sub-processors after the company ("transferred to Acme, Inc. and
	// its Sub-Processors") is not read here.
	// The sentence must introduce an enumeration
	// ("Derzeit eingesetzt werden: …"), or name the ones engaged now
	// ("Derzeit sind dies die Firmen X GmbH und Y GmbH", "Für Interviews
	// setzt das Institut derzeit die X GmbH ein").
	if sent.End > len(x.lower) {
		return false
	}
	if sl := x.lower[sent.Start:sent.End]; !strings.Contains(sl, ": ") && !reNowNamed.MatchString(sl) && !rePronounCopula.MatchString(sl) {
		return false
	}
	return x.blockSubsBefore(sent)
}

// blockSubsBefore reports whether the paragraph or table row holding a
// sentence (at most 1,500 bytes) names sub-processors before it and does
// not say that its companies are no processors.
func (x *extractor) blockSubsBefore(sent segment.Sentence) bool {
	if sent.Block < 0 || sent.Block >= len(x.doc.Blocks) {
		return false
	}
	b := x.doc.Blocks[sent.Block]
	if b.End-b.Start > 1500 || sent.Start <= b.Start || sent.Start > b.End || b.End > len(x.lower) {
		return false
	}
	low := x.lower[b.Start:sent.Start]
	return x.k.isSub(low) && !x.k.notProc(x.lower[b.Start:b.End])
}

// providerInSubSection reports whether a sentence with a provider verb
// stands in a section on sub-processors whose paragraph does not say
// that there are none or that the company is none ("§ 8 Unterauftragnehmer
// … Die Fernwartung übernimmt die X GmbH"; not "Der Auftragnehmer setzt
// keine Unterauftragnehmer ein. Sämtliche Leistungen erbringt die X GmbH
// selbst").
func (x *extractor) providerInSubSection(sent segment.Sentence) bool {
	if !x.sentenceInSubSection(sent) || x.adviserSentence(sent) {
		return false
	}
	b := x.doc.Blocks[sent.Block]
	return b.End-b.Start <= 1500 && b.End <= len(x.lower) && !x.k.notProc(x.lower[b.Start:b.End])
}

// subParagraphCompany reports whether a sentence stands in a section on
// sub-processors, in a paragraph that names sub-processors before it and
// does not say its companies are none, calls no company an auditor or
// lawyer (adviserRoles), and names a company with a legal
// form followed by its town ("… bei der X GmbH in Regensburg", "… to X
// S.r.l. in Milan", "… die X KG aus Halle", "… X GmbH mit Sitz in
// Dresden").
func (x *extractor) subParagraphCompany(sent segment.Sentence) bool {
	if sent.End > len(x.lower) || !x.sentenceInSubSection(sent) || !x.blockSubsBefore(sent) {
		return false
	}
	if x.adviserSentence(sent) {
		return false
	}
	s := x.text[sent.Start:sent.End]
	for _, m := range x.k.legalRe.FindAllStringSubmatchIndex(s, -1) {
		if reTownAfterName.MatchString(s[m[3]:]) {
			return true
		}
	}
	return false
}

// adviserRoles name the processor's auditor, lawyer or certifier
// (lexicon: adviser_roles).
var adviserRoles = lexicon.List("adviser_roles")

// adviserNear reports whether a lower-cased stretch of text holds a word
// of adviserRoles.
func adviserNear(low string) bool {
	for _, r := range adviserRoles {
		if strings.Contains(low, r) {
			return true
		}
	}
	return false
}

// adviserSentence reports whether a sentence calls a company the
// processor's auditor, lawyer or certifier ("die Prüfung übernimmt die X
// GmbH Wirtschaftsprüfungsgesellschaft").
func (x *extractor) adviserSentence(sent segment.Sentence) bool {
	if sent.End > len(x.lower) || sent.Start < 0 {
		return false
	}
	return adviserNear(x.lower[sent.Start:sent.End])
}

// reTownAfterName is a town right after a company's name: " in Oslo",
// " aus Hameln", " mit Sitz in Dresden", ", based in Leeds", " in data
// centres in Vilnius", " in Rechenzentren in Frankfurt".
var reTownAfterName = prefilter.MustCompile(`^,?\s+(?:(?:mit [Ss]itz|based|headquartered|located|registered)\s+)?(?:in|aus|at)\s+(?:(?:\p{Ll}+\s+){1,3}in\s+)?\p{Lu}`)

// dashLine reports whether t reads "Name – service – place": two dashes
// between words, none at its start.
func dashLine(t string) bool {
	t = strings.TrimSpace(t)
	n := strings.Count(t, " – ") + strings.Count(t, " — ")
	return n >= 2 && !strings.HasPrefix(t, "–") && !strings.HasPrefix(t, "—")
}

// dashEntry reports whether t is a dashLine that may be an entry: no
// header row ("Leistung — Unterauftragsverarbeiter — Ort") and no line
// with a company (read as such, or "Hosting — X GmbH — Ort" with the
// service first).
func (x *extractor) dashEntry(t string) bool {
	return dashLine(t) && !x.k.isSub(prefilter.Lower(t)) && !x.hasLegalForm(t)
}

// dashBlock reports whether block j is a one-line dashEntry right beside
// block i: at most one blank line between them, as between the paragraphs
// a word processor's document gives for the lines of such a list.
func (x *extractor) dashBlock(i, j int) bool {
	bs := x.doc.Blocks
	if j < 0 || j >= len(bs) {
		return false
	}
	a, b := bs[min(i, j)], bs[max(i, j)]
	if strings.Count(x.text[a.End:b.Start], "\n") > 2 {
		return false
	}
	t := x.text[bs[j].Start:bs[j].End]
	if strings.Contains(t, "\n") {
		// The next paragraph's first line or the one before's last.
		if j < i {
			t = t[strings.LastIndex(t, "\n")+1:]
		} else {
			t = t[:strings.Index(t, "\n")]
		}
	}
	return x.dashEntry(t)
}

// dashLineRun reports whether block i, a one-line dashEntry, stands in a
// run of them (dashBlock before or after it).
func (x *extractor) dashLineRun(i int) bool {
	bs := x.doc.Blocks
	if !x.dashEntry(x.text[bs[i].Start:bs[i].End]) {
		return false
	}
	return x.dashBlock(i, i-1) || x.dashBlock(i, i+1)
}
