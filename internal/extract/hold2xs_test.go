package extract

import (
	"strings"
	"testing"

	"github.com/art28/art28/internal/corpustest"
)

// TestHold2xsExactNames holds the excerpts of testdata/subs/hold2xs.cases
// to the exact names: TestSubprocessorCases matches names loosely (a
// name with its register number in brackets, or cut after "&", passes
// there), the held-out scoring does not.
func TestHold2xsExactNames(t *testing.T) {
	checkExactSubNames(t, "hold2xs", false, func(c corpustest.Case) bool {
		return strings.Contains(c.Name, "-h2xs-")
	})
}

// TestHold2xsRules gives each rule of branch hold2xs its positive and
// negative examples.
func TestHold2xsRules(t *testing.T) {
	for rem, want := range map[string]bool{
		"company number 03370915": true, "cro number 655120": true, "registered number sc412233": true,
		"companies house no. 07719002": true, "hrb 12345": true,
		"uk": false, "holdings": false, "company number": false, "hrbtech": false, "registered office": false,
	} {
		if got := registerRemark(rem); got != want {
			t.Errorf("registerRemark(%q) = %v, want %v", rem, got, want)
		}
	}
	for line, want := range map[string]bool{
		"+----+------+": true, "+====+======+": true, "+:---+---:+": true,
		"| 1 | x |": false, "+ 49 30 1234": false, "----": false, "+--- x ---+": false,
	} {
		if got := gridRule(line); got != want {
			t.Errorf("gridRule(%q) = %v, want %v", line, got, want)
		}
	}
	k, err := LoadKnowledge()
	if err != nil {
		t.Fatal(err)
	}
	x := &extractor{k: k, lang: "en"}
	amp := map[string]string{
		"Surveyform Ltd (UK); Quayside Print & Mail Ltd": "Quayside Print & Mail Ltd",
		"Approved: Pike & Perch Mailing Limited":         "Pike & Perch Mailing Limited",
		"| Cobble & Crane Logistics Ltd":                 "Cobble & Crane Logistics Ltd",
		"Acme Ltd & Mail Ltd":                            "",
		"printing and hosting & Mail Ltd":                "",
		"between us & Mail Ltd":                          "",
	}
	checkAmpersandStart(t, x, amp)
	for name, want := range map[string]bool{
		"Tintenfass Druck": true, "Zettelwerk Scan": true,
		"Druck und Versand": false, "Hosting": false, "Web Hosting": false,
	} {
		if got := x.brandThenService(name); got != want {
			t.Errorf("brandThenService(%q) = %v, want %v", name, got, want)
		}
	}
	for inner, want := range map[string]bool{
		"Belegerfassung, Vilnius, Litauen": true, "Kundenanfragen, Austin, USA": true, "Server, Düsseldorf": true,
		"Name, Anschrift, Geburtsdatum": false, "Rechnungen, Quittungen": false, "Fotos, PDF-Dateien": false,
	} {
		if _, got := x.serviceTownCountry(inner); got != want {
			t.Errorf("serviceTownCountry(%q) = %v, want %v", inner, got, want)
		}
	}
	for s, want := range map[string]bool{
		"im moment sind das wolkenhafen": true, "these are lanternjaw": true, "das sind a": true,
		"die daten sind das wichtigste": false, "there are two": false, "dies ist ein": false,
	} {
		if got := rePronounList.MatchString(s); got != want {
			t.Errorf("rePronounList(%q) = %v, want %v", s, got, want)
		}
	}
}

// checkAmpersandStart checks where x.ampersandStart puts the start of the
// name around the last "& " of each text ("" for none).
func checkAmpersandStart(t *testing.T, x *extractor, cases map[string]string) {
	t.Helper()
	for s, want := range cases {
		start := strings.LastIndex(s, "& ") + 2
		got := ""
		if st := x.ampersandStart(s, start); st >= 0 {
			got = s[st:]
		}
		if got != want {
			t.Errorf("ampersandStart(%q) gives %q, want %q", s, got, want)
		}
	}
}
