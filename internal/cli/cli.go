// Package cli implements the art28 command line: argument parsing, the
// subcommands and the mapping of outcomes to exit codes. cmd/art28 only
// calls Run.
package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"

	"github.com/art28/art28/internal/analyze"
	"github.com/art28/art28/internal/catalog"
)

// Exit codes.
const (
	// ExitOK: analysis done, no mandatory requirement missing.
	ExitOK = 0
	// ExitMissing: analysis done, at least one mandatory requirement missing.
	ExitMissing = 1
	// ExitError: usage error or unreadable input.
	ExitError = 2
)

// errUsage marks usage errors.
var errUsage = errors.New("usage")

// Env is what a command needs from its surroundings.
type Env struct {
	Stdout, Stderr io.Writer
	// Stdin is read by commands that take a secret (users add).
	Stdin io.Reader
	// IsTerminal reports whether a writer is an interactive terminal.
	IsTerminal func(w io.Writer) bool
	// Getenv reads environment variables (NO_COLOR).
	Getenv func(string) string
}

// Run executes the command line args (without the program name) and
// returns the exit code.
func Run(args []string, stdout, stderr io.Writer) int {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(memoryLimit)
	}
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercent)
	}
	env := Env{Stdin: os.Stdin, Stdout: stdout, Stderr: stderr, IsTerminal: isTerminal, Getenv: os.Getenv}
	return RunEnv(args, env)
}

// memoryLimit is the soft heap limit of a run unless GOMEMLIMIT sets one:
// the garbage collector works harder as the heap approaches it, which
// keeps a run over a large contract well below 200 MB resident (a 5 MB
// text peaked at 140 to 170 MB without it, depending on when collections
// fell) at a cost of a few per cent of its time. Smaller inputs never
// reach it.
const memoryLimit = 150 << 20

// gcPercent lets the heap grow to five times what is live before a
// collection, unless GOGC is set: a run over one contract allocates a few
// tens of MB that die together, and collecting them early cost a process
// about a fifth of its CPU time (40 against 31 ms per corpus document,
// measured as user and system time over the 44 English texts). The soft
// limit above still bounds the heap of a large input.
const gcPercent = 400

// RunEnv is Run with an explicit environment, for tests.
func RunEnv(args []string, env Env) int {
	if len(args) == 0 {
		fmt.Fprint(env.Stderr, usage)
		return ExitError
	}
	var code int
	var err error
	switch args[0] {
	case "check":
		code, err = runCheck(args[1:], env)
	case "summary":
		code, err = runSummary(args[1:], env)
	case "eval":
		code, err = runEval(args[1:], env)
	case "explain":
		code, err = runExplain(args[1:], env)
	case "serve":
		code, err = runServe(args[1:], env)
	case "import":
		code, err = runImport(args[1:], env)
	case "reanalyze":
		code, err = runReanalyze(args[1:], env)
	case "users":
		code, err = runUsers(args[1:], env)
	case "tokens":
		code, err = runTokens(args[1:], env)
	case "backup":
		code, err = runBackup(args[1:], env)
	case "version", "--version":
		fmt.Fprintf(env.Stdout, "art28 %s (catalog %s)\n", analyze.Version, catalog.Default().Version)
		return ExitOK
	case "help", "-h", "--help":
		fmt.Fprint(env.Stdout, usage)
		return ExitOK
	default:
		err = fmt.Errorf("%w: unknown command %q", errUsage, args[0])
	}
	if err != nil {
		msg := err.Error()
		if errors.Is(err, errUsage) {
			msg = strings.TrimPrefix(msg, "usage: ") + " (see 'art28 help')"
		}
		fmt.Fprintf(env.Stderr, "art28: %s\n", msg)
		return ExitError
	}
	return code
}

const usage = `art28 checks data processing agreements against Art. 28 GDPR.

Usage:
  art28 check [flags] FILE|DIR|GLOB...   check contracts (.txt .md .html .pdf .docx .odt)
  art28 summary --out FILE DIR|FILE...   portfolio table, .xlsx or .csv
  art28 eval [flags] CORPUS_DIR          measure against the labelled corpus
  art28 explain ID                       explain a requirement
  art28 serve [--addr A] [--db DSN]      the contract register (web app)
  art28 import --org O [--db DSN] DIR|FILE...  analyse files into the register
  art28 reanalyze [--db DSN] [--org O]   re-run stored originals, keeping reviews
  art28 users add --email E --role R [--org O]  add a user (password on stdin)
  art28 tokens create --email E --org O  create an API token (printed once)
  art28 backup [--db DSN] FILE           online copy of a SQLite register
  art28 version                          print the version

Check flags:
  --format FORMAT      text, json, markdown or html (default text; json
                       gives one object per line for several files)
  --lang de|en         report language (default: the contract's language)
  -j N                 files analysed in parallel (default: number of CPUs)
  --max-bytes N        largest input accepted (default 50 MB)

Summary flags:
  --out FILE           .xlsx (one sheet per topic) or .csv (UTF-8 with BOM)
  -j N, --max-bytes N  as for check

Register flags:
  --db DSN             sqlite:PATH or postgres://… (default: a SQLite file
                       under $XDG_DATA_HOME/art28, or $ART28_DB)
  --addr A             serve: listen address (default 127.0.0.1:8028)
  --trusted-proxy L    serve: proxies whose X-Forwarded-For/-Proto count

Exit status: 0 no mandatory requirement missing, 1 at least one mandatory
requirement missing, 2 usage error or unreadable input.
`

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
