package document

import (
	"strings"
	"testing"
)

// TestHTMLSpans checks that cells spanning columns or rows stand in every
// row and column they cover, and that a nested table keeps its own spans.
func TestHTMLSpans(t *testing.T) {
	raw := `<table>
<tr><th>Nr.</th><th colspan="2">Sitz</th><th>Leistung</th></tr>
<tr><td rowspan="2">1</td><td rowspan="2">Bonn</td><td>DE</td><td>Telefonie</td></tr>
<tr><td>DE</td><td>SMS</td></tr>
<tr><td>2</td><td colspan="x">Köln</td><td>DE</td><td rowspan="999999999">Hosting</td></tr>
<tr><td>3</td></tr>
</table>`
	d, err := ParseHTML("t.html", raw)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"| Nr. | Sitz | Sitz | Leistung |",
		"| 1 | Bonn | DE | Telefonie |",
		"| 1 | Bonn | DE | SMS |",
		"| 2 | Köln | DE | Hosting |",
		"| 3 |  |  | Hosting |",
	} {
		if !strings.Contains(d.Text, want) {
			t.Errorf("no row %q in\n%s", want, d.Text)
		}
	}
}
