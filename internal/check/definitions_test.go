package check

import (
	"math/rand/v2"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/art28/art28/internal/catalog"
	"github.com/art28/art28/internal/document"
	"github.com/art28/art28/internal/lexicon"
	"github.com/art28/art28/internal/match"
	"github.com/art28/art28/internal/prefilter"
	"github.com/art28/art28/internal/segment"
)

func TestDefinedParties(t *testing.T) {
	c := catalog.Default()
	tests := []struct {
		lang, text string
		want       map[string]Party
	}{
		{"de", "Verantwortlicher (nachfolgend „Kundenorganisation“) und Auftragsverarbeiter (nachfolgend „sharePAD-Betreiber“)",
			map[string]Party{"kundenorganisation": Controller, "sharepad-betreiber": Processor}},
		{"de", "Auftragsverarbeiter: Muster Software GmbH („Bekvor“)", map[string]Party{"bekvor": Processor}},
		{"de", "Caelex ist Auftragsverarbeiter im Sinne des Art. 28 DSGVO.", map[string]Party{"caelex": Processor}},
		{"de", "Soweit Caelex Daten verarbeitet, handelt Caelex als Auftragsverarbeiter.", map[string]Party{"caelex": Processor}},
		{"de", "Zwischen der Muster Möbel GmbH (nachfolgend „Kunde“) und der Werbeagentur Blau GmbH (nachfolgend „Agentur“) wird vereinbart:", map[string]Party{"agentur": Processor}},
		{"de", "Zwischen der Steuerkanzlei Lenz (nachfolgend „Kanzlei“) und dem Mandanten (nachfolgend „Mandant“) wird vereinbart:", map[string]Party{"kanzlei": Processor}},
		{"de", "Zwischen der Muster GmbH (nachfolgend „Orbis“) und der Beispiel AG (nachfolgend „Beispiel“) wird vereinbart:", nil},
		{"de", "Die Muster GmbH (nachfolgend „Kunde“) beauftragt Leistungen nach Anlage 1 (nachfolgend „Leistungen“).", nil},
		{"de", "Der Kunde handelt dabei als Verantwortlicher.", nil},
		{"de", "Der Auftraggeber ist Verantwortlicher, die Agentur ist Auftragsverarbeiter.", map[string]Party{"agentur": Processor}},
		{"de", "Der Unterauftragnehmer ist Auftragsverarbeiter des Auftragnehmers.", nil},
		{"en", "The Subprocessor is a processor of the Supplier.", nil},
		{"de", "Die Daten werden Hosting als Auftragsverarbeiter übermittelt.", nil},
		{"de", "die Nordstern Shared Services GmbH, Überseering 8, 22297 Hamburg (im Folgenden „NSS“ oder „Auftragsverarbeiter“)", map[string]Party{"nss": Processor}},
		{"de", "die Muster AG (gemeinsam „Verantwortlicher“ oder „Gruppengesellschaften“)", map[string]Party{"gruppengesellschaften": Controller}},
		{"en", `Acme Cloud Ltd, 1 High Street, London ("Acme" or "Processor")`, map[string]Party{"acme": Processor}},
		{"en", `Acme Cloud Ltd ("Acme", "Processor" or "Controller")`, nil},
		{"de", "Muster GmbH (nachfolgend „Auftragnehmer“ oder „Muster“)", map[string]Party{"muster": Processor}},
		{"de", "Vertrag zwischen den Parteien (gemeinsam „Parteien“)", nil},
		{"de", "Die Gesamtschule Am Wall (nachfolgend „die Schule“) und die Lernraum Digital GmbH (nachfolgend „der Auftragnehmer“) vereinbaren:", map[string]Party{"schule": Controller}},
		{"de", "Die Hosting Nord UG – nachstehend „Betreiber“ – und der Segelclub Warnow e. V. – nachstehend „Club“ – schließen diesen Vertrag. Der Betreiber verarbeitet Daten im Auftrag des Clubs.", map[string]Party{"betreiber": Processor, "club": Controller}},
		{"de", "Die Hosting Nord UG – nachstehend „Betreiber“ – und der Segelclub Warnow e. V. – nachstehend „Club“ – schließen diesen Vertrag.", nil},
		{"de", "Die Muster GmbH (nachfolgend „die Plattform“) und die Beispiel AG (nachfolgend „die Agentur“) beschreiben die Leistungen.", nil},
		{"en", `This agreement is made between Solent Ltd (hereinafter "the Brand") and Pixelpine Ltd (hereinafter "the Agency"). The Agency processes data on behalf of the Brand.`, map[string]Party{"brand": Controller, "agency": Processor}},
		{"de", "Muster GmbH („Auftragnehmer“, zusammen mit dem Kunden die „Vertragspartner“)", nil},
		{"de", "Der Kunde (im Folgenden „Mandant“) beauftragt die Kanzlei.", nil}, // already a party word
		{"de", "Vertrag zwischen Auftraggeber und Auftragnehmer (nachfolgend „AVV“)", nil},
		{"de", "Ein Unterauftragsverarbeiter ist ein Auftragsverarbeiter.", nil},
		{"en", `Infracost, Inc. ("Infracost", "we", "us") and the customer ("you")`, map[string]Party{"infracost": Processor}},
		{"en", "Acme acts as the processor for the Customer.", map[string]Party{"acme": Processor}},
		{"de", "Die Acme GmbH („Acme“) ist Auftragsverarbeiter, die Kundin ist Verantwortliche.", map[string]Party{"acme": Processor}},
		{"en", `Acme Inc. ("Acme") is the processor.`, map[string]Party{"acme": Processor}},
		{"de", "Der Dienst (siehe Anlage 1) ist Auftragsverarbeitung.", nil},
		{"en", "It is the controller who decides.", nil},
		{"en", `the Controller Data ("Documented Instructions")`, nil},
		{"en", `servers are housed in nondescript facilities (the "Facilities")`, nil},
		{"en", `if the processor adds a new sub-processor ("Change Notice")`, nil},
		{"en", `Brightwave Ltd, 1 High Street, London ("Supplier")`, nil},
		// Plain-language definitions: a naming sentence, a label line.
		{"de", "In diesem Vertrag nennen wir die Muster GbR „die Praxis“. Wir verarbeiten die Daten nur so, wie die Praxis es uns dokumentiert vorgibt.", map[string]Party{"praxis": Controller}},
		{"de", "In diesem Vertrag nennen wir die Muster GbR „die Praxis“ und die Beispiel GmbH „das Labor“. Das Labor verarbeitet die Daten nur auf Weisung der Praxis.", map[string]Party{"praxis": Controller, "labor": Processor}},
		{"de", "In diesem Vertrag nennen wir die Muster GbR „die Praxis“. Die Praxis bezahlt monatlich.", nil}, // no voice of instructions
		// "Im Vertrag heißt er/sie „…“" after each party's sentence (holdout12).
		{"de", "Auftraggeber ist der Schachklub Rochade e.V. Im Vertrag heißt er „der Klub“. Auftragnehmer ist die Clubtools UG. Im Vertrag heißt sie „Clubtools“. Clubtools darf die Daten nur so verarbeiten, wie der Klub es sagt.", map[string]Party{"klub": Controller, "clubtools": Processor}},
		{"de", "Auftraggeber ist der Schachklub Rochade e.V. Im Vertrag heißt er „der Klub“. Der Klub zahlt den Beitrag.", nil}, // no voice of instructions
		{"en", "The Charity:\nRiverside Food Bank CIO\n22 Wharf Road\n\nThe Supplier handles the data only as the Charity documents its instructions.", map[string]Party{"charity": Controller}},
		// Round voice20: an unresolved defined term named as the party on
		// whose behalf or on whose instructions the other processes is the
		// controller, the other head term the processor.
		{"en", `Parties: Halcyon Inc., Cambridge MA 02142 (the "Sponsor") and Trialpoint GmbH, 81669 München (the "Vendor"). The Vendor processes trial data on behalf of the Sponsor.`, map[string]Party{"sponsor": Controller}},
		{"de", "Die Marktplatz Rhein GmbH (nachfolgend „Plattformbetreiber“) betreibt einen Marktplatz. Händler, die dort verkaufen (nachfolgend „Händler“), lassen die Bestellungen durch den Plattformbetreiber abwickeln. Er verarbeitet die Daten im Auftrag des Händlers.", map[string]Party{"händler": Controller, "plattformbetreiber": Processor}},
		{"de", "Die Pharmacon AG (nachfolgend „Sponsor“) beauftragt die Logistik GmbH (nachfolgend „Studienlogistik“). Die Studienlogistik verarbeitet Daten nach Weisung des Sponsors.", map[string]Party{"sponsor": Controller, "studienlogistik": Processor}},
		{"en", `Acme Ltd (the "Operator") runs the platform for merchants (the "Merchants"). The Operator sells its services to the Merchants.`, nil},                                  // no instruction cue
		{"de", "Max Muster, Webdesign (nachfolgend „Webdesigner“) gestaltet für die Muster GbR (nachfolgend „Praxis“) die Webseite und verarbeitet Daten im Auftrag der Praxis.", nil}, // the processor has no word of its own
		{"en", `Max Muster, web design (the "Designer") builds the site of Muster LLP (the "Practice") and processes data on behalf of the Practice.`, nil},
		{"en", `Acme Ltd (the "Reseller") sells. Beta Ltd (the "Partner") buys. Services on behalf of the Reseller and on behalf of the Partner.`, nil}, // two marked terms: none
		// A catalog party word defined in the head and stated in the other
		// role: the contract's role holds, and the other head term takes
		// the other role.
		{"en", `Heronsgate Ltd (the "Licensor") licenses its list to Quayside Ltd (the "Licensee"). The Licensee acts as processor on behalf of the Licensor.`, map[string]Party{"licensee": Processor, "licensor": Controller}},
		{"de", "Die Verlag GmbH (nachfolgend „Lizenzgeber“) und die Versand GmbH (nachfolgend „Lizenznehmer“) schließen diesen Vertrag. Der Lizenznehmer handelt als Auftragsverarbeiter des Lizenzgebers.", map[string]Party{"lizenznehmer": Processor, "lizenzgeber": Controller}},
		{"en", `Acme Ltd (the "Supplier") and Beta Ltd (the "Customer") agree. Where the Customer acts as a processor, the Supplier is a sub-processor.`, nil}, // a condition
		{"de", "Die Acme GmbH (nachfolgend „Anbieter“) und die Beta AG (nachfolgend „Kunde“) vereinbaren: Soweit der Kunde selbst als Auftragsverarbeiter handelt, gilt Anlage 3.", nil},
		{"en", `Acme Ltd (the "Supplier") and Beta Ltd (the "Customer") agree. The Customer is the controller. The Customer acts as processor for its affiliates.`, nil}, // both roles stated
		{"en", "The Licensee acts as processor for the mailing.", nil}, // not defined in the head
		// Cover-page fields of two words whose last is a party word.
		{"en", "Company: Larchmont Retail plc, 55 Queen Street, Glasgow G1 3EN\nService Provider: Vantage Payroll Ltd, 9 Bothwell Street, Glasgow G2 6NU\n\nThe Service Provider runs the payroll of the Company. The Company pays monthly.", map[string]Party{"company": Controller}},
		{"de", "Firma: Holzbau Krämer GmbH, Am Sägewerk 2, 79100 Freiburg\nDienstleister: Lohnbüro Süd GmbH, Hauptstraße 1, 79098 Freiburg\n\nDer Dienstleister rechnet die Löhne der Firma ab. Die Firma zahlt monatlich.", map[string]Party{"firma": Controller}},
		{"en", "Company: Larchmont Retail plc, 55 Queen Street, Glasgow G1 3EN\nService Provider: Vantage Payroll Ltd, 9 Bothwell Street, Glasgow G2 6NU\n\nThe Service Provider runs the payroll.", nil}, // "Company:" a field, not used as a term
		{"de", "Firma: Holzbau Krämer GmbH, Am Sägewerk 2, 79100 Freiburg\nDienstleister: Lohnbüro Süd GmbH, Hauptstraße 1, 79098 Freiburg\n\nDer Dienstleister rechnet die Löhne ab.", nil},
		{"en", "Agency: Lantern Media Ltd, 2 Mill Road, Leeds LS1 4AB\nData Controller: Harrow Homes Ltd, 3 Park Row, Leeds LS1 5HD\n\nThe Agency sends the newsletters.", map[string]Party{"agency": Processor}},
		{"en", "Company: Larchmont Retail plc, 55 Queen Street, Glasgow G1 3EN\nRegistered Office: 9 Bothwell Street, Glasgow G2 6NU\n\nThe Company runs shops.", nil}, // "Office" is no party word
		{"en", "The Charity:\nPlease sign below.\n\nThe Supplier handles the data only as the Charity documents its instructions.", nil},                               // no party block under the label
	}
	for _, tt := range tests {
		f := newActorFinder(c, tt.lang)
		got := f.definedParties(tt.text, prefilter.Lower(tt.text))
		if len(got) == 0 && len(tt.want) == 0 {
			continue
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%q: got %v, want %v", tt.text, got, tt.want)
		}
	}
}

