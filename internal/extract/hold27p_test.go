package extract

import "testing"

// TestFormCompoundForField holds names whose legal form written as a word
// ends a compound and is followed by "für" and the body's field (branch
// hold27p): the field is part of the name; a field in lower case, an
// article, a legal form or a column gap ends it.
func TestFormCompoundForField(t *testing.T) {
	k, err := LoadKnowledge()
	if err != nil {
		t.Fatal(err)
	}
	x := &extractor{k: k, lang: "de"}
	for _, tc := range []struct{ in, want string }{
		{"Moselland-Stiftung für Kinder und Senioren", "Moselland-Stiftung für Kinder und Senioren"},
		{"Weserbergland-Stiftung für Jugend und Familie       Lingobrücke Dolmetscherdienste GmbH", "Weserbergland-Stiftung für Jugend und Familie"},
		{"Eifel-Stiftung für Natur und Heimat, Hauptstraße 4", "Eifel-Stiftung für Natur und Heimat"},
		{"Moselland-Stiftung für die Dauer des Vertrags", "Moselland-Stiftung"},
		{"Moselland-Stiftung für Pflege Dienste gGmbH", "Moselland-Stiftung"},
		{"Moselland-Stiftung für Senioren", "Moselland-Stiftung"},
	} {
		if got := x.readName(tc.in).name; got != tc.want {
			t.Errorf("%q: got %q, want %q", tc.in, got, tc.want)
		}
	}
}
