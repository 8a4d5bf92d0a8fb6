package input

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
)

// maxNodes caps the elements and text nodes read from one XML part, so a
// small but deeply repetitive file cannot exhaust memory.
const maxNodes = 1_000_000

// xnode is an element or, with an empty name, a text node of a parsed XML
// part. Names are local names; namespace prefixes are dropped, which is
// enough for the fixed vocabularies of WordprocessingML and ODF.
type xnode struct {
	name  string
	attrs []xml.Attr
	kids  []*xnode
	text  string
}

// attr returns the value of the attribute with the local name, or "".
func (n *xnode) attr(local string) string {
	for _, a := range n.attrs {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// child returns the first child element with the local name, or nil.
func (n *xnode) child(local string) *xnode {
	if n == nil {
		return nil
	}
	for _, k := range n.kids {
		if k.name == local {
			return k
		}
	}
	return nil
}

// path follows a chain of child elements.
func (n *xnode) path(locals ...string) *xnode {
	for _, l := range locals {
		n = n.child(l)
		if n == nil {
			return nil
		}
	}
	return n
}

// parseXML reads an XML part into a tree.
func parseXML(data []byte) (*xnode, error) {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = true
	root := &xnode{name: "#root"}
	stack := []*xnode{root}
	nodes := 0
	for {
		tok, err := d.RawToken()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%w: XML: %v", ErrMalformed, err)
		}
		nodes++
		if nodes > maxNodes {
			return nil, fmt.Errorf("%w: more than %d XML nodes", ErrLimit, maxNodes)
		}
		top := stack[len(stack)-1]
		switch t := tok.(type) {
		case xml.StartElement:
			n := &xnode{name: t.Name.Local, attrs: t.Copy().Attr}
			top.kids = append(top.kids, n)
			stack = append(stack, n)
			if len(stack) > 1000 {
				return nil, fmt.Errorf("%w: XML nested deeper than 1000 levels", ErrLimit)
			}
		case xml.EndElement:
			if len(stack) == 1 || top.name != t.Name.Local {
				return nil, fmt.Errorf("%w: XML: unexpected </%s>", ErrMalformed, t.Name.Local)
			}
			stack = stack[:len(stack)-1]
		case xml.CharData:
			if len(stack) > 1 {
				top.kids = append(top.kids, &xnode{text: string(t)})
			}
		}
	}
	if len(stack) != 1 {
		return nil, fmt.Errorf("%w: XML: unexpected end of file", ErrMalformed)
	}
	if len(root.kids) == 0 {
		return nil, fmt.Errorf("%w: XML: no root element", ErrMalformed)
	}
	return root.kids[0], nil
}

// numberText formats n in a numbering format: decimal, letters or roman
// numerals. Formats follow WordprocessingML names; ODF's "1", "a", "A",
// "i", "I" are mapped by the caller.
func numberText(n int, format string) string {
	switch format {
	case "lowerLetter", "upperLetter":
		if n < 1 || n > 26*4 {
			// Beyond "zzzz" a letter label would grow without bound.
			return fmt.Sprint(n)
		}
		// Word repeats the letter after z: aa, bb.
		letter := string(rune('a' + (n-1)%26))
		s := strings.Repeat(letter, (n-1)/26+1)
		if format == "upperLetter" {
			s = strings.ToUpper(s)
		}
		return s
	case "lowerRoman":
		return strings.ToLower(roman(n))
	case "upperRoman":
		return roman(n)
	case "decimalZero":
		if n < 10 {
			return fmt.Sprintf("0%d", n)
		}
		return fmt.Sprint(n)
	case "none", "bullet", "":
		return ""
	default:
		return fmt.Sprint(n)
	}
}

func roman(n int) string {
	if n <= 0 || n >= 4000 {
		return fmt.Sprint(n)
	}
	vals := []int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
	syms := []string{"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"}
	var b strings.Builder
	for i, v := range vals {
		for n >= v {
			b.WriteString(syms[i])
			n -= v
		}
	}
	return b.String()
}
