package extract

import (
	"strings"
	"testing"

	"github.com/art28/art28/internal/model"
)

// partyField returns one field of a party by its JSON name, "none" for
// no party.
func partyField(p *model.Party, field string) string {
	if p == nil {
		return "none"
	}
	switch field {
	case "name":
		return p.Name
	case "street":
		return p.Street
	case "postcode":
		return p.Postcode
	case "city":
		return p.City
	case "country":
		return p.Country
	case "representative":
		return p.Representative
	case "phone":
		return p.Phone
	case "email":
		return p.Email
	case "customer_number":
		return p.CustomerNumber
	}
	return "unknown field " + field
}

// TestRenderedPartyBlocks reads party blocks in the layouts a PDF export
// or a word processor's import gives them: the block's lines joined into
// one paragraph, the role label at the paragraph's end, a blank form
// field's rule lines lost, a page number or a hyphenated line end inside
// the block, tab-aligned fields. want maps "processor.field" and
// "controller.field" to the value read; "controller_note" to a part of
// the note.
func TestRenderedPartyBlocks(t *testing.T) {
	tests := []struct {
		name, lang, text string
		want             map[string]string
	}{
		{name: "joined lead block with representative and phone", lang: "de",
			text: "Auftragsverarbeitungsvertrag\n\nAuftragnehmer:\n\nMeridian Datentechnik GmbH vertreten durch: Jana Roth Lindenweg 12a 70173 Stuttgart Tel: +49 711 123 45 67 Fax: +49 711 123 45 68\n\n§ 1 Gegenstand\n",
			want: map[string]string{"processor.name": "Meridian Datentechnik GmbH", "processor.street": "Lindenweg 12a", "processor.postcode": "70173",
				"processor.city": "Stuttgart", "processor.representative": "Jana Roth", "processor.phone": "+49 711 123 45 67"}},
		{name: "joined blocks, trailer labels on their own lines", lang: "de",
			text: "Vertrag über Auftragsverarbeitung\n\n3. März 2025\n\nErika Beispiel Talstraße 3 01067 Dresden Kd-Nr. 4711-22\n\n– Auftraggeber –\n\nund\n\nNordlicht Hosting GmbH Am Hafen 7 18055 Rostock\n\n– Auftragnehmer –\n\nschließen folgenden Vertrag:\n",
			want: map[string]string{"controller.name": "Erika Beispiel", "controller.street": "Talstraße 3", "controller.city": "Dresden",
				"controller.customer_number": "4711-22", "processor.name": "Nordlicht Hosting GmbH", "processor.street": "Am Hafen 7", "processor.city": "Rostock"}},
		{name: "joined blocks ending in their labels", lang: "de",
			text: "Vertrag über Auftragsverarbeitung\n\nErika Beispiel Talstraße 3 01067 Dresden Kd-Nr. 4711 – Auftraggeber –\n\nund\n\nNordlicht Hosting GmbH Am Hafen 7 18055 Rostock – Auftragnehmer –\n\nschließen folgenden Vertrag:\n",
			want: map[string]string{"controller.name": "Erika Beispiel", "controller.street": "Talstraße 3", "controller.customer_number": "4711",
				"processor.name": "Nordlicht Hosting GmbH", "processor.street": "Am Hafen 7", "processor.postcode": "18055"}},
		{name: "joined block ending in a dash definition", lang: "de",
			text: "Vertrag\n\nKranich Cloud GmbH Große Elbstraße 10 22767 Hamburg – nachfolgend „Auftragnehmer“ genannt –\n\n1. Gegenstand\n",
			want: map[string]string{"processor.name": "Kranich Cloud GmbH", "processor.street": "Große Elbstraße 10", "processor.city": "Hamburg"}},
		{name: "blank form field whose rule lines are lost", lang: "de",
			text: "# Auftragsverarbeitungsvertrag\n\nAuftraggeber (Verantwortlicher):\n\nAuftragnehmer (Auftragsverarbeiter):\n\nQuelltext Systeme GmbH Berliner Straße 5 10115 Berlin\n\n## 1. Gegenstand\n",
			want: map[string]string{"processor.name": "Quelltext Systeme GmbH", "processor.street": "Berliner Straße 5", "processor.city": "Berlin",
				"controller.name": "none", "controller_note": "blank form field"}},
		{name: "page number inside the block", lang: "de",
			text: "Auftragnehmer:\nFalkenrot Software AG\nSeite 1 von 9\nUnter den Linden 21\n10117 Berlin\n\n§ 1 Gegenstand\n",
			want: map[string]string{"processor.name": "Falkenrot Software AG", "processor.street": "Unter den Linden 21", "processor.postcode": "10117"}},
		{name: "street opened by lead words in a joined block", lang: "de",
			text: "Auftragnehmer:\nFalkenrot Software AG Unter den Linden 21 10117 Berlin\n\n§ 1 Gegenstand\n",
			want: map[string]string{"processor.name": "Falkenrot Software AG", "processor.street": "Unter den Linden 21", "processor.city": "Berlin"}},
		{name: "name hyphenated at a line end", lang: "de",
			text: "Auftragnehmer:\nWestfälische Daten-\nverarbeitungs GmbH\nHafenweg 3\n48155 Münster\n\n§ 1 Gegenstand\n",
			want: map[string]string{"processor.name": "Westfälische Datenverarbeitungs GmbH", "processor.street": "Hafenweg 3", "processor.city": "Münster"}},
		{name: "person with a country-prefixed postcode", lang: "de",
			text: "Auftraggeber:\nPaul Weber Marktplatz 2 D-79098 Freiburg\n\nAuftragnehmer:\nKranich Cloud GmbH\nGroße Elbstraße 10\n22767 Hamburg\n\n§ 1 Gegenstand\n",
			want: map[string]string{"controller.name": "Paul Weber", "controller.street": "Marktplatz 2", "controller.postcode": "79098",
				"controller.city": "Freiburg", "processor.name": "Kranich Cloud GmbH"}},
		{name: "postcode-like number inside the name", lang: "de",
			text: "Auftragnehmer:\nStudio 2000 Berlin GmbH Hauptstraße 1 10115 Berlin Amtsgericht Berlin HRB 12345 B\n\n§ 1 Gegenstand\n",
			want: map[string]string{"processor.name": "Studio 2000 Berlin GmbH", "processor.street": "Hauptstraße 1", "processor.postcode": "10115"}},
		{name: "register number before the address", lang: "de",
			text: "Auftragnehmer:\nKranich Cloud GmbH Amtsgericht Hamburg HRB 123456 Große Elbstraße 10 22767 Hamburg\n\n§ 1 Gegenstand\n",
			want: map[string]string{"processor.name": "Kranich Cloud GmbH", "processor.street": "Große Elbstraße 10", "processor.city": "Hamburg"}},
		{name: "representative after the office", lang: "de",
			text: "Auftragnehmer:\nKranich Cloud GmbH Große Elbstraße 10 22767 Hamburg vertreten durch den Geschäftsführer: Jan Kranich\n\n§ 1 Gegenstand\n",
			want: map[string]string{"processor.name": "Kranich Cloud GmbH", "processor.street": "Große Elbstraße 10", "processor.representative": "Jan Kranich"}},
		{name: "tab-aligned fields", lang: "de",
			text: "Auftragnehmer:\tKranich Cloud GmbH\nAnschrift:\tGroße Elbstraße 10, 22767 Hamburg\nTelefon:\t040 123456\n\n§ 1 Gegenstand\n",
			want: map[string]string{"processor.name": "Kranich Cloud GmbH", "processor.city": "Hamburg"}},
		{name: "blocks side by side on tab stops", lang: "de",
			text: "Auftragsverarbeitungsvertrag\n\nAuftraggeber:\tAuftragnehmer:\nPraxis Dr. Lena Vogt\tKranich Cloud GmbH\nBirkenweg 1\t\tGroße Elbstraße 10\n12345 Musterstadt\t22767 Hamburg\n\n§ 1 Gegenstand\n",
			want: map[string]string{"controller.name": "Praxis Dr. Lena Vogt", "controller.street": "Birkenweg 1", "controller.city": "Musterstadt",
				"processor.name": "Kranich Cloud GmbH", "processor.street": "Große Elbstraße 10", "processor.city": "Hamburg"}},
		{name: "blocks side by side in a table, cell lines joined", lang: "de",
			text: "Auftragsverarbeitungsvertrag\n\n| Auftraggeber | Auftragnehmer |\n| --- | --- |\n| Praxis Dr. Lena Vogt Birkenweg 1 12345 Musterstadt | Kranich Cloud GmbH Große Elbstraße 10 22767 Hamburg |\n\n§ 1 Gegenstand\n",
			want: map[string]string{"controller.name": "Praxis Dr. Lena Vogt", "controller.postcode": "12345", "processor.name": "Kranich Cloud GmbH", "processor.city": "Hamburg"}},
		{name: "label and joined block in table rows", lang: "de",
			text: "Auftragsverarbeitungsvertrag\n\n| Auftraggeber: | Praxis Dr. Lena Vogt Birkenweg 1 12345 Musterstadt |\n| Auftragnehmer: | Kranich Cloud GmbH Große Elbstraße 10 22767 Hamburg |\n\n§ 1 Gegenstand\n",
			want: map[string]string{"controller.name": "Praxis Dr. Lena Vogt", "controller.street": "Birkenweg 1", "processor.name": "Kranich Cloud GmbH", "processor.street": "Große Elbstraße 10"}},
		{name: "definitions around joined addresses", lang: "de",
			text: "Vertrag zwischen Paul Weber Marktplatz 2 79098 Freiburg (nachfolgend „Auftraggeber“) und der Kranich Cloud GmbH Große Elbstraße 10 22767 Hamburg (nachfolgend „Auftragnehmer“)\n",
			want: map[string]string{"controller.name": "Paul Weber", "processor.name": "Kranich Cloud GmbH"}},
		{name: "English block with a number-first street", lang: "en",
			text: "Data Processing Agreement\n\nProcessor:\nOakwood Analytics Ltd\n22 Station Road\nCambridge CB1 2JD\n\n1. Subject matter\n",
			want: map[string]string{"processor.name": "Oakwood Analytics Ltd", "processor.street": "22 Station Road"}},
		{name: "English joined block with representative and phone", lang: "en",
			text: "Data Processing Agreement\n\nProcessor:\nBlue Harbor Software Ltd represented by: Tom Clark 10 Dock Road London E1 8AA United Kingdom Phone: +44 20 7946 0000\n\nController:\n[Customer name]\n\n1. Definitions\n",
			want: map[string]string{"processor.name": "Blue Harbor Software Ltd", "processor.representative": "Tom Clark", "processor.phone": "+44 20 7946 0000",
				"processor.country": "GB", "controller.name": "none", "controller_note": "placeholder"}},
		{name: "English joined block with a Dutch postcode", lang: "en",
			text: "Processor:\nTailspin Toys B.V. Keizersgracht 1 1015 CJ Amsterdam The Netherlands\n\nController:\nGreenfield Clinic LLC 42 Elm Street Springfield Email: privacy@greenfield.example\n\n1. Definitions\n",
			want: map[string]string{"processor.name": "Tailspin Toys B.V.", "processor.street": "Keizersgracht 1", "processor.city": "Amsterdam",
				"processor.country": "NL", "controller.name": "Greenfield Clinic LLC", "controller.email": "privacy@greenfield.example"}},
		{name: "English blocks side by side in a table", lang: "en",
			text: "Data Processing Agreement\n\n| Controller | Processor |\n| --- | --- |\n| Greenfield Clinic LLC 42 Elm Street Springfield | Oakwood Analytics Ltd 22 Station Road Cambridge CB1 2JD |\n| Email: privacy@greenfield.example | Email: dpo@oakwood.example |\n\n1. Definitions\n",
			want: map[string]string{"controller.name": "Greenfield Clinic LLC", "controller.email": "privacy@greenfield.example",
				"processor.name": "Oakwood Analytics Ltd", "processor.email": "dpo@oakwood.example"}},
		{name: "English joined blocks ending in their labels", lang: "en",
			text: "Data Processing Agreement\n\nJane Miller 7 Mill Lane Oxford Email: jane@miller.example (the Controller)\n\nand\n\nOakwood Analytics Ltd 22 Station Road Cambridge CB1 2JD (the Processor)\n\n1. Definitions\n",
			want: map[string]string{"processor.name": "Oakwood Analytics Ltd"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := run(t, tc.lang, tc.text).Parties
			for k, want := range tc.want {
				var got string
				switch {
				case k == "controller_note":
					if !strings.Contains(p.ControllerNote, want) {
						t.Errorf("controller note %q, want it to say %q", p.ControllerNote, want)
					}
					continue
				case strings.HasPrefix(k, "processor."):
					got = partyField(p.Processor, strings.TrimPrefix(k, "processor."))
				case strings.HasPrefix(k, "controller."):
					got = partyField(p.Controller, strings.TrimPrefix(k, "controller."))
				}
				if got != want {
					t.Errorf("%s = %q, want %q (processor %+v, controller %+v, notes %q / %q)", k, got, want, p.Processor, p.Controller, p.ProcessorNote, p.ControllerNote)
				}
			}
		})
	}
}

