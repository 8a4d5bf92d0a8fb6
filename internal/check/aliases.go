package check

import (
	"github.com/art28/art28/internal/lexicon"
	"iter"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/art28/art28/internal/match"
)

// Parties named by the contract's own definitions. Vendor-written DPAs put
// obligations on the processor by its name ("Infracost shall notify
// Customer …") after defining it once: 'Infracost Inc. ("Infracost", "we",
// "us")', 'Acme Ltd (the "Processor")', 'Acme GmbH (hereinafter "Acme")
// acts as processor', "Acme is the Processor". aliases reads such
// definitions (English wording) and maps the defined short name to the role
// the definition gives it; the actor finder of that document then treats
// the name as a party word.

// aliases returns the short names the text defines for the parties, in
// lower case, with their role; sents(words) yields the tokens of each
// sentence, at least its first words ones (the slice may be reused between
// sentences: aliases keeps none of it).
// Names that are already party words, or that the text defines for both
// roles, are left out.
func (f *actorFinder) aliases(text string, sents func(words int) iter.Seq[[]match.Token]) map[string]Party {
	if f.german {
		return nil
	}
	out := map[string]Party{}
	conflict := map[string]bool{}
	// defined holds the names the text defines in quotes, with or
	// without a role: ("the Agency") makes "The Agency shall …" a name.
	defined := map[string]bool{}
	set := func(name string, p Party) {
		name = strings.ToLower(strings.TrimSpace(name))
		if name == "" || strings.ContainsAny(name, " \t") || f.party[name] != Nobody || conflict[name] {
			return
		}
		if q, ok := out[name]; ok && q != p {
			delete(out, name)
			conflict[name] = true
			return
		}
		out[name] = p
	}
	// Definitions in parentheses: ("Infracost", "we" or "us"), (the
	// "Supplier"), (hereinafter "Acme") acts as processor.
	for i := 0; i < len(text); {
		k := strings.IndexByte(text[i:], '(')
		if k < 0 {
			break
		}
		open := i + k
		i = open + 1
		closeAt := strings.IndexAny(text[open+1:min(len(text), open+161)], "()\n")
		if closeAt < 0 || text[open+1+closeAt] != ')' {
			continue
		}
		inner := text[open+1 : open+1+closeAt]
		if !strings.ContainsAny(inner, "\"“”") {
			continue
		}
		after := text[open+2+closeAt : min(len(text), open+2+closeAt+60)]
		if cut := strings.IndexAny(after, ".;\n("); cut >= 0 {
			after = after[:cut]
		}
		var names []string
		role := Nobody
		for _, q := range quotedNames(inner) {
			q = withoutArticle(q)
			w := strings.ToLower(q)
			if p := f.party[w]; p != Nobody {
				if role != Nobody && role != p {
					role = -1 // both roles: no definition of one party
				} else if role != -1 {
					role = p
				}
				continue
			}
			if properName(q) {
				names = append(names, q)
				defined[w] = true
			}
		}
		if role == Nobody {
			role = f.roleAfter(strings.ToLower(after))
		}
		if role != Processor && role != Controller {
			continue
		}
		for _, n := range names {
			set(n, role)
		}
	}
	// "Acme is the processor", "Acme acts as a data processor"; and the
	// names that open sentences as subjects of modal verbs, for voice.
	voices := map[string]int{}
	// Without names defined in quotes, roleStatement reads no name after a
	// leading phrase, and the first shortAliasWords words suffice.
	words := aliasWords
	if len(defined) == 0 {
		words = shortAliasWords
	}
	for toks := range sents(words) {
		if n, p := f.roleStatement(text, toks, defined); n != "" {
			set(n, p)
		}
		f.countVoice(text, toks, voices, defined)
	}
	if len(out) == 0 {
		if name := voice(voices); name != "" {
			out[name] = Processor
		}
	}
	return out
}

// aliasWords is how many tokens of a sentence the alias reader needs:
// countVoice reads at most six words after the list labels that open it;
// roleStatement also reads a defined name after a leading phrase ("For
// the purposes of the General Data Protection Regulation (EU) 2016/679
// ("GDPR"), the Sponsor is the controller"), which the first 32 words
// hold.
const aliasWords = 32

// shortAliasWords is how many tokens of a sentence the alias reader needs
// when the text defines no names in quotes: roleAt reads at most six words
// from the name, which opens the sentence after its list labels.
const shortAliasWords = 16

// sentenceTokens yields the tokens of every sentence in turn, for aliases,
// in one reused slice: the index keeps compact tokens, and building full
// Tokens for all sentences at once would cost several bytes per input
// byte. Only the first words tokens are built unless more than a few
// list labels open the sentence (then all of them), which gives aliases
// the same results as the whole sentence.
func (in *Input) sentenceTokens(words int) iter.Seq[[]match.Token] {
	return func(yield func([]match.Token) bool) {
		var toks []match.Token
		for i := range in.Sentences {
			toks = in.Index.AppendTokenPrefix(toks[:0], i, words)
			k := 0
			for k < len(toks)-1 && isListLabel(toks[k].Text) {
				k++
			}
			if k > words-8 {
				toks = in.Index.AppendTokens(toks[:0], i)
			}
			if !yield(toks) {
				return
			}
		}
	}
}

