package eval

import (
	"testing"

	"github.com/art28/art28/internal/model"
)

func TestScoreParty(t *testing.T) {
	tests := []struct {
		want, got string // got "" = null
		outcome   partyOutcome
	}{
		{"ALL-INKL.COM - Neue Medien Münnich, Inhaber: René Münnich", "ALL-INKL.COM - Neue Medien Münnich", partyRight},
		{"Glakon IT Agentur e. K.", "Glakon IT Agentur e.K.", partyRight},
		{"Glakon IT Agentur e. K.", "Kundenname: ____", partyWrong},
		{"", "und dem/der", partyWrong},
		{"Chris Schog", "", partyMissed},
		{"", "", partyUnnamed},
		{"Müller GmbH", "---", partyWrong},
	}
	for _, tc := range tests {
		var got *model.Party
		if tc.got != "" {
			got = &model.Party{Name: tc.got}
		}
		if o := scoreParty(tc.want, got); o != tc.outcome {
			t.Errorf("want %q got %q: outcome %d, want %d", tc.want, tc.got, o, tc.outcome)
		}
	}
}
