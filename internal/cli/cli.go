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
	"slices"
	"sort"
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
	// tuneMemory lets a run scale the soft heap limit with its input
	// (set by Run unless GOMEMLIMIT is set; tests leave it off).
	tuneMemory bool
}

// Run executes the command line args (without the program name) and
// returns the exit code.
func Run(args []string, stdout, stderr io.Writer) int {
	tune := os.Getenv("GOMEMLIMIT") == ""
	if tune {
		debug.SetMemoryLimit(memoryLimit)
	}
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercent)
	}
	env := Env{Stdin: os.Stdin, Stdout: stdout, Stderr: stderr, IsTerminal: isTerminal, Getenv: os.Getenv, tuneMemory: tune}
	return RunEnv(args, env)
}

// memoryLimit is the soft heap limit of a run over small inputs unless
// GOMEMLIMIT sets one: with the collection percentage below, the heap
// would otherwise grow to five times what is live before a collection.
// Corpus-sized contracts never reach it.
const memoryLimit = 150 << 20

// memoryPerByte is what the limit grows by per byte of the inputs
// analysed at the same time (see scaleMemoryLimit). Analysing a text keeps
// 6.5 to 9 bytes live per byte of it (the text, its lower-cased copy, its
// sentences and blocks, the token index, the term results;
// internal/analyze's TestMemoryPerByte holds it below 10: 8.5 to 8.8 on
// its generated text on an idle machine in December 2026, up to 9.3 on a
// loaded one), so the collector keeps at least the fixed 150 MB to work
// in. A fixed limit below the live heap made it run without pause: a
// 20 MB text took 2.5 times the CPU time under the old fixed limit of
// 150 MB.
const memoryPerByte = 10

// scaleMemoryLimit raises the soft heap limit to memoryLimit plus
// memoryPerByte for every byte of the largest inputs that may be analysed
// at once (the jobs largest files), so that the limit bounds the garbage a
// run leaves without making the collector run continuously. File sizes
// stand in for the extracted texts, which are no larger for PDF, and for
// zipped formats the text is a fraction of the unpacked XML.
func scaleMemoryLimit(env Env, files []string, jobs int) {
	if !env.tuneMemory {
		return
	}
	debug.SetMemoryLimit(memoryLimit + memoryPerByte*largestSum(files, jobs))
}

// largestSum returns the total size of the n largest files.
func largestSum(files []string, n int) int64 {
	var top []int64 // ascending, at most n
	for _, f := range files {
		st, err := os.Stat(f)
		if err != nil {
			continue
		}
		sz := st.Size()
		if len(top) == n && sz <= top[0] {
			continue
		}
		i := sort.Search(len(top), func(i int) bool { return top[i] >= sz })
		top = slices.Insert(top, i, sz)
		if len(top) > n {
			top = top[1:]
		}
	}
	var sum int64
	for _, s := range top {
		sum += s
	}
	return sum
}

// gcPercent lets the heap grow to seven times what is live before a
// collection, unless GOGC is set: a run over one contract allocates a few
// tens of MB that die together, and collecting them early cost a process
// about a fifth of its CPU time (40 against 31 ms per corpus document,
// measured as user and system time over the 44 English texts). Before the
// first collection the runtime's goal is 4 MB times gcPercent/100; at 400
// (16 MB) the embedded knowledge (about 9 MB, loaded with collection
// paused) and one corpus contract's work passed it since December 2026
// and started a collection that the process exits before it ends (+15 to
// +35 million instructions per process under cachegrind); at 600 the goal
// is 24 MB. The soft limit above still bounds the heap of a large input.
const gcPercent = 600

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
  art28 check [flags] FILE|DIR|GLOB...   check contracts (.txt .md .html .pdf .docx .odt,
                                         scans as .pdf .png .jpg .tif)
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
  -j N                 files analysed, and scanned pages recognised, in
                       parallel (default: number of CPUs)
  --max-bytes N        largest input accepted (default 50 MB)
  --ocr MODE           text recognition with Tesseract: auto (default; PDF
                       pages without a usable text layer, and images),
                       always (every page) or never

Summary flags:
  --out FILE           .xlsx (one sheet per topic) or .csv (UTF-8 with BOM)
  -j N, --max-bytes N, --ocr MODE   as for check

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
