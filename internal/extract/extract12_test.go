package extract

import (
	"strings"
	"testing"
)

// TestExtract12Helpers checks the line tests added in branch extract12:
// names joined by a genitive word, cells that wrap, column gaps, transfer
// safeguard lines and bare names in a semicolon list.
func TestExtract12Helpers(t *testing.T) {
	k, err := LoadKnowledge()
	if err != nil {
		t.Fatal(err)
	}
	x := &extractor{k: k, lang: "de"}
	for _, tc := range []struct {
		prefix string
		want   bool
	}{
		{"– Rechenzentrum der Volksbanken Süd ", true},
		{"Gesellschaft für Datenverarbeitung ", true},
		{"Bank of Ireland ", true},
		{"Signed for Halvorsen Retail ", false},      // a signature line
		{"Hosting der Hetzner Online ", false},       // a service, then the company
		{"Wartung der Telefonanlage Muster ", false}, // an action noun
		{"der Volksbanken Süd ", false},              // the joiner first
		{"Rechenzentrum der Volksbanken der Region ", false},
		{"Rechenzentrum Süd ", false}, // no joiner: the ordinary reading
	} {
		if got := x.genitiveName(tc.prefix); got != tc.want {
			t.Errorf("genitiveName(%q) = %v, want %v", tc.prefix, got, tc.want)
		}
	}
	for c, want := range map[string]bool{
		"Scanservice Lahn GmbH &": true,
		"Schmidt und":             true,
		"Lahn-Dill-":              true,
		"Scanservice Lahn GmbH":   false,
		"Hosting -":               false,
	} {
		if got := openCell(c); got != want {
			t.Errorf("openCell(%q) = %v", c, got)
		}
	}
	for l, want := range map[string]bool{
		"Garantie: nicht erforderlich (EU)":                     true,
		"Transfer safeguard: not required":                      true,
		"Hinweis: ein AV-Vertrag ist nicht erforderlich":        false,
		"Für diese Empfänger ist kein AV-Vertrag erforderlich:": false,
	} {
		if got := x.safeguardDetail(l); got != want {
			t.Errorf("safeguardDetail(%q) = %v", l, got)
		}
	}
	for n, want := range map[string]bool{
		"Hetzner":             true,
		"Google Analytics":    true,
		"Zoom":                true,
		"Deutschland":         false,
		"Hosting":             false,
		"[Anbieter]":          false,
		"die Muster GmbH ist": false,
		"mailchimp":           false,
	} {
		if got := x.bareListName(n); got != want {
			t.Errorf("bareListName(%q) = %v", n, got)
		}
	}
	for _, tc := range []struct {
		head, body string
		want       int
	}{
		{"Unterauftragnehmer", "Hetzner, Mailchimp und Zoom", 3},
		{"Derzeit setzt der Auftragnehmer folgende Unterauftragsverarbeiter ein", "Hetzner, Mailchimp und Zoom", 3},
		{"We currently use the following sub-processors", "Vercel, Postmark and Sentry", 3},
		{"Als Unterauftragnehmer kommen insbesondere in Betracht", "Rechenzentren, Druckereien und Callcenter", 0},
		{"Unterauftragnehmer", "Hetzner", 0},
	} {
		if got := len(x.commaParts(tc.head, tc.body)); got != tc.want {
			t.Errorf("commaParts(%q, %q): %d parts, want %d", tc.head, tc.body, got, tc.want)
		}
	}
	for v, want := range map[string]bool{"keine.": true, "None": true, "entfällt": true, "Hetzner Online GmbH": false, "netcup GmbH": false} {
		if got := noneValue(v); got != want {
			t.Errorf("noneValue(%q) = %v", v, got)
		}
	}
	got := splitColumns("(Auftraggeber)        (Auftragnehmer)")
	if len(got) != 2 || got[0].text != "(Auftraggeber)" || got[1].text != "(Auftragnehmer)" || got[1].start != 22 {
		t.Errorf("splitColumns = %+v", got)
	}
	if got := splitColumns("Klinik am Park GmbH  (Auftraggeber)"); len(got) != 1 {
		t.Errorf("two spaces split a line: %+v", got)
	}
}

// FuzzSplitColumns checks that the parts of a split line are its text at
// their offsets, in order, and hold no column gap.
func FuzzSplitColumns(f *testing.F) {
	for _, s := range []string{"a   b", "\tx\t\ty  ", "Klinik am Park GmbH     Sterilgut GmbH", "", "   "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		end := 0
		for _, p := range splitColumns(s) {
			if p.start < end || p.end > len(s) || p.start >= p.end || s[p.start:p.end] != p.text {
				t.Fatalf("%q: bad part %+v", s, p)
			}
			if strings.Contains(p.text, "   ") || strings.Contains(p.text, "\t") {
				t.Fatalf("%q: part %q holds a gap", s, p.text)
			}
			end = p.end
		}
	})
}
