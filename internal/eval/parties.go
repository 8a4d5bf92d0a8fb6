package eval

import (
	"strings"

	"github.com/art28/art28/internal/model"
)

// partyOutcome is how one role of one document scores.
type partyOutcome int

const (
	partyUnnamed partyOutcome = iota // neither labelled nor reported
	partyRight
	partyWrong
	partyMissed
)

// scoreParty compares the reported party of one role with the labelled
// name as the acceptance tool does: a name is right when its key (letters,
// including äöüß, and digits in lower case) starts with the label's or the
// label's with it; a name reported where the labels name nobody, or a
// different name, is wrong; no name where the labels name one is missed.
func scoreParty(want string, got *model.Party) partyOutcome {
	switch {
	case got == nil && want == "":
		return partyUnnamed
	case got == nil:
		return partyMissed
	case want != "" && namesMatch(umlautKey(got.Name), umlautKey(want)):
		return partyRight
	default:
		return partyWrong
	}
}

// namesMatch reports whether two non-empty name keys agree: one is a
// prefix of the other.
func namesMatch(got, want string) bool {
	return got != "" && want != "" && (strings.HasPrefix(got, want) || strings.HasPrefix(want, got))
}
