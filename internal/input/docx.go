package input

import (
	"fmt"
	"strconv"
	"strings"
)

// DOCX reading: word/document.xml gives the body in reading order;
// word/styles.xml says which paragraph styles are headings (outline level)
// and which carry numbering; word/numbering.xml defines the visible numbers.
// Headers, footers, footnotes and comments live in other parts and are not
// read, so they never enter the body text.

// docxLevel is one level of a numbering definition.
type docxLevel struct {
	start  int
	format string // decimal, lowerLetter, bullet, ...
	text   string // "%1.", "%1.%2", "%2)"
}

// docxNumbering holds the numbering definitions and the running counters.
type docxNumbering struct {
	abstract map[string]map[int]docxLevel // abstractNumId → ilvl → level
	nums     map[string]string            // numId → abstractNumId
	starts   map[string]map[int]int       // numId → ilvl → start override
	counters map[string][]int             // abstractNumId → counter per level
	used     map[string]bool              // numIds seen so far
}

func newDocxNumbering(root *xnode) *docxNumbering {
	n := &docxNumbering{abstract: map[string]map[int]docxLevel{}, nums: map[string]string{}, starts: map[string]map[int]int{}, counters: map[string][]int{}, used: map[string]bool{}}
	if root == nil {
		return n
	}
	for _, k := range root.kids {
		switch k.name {
		case "abstractNum":
			levels := map[int]docxLevel{}
			for _, l := range k.kids {
				if l.name != "lvl" {
					continue
				}
				il, _ := strconv.Atoi(l.attr("ilvl"))
				lv := docxLevel{start: 1, format: "decimal"}
				if s := l.child("start"); s != nil {
					lv.start, _ = strconv.Atoi(s.attr("val"))
				}
				if f := l.child("numFmt"); f != nil {
					lv.format = f.attr("val")
				}
				if t := l.child("lvlText"); t != nil {
					lv.text = t.attr("val")
				}
				levels[il] = lv
			}
			n.abstract[k.attr("abstractNumId")] = levels
		case "num":
			id := k.attr("numId")
			if a := k.child("abstractNumId"); a != nil {
				n.nums[id] = a.attr("val")
			}
			for _, o := range k.kids {
				if o.name != "lvlOverride" {
					continue
				}
				if so := o.child("startOverride"); so != nil {
					il, _ := strconv.Atoi(o.attr("ilvl"))
					v, _ := strconv.Atoi(so.attr("val"))
					if n.starts[id] == nil {
						n.starts[id] = map[int]int{}
					}
					n.starts[id][il] = v
				}
			}
		}
	}
	return n
}

// next advances the counter of numId at level ilvl and returns the visible
// label ("2.", "a)", "1.3") and whether the level is a bullet.
func (n *docxNumbering) next(numID string, ilvl int) (label string, bullet bool) {
	if numID == "" || numID == "0" || ilvl < 0 || ilvl > 8 {
		return "", false
	}
	levels := n.abstract[n.nums[numID]]
	if levels == nil {
		return "", false
	}
	// Word counts per abstract numbering: paragraphs of different num
	// instances sharing one abstractNum continue one sequence, unless a
	// num instance overrides the start value, which restarts it when the
	// instance is first used.
	abs := n.nums[numID]
	c := n.counters[abs]
	if c == nil {
		c = make([]int, 9)
		for i := range c {
			c[i] = n.startOf(numID, levels, i) - 1
		}
		n.counters[abs] = c
	} else if !n.used[numID] && len(n.starts[numID]) > 0 {
		for i := range c {
			if _, ok := n.starts[numID][i]; ok {
				c[i] = n.startOf(numID, levels, i) - 1
			}
		}
	}
	n.used[numID] = true
	c[ilvl]++
	for i := ilvl + 1; i < 9; i++ {
		c[i] = n.startOf(numID, levels, i) - 1
	}
	lv := levels[ilvl]
	if lv.format == "bullet" {
		return "", true
	}
	if lv.format == "none" {
		return strings.TrimSpace(stripPlaceholders(lv.text)), false
	}
	var b strings.Builder
	t := lv.text
	for i := 0; i < len(t); i++ {
		if t[i] == '%' && i+1 < len(t) && t[i+1] >= '1' && t[i+1] <= '9' {
			l := int(t[i+1] - '1')
			v := c[l]
			if l != ilvl && v < levels[l].start {
				v = levels[l].start
			}
			if l == ilvl {
				b.WriteString(numberText(v, lv.format))
			} else {
				b.WriteString(numberText(v, levels[l].format))
			}
			i++
			continue
		}
		b.WriteByte(t[i])
	}
	return strings.TrimSpace(b.String()), false
}

