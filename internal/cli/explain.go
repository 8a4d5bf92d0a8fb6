package cli

import (
	"flag"
	"fmt"
	"strings"

	"github.com/art28/art28/internal/catalog"
)

func runExplain(args []string, env Env) (int, error) {
	fset := flag.NewFlagSet("explain", flag.ContinueOnError)
	fset.SetOutput(env.Stderr)
	lang := fset.String("lang", "en", "language: de or en")
	pos, err := parseInterspersed(fset, args)
	if err != nil {
		return ExitError, err
	}
	if len(pos) != 1 {
		return ExitError, fmt.Errorf("%w: explain needs one requirement id", errUsage)
	}
	c := catalog.Default()
	r := c.Requirement(pos[0])
	if r == nil {
		var ids []string
		for _, q := range c.Requirements {
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
		fmt.Fprintf(w, "\nSuggested wording:\n%s\n", s)
	}
	fmt.Fprintln(w, "\nRules:")
	for _, rule := range r.Rules {
		fmt.Fprintf(w, "  %-32s %-15s lang=%-2s %s\n", rule.Name, rule.Status, rule.Lang, rule.Why)
	}
	return ExitOK, nil
}