// TestDefinedActor checks that a defined term carries its party's
// obligations and that a sentence opening with "Er" keeps the party named
// before it.
func TestDefinedActor(t *testing.T) {
	text := "Auftragsverarbeiter: Muster GmbH („Bekvor“)\n\nVerantwortlicher (nachfolgend „Kundenorganisation“)\n\n" +
		"Bekvor löscht die Daten.\n\nDie Kundenorganisation erteilt Weisungen.\n\n" +
		"Der Auftragnehmer trifft Maßnahmen. Er unterstützt die Kundenorganisation.\n\nEr meldet der Kundenorganisation jede Verletzung."
	doc := document.ParseText("t.txt", "text", text)
	in := New(catalog.Default()).Prepare(doc, segment.Split(doc), "de")
	want := map[string]Party{
		"Bekvor löscht die Daten.":                          Processor,
		"Die Kundenorganisation erteilt Weisungen.":         Controller,
		"Er unterstützt die Kundenorganisation.":            Processor,
		"Er meldet der Kundenorganisation jede Verletzung.": Processor,
	}
	seen := 0
	for i, s := range in.Sentences {
		txt := in.Doc.Text[s.Start:s.End]
		if p, ok := want[txt]; ok {
			seen++
			if got := in.Actor(i); got != p {
				t.Errorf("%q: actor %v, want %v", txt, got, p)
			}
		}
	}
	if seen != len(want) {
		t.Fatalf("found %d of %d sentences", seen, len(want))
	}
}

