package extract

import (
	"bytes"
	"fmt"
	"go/format"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
)

// The trie orders of the word lists of the knowledge's alternations
// (altWords sorts a list longest first, then trieOrder orders it by folded
// runes) are computed when Compile writes precomputedFile and appended to
// it as precomputedAltOrders: the sorted list, and the position in it of
// each word in trie order. altWords takes the order from there when it
// has the same sorted list, so a process does not fold and sort the
// country, city, legal-form and role lists again at start-up; any other
// list (stale or changed knowledge) is ordered as before. TestAltOrders
// checks the table against trieOrder.

// altOrder is the trie order of the sorted word list in: out[i] is
// in[perm[i]].
type altOrder struct {
	in   []string
	perm []int32
}

// precomputedTrieOrder returns the precomputed trie order of words, nil
// if there is none.
func precomputedTrieOrder(words []string) []string {
	for i := range precomputedAltOrders {
		o := &precomputedAltOrders[i]
		if len(o.in) != len(words) || !slices.Equal(o.in, words) {
			continue
		}
		ws := make([]string, len(o.perm))
		for j, k := range o.perm {
			ws[j] = words[k]
		}
		return ws
	}
	return nil
}

// altRecorder, while Compile runs, records the lists given to altWords.
var (
	altRecorder atomic.Pointer[altRecord]
	altRecordMu sync.Mutex // one recording at a time
)

type altRecord struct {
	mu     sync.Mutex
	orders map[string]altOrder // by the list joined with NUL
}

// add records the order ws of the list words.
func (r *altRecord) add(words, ws []string) {
	pos := make(map[string][]int32, len(words))
	for i, w := range words {
		pos[w] = append(pos[w], int32(i))
	}
	perm := make([]int32, len(ws))
	for i, w := range ws {
		perm[i] = pos[w][0]
		pos[w] = pos[w][1:]
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	r.orders[strings.Join(words, "\x00")] = altOrder{in: slices.Clone(words), perm: perm}
}

// recordAltOrders runs compile and returns the orders of the lists it gave
// altWords, sorted by the lists.
func recordAltOrders(compile func() error) ([]altOrder, error) {
	altRecordMu.Lock()
	defer altRecordMu.Unlock()
	r := &altRecord{orders: map[string]altOrder{}}
	altRecorder.Store(r)
	err := compile()
	altRecorder.Store(nil)
	if err != nil {
		return nil, err
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	keys := make([]string, 0, len(r.orders))
	for k := range r.orders {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	out := make([]altOrder, len(keys))
	for i, k := range keys {
		out[i] = r.orders[k]
	}
	return out, nil
}

// appendAltOrders appends orders to src as precomputedAltOrders.
func appendAltOrders(src []byte, orders []altOrder) ([]byte, error) {
	b := bytes.NewBuffer(src)
	b.WriteString("\n// precomputedAltOrders are the alternation orders of the knowledge's word\n// lists (see altorder.go).\nvar precomputedAltOrders = []altOrder{\n")
	for _, o := range orders {
		b.WriteString("{in: []string{")
		for i, w := range o.in {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString(strconv.Quote(w))
		}
		b.WriteString("}, perm: []int32{")
		for i, k := range o.perm {
			if i > 0 {
				b.WriteString(", ")
			}
			fmt.Fprintf(b, "%d", k)
		}
		b.WriteString("}},\n")
	}
	b.WriteString("}\n")
	return format.Source(b.Bytes())
}