// TestUnfoldLine checks how a joined party block is split into the lines
// of its text layout, and that a line of one part stays whole.
func TestUnfoldLine(t *testing.T) {
	k, err := LoadKnowledge()
	if err != nil {
		t.Fatal(err)
	}
	x := &extractor{k: k, lang: "de"}
	tests := []struct {
		in   string
		want []string
	}{
		{"Muster GmbH vertreten durch: Max Muster Alt-Mariendorf 56c 12107 Berlin Tel: +49 30 123 45 Fax: +49 30 123 46",
			[]string{"Muster GmbH", "vertreten durch: Max Muster", "Alt-Mariendorf 56c 12107 Berlin", "Tel: +49 30 123 45", "Fax: +49 30 123 46"}},
		{"Thorsten Beispiel Sägewerkstraße 56 38678 Clausthal-Zellerfeld Kd-Nr. 203523",
			[]string{"Thorsten Beispiel", "Sägewerkstraße 56 38678 Clausthal-Zellerfeld", "Kd-Nr. 203523"}},
		{"Ines Kraus An der Alster 3 20099 Hamburg E-Mail: ines@kraus.example",
			[]string{"Ines Kraus", "An der Alster 3 20099 Hamburg", "E-Mail: ines@kraus.example"}},
		{"Max Muster 12345 Musterstadt", []string{"Max Muster", "12345 Musterstadt"}},
		{"Beispiel AG USt-IdNr.: DE 123456789 Ringstraße 4 80331 München",
			[]string{"Beispiel AG", "USt-IdNr.: DE 123456789", "Ringstraße 4 80331 München"}},
		{"Acme Ltd represented by Jane Doe 1 Main Street London", []string{"Acme Ltd", "represented by Jane Doe", "1 Main Street London"}},
		// After a name with its legal form the address stays whole; the
		// name reader splits it off.
		{"Nordhavn ApS Sortedam Dossering 7E 2200 København N Denmark", []string{"Nordhavn ApS Sortedam Dossering 7E 2200 København N Denmark"}},
		// One part: unchanged.
		{"Alt-Mariendorf 56c 12107 Berlin", []string{"Alt-Mariendorf 56c 12107 Berlin"}},
		{"Muster GmbH, Weg 1, 12345 Ort", []string{"Muster GmbH, Weg 1, 12345 Ort"}},
		{"Studio 2000 Berlin GmbH", []string{"Studio 2000 Berlin GmbH"}},
		{"Tel Aviv Software Ltd", []string{"Tel Aviv Software Ltd"}},
		{"vertreten durch den Geschäftsführer", []string{"vertreten durch den Geschäftsführer"}},
	}
	for _, tc := range tests {
		var got []string
		for _, l := range x.unfoldLine(line{start: 100, end: 100 + len(tc.in), text: tc.in}) {
			got = append(got, l.text)
			if l.start < 100 || l.end > 100+len(tc.in) || tc.in[l.start-100:l.end-100] != l.text {
				t.Errorf("%q: part %q at %d-%d does not match the line", tc.in, l.text, l.start, l.end)
			}
		}
		if strings.Join(got, " | ") != strings.Join(tc.want, " | ") {
			t.Errorf("%q:\n got %q\nwant %q", tc.in, got, tc.want)
		}
	}
}

