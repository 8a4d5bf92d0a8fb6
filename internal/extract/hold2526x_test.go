package extract

import (
	"strings"
	"testing"
)

// TestHold2526xRules gives the rules of branch hold2526x their positive
// and negative examples.
func TestHold2526xRules(t *testing.T) {
	k, err := LoadKnowledge()
	if err != nil {
		t.Fatal(err)
	}
	x := &extractor{k: k, lang: "de"}
	for s, want := range map[string]string{
		"die Lindner & Roth Steuerberatungsgesellschaft mbH": "Lindner & Roth Steuerberatungsgesellschaft mbH",
		"hier die Sommer & Partner Immobilien GmbH":          "Sommer & Partner Immobilien GmbH",
		"der Nordlicht GmbH & Weber Logistik AG":             "Weber Logistik AG",
		"die Kunden & Partner Service GmbH":                  "Partner Service GmbH",
		"der Vertrag, & Blau Druck GmbH":                     "Blau Druck GmbH",
	} {
		loc := k.legalRe.FindAllStringSubmatchIndex(s+" ", -1)
		got := ""
		if len(loc) > 0 {
			got = s[x.walkBack(s, loc[len(loc)-1][2]):]
		}
		if got != want {
			t.Errorf("name in %q: %q, want %q", s, got, want)
		}
	}
	for s, want := range map[string]bool{
		"Vertragsparteien dieser Zusatzvereinbarung sind die": true,
		"Parteien der Anlage DS sind die":                     true,
		"Vertragspartner dieser BV sind":                      true,
		"Parteien haben dieser Vereinbarung zugestimmt und":   false,
		"Vertragsparteien dieser Vereinbarung, die sind":      false,
	} {
		m := k.party.connectorRe.FindStringIndex(s)
		got := m != nil && m[1] > 12
		if got != want {
			t.Errorf("connector head %q: %v, want %v", s, got, want)
		}
	}
	for s, want := range map[string]string{
		", Ringweg 2, 50667 Köln, eingetragen beim Amtsgericht Köln unter HRB 4412, Erlaubnis nach § 34c GewO":   ", Ringweg 2, 50667 Köln",
		", Hafenstraße 1, 20457 Hamburg, Amtsgericht Hamburg HRB 150332, IK-Nummer 461234567, USt-IdNr. DE 1234": ", Hafenstraße 1, 20457 Hamburg",
		", Ringweg 2, 50667 Köln, und der Kunde, vorliegend die Nord GmbH, Weg 1":                                ", Ringweg 2, 50667 Köln, und der Kunde, vorliegend die Nord GmbH, Weg 1",
		", Ringweg 2, 50667 Köln, die das Portal betreibt, Version 2":                                            ", Ringweg 2, 50667 Köln, die das Portal betreibt, Version 2",
		", Ringweg 2, 50667 Köln, Mitglied der Kammer (nachfolgend „Kunde“), Nr. 5":                              ", Ringweg 2, 50667 Köln, Mitglied der Kammer (nachfolgend „Kunde“), Nr. 5",
	} {
		if got := x.trimRegisterTail(s); got != want {
			t.Errorf("trimRegisterTail(%q) = %q, want %q", s, got, want)
		}
	}
	// A window of 200 bytes that opens inside a word starts after it.
	long := strings.Repeat("x", 30) + "hier die Hartmann & Söhne Versicherungsmakler GmbH, Weg 1, 35390 Gießen, eingetragen beim Amtsgericht Gießen unter HRB 9143, Erlaubnis nach § 34d GewO, Register D-1"
	if st, en, ok := x.nameWithin(long, len(long)); !ok || long[st:en] != "Hartmann & Söhne Versicherungsmakler GmbH" {
		t.Errorf("nameWithin: %q %v", long[st:en], ok)
	}
	// Capital letters in brackets label list entries ("(A) X Inc. – …");
	// a capital letter alone or in running text does not.
	for s, want := range map[string]string{
		"(A) Brightvault Storage Inc. - storage": "Brightvault Storage Inc. - storage",
		"(C) Mailhaus GmbH – Versand":            "Mailhaus GmbH – Versand",
		"(b) Nord GmbH":                          "Nord GmbH",
		"A Nord GmbH":                            "A Nord GmbH",
		"(AB) Nord GmbH":                         "(AB) Nord GmbH",
		"(Aachen) Nord GmbH":                     "(Aachen) Nord GmbH",
	} {
		if got := reLetterMarker.Plain().ReplaceAllString(s, ""); got != want {
			t.Errorf("letter marker of %q: %q, want %q", s, got, want)
		}
	}
}
