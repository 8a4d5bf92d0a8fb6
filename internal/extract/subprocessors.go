package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/art28/art28/internal/document"
	"github.com/art28/art28/internal/model"
	"github.com/art28/art28/internal/prefilter"
)

var (
	reSubWord    = prefilter.MustCompile(`(?i)unterauftrag|subunternehm|weitere(?:n|r)? auftragsverarbeiter|sub-?processor|sub-?contractor|subauftragsverarbeiter|nachunternehm|unterbeauftrag`)
	reNameHead   = prefilter.MustCompile(`(?i)^(?:name|firma|unternehmen|company|entity|anbieter|dienstleister|unterauftragnehmer|subunternehmer|sub-?processor|auftragsverarbeiter|empfänger|recipient|firma unterauftragnehmer|provider|vendor)`)
	reAddrHead   = prefilter.MustCompile(`(?i)anschrift|adresse|address|sitz|headquarter`)
	reCountryHd  = prefilter.MustCompile(`(?i)^(?:land|country|staat)$`)
	reServHead   = prefilter.MustCompile(`(?i)leistung|service|tätigkeit|zweck|purpose|beschreibung|description|gegenstand|verarbeitung|processing|aufgabe|funktion`)
	reLocHead    = prefilter.MustCompile(`(?i)standort|location|ort der (?:verarbeitung|leistung|datenverarbeitung)|verarbeitungsort|leistungsort|erbringungsort|land der verarbeitung|server|where`)
	reNumCell    = prefilter.MustCompile(`^\s*\d{1,3}\.?\s*$`)
	reAddrLabel  = prefilter.MustCompile(`(?i)^(?:adresse|anschrift|address|sitz|registered office)\s*:\s*(.+)$`)
	reServLabel  = prefilter.MustCompile(`(?i)^(?:beschreibung der teilleistung|beschreibung|leistung|tätigkeit|zweck|service|services|purpose|description|leistungsumfang|gegenstand)\s*:\s*(.+)$`)
	reLocLabel   = prefilter.MustCompile(`(?i)(?:serverstandort|standort der server|speicherort|verarbeitungsort|ort der verarbeitung|server location|processing location|location)\s*:\s*([^)\n;]+)`)
	reNameLabel  = prefilter.MustCompile(`(?i)^(?:name|firma|unternehmen|company|sub-?processor|unterauftragnehmer)\s*:\s*(.+)$`)
	reListMarker = prefilter.MustCompile(`^(?:[-•*·–]\s*|\d{1,3}[.)]\s+)+`)
	reURL        = prefilter.MustCompile(`https?://[^\s<>"')\]]+`)
	reLongProse  = prefilter.MustCompile(`(?i)\b(?:ist|sind|wird|werden|hat|haben|is|are|will|shall|has|have|darf|kann|may|must|muss)\b`)
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
	own := ""
	if p.Processor != nil {
		own = normName(p.Processor.Name)
	}
	subs, others := []model.Subprocessor{}, []model.Subprocessor{}
	seen := map[string]bool{}
	for _, e := range entries {
		n := normName(e.sp.Name)
		if n == "" || own != "" && n == own {
			continue
		}
		key := n + "|" + strings.ToLower(e.sp.City) + "|" + e.sp.Address
		if seen[key] {
			continue
		}
		seen[key] = true
		e.sp.Evidence = x.evidence(e.start, e.end)
		e.sp.ThirdCountry, e.sp.TransferMechanism = x.k.transfer(e.sp.Country, e.text.String())
		if e.other {
			others = append(others, e.sp)
		} else {
			subs = append(subs, e.sp)
		}
	}
	return subs, others, x.subprocessorURL()
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

type table struct {
	rows  [][]document.Block
	start int // block index of the first row
	end   int
}

func (x *extractor) tables() []table {
	var ts []table
	var cur *table
	for i, b := range x.doc.Blocks {
		switch b.Kind {
		case document.TableRow:
			if b.Row == 0 || cur == nil {
				ts = append(ts, table{start: i})
				cur = &ts[len(ts)-1]
			}
			cur.rows = append(cur.rows, nil)
			cur.end = i
		case document.TableCell:
			if cur != nil && len(cur.rows) > 0 {
				cur.rows[len(cur.rows)-1] = append(cur.rows[len(cur.rows)-1], b)
				cur.end = i
			}
		default:
			cur = nil
		}
	}
	return ts
}

// context returns the text before block index bi back to stop bytes or
// the previous table.
func (x *extractor) contextBefore(bi, prevEnd int) string {
	start := x.doc.Blocks[bi].Start
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
	for _, t := range x.tables() {
		ctx := x.contextBefore(t.start, prevEnd)
		b0 := x.doc.Blocks[t.start]
		prevEnd = x.doc.Blocks[t.end].End
		if len(t.rows) == 0 {
			continue
		}
		header := t.rows[0]
		nameCol, addrCol, servCol, locCol, ctryCol := -1, -1, -1, -1, -1
		isHeader := false
		headerSub := false
		for c, cell := range header {
			h := x.text[cell.Start:cell.End]
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
			if x.k.isSub(x.lower[cell.Start:cell.End]) {
				headerSub = true
			}
		}
		inSub := headerSub || x.k.isSub(prefilter.Lower(ctx)) || x.inSubContext(b0)
		if !inSub {
			continue
		}
		other := x.k.notProc(prefilter.Lower(lastParagraphs(ctx)))
		rows := t.rows
		if isHeader {
			rows = rows[1:]
		}
		for _, row := range rows {
			cells := make([]string, len(row))
			for i, c := range row {
				cells[i] = strings.TrimSpace(x.text[c.Start:c.End])
			}
			nc := nameCol
			if nc < 0 || nc >= len(cells) || reNumCell.MatchString(cells[nc]) {
				nc = x.guessNameCol(cells)
			}
			if nc < 0 {
				continue
			}
			name := cells[nc]
			if x.k.IsPlaceholder(name) || len(name) > 120 {
				continue
			}
			e := &spEntry{other: other, start: row[0].Start, end: row[len(row)-1].End}
			e.sp.Name = cleanName(name)
			rowText := x.text[e.start:e.end]
			e.text.WriteString(rowText)
			addr := ""
			// "Name GmbH, Straße 1, 12345 Ort" in one cell, or the name
			// and the address on lines of their own: "Name AG Straße 1,
			// 12345 Ort" once the cell's lines are joined.
			if _, le := x.k.legalForm(name); le > 0 && le < len(name) && (strings.HasPrefix(strings.TrimLeft(name[le:], " "), ",") || rePostcodeCity.MatchString(name[le:])) {
				e.sp.Name = cleanName(name[:le])
				addr = strings.Trim(name[le:], " ,;")
				x.fillAddress(&e.sp, addr)
				addrCol = -1
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
			out = append(out, e)
		}
	}
	return out
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

// cleanName trims list markers and trailing punctuation from a name.
func cleanName(s string) string {
	s = collapse(strings.ReplaceAll(s, "**", ""))
	s = reListMarker.Plain().ReplaceAllString(s, "")
	return strings.TrimRight(s, " ,;:")
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

// inSubContext reports whether a block stands in a section or annex about
// sub-processors.
func (x *extractor) inSubContext(b document.Block) bool {
	return x.subSection(b.Section) || x.subSection(b.Annex)
}

// subprocessorLists reads list items and short paragraphs in sections
// about sub-processors: "X GmbH, Straße 1, 12345 Ort: Leistung" or a name
// line followed by "Adresse:" and "Leistung:" lines.
func (x *extractor) subprocessorLists() []*spEntry {
	var out []*spEntry
	var cur *spEntry
	leadSub := false // a lead-in paragraph about sub-processors opened a list
	for i, b := range x.doc.Blocks {
		if b.Kind == document.Heading {
			low := x.lower[b.Start:b.End]
			leadSub = x.k.isSub(low) && !x.k.notProc(low)
			cur = nil
			continue
		}
		if b.Kind == document.TableRow || b.Kind == document.TableCell {
			cur = nil
			continue
		}
		if !x.inSubContext(b) && !leadSub {
			if b.Kind == document.Paragraph && b.End-b.Start < 300 && x.k.isSub(x.lower[b.Start:b.End]) {
				t := strings.TrimSpace(x.text[b.Start:b.End])
				leadSub = (strings.HasSuffix(t, ":") || len(t) < 80) && !x.k.notProc(x.lower[b.Start:b.End])
			}
			cur = nil
			continue
		}
		if b.Kind == document.Paragraph && x.k.notProc(x.lower[b.Start:b.End]) {
			// "Für die folgenden Dienstleister ist kein AV-Vertrag erforderlich:"
			leadSub = false
			cur = nil
			if !x.inSubContext(b) {
				continue
			}
		}
		// A paragraph may hold several soft-wrapped lines, one entry each.
		for _, ln := range splitLines(x.text[b.Start:b.End]) {
			ls, le := b.Start+ln.start, b.Start+ln.end
			if len(ln.text) > 400 {
				cur = nil
				continue
			}
			t := strings.ReplaceAll(ln.text, "**", "")
			if m := reAddrLabel.FindStringSubmatch(t); m != nil && cur != nil {
				x.fillAddress(&cur.sp, m[1])
				cur.end = le
				cur.text.WriteString(" " + t)
				continue
			}
			if m := reServLabel.FindStringSubmatch(t); m != nil && cur != nil {
				cur.sp.Service = collapse(m[1])
				cur.end = le
				cur.text.WriteString(" " + t)
				continue
			}
			if name, rest, ok := x.entityLine(t, i); ok {
				cur = &spEntry{start: ls, end: le, fromList: true}
				cur.sp.Name = name
				cur.text.WriteString(t)
				x.fillFromRest(&cur.sp, rest)
				out = append(out, cur)
				continue
			}
			if cur != nil && b.Kind == document.ListItem {
				cur.text.WriteString(" " + t)
				if m := reLocLabel.FindStringSubmatch(t); m != nil && cur.sp.Location == "" {
					cur.sp.Location = strings.TrimSpace(m[1])
				}
				continue
			}
			cur = nil
		}
	}
	return out
}

// entityLine decides whether a block starts a sub-processor entry and
// returns its name and the rest of the line.
func (x *extractor) entityLine(t string, bi int) (string, string, bool) {
	if m := reNameLabel.FindStringSubmatch(t); m != nil {
		name, rest := splitNameRest(x, m[1])
		return name, rest, name != ""
	}
	a, e := x.k.legalForm(t[:min(len(t), 100)])
	if a > 0 && a < 80 && strings.TrimSpace(t[:a]) != "" {
		prefix := t[:a]
		if reLongProse.MatchString(prefix) || x.walkBack(t, a) != 0 {
			return "", "", false
		}
		end := e
		// Keep a short parenthetical qualifier: "1&1 IONOS SE (Büro Berlin)".
		rest := t[end:]
		if r := strings.TrimLeft(rest, " "); strings.HasPrefix(r, "(") {
			if c := strings.IndexByte(r, ')'); c > 0 && c < 40 && !strings.Contains(strings.ToLower(r[:c]), "folgend") {
				end += len(rest) - len(r) + c + 1
			}
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

func splitNameRest(x *extractor, s string) (string, string) {
	if _, e := x.k.legalForm(s); e > 0 {
		return strings.TrimSpace(s[:e]), s[e:]
	}
	if i := strings.IndexAny(s, ",;"); i > 0 {
		return strings.TrimSpace(s[:i]), s[i:]
	}
	return strings.TrimSpace(s), ""
}

// fillFromRest reads "…, Street 1, 12345 City: Service (Serverstandort: X)".
func (x *extractor) fillFromRest(sp *model.Subprocessor, rest string) {
	rest = strings.TrimLeft(rest, " ,;–-")
	if rest == "" {
		return
	}
	if m := reLocLabel.FindStringSubmatch(rest); m != nil {
		sp.Location = strings.TrimSpace(m[1])
	}
	addr, serv := rest, ""
	if i := strings.Index(rest, ":"); i >= 0 {
		addr, serv = rest[:i], rest[i+1:]
	} else if i := strings.Index(rest, " – "); i >= 0 {
		addr, serv = rest[:i], rest[i+3:]
	}
	if rePostcodeCity.MatchString(addr) || x.k.countryRe.MatchString(addr) || x.k.cityRe.MatchString(addr) {
		x.fillAddress(sp, strings.TrimRight(addr, " ,;"))
	} else {
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

// subprocessorURL returns a link in a sentence about sub-processors.
func (x *extractor) subprocessorURL() string {
	for i := range x.in.Sentences {
		if !strings.Contains(x.sentenceLower(i), "http") {
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

var reEngageLow = prefilter.MustCompile(`einsetz|eingesetzt|setzt\b.*\bein\b|beauftragt|hinzugezogen|hinzuziehen|\bengag|\buses?\b|\bemploy|\bappoint|nimmt\b.*\bin anspruch`)

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
	cand := x.candidates("subprocessor_words")
	if cand != nil {
		cand.And(x.candidates("engagement_verbs"))
	}
	for i, sent := range x.in.Sentences {
		if !isCandidate(cand, i) || sent.Heading {
			continue
		}
		s := x.sentenceText(i)
		low := x.sentenceLower(i)
		if len(s) > 600 || !x.k.isSub(low) || !reEngageLow.MatchString(low) || x.k.notProc(low) {
			continue
		}
		for _, m := range x.k.legalRe.FindAllStringSubmatchIndex(s, -1) {
			start := x.walkBack(s, m[2])
			if start >= m[2] {
				continue
			}
			name := s[start:m[3]]
			if first, _ := utf8.DecodeRuneInString(name); !unicode.IsUpper(first) && !unicode.IsDigit(first) {
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
			if loc := rePostcodeCity.FindStringIndex(rest); loc != nil && loc[0] < 60 {
				x.fillAddress(&e.sp, strings.Trim(rest[:loc[1]], " ,;"))
				e.end = sent.Start + m[3] + loc[1]
			} else if c := x.k.countryRe.FindStringSubmatchIndex(rest); c != nil && c[2] < 40 {
				e.sp.Country = x.k.countryName[strings.ToLower(rest[c[2]:c[3]])]
			}
			out = append(out, e)
		}
	}
	return out
}
