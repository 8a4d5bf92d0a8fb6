package extract

import "testing"

// TestFieldExpressions compiles the field label expressions, which are
// compiled on first use.
func TestFieldExpressions(t *testing.T) {
	k, err := LoadKnowledge()
	if err != nil {
		t.Fatal(err)
	}
	if len(k.party.fieldRe) == 0 {
		t.Fatal("no field label expressions")
	}
	for kind, re := range k.party.fieldRe {
		if re() == nil {
			t.Fatalf("%s: nil expression", kind)
		}
	}
}
