package cli

import (
	"flag"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/art28/art28/internal/analyze"
	"github.com/art28/art28/internal/model"
	"github.com/art28/art28/internal/summary"
)

// runSummary analyses contracts like check and writes the portfolio
// tables to --out, as XLSX or CSV by its extension.
func runSummary(args []string, env Env) (int, error) {
	fset := flag.NewFlagSet("summary", flag.ContinueOnError)
	fset.SetOutput(env.Stderr)
	var f checkFlags
	out := fset.String("out", "", "output file: .xlsx or .csv")
	addInputFlags(fset, &f)
	paths, err := parseInterspersed(fset, args)
	if err != nil {
		return ExitError, err
	}
	if err := checkInputFlags(f); err != nil {
		return ExitError, err
	}
	if *out == "" {
		return ExitError, fmt.Errorf("%w: summary needs --out FILE.xlsx or FILE.csv", errUsage)
	}
	if ext := strings.ToLower(filepath.Ext(*out)); ext != ".xlsx" && ext != ".csv" {
		return ExitError, fmt.Errorf("%w: --out must end in .xlsx or .csv", errUsage)
	}
	if len(paths) == 0 {
		return ExitError, fmt.Errorf("%w: summary needs at least one file or directory", errUsage)
	}
	files, err := expand(paths)
	if err != nil {
		return ExitError, err
	}
	a, err := analyze.NewDefault()
	if err != nil {
		return ExitError, err
	}
	var results []*model.Result
	load := func() (*analyze.Analyzer, error) { return a, nil }
	failures, err := analyzeAll(load, files, f, env, func(r *model.Result, _ string) error {
		results = append(results, r)
		return nil
	})
	if err != nil {
		return ExitError, err
	}
	if err := summary.Write(*out, summary.Tables(results)); err != nil {
		return ExitError, err
	}
	fmt.Fprintf(env.Stderr, "art28: wrote %s (%d contracts)\n", *out, len(results))
	if failures > 0 {
		return ExitError, nil
	}
	return ExitOK, nil
}
