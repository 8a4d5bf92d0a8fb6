package cli

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/art28/art28/internal/analyze"
	"github.com/art28/art28/internal/eval"
)

func runEval(args []string, env Env) (int, error) {
	fset := flag.NewFlagSet("eval", flag.ContinueOnError)
	fset.SetOutput(env.Stderr)
	verbose := fset.Bool("v", false, "list every wrong decision")
	pos, err := parseInterspersed(fset, args)
	if err != nil {
		return ExitError, err
	}
	if len(pos) != 1 {
		return ExitError, fmt.Errorf("%w: eval needs the corpus folder (with seeds/, en-dpa/, de-dev/)", errUsage)
	}
	dir := pos[0]
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return ExitError, fmt.Errorf("%s: not a directory", dir)
	}
	a, err := analyze.NewDefault()
	if err != nil {
		return ExitError, err
	}
	w := env.Stdout
	ran := false
	if _, err := os.Stat(filepath.Join(dir, "seeds", "expected")); err == nil {
		rep, err := eval.Seeds(a, filepath.Join(dir, "seeds"))
		if err != nil {
			return ExitError, err
		}
		printSeeds(w, rep, *verbose)
		xr, err := eval.Extraction(rep)
		if err != nil {
			return ExitError, err
		}
		printExtraction(w, xr)
		ran = true
	}
	en := filepath.Join(dir, "en-dpa")
	if _, err := os.Stat(en); err == nil {
		shared, err := eval.LoadCorrections(filepath.Join(en, "corrections.json"))
		if err != nil {
			return ExitError, err
		}
		own, err := eval.ProjectCorrections()
		if err != nil {
			return ExitError, err
		}
		lineFixes, err := eval.ProjectEvidenceCorrections()
		if err != nil {
			return ExitError, err
		}
		rep, err := eval.English(a, en, shared, lineFixes)
		if err != nil {
			return ExitError, err
		}
		withOwn := rep
		if len(own) > 0 {
			if withOwn, err = eval.English(a, en, append(append([]eval.Correction{}, shared...), own...), lineFixes); err != nil {
				return ExitError, err
			}
		}
		printEnglish(w, rep, withOwn, len(own), *verbose)
		ran = true
	}
	de := filepath.Join(dir, "de-dev")
	if _, err := os.Stat(de); err == nil {
		own, err := eval.ProjectFieldCorrections()
		if err != nil {
			return ExitError, err
		}
		rep, err := eval.Labelled(a, de, nil)
		if err != nil {
			return ExitError, err
		}
		printLabelled(w, "de-dev", "raw labels", rep, *verbose)
		if len(own) > 0 {
			withOwn, err := eval.Labelled(a, de, own)
			if err != nil {
				return ExitError, err
			}
			printLabelled(w, "de-dev", fmt.Sprintf("+ %d project corrections", len(own)), withOwn, false)
		}
		ran = true
	}
	if !ran {
		return ExitError, fmt.Errorf("%s: none of seeds/expected, en-dpa and de-dev found", dir)
	}
	return ExitOK, nil
}

func printSeeds(w io.Writer, rep *eval.SeedReport, verbose bool) {
	fmt.Fprintln(w, "== German seeds: statuses versus expected/*.json ==")
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "document\trequirement\texpected\tgot\t")
	for _, r := range rep.Rows {
		mark := ""
		switch {
		case r.Debatable && r.Want != r.Got:
			mark = "(debatable, not scored)"
		case r.Want != r.Got:
			mark = "WRONG"
		}
		if r.Want != r.Got || verbose {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", r.Document[:3], r.ID, r.Want, r.Got, mark)
		}
	}
	tw.Flush()
	fmt.Fprintf(w, "seeds: %d/%d non-debatable statuses exact (%.1f %%)\n\n", rep.Exact, rep.Scored, 100*float64(rep.Exact)/float64(max(1, rep.Scored)))
}

