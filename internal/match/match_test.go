package match

import (
	"fmt"
	"os"
	"regexp"
	"sort"
	"strings"
	"testing"
)

func index(sents ...string) *Index {
	text := strings.Join(sents, "\n")
	var spans []Span
	off := 0
	for _, s := range sents {
		spans = append(spans, Span{off, off + len(s)})
		off += len(s) + 1
	}
	return NewIndex(text, spans)
}

func members(b Bits) []int {
	var out []int
	b.Each(func(i int) { out = append(out, i) })
	return out
}

func TestTerms(t *testing.T) {
	ix := index(
		"The Processor shall allow for and contribute to audits.",     // 0
		"Der Auftragnehmer hat die Daten zu löschen.",                 // 1
		"Die Datenlöschung erfolgt nach Vertragsende.",                // 2
		"The processor will make all information available.",          // 3
		"Unterstützung bei den Pflichten aus Art. 32 bis 36 DSGVO.",   // 4
		"Assist with Articles 33 to 36 of the GDPR.",                  // 5
		"gemäß Artt. 28 Abs. 3 lit. c, 32 DSGVO",                      // 6
		"Rechte nach Kapitel III DSGVO; Art. 12 ff. DSGVO.",           // 7
		"sub-processor and controller’s rights",                       // 8
		"Pflichten aus den Artikeln 32 bis 36 der DS-GVO",             // 9
		"Einhaltung der in Artt. 33 bis 36 DSGVO genannten Pflichten", // 10
		"bei Meldepflichten (Art. 33/34 DSGVO)",                       // 11
		"Articles 30, and 32 through 36 of GDPR",                      // 12
	)
	tests := []struct {
		term string
		want []int
	}{
		{"audits", []int{0}},
		{"audit*", []int{0}},
		{"lösch*", []int{1}},
		{"*löschung", []int{2}},
		{"*lösch*", []int{1, 2}},
		{"allow for", []int{0}},
		{"make ... available", []int{3}},
		{"art:32", []int{4, 6, 9, 12}},
		{"art:33", []int{4, 5, 9, 10, 11, 12}},
		{"art:34", []int{4, 5, 9, 10, 11, 12}},
		{"art:36", []int{4, 5, 9, 10, 12}},
		{"art:28", []int{6}},
		{"art:29", nil},
		{"art:30", []int{12}},
		{"art:31", nil},
		{"art:15", []int{7}},
		{"art:22", []int{7}},
		{"sub-processor", []int{8}},
		{"controller", []int{8}},
		{"re:art\\. 32 bis", []int{4}},
		{"einhaltung ... pflichten", nil},
		{"einhaltung .... pflichten", []int{10}},
		{"unterstützung ... pflichten", []int{4}},
		// Cores shorter than the two bytes words are bucketed by.
		{"s*", []int{0, 8}},
		{"*r", []int{0, 1, 3, 5, 8, 9, 10, 12}},
		{"*ü*", []int{4}},
		{"*s", []int{0, 4, 5, 6, 8, 9, 10, 12}},
		{"c", []int{6}},
		{"*processor", []int{0, 3, 8}},
		{"co*", []int{0, 8}},
		{"*er", []int{1, 8, 9, 10}},
		{"rights*", []int{8}},
		{"re:nothing here", nil},
		{"re:(?i)ART\\.", []int{4, 7, 11}},
		// Terms are split at apostrophes as the text is.
		{"controller's rights", []int{8}},
		{"controller’s", []int{8}},
		{"processor's", nil},
	}
	for _, tt := range tests {
		got := members(ix.Term(tt.term))
		sort.Ints(got)
		if !equal(got, tt.want) {
			t.Errorf("Term(%q) = %v, want %v", tt.term, got, tt.want)
		}
	}
}

