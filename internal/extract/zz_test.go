package extract

import (
	"testing"

	"github.com/art28/art28/internal/document"
	"github.com/art28/art28/internal/segment"
)

func TestZZBare(t *testing.T) {
	txt := "Wer?\n\nDer Auftragnehmer setzt zurzeit folgende Unterauftragsverarbeiter ein: Rechenhalde (Betrieb der Server, Frankfurt am Main), Tintenfass Druck (Druck und Versand von Briefen, Linz, Österreich) und Bitkurier (Versand von Benachrichtigungen, Köln).\n"
	doc := document.ParseText("a.txt", "text", txt)
	k, _ := LoadKnowledge()
	in := Input{Doc: doc, Sentences: segment.Split(doc), Lang: "de"}
	x := &extractor{k: k, in: in, doc: in.Doc, text: in.Doc.Text, lang: in.Lang}
	x.lines = splitLines(x.text)
	x.subCache = map[string]bool{}
	x.lower = x.lowerText()
	for _, inner := range []string{"Druck und Versand von Briefen, Linz, Österreich", "Belegerfassung, Vilnius, Litauen", "Push-Nachrichten, Amsterdam, Niederlande", "Versand von Benachrichtigungen, Köln"} {
		h, p := x.trailingPlace(inner)
		t.Logf("%q: placeList=%v head=%q place=%q serv=%v", inner, x.placeList(inner), h, p, x.serviceWords(inner))
	}
	s := "Rechenhalde (Betrieb der Server, Frankfurt am Main), Tintenfass Druck (Druck und Versand von Briefen, Linz, Österreich) und Bitkurier (Versand)."
	for _, m := range bareParens(s) {
		t.Logf("%q %q", s[m[2]:m[3]], s[m[4]:m[5]])
	}
}