func (n *docxNumbering) startOf(numID string, levels map[int]docxLevel, il int) int {
	if s, ok := n.starts[numID][il]; ok {
		return s
	}
	if lv, ok := levels[il]; ok {
		return lv.start
	}
	return 1
}

func stripPlaceholders(s string) string {
	for i := 1; i <= 9; i++ {
		s = strings.ReplaceAll(s, "%"+strconv.Itoa(i), "")
	}
	return s
}

// docxStyle is what the reader needs from a paragraph style.
type docxStyle struct {
	basedOn string
	outline int // 1-based heading level, 0 = none
	numID   string
	ilvl    int
	hasNum  bool
}

// docxReader walks the body.
type docxReader struct {
	w      lineWriter
	styles map[string]docxStyle
	num    *docxNumbering
	inList bool
}

// parseDOCX reads a DOCX file into Markdown-like lines.
func parseDOCX(raw []byte, opt Options) (string, error) {
	a, err := openArchive(raw, opt)
	if err != nil {
		return "", err
	}
	if a.has("EncryptedPackage") || a.has("EncryptionInfo") {
		return "", ErrEncrypted
	}
	docXML, err := a.read("word/document.xml", false)
	if err != nil {
		return "", err
	}
	stylesXML, err := a.read("word/styles.xml", true)
	if err != nil {
		return "", err
	}
	numXML, err := a.read("word/numbering.xml", true)
	if err != nil {
		return "", err
	}
	r := &docxReader{styles: map[string]docxStyle{}}
	if stylesXML != nil {
		root, err := parseXML(stylesXML)
		if err != nil {
			return "", fmt.Errorf("word/styles.xml: %w", err)
		}
		r.readStyles(root)
	}
	var numRoot *xnode
	if numXML != nil {
		numRoot, err = parseXML(numXML)
		if err != nil {
			return "", fmt.Errorf("word/numbering.xml: %w", err)
		}
	}
	r.num = newDocxNumbering(numRoot)
	root, err := parseXML(docXML)
	if err != nil {
		return "", fmt.Errorf("word/document.xml: %w", err)
	}
	body := root.child("body")
	if body == nil {
		return "", fmt.Errorf("%w: word/document.xml has no body", ErrMalformed)
	}
	r.blocks(body)
	return r.w.String(), nil
}

func (r *docxReader) readStyles(root *xnode) {
	for _, s := range root.kids {
		if s.name != "style" || s.attr("type") != "paragraph" {
			continue
		}
		st := docxStyle{ilvl: 0}
		if b := s.child("basedOn"); b != nil {
			st.basedOn = b.attr("val")
		}
		ppr := s.child("pPr")
		if o := ppr.child("outlineLvl"); o != nil {
			v, err := strconv.Atoi(o.attr("val"))
			if err == nil && v >= 0 && v < 9 {
				st.outline = v + 1
			}
		}
		if name := s.child("name"); name != nil && st.outline == 0 {
			nm := strings.ToLower(name.attr("val"))
			if strings.HasPrefix(nm, "heading ") {
				if v, err := strconv.Atoi(strings.TrimPrefix(nm, "heading ")); err == nil && v >= 1 && v <= 9 {
					st.outline = v
				}
			} else if nm == "title" {
				st.outline = 1
			}
		}
		if np := ppr.child("numPr"); np != nil {
			st.hasNum = true
			if id := np.child("numId"); id != nil {
				st.numID = id.attr("val")
			}
			if il := np.child("ilvl"); il != nil {
				st.ilvl, _ = strconv.Atoi(il.attr("val"))
			}
		}
		r.styles[s.attr("styleId")] = st
	}
}

// style resolves a style with its basedOn chain.
func (r *docxReader) style(id string) docxStyle {
	st := r.styles[id]
	for i, cur := 0, st; i < 10 && cur.basedOn != ""; i++ {
		cur = r.styles[cur.basedOn]
		if st.outline == 0 {
			st.outline = cur.outline
		}
		if !st.hasNum && cur.hasNum {
			st.hasNum, st.numID, st.ilvl = true, cur.numID, cur.ilvl
		}
	}
	return st
}

