package extract

import (
	"strings"
	"testing"

	"github.com/art28/art28/internal/model"
)

// TestHold12enDefinitions covers the definitions added on branch hold12en:
// an unquoted "(the Practice)" closing a party line, quoted short names
// between dashes or from a dash to the line's end, and a quoted term
// followed by "which expression shall …" — and the near misses they must
// leave alone.
func TestHold12enDefinitions(t *testing.T) {
	tests := []partyCase{
		{name: "unquoted term closing a party line", lang: "en",
			text:      "Parties\n\n(1) Tywi Vale Surgery LLP, of 2 Mill Lane, Llandeilo SA19 6AB (the Practice); and\n\n(2) Dictaphone Wales Ltd, of 4 Quay Road, Swansea SA1 1AA (the Supplier).\n\nBackground\n\nA. The Practice is the controller of its patients' records.\n",
			processor: "Dictaphone Wales Ltd", ctrl: "Tywi Vale Surgery LLP"},
		{name: "unquoted term inside a sentence is no definition", lang: "en",
			text:     "The Supplier transcribes letters for the Practice under a services agreement (the Services Agreement) with Tywi Vale Surgery LLP.\n",
			procNote: "", ctrlNote: ""},
		{name: "quoted short names between dashes", lang: "en",
			text:      "Between Blumenhaus Rüegg AG, Seestrasse 4, 8002 Zurich – \"Rüegg\" or the \"Controller\" –\n\nand Postwerk Direkt GmbH, Hauptgasse 3, 4500 Solothurn – \"Postwerk\" or the \"Processor\".\n\n1. Postwerk processes personal data on behalf of Rüegg.\n",
			processor: "Postwerk Direkt GmbH", ctrl: "Blumenhaus Rüegg AG"},
		{name: "dash before a quotation in prose is no definition", lang: "en",
			text:     "Acme Mailing GmbH sends newsletters – \"weekly offers\" and reminders.\n",
			procNote: "", ctrlNote: ""},
		{name: "which expression shall after the quoted term", lang: "en",
			text:      "This Schedule forms part of the agreement between Liffey Assurance DAC (hereinafter \"Client\", which expression shall, unless repugnant to the context or meaning thereof, include its successors and permitted assigns) and Godavari Services Private Limited (hereinafter \"Service Provider\", which expression shall, unless repugnant to the context or meaning thereof, include its successors and permitted assigns).\n",
			processor: "Godavari Services Private Limited", ctrl: "Liffey Assurance DAC"},
	}
	for _, tc := range tests {
		f := run(t, tc.lang, tc.text)
		p := f.Parties
		checkParty(t, tc.name, "processor", p.Processor, p.ProcessorNote, tc.processor, tc.procNote)
		checkParty(t, tc.name, "controller", p.Controller, p.ControllerNote, tc.ctrl, tc.ctrlNote)
	}
}

// FuzzHold12enDefinitions runs the party reader on heads whose
// definitions are the fuzzed text: between dashes, in brackets after a
// party line, or after a quoted term. It must not panic, and a party it
// reads must be named in the text.
func FuzzHold12enDefinitions(f *testing.F) {
	for _, s := range []string{
		`"Rüegg" or the "Controller"`, `"HMS" or the "Processor".`, `the Practice`, `"Client", which expression shall`,
		`"`, `– "`, "\"a\n", `"Ä" – `, "\xff\"", `the Supplier); and`, `"x" or "y" or "z" –`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, text := range []string{
			"Between Blumenhaus Rüegg AG, Seestrasse 4, 8002 Zurich – " + s + "\n\nand Postwerk Direkt GmbH, Hauptgasse 3, 4500 Solothurn – " + s,
			"(1) Tywi Vale Surgery LLP, of 2 Mill Lane (" + s + "); and\n(2) Dictaphone Wales Ltd, of 4 Quay Road (" + s + ").\n",
			"between Liffey Assurance DAC (hereinafter " + s + ") and Godavari Services Private Limited (hereinafter " + s + ").\n",
		} {
			p := run(t, "en", text).Parties
			for _, got := range []*model.Party{p.Processor, p.Controller} {
				if got != nil && !strings.Contains(text, got.Name) {
					t.Fatalf("party %q not in %q", got.Name, text)
				}
			}
		}
	})
}
