package extract

import (
	"sort"
	"strings"

	"github.com/art28/art28/internal/model"
)

// accessionCue is one entry of accession in parties.yaml: "tritt … als
// Verantwortlicher bei", "accedes to … as controller".
type accessionCue struct {
	Verb      string   `yaml:"verb"`
	As        string   `yaml:"as"`
	End       string   `yaml:"end"`
	Leads     []string `yaml:"leads"`
	NotInRole []string `yaml:"not_in_role"`
}

// accessionReadings reads the companies that join the contract by a
// declaration of their own ("Beitrittserklärung: Die X GmbH, …, tritt der
// Rahmenvereinbarung als Tochtergesellschaft und Verantwortlicher bei",
// "Deed of accession: X Limited, … hereby accedes to the Agreement as an
// Acceding Company and controller"), with the role the declaration
// names. Trusted like a signature block: a party of the head comes first.
func (x *extractor) accessionReadings() []partyReading {
	var out []partyReading
	// A declaration of accession stands after the contract's body, as
	// signature blocks do: the second half of the text is read.
	for _, c := range x.k.party.accession {
		v := " " + c.Verb + " "
		for off := len(x.lower) / 2; off < len(x.lower); {
			i := strings.Index(x.lower[off:], v)
			if i < 0 {
				break
			}
			at := off + i
			off = at + len(v)
			k := sort.Search(len(x.lines), func(j int) bool { return x.lines[j].end > at })
			if k == len(x.lines) || x.lines[k].start > at {
				continue
			}
			if r, ok := x.accessionAt(x.lines[k], at+1-x.lines[k].start, c); ok {
				out = append(out, r)
			}
		}
	}
	return out
}

// accessionAt reads one declaration: ln holds the verb at byte vi.
func (x *extractor) accessionAt(ln line, vi int, c accessionCue) (partyReading, bool) {
	low := x.lower[ln.start:ln.end]
	if len(low) != len(ln.text) {
		return partyReading{}, false
	}
	// The sentence after the verb.
	rest := ln.text[vi+len(c.Verb):]
	lrest := low[vi+len(c.Verb):]
	end := len(lrest)
	if j := strings.Index(lrest, ". "); j >= 0 {
		end = j
	}
	sent := strings.TrimRight(lrest[:end], " .")
	// The role: the last "als"/"as" of the sentence, then at most six
	// words, the last a role word, then the end word.
	if c.End != "" {
		if !strings.HasSuffix(sent, " "+c.End) {
			return partyReading{}, false
		}
		sent = sent[:len(sent)-len(c.End)-1]
	}
	ai := strings.LastIndex(sent, " "+c.As+" ")
	if ai < 0 {
		return partyReading{}, false
	}
	ws := strings.Fields(strings.Trim(sent[ai+len(c.As)+2:], " ,;:"))
	if len(ws) == 0 || len(ws) > 6 {
		return partyReading{}, false
	}
	for _, w := range ws {
		for _, n := range c.NotInRole {
			if w == n || strings.HasPrefix(w, n+"-") {
				return partyReading{}, false
			}
		}
	}
	role := x.k.party.role[strings.Trim(ws[len(ws)-1], "\"“”„'")]
	if role != "processor" && role != "controller" {
		return partyReading{}, false
	}
	// The company: before the verb ("Die X GmbH, Weg 1, 12345 Ort, tritt
	// …"), or after it up to the contract's noun ("Hiermit tritt die X
	// gGmbH, Weg 1, 12345 Ort, dem Rahmenvertrag …").
	seg, base := ln.text[:vi], 0
	lseg := strings.TrimRight(low[:vi], " ,")
	for _, l := range c.Leads {
		if strings.HasSuffix(lseg, " "+l) || lseg == l {
			lseg = strings.TrimRight(strings.TrimSuffix(lseg, l), " ,")
		}
	}
	seg = seg[:len(lseg)]
	if loc := x.k.party.legalRe.FindStringSubmatchIndex(seg + " "); loc != nil {
		// "By signing below, X Ltd (company number …) of …": the name
		// starts where the walk back from its legal form stops.
		if st := x.walkBack(seg, loc[2]); st > 0 && st < loc[2] {
			seg, base = seg[st:], st
		}
	} else {
		base = vi + len(c.Verb)
		seg = rest[:ai]
		// Cut at the last comma before a lower-case word (the contract:
		// ", dem Rahmenvertrag", ", to the Agreement").
		for j := len(seg) - 2; j > 0; j-- {
			if seg[j] == ',' && seg[j+1] == ' ' && j+2 < len(seg) && seg[j+2] >= 'a' && seg[j+2] <= 'z' {
				seg = seg[:j]
				break
			}
		}
		lseg = strings.ToLower(seg)
		for _, l := range c.Leads {
			if t := strings.TrimLeft(lseg, " "); strings.HasPrefix(t, l+" ") {
				cut := len(lseg) - len(t) + len(l)
				seg, base, lseg = seg[cut:], base+cut, lseg[cut:]
			}
		}
	}
	if strings.TrimSpace(seg) == "" {
		return partyReading{}, false
	}
	r := x.partyFromLines([]line{{start: ln.start + base, end: ln.start + base + len(seg), text: seg}}, false)
	if r.party == nil || x.k.party.legalRe.FindStringIndex(" "+r.party.Name) == nil {
		return partyReading{}, false
	}
	r.role, r.at, r.src = role, ln.start, "signature"
	return r, true
}

