package report

import (
	"bufio"
	"bytes"
	"encoding"
	"encoding/json"
	"fmt"
	"io"
	"reflect"
	"strings"
	"sync"
)

// jsonStream writes a value as encoding/json's Encoder would (HTML
// escaping off, optionally indented by two spaces), byte for byte, but
// without holding the whole encoding in memory: the Encoder builds the
// complete text, and indents it into a second copy, before writing a byte,
// which for a large contract is many times the input (the TOM items alone
// quote most of a long text). Structs and slices whose content is larger
// than leafBytes are written part by part; everything smaller, and every
// type whose encoding is not plain (maps, custom marshalers), is handed to
// an Encoder as a whole, so its rules stay the only ones that decide an
// encoding.
type jsonStream struct {
	w      *bufio.Writer
	indent bool
	buf    bytes.Buffer  // a leaf's compact encoding
	ind    bytes.Buffer  // the same, indented
	enc    *json.Encoder // writes into buf
	err    error
	// leafBytes is the estimated size below which a value is encoded in
	// one piece (defaultLeafBytes; tests lower it).
	leafBytes int
}

// defaultLeafBytes is the estimated encoded size below which a value is
// encoded in one piece.
const defaultLeafBytes = 32 << 10

func newJSONStream(w io.Writer, indent bool) *jsonStream {
	s := &jsonStream{w: bufio.NewWriterSize(w, 64<<10), indent: indent, leafBytes: defaultLeafBytes}
	s.enc = json.NewEncoder(&s.buf)
	s.enc.SetEscapeHTML(false)
	return s
}

// encode writes v and a newline, as Encoder.Encode does.
func (s *jsonStream) encode(v any) error {
	s.value(reflect.ValueOf(v), 0)
	s.writeString("\n")
	if s.err == nil {
		s.err = s.w.Flush()
	}
	return s.err
}

func (s *jsonStream) writeString(str string) {
	if s.err == nil {
		_, s.err = s.w.WriteString(str)
	}
}

// newline starts a line at nesting depth d (indented output only).
func (s *jsonStream) newline(d int) {
	if !s.indent {
		return
	}
	s.writeString("\n")
	for range d {
		s.writeString("  ")
	}
}

// value writes v at nesting depth d.
func (s *jsonStream) value(v reflect.Value, d int) {
	if s.err != nil {
		return
	}
	for v.IsValid() && (v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface) && !v.IsNil() && !custom(v.Type()) {
		v = v.Elem()
	}
	if v.IsValid() && v.Kind() == reflect.String && v.Len() > s.leafBytes && !custom(v.Type()) {
		s.longString(v.String())
		return
	}
	if !v.IsValid() || !streamable(v) || size(v, s.leafBytes) < s.leafBytes {
		s.leaf(v, d)
		return
	}
	if v.Kind() == reflect.Struct {
		s.object(v, d)
		return
	}
	s.array(v, d)
}

// object writes a struct field by field.
func (s *jsonStream) object(v reflect.Value, d int) {
	s.writeString("{")
	n := 0
	for _, f := range plainFields(v.Type()) {
		fv := v.FieldByIndex(f.index)
		if f.omitEmpty && isEmpty(fv) {
			continue
		}
		if n > 0 {
			s.writeString(",")
		}
		n++
		s.newline(d + 1)
		s.writeString(f.key)
		if s.indent {
			s.writeString(" ")
		}
		s.value(fv, d+1)
	}
	if n > 0 {
		s.newline(d)
	}
	s.writeString("}")
}

// array writes a slice or array element by element.
func (s *jsonStream) array(v reflect.Value, d int) {
	if v.Kind() == reflect.Slice && v.IsNil() {
		s.writeString("null")
		return
	}
	s.writeString("[")
	for i := range v.Len() {
		if i > 0 {
			s.writeString(",")
		}
		s.newline(d + 1)
		s.value(v.Index(i), d+1)
	}
	if v.Len() > 0 {
		s.newline(d)
	}
	s.writeString("]")
}

// longString writes a string in pieces of about leafBytes, each escaped
// by the Encoder. The Encoder escapes rune by rune, and a piece ends only
// before a byte that is not a UTF-8 continuation byte, where no rune (nor
// an invalid byte it replaces) can straddle: the pieces' escapes are the
// whole string's.
func (s *jsonStream) longString(str string) {
	s.writeString(`"`)
	for len(str) > 0 && s.err == nil {
		n := min(len(str), max(s.leafBytes, 1))
		for n < len(str) && str[n]&0xC0 == 0x80 {
			n++
		}
		s.buf.Reset()
		if err := s.enc.Encode(str[:n]); err != nil {
			s.err = err
			return
		}
		out := bytes.TrimSuffix(s.buf.Bytes(), []byte("\n"))
		if s.err == nil {
			_, s.err = s.w.Write(out[1 : len(out)-1])
		}
		str = str[n:]
	}
	s.writeString(`"`)
}

