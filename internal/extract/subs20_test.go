package extract

import (
	"testing"
)

// TestSubs20Helpers checks the line tests of branch subs20, each with
// lines it must and must not accept.
func TestSubs20Helpers(t *testing.T) {
	k, err := LoadKnowledge()
	if err != nil {
		t.Fatal(err)
	}
	x := &extractor{k: k, lang: "de"}
	for _, tc := range []struct {
		line       string
		ok, ticked bool
		rest       string
	}{
		{"☒ Serverhof Westerwald GmbH – Hosting", true, true, "Serverhof Westerwald GmbH – Hosting"},
		{"[x] Formulardienst Nord – Online-Formulare", true, true, "Formulardienst Nord – Online-Formulare"},
		{"[X] Quickquill – transcription", true, true, "Quickquill – transcription"},
		{"☐ Aktenlager Mosel GmbH – Archivierung", true, false, ""},
		{"[ ] Telefonzentrale Mitte GmbH", true, false, ""},
		{"[Name] GmbH – Hosting", false, false, ""},
		{"(a) Harrowgate Data Centres Limited", false, false, ""},
		{"xylo GmbH", false, false, ""},
	} {
		rest, ticked, ok := checkboxPrefix(tc.line)
		if ok != tc.ok || ticked != tc.ticked || ok && ticked && rest != tc.rest {
			t.Errorf("checkboxPrefix(%q) = %q, %v, %v", tc.line, rest, ticked, ok)
		}
	}
	for _, tc := range []struct {
		head, rest, name string
	}{
		{"E-Mail-Versand", " – Postlicht (Deutschland)", "Postlicht"},
		{"Newsletters", " – Ravenmail (Germany)", "Ravenmail"},
		{"Briefversand", " – Brieftaube Versand (Deutschland)", "Brieftaube Versand"},
		{"Hosting", " – Rechenzentrum (Deutschland)", ""},
		{"Newsletter", " – Versand (Frankreich)", ""},
		{"Mailjet", " – Newsletter (Frankreich)", ""},
		{"Hetzner", " – Cloud Server (Deutschland)", ""},
		{"Hosting", " – Hetzner (Hosting)", ""},
	} {
		if got, _, _ := x.serviceDashName(tc.head, tc.rest); got != tc.name {
			t.Errorf("serviceDashName(%q, %q) = %q, want %q", tc.head, tc.rest, got, tc.name)
		}
	}
	for p, want := range map[string]bool{
		"Weber + Söhne Aktenlogistik ":   true,
		"Baker and Lowe Print Services ": true,
		"+ Söhne Aktenlogistik ":         false,
		"Weber + söhne aktenlogistik ":   false,
	} {
		if got := joinedName(p); got != want {
			t.Errorf("joinedName(%q) = %v", p, got)
		}
	}
	for _, tc := range []struct {
		line string
		name string
	}{
		{"Unterauftragnehmer (Name, Anschrift): Datenhafen Förde GmbH, Schwedenkai 5, 24103 Kiel", "Datenhafen Förde GmbH"},
		{"Name und Anschrift des Unterauftragnehmers: Lohnservice Kraichgau GmbH, Bahnhofstraße 14, 74889 Sinsheim", "Lohnservice Kraichgau GmbH"},
		{"Sub-processor (name, address): Skylark Hosting Ltd, 5 Union Street, Aberdeen", "Skylark Hosting Ltd"},
		{"Name and address of the sub-processor: Corrib Contact Limited, 4 Dock Road, Galway", "Corrib Contact Limited"},
		{"Anschrift des Unterauftragnehmers: Weg 1, 12345 Ort", ""},
		{"Unterauftragnehmer (Stand Mai 2027): keine", ""},
	} {
		name := ""
		if m := reNameLabel.FindStringSubmatch(tc.line); m != nil {
			name, _ = splitNameRest(x, m[1])
		}
		if name != tc.name {
			t.Errorf("name label %q: %q, want %q", tc.line, name, tc.name)
		}
	}
	for title, want := range map[string]bool{
		"Hosting":            true,
		"Zahlungsabwicklung": true,
		"E-Mail-Versand":     true,
		"Haftung und Gewährleistung der Unterauftragnehmer": false,
		"Hetzner":                          false,
		"Weitere Unterauftragsverarbeiter": false,
	} {
		if got := x.serviceHeading(title); got != want {
			t.Errorf("serviceHeading(%q) = %v", title, got)
		}
	}
	for label, want := range map[string]bool{"3.1": true, "2.4.1.": true, "§ 12": false, "4.": false} {
		if got := reSubNumber.MatchString(label); got != want {
			t.Errorf("reSubNumber(%q) = %v", label, got)
		}
	}
	for line, want := range map[string]string{
		"Dokumentenpost, Luxemburg, Luxemburg, digitaler Posteingang": "Dokumentenpost",
		"Sendlift, Dublin, Irland – Newsletter":                       "Sendlift",
		"14 Canal Street, Birmingham B1 2XY, United Kingdom":          "",
		"Genf, Schweiz":             "",
		"Verarbeitung, Deutschland": "",
		"Hosting, Frankfurt":        "",
	} {
		got := ""
		if e := x.commaPlaceBare(line, 0, len(line)); e != nil {
			got = e.sp.Name
		}
		if got != want {
			t.Errorf("commaPlaceBare(%q) = %q, want %q", line, got, want)
		}
	}
	for line, want := range map[string]bool{
		"Hosting der Plattform, Kempten (Deutschland)":     true,
		"Translation of course materials, Valencia, Spain": true,
		"Hosting (Deutschland)":                            false,
		"Druck und Versand, Datenschutz (Verschlüsselung)": false,
	} {
		if got := x.placeLine(line); got != want {
			t.Errorf("placeLine(%q) = %v", line, got)
		}
	}
	for rest, want := range map[string][2]string{
		"– Online-Formulare (Deutschland)":           {"Online-Formulare", "DE"},
		"– Hosting (Österreich)":                     {"Hosting", "AT"},
		"Musterstraße 1, 12345 Berlin (Deutschland)": {"", "DE"},
		"– Hosting (primär)":                         {"Hosting (primär)", ""},
	} {
		var sp = spEntry{}
		x.fillFromRest(&sp.sp, rest)
		if sp.sp.Service != want[0] || sp.sp.Country != want[1] {
			t.Errorf("fillFromRest(%q) = service %q, country %q; want %q", rest, sp.sp.Service, sp.sp.Country, want)
		}
	}
	for cell, want := range map[string]string{
		"[Zahlfix](https://zahlfix.example)":                "Zahlfix",
		"[Kalenderwerk GmbH](https://kalenderwerk.example)": "Kalenderwerk GmbH",
		"[Name des Unterauftragnehmers]":                    "",
		"[Anbieter]":                                        "",
	} {
		if got, _ := x.nameCell(cell); got != want {
			t.Errorf("nameCell(%q) = %q, want %q", cell, got, want)
		}
	}
	for s, want := range map[string]bool{"7.1 Harrier Helpdesk Ltd": true, "8.2. Pebble Post Ltd": true, "1&1 IONOS SE": false, "2 Harbour Road": false} {
		if got := reClauseNumLead.MatchString(s); got != want {
			t.Errorf("reClauseNumLead(%q) = %v", s, got)
		}
	}
}