// accessionOther returns the other party of a contract a company joined
// by accession (known, read from accs): the one company the head defines
// by a short name, with a legal form, unless the text has it give the
// instructions or states it has the acceding party's role.
func (x *extractor) accessionOther(accs []partyReading, shorts map[string]partyReading, known *model.Party, role string) *model.Party {
	acceded := false
	for _, r := range accs {
		if r.party != nil && r.role == otherRole(role) && sameKey(vendorKey(x.k.party, r.party.Name), known.Key) {
			acceded = true
		}
	}
	if !acceded {
		return nil
	}
	var one *partyReading
	for _, sr := range shorts {
		if sr.party == nil || sr.short == "" || !x.formalName(sr.party.Name) {
			continue
		}
		k := vendorKey(x.k.party, sr.party.Name)
		if sameKey(k, known.Key) {
			continue
		}
		if one != nil && !sameKey(vendorKey(x.k.party, one.party.Name), k) {
			return nil // two companies: which is the other party is not said
		}
		if one == nil || sr.short < one.short {
			c := sr
			one = &c
		}
	}
	if one == nil {
		return nil
	}
	if st := x.statedRole(one.short); st != "" && st != role {
		return nil
	}
	if role == "processor" && x.givesInstructions(strings.ToLower(one.short)) {
		return nil
	}
	return x.namedParty(*one)
}

// streetAsName reports whether a name read for a party is a street with
// its house number ("5 Whiteladies Road", "Hauptstraße 12a"): the
// street_types of parties.yaml after a leading number, or a word ending in
// one before a closing number.
func (x *extractor) streetAsName(name string) bool {
	f := strings.Fields(name)
	if len(f) < 2 || len(f) > 5 {
		return false
	}
	houseNo := func(w string) bool {
		w = strings.TrimRight(w, ",")
		n := 0
		for n < len(w) && w[n] >= '0' && w[n] <= '9' {
			n++
		}
		return n > 0 && n <= 4 && len(w)-n <= 1 && (n == len(w) || w[n] >= 'a' && w[n] <= 'z')
	}
	pk := x.k.party
	if houseNo(f[0]) && pk.streetTyp[strings.ToLower(f[len(f)-1])] {
		return true
	}
	if houseNo(f[len(f)-1]) {
		lw := strings.ToLower(f[len(f)-2])
		for t := range pk.streetTyp {
			if len(t) >= 4 && strings.HasSuffix(lw, t) {
				return true
			}
		}
	}
	return false
}
