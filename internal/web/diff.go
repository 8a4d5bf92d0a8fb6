package web

import (
	"fmt"
	"sort"
	"strings"

	"github.com/art28/art28/internal/model"
)

// Change is one difference between two analyses of a contract's versions.
type Change struct {
	// Kind is "status", "subprocessor", "deadline" or "finding".
	Kind string `json:"kind"`
	// Key names the requirement, sub-processor, deadline or finding.
	Key    string `json:"key"`
	Before string `json:"before"`
	After  string `json:"after"`
}

// Diff lists what changed from analysis a (the previous version) to b:
// requirement statuses, sub-processors (added, removed, moved country),
// normalised deadlines and findings (added, removed).
func Diff(a, b *model.Result) []Change {
	var out []Change
	if a == nil || b == nil {
		return out
	}
	prev := map[string]string{}
	for _, v := range a.Requirements {
		prev[v.ID] = v.Status
	}
	for _, v := range b.Requirements {
		if p, ok := prev[v.ID]; ok && p != v.Status {
			out = append(out, Change{Kind: "status", Key: v.ID, Before: p, After: v.Status})
		} else if !ok {
			out = append(out, Change{Kind: "status", Key: v.ID, After: v.Status})
		}
	}
	subs := func(r *model.Result) map[string]string {
		m := map[string]string{}
		for _, s := range r.Subprocessors {
			m[strings.ToLower(s.Name)] = s.Name + "|" + s.Country
		}
		return m
	}
	sa, sb := subs(a), subs(b)
	for _, k := range sortedKeys(sa, sb) {
		x, y := sa[k], sb[k]
		if x != y {
			out = append(out, Change{Kind: "subprocessor", Key: nameOf(x, y), Before: countryOf(x), After: countryOf(y)})
		}
	}
	da, db := deadlines(a), deadlines(b)
	for _, k := range sortedKeys(da, db) {
		if da[k] != db[k] {
			out = append(out, Change{Kind: "deadline", Key: k, Before: da[k], After: db[k]})
		}
	}
	fa, fb := findingSet(a), findingSet(b)
	for _, k := range sortedKeys(fa, fb) {
		if fa[k] != fb[k] {
			out = append(out, Change{Kind: "finding", Key: k, Before: fa[k], After: fb[k]})
		}
	}
	return out
}

func sortedKeys(ms ...map[string]string) []string {
	seen := map[string]bool{}
	var ks []string
	for _, m := range ms {
		for k := range m {
			if !seen[k] {
				seen[k] = true
				ks = append(ks, k)
			}
		}
	}
	sort.Strings(ks)
	return ks
}

// nameOf and countryOf read the "name|country" values of subs.
func nameOf(x, y string) string {
	if x == "" {
		x = y
	}
	n, _, _ := strings.Cut(x, "|")
	return n
}

func countryOf(x string) string {
	if x == "" {
		return ""
	}
	_, c, _ := strings.Cut(x, "|")
	if c == "" {
		return "?"
	}
	return c
}

// deadlines returns a result's normalised deadlines by JSON field name.
func deadlines(r *model.Result) map[string]string {
	m := map[string]string{}
	d := r.Deadlines
	for k, p := range map[string]*int{
		"breach_notice_hours": d.BreachNoticeHours, "subprocessor_objection_days": d.SubprocessorObjectionDays,
		"subprocessor_notice_days": d.SubprocessorNoticeDays, "termination_notice_days": d.TerminationNoticeDays,
		"deletion_days": d.DeletionDays, "audit_notice_days": d.AuditNoticeDays,
	} {
		if p != nil {
			m[k] = fmt.Sprint(*p)
		}
	}
	return m
}

// findingSet returns a result's findings by id with their severity.
func findingSet(r *model.Result) map[string]string {
	m := map[string]string{}
	for _, f := range r.Findings {
		m[f.ID] = f.Severity
	}
	return m
}
