package input

import "testing"

// TestNextLetterItem checks that a PDF paragraph is split before the next
// entry of a list labelled with capital letters, and only there.
func TestNextLetterItem(t *testing.T) {
	for _, tc := range []struct {
		first, line string
		want        bool
	}{
		{"A. Formstack Lite – online forms – Frankfurt, Germany", "B. Echo Transcripts – transcription – Leeds", true},
		{"C) Kellerarchiv Nord – Einlagerung", "D) Sprachbox – Diktate", true},
		{"Signed on behalf of the Processor by", "A. Müller, Managing Director", false},
		{"A. Formstack Lite – online forms", "C. Saltmarsh Backup – backup", false},
		{"A. Formstack Lite – online forms", "B) Echo Transcripts – transcription", false},
	} {
		if got := nextLetterItem(tc.first, tc.line); got != tc.want {
			t.Errorf("nextLetterItem(%q, %q) = %v", tc.first, tc.line, got)
		}
	}
}
