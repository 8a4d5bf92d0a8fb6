package check

import (
	"fmt"
	"testing"

	"github.com/art28/art28/internal/catalog"
	"github.com/art28/art28/internal/document"
	"github.com/art28/art28/internal/match"
	"github.com/art28/art28/internal/segment"
)

func TestActor(t *testing.T) {
	c := catalog.Default()
	tests := []struct {
		lang, text string
		want       Party
	}{
		{"en", "The processor shall delete all data.", Processor},
		{"en", "Requests shall be forwarded to the controller, and the controller shall be assisted in responding to them.", Nobody},
		{"en", "The controller shall assist the processor in testing the backups.", Controller},
		{"de", "Stellt die Dienstleisterin fest, dass Daten abhandengekommen sind, unbefugt eingesehen wurden, unterrichtet sie die Auftraggeberin unverzüglich.", Processor},
		{"de", "Die Auftraggeberin löscht die Konten selbst.", Controller},
		{"en", "Controller shall delete all data.", Controller},
		{"en", "At the choice of the controller, the processor shall delete all data.", Processor},
		{"en", "If the controller so requests, processor will return the data.", Processor},
		{"en", "If the processor believes that an instruction of the controller infringes the GDPR, it shall inform the controller.", Processor},
		{"en", "Where the controller objects, it may terminate the processor's services.", Controller},
		{"en", "If the processor believes an instruction is unlawful, it shall say so and may suspend it until the controller confirms it.", Processor},
		{"en", "If a breach occurs, it shall be reported to the controller.", Nobody},
		{"en", "The controller’s instructions bind the processor.", Processor},
		{"en", "Personal data shall be deleted after termination.", Nobody},
		// round27de: the German party told or helped in the passive
		// does not act; an agent does, a third-party agent too.
		{"de", "Bestehen Bedenken, dass eine Weisung gegen Datenschutzrecht verstößt, wird die Auftraggeberin unverzüglich informiert.", Nobody},
		{"de", "Über eine gesetzliche Pflicht zur Verarbeitung wird der Auftraggeber vorher unterrichtet.", Nobody},
		{"de", "Der Kunde wird bei der Meldung an die Aufsichtsbehörde unterstützt.", Nobody},
		{"de", "Der Auftraggeber wird vom Auftragnehmer unverzüglich informiert.", Processor},
		{"de", "Bei der Beantwortung von Anfragen wird die Kundin von ihrer Kanzlei unterstützt.", Controller},
		{"de", "Die Auftraggeberin wird die betroffenen Personen informieren.", Controller},
		{"de", "Der Auftraggeber informiert den Auftragnehmer, wenn er unterstützt werden möchte.", Controller},
		{"de", "Muss die Verantwortliche den EDÖB konsultieren, unterstützt sie der Auftragsbearbeiter dabei.", Processor},
		{"de", "Muss der Anbieter die Behörde konsultieren, unterstützt ihn der Kunde dabei.", Controller},
		{"de", "Ist die Auftragnehmerin der Auffassung, dass eine Weisung verstößt, hat sie die Auftraggeberin zu informieren.", Processor},
		{"de", "Muss die Kundin eine Meldung abgeben, unterstützt sie die Anbieterin dabei.", Controller},
		// styles12c: a noun compound opening the sentence, and the right to
		// be told.
		{"en", "Customer Personal Data will be processed by the processor only on documented instructions.", Processor},
		{"en", "Customer Data shall be deleted after termination.", Nobody},
		// parties18b: the controller word modifying a data noun, and
		// the party itself acting on its records.
		{"en", "Client records are deleted by the processor within 30 days.", Processor},
		// round22en: an auditor's or investigator's own duties are on
		// the controller's side, no duty of the processor; an auditor
		// owned by a party, a report of an auditor, and an auditor not
		// directly followed by a modal keep the old reading.
		{"en", "The auditor shall give the Supplier at least ten Working Days' notice of any site visit.", Controller},
		{"en", "Any independent auditor must sign a confidentiality agreement with the processor.", Controller},
		{"en", "The forensic investigator will deliver its report to the processor within ten days.", Controller},
		{"en", "The processor's auditor shall review the sub-processor's controls every year.", Nobody},
		{"en", "The auditor's report shall be shared with the processor.", Nobody},
		{"en", "An auditor appointed by the controller may inspect the premises of the processor once a year.", Nobody},
		{"en", "The merchant shall delete the buyer data it downloads.", Controller},
		{"en", "A merchant's customer may ask for a copy.", Nobody},
		{"en", "Any breach affecting Client files shall be notified by the processor to the controller.", Processor},
		{"en", "The Client records its instructions in the ticket system.", Controller},
		{"en", "Client files a request with the processor.", Controller},
		{"en", "Client records are deleted by the Client itself.", Controller},
		{"en", "Customer is entitled to be notified by the processor of any breach.", Processor},
		{"en", "Customer is entitled to terminate the agreement.", Controller},
		{"en", "Upon request by controller, processor shall provide information.", Processor},
		{"en", "Sub-processors are engaged by the processor.", Processor},
		{"en", "assist Controller in ensuring compliance with Articles 32 to 36;", Nobody},
		{"en", "notify the customer without undue delay of any breach.", Nobody},
		{"en", "Provide Controller with all information necessary.", Nobody},
		{"en", "Controller acknowledges and agrees that Processor will assist Controller.", Processor},
		{"en", "Customer agrees that it shall obtain all consents.", Controller},
		{"en", "Controller agrees that the data may be stored in the EU.", Controller},
		{"en", "Controller hereby agrees to pay the fees.", Controller},
		{"en", "The controller shall notify the processor of any change.", Controller},
		{"en", "co-operate with the investigation and provide assistance requested by controller;", Nobody},
		{"en", "assist the data controller to make any notifications;", Nobody},
		{"en", "In that event the controller shall be notified of the legal requirement before processing takes place.", Nobody},
		{"en", "Where the processor considers that an instruction infringes the law, the controller shall be informed immediately.", Nobody},
		{"en", "The processor shall be informed by the controller of any change.", Controller},
		{"en", "The data controller shall notify the data processor.", Controller},
		{"en", "make information available and allow for audits, including inspections conducted by the Controller or an auditor mandated by the controller.", Nobody},
		{"en", "The data will be deleted by the processor.", Processor},
		{"en", "allow for audits by Controller or Controller third-party auditor;", Nobody},
		{"en", "To the extent the information is available to us, and controller does not have it, we will assist controller.", Processor},
		{"en", "assist the Controller, to the extent Controller does not otherwise have access to it;", Nobody},
		{"en", "(2) In case the Controller requires a change, the Processor shall inform the Controller.", Processor},
		{"en", "3.1 If the customer asks, the supplier shall delete the data.", Processor},
		{"en", "the obligation to consult the authority in the absence of measures taken by the data controller to mitigate the risk;", Nobody},
		{"en", "When the service ends we will, as you choose, give back or erase your data.", Processor},
		{"de", "Der Auftragnehmer hat die Daten zu löschen.", Processor},
		{"de", "Der Auftraggeber verpflichtet sich, die Daten zu löschen.", Controller},
		{"de", "Nach Beendigung des Vertrags hat der Auftragnehmer die Daten zu löschen.", Processor},
		{"de", "Im Falle der Beendigung verpflichtet sich der Auftraggeber, die Daten zu löschen.", Controller},
		{"de", "Soweit der Auftraggeber dies verlangt, löscht der Auftragnehmer die Daten.", Processor},
		{"de", "Dem Auftraggeber stellt der Auftragnehmer alle Informationen bereit.", Processor},
		{"de", "Auf Anforderung des Auftragnehmers benennt der Auftraggeber einen Ansprechpartner.", Controller},
		{"de", "f) Soweit der Auftraggeber einer Kontrolle ausgesetzt ist, hat ihn der Auftragnehmer zu unterstützen.", Processor},
		{"de", "(2) Sofern der Kunde dies wünscht, gibt der Anbieter die Daten heraus.", Processor},
		{"de", "10.1 Wenn der Verantwortliche es verlangt, löscht der Auftragsverarbeiter die Kopien.", Processor},
		{"de", "a) Der Auftraggeber erteilt Weisungen.", Controller},
		{"de", "Bei der Folgenabschätzung wird der Verantwortliche vom Auftragsverarbeiter unterstützt.", Processor},
		{"de", "Der Auftraggeber wird durch den Auftragnehmer unverzüglich informiert.", Processor},
		{"de", "Der Auftragnehmer wird vom Auftraggeber schriftlich angewiesen.", Controller},
		{"de", "Der Auftraggeber wird die vom Auftragnehmer bereitgestellten Daten prüfen.", Controller},
		{"de", "Der Auftraggeber wird Daten, die ihm vom Auftragnehmer übermittelt werden, löschen.", Controller},
		{"de", "Der Auftragnehmer wird dem Auftraggeber vom Vorfall berichten.", Processor},
		{"de", "Der Auftragnehmer wird vom Auftraggeber benannte Prüfer zulassen.", Processor},
		{"de", "Der Auftraggeber wird vom Auftragnehmer vorab hingewiesen.", Processor},
		{"de", "Erstellt der Verantwortliche eine DSFA, wirkt der Auftragsverarbeiter mit.", Processor},
		{"de", "Macht ein Kunde Rechte auf Auskunft geltend, leitet der Auftragnehmer das Anliegen weiter.", Processor},
		{"de", "Für einen Kunden erstellt der Auftragnehmer Berichte.", Processor},
		{"de", "Macht ein Kunde Rechte geltend, erfasst der Agent das Anliegen.", Nobody},
		{"de", "Ein Kunde kann sich jederzeit an die Hotline wenden.", Nobody},
		{"de", "Wendet sich der Kunde an den Anbieter, so leitet der Anbieter die Anfrage weiter.", Processor},
		{"de", "Stellt der Auftragnehmer einen Verstoß fest, informiert er den Auftraggeber.", Processor},
		{"de", "Stellt der Auftraggeber einen Verstoß fest, kann er kündigen.", Controller},
		{"de", "Die Auftragnehmerin löscht die Daten der Auftraggeberin.", Processor},
		{"de", "Auf Verlangen der Auftragnehmerin benennt die Auftraggeberin einen Ansprechpartner.", Controller},
		{"de", "Der Mandant erteilt Weisungen.", Controller},
		{"de", "Anfragen Betroffener werden vom Auftraggeber beantwortet.", Controller},
		{"de", "Die Daten werden durch den Auftragnehmer gelöscht.", Processor},
		{"de", "Die vom Auftraggeber übermittelten Daten werden gelöscht.", Nobody},
		// The agent after "von der", "durch die" or without article.
		{"de", "Der Auftraggeber wird von der Auftragnehmerin unterstützt.", Processor},
		{"de", "Die Auftragnehmerin wird von der Kundin unterstützt.", Controller},
		{"de", "Der Kunde wird durch die Dienstleisterin unterstützt.", Processor},
		{"de", "Der Auftraggeber wird von Auftragnehmer unterstützt.", Processor},
		{"de", "Die von der Auftragnehmerin bereitgestellten Unterlagen werden geprüft.", Nobody},
		{"de", "Weitere Auftragsverarbeiter erhalten Zugang nur mit Zustimmung.", Nobody},
		{"de", "Kommt der weitere Auftragsverarbeiter seinen Pflichten nicht nach, so haftet der erste Auftragsverarbeiter.", Processor},
		// Inner conditional clauses do not hold the subject.
		{"de", "Pflicht zur Konsultation der Aufsichtsbehörde, wenn die Verarbeitung ein hohes Risiko hätte, sofern der Verantwortliche keine Maßnahmen trifft;", Nobody},
		{"de", "Die Daten sind zu löschen, sobald der Kunde dies verlangt.", Nobody},
		// A leading clause with a nested "dass" clause; "sie" after the verb.
		{"de", "Ist die Auftragnehmerin der Auffassung, dass eine Weisung gegen Datenschutzvorschriften verstößt, hat sie die Auftraggeberin unverzüglich darauf hinzuweisen.", Processor},
		// Clause round 8c: the passive agent after a pronoun that refers
		// to the leading clause, an inner clause before the participle,
		// an insertion inside the leading clause.
		{"de", "Sofern der Auftraggeber eine Verletzung der Aufsichtsbehörde zu melden hat, wird er hierbei vom Auftragnehmer unterstützt.", Processor},
		{"de", "Sofern der Auftraggeber eine Verletzung zu melden hat, wird er vom Auftragnehmer, soweit dieser über die Informationen verfügt, unterstützt.", Processor},
		{"de", "Sofern der Auftraggeber, gleich aus welchem Grund, eine Verletzung zu melden hat, wird er hierbei vom Auftragnehmer unterstützt.", Processor},
		{"de", "Sofern der Auftragnehmer, gleich aus welchem Grund, verhindert ist, meldet der Auftraggeber den Vorfall selbst.", Controller},
		{"de", "Verlangt der Auftraggeber, dass Daten gelöscht werden, löscht der Auftragnehmer sie.", Processor},
		// An infinitive clause inside the leading clause.
		{"de", "Wenn die Auftragnehmerin verpflichtet ist, unverzüglich die Kundin über eine Anfrage zu unterrichten, so geschieht dies schriftlich.", Processor},
		{"de", "Sollte der Auftraggeber verpflichtet sein, Auskünfte zu erteilen, unterstützt ihn der Auftragnehmer.", Processor},
		{"de", "Sollte der Auftragnehmer verpflichtet sein, Daten zu übermitteln, kann der Auftraggeber widersprechen.", Controller},
		// Assent: the party of the "dass" clause acts.
		{"de", "Der Auftragsverarbeiter erklärt sich damit einverstanden, dass der Verantwortliche berechtigt ist, Kontrollen durchzuführen.", Controller},
		{"de", "Der Kunde ist einverstanden, dass der Anbieter weitere Auftragsverarbeiter einsetzt.", Processor},
		{"de", "Der Auftraggeber erklärt, dass er die Daten rechtmäßig erhoben hat.", Controller},
	}
	for _, tt := range tests {
		f := newActorFinder(c, tt.lang)
		got := f.find(match.Tokenize(tt.text, 0, len(tt.text)))
		if got != tt.want {
			t.Errorf("%q: actor %v, want %v", tt.text, got, tt.want)
		}
	}
}