func equal(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestTokenizeBrokenWords(t *testing.T) {
	tests := []struct{ in, want string }{
		{"the proces- sing of data", "the processing of data"},
		{"any Sub- processor", "any sub-processor"},
		{"pre- and post-processing", "pre and post-processing"},
		{"Daten- und Auftragsverarbeitung", "daten und auftragsverarbeitung"},
		{"term - such", "term such"},
		{"Data Con- troller", "data controller"},
	}
	for _, tt := range tests {
		var got []string
		for _, tk := range Tokenize(tt.in, 0, len(tt.in)) {
			if tk.Start < 0 || int(tk.End) > len(tt.in) || tk.Start >= tk.End {
				t.Fatalf("%q: token %q has bad offsets %d-%d", tt.in, tk.Text, tk.Start, tk.End)
			}
			got = append(got, tk.Text)
		}
		if strings.Join(got, " ") != tt.want {
			t.Errorf("%q: got %q, want %q", tt.in, strings.Join(got, " "), tt.want)
		}
	}
}

func TestTokenizePossessive(t *testing.T) {
	in := "the controller’s data, processor's staff, customer‘s data"
	toks := Tokenize(in, 0, len(in))
	var got []string
	for _, tk := range toks {
		s := tk.Text
		if tk.Possessive {
			s += "+pos"
		}
		if tk.Comma {
			s = "," + s
		}
		got = append(got, s)
	}
	want := "the controller+pos s data ,processor+pos s staff ,customer+pos s data"
	if strings.Join(got, " ") != want {
		t.Errorf("got %q, want %q", strings.Join(got, " "), want)
	}
}

func BenchmarkNewIndex(b *testing.B) {
	s := strings.Repeat("The processor shall assist the controller with Articles 32 to 36 GDPR. ", 2000)
	spans := []Span{}
	for off := 0; off < len(s); off += 72 {
		spans = append(spans, Span{off, min(len(s), off+71)})
	}
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		NewIndex(s, spans)
	}
}

func TestVocabulary(t *testing.T) {
	v := newVocabulary(1)
	ids := map[string]int32{}
	for i := range 5000 {
		w := fmt.Sprintf("Wort%dÄ", i)
		got, id := v.add(w)
		if want := strings.ToLower(w); got != want {
			t.Fatalf("add(%q) = %q, want %q", w, got, want)
		}
		ids[got] = id
	}
	for w, id := range ids {
		if _, again := v.add(strings.ToUpper(w)); again != id {
			t.Errorf("add(upper %q) = id %d, want %d", w, again, id)
		}
		if got, ok := v.id(w); !ok || got != id {
			t.Errorf("id(%q) = %d, %v, want %d", w, got, ok, id)
		}
	}
	if _, ok := v.id("absent"); ok {
		t.Error("id found an absent word")
	}
	if len(v.words) != 5000 {
		t.Errorf("%d words, want 5000", len(v.words))
	}
}

// BenchmarkNewIndexCorpus indexes a real contract of the shared corpus,
// one sentence per line.
func BenchmarkNewIndexCorpus(b *testing.B) {
	data, err := os.ReadFile("../../../shared/corpus/en-dpa/online-001.txt")
	if err != nil {
		b.Skip("shared corpus not present")
	}
	s := string(data)
	var spans []Span
	off := 0
	for _, l := range strings.SplitAfter(s, "\n") {
		spans = append(spans, Span{off, off + len(strings.TrimRight(l, "\n"))})
		off += len(l)
	}
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		NewIndex(s, spans).Release()
	}
}

// TestIndexTokensRoundTrip checks that the index gives back the tokens
// Tokenize finds: tokens longer than 64 KiB, words broken at a line end,
// words whose lower-cased form is shorter or longer than they are ("İ",
// "ẞ", the Kelvin sign), and the tokens of a text too large for the
// buffer pool (whose token array is cut to size).
func TestIndexTokensRoundTrip(t *testing.T) {
	long := strings.Repeat("x", 70000)
	big := strings.Repeat("The Processor's staff (sub- processors) of İSTANBUL; e-mail. ", 1<<14)
	for _, text := range []string{
		"The Processor's staff, sub- processor: e-mail; Ärger " + long + " end.\nSecond (sentence) here’s it.",
		"İSTANBUL and Straẞe\n\u212Aelvin, proces- sing İi ẞ\nplain words only",
		big + "\n" + big,
	} {
		var spans []Span
		off := 0
		for _, line := range strings.SplitAfter(text, "\n") {
			spans = append(spans, Span{off, off + len(strings.TrimSuffix(line, "\n"))})
			off += len(line)
		}
		ix := NewIndex(text, spans)
		for i, sp := range spans {
			want := Tokenize(text, sp.Start, sp.End)
			got := ix.Tokens(i)
			if len(got) != len(want) {
				t.Fatalf("sentence %d: %d tokens, want %d", i, len(got), len(want))
			}
			for k := range want {
				g, w := got[k], want[k]
				if g.Text != w.Text || g.Start != w.Start || g.End != w.End || g.Comma != w.Comma || g.Possessive != w.Possessive {
					t.Errorf("sentence %d token %d: got %+v, want %+v", i, k, g, w)
				}
			}
		}
		ix.Release()
	}
}

