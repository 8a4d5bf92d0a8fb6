package extract

// Gaps of testdata/parties/parties18.cases at the branch's first run
// (branch parties18); each entry goes when its case passes.
func init() {
	for name, why := range map[string]string{
		"de-p18-19-kammer-letterhead": "a chamber named in the letterhead and defined by \"Die Handwerkskammer wird nachfolgend „Kammer“ … genannt\" is not read (parties18 first run)",
	} {
		knownPartyGaps[name] = why
	}
}
