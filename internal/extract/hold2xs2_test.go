package extract

import (
	"strings"
	"testing"

	"github.com/art28/art28/internal/corpustest"
)

// TestHold2xs2ExactNames holds the excerpts of testdata/subs/hold2xs2.cases
// to the exact names: TestSubprocessorCases matches names loosely (a
// name with its register number in brackets, or cut after "&", passes
// there), the held-out scoring does not.
func TestHold2xs2ExactNames(t *testing.T) {
	checkExactSubNames(t, "hold2xs2", false, func(c corpustest.Case) bool {
		return strings.Contains(c.Name, "-h2xs2") && knownCaseGaps[c.Name] == ""
	})
}

// TestHold2xs2Rules gives each rule of branch hold2xs2 its positive and
// negative examples.
func TestHold2xs2Rules(t *testing.T) {
	k, err := LoadKnowledge()
	if err != nil {
		t.Fatal(err)
	}
	x := &extractor{k: k, lang: "de"}
	amp := map[string]string{
		"Ort; (2) Hahn & Söhne Archivdienste GmbH": "Hahn & Söhne Archivdienste GmbH",
		"b) Kahl & Sohn Logistik KG":               "Kahl & Sohn Logistik KG",
		"(iii) Weber & Partner mbB":                "Weber & Partner mbB",
		"(2) Druck und Versand & Partner mbB":      "",
		"(x) Acme GmbH & Beta GmbH":                "",
	}
	checkAmpersandStart(t, x, amp)
	for s, want := range map[string]string{
		"lit. a) Alpen GmbH": "Alpen GmbH", "lit. c Nord GmbH": "Nord GmbH", "ii. Quay Ltd": "Quay Ltd", "iv) Vale Ltd": "Vale Ltd",
		"Ivo Systems GmbH": "Ivo Systems GmbH", "Lit Media GmbH": "Lit Media GmbH", "vix.io Inc.": "vix.io Inc.",
	} {
		got := s
		if m := reWordItemMarker.FindStringIndex(s); m != nil {
			got = s[m[1]:]
		}
		if got != want {
			t.Errorf("item marker of %q: %q, want %q", s, got, want)
		}
	}
	for s, want := range map[string]string{
		"Cobalt Relay GmbH (our affiliate)": "Cobalt Relay GmbH", "Tide Inc. (a group company)": "Tide Inc.",
		"Fernhill (UK) Limited": "Fernhill (UK) Limited", "Nord UG (haftungsbeschränkt)": "Nord UG (haftungsbeschränkt)",
		"Our (Affiliate) Ltd": "Our (Affiliate) Ltd",
	} {
		if got := trimAffiliateRemark(s); got != want {
			t.Errorf("trimAffiliateRemark(%q) = %q, want %q", s, got, want)
		}
	}
	for name, want := range map[string]bool{
		"For ALDERWICK FOODS LIMITED": true, "iv.": true, "ii)": true,
		"For Good Measure Ltd": false, "Forward Data LIMITED": false, "Ivo Systems GmbH": false, "XI Cloud GmbH": false,
	} {
		if got := signatureName(name); got != want {
			t.Errorf("signatureName(%q) = %v, want %v", name, got, want)
		}
	}
}
