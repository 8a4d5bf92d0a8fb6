package corpustest

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"github.com/art28/art28/internal/document"
	"github.com/art28/art28/internal/model"
)

// Case is one excerpt of a case file (testdata/subs/*.cases in
// internal/extract): a text in one layout with what a reviewer reads in it.
type Case struct {
	// Name names the case; Format is "text", "markdown" or "html".
	Name, Format string
	// Subs are the sub-processors, each a name and an ISO country code
	// (empty when the text names no country).
	Subs [][2]string
	// Placeholders are unfilled blanks that a finding must quote;
	// NotPlaceholders are texts whose line no template finding may cite
	// (an ellipsis in a quotation, a footnote mark).
	Placeholders, NotPlaceholders []string
	// Text is the excerpt.
	Text string
}

// SubCasesDir is the directory of the sub-processor case files as seen
// from a package directory under internal/.
const SubCasesDir = "../extract/testdata/subs"

// RawCase is one case of a case file before its header is read: the
// words of its "=== " line, its header lines up to "---" (blank lines
// left out) and its text.
type RawCase struct {
	Fields, Header []string
	Text           string
}

// ReadRawCases reads every *.cases file of dir into raw cases, in file
// order. A case opens with a line "=== …" and has a line "---" before its
// text, which runs to the next "===". Lines before the first case are
// comments. Sub-processor and party case files share this frame.
func ReadRawCases(dir string) ([]RawCase, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.cases"))
	if err != nil {
		return nil, fmt.Errorf("cases: %w", err)
	}
	sort.Strings(files)
	var out []RawCase
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			return nil, fmt.Errorf("cases: %w", err)
		}
		cs, err := splitCases(string(raw))
		if err != nil {
			return nil, fmt.Errorf("cases %s: %w", filepath.Base(f), err)
		}
		out = append(out, cs...)
	}
	return out, nil
}

func splitCases(s string) ([]RawCase, error) {
	var out []RawCase
	for _, p := range strings.Split("\n"+s, "\n=== ")[1:] {
		head, text, ok := strings.Cut(p, "\n---\n")
		if !ok {
			return nil, fmt.Errorf("case %q has no --- line", strings.SplitN(p, "\n", 2)[0])
		}
		lines := strings.Split(head, "\n")
		c := RawCase{Fields: strings.Fields(lines[0]), Text: strings.TrimLeft(text, "\n")}
		for _, l := range lines[1:] {
			if strings.TrimSpace(l) != "" {
				c.Header = append(c.Header, l)
			}
		}
		out = append(out, c)
	}
	return out, nil
}

// ReadCases reads every *.cases file of dir. A case opens with a line
// "=== NAME FORMAT", holds "expect: Name | CC", "placeholder: TEXT" and
// "notplaceholder: TEXT" lines, and a line "---" before its text, which runs to the next "===".
// Lines starting with "#" before the first case are comments.
func ReadCases(dir string) ([]Case, error) {
	raw, err := ReadRawCases(dir)
	if err != nil {
		return nil, err
	}
	return parseCases(raw)
}

func parseCases(raw []RawCase) ([]Case, error) {
	var out []Case
	for _, r := range raw {
		if len(r.Fields) != 2 {
			return nil, fmt.Errorf("bad case line %q", strings.Join(r.Fields, " "))
		}
		c := Case{Name: r.Fields[0], Format: r.Fields[1], Text: r.Text}
		for _, l := range r.Header {
			switch {
			case strings.HasPrefix(l, "expect:"):
				name, cc, _ := strings.Cut(strings.TrimPrefix(l, "expect:"), "|")
				c.Subs = append(c.Subs, [2]string{strings.TrimSpace(name), strings.TrimSpace(cc)})
			case strings.HasPrefix(l, "notplaceholder:"):
				c.NotPlaceholders = append(c.NotPlaceholders, strings.TrimSpace(strings.TrimPrefix(l, "notplaceholder:")))
			case strings.HasPrefix(l, "placeholder:"):
				c.Placeholders = append(c.Placeholders, strings.TrimSpace(strings.TrimPrefix(l, "placeholder:")))
			default:
				return nil, fmt.Errorf("case %s: bad line %q", c.Name, l)
			}
		}
		out = append(out, c)
	}
	return out, nil
}

