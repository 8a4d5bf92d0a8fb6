package prefilter_test

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/art28/art28/internal/prefilter"
	"github.com/art28/art28/internal/prefilter/prefiltertest"
)

// shapes are expressions of the shapes the prefilter treats differently:
// literals with case variants (s, k), starting literals with and without
// \b and ^, anchored expressions, classes, repetitions, alternations and
// invalid UTF-8.
var shapes = []string{
	// A bounded first part before more alternatives than maxProduct.
	`(?i)(?:^|[^\p{L}\-])((?:auftragsverarbeiterin|auftragsverarbeiter|processing entity|auftragnehmerin|auftragnehmer|auftraggeberin|auftraggeber|verantwortlicher|verantwortliche|dienstleister|anbieterin|anbieter|processor|data processor|vendor|supplier|service provider|provider|contractor|lieferant|kunde|kundin|administrator|kunden|controller|customer|client|mandant|mandantin))(?:$|[^\p{L}])`,
	// Optional parts before the starting literals.
	`(?i)((?:nicht\s*)?unzutreffend|bitte\s+streichen|<[^>]{0,4}x>|\bTODO\b)`,
	`(?:ab)?cd|(?:xy)*z[a-c]`,
	`(?i)^(?:(?:derzeit|aktuell)\s+)?(?:keine?|n/?a)\.?$`,
	`(?:(?:ab)?c)?de`,
	// Alternatives with starting literals after a part of bounded width.
	`(?i)\b(?:ort|da)\b|[\p{L}\]],\s*den\s*_{3,}`,
	`(?:^|[^n])kün|no|[ab]{1,2}xy`,
	`(?i)zutrittskontrolle|zutritt|physical access`,
	`(?:^|[\s,])(GmbH|AG|A/S)(?:$|[\s,])`,
	// Further required literals (Needs) after a starting literal, one of
	// them case-insensitive.
	`(?:data|categories)[^:;.]{0,30}:`,
	`\btransfers?\b[^.;]{0,40}\b(?:all|any) data to (?:the |you\b)`,
	`(?i)\b(?:anlage|annex)\s+(?:\d{1,2}|[IVX]{1,4})\b[^.]{0,20}(?:stunden|tage)`,
	// Matches start at \b (WordStart), the only assertions looking back
	// are \b and \B (WordContext), or ^ looks back too.
	`\b(?:is|ist|a|an)\b`,
	`(?i)\B(?:er|ung)\b|\bxx\B`,
	`(?m)\b(?:stand|ab)\b|^x`,
	`\b(\d{1,4})\s+tage`,
	`(?i)sub-?processor`,
	`x*`,
	`(?i)\b(ab|abc)\s*(\d+)`,
	`(?i)(foo|bar)+x?`,
	`(\d{1,2})\s*(h|tage)`,
	`(?i)\bx{2,}\b`,
	`(?i)(?:ab|cd)ef`,
	`a*b`,
	`\Bfoo`,
	`(?i)^foo`,
	`\b(?:-x|y)`,
	`(?m)^stand:`,
	`(?i)^(?:[\d.\s]*)?(?:verschlüsselung|encryption)`,
	`(?i)verfügbarkeit|ÄNDERUNG`,
	`(?i)kontrolle\b`,
	`(?i)\bÉcole\b`,
	`\xff?art 33`,
	`(?i)(?:stand|as of)\s*:?\s*(mai|may)\s+((?:19|20)\d{2})`,
	`(?i)^[\s#*|>_]*(anlage|anhang|annex|appendix|schedule|attachment)\s+([0-9]+|[ivx]+\b|[a-h]\b)`,
	`(?i)\b(anlage|anhang|annex|appendix|schedule|attachment)\s+([0-9]+|[ivx]+\b|[a-h]\b)`,
	`(\d{1,4}|eine[mnr]?|ein|zwei|one|two)\s*(?:\(\s*[\p{L}\d-]+\s*\)\s*)?(stunden|std\.?|hours?|h|tage|days?)(?:[^\p{L}]|$)`,
	`(?i:gerichtsstand)[^.]{0,60}\b(?i:für) (\p{Lu}[\p{L}\-]+) (?i:zuständig)`,
	`[\p{L}\d._%+\-]+@[\p{L}\d.\-]+\.[a-z]{2,}`,
	`(?i)redacted|geschwärzt|\bblacked out\b`,
	`^\s*\d{1,3}\.?\s*$`,
	`(?s)a.b|c$`,
	`(?i)ſtand|kelvin`,
	`\A[ \t#*>]*((?:auftraggeber|controller|data exporter)\b[^\n]{0,40}?:)[ \t*]*\n(?:[ \t]*(?:[-_.…=*]{3,})?[ \t]*\n){1,3}`,
	`(?i)\A\s*(?:stand|école)\b`,
	`\A(?:[\x{D7FF}-\x{E001}]|\x{10000}|kelvin)+`,
	`\A(?:x*|a)b`,
	`(?i)(?:^|[^\p{L}\-])((?:auftragnehmer|controller|sub-processor|stelle))(?:$|[^\p{L}])`,
	`(?i)(?:^|[\s,;(–—\-])(?:inhaber|owner|inh\.)(?:$|[\s:,])`,
	`(?:[^a]{0,2}|\b)(foo|bar)\d?`,
	`(?i)(?:\Bx|\bé)?(kontrolle|stand)`,
}