// TestRegexTermCandidates checks that regex terms, which try only the
// sentences the vocabulary or a literal scan points to, find the same
// sentences as the expression run on every sentence.
func TestRegexTermCandidates(t *testing.T) {
	text := "Types of Data: names. The DURATION is one year. Sub- processors: none.\n" +
		"Art. 28 Abs. 3 lit. e DSGVO gilt. Categories-of data are listed; part 28 is not.\n" +
		"Die betroffenen Personen: Kunden. Leitet er weiter? Purposes of the processing are set out."
	var spans []Span
	for _, s := range strings.SplitAfter(text, ".") {
		if n := len(spans); n == 0 {
			spans = append(spans, Span{0, len(s)})
		} else {
			spans = append(spans, Span{spans[n-1].End, spans[n-1].End + len(s)})
		}
	}
	exprs := []string{`\b(?:categor(?:y|ies)|types?) of data(?:$|[^ s]| [^s]| s[^u])`, `duration[^.;]{0,40}(?::| is )`,
		`\bart(ikel|\.)?\s*28\s*(abs\.?|absatz)\s*3\b`, `\bleite[nt]?\b.*\bweiter\b`, `(?:purpose|nature)s?(?: of [a-z ]{0,30})?(?::| is | are )`,
		`^[^\pL]{0,8}(die )?betroffene(n)?( personen)?\s*:\s*\pL`, `sub-? ?processors`, `\(4\)|abs`, `(?i)dsgvo`}
	ix := NewIndex(text, spans)
	lower := ix.Lower()
	for _, e := range exprs {
		got := ix.Term("re:" + e)
		re := regexp.MustCompile(e)
		for i, sp := range spans {
			if want := re.MatchString(lower[sp.Start:sp.End]); got.Has(i) != want {
				t.Errorf("%q, sentence %d %q: got %v, want %v", e, i, text[sp.Start:sp.End], got.Has(i), want)
			}
		}
	}
}

// TestInfixMatches checks the search of the joined vocabulary against
// testing every word, for cores at the first and last word, cores
// occurring twice in a word and cores spanning two words.
func TestInfixMatches(t *testing.T) {
	text := "Löschung lösch gelöscht. Processor processors subprocessor. Ababab ab. Zeta"
	ix := NewIndex(text, []Span{{0, 24}, {25, 59}, {60, 70}, {71, len(text)}})
	defer ix.Release()
	for _, core := range []string{"lösch", "proc", "ab", "bab", "zeta", "a", "ta", "löschungl", "s\nl", "", "x"} {
		got := ix.NewBits()
		ix.infixMatches(core, got)
		want := ix.NewBits()
		for id, w := range ix.words {
			if strings.Contains(w, core) {
				want.Set(id)
			}
		}
		for id := range ix.words {
			if got.Has(id) != want.Has(id) {
				t.Errorf("core %q, word %q: got %v, want %v", core, ix.words[id], got.Has(id), want.Has(id))
			}
		}
	}
}

// TestArticles checks the articles each sentence refers to, kept as one
// list of references for the whole text.
func TestArticles(t *testing.T) {
	ix := index(
		"Assist with Articles 33 to 35 of the GDPR.",
		"No reference here.",
		"gemäß Art. 28 Abs. 3 und Art. 32 DSGVO; Art. 28 again",
	)
	defer ix.Release()
	for i, want := range []string{"map[33:true 34:true 35:true]", "map[]", "map[28:true 32:true]"} {
		if got := fmt.Sprint(ix.Articles(i)); got != want {
			t.Errorf("sentence %d: articles %s, want %s", i, got, want)
		}
	}
	if ix.Articles(1) != nil {
		t.Errorf("sentence 1: a set for no articles")
	}
}

// TestForgetTerms checks that a large index answers terms alike after
// forgetting them, and that a small one keeps its sets.
func TestForgetTerms(t *testing.T) {
	for _, n := range []int{10, slabChunk/4*64 + 100} {
		sents := make([]string, n)
		for i := range sents {
			sents[i] = fmt.Sprintf("processor %d", i%7)
		}
		sents[n-1] = "the controller audits"
		ix := index(sents...)
		before := members(ix.Term("controller"))
		ix.ForgetTerms()
		cached := ix.cache[Register("controller")] != nil
		if after := members(ix.Term("controller")); fmt.Sprint(after) != fmt.Sprint(before) || len(after) != 1 {
			t.Errorf("%d sentences: %v after forgetting, %v before", n, after, before)
		}
		if large := n > slabChunk/4*64; cached == large {
			t.Errorf("%d sentences: term set kept %v", n, cached)
		}
		ix.Release()
	}
}

