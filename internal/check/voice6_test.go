package check

import (
	"testing"

	"github.com/art28/art28/internal/catalog"
	"github.com/art28/art28/internal/document"
	"github.com/art28/art28/internal/segment"
)

// TestPartyReadings: the sole trader's "ich", abbreviated party words
// ("Auftragnehmer (AN)") and two parties defined by words of their own,
// told apart by whose instructions are followed.
func TestPartyReadings(t *testing.T) {
	ch := New(catalog.Default())
	tests := []struct {
		text string
		want Party // actor of the last sentence
	}{
		// first person singular, three times: the processor
		{"Ich betreue die EDV der Praxis. Ich arbeite allein. Wenn etwas schiefgeht, rufe ich die Praxis sofort an.", Processor},
		// a single "ich" (a pledge, a signature) is no voice
		{"Der Auftragnehmer wartet die Server. Ich bestätige den Empfang.", Nobody},
		// "AN"/"AG" defined after the party words
		{"Auftraggeber (AG): Muster GmbH, Köln\nAuftragnehmer (AN): Beispiel e.K., Köln\n\nDer AN meldet dem AG Datenpannen.", Processor},
		{"Auftraggeber (AG): Muster GmbH, Köln\nAuftragnehmer (AN): Beispiel e.K., Köln\n\nDer AG darf Kontrollen durchführen.", Controller},
		// the preposition "an" stays a preposition
		{"Auftraggeber (AG): Muster GmbH\nAuftragnehmer (AN): Beispiel e.K.\n\nAn den Wochenenden ruht die Wartung.", Nobody},
		// without a definition "AN" is no party
		{"Der AN meldet dem AG Datenpannen.", Nobody},
		// two parties by their own words: the one whose instructions are followed is the controller
		{"Zwischen der\nPflege GmbH\n(nachfolgend „Pflegedienst“)\n\nund der\nRoute GmbH\n(nachfolgend „Hersteller“)\n\nDie Verarbeitung erfolgt ausschließlich auf Weisung des Pflegedienstes. Der Hersteller meldet Verletzungen unverzüglich.", Processor},
		{"Zwischen der\nPflege GmbH\n(nachfolgend „Pflegedienst“)\n\nund der\nRoute GmbH\n(nachfolgend „Hersteller“)\n\nDie Verarbeitung erfolgt ausschließlich auf Weisung des Pflegedienstes. Der Pflegedienst darf Kontrollen durchführen.", Controller},
		// no sign of who instructs whom: neither is a party
		{"Zwischen der\nPflege GmbH\n(nachfolgend „Pflegedienst“)\n\nund der\nRoute GmbH\n(nachfolgend „Hersteller“)\n\nDer Hersteller meldet Verletzungen unverzüglich.", Nobody},
	}
	for _, tt := range tests {
		doc := document.ParseText("t.txt", "text", tt.text)
		sents := segment.Split(doc)
		in := ch.Prepare(doc, sents, "de")
		if got := in.Actor(len(sents) - 1); got != tt.want {
			t.Errorf("%q: actor %v, want %v", tt.text, got, tt.want)
		}
	}
}

func TestFirstPerson(t *testing.T) {
	for s, want := range map[string]bool{
		"Ich betreue. Ich helfe. ich lösche.": true,
		"Ich betreue. Ich helfe.":             true,
		"Ich bestätige den Erhalt.":           false,
		"ich, Ich, ich":                       true,
		"Dich mich dich ich":                  false,
		"Technisch, ich? Stich. Sich.":        false,
	} {
		if got := firstPerson(s); got != want {
			t.Errorf("firstPerson(%q) = %v, want %v", s, got, want)
		}
	}
}