// quotedNames returns the texts between pairs of double quotes.
func quotedNames(s string) []string {
	var out []string
	for {
		a := strings.IndexAny(s, "\"“”")
		if a < 0 {
			return out
		}
		s = s[a+len(string([]rune(s[a:])[0])):]
		b := strings.IndexAny(s, "\"“”")
		if b < 0 {
			return out
		}
		if q := strings.TrimSpace(s[:b]); q != "" && len(q) <= 40 {
			out = append(out, q)
		}
		s = s[b+len(string([]rune(s[b:])[0])):]
	}
}

// withoutArticle strips a leading English article from a defined name:
// "the Agency" is defined as "Agency".
func withoutArticle(q string) string {
	for _, a := range []string{"the ", "The ", "THE "} {
		if rest, ok := strings.CutPrefix(q, a); ok {
			return strings.TrimSpace(rest)
		}
	}
	return q
}

// capitalised reports a token written with a capital first letter.
func capitalised(text string, t match.Token) bool {
	r, _ := utf8.DecodeRuneInString(text[t.Start:t.End])
	return unicode.IsUpper(r)
}

// roleVerbs open a role statement after a name: "Acme is the processor".
var roleVerbs = lexicon.Set("role_verbs")

// roleStatement reads "Acme is the processor", "Acme acts as a data
// processor", "Acme shall act as processor" at the start of a sentence,
// and the same of a name the text defines in quotes anywhere in it: "The
// parties agree that the Client is the controller and the Agency is the
// processor".
func (f *actorFinder) roleStatement(text string, toks []match.Token, defined map[string]bool) (string, Party) {
	k := 0
	for k < len(toks)-1 && isListLabel(toks[k].Text) {
		k++
	}
	if n, p := f.roleAt(text, toks, k); n != "" {
		return n, p
	}
	for i := k + 1; i+2 < len(toks); i++ {
		// roleAt reads only a capitalised name: test that before the map.
		if capitalised(text, toks[i]) && defined[toks[i].Text] {
			if n, p := f.roleAt(text, toks, i); n != "" {
				return n, p
			}
		}
	}
	return "", Nobody
}

// roleAt reads a role statement whose name is the token at k.
func (f *actorFinder) roleAt(text string, toks []match.Token, k int) (string, Party) {
	if k+2 >= len(toks) || !capitalised(text, toks[k]) {
		return "", Nobody
	}
	j := k + 2
	switch {
	case roleVerbs[toks[k+1].Text]:
	case (toks[k+1].Text == "shall" || toks[k+1].Text == "will") && (toks[k+2].Text == "be" || toks[k+2].Text == "act"):
		j = k + 3
	default:
		return "", Nobody
	}
	name := text[toks[k].Start:toks[k].End]
	if !properName(name) {
		return "", Nobody
	}
	for j < len(toks) && j < k+6 && (toks[j].Text == "as" || toks[j].Text == "a" || toks[j].Text == "an" || toks[j].Text == "the" || toks[j].Text == "its" || toks[j].Text == "their" || toks[j].Text == "data") {
		j++
	}
	if j >= len(toks) || toks[j].Possessive {
		return "", Nobody
	}
	switch toks[j].Text {
	case "processor", "supplier", "vendor":
		return name, Processor
	case "controller":
		return name, Controller
	}
	return "", Nobody
}

// countVoice counts the capitalised name that opens the sentence toks as
// the subject of a modal verb ("Infracost shall …", "Infracost will …"),
// if any; a name the text defines in quotes may have its article ("The
// Agency shall …").
func (f *actorFinder) countVoice(text string, toks []match.Token, count map[string]int, defined map[string]bool) {
	k := 0
	for k < len(toks)-1 && isListLabel(toks[k].Text) {
		k++
	}
	if k+2 < len(toks) && toks[k].Text == "the" && defined[toks[k+1].Text] {
		k++
	}
	if k+1 >= len(toks) || !enModals[toks[k+1].Text] || !capitalised(text, toks[k]) {
		return
	}
	w := toks[k].Text
	if f.party[w] != Nobody || f.subordinators[w] || determiners[w] || !properName(text[toks[k].Start:toks[k].End]) {
		return
	}
	count[w]++
}

// voice names the processor of a vendor-written DPA that defines no short
// name from the counts of countVoice: the name that most often opens a
// sentence as the subject of a modal verb — at least three times and
// twice as often as any other name.
func voice(count map[string]int) string {
	best, second := "", 0
	for w, n := range count {
		switch {
		case best == "" || n > count[best] || n == count[best] && w < best:
			if best != "" {
				second = max(second, count[best])
			}
			best = w
		default:
			second = max(second, n)
		}
	}
	if best == "" || count[best] < 3 || count[best] < 2*second {
		return ""
	}
	return best
}

