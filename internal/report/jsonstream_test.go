package report

import (
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/art28/art28/internal/model"
)

// encoderOutput is what encoding/json's Encoder writes for v.
func encoderOutput(t *testing.T, v any, indent bool) string {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if indent {
		enc.SetIndent("", "  ")
	}
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

// streamOutput is what jsonStream writes for v with the given leaf size.
func streamOutput(t *testing.T, v any, indent bool, leaf int) string {
	t.Helper()
	var buf bytes.Buffer
	s := newJSONStream(&buf, indent)
	s.leafBytes = leaf
	if err := s.encode(v); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

// sameAsEncoder checks v's stream encoding against the Encoder's, with
// every value streamed (leaf 0), the default and a few sizes between.
func sameAsEncoder(t *testing.T, name string, v any) {
	t.Helper()
	for _, indent := range []bool{true, false} {
		want := encoderOutput(t, v, indent)
		for _, leaf := range []int{0, 1, 40, 300, defaultLeafBytes} {
			if got := streamOutput(t, v, indent, leaf); got != want {
				i := 0
				for i < len(got) && i < len(want) && got[i] == want[i] {
					i++
				}
				t.Fatalf("%s (indent %v, leaf %d): differs at byte %d:\ngot  %q\nwant %q", name, indent, leaf, i,
					got[max(0, i-40):min(len(got), i+40)], want[max(0, i-40):min(len(want), i+40)])
			}
		}
	}
}

type textKey struct{ a, b int }

func (k textKey) MarshalText() ([]byte, error) {
	return []byte("k<" + strings.Repeat("x", k.a) + ">"), nil
}

type ptrMarshaler struct{ N int }

func (p *ptrMarshaler) MarshalJSON() ([]byte, error) { return []byte(`{"custom" : [1, 2]}`), nil }

type inner struct {
	A string `json:"a,omitempty"`
	B []int  `json:"b"`
}

type hidden struct {
	H string `json:"h"`
}

type withOptions struct {
	N int `json:"n,string"`
}

type collide struct {
	inner
	A string `json:"a"`
}

// kitchen uses the encoding rules a result type might: embedding, tags,
// omitempty, maps, pointers, interfaces, arrays, custom marshalers.
type kitchen struct {
	Name    string `json:"name"`
	Skip    string `json:"-"`
	Dash    string `json:"-,"`
	private int
	inner
	hidden
	Ptr       *inner                 `json:"ptr"`
	NilPtr    *inner                 `json:"nil_ptr"`
	OmitPtr   *inner                 `json:"omit_ptr,omitempty"`
	Any       any                    `json:"any"`
	Map       map[string]inner       `json:"map"`
	TextMap   map[textKey]int        `json:"text_map"`
	Custom    ptrMarshaler           `json:"custom"`
	Customs   []ptrMarshaler         `json:"customs"`
	Key       textKey                `json:"key"`
	Bytes     []byte                 `json:"bytes"`
	Arr       [3]string              `json:"arr"`
	Empty     []string               `json:"empty"`
	Nil       []string               `json:"nil"`
	EmptyMap  map[string]int         `json:"empty_map"`
	Floats    []float64              `json:"floats"`
	Nested    [][]inner              `json:"nested"`
	Options   withOptions            `json:"options"`
	Collide   collide                `json:"collide"`
	Raw       json.RawMessage        `json:"raw"`
	Omitted   string                 `json:"omitted,omitempty"`
	Zero      int                    `json:"zero,omitempty"`
	Untagged  bool                   `json:",omitempty"`
	Anys      []any                  `json:"anys"`
	Interface map[string]interface{} `json:"interface"`
}

func TestJSONStreamKitchen(t *testing.T) {
	k := kitchen{
		Name: "a<b>&c\u2028\u2029\x00\x1f\t\"\\ \xff\xfe ü €", Skip: "x", Dash: "dash", private: 1,
		inner:     inner{A: "inner", B: []int{1, 2, 3}},
		hidden:    hidden{H: "h"},
		Ptr:       &inner{B: []int{}},
		Any:       []any{"x", 1.5, nil, map[string]any{"z": 1, "a": []string{"q"}}},
		Map:       map[string]inner{"z": {A: "1"}, "a": {B: []int{4}}, "<m>": {}},
		TextMap:   map[textKey]int{{1, 2}: 1, {3, 4}: 2},
		Customs:   []ptrMarshaler{{1}, {2}},
		Key:       textKey{2, 0},
		Bytes:     []byte("bytes\x00\xff"),
		Arr:       [3]string{"a", "", "c"},
		Empty:     []string{},
		EmptyMap:  map[string]int{},
		Floats:    []float64{0, 1e21, 1e-7, 3.25, -0.5},
		Nested:    [][]inner{{{A: "n"}}, {}, nil},
		Options:   withOptions{N: 7},
		Collide:   collide{inner: inner{A: "shadowed"}, A: "outer"},
		Raw:       json.RawMessage(`{ "raw":  [ 1 ,2 ] }`),
		Anys:      []any{&inner{A: "p"}, kitchen{}, []string{}},
		Interface: map[string]interface{}{"b": true, "a": nil},
	}
	sameAsEncoder(t, "kitchen", &k)
	sameAsEncoder(t, "kitchen value", k)
	sameAsEncoder(t, "zero kitchen", &kitchen{})
	sameAsEncoder(t, "nil", nil)
	sameAsEncoder(t, "strings", []string{"a", "b"})
	var long strings.Builder
	r := rand.New(rand.NewPCG(3, 4))
	for long.Len() < 2000 {
		long.WriteString(randomString(r))
		long.WriteString("\x80\x80\x80\x80\x80\xe2\x80")
	}
	sameAsEncoder(t, "long string", long.String())
	sameAsEncoder(t, "long strings", &inner{A: long.String()})
}

// randomString mixes ASCII, umlauts, quotes, control characters, invalid
// UTF-8 and the separators JSON escapes.
func randomString(r *rand.Rand) string {
	parts := []string{"a", "Z", " ", "ä", "ß", "€", "\"", "\\", "\n", "\t", "\x01", "<", ">", "&", "\u2028", "\u2029", "\xff", "\xc3", "𝄞", "/"}
	var b strings.Builder
	for range r.IntN(40) {
		b.WriteString(parts[r.IntN(len(parts))])
	}
	return b.String()
}

// TestJSONStreamResults encodes randomly filled results, with long
// lists so that the default leaf size streams them, as the Encoder does.
func TestJSONStreamResults(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for n := range 20 {
		res := &model.Result{SchemaVersion: model.SchemaVersion}
		res.Document.Path = randomString(r)
		res.Document.Bytes = r.IntN(1 << 30)
		for range r.IntN(30) {
			v := model.Verdict{ID: randomString(r), Status: "met"}
			for range r.IntN(4) {
				v.Evidence = append(v.Evidence, model.Evidence{Text: randomString(r), Start: r.IntN(1000), Section: randomString(r)})
			}
			res.Requirements = append(res.Requirements, v)
		}
		if n%3 != 0 {
			res.Findings = []model.Finding{}
		}
		if n%2 == 0 {
			res.Notes = []string{randomString(r)}
		}
		res.TOMs.Categories = []model.TOMCategory{{ID: "a", Items: []string{}}}
		items := r.IntN(5000)
		if n == 0 {
			items = 0
		}
		for range items {
			res.TOMs.Categories[0].Items = append(res.TOMs.Categories[0].Items, randomString(r))
		}
		sameAsEncoder(t, "result", res)
	}
}

// FuzzJSONStream checks the stream writer against the Encoder on arbitrary
// strings: alone, in a struct, in a list, with every value streamed and
// long strings cut into one-byte pieces.
func FuzzJSONStream(f *testing.F) {
	for _, s := range []string{"", "a", "ä\xff\xc3", "\u2028<&>\"\\\x00\x7f", "𝄞\x80\x80\x80\x80"} {
		f.Add(s, 3)
	}
	f.Fuzz(func(t *testing.T, s string, n int) {
		n = max(0, min(n, 50))
		items := make([]string, n)
		for i := range items {
			items[i] = s[:len(s)*i/max(n, 1)]
		}
		v := &inner{A: s, B: []int{n}}
		for _, x := range []any{s, v, items, map[string]string{s: s}} {
			for _, indent := range []bool{true, false} {
				want := encoderOutput(t, x, indent)
				for _, leaf := range []int{0, 1, 7} {
					if got := streamOutput(t, x, indent, leaf); got != want {
						t.Fatalf("leaf %d indent %v: got %q, want %q", leaf, indent, got, want)
					}
				}
			}
		}
	})
}
