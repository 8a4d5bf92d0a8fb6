package extract

import (
	"strings"

	"github.com/art28/art28/internal/model"
)

// letterFile is the letter section of parties.yaml.
type letterFile struct {
	Openings        []string `yaml:"openings"`
	AddresseeLeads  []string `yaml:"addressee_leads"`
	Subject         []string `yaml:"subject"`
	SenderProcesses []string `yaml:"sender_processes"`
	SenderInstructs []string `yaml:"sender_instructs"`
}

// letterReadings reads the parties of a contract written as a letter:
// the sender (a line "Muster GmbH · Weg 1 · 12345 Ort" or a letterhead
// block) and the addressee (the next block with an address) before the
// salutation ("Sehr geehrte Frau …"). The letter's voice gives the roles:
// "wir verarbeiten … nur nach Ihren Weisungen" makes the sender the
// processor, "nach unseren Weisungen" the controller; with both or
// neither, or without a word that makes the letter a processing
// agreement, it reads nothing.
func (x *extractor) letterReadings() []partyReading {
	lk := x.k.party.letter
	open := -1
	for i, ln := range x.lines {
		if i > 30 || ln.start > 3000 {
			break
		}
		low := x.lower[ln.start:ln.end]
		for _, o := range lk.Openings {
			if strings.HasPrefix(low, o+" ") || strings.HasPrefix(low, o+",") {
				open = i
				break
			}
		}
		if open >= 0 {
			break
		}
	}
	if open < 2 {
		return nil
	}
	// The blocks before the salutation, split at blank lines.
	var blocks [][]line
	var cur []line
	for i := 0; i < open; i++ {
		ln := x.lines[i]
		if i > 0 && strings.Count(x.text[x.lines[i-1].end:ln.start], "\n") > 1 && len(cur) > 0 {
			blocks = append(blocks, cur)
			cur = nil
		}
		cur = append(cur, ln)
	}
	if len(cur) > 0 {
		blocks = append(blocks, cur)
	}
	var addr [][]line
	for _, b := range blocks {
		has := false
		for _, l := range b {
			if x.letterAddress(l.text) {
				has = true
			}
		}
		if has {
			addr = append(addr, b)
		}
	}
	if len(addr) == 0 || len(addr) > 2 || addr[0][0].start != x.lines[0].start {
		// The sender's block opens the letter, the addressee's follows.
		return nil
	}
	if len(addr) == 1 && !x.k.cue("party_roles").In(x.lower[x.lines[open].start:x.lines[open].end]) {
		// A letter without an addressee's block names its addressee
		// only in the salutation ("Dear Customer,"): the sender alone is
		// read; another salutation ("Dear Ms Brown,") reads nothing.
		return nil
	}
	body := x.lower[x.lines[open].start:]
	if !containsAny(x.lower[:min(len(x.lower), x.lines[open].start+2000)], lk.Subject) {
		return nil
	}
	processes, instructs := containsAny(body, lk.SenderProcesses), containsAny(body, lk.SenderInstructs)
	if processes == instructs {
		return nil
	}
	sender := x.partyFromLines(addr[0], false)
	sr, ar := "processor", "controller"
	if instructs {
		sr, ar = ar, sr
	}
	if len(addr) == 1 {
		if sender.party == nil {
			return nil
		}
		sender.role, sender.at, sender.src = sr, addr[0][0].start, "letter"
		return []partyReading{sender}
	}
	to := addr[1]
	for len(to) > 0 && containsWord(lk.AddresseeLeads, strings.ToLower(strings.TrimSpace(to[0].text))) {
		to = to[1:]
	}
	addressee := x.partyFromLines(to, false)
	if sender.party == nil || addressee.party == nil {
		return nil
	}
	sender.role, sender.at, sender.src = sr, addr[0][0].start, "letter"
	addressee.role, addressee.at, addressee.src = ar, to[0].start, "letter"
	return []partyReading{sender, addressee}
}

// letterAddress reports whether a line of a letter's head holds a
// postcode: German and other numeric ones before the town, or one of
// the formats of countries.yaml that need no language ("Leeds LS1
// 4AP").
func (x *extractor) letterAddress(t string) bool {
	if rePostcodeCity.MatchString(t) {
		return true
	}
	for _, p := range x.k.postcodes {
		if p.DefaultLang == "" && p.re.MatchString(t) {
			return true
		}
	}
	return false
}

// containsAny reports whether s contains one of the phrases.
func containsAny(s string, phrases []string) bool {
	for _, p := range phrases {
		if strings.Contains(s, p) {
			return true
		}
	}
	return false
}

// containsWord reports whether ws holds w.
func containsWord(ws []string, w string) bool {
	for _, x := range ws {
		if x == w {
			return true
		}
	}
	return false
}

// ownVoiceFile is the own_voice section of parties.yaml.
type ownVoiceFile struct {
	Processes []string `yaml:"processes"`
	Instructs []string `yaml:"instructs"`
	WeAre     []string `yaml:"we_are"`
	Greetings []string `yaml:"greetings"`
	Imprint   []string `yaml:"imprint"`
	Register  []string `yaml:"register"`
	MadeFor   []string `yaml:"made_for"`
	NotAppos  []string `yaml:"apposition_not_after"`
}

// reStatedRoleAny is a role stated after a party word in any role word of
// parties.yaml: "Der Landkreis ist Auftraggeber", "The University is the
// Controller".
var reStatedRoleAny = lazyRegexp(`^\s+(?:is|acts as|shall act as|ist|handelt als|bleibt)\s+(?:the\s+|a\s+|its\s+|der\s+|die\s+)?([\p{L}-]+(?:\s+[\p{L}-]+)?)`)

