package extract

import (
	"os"
	"testing"

	"github.com/art28/art28/internal/document"
	"github.com/art28/art28/internal/segment"
)

func TestDbgH27(t *testing.T) {
	b, _ := os.ReadFile("/tmp/hold27s/cases/en-h27s-a2-footnotes-superscript.txt")
	doc := document.ParseText("x.txt", "text", string(b))
	Extract(Input{Doc: doc, Sentences: segment.Split(doc), Lang: "en"})
}
