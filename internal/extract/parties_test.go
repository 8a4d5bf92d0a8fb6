package extract

import (
	"strings"
	"testing"

	"github.com/art28/art28/internal/model"
)

// partyCase is an invented clause and the parties it names; "" for a
// party that is not named (then a note must say why, containing note).
type partyCase struct {
	name, lang, text     string
	processor, ctrl      string
	procNote, ctrlNote   string // substrings of the notes when not named
	key, short, owner    string // of the processor, when given
	brand, city, country string // of the processor, when given
}

// TestPartyIntroductions covers the ways German and English contracts
// introduce their parties, and the texts at a party's place that are no
// name (placeholders, blank fields, role words, fragments, references).
func TestPartyIntroductions(t *testing.T) {
	long := strings.Repeat("Der Auftragsverarbeiter verarbeitet die Daten nur auf Weisung. ", 120)
	tests := []partyCase{
		// German party blocks.
		{name: "lead label block", lang: "de", text: "Auftraggeber:\n[Name]\n\nAuftragnehmer:\nBeispiel Software GmbH & Co. KG\nAm Markt 4\n04109 Leipzig\n\n§ 1 Gegenstand\n",
			processor: "Beispiel Software GmbH & Co. KG", ctrlNote: "placeholder", city: "Leipzig", country: "DE"},
		{name: "trailer label block", lang: "de", text: "Zwischen\n\nErika Mustermann\nLindenallee 7\n50667 Köln\n– Auftraggeber –\n\nund\n\nNordwind IT UG (haftungsbeschränkt)\nHafenstraße 2\n24103 Kiel\n– Auftragnehmer –\n\n1 Gegenstand\n",
			processor: "Nordwind IT UG (haftungsbeschränkt)", ctrl: "Erika Mustermann", key: "nordwind it ug", city: "Kiel"},
		{name: "form fields", lang: "de", text: "Vertragsparteien\nAuftraggeber\nKundenname: ______________\nKundenadresse: ____________\nAuftragnehmer\nName: Glakon IT Agentur e. K.\nAdresse: Rosenbadstraße 7, 91522 Ansbach\nKontakt: info@example.org\nPräambel\n",
			processor: "Glakon IT Agentur e. K.", ctrlNote: "blank", key: "glakon it agentur ek", city: "Ansbach"},
		{name: "table row with sole trader", lang: "de", text: "Auftragsverarbeiter – im Folgenden „Auftragsverarbeiter“\nAnbieter | Contract AI – Inhaber Noah Liebold (Einzelunternehmen)\nAnschrift | Richard-Oberle-Weg 27, 76648 Durmersheim, Deutschland\n§ 1 Gegenstand\n",
			processor: "Contract AI", owner: "Noah Liebold", procNote: "", city: "Durmersheim"},
		{name: "natural person", lang: "de", text: "zwischen\nVerantwortlicher (Verein)\nVerein: ___________\nAnschrift: _________\nnachfolgend „Verantwortlicher\"\nund\nAuftragsverarbeiter\nChris Schog\nAnschrift: Ardennenstr. 82, 52076 Aachen\nnachfolgend „Auftragsverarbeiter\"\n1. Gegenstand\n",
			processor: "Chris Schog", ctrlNote: "blank", city: "Aachen"},
		{name: "same line with address", lang: "de", text: "Auftragnehmer: Luisa Brandt, Ernst-Bähre-Str. 3, 30453 Hannover\nAuftraggeber: Der bei der Plattform registrierte Nutzer als Unternehmer im Sinne des § 14 BGB.\n§ 1\n",
			processor: "Luisa Brandt", ctrlNote: "not named", city: "Hannover"},
		{name: "dotted separators", lang: "de", text: "Zwischen\nVerantwortlicher (Auftraggeber) — im individuellen Vertrag einzutragen:\n[Firma / Name] · [Anschrift] · [vertreten durch]\n— nachfolgend „Verantwortlicher\" —\nAuftragsverarbeiter (Auftragnehmer):\nPascal Kozlowski (Kozlowski IT) · Abteistraße 30/6, 88416 Ochsenhausen · pk@example.org\n— nachfolgend „Auftragsverarbeiter\" —\n§ 1 Gegenstand\n",
			processor: "Pascal Kozlowski (Kozlowski IT)", ctrlNote: "placeholder", city: "Ochsenhausen"},
		{name: "physician with a degree", lang: "de", text: "Verantwortlicher:\nDr. med. dent. Anna Berger, Zahnärztin\nLindenallee 14, 50667 Köln\n(nachfolgend „Praxis“)\n\nAuftragsverarbeiter:\nMedisoft Praxissysteme GmbH & Co. KG\nAm Kanal 3, 44147 Dortmund\n\n1. Gegenstand\n",
			processor: "Medisoft Praxissysteme GmbH & Co. KG", ctrl: "Dr. med. dent. Anna Berger", city: "Dortmund"},
		{name: "processor with a degree", lang: "de", text: "Zwischen\n\nKanzlei am Dom GmbH\nDomplatz 2\n93047 Regensburg\n– Auftraggeber –\n\nund\n\nDr. rer. nat. Jonas Keller\nBergstraße 8\n93049 Regensburg\n– Auftragnehmer –\n\n1 Gegenstand\n",
			processor: "Dr. rer. nat. Jonas Keller", ctrl: "Kanzlei am Dom GmbH", city: "Regensburg"},
		{name: "long table rows with the role in the first cell", lang: "de", text: "Rolle | Firma | Anschrift | vertreten durch\nKunde (Verantwortlicher) | Bäckerei Hollmann GmbH & Co. KG | Mühlenweg 9, 49074 Osnabrück | Herrn Peter Hollmann\nDienstleister (Auftragsverarbeiter) | Paywise Abrechnungsservice UG (haftungsbeschränkt) | Lotter Straße 40, 49078 Osnabrück | Frau Sandra Özdemir\n\nA. Gegenstand\n",
			processor: "Paywise Abrechnungsservice UG (haftungsbeschränkt)", ctrl: "Bäckerei Hollmann GmbH & Co. KG", city: "Osnabrück"},
		{name: "other party of a two-party head", lang: "de", text: "zwischen\n\n[Name/Firma des Mandanten]\n[Straße, Hausnummer]\n[PLZ, Ort]\n– nachfolgend „Mandant“ –\n\nund\n\nJens Albrecht\nInhaber der Steuerkanzlei Albrecht\nMarktplatz 3, 34117 Kassel\n– nachfolgend „Kanzlei“ –\n\n1. Auftrag\n",
			processor: "Jens Albrecht", short: "Kanzlei", brand: "Steuerkanzlei Albrecht", ctrlNote: "placeholder", city: "Kassel"},
		{name: "two blocks defined by other words", lang: "de", text: "zwischen\n\nKanzlei am Dom GmbH\nDomplatz 2, 93047 Regensburg\n– nachfolgend „Kanzlei“ –\n\nund\n\nOrbis IT GmbH\nBergstraße 8, 93049 Regensburg\n– nachfolgend „Orbis“ –\n\n1. Gegenstand\n",
			procNote: "", ctrlNote: ""},
		{name: "representative is not the party", lang: "de", text: "Auftragnehmerin (Auftragsverarbeiterin)\nLebenswerk.AI GmbH\nWalter-Schneider-Straße 10\n06317 Seegebiet Mansfelder Land\nGeschäftsführer: Prof. Dr. Tobias Beispiel\n1. Gegenstand\n",
			processor: "Lebenswerk.AI GmbH"},
		{name: "party table with one row labelled by its own word", lang: "de", text: "Vertragsparteien\n\n| Rolle | Unternehmen | Anschrift |\n|---|---|---|\n| Auftraggeber | Vitalfit Versandapotheke GmbH | Hafenstraße 40, 47119 Duisburg |\n| Agentur | DialogWerk Contact Services GmbH | Werner-Hilpert-Straße 8, 34117 Kassel |\n\nDer Auftraggeber ist Verantwortlicher, die Agentur ist Auftragsverarbeiter.\n\n1. Leistungsbeschreibung\n",
			processor: "DialogWerk Contact Services GmbH", ctrl: "Vitalfit Versandapotheke GmbH", city: "Kassel"},
		{name: "framed label with the role's legal source", lang: "de", text: "Vertragspartner\n\nKatholische Kirchengemeinde St. Marien\nKirchplatz 3, 33098 Paderborn\n– Verantwortlicher im Sinne von § 4 Nr. 9 KDG, nachfolgend „Kirchengemeinde“ –\n\nund\n\nKitaKompass Software GmbH\nLiboriberg 21, 33098 Paderborn\n– Auftragsverarbeiter im Sinne von § 4 Nr. 10 KDG, nachfolgend „Softwarehaus“ –\n\n§ 1 Gegenstand\n",
			processor: "KitaKompass Software GmbH", ctrl: "Katholische Kirchengemeinde St. Marien", city: "Paderborn"},
		// Roles given later by the short names: "Die Kanzlei ist für diese
		// Daten Verantwortliche", "handelt Caelex als Auftragsverarbeiter".
		{name: "role statement with a prepositional phrase", lang: "de", text: "Zwischen\n\nHoffmann Seidel & Partner Rechtsanwälte mbB\nPrinzregentenstraße 48, 80538 München\n– im Folgenden „die Kanzlei“ –\n\nund\n\nSchreibservice Kern\nInhaberin Julia Kern\nLindwurmstraße 77, 80337 München\n– im Folgenden „die Dienstleisterin“ –\n\nVorbemerkung\nDie Kanzlei ist für diese Daten Verantwortliche im Sinne von Art. 4 Nr. 7 DSGVO; die Dienstleisterin wird als Auftragsverarbeiterin tätig.\n",
			processor: "Schreibservice Kern", ctrl: "Hoffmann Seidel & Partner Rechtsanwälte mbB", city: "München"},
		{name: "role by als after a short name", lang: "de", text: "zwischen\n\nMöbelhaus Brandl GmbH & Co. KG\nGewerbepark Süd 4, 84034 Landshut\n(im Folgenden „Kunde“)\n\nund\n\nCaelex Systemhaus GmbH\nSeligenthaler Straße 31, 84034 Landshut\n(im Folgenden „Caelex“)\n\n§ 1 Vertragsgegenstand\n12.1 Soweit Caelex personenbezogene Daten verarbeitet, für die der Kunde Verantwortlicher ist, handelt Caelex als Auftragsverarbeiter.\n",
			processor: "Caelex Systemhaus GmbH", ctrl: "Möbelhaus Brandl GmbH & Co. KG", city: "Landshut"},
		{name: "a company as processor in a list is no role statement", lang: "de", text: "Zwischen\n\nKanzlei am Dom GmbH\nDomplatz 2, 93047 Regensburg\n– nachfolgend „Kanzlei“ –\n\nund\n\nOrbis IT GmbH\nBergstraße 8, 93049 Regensburg\n– nachfolgend „Orbis“ –\n\nEingesetzt wird die Hosting AG als Auftragsverarbeiter der Orbis.\n",
			procNote: "", ctrlNote: ""},
		// German "zwischen … und …" with the role before or after.
		{name: "zwischen with dash roles in one sentence", lang: "de", text: "Vertrag zur Auftragsverarbeitung (AVV)\nzwischen der projektwärts GmbH Friedrich-Wilhelm-Straße 59 42655 Solingen vertreten durch den Geschäftsführer: Thomas Kedzierski – nachfolgend „Verantwortlicher“ genannt – und der Plinius UG (haftungsbeschränkt) Wolkenburg 16 42119 Wuppertal vertreten durch den Geschäftsführer: Ernest Beispiel – nachfolgend „Auftragsverarbeiter“ genannt –\n§ 1 Gegenstand\n",
			processor: "Plinius UG (haftungsbeschränkt)", ctrl: "projektwärts GmbH"},
		{name: "customer of the vendor is no name", lang: "de", text: "Vereinbarung zur Auftragsverarbeitung zwischen dem Kunden der fortrabbit GmbH, im Folgenden Auftraggeber, und der fortrabbit GmbH, im Folgenden Auftragnehmer, wird Folgendes vereinbart.\n",
			processor: "fortrabbit GmbH", ctrlNote: "not named"},
		{name: "name inside the role's parentheses", lang: "de", text: "Gegenstand ist die Verarbeitung personenbezogener Daten durch den Auftragnehmer (Call Lana GmbH, nachfolgend „Auftragnehmer\") im Auftrag des Kunden („Verantwortlicher“).\n",
			processor: "Call Lana GmbH", ctrlNote: "not named"},
		{name: "GbR of two persons", lang: "de", text: "Zwischen der Felix Kinze & Leon Trepesch GbR, vertreten durch Felix Kinze, Hauptstraße 1, 10115 Berlin (nachfolgend „Auftragnehmer“) und dem Kunden (nachfolgend „Auftraggeber“) wird vereinbart:\n",
			processor: "Felix Kinze & Leon Trepesch GbR", ctrlNote: "not named", city: "Berlin"},
		{name: "nachstehend genannt, short name", lang: "de", text: "1.1 Diese Bedingungen regeln die Rechte und Pflichten des Kunden (nachstehend auch „Verantwortlicher“ oder „Kunde“ genannt) und ALL-INKL.COM - Neue Medien Münnich, Inhaber: René Münnich, Hauptstraße 68, D-02742 Friedersdorf (nachstehend auch „NMM“ oder „Auftragsverarbeiter“ genannt), sofern der Kunde einen Vertrag abgeschlossen hat.\n",
			processor: "ALL-INKL.COM - Neue Medien Münnich", owner: "René Münnich", short: "NMM", key: "neue medien münnich", ctrlNote: "not named"},
		{name: "comma definitions with genannt", lang: "de", text: "Zwischen der Stadtwerke Musterstadt GmbH, nachstehend „Auftraggeber“ genannt, und der Beispiel Logistik GmbH & Co. KG, Hafenstraße 5, 28217 Bremen, nachstehend „Auftragnehmer“ genannt, wird vereinbart:\n",
			processor: "Beispiel Logistik GmbH & Co. KG", ctrl: "Stadtwerke Musterstadt GmbH"},
		{name: "person and brand with dash", lang: "de", text: "Dieser AVV wird zwischen dem Kunden der SaaS-Plattform ImmoFlowMe (nachfolgend „Verantwortlicher\") und Stephania Pfeffer – ImmoFlowMe, als Betreiberin der Software ImmoFlowMe (nachfolgend „Auftragsverarbeiter\"), geschlossen.\n",
			processor: "Stephania Pfeffer – ImmoFlowMe", ctrlNote: "not named"},
		{name: "list of parties", lang: "de", text: "Vertragsparteien:\n- der jeweilige Server-Betreiber (im Folgenden \"Auftraggeber\" — Verantwortlicher im Sinne des Art. 4 Nr. 7 DSGVO), und\n- WKSolutions GbR, Siedlungsweg 24, 37124 Rosdorf, Deutschland, vertreten durch die Gesellschafter Jan Beispiel und Lars Muster (im Folgenden \"Auftragnehmer\" — Auftragsverarbeiter im Sinne des Art. 4 Nr. 8 DSGVO).\n",
			processor: "WKSolutions GbR", ctrlNote: "not named", city: "Rosdorf"},
		{name: "brand of a legal person", lang: "de", text: "Zwischen dem Kunden (nachfolgend „Auftraggeber“) und der Muster Digital GmbH, im Geschäftsverkehr unter dem Namen „Pixelwerk“, Weg 1, 12345 Berlin (nachfolgend „Auftragnehmer“) wird vereinbart:\n",
			processor: "Muster Digital GmbH", brand: "Pixelwerk"},
		{name: "Austrian e.U.", lang: "de", text: "Zwischen der Alpenblick Media e.U., Hauptplatz 1, 8010 Graz (im Folgenden „Auftragsverarbeiter“) und dem Kunden (im Folgenden „Verantwortlicher“) wird vereinbart:\n",
			processor: "Alpenblick Media e.U.", ctrlNote: "not named"},
		{name: "Austrian form with register number", lang: "de", text: "Verantwortlicher:\nName/Firma: _______________________\nStraße: ___________________________\n\nAuftragsverarbeiter:\nMusterkanzlei Software e.U.\nHauptplatz 12\n4020 Linz\nÖsterreich\nFN 123456a\n\n§ 1\n",
			processor: "Musterkanzlei Software e.U.", ctrlNote: "blank", key: "musterkanzlei software eu", country: "AT"},
		{name: "Swiss Sàrl", lang: "de", text: "Diese Vereinbarung gilt zwischen dem Kunden (nachfolgend „Kunde“) und der Helvetia Data Sàrl, Rue du Rhône 1, 1204 Genève (nachfolgend „Anbieter“).\n",
			processor: "Helvetia Data Sàrl", key: "helvetia data sarl"},
		// Role definitions and short names.
		{name: "role stated first", lang: "de", text: "§ 1 Parteien\nVerantwortlicher im Sinne dieses Vertrags ist der jeweilige Kunde. Auftragsverarbeiter ist die Iota Systems GmbH, Ring 4, 04109 Leipzig.\n",
			processor: "Iota Systems GmbH", ctrlNote: "not named"},
		{name: "English role stated first", lang: "en", text: "1. Parties\nThe Processor is Kappa Software Inc., a Delaware corporation. The Controller is the customer named in the order form.\n",
			processor: "Kappa Software Inc.", ctrlNote: "not named"},
		{name: "role stated first, no name", lang: "de", text: "Der Auftragsverarbeiter ist verpflichtet, die Daten zu schützen. Der Verantwortliche ist für die Rechtmäßigkeit verantwortlich.\n"},
		{name: "definition with legal basis", lang: "de", text: "Zwischen dem Kunden (nachfolgend „Verantwortlicher“) und der Theta Cloud GmbH, Ring 1, 10115 Berlin (nachfolgend „Auftragsverarbeiter“ im Sinne des Art. 28 DSGVO) wird vereinbart:\n",
			processor: "Theta Cloud GmbH", ctrlNote: "not named"},
		{name: "generic words as a label's value", lang: "de", text: "Auftragnehmer: IT-Dienstleister\nAuftraggeber: Mandant\n§ 1\n",
			procNote: "not named", ctrlNote: "not named"},
		{name: "we as the name", lang: "de", text: "Auftragnehmer: Wir\nAuftraggeber: Sie\n§ 1\n",
			procNote: "not named", ctrlNote: "not named"},
		{name: "role label with a one-word name", lang: "de", text: "Präambel\nAuftragsverarbeiter: Caelex gemäß Art. 4 Nr. 8 DSGVO\nVerantwortlicher: der Kunde\n§ 1\n",
			processor: "Caelex", ctrlNote: "not named"},
		{name: "short name defined in the party block", lang: "de", text: "Auftragnehmer: Caelex GmbH (im Folgenden „Caelex“), Musterstraße 5, 80331 München\n§ 1\n",
			processor: "Caelex GmbH", short: "Caelex", city: "München"},
		{name: "role label with legal basis and short name", lang: "de", text: "Die Caelex GmbH, Musterstraße 5, 80331 München („Caelex“) stellt die Plattform bereit.\nAuftragsverarbeiter: Caelex gemäß Art. 4 Nr. 8 DSGVO\nVerantwortlicher: der Kunde\n§ 1\n",
			processor: "Caelex GmbH", short: "Caelex", ctrlNote: "not named"},
		{name: "short name in parentheses of the role", lang: "de", text: "Die Caelex GmbH, Musterstraße 5, 80331 München („Caelex“) stellt die Plattform bereit. Der Kunde beauftragt Caelex (Auftragsverarbeiter) mit der Verarbeitung.\n",
			processor: "Caelex GmbH", short: "Caelex"},
		{name: "one word in running text is not a name", lang: "de", text: "Der Kunde beauftragt Caelex (Auftragsverarbeiter) mit der Verarbeitung.\n",
			procNote: "not named"},
		{name: "title names the vendor", lang: "de", text: "Auftragsverarbeitungsvertrag der Sonnenschein Software GmbH\n\n§ 1 Gegenstand\nDer Auftragnehmer verarbeitet Daten des Auftraggebers.\n",
			processor: "Sonnenschein Software GmbH"},
		{name: "signature block", lang: "de", text: "Zwischen dem Kunden (nachfolgend „Verantwortlicher“) und der Muster Hosting GmbH (nachfolgend „Auftragsverarbeiter“) wird vereinbart:\n" + long + "\nDatum 23.05.2025\nMartina Beispiel\nMusterweg 12, 86150 Augsburg, Deutschland\n- Verantwortlicher und Auftraggeber -\n",
			processor: "Muster Hosting GmbH", ctrl: "Martina Beispiel"},
		{name: "two readings disagree", lang: "de", text: "Auftragnehmer: Alpha Hosting GmbH, Weg 1, 12345 Berlin\n\nDieser Vertrag regelt die Leistungen der Beta Cloud GmbH (nachfolgend „Auftragnehmer“) für den Kunden.\n",
			procNote: "disagree"},
		{name: "table cells", lang: "de", text: "| Rolle | Angaben |\n|---|---|\n| Auftraggeber | [Name des Kunden] |\n| Auftragnehmer | Omikron Daten GmbH, Feldweg 9, 99084 Erfurt |\n\n§ 1 Gegenstand\n",
			processor: "Omikron Daten GmbH", ctrlNote: "placeholder", city: "Erfurt"},
		{name: "emphasis", lang: "de", text: "**Auftragnehmer:**\n**Sigma Hosting AG**\nHafenweg 2\n20457 Hamburg\n\n§ 1\n",
			processor: "Sigma Hosting AG", city: "Hamburg"},
		{name: "name of the role's field", lang: "de", text: "Name des Auftragnehmers: Kappa Rechenzentrum GmbH\nAnschrift des Auftragnehmers: Am Hafen 3, 28217 Bremen\nName des Auftraggebers: ______\n§ 1\n",
			processor: "Kappa Rechenzentrum GmbH", ctrlNote: "blank"},
		{name: "label with legal basis", lang: "de", text: "Auftraggeber (Verantwortlicher im Sinne von Art. 4 Nr. 7 DSGVO):\nOmega Praxis GmbH\nPlatz 1\n80331 München\n\nAuftragnehmer im Sinne des Art. 28 DSGVO:\nDelta Cloud SE\nRing 3\n50667 Köln\n\n§ 1\n",
			processor: "Delta Cloud SE", ctrl: "Omega Praxis GmbH", city: "Köln"},
		{name: "salutation", lang: "de", text: "Auftragnehmer:\nHerr Max Beispiel\nLindenweg 4\n01067 Dresden\n§ 1\n",
			processor: "Max Beispiel", city: "Dresden"},
		{name: "title of the controller's template", lang: "de", text: "Auftragsverarbeitungsvertrag der Stadtwerke Musterstadt GmbH\n\nZwischen der Stadtwerke Musterstadt GmbH (nachfolgend „Auftraggeber“) und dem Dienstleister (nachfolgend „Auftragnehmer“) wird vereinbart:\n",
			ctrl: "Stadtwerke Musterstadt GmbH", procNote: ""},
		{name: "brand of a company", lang: "de", text: "Auftragnehmer:\nMusterSoft – eine Marke der Muster Systems GmbH\nIndustriestraße 8\n70565 Stuttgart\n§ 1\n",
			processor: "Muster Systems GmbH", brand: "MusterSoft", city: "Stuttgart"},
		{name: "numbered German parties", lang: "de", text: "Zwischen\n1. Nordlicht Medien GmbH, Hafenstraße 1, 24103 Kiel\n– nachfolgend „Auftraggeber“ –\nund\n2. Südwind Hosting AG, Ringweg 2, 80331 München\n– nachfolgend „Auftragnehmer“ –\n§ 1\n",
			processor: "Südwind Hosting AG", ctrl: "Nordlicht Medien GmbH", city: "München"},
		{name: "template publisher in the title is not the vendor", lang: "de", text: "Muster-AVV des Beispielverband Digital e.V.\n\n§ 1 Gegenstand\nDer Auftragnehmer verarbeitet Daten.\n",
			procNote: ""},
		// German negatives: placeholders, labels, fragments, references.
		{name: "signature lines are no name", lang: "de", text: "Zwischen dem Kunden (nachfolgend „Verantwortlicher“) und dem Anbieter (nachfolgend „Auftragsverarbeiter“) wird vereinbart:\n" + long + "\nOrt, Datum\n______________\nUnterschrift\n– Auftragsverarbeiter –\nMax Beispiel\nGeschäftsführer\n– Verantwortlicher –\n",
			procNote: "not named", ctrlNote: "not named"},
		{name: "heading after a label is no name", lang: "de", text: "Auftragnehmer\nGegenstand\n\nDer Auftragnehmer verarbeitet Daten.\n"},
		{name: "reference to the imprint", lang: "de", text: "Auftragnehmer: siehe Angaben im Impressum\nAuftraggeber: Kundin (wird eingefügt)\n§ 1\n",
			procNote: "reference", ctrlNote: "placeholder"},
		{name: "double-bracket placeholder with short name", lang: "de", text: "Verantwortlicher: der Kunde (im Folgenden „Kunde“)\nAuftragsverarbeiter: [[Firma, Anschrift]] („Bekvor“)\n1. Gegenstand\nBekvor verarbeitet Daten.\n",
			procNote: "„Bekvor“", ctrlNote: "not named"},
		{name: "bracket placeholder", lang: "de", text: "Auftraggeber: [Firma]\nAuftragnehmer: [Firma], [Anschrift]\n§ 1\n",
			procNote: "placeholder", ctrlNote: "placeholder"},
		{name: "blank lines and fragments", lang: "de", text: "Vereinbarung zur Auftragsverarbeitung\nVereinbarung gemäß Art. 28 DSGVO\nzwischen dem/der\n______________________________\n- nachfolgend „Verantwortlicher“ -\nund dem/der\nwe do code UG (haftungsbeschränkt), Blumenstraße 32, 65366 Geisenheim\n- nachfolgend „Auftragsverarbeiter“ -\n- beide nachfolgend gemeinsam „Vertragsparteien“ -\n§ 1 Gegenstand\n",
			processor: "we do code UG (haftungsbeschränkt)", ctrlNote: "blank", city: "Geisenheim"},
		{name: "title and template fields", lang: "de", text: "N NexaSign · Vorlage\nVertrag über die Verarbeitung im Auftrag\nnach Art. 28 Verordnung (EU) 2016/679 (DSGVO)\nParteien\nVerantwortlicher\n[Verantwortlicher (Auftraggeber)]\n[Anschrift des Verantwortlichen]\nvertreten durch [Vertreten durch (Verantwortlicher)]\nAuftragsverarbeiter\n[Auftragsverarbeiter (Dienstleister)]\n[Anschrift des Auftragsverarbeiters]\n§ 1 Gegenstand\n",
			procNote: "placeholder", ctrlNote: "placeholder"},
		{name: "representative field is no name", lang: "de", text: "Zwischen\nAuftraggeber (Verantwortlicher)\nFirma:      ______________________\nAnschrift:  ______________________\nVertreten:  ______________________\n– nachfolgend „Verantwortlicher\" –\nund\n§ 1\n",
			procNote: "", ctrlNote: "blank"},
		{name: "role words only", lang: "de", text: "Verantwortlicher: der Kunde (im Folgenden „Kunde“)\nAuftragsverarbeiter: der Anbieter\n§ 1\n",
			procNote: "not named", ctrlNote: "not named"},
		{name: "list item is no label", lang: "de", text: "Zwischen der Muster Hosting GmbH (nachfolgend „Auftragnehmer“) und dem Kunden.\nKategorien betroffener Personen\n- Alle Personen, die Dienste nutzen\n- Mitarbeiter\n- Kunden\n",
			processor: "Muster Hosting GmbH", ctrlNote: ""},
		{name: "list item without its bullet is no label", lang: "de", text: "Zwischen der Muster Hosting GmbH (nachfolgend „Auftragnehmer“) und dem Kunden.\nKategorien betroffener Personen\n\nAlle Personen, die Dienste nutzen\n\nMitarbeiter\n\nKunden\n\nInteressenten\n",
			processor: "Muster Hosting GmbH", ctrlNote: "no controller named"},
		// English.
		{name: "English vendor and customer", lang: "en", text: "This Data Processing Addendum is entered into by and between Contoso Cloud Inc., 500 Market Street, San Francisco, CA 94105, USA (\"Vendor\") and the customer identified in the Order Form (\"Customer\").\n",
			processor: "Contoso Cloud Inc.", ctrlNote: "not named", country: "US"},
		{name: "English is the processor", lang: "en", text: "Both parties acknowledge that the Customer is the data controller and Fabrikam Analytics GmbH is the data processor.\n",
			processor: "Fabrikam Analytics GmbH"},
		{name: "English pronoun defined as a name with its role", lang: "en", text: "In this letter \"we\" means the Trust, which is the controller, and \"you\" and \"your\" mean Brightframe School Photography Limited, which is the processor.\n",
			processor: "Brightframe School Photography Limited", ctrlNote: "no controller named"},
		{name: "English short name as the subject of a role statement", lang: "en", text: "Kindlewood Pty Ltd of 120 Collins Street, Melbourne VIC 3000, Australia (\"Kindlewood\") provides an online platform to each centre operator (the \"Centre\").\n2.1 The Centre controls the Centre Data. Kindlewood handles Centre Data on behalf of the Centre and acts as the Centre's processor.\n",
			processor: "Kindlewood Pty Ltd", short: "Kindlewood", ctrlNote: "no controller named"},
		{name: "English role statement naming another party", lang: "en", text: "Acme Ltd (\"Acme\") supplies the software.\nAcme and the Customer agree that the Customer is the controller.\n",
			ctrlNote: "no controller named", procNote: "no processor"},
		{name: "English short names of two words in role statements", lang: "en", text: "This Addendum is entered into between Harborview Dermatology Group, P.C., 88 Pine Street, Portland, Maine 04101 (\"Covered Entity\"), and Medinote Cloud, Inc., 500 Boylston Street, Boston, Massachusetts 02116 (\"Business Associate\").\nB.1 In such a case Covered Entity is the controller and Business Associate is the processor.\n",
			processor: "Medinote Cloud, Inc.", ctrl: "Harborview Dermatology Group, P.C."},
		{name: "English we and us", lang: "en", text: "This DPA is issued by Acme Software Ltd (\"Acme\", \"we\", \"us\" or \"our\") to its customers.\n",
			processor: "Acme Software Ltd", short: "Acme"},
		{name: "English two companies", lang: "en", text: "This agreement is made between Globex Corporation (\"Vendor\") and Initech LLC (\"Customer\").\n",
			processor: "Globex Corporation", ctrl: "Initech LLC"},
		{name: "English vendor by its short name", lang: "en", text: "This Data Processing Addendum (“DPA”) is made between Cognito, LLC., a South Carolina corporation (“Cognito Forms”) and {OrganizationLegalName} (“Customer” or “Controller” or “{Organization}”).\n",
			processor: "Cognito, LLC.", short: "Cognito Forms", ctrlNote: "placeholder"},
		{name: "German vendor by its short name", lang: "de", text: "Dieser Vertrag wird geschlossen zwischen der Bekvor GmbH, Weg 1, 10115 Berlin („Bekvor“) und dem Kunden („Kunde“).\n",
			processor: "Bekvor GmbH", short: "Bekvor", ctrlNote: "not named"},
		{name: "English vendor and the role word Customer", lang: "en", text: "This Data Processing Addendum (\"DPA\") forms part of the Agreement between Zenith Support, Inc. (\"Zenith\") and Customer.\n",
			processor: "Zenith Support, Inc.", short: "Zenith", key: "zenith support inc"},
		{name: "English numbered parties", lang: "en", text: "This Agreement is made between:\n(1) Harbor Analytics Ltd, a company registered in England and Wales with number 01234567 (\"Supplier\"); and\n(2) Oakwood Retail plc, whose registered office is at 1 High Street, London (\"Customer\").\n",
			processor: "Harbor Analytics Ltd", ctrl: "Oakwood Retail plc"},
		{name: "English we and you", lang: "en", text: "This Data Processing Addendum (\"DPA\") is entered into by and between Brightwave Labs Ltd, a company incorporated in England and Wales under company number 09876543, having its registered office at 10 Dock Road, London E1 8AA (\"Brightwave\", \"we\", \"us\" or \"our\") and the entity agreeing to these terms (\"Customer\", \"you\").\n",
			processor: "Brightwave Labs Ltd", short: "Brightwave", ctrlNote: "not named"},
		{name: "English title", lang: "en", text: "Northwind Analytics Inc. Data Processing Addendum\n\nThis DPA forms part of the agreement between Northwind and the Customer.\n",
			processor: "Northwind Analytics Inc."},
		{name: "English block", lang: "en", text: "Processor:\nTailspin Toys B.V.\nKeizersgracht 1\n1015 CJ Amsterdam\nThe Netherlands\n\nController:\n[Customer name]\n\n1. Definitions\n",
			processor: "Tailspin Toys B.V.", ctrlNote: "placeholder", country: "NL"},
		{name: "English parties clause in capitals", lang: "en", text: "THIS AGREEMENT is dated 3 February 2026\n\nPARTIES\n(1) HARTWELL RETAIL LIMITED incorporated and registered in England and Wales with company number 04567890 whose registered office is at 12 Market Place, York YO1 8AA (Customer).\n(2) CLOUDNEST SERVICES LTD incorporated and registered in England and Wales with company number 09876123 whose registered office is at 5 Wharf Road, London N1 7RR (Supplier).\n\nBACKGROUND\n(A) The Supplier provides hosted software to the Customer.\n",
			processor: "CLOUDNEST SERVICES LTD", ctrl: "HARTWELL RETAIL LIMITED"},
		{name: "capitals that are no name", lang: "en", text: "LIMITED WARRANTY\nThe Supplier warrants that the services are performed with reasonable care (Supplier).\nLIABILITY IS LIMITED\n",
			procNote: "", ctrlNote: ""},
		{name: "English role word first, then the vendor", lang: "en", text: "This Data Processing Agreement is entered into between the Customer and Acme Analytics, Inc. (\"Acme\").\n",
			processor: "Acme Analytics, Inc.", short: "Acme"},
		{name: "German role word first, then the vendor", lang: "de", text: "Dieser Vertrag wird zwischen dem Kunden und der Bekvor GmbH, Weg 1, 10115 Berlin („Bekvor“) geschlossen.\n",
			processor: "Bekvor GmbH", short: "Bekvor", city: "Berlin"},
		{name: "English label with the company described", lang: "en", text: "Provider: Example Technologies Limited, a company incorporated in Ireland (registered number 123456) with its registered office at 1 Grand Canal Square, Dublin 2.\nCustomer: the entity named in the Order Form.\n",
			processor: "Example Technologies Limited", ctrlNote: "generically"},
		{name: "role words on both sides", lang: "en", text: "This Agreement is entered into between the Customer and the Vendor (\"Vendor\").\n",
			procNote: "role word"},
		{name: "English title between a role word and a company", lang: "en", text: "Data Processing Agreement between the Customer and Foxglove Software GmbH\n\n1. Processing\nThe processor processes personal data.\n",
			processor: "Foxglove Software GmbH"},
		{name: "German title between a company and a role word", lang: "de", text: "Auftragsverarbeitungsvertrag zwischen der Nordlicht Handel GmbH und dem Auftragnehmer\n\n§ 1 Gegenstand\nDer Auftragnehmer verarbeitet Daten.\n",
			ctrl: "Nordlicht Handel GmbH"},
		{name: "title between two role words", lang: "en", text: "Data Processing Agreement between the Customer and the Supplier\n\n1. Processing\nThe processor processes personal data.\n"},
		{name: "annex list of parties of the standard clauses", lang: "en", text: "1. Scope\nThe Provider processes data for the Customer.\n\nANNEX I\nA. LIST OF PARTIES\nData exporter(s):\n1. Name: The customer identified in the order form\nAddress: as stated in the order form\nRole (controller/processor): Controller\n\nData importer(s):\n1. Name: Ledgerly Software Limited\nAddress: 3 Quay Street, Manchester M3 3JZ, United Kingdom\nRole (controller/processor): Processor\n",
			processor: "Ledgerly Software Limited", ctrlNote: "generically"},
		{name: "German annex list of parties", lang: "de", text: "ANHANG I\nA. LISTE DER PARTEIEN\nDatenexporteur(e):\nName: Nordlicht Handel GmbH\nAnschrift: Hafenstraße 1, 24103 Kiel\nFunktion (Verantwortlicher/Auftragsverarbeiter): Verantwortlicher\nDatenimporteur(e):\nName: Südwind Hosting AG\nAnschrift: Ringweg 2, 80331 München\nFunktion (Verantwortlicher/Auftragsverarbeiter): Auftragsverarbeiter\n",
			processor: "Südwind Hosting AG", ctrl: "Nordlicht Handel GmbH"},
		{name: "annex list with blank names", lang: "en", text: "ANNEX I\nA. LIST OF PARTIES\nData exporter(s):\nName: [name of the data exporter]\nRole (controller/processor): Controller\nData importer(s):\nName: ____________\nRole (controller/processor): Processor\n",
			procNote: "", ctrlNote: ""},
		{name: "English role word before a legal form", lang: "en", text: "This DPA is entered into by and between processor, Inc. (“processor”) and various controllers.\n",
			procNote: "not named"},
		{name: "English you", lang: "en", text: "You (the “Controller”) hereby instruct Minitab, LLC (the “Processor”) to process personal data.\n",
			ctrlNote: "not named"},
		{name: "English defined terms in a title", lang: "en", text: "Model Data Processing Agreement: Customer (Controller) - Accountant (Processor) GDPR\n"},
		{name: "English sentence before a company", lang: "en", text: "This document outlines the mutually agreed data processing agreement on which Citrus-Lime Limited, hereafter referred to as the processor, will provide services.\n",
			procNote: ""},
		{name: "English role then short name", lang: "en", text: "Between:\nMutuelle Ouest SAS, 8 quai de la Fosse, 44000 Nantes, France, hereinafter \"the Data Controller\",\n\nand\n\nNumeris Archivage SAS, 21 rue de la Rainiere, 44300 Nantes, France, hereinafter \"the Subcontractor\".\n\nI. Purpose\n",
			processor: "Numeris Archivage SAS", ctrl: "Mutuelle Ouest SAS"},
		{name: "English short name and described customer", lang: "en", text: "This Addendum is entered into between GivingTrail, Inc., a Colorado corporation with offices at 1600 Wynkoop Street, Denver, CO 80202 (\"Company\"), and the nonprofit organization that has subscribed to the platform (\"Customer\").\n\n1. Definitions\n",
			processor: "GivingTrail, Inc.", ctrlNote: ""},
		{name: "English two short names and a controller statement", lang: "en", text: "This Schedule forms part of the Agreement between Aurelian Therapeutics S.A., 12 rue Eugene Ruppert, L-2453 Luxembourg (the \"Sponsor\") and Lindqvist Clinical Services AB, Sveavagen 44, 111 34 Stockholm, Sweden (the \"CRO\").\n\n1. Roles\n\n1.1 The Sponsor is the controller of the Trial Personal Data and the CRO processes the Trial Personal Data on behalf of the Sponsor.\n",
			processor: "Lindqvist Clinical Services AB", ctrl: "Aurelian Therapeutics S.A."},
		{name: "English prose is no address", lang: "en", text: "Acme Widgets Ltd shall ensure that its staff are bound by confidentiality and that the processing by the processor is lawful (\"Processor\").\n"},
	}
	for _, tc := range tests {
		f := run(t, tc.lang, tc.text)
		p := f.Parties
		checkParty(t, tc.name, "processor", p.Processor, p.ProcessorNote, tc.processor, tc.procNote)
		checkParty(t, tc.name, "controller", p.Controller, p.ControllerNote, tc.ctrl, tc.ctrlNote)
		if p.Processor == nil {
			continue
		}
		for _, c := range []struct{ field, got, want string }{
			{"key", p.Processor.Key, tc.key}, {"short_name", p.Processor.ShortName, tc.short}, {"owner", p.Processor.Owner, tc.owner},
			{"brand", p.Processor.Brand, tc.brand}, {"city", p.Processor.City, tc.city}, {"country", p.Processor.Country, tc.country},
		} {
			if c.want != "" && c.got != c.want {
				t.Errorf("%s: processor %s %q, want %q", tc.name, c.field, c.got, c.want)
			}
		}
		if p.Processor.Key == "" || p.Processor.Evidence == nil || !strings.Contains(p.Processor.Evidence.Text, p.Processor.Name) {
			t.Errorf("%s: processor %q needs a key and evidence quoting the name, got %q, %+v", tc.name, p.Processor.Name, p.Processor.Key, p.Processor.Evidence)
		}
	}
}

