package lang

import "testing"

func TestDetect(t *testing.T) {
	tests := []struct{ text, want string }{
		{"Der Auftragnehmer verarbeitet die Daten nur auf Weisung des Auftraggebers und ist zur Vertraulichkeit verpflichtet.", "de"},
		{"The processor shall process the personal data only on documented instructions of the controller and in accordance with this agreement.", "en"},
		{"12345 67890", "und"},
		{"", "und"},
	}
	for _, tt := range tests {
		if got := Detect(tt.text); got != tt.want {
			t.Errorf("Detect(%.40q) = %s, want %s", tt.text, got, tt.want)
		}
	}
}