func FuzzDefinedParties(f *testing.F) {
	f.Add("Verantwortlicher (nachfolgend „Kundenorganisation“)")
	f.Add(`Infracost, Inc. ("Infracost", "we")`)
	f.Add("Acme ist Auftragsverarbeiter (")
	c := catalog.Default()
	de, en := newActorFinder(c, "de"), newActorFinder(c, "en")
	f.Fuzz(func(t *testing.T, s string) {
		low := prefilter.Lower(s)
		if len(low) != len(s) {
			t.Skip()
		}
		de.definedParties(s, low)
		en.definedParties(s, low)
	})
}

func TestFormalSie(t *testing.T) {
	ch := New(catalog.Default())
	tests := []struct {
		text string
		want []Party
	}{
		// A formal text: "Sie" is the reader, the controller.
		{"Wir löschen Ihre Daten. Nach Vertragsende löschen Sie Ihr Konto. Sie können widersprechen. Sie werden nach 30 Tagen gelöscht.",
			[]Party{Processor, Controller, Controller, Nobody}},
		// No formal address: "sie" is "they".
		{"Die Daten werden gespeichert. Sie werden nach Vertragsende gelöscht. Der Anbieter löscht sie.",
			[]Party{Nobody, Nobody, Processor}},
		// The informal voice, read as the formal one by the index: "du"
		// after the verb, "dich", "dir" are the reader wherever they
		// stand; "sie" stays "they".
		{"Du erteilst uns Weisungen. Wenn der Vertrag endet, entscheidest du. Danach helfen wir dir. Sie werden gelöscht.",
			[]Party{Controller, Controller, Processor, Nobody}},
		// An adverb before an inner clause: "zum Beispiel wenn Sie …" is
		// not the subject.
		{"Wir löschen Ihre Daten. Unser Team arbeitet nur nach Ihren Weisungen, zum Beispiel wenn Sie uns bitten, etwas nachzusehen.",
			[]Party{Processor, Nobody}},
	}
	for _, tt := range tests {
		doc := document.ParseText("t.txt", "text", tt.text)
		in := ch.Prepare(doc, segment.Split(doc), "de")
		var got []Party
		for i := range in.Sentences {
			got = append(got, in.Actor(i))
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%q: actors %v, want %v", tt.text, got, tt.want)
		}
	}
}

