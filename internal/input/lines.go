package input

import (
	"strings"
)

// lineWriter lays out the text of a structured document (DOCX, ODT) as
// Markdown-like lines: headings with "#", list items with "- " and their
// reproduced number, table rows with "|" between cells, paragraphs separated
// by blank lines. The result is parsed by document.ParseText, so every
// offset refers to this extracted text, as for HTML input.
type lineWriter struct {
	b strings.Builder
	// rows counts the rows written of the current table.
	rows int
}

// clean folds white space, so a block stays on one line.
func clean(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// cleanTabs is clean for a paragraph that may be a tab-aligned table row:
// tabs between words stay, one per gap, for the document parser to judge.
func cleanTabs(s string) string {
	if !strings.Contains(s, "\t") {
		return clean(s)
	}
	var parts []string
	lead := 0 // empty cells before the first filled one
	for _, p := range strings.Split(s, "\t") {
		if p = clean(p); p != "" {
			parts = append(parts, p)
		} else if len(parts) == 0 {
			lead++
		}
	}
	if lead > 0 && len(parts) >= 2 {
		// "<tab>Ausweichrechenzentrum<tab>Hannover": a row whose first
		// cell is empty (a name cell merged over two rows) keeps it, so
		// that its cells stay under their columns. (An indented line of
		// one cell is no row.)
		return strings.Repeat("\t", min(lead, 8)) + strings.Join(parts, "\t")
	}
	return strings.Join(parts, "\t")
}

// paragraph writes a paragraph block.
func (w *lineWriter) paragraph(text string) {
	text = cleanTabs(text)
	if text == "" {
		return
	}
	// Keep prose from being read as a table row.
	if strings.HasPrefix(text, "|") {
		text = strings.ReplaceAll(text, "|", "/")
	}
	w.b.WriteString(text)
	w.b.WriteString("\n\n")
}

// heading writes a heading of level 1..6 with its optional number label.
func (w *lineWriter) heading(level int, label, text string) {
	text = clean(text)
	if text == "" && label == "" {
		return
	}
	level = max(1, min(level, 6))
	w.b.WriteString(strings.Repeat("#", level))
	w.b.WriteByte(' ')
	if label != "" {
		w.b.WriteString(label)
		w.b.WriteByte(' ')
	}
	w.b.WriteString(text)
	w.b.WriteString("\n\n")
}

// item writes a list item at nesting level 1.. with its visible marker
// ("1.", "a)"), or a bullet when marker is empty. A numbered item is written
// the way it reads, "1. text", as its own paragraph, so the text parser
// treats it exactly like the same clause in a plain-text contract (a short
// numbered title becomes a heading, "a)" a list item); bullets become
// "- " items.
func (w *lineWriter) item(level int, marker, text string) {
	text = clean(text)
	if text == "" {
		return
	}
	level = max(1, min(level, 9))
	if marker != "" {
		w.endList()
		w.b.WriteString(marker)
		w.b.WriteByte(' ')
		w.b.WriteString(text)
		w.b.WriteString("\n\n")
		return
	}
	w.b.WriteString(strings.Repeat("  ", level-1))
	w.b.WriteString("- ")
	w.b.WriteString(text)
	w.b.WriteString("\n")
}

// endList ends a run of list items.
func (w *lineWriter) endList() {
	s := w.b.String()
	if s != "" && !strings.HasSuffix(s, "\n\n") {
		w.b.WriteByte('\n')
	}
}

// row writes one table row.
func (w *lineWriter) row(cells []string) {
	any := false
	for i, c := range cells {
		cells[i] = strings.ReplaceAll(clean(c), "|", "/")
		if cells[i] != "" {
			any = true
		}
	}
	if !any && (w.rows == 0 || len(cells) < 2) {
		// An empty row is kept only under a written row: cells left for
		// entries under a header ("|  |  |  |", "|  |  |"), an unfilled
		// blank of the template when the header asks for entries (the
		// findings tell it from a signature table's empty row).
		return
	}
	w.rows++
	w.b.WriteString("| ")
	w.b.WriteString(strings.Join(cells, " | "))
	w.b.WriteString(" |\n")
}

// endTable ends a table.
func (w *lineWriter) endTable() {
	w.rows = 0
	w.endList()
}

func (w *lineWriter) String() string { return w.b.String() }
