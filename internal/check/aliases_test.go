package check

import (
	"fmt"
	"iter"
	"slices"
	"strings"
	"testing"

	"github.com/art28/art28/internal/catalog"
	"github.com/art28/art28/internal/document"
	"github.com/art28/art28/internal/match"
	"github.com/art28/art28/internal/segment"
)

func TestAliases(t *testing.T) {
	f := newActorFinder(catalog.Default(), "en")
	tests := []struct {
		text string
		want map[string]Party
	}{
		{`Infracost Inc. ("Infracost", "we", "us" or "our") and the customer ("Customer", "you").`, map[string]Party{"infracost": Processor}},
		{`This DPA is between Acme Corp. (the "Customer") and Infracost Ltd (hereinafter "Infracost") which acts as processor.`, map[string]Party{"infracost": Processor}},
		{`Northwind GmbH (hereinafter "Northwind") acts as the data controller.`, map[string]Party{"northwind": Controller}},
		{`Caelex is the Processor. Caelex will store the data in Germany.`, map[string]Party{"caelex": Processor}},
		{`Globex Ltd ("Globex", "Supplier") shall provide the services.`, map[string]Party{"globex": Processor}},
		// A defined term that names no party, and a name defined for both
		// roles, are not aliases.
		{`the master agreement (the "Agreement", "we") between the parties.`, map[string]Party{}},
		{`Acme ("Acme", "Customer") and Acme ("Acme", "Processor").`, map[string]Party{}},
		{`This is the controller's decision. Which is the processor?`, map[string]Party{}},
		// A name in parentheses without a role.
		{`Amazon Web Services ("AWS") hosts the platform.`, map[string]Party{}},
		// Vendor voice without definitions: the name that carries the
		// obligations.
		{"Infracost will host the data in the EU.\nInfracost shall keep records.\nInfracost will train its staff.\nAWS will store backups.", map[string]Party{"infracost": Processor}},
		{"Infracost will host the data.\nAWS will store backups.\nAWS will encrypt them.", map[string]Party{}},
		// Defined terms with their article: a role statement inside the
		// sentence, and the voice of "The Agency shall …".
		{"Brightline Ltd (\"the Agency\") and the client (\"the Client\").\nThe parties agree that the Client is the controller and the Agency is the processor.", map[string]Party{"agency": Processor}},
		{"Brightline Ltd (\"the Agency\") and the client.\nThe Agency shall keep records.\nThe Agency shall train its staff.\nThe Agency will encrypt the data.", map[string]Party{"agency": Processor}},
		{"The Board shall keep records.\nThe Board shall meet.\nThe Board will decide.", map[string]Party{}},
		{"The master agreement (the \"Agreement\").\nThe Agreement shall apply.\nThe Agreement shall prevail.\nThe Agreement will end.", map[string]Party{}},
		{"The parties agree that the Board is the controller.", map[string]Party{}},
		// A role after "and" belongs to the other party of the head.
		{`Lioncrest Pte. Ltd. ("Lioncrest"), and the entity named as the client in the Order Form ("Client").`, map[string]Party{}},
		{`Acme Ltd ("Acme"), acting as processor, and the entity named as the client ("Client").`, map[string]Party{"acme": Processor}},
	}
	for _, tt := range tests {
		doc := document.ParseText("t.txt", "text", tt.text)
		var toks [][]match.Token
		for _, s := range segment.Split(doc) {
			toks = append(toks, match.Tokenize(doc.Text, s.Start, s.End))
		}
		got := f.aliases(doc.Text, func(int) iter.Seq[[]match.Token] { return slices.Values(toks) })
		if fmt.Sprint(got) != fmt.Sprint(tt.want) && !(len(got) == 0 && len(tt.want) == 0) {
			t.Errorf("%q: aliases %v, want %v", tt.text, got, tt.want)
		}
	}
}

// TestAliasActor checks that a defined name carries obligations as the
// processor, and that the shared finder is not changed by one document.
func TestAliasActor(t *testing.T) {
	ch := New(catalog.Default())
	text := "Infracost Inc. (\"Infracost\", \"we\") and the customer (\"Customer\").\n\nInfracost shall notify Customer without undue delay."
	doc := document.ParseText("t.txt", "text", text)
	in := ch.Prepare(doc, segment.Split(doc), "en")
	if got := in.Actor(len(in.Sentences) - 1); got != Processor {
		t.Errorf("actor of %q: %v, want processor", text, got)
	}
	if ch.actors["en"].party["infracost"] != Nobody {
		t.Error("a document's alias leaked into the shared actor finder")
	}
}

func FuzzAliases(f *testing.F) {
	af := newActorFinder(catalog.Default(), "en")
	f.Add(`Infracost Inc. ("Infracost", "we") acts as processor.`)
	f.Add(`(“”)(""")("a" "b")`)
	f.Fuzz(func(t *testing.T, s string) {
		for name, p := range af.aliases(s, func(int) iter.Seq[[]match.Token] { return slices.Values([][]match.Token{match.Tokenize(s, 0, len(s))}) }) {
			if p != Processor && p != Controller || name == "" {
				t.Fatalf("alias %q with role %v", name, p)
			}
		}
	})
}

func TestReversedVoice(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{`In this letter "we", "us" and "our" mean Northfield Trust, which is the controller, and "you" and "your" mean Brightframe Ltd, which is the processor.`, true},
		{`We are the controller of the pupils' data and you are our processor.`, true},
		{`“We” means the Council (the controller); “you” means the contractor, who acts as processor.`, true},
		// The usual vendor voice, and texts that state only one role.
		{`You are the controller of that data and we are your processor.`, false},
		{`Quillbox B.V. ("Quillbox", "we", "us") acts as processor for the customer ("you"), the controller.`, false},
		{`We are the controller of your account data.`, false},
		{`Thank you for agreeing to provide the services. We will send you the schedule.`, false},
	}
	for _, tt := range tests {
		if got := reversedVoice(strings.ToLower(tt.text)); got != tt.want {
			t.Errorf("reversedVoice(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

func TestReversedVoiceActor(t *testing.T) {
	text := "In this letter \"we\" means the Trust, which is the controller, and \"you\" means Brightframe Ltd, which is the processor.\nYou must tell us straight away if an instruction infringes the law.\nWe may audit you once a year."
	doc := document.ParseText("t.txt", "text", text)
	ch := New(catalog.Default())
	in := ch.Prepare(doc, segment.Split(doc), "en")
	n := len(in.Sentences)
	if n < 3 {
		t.Fatalf("%d sentences", n)
	}
	if got := in.Actor(n - 2); got != Processor {
		t.Errorf("actor of the \"You must tell us\" sentence: %v, want processor", got)
	}
	if got := in.Actor(n - 1); got != Controller {
		t.Errorf("actor of the \"We may audit you\" sentence: %v, want controller", got)
	}
	if ch.actors["en"].party["you"] != Controller {
		t.Error("the reversed voice leaked into the shared actor finder")
	}
}
