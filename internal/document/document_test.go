package document

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestNormalize(t *testing.T) {
	tests := []struct {
		name string
		in   []byte
		want string
	}{
		{"bom", []byte("\xEF\xBB\xBFHallo"), "Hallo"},
		{"crlf", []byte("a\r\nb\rc"), "a\nb\nc"},
		{"nbsp", []byte("Art.\u00a028"), "Art. 28"},
		{"soft hyphen", []byte("Auftrags\u00adverarbeitung"), "Auftragsverarbeitung"},
		{"ligatures", []byte("\ufb01nal o\ufb03ce"), "final office"},
		{"windows-1252", []byte("Gesch\xe4ftsf\xfchrer \x84Zitat\x93"), "Geschäftsführer „Zitat“"},
		{"utf16le", []byte{0xFF, 0xFE, 'H', 0, 'i', 0}, "Hi"},
		{"zero width", []byte("a\u200bb"), "ab"},
		{"controls stripped", []byte("Dies ist ein Vertrag\x07 mit einer Glocke."), "Dies ist ein Vertrag mit einer Glocke."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Normalize(tt.in)
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestNormalizeBinary(t *testing.T) {
	for _, in := range [][]byte{{0x7f, 'E', 'L', 'F', 0, 1, 2}, []byte("\x01\x02\x03\x04\x05\x06 abc")} {
		if _, err := Normalize(in); err != ErrBinary {
			t.Errorf("Normalize(%q) error %v, want ErrBinary", in, err)
		}
	}
}

func TestParseTextStructure(t *testing.T) {
	text := strings.Join([]string{
		"# Auftragsverarbeitungsvertrag",
		"",
		"§ 1 Gegenstand und Dauer",
		"",
		"(1) Der Auftragnehmer verarbeitet Daten im Auftrag.",
		"(2) Die Laufzeit dieser Vereinbarung richtet sich nach der Laufzeit des",
		"Hauptvertrags.",
		"",
		"- erste Position",
		"a) Unterpunkt",
		"",
		"Name\tSitz\tLeistung",
		"Host GmbH\tBerlin\tHosting",
		"",
		"| Firma | Land |",
		"|---|---|",
		"| Mail Inc. | US |",
		"",
		"Anlage 1 Technische Maßnahmen",
		"Verschlüsselung aller Datenträger.",
	}, "\n")
	d := ParseText("x.txt", "text", text)
	type want struct {
		kind    Kind
		text    string
		label   string
		section string
		annex   string
	}
	wants := []want{
		{Heading, "Auftragsverarbeitungsvertrag", "", "Auftragsverarbeitungsvertrag", ""},
		{Heading, "§ 1 Gegenstand und Dauer", "§ 1", "§ 1 Gegenstand und Dauer", ""},
		{Paragraph, "(1) Der Auftragnehmer verarbeitet Daten im Auftrag.", "(1)", "§ 1 Gegenstand und Dauer", ""},
		{Paragraph, "(2) Die Laufzeit dieser Vereinbarung richtet sich nach der Laufzeit des\nHauptvertrags.", "(2)", "§ 1 Gegenstand und Dauer", ""},
		{ListItem, "erste Position", "-", "§ 1 Gegenstand und Dauer", ""},
		{ListItem, "a) Unterpunkt", "a)", "§ 1 Gegenstand und Dauer", ""},
	}
	for i, w := range wants {
		if i >= len(d.Blocks) {
			t.Fatalf("only %d blocks", len(d.Blocks))
		}
		b := d.Blocks[i]
		if b.Kind != w.kind || d.BlockText(i) != w.text || b.Label != w.label || b.Section != w.section || b.Annex != w.annex {
			t.Errorf("block %d = {%v %q %q %q %q}, want %+v", i, b.Kind, d.BlockText(i), b.Label, b.Section, b.Annex, w)
		}
	}
	var cells []string
	var annexSeen bool
	for i, b := range d.Blocks {
		if b.Kind == TableCell {
			cells = append(cells, d.BlockText(i))
		}
		if b.Annex == "Anlage 1" && d.BlockText(i) == "Verschlüsselung aller Datenträger." {
			annexSeen = true
		}
	}
	if got := strings.Join(cells, "|"); got != "Name|Sitz|Leistung|Host GmbH|Berlin|Hosting|Firma|Land|Mail Inc.|US" {
		t.Errorf("cells = %s", got)
	}
	if !annexSeen {
		t.Error("annex body not marked with Anlage 1")
	}
}

func TestParseTextPageBreakJoin(t *testing.T) {
	text := "Die Dienstleistung wird ausschließlich in einem Mitgliedsstaat der Europäischen Union oder des\n\nEuropäischen Wirtschaftsraums erbracht."
	d := ParseText("x.txt", "text", text)
	if len(d.Blocks) != 1 {
		t.Fatalf("got %d blocks, want the broken sentence joined into 1", len(d.Blocks))
	}
}

// TestParseTextDefinitionLine keeps a definition after a line without a
// full stop apart: it is a sentence of its own, not the end of the one
// above.
func TestParseTextDefinitionLine(t *testing.T) {
	tests := []struct {
		text   string
		blocks int
	}{
		{"It acts as a controller for the transfer of the data passed to the processor under the terms of this Agreement\n\"Processing\" shall mean any operation performed upon personal data.", 2},
		{"The following terms have the meanings given to them in this clause of the Agreement\n“Data Breach” means a breach of security.", 2},
		{"Der Auftragnehmer verarbeitet die Daten ausschließlich im Rahmen der getroffenen Vereinbarungen des Vertrags\n„Weisung“ bezeichnet jede Anordnung des Auftraggebers.", 2},
		{"The processor shall inform the controller of the change and of the term\n\"Update\" used in the portal, which is not a definition.", 1},
	}
	for _, tt := range tests {
		d := ParseText("x.txt", "text", tt.text)
		if len(d.Blocks) != tt.blocks {
			t.Errorf("%q: got %d blocks, want %d", tt.text, len(d.Blocks), tt.blocks)
		}
	}
}

// TestParseTextArticleBreakJoin joins lines broken after an article
// abbreviation or before a number's figures, and nothing else.
func TestParseTextArticleBreakJoin(t *testing.T) {
	tests := []struct {
		text   string
		blocks int
	}{
		{"Processor shall assist Controller with its obligations under Art.\n32 to 36 GDPR.", 1},
		{"The measures are described in Sec.\n5 of the annex.", 1},
		{"The processor shall delete the data.\n32 copies remain.", 2},
		{"See Art.\n\n32 GDPR.", 2},
		{"If the processor decides to change a sub-processor or to add a new one, the processor shall notify the controller by e-mail (a) thirty\n(30) days in advance.", 1},
		{"Beabsichtigt der Auftragnehmer, einen weiteren Unterauftragnehmer einzusetzen oder einen bisherigen zu ersetzen, teilt er dies vierzehn\n(14) Tage vorher mit.", 1},
		{"If the processor decides to change a sub-processor or to add a new one, the processor shall notify the controller by e-mail thirty\n(31) days before.", 2},
		{"Die Parteien vereinbaren:\n(1) Der Auftragnehmer verarbeitet Daten.", 2},
	}
	for _, tt := range tests {
		d := ParseText("x.txt", "text", tt.text)
		if len(d.Blocks) != tt.blocks {
			t.Errorf("%q: got %d blocks, want %d", tt.text, len(d.Blocks), tt.blocks)
		}
	}
}

func TestParseHTML(t *testing.T) {
	raw := `<html><head><style>p{}</style><script>x()</script></head><body>
<h2>3. Subprocessors</h2><p>The processor <b>shall</b> inform the controller.</p>
<ul><li>First &amp; item</li></ul>
<table><tr><th>Name</th><th>Country</th></tr><tr><td>Host &lt;Ltd&gt;</td><td>IE</td></tr></table>
</body></html>`
	d, err := ParseHTML("x.html", raw)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(d.Text, "x()") || strings.Contains(d.Text, "p{}") {
		t.Errorf("script or style leaked: %q", d.Text)
	}
	var kinds []string
	for i, b := range d.Blocks {
		kinds = append(kinds, b.Kind.String()+":"+d.BlockText(i))
	}
	got := strings.Join(kinds, "\n")
	for _, want := range []string{"heading:3. Subprocessors", "paragraph:The processor shall inform the controller.", "list-item:First & item", "table-cell:Host <Ltd>", "table-cell:IE"} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q in\n%s", want, got)
		}
	}
}

func TestSectionAndPage(t *testing.T) {
	d := ParseText("x.txt", "text", "1. Scope\nThe processor processes data.\n2. Audits\nThe controller may audit.")
	off := strings.Index(d.Text, "The controller")
	if got := d.SectionAt(off); got != "2. Audits" {
		t.Errorf("SectionAt = %q", got)
	}
	d.Pages = []int{0, off}
	if got := d.PageAt(off + 3); got != 2 {
		t.Errorf("PageAt = %d, want 2", got)
	}
}

// checkOffsets asserts the invariants every parser must keep.
func checkOffsets(t *testing.T, d *Document) {
	t.Helper()
	for i, b := range d.Blocks {
		if b.Start < 0 || b.End > len(d.Text) || b.Start > b.End {
			t.Fatalf("block %d offsets [%d,%d) outside text of %d bytes", i, b.Start, b.End, len(d.Text))
		}
		if !utf8.ValidString(d.Text[b.Start:b.End]) {
			t.Fatalf("block %d splits a UTF-8 sequence", i)
		}
	}
}

// TestCleanCoversSpecial checks every entry of the special table, which
// clean consults only inside the ranges it tests first.
func TestCleanCoversSpecial(t *testing.T) {
	for r, want := range special {
		in := "a" + string(r) + "b"
		if got := clean(in); got != "a"+want+"b" {
			t.Errorf("clean(%q) = %q, want %q", in, got, "a"+want+"b")
		}
	}
	if got := clean("a\fb\r\n\x7f\ufffdc"); got != "a\nb\nc" {
		t.Errorf("got %q", got)
	}
	if s := "unchanged äöü “text”"; clean(s) != s {
		t.Errorf("clean changed %q", s)
	}
}

func FuzzNormalize(f *testing.F) {
	for _, s := range []string{"Hallo", "\xEF\xBB\xBFa\r\nb", "\xff\xfeA\x00", "Gesch\xe4ft", "\ufb01\u00ad"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		out, err := Normalize(in)
		if err != nil {
			return
		}
		if !utf8.ValidString(out) {
			t.Fatalf("invalid UTF-8 output %q", out)
		}
		if strings.ContainsAny(out, "\r\u00ad\u00a0") {
			t.Fatalf("not normalised: %q", out)
		}
	})
}

