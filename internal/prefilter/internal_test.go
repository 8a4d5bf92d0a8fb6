package prefilter

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// TestLiterals checks the derived literals of a few expressions.
func TestLiterals(t *testing.T) {
	for expr, want := range map[string]string{
		`(?i)zutrittskontrolle|zutritt|physical access`: "physical access|zutritt",
		`(?:^|[\s,])(GmbH|AG|A/S)(?:$|[\s,])`:           "\tA/S|\tAG|\tGmbH|\nA/S|\nAG|\nGmbH|\fA/S|\fAG|\fGmbH|\rA/S|\rAG|\rGmbH| A/S| AG| GmbH|,A/S|,AG|,GmbH|A/S|AG|GmbH",
		`\b(\d{1,4})\s+tage`:                            "tage",
		`(?i)sub-?processor`:                            "sub-processor|subprocessor",
		`x*`:                                            "",
	} {
		c := MustCompile(expr).get()
		got := ""
		if c.lits != nil {
			got = strings.Join(c.lits.lits, "|")
		}
		if got != want {
			t.Errorf("%s: got %q, want %q", expr, got, want)
		}
	}
}

// TestLeadManyWords checks that a first part of bounded width before an
// alternation of more words than maxProduct (with their ſ and K forms)
// still gives starting literals: "(?:^|[^\p{L}])(kunde|kunden|…)".
func TestLeadManyWords(t *testing.T) {
	var ws []string
	for i := 0; i < 70; i++ {
		ws = append(ws, fmt.Sprintf("%c%cwort", 'a'+i%26, 'a'+i/26))
	}
	expr := `(?i)(?:^|[^\p{L}\-])((?:` + strings.Join(ws, "|") + `))(?:$|[^\p{L}])`
	a, err := Analyze(expr, 0)
	if err != nil {
		t.Fatal(err)
	}
	if !a.Prefix || a.Lead != 1 || len(a.Lits) <= maxProduct {
		t.Errorf("Prefix %v, Lead %d, %d literals; want a prefix led by one rune and more than %d literals", a.Prefix, a.Lead, len(a.Lits), maxProduct)
	}
}

// lowerRef is Lower rune by rune.
func lowerRef(s string) string {
	var b strings.Builder
	for len(s) > 0 {
		r, n := utf8.DecodeRuneInString(s)
		if r >= 'A' && r <= 'Z' || r == 'Ä' || r == 'Ö' || r == 'Ü' {
			r = unicode.ToLower(r)
			b.WriteRune(r)
		} else {
			b.WriteString(s[:n])
		}
		s = s[n:]
	}
	return b.String()
}

// FuzzLower checks Lower (and so foldAt) against lower-casing rune by rune,
// and index against strings.Index on the lower-cased text.
func FuzzLower(f *testing.F) {
	for _, s := range []string{"ÄÖÜ äöü ß", "ÉCOLE Ωmega Ãx \u212A \u017F", "\xe2\xc3\x84\xc3", "\xc3\xc3\x84AB", "ABC Straße"} {
		f.Add(s, "ä")
	}
	f.Fuzz(func(t *testing.T, s, lit string) {
		low := Lower(s)
		if want := lowerRef(s); low != want {
			t.Fatalf("Lower(%q) = %q, want %q", s, low, want)
		}
		if lit == "" || !utf8.ValidString(lit) {
			return
		}
		lit = Lower(lit)
		if got, want := index(s, lit, true), strings.Index(low, lit); got != want {
			t.Fatalf("index(%q, %q) = %d, want %d", s, lit, got, want)
		}
	})
}