// TestHasQuote compares hasQuote with strings.ContainsAny on the quotation
// marks, also on cut and invalid UTF-8.
func TestHasQuote(t *testing.T) {
	const marks = "„\"“»«‚'"
	for _, s := range []string{"", "abc", `("Acme")`, "(„Anbieter“)", "(»X«)", "‚Y‘", "it's", "\xe2\x80", "\xc2", "a\xe2\x80\x9e", "\xf0\xe2\x80\x9c", "(hereinafter ”X”)", "«x»"[:2], "(nachfolgend «Kundin»)"} {
		if got, want := hasQuote(s), strings.ContainsAny(s, marks); got != want {
			t.Errorf("hasQuote(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestDefinesTermEnglish(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"\"Third Country\" means a country outside the European Economic Area.", true},
		{"“Processing” shall mean any operation performed on personal data.", true},
		{"(a) \"Sub-processor\" has the meaning given in Clause 5.", true},
		{"Third Country means a country outside the EEA.", true},
		{"This means that the Processor shall delete the data.", false},
		{"The Processor shall notify the Controller of any breach.", false},
		{"\"Acme\" shall notify Customer of any breach.", false},
		{"Personal Data, as used here, means data of the Customer.", false},
	}
	for _, tt := range tests {
		toks := match.Tokenize(tt.text, 0, len(tt.text))
		if got := definesTerm(tt.text, toks, false); got != tt.want {
			t.Errorf("%q: %v, want %v", tt.text, got, tt.want)
		}
	}
}

func TestDefinesTerm(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"„Weisung“ bezeichnet jede dokumentierte Anordnung des Kunden.", true},
		{"1.3 „Sicherheitsverletzung“ bedeutet eine Verletzung der Sicherheit.", true},
		{"\"Kundendaten\" bezeichnet alle personenbezogenen Daten des Kunden.", true},
		{"„Verletzung des Schutzes personenbezogener Daten“ bezeichnet eine Verletzung der Sicherheit.", true},
		{"Der Begriff „Weisung“ bezeichnet jede Anordnung.", false},
		{"„Terminfix“ ist eine Software für die Terminbuchung.", false},
		{"Der Auftragnehmer löscht die Daten. „Löschung“ wird bestätigt.", false},
		{"Die Agentur („Agentur“) bezeichnet ihre Leistungen in Anlage 1.", false},
		{"„Verletzung des Schutzes personenbezogener Daten“ ist eine Verletzung der Sicherheit, die zur Vernichtung führt.", true},
		{"„Drittland“ ist jeder Staat außerhalb des EWR.", false},
		{"„Sicherheitsvorfall“ ist jede Verletzung der Sicherheit, die zur Vernichtung führt.", false},
		{"Drittland ist jeder Staat außerhalb des Europäischen Wirtschaftsraums.", true},
		{"Betroffene Person ist jede identifizierte oder identifizierbare natürliche Person.", true},
		{"„Acme“ ist Auftragsverarbeiter.", false},
		{"Der Auftragnehmer ist jederzeit berechtigt, Auskunft zu verlangen.", false},
		{"Die Verarbeitung ist jeder Vorgang.", false},
		// hold30d: a participle or predicate adjective before "sind alle"
		// is no term: the sentence states what is covered or forbidden.
		{"3. Betroffen sind alle Arten personenbezogener Daten, die in den Akten stehen können, insbesondere Personal- und Bankdaten.", false},
		{"Erfasst sind alle Daten der Mitgliederverwaltung, namentlich Namen und Anschriften.", false},
		{"Untersagt ist jede Weitergabe der Daten an Dritte.", false},
		{"Unterauftragnehmer ist jedes Unternehmen, das im Auftrag des Auftragnehmers Daten verarbeitet.", true},
		{"Verarbeitung ist jeder Vorgang im Zusammenhang mit personenbezogenen Daten.", true},
	}
	for _, tt := range tests {
		toks := match.Tokenize(tt.text, 0, len(tt.text))
		if got := definesTerm(tt.text, toks, true); got != tt.want {
			t.Errorf("%q: %v, want %v", tt.text, got, tt.want)
		}
	}
}

