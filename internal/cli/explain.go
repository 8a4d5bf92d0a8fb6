package cli

import (
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/art28/art28/internal/catalog"
	"github.com/art28/art28/internal/findings"
)

// suggestedLabel heads the suggested clause wording.
func suggestedLabel(lang string) string {
	if lang == "de" {
		return "Formulierungsvorschlag"
	}
	return "Suggested wording"
}

// explainFinding prints a finding rule's title, severity, legal basis,
// explanation and suggested wording.
func explainFinding(w io.Writer, r *findings.Rule, lang string) {
	fmt.Fprintf(w, "%s — %s\n%s · %s\n%s\n", r.ID, r.Title.In(lang), r.Severity, r.Family, r.Basis.In(lang))
	fmt.Fprintf(w, "\n%s\n", r.Message.In(lang))
	if s := r.Suggestion.In(lang); s != "" {
		fmt.Fprintf(w, "\n%s:\n%s\n", suggestedLabel(lang), s)
	}
}

func runExplain(args []string, env Env) (int, error) {
	fset := flag.NewFlagSet("explain", flag.ContinueOnError)
	fset.SetOutput(env.Stderr)
	lang := fset.String("lang", "en", "language: de or en")
	pos, err := parseInterspersed(fset, args)
	if err != nil {
		return ExitError, err
	}
	if len(pos) != 1 {
		return ExitError, fmt.Errorf("%w: explain needs one requirement or finding id", errUsage)
	}
	c := catalog.Default()
	r := c.Requirement(pos[0])
	if r == nil {
		if fr := findings.Default().Rule(pos[0]); fr != nil {
			explainFinding(env.Stdout, fr, *lang)
			return ExitOK, nil
		}
		var ids []string
		for _, q := range c.Requirements {
			ids = append(ids, q.ID)
		}
		for _, q := range findings.Default().Rules {
			ids = append(ids, q.ID)
		}
		return ExitError, fmt.Errorf("%w: unknown id %q (known: %s)", errUsage, pos[0], strings.Join(ids, ", "))
	}
	w := env.Stdout
	fmt.Fprintf(w, "%s — %s\n%s · %s\n", r.ID, r.Title.In(*lang), r.Article, r.Level)
	if e := r.Explanation.In(*lang); e != "" {
		fmt.Fprintf(w, "\n%s\n", e)
	}
	if s := r.Suggestion.In(*lang); s != "" {
		fmt.Fprintf(w, "\n%s:\n%s\n", suggestedLabel(*lang), s)
	}
	fmt.Fprintln(w, "\nRules:")
	for _, rule := range r.Rules {
		fmt.Fprintf(w, "  %-32s %-15s lang=%-2s %s\n", rule.Name, rule.Status, rule.Lang, rule.Why)
	}
	return ExitOK, nil
}
