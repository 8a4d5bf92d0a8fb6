package input

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"github.com/art28/art28/internal/analyze"
	"github.com/art28/art28/internal/catalog"
	"github.com/art28/art28/internal/corpustest"
	"github.com/art28/art28/internal/model"
)

var (
	reMDSep      = regexp.MustCompile(`^\|?\s*:?-{3,}`)
	reSpaceRun   = regexp.MustCompile(` {3,}`)
	reMDHeadMark = regexp.MustCompile(`^#{1,6} `)
)

// caseLines turns a case's text into the lines a word processor holds:
// headings without "#", table rows ("| a | b |", "a | b", columns set
// apart by runs of spaces) as cells joined by tabs.
func caseLines(text string) []string {
	var out []string
	for _, l := range strings.Split(text, "\n") {
		l = reMDHeadMark.ReplaceAllString(l, "")
		switch {
		case reMDSep.MatchString(l):
			continue
		case strings.Contains(l, " | ") || strings.HasPrefix(l, "|"):
			var cells []string
			for _, c := range strings.Split(strings.Trim(strings.TrimSpace(l), "|"), "|") {
				cells = append(cells, strings.TrimSpace(c))
			}
			l = strings.Join(cells, "\t")
		case reSpaceRun.MatchString(strings.TrimSpace(l)):
			l = reSpaceRun.ReplaceAllString(strings.TrimSpace(l), "\t")
		}
		out = append(out, l)
	}
	return out
}

// tableDOCX writes each line as a paragraph, and each run of lines with
// tabs as a w:tbl with one row per line.
func tableDOCX(lines []string) ([]byte, error) {
	var body strings.Builder
	for i := 0; i < len(lines); i++ {
		if !strings.Contains(lines[i], "\t") {
			fmt.Fprintf(&body, `<w:p><w:r><w:t xml:space="preserve">%s</w:t></w:r></w:p>`, xmlEscape(lines[i]))
			continue
		}
		body.WriteString("<w:tbl>")
		for ; i < len(lines) && strings.Contains(lines[i], "\t"); i++ {
			body.WriteString("<w:tr>")
			for _, c := range strings.Split(lines[i], "\t") {
				fmt.Fprintf(&body, `<w:tc><w:p><w:r><w:t xml:space="preserve">%s</w:t></w:r></w:p></w:tc>`, xmlEscape(c))
			}
			body.WriteString("</w:tr>")
		}
		i--
		body.WriteString("</w:tbl>")
	}
	return docxPackage(body.String())
}

