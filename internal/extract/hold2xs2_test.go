package extract

import (
	"strings"
	"testing"

	"github.com/art28/art28/internal/corpustest"
	"github.com/art28/art28/internal/segment"
)

// TestHold2xs2ExactNames holds the excerpts of testdata/subs/hold2xs2.cases
// to the exact names: TestSubprocessorCases matches names loosely (a
// name with its register number in brackets, or cut after "&", passes
// there), the held-out scoring does not.
func TestHold2xs2ExactNames(t *testing.T) {
	cases, err := corpustest.ReadCases("testdata/subs")
	if err != nil {
		t.Fatal(err)
	}
	var want, exact, extra int
	for _, c := range cases {
		if !strings.Contains(c.Name, "-h2xs2-") {
			continue
		}
		doc := caseDoc(t, c)
		f, err := Extract(Input{Doc: doc, Sentences: segment.Split(doc), Lang: caseLang(c)})
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]bool{}
		for _, s := range f.Subprocessors {
			got[s.Name] = true
		}
		wanted := map[string]bool{}
		for _, w := range c.Subs {
			want++
			wanted[w[0]] = true
			if got[w[0]] {
				exact++
			} else {
				t.Errorf("%s: %q not read exactly", c.Name, w[0])
			}
		}
		for n := range got {
			if !wanted[n] {
				extra++
				t.Errorf("%s: %q read", c.Name, n)
			}
		}
	}
	t.Logf("hold2xs2 excerpts: %d of %d names exact, %d other names", exact, want, extra)
}
