package extract

import (
	"strings"
	"testing"

	"github.com/art28/art28/internal/corpustest"
)

// TestSubs28ExactNames holds the excerpts of testdata/subs/subs28-de.cases
// and subs28-en.cases (sub-processor lists read by their structure: id
// lines, arrows, footnotes, wrapped columns, semicolon lists, nested
// bullets, name blocks, names without legal form in lists) to the exact
// names and countries.
func TestSubs28ExactNames(t *testing.T) {
	checkExactSubNames(t, "subs28", true, func(c corpustest.Case) bool {
		return strings.Contains(c.Name, "-s28-") || strings.Contains(c.Name, "-s28b-")
	})
}

// TestEntryLine checks the structural reading of a line of a list of
// sub-processors: ids opening an entry and separators between its
// fields, with lines that keep their text.
func TestEntryLine(t *testing.T) {
	for _, c := range []struct {
		in, want string
		id       bool
	}{
		{"UA-1 = Rechenwerk Mittelrhein GmbH, Koblenz (Hosting)", "Rechenwerk Mittelrhein GmbH, Koblenz (Hosting)", true},
		{"SUB-001: Bluefin Compute Ltd – cloud hosting", "Bluefin Compute Ltd – cloud hosting", true},
		{"[UV-2] Klickwerk Software OÜ, Tallinn", "Klickwerk Software OÜ, Tallinn", true},
		{"(UA 1) Lagerwerk Uckermark GmbH, Prenzlau – Akten", "Lagerwerk Uckermark GmbH, Prenzlau – Akten", true},
		{"Nr. 2: Inkassohaus Pfalz GmbH, Kaiserslautern", "Inkassohaus Pfalz GmbH, Kaiserslautern", true},
		{"b. Notdienst Hocheifel, Adenau, Bereitschaftsdienst", "Notdienst Hocheifel, Adenau, Bereitschaftsdienst", true},
		{"Warenversand → Versandhalle Nordheide GmbH, Buchholz", "Warenversand – Versandhalle Nordheide GmbH, Buchholz", false},
		{"Webhafen Wismar GmbH · Wismar · Webhosting", "Webhafen Wismar GmbH – Wismar – Webhosting", false},
		// Negatives: no id, no separator set off by spaces.
		{"A4 Druck GmbH, Kassel", "A4 Druck GmbH, Kassel", false},
		{"ISO 27001 zertifiziert", "ISO 27001 zertifiziert", false},
		{"z. B. Hosting", "z. B. Hosting", false},
		{"UA-1 = keine", "UA-1 – keine", false}, // no id before a lower-case word; the case file holds that no entry is read
		{"TLS=1.2 verschlüsselt", "TLS=1.2 verschlüsselt", false},
		{"Kosten: 3 € netto", "Kosten: 3 € netto", false},
	} {
		got, id := entryLine(c.in)
		if got != c.want || id != c.id {
			t.Errorf("%q: got %q %v, want %q %v", c.in, got, id, c.want, c.id)
		}
	}
}

// TestSubs28Rules checks the other readings of branch subs28 with
// positives and negatives: a town after a company ending in its legal
// form is no name of a comma list; a former name in brackets is no part
// of the name; a sub-processor label with a capital letter opens an
// entry; a bare name before an unknown town in a marked entry.
func TestSubs28Rules(t *testing.T) {
	k, err := LoadKnowledge()
	if err != nil {
		t.Fatal(err)
	}
	x := &extractor{k: k, lang: "de"}
	for _, c := range []struct {
		body  string
		split bool
	}{
		{"Aktenwerk Rheinhessen GmbH, Alzey – Archiv", false},
		{"Mailturm Nahe GmbH, Bad Kreuznach – E-Mail", false},
		{"Hetzner Online GmbH (Deutschland), Brevo (Frankreich) und Zoom", true},
		{"Hetzner, Mailchimp, Zoom", true},
	} {
		if got := x.commaParts("unterauftragnehmer", c.body) != nil; got != c.split {
			t.Errorf("commaParts(%q): split %v, want %v", c.body, got, c.split)
		}
	}
	for _, c := range []struct{ in, want string }{
		{"Rechenzentrum Allgäu GmbH (vormals Kemptener Datendienst GmbH)", "Rechenzentrum Allgäu GmbH"},
		{"Harbour Cloud Ltd (formerly Quay Hosting Limited)", "Harbour Cloud Ltd"},
		{"Netzhaus Weser GmbH (Hosting)", "Netzhaus Weser GmbH (Hosting)"},
		{"Vormals Digital GmbH (vormals)", "Vormals Digital GmbH (vormals)"},
	} {
		if got := trimAffiliateRemark(c.in); got != c.want {
			t.Errorf("trimAffiliateRemark(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	for _, c := range []struct {
		in   string
		want bool
	}{
		{"Unterauftragnehmer A: Aktenwerk Rheinhessen GmbH, Alzey", true},
		{"Sub-processor B: Millbrook Chat Inc., Austin", true},
		{"Unterauftragnehmer 2: Mailturm Nahe GmbH", true},
		{"Subunternehmer s. Anlage 3", false},
		{"Dienstleister z. B. Druckereien", false},
	} {
		if got := reEntryNumber.MatchString(c.in); got != c.want {
			t.Errorf("reEntryNumber(%q) = %v, want %v", c.in, got, c.want)
		}
	}
	for _, c := range []struct {
		in, want string
	}{
		{"Aktenfuchs, Osnabrück – Aktenvernichtung", "Aktenfuchs"},
		{"Notdienst Hocheifel, Adenau, Bereitschaftsdienst", "Notdienst Hocheifel"},
		{"Ringstraße 8, Kassel", ""},
		{"Steuerberater, Kassel – Buchhaltung", ""},
		{"Genf, Schweiz", ""},
	} {
		got := ""
		if e := x.commaTownBare(c.in, 0, len(c.in)); e != nil {
			got = e.sp.Name
		}
		if got != c.want {
			t.Errorf("commaTownBare(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestIDWord checks that every id word of the lexicon opens an entry in
// its own spelling, lower-cased and upper-cased, before a space or a
// digit, and that other words and an id word without a number after it
// do not.
func TestIDWord(t *testing.T) {
	if len(entryIDWords) == 0 {
		t.Fatal("lexicon entry_id_words is empty")
	}
	for _, w := range entryIDWords {
		for _, s := range []string{w, strings.ToLower(w), strings.ToUpper(w)} {
			for _, after := range []string{" 1: X GmbH", "2 – Y Ltd"} {
				if got := idWord(s + after); got != len(s) {
					t.Errorf("idWord(%q) = %d, want %d", s+after, got, len(s))
				}
			}
			if got := idWord(s + "x GmbH"); got != 0 {
				t.Errorf("idWord(%q) = %d, want 0", s+"x GmbH", got)
			}
		}
	}
	for _, s := range []string{"Anlage 3", "Hosting GmbH", "UA-1 = X", "ab"} {
		if got := idWord(s); got != 0 {
			t.Errorf("idWord(%q) = %d, want 0", s, got)
		}
	}
}