var texts = []string{
	"", "\u212Aontrolle", "Zugangs\u212Aontrolle", "\u017Fubprocessor", "SUB-PROCESSOR", "SUB-PROCEſſOR",
	"ÄNDERUNG DER VERFÜGBARKEIT", "Verfügbarkeit", "VERFÜGBARKEIT", "\xffart 33\xfe", "art 33",
	"Muster GmbH, Weg 1, 12345 Berlin", "innerhalb von 24 STUNDEN", "ab 12 abc3 xabc 4", "FOOBARx foo barfoo",
	"1 h 123 tage 12tage", "xx xxx axx XXX_", "abef CDEF cdef abcdef", "Stand: Mai 2020", "\u017Ftand: Mai 2020",
	"x\nstand: 1", "1.2 Verschlüsselung", "ÉCOLE école", "İnsert", "Anlage 3 und ANNEX IV", "_annex 2",
	"binnen zwei (2) Tagen, 24 h", "this is a list: an ist", "data: categories of data", "Änderung\nxx stand",
	"transfers all data to you", "transfer any data to the", "ANLAGE 2 gilt 3 Tage", "xxa_xx ab", "Gerichtsstand ist für München zuständig", "a@b.de", "REDACTED", " 12. ",
	"a\nb c", "Kelvin \u212Aelvin",
	"controller (name):\n\n---\n", " \t> data exporter:\n", "Controller:\n\n", "\u017FTAND 1", "\u00c9COLE x", "ÉCOLE",
	"\ue000\ud7ffkelvin", "\U00010000x", "\xed\x9f\xbfx", "b", "xxb", "ab",
	"„Auftragnehmer“ und der Sub-Processor", "–owner: x", "Inh. Müller, –INHABER", "xAuftragnehmer Controller\xff",
	"éfoo ééfoo xxbar1 afoo", "Xkontrolle éStand ſtand", "stellen stelle. Stelle",
}

// corpusLines returns the lines of a few documents of the shared corpus,
// when it is present.
func corpusLines(t testing.TB) []string {
	files, _ := filepath.Glob("../../../shared/corpus/*/*.txt")
	if len(files) > 6 {
		files = files[:6]
	}
	var out []string
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, strings.Split(string(raw), "\n")...)
	}
	return out
}

// TestSound checks every method against package regexp.
func TestSound(t *testing.T) {
	all := append(append([]string(nil), texts...), corpusLines(t)...)
	for _, e := range shapes {
		r := prefilter.MustCompile(e)
		for _, s := range all {
			if err := prefiltertest.Check(r, s); err != nil {
				t.Error(err)
			}
		}
	}
}

// TestCompile checks that Compile reports bad syntax as package regexp
// does, and MustCompile does no work before first use.
func TestCompile(t *testing.T) {
	_, err := prefilter.Compile(`x(`)
	_, want := regexp.Compile(`x(`)
	if err == nil || err.Error() != want.Error() {
		t.Errorf("Compile(`x(`): %v, want %v", err, want)
	}
	r := prefilter.MustCompile(`y(`) // not used: no panic
	if r.String() != `y(` {
		t.Errorf("String() = %q", r.String())
	}
}

// TestCaseForms checks what the soundness argument relies on: a
// case-insensitive rune matches exactly its unicode.SimpleFold orbit, and
// İ, which lower-cases to "i", is not in the orbit of "i".
func TestCaseForms(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if unicode.SimpleFold(r) == r || r == utf8.RuneError {
			continue
		}
		re := regexp.MustCompile(`(?i)` + regexp.QuoteMeta(string(r)))
		for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
			if !re.MatchString(string(f)) {
				t.Errorf("(?i)%c does not match %c", r, f)
			}
		}
		if u := unicode.ToUpper(r); u != r && !inOrbit(r, u) && re.MatchString(string(u)) {
			t.Errorf("(?i)%c matches %c outside its orbit", r, u)
		}
	}
	if regexp.MustCompile(`(?i)i`).MatchString("\u0130") {
		t.Error("(?i)i matches İ")
	}
}

func inOrbit(r, x rune) bool {
	for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
		if f == x {
			return true
		}
	}
	return x == r
}

// FuzzRegexp checks every method against package regexp, for fuzzed texts
// and the expression shapes.
func FuzzRegexp(f *testing.F) {
	for _, s := range texts {
		f.Add(s)
	}
	var res []*prefilter.Regexp
	for _, e := range shapes {
		res = append(res, prefilter.MustCompile(e))
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, r := range res {
			if err := prefiltertest.Check(r, s); err != nil {
				t.Fatal(err)
			}
		}
	})
}