func TestActorListItems(t *testing.T) {
	c := catalog.Default()
	ch := New(c)
	tests := []struct {
		text string
		want []Party
	}{
		{"The processor will:\nnotify the controller of the incident;\nco-operate with any notifications that controller is required to make;\nkeep records.", []Party{Processor, Processor, Processor, Processor}},
		{"The following applies:\n(a) the controller shall give instructions;\n(b) the processor shall follow them.", []Party{Nobody, Controller, Processor}},
		{"The processor shall:\nensure that the controller can object;\nkeep records.", []Party{Processor, Processor, Processor}},
		// evidence22: a lead-in that ends with the party its items go on
		// with, after "that" or before a verb, gives them that party; a
		// party that ends the lead-in as an object does not.
		{"Customer generally authorises the use of sub-processors, provided that Vendor:\ngives Customer thirty days' notice of any new sub-processor;\nlets Customer object to the change.", []Party{Controller, Processor, Processor}},
		{"The Client agrees to the following, and the Supplier shall:\nsend the Client the name of each new sub-processor in advance;\nkeep the list of sub-processors up to date.", []Party{Controller, Processor, Processor}},
		{"The processor shall assist the controller:\nin answering requests of data subjects;\nin preparing impact assessments.", []Party{Processor, Processor, Processor}},
		{"The controller may at any time instruct the processor's staff:\nto correct data;\nto delete data.", []Party{Controller, Controller, Controller}},
		{"Controller consents to the following sub-processors:\nAcme Hosting GmbH Example Street 1 10115 Berlin Germany Cloud Hosting Services\nProcessor shall impose its obligations on any sub-processor.", []Party{Controller, Processor}},
	}
	for _, tt := range tests {
		doc := document.ParseText("t.txt", "text", tt.text)
		in := ch.Prepare(doc, segment.Split(doc), "en")
		var got []Party
		for i := range in.Sentences {
			got = append(got, in.Actor(i))
		}
		if fmt.Sprint(got) != fmt.Sprint(tt.want) {
			t.Errorf("%q: actors %v, want %v", tt.text, got, tt.want)
		}
	}
}

