package document

import "testing"

func TestMaskUnticked(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"bei\n☒ der Meldung,\n☐ der DSFA (Art. 35).", "bei\n☒ der Meldung,\n☐                    "},
		{"Weisungen werden ☒ in Textform ☐ schriftlich erteilt.", "Weisungen werden ☒ in Textform ☐                     "},
		{"Löschfrist (☒ sechs Monate ☐ ____ Monate).", "Löschfrist (☒ sechs Monate ☐            )."},
		{"Unterstützung bei DSFA: ☐ ja ☒ nein\nSonst ☒", "                         ☐    ☒     \nSonst ☒"},
		{"Unterstützung bei DSFA: ☒ ja ☐ nein", "Unterstützung bei DSFA: ☒ ja ☐     "},
		{"Audits permitted: Yes ☒ No ☐", "Audits permitted: Yes ☒    ☐"},
		{"Audits permitted: Yes ☐ No ☒", "                      ☐    ☒"},
		{"[ ] der Meldung\n[x] der DSFA", "[ ]            \n[x] der DSFA"},
		{"( ) der Meldung\n(X) der DSFA", "( )            \n(X) der DSFA"},
		{"[X] der Meldung\n[ ] der DSFA", "[X] der Meldung\n[ ]         "},
		{"(X) Textform\n(X) Schriftform", "(X) Textform\n(X) Schriftform"},
		{"Name: [ ] Ort: [x] hier\n☐ Bullet", "Name: [ ] Ort: [x] hier\n☐ Bullet"},
		{"Drittländer: ☐ zulässig\nSprache: ☒ Deutsch", "              ☐          \nSprache: ☒ Deutsch"},
		{"Ort: Berlin ☐ Hamburg\nSprache: ☒ Deutsch", "Ort: Berlin ☐        \nSprache: ☒ Deutsch"},
		{"☐ Zutrittskontrolle\n☐ Verschlüsselung", "☐ Zutrittskontrolle\n☐ Verschlüsselung"},
	} {
		if got := MaskUnticked(c.in); got != c.want {
			t.Errorf("MaskUnticked(%q)\n got %q\nwant %q", c.in, got, c.want)
		}
	}
}
