package check

import (
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
		{"en", "Controller shall delete all data.", Controller},
		{"en", "At the choice of the controller, the processor shall delete all data.", Processor},
		{"en", "If the controller so requests, processor will return the data.", Processor},
		{"en", "The controller’s instructions bind the processor.", Processor},
		{"en", "Personal data shall be deleted after termination.", Nobody},
		{"en", "Upon request by controller, processor shall provide information.", Processor},
		{"en", "Sub-processors are engaged by the processor.", Processor},
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
		{"de", "Wendet sich der Kunde an den Anbieter, so leitet der Anbieter die Anfrage weiter.", Processor},
		{"de", "Stellt der Auftragnehmer einen Verstoß fest, informiert er den Auftraggeber.", Processor},
		{"de", "Stellt der Auftraggeber einen Verstoß fest, kann er kündigen.", Controller},
		{"de", "Die Auftragnehmerin löscht die Daten der Auftraggeberin.", Processor},
		{"de", "Auf Verlangen der Auftragnehmerin benennt die Auftraggeberin einen Ansprechpartner.", Controller},
		{"de", "Der Mandant erteilt Weisungen.", Controller},
		{"de", "Anfragen Betroffener werden vom Auftraggeber beantwortet.", Controller},
		{"de", "Die Daten werden durch den Auftragnehmer gelöscht.", Processor},
		{"de", "Die vom Auftraggeber übermittelten Daten werden gelöscht.", Nobody},
		{"de", "Weitere Auftragsverarbeiter erhalten Zugang nur mit Zustimmung.", Nobody},
		{"de", "Kommt der weitere Auftragsverarbeiter seinen Pflichten nicht nach, so haftet der erste Auftragsverarbeiter.", Processor},
	}
	for _, tt := range tests {
		f := newActorFinder(c, tt.lang)
		got := f.find(match.Tokenize(tt.text, 0, len(tt.text)))
		if got != tt.want {
			t.Errorf("%q: actor %v, want %v", tt.text, got, tt.want)
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