// FuzzExpr checks fuzzed expressions, with and without PreferPrefix, on
// fuzzed texts.
func FuzzExpr(f *testing.F) {
	for i, e := range shapes {
		f.Add(e, texts[i%len(texts)])
	}
	f.Fuzz(func(t *testing.T, expr, s string) {
		if len(expr) > 200 {
			return
		}
		r, err := prefilter.Compile(expr)
		if err != nil {
			return
		}
		if err := prefiltertest.Check(r, s); err != nil {
			t.Fatal(err)
		}
		r, _ = prefilter.Compile(expr, prefilter.PreferPrefix)
		if err := prefiltertest.Check(r, s); err != nil {
			t.Fatal(err)
		}
	})
}

func TestWords(t *testing.T) {
	few := prefilter.NewWords("hour", "tag", "", "tag")
	many := prefilter.NewWords("stund", "std", "hour", "hrs", "tag", "day", "woch", "week", "monat", "month", "jahr")
	tests := []struct {
		w    *prefilter.Words
		s    string
		want bool
	}{
		{few, "within 24 hours", true},
		{few, "binnen drei arbeitstagen", true},
		{few, "unverzüglich", false},
		{few, "", false},
		{many, "innerhalb von zwei wochen", true},
		{many, "within one month", true},
		{many, "unverzüglich nach kenntnis", false},
		{many, "mon", false},
		{prefilter.NewWords(), "anything", false},
	}
	for _, tt := range tests {
		if got := tt.w.In(tt.s); got != tt.want {
			t.Errorf("%v.In(%q) = %v, want %v", tt.w, tt.s, got, tt.want)
		}
		want := false
		for _, w := range tt.w.List() {
			want = want || strings.Contains(tt.s, w)
		}
		if got := tt.w.In(tt.s); got != want {
			t.Errorf("%v.In(%q) = %v, strings.Contains says %v", tt.w, tt.s, got, want)
		}
	}
}

// TestWordsNext checks that Next visits every offset at which a word
// starts, against strings.HasPrefix at every offset.
func TestWordsNext(t *testing.T) {
	texts := []string{"within 24 hours, binnen drei arbeitstagen, innerhalb von zwei wochen", "hourhourtagtag", "std", "", "jahrjahr monatmonth"}
	for _, w := range []*prefilter.Words{
		prefilter.NewWords("hour", "tag"),
		prefilter.NewWords("stund", "std", "hour", "hrs", "tag", "day", "woch", "week", "monat", "month", "jahr"),
		prefilter.NewWords("t", "ta", "tag"),
		prefilter.NewWords(),
	} {
		for _, s := range texts {
			var want, got []int
			for i := range len(s) {
				for _, l := range w.List() {
					if strings.HasPrefix(s[i:], l) {
						want = append(want, i)
						break
					}
				}
			}
			for i := w.Next(s, 0); i >= 0; i = w.Next(s, i+1) {
				got = append(got, i)
			}
			if !slices.Equal(got, want) {
				t.Errorf("%v in %q: Next visits %v, want %v", w, s, got, want)
			}
		}
	}
}

// TestLiterals checks that every match of an expression holds an offset
// Literals reports, also when the caller skips ahead, so that parts of a
// text without one may be skipped.
func TestLiterals(t *testing.T) {
	texts := []string{
		"Der Auftragnehmer löscht die Daten. Nach Ende des Auftrags gibt er sie zurück.",
		"The processor shall notify the controller without undue delay; Art. 33 GDPR applies.",
		"ÜBERMITTLUNG in Drittländer (Art. 44 ff. DSGVO) nur auf Weisung. Weisungen, Instructions.",
		"",
	}
	exprs := []string{`\bdaten\b`, `(?i)weisung|instruction`, `art\.\s*3[23]`, `(?i)\bdrittl[äa]nd`, `^der`,
		`notify .{0,20}controller`, `[a-z]+`, `(?i)weisung|instruction|daten|übermittlung|processor|auftrag`}
	for _, e := range exprs {
		r := prefilter.MustCompile(e)
		pl := regexp.MustCompile(e)
		for _, s := range texts {
			for _, step := range []int{1, 5} {
				var offs []int
				ok := r.Literals(s, func(p int) int { offs = append(offs, p); return p + 1 })
				if !ok {
					continue
				}
				if !slices.IsSorted(offs) {
					t.Errorf("%q on %q: offsets %v not ascending", e, s, offs)
				}
				for _, m := range pl.FindAllStringIndex(s, -1) {
					k, _ := slices.BinarySearch(offs, m[0])
					if k == len(offs) || offs[k] >= max(m[1], m[0]+1) {
						t.Errorf("%q on %q: match %v holds no offset of %v", e, s, m, offs)
					}
				}
				// Skipping ahead: every offset reported lies at or
				// after the offset asked for.
				last := -1
				r.Literals(s, func(p int) int {
					if p < last {
						t.Errorf("%q on %q: offset %d before %d", e, s, p, last)
					}
					last = p + step
					return last
				})
			}
		}
	}
}
