package extract

// Gaps of testdata/parties/parties18.cases at the branch's first run
// (branch parties18); each entry goes when its case passes.
func init() {
	for name, why := range map[string]string{
		"de-p18-07-wir-sie-heading-only": "an agency named only in the heading \"X GmbH – AVV für unsere Kundinnen und Kunden\" of a wir/Sie text is not read (parties18 first run)",
		"de-p18-09-du-voice-we-are":      "\"Wir sind die X UG (haftungsbeschränkt)\" in a du text is not read as the processor (parties18 first run)",
		"de-p18-19-kammer-letterhead":    "a chamber named in the letterhead and defined by \"Die Handwerkskammer wird nachfolgend „Kammer“ … genannt\" is not read (parties18 first run)",
	} {
		knownPartyGaps[name] = why
	}
}
