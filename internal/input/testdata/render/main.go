// Command render turns the Markdown-like seed contracts into HTML that
// LibreOffice imports with real structure: headings, bullet lists, numbered
// lists (<ol start>) whose numbers come from list definitions, and tables
// for tab-separated rows. render.sh then converts the HTML to ODT, DOCX and
// PDF. It is a development tool; the rendered files are committed.
//
// Usage: go run ./internal/input/testdata/render [-lines] IN.txt OUT.html
//
// With -lines every line is its own paragraph, for the English corpus files
// that hold one sentence per line.
package main

import (
	"fmt"
	"html"
	"os"
	"regexp"
	"strings"
)

var (
	reHeading  = regexp.MustCompile(`^(#{1,6})\s+(.*)$`)
	reBullet   = regexp.MustCompile(`^\s*[-*•]\s+(.*)$`)
	reNumbered = regexp.MustCompile(`^(\d{1,2})\.\s+(.*)$`)
)

func main() {
	args := os.Args[1:]
	lines := len(args) > 0 && args[0] == "-lines"
	if lines {
		args = args[1:]
	}
	if len(args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: render [-lines] IN.txt OUT.html")
		os.Exit(2)
	}
	raw, err := os.ReadFile(args[0])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	if err := os.WriteFile(args[1], []byte(render(string(raw), lines)), 0o644); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func render(src string, lines bool) string {
	var b strings.Builder
	b.WriteString("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>contract</title></head><body>\n")
	open := "" // "p", "ul", "ol", "table"
	next := 0  // expected next number in an open <ol>
	var para []string
	closeAll := func() {
		switch open {
		case "p":
			b.WriteString("<p>" + strings.Join(para, "<br>") + "</p>\n")
			para = nil
		case "ul":
			b.WriteString("</ul>\n")
		case "ol":
			b.WriteString("</ol>\n")
		case "table":
			b.WriteString("</table>\n")
		}
		open = ""
	}
	for _, line := range strings.Split(strings.ReplaceAll(src, "\r\n", "\n"), "\n") {
		t := strings.TrimSpace(line)
		esc := func(s string) string { return html.EscapeString(strings.TrimSpace(s)) }
		switch {
		case t == "":
			if open == "p" || open == "table" {
				closeAll()
			}
		case t == "---":
			closeAll()
		case reHeading.MatchString(t):
			closeAll()
			m := reHeading.FindStringSubmatch(t)
			fmt.Fprintf(&b, "<h%d>%s</h%d>\n", len(m[1]), esc(m[2]), len(m[1]))
		case strings.Contains(strings.Trim(line, "\t"), "\t"):
			if open != "table" {
				closeAll()
				b.WriteString("<table border=\"1\">\n")
				open = "table"
			}
			b.WriteString("<tr>")
			for _, c := range strings.Split(strings.Trim(line, "\t"), "\t") {
				b.WriteString("<td>" + esc(c) + "</td>")
			}
			b.WriteString("</tr>\n")
		case reBullet.MatchString(line):
			if open != "ul" {
				closeAll()
				b.WriteString("<ul>\n")
				open = "ul"
			}
			b.WriteString("<li>" + esc(reBullet.FindStringSubmatch(line)[1]) + "</li>\n")
		case reNumbered.MatchString(t):
			m := reNumbered.FindStringSubmatch(t)
			n := 0
			fmt.Sscan(m[1], &n)
			if open != "ol" || n != next {
				closeAll()
				fmt.Fprintf(&b, "<ol start=\"%d\">\n", n)
				open = "ol"
			}
			next = n + 1
			b.WriteString("<li>" + esc(m[2]) + "</li>\n")
		default:
			if lines {
				closeAll()
			}
			if open != "p" {
				closeAll()
				open = "p"
			}
			para = append(para, esc(t))
		}
	}
	closeAll()
	b.WriteString("</body></html>\n")
	return b.String()
}
