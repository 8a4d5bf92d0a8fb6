package extract

import (
	"strings"
	"testing"

	"github.com/art28/art28/internal/corpustest"
)

// TestSubs27ExactNames holds the excerpts of testdata/subs/subs27-*.cases
// (German layouts and wordings nobody had tuned for: sentences, footnotes,
// defined terms, service-first lines, lit./Roman/letter numbering, layout
// columns, foreign legal forms) to the exact names and countries.
func TestSubs27ExactNames(t *testing.T) {
	checkExactSubNames(t, "subs27", true, func(c corpustest.Case) bool {
		return strings.Contains(c.Name, "-s27-")
	})
}

// TestSubs27Rules checks the readings of branch subs27, each with
// positive and negative examples of different wording.
func TestSubs27Rules(t *testing.T) {
	k, err := LoadKnowledge()
	if err != nil {
		t.Fatal(err)
	}
	x := &extractor{k: k, lang: "de"}
	// Definitions of a qualified term for sub-processors name them.
	for s, want := range map[string]bool{
		"(2) „Genehmigte Unterauftragsverarbeiter“ bezeichnet die Kühlhaus Datentechnik GmbH, Kiel.": true,
		"1.4 „Zugelassene Unterauftragnehmer“ meint die Lagerei Berger & Söhne GmbH, Hamburg.":       true,
		"b) „Zugelassene Subunternehmer“ die Archivhaus Weser GmbH, Hafenstraße 12, 28217 Bremen":    true,
		"1.1 \"Approved Sub-processors\" means Cedarline Hosting Ltd, 5 Mill Yard, Leeds":            true,
		"„Unterauftragsverarbeiter“ ist jeder Dritte, beispielsweise die IONOS SE.":                  false,
		"\"Sub-processor\" means any processor engaged by the Processor, such as Acme Inc.":          false,
		"„Genehmigte Unterauftragsverarbeiter“ meint alle in Anlage 3 genannten Unternehmen.":        false,
		"\"Approved Sub-processors\" means any sub-processor listed in Annex 3.":                     false,
		"„Kundendaten“ sind die Daten der Kunden der Muster GmbH.":                                   false,
	} {
		if got := x.subTermDefinition(s) >= 0; got != want {
			t.Errorf("subTermDefinition(%q) = %v", s, got)
		}
	}
	// A list with item labels run into a sentence.
	for s, want := range map[string]bool{
		"Zum Zeitpunkt der Unterzeichnung umfasst sie: (A) Plattformbetrieb Weser GmbH, Bremen; (B) Supportkette AG, Bern.": true,
		"Genehmigt sind: a) Rechnerhaus Spree GmbH, Berlin (Hosting); b) Mahnwesen Plus GmbH, Cottbus.":                     true,
		"Eingesetzt werden: 1) Serverwerk GmbH; 2) Postwerk AG.":                                                            true,
		"Der Auftragnehmer darf Unterauftragsverarbeiter einsetzen, wenn: (a) der Auftraggeber informiert wurde; (b) …":     false,
		"Unterauftragnehmer: Serverwerk GmbH, Köln; Postwerk AG, Bonn.":                                                     false,
		"Es gilt: (A) Die Frist beträgt vier Wochen.":                                                                       false,
	} {
		if got := inlineEnum(s) >= 0; got != want {
			t.Errorf("inlineEnum(%q) = %v", s, got)
		}
	}
	// A service before a colon opens a list line.
	for s, want := range map[string]string{
		"Rechenzentrum: ":         "Rechenzentrum",
		"1. E-Mail-Versand: ":     "E-Mail-Versand",
		"Zahlungsabwicklung: ":    "Zahlungsabwicklung",
		"Auftragnehmer: ":         "",
		"Zertifizierung durch: ":  "",
		"Unterauftragnehmer 2: ":  "",
		"Hinweis: ":               "",
		"Hosting, Backup, Mail: ": "",
	} {
		if got, _ := x.serviceBeforeColon(s); got != want {
			t.Errorf("serviceBeforeColon(%q) = %q, want %q", s, got, want)
		}
	}
	checkStringFunc(t, "trimItemArticle", x.trimItemArticle, map[string]string{
		"die Bürodienst Wendland GmbH, Lüchow, für Schreibarbeiten": "Bürodienst Wendland GmbH, Lüchow, für Schreibarbeiten",
		"der Kopierdienst Nord AG (Hamburg)":                        "Kopierdienst Nord AG (Hamburg)",
		"die Daten der Kunden":                                      "die Daten der Kunden",
		"die vom Auftragnehmer beauftragte Serverwerk GmbH":         "die vom Auftragnehmer beauftragte Serverwerk GmbH",
	})
	checkStringFunc(t, "trimHashNumber", trimHashNumber, map[string]string{
		"#1 Zahlenwerk GmbH, Fulda": "Zahlenwerk GmbH, Fulda", "#12 Postwerk AG": "Postwerk AG",
		"#Hashtag GmbH": "#Hashtag GmbH", "# Titel": "# Titel", "#": "#",
	})
	checkStringFunc(t, "dropShortParen", dropShortParen, map[string]string{
		"Telefonischer Support (1st Level)": "Telefonischer Support", "Hosting (EU) Betrieb": "Hosting Betrieb",
		"Hosting": "Hosting", "Versand (Briefe, Pakete und Sendungen an Kunden)": "Versand (Briefe, Pakete und Sendungen an Kunden)",
	})
	// Item labels "(II)" and "(B)" are no part of the name; "(EU)" is no label.
	for in, want := range map[string]string{
		"(II) Sicherungsdienst Vechta GmbH": "Sicherungsdienst Vechta GmbH", "(IV) Aktenhaus AG": "Aktenhaus AG",
		"(B) Ticketfalke Ltd": "Ticketfalke Ltd", "(EU) Hosting GmbH": "(EU) Hosting GmbH", "(IT) Service GmbH": "(IT) Service GmbH",
	} {
		if got := reLetterMarker.Plain().ReplaceAllString(in, ""); got != want {
			t.Errorf("reLetterMarker on %q = %q, want %q", in, got, want)
		}
	}
	// A site or a service with its place in brackets is no part of the
	// name; a short qualifier is.
	for in, want := range map[string]string{
		"Archivdienst Harmsen GmbH (Hauptniederlassung), Industriestraße 14, 49074 Osnabrück": "Archivdienst Harmsen GmbH",
		"Zahlhaus Payments S.A. (Zahlungsabwicklung; Luxemburg)":                              "Zahlhaus Payments S.A.",
		"1&1 IONOS SE (Büro Berlin), Berlin":                                                  "1&1 IONOS SE (Büro Berlin)",
		"Carrick (UK) Limited, Belfast":                                                       "Carrick (UK) Limited",
	} {
		if got, _, _ := x.entityLine(in, 0); got != want {
			t.Errorf("entityLine(%q) name %q, want %q", in, got, want)
		}
	}
	// A town in brackets after a name; not a service, a country or a
	// short name.
	for in, want := range map[string]string{
		" (Zwickau) für die Archivierung": "Zwickau", " (Dessau-Roßlau, Aktentransport)": "Dessau-Roßlau",
		" (Hosting)": "", " (Deutschland)": "", " („RAD“)": "", " (RAD), Ulm": "",
	} {
		if got := x.townAfter(in); got != want {
			t.Errorf("townAfter(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestSubs27Texts reads small texts for the rules that need a whole
// document (footnotes, continuation rows, inline lists), with negatives.
func TestSubs27Texts(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		want       []string
	}{
		{"footnote-superscript", "§ 5 Unterauftragsverarbeiter\n\nDer Auftragnehmer setzt die in der Fußnote¹ genannten Unterauftragsverarbeiter ein.\n\n¹ Stand Mai 2026: Serverwerk Fulda GmbH, 36037 Fulda (Hosting); Postkontor Rhön AG, Gersfeld (Versand).\n",
			[]string{"Serverwerk Fulda GmbH", "Postkontor Rhön AG"}},
		{"footnote-asterisk", "§ 6 Unterauftragsverarbeiter\n\nEs wird nur der in Anlage 2* genannte Unterauftragsverarbeiter eingesetzt.\n\n* Anlage 2: Datenhalle Eifel GmbH, Bahnhofstraße 2, 54634 Bitburg – Hosting.\n",
			[]string{"Datenhalle Eifel GmbH"}},
		{"footnote-no-legal-form", "§ 5 Unterauftragsverarbeiter\n\nDer Auftragnehmer setzt Unterauftragsverarbeiter¹ ein.\n\n¹ Hinweis: Hosting in Frankfurt; Support in Leipzig.\n",
			nil},
		{"footnote-outside-subs", "§ 9 Haftung\n\nDie Haftung richtet sich nach dem Hauptvertrag¹.\n\n¹ Stand: Versicherer Nordsee AG, Kiel; Makler Hansen GmbH, Husum.\n",
			nil},
		{"inline-sentence-article-parts", "11. DLS setzt derzeit folgende Unterauftragnehmer ein: die Printlogistik Nord GmbH, Bremen (Druck und Versand), die Payzone Zahlungsdienste AG, Köln (Lastschrifteinzug) und die Callbox Service GmbH, Leipzig (Leserbetreuung).\n",
			[]string{"Printlogistik Nord GmbH", "Payzone Zahlungsdienste AG", "Callbox Service GmbH"}},
		{"inline-enum-conditions", "§ 7 Unterauftragsverarbeiter\n\nDer Auftragnehmer darf Unterauftragsverarbeiter einsetzen, wenn: (A) Der Auftraggeber vorab in Textform informiert wurde; (B) Der Auftraggeber nicht binnen vier Wochen widerspricht.\n",
			nil},
		{"layout-service-first-wrapped", "Anlage 3 – Unterauftragsverarbeiter\n\n   Leistung                  Auftragsverarbeiter            Anschrift\n   Versand der               Briefdienst                    Hafenstraße 1, 26721 Emden\n   Rechnungen                Ostfriesland GmbH\n   Hosting                   Rechenwerk Leer GmbH           Mühlenstraße 2, 26789 Leer\n",
			[]string{"Briefdienst Ostfriesland GmbH", "Rechenwerk Leer GmbH"}},
		{"layout-two-rows-not-joined", "Anlage 3 – Unterauftragsverarbeiter\n\n   Leistung                  Auftragsverarbeiter            Anschrift\n   Hosting                   Serverstadt                    Frankfurt am Main\n   Backup                    Backupwerk GmbH                Offenbach am Main\n",
			[]string{"Serverstadt", "Backupwerk GmbH"}},
	} {
		got := subs22Names(t, tc.name, "de", "text", tc.text)
		if strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("%s: got %q, want %q", tc.name, got, tc.want)
		}
	}
}

// TestSubs27bExactNames holds the second material (subs27b.cases,
// written after the first round of fixes) to exact names and countries.
func TestSubs27bExactNames(t *testing.T) {
	checkExactSubNames(t, "subs27b", true, func(c corpustest.Case) bool {
		return strings.Contains(c.Name, "-s27b-")
	})
}

// TestSubs27bRules checks the readings added after the second material.
func TestSubs27bRules(t *testing.T) {
	for in, want := range map[string]bool{
		"Lippe-Detmold GmbH, 32756 ": true, "Wien, A-1010 ": true, "(8010 ": true, "Stand 2024 ": false,
		"seit 2019 ": false, "Telefon 0561 ": false, "Raum 123 ": false,
	} {
		if got := afterPostcode(in); got != want {
			t.Errorf("afterPostcode(%q) = %v", in, got)
		}
	}
	for in, want := range map[string]bool{"I.": true, "IV)": true, "XII.": true, "1.": false, "A.": false, "i.": false, "IVa.": false} {
		if got := romanItemLabel(in); got != want {
			t.Errorf("romanItemLabel(%q) = %v", in, got)
		}
	}
	for _, tc := range []struct {
		name, text string
		want       []string
	}{
		{"zugelassen-ist-die", "§ 9 Unterauftragsverhältnisse\n\nGemäß § 4 i.V.m. Anlage 1 ist die Systemhaus Baar GmbH, Donaueschingen, als Unterauftragsverarbeiter zugelassen.\n",
			[]string{"Systemhaus Baar GmbH"}},
		{"zugelassen-sind", "§ 9 Unterauftragsverhältnisse\n\nAls Unterauftragnehmer zugelassen sind die Aktenwerk Hegau GmbH, Singen, und die Mailhaus Konstanz AG, Konstanz.\n",
			[]string{"Aktenwerk Hegau GmbH", "Mailhaus Konstanz AG"}},
		{"zugelassen-condition", "§ 9 Unterauftragsverhältnisse\n\nUnterauftragsverarbeiter sind nur zugelassen, wenn der Auftraggeber vorher in Textform zugestimmt hat.\n",
			nil},
		{"zugelassen-certifier-no-subs", "§ 9 Nachweise\n\nDie Prüfstelle Baar GmbH, Villingen, ist als Zertifizierungsstelle zugelassen; Unterauftragsverarbeiter setzt der Auftragnehmer nicht ein.\n",
			nil},
		{"roman-entries", "Anlage 2 – Unterauftragsverarbeiter\n\nI. Serverwerk Fulda GmbH, Fulda – Hosting\nII. Postkontor Rhön AG, Gersfeld – Versand\n",
			[]string{"Serverwerk Fulda GmbH", "Postkontor Rhön AG"}},
		{"roman-sections-no-entries", "II. Pflichten des Auftragnehmers\n\nDer Auftragnehmer beachtet die Weisungen.\n\nIII. Unterauftragsverhältnisse\n\nDer Auftragnehmer setzt keine Unterauftragsverarbeiter ein.\n",
			nil},
		{"layout-amp-after-full-name", "Anlage 3 – Subunternehmer\n\n   Leistung                     Subunternehmer                    Sitz\n   Druck und Versand der        Briefwerk Sauerland GmbH          59872 Meschede\n   Kontoauszüge                 & Co. KG\n",
			[]string{"Briefwerk Sauerland GmbH & Co. KG"}},
		{"service-paren-dropped", "Anlage 2 – Unterauftragsverarbeiter\n\na) Datenwerk Ulm GmbH (Rechenzentrum), Industriestraße 5, 89073 Ulm – Hosting\nb) Aktenhof Ulm GmbH (Büro Neu-Ulm), Neu-Ulm – Archiv\n",
			[]string{"Datenwerk Ulm GmbH", "Aktenhof Ulm GmbH (Büro Neu-Ulm)"}},
	} {
		got := subs22Names(t, tc.name, "de", "text", tc.text)
		if strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("%s: got %q, want %q", tc.name, got, tc.want)
		}
	}
}

// checkStringFunc runs a table of inputs and wanted outputs through one
// string function.
func checkStringFunc(t *testing.T, name string, f func(string) string, cases map[string]string) {
	t.Helper()
	for in, want := range cases {
		if got := f(in); got != want {
			t.Errorf("%s(%q) = %q, want %q", name, in, got, want)
		}
	}
}
