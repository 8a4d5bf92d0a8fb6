package report

import (
	"bytes"
	_ "embed"
	"fmt"
	"sync"

	"go.yaml.in/yaml/v3"

	"github.com/art28/art28/internal/catalog"
)

//go:embed assets/locale.yaml
var localeYAML []byte

// locale returns the reports' UI strings by key, each in German and
// English, decoded on first use so that runs without a human-readable
// format do not pay for it.
var locale = sync.OnceValue(func() map[string]catalog.Text { return mustLoadLocale(localeYAML) })

// mustLoadLocale decodes the embedded locale file. It panics only if the
// embedded file is invalid, which the package tests rule out.
func mustLoadLocale(data []byte) map[string]catalog.Text {
	m, err := loadLocale(data)
	if err != nil {
		panic(err)
	}
	return m
}

// loadLocale decodes a locale file strictly: unknown keys inside an entry
// are errors.
func loadLocale(data []byte) (map[string]catalog.Text, error) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	var m map[string]catalog.Text
	if err := dec.Decode(&m); err != nil {
		return nil, fmt.Errorf("report locale: %w", err)
	}
	return m, nil
}

// tr returns the UI string for key in lang. An unknown key is returned
// bracketed, so a missing string is visible in output and caught by tests.
func tr(lang, key string) string {
	t, ok := locale()[key]
	if !ok {
		return "[" + key + "]"
	}
	return t.In(lang)
}

// label returns the UI string for prefix+value, or value itself when the
// locale has no such key (a status or severity a newer model introduced).
func label(lang, prefix, value string) string {
	if _, ok := locale()[prefix+value]; !ok {
		return value
	}
	return tr(lang, prefix+value)
}