// FuzzIndexFrom checks indexFrom against strings.Index.
func FuzzIndexFrom(f *testing.F) {
	f.Add("der auftragsverarbeiter ist auftragsverarbeiter", "auftragsverarbeiter", 3, 2)
	f.Fuzz(func(t *testing.T, s, w string, from, k int) {
		if w == "" || from < 0 || from > len(s) || k < 0 || k >= len(w) {
			return
		}
		want := strings.Index(s[from:], w)
		if want >= 0 {
			want += from
		}
		if got := indexFrom(s, from, w, k); got != want {
			t.Fatalf("indexFrom(%q, %d, %q, %d) = %d, want %d", s, from, w, k, got, want)
		}
	})
}

// TestControllerMarksScan checks the one-scan count of controllerMarks
// against the search for each cue with the term.
func TestControllerMarksScan(t *testing.T) {
	for _, tc := range []struct {
		lower, term string
		want        int
	}{
		{"auf weisung des clubs handelt der betreiber", "club", 1},
		{"im auftrag des clubs und nach weisung des clubs, weisung des club", "club", 3},
		{"instructions of the trust. instructions of trust", "trust", 2},
		{"weisung des aa aa weisung des aaa", "aa", 2},
		{"der club weist an", "club", 0},
		{"on behalf of the club", "", 1},
		{"", "club", 0},
	} {
		got := controllerMarks(tc.lower, tc.term)
		each := controllerMarksEach(tc.lower, tc.term, lexicon.InstructionCues())
		if got != each || got != tc.want {
			t.Errorf("controllerMarks(%q, %q) = %d, each cue sought: %d, want %d", tc.lower, tc.term, got, each, tc.want)
		}
	}
}