// blocks walks block-level content: paragraphs, tables and containers.
func (r *docxReader) blocks(n *xnode) {
	for _, k := range n.kids {
		switch k.name {
		case "p":
			r.paragraph(k)
		case "tbl":
			r.endList()
			r.table(k)
		case "sdt":
			if c := k.child("sdtContent"); c != nil {
				r.blocks(c)
			}
		case "customXml", "smartTag", "ins", "moveTo":
			r.blocks(k)
		}
	}
}

func (r *docxReader) endList() {
	if r.inList {
		r.w.endList()
		r.inList = false
	}
}

// paragraph writes one w:p as heading, list item or paragraph.
func (r *docxReader) paragraph(p *xnode) {
	ppr := p.child("pPr")
	st := r.style(ppr.child("pStyle").attrOr("val"))
	outline := st.outline
	if o := ppr.child("outlineLvl"); o != nil {
		if v, err := strconv.Atoi(o.attr("val")); err == nil && v >= 0 && v < 9 {
			outline = v + 1
		}
	}
	numID, ilvl, hasNum := st.numID, st.ilvl, st.hasNum
	if np := ppr.child("numPr"); np != nil {
		hasNum = true
		if id := np.child("numId"); id != nil {
			numID = id.attr("val")
		}
		if il := np.child("ilvl"); il != nil {
			ilvl, _ = strconv.Atoi(il.attr("val"))
		}
	}
	var b strings.Builder
	runText(p, &b)
	text := b.String()
	label, bullet := "", false
	if hasNum {
		label, bullet = r.num.next(numID, ilvl)
	}
	if strings.TrimSpace(text) == "" {
		return
	}
	switch {
	case outline > 0:
		r.endList()
		r.w.heading(outline, label, text)
	case hasNum && (label != "" || bullet):
		r.inList = true
		r.w.item(ilvl+1, label, text)
	default:
		r.endList()
		if label != "" {
			text = label + " " + text
		}
		r.w.paragraph(text)
	}
}

// attrOr is attr on a possibly nil node.
func (n *xnode) attrOr(local string) string {
	if n == nil {
		return ""
	}
	return n.attr(local)
}

// runText appends the visible text of a paragraph's runs.
func runText(n *xnode, b *strings.Builder) {
	for _, k := range n.kids {
		switch k.name {
		case "t":
			for _, t := range k.kids {
				b.WriteString(t.text)
			}
		case "tab", "ptab":
			b.WriteByte('\t') // kept: tab-aligned rows are tables
		case "br", "cr":
			b.WriteByte(' ')
		case "noBreakHyphen":
			b.WriteByte('-')
		case "sym":
			if c, err := strconv.ParseUint(k.attr("char"), 16, 32); err == nil && c >= 0x20 && c < 0xF000 {
				b.WriteRune(rune(c))
			}
		case "del", "moveFrom", "delText", "instrText", "pPr", "rPr", "footnoteReference", "endnoteReference", "commentReference", "drawing", "pict", "object", "fldData":
			// Deleted text, field codes and formatting carry no body text.
		case "":
		default:
			runText(k, b)
		}
	}
}

// table writes a w:tbl as rows of cells; nested tables are flattened into
// their cell.
func (r *docxReader) table(t *xnode) {
	for _, tr := range t.kids {
		if tr.name != "tr" {
			continue
		}
		var cells []string
		for _, tc := range tr.kids {
			if tc.name == "sdt" {
				if c := tc.child("sdtContent"); c != nil {
					tc = c.child("tc")
				}
			}
			if tc == nil || tc.name != "tc" {
				continue
			}
			var b strings.Builder
			cellText(tc, &b)
			cells = append(cells, b.String())
		}
		r.w.row(cells)
	}
	r.w.endTable()
}

// cellText collects the paragraphs of a cell, including nested tables,
// numbering included.
func cellText(n *xnode, b *strings.Builder) {
	for _, k := range n.kids {
		switch k.name {
		case "p":
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			runText(k, b)
		case "tbl", "tr", "tc", "sdt", "sdtContent":
			cellText(k, b)
		}
	}
}