// renderedGaps are the differences, by "format case" or case, that are
// logged rather than failed, each with the reason.
var renderedGaps = map[string]string{
	// hold27s (7 December 2026).
	"de-h27s-b1-zwei-spalten-umbruch":      "the text form's known gap (knownCaseGaps: a two-column layout whose left column wraps a company name over two lines beside a contacts or service column) in every rendered form: as table cells or tab-separated paragraphs the columns' lines are read one by one (branch hold27s)",
	"de-h27s-b2-zwei-spalten-umbruch-und":  "the text form's known gap (knownCaseGaps: a two-column layout whose left column wraps a company name over two lines beside a contacts or service column) in every rendered form: as table cells or tab-separated paragraphs the columns' lines are read one by one (branch hold27s)",
	"de-h27s-bn1-umbruch-leistung":         "the text form's known gap (knownCaseGaps: a two-column layout whose left column wraps a company name over two lines beside a contacts or service column) in every rendered form: as table cells or tab-separated paragraphs the columns' lines are read one by one (branch hold27s)",
	"de-h27s-bn2-umbruch-ansprechpartner":  "the text form's known gap (knownCaseGaps: a two-column layout whose left column wraps a company name over two lines beside a contacts or service column) in every rendered form: as table cells or tab-separated paragraphs the columns' lines are read one by one (branch hold27s)",
	"pdf en-h27s-a2-footnotes-superscript": "in the test PDF the second footnote (\"² Transactional e-mail: …\") is not read while the first is; the superscript mark or the line join of the test renderer, not traced (branch hold27s)",
	// hold31s (7 December 2026).
	"pdf de-h31s-09-pfeil-leistung-klammer": "arrow lines longer than the test PDF's line width (\"Leistung (Bemerkung) → X GmbH, Straße, PLZ Ort\") are wrapped by the renderer, so the company's name or legal form goes to a line of its own; not traced further (branch hold31s)",
	"pdf de-h31s-10-pfeil-rueckwaerts":      "arrow lines longer than the test PDF's line width are wrapped by the renderer (the second, longer line); not traced further (branch hold31s)",
	// subs28 (7 December 2026).
	"de-s28-09-zwei-spalten-umbruch":                 "a pdftotext -layout dump (columns set apart by runs of spaces) whose first column wraps a name onto the next line, rendered line by line: DOCX/ODT paragraphs and table cells and the test PDF do not keep the runs of spaces as columns, so the wrapped line is read as a row or a paragraph of its own and the rows after it are lost; the text form is the one such a dump gives (branch subs28)",
	"de-s28-10-zwei-spalten-umbruch-und":             "a pdftotext -layout dump (columns set apart by runs of spaces) whose first column wraps a name onto the next line, rendered line by line: DOCX/ODT paragraphs and table cells and the test PDF do not keep the runs of spaces as columns, so the wrapped line is read as a row or a paragraph of its own and the rows after it are lost; the text form is the one such a dump gives (branch subs28)",
	"de-s28-26-umbruch-name-rechtsform-zweite-zeile": "a pdftotext -layout dump (columns set apart by runs of spaces) whose first column wraps a name onto the next line, rendered line by line: DOCX/ODT paragraphs and table cells and the test PDF do not keep the runs of spaces as columns, so the wrapped line is read as a row or a paragraph of its own and the rows after it are lost; the text form is the one such a dump gives (branch subs28)",
	"de-s28-43-zwei-spalten-nummer-umbruch":          "a pdftotext -layout dump (columns set apart by runs of spaces) whose first column wraps a name onto the next line, rendered line by line: DOCX/ODT paragraphs and table cells and the test PDF do not keep the runs of spaces as columns, so the wrapped line is read as a row or a paragraph of its own and the rows after it are lost; the text form is the one such a dump gives (branch subs28)",
	"en-s28-04-wrapped-two-column":                   "a pdftotext -layout dump (columns set apart by runs of spaces) whose first column wraps a name onto the next line, rendered line by line: DOCX/ODT paragraphs and table cells and the test PDF do not keep the runs of spaces as columns, so the wrapped line is read as a row or a paragraph of its own and the rows after it are lost; the text form is the one such a dump gives (branch subs28)",
	"de-s28b-06-drei-zeilen-umbruch":                 "a pdftotext -layout dump (columns set apart by runs of spaces) whose first column wraps a name onto the next line, rendered line by line: DOCX/ODT paragraphs and table cells and the test PDF do not keep the runs of spaces as columns, so the wrapped line is read as a row or a paragraph of its own and the rows after it are lost; the text form is the one such a dump gives (branch subs28)",
	"de-s28-05-pfeil-bullets":                        "the text form's known gap (knownCaseGaps) in every rendered form (branch subs28)",
	"docx-table de-s28-15-seitenumbruch":             "the page line set apart by spaces (\"AV-Vertrag Version 2.3      Seite 6 von 8\") is written by the test renderer as a one-row table (DOCX) or as a line of the list (PDF); its first cell is read as a name and the entry after it is lost. A word processor keeps such a line in the page footer, outside the body; the text form is read (branch subs28)",
	"docx-table en-s28-08-page-break":                "the page line set apart by spaces (\"AV-Vertrag Version 2.3      Seite 6 von 8\") is written by the test renderer as a one-row table (DOCX) or as a line of the list (PDF); its first cell is read as a name and the entry after it is lost. A word processor keeps such a line in the page footer, outside the body; the text form is read (branch subs28)",
	"pdf de-s28-15-seitenumbruch":                    "in the test PDF the entry after the page line (\"… Seite 6 von 8\", \"Page 7 of 9\" on the same page as the list) is lost; the text form keeps the list open across that line, the PDF reader's handling of a single page line inside a page is not traced (branch subs28)",
	"pdf en-s28-08-page-break":                       "in the test PDF the entry after the page line (\"… Seite 6 von 8\", \"Page 7 of 9\" on the same page as the list) is lost; the text form keeps the list open across that line, the PDF reader's handling of a single page line inside a page is not traced (branch subs28)",
	"pdf de-s28-06-pfeil-ohne-bullet":                "the excerpt has no full-width line, so the test PDF measures its column by its longest list line and reads list lines of about that width without an item marker as wrapped lines of one paragraph (a contract's page has full lines, against which list lines end short); the text, DOCX and ODT forms are read (branch subs28)",
	"pdf de-s28-22-doppelpunkt-name-zuerst":          "the excerpt has no full-width line, so the test PDF measures its column by its longest list line and reads list lines of about that width without an item marker as wrapped lines of one paragraph (a contract's page has full lines, against which list lines end short); the text, DOCX and ODT forms are read (branch subs28)",
	"pdf de-s28-23-gedankenstrich-lang":              "the excerpt has no full-width line, so the test PDF measures its column by its longest list line and reads list lines of about that width without an item marker as wrapped lines of one paragraph (a contract's page has full lines, against which list lines end short); the text, DOCX and ODT forms are read (branch subs28)",
	"pdf de-s28-32-gleich-ohne-id":                   "the excerpt has no full-width line, so the test PDF measures its column by its longest list line and reads list lines of about that width without an item marker as wrapped lines of one paragraph (a contract's page has full lines, against which list lines end short); the text, DOCX and ODT forms are read (branch subs28)",
	"pdf de-s28-33-leistung-pfeil-name":              "the excerpt has no full-width line, so the test PDF measures its column by its longest list line and reads list lines of about that width without an item marker as wrapped lines of one paragraph (a contract's page has full lines, against which list lines end short); the text, DOCX and ODT forms are read (branch subs28)",
	"pdf de-s28-35-gross-name":                       "the excerpt has no full-width line, so the test PDF measures its column by its longest list line and reads list lines of about that width without an item marker as wrapped lines of one paragraph (a contract's page has full lines, against which list lines end short); the text, DOCX and ODT forms are read (branch subs28)",
	"pdf de-s28-41-mittelpunkt":                      "the excerpt has no full-width line, so the test PDF measures its column by its longest list line and reads list lines of about that width without an item marker as wrapped lines of one paragraph (a contract's page has full lines, against which list lines end short); the text, DOCX and ODT forms are read (branch subs28)",
	"pdf de-s28b-01-punktfuehrer":                    "the excerpt has no full-width line, so the test PDF measures its column by its longest list line and reads list lines of about that width without an item marker as wrapped lines of one paragraph (a contract's page has full lines, against which list lines end short); the text, DOCX and ODT forms are read (branch subs28)",
	"pdf de-s28b-02-schraegstriche":                  "the excerpt has no full-width line, so the test PDF measures its column by its longest list line and reads list lines of about that width without an item marker as wrapped lines of one paragraph (a contract's page has full lines, against which list lines end short); the text, DOCX and ODT forms are read (branch subs28)",
	"pdf en-s28b-01-dot-leaders":                     "the excerpt has no full-width line, so the test PDF measures its column by its longest list line and reads list lines of about that width without an item marker as wrapped lines of one paragraph (a contract's page has full lines, against which list lines end short); the text, DOCX and ODT forms are read (branch subs28)",
	"pdf en-s28b-02-slashes":                         "the excerpt has no full-width line, so the test PDF measures its column by its longest list line and reads list lines of about that width without an item marker as wrapped lines of one paragraph (a contract's page has full lines, against which list lines end short); the text, DOCX and ODT forms are read (branch subs28)",
	// subs27 (7 December 2026).
	"de-s27-05-layout-nr-unternehmen-anschrift-taetigkeit": "a pdftotext -layout dump (columns set apart by runs of spaces) rendered line by line: DOCX/ODT paragraphs and the test PDF do not keep the runs of spaces as columns, so the space-table rules (wrapped name cells, \"& Co. KG\" and service-first continuation rows, page lines inside the table) do not apply; the text form is the one such a dump gives (branch subs27)",
	"de-s27-06-layout-wrapped-names":                       "a pdftotext -layout dump (columns set apart by runs of spaces) rendered line by line: DOCX/ODT paragraphs and the test PDF do not keep the runs of spaces as columns, so the space-table rules (wrapped name cells, \"& Co. KG\" and service-first continuation rows, page lines inside the table) do not apply; the text form is the one such a dump gives (branch subs27)",
	"pdf de-s27-11-lit-zeilen":                             "the test PDF joins or breaks these list lines (lit./Roman/indented entries over the margin), so an entry is not read (branch subs27)",
	"pdf de-s27-12-lit-ohne-klammer-fn":                    "the test PDF joins or breaks these list lines (lit./Roman/indented entries over the margin), so an entry is not read (branch subs27)",
	"de-s27-13-roemisch-klein":                             "rendered, a German company with a town only (no postcode; \"X GmbH, Heilbronn\", \"| Koblenz |\") gets no country, as the pipeline gives none for such a town (the text form's extractor does); country only, the name is read (branch subs27)",
	"de-s27-16-grossbuchstaben-punkt":                      "rendered, a German company with a town only (no postcode; \"X GmbH, Heilbronn\", \"| Koblenz |\") gets no country, as the pipeline gives none for such a town (the text form's extractor does); country only, the name is read (branch subs27)",
	"de-s27-20-marke-ohne-rechtsform-in-liste":             "the text form's known gap (knownCaseGaps) in every rendered form (branch subs27)",
	"de-s27-24-zustimmung-gilt-als-erteilt":                "the text form's known gap (knownCaseGaps) in every rendered form (branch subs27)",
	"pdf de-s27-27-eingebunden":                            "the test PDF joins or breaks these list lines (lit./Roman/indented entries over the margin), so an entry is not read (branch subs27)",
	"de-s27-36-layout-anschrift-mehrzeilig":                "a pdftotext -layout dump (columns set apart by runs of spaces) rendered line by line: DOCX/ODT paragraphs and the test PDF do not keep the runs of spaces as columns, so the space-table rules (wrapped name cells, \"& Co. KG\" and service-first continuation rows, page lines inside the table) do not apply; the text form is the one such a dump gives (branch subs27)",
	"de-s27-40-ziffern-mit-leistung-vorn":                  "rendered, a German company with a town only (no postcode; \"X GmbH, Heilbronn\", \"| Koblenz |\") gets no country, as the pipeline gives none for such a town (the text form's extractor does); country only, the name is read (branch subs27)",
	"de-s27-45-layout-seitenumbruch-fusszeile":             "a pdftotext -layout dump (columns set apart by runs of spaces) rendered line by line: DOCX/ODT paragraphs and the test PDF do not keep the runs of spaces as columns, so the space-table rules (wrapped name cells, \"& Co. KG\" and service-first continuation rows, page lines inside the table) do not apply; the text form is the one such a dump gives (branch subs27)",
	"de-s27-48-bindestrich-namen-umlaute":                  "rendered, a German company with a town only (no postcode; \"X GmbH, Heilbronn\", \"| Koblenz |\") gets no country, as the pipeline gives none for such a town (the text form's extractor does); country only, the name is read (branch subs27)",
	"de-s27-49-gmbh-co-kg-spalten":                         "a pdftotext -layout dump (columns set apart by runs of spaces) rendered line by line: DOCX/ODT paragraphs and the test PDF do not keep the runs of spaces as columns, so the space-table rules (wrapped name cells, \"& Co. KG\" and service-first continuation rows, page lines inside the table) do not apply; the text form is the one such a dump gives (branch subs27)",
	"de-s27-50-stand-liste-mit-datum":                      "rendered, a German company with a town only (no postcode; \"X GmbH, Heilbronn\", \"| Koblenz |\") gets no country, as the pipeline gives none for such a town (the text form's extractor does); country only, the name is read (branch subs27)",
	"de-s27-53-doppelpunkt-liste-nach-ivm":                 "rendered, a German company with a town only (no postcode; \"X GmbH, Heilbronn\", \"| Koblenz |\") gets no country, as the pipeline gives none for such a town (the text form's extractor does); country only, the name is read (branch subs27)",
	"pdf de-s27-54-einrueckung-zwei-zeilen-je-firma":       "the test PDF joins or breaks these list lines (lit./Roman/indented entries over the margin), so an entry is not read (branch subs27)",
	"de-s27-55-mit-raute-nummern":                          "rendered, a German company with a town only (no postcode; \"X GmbH, Heilbronn\", \"| Koblenz |\") gets no country, as the pipeline gives none for such a town (the text form's extractor does); country only, the name is read (branch subs27); the test PDF also breaks an entry's line (branch subs27)",
	"de-s27-62-mehrere-pro-zeile-komma":                    "the text form's known gap (knownCaseGaps) in every rendered form (branch subs27)",
	"de-s27b-03-dienst-zuerst-gedankenstrich-liste":        "rendered, a German company with a town only (no postcode; \"X GmbH, Heilbronn\", \"| Koblenz |\") gets no country, as the pipeline gives none for such a town (the text form's extractor does); country only, the name is read (branch subs27)",
	"de-s27b-04-roemisch-gross-punkt":                      "rendered, a German company with a town only (no postcode; \"X GmbH, Heilbronn\", \"| Koblenz |\") gets no country, as the pipeline gives none for such a town (the text form's extractor does); country only, the name is read (branch subs27); the test PDF also breaks an entry's line (branch subs27)",
	"de-s27b-06-layout-vier-spalten":                       "a pdftotext -layout dump (columns set apart by runs of spaces) rendered line by line: DOCX/ODT paragraphs and the test PDF do not keep the runs of spaces as columns, so the space-table rules (wrapped name cells, \"& Co. KG\" and service-first continuation rows, page lines inside the table) do not apply; the text form is the one such a dump gives (branch subs27)",
	"de-s27b-07-layout-leistung-zuerst-umbruch-kg":         "a pdftotext -layout dump (columns set apart by runs of spaces) rendered line by line: DOCX/ODT paragraphs and the test PDF do not keep the runs of spaces as columns, so the space-table rules (wrapped name cells, \"& Co. KG\" and service-first continuation rows, page lines inside the table) do not apply; the text form is the one such a dump gives (branch subs27)",
	"de-s27b-12-tab-leistung-zuerst":                       "rendered, a German company with a town only (no postcode; \"X GmbH, Heilbronn\", \"| Koblenz |\") gets no country, as the pipeline gives none for such a town (the text form's extractor does); country only, the name is read (branch subs27)",
	// hold2xs2 (7 December 2026).
	"de-h2xs2-09-konzern-descriptor": "rendered, the Markdown table's name cell with \"(Konzerngesellschaft)\" gets no country from the town cell \"Hamburg\" (the text form does; branch hold2xs2)",
	"pdf de-h2xs2-01-lit-list":       "the test PDF joins the \"lit. c\" line that runs over the margin with the next, so the last entry is not read (branch hold2xs2)",
	"pdf en-h2xs2-03-roman-dot":      "the test PDF joins the indented Roman-numbered lines, so the second entry is not read (branch hold2xs2)",
	// subs22 (7 December 2026): the pdftotext -layout excerpts are a
	// text form; rendered again they lose their columns.
	"de-s22-02-layout-wrapped-name-cell":                 "a pdftotext -layout dump (columns set apart by runs of spaces) rendered line by line: DOCX/ODT paragraphs and the test PDF do not keep the runs of spaces as columns, so the space-table rules of branch subs22 (wrapped name cells, page and rule lines inside the table, address lines under the name) do not apply; the text form is the one such a dump gives (branch subs22)",
	"de-s22-03-layout-page-footer-header-inside":         "a pdftotext -layout dump (columns set apart by runs of spaces) rendered line by line: DOCX/ODT paragraphs and the test PDF do not keep the runs of spaces as columns, so the space-table rules of branch subs22 (wrapped name cells, page and rule lines inside the table, address lines under the name) do not apply; the text form is the one such a dump gives (branch subs22)",
	"de-s22-32-layout-only-name-and-service":             "a pdftotext -layout dump (columns set apart by runs of spaces) rendered line by line: DOCX/ODT paragraphs and the test PDF do not keep the runs of spaces as columns, so the space-table rules of branch subs22 (wrapped name cells, page and rule lines inside the table, address lines under the name) do not apply; the text form is the one such a dump gives (branch subs22)",
	"de-s22-50-layout-two-column-name-address-multiline": "a pdftotext -layout dump (columns set apart by runs of spaces) rendered line by line: DOCX/ODT paragraphs and the test PDF do not keep the runs of spaces as columns, so the space-table rules of branch subs22 (wrapped name cells, page and rule lines inside the table, address lines under the name) do not apply; the text form is the one such a dump gives (branch subs22)",
	"de-s22-52-layout-nr-wrapped-address-footer":         "a pdftotext -layout dump (columns set apart by runs of spaces) rendered line by line: DOCX/ODT paragraphs and the test PDF do not keep the runs of spaces as columns, so the space-table rules of branch subs22 (wrapped name cells, page and rule lines inside the table, address lines under the name) do not apply; the text form is the one such a dump gives (branch subs22)",
	"de-s22b-01-layout-lfd-nr-wrapped-name":              "a pdftotext -layout dump (columns set apart by runs of spaces) rendered line by line: DOCX/ODT paragraphs and the test PDF do not keep the runs of spaces as columns, so the space-table rules of branch subs22 (wrapped name cells, page and rule lines inside the table, address lines under the name) do not apply; the text form is the one such a dump gives (branch subs22)",
	"en-s22-01-layout-three-columns":                     "a pdftotext -layout dump (columns set apart by runs of spaces) rendered line by line: DOCX/ODT paragraphs and the test PDF do not keep the runs of spaces as columns, so the space-table rules of branch subs22 (wrapped name cells, page and rule lines inside the table, address lines under the name) do not apply; the text form is the one such a dump gives (branch subs22)",
	"en-s22b-01-layout-wrapped-name":                     "a pdftotext -layout dump (columns set apart by runs of spaces) rendered line by line: DOCX/ODT paragraphs and the test PDF do not keep the runs of spaces as columns, so the space-table rules of branch subs22 (wrapped name cells, page and rule lines inside the table, address lines under the name) do not apply; the text form is the one such a dump gives (branch subs22)",
	"de-s22c-01-layout-service-first-wrapped-company":    "a pdftotext -layout dump (columns set apart by runs of spaces) rendered line by line: DOCX/ODT paragraphs and the test PDF do not keep the runs of spaces as columns, so the space-table rules of branch subs22 (wrapped name cells, page and rule lines inside the table, address lines under the name) do not apply; the text form is the one such a dump gives (branch subs22)",
	"de-s22c-09-neg-examples-layout":                     "rendered as DOCX/ODT, the pdftotext -layout table of kinds of providers (\"Rechenzentrum | Rechenzentrumsbetreiber\") becomes a tab table whose first cells are read as bare names, as on main (the text form reads none; branch subs22)",
	"pdf de-s22c-06-tab-table-page-break":                "the test PDF loses the row before the page line of a tab table, as on main (branch subs22)",
	"de-s22-16-fa-list":                                  "a GmbH with a town only (\"Goslar\", \"Wernigerode\") gets DE from the extractor alone but no country through the pipeline, as on main without \"Fa.\" (branch subs22)",
	"pdf de-s22-53-sitz-inline-semicolon":                "the test PDF joins the two short \"Name; Sitz: …; Leistung: …\" lines, so the second is not read (branch subs22)",
	"pdf de-s22b-03-lettered-after-page-break":           "the test PDF joins the page line \"- 6 -\" to the lettered entry after it (branch subs22)",
	"en-h2xs-11-neg-these-are-offices":                   "in the pipeline (with its word index) a paragraph that says \"We do not use sub-processors.\" and then lists offices after \"These are\" has them read, as on main before branch hold2xs; the extractor alone (TestSubprocessorCases) does not read them",
	"en-h2xs-01-company-number-brackets":                 "a British postcode gives no country (\"Aberdeen AB11 5RT\"), as in TestSubprocessorCases (branch hold2xs)",
	"docx-tabs en-h2xs-07-grid-table-two-line-rows":      "a grid table (+----+ rules) as tab paragraphs: the first row's \"postcode town, country\" line is not joined to it, so its country is not read (branch hold2xs)",
	"odt-tabs en-h2xs-07-grid-table-two-line-rows":       "a grid table (+----+ rules) as tab paragraphs: the first row's \"postcode town, country\" line is not joined to it, so its country is not read (branch hold2xs)",
	"pdf en-h2xs-07-grid-table-two-line-rows":            "a grid table (+----+ rules) in the test PDF's font: the rules and pipes come out as columns, and no row is read (branch hold2xs)",
	"pdf en-h2xs-08-grid-table-name-wraps":               "a grid table (+----+ rules) in the test PDF's font: the rules and pipes come out as columns, and the first row is not read (branch hold2xs)",
	// hold18p (7 December 2026): the PDF reader joins the short dash lines
	// of the German excerpt (none reaches the margin) into one paragraph of
	// prose.
	"pdf de-h18p-s01-dash-lines-no-legal-form":              "the PDF reader joins short \"Name – service – country\" lines, none of which reaches the margin, into one paragraph, so the run of entries reads as one line",
	"en-s18b-03-tabs-wrapped-address":                       "the text form's known gap (internal/extract knownCaseGaps): a tab row continued on a line opening with a tab (a wrapped address cell) is not joined to its row",
	"pdf de-s18-06-key-value-name-zweck-ort":                "the PDF reader joins the short \"Ort:\" line to the \"Zweck:\" line above it (no full stop between), so the place is not read",
	"pdf en-s18-05-key-value-subprocessor-purpose-location": "the PDF reader joins the short \"Location:\" line to the \"Purpose:\" line above it, so the place is not read",
	"pdf en-s18-10-name-address-service-blocks":             "the PDF reader joins the first block's service line to its address line, and the second bare name is then not read as a block name",
	"en-r8-03-sub-operators-list":                           "the text form's known gap (internal/extract knownCaseGaps): a list entry with \"c/o\" between brand and company is not read",
	"en-r8-05-neg-sub-operators-none":                       "the text form's known gap (internal/extract knownCaseGaps): a company in a sentence forbidding sub-operators without consent is read",
	"en-r8-13-we-use-brand-names":                           "the text form's known gap (internal/extract knownCaseGaps): brand names without a legal form or parenthesis are not read",
	"r9-02-andere-firmen-bullets":                           "an excerpt too short for its language to be told is read as English, where a GmbH in a town the table does not list (Gießen) gets no country",
	"r9-03-externe-unternehmen-sentence":                    "the text form's known gap (internal/extract knownCaseGaps): one provider in a sentence without a list is not read",
	"pdf de-h2526s-01-grossbuchstaben-liste":                "the PDF reader's item starts (reItemStart) know \"(a)\" but not a capital \"(B)\", so the second entry is joined to the first line (the text reader knows both since branch hold2526x)",
	"de-h2526s-05-begriff-mit-namen":                        "the text form's known gap (internal/extract knownCaseGaps): sub-processors named only inside the definition of a defined term are not read (branch hold2526x)",
	"en-h2526s-06-defined-term-names":                       "the text form's known gap (internal/extract knownCaseGaps): sub-processors named only inside the definition of a defined term are not read (branch hold2526x)",
	"de-b02-dash-bullets":                                   "an excerpt too short for its language to be told is read as English, where a GmbH in a town the table does not list (Offenburg) gets no country",
	"pdf de13-template-rows":                                "the test PDF's WinAnsi font cannot show \"●\"",
	"pdf de-p18-02-kanzlei-bullet-brackets":                 "the test PDF's WinAnsi font cannot show \"●\"",
	"pdf de-p18a-09-annex-title-bracket":                    "the test PDF's WinAnsi font cannot show \"●\"",
	"pdf de-p18-26-kanzlei-option-and-blank":                "the test PDF's WinAnsi font cannot show \"●\"",
	"pdf de-p18-30-unchecked-boxes":                         "the test PDF's WinAnsi font cannot show \"☐\"",
	"pdf de19-odt-paragraph-rows":                           "the PDF reader reads rows set apart by empty lines as one table with a shifted column",
	"pdf de-r4-05-flags":                                    "the test PDF's WinAnsi font cannot show the flags",
	"pdf de-r4-18-placeholder-name":                         "the PDF reader joins the blank entry and the filled one into one paragraph: the blank entry's line fills over 80% of the column, so it is taken for wrapped prose",
	"pdf de-r6p-09-bitte-ergaenzen-bullet":                  "the test PDF's WinAnsi font cannot show \"●\"",
	"pdf en-r6p-13-bullet-processor":                        "the test PDF's WinAnsi font cannot show \"●\"",
	"docx-tabs de-r6-04-pdf-columns-wrapped":                "rendering a PDF column dump line by line makes a wrapped cell a paragraph of its own, which ends the table; a word processor keeps it in its cell",
	"docx-table de-r6-04-pdf-columns-wrapped":               "rendering a PDF column dump line by line makes a wrapped cell a paragraph of its own, which ends the table; a word processor keeps it in its cell",
	"pdf de-r6-04-pdf-columns-wrapped":                      "the PDF reader keeps a wrapped cell's second line as a paragraph of its own, which ends the table; the rows after it lose their titles",
	"docx-tabs de-x14-23-wrapped-name-space-table":          "rendering a space-aligned table line by line makes a wrapped name cell (\"Vorpommern GmbH\") a paragraph of its own, which ends the table; the row after it loses its titles (a word processor keeps the wrap in its cell; branch extract14)",
	"docx-table de-x14-23-wrapped-name-space-table":         "rendering a space-aligned table line by line makes a wrapped name cell (\"Vorpommern GmbH\") a paragraph of its own, which ends the table; the row after it loses its titles (a word processor keeps the wrap in its cell; branch extract14)",
	"odt-tabs de-x14-23-wrapped-name-space-table":           "rendering a space-aligned table line by line makes a wrapped name cell (\"Vorpommern GmbH\") a paragraph of its own, which ends the table; the row after it loses its titles (a word processor keeps the wrap in its cell; branch extract14)",
	"pdf de-x14-23-wrapped-name-space-table":                "the PDF reader keeps a wrapped name cell's second line (\"Vorpommern GmbH\") as a paragraph of its own, which ends the table; the row after it loses its titles (branch extract14)",
	"odt-tabs de-r6-04-pdf-columns-wrapped":                 "rendering a PDF column dump line by line makes a wrapped cell a paragraph of its own, which ends the table; a word processor keeps it in its cell",
	"docx-tabs en-r6-02-pdf-columns":                        "a row whose two columns the dump ran together has one tab fewer, and tab paragraphs of different widths are read as two tables, the second without its titles",
	"odt-tabs en-r6-02-pdf-columns":                         "a row whose two columns the dump ran together has one tab fewer, and tab paragraphs of different widths are read as two tables, the second without its titles",
	"docx-tabs de-r4-19-empty-cells-nr":                     "tab-separated rows cannot tell empty cells from tabs that align columns, so the service slides under the name column",
	"odt-tabs de-r4-19-empty-cells-nr":                      "tab-separated rows cannot tell empty cells from tabs that align columns, so the service slides under the name column",
	// extract12's PDF column dumps and blocks (7 December 2026): as
	// de-r6-04, a cell wrapped onto a second line of the dump becomes a
	// row or paragraph of its own when rendered line by line.
	"de-s12-04-pdf-rows-split-name":    "rendering a PDF column dump line by line makes the wrapped second line of a name (its legal form and the country) a row of its own, so the seat is not read with the name",
	"en-s12-05-pdf-rows-split-service": "rendering a PDF column dump line by line makes a wrapped service cell a row of its own, which ends the table before the second entry",
	// pdf13 (7 December 2026): the PDF reader ends a paragraph after a
	// line that the next line's first word would have fitted behind
	// (endsShort), measured against the widest line of the column. These
	// excerpts have no line that reaches the margin, so their own entry
	// lines are the widest and read as wrapped prose; with one full prose
	// line above them each is read (checked).
	"pdf de-s12-31-name-dash-service-indented-details": "no line of the excerpt reaches the margin and \"Plausible Insights OÜ — Reichweitenmessung\" is the widest, so the PDF reader joins the indented \"Sitz: Tartu, Estland\" line to it as wrapped prose and the seat is not read as the entry's place",
	"pdf en-px13-05-dash-lines-companies-we-use":       "no line of the excerpt reaches the margin and the dash lines are the widest, so the PDF reader joins the three \"name – service – place\" lines into one paragraph",
	"pdf en-px13-06-dash-lines-question-heading":       "no line of the excerpt reaches the margin and the dash lines are the widest, so the PDF reader joins the two \"name — service — place\" lines into one paragraph",
	"pdf en-px13-07-hyphen-lines-suppliers":            "no line of the excerpt reaches the margin and the hyphen lines are the widest, so the PDF reader joins the two \"name - service - place\" lines into one paragraph",
	// subs20 (7 December 2026): what the test PDF's table reader and font
	// make of the new layouts; the text, DOCX and ODT forms read them.
	"docx-tabs de-s20-10-tabs-wrapped-service-cell":  "the DOCX reader drops the tabs of a paragraph holding one cell (an indented line is no row), so a wrapped cell's second line (\"Sicherungskopien\") is a paragraph that ends the table; the rows after it lose their titles (the DOCX table form keeps it in its cell)",
	"odt-tabs de-s20-10-tabs-wrapped-service-cell":   "the ODT reader drops the tabs of a paragraph holding one cell (an indented line is no row), so a wrapped cell's second line is a paragraph that ends the table; the rows after it lose their titles",
	"pdf de-s20-01-checkbox-ticked":                  "the test PDF's WinAnsi font cannot show \"☒\" and \"☐\"",
	"pdf en-s20-01-checkbox-ticked":                  "the test PDF's WinAnsi font cannot show \"☒\" and \"☐\"",
	"pdf de-s20b-01-ticked-service-first":            "the test PDF's WinAnsi font cannot show \"☑\" and \"☐\"",
	"pdf de-s20-24-docx-bracket-checkboxes":          "no line of the excerpt reaches the margin, so the PDF reader joins the three \"[x] …\" lines into one paragraph",
	"pdf de-s20-09-tabs-merged-name-cell-two-sites":  "the PDF table reader joins the row under the empty name cell into the row above (\"Produktivsystem Ausweichrechenzentrum\"), so the second site is no entry of its own",
	"pdf en-s20-07-tabs-merged-name-cell-two-sites":  "the PDF table reader joins the row under the empty name cell into the row above, so the second site is no entry of its own",
	"pdf de-s20-21-pdf-space-columns-page-footer":    "the PDF table reader ends the table at the page line; the row after it becomes one heading per cell",
	"pdf en-s20-16-pdf-space-columns-page-footer":    "the PDF table reader ends the table at the page line; the row after it becomes one heading per cell",
	"pdf en-s20-08-tabs-header-page-one-footer":      "the PDF table reader ends the table at the page line; the row after it becomes one block per cell",
	"pdf de-s20b-05-pipes-page-line-between":         "the PDF table reader ends the table at the page line; the row after it becomes one block per cell",
	"pdf de-s20-25-key-value-tab-aligned":            "the PDF table reader joins each company's label cells into one cell (\"Unterauftragnehmer: Sitz: Tätigkeit:\") and its values into another, so which value is the name is not known; the first is read by its legal form",
	"pdf en-s20-15-key-value-tab-aligned":            "the PDF table reader joins each company's label cells into one cell and its values into another, so which value is the name is not known; the first is read by its legal form",
	"pdf de-s20b-02-key-value-table-firma-blank-row": "the PDF table reader joins each company's label cells into one cell (\"Firma: Anschrift: Leistung:\") and its values into another, so which value is the name is not known",
	"pdf en-s20b-03-company-country-purpose-tabs":    "the PDF table reader joins each company's label cells into one cell and its values into another, so which value is the name is not known",
}

