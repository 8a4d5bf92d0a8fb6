package report

import (
	"regexp"
	"strings"
)

// citation matches one article reference in the catalog's English form:
// "Art. 28(3)(a)", "Art. 28(3) sentence 1", "Art. 44 ff.".
var citation = regexp.MustCompile(`Art\. (\d+)(?:\((\d+)\))?(?:\(([a-z])\))?(?: (sentence|subparagraph) (\d+))?`)

// cite renders an article reference in the citation style of lang. English
// keeps the catalog's form; German writes "Art. 28 Abs. 3 lit. a" and
// "Art. 28 Abs. 3 S. 1".
func cite(lang, s string) string {
	if lang != "de" {
		return s
	}
	return citation.ReplaceAllStringFunc(s, func(m string) string {
		p := citation.FindStringSubmatch(m)
		parts := []string{"Art. " + p[1]}
		if p[2] != "" {
			parts = append(parts, tr(lang, "cite_paragraph"), p[2])
		}
		if p[3] != "" {
			parts = append(parts, tr(lang, "cite_point"), p[3])
		}
		if p[4] != "" {
			parts = append(parts, tr(lang, "cite_"+p[4]), p[5])
		}
		return strings.Join(parts, " ")
	})
}
