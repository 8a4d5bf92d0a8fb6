package extract

import (
	"strings"
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
}