// letterheadParty returns the other party of a contract whose controller
// is named only in the letterhead above its title: a first block of two
// to six lines with an address and no title, role label or legal form
// of the processor ("Handwerkskammer Weserbergland / Körperschaft des
// öffentlichen Rechts / Ostertorstraße 17, 31785 Hameln"), whose head
// word (its first word: "Handwerkskammer", "Landkreis", "University")
// the text uses again as the party that gives instructions ("im Auftrag
// des Landkreises", "on the University's documented instructions",
// "Weisungen der Kammer" after "Die Handwerkskammer wird nachfolgend
// „Kammer“ … genannt") or whose role it states ("Der Landkreis ist
// Auftraggeber", "The University is the Controller"). A law firm's or
// the vendor's own letterhead names no party: its head word is not used
// so. Nil otherwise.
func (x *extractor) letterheadParty(known *model.Party) *model.Party {
	if known == nil || len(x.lines) < 3 || len(x.lower) != len(x.text) || x.lines[0].start > 0 {
		return nil
	}
	pk := x.k.party
	var block []line
	hasAddr := false
	for i, ln := range x.lines {
		if i > 0 && strings.Count(x.text[x.lines[i-1].end:ln.start], "\n") > 1 {
			break
		}
		low := x.lower[ln.start:ln.end]
		if i >= 6 || x.hasTitleWord(low) || pk.roleRe.MatchString(ln.text) {
			return nil
		}
		if x.letterAddress(ln.text) {
			hasAddr = true
		}
		block = append(block, ln)
	}
	if len(block) < 2 || !hasAddr {
		return nil
	}
	r := x.partyFromLines(block, false)
	if r.party == nil || r.party.Evidence == nil || r.party.Evidence.Start >= block[0].end || sameKey(vendorKey(pk, r.party.Name), known.Key) {
		return nil
	}
	head, _, _ := strings.Cut(r.party.Name, " ")
	lh := strings.ToLower(head)
	if len(lh) < 4 || pk.article[lh] || nameStop[lh] || pk.legalRe.MatchString(" "+r.party.Name+" ") && !x.bodyWord(lh) {
		return nil
	}
	if _, isRole := pk.role[lh]; isRole {
		return nil
	}
	words := []string{lh}
	if s := x.definedAs(lh, block[len(block)-1].end); s != "" {
		words = append(words, s)
	}
	role := ""
	for _, w := range words {
		if x.givesInstructions(w) {
			role = "controller"
		}
		if sr := x.statedRoleAny(w, block[len(block)-1].end); sr != "" {
			if role != "" && role != sr {
				return nil
			}
			role = sr
		}
	}
	if role != "controller" {
		return nil
	}
	o := *r.party
	o.Key = vendorKey(pk, o.Name)
	return &o
}

// bodyWord reports whether a letterhead's head word names a body, not a
// firm: generic words of parties.yaml ("stadt", "landkreis",
// "universität") stand before a name without a legal form.
func (x *extractor) bodyWord(lw string) bool { return x.k.party.generic[lw] }

// definedAs returns the short name the text defines for the party it
// names by the head word w after offset from ("Die Handwerkskammer wird
// nachfolgend „Kammer“ … genannt", "the University (the "Institution")"):
// the first quoted word after "nachfolgend"/"im Folgenden"/"hereinafter"
// within 60 bytes of w in the same sentence, lower case; "" when none.
func (x *extractor) definedAs(w string, from int) string {
	low := x.lower
	for at := from; at < len(low); {
		i := strings.Index(low[at:], w)
		if i < 0 {
			return ""
		}
		at += i + len(w)
		seg := low[at:min(len(low), at+60)]
		if j := strings.IndexAny(seg, ".\n"); j >= 0 {
			seg = seg[:j]
		}
		k := -1
		for _, o := range []string{"nachfolgend", "im folgenden", "hereinafter"} {
			if j := strings.Index(seg, o); j >= 0 && (k < 0 || j < k) {
				k = j
			}
		}
		if k < 0 {
			continue
		}
		rest := seg[k:]
		q := -1
		for j := 0; j < len(rest); j++ {
			if n := quoteLen(rest, j); n > 0 {
				q = j + n
				break
			}
		}
		if q < 0 {
			continue
		}
		e := q
		for e < len(rest) && (asciiWordByte(rest[e]) || rest[e] >= 0x80 && quoteLen(rest, e) == 0) {
			e++
		}
		if e-q >= 3 {
			return rest[q:e]
		}
	}
	return ""
}

// statedRoleAny returns the role the text states for the party word w
// after offset from, in any role word ("Der Landkreis ist Auftraggeber",
// "The University is the Controller"): "" when none or both.
func (x *extractor) statedRoleAny(w string, from int) string {
	low := x.lower
	role := ""
	for at := from; at < len(low); {
		i := strings.Index(low[at:], w)
		if i < 0 {
			break
		}
		at += i + len(w)
		if at < len(low) && (asciiWordByte(low[at]) || low[at] >= 0x80) {
			continue
		}
		m := reStatedRoleAny().FindStringSubmatch(low[at:min(len(low), at+60)])
		if m == nil {
			continue
		}
		r, ok := x.k.party.role[m[1]]
		if !ok {
			f, _, _ := strings.Cut(m[1], " ")
			r, ok = x.k.party.role[f]
		}
		if !ok || r != "processor" && r != "controller" {
			continue
		}
		if role != "" && role != r {
			return ""
		}
		role = r
	}
	return role
}
