package extract

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/art28/art28/internal/match"
)

// TestPrefilterSound checks that no text a pattern matches is rejected by
// its literal prefilter, and that patterns tried only where a literal
// starts find the same matches, over invented edge cases (case variants outside
// ASCII, invalid UTF-8) and every line of the test and corpus documents.
func TestPrefilterSound(t *testing.T) {
	res := allLitRes(t)
	texts := []string{
		"\u212Aontrolle", "Zugangs\u212Aontrolle", "\u017Fubprocessor", "SUB-PROCESSOR", "Unterauftragsverarbeiter",
		"ÄNDERUNG DER VERFÜGBARKEIT", "Verfügbarkeit", "VERFÜGBARKEIT", "\xffart 33\xfe", "GEWERKSCHAFT", "STRAFTATEN",
		"Muster GmbH, Weg 1, 12345 Berlin", "Nu Mail LLC, 1 Main Street, Boston", "innerhalb von 24 STUNDEN",
		"Gerichtsstand ist München", "governed by the laws of Ireland", "DATENSCHUTZBEAUFTRAGTER:", "[Name]", "___",
		"Stand: Mai 2020", "\u017Ftand: Mai 2020", "Version 1.2 (Entwurf)", "xversion 3", "Name: X GmbH\nAdresse: Weg 1",
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
		low := lowerSameLen(s)
		for _, r := range res {
			if _, ok := r.possible(s, low); !ok && r.Regexp.MatchString(s) {
				t.Errorf("%s: prefilter %q rejects %q", r, r.lits.lits, s)
			}
			if r.anchor() {
				// Matches sought only where a literal starts are the same.
				if got, want := fmt.Sprint(r.FindAllStringSubmatchIndex(s, -1)), fmt.Sprint(r.Regexp.FindAllStringSubmatchIndex(s, -1)); got != want {
					t.Errorf("%s on %q: got %s, want %s", r, s, got, want)
				}
			}
		}
	}
}

// TestPrefilterLiterals checks the derived literals of a few patterns.
func TestPrefilterLiterals(t *testing.T) {
	for expr, want := range map[string]string{
		`(?i)zutrittskontrolle|zutritt|physical access`: "physical access|zutritt",
		`(?:^|[\s,])(GmbH|AG|A/S)(?:$|[\s,])`:           "\tA/S|\tAG|\tGmbH|\nA/S|\nAG|\nGmbH|\fA/S|\fAG|\fGmbH|\rA/S|\rAG|\rGmbH| A/S| AG| GmbH|,A/S|,AG|,GmbH|A/S|AG|GmbH",
		`\b(\d{1,4})\s+tage`:                            "tage",
		`(?i)sub-?processor`:                            "sub-processor|subprocessor",
		`x*`:                                            "",
	} {
		if got := strings.Join(mustLit(expr).lits.lits, "|"); got != want {
			t.Errorf("%s: got %q, want %q", expr, got, want)
		}
	}
}

// allLitRes returns every pattern of the package and of the knowledge.
func allLitRes(t testing.TB) []*litRe {
	k, err := LoadKnowledge()
	if err != nil {
		t.Fatal(err)
	}
	res := []*litRe{k.durRe, k.legalRe, k.countryRe, k.cityRe, reBreach, reNotify, reObject, reAdvance, reTerminate, reDelete, reEndOf,
		reAudit, reAnnounce, reAtLeast, reUndue, reSubWord, reLaw, reCourt, reLawOf, reCourtFor, reVersion, reMonthYear,
		reDateDE, reDateEN, reDateENd, reDateNum, reDateISO, reEmail, rePostcodeCity, reStreet, reLongProse,
		reProcessorWord, reControllerWord, reTrailerLabel, reLeadLabel, reSameLine, reInlineRole, reRepresented,
		reNameLabel, reNameHead, reAddrHead, reServHead, reLocHead, reAddrLabel, reServLabel, reLocLabel,
		reDPOLabel, reDPONone, reSpecial, reTypesIntro, reSubjectsIntro, reEngageLow, reSCC, reDPF, reBCR, reAdq, reGeneric,
		reNumberedHeading, reRedacted, reCustomerNo, rePhone}
	for _, c := range tomCategories {
		res = append(res, c.re)
	}
	res = append(res, k.placeholder...)
	return res
}

// FuzzPrefilter checks that every pattern finds the same matches with and
// without its prefilter and start offset.
func FuzzPrefilter(f *testing.F) {
	f.Add("Zugangs\u212Aontrolle; Muster GmbH, Weg 1, 12345 Berlin binnen 24 Stunden")
	f.Add("\xffart 33 SUB-PROCESSOR Art. 28 governed by the laws of Ireland")
	f.Add("ſtand: Mai 2020, Verſion 1.2 (Entwurf); xversion 3; Gerichtsſtand ist München")
	f.Add("Name: Muster GmbH\nAdresse: Weg 1\naccess to data; ZUGRIFFS\u212Aontrolle; 2021-03-04 vor Ort")
	res := allLitRes(f)
	f.Fuzz(func(t *testing.T, s string) {
		for _, r := range res {
			want := fmt.Sprint(r.Regexp.FindAllStringSubmatchIndex(s, -1))
			if got := fmt.Sprint(r.FindAllStringSubmatchIndex(s, -1)); got != want {
				t.Fatalf("%s on %q: got %s, want %s", r, s, got, want)
			}
			if got, want := r.MatchString(s), r.Regexp.MatchString(s); got != want {
				t.Fatalf("%s on %q: match %v, want %v", r, s, got, want)
			}
			if got, want := fmt.Sprint(r.FindStringSubmatchIndex(s)), fmt.Sprint(r.Regexp.FindStringSubmatchIndex(s)); got != want {
				t.Fatalf("%s on %q: first match %s, want %s", r, s, got, want)
			}
			if got, want := fmt.Sprint(r.IndexLow(s, lowerSameLen(s))), fmt.Sprint(r.Regexp.FindStringIndex(s)); got != want {
				t.Fatalf("%s on %q: index %s, want %s", r, s, got, want)
			}
		}
	})
}

// FuzzLowerText checks that the lower-cased text taken from the index
// equals lowerSameLen's.
func FuzzLowerText(f *testing.F) {
	for _, s := range []string{"ÄÖÜ äöü ß", "ÉCOLE Ωmega Ãx \u212A \u017F", "\xe2\xc3\x84\xc3", "ABCDEFGHIJKLMNOPQRSTUVWXYZ Straße", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := restoreCapitals(s, match.LowerSameLen(s)), lowerSameLen(s); got != want {
			t.Fatalf("%q: got %q, want %q", s, got, want)
		}
	})
}