var reNameKey = regexp.MustCompile(`[^a-z0-9äöüß]`)

// SameName reports whether a found name is the expected one: one
// normalised name starts with or contains the other ("Postmark
// (ActiveCampaign, LLC)" and "ActiveCampaign, LLC"; "1&1 IONOS SE (Büro
// Berlin)" and "1&1 IONOS SE").
func SameName(want, got string) bool {
	w, g := reNameKey.ReplaceAllString(strings.ToLower(want), ""), reNameKey.ReplaceAllString(strings.ToLower(got), "")
	if w == "" || g == "" {
		return false
	}
	return strings.HasPrefix(w, g) || strings.HasPrefix(g, w) || len(g) >= 5 && strings.Contains(w, g) || len(w) >= 5 && strings.Contains(g, w)
}

// Score is the outcome of matching found sub-processors with a case's.
type Score struct {
	// Found, Extra and Missed count names; CountryOK and CountryN count
	// the found names whose expected country is given.
	Found, Extra, Missed, CountryOK, CountryN int
	// Errors describe each miss, extra name and wrong country.
	Errors []string
}

// Match matches found (name, country) pairs one to one with the expected
// ones: names as SameName says, countries must agree where both are given.
func Match(want, got [][2]string) Score {
	var s Score
	used := make([]bool, len(got))
	for _, w := range want {
		found := false
		for i, g := range got {
			if used[i] || !SameName(w[0], g[0]) || w[1] != "" && g[1] != "" && w[1] != g[1] {
				continue
			}
			used[i], found = true, true
			s.Found++
			if w[1] != "" {
				s.CountryN++
				if g[1] == w[1] {
					s.CountryOK++
				} else {
					s.Errors = append(s.Errors, fmt.Sprintf("%s: country %q, want %q", g[0], g[1], w[1]))
				}
			}
			break
		}
		if !found {
			s.Missed++
			s.Errors = append(s.Errors, fmt.Sprintf("missed %s (%s)", w[0], w[1]))
		}
	}
	for i, g := range got {
		if !used[i] {
			s.Extra++
			s.Errors = append(s.Errors, fmt.Sprintf("extra %s (%s)", g[0], g[1]))
		}
	}
	return s
}

// Add adds o's counts (not its errors) to s.
func (s *Score) Add(o Score) {
	s.Found += o.Found
	s.Extra += o.Extra
	s.Missed += o.Missed
	s.CountryOK += o.CountryOK
	s.CountryN += o.CountryN
}

// String gives precision, recall and F1.
func (s Score) String() string {
	p := float64(s.Found) / float64(max(1, s.Found+s.Extra))
	r := float64(s.Found) / float64(max(1, s.Found+s.Missed))
	f := 0.0
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return fmt.Sprintf("%d found, %d extra, %d missed: precision %.3f recall %.3f F1 %.3f; countries %d/%d",
		s.Found, s.Extra, s.Missed, p, r, f, s.CountryOK, s.CountryN)
}

// PlaceholderName matches a name that is a template's blank, not a name.
var PlaceholderName = regexp.MustCompile(`[\[\]<>{}_…●]|\$\{|\.\.\.|(?i)freie eingabe|bitte|xx\.xx|^(?:tbd|tba|n\.\s?n\.)$`)

// TemplateCitesLine reports whether a template finding (an id starting
// with "template") quotes evidence on the line of text holding offset at.
func TemplateCitesLine(text string, at int, fs []model.Finding) bool {
	ls, le := document.LineAt(text, at)
	for _, f := range fs {
		if !strings.HasPrefix(f.ID, "template") {
			continue
		}
		for _, ev := range f.Evidence {
			if ev.Start < le && ev.End > ls {
				return true
			}
		}
	}
	return false
}
