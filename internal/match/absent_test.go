package match

import "testing"

// TestAbsentTerms checks the terms a document lacks, which wordTerm and
// phraseTerm answer without a set of their own: an exact word not in the
// vocabulary, and a phrase whose words stand in different sentences. Both
// are empty sets of the document's length, the one TermByID shares, and
// a present word still has its sentences.
func TestAbsentTerms(t *testing.T) {
	ix := index("The processor shall assist.", "The controller decides.")
	defer ix.Release()
	for _, term := range []string{"auditor", "processor decides", "controller shall"} {
		b := ix.TermByID(Register(term))
		if !b.Empty() || len(b) != len(ix.NewBits()) {
			t.Errorf("%q: %v, want the empty set of %d words", term, b, len(ix.NewBits()))
		}
	}
	if b := ix.TermByID(Register("controller")); !b.Has(1) || b.Has(0) {
		t.Errorf("controller: %v, want sentence 1", b)
	}
	if b := ix.TermByID(Register("processor shall")); !b.Has(0) || b.Has(1) {
		t.Errorf("processor shall: %v, want sentence 0", b)
	}
}
