package extract

import (
	"strings"

	"github.com/art28/art28/internal/prefilter"
)

// keyValueTable reads a table whose cells are labelled fields, one
// company a run of rows or one row: rows of two cells, a label ending in
// a colon and its value ("Unterauftragnehmer:<tab>Bergwerk Hosting
// GmbH", "Sitz:<tab>Freiberg, Deutschland"), or cells that hold label and
// value ("Name: Rechenhof Eifel GmbH | Leistung: Hosting | Ort: Prüm,
// Deutschland"). A name label (reNameLabel) opens an entry; address,
// place and service labels fill it. A table with a cell of another kind
// is no such table (ok false).
func (x *extractor) keyValueTable(t table) ([]*spEntry, bool) {
	type field struct {
		text       string
		start, end int
	}
	var fields []field
	names := 0
	for _, row := range t.rows {
		cells := make([]string, len(row))
		filled := 0
		for i, c := range row {
			cells[i] = strings.TrimSpace(x.text[c.start:c.end])
			if cells[i] != "" {
				filled++
			}
		}
		if filled == 0 {
			continue
		}
		if len(row) == 2 && strings.HasSuffix(cells[0], ":") && len(cells[0]) < 60 && cells[1] != "" {
			if strings.Count(cells[0], ":") > 1 {
				// "Unterauftragnehmer: Sitz: Tätigkeit:" beside the
				// values' joined lines (a PDF's table reader): which value
				// is which label's is not known.
				return nil, false
			}
			fields = append(fields, field{cells[0] + " " + cells[1], row[0].start, row[1].end})
		} else {
			for i, c := range cells {
				if c == "" {
					continue
				}
				k := strings.Index(c, ": ")
				if k <= 0 || k > 60 {
					return nil, false
				}
				fields = append(fields, field{c, row[i].start, row[i].end})
			}
		}
	}
	for _, f := range fields {
		if reNameLabel.MatchString(f.text) {
			names++
		}
	}
	if names == 0 {
		return nil, false
	}
	var out []*spEntry
	var cur *spEntry
	for _, f := range fields {
		if m := reNameLabel.FindStringSubmatch(f.text); m != nil && !reAddrLabel.MatchString(f.text) {
			cur = nil
			if x.k.IsPlaceholder(m[1]) || noneValue(m[1]) {
				// "Name: [Name des Unterauftragnehmers]", "Name: keine".
				continue
			}
			name, rest := splitNameRest(x, m[1])
			if name == "" || x.headerWord(name) || x.notEntity(name) {
				continue
			}
			cur = x.newListEntry(name, rest, f.text, f.start, f.end)
			out = append(out, cur)
			continue
		}
		if cur == nil {
			continue
		}
		switch {
		case reAddrLabel.MatchString(f.text):
			m := reAddrLabel.FindStringSubmatch(f.text)
			x.fillAddress(&cur.sp, m[1])
		case reLocLine.MatchString(f.text):
			x.setLocation(&cur.sp, reLocLine.FindStringSubmatch(f.text)[1])
		case reServLabel.MatchString(f.text):
			cur.sp.Service = collapse(reServLabel.FindStringSubmatch(f.text)[1])
		}
		cur.end = max(cur.end, f.end)
		cur.text.WriteString(" " + f.text)
	}
	return out, true
}

// commaPlaceBare reads a list line that opens with a bare name followed
// by a comma and a place the knowledge reads, a country or a listed
// town ("Dokumentenpost, Luxemburg, Luxemburg, digitaler Posteingang",
// "Hetzner, Gunzenhausen, Deutschland – Hosting"), or returns nil. The
// name must be one bareListName accepts and no noun or service
// ("Verarbeitung, Deutschland", "Hosting, Frankfurt" are none), no
// place and no address line ("Genf, Schweiz", "14 Canal Street,
// Birmingham").
func (x *extractor) commaPlaceBare(t string, start, end int) *spEntry {
	return x.commaPlaceName(t, start, end, false)
}

// commaTownBare is commaPlaceBare for a line marked as an entry (a
// bullet, a number, a letter or an id in a list of sub-processors): the
// place after the name may be a town the lexicon does not list ("-
// Übersetzungsbüro Lindner, Leipzig – Übersetzungen", "b. Notdienst
// Hocheifel, Adenau, Bereitschaftsdienst"); the marker says the line is
// an entry, its first field is the name (branch subs28).
func (x *extractor) commaTownBare(t string, start, end int) *spEntry {
	return x.commaPlaceName(t, start, end, true)
}

// commaPlaceName is commaPlaceBare, with unknown towns when unknown is
// set.
func (x *extractor) commaPlaceName(t string, start, end int, unknown bool) *spEntry {
	t = strings.TrimSpace(reListMarker.Plain().ReplaceAllString(t, ""))
	i := strings.Index(t, ", ")
	if i <= 0 || len(t) > 200 {
		return nil
	}
	name, rest := t[:i], t[i:]
	place := strings.TrimSpace(rest[2:])
	if j := strings.IndexAny(place, ",;–—("); j > 0 {
		place = strings.TrimSpace(place[:j])
	}
	if !x.placeWord(place, unknown) || !x.bareListName(name) || x.nounEnding(name) || x.k.isSub(prefilter.Lower(name)) {
		return nil
	}
	if unknown && adviserNear(prefilter.Lower(name)) {
		// "- Steuerberater, Kassel – Buchhaltung": an adviser is no
		// sub-processor, and a role is no name.
		return nil
	}
	if r := name[0]; r >= '0' && r <= '9' || x.placeWord(name, false) || x.addressLine(t) {
		// "14 Canal Street, Birmingham", "Genf, Schweiz": an address
		// line of the entry above.
		return nil
	}
	return x.newListEntry(name, rest, t, start, end)
}

// blockPlaceLine reports whether a line "Meppen, Deutschland" two blocks
// under a block entry without a place (name line, service line) is that
// entry's place line rather than a bare name with a place (branch
// subs28).
func (x *extractor) blockPlaceLine(last *spEntry, gap int, t string) bool {
	if last == nil || gap > 2 || last.sp.Address != "" || last.sp.City != "" || last.sp.Country != "" {
		return false
	}
	name, place, ok := strings.Cut(t, ", ")
	return ok && x.placeWord(strings.TrimSpace(name), true) && x.placeWord(strings.TrimSpace(place), false)
}