// TestControllerMarksOneScan checks controllerMarks, which finds the
// term once for both counts, against the two counts made by a scan each
// (cueMarks, afterMarks), on texts with cues, phrases after the term,
// overlapping occurrences and the term at the end.
func TestControllerMarksOneScan(t *testing.T) {
	for _, tc := range []struct{ lower, term string }{
		{"nur so, wie der verein es sagt. der verein es uns sagt", "verein"},
		{"auf weisung des clubs, wie der club es dokumentiert vorgibt", "club"},
		{"only as the charity documents its instructions; on behalf of the charity", "charity"},
		{"aa es sagt aaa es sagt aaaa es uns sagt", "aa"},
		{"ana es sagt anana es sagt", "ana"},
		{"the trust documents their instructions", "trust documents"},
		{"der club", "club"},
		{"club es sagt club", "club es"},
		{"", "x"},
	} {
		got := controllerMarks(tc.lower, tc.term)
		want := cueMarks(tc.lower, tc.term) + afterMarks(tc.lower, tc.term)
		if got != want {
			t.Errorf("controllerMarks(%q, %q) = %d, the two scans: %d", tc.lower, tc.term, got, want)
		}
	}
	if n := controllerMarks("wie der verein es sagt und der verein es uns sagt", "verein"); n != 2 {
		t.Errorf("two phrases after the term: %d, want 2", n)
	}
}

