package document

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/art28/art28/internal/lexicon"
)

// Checkbox forms. A form with ticked (☒, ☑, [x]) and unticked (☐, [ ])
// boxes agrees only what is ticked: "Der Auftragnehmer unterstützt bei
// ☒ der Meldung an die Aufsichtsbehörde, ☐ der Datenschutz-
// Folgenabschätzung" offers the impact assessment without agreeing it.
// MaskUnticked blanks the text of the options not chosen, so that the
// checker does not read them as clauses; a text that has no ticked box
// uses "☐" as a plain bullet and stays as it is.

var (
	boxTicked   = lexicon.List("checkbox_ticked")
	boxUnticked = lexicon.List("checkbox_unticked")
	// yesNo are the options of a yes/no choice ("☐ ja ☒ nein", "Yes ☒
	// No ☐"): the line states something only where "yes" is ticked.
	yesWords = map[string]bool{"ja": true, "yes": true}
	noWords  = map[string]bool{"nein": true, "no": true}
)

// box is one checkbox mark found on a line.
type box struct {
	start, end int // byte offsets in the text
	ticked     bool
}

// MaskUnticked returns text with the options of unticked boxes replaced
// by spaces (byte for byte, so every offset stays valid), or text itself
// when it is no form: it has no ticked box or no unticked one.
func MaskUnticked(text string) string {
	if !hasAnyMark(text, boxTicked) || !hasAnyMark(text, boxUnticked) {
		return text
	}
	var lines [][]box
	var starts []int
	ticked, unticked := false, false
	for ls := 0; ls < len(text); {
		le := strings.IndexByte(text[ls:], '\n')
		if le < 0 {
			le = len(text)
		} else {
			le += ls
		}
		if bs := lineBoxes(text, ls, le); bs != nil {
			for _, b := range bs {
				ticked = ticked || b.ticked
				unticked = unticked || !b.ticked
			}
			lines = append(lines, bs)
			starts = append(starts, ls)
		}
		ls = le + 1
	}
	if !ticked || !unticked {
		return text
	}
	buf := []byte(text)
	for k, bs := range lines {
		maskLine(buf, text, starts[k], bs)
	}
	return string(buf)
}

// hasAnyMark reports whether text holds one of the marks.
func hasAnyMark(text string, marks []string) bool {
	for _, m := range marks {
		if strings.Contains(text, m) || (m[0] == '[' || m[0] == '(') && strings.Contains(text, strings.ToUpper(m)) {
			return true
		}
	}
	return false
}

// lineBoxes returns the checkbox marks of the line text[ls:le]. A glyph
// (☐, ☒) is a box anywhere; a box of brackets ("[ ]", "[x]", "( )") only
// at the line's start, after at most a clause label, and followed by a
// space: "[ ]" inside a sentence is a template's blank.
func lineBoxes(text string, ls, le int) []box {
	var out []box
	for i := ls; i < le; {
		c := text[i]
		if c != '[' && c != '(' && c < utf8.RuneSelf {
			i++
			continue
		}
		found := false
		for k, marks := range [2][]string{boxTicked, boxUnticked} {
			for _, m := range marks {
				if len(text)-i < len(m) || !strings.EqualFold(text[i:i+len(m)], m) {
					continue
				}
				if m[0] == '[' || m[0] == '(' {
					if !labelOnly(text[ls:i]) || i+len(m) < le && text[i+len(m)] != ' ' && text[i+len(m)] != '\t' {
						continue
					}
				}
				out = append(out, box{start: i, end: i + len(m), ticked: k == 0})
				i += len(m)
				found = true
				break
			}
			if found {
				break
			}
		}
		if !found {
			_, sz := utf8.DecodeRuneInString(text[i:])
			i += sz
		}
	}
	return out
}

// labelOnly reports whether s (the line before a box) is empty or a
// clause label or bullet: "", "3.2 ", "a) ", "- ".
func labelOnly(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" {
		return true
	}
	if strings.ContainsAny(s, " \t") || len(s) > 8 {
		return false
	}
	for _, r := range s {
		if !unicode.IsDigit(r) && !strings.ContainsRune(".)(-•*–abcdefghijklmnopqrstuvwxyz", r) {
			return false
		}
	}
	return true
}

// maskLine blanks in buf the options of the line at ls whose boxes are
// bs. Where the line opens with a box or a box is followed by text, each
// box precedes its option ("☒ in Textform ☐ schriftlich"); a line ending
// in a box after text has it behind ("Yes ☒ No ☐", "Verschlüsselung ☐").
func maskLine(buf []byte, text string, ls int, bs []box) {
	le := strings.IndexByte(text[ls:], '\n')
	if le < 0 {
		le = len(text)
	} else {
		le += ls
	}
	suffix := strings.TrimSpace(text[bs[len(bs)-1].end:le]) == "" && !labelOnly(text[ls:bs[0].start])
	// option k's span
	span := func(k int) (int, int) {
		if suffix {
			a := ls
			if k > 0 {
				a = bs[k-1].end
			}
			return a, bs[k].start
		}
		b := le
		if k+1 < len(bs) {
			b = bs[k+1].start
		}
		// "(☒ sechs Monate ☐ ____ Monate)": the option ends with the
		// parenthesis it stands in.
		depth := 0
		for j := bs[k].end; j < b; j++ {
			switch text[j] {
			case '(':
				depth++
			case ')':
				if depth == 0 {
					return bs[k].end, j
				}
				depth--
			}
		}
		return bs[k].end, b
	}
	// A yes/no choice: the whole line is agreed only where "yes" is
	// ticked.
	yes, no, yesTicked := false, false, false
	for k := range bs {
		a, b := span(k)
		w := strings.Fields(strings.ToLower(text[a:b]))
		if len(w) == 0 {
			continue
		}
		word := w[0]
		if suffix {
			word = w[len(w)-1]
		}
		word = strings.Trim(word, ".,;:/")
		switch {
		case yesWords[word] && (len(w) == 1 || suffix):
			yes = true
			yesTicked = yesTicked || bs[k].ticked
		case noWords[word] && (len(w) == 1 || suffix):
			no = true
		}
	}
	if yes && no && !yesTicked {
		blank(buf, text, ls, le, bs)
		return
	}
	if !suffix && strings.HasSuffix(strings.TrimSpace(text[ls:bs[0].start]), ":") && !anyTicked(bs) {
		// "Übermittlungen in Drittländer: ☐ zulässig, wenn …": a field
		// with no option chosen states nothing, its label neither.
		blank(buf, text, ls, le, bs)
		return
	}
	for k, bx := range bs {
		if bx.ticked {
			continue
		}
		a, b := span(k)
		if suffix && k == 0 && yes && no {
			// "Audits permitted: Yes ☒ No ☐": only the word "No".
			if i := strings.LastIndexAny(text[a:b], " \t:"); i >= 0 {
				a += i + 1
			}
		}
		blank(buf, text, a, b, nil)
	}
}

// blank replaces the bytes of text[a:b] in buf by spaces, keeping line
// breaks and the marks bs.
func blank(buf []byte, text string, a, b int, bs []box) {
	for j := a; j < b; j++ {
		if text[j] == '\n' {
			continue
		}
		keep := false
		for _, bx := range bs {
			if j >= bx.start && j < bx.end {
				keep = true
				break
			}
		}
		if !keep {
			buf[j] = ' '
		}
	}
}

// anyTicked reports whether one of the boxes is ticked.
func anyTicked(bs []box) bool {
	for _, b := range bs {
		if b.ticked {
			return true
		}
	}
	return false
}
