package input

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
)

// ODT reading: content.xml gives the body in reading order and automatic
// styles; styles.xml gives named paragraph styles, list styles and the
// outline (heading) numbering. List numbers are not stored in the text:
// they are reproduced from the list style's level definitions (format,
// prefix, suffix, displayed levels, start value).

// odtLevel is one level of a list style or of the outline style.
type odtLevel struct {
	bullet  bool
	format  string // WordprocessingML-style name for numberText
	prefix  string
	suffix  string
	display int
	start   int
}

// odtParaStyle is what the reader needs from a paragraph style.
type odtParaStyle struct {
	parent    string
	listStyle string
	outline   int
}

type odtReader struct {
	w          lineWriter
	paraStyles map[string]odtParaStyle
	listStyles map[string][]odtLevel
	outline    []odtLevel
	outlineCnt []int
	counters   map[string][]int
}

// parseODT reads an ODT file into Markdown-like lines.
func parseODT(raw []byte, opt Options) (string, error) {
	a, err := openArchive(raw, opt)
	if err != nil {
		return "", err
	}
	manifest, err := a.read("META-INF/manifest.xml", true)
	if err != nil {
		return "", err
	}
	if bytes.Contains(manifest, []byte("encryption-data")) {
		return "", ErrEncrypted
	}
	content, err := a.read("content.xml", false)
	if err != nil {
		return "", err
	}
	stylesXML, err := a.read("styles.xml", true)
	if err != nil {
		return "", err
	}
	r := &odtReader{paraStyles: map[string]odtParaStyle{}, listStyles: map[string][]odtLevel{}, counters: map[string][]int{}, outlineCnt: make([]int, 10)}
	if stylesXML != nil {
		root, err := parseXML(stylesXML)
		if err != nil {
			return "", fmt.Errorf("styles.xml: %w", err)
		}
		r.readStyles(root)
	}
	root, err := parseXML(content)
	if err != nil {
		return "", fmt.Errorf("content.xml: %w", err)
	}
	r.readStyles(root)
	body := root.path("body", "text")
	if body == nil {
		return "", fmt.Errorf("%w: content.xml has no text body", ErrMalformed)
	}
	r.blocks(body)
	return r.w.String(), nil
}

// readStyles collects paragraph, list and outline styles from the style
// containers of a styles.xml or content.xml root.
func (r *odtReader) readStyles(root *xnode) {
	for _, group := range root.kids {
		if group.name != "styles" && group.name != "automatic-styles" {
			continue
		}
		for _, s := range group.kids {
			switch s.name {
			case "style":
				if s.attr("family") != "paragraph" {
					continue
				}
				ps := odtParaStyle{parent: s.attr("parent-style-name"), listStyle: s.attr("list-style-name")}
				ps.outline, _ = strconv.Atoi(s.attr("default-outline-level"))
				r.paraStyles[s.attr("name")] = ps
			case "list-style":
				r.listStyles[s.attr("name")] = odtLevels(s)
			case "outline-style":
				r.outline = odtLevels(s)
			}
		}
	}
}

// odtLevels reads the level definitions of a list or outline style.
func odtLevels(s *xnode) []odtLevel {
	levels := make([]odtLevel, 10)
	for _, l := range s.kids {
		n, err := strconv.Atoi(l.attr("level"))
		if err != nil || n < 1 || n > 10 {
			continue
		}
		lv := odtLevel{display: 1, start: 1}
		switch l.name {
		case "list-level-style-bullet", "list-level-style-image":
			lv.bullet = true
		case "list-level-style-number", "outline-level-style":
			lv.format = odfFormat(l.attr("num-format"))
			lv.prefix = l.attr("num-prefix")
			lv.suffix = l.attr("num-suffix")
			if d, err := strconv.Atoi(l.attr("display-levels")); err == nil && d >= 1 {
				lv.display = d
			}
			if v, err := strconv.Atoi(l.attr("start-value")); err == nil {
				lv.start = v
			}
		default:
			continue
		}
		levels[n-1] = lv
	}
	return levels
}

// odfFormat maps an ODF num-format to a numberText format.
func odfFormat(f string) string {
	switch f {
	case "1":
		return "decimal"
	case "a":
		return "lowerLetter"
	case "A":
		return "upperLetter"
	case "i":
		return "lowerRoman"
	case "I":
		return "upperRoman"
	default:
		return "none"
	}
}

// label advances counter c at level (0-based) and formats the visible
// number.
func label(levels []odtLevel, c []int, level int, startAt int) string {
	if level < 0 || level >= len(levels) || level >= len(c) {
		return ""
	}
	lv := levels[level]
	if startAt > 0 {
		c[level] = startAt
	} else if c[level] < lv.start {
		c[level] = lv.start
	} else {
		c[level]++
	}
	for i := level + 1; i < len(c); i++ {
		c[i] = 0
	}
	if lv.bullet || lv.format == "none" || lv.format == "" {
		return ""
	}
	var parts []string
	for i := max(0, level-lv.display+1); i <= level; i++ {
		v := c[i]
		if v < levels[i].start {
			v = levels[i].start
		}
		f := levels[i].format
		if f == "none" || f == "" {
			f = "decimal"
		}
		parts = append(parts, numberText(v, f))
	}
	return lv.prefix + strings.Join(parts, ".") + lv.suffix
}

