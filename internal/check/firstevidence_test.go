package check

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/art28/art28/internal/catalog"
	"github.com/art28/art28/internal/document"
	"github.com/art28/art28/internal/segment"
)

// firstEvidenceFile is a file of first-citation cases under
// testdata/firstevidence: clause texts of several sentences and the
// sentence a verdict should cite first.
type firstEvidenceFile struct {
	Cases []struct {
		Kind string `yaml:"kind"`
		Req  string `yaml:"req"`
		Text string `yaml:"text"`
		// First is a substring of the sentence cited first; with a
		// leading "^" the quote must start with it.
		First string `yaml:"first"`
		// Known marks a first-run miss left unfixed: reported, not
		// failed.
		Known string `yaml:"known"`
	} `yaml:"cases"`
}

// TestFirstEvidenceClauses checks the first citation of each case of
// testdata/firstevidence/*-LANG.yaml. EVIDENCE_REPORT=1 prints one line a
// case (hit or miss) and the count per file.
func TestFirstEvidenceClauses(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "firstevidence", "*.yaml"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no case files: %v", err)
	}
	ch := New(catalog.Default())
	report := os.Getenv("EVIDENCE_REPORT") != ""
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var ef firstEvidenceFile
		if err := yaml.Unmarshal(b, &ef); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		base := strings.TrimSuffix(filepath.Base(f), ".yaml")
		lang := base[strings.LastIndexByte(base, '-')+1:]
		hits := 0
		for i, k := range ef.Cases {
			doc := document.ParseText("t.txt", "text", k.Text)
			in := ch.Prepare(doc, segment.Split(doc), lang)
			got, status := "", ""
			for _, v := range ch.Check(in) {
				if v.ID == k.Req {
					status = v.Status
					if len(v.Evidence) > 0 {
						got = v.Evidence[0].Text
					}
				}
			}
			want, anchored := strings.CutPrefix(k.First, "^")
			ok := got != "" && (anchored && strings.HasPrefix(got, want) || !anchored && strings.Contains(got, want))
			if ok {
				hits++
			}
			if report {
				fmt.Printf("EVIDENCE\t%s\t%d\t%s\t%s\t%s\t%t\t%q\n", base, i+1, k.Kind, k.Req, status, ok, got)
			}
			if !ok {
				msg := fmt.Sprintf("%s #%d (%s, %s): first evidence %q (status %s), want the sentence with %q", base, i+1, k.Kind, k.Req, got, status, k.First)
				if k.Known != "" {
					t.Logf("known miss (%s): %s", k.Known, msg)
				} else {
					t.Error(msg)
				}
			}
		}
		if report {
			fmt.Printf("EVIDENCE\t%s\t%d of %d\n", base, hits, len(ef.Cases))
		}
	}
}
