package match

import (
	"math/rand/v2"
	"reflect"
	"regexp"
	"regexp/syntax"
	"strings"
	"testing"
)

func TestNeeds(t *testing.T) {
	tests := []struct {
		expr string
		want [][]string
	}{
		{`(?:data|categories)[^:;.]{0,30}:`, [][]string{{"data", "categories"}, {":"}}},
		{`\b(?:categor(?:y|ies)|types?) of data(?:$|[^ s])`, [][]string{{"categor", "type"}, {" of data"}}},
		{`duration[^.;]{0,40}(?::| is | are )`, [][]string{{"duration"}, {":", "is ", "are "}}},
		{`(?:a|b?)c`, [][]string{{"c"}}},
		{`(?i)data`, nil},
		{`x*`, nil},
		{`(?:ab){2,3}`, [][]string{{"ab"}, {"ab"}}},
	}
	for _, tt := range tests {
		tree, err := syntax.Parse(tt.expr, syntax.Perl)
		if err != nil {
			t.Fatal(err)
		}
		if got := needs(tree.Simplify()); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("needs(%q) = %q, want %q", tt.expr, got, tt.want)
		}
	}
}

// TestRegexSound checks that skipping by the needed literals never loses a
// match package regexp finds.
func TestRegexSound(t *testing.T) {
	exprs := []string{
		`(?:data|categories)[^:;.]{0,30}:`,
		`\b(?:categor(?:y|ies)|types?) of data(?:$|[^ s]| [^s]| s[^u])`,
		`(?:purpose|nature)s?(?: of [a-z ]{0,30})?(?::| is | are | shall be )`,
		`^[^\pL]{0,8}(die )?betroffene(n)? personen?( (&|und) [\pL-]+)?\W*$`,
	}
	texts := []string{
		"categories of data: names", "data subjects; data:", "types of data", "types of datasets",
		"the purpose is x", "nature of the processing: y", "purposes", "betroffene personen", "1. die betroffenen personen:",
		"", "data", ":", "categories of data subjects", "category of data",
	}
	for _, e := range exprs {
		r := compileRegex(e)
		plain := regexp.MustCompile(e)
		for _, s := range texts {
			if got, want := r.MatchString(s), plain.MatchString(s); got != want {
				t.Errorf("%q on %q: %v, want %v", e, s, got, want)
			}
		}
	}
}

// TestRegexTermSentences compares regexp terms with package regexp run on
// every lower-cased sentence, including literals that cross a sentence
// boundary or lie between sentences.
func TestRegexTermSentences(t *testing.T) {
	text := "Categories of data: names. Data subjects; data\n:x types of data. Nature of data: one. " +
		"Between: Art. 28 Abs. 3 lit. e und f DSGVO. The party is 28 years. type of datasets."
	var spans []Span
	start := 0
	for i := 0; i < len(text); i++ {
		if text[i] == '.' {
			spans = append(spans, Span{Start: start, End: i + 1})
			start = i + 2
		}
	}
	spans[2].Start += 3 // leave a gap between sentences
	exprs := []string{
		`(?:data|categories)[^:;.]{0,30}:`,
		`\b(?:categor(?:y|ies)|types?) of data(?:$|[^ s]| [^s]| s[^u])`,
		`(?:purpose|nature)s?(?: of [a-z ]{0,30})?(?::| is | are | shall be )`,
		`\bart(ikel|\.)?\s*28\s*(abs\.?|absatz)\s*3\b[^;]{0,24}?\b(lit\.?|buchst\.?|buchstabe)\s*(e\s*(und|,|bis|-)\s*)?f\b`,
		`s\. t`,
		`a`,
	}
	ix := NewIndex(text, spans)
	lower := ix.Lower()
	hits := 0
	for _, e := range exprs {
		plain := regexp.MustCompile(e)
		got := ix.Term("re:" + e)
		for i, sp := range spans {
			if want := plain.MatchString(lower[sp.Start:sp.End]); got.Has(i) != want {
				t.Errorf("%q, sentence %d %q: %v, want %v", e, i, lower[sp.Start:sp.End], got.Has(i), want)
			} else if want {
				hits++
			}
		}
	}
	if hits < 6 {
		t.Errorf("only %d matches: the text no longer exercises the terms", hits)
	}
}

// TestPossibleManyNeeds: a set of more than manyNeeds literals, sought in
// one pass, rules a text in or out as seeking each literal does.
func TestPossibleManyNeeds(t *testing.T) {
	e := `\b(?:notify|tell|inform|contact|write to|alert|warn|advise|reach out to|call)\b[^.;]{0,60}\b(?:families|parents|individuals|pupils|patients|clients|customers|people|persons|users)\b`
	r := compileRegex(e)
	if len(r.needs) == 0 || r.needSets == nil {
		t.Fatalf("%q: needs %q, no set sought in one pass", e, r.needs)
	}
	big := 0
	for k, set := range r.needs {
		if len(set) > manyNeeds {
			big++
			if r.needSets[k] == nil {
				t.Errorf("set %q not sought in one pass", set)
			}
		}
	}
	if big == 0 {
		t.Fatalf("%q: no set of more than %d literals: %q", e, manyNeeds, r.needs)
	}
	possible := func(s string) bool { // the literal-by-literal test
		for _, set := range r.needs {
			found := false
			for _, l := range set {
				found = found || strings.Contains(s, l)
			}
			if !found {
				return false
			}
		}
		return true
	}
	plain := regexp.MustCompile(e)
	words := []string{"we", "will", "notify", "tell", "the", "families", "parents", "users", "call", "alert", "a", ".", ";", "reach out to", "people", "noti", "fy", "persons", "write", "to"}
	rng := rand.New(rand.NewPCG(1, 2))
	matched, ruledOut := 0, 0
	for range 3000 {
		var b strings.Builder
		for range rng.IntN(12) {
			b.WriteString(words[rng.IntN(len(words))])
			if rng.IntN(4) > 0 {
				b.WriteByte(' ')
			}
		}
		s := b.String()
		if got, want := r.possible(s), possible(s); got != want {
			t.Fatalf("possible(%q) = %v, want %v", s, got, want)
		}
		if plain.MatchString(s) && !r.possible(s) {
			t.Fatalf("%q matches but is ruled out", s)
		}
		if got, want := r.MatchString(s), plain.MatchString(s); got != want {
			t.Fatalf("MatchString(%q) = %v, want %v", s, got, want)
		}
		if plain.MatchString(s) {
			matched++
		}
		if !possible(s) {
			ruledOut++
		}
	}
	if matched < 100 || ruledOut < 100 {
		t.Errorf("%d texts match, %d are ruled out: the texts no longer exercise the test", matched, ruledOut)
	}
}