// TestPageLineAndHyphen checks the two small layout helpers.
func TestPageLineAndHyphen(t *testing.T) {
	for s, want := range map[string]bool{"Seite 2 von 7": true, "Page 3 of 9": true, "- 2 -": true, "2/7": true, "12": true,
		"Weg 12": false, "12345 Ort": false, "Seite": false} {
		if got := pageLine(s); got != want {
			t.Errorf("pageLine(%q) = %v", s, got)
		}
	}
	for _, c := range []struct {
		a, b string
		want bool
	}{{"Daten-", "verarbeitung GmbH", true}, {"Max-", "Planck-Institut", false}, {"Muster GmbH", "weg", false}, {"Tel: 030-", "123", false}, {"Software-", "und Hosting GmbH", false}} {
		if got := hyphenated(c.a, c.b); got != c.want {
			t.Errorf("hyphenated(%q, %q) = %v", c.a, c.b, got)
		}
	}
}

// TestSentenceBrokenByPageBreak checks that a role definition in a
// sentence that a page break splits ("… an" – page – "den Auftragnehmer
// …") is read as in the unbroken sentence: the continued line is no
// party phrase of its own.
func TestSentenceBrokenByPageBreak(t *testing.T) {
	const head = "Vereinbarung zur Auftragsverarbeitung\n\n1. Gegenstand\n\nDie Nordlicht Hosting GmbH (nachfolgend Auftragnehmer) betreibt für den Kunden eine Plattform.\n\n"
	const a = "4.2 Der Kunde trägt im Rahmen dieser Vereinbarung die Verantwortung für die Zulässigkeit der Übermittlung an"
	const b = "den Auftragnehmer und für die Rechtmäßigkeit der Verarbeitung insgesamt allein (»Verantwortlicher« im Sinne der DSGVO).\n"
	whole := run(t, "de", head+a+" "+b).Parties
	broken := run(t, "de", head+a+"\n\n\n"+b).Parties
	if whole.Processor == nil || broken.Processor == nil || whole.Processor.Name != broken.Processor.Name {
		t.Errorf("processor: whole %+v, broken %+v", whole.Processor, broken.Processor)
	}
	if whole.Controller != nil || broken.Controller != nil || whole.ControllerNote != broken.ControllerNote {
		t.Errorf("controller: whole %+v %q, broken %+v %q", whole.Controller, whole.ControllerNote, broken.Controller, broken.ControllerNote)
	}
}
