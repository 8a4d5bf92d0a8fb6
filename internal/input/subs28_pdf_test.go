package input

import "testing"

// TestNextIDItem checks that a line opening with the next id of a list
// ("UA-2 = …" after "UA-1 = …") starts a new paragraph in a PDF, and that
// other lines do not (branch subs28).
func TestNextIDItem(t *testing.T) {
	for _, c := range []struct {
		first, t string
		want     bool
	}{
		{"UA-1 = Rechenwerk GmbH", "UA-2 = Postfix AG", true},
		{"[UV-1] Nordlicht GmbH", "[UV-2] Klickwerk OÜ", true},
		{"SUB-001: Bluefin Ltd", "SUB-002: Saltmarsh Ltd", true},
		{"(UA 1) Lagerwerk GmbH", "(UA 2) Hotline GmbH", true},
		{"Nr. 1: Mahnwesen GmbH", "Nr. 2: Inkassohaus GmbH", true},
		// Negatives: no id, another prefix, a smaller number, a year.
		{"UA-2 = Postfix AG", "UA-1 = Rechenwerk GmbH", false},
		{"UA-1 = Rechenwerk GmbH", "SP-2 = Pinecrest Inc.", false},
		{"2025 wurde der Vertrag", "2026 verlängert", false},
		{"Der Auftragnehmer setzt", "ein. Die Liste", false},
		{"A4 Druck GmbH", "A5 Papier GmbH", false},
	} {
		if got := nextIDItem(c.first, c.t); got != c.want {
			t.Errorf("%q / %q: got %v, want %v", c.first, c.t, got, c.want)
		}
	}
}

// TestNextLabelItem checks that "Unterauftragnehmer B: …" after
// "Unterauftragnehmer A: …" starts a new paragraph in a PDF, and that a
// lower-case lettered item "b. …" after "a. …" does (nextLetterItem).
func TestNextLabelItem(t *testing.T) {
	for _, c := range []struct {
		first, t string
		want     bool
	}{
		{"Unterauftragnehmer A: Aktenwerk GmbH, Alzey", "Unterauftragnehmer B: Mailturm GmbH", true},
		{"Sub-processor 1: Hawthorn Vault Ltd", "Sub-processor 2: Millbrook Chat Inc.", true},
		// Negatives: other words, the same label, a label not next.
		{"Unterauftragnehmer A: Aktenwerk GmbH", "Dienstleister B: Mailturm GmbH", false},
		{"Unterauftragnehmer A: Aktenwerk GmbH", "Unterauftragnehmer A: Mailturm GmbH", false},
		{"Unterauftragnehmer A: Aktenwerk GmbH", "Unterauftragnehmer C: Mailturm GmbH", false},
		{"Hinweis: bitte beachten", "Hinweis: ebenso", false},
	} {
		if got := nextLabelItem(c.first, c.t); got != c.want {
			t.Errorf("%q / %q: got %v, want %v", c.first, c.t, got, c.want)
		}
	}
	if !nextLetterItem("a. Wartungsteam Eifel GmbH", "b. Notdienst Hocheifel") || nextLetterItem("a. Wartungsteam", "c. Notdienst") {
		t.Error("nextLetterItem: lower-case letters")
	}
}