// TestSubs20Rules checks the rules of branch subs20 on small texts: each
// with texts that must and must not give entries.
func TestSubs20Rules(t *testing.T) {
	for _, tc := range []struct {
		name, lang, text string
		want             []string
	}{
		// One name in two countries stays two entries; in one country, or
		// once without a country, it is one.
		{"two-countries", "en", "Annex 3 – Sub-processors\n\n- Hostwell Cloud (Germany) – hosting\n- Hostwell Cloud (Netherlands) – backup site\n", []string{"Hostwell Cloud|DE", "Hostwell Cloud|NL"}},
		{"two-countries-de", "de", "Anlage 3 – Unterauftragsverarbeiter\n\n- Datenfestung (Deutschland) – Hosting\n- Datenfestung (Österreich) – Notfallrechenzentrum\n", []string{"Datenfestung|DE", "Datenfestung|AT"}},
		{"one-country", "en", "Annex 3 – Sub-processors\n\n- Hostwell Cloud (Germany) – hosting\n- Hostwell Cloud (Germany) – backups\n", []string{"Hostwell Cloud|DE"}},
		{"one-country-sentence", "de", "§ 7 Unterauftragsverhältnisse\n\nWir setzen die Serverwerk Süd GmbH für das Hosting ein.\n\nAnlage 3 – Unterauftragsverarbeiter\n\n- Serverwerk Süd GmbH (Deutschland) – Hosting\n", []string{"Serverwerk Süd GmbH|DE"}},
		// A merged name cell over two rows gives the company's second
		// site; a wrapped cell's line gives no entry.
		{"merged-cell", "de", "Anlage 3 – Unterauftragsverarbeiter\n\nUnterauftragsverarbeiter\tLeistung\tStandort\nNordwolke GmbH\tProduktion\tHamburg, Deutschland\n\tAusweichsystem\tHannover, Deutschland\n", []string{"Nordwolke GmbH|DE", "Nordwolke GmbH|DE"}},
		{"merged-cell-en", "en", "Schedule 3 – Sub-processors\n\nSub-processor\tActivity\tLocation\nGreywater Cloud Ltd\tProduction\tLondon, United Kingdom\n\tDisaster recovery\tManchester, United Kingdom\n", []string{"Greywater Cloud Ltd|GB", "Greywater Cloud Ltd|GB"}},
		{"wrapped-cell", "de", "Anlage 3 – Unterauftragnehmer\n\nNr.\tUnterauftragnehmer\tLeistung\tLand\n1\tWolkenspeicher Harz GmbH\tSpeicherung und\tDeutschland\n\t\tArchivierung\t\n2\tCallcenter Uckermark GmbH\tTelefonie\tDeutschland\n", []string{"Wolkenspeicher Harz GmbH|DE", "Callcenter Uckermark GmbH|DE"}},
		{"wrapped-address", "en", "Schedule 3 – Sub-processors\n\nName\tAddress\tActivity\nOakhurst Storage Ltd\t12 Dock Road\tStorage\n\tHull HU1 2AB, United Kingdom\t\nFenwick Print Limited\t3 Mill Street\tPrinting\n", []string{"Oakhurst Storage Ltd", "Fenwick Print Limited"}},
		// A page's running line between rows keeps the table; another
		// heading ends it.
		{"page-line", "de", "Anlage 3 – Unterauftragnehmer\n\nNr.\tUnternehmen\tLeistung\n1\tHostingzentrum Lippe GmbH\tHosting\n2\tMahnwesen Weser GmbH\tInkasso\n\nAVV Version 3.1 – Seite 7 von 9\n\n3\tTintenfass\tSchreibservice\n", []string{"Hostingzentrum Lippe GmbH", "Mahnwesen Weser GmbH", "Tintenfass"}},
		{"page-line-en", "en", "Annex 3 – Sub-processors\n\nNo.\tCompany\tService\n1\tCopperbeech Hosting Ltd\tInfrastructure\n2\tMarlin Mail Limited\tBulk mail\n\nData Processing Agreement v2.4 – Page 9 of 12\n\n3\tFernhill Shredding Ltd\tShredding\n", []string{"Copperbeech Hosting Ltd", "Marlin Mail Limited", "Fernhill Shredding Ltd"}},
		{"heading-ends", "de", "Anlage 3 – Unterauftragnehmer\n\nNr.\tUnternehmen\tLeistung\n1\tHostingzentrum Lippe GmbH\tHosting\n2\tMahnwesen Weser GmbH\tInkasso\n\nAnlage 4 – Kontrollrechte\n\n3\tPrüfbericht\tjährlich\n", []string{"Hostingzentrum Lippe GmbH", "Mahnwesen Weser GmbH"}},
		// Key-value tables: a name label opens an entry; other labels,
		// placeholders and "keine" do not.
		{"kv-tabs", "de", "Anlage 3 – Unterauftragnehmer\n\nUnterauftragnehmer:\tBergwerk Hosting GmbH\nSitz:\tFreiberg, Deutschland\nTätigkeit:\tHosting\n\nUnterauftragnehmer:\tKlickpilot\nSitz:\tTallinn, Estland\n", []string{"Bergwerk Hosting GmbH|DE", "Klickpilot|EE"}},
		{"kv-pipes", "de", "Anlage 3 – Unterauftragsverarbeiter\n\nName: Rechenhof Eifel GmbH | Leistung: Hosting | Ort: Prüm, Deutschland\nName: Sprachwerk Trier | Leistung: Transkription | Ort: Trier, Deutschland\n", []string{"Rechenhof Eifel GmbH|DE", "Sprachwerk Trier|DE"}},
		{"kv-dpo", "de", "Anlage 3 – Unterauftragsverarbeiter\n\nUnterauftragsverarbeiter:\tkeine\nDatenschutzbeauftragter:\tDatenschutzwerk Harz GmbH\nAnsprechpartner:\tFrau Sabine Kroll\n", nil},
		{"kv-template", "en", "Appendix 2 – Sub-processors\n\nCompany:\t[Company name]\nCountry:\t[Country]\nPurpose:\t[Purpose]\n", nil},
		// Service sub-headings keep a list open; a section heading does not.
		{"sub-headings", "de", "Anlage 3 – Unterauftragsverarbeiter\n\n3.1 Hosting\nRechenzentrum Waldviertel GmbH, Zwettl, Österreich\n\n3.2 Zahlungsabwicklung\nKassenfluss B.V., Utrecht, Niederlande\n", []string{"Rechenzentrum Waldviertel GmbH|AT", "Kassenfluss B.V.|NL"}},
		{"section-heading", "de", "Anlage 3 – Unterauftragsverarbeiter\n\nKeine.\n\n4. Haftung\nVersicherungshaus Mitte AG, Kassel, Deutschland\n", nil},
		// Provider verbs in a section on sub-processors, unless the
		// paragraph says there are none.
		{"provider-verb", "de", "§ 8 Unterauftragnehmer\n\nDie Fernwartung übernimmt die Medisoft Service GmbH aus Bielefeld. Die Datensicherung erfolgt verschlüsselt bei der Sicherungsbunker AG in Frankfurt am Main.\n", []string{"Medisoft Service GmbH", "Sicherungsbunker AG"}},
		{"provider-verb-en", "en", "7. Sub-processors\n\n7.1 Harrier Helpdesk Ltd provides our ticketing system; Cobblestone Backup Limited stores encrypted copies of the database.\n", []string{"Harrier Helpdesk Ltd", "Cobblestone Backup Limited"}},
		{"provider-verb-none", "de", "§ 6 Unterauftragsverhältnisse\n\nDer Auftragnehmer setzt keine Unterauftragnehmer ein. Sämtliche Leistungen erbringt die Datenservice Ost GmbH, Dresden, selbst.\n", nil},
		{"provider-verb-controller", "de", "§ 9 Unterauftragsverhältnisse\n\n(1) Der Auftraggeber betreibt seine Systeme bei der Stadtwerke IT GmbH; diese ist nicht Unterauftragnehmer des Auftragnehmers.\n", nil},
		// Checkbox lists: ticked lines are entries, unticked ones not.
		{"ticked", "de", "Anlage 3 – Unterauftragsverarbeiter\n\n☒ Serverhof Westerwald GmbH – Hosting\n☒ Schreibdienst Krause – Abschrift von Diktaten\n☐ Aktenlager Mosel GmbH – Archivierung\n", []string{"Serverhof Westerwald GmbH", "Schreibdienst Krause"}},
		{"unticked", "en", "Schedule 3 – Sub-processors\n\n☒ The Processor does not use any sub-processors.\n☐ Hillcrest Hosting Ltd (hosting)\n☐ Quaymark Print Limited (printing)\n", nil},
	} {
		checkSubprocessors(t, tc.name, tc.lang, tc.text, tc.want)
	}
}
