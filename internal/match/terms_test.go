package match

import (
	"fmt"
	"sync"
	"testing"
)

// TestRegisterConcurrent registers and queries terms from several
// goroutines; run with -race it checks the lock-free reads.
func TestRegisterConcurrent(t *testing.T) {
	ix := index("alpha beta gamma", "delta epsilon")
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			local := index("alpha beta gamma", "delta epsilon")
			for i := range 200 {
				id := Register(fmt.Sprintf("w%d-%d", g, i))
				if got := RegisterAll([]string{fmt.Sprintf("w%d-%d", g, i)})[0]; got != id {
					t.Errorf("second registration gave %d, want %d", got, id)
				}
				if !local.TermByID(id).Empty() {
					t.Errorf("unknown word matched")
				}
			}
			if members := local.Term("delta"); !members.Has(1) || members.Has(0) {
				t.Errorf("Term(delta) = %v", members)
			}
		}()
	}
	wg.Wait()
	if b := ix.TermByID(TermID(-1)); !b.Empty() {
		t.Errorf("an invalid id matched %v", b)
	}
}