func TestPronounSubject(t *testing.T) {
	c := catalog.Default()
	ch := New(c)
	tests := []struct {
		text string
		want Party
	}{
		{"Der Auftraggeber prüft die Maßnahmen. Er hat das Recht, Inspektionen durchzuführen.", Controller},
		{"Der Auftragnehmer prüft seine Subunternehmer. Er ist berechtigt, Kontrollen durchzuführen.", Processor},
		{"Der Auftragnehmer prüft seine Subunternehmer. Dabei ist er berechtigt, Kontrollen durchzuführen.", Processor},
		// "Sie" with a verb in the singular is "she": the feminine party before.
		{"Die Auftragnehmerin meldet Verletzungen unverzüglich. Sie unterstützt die Auftraggeberin bei der Einhaltung der Pflichten aus Art. 32.", Processor},
		{"Die Auftraggeberin prüft die Maßnahmen. Sie kann Inspektionen durchführen.", Controller},
		// The formal "Sie" takes the plural: no party carried over.
		{"Die Auftragnehmerin meldet Verletzungen unverzüglich. Sie unterstützen uns bei der Einhaltung der Pflichten aus Art. 32.", Nobody},
		{"Die Auftragnehmerin meldet Verletzungen unverzüglich. Sie können Inspektionen durchführen.", Nobody},
		// hold30d: the same after a list label, whose bracket marks "sie"
		// like a comma.
		{"(1) Die Dienstleisterin leitet Anträge weiter. (2) Sie hilft der Kundin bei den Meldungen nach Art. 33 und 34 DSGVO.", Processor},
		{"a) Die Auftragnehmerin löscht die Belege nach Ablauf der Frist.\nb) Sie hat die Mandantin bei der Sicherheit der Verarbeitung zu unterstützen.", Processor},
		{"(1) Die Kundin prüft die Maßnahmen. (2) Sie darf dazu die Räume der Anbieterin betreten.", Controller},
		{"(1) Die Auftragnehmerin meldet Verletzungen. (2) Sie können als Kunde der Änderung widersprechen.", Controller},
	}
	for _, tt := range tests {
		doc := document.ParseText("t.txt", "text", tt.text)
		sents := segment.Split(doc)
		in := ch.Prepare(doc, sents, "de")
		if len(sents) != 2 {
			t.Fatalf("%q: %d sentences", tt.text, len(sents))
		}
		if got := in.Actor(1); got != tt.want {
			t.Errorf("%q: actor %v, want %v", tt.text, got, tt.want)
		}
	}
}

