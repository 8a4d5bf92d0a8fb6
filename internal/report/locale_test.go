package report

import "testing"

// TestLocaleComplete checks that every UI string exists in both languages.
func TestLocaleComplete(t *testing.T) {
	if len(locale()) == 0 {
		t.Fatal("locale is empty")
	}
	for key, text := range locale() {
		if text.DE == "" {
			t.Errorf("%s: German text missing", key)
		}
		if text.EN == "" {
			t.Errorf("%s: English text missing", key)
		}
	}
}

func TestLocaleRejectsUnknownField(t *testing.T) {
	if _, err := loadLocale([]byte("x: {en: a, de: b, fr: c}\n")); err == nil {
		t.Error("unknown language key accepted")
	}
}
