package extract

import (
	"strings"
	"testing"

	"github.com/art28/art28/internal/corpustest"
	"github.com/art28/art28/internal/segment"
)

// TestSubs22ExactNames holds the excerpts of testdata/subs/subs22-*.cases
// to the exact names and countries (TestSubprocessorCases matches names
// loosely: "Fa. X GmbH" or a name cut before "GmbH" passes there).
func TestSubs22ExactNames(t *testing.T) {
	checkExactSubNames(t, "subs22", true, func(c corpustest.Case) bool {
		return strings.Contains(c.Name, "-s22-") || strings.Contains(c.Name, "-s22b-") || strings.Contains(c.Name, "-s22c-")
	})
}

// subs22Names extracts the sub-processor names of a small text.
func subs22Names(t *testing.T, name, lang, format, text string) []string {
	t.Helper()
	doc := caseDoc(t, corpustest.Case{Name: name, Format: format, Text: text})
	f, err := Extract(Input{Doc: doc, Sentences: segment.Split(doc), Lang: lang})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, s := range f.Subprocessors {
		out = append(out, s.Name)
	}
	return out
}

// TestSubs22Helpers checks the line tests of branch subs22, each with
// positive and negative examples.
func TestSubs22Helpers(t *testing.T) {
	for in, want := range map[string]string{
		"Fa. Aktenwolf GmbH, Goslar": "Aktenwolf GmbH, Goslar", "die Firma Haustechnik Ramelow GmbH": "Haustechnik Ramelow GmbH",
		"Firma Schmitz & Partner": "Schmitz & Partner", "the company Pembury Network Services Ltd": "Pembury Network Services Ltd",
		"Firmenkunden GmbH": "Firmenkunden GmbH", "die Firma selbst": "die Firma selbst", "Fahrdienst Nord GmbH": "Fahrdienst Nord GmbH",
		"Fa.X GmbH": "Fa.X GmbH", "The Company Store Ltd": "The Company Store Ltd", "The company Brookfield Ltd": "Brookfield Ltd",
	} {
		if got, _ := trimCompanyIntro(in); got != want {
			t.Errorf("trimCompanyIntro(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]bool{"______________": true, "-----------": true, "==========": true,
		"---": false, "- 4 -": false, "Seite 4": false, "__ Name __": false} {
		if got := ruleLine(in); got != want {
			t.Errorf("ruleLine(%q) = %v", in, got)
		}
	}
	for in, want := range map[string]bool{"•": true, " - ": true, "▪": true, "1.": false, "Nr.": false, "o.k.": false} {
		if got := bulletCell(in); got != want {
			t.Errorf("bulletCell(%q) = %v", in, got)
		}
	}
	k, err := LoadKnowledge()
	if err != nil {
		t.Fatal(err)
	}
	x := &extractor{k: k, lang: "de"}
	for in, want := range map[string]bool{"4/6": true, "Seite 5": true, "Page 3 of 9": true,
		"3": false, "Hosting": false, "Deutschland": false, "12": false} {
		if got := x.pageRefCell(in); got != want {
			t.Errorf("pageRefCell(%q) = %v", in, got)
		}
	}
	for in, want := range map[string]int{"3.": 3, "(12)": 12, "4)": 4, "a)": -1, "": -1, "1.2": -1} {
		n, ok := labelNumber(in)
		if !ok {
			n = -1
		}
		if n != want {
			t.Errorf("labelNumber(%q) = %d, want %d", in, n, want)
		}
	}
	for in, want := range map[string]string{
		"(Sitz: Daun, Deutschland) – Auslagerung": "Daun, Deutschland", "(mit Sitz in Graz, Österreich)": "Graz, Österreich",
		"(registered office: Leeds, United Kingdom) – hosting": "Leeds, United Kingdom",
		"(Hosting) – Daun": "", "(Sitzungsprotokolle)": "", "(Seat reservations)": "",
	} {
		got := ""
		if m := reSeatParen().FindStringSubmatch(in); m != nil {
			got = m[1]
		}
		if got != want {
			t.Errorf("reSeatParen(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]string{
		", vertreten durch den Geschäftsführer Jan Petersen, Hafenstraße 3": ", Hafenstraße 3",
		", represented by its director Mr Owen Prichard, 14 High Street":    ", 14 High Street",
		", Hauptstraße 3, 12345 Ort":                                        ", Hauptstraße 3, 12345 Ort", ", vertreten in Berlin und Hamburg": ", vertreten in Berlin und Hamburg",
	} {
		if got := skipRepresentative(in); got != want {
			t.Errorf("skipRepresentative(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]bool{"Industriestraße 22": true, "67063 Ludwigshafen": true, "Neckarstaden 4": true, "Hoher Weg 2": true,
		"Anlage 3": false, "Seite 2": false, "Hosting": false, "Externe Datensicherung": false} {
		if got := x.streetOrTown(in); got != want {
			t.Errorf("streetOrTown(%q) = %v", in, got)
		}
	}
	for in, want := range map[string]bool{"Abrechnung mit": true, "02625 Bautzen,": true, "Druck und": true,
		"Datensicherung": false, "Hosting der Website": false, "Deutschland": false} {
		if got := openEnd(in); got != want {
			t.Errorf("openEnd(%q) = %v", in, got)
		}
	}
	for in, want := range map[string]string{"Kopierzentrum Wendt für Scanarbeiten": "Kopierzentrum Wendt",
		"Schmitz & Partner IT-Service, Köln": "Schmitz & Partner IT-Service", "des Auftragnehmers": "", "selbst": ""} {
		if got, _ := capitalName(in); got != want {
			t.Errorf("capitalName(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestSubs22Rules checks the rules of branch subs22 on small texts: each
// with texts it must read and texts it must leave.
func TestSubs22Rules(t *testing.T) {
	for _, c := range []struct {
		name, lang, format, text string
		want                     []string
	}{
		// Continuation rows: a name wrapped before its legal form.
		{"md-wrap", "de", "markdown", "## Anlage 3 Unterauftragnehmer\n\n| Leistung | Firma | Anschrift |\n|---|---|---|\n| Hosting | Serverhalle Weser | Deich 2 |\n| | GmbH | 28195 Bremen |\n\n## Anlage 4 TOM\n", []string{"Serverhalle Weser GmbH"}},
		{"md-wrap-en", "en", "markdown", "## Annex 3 Sub-processors\n\n| Service | Company | Address |\n|---|---|---|\n| Hosting | Harbour Data | 1 Mill Road |\n| | Services Ltd | Hull, United Kingdom |\n\n## Annex 4\n", []string{"Harbour Data Services Ltd"}},
		// … not a service cell merged over two companies.
		{"md-merged-service", "de", "markdown", "## Anlage 3 Unterauftragnehmer\n\n| Leistung | Firma | Land |\n|---|---|---|\n| Hosting | Hetzner | Deutschland |\n| | Backupwerk GmbH | Deutschland |\n\n## Anlage 4 TOM\n", []string{"Hetzner", "Backupwerk GmbH"}},
		{"space-two-rows", "de", "text", "Anlage 3 Unterauftragnehmer\n\n  Firma                  Ort               Leistung\n  Mailjet                Paris, Frankreich Newsletter\n  Druckwerk Nord GmbH    Kiel, Deutschland Druck\n\nAnlage 4 TOM\n", []string{"Mailjet", "Druckwerk Nord GmbH"}},
		// A page break inside a numbered list; not a new annex's list.
		{"page-break-list", "de", "text", "Anlage 3 – Unterauftragnehmer\n\n1. Rechenhalle Ost GmbH, Leipzig – Hosting\n\nSeite 4 von 9\n\nAVV – Anlage 3\n\n2. Aktenburg West GmbH, Köln – Archiv\n\nAnlage 4 – TOM\n", []string{"Rechenhalle Ost GmbH", "Aktenburg West GmbH"}},
		{"page-break-new-list", "de", "text", "Anlage 3 – Unterauftragnehmer\n\n1. Rechenhalle Ost GmbH, Leipzig – Hosting\n\nSeite 4 von 9\n\nTechnische und organisatorische Maßnahmen\n\n1. Zutrittskontrolle durch die Sicherheitsdienst Nord GmbH, Kiel – Pförtner\n", []string{"Rechenhalle Ost GmbH"}},
		// Bullets set apart by spaces are list items, not table rows.
		{"spaced-bullets", "de", "text", "Anlage 2: Unterauftragsverarbeiter\n\n   •   Wolkenhof GmbH, Trier, Deutschland: Hosting\n   •   Briefhaus GmbH, Trier, Deutschland: Druck\n\nAnlage 3: TOM\n", []string{"Wolkenhof GmbH", "Briefhaus GmbH"}},
		// "ist kein Unterauftragnehmer".
		{"kein-unterauftragnehmer", "de", "text", "§ 6 Unterauftragsverhältnisse\n\nDer Versand erfolgt über die Briefdienst Mitte GmbH; diese ist kein Unterauftragnehmer im Sinne dieses Vertrages.\n", nil},
		{"kein-unterauftragnehmer-2", "de", "text", "§ 6 Unterauftragsverhältnisse\n\nDie Zahlungen wickelt die Volksbank Nord eG ab; sie gilt nicht als Unterauftragnehmer.\n", nil},
		// "Fa."/"die Firma" before a bare name in a sentence on sub-processors.
		{"firma-sentence", "de", "text", "§ 5 Unterauftragnehmer\n\nDer Auftragnehmer setzt die Firma Becker & Partner IT-Service, Köln, als Unterauftragnehmer ein.\n", []string{"Becker & Partner IT-Service"}},
		{"fa-sentence", "de", "text", "§ 5 Unterauftragnehmer\n\nDer Auftraggeber ist damit einverstanden, dass der Auftragnehmer die Fa. Druckstube Lenz für den Druck als Unterauftragnehmer einsetzt.\n", []string{"Druckstube Lenz"}},
		{"firma-dpo", "de", "text", "§ 12 Ansprechpartner\n\nDatenschutzbeauftragter des Auftragnehmers ist die Firma Datenschutz Kompakt, Paderborn.\n", nil},
		// A lettered list across a page line; an initial is no label.
		{"lettered-page", "de", "text", "Anlage 3: Unterauftragnehmer\n\nA. Kellerwerk Nord GmbH, Kiel (Deutschland) – Archiv\n\nSeite 3 von 8\n\nB. Scanbox Ost GmbH, Cottbus (Deutschland) – Scan\n\nAnlage 4: TOM\n", []string{"Kellerwerk Nord GmbH", "Scanbox Ost GmbH"}},
		{"lettered-initial-page", "de", "text", "Anlage 3: Unterauftragnehmer\n\nA. Schmidt Transporte GmbH, Kiel (Deutschland) – Kurier\n\nSeite 3 von 8\n\nDie Liste wird jährlich aktualisiert.\n", []string{"A. Schmidt Transporte GmbH"}},
		// A row number run into the name column.
		{"row-number-name", "de", "text", "Anlage 3 – Unterauftragsverarbeiter\n\n  Lfd. Nr.  Unterauftragsverarbeiter    Sitz                 Leistung\n  1         Serverwerk Börde GmbH       Magdeburg, Deutschland   Hosting\n  2         Druckpunkt Elbe KG          Dessau, Deutschland      Druck\n\nAnlage 4\n", []string{"Serverwerk Börde GmbH", "Druckpunkt Elbe KG"}},
		{"number-brand-name", "de", "text", "Anlage 3 – Unterauftragsverarbeiter\n\nFirma\tSitz\tLeistung\n1&1 Netzwerk GmbH\tMontabaur, Deutschland\tTelefonie\n24/7 Hotline GmbH\tLeipzig, Deutschland\tHotline\n\nAnlage 4\n", []string{"1&1 Netzwerk GmbH", "24/7 Hotline GmbH"}},
		// An address over several block lines from "c/o"; a street is no name.
		{"co-block", "de", "text", "Anlage 3 – Unterauftragsverarbeiter\n\nLohnhilfe Weser GmbH\nc/o Kanzlei Brandt\nDeichstraße 4\n28195 Bremen\nLeistung: Lohnabrechnung\n\nAnlage 4 – TOM\n", []string{"Lohnhilfe Weser GmbH"}},
		{"street-no-name", "de", "text", "Anlage 3 – Unterauftragsverarbeiter\n\nScanwerk Elbe GmbH\nHafenweg 12\n01067 Dresden\n\nAnlage 4 – TOM\n", []string{"Scanwerk Elbe GmbH"}},
		// A seat in parentheses ends no name; other parentheses stay.
		{"seat-paren-numbered", "de", "text", "Anlage 2 – Unterauftragnehmer\n\n1. Fa. Funktechnik Krohn GmbH (Sitz: Lübeck) – Funkanlagen\n2. Fa. Netzpflege Nord GmbH (Sitz: Rostock) – Netzwerk\n\nAnlage 3 – TOM\n", []string{"Funktechnik Krohn GmbH", "Netzpflege Nord GmbH"}},
		{"other-paren-kept", "de", "text", "Anlage 2 – Unterauftragnehmer\n\n- Fischer & Söhne (Logistik) GmbH, Minden (Deutschland) – Transport\n- Scanwerk Oder UG (haftungsbeschränkt), Frankfurt (Oder) – Scan\n\nAnlage 3 – TOM\n", []string{"Fischer & Söhne (Logistik) GmbH", "Scanwerk Oder UG (haftungsbeschränkt)"}},
		// "<br>" in a Markdown name cell.
		{"br-name-cell", "de", "markdown", "## Anlage 3 – Unterauftragsverarbeiter\n\n| Nr. | Firma | Leistung |\n|---|---|---|\n| 1 | Datenhof Lippe GmbH<br>Lange Str. 1, 32756 Detmold | Hosting |\n| 2 | Schreibstube Senne e.K.<br/>Markt 2, 33014 Bad Driburg | Schreibdienst |\n\n## Anlage 4\n", []string{"Datenhof Lippe GmbH", "Schreibstube Senne e.K."}},
		// A lead-in that says its list names no sub-processors.
		{"deny-list", "de", "text", "Anlage 3 – Unterauftragsverarbeiter\n\nEmpfänger in der Gruppe des Auftraggebers (keine Unterauftragsverarbeiter):\n- Möbel Haas Holding GmbH, Passau\n- Möbel Haas Logistik GmbH, Passau\n\nAnlage 4\n", nil},
		{"deny-list-en", "en", "text", "Annex 3 – Sub-processors\n\nThe following recipients are not sub-processors:\n- Haas Holdings Ltd, Leeds\n- Haas Logistics Ltd, York\n\nAnnex 4\n", nil},
		{"deny-then-list", "de", "text", "Anlage 3 – Unterauftragsverarbeiter\n\nFür die folgenden Dienstleister ist kein AV-Vertrag erforderlich:\n- Hausbank Passau eG\n\nFolgende Unterauftragsverarbeiter sind beauftragt:\n- Rechenhaus Passau GmbH, Passau – Hosting\n\nAnlage 4\n", []string{"Rechenhaus Passau GmbH"}},
		{"firma-lower", "de", "text", "§ 5 Unterauftragnehmer\n\nDer Auftragnehmer setzt keine Unterauftragnehmer ein; die Firma des Auftragnehmers erbringt alle Leistungen selbst.\n", nil},
	} {
		got := subs22Names(t, c.name, c.lang, c.format, c.text)
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("%s: got %q, want %q", c.name, got, c.want)
		}
	}
}