func FuzzParseText(f *testing.F) {
	for _, s := range []string{"§ 1 Gegenstand\n(1) Text.\n- a\n\nx\ty", "| a | b |\n|---|---|\n| c | d |", "Anlage 1\n\n1.1 Foo bar", "a)\n(b)\nlit. c", "Name\tLeistung\n\nA GmbH\tHosting\n1.\tText", "A | B | C\nx | y | z\n8.5 Der Text endet mit dem", "**a** [b](c) *d* __e__"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		text, err := Normalize([]byte(in))
		if err != nil {
			return
		}
		checkOffsets(t, ParseText("f.txt", "text", text))
		checkOffsets(t, ParseText("f.md", "markdown", text))
	})
}

func FuzzParseHTML(f *testing.F) {
	for _, s := range []string{"<p>a</p>", "<table><tr><td>x<td>y</table>", "<h1>T</h1><ul><li>a<li>b</ul>", "<pre>a\n b</pre>"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		d, err := ParseHTML("f.html", in)
		if err != nil {
			return
		}
		checkOffsets(t, d)
	})
}

func TestShortTitles(t *testing.T) {
	tests := []struct {
		name, text string
		heading    bool
	}{
		{"bare number title", "7 Kontrollrechte des Auftraggebers\n\nDer Auftraggeber darf prüfen.", true},
		{"parenthesised title", "(2) Dauer\n\nDie Laufzeit ist unbestimmt.", true},
		{"parenthesised clause", "(2) Der Auftragnehmer löscht die Daten\n\nWeiteres regelt Anlage 1.", false},
		{"clause without full stop", "(2) Datenschutzverletzungen meldet der Auftragnehmer unverzüglich\n\nWeiteres regelt Anlage 1.", false},
		{"title with adjective", "(1) Art und Zweck der vorgesehenen Verarbeitung von Daten\n\nDie Verarbeitung dient dem Hosting.", true},
		{"clause with full stop", "(3) Löschung erfolgt nach Vertragsende.\n\nWeiteres regelt Anlage 1.", false},
		{"list item after lead-in", "Betroffen sind:\n\n(1) Kunden\n\n(2) Interessenten", false},
		{"title after lead-in", "schließen folgenden Vertrag:\n\n1 Gegenstand und Dauer\n\nDer Vertrag gilt unbefristet.", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := ParseText("t.txt", "text", tt.text)
			first := strings.SplitN(tt.text, "\n", 2)[0]
			if strings.HasSuffix(first, ":") && tt.heading {
				first = strings.SplitN(tt.text, "\n", 4)[2]
			}
			for _, b := range doc.Blocks {
				if tt.name == "list item after lead-in" {
					if strings.HasPrefix(doc.Text[b.Start:b.End], "(1)") || strings.HasPrefix(doc.Text[b.Start:b.End], "Kunden") {
						if b.Kind == Heading {
							t.Errorf("list item parsed as heading")
						}
					}
					continue
				}
				if strings.Contains(first, strings.TrimSpace(doc.Text[b.Start:b.End])) {
					if got := b.Kind == Heading; got != tt.heading {
						t.Errorf("%q: heading %v, want %v", first, got, tt.heading)
					}
					return
				}
			}
			if tt.name != "list item after lead-in" {
				t.Errorf("block for %q not found", first)
			}
		})
	}
}