// FuzzLitSet checks the scan of a set of literals (its pair table holds
// the capitals of a folded set's bytes) against looking for every literal
// at every offset of the text as it is, or lower-cased with fold.
func FuzzLitSet(f *testing.F) {
	f.Add("Der AUFTRAGSVERARBEITER und die Übermittlung", "auftrag|über|und|die|xy|ün", true)
	f.Add("ÄÖÜ äöü \xc3\x84b Ab aB", "äb|ab|öx|ü |zz", true)
	f.Add("GmbH AG A/S, Ltd", "GmbH|AG|A/S|Ltd|Inc", false)
	// Literals of three bytes or more: the skip table.
	f.Add("Die ÄNDERUNG der Anlage, \xe2\x84\xa2nderung, ANLAGE 3", "änderung|anlage|annex|appendix", true)
	f.Add("sub-processor Subprocessor SUBCONTRACTOR", "sub-processor|subprocessor|subcontractor", true)
	f.Add("the sub-processor and subprocessors", "sub-processor|subprocessor", false)
	f.Fuzz(func(t *testing.T, s, set string, fold bool) {
		var lits []string
		for _, l := range strings.Split(set, "|") {
			if l == "" || !utf8.ValidString(l) {
				return
			}
			if fold {
				l = Lower(l)
			}
			lits = append(lits, l)
		}
		slices.Sort(lits)
		lits = slices.Compact(lits)
		ls := newLitSet(lits, fold)
		text := s
		if fold {
			text = Lower(s)
		}
		for from := 0; from <= len(s); from++ {
			want := -1
			for i := from; i < len(s) && want < 0; i++ {
				for _, l := range lits {
					if strings.HasPrefix(text[i:], l) {
						want = i
						break
					}
				}
			}
			if from < len(s) {
				at := false
				for _, l := range lits {
					at = at || strings.HasPrefix(text[from:], l)
				}
				if got := ls.at(s, from, fold); got != at {
					t.Fatalf("at(%q, %d) with %q (fold %v) = %v, want %v", s, from, lits, fold, got, at)
				}
			}
			if got := ls.next(s, from, fold); got != want {
				t.Fatalf("next(%q, %d) with %q (fold %v) = %d, want %d", s, from, lits, fold, got, want)
			}
		}
	})
}

func BenchmarkLower(b *testing.B) {
	s := strings.Repeat("Der Auftragsverarbeiter ÜBERNIMMT die Pflichten nach Art. 28 DSGVO. The Processor shall… ", 2000)
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		Lower(s)
	}
}

// TestLeadByte checks the first byte of every rune's UTF-8 form.
func TestLeadByte(t *testing.T) {
	var buf [utf8.UTFMax]byte
	for r := rune(utf8.RuneSelf); r <= unicode.MaxRune; r++ {
		if r >= 0xD800 && r <= 0xDFFF {
			continue // surrogates encode as utf8.RuneError
		}
		utf8.EncodeRune(buf[:], r)
		if got := leadByte(r); got != int(buf[0]) {
			t.Fatalf("leadByte(%U) = %#x, want %#x", r, got, buf[0])
		}
	}
}

// TestLeadBytes checks which texts the lead bytes of start-anchored
// expressions rule out.
func TestLeadBytes(t *testing.T) {
	tests := []struct {
		expr    string
		any     bool
		yes, no []string
	}{
		{`\A[ \t]*(?:controller|client)\b`, false, []string{"controller", " client", "\tc"}, []string{"Controller", "", "x controller"}},
		{`(?i)^(?:stand|kelvin)`, false, []string{"Stand", "\u017Ftand", "\u212Aelvin", "kelvin"}, []string{"xstand", ""}},
		{`^a*`, true, []string{"", "b"}, nil},
		{`^(?:a|\b)b`, false, []string{"ab", "b"}, []string{"c"}},
		{`^[^a]`, false, []string{"b", "\xff", "é"}, []string{"a"}},
		{`^[\x{80}-\x{7FF}]`, false, []string{"é", "\xc2"}, []string{"\xe0\xa0\x80", "a"}},
		{`^(?s:.)`, false, []string{"\n", "\xff"}, []string{""}},
		{`^x(`, true, []string{""}, nil},
	}
	// An expression anchored at the start without starting literals
	// (a star first) uses them.
	if MustCompile(`\A[ \t]*(?:controller|client):`).get().lead == nil {
		t.Error("no lead bytes for an anchored expression without starting literals")
	}
	for _, tt := range tests {
		lb := newLeadBytes(tt.expr)
		if lb.any != tt.any {
			t.Errorf("%s: any = %v, want %v", tt.expr, lb.any, tt.any)
		}
		for _, s := range tt.yes {
			if !lb.ok(s) {
				t.Errorf("%s: ok(%q) = false", tt.expr, s)
			}
		}
		for _, s := range tt.no {
			if lb.ok(s) {
				t.Errorf("%s: ok(%q) = true", tt.expr, s)
			}
		}
	}
}