// afterMarks counts the places where term is followed by one of the
// lexicon's instruction_after phrases.
func afterMarks(lower, term string) int {
	n := 0
	if term == "" {
		return 0
	}
	for from := 0; ; {
		k := strings.Index(lower[from:], term)
		if k < 0 {
			return n
		}
		from += k + len(term)
		for _, a := range lexicon.InstructionAfter() {
			if strings.HasPrefix(lower[from:], " "+a) {
				n++
			}
		}
	}
}

// cueMarks counts the places where term follows an instruction cue, as
// controllerMarksEach does, by one scan for the term.
func cueMarks(lower, term string) int {
	cues := lexicon.InstructionCues()
	if term == "" || len(cues) > 32 {
		return controllerMarksEach(lower, term, cues)
	}
	var from [32]int
	n := 0
	for t := 0; ; t++ {
		k := strings.Index(lower[t:], term)
		if k < 0 {
			return n
		}
		t += k
		for j, c := range cues {
			ps := t - len(c) - 1
			if ps >= from[j] && ps >= 0 && lower[t-1] == ' ' && lower[ps:t-1] == c {
				n++
				from[j] = t
			}
		}
	}
}

// TestDefinerSpans checks the spans of definitions set off by dashes or
// commas.
func TestDefinerSpans(t *testing.T) {
	for _, tc := range []struct {
		lower string
		want  [][]int
	}{
		{"acme ltd, hereinafter \"acme\"", [][]int{{8, 21}}},
		{"verein – im folgenden „verein“ –, nachstehend", [][]int{{7, 23}, {40, 53}}},
		{"die nachfolgende regel, hereafter", [][]int{{22, 33}}},
		{"kein definierer hier", nil},
	} {
		if got := definerSpans(tc.lower, 16); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("definerSpans(%q) = %v, want %v", tc.lower, got, tc.want)
		}
	}
}

// FuzzMayOpenQuote checks that reNamedTerm never matches a text
// mayOpenQuote rules out.
func FuzzMayOpenQuote(f *testing.F) {
	for _, s := range []string{`referred to as "Processor"`, "als „Auftragnehmer“", "»Kunde«", "“Customer”", "no quote here", "\xe2\x80", "\xc2"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !mayOpenQuote(s) && reNamedTerm().MatchString(s) {
			t.Fatalf("%q matches but was ruled out", s)
		}
	})
}

// TestLazyExpressions compiles the expressions compiled on first use.
func TestLazyExpressions(t *testing.T) {
	for _, re := range []func() *regexp.Regexp{reAbbrev, reDefinition, reNamedTerm, reTermLabel, rePostcode, reCollective, reQuoted} {
		if re() == nil {
			t.Fatal("nil expression")
		}
	}
}

// FuzzAsks checks asks against lowering the sentence before testing for
// the question mark, as it was first written.
func FuzzAsks(f *testing.F) {
	for _, s := range []string{"Q: Can we audit you?", "Dürfen wir euch prüfen?", "Frage: Können wir?", "no question", "  ?  ", "\xff?", "İ?"} {
		f.Add(s)
	}
	openings := []string{"can we", "dürfen wir", "* we", "können wir"}
	f.Fuzz(func(t *testing.T, s string) {
		want := func(s string) bool {
			s = strings.ToLower(strings.TrimSpace(s))
			if !strings.HasSuffix(s, "?") {
				return false
			}
			for _, l := range []string{"q:", "frage:", "f:"} {
				if rest, ok := strings.CutPrefix(s, l); ok {
					s = strings.TrimSpace(rest)
					break
				}
			}
			for _, o := range openings {
				if rest, ok := strings.CutPrefix(o, "* "); ok {
					i := strings.IndexByte(s, ' ')
					if i <= 0 || !strings.HasPrefix(s[i+1:], rest+" ") {
						continue
					}
					return true
				}
				if strings.HasPrefix(s, o+" ") {
					return true
				}
			}
			return false
		}(s)
		if got := asks(s, openings); got != want {
			t.Fatalf("asks(%q) = %t, want %t", s, got, want)
		}
	})
}