// TestSplitClausesColon: a colon splits a sentence only when the clause
// after it names its own acting party.
func TestSplitClausesColon(t *testing.T) {
	ch := New(catalog.Default())
	tests := []struct {
		text string
		want int // clauses
	}{
		{"Wenn der Vertrag endet, entscheidest du: Entweder wir schicken dir alle Daten zurück, oder wir löschen sie.", 2},
		{"Wenn der Vertrag endet, entscheiden Sie: Entweder geben wir Ihnen die Daten zurück, oder wir löschen sie.", 2},
		{"Der Auftragnehmer verpflichtet sich: die Daten nach Vertragsende zu löschen.", 0},
		{"Folgende Daten sind betroffen: Name, Anschrift und E-Mail-Adresse.", 0},
	}
	for _, tt := range tests {
		doc := document.ParseText("t.txt", "text", tt.text)
		in := ch.Prepare(doc, segment.Split(doc), "de")
		if got := len(in.clauses(0)); got != tt.want {
			t.Errorf("%q: %d clauses, want %d", tt.text, got, tt.want)
		}
	}
}

// TestRequiredParty checks the controller's rights that state the
// processor's duty (styles12c).
func TestRequiredParty(t *testing.T) {
	c := catalog.Default()
	for _, tc := range []struct {
		text string
		want bool
	}{
		{"Customer may require the processor to return all data.", true},
		{"Customer is entitled to receive from the processor all information necessary to demonstrate compliance.", true},
		{"Customer may request the processor's assistance with any data protection impact assessment.", true},
		{"Customer may request the processor's invoices for the past year.", false},
		{"Customer is entitled to receive the reports by e-mail.", false},
		{"Customer shall delete its test data.", false},
	} {
		f := newActorFinder(c, "en")
		if got := f.requiredParty(match.Tokenize(tc.text, 0, len(tc.text))); got != tc.want {
			t.Errorf("requiredParty(%q) = %v, want %v", tc.text, got, tc.want)
		}
	}
}

