package extract

import (
	"testing"

	"github.com/art28/art28/internal/document"
	"github.com/art28/art28/internal/segment"
)

// TestLetteredEntry checks that a capital letter label opens an entry
// only in a run of lettered lines ("A." over "B.", "C." under "B."), not
// an initial or a lettered heading standing alone.
func TestLetteredEntry(t *testing.T) {
	for _, tc := range []struct {
		text, line string
		want       bool
	}{
		{"A. Kalendaro – Terminbuchung – Hamburg\nB. Faxline – Fax – Kiel\n", "A. Kalendaro – Terminbuchung – Hamburg", true},
		{"A. Kalendaro – Terminbuchung – Hamburg\n\nB. Faxline – Fax – Kiel\n", "B. Faxline – Fax – Kiel", true},
		{"A) Echo Transcripts – transcription\nB) Saltmarsh Backup – backup\n", "B) Saltmarsh Backup – backup", true},
		{"Anlage 3\n\nA. Schmidt Transporte GmbH – Kurierdienst\n\nAnlage 4\n", "A. Schmidt Transporte GmbH – Kurierdienst", false},
		{"1. Allgemeines\n\nB. Pflichten – Übersicht\n", "B. Pflichten – Übersicht", false},
		{"A. Kalendaro – Terminbuchung\nC) Faxline – Fax\n", "C) Faxline – Fax", false},
	} {
		d := document.ParseText("x.txt", "text", tc.text)
		x := &extractor{doc: d, text: d.Text, lines: splitLines(d.Text)}
		at := len(tc.text[:indexOf(tc.text, tc.line)])
		if _, got := x.letteredEntry(tc.line, at); got != tc.want {
			t.Errorf("letteredEntry(%q) = %v, want %v", tc.line, got, tc.want)
		}
	}
}

func indexOf(s, sub string) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return i
		}
	}
	return -1
}

// TestSubs18Rules checks the other rules of branch subs18 on small
// texts: each with texts that must and must not give an entry.
func TestSubs18Rules(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		want       []string
	}{
		// A bare name with a short note in a semicolon list after a lead-in.
		{"note", "§ 7 Unterauftragsverarbeitung\n\n(1) Derzeit sind folgende Unterauftragnehmer beauftragt: Netzhaus Weser GmbH (Hosting); Bürofix (Scan-Service).\n", []string{"Netzhaus Weser GmbH", "Bürofix"}},
		{"note-en", "6. Sub-processors\n\n6.1 The following sub-processors are currently engaged: Thistle Hosting Ltd (hosting); Quillbox (file exchange).\n", []string{"Thistle Hosting Ltd", "Quillbox"}},
		// Notes that are no bare names: a category, a sentence.
		{"note-category", "§ 7 Unterauftragsverarbeitung\n\n(1) Derzeit sind folgende Unterauftragnehmer beauftragt: Netzhaus Weser GmbH (Hosting); Druckereien (Briefdruck).\n", []string{"Netzhaus Weser GmbH"}},
		{"note-none", "§ 7 Unterauftragsverarbeitung\n\n(1) Unterauftragnehmer: keine (Stand 2027); weitere nur nach Zustimmung.\n", nil},
		// "Ort:" under a key-value entry gives its place; not without an entry.
		{"ort", "Anlage 3 – Unterauftragsverarbeiter\n\nName: Aktenwolf Archivierung GmbH\nZweck: Archivierung\nOrt: Bielefeld, Deutschland\n", []string{"Aktenwolf Archivierung GmbH|DE"}},
		{"ort-en", "Annex 3 – Sub-processors\n\nSubprocessor: Nordhaven Hosting ApS\nPurpose: hosting\nPlace of processing: Aarhus, Denmark\n", []string{"Nordhaven Hosting ApS|DK"}},
		{"ort-alone", "§ 12 Schlussbestimmungen\n\nOrt: Berlin, Deutschland\nDatum: 1. März 2027\n", nil},
		{"ort-signature", "Anlage 3 – Unterauftragsverarbeiter\n\nUnterauftragsverarbeiter: keine\n\nOrt: Bielefeld, Deutschland\n", nil},
		// A numbered entry is no address line of the entry above it.
		{"numbered", "§ 7 Unterauftragsverarbeiter\n\n(2) Der Auftraggeber genehmigt die folgenden Unterauftragsverarbeiter:\n\n1. Hostpoint Alpin AG (Schweiz), Hosting\n2. Quittly (Estland), Belegerfassung\n", []string{"Hostpoint Alpin AG|CH", "Quittly|EE"}},
		{"numbered-address", "Anlage 3 – Unterauftragnehmer\n\n1. Druckhaus Elbtal GmbH\n   Meißner Straße 40, 01445 Radebeul, Deutschland\n", []string{"Druckhaus Elbtal GmbH|DE"}},
	} {
		lang := "de"
		if tc.name == "note-en" || tc.name == "ort-en" {
			lang = "en"
		}
		checkSubprocessors(t, tc.name, lang, tc.text, tc.want)
	}
}

// checkSubprocessors extracts the sub-processors of text and compares them
// in order with want, each "Name" or "Name|CC" (the country is checked
// only where given).
func checkSubprocessors(t *testing.T, name, lang, text string, want []string) {
	t.Helper()
	d := document.ParseText(name+".txt", "text", text)
	f, err := Extract(Input{Doc: d, Sentences: segment.Split(d), Lang: lang})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, s := range f.Subprocessors {
		got = append(got, s.Name+"|"+s.Country)
	}
	if len(got) != len(want) {
		t.Errorf("%s: got %q, want %q", name, got, want)
		return
	}
	for i, w := range want {
		n, cc, _ := cut(w, "|")
		if f.Subprocessors[i].Name != n || cc != "" && f.Subprocessors[i].Country != cc {
			t.Errorf("%s: got %q, want %q", name, got[i], w)
		}
	}
}

func cut(s, sep string) (string, string, bool) {
	if i := indexOf(s, sep); i >= 0 {
		return s[:i], s[i+len(sep):], true
	}
	return s, "", false
}