// termLabelsRE is reTermLabel as it was run on the whole text.
var termLabelsRE = regexp.MustCompile(`(?m)^[ \t]*(?:der|die|das|the) (\p{L}[\p{L}\-]{2,30}):[ \t]*\n[ \t]*\S`)

// termLabelSeeds are texts for TestTermLabels and FuzzTermLabels.
var termLabelSeeds = []string{
	"die praxis:\nmuster gmbh\n",
	"  the charity:  \n\tacme ltd\nthe provider:\n  beta gmbh",
	"die praxis:\nder kunde:\nx",
	"der kunde:\n\nx",
	"die praxis:\r\nx",
	"die  praxis:\nx",
	"the übersetzer-büro:\nx\nthe a-b:\ny",
	"die praxis: \n \t\u00a0x",
	"xdie praxis:\nx",
	"die praxis:\nx die kanzlei:\ny\ndie kanzlei:\nz",
	"das ab:\nx",
	"das abc:\nx",
	"the " + strings.Repeat("a", 31) + ":\nx",
	"the " + strings.Repeat("a", 32) + ":\nx",
	"die praxis:",
	"die praxis:\n",
	"",
	"\n\ndie praxis:\nx\n",
	"die ärzte:\n\xffx",
	"die praxis:\n\xff",
}

// TestTermLabels checks termLabels against the expression run on the
// whole text in multi-line mode.
func TestTermLabels(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	// Lines built from an indent, an article, a word, a colon and an end,
	// each often right, sometimes not.
	pick := func(xs ...string) string { return xs[rng.IntN(len(xs))] }
	texts := slices.Clone(termLabelSeeds)
	for range 20000 {
		var b strings.Builder
		for range rng.IntN(6) {
			b.WriteString(pick("", "", " ", "\t", "  ", "x"))
			b.WriteString(pick("die ", "der ", "das ", "the ", "die  ", "dies ", "", "a "))
			b.WriteString(pick("praxis", "kanzlei", "ärzte", "a-b", "ab", "x\xffy", "", "zwei worte", strings.Repeat("b", 31)))
			b.WriteString(pick(":", ":", ": ", ":\t ", "", ":x", ":\r"))
			b.WriteString(pick("\n", "\n", "\n", "", "\n\n"))
			b.WriteString(pick("", " ", "\t", "muster gmbh", "\xff"))
			if rng.IntN(3) > 0 {
				b.WriteString("\n")
			}
		}
		texts = append(texts, b.String())
	}
	found := 0
	for _, s := range texts {
		want := termLabelsRE.FindAllStringSubmatchIndex(s, -1)
		if got := termLabels(s); !reflect.DeepEqual(got, want) {
			t.Fatalf("termLabels(%q) = %v, want %v", s, got, want)
		}
		found += len(want)
	}
	if found < 100 {
		t.Errorf("only %d matches: the texts no longer exercise termLabels", found)
	}
}

func FuzzTermLabels(f *testing.F) {
	for _, s := range termLabelSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want := termLabelsRE.FindAllStringSubmatchIndex(s, -1)
		if got := termLabels(s); !reflect.DeepEqual(got, want) {
			t.Fatalf("termLabels(%q) = %v, want %v", s, got, want)
		}
	})
}

// TestRoleWordsRare checks that the byte each role word is sought by lies
// within the word, and that the word is found wherever it stands (at the
// start, after "f"-rich English, twice in a row).
func TestRoleWordsRare(t *testing.T) {
	for _, rw := range roleWords {
		if rw.rare < 0 || rw.rare >= len(rw.word) {
			t.Fatalf("%s: rare offset %d", rw.word, rw.rare)
		}
		s := rw.word + " of the offer for " + rw.word + rw.word
		var got []int
		for from := 0; ; {
			at := indexFrom(s, from, rw.word, rw.rare)
			if at < 0 {
				break
			}
			got = append(got, at)
			from = at + len(rw.word)
		}
		if n := len(rw.word); len(got) != 3 || got[0] != 0 || got[2] != got[1]+n {
			t.Errorf("%s: found at %v", rw.word, got)
		}
	}
}