// TestRequiredPartyDE checks the German reading of a controller's right
// that states the processor's duty ("Der Kunde kann verlangen, dass der
// Anbieter …", branch styles12de).
func TestRequiredPartyDE(t *testing.T) {
	c := catalog.Default()
	tests := []struct {
		text string
		want bool
	}{
		{"Der Kunde kann verlangen, dass der Anbieter ihm nach Vertragsende alle Kundendaten zurückgibt.", true},
		{"Der Auftraggeber ist berechtigt zu verlangen, dass der Auftragnehmer ihn bei Anfragen unterstützt.", true},
		{"Der Auftraggeber kann vom Auftragnehmer verlangen, dass er die Daten löscht.", true},
		{"Der Verantwortliche kann jederzeit verlangen, dass der Auftragsverarbeiter ihm die Informationen übermittelt.", true},
		// The controller's own act after "dass", no "dass" at all, or the
		// processor as the subject.
		{"Der Kunde kann verlangen, dass seine Daten gelöscht werden.", false},
		{"Der Kunde kann die Herausgabe der Daten verlangen.", false},
		{"Der Anbieter kann verlangen, dass der Kunde die Rechnung bezahlt.", false},
		{"Der Auftraggeber erklärt, dass der Auftragnehmer zuverlässig ist.", false},
	}
	for _, tt := range tests {
		f := newActorFinder(c, "de")
		if got := f.requiredParty(match.Tokenize(tt.text, 0, len(tt.text))); got != tt.want {
			t.Errorf("%q: requiredParty %v, want %v", tt.text, got, tt.want)
		}
	}
}
