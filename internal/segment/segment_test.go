package segment

import (
	"fmt"
	"strings"
	"testing"

	"github.com/art28/art28/internal/document"
)

func sentences(text string) []string {
	d := document.ParseText("t.txt", "text", text)
	var out []string
	for _, s := range Split(d) {
		out = append(out, text[s.Start:s.End])
	}
	return out
}

func TestSplit(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"two sentences", "Der Auftragnehmer löscht. Der Auftraggeber prüft.", []string{"Der Auftragnehmer löscht.", "Der Auftraggeber prüft."}},
		{"dutch legal forms", "The vendors are Adyen N.V. (payments) and Intercom Ltd (chat). Next.", []string{"The vendors are Adyen N.V. (payments) and Intercom Ltd (chat).", "Next."}},
		{"german abbreviations", "Gemäß Art. 28 Abs. 3 S. 2 lit. a DSGVO gilt dies z.B. für Daten, ggf. bzw. u.a. i.V.m. Nr. 2. Ende.", []string{"Gemäß Art. 28 Abs. 3 S. 2 lit. a DSGVO gilt dies z.B. für Daten, ggf. bzw. u.a. i.V.m. Nr. 2.", "Ende."}},
		{"spaced z. B.", "Daten (z. B. Name, Anschrift) werden verarbeitet. Weiter.", []string{"Daten (z. B. Name, Anschrift) werden verarbeitet.", "Weiter."}},
		{"i.S.d.", "Verantwortlicher i.S.d. Art. 4 Nr. 7 DSGVO ist der Kunde. Gut.", []string{"Verantwortlicher i.S.d. Art. 4 Nr. 7 DSGVO ist der Kunde.", "Gut."}},
		{"english", "See Sec. 5 and No. 3, e.g. audits, i.e. inspections. Processor shall assist.", []string{"See Sec. 5 and No. 3, e.g. audits, i.e. inspections.", "Processor shall assist."}},
		{"ordinal date", "Der Vertrag gilt ab dem 1. Januar 2025. Er endet.", []string{"Der Vertrag gilt ab dem 1. Januar 2025.", "Er endet."}},
		{"question and quote", "Is it valid? “Yes.” Then go.", []string{"Is it valid?", "“Yes.”", "Then go."}},
		{"markdown run-in title", "**Customer requests.** If a customer asks, we forward it.", []string{"**Customer requests.**", "If a customer asks, we forward it."}},
		{"lines are blocks", "First line without stop\nSecond line.", []string{"First line without stop", "Second line."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := sentences(tt.in)
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestLeadIn(t *testing.T) {
	text := "The processor shall:\n- delete the data;\n- return the copies; and\n- certify deletion.\nUnrelated sentence."
	d := document.ParseText("t.txt", "text", text)
	ss := Split(d)
	if len(ss) != 5 {
		t.Fatalf("got %d sentences", len(ss))
	}
	for i := 1; i <= 3; i++ {
		if ss[i].LeadIn != 0 {
			t.Errorf("item %d lead-in %d, want 0", i, ss[i].LeadIn)
		}
	}
	if ss[4].LeadIn != -1 {
		t.Errorf("unrelated sentence has lead-in %d", ss[4].LeadIn)
	}
}

// TestLeadInPlainLines covers lists whose items are plain lines without
// bullets, as in sentence-per-line text.
func TestLeadInPlainLines(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []int
	}{
		{"first item after colon", "The processor shall:\nassist the controller;\nkeep records;\ndelete data.\nUnrelated.", []int{-1, 0, 0, 0, -1}},
		{"colon then full sentence", "Definitions:\nThe processor deletes data.\nIt returns data.", []int{-1, 0, -1}},
		{"no colon", "The processor shall act.\nassist the controller;", []int{-1, -1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ss := Split(document.ParseText("t.txt", "text", tt.text))
			var got []int
			for _, s := range ss {
				got = append(got, s.LeadIn)
			}
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("lead-ins %v, want %v", got, tt.want)
			}
		})
	}
}

func FuzzSplit(f *testing.F) {
	for _, s := range []string{"A. B. C.", "z.B. ggf. Art. 28 Abs. 3.", "x:\n- a;\n- b", "§ 1\n(1) Text. Mehr."} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		text, err := document.Normalize([]byte(in))
		if err != nil {
			return
		}
		d := document.ParseText("f.txt", "text", text)
		prevEnd := 0
		for i, s := range Split(d) {
			if s.Start < prevEnd || s.End <= s.Start || s.End > len(text) {
				t.Fatalf("sentence %d [%d,%d) overlaps or is out of range (prev end %d, len %d)", i, s.Start, s.End, prevEnd, len(text))
			}
			if s.LeadIn >= i {
				t.Fatalf("sentence %d lead-in %d not before it", i, s.LeadIn)
			}
			prevEnd = s.End
		}
	})
}
