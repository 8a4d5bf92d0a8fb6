package eval

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"
)

// ExtractReport scores the extracted facts against the seeds' expected
// files: processor name, controller (or its absence), each sub-processor
// with its country, breach_notice_hours and subprocessor_objection_days.
type ExtractReport struct {
	// Checked and Correct count single facts; a sub-processor counts once
	// per expected entry and once per extra entry.
	Checked, Correct int
	// Errors describe each wrong fact ("004: processor got X want Y").
	Errors []string
}

// Accuracy is Correct/Checked.
func (r ExtractReport) Accuracy() float64 {
	if r.Checked == 0 {
		return 0
	}
	return float64(r.Correct) / float64(r.Checked)
}

type expParty struct {
	Name string `json:"name"`
}

type expSub struct {
	Name    string `json:"name"`
	Country string `json:"country"`
}

func normKey(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Extraction scores the facts of a seed evaluation.
func Extraction(rep *SeedReport) (ExtractReport, error) {
	var out ExtractReport
	docs := make([]string, 0, len(rep.Expected))
	for d := range rep.Expected {
		docs = append(docs, d)
	}
	sort.Strings(docs)
	for _, d := range docs {
		exp, res := rep.Expected[d], rep.Results[d]
		id := d[:min(3, len(d))]
		check := func(ok bool, what string, got, want any) {
			out.Checked++
			if ok {
				out.Correct++
				return
			}
			out.Errors = append(out.Errors, fmt.Sprintf("%s: %s got %v want %v", id, what, got, want))
		}
		var proc, ctrl *expParty
		var subs []expSub
		var dl map[string]json.RawMessage
		for key, dst := range map[string]any{"processor": &proc, "controller": &ctrl, "subprocessors": &subs, "deadlines": &dl} {
			if raw, ok := exp.Rest[key]; ok {
				if err := json.Unmarshal(raw, dst); err != nil {
					return out, fmt.Errorf("%s: %s: %w", d, key, err)
				}
			}
		}
		if proc != nil {
			got := ""
			if res.Parties.Processor != nil {
				got = res.Parties.Processor.Name
			}
			check(normKey(got) == normKey(proc.Name), "processor", got, proc.Name)
		}
		gotCtrl := ""
		if res.Parties.Controller != nil {
			gotCtrl = res.Parties.Controller.Name
		}
		wantCtrl := ""
		if ctrl != nil {
			wantCtrl = ctrl.Name
		}
		check(normKey(gotCtrl) == normKey(wantCtrl), "controller", gotCtrl, wantCtrl)
		used := map[int]bool{}
		for _, s := range subs {
			hit := false
			for i, g := range res.Subprocessors {
				gn, wn := normKey(g.Name), normKey(s.Name)
				if used[i] || gn == "" || !(strings.HasPrefix(gn, wn) || strings.HasPrefix(wn, gn)) {
					continue
				}
				if s.Country != "" && g.Country != "" && s.Country != g.Country {
					continue
				}
				used[i], hit = true, true
				break
			}
			check(hit, "sub-processor", "missing", s.Name+" ("+s.Country+")")
		}
		for i, g := range res.Subprocessors {
			if !used[i] {
				check(false, "sub-processor", g.Name+" ("+g.Country+")", "none (extra)")
			}
		}
		for _, k := range []string{"breach_notice_hours", "subprocessor_objection_days"} {
			var got *int
			if k == "breach_notice_hours" {
				got = res.Deadlines.BreachNoticeHours
			} else {
				got = res.Deadlines.SubprocessorObjectionDays
			}
			var want *int
			if raw, ok := dl[k]; ok {
				if err := json.Unmarshal(raw, &want); err != nil {
					return out, fmt.Errorf("%s: deadlines.%s: %w", d, k, err)
				}
			}
			check(got == nil && want == nil || got != nil && want != nil && *got == *want, k, show(got), show(want))
		}
	}
	return out, nil
}

func show(p *int) string {
	if p == nil {
		return "null"
	}
	return fmt.Sprint(*p)
}
