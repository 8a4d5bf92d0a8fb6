package cli

import (
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"sync"

	"github.com/art28/art28/internal/analyze"
	"github.com/art28/art28/internal/findings"
	"github.com/art28/art28/internal/input"
	"github.com/art28/art28/internal/model"
	"github.com/art28/art28/internal/report"
)

// parseInterspersed parses flags that may stand before, between or after
// positional arguments and returns the positional ones.
func parseInterspersed(fset *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fset.Parse(args); err != nil {
			return nil, fmt.Errorf("%w: %v", errUsage, err)
		}
		rest := fset.Args()
		if len(rest) == 0 {
			return pos, nil
		}
		if rest[0] == "--" {
			return append(pos, rest[1:]...), nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

type checkFlags struct {
	format   string
	lang     string
	findings string
	jobs     int
	maxBytes int64
	ocr      string
}

// addInputFlags registers the flags that control reading: parallel jobs,
// the size limit and text recognition.
func addInputFlags(fset *flag.FlagSet, f *checkFlags) {
	fset.IntVar(&f.jobs, "j", runtime.NumCPU(), "files analysed (and scanned pages recognised) in parallel")
	fset.Int64Var(&f.maxBytes, "max-bytes", input.DefaultMaxBytes, "largest input accepted in bytes")
	fset.StringVar(&f.ocr, "ocr", input.OCRAuto, "text recognition: auto (pages without a usable text layer), always or never")
}

// checkInputFlags validates the flags of addInputFlags.
func checkInputFlags(f checkFlags) error {
	if !input.ValidOCRMode(f.ocr) {
		return fmt.Errorf("%w: --ocr must be auto, always or never", errUsage)
	}
	return nil
}

func runCheck(args []string, env Env) (int, error) {
	fset := flag.NewFlagSet("check", flag.ContinueOnError)
	fset.SetOutput(env.Stderr)
	var f checkFlags
	fset.StringVar(&f.format, "format", "text", "output format: text, json, markdown or html")
	fset.StringVar(&f.lang, "lang", "", "report language: de or en")
	fset.StringVar(&f.findings, "findings", "", "YAML file of finding rules that add to or override the built-in playbook by id")
	addInputFlags(fset, &f)
	paths, err := parseInterspersed(fset, args)
	if err != nil {
		return ExitError, err
	}
	if err := checkInputFlags(f); err != nil {
		return ExitError, err
	}
	if len(paths) == 0 {
		return ExitError, fmt.Errorf("%w: check needs at least one file", errUsage)
	}
	if f.lang != "" && f.lang != "de" && f.lang != "en" {
		return ExitError, fmt.Errorf("%w: --lang must be de or en", errUsage)
	}
	rep, err := report.ByName(f.format)
	if err != nil {
		return ExitError, fmt.Errorf("%w: %v", errUsage, err)
	}
	files, err := expand(paths)
	if err != nil {
		return ExitError, err
	}
	var rules []*findings.Rule
	if f.findings != "" {
		if rules, err = findings.LoadFile(f.findings); err != nil {
			return ExitError, fmt.Errorf("%w: %v", errUsage, err)
		}
	}
	// The embedded knowledge loads while the first files are read.
	load := sync.OnceValues(func() (*analyze.Analyzer, error) {
		a, err := analyze.NewDefault()
		if err != nil {
			return nil, err
		}
		if f.findings != "" {
			a = a.WithFindings(findings.Default().Merge(rules))
		}
		return a, nil
	})
	go load()
	color := f.format == "text" && env.IsTerminal(env.Stdout) && env.Getenv("NO_COLOR") == ""
	// Results are written as they are done, in input order, and then
	// dropped: a run over thousands of contracts keeps none of them.
	out := report.NewStream(rep, env.Stdout, report.Options{Lang: f.lang, Color: color})
	missing := false
	failures, err := analyzeAll(load, files, f, env, func(r *model.Result, text string) error {
		missing = missing || len(r.Summary.MandatoryMissing) > 0
		return out.Add(r, text)
	})
	if _, lerr := load(); lerr != nil {
		return ExitError, lerr
	}
	if err == nil {
		err = out.Close()
	}
	if err != nil {
		return ExitError, err
	}
	if failures > 0 {
		return ExitError, nil
	}
	if missing {
		return ExitMissing, nil
	}
	return ExitOK, nil
}

// expand turns arguments into files: a file stands for itself, a directory
// for the supported files below it, a glob for its matches.
func expand(paths []string) ([]string, error) {
	var files []string
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil {
			matches, gerr := filepath.Glob(p)
			if gerr != nil || len(matches) == 0 {
				return nil, fmt.Errorf("%s: no such file or directory", p)
			}
			sort.Strings(matches)
			files = append(files, matches...)
			continue
		}
		if !st.IsDir() {
			files = append(files, p)
			continue
		}
		var found []string
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if !d.IsDir() && input.Supported(path) {
				found = append(found, path)
			}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("walk %s: %w", p, err)
		}
		if len(found) == 0 {
			return nil, fmt.Errorf("%s: no contracts found (looked for %s)", p, input.SupportedList)
		}
		files = append(files, found...)
	}
	return files, nil
}