func checkParty(t *testing.T, tc, role string, got *model.Party, note, want, wantNote string) {
	t.Helper()
	switch {
	case want == "" && got != nil:
		t.Errorf("%s: %s %q, want none", tc, role, got.Name)
	case want != "" && got == nil:
		t.Errorf("%s: %s none (%s), want %q", tc, role, note, want)
	case want != "" && got.Name != want:
		t.Errorf("%s: %s %q, want %q", tc, role, got.Name, want)
	case want == "" && note == "":
		t.Errorf("%s: %s not named without a note", tc, role)
	case want == "" && !strings.Contains(note, wantNote):
		t.Errorf("%s: %s note %q, want it to say %q", tc, role, note, wantNote)
	}
}

func TestVendorKey(t *testing.T) {
	k, err := LoadKnowledge()
	if err != nil {
		t.Fatal(err)
	}
	same := [][]string{
		{"Muster G.m.b.H.", "Muster GmbH", "MUSTER GMBH", "Muster Gesellschaft mit beschränkter Haftung"},
		{"Glakon IT Agentur e. K.", "Glakon IT Agentur e.K.", "Glakon IT-Agentur e.K."},
		{"ALL-INKL.COM - Neue Medien Münnich", "Neue Medien Münnich"},
		{"we do code UG (haftungsbeschränkt)", "We Do Code UG"},
		{"Acme, Inc.", "Acme Inc", "ACME Incorporated"},
		{"Helvetia Data Sàrl", "Helvetia Data S.à r.l."},
	}
	for _, group := range same {
		want := vendorKey(k.party, group[0])
		if want == "" {
			t.Fatalf("%q: empty key", group[0])
		}
		for _, n := range group[1:] {
			if got := vendorKey(k.party, n); got != want {
				t.Errorf("key(%q) = %q, key(%q) = %q", n, got, group[0], want)
			}
		}
	}
	if a, b := vendorKey(k.party, "Muster GmbH"), vendorKey(k.party, "Muster AG"); a == b {
		t.Errorf("different legal forms share the key %q", a)
	}
}

