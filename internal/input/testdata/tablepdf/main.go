// Command tablepdf writes a PDF whose sub-processor table is laid out the
// way word processors export tables without ruled lines reported (cells
// top-aligned, no cell padding, space after each cell paragraph), and the
// same contract as plain text with tab-separated rows. The outputs are
// committed to testdata/rendered; CI does not run this.
//
//	go run ./internal/input/testdata/tablepdf internal/input/testdata/rendered/table-wordstyle
package main

import (
	"fmt"
	"os"
	"strings"

	"github.com/art28/art28/internal/minipdf"
)

// item is text placed on a page: top-left position in points from the top
// of the page, font size, bold.
type item struct {
	x, top, size float64
	bold         bool
	text         string
}

const (
	pageW, pageH = 595.0, 842.0
	left         = 60.0
	leading      = 1.2 // line pitch in font sizes
	after        = 8.0 // space after a paragraph, also in table cells
)

type page struct {
	items []item
	y     float64
}

func (p *page) line(x, size float64, bold bool, text string) {
	p.items = append(p.items, item{x, p.y, size, bold, text})
	p.y += size * leading
}

// para writes pre-broken lines and the space after.
func (p *page) para(x float64, lines ...string) {
	for _, l := range lines {
		p.line(x, 10, false, l)
	}
	p.y += after
}

// row writes a table row of cells (each a list of lines) at column
// positions xs, top-aligned.
func (p *page) row(xs []float64, bold bool, cells ...[]string) {
	top, most := p.y, 0
	for c, cell := range cells {
		for k, l := range cell {
			p.items = append(p.items, item{xs[c], top + float64(k)*10*leading, 10, bold, l})
		}
		most = max(most, len(cell))
	}
	p.y = top + float64(most)*10*leading + after
}

func cell(lines ...string) []string { return lines }

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: tablepdf OUTPUT-BASE")
		os.Exit(2)
	}
	var txt strings.Builder
	p1 := &page{y: 60}
	p1.line(left, 16, true, "Data Processing Agreement")
	txt.WriteString("# Data Processing Agreement\n\n")
	p1.y += after
	intro := []string{
		"This Data Processing Agreement (DPA) is entered into between the Customer (the Controller)",
		"and ACME Software GmbH (the Processor) and governs the processing of personal data by the",
		"Processor on behalf of the Controller under Article 28 of Regulation (EU) 2016/679.",
	}
	p1.para(left, intro...)
	txt.WriteString(strings.Join(intro, " ") + "\n\n")
	p1.line(left, 12, true, "1. Sub-processors")
	txt.WriteString("## 1. Sub-processors\n\n")
	p1.y += after
	lead := []string{
		"The Controller gives its general authorisation to engage sub-processors. The Processor",
		"currently engages the following sub-processors:",
	}
	p1.para(left, lead...)
	txt.WriteString(strings.Join(lead, " ") + "\n\n")
	xs := []float64{left + 5.4, 195.4, 345.4, 470.4}
	rows := [][][]string{
		{cell("Name"), cell("Address"), cell("Service"), cell("Location")},
		{cell("Amazon Web Services", "EMEA SARL"), cell("38 Avenue John F.", "Kennedy, 1855", "Luxembourg"), cell("Cloud hosting"), cell("Ireland")},
		{cell("Mailgun Technologies,", "Inc."), cell("112 E Pecan St, San", "Antonio, TX 78205, USA"), cell("E-mail delivery"), cell("USA")},
		{cell("Zendesk, Inc."), cell("989 Market Street, San", "Francisco, CA 94103, USA"), cell("Customer support", "ticketing"), cell("USA")},
		{cell("Hetzner Online GmbH"), cell("Industriestr. 25, 91710", "Gunzenhausen, Germany"), cell("Backup storage"), cell("Germany")},
	}
	for k, r := range rows {
		p1.row(xs, k == 0, r...)
		var cs []string
		for _, c := range r {
			cs = append(cs, strings.Join(c, " "))
		}
		txt.WriteString(strings.Join(cs, "\t") + "\n")
	}
	txt.WriteString("\n")
	p1.y += 4
	after1 := []string{
		"The Processor shall inform the Controller of any intended changes concerning the addition",
		"or replacement of sub-processors at least 30 days in advance, thereby giving the Controller",
		"the opportunity to object to such changes.",
	}
	p1.para(left, after1...)
	txt.WriteString(strings.Join(after1, " ") + "\n\n")
	p1.line(left, 12, true, "2. Obligations of the Processor")
	txt.WriteString("## 2. Obligations of the Processor\n\n")
	p1.y += after
	list := [][]string{
		{"1.", "The Processor processes personal data only on documented instructions from the", "Controller, including with regard to transfers to a third country."},
		{"2.", "The Processor ensures that persons authorised to process the personal data have", "committed themselves to confidentiality."},
		{"3.", "The Processor takes all measures required pursuant to Article 32 GDPR."},
	}
	for _, it := range list {
		top := p1.y
		p1.items = append(p1.items, item{left, top, 10, false, it[0]})
		p1.para(left+22, it[1:]...)
		txt.WriteString(it[0] + " " + strings.Join(it[1:], " ") + "\n\n")
	}
	p1.items = append(p1.items, item{left, 800, 8, false, "ACME Software GmbH - Data Processing Agreement"}, item{480, 800, 8, false, "Page 1 of 1"})

	if err := os.WriteFile(os.Args[1]+".pdf", pdf([]*page{p1}), 0o644); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	if err := os.WriteFile(os.Args[1]+".txt", []byte(txt.String()), 0o644); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

// pdf writes the pages with package minipdf.
func pdf(pages []*page) []byte {
	out := make([]minipdf.Page, len(pages))
	for i, p := range pages {
		for _, it := range p.items {
			out[i].Items = append(out[i].Items, minipdf.Item{X: it.x, Top: it.top, Size: it.size, Bold: it.bold, Text: it.text})
		}
	}
	return minipdf.Write(out)
}