// TestIndexAliased: words read as others are found by the other's terms,
// keep their own offsets, and a text without them is indexed as before.
func TestIndexAliased(t *testing.T) {
	aliases := [][]string{{"dir", "ihnen"}, {"deine", "ihre"}, {"du", "sie"}}
	tests := []struct {
		text, term string
		want       bool
		as, token  string // a token read as as spans token in the text
	}{
		{"Wir sagen dir Bescheid.", "sagen wir ihnen", false, "ihnen", "dir"},
		{"Dann sagen wir dir Bescheid.", "sagen wir ihnen", true, "ihnen", "dir"},
		{"Wir handeln nur auf deine Weisung.", "ihre weisung", true, "ihre", "deine"},
		{"Wenn der Vertrag endet, entscheidest Du.", "entscheidest sie", true, "sie", "Du"},
		{"Wir handeln nur auf Ihre Weisung.", "ihre weisung", true, "ihre", "Ihre"},
		{"Die Direktion entscheidet.", "ihnen", false, "", ""},
	}
	for _, tt := range tests {
		ix := NewIndexAliased(tt.text, []Span{{0, len(tt.text)}}, aliases)
		if got := ix.Term(tt.term).Has(0); got != tt.want {
			t.Errorf("%q: term %q %v, want %v", tt.text, tt.term, got, tt.want)
		}
		found := tt.as == ""
		for _, tok := range ix.Tokens(0) {
			if tok.Text == tt.as {
				found = true
				if s := tt.text[tok.Start:tok.End]; s != tt.token {
					t.Errorf("%q: token %q spans %q, want %q", tt.text, tt.as, s, tt.token)
				}
			}
		}
		if !found {
			t.Errorf("%q: no token %q", tt.text, tt.as)
		}
		if ix.Aliased() != (tt.as != "" && tt.as != strings.ToLower(tt.token)) {
			t.Errorf("%q: Aliased %v", tt.text, ix.Aliased())
		}
		ix.Release()
	}
}

// TestOccursWord: a phrase's exact word occurs exactly when its own term
// has sentences, also for a word every token of which is read as another
// (NewIndexAliased keeps it in the vocabulary without postings).
func TestOccursWord(t *testing.T) {
	aliases := [][]string{{"dir", "ihnen"}, {"du", "sie"}}
	texts := []string{
		"Wir sagen dir Bescheid. Du entscheidest.",
		"Wir sagen Ihnen Bescheid, Sie entscheiden.",
		"The processor shall notify the controller.",
		"",
	}
	words := []string{"dir", "ihnen", "du", "sie", "wir", "processor", "controller", "notify", "absent", "bescheid"}
	for _, text := range texts {
		spans := []Span{{0, len(text)}}
		if i := strings.IndexByte(text, '.'); i > 0 && i+1 < len(text) {
			spans = []Span{{0, i + 1}, {i + 2, len(text)}}
		}
		for _, al := range [][][]string{nil, aliases} {
			ix := NewIndexAliased(text, spans, al)
			for _, w := range words {
				p := phraseWord(w)
				want := !ix.TermByID(Register(w)).Empty()
				if got := ix.occursWord(&p); got != want {
					t.Errorf("%q (aliases %v): occursWord(%q) = %v, want %v", text, al != nil, w, got, want)
				}
			}
			ix.Release()
		}
	}
}

// TestArticleRangeWords: ranges written "up to and including" (translated
// Dutch "tot en met") and "bis einschließlich" take in every article of
// the range; "up to" a number of days is no range.
func TestArticleRangeWords(t *testing.T) {
	ix := index(
		"The Processor assists with Articles 32 up to and including 36 GDPR.", // 0
		"Unterstützung bei Art. 32 bis einschließlich 34 DSGVO.",              // 1
		"Article 32 applies; notice within up to 36 hours.",                   // 2
	)
	for term, want := range map[string][]int{
		"art:32": {0, 1, 2},
		"art:34": {0, 1},
		"art:35": {0},
		"art:36": {0},
	} {
		got := members(ix.Term(term))
		sort.Ints(got)
		if !equal(got, want) {
			t.Errorf("Term(%q) = %v, want %v", term, got, want)
		}
	}
}
