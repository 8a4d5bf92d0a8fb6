package extract

import (
	"fmt"
	"os"
	"testing"

	"github.com/art28/art28/internal/document"
)

func TestZZBlocks(t *testing.T) {
	raw, err := os.ReadFile(os.Getenv("F"))
	if err != nil {
		t.Skip()
	}
	d := document.ParseText("x.txt", "text", string(raw))
	for i, b := range d.Blocks {
		fmt.Printf("%d %v label=%q sec=%q: %q\n", i, b.Kind, b.Label, b.Section, d.BlockText(i))
	}
}
