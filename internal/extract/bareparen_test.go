package extract

import (
	"math/rand"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// checkBareParens compares bareParens with the expression it stands for.
func checkBareParens(t *testing.T, s string) {
	t.Helper()
	got, want := bareParens(s), reBareParen.FindAllStringSubmatchIndex(s, -1)
	if len(got) != len(want) {
		t.Fatalf("bareParens(%q) = %v, want %v", s, got, want)
	}
	for i := range got {
		if !slices.Equal(got[i], want[i]) {
			t.Fatalf("bareParens(%q) = %v, want %v", s, got, want)
		}
	}
}

// FuzzBareParens checks the search from " (" against the expression.
func FuzzBareParens(f *testing.F) {
	for _, s := range []string{
		"Derzeit setzen wir Hetzner (Hosting), Brevo (Newsletter) und Zoom (Videokonferenzen) ein.",
		"Google Workspace (E-Mail, Irland)", "x\"Foo Bar (yy)", "A B C D (xy)", "A (x)B (yz)", "A (xy),B (yz)",
		"Foo  (xy)", "(Ab (cd))", "Ab (c)", "Äb Éc (ßß)", "a Bc (d(e)f)", "McDo (ab) Bar.Baz (cd)", " Ab (" + strings.Repeat("x", 60) + ")",
		" Ab (" + strings.Repeat("x", 61) + ")", "Ab (\n\n)", "\xffAb (cd)", "Ab \xff(cd)", ",Ab (cd)", "a:B-1 C&D (é)",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { checkBareParens(t, s) })
}

// TestBareParensRandom checks bareParens on random strings of the
// characters that matter and on the lines of the shared corpus.
func TestBareParensRandom(t *testing.T) {
	alpha := []string{"A", "b", "Ä", "é", " ", " ", "(", ")", " (", ",", ";", ":", "\t", "\n", ".", "-", "1", "x", "\"", "ß", "\xff"}
	rng := rand.New(rand.NewSource(1))
	for n := 0; n < 200000; n++ {
		var b strings.Builder
		for k := rng.Intn(40); k > 0; k-- {
			b.WriteString(alpha[rng.Intn(len(alpha))])
		}
		checkBareParens(t, b.String())
	}
	files, _ := filepath.Glob("../../../shared/corpus/*/*.txt")
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			continue
		}
		text := string(raw)
		checkBareParens(t, text)
		for _, l := range strings.Split(text, "\n") {
			checkBareParens(t, l)
		}
	}
}
