package extract

import "testing"

// TestSignatureName checks that signature lines are told from company
// names that open with similar words.
func TestSignatureName(t *testing.T) {
	for _, c := range []struct {
		name string
		want bool
	}{
		{"Signed for Marram Outdoor Retail Limited", true},
		{"Signed on behalf of Glenmorie Distillery Tours Limited", true},
		{"For and on behalf of Acme Ltd", true},
		{"Witness: Shona Baird", true},
		{"Zeuge: Notar Dr. Klaus Ebner", true},
		{"Signedway Software Ltd", false},
		{"Witnessly Inc.", false},
		{"Forward Hosting Ltd", false},
		{"Parcelhub Carriers Limited", false},
	} {
		if got := signatureName(c.name); got != c.want {
			t.Errorf("signatureName(%q) = %v, want %v", c.name, got, c.want)
		}
	}
}

// TestDashPlace checks the split of "service – place" after a listed
// company's name.
func TestDashPlace(t *testing.T) {
	k, err := LoadKnowledge()
	if err != nil {
		t.Fatal(err)
	}
	x := &extractor{k: k}
	for _, c := range []struct {
		rest, serv, place string
	}{
		{"server hosting – Aberdeen, UK", "server hosting", "Aberdeen, UK"},
		{"email delivery — Bergen, Norway", "email delivery", "Bergen, Norway"},
		{"hosting of the booking system - Frankfurt, Germany", "hosting of the booking system", "Frankfurt, Germany"},
		{"Hosting – Deutschland", "Hosting", "Deutschland"},
		// The place first, the service last: no split here.
		{"Weg 1, 12345 Ort – Hosting", "", ""},
		{"remote support software", "", ""},
		{"support – see Annex 3 (list of locations)", "", ""},
	} {
		serv, place := x.dashPlace(c.rest)
		if serv != c.serv || place != c.place {
			t.Errorf("dashPlace(%q) = %q, %q, want %q, %q", c.rest, serv, place, c.serv, c.place)
		}
	}
}

// TestCapitalRunParticles checks that a company's name in running text
// goes on through the particles of Romance names, and only between
// capitalised words.
func TestCapitalRunParticles(t *testing.T) {
	for _, c := range []struct {
		s, form, want string
	}{
		{"with the company Nubaria Centros de Datos, S.A. (Madrid)", ", S.A.", "Nubaria Centros de Datos"},
		{"the company Copias Seguras del Duero, S.L. (Zamora)", ", S.L.", "Copias Seguras del Duero"},
		{"the hosting de Centro Norte S.A.", " S.A.", "Centro Norte"},
		{"engages Google Cloud EMEA Limited", " Limited", "Google Cloud EMEA"},
	} {
		at := len(c.s) - len(c.form)
		for i := range c.s {
			if c.s[i:min(len(c.s), i+len(c.form))] == c.form {
				at = i
				break
			}
		}
		if got := c.s[capitalRun(c.s, 0, at):at]; got != c.want {
			t.Errorf("capitalRun(%q) = %q, want %q", c.s, got, c.want)
		}
	}
}