// paraStyle resolves a paragraph style with its parents.
func (r *odtReader) paraStyle(name string) odtParaStyle {
	st := r.paraStyles[name]
	for i, cur := 0, st; i < 10 && cur.parent != ""; i++ {
		cur = r.paraStyles[cur.parent]
		if st.listStyle == "" {
			st.listStyle = cur.listStyle
		}
		if st.outline == 0 {
			st.outline = cur.outline
		}
	}
	return st
}

// blocks walks block-level content.
func (r *odtReader) blocks(n *xnode) {
	for _, k := range n.kids {
		switch k.name {
		case "h":
			lvl, err := strconv.Atoi(k.attr("outline-level"))
			if err != nil || lvl < 1 {
				lvl = 1
			}
			lab := numberChild(k)
			if lab == "" && len(r.outline) > 0 {
				lab = label(r.outline, r.outlineCnt, min(lvl, 10)-1, 0)
			}
			r.w.heading(lvl, lab, odtText(k))
		case "p":
			if st := r.paraStyle(k.attr("style-name")); st.outline > 0 {
				r.w.heading(st.outline, "", odtText(k))
			} else {
				r.w.paragraph(odtText(k))
			}
		case "list":
			r.list(k, k.attr("style-name"), 0)
			r.w.endList()
		case "table":
			r.table(k)
		case "section", "text-content", "change-end", "change-start":
			r.blocks(k)
		}
	}
}

// numberChild returns the pre-rendered text:number of a heading or list
// paragraph, if the writer stored one.
func numberChild(n *xnode) string {
	if c := n.child("number"); c != nil {
		return strings.TrimSpace(odtText(c))
	}
	return ""
}

// list writes a text:list; depth is 0 for a top-level list.
func (r *odtReader) list(l *xnode, style string, depth int) {
	if s := l.attr("style-name"); s != "" {
		style = s
	}
	levels := r.listStyles[style]
	c := r.counters[style]
	if c == nil || depth == 0 && l.attr("continue-numbering") != "true" && l.attr("continue-list") == "" {
		c = make([]int, 10)
		r.counters[style] = c
	}
	for _, item := range l.kids {
		if item.name != "list-item" && item.name != "list-header" {
			continue
		}
		start, _ := strconv.Atoi(item.attr("start-value"))
		var texts []string
		var nested []*xnode
		heading := 0
		for _, k := range item.kids {
			switch k.name {
			case "p", "h":
				if len(nested) == 0 {
					texts = append(texts, odtText(k))
					if k.name == "h" && heading == 0 {
						heading, _ = strconv.Atoi(k.attr("outline-level"))
						heading = max(heading, 1)
					}
				} else {
					nested = append(nested, k)
				}
			case "list", "table":
				nested = append(nested, k)
			}
		}
		marker := ""
		if item.name == "list-item" && len(texts) > 0 {
			if levels != nil && depth < len(levels) {
				marker = label(levels, c, depth, start)
			}
			if m := numberChild(item.child("p")); m != "" {
				marker = m
			}
		}
		text := strings.Join(texts, " ")
		switch {
		case heading > 0:
			r.w.endList()
			r.w.heading(heading, marker, text)
		case item.name == "list-header":
			r.w.paragraph(text)
		default:
			r.w.item(depth+1, marker, text)
		}
		for _, k := range nested {
			switch k.name {
			case "list":
				r.list(k, style, depth+1)
			case "table":
				r.w.endList()
				r.table(k)
			default:
				r.w.item(depth+1, "", odtText(k))
			}
		}
	}
}

// table writes a table:table as rows of cells.
func (r *odtReader) table(t *xnode) {
	r.w.endList()
	var rows func(n *xnode)
	rows = func(n *xnode) {
		for _, k := range n.kids {
			switch k.name {
			case "table-row":
				var cells []string
				for _, c := range k.kids {
					if c.name == "table-cell" {
						cells = append(cells, odtText(c))
					}
				}
				r.w.row(cells)
			case "table-header-rows", "table-rows", "table-row-group":
				rows(k)
			}
		}
	}
	rows(t)
	r.w.endTable()
}

// odtText returns the visible text of an element, paragraphs inside it
// separated by spaces.
func odtText(n *xnode) string {
	var b strings.Builder
	odtTextTo(n, &b)
	return b.String()
}

func odtTextTo(n *xnode, b *strings.Builder) {
	for _, k := range n.kids {
		switch k.name {
		case "":
			b.WriteString(k.text)
		case "s":
			c, err := strconv.Atoi(k.attr("c"))
			if err != nil || c < 1 {
				c = 1
			}
			b.WriteString(strings.Repeat(" ", min(c, 100)))
		case "tab":
			b.WriteByte('\t') // kept: tab-aligned rows are tables
		case "line-break":
			b.WriteByte(' ')
		case "note", "annotation", "annotation-end", "tracked-changes", "number", "bookmark-ref", "sequence-decls", "deletion":
			// Notes, comments and stored numbers are not body text.
		case "p", "h":
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			odtTextTo(k, b)
		default:
			odtTextTo(k, b)
		}
	}
}
