package document

import "testing"

// TestTabRowWithLeftOutCells checks that a row whose empty cells a word
// processor's export left out stays in its table across the blank line
// between rows, and that a two-cell line after a two-cell table or prose
// does not join a table.
func TestTabRowWithLeftOutCells(t *testing.T) {
	rows := func(text string) (n, tables int) {
		d := ParseText("x.txt", "text", text)
		for _, b := range d.Blocks {
			if b.Kind == TableRow {
				n++
				if b.Row == 0 {
					tables++
				}
			}
		}
		return n, tables
	}
	for _, tc := range []struct {
		text         string
		rows, tables int
	}{
		{"Anbieter\tZweck\tLand\n\nHetzner\tHosting\tDeutschland\n\nWolkenpost\tDeutschland\n\nMailjet\tNewsletter\tFrankreich\n", 4, 1},
		{"Name\tService\tLocation\n\nAcme Ltd\tHosting\tLeeds\n\nBeta Ltd\tLondon\n", 3, 1},
		{"Text davor.\n\nOrt:\tBerlin\n\nDatum:\t1. März\n", 2, 1},
		{"Ein Absatz ohne Tabelle.\n\nName:\tAcme GmbH\n", 0, 0},
		{"Anbieter\tZweck\tLand\n\nHetzner\tHosting\tDeutschland\n\nAnlage 4\n\nOrt:\tBerlin\n", 2, 1},
	} {
		n, tables := rows(tc.text)
		if n != tc.rows || tables != tc.tables {
			t.Errorf("%q: %d rows in %d tables, want %d in %d", tc.text, n, tables, tc.rows, tc.tables)
		}
	}
}
