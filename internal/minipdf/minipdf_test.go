package minipdf

import (
	"bytes"
	"testing"
)

func TestEscape(t *testing.T) {
	for in, want := range map[string]string{"a(b)c\\": `a\(b\)c\\`, "Größe": `Gr\366\337e`, "„x“ – y…": `\204x\223 \226 y\205`, "→": "?"} {
		if got := Escape(in); got != want {
			t.Errorf("Escape(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestWrite(t *testing.T) {
	pdf := Write([]Page{{Items: []Item{{X: 60, Top: 60, Size: 10, Text: "Hallo"}}}, {Width: 800}})
	for _, want := range []string{"%PDF-1.4", "/Count 2", "(Hallo) Tj", "/MediaBox [0 0 800 842]", "%%EOF"} {
		if !bytes.Contains(pdf, []byte(want)) {
			t.Errorf("PDF lacks %q", want)
		}
	}
}
