package segment

import (
	"testing"

	"github.com/art28/art28/internal/document"
)

// TestAnswerQuestions: a question answered "Nein" is never evidence, and
// an answer takes the question as its lead-in unless it refuses.
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
	}{{true, -1}, {false, -1}, {false, -1}, {false, 2}, {false, -1}, {false, 4}, {false, -1}, {false, 6}}
	for i, w := range want {
		if s[i].Open != w.open || s[i].LeadIn != w.lead {
			t.Errorf("sentence %d %q: open %v lead %d heading %v, want %v %d", i, text[s[i].Start:s[i].End], s[i].Open, s[i].LeadIn, s[i].Heading, w.open, w.lead)
		}
	}
}

// TestQuestionLines: a question on a line of its own (a heading to the
// document reader) followed directly by its answer is the question of a
// Q&A pair; before another question or a heading it stays a title.
func TestQuestionLines(t *testing.T) {
	cases := []struct {
		name, text string
		heading    bool // of the first sentence
		lead       int  // of the second sentence
	}{
		{"answered", "Löscht ihr meine Daten?\n\nJa, 30 Tage nach Vertragsende.", false, 0},
		{"answered in English", "Do you delete my data?\nYes, 30 days after the end of the contract.", false, 0},
		{"before a question", "Fragen und Antworten?\n\nLöscht ihr meine Daten?\n\nJa.", true, -1},
		{"refused", "Dürfen wir euch besichtigen?\nNein, das ist nicht möglich.", false, -1},
		{"granted within limits", "Nutzt ihr meine Daten?\nNein – nur nach deinen Weisungen.", false, 0},
		{"refused in English", "Can we inspect your data centres?\nNO, that is not possible.", false, -1},
		{"a word starting with no", "Who sees the data?\nNobody outside our support team.", false, 0},
		{"not a question", "Löschung\n\nWir löschen alle Daten.", true, -1},
		// styles12: an answer over several paragraphs keeps the question
		// as the heading of its section, and its first paragraph takes it
		// as lead-in.
		{"answer runs on", "What happens if something goes wrong?\n\nIf we find out that your data has been lost, we will tell you.\n\nWe will also help you report it.", true, 0},
		{"answer runs on to a question", "What happens if something goes wrong?\n\nWe will tell you.\n\nCan you check on us?\n\nYes.", false, 0},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			doc := document.ParseText("q.txt", "text", tc.text)
			s := Split(doc)
			if len(s) < 2 {
				t.Fatalf("%d sentences", len(s))
			}
			if s[0].Heading != tc.heading || s[1].LeadIn != tc.lead {
				t.Errorf("heading %v lead %d, want %v %d", s[0].Heading, s[1].LeadIn, tc.heading, tc.lead)
			}
		})
	}
}
