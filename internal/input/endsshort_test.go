package input

import "testing"

// TestEndsShort checks when a line of a PDF text column is taken as ended
// on purpose, so that the next line starts a paragraph.
func TestEndsShort(t *testing.T) {
	line := func(text string, x0, x1 float64) pdfLine {
		return pdfLine{text: text, box: box{x0, 100, x1, 110}}
	}
	// A column from 72 to 520 with about 5 points a character.
	const left, right = 72.0, 520.0
	tests := []struct {
		name       string
		prev, next pdfLine
		want       bool
	}{
		{"heading before body", line("FIFTH. Subcontracting", 72, 180), line("THE PROCESSOR is authorised to subcontract with the company", 72, 372), true},
		{"list line before list line", line("Fjordmail AS – email delivery – Bergen", 72, 262), line("Pennant Payroll Software Limited – payroll", 72, 282), true},
		{"full line wrapped", line("The processor engages the following sub-processors for the services", 72, 515), line("described in the annex below", 72, 212), false},
		{"nearly full line before a short word", line("hosting, telephony and Zendesk,", 72, 470), line("Inc. (San Francisco, USA) for ticketing.", 72, 272), false},
		{"next word would not fit", line("short words here", 72, 400), line("Supercalifragilisticexpialidociousness and more", 72, 307), false},
		{"hyphenated word", line("Verarbei-", 72, 120), line("tung der Daten", 72, 142), false},
		{"no box", pdfLine{text: "x"}, line("Next", 72, 92), false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := endsShort(tc.prev, tc.next, left, right); got != tc.want {
				t.Errorf("endsShort(%q, %q) = %v, want %v", tc.prev.text, tc.next.text, got, tc.want)
			}
		})
	}
}

// TestColumnEdges checks that a block of short lines is measured against
// the full lines of its column, and not against a column beside it.
func TestColumnEdges(t *testing.T) {
	l := func(x0, x1 float64) pdfLine { return pdfLine{text: "x", box: box{x0, 0, x1, 10}} }
	list := pdfBlock{lines: []pdfLine{l(72, 200), l(72, 250)}}
	page := &pdfPage{blocks: []pdfBlock{{lines: []pdfLine{l(72, 290)}}, list, {lines: []pdfLine{l(310, 520)}}}}
	if left, right := columnEdges(page, list); left != 72 || right != 290 {
		t.Errorf("two columns: edges %v–%v, want 72–290", left, right)
	}
	page = &pdfPage{blocks: []pdfBlock{{lines: []pdfLine{l(72, 520)}}, list}}
	if left, right := columnEdges(page, list); left != 72 || right != 520 {
		t.Errorf("one column: edges %v–%v, want 72–520", left, right)
	}
}
