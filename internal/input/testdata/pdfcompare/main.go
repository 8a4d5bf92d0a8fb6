// Command pdfcompare measures PDF text extraction candidates on the same
// files: character-level similarity of the extracted text to the source
// text the PDF was rendered from, and extraction time. It backs
// docs/pdf-extraction.md. It is its own module so that art28 itself does
// not depend on the pure-Go candidate.
//
// Usage (from the repository root):
//
//	cd internal/input/testdata/pdfcompare && go run . ../rendered ../../../../../shared/corpus
package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"time"

	"github.com/ledongthuc/pdf"
)

type extractor struct {
	name string
	run  func(path string) (string, error)
}

var extractors = []extractor{
	{"pdftotext (reading order)", func(p string) (string, error) { return poppler(p) }},
	{"pdftotext -layout", func(p string) (string, error) { return poppler(p, "-layout") }},
	{"ledongthuc/pdf GetPlainText", ledongthuc},
}

func poppler(path string, args ...string) (string, error) {
	out, err := exec.Command("pdftotext", append(append([]string{"-enc", "UTF-8"}, args...), path, "-")...).Output()
	return string(out), err
}

func ledongthuc(path string) (s string, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("panic: %v", r)
		}
	}()
	f, r, err := pdf.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	rd, err := r.GetPlainText()
	if err != nil {
		return "", err
	}
	var b bytes.Buffer
	_, err = b.ReadFrom(rd)
	return b.String(), err
}

var (
	reMarkup = regexp.MustCompile(`(?m)^\s*(?:#{1,6}|[-*•])\s+`)
	reSpace  = regexp.MustCompile(`\s+`)
	reLig    = strings.NewReplacer("ﬁ", "fi", "ﬂ", "fl", "ﬀ", "ff", "ﬃ", "ffi", "ﬄ", "ffl", "•", " ", "\f", " ", "---", " ")
)

// norm folds markup, bullets and white space so only the words and their
// order count.
func norm(s string) []rune {
	s = reMarkup.ReplaceAllString(s, "")
	s = reLig.Replace(s)
	return []rune(strings.TrimSpace(reSpace.ReplaceAllString(s, " ")))
}

// similarity is 1 - Levenshtein distance / length of the longer text.
func similarity(a, b []rune) float64 {
	if len(a) == 0 && len(b) == 0 {
		return 1
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			c := prev[j-1]
			if a[i-1] != b[j-1] {
				c++
			}
			c = min(c, prev[j]+1, cur[j-1]+1)
			cur[j] = c
		}
		prev, cur = cur, prev
	}
	return 1 - float64(prev[len(b)])/float64(max(len(a), len(b)))
}

func main() {
	rendered, corpus := os.Args[1], os.Args[2]
	pdfs, _ := filepath.Glob(filepath.Join(rendered, "*.pdf"))
	sort.Strings(pdfs)
	fmt.Println("| file | pages | " + strings.Join(names(), " | ") + " |")
	fmt.Println("|---|---|" + strings.Repeat("---|", len(extractors)))
	total := make([]time.Duration, len(extractors))
	simSum := make([]float64, len(extractors))
	pagesAll, n := 0, 0
	for _, p := range pdfs {
		base := strings.TrimSuffix(filepath.Base(p), ".pdf")
		src := ""
		for _, c := range []string{filepath.Join(rendered, base+".txt"), filepath.Join(corpus, "seeds", base+".txt"), filepath.Join(corpus, "en-dpa", base+".txt")} {
			if b, err := os.ReadFile(c); err == nil {
				src = string(b)
				break
			}
		}
		if src == "" {
			continue
		}
		pages := pageCount(p)
		pagesAll += pages
		n++
		row := fmt.Sprintf("| %s | %d |", base, pages)
		for i, e := range extractors {
			var best time.Duration
			var text string
			var err error
			for k := 0; k < 3; k++ {
				t0 := time.Now()
				text, err = e.run(p)
				d := time.Since(t0)
				if k == 0 || d < best {
					best = d
				}
			}
			total[i] += best
			if err != nil {
				row += fmt.Sprintf(" error: %v |", err)
				continue
			}
			sim := similarity(norm(src), norm(text))
			simSum[i] += sim
			row += fmt.Sprintf(" %.3f (%d ms) |", sim, best.Milliseconds())
		}
		fmt.Println(row)
	}
	row := fmt.Sprintf("| **mean / throughput** | %d |", pagesAll)
	for i := range extractors {
		row += fmt.Sprintf(" %.3f, %.0f pages/s |", simSum[i]/float64(n), float64(pagesAll)/total[i].Seconds())
	}
	fmt.Println(row)
}

func names() []string {
	var s []string
	for _, e := range extractors {
		s = append(s, e.name)
	}
	return s
}

func pageCount(path string) int {
	out, _ := exec.Command("pdfinfo", path).Output()
	for _, l := range strings.Split(string(out), "\n") {
		if v, ok := strings.CutPrefix(l, "Pages:"); ok {
			var n int
			fmt.Sscan(strings.TrimSpace(v), &n)
			return n
		}
	}
	return 0
}
