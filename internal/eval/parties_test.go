package eval

import (
	"testing"

	"github.com/art28/art28/internal/model"
)

func TestPartiesScore(t *testing.T) {
	tests := []struct {
		want, got                   string // got "" = null
		named, right, wrong, missed int
	}{
		{"ALL-INKL.COM - Neue Medien Münnich, Inhaber: René Münnich", "ALL-INKL.COM - Neue Medien Münnich", 1, 1, 0, 0},
		{"Glakon IT Agentur e. K.", "Glakon IT Agentur e.K.", 1, 1, 0, 0},
		{"Glakon IT Agentur e. K.", "Kundenname: ____", 1, 0, 1, 0},
		{"", "und dem/der", 0, 0, 1, 0},
		{"Chris Schog", "", 1, 0, 0, 1},
		{"", "", 0, 0, 0, 0},
	}
	for _, tc := range tests {
		var r PartiesReport
		var got *model.Party
		if tc.got != "" {
			got = &model.Party{Name: tc.got}
		}
		r.score("x.txt", "processor", tc.want, got)
		if r.Named != tc.named || r.Right != tc.right || r.Wrong != tc.wrong || r.Missed != tc.missed {
			t.Errorf("want %q got %q: %+v", tc.want, tc.got, r)
		}
	}
}
