package document

import (
	"fmt"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// ParseHTML reads an HTML document. The visible text is laid out as
// Markdown-like lines (headings with "#", list items with "- ", table rows
// with "|" between cells), which become Document.Text, and then parsed like
// Markdown, so every offset refers to that extracted text.
func ParseHTML(path string, raw string) (*Document, error) {
	root, err := html.Parse(strings.NewReader(raw))
	if err != nil {
		return nil, fmt.Errorf("parse HTML: %w", err)
	}
	var w htmlWriter
	w.walk(root)
	text, err := Normalize([]byte(w.b.String()))
	if err != nil {
		return nil, err
	}
	return ParseText(path, "html", text), nil
}

type htmlWriter struct {
	b        strings.Builder
	inPre    bool
	rowCells []string
	cell     *strings.Builder
	// spans are the cells of rows above that span down into the coming
	// rows ("rowspan"), by column.
	spans map[int]rowSpan
}

// rowSpan is a cell that spans rows: its text and how many rows below
// the current one it still covers.
type rowSpan struct {
	text string
	left int
}

// fillSpans appends to the current row the cells that rows above span
// into it, up to the first column not so covered.
func (w *htmlWriter) fillSpans() {
	for {
		col := len(w.rowCells)
		sp, ok := w.spans[col]
		if !ok {
			return
		}
		w.rowCells = append(w.rowCells, sp.text)
		if sp.left--; sp.left <= 0 {
			delete(w.spans, col)
		} else {
			w.spans[col] = sp
		}
	}
}

// spanAttr reads a colspan or rowspan attribute: 1 when absent or not a
// number, at most max.
func spanAttr(n *html.Node, key string, max int) int {
	for _, a := range n.Attr {
		if a.Key != key {
			continue
		}
		v := 0
		for _, r := range strings.TrimSpace(a.Val) {
			if r < '0' || r > '9' {
				break
			}
			v = v*10 + int(r-'0')
			if v > max {
				return max
			}
		}
		if v < 1 {
			return 1
		}
		return v
	}
	return 1
}

// newline ends the current line unless it is already ended.
func (w *htmlWriter) newline(blank bool) {
	s := w.b.String()
	if s == "" {
		return
	}
	if !strings.HasSuffix(s, "\n") {
		w.b.WriteByte('\n')
	}
	if blank && !strings.HasSuffix(w.b.String(), "\n\n") {
		w.b.WriteByte('\n')
	}
}

func (w *htmlWriter) text(s string) {
	if w.cell != nil {
		w.cell.WriteString(s)
		return
	}
	if !w.inPre {
		s = strings.Join(strings.Fields(s), " ")
		if s == "" {
			return
		}
		cur := w.b.String()
		if cur != "" && !strings.HasSuffix(cur, "\n") && !strings.HasSuffix(cur, " ") {
			w.b.WriteByte(' ')
		}
	}
	w.b.WriteString(s)
}

func (w *htmlWriter) walk(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		w.text(n.Data)
		return
	case html.ElementNode:
		switch n.DataAtom {
		case atom.Script, atom.Style, atom.Head, atom.Template, atom.Noscript:
			return
		case atom.Br:
			if w.cell != nil {
				w.cell.WriteByte(' ')
			} else {
				w.newline(false)
			}
			return
		case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
			w.newline(true)
			w.b.WriteString(strings.Repeat("#", int(n.Data[1]-'0')) + " ")
			w.children(n)
			w.newline(true)
			return
		case atom.Li:
			w.newline(false)
			w.b.WriteString("- ")
			w.children(n)
			w.newline(false)
			return
		case atom.Tr:
			w.newline(false)
			w.rowCells = w.rowCells[:0]
			w.children(n)
			if len(w.spans) > 0 {
				// Cells spanned into the row after its own last cell; a
				// column the row skips keeps its span.
				w.fillSpans()
				for col := range w.spans {
					if col < len(w.rowCells) {
						continue
					}
					for len(w.rowCells) < col {
						w.rowCells = append(w.rowCells, "")
					}
					w.fillSpans()
				}
			}
			if len(w.rowCells) > 0 {
				w.b.WriteString("| " + strings.Join(w.rowCells, " | ") + " |")
			}
			w.newline(false)
			return
		case atom.Td, atom.Th:
			var c strings.Builder
			outer := w.cell
			w.cell = &c
			w.children(n)
			w.cell = outer
			cell := strings.Join(strings.Fields(strings.ReplaceAll(c.String(), "|", "/")), " ")
			if outer != nil {
				outer.WriteString(" " + cell)
				return
			}
			// A cell spanning columns stands in each of them, one
			// spanning rows in the rows below too: a reader of the text
			// sees every row with all its cells.
			w.fillSpans()
			cols, rows := spanAttr(n, "colspan", 20), spanAttr(n, "rowspan", 200)
			for k := 0; k < cols; k++ {
				if rows > 1 {
					if w.spans == nil {
						w.spans = map[int]rowSpan{}
					}
					w.spans[len(w.rowCells)] = rowSpan{text: cell, left: rows - 1}
				}
				w.rowCells = append(w.rowCells, cell)
			}
			return
		case atom.Table:
			w.newline(true)
			outerSpans := w.spans
			w.spans = nil
			w.children(n)
			w.spans = outerSpans
			w.newline(true)
			return
		case atom.Pre:
			w.newline(true)
			w.inPre = true
			w.children(n)
			w.inPre = false
			w.newline(true)
			return
		case atom.P, atom.Div, atom.Section, atom.Article, atom.Blockquote, atom.Ul, atom.Ol, atom.Dl, atom.Dt, atom.Dd, atom.Header, atom.Footer, atom.Main, atom.Aside, atom.Nav, atom.Address, atom.Hr:
			w.newline(true)
			w.children(n)
			w.newline(true)
			return
		}
	}
	w.children(n)
}

func (w *htmlWriter) children(n *html.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.walk(c)
	}
}
