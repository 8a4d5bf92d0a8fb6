package web

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strings"
)

// LetterPoint is one open point of a contract with the clause proposed to
// close it.
type LetterPoint struct {
	Title, Basis, Clause string
}

// Letter is a letter to a vendor asking for the contract's open points to
// be closed.
type Letter struct {
	Lang, Vendor, Contract string
	Points                 []LetterPoint
}

// lines returns the letter as paragraphs; a paragraph starting with "# "
// is a heading, "## " a subheading, "> " a proposed clause.
func (l Letter) lines() []string {
	var out []string
	de := l.Lang == "de"
	if de {
		out = append(out, "# Nachverhandlung des Auftragsverarbeitungsvertrags",
			"Sehr geehrte Damen und Herren,",
			fmt.Sprintf("bei der Prüfung unseres Auftragsverarbeitungsvertrags mit %s nach Art. 28 DSGVO sind die folgenden Punkte offen geblieben. Wir bitten Sie, den Vertrag um die vorgeschlagenen Regelungen zu ergänzen oder uns eine gleichwertige Formulierung vorzuschlagen.", l.Vendor))
	} else {
		out = append(out, "# Request to amend the data processing agreement",
			"Dear Sir or Madam,",
			fmt.Sprintf("our review of the data processing agreement with %s under Art. 28 GDPR left the following points open. Please add the proposed clauses to the agreement or propose equivalent wording.", l.Vendor))
	}
	for i, p := range l.Points {
		h := fmt.Sprintf("## %d. %s", i+1, p.Title)
		if p.Basis != "" {
			h += " (" + p.Basis + ")"
		}
		out = append(out, h)
		for _, para := range strings.Split(strings.TrimSpace(p.Clause), "\n") {
			if strings.TrimSpace(para) != "" {
				out = append(out, "> "+strings.TrimSpace(para))
			}
		}
	}
	if de {
		out = append(out, "Wir freuen uns auf Ihre Rückmeldung.", "Mit freundlichen Grüßen")
	} else {
		out = append(out, "We look forward to your reply.", "Kind regards")
	}
	return out
}

// Markdown writes the letter as Markdown.
func (l Letter) Markdown(w io.Writer) error {
	var b strings.Builder
	for _, line := range l.lines() {
		b.WriteString(line)
		b.WriteString("\n\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// DOCX writes the letter as a minimal Word document (WordprocessingML in a
// zip: content types, package relationships and the document part).
func (l Letter) DOCX(w io.Writer) error {
	var body bytes.Buffer
	for _, line := range l.lines() {
		text, style := line, ""
		switch {
		case strings.HasPrefix(line, "# "):
			text, style = line[2:], `<w:pPr><w:spacing w:after="240"/></w:pPr>`
			body.WriteString(`<w:p>` + style + `<w:r><w:rPr><w:b/><w:sz w:val="32"/></w:rPr><w:t xml:space="preserve">` + esc(text) + `</w:t></w:r></w:p>`)
			continue
		case strings.HasPrefix(line, "## "):
			body.WriteString(`<w:p><w:pPr><w:spacing w:before="240"/></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">` + esc(line[3:]) + `</w:t></w:r></w:p>`)
			continue
		case strings.HasPrefix(line, "> "):
			body.WriteString(`<w:p><w:pPr><w:ind w:left="567"/></w:pPr><w:r><w:rPr><w:i/></w:rPr><w:t xml:space="preserve">` + esc(line[2:]) + `</w:t></w:r></w:p>`)
			continue
		}
		body.WriteString(`<w:p><w:r><w:t xml:space="preserve">` + esc(text) + `</w:t></w:r></w:p>`)
	}
	z := zip.NewWriter(w)
	parts := []struct{ name, data string }{
		{"[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`},
		{"_rels/.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`},
		{"word/document.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` + body.String() + `<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1417" w:right="1417" w:bottom="1134" w:left="1417" w:header="708" w:footer="708" w:gutter="0"/></w:sectPr></w:body></w:document>`},
	}
	for _, p := range parts {
		f, err := z.Create(p.name)
		if err != nil {
			return fmt.Errorf("docx %s: %w", p.name, err)
		}
		if _, err := io.WriteString(f, p.data); err != nil {
			return fmt.Errorf("docx %s: %w", p.name, err)
		}
	}
	return z.Close()
}

func esc(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s))
	return b.String()
}
