package segment

import (
	"testing"

	"github.com/art28/art28/internal/document"
)

// TestAnswerQuestions: a question answered "Nein" is never evidence, and
// an answer takes the question as its lead-in.
func TestAnswerQuestions(t *testing.T) {
	// Questions and answers in one paragraph each (a short question on a
	// line of its own is a heading, as in FAQ pages).
	text := "Unterstützt der Auftragsverarbeiter bei einer DSFA? Nein, das ist nicht Gegenstand der Leistung.\n\n" +
		"Informiert der Auftragsverarbeiter bei rechtswidrigen Weisungen? Ja, unverzüglich.\n\n" +
		"Wer ist betroffen? Mandanten und Mitarbeitende.\n\n" +
		"Gibt es eine Meldefrist für Verletzungen? Januar ist der Monat der Prüfung."
	doc := document.ParseText("q.txt", "text", text)
	s := Split(doc)
	if len(s) != 8 {
		t.Fatalf("%d sentences", len(s))
	}
	want := []struct {
		open bool
		lead int
	}{{true, -1}, {false, 0}, {false, -1}, {false, 2}, {false, -1}, {false, 4}, {false, -1}, {false, 6}}
	for i, w := range want {
		if s[i].Open != w.open || s[i].LeadIn != w.lead {
			t.Errorf("sentence %d %q: open %v lead %d heading %v, want %v %d", i, text[s[i].Start:s[i].End], s[i].Open, s[i].LeadIn, s[i].Heading, w.open, w.lead)
		}
	}
}