// leaf encodes v in one piece with an Encoder and indents it for depth d.
func (s *jsonStream) leaf(v reflect.Value, d int) {
	if s.err != nil {
		return
	}
	var x any
	switch {
	case !v.IsValid():
		x = nil
	case v.CanAddr():
		// Through a pointer, so that methods with pointer receivers are
		// found as the Encoder finds them on addressable values.
		x = v.Addr().Interface()
	default:
		x = v.Interface()
	}
	s.buf.Reset()
	if err := s.enc.Encode(x); err != nil {
		s.err = err
		return
	}
	out := bytes.TrimSuffix(s.buf.Bytes(), []byte("\n"))
	if s.indent && len(out) > 0 && (out[0] == '{' || out[0] == '[') {
		s.ind.Reset()
		if err := json.Indent(&s.ind, out, strings.Repeat("  ", d), "  "); err != nil {
			s.err = err
			return
		}
		out = s.ind.Bytes()
	}
	if s.err == nil {
		_, s.err = s.w.Write(out)
	}
	// Buffers grown by one large leaf are not kept for the rest of a run.
	if s.buf.Cap() > 4*defaultLeafBytes {
		s.buf = bytes.Buffer{}
	}
	if s.ind.Cap() > 4*defaultLeafBytes {
		s.ind = bytes.Buffer{}
	}
}

var (
	marshalerType     = reflect.TypeFor[json.Marshaler]()
	textMarshalerType = reflect.TypeFor[encoding.TextMarshaler]()
)

// custom reports whether t (or a pointer to it) encodes itself.
func custom(t reflect.Type) bool {
	pt := reflect.PointerTo(t)
	return t.Implements(marshalerType) || t.Implements(textMarshalerType) ||
		pt.Implements(marshalerType) || pt.Implements(textMarshalerType)
}

// streamable reports whether v is a struct with plain fields or a slice or
// array of anything but bytes, encoded without custom methods.
func streamable(v reflect.Value) bool {
	t := v.Type()
	if custom(t) {
		return false
	}
	switch t.Kind() {
	case reflect.Struct:
		return plainFields(t) != nil
	case reflect.Slice, reflect.Array:
		return t.Elem().Kind() != reflect.Uint8
	}
	return false
}

// size estimates the encoded size of v, stopping once it reaches limit.
func size(v reflect.Value, limit int) int {
	switch v.Kind() {
	case reflect.String:
		return len(v.String()) + 2
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			return 4
		}
		return size(v.Elem(), limit)
	case reflect.Struct:
		n := 2
		for i := range v.NumField() {
			n += 4 + len(v.Type().Field(i).Name) + size(v.Field(i), limit-n)
			if n >= limit {
				return n
			}
		}
		return n
	case reflect.Slice, reflect.Array:
		if v.Kind() == reflect.Slice && v.Type().Elem().Kind() == reflect.Uint8 {
			return v.Len()*4/3 + 2
		}
		n := 2
		for i := range v.Len() {
			n += 1 + size(v.Index(i), limit-n)
			if n >= limit {
				return n
			}
		}
		return n
	case reflect.Map:
		n := 2
		it := v.MapRange()
		for it.Next() {
			n += 2 + size(it.Key(), limit-n) + size(it.Value(), limit-n)
			if n >= limit {
				return n
			}
		}
		return n
	}
	return 8
}

// isEmpty is encoding/json's test for omitempty.
func isEmpty(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Array, reflect.Map, reflect.Slice, reflect.String:
		return v.Len() == 0
	case reflect.Bool:
		return !v.Bool()
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return v.Int() == 0
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return v.Uint() == 0
	case reflect.Float32, reflect.Float64:
		return v.Float() == 0
	case reflect.Interface, reflect.Pointer:
		return v.IsNil()
	}
	return false
}

// jsonField is one encoded field of a struct.
type jsonField struct {
	key       string // the quoted name and the colon
	index     []int
	omitEmpty bool
}

var fieldCache sync.Map // reflect.Type -> []jsonField (nil: not plain)

// plainFields returns the encoded fields of struct type t in order, or nil
// when t uses a rule this writer leaves to the Encoder (embedded pointers
// or non-structs, tagged embedded structs, the string or omitzero options,
// names that collide, a struct without fields).
func plainFields(t reflect.Type) []jsonField {
	if f, ok := fieldCache.Load(t); ok {
		return f.([]jsonField)
	}
	var fields []jsonField
	ok := collectFields(t, nil, &fields)
	seen := map[string]bool{}
	for _, f := range fields {
		if seen[f.key] {
			ok = false
		}
		seen[f.key] = true
	}
	if !ok || len(fields) == 0 {
		fields = nil
	}
	fieldCache.Store(t, fields)
	return fields
}

func collectFields(t reflect.Type, index []int, out *[]jsonField) bool {
	for i := range t.NumField() {
		sf := t.Field(i)
		tag := sf.Tag.Get("json")
		if tag == "-" {
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		idx := append(append([]int(nil), index...), i)
		if sf.Anonymous {
			if sf.Type.Kind() != reflect.Struct || name != "" || opts != "" || custom(sf.Type) {
				return false
			}
			if !collectFields(sf.Type, idx, out) {
				return false
			}
			continue
		}
		if !sf.IsExported() {
			continue
		}
		omit := false
		for o := range strings.SplitSeq(opts, ",") {
			switch o {
			case "omitempty":
				omit = true
			case "":
			default:
				return false // "string", "omitzero" and anything newer
			}
		}
		if name == "" {
			name = sf.Name
		}
		if !validKey(name) {
			return false
		}
		*out = append(*out, jsonField{key: fmt.Sprintf("%q:", name), index: idx, omitEmpty: omit})
	}
	return true
}

// validKey accepts the names whose quoting is the same in Go and JSON and
// that the Encoder takes from a tag as they are.
func validKey(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-') {
			return false
		}
	}
	return true
}