// TestSubprocessorCasesRendered renders the sub-processor excerpts of
// internal/extract/testdata/subs as word processors hold them (DOCX and
// ODT paragraphs with tab characters, DOCX tables, a PDF with columns on
// tab stops) and scores the sub-processors found in each format.
func TestSubprocessorCasesRendered(t *testing.T) {
	cases, err := corpustest.ReadCases(filepath.Join("..", "extract", "testdata", "subs"))
	if err != nil {
		t.Fatal(err)
	}
	a := analyze.New(catalog.Default())
	dir := t.TempDir()
	formats := []struct {
		ext, name string
		render    func([]string) ([]byte, error)
	}{{".docx", "docx-tabs", plainDOCX}, {".docx", "docx-table", tableDOCX}, {".odt", "odt-tabs", plainODT}, {".pdf", "pdf", plainPDF}}
	for _, fm := range formats {
		if fm.ext == ".pdf" {
			if _, err := os.Stat("/usr/bin/pdftotext"); err != nil {
				requirePoppler(t)
			}
		}
		var total corpustest.Score
		phN, phHit := 0, 0
		for _, c := range cases {
			if c.Format == "html" {
				continue
			}
			data, err := fm.render(caseLines(c.Text))
			if err != nil {
				t.Fatal(err)
			}
			path := filepath.Join(dir, c.Name+fm.ext)
			if err := os.WriteFile(path, data, 0o644); err != nil {
				t.Fatal(err)
			}
			doc, raw, err := Read(path, Options{})
			if err != nil && fm.ext == ".pdf" && letterCount(c.Text) < 50 {
				// A page with fewer than 50 letters is read as a scan
				// (pdfDocument, ErrNoTextLayer, or OCR where Tesseract is
				// installed): a few-line excerpt has no PDF form.
				t.Logf("%s %s: too short for a PDF text layer, skipped", fm.name, c.Name)
				continue
			}
			if err != nil {
				t.Fatal(err)
			}
			res := a.Analyze(doc, raw, analyze.Options{})
			var got [][2]string
			for _, s := range res.Subprocessors {
				got = append(got, [2]string{s.Name, s.Country})
				if corpustest.PlaceholderName.MatchString(s.Name) {
					t.Errorf("%s %s: placeholder %q read as a sub-processor", fm.name, c.Name, s.Name)
				}
			}
			sc := corpustest.Match(c.Subs, got)
			gap := renderedGaps[fm.name+" "+c.Name]
			if gap == "" {
				gap = renderedGaps[c.Name]
			}
			for _, e := range sc.Errors {
				if gap != "" {
					t.Logf("known gap, %s: %s %s: %s", gap, fm.name, c.Name, e)
					continue
				}
				t.Errorf("%s %s: %s", fm.name, c.Name, e)
			}
			total.Add(sc)
			for _, ph := range c.Placeholders {
				if strings.Trim(ph, "| ") == "" && fm.name != "docx-table" {
					// A row of empty cells survives only as a table row.
					continue
				}
				phN++
				switch {
				case placeholderReported(doc.Text, ph, res):
					phHit++
				case gap != "":
					t.Logf("known gap, %s: %s %s: placeholder %q not reported", gap, fm.name, c.Name, ph)
				default:
					t.Errorf("%s %s: placeholder %q not reported", fm.name, c.Name, ph)
				}
			}
		}
		t.Logf("%s: %s; placeholders %d/%d", fm.name, total, phHit, phN)
	}
}

// placeholderReported reports whether a template finding cites the line
// holding placeholder ph (a row of empty cells is any such row).
func placeholderReported(text, ph string, res *model.Result) bool {
	at := strings.Index(text, ph)
	if at < 0 && strings.Contains(ph, " | ") {
		// "| … | … | Telefonsupport |" as caseLines renders the row.
		at = strings.Index(text, strings.Join(caseLines(ph), ""))
	}
	if strings.Trim(ph, "| ") == "" {
		at = -1
		for off := 0; off < len(text); {
			le := strings.IndexByte(text[off:], '\n')
			if le < 0 {
				le = len(text) - off
			}
			if l := text[off : off+le]; strings.Count(l, "|") >= 3 && strings.Trim(l, "| \t") == "" {
				at = off
				break
			}
			off += le + 1
		}
	}
	if at < 0 {
		return false
	}
	return corpustest.TemplateCitesLine(text, at, res.Findings)
}

// letterCount counts the letters of s.
func letterCount(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n
}
