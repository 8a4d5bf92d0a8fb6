package compiled

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

func TestEncodeAndWrite(t *testing.T) {
	got, err := Encode(map[string]string{"a": "<b>&"})
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != "{\"a\":\"<b>&\"}\n" {
		t.Errorf("Encode = %q, want unescaped one-line JSON", got)
	}
	p := filepath.Join(t.TempDir(), "c.json")
	if err := Write(p, func() ([]byte, error) { return got, nil }); err != nil {
		t.Fatal(err)
	}
	if data, _ := os.ReadFile(p); string(data) != string(got) {
		t.Errorf("written %q", data)
	}
	if err := Write(p, func() ([]byte, error) { return nil, errors.New("bad catalog") }); err == nil {
		t.Error("Write must pass on the compile error")
	}
}