func printEnglish(w io.Writer, rep, withOwn *eval.EnglishReport, own int, verbose bool) {
	fmt.Fprintf(w, "== English DPA corpus: %d documents, document-level presence ==\n", rep.Docs)
	fmt.Fprintf(w, "corrected = with the %d adjudicated label corrections; \"missing\" (violation) is the positive class\n", rep.Corrections)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "label\trequirement\tacc raw\tacc corr\tmiss P\tmiss R\tevid P\tevid R\t")
	for _, s := range rep.PerReq {
		fmt.Fprintf(tw, "%s\t%s\t%.3f\t%.3f\t%s\t%s\t%s\t%s\t\n", s.Label, s.ID, s.Raw.Accuracy(), s.Corrected.Accuracy(),
			pr(s.Corrected.TP, s.Corrected.TP+s.Corrected.FP), pr(s.Corrected.TP, s.Corrected.TP+s.Corrected.FN),
			pr(s.EvidenceHit, s.EvidenceCited), pr(s.EvidenceHit, s.EvidenceGold))
	}
	tw.Flush()
	if verbose {
		errs := append([]string{}, rep.Errors...)
		sort.Strings(errs)
		fmt.Fprintln(w, "\nwrong decisions (corrected labels):")
		fmt.Fprintln(w, "  "+strings.Join(errs, "\n  "))
	}
	var hit, cited, gold int
	for _, s := range rep.PerReq {
		hit += s.EvidenceHit
		cited += s.EvidenceCited
		gold += s.EvidenceGold
	}
	fmt.Fprintf(w, "\n%-34s %8s %8s %8s\n", "overall", "accuracy", "miss P", "miss R")
	line := func(name string, c eval.Confusion) {
		fmt.Fprintf(w, "%-34s %8.3f %8.3f %8.3f\n", name, c.Accuracy(), c.Precision(), c.Recall())
	}
	line("raw labels", rep.Raw)
	line("corrected labels (the bar)", rep.Corrected)
	if own > 0 {
		line(fmt.Sprintf("+ %d project corrections", own), withOwn.Corrected)
	}
	fmt.Fprintf(w, "evidence sentences: precision %.3f, recall %.3f (at most %d cited per requirement)\n", ratio(hit, cited), ratio(hit, gold), 3)
	fmt.Fprintf(w, "first cited sentence on a labelled line: %.3f of %d met/partial verdicts (as acceptance.py en-evidence); %.3f with the project's %d sentence-label corrections\n",
		ratio(rep.FirstOnLabel, rep.FirstScored), rep.FirstScored, ratio(rep.FirstOnLabelOwn, rep.FirstScored), rep.LineFixes)
	printUncertain(w, rep.Uncertain)
	per := append([]time.Duration{}, rep.PerDoc...)
	sort.Slice(per, func(i, j int) bool { return per[i] < per[j] })
	med := time.Duration(0)
	if len(per) > 0 {
		med = per[len(per)/2]
	}
	secs := rep.Time.Seconds()
	fmt.Fprintf(w, "speed: %d docs in %.0f ms, %.0f docs/s, %.1f MB/s, median %.2f ms per document\n",
		rep.Docs, secs*1000, float64(rep.Docs)/secs, float64(rep.Bytes)/secs/1e6, float64(med.Microseconds())/1000)
}

func printLabelled(w io.Writer, name, which string, r *eval.LabelledReport, verbose bool) {
	if verbose {
		for _, e := range r.Errors {
			fmt.Fprintln(w, e)
		}
	}
	c := r.Statuses
	fmt.Fprintf(w, "%s (%s): %d docs; statuses accuracy %.3f, missing precision %.3f recall %.3f; "+
		"evidence on a labelled line %.3f; sub-processors P %.3f R %.3f F1 %.3f; "+
		"countries of found sub-processors %d/%d; placeholders %d/%d; parties %d right, %d wrong, %d missed of %d named; "+
		"deadlines %d/%d; originals equal to their text %d/%d\n",
		name, which, r.Docs, c.Accuracy(), c.Precision(), c.Recall(), r.Evidence(),
		r.SubPrecision(), r.SubRecall(), r.SubF1(), r.CountryOK, r.CountryN, r.PlaceholderHit, r.PlaceholderN,
		r.PartyRight, r.PartyWrong, r.PartyMissed, r.PartyNamed, r.DeadlineOK, r.DeadlineN, r.FormatSame, r.FormatN)
	printUncertain(w, r.Uncertain)
}

// printUncertain states how many verdicts only a safety net gave and how
// many of them the labels hold present (met or partial).
func printUncertain(w io.Writer, u eval.Uncertain) {
	fmt.Fprintf(w, "uncertain verdicts (safety net only, \"partial (review)\"): %d, present by the labels %d (%.3f)\n",
		u.N, u.Present, ratio(u.Present, u.N))
}

func pr(a, b int) string {
	if b == 0 {
		return "-"
	}
	return fmt.Sprintf("%.2f", float64(a)/float64(b))
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func printExtraction(w io.Writer, r eval.ExtractReport) {
	fmt.Fprintln(w, "== German seeds: extracted facts versus expected/*.json ==")
	for _, e := range r.Errors {
		fmt.Fprintln(w, "  "+e)
	}
	fmt.Fprintf(w, "extraction: %d/%d facts correct (%.1f %%): processor, controller, sub-processors with country, breach hours, objection days\n\n",
		r.Correct, r.Checked, 100*r.Accuracy())
}
