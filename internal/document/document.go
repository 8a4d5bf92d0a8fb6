package document

// Kind says what a block is.
type Kind int

// Block kinds.
const (
	Paragraph Kind = iota
	Heading
	ListItem
	TableRow
	TableCell
)

// String returns the kind's lower-case name as used in JSON output.
func (k Kind) String() string {
	switch k {
	case Heading:
		return "heading"
	case ListItem:
		return "list-item"
	case TableRow:
		return "table-row"
	case TableCell:
		return "table-cell"
	default:
		return "paragraph"
	}
}

// Block is one structural unit of a document. Start and End are byte offsets
// into Document.Text; Text[Start:End] is the block's text without its clause
// label or list marker.
type Block struct {
	Kind Kind
	// Start and End delimit the block's text in Document.Text.
	Start, End int
	// Level is the heading level (1 = top) for headings and the nesting depth
	// for list items.
	Level int
	// Label is the visible clause number or list marker: "1.1", "§ 3",
	// "(2)", "a)", "lit. b", "Annex 1".
	Label string
	// Section is the label and title of the enclosing section heading, for
	// example "§ 5 Löschung"; empty before the first heading.
	Section string
	// Annex names the enclosing annex ("Anlage 1"), empty in the main body.
	Annex string
	// Row and Cell number table rows and cells (from 0) inside a table; -1
	// outside tables.
	Row, Cell int
}

// Document is a contract read into normalised text and structure.
type Document struct {
	// Path is the file the document came from.
	Path string
	// Format is the input format: "text", "markdown", "html", "pdf",
	// "docx", "odt".
	Format string
	// Text is the normalised UTF-8 text all offsets refer to.
	Text string
	// Blocks are the document's blocks in reading order.
	Blocks []Block
	// Pages holds the start offset of each page for paginated input (PDF);
	// empty otherwise.
	Pages []int
	// Notes are remarks of the reader for the report, e.g. which pages
	// were recognised by OCR and with what confidence.
	Notes []string
}

// BlockText returns the text of block i.
func (d *Document) BlockText(i int) string {
	b := d.Blocks[i]
	return d.Text[b.Start:b.End]
}

// SectionAt returns the section label of the block containing offset off,
// or "" when no block contains it.
func (d *Document) SectionAt(off int) string {
	lo, hi := 0, len(d.Blocks)
	for lo < hi {
		m := (lo + hi) / 2
		if d.Blocks[m].End <= off {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(d.Blocks) && d.Blocks[lo].Start <= off {
		return d.Blocks[lo].Section
	}
	return ""
}

// PageAt returns the 1-based page number of offset off, or 0 when the
// document has no pages.
func (d *Document) PageAt(off int) int {
	p := 0
	for i, start := range d.Pages {
		if start > off {
			break
		}
		p = i + 1
	}
	return p
}
