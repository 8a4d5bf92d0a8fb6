package extract

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/art28/art28/internal/prefilter"
	"github.com/art28/art28/internal/prefilter/prefiltertest"
)

// TestPrefilterSound checks that every pattern of the package and of the
// knowledge finds with its prefilter what package regexp finds, on
// invented edge cases (case variants outside ASCII, invalid UTF-8) and
// every line of the test and corpus documents.
func TestPrefilterSound(t *testing.T) {
	res := allPatterns(t)
	texts := []string{
		"\u212Aontrolle", "Zugangs\u212Aontrolle", "\u017Fubprocessor", "SUB-PROCESSOR", "Unterauftragsverarbeiter",
		"ÄNDERUNG DER VERFÜGBARKEIT", "Verfügbarkeit", "VERFÜGBARKEIT", "\xffart 33\xfe", "GEWERKSCHAFT", "STRAFTATEN",
		"Muster GmbH, Weg 1, 12345 Berlin", "Nu Mail LLC, 1 Main Street, Boston", "innerhalb von 24 STUNDEN",
		"Gerichtsstand ist München", "governed by the laws of Ireland", "DATENSCHUTZBEAUFTRAGTER:", "[Name]", "___",
		"Stand: Mai 2020", "\u017Ftand: Mai 2020", "ZWI\u017FCHEN der A und B", "between\nX", "Vertrag zwischen", "Version 1.2 (Entwurf)", "xversion 3", "Name: X GmbH\nAdresse: Weg 1",
	}
	files, _ := filepath.Glob("testdata/*.txt")
	corpus, _ := filepath.Glob("../../../shared/corpus/*/*.txt")
	if len(corpus) > 12 {
		corpus = corpus[:12] // enough lines; every pattern on every line is slow
	}
	for _, f := range append(files, corpus...) {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, strings.Split(string(raw), "\n")...)
	}
	for _, s := range texts {
		for _, r := range res {
			if err := prefiltertest.Check(r, s); err != nil {
				t.Error(err)
			}
		}
	}
}

// allPatterns returns every pattern of the package and of the knowledge.
func allPatterns(t testing.TB) []*prefilter.Regexp {
	k, err := LoadKnowledge()
	if err != nil {
		t.Fatal(err)
	}
	res := []*prefilter.Regexp{k.durRe, k.legalRe.re, k.countryRe, k.cityRe, reBreach, reNotify, reObject, reAdvance, reTerminate, reDelete, reEndOf,
		reAudit, reAnnounce, reAtLeast, reSeparableNotice, reUndue, reSubWord, reLaw, reCourt, reLawOf, reCourtFor, reVersion, reMonthYear,
		reDateDE, reDateEN, reDateENd, reDateNum, reDateISO, reEmail, rePostcodeCity.re, reStreet, reNumStreet, reLongProse,
		reSeparatorLine, reRepresented,
		rePhone, reNameLabel, reNameHead, reAddrHead, reCountryHd, reServHead, reLocHead, reNumCell, reAddrLabel, reServLabel,
		reLocLabel, reListMarker, reWordItemMarker, reTownAfterName, reSubProcessingTitle, reWholeContract, reURL, reDPOLabel, reDPONone, reSpecial, reTypesIntro, reSubjectsIntro, reEngageLow, reEntrustLow, reSCC,
		reDPF, reBCR, reAdq, reGeneric, reNumberedHeading, reRedacted, reFax, reCustomerNo, reBrandParen, reIncorporation, k.placeNameRe,
		reBetween}
	for _, c := range tomCategories {
		res = append(res, c.re)
	}
	res = append(res, k.party.partyPatterns()...)
	return append(res, k.placeholder...)
}

// FuzzPrefilter checks that every pattern finds with its prefilter what
// package regexp finds.
func FuzzPrefilter(f *testing.F) {
	f.Add("Zugangs\u212Aontrolle; Muster GmbH, Weg 1, 12345 Berlin binnen 24 Stunden")
	f.Add("\xffart 33 SUB-PROCESSOR Art. 28 governed by the laws of Ireland")
	f.Add("ſtand: Mai 2020, Verſion 1.2 (Entwurf); xversion 3; Gerichtsſtand ist München")
	f.Add("Name: Muster GmbH\nAdresse: Weg 1\naccess to data; ZUGRIFFS\u212Aontrolle; 2021-03-04 vor Ort")
	res := allPatterns(f)
	f.Fuzz(func(t *testing.T, s string) {
		for _, r := range res {
			if err := prefiltertest.Check(r, s); err != nil {
				t.Fatal(err)
			}
		}
	})
}