func TestPlainInline(t *testing.T) {
	tests := []struct{ in, want string }{
		{`between **Acme OÜ** ("**Acme**", "**we**")`, `between Acme OÜ ("Acme", "we")`},
		{"Details are in [Annex 1](#annex-1) and ![logo](logo.png).", "Details are in Annex 1 and logo."},
		{"* **Data subjects:** visitors", "* Data subjects: visitors"},
		{"the *Customer* and __the Vendor__", "the Customer and the Vendor"},
		{"Name: ______ Date: __________", "Name: ______ Date: __________"},
		{"* item one\n* item two", "* item one\n* item two"},
		{"2 * 3 * 4", "2 * 3 * 4"},
		{"an unclosed ** marker", "an unclosed ** marker"},
	}
	for _, tt := range tests {
		if got := plainInline(tt.in); got != tt.want {
			t.Errorf("plainInline(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	d := ParseText("x.md", "markdown", "**Auftragnehmer:** Beispiel GmbH")
	if d.Text != "Auftragnehmer: Beispiel GmbH" {
		t.Errorf("markdown text %q", d.Text)
	}
	if d := ParseText("x.txt", "text", "**Auftragnehmer:**"); d.Text != "**Auftragnehmer:**" {
		t.Errorf("plain text changed: %q", d.Text)
	}
}
