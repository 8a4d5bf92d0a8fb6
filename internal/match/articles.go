package match

import (
	"bytes"
	_ "embed"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Article references: "Art. 28 Abs. 3 lit. c", "Artt. 32 bis 36",
// "in den Artikeln 32 bis 36",
// "Articles 32 to 36", "Articles 32 up to and including 36" (Dutch "tot en met"),
// "Art. 32 bis einschließlich 36", "Art. 12-22", "Art. 33, 34", "Art. 32 ff.",
// "Kapitel III", "Chapter III".
var (
	reArtMarker = regexp.MustCompile(`^(?i:art(?:ikeln?|icles?|s|t)?\.?)\s*(\d{1,2})\b`)
	reSubRef    = regexp.MustCompile(`(?i)^\s*(?:(?:abs\.?|absatz|paras?\.|paragraphs?|uabs\.?|unterabs(?:atz)?\.?|s\.|satz|sentence|lit\.?|litera|letter|buchst\.?|nr\.?|no\.?|point|sub-?paragraph)\s*\(?[0-9a-z]{1,4}\)?|\(\s*[0-9a-z]{1,4}\s*\))`)
	reFF        = regexp.MustCompile(`(?i)^\s*(?:ff\.?|et\s+seq\.?|and\s+following)`)
	reRange     = regexp.MustCompile(`(?i)^\s*(?:bis(?:\s+einschließlich)?|up\s+to(?:\s+and\s+including)?|to|through|until|[-–—])\s*(?:art(?:ikeln?|icle)?\.?\s*)?(\d{1,2})\b`)
	reList      = regexp.MustCompile(`(?i)^\s*(?:,\s*(?:and|und|or|oder|sowie|as well as)?|/|und|and|sowie|or|oder|&|as well as)\s*(?:art(?:ikeln?|icles?|t)?\.?\s*)?(\d{1,2})\b`)
)

// gdprStructure is the GDPR's structure that references rely on, from
// data/gdpr-structure.yaml (sources there).
//
//go:embed data/gdpr-structure.yaml
var gdprStructureYAML []byte

var (
	// ffEnd says how far "Art. N ff." reaches: to the end of the group of
	// articles that contracts mean by it.
	ffEnd map[int]int
	// chapterArticles gives the first and last article of a chapter by
	// its number as written ("iii", "3").
	chapterArticles map[string][2]int
	// reChapter matches a reference to one of those chapters.
	reChapter *regexp.Regexp
)

func init() {
	var data struct {
		FFGroups []struct {
			Starts []int  `yaml:"starts"`
			To     int    `yaml:"to"`
			Note   string `yaml:"note"`
		} `yaml:"ff_groups"`
		Chapters []struct {
			Numbers []string `yaml:"numbers"`
			From    int      `yaml:"from"`
			To      int      `yaml:"to"`
			Note    string   `yaml:"note"`
		} `yaml:"chapters"`
	}
	dec := yaml.NewDecoder(bytes.NewReader(gdprStructureYAML))
	dec.KnownFields(true)
	if err := dec.Decode(&data); err != nil {
		panic("match: embedded data/gdpr-structure.yaml: " + err.Error()) // a build defect, caught by every test
	}
	ffEnd = map[int]int{}
	for _, g := range data.FFGroups {
		for _, s := range g.Starts {
			ffEnd[s] = g.To
		}
	}
	chapterArticles = map[string][2]int{}
	var numbers []string
	for _, c := range data.Chapters {
		for _, n := range c.Numbers {
			chapterArticles[n] = [2]int{c.From, c.To}
			numbers = append(numbers, regexp.QuoteMeta(n))
		}
	}
	reChapter = regexp.MustCompile(`^(?i:kapitel|chapter)\s+(?i:(` + strings.Join(numbers, "|") + `))\b`)
}

// articleRef records that sentence sent refers to article art.
type articleRef struct{ sent, art int32 }

// articleRefs returns the article references of the sentence spans,
// ordered by sentence (a sentence may refer to an article more than
// once). A list of references instead of a set per sentence: most
// sentences refer to no article.
func articleRefs(text, low string, spans []span) []articleRef {
	out := []articleRef{}
	add := func(off, a, b int) {
		i := sort.Search(len(spans), func(k int) bool { return int(spans[k].end) > off })
		if i >= len(spans) || int(spans[i].start) > off {
			return
		}
		// Article numbers have at most two digits (see the expressions
		// above), and ranges at most 60 of them.
		for n := a; n <= b && n-a < 60; n++ {
			out = append(out, articleRef{sent: int32(i), art: int32(n)})
		}
	}
	arts, chapters := scanReferences(text, low)
	for _, m := range arts {
		n, _ := strconv.Atoi(text[m[2]:m[3]])
		pos := m[1]
		last := n
		add(m[0], n, n)
		for steps := 0; steps < 20 && pos < len(text); steps++ {
			rest := text[pos:min(len(text), pos+80)]
			// The first byte after spaces decides which of the expressions
			// below can match at all (a cheap test before running them).
			c := firstNonSpace(rest) | 0x20
			if strings.IndexByte(continuationStarts, c) < 0 {
				break
			}
			if sm := reSubRef.FindStringIndex(rest); sm != nil {
				pos += sm[1]
				continue
			}
			if fm := reFF.FindStringIndex(rest); fm != nil {
				if e, ok := ffEnd[last]; ok {
					add(m[0], last, e)
				} else {
					add(m[0], last, last+1)
				}
				pos += fm[1]
				continue
			}
			if rm := reRange.FindStringSubmatchIndex(rest); rm != nil {
				e, _ := strconv.Atoi(rest[rm[2]:rm[3]])
				if e > last {
					add(m[0], last, e)
				}
				last = e
				pos += rm[1]
				continue
			}
			if lm := reList.FindStringSubmatchIndex(rest); lm != nil {
				e, _ := strconv.Atoi(rest[lm[2]:lm[3]])
				// "Art. 28 Abs. 3 and 4" lists paragraphs, not articles: only
				// a number larger than the last counts as an article.
				if e <= last {
					break
				}
				add(m[0], e, e)
				last = e
				pos += lm[1]
				continue
			}
			break
		}
	}
	for _, m := range chapters {
		r := chapterArticles[strings.ToLower(text[m[2]:m[3]])]
		add(m[0], r[0], r[1])
	}
	slices.SortStableFunc(out, func(x, y articleRef) int { return int(x.sent) - int(y.sent) })
	return out
}

// scanReferences finds article markers ("Art. 32", "Articles 32") and
// chapter references ("Kapitel III") in text; low is text lower-cased with
// the same length. The anchored expressions are tried only at word starts
// where low holds "art", "kapitel" or "chapter", found by substring search,
// which keeps the cost linear with a small constant.
func scanReferences(text, low string) (arts, chapters [][]int) {
	var cands []int
	for _, w := range referenceWords {
		for from := 0; ; {
			k := strings.Index(low[from:], w)
			if k < 0 {
				break
			}
			i := from + k
			if i+3 <= len(text) && (i == 0 || !isASCIIWord(text[i-1])) {
				cands = append(cands, i)
			}
			from = i + 1
		}
	}
	slices.Sort(cands)
	next := 0 // candidates inside the last match are skipped
	for _, i := range cands {
		if i < next {
			continue
		}
		re := reChapter
		if low[i] == 'a' {
			re = reArtMarker
		}
		m := re.FindStringSubmatchIndex(text[i:min(len(text), i+64)])
		if m == nil {
			continue
		}
		for k := range m {
			if m[k] >= 0 {
				m[k] += i
			}
		}
		if re == reArtMarker {
			arts = append(arts, m)
		} else {
			chapters = append(chapters, m)
		}
		next = m[1]
	}
	return arts, chapters
}

// referenceWords start the references scanReferences looks for.
var referenceWords = []string{"art", "kapitel", "chapter"}

// continuationStarts holds, lower-cased, every byte that can start a match
// of reSubRef, reFF, reRange or reList after leading white space (0xe2
// starts the en and em dash).
const continuationStarts = "apuslbn(" + "fe" + "tu-\xe2" + ",so&/"

// firstNonSpace returns the first byte of s that is not white space, or 0.
func firstNonSpace(s string) byte {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\f' {
			return c
		}
	}
	return 0
}

func isASCIIWord(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b >= 0x80
}
