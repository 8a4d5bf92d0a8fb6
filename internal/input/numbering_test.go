package input

import (
	"strings"
	"testing"
)

// TestDOCXNumbering reproduces visible list numbers from numbering.xml:
// decimal and letter levels, multi-level text, bullets, headings from
// styles, a start override, and a table.
func TestDOCXNumbering(t *testing.T) {
	styles := `<w:styles xmlns:w="w"><w:style w:type="paragraph" w:styleId="H1"><w:name w:val="heading 1"/></w:style><w:style w:type="paragraph" w:styleId="Clause"><w:basedOn w:val="H1"/></w:style></w:styles>`
	numbering := `<w:numbering xmlns:w="w">
<w:abstractNum w:abstractNumId="0">
 <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
 <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%2)"/></w:lvl>
 <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%3"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl></w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="7"/></w:lvlOverride></w:num>
</w:numbering>`
	p := func(num, lvl, text string) string {
		return `<w:p><w:pPr><w:numPr><w:ilvl w:val="` + lvl + `"/><w:numId w:val="` + num + `"/></w:numPr></w:pPr><w:r><w:t>` + text + `</w:t></w:r></w:p>`
	}
	body := `<w:document xmlns:w="w"><w:body>` +
		`<w:p><w:pPr><w:pStyle w:val="Clause"/></w:pPr><w:r><w:t>Gegenstand</w:t></w:r></w:p>` +
		p("1", "0", "Der Auftragnehmer verarbeitet Daten.") +
		p("1", "1", "Kundendaten;") +
		p("1", "1", "Mitarbeiterdaten.") +
		p("1", "0", "Die Dauer richtet sich nach dem Hauptvertrag.") +
		p("1", "2", "Unterpunkt mit Nummer.") +
		p("2", "0", "Ein Aufzählungspunkt") +
		p("3", "0", "Neu ab sieben.") +
		`<w:tbl><w:tr><w:tc><w:p><w:r><w:t>IONOS SE</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Deutschland</w:t></w:r></w:p></w:tc></w:tr></w:tbl>` +
		`</w:body></w:document>`
	raw := zipWith(t, map[string][]byte{"word/document.xml": []byte(body), "word/styles.xml": []byte(styles), "word/numbering.xml": []byte(numbering)})
	doc, err := ParseOptions("n.docx", "docx", raw, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"# Gegenstand", "1. Der Auftragnehmer", "a) Kundendaten;", "b) Mitarbeiterdaten.", "2. Die Dauer", "2.1 Unterpunkt", "- Ein Aufzählungspunkt", "7. Neu ab sieben.", "| IONOS SE | Deutschland |"} {
		if !strings.Contains(doc.Text, want) {
			t.Errorf("text lacks %q:\n%s", want, doc.Text)
		}
	}
	labels := map[string]bool{}
	for _, b := range doc.Blocks {
		labels[b.Label] = true
	}
	for _, l := range []string{"1.", "a)", "b)", "2.", "2.1", "7."} {
		if !labels[l] {
			t.Errorf("no block labelled %q", l)
		}
	}
}

// TestODTNumbering reproduces list numbers from an ODT list style: prefix,
// suffix, displayed levels (each in its own level's format, as LibreOffice
// shows them), a start value and continued numbering.
func TestODTNumbering(t *testing.T) {
	content := `<office:document-content xmlns:office="o" xmlns:text="t" xmlns:style="s"><office:automatic-styles>
<text:list-style style:name="L1">
 <text:list-level-style-number text:level="1" style:num-format="1" style:num-suffix="."/>
 <text:list-level-style-number text:level="2" style:num-format="a" style:num-suffix=")"/>
 <text:list-level-style-number text:level="3" style:num-format="1" text:display-levels="3"/>
</text:list-style>
<text:list-style style:name="L2"><text:list-level-style-number text:level="1" style:num-format="i" style:num-prefix="(" style:num-suffix=")"/></text:list-style>
</office:automatic-styles><office:body><office:text>
<text:h text:outline-level="1">Gegenstand</text:h>
<text:list text:style-name="L1">
 <text:list-item><text:p>Erster Absatz.</text:p>
  <text:list><text:list-item><text:p>Kundendaten;</text:p></text:list-item><text:list-item><text:p>Mitarbeiterdaten.</text:p>
   <text:list><text:list-item><text:p>Tief.</text:p></text:list-item></text:list></text:list-item></text:list>
 </text:list-item>
</text:list>
<text:p>Dazwischen.</text:p>
<text:list text:style-name="L1" text:continue-numbering="true"><text:list-item><text:p>Zweiter Absatz.</text:p></text:list-item></text:list>
<text:list text:style-name="L2"><text:list-item text:start-value="4"><text:p>Vierter Punkt.</text:p></text:list-item></text:list>
<table:table xmlns:table="tb"><table:table-row><table:table-cell><text:p>IONOS SE</text:p></table:table-cell><table:table-cell><text:p>Deutschland</text:p></table:table-cell></table:table-row></table:table>
</office:text></office:body></office:document-content>`
	raw := zipWith(t, map[string][]byte{"content.xml": []byte(content)})
	doc, err := ParseOptions("n.odt", "odt", raw, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"# Gegenstand", "1. Erster Absatz.", "a) Kundendaten;", "b) Mitarbeiterdaten.", "1.b.1 Tief.", "2. Zweiter Absatz.", "(iv) Vierter Punkt.", "| IONOS SE | Deutschland |"} {
		if !strings.Contains(doc.Text, want) {
			t.Errorf("text lacks %q:\n%s", want, doc.Text)
		}
	}
}