// roleAfter reads a role from the words after a definition: `("Acme")
// acts as processor`, `("Acme") as the data processor`.
func (f *actorFinder) roleAfter(after string) Party {
	words := strings.FieldsFunc(after, func(r rune) bool { return !unicode.IsLetter(r) && r != '-' })
	for i, w := range words {
		if i > 6 {
			break
		}
		// "("Acme"), and the entity named as the client" introduces
		// the other party: a role after "and" or "or" is not Acme's.
		if w == "and" || w == "or" {
			return Nobody
		}
		if p := f.party[w]; p != Nobody && w != "we" && w != "you" {
			// "as", "is", "acts as" must come first: "(\"Acme\") and
			// the Customer" names no role for Acme.
			for _, v := range words[:i] {
				if v == "as" || v == "is" || v == "acts" || v == "act" || v == "being" {
					return p
				}
			}
			return Nobody
		}
	}
	return Nobody
}

// properName reports a single capitalised word that can be a company's
// short name ("Infracost", "AcmeCloud"), not a defined term of the contract
// such as "Agreement" or "Services".
func properName(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" || strings.ContainsAny(s, " \t") {
		return false
	}
	r := []rune(s)
	if !unicode.IsUpper(r[0]) || len(r) < 2 {
		return false
	}
	return !contractTerms[strings.ToLower(s)]
}

// contractTerms are capitalised defined terms that name no party.
var contractTerms = lexicon.Set("contract_terms")

// Reversed voice. A controller that writes to its supplier speaks as "we"
// and addresses the processor as "you": '"we", "us" and "our" mean the
// Trust, which is the controller, and "you" and "your" mean Brightframe
// Ltd, which is the processor'; "We are the controller and you are our
// processor". reversedVoice reads such a statement; Prepare then swaps the
// two pronouns' party words for that document. Both roles must be stated,
// so a vendor's "you are the controller and we are your processor" (the
// usual voice) never reverses.

// reversedVoice reports whether the text, in lower case, names "we" the
// controller and "you" the processor.
func reversedVoice(lower string) bool {
	return pronounRole(lower, "we") == Controller && pronounRole(lower, "you") == Processor
}

// pronounRole returns the role the text first gives the pronoun p (lower
// case): a statement "p are (the/our/your) (data) controller|processor" or
// a quoted definition of p followed, within the same clause and before
// the other pronoun is defined, by a role word.
func pronounRole(lower, p string) Party {
	for i := 0; i < len(lower); {
		k := strings.Index(lower[i:], p)
		if k < 0 {
			return Nobody
		}
		at := i + k
		i = at + len(p)
		if at > 0 && isWordByte(lower[at-1]) || i < len(lower) && isWordByte(lower[i]) {
			continue
		}
		quoted := at > 0 && strings.ContainsAny(lower[at-1:at], "\"”“") ||
			at >= 3 && (lower[at-3:at] == "“" || lower[at-3:at] == "”")
		rest := lower[i:min(len(lower), i+160)]
		if !quoted {
			// "we are the controller", "you act as our processor".
			if !strings.HasPrefix(rest, " are ") && !strings.HasPrefix(rest, " act ") && !strings.HasPrefix(rest, " will ") {
				continue
			}
			words := strings.Fields(rest)
			j := 0
			if j < len(words) && (words[j] == "are" || words[j] == "act" || words[j] == "will") {
				j++
				for j < len(words) && j < 5 && (words[j] == "act" || words[j] == "be" || words[j] == "as" || words[j] == "the" || words[j] == "our" || words[j] == "your" || words[j] == "a" || words[j] == "data") {
					j++
				}
				if j < len(words) && j > 1 {
					if r := roleWord(words[j]); r != Nobody {
						return r
					}
				}
			}
			continue
		}
		// A quoted definition: the first role word in the clause, unless
		// another quoted pronoun comes first.
		if cut := strings.IndexAny(rest, ";.\n"); cut >= 0 {
			rest = rest[:cut]
		}
		o := "you"
		if p == "you" {
			o = "we"
		}
		for _, q := range []string{"\"" + o + "\"", "“" + o + "”"} {
			if n := strings.Index(rest, q); n >= 0 {
				rest = rest[:n]
			}
		}
		c, q := strings.Index(rest, "controller"), strings.Index(rest, "processor")
		switch {
		case c >= 0 && (q < 0 || c < q):
			return Controller
		case q >= 0:
			return Processor
		}
	}
	return Nobody
}

// roleWord maps "controller" and "processor" (with trailing punctuation)
// to their party.
func roleWord(w string) Party {
	w = strings.TrimRight(w, ",.;:)\"”")
	switch w {
	case "controller":
		return Controller
	case "processor":
		return Processor
	}
	return Nobody
}

// isWordByte reports an ASCII letter or digit.
func isWordByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9'
}
