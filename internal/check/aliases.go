package check

import (
	"regexp"
	"strings"
	"unicode"
)

// Parties named by the contract's own definitions. Vendor-written DPAs put
// obligations on the processor by its name ("Infracost shall notify
// Customer …") after defining it once: 'Infracost Inc. ("Infracost", "we",
// "us")', 'Acme Ltd (the "Processor")', 'Acme GmbH (hereinafter "Acme")
// acts as processor', "Acme is the Processor". aliases reads such
// definitions (English wording) and maps the defined short name to the role
// the definition gives it; the actor finder of that document then treats
// the name as a party word.

// aliasDef finds a quoted short name in parentheses with what follows the
// closing parenthesis: `("Infracost", "we" or "us")`, `(the "Supplier")`,
// `(hereinafter "Acme")`.
var aliasDef = regexp.MustCompile(`\(((?:[^()"“”]{0,30}["“”][^"“”()]{1,40}["“”][^()"“”]{0,12}){1,5})\)([^.;\n(]{0,60})`)

// quoted finds the quoted names inside a definition.
var quoted = regexp.MustCompile(`["“”]([^"“”]{1,40})["“”]`)

// roleStatement finds "Acme is the processor", "Acme acts as a data
// processor", "Acme, as processor," at the start of a sentence or clause.
var roleStatement = regexp.MustCompile(`(?:^|[.;:\n]\s*|\bthat\s+)([A-Z][\p{L}0-9&-]{2,30})(?:,)?\s+(?:is|shall be|will be|acts as|shall act as|will act as|act as|as)\s+(?:a|an|the)?\s*(?i:data\s+)?((?i:processor|controller|service provider|supplier|vendor))\b`)

// aliases returns the short names the text defines for the parties, in
// lower case, with their role. Names that are already party words, or that
// the text defines for both roles, are left out.
func (f *actorFinder) aliases(text string) map[string]Party {
	if f.german {
		return nil
	}
	out := map[string]Party{}
	conflict := map[string]bool{}
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
	for _, m := range aliasDef.FindAllStringSubmatch(text, -1) {
		inner, after := m[1], strings.ToLower(m[2])
		var names []string
		role := Nobody
		for _, q := range quoted.FindAllStringSubmatch(inner, -1) {
			w := strings.ToLower(strings.TrimSpace(q[1]))
			if p := f.party[w]; p != Nobody {
				if role != Nobody && role != p {
					role = -1 // both roles: no definition of one party
				} else if role != -1 {
					role = p
				}
				continue
			}
			if properName(q[1]) {
				names = append(names, q[1])
			}
		}
		if role == Nobody {
			role = f.roleAfter(after)
		}
		if role != Processor && role != Controller {
			continue
		}
		for _, n := range names {
			set(n, role)
		}
	}
	for _, m := range roleStatement.FindAllStringSubmatch(text, -1) {
		if !properName(m[1]) {
			continue
		}
		role := Processor
		if strings.EqualFold(m[2], "controller") {
			role = Controller
		}
		set(m[1], role)
	}
	if len(out) == 0 {
		if name := f.voice(text); name != "" {
			out[name] = Processor
		}
	}
	return out
}

// subjectName finds a capitalised word before a modal verb at the start of
// a sentence or line: "Infracost shall", "Acme will".
var subjectName = regexp.MustCompile(`(?:^|[.;:!?]\s+|\n\s*|,\s+)([A-Z][\p{L}0-9&-]{2,30})\s+(?:shall|will|must|may|agrees|undertakes|warrants|represents)\b`)

// voice names the processor of a vendor-written DPA that defines no short
// name: the capitalised name that most often carries the contract's
// obligations as subject ("Infracost shall …", "Infracost will …") — at
// least three times and twice as often as any other name.
func (f *actorFinder) voice(text string) string {
	count := map[string]int{}
	for _, m := range subjectName.FindAllStringSubmatch(text, -1) {
		w := strings.ToLower(m[1])
		if f.party[w] != Nobody || !properName(m[1]) || f.subordinators[w] || determiners[w] {
			continue
		}
		count[w]++
	}
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
var contractTerms = set("agreement dpa addendum services service data affiliate affiliates party parties term " +
	"effective clauses schedule annex appendix exhibit order platform software products product documentation " +
	"instructions instruction breach incident subprocessor sub-processor subprocessors sub-processors personnel " +
	"user users group transfer transfers laws law gdpr ccpa scc sccs terms policy account content " +
	// Words that open sentences and name nobody.
	"this that these those which who whom what each either neither such there here its they their then " +
	"where when whenever unless upon all any both none nothing notwithstanding except subject without")

// withAliases returns a copy of the finder that also knows the document's
// defined party names; the finder itself is shared and stays unchanged.
func (f *actorFinder) withAliases(names map[string]Party) *actorFinder {
	if len(names) == 0 {
		return f
	}
	g := *f
	g.party = make(map[string]Party, len(f.party)+len(names))
	g.processor = make(map[string]bool, len(f.processor)+len(names))
	g.controller = make(map[string]bool, len(f.controller)+len(names))
	for w, p := range f.party {
		g.party[w] = p
	}
	for w := range f.processor {
		g.processor[w] = true
	}
	for w := range f.controller {
		g.controller[w] = true
	}
	for w, p := range names {
		g.party[w] = p
		if p == Processor {
			g.processor[w] = true
		} else {
			g.controller[w] = true
		}
	}
	return &g
}
