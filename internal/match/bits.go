package match

import "math/bits"

// Bits is a fixed-size set of sentence indices.
type Bits []uint64

// NewBits returns an empty set for n sentences.
func NewBits(n int) Bits { return make(Bits, (n+63)/64) }

// Set adds i.
func (b Bits) Set(i int) { b[i/64] |= 1 << (uint(i) % 64) }

// setAll adds every index in list.
func (b Bits) setAll(list []int32) {
	for _, i := range list {
		b[i/64] |= 1 << (uint(i) % 64)
	}
}

// Has reports whether i is in the set.
func (b Bits) Has(i int) bool { return i >= 0 && i/64 < len(b) && b[i/64]&(1<<(uint(i)%64)) != 0 }

// Or adds every member of o.
func (b Bits) Or(o Bits) {
	for i := range b {
		b[i] |= o[i]
	}
}

// And keeps only members of o.
func (b Bits) And(o Bits) {
	for i := range b {
		b[i] &= o[i]
	}
}

// Empty reports whether the set has no members.
func (b Bits) Empty() bool {
	for _, w := range b {
		if w != 0 {
			return false
		}
	}
	return true
}

// Clone returns a copy.
func (b Bits) Clone() Bits { return append(Bits(nil), b...) }

// Each calls f for every member in increasing order.
func (b Bits) Each(f func(int)) {
	for wi, w := range b {
		for w != 0 {
			t := bits.TrailingZeros64(w)
			f(wi*64 + t)
			w &= w - 1
		}
	}
}
