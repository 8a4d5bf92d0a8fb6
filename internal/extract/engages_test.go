package extract

import (
	"regexp"
	"testing"
)

// TestEngagesLow checks that the two expressions engagesLow tries answer
// as their alternation does (the one expression they were split from).
func TestEngagesLow(t *testing.T) {
	whole := regexp.MustCompile(reEngageLow.String() + `|` + reEntrustLow.String())
	for _, s := range []string{
		"we entrust to acme ltd the hosting",
		"entrust to acme ltd the hosting",
		"the non-entrust to clause",
		"-entrust to",
		"(entrust to x)",
		"we entrust tox",
		"the processor uses acme ltd",
		"the processor use-case",
		"der auftragnehmer setzt die x gmbh ein",
		"der auftragnehmer setzt die x gmbh nicht",
		"the processor currently relies on acme",
		"datenschutzbeauftragter ist die x gmbh",
		"",
		"none of the words",
	} {
		if got, want := engagesLow(s), whole.MatchString(s); got != want {
			t.Errorf("engagesLow(%q) = %v, the alternation %v", s, got, want)
		}
	}
}
