package extract

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/art28/art28/internal/corpustest"
	"github.com/art28/art28/internal/model"
	"github.com/art28/art28/internal/segment"
)

// deadlineFields maps the JSON keys of the deadlines object to their
// values; strict are the keys that must stay empty unless a case names
// them.
func deadlineFields(d model.Deadlines) map[string]*int {
	return map[string]*int{
		"breach_notice_hours":         d.BreachNoticeHours,
		"subprocessor_objection_days": d.SubprocessorObjectionDays,
		"subprocessor_notice_days":    d.SubprocessorNoticeDays,
		"deletion_days":               d.DeletionDays,
		"audit_notice_days":           d.AuditNoticeDays,
		"termination_notice_days":     d.TerminationNoticeDays,
	}
}

var strictDeadlines = []string{"breach_notice_hours", "subprocessor_objection_days", "subprocessor_notice_days", "deletion_days", "audit_notice_days"}

// deadlineCase is one excerpt of testdata/deadlines: the value each named
// field must have, nil for "nodeadline:".
type deadlineCase struct {
	corpustest.Case
	want map[string]*int
}

func readDeadlineCases(dir string) ([]deadlineCase, error) {
	raw, err := corpustest.ReadRawCases(dir)
	if err != nil {
		return nil, err
	}
	var out []deadlineCase
	for _, r := range raw {
		if len(r.Fields) != 2 {
			return nil, fmt.Errorf("bad case line %q", strings.Join(r.Fields, " "))
		}
		c := deadlineCase{Case: corpustest.Case{Name: r.Fields[0], Format: r.Fields[1], Text: r.Text}, want: map[string]*int{}}
		for _, l := range r.Header {
			key, val, _ := strings.Cut(l, ":")
			f := strings.Fields(val)
			switch {
			case key == "deadline" && len(f) == 2:
				n, err := strconv.Atoi(f[1])
				if err != nil {
					return nil, fmt.Errorf("case %s: %q: %w", c.Name, l, err)
				}
				c.want[f[0]] = &n
			case key == "nodeadline" && len(f) == 1:
				c.want[f[0]] = nil
			default:
				return nil, fmt.Errorf("case %s: bad line %q", c.Name, l)
			}
		}
		for k := range c.want {
			if _, ok := deadlineFields(model.Deadlines{})[k]; !ok {
				return nil, fmt.Errorf("case %s: unknown field %q", c.Name, k)
			}
		}
		out = append(out, c)
	}
	return out, nil
}

// TestDeadlineCases scores deadline extraction on the excerpts of
// testdata/deadlines: breach notice hours, sub-processor notice and
// objection days, deletion and audit notice days, and texts whose
// periods are none of these (acceptance periods, clause numbers of the
// standard clauses, the main contract's termination).
func TestDeadlineCases(t *testing.T) {
	cases, err := readDeadlineCases("testdata/deadlines")
	if err != nil {
		t.Fatal(err)
	}
	if len(cases) < 15 {
		t.Fatalf("%d cases, want at least 15", len(cases))
	}
	right, n := 0, 0
	for _, c := range cases {
		doc := caseDoc(t, c.Case)
		f, err := Extract(Input{Doc: doc, Sentences: segment.Split(doc), Lang: caseLang(c.Case)})
		if err != nil {
			t.Fatal(err)
		}
		got := deadlineFields(f.Deadlines)
		want := map[string]*int{}
		for _, k := range strictDeadlines {
			want[k] = nil
		}
		for k, v := range c.want {
			want[k] = v
		}
		ok := true
		for k, w := range want {
			g := got[k]
			switch {
			case w == nil && g != nil:
				t.Errorf("%s: %s = %d, want none", c.Name, k, *g)
				ok = false
			case w != nil && g == nil:
				t.Errorf("%s: %s none, want %d", c.Name, k, *w)
				ok = false
			case w != nil && *g != *w:
				t.Errorf("%s: %s = %d, want %d", c.Name, k, *g, *w)
				ok = false
			}
		}
		n++
		if ok {
			right++
		}
	}
	t.Logf("deadline cases right: %d/%d", right, n)
}