// FuzzReadName asserts that reading a name never panics, that the name is
// the phrase's text at its span, and that a name and a note exclude each
// other.
func FuzzReadName(f *testing.F) {
	for _, s := range []string{"und dem/der we do code UG (haftungsbeschränkt), Weg 1", "Kundenname: ____", "[[Firma, Anschrift]] („Bekvor“)",
		"ALL-INKL.COM - Neue Medien Münnich, Inhaber: René Münnich", "Anbieter | Contract AI – Inhaber Noah Liebold (Einzelunternehmen)",
		"(1) Harbor Analytics Ltd, a company", "processor, Inc.", "\xff( Inhaber:", "MusterSoft – eine Marke der"} {
		f.Add(s)
	}
	k, err := LoadKnowledge()
	if err != nil {
		f.Fatal(err)
	}
	x := &extractor{k: k}
	f.Fuzz(func(t *testing.T, s string) {
		r := x.readName(s)
		if r.name == "" {
			if r.note == "" {
				t.Fatalf("%q: neither name nor note", s)
			}
			return
		}
		if r.note != "" || r.start < 0 || r.end > len(s) || r.start > r.end || s[r.start:r.end] != r.name {
			t.Fatalf("%q: name %q at %d-%d, note %q", s, r.name, r.start, r.end, r.note)
		}
		_ = vendorKey(k.party, r.name)
	})
}
