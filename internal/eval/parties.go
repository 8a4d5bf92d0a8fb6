package eval

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/art28/art28/internal/analyze"
	"github.com/art28/art28/internal/input"
	"github.com/art28/art28/internal/model"
)

// PartiesReport scores the named parties of a labelled folder (the
// de-dev format: *.labels.json with "parties"). Each role counts
// separately: a name is right when its key (letters and digits, lower
// case) starts with the label's or the label's with it; a name reported
// for a party the labels leave unnamed, or a different name, is wrong.
type PartiesReport struct {
	Named, Right, Wrong, Missed int
	// Errors describe each wrong or missed party.
	Errors []string
}

type partyLabels struct {
	File    string `json:"file"`
	Parties *struct {
		Processor  *struct{ Name string } `json:"processor"`
		Controller *struct{ Name string } `json:"controller"`
	} `json:"parties"`
}

// Parties evaluates the parties of every labelled document in dir.
func Parties(a *analyze.Analyzer, dir string) (*PartiesReport, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.labels.json"))
	if err != nil {
		return nil, fmt.Errorf("list labels: %w", err)
	}
	sort.Strings(files)
	rep := &PartiesReport{}
	for _, lf := range files {
		data, err := os.ReadFile(lf)
		if err != nil {
			return nil, fmt.Errorf("read labels: %w", err)
		}
		var l partyLabels
		if err := json.Unmarshal(data, &l); err != nil {
			return nil, fmt.Errorf("%s: %w", lf, err)
		}
		if l.Parties == nil {
			continue
		}
		doc, raw, err := input.Read(filepath.Join(dir, l.File), input.Options{})
		if err != nil {
			return nil, err
		}
		res := a.Analyze(doc, raw, analyze.Options{})
		for _, c := range []struct {
			role string
			want *struct{ Name string }
			got  *model.Party
		}{{"processor", l.Parties.Processor, res.Parties.Processor}, {"controller", l.Parties.Controller, res.Parties.Controller}} {
			want := ""
			if c.want != nil {
				want = c.want.Name
			}
			rep.score(l.File, c.role, want, c.got)
		}
	}
	return rep, nil
}

// score counts one role of one document.
func (r *PartiesReport) score(file, role, want string, got *model.Party) {
	if want != "" {
		r.Named++
	}
	switch {
	case got == nil && want == "":
	case got == nil:
		r.Missed++
		r.Errors = append(r.Errors, fmt.Sprintf("%s %s: missed %q", file, role, want))
	case want != "" && partyMatch(got.Name, want):
		r.Right++
	default:
		r.Wrong++
		r.Errors = append(r.Errors, fmt.Sprintf("%s %s: got %q, want %q", file, role, got.Name, want))
	}
}

// partyMatch compares names as the acceptance tool does: letters
// (including äöüß) and digits in lower case, one a prefix of the other.
func partyMatch(got, want string) bool {
	k := func(s string) string {
		var b strings.Builder
		for _, r := range strings.ToLower(s) {
			if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || strings.ContainsRune("äöüß", r) {
				b.WriteRune(r)
			}
		}
		return b.String()
	}
	g, w := k(got), k(want)
	return g != "" && (strings.HasPrefix(g, w) || strings.HasPrefix(w, g))
}
