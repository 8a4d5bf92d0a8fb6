package match

import (
	"sort"
	"testing"
)

func TestWordForms(t *testing.T) {
	ix := index(
		"Schutz vor unbefugtem Zugriff.",                             // 0
		"Das Risiko eines unbefugten Zugriffs ist zu verhindern.",    // 1
		"Die Zugriffe werden protokolliert.",                         // 2
		"Zugriffsrechte werden vergeben.",                            // 3
		"Der Anbieter hat die Sicherheit sicherzustellen.",           // 4
		"Der Anbieter wird dies sicherstellen.",                      // 5
		"Er ist berechtigt, weitere Subunternehmer hinzuzuziehen.",   // 6
		"The processor notified the controller and is notifying it.", // 7
	)
	tests := []struct {
		term string
		want []int
	}{
		{"~zugriff", []int{0, 1, 2}},
		{"zugriff", []int{0}},
		{"sicherstell*", []int{4, 5}},
		{"hinzuzieh*", []int{6}},
		{"~notify", []int{7}}, // "notifying"
		{"~notifi", []int{7}}, // "notified"
		{"unbefugt* ~zugriff", []int{0, 1}},
		{"~unbefugt", []int{0, 1}},
	}
	for _, tt := range tests {
		got := members(ix.Term(tt.term))
		sort.Ints(got)
		if !equal(got, tt.want) {
			t.Errorf("Term(%q) = %v, want %v", tt.term, got, tt.want)
		}
	}
}

func TestZuInfinitive(t *testing.T) {
	tests := []struct {
		w, prefix string
		want      bool
	}{
		{"sicherzustellen", "sicherstell", true},
		{"umzusetzen", "umsetz", true},
		{"zuzustimmen", "zustimm", true},
		{"sicherstellen", "sicherstell", false}, // a plain prefix match, not this rule
		{"verzug", "verg", false},
		{"zu", "z", false},
	}
	for _, tt := range tests {
		if got := zuInfinitive(tt.w, tt.prefix); got != tt.want {
			t.Errorf("zuInfinitive(%q, %q) = %v", tt.w, tt.prefix, got)
		}
	}
}

func TestGeParticiple(t *testing.T) {
	tests := []struct {
		w, prefix string
		want      bool
	}{
		{"vorgelegt", "vorleg", true},
		{"mitgeteilt", "mitteil", true},
		{"bereitgestellten", "bereitstell", true},
		{"eingesetzt", "einsetz", true},
		{"zugestimmt", "zustimm", true},
		{"angezeigt", "anzeig", true},
		{"vorlegen", "vorleg", false}, // a plain prefix match, not this rule
		{"angegeben", "angeb", true},
		{"vergeblich", "verbl", false},
		{"abgelehnt", "ablehnung", false}, // the prefix is longer than the stem
		{"ausgeschlossen", "aussch", false},
	}
	for _, tt := range tests {
		if got := geParticiple(tt.w, tt.prefix); got != tt.want {
			t.Errorf("geParticiple(%q, %q) = %v", tt.w, tt.prefix, got)
		}
	}
}

func TestTermInSpan(t *testing.T) {
	ix := index("Der Kunde kann die Daten exportieren; danach löscht der Anbieter sie nach Vertragsende.")
	toks := ix.Tokens(0)
	semi := 0
	for k, tok := range toks {
		if tok.Text == "danach" {
			semi = k
		}
	}
	tests := []struct {
		term     string
		from, to int
		want     bool
	}{
		{"lösch*", 0, semi, false},
		{"lösch*", semi, len(toks), true},
		{"exportier*", 0, semi, true},
		{"danach löscht", semi, len(toks), true},
		{"kann ... exportieren", semi, len(toks), false},
		{"re:vertragsende", 0, semi, true}, // expressions answer for the sentence
	}
	for _, tt := range tests {
		if got := ix.TermInSpan(Register(tt.term), 0, tt.from, tt.to); got != tt.want {
			t.Errorf("TermInSpan(%q, %d, %d) = %v, want %v", tt.term, tt.from, tt.to, got, tt.want)
		}
	}
}