// analyzeAll analyses files in parallel, at most f.jobs at a time, with
// the analyzer load returns (called once a file is read, so that loading
// it overlaps reading the first files; on its error no file is analysed
// and none is counted as failed), and hands each result with its document's extracted text to emit, in input
// order, as soon as it and the results before it are done; it returns the
// number of files that failed and emit's first error (after which results
// are no longer emitted). Only a bounded window of documents is in flight
// or waiting for an earlier one, so memory does not grow with the number
// of files. Failures are reported on stderr, one line each, after the run;
// a progress bar is drawn on stderr while it lasts when stderr is a
// terminal and there is more than one file.
func analyzeAll(load func() (*analyze.Analyzer, error), files []string, f checkFlags, env Env, emit func(*model.Result, string) error) (int, error) {
	jobs := f.jobs
	if jobs < 1 {
		jobs = 1
	}
	scaleMemoryLimit(env, files, jobs)
	var bar *progress
	terminal := env.IsTerminal(env.Stderr)
	if len(files) > 1 && terminal {
		bar = newProgress(env.Stderr, len(files))
	}
	// Scanned pages are recognised in parallel with the jobs the files
	// leave free; a single file on a terminal gets a bar of its pages.
	pageJobs := max(1, jobs/min(jobs, len(files)))
	var pageBar *progress
	var pageProgress func(done, total int)
	if len(files) == 1 && terminal {
		pageProgress = func(done, total int) {
			if pageBar == nil {
				pageBar = newProgress(env.Stderr, total)
				pageBar.unit = " pages recognised"
			}
			pageBar.set(done)
		}
	}
	type outcome struct {
		r    *model.Result
		text string
		err  error
		// noAnalyzer: the analyzer did not load (the caller reports it).
		noAnalyzer bool
	}
	// pending holds each started file's outcome channel in input order;
	// its capacity bounds the documents started ahead of the oldest one
	// not yet emitted.
	pending := make(chan chan outcome, 4*jobs)
	sem := make(chan struct{}, jobs)
	go func() {
		for _, path := range files {
			ch := make(chan outcome, 1)
			pending <- ch
			sem <- struct{}{}
			go func() {
				defer func() { <-sem }()
				o := func() outcome {
					doc, raw, err := input.Read(path, input.Options{MaxBytes: f.maxBytes, OCR: f.ocr, Jobs: pageJobs, Progress: pageProgress})
					if err != nil {
						return outcome{err: err}
					}
					a, err := load()
					if err != nil {
						return outcome{noAnalyzer: true}
					}
					return outcome{r: a.Analyze(doc, raw, analyze.Options{ReportLang: f.lang}), text: doc.Text}
				}()
				// Counted before it is handed on, so that the bar shows
				// every file done when the last result is written.
				bar.done()
				ch <- o
			}()
		}
		close(pending)
	}()
	var errs []error
	var emitErr error
	for ch := range pending {
		o := <-ch
		switch {
		case o.noAnalyzer:
		case o.err != nil:
			errs = append(errs, o.err)
		case emitErr == nil:
			emitErr = bar.around(func() error { return emit(o.r, o.text) })
		}
	}
	bar.finish()
	pageBar.finish()
	for _, err := range errs {
		msg := err.Error()
		var pe *fs.PathError
		if errors.As(err, &pe) {
			msg = pe.Error()
		}
		fmt.Fprintf(env.Stderr, "art28: %s\n", msg)
	}
	return len(errs), emitErr
}
