package catalog

import "testing"

// TestWording requires an explanation and suggested clause wording in both
// languages for every requirement.
func TestWording(t *testing.T) {
	for _, r := range Default().Requirements {
		for _, l := range Languages {
			if r.Explanation.In(l) == "" || (l == "de" && r.Explanation.DE == "") || r.Explanation.EN == "" {
				t.Errorf("%s: explanation missing in %s", r.ID, l)
			}
			if (l == "de" && r.Suggestion.DE == "") || r.Suggestion.EN == "" {
				t.Errorf("%s: suggestion missing in %s", r.ID, l)
			}
		}
	}
}
