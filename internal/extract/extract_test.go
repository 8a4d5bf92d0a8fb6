package extract

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/art28/art28/internal/document"
	"github.com/art28/art28/internal/model"
	"github.com/art28/art28/internal/segment"
)

var update = flag.Bool("update", false, "rewrite golden files")

// run extracts the facts of an invented contract text.
func run(t testing.TB, lang, text string) model.Facts {
	t.Helper()
	doc := document.ParseText("test.txt", "text", text)
	f, err := Extract(Input{Doc: doc, Sentences: segment.Split(doc), Lang: lang})
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func TestKnowledgeLoads(t *testing.T) {
	k, err := LoadKnowledge()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []string{"DE", "AT", "NO", "IS", "LI"} {
		if cc, ok := k.Country(c); !ok || !cc.InEEA() {
			t.Errorf("%s: want EU/EEA member", c)
		}
	}
	for _, c := range []string{"CH", "GB", "US", "SG"} {
		if cc, ok := k.Country(c); !ok || cc.InEEA() {
			t.Errorf("%s: want non-EEA country", c)
		}
	}
}

func TestParseAddress(t *testing.T) {
	k, _ := LoadKnowledge()
	tests := []struct {
		in, lang, city, country string
	}{
		{"Musterweg 3, 80331 München", "de", "München", "DE"},
		{"Hauptstraße 1 D-10115 Berlin, Deutschland", "de", "Berlin", "DE"},
		{"1 Market Street, San Francisco, CA 94105, USA", "en", "San Francisco", "US"},
		{"70 Sir John Rogerson's Quay, Dublin 2, Ireland", "en", "Dublin", "IE"},
		{"12 Example Road, Singapore 123456", "en", "Singapore", "SG"},
		{"Bahnhofstrasse 10, 8001 Zürich, Schweiz", "de", "Zürich", "CH"},
		{"Keizersgracht 1, 1015 CJ Amsterdam", "en", "Amsterdam", "NL"},
	}
	for _, tc := range tests {
		a := k.ParseAddress(tc.in, tc.lang)
		if a.City != tc.city || a.Country != tc.country {
			t.Errorf("%q: got city %q country %q, want %q %q", tc.in, a.City, a.Country, tc.city, tc.country)
		}
	}
}

func TestDurations(t *testing.T) {
	k, _ := LoadKnowledge()
	tests := []struct {
		in    string
		days  int
		hours int
	}{
		{"binnen zwei Wochen widersprechen", 14, 336},
		{"innerhalb von 30 Tagen", 30, 720},
		{"within seven (7) calendar days", 7, 168},
		{"spätestens innerhalb von 48 Stunden", 2, 48},
		{"mit einer Frist von drei Monaten", 90, 2160},
		{"within fourteen days", 14, 336},
		// Working days count as calendar days at seven per week's working
		// days, rounded up: Werktage have six a week, business days five.
		{"innerhalb von 10 Werktagen", 12, 288},
		{"within ten (10) business days", 14, 336},
		{"binnen zwei Arbeitstagen", 3, 72},
		{"within 1 working day", 2, 48},
		{"innerhalb von fünf Kalendertagen", 5, 120},
	}
	for _, tc := range tests {
		ds := k.Durations(tc.in)
		if len(ds) != 1 || ds[0].days() != tc.days || ds[0].hours() != tc.hours {
			t.Errorf("%q: got %+v, want %d days, %d hours", tc.in, ds, tc.days, tc.hours)
		}
	}
}

func TestPlaceholders(t *testing.T) {
	k, _ := LoadKnowledge()
	for _, s := range []string{"---", "[Name]", "………", "${companyName}", "wird eingefügt", "____", "{{customer}}"} {
		if !k.IsPlaceholder(s) {
			t.Errorf("%q: want placeholder", s)
		}
	}
	for _, s := range []string{"Muster GmbH", "ACME Ltd"} {
		if k.IsPlaceholder(s) {
			t.Errorf("%q: not a placeholder", s)
		}
	}
}

func TestDeadlines(t *testing.T) {
	tests := []struct {
		name, lang, text  string
		breach, objection int // 0 = want null
		wantBreachNote    bool
	}{
		{"de hours", "de", "Der Auftragnehmer meldet dem Auftraggeber Verletzungen des Schutzes personenbezogener Daten spätestens innerhalb von 48 Stunden.", 48, 0, false},
		{"de separable zeigt an", "de", "Eine Verletzung des Schutzes personenbezogener Daten zeigt der Dienstleister dem Kunden binnen 36 Stunden an.", 36, 0, false},
		{"de separable teilt mit", "de", "Eine Verletzung des Schutzes personenbezogener Daten teilt der Dienstleister dem Kunden innerhalb von 12 Stunden mit.", 12, 0, false},
		{"de undue only", "de", "Der Auftragnehmer informiert den Auftraggeber unverzüglich über Datenschutzverletzungen.", 0, 0, true},
		{"de processor's deadline before the authority's clause", "de", "Besteht der Verdacht auf eine Verletzung des Schutzes personenbezogener Daten, informiert der Auftragnehmer den Auftraggeber unverzüglich, spätestens innerhalb von 24 Stunden, und unterstützt ihn bei der Meldung an die Aufsichtsbehörde.", 24, 0, false},
		{"de the authority's deadline", "de", "Der Auftragnehmer informiert den Auftraggeber über Verletzungen des Schutzes personenbezogener Daten, damit dieser sie innerhalb von 72 Stunden an die Aufsichtsbehörde melden kann.", 0, 0, false},
		{"de objection words", "de", "Der Auftraggeber kann der Beauftragung eines neuen Unterauftragnehmers binnen vier Wochen widersprechen.", 0, 28, false},
		{"contract breach is no data breach", "en", "If the Processor is in breach of this DPA and fails to remedy it within thirty (30) days of being notified, the Controller may terminate.", 0, 0, false},
		{"en", "en", "The Processor shall notify the Controller of a Personal Data Breach within twenty-four hours. The Customer may object to a new Sub-processor within seven (7) calendar days of notice.", 24, 7, false},
		{"en notice before a change, objection within that period", "en", "The Supplier shall give the Customer at least 30 days' notice before it adds or replaces a sub-processor. The Customer may object on reasonable grounds within that period.", 0, 30, false},
		{"de audit notice is no termination notice", "de", "Der Kunde kann einmal jährlich eine Überprüfung vor Ort durchführen, mit einer Ankündigungsfrist von 14 Tagen.", 0, 0, false},
		{"de audit announced is no termination notice", "de", "Vor-Ort-Kontrollen werden in der Regel mit einer Frist von zwei Wochen angekündigt und während der Dienstzeiten durchgeführt.", 0, 0, false},
		{"de audit to be announced is no termination notice", "de", "Audits finden höchstens einmal in zwölf Monaten statt und sind mit einer Frist von 30 Tagen anzukündigen.", 0, 0, false},
		{"de everyday words", "de", "Falls doch einmal etwas schiefgeht – etwa ein Hackerangriff oder ein verlorener Laptop – und Daten betroffen sein könnten, sagen wir dir spätestens nach 24 Stunden Bescheid.", 24, 0, false},
		{"de Sicherheitsverletzung", "de", "Nuvora wird den Kunden ohne unangemessene Verzögerung, in jedem Fall innerhalb von 48 Stunden, nachdem Nuvora von einer Sicherheitsverletzung Kenntnis erlangt hat, benachrichtigen.", 48, 0, false},
		{"de Ankündigung vorab, Widerspruch in dieser Frist", "de", "Der Auftragnehmer kündigt den Einsatz eines neuen Unterauftragnehmers mindestens vier Wochen vorher an. Der Auftraggeber kann innerhalb dieser Frist widersprechen.", 0, 28, false},
	}
	for _, tc := range tests {
		f := run(t, tc.lang, tc.text)
		d := f.Deadlines
		if strings.HasPrefix(tc.name, "de audit") && d.TerminationNoticeDays != nil {
			t.Errorf("%s: termination_notice_days %d, want none", tc.name, *d.TerminationNoticeDays)
		}
		if strings.HasPrefix(tc.name, "de audit to be announced") && ptr(d.AuditNoticeDays) != 30 {
			t.Errorf("%s: audit_notice_days %d, want 30", tc.name, ptr(d.AuditNoticeDays))
		}
		if got := ptr(d.BreachNoticeHours); got != tc.breach {
			t.Errorf("%s: breach_notice_hours %d, want %d", tc.name, got, tc.breach)
		}
		if got := ptr(d.SubprocessorObjectionDays); got != tc.objection {
			t.Errorf("%s: subprocessor_objection_days %d, want %d", tc.name, got, tc.objection)
		}
		if tc.wantBreachNote && !strings.Contains(d.Notes["breach_notice_hours"], "undue") {
			t.Errorf("%s: want note about \"without undue delay\", got %q", tc.name, d.Notes["breach_notice_hours"])
		}
	}
}

// TestDeadlinesProviderSection checks the time limits of a section that
// lists service providers without the word sub-processor, and a deletion
// period whose end of contract stands in the sentence before.
func TestDeadlinesProviderSection(t *testing.T) {
	text := "5. Wer hilft uns?\n\nWir arbeiten mit diesen Dienstleistern zusammen:\n- Beispiel Hosting GmbH – Hosting, Falkenstein\n\nWenn wir jemanden Neues dazuholen wollen, schreiben wir dir mindestens zwei Wochen vorher eine E-Mail. Passt dir das nicht, kannst du innerhalb dieser zwei Wochen widersprechen.\n\n8. Ende\n\nWenn der Betreuungsvertrag endet, löschen wir die Daten. Kopien und Backups löschen wir spätestens nach 30 Tagen.\n"
	d := run(t, "de", text).Deadlines
	if ptr(d.SubprocessorNoticeDays) != 14 || ptr(d.SubprocessorObjectionDays) != 14 || ptr(d.DeletionDays) != 30 {
		t.Errorf("notice %d, objection %d, deletion %d; want 14, 14, 30", ptr(d.SubprocessorNoticeDays), ptr(d.SubprocessorObjectionDays), ptr(d.DeletionDays))
	}
	// A period that ends something other than the contract gives no
	// deletion period.
	d = run(t, "de", "Die Nutzungsdauer endet mit dem Termin. Für Projekte wird der Datensatz 14 Tage nach der Aufnahme gelöscht.").Deadlines
	if d.DeletionDays != nil {
		t.Errorf("deletion %d, want none", *d.DeletionDays)
	}
}

func ptr(p *int) int {
	if p == nil {
		return 0
	}
	return *p
}

func TestParties(t *testing.T) {
	tests := []struct {
		name, lang, text, processor, controller string
	}{
		{"block after label", "de", "Auftraggeber:\n\n[Name]\n\nAuftragnehmer:\n\nBeispiel Software GmbH & Co. KG\nAm Markt 4\n04109 Leipzig\n\n§ 1 Gegenstand\n\nText.", "Beispiel Software GmbH & Co. KG", ""},
		{"block before trailer", "de", "Zwischen\n\nErika Mustermann\nLindenallee 7\n50667 Köln\n– Auftraggeber –\n\nund\n\nNordwind IT UG (haftungsbeschränkt)\nHafenstraße 2\n24103 Kiel\n– Auftragnehmer –\n\n1 Gegenstand\n", "Nordwind IT UG (haftungsbeschränkt)", "Erika Mustermann"},
		{"inline", "de", "Diese Vereinbarung gilt für Leistungen der Beispiel AG (nachfolgend Auftragnehmer) für den Kunden.", "Beispiel AG", ""},
		{"same line", "de", "Auftraggeber: [Name]\nAuftragnehmer: Omikron Daten GmbH, Feldweg 9, 99084 Erfurt\n\n§ 1 Gegenstand\n", "Omikron Daten GmbH", ""},
		{"inline with address", "de", "Dieser Vertrag wird geschlossen zwischen der Pi Services GmbH, Lindenstraße 4, 01097 Dresden – nachfolgend „Auftragnehmer“ genannt – und dem Kunden.", "Pi Services GmbH", ""},
		{"english", "en", "This DPA is entered into by Example Cloud Ltd (hereinafter \"Processor\") and the customer.", "Example Cloud Ltd", ""},
		{"vendor and customer with addresses", "en", "This Data Processing Agreement is entered into between Northwind Traders Ltd, 12 High Street, London EC1A 1BB, United Kingdom (\"Customer\") and Contoso Cloud Inc., 500 Market Street, San Francisco, CA 94105, USA (\"Vendor\").", "Contoso Cloud Inc.", "Northwind Traders Ltd"},
		{"is the data processor", "en", "Both parties acknowledge that the Customer is the data controller and Fabrikam Analytics GmbH is the data processor.", "Fabrikam Analytics GmbH", ""},
		{"supplier and client", "en", "This agreement is made between Tailspin Toys B.V. (hereinafter \"Supplier\") and the customer named in the order form (hereinafter \"Client\").", "Tailspin Toys B.V.", ""},
		{"kunde", "de", "Zwischen der Lambda Handel GmbH (nachfolgend „Kunde“) und der Sigma Hosting AG (nachfolgend „Anbieter“) wird Folgendes vereinbart.", "Sigma Hosting AG", "Lambda Handel GmbH"},
		// A role word without a named company is no name.
		{"role words only", "en", "The Customer (\"Controller\") and the Vendor (\"Processor\") agree as follows.", "", ""},
		// Prose between the name and the role is not an address.
		// The role follows from the defined terms: "Company" is the processor.
		{"defined terms with roles stated later", "en", "This Addendum forms part of the Agreement between Northwind Analytics Inc., a Delaware corporation (\"Company\"), and the customer identified in the Order Form (\"Customer\").\n\n1. Roles\n\nCustomer is the controller and Company is the processor of Customer Personal Data.", "Northwind Analytics Inc.", ""},
		{"incorporation and registered office between name and role", "en", "These Terms are entered into by Brightlane Software Ltd, a company registered in England and Wales (company number 09876543) with its registered office at 4 Quay Street, Manchester M3 3JE (\"Service Provider\"), and the organisation that accepts them (\"Client\").", "Brightlane Software Ltd", ""},
		{"state of incorporation and offices", "en", "This Data Processing Agreement is made between Corvid Labs, Inc., a Delaware corporation with offices at 500 Market Street, San Francisco, CA 94105 (\"Vendor\"), and Halden Retail GmbH, Seestraße 4, 80802 München (\"Customer\").", "Corvid Labs, Inc.", "Halden Retail GmbH"},
		{"customer number", "de", "Auftraggeber:\n\nKappa Möbel GmbH\nKundennummer: 203523\nRingstraße 4\n10115 Berlin\n\nAuftragnehmer:\n\nSigma Hosting AG\nAm Markt 1\n04109 Leipzig\n\n§ 1 Gegenstand\n", "Sigma Hosting AG", "Kappa Möbel GmbH"},
		{"informal du", "de", "Pixelwerk Agentur UG (haftungsbeschränkt), Hafenstraße 9, 48153 Münster („wir“)\nund\nCafé Lindenblüte GmbH, Lindenweg 2, 48143 Münster („du“)\n\n1. Worum geht's?\nText.", "Pixelwerk Agentur UG (haftungsbeschränkt)", "Café Lindenblüte GmbH"},
		{"prose is no address", "en", "Acme Widgets Ltd shall ensure that its staff are bound by confidentiality and that the processing by the processor is lawful (\"Processor\").", "", ""},
	}
	for _, tc := range tests {
		f := run(t, tc.lang, tc.text)
		got := ""
		if f.Parties.Processor != nil {
			got = f.Parties.Processor.Name
		}
		if got != tc.processor {
			t.Errorf("%s: processor %q, want %q", tc.name, got, tc.processor)
		}
		got = ""
		if f.Parties.Controller != nil {
			got = f.Parties.Controller.Name
		}
		if got != tc.controller {
			t.Errorf("%s: controller %q, want %q", tc.name, got, tc.controller)
		}
		if cn := "203523"; tc.name == "customer number" && (f.Parties.Controller == nil || f.Parties.Controller.CustomerNumber != cn) {
			t.Errorf("%s: controller %+v, want customer number %s", tc.name, f.Parties.Controller, cn)
		}
		for _, p := range []*model.Party{f.Parties.Controller, f.Parties.Processor} {
			if p != nil && tc.name != "customer number" && p.CustomerNumber != "" {
				t.Errorf("%s: %s: customer number %q in a text without one", tc.name, p.Name, p.CustomerNumber)
			}
		}
		if tc.name == "same line" && !strings.Contains(f.Parties.ControllerNote, "placeholder") {
			t.Errorf("%s: controller note %q, want placeholder", tc.name, f.Parties.ControllerNote)
		}
		if tc.controller == "" && f.Parties.ControllerNote == "" {
			t.Errorf("%s: want a note for the missing controller", tc.name)
		}
	}
}

func TestSubprocessors(t *testing.T) {
	type sp struct{ name, country string }
	tests := []struct {
		name, lang, text string
		want             []sp
		third            map[string]string
	}{
		{"tab table", "de", "## 7 Unterauftragsverhältnisse\n\nDer Auftraggeber stimmt folgenden Unterauftragnehmern zu:\n\nFirma\tAnschrift\tLeistung\nAlpha Hosting GmbH\tRingstraße 5, 90402 Nürnberg\tRechenzentrum\nBeta Mail Inc.\t1 Market Street, San Francisco, CA 94105, USA\tE-Mail-Versand (EU-U.S. Data Privacy Framework)\n",
			[]sp{{"Alpha Hosting GmbH", "DE"}, {"Beta Mail Inc.", "US"}}, map[string]string{"Beta Mail Inc.": "data_privacy_framework"}},
		{"markdown table", "en", "## Annex 3 Sub-processors\n\n| Name | Address | Service |\n|---|---|---|\n| Gamma Analytics B.V. | Keizersgracht 1, 1015 CJ Amsterdam | Analytics |\n| Delta Support Pte. Ltd. | 12 Example Road, Singapore 123456 | Support (standard contractual clauses) |\n",
			[]sp{{"Gamma Analytics B.V.", "NL"}, {"Delta Support Pte. Ltd.", "SG"}}, map[string]string{"Delta Support Pte. Ltd.": "standard_contractual_clauses"}},
		// A PDF table cell whose name and address stood on lines of their
		// own, joined by the reader (db-glakon.pdf).
		{"name and address in one cell", "de", "## Anlage 2 Genehmigte Subunternehmer\n\n| Name und Anschrift des Subunternehmers | Auftragsinhalt |\n| Theta Systeme AG Falkenstr. 31, 33758 Schloß Holte-Stukenbrock, DE | Support |\n| Kappa Netz GmbH Am Stellwerk 12 74177 Bad Friedrichshall | Wartung |\n",
			[]sp{{"Theta Systeme AG", "DE"}, {"Kappa Netz GmbH", "DE"}}, nil},
		{"bullets", "de", "## 9. Subunternehmer\n\nEs werden folgende Subunternehmer eingesetzt:\n\n- Epsilon Cloud SE, Parkring 3, 1010 Wien, Österreich: Speicherung der Backups\n- Zeta Druck e.K., Lindenweg 2, 01067 Dresden: Versand von Briefen\n",
			[]sp{{"Epsilon Cloud SE", "AT"}, {"Zeta Druck e.K.", "DE"}}, nil},
		{"annex with labels", "de", "Anlage 2 Weitere Auftragsverarbeiter\n- Eta Systems Ltd\n- Adresse: 10 High Street, London EC1A 1BB, United Kingdom\n- Leistung: Ticketsystem\n",
			[]sp{{"Eta Systems Ltd", "GB"}}, map[string]string{"Eta Systems Ltd": "adequacy_decision"}},
		{"other processors in the words of the GDPR", "en", "Appendix 1 – Other processors\nEntity | Service | Location\nOmicron Hosting SARL | Hosting | Luxembourg\nPi Support, Inc. | Support tickets | USA\n",
			[]sp{{"Omicron Hosting SARL", "LU"}, {"Pi Support, Inc.", "US"}}, nil},
		{"sentence", "de", "## 5 Unterauftragnehmer\n\nDer Auftragnehmer setzt als Unterauftragnehmer die Kappa Rechenzentrum GmbH, Am Hafen 3, 28217 Bremen, für das Hosting ein.\n",
			[]sp{{"Kappa Rechenzentrum GmbH", "DE"}}, nil},
		{"name and address in one cell", "de", "## Anlage 3 Subunternehmer\n\nName und Anschrift\tLeistung\nLambda Support Ltd, 5 Bridge Street, Dublin 2, Irland\tHelpdesk\n",
			[]sp{{"Lambda Support Ltd", "IE"}}, nil},
		{"location column", "de", "## Anlage 3 Genehmigte Unterauftragnehmer\n\nUnterauftragnehmer (Name, Rechtsform, Sitz)\tOrt der Leistungserbringung\tArt der Leistung\nMy Cloud Services Inc., Wilmington\tIrland\tCloud-Speicher\n",
			[]sp{{"My Cloud Services Inc.", "US"}}, nil},
		{"lead-in and wrapped lines", "de", "Anlage 4\n\nFolgende Subunternehmer sind beauftragt:\n\n**Rho Hosting GmbH** (Industriestr. 25, 91710 Gunzenhausen, Deutschland) – Hosting\nSigma Ireland Limited, Gordon House, Barrow Street, Dublin 4, Irland: Werbung\n\n## 9 Haftung\n\nDie Tau Versicherung AG haftet nicht.\n",
			[]sp{{"Rho Hosting GmbH", "DE"}, {"Sigma Ireland Limited", "IE"}}, nil},
		{"not processors", "de", "## 6 Unterauftragsverhältnisse\n\nUnterauftragnehmer:\n\nName\tAnschrift\tLeistung\nTheta IT GmbH\tWeg 1, 28195 Bremen\tHosting\n\nFür die nachfolgenden Firmen ist ein AV-Vertrag nicht erforderlich:\n\nName\tAnschrift\tLeistung\nIota Bank AG\tPlatz 2, 60311 Frankfurt am Main\tZahlungsverkehr\n",
			[]sp{{"Theta IT GmbH", "DE"}}, nil},
		{"pipe table without outer pipes", "de", "§ 8 Sub-Auftragsverarbeiter\nDer Auftraggeber genehmigt die folgenden Sub-Auftragsverarbeiter:\nDienstleister | Zweck | Sitz / Region\nOmega Cloud, Inc. | Hosting | EU — Frankfurt\nPsi Mail SAS | E-Mail-Versand | Paris, Frankreich\nNimbus Analytics | Reichweitenmessung | Estland\n",
			[]sp{{"Omega Cloud, Inc.", "DE"}, {"Psi Mail SAS", "FR"}, {"Nimbus Analytics", "EE"}}, nil},
		{"Sub-Dienstleister annex table", "de", "Anlage 2 – Sub-Dienstleister\nName | Sitz | Land | Tätigkeit\nOrbis Cloud GmbH | Erika-Mann-Str. 3, 80636 München | Deutschland | Hosting\nTessera, Inc. | 1 Market Street, San Francisco, CA 94105 | USA | Ticketsystem\n",
			[]sp{{"Orbis Cloud GmbH", "DE"}, {"Tessera, Inc.", "US"}}, nil},
		{"consent to the engagement of a company in the section", "de", "4. Unterauftragsverarbeitung\n4.1 Der Mandant stimmt dem Einsatz der Orbis Rechenzentrum eG, Hauptstraße 6, 90429 Nürnberg, als Rechenzentrum zu.\n",
			[]sp{{"Orbis Rechenzentrum eG", "DE"}}, nil},
		{"current sub-processors named after 'derzeit gehören dazu'", "de", "5. Unterauftragsverarbeiter\n5.1 Die Liste ist online abrufbar; derzeit gehören dazu Orbis Web Services EMEA SARL (Luxemburg) für Hosting und Tessera Support Unlimited Company (Irland) für den Chat.\n",
			[]sp{{"Orbis Web Services EMEA SARL", "LU"}, {"Tessera Support Unlimited Company", "IE"}}, nil},
		{"pipe table with placeholder and alternative", "de", "Anlage 2 – Unterauftragsverarbeiter\nUnterauftragsverarbeiter | Leistung | Region\n[[Hoster, z. B. EU-Anbieter]] oder Beispiel Hosting Inc. (USA) | Hosting | [[Region]]\n[[Muster Data Inc. (USA)]] (nur Variante B) | Datenbank | [[Region]]\n",
			[]sp{{"Beispiel Hosting Inc.", "US"}, {"Muster Data Inc.", "US"}}, nil},
		{"bullets with bare names", "de", "8. Unterauftragsverarbeiter\nDer Verantwortliche stimmt dem Einsatz der folgenden Unterauftragsverarbeiter zu:\n- Quanta Server GmbH (Deutschland) – Hosting\n- Lumen AI (USA) – Textgenerierung – Standardvertragsklauseln\n- Corvus (Irland/USA) – Zahlungsabwicklung\n- Hosting: Vela Edge Inc. (USA) — Standardvertragsklauseln\n9. Ort der Verarbeitung\n- Deutschland (Rechenzentrum) – Primärsystem\n",
			[]sp{{"Quanta Server GmbH", "DE"}, {"Lumen AI", "US"}, {"Corvus", ""}, {"Vela Edge Inc.", "US"}}, nil},
		{"one cell per line", "de", "Anlage 2: Genehmigte Unterauftragsverarbeiter\nSubunternehmer\nDienstleistung / Zweck\nServerstandort\nOrbis Cloud Ltd.\nBackend-Hosting\nEU\nTessera, Inc.\nCDN\nGlobal (CDN)\nMuster Buchhaltung GmbH & Co. KG\nRechnungs-API\nDeutschland\nAnlage 3: Technische und organisatorische Maßnahmen\nDie Verschlüsselung erfolgt durch die Beispiel Krypto GmbH.\n",
			[]sp{{"Orbis Cloud Ltd.", ""}, {"Tessera, Inc.", ""}, {"Muster Buchhaltung GmbH & Co. KG", ""}}, nil},
		{"same company, another service", "de", "Anlage 2 — Genehmigte Unterauftragnehmer\nUnterauftragnehmer | Leistung | Region\nAurora Ireland Operations Ltd. — Sprachmodell | Texterstellung | EU\nAurora — Sprachausgabe | Vorlesen | EU\n",
			[]sp{{"Aurora Ireland Operations Ltd.", "IE"}}, nil},
		{"list of annexes", "de", "§ 6 Unterauftragsverhältnisse\n\nDer Auftragnehmer darf Subunternehmer einsetzen.\n\nDie folgenden Anlagen gelten:\n\n| Anlage 1 | Technische und organisatorische Maßnahmen |\n| Anlage 2 | Genehmigte Subunternehmer |\n",
			nil, nil},
		{"cell wrapped onto its own row", "de", "## Anlage 2 Genehmigte Subunternehmer\n\n| Name und Anschrift des Subunternehmers | Auftragsinhalt |\n| Alpha AG Weg 31, 33758 Schloß | Support |\n| Holte-Stukenbrock, DE |  |\n| Beta GmbH Am Ring 1, 74177 Bad Ort | Backup |\n",
			[]sp{{"Alpha AG", "DE"}, {"Beta GmbH", "DE"}}, nil},
		{"pipe rows that are not sub-processors", "de", "§ 9 Unterauftragsverhältnisse\nDer Auftragnehmer setzt keine Unterauftragnehmer ein.\n\nAnlage 2 Technische und organisatorische Maßnahmen\nSchutzziel | Maßnahmen\nVertraulichkeit | Zugriffskontrolle durch Rollen\nIntegrität | Protokollierung\nOrt, Datum: | Ort, Datum:\n",
			nil, nil},
		{"brand with its company in parentheses", "de", "## 6 Dienstleister\n\nSie erlauben uns, folgende Unterauftragsverarbeiter einzusetzen:\n- Nimbus SE, Montabaur – Hosting der Server\n- Fernsprech GmbH, Düsseldorf – Versand von SMS\n- Postly (Mailwerk GmbH), Berlin – Versand von E-Mails\n",
			[]sp{{"Nimbus SE", "DE"}, {"Fernsprech GmbH", "DE"}, {"Postly (Mailwerk GmbH)", "DE"}}, nil},
		{"numbered list after a lead-in, a sentence in the section", "de", "Vertrag zwischen der Beispiel Software GmbH (Auftragnehmer) und dem Kunden (Auftraggeber).\n\n§ 7 Unterauftragsverhältnisse\n(1) Derzeit ist die Nordhost GmbH (Hosting, Deutschland) beauftragt.\n(2) Darüber hinaus setzt der Auftragnehmer die Rechenwerk eG, Nürnberg, für die Lohnbuchhaltung ein.\n(3) Weitere Unterauftragnehmer:\n1. Webwerk Service GmbH & Co. KG, Espelkamp – Webhosting\n2. Edgeflare, Inc., San Francisco (USA) – Content Delivery Network\n(4) Der Auftraggeber stimmt der Beauftragung zu.\n",
			// Espelkamp is no listed town; a GmbH & Co. KG there is German.
			[]sp{{"Webwerk Service GmbH & Co. KG", "DE"}, {"Edgeflare, Inc.", "US"}, {"Nordhost GmbH", "DE"}, {"Rechenwerk eG", "DE"}}, nil},
		{"signature fields of a template", "de", "## 9 Unterschriften\n\nUnterauftragsverarbeiter: [NAME]\nName: [Vorname, Nachname]\nFunktion: [Funktionsbezeichnung]\nDatum: [TT/MM/JJJJ]\n",
			nil, nil},
	}
	for _, tc := range tests {
		f := run(t, tc.lang, tc.text)
		var got []sp
		for _, s := range f.Subprocessors {
			got = append(got, sp{s.Name, s.Country})
			if want, ok := tc.third[s.Name]; ok && (!s.ThirdCountry || s.TransferMechanism != want) {
				t.Errorf("%s: %s third_country %v mechanism %q, want %q", tc.name, s.Name, s.ThirdCountry, s.TransferMechanism, want)
			}
			if s.Evidence.End <= s.Evidence.Start || s.Evidence.End > len(tc.text) {
				t.Errorf("%s: %s: bad evidence span %d-%d", tc.name, s.Name, s.Evidence.Start, s.Evidence.End)
			}
		}
		if len(got) != len(tc.want) {
			t.Errorf("%s: got %v, want %v", tc.name, got, tc.want)
			continue
		}
		for i := range got {
			if got[i] != tc.want[i] {
				t.Errorf("%s: entry %d: got %v, want %v", tc.name, i, got[i], tc.want[i])
			}
		}
		if tc.name == "not processors" && (len(f.OtherRecipients) != 1 || f.OtherRecipients[0].Name != "Iota Bank AG") {
			t.Errorf("%s: other recipients %+v", tc.name, f.OtherRecipients)
		}
	}
}

func TestDataAndTOMs(t *testing.T) {
	text := "## 2 Art der Daten\n\nFolgende Datenarten werden verarbeitet:\n\n- Name, Anschrift\n- Gesundheitsdaten der Patienten\n\nKategorien betroffener Personen:\n\n- Kunden\n- Beschäftigte\n\n## Anlage 1 TOM\n\nZutrittskontrolle\n\n- z.B. Magnet- oder Chipkarten\n- z.B. Alarmanlage\n\nVerschlüsselung\n\n- Transportverschlüsselung mit TLS 1.3\n- Rechenzentrum zertifiziert nach ISO/IEC 27001 und BSI C5\n"
	f := run(t, "de", text)
	if len(f.DataTypes.Items) != 2 || !f.DataTypes.Special {
		t.Errorf("data types %+v: want 2 items with a special category", f.DataTypes)
	}
	if len(f.DataSubjects.Items) != 2 {
		t.Errorf("data subjects %+v: want 2", f.DataSubjects)
	}
	g := run(t, "de", "## Anlage 1 TOM\n\n- Zutrittskontrolle: Transponder und Videoüberwachung.\n- **Zugangskontrolle** – Multi-Faktor-Authentifizierung\n")
	if len(g.TOMs.Categories) != 2 || len(g.TOMs.Categories[0].Items) != 1 || g.TOMs.Categories[1].Items[0] != "Multi-Faktor-Authentifizierung" {
		t.Errorf("toms from list items: %+v", g.TOMs.Categories)
	}
	h := run(t, "de", "(2) Art der Daten: Kontaktdaten (Name, E-Mail), Termindaten und Gesundheitsdaten.\n\n(3) Kategorien betroffener Personen: Kunden, Beschäftigte.\n")
	if len(h.DataTypes.Items) != 3 || h.DataTypes.Items[0].Text != "Kontaktdaten (Name, E-Mail)" || !h.DataTypes.Special || len(h.DataSubjects.Items) != 2 {
		t.Errorf("inline lists: %+v / %+v", h.DataTypes.Items, h.DataSubjects.Items)
	}
	if len(f.TOMs.Categories) != 2 || !f.TOMs.Categories[0].GenericExamples || f.TOMs.Categories[1].GenericExamples {
		t.Errorf("toms %+v", f.TOMs.Categories)
	}
	for _, p := range []string{"TLS 1.3", "ISO/IEC 27001", "BSI C5"} {
		if !contains(f.TOMs.Parameters, p) {
			t.Errorf("parameters %v: want %q", f.TOMs.Parameters, p)
		}
	}
}

func TestMetaAndDPO(t *testing.T) {
	text := "Vertrag zur Auftragsverarbeitung\n\nVersion 2.1 vom 15.03.2024\n\nDer Auftragnehmer ist nicht verpflichtet, einen Datenschutzbeauftragten zu bestellen.\n\nEs gilt deutsches Recht. Gerichtsstand ist Hamburg.\n"
	f := run(t, "de", text)
	if f.Meta.Date != "2024-03-15" || f.Meta.Version != "2.1" || f.Meta.GoverningLaw != "DE" || f.Meta.Jurisdiction != "Hamburg" {
		t.Errorf("meta %+v", f.Meta)
	}
	if g := run(t, "de", "Es gilt das Recht der Bundesrepublik Deutschland."); g.Meta.GoverningLaw != "DE" {
		t.Errorf("governing law %q", g.Meta.GoverningLaw)
	}
	if g := run(t, "de", "Die Parteien vereinbaren als Gerichtsstand den Sitz des für Frankfurt am Main zuständigen Gerichts."); g.Meta.Jurisdiction != "Frankfurt am Main" {
		t.Errorf("jurisdiction %q", g.Meta.Jurisdiction)
	}
	if f.DPO == nil || !f.DPO.NotRequired {
		t.Errorf("dpo %+v: want not required", f.DPO)
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// TestGolden compares the facts of the contracts in testdata/*.txt with
// their .golden.json files; run with -update to rewrite them.
func TestGolden(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.txt")
	if len(files) == 0 {
		t.Fatal("no testdata")
	}
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		lang := "de"
		if strings.Contains(filepath.Base(f), "_en") {
			lang = "en"
		}
		got, err := json.MarshalIndent(run(t, lang, string(raw)), "", "  ")
		if err != nil {
			t.Fatal(err)
		}
		golden := strings.TrimSuffix(f, ".txt") + ".golden.json"
		if *update {
			if err := os.WriteFile(golden, append(got, '\n'), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatalf("%v (run go test -update)", err)
		}
		if strings.TrimSpace(string(want)) != strings.TrimSpace(string(got)) {
			t.Errorf("%s: facts differ from %s (run go test -update and review the diff)", f, golden)
		}
	}
}

// FuzzExtract asserts that extraction never panics and every evidence span
// lies inside the text and quotes it.
func FuzzExtract(f *testing.F) {
	f.Add("Auftragnehmer:\nMuster GmbH\nWeg 1\n12345 Berlin\n")
	f.Add("## Unterauftragnehmer\n\nFirma\tAnschrift\nX Inc.\tSingapore\n- Y GmbH, 10115 Berlin: Hosting\n")
	f.Add("binnen zwei Wochen; within seven (7) days; 24 Stunden; TLS 1.2 ISO 27001")
	f.Add("\xff\xfe€ 1. ( ) : – Auftraggeber –\n")
	f.Add("Anlage 2 Unterauftragsverarbeiter\nDienstleister | Zweck | Sitz\n[[X]] oder Vercel Inc. (USA) | Hosting | EU\n- OpenAI (USA/EU) – KI\n- Hosting: Y Inc. (USA) — SCC\nZ Ltd.\nCDN\n")
	f.Add("Anlage 2 Unterauftragsverarbeiter\n\nPlausible Analytics\nReichweitenmessung\nWesterbaan 51, Tallinn, Estland\n\nHetzner\nHosting\n91710 Gunzenhausen\n")
	f.Add("Schedule 2: Sub-processors\n\n1. Stripe (USA) – payments\n2. Bunny Way d.o.o. (Slovenia) – CDN\n9.1 Acme GmbH performs all processing itself.\n")
	f.Add("Anlage 2 – Subunternehmer\nFirma: X GmbH Anschrift: Weg 2, 73033 Göppingen Leistung: Fernwartung\nRechtsgrundlagen\tFundstelle\nDSGVO\tABl. L 119\n| keine | – | – |\n")
	f.Fuzz(func(t *testing.T, s string) {
		doc := document.ParseText("fuzz.txt", "text", s)
		facts, err := Extract(Input{Doc: doc, Sentences: segment.Split(doc), Lang: "de"})
		if err != nil {
			t.Fatal(err)
		}
		check := func(e model.Evidence) {
			if e.Start < 0 || e.End > len(s) || e.Start > e.End || s[e.Start:e.End] != e.Text {
				t.Fatalf("bad evidence %d-%d in %d bytes", e.Start, e.End, len(s))
			}
		}
		for _, sp := range append(facts.Subprocessors, facts.OtherRecipients...) {
			check(sp.Evidence)
		}
		for _, p := range []*model.Party{facts.Parties.Processor, facts.Parties.Controller} {
			if p != nil && p.Evidence != nil {
				check(*p.Evidence)
			}
		}
		for _, e := range facts.Deadlines.Evidence {
			check(e)
		}
		for _, it := range append(facts.DataTypes.Items, facts.DataSubjects.Items...) {
			check(it.Evidence)
		}
	})
}

func TestSubprocessorsHTML(t *testing.T) {
	html := `<html><body><h2>Anlage 2 Unterauftragsverarbeiter</h2><table><tr><th>Firma</th><th>Adresse</th><th>Leistung</th></tr>
<tr><td>Mu Hosting GmbH</td><td>Weg 2, 80331 München</td><td>Hosting</td></tr>
<tr><td>Nu Mail LLC</td><td>1 Main Street, Boston, MA 02110, USA</td><td>E-Mail</td></tr></table></body></html>`
	doc, err := document.ParseHTML("t.html", html)
	if err != nil {
		t.Fatal(err)
	}
	f, err := Extract(Input{Doc: doc, Sentences: segment.Split(doc), Lang: "de"})
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Subprocessors) != 2 || f.Subprocessors[0].Country != "DE" || f.Subprocessors[1].Country != "US" || f.Subprocessors[1].TransferMechanism != "none" {
		t.Errorf("got %+v", f.Subprocessors)
	}
}

// TestConcurrent runs extraction in parallel (run with -race): the
// compiled knowledge is shared.
func TestConcurrent(t *testing.T) {
	raw, err := os.ReadFile("testdata/avv_de.txt")
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan model.Facts, 4)
	for i := 0; i < 4; i++ {
		go func() { done <- run(t, "de", string(raw)) }()
	}
	for i := 0; i < 4; i++ {
		if f := <-done; len(f.Subprocessors) != 2 {
			t.Errorf("got %d sub-processors", len(f.Subprocessors))
		}
	}
}
