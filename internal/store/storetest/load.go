package storetest

import (
	"context"
	"fmt"
	"math/rand/v2"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/art28/art28/internal/store"
)

// Fill adds n generated contracts to the scope's organisation, each with
// one version of about size bytes of distinct text and a SampleResult
// analysis, with workers uploads at a time, batch uploads per transaction
// (AddUploads; 1: AddUpload). Vendors are distinct, so n contracts result.
// It returns how long the uploads took.
func Fill(ctx context.Context, st store.Store, sc store.Scope, n, size, workers, batch int, progress func(done int)) (time.Duration, error) {
	workers, batch = max(1, workers), max(1, batch)
	start := time.Now()
	jobs := make(chan []int)
	errs := make(chan error, workers)
	var done int
	var mu sync.Mutex
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for is := range jobs {
				var us []store.Upload
				for _, i := range is {
					vendor := fmt.Sprintf("%s %05d", vendorNames[i%len(vendorNames)], i)
					line := fmt.Sprintf("§ %d Auftragsverarbeitung für %s. ", i, vendor)
					content := []byte(strings.Repeat(line, max(1, size/len(line))))
					us = append(us, store.Upload{VendorKey: vendor, VendorName: vendor, Title: "AVV " + vendor,
						Filename: fmt.Sprintf("avv-%05d.txt", i), MediaType: "text/plain", Content: content, Result: SampleResult(vendor, i)})
				}
				var err error
				if len(us) == 1 {
					_, err = st.AddUpload(ctx, sc, us[0])
				} else {
					_, err = st.AddUploads(ctx, sc, us)
				}
				if err != nil {
					errs <- fmt.Errorf("contracts %v: %w", is, err)
					return
				}
				mu.Lock()
				done += len(us)
				d := done
				mu.Unlock()
				if progress != nil {
					progress(d)
				}
			}
		}()
	}
	var err error
feed:
	for i := 0; i < n; i += batch {
		var is []int
		for j := i; j < min(n, i+batch); j++ {
			is = append(is, j)
		}
		select {
		case jobs <- is:
		case err = <-errs:
			break feed
		}
	}
	close(jobs)
	wg.Wait()
	if err == nil {
		select {
		case err = <-errs:
		default:
		}
	}
	return time.Since(start), err
}

var vendorNames = []string{"Acme Cloud GmbH", "Beispiel Hosting AG", "Muster CRM SE", "Datenwerk KG", "Lohn & Gehalt GmbH",
	"Mailversand GmbH", "Ticketsystem Ltd", "Analytics Inc", "Backup Service GmbH", "Telefonie AG"}

// LoadResult holds the latencies of one kind of query.
type LoadResult struct {
	Query               string
	N                   int
	P50, P95, P99, Max  time.Duration
	PerSecond           float64
	Errors              int
	FirstError          error
	ContractsPerRequest int
}

func (r LoadResult) String() string {
	return fmt.Sprintf("%-28s n=%-6d p50=%-8s p95=%-8s p99=%-8s max=%-8s %.0f/s errors=%d",
		r.Query, r.N, r.P50.Round(10*time.Microsecond), r.P95.Round(10*time.Microsecond), r.P99.Round(10*time.Microsecond),
		r.Max.Round(10*time.Microsecond), r.PerSecond, r.Errors)
}

// LoadQueries are the portfolio queries Measure runs: what the portfolio
// page and the API list do (a page of 50 with a filter or a sort), and the
// sub-processor views.
var LoadQueries = []struct {
	Name string
	Run  func(ctx context.Context, st store.Store, sc store.Scope, rnd *rand.Rand) error
}{
	{"list default", func(ctx context.Context, st store.Store, sc store.Scope, rnd *rand.Rand) error {
		_, err := st.ListContracts(ctx, sc, store.ContractQuery{Limit: 50, Offset: 50 * rnd.IntN(20)})
		return err
	}},
	{"list sorted", func(ctx context.Context, st store.Store, sc store.Scope, rnd *rand.Rand) error {
		sorts := []string{store.SortVendor, store.SortMandatoryMissing, store.SortFindings, store.SortThirdCountry, store.SortNextReview, store.SortBreachHours}
		_, err := st.ListContracts(ctx, sc, store.ContractQuery{Sort: sorts[rnd.IntN(len(sorts))], Desc: rnd.IntN(2) == 0, Limit: 50, Offset: 50 * rnd.IntN(100)})
		return err
	}},
	{"list filtered", func(ctx context.Context, st store.Store, sc store.Scope, rnd *rand.Rand) error {
		q := store.ContractQuery{Limit: 50, Sort: store.SortVendor}
		switch rnd.IntN(5) {
		case 0:
			q.Unprotected = true
		case 1:
			q.States = []store.State{store.StateNew, store.StateInReview}
		case 2:
			q.MandatoryMissing, q.ThirdCountry = true, true
		case 3:
			q.ReviewDueBy = "2027-12-31"
		case 4:
			q.ObjectionRunningOn = "2027-01-01"
		}
		_, err := st.ListContracts(ctx, sc, q)
		return err
	}},
	{"list search", func(ctx context.Context, st store.Store, sc store.Scope, rnd *rand.Rand) error {
		_, err := st.ListContracts(ctx, sc, store.ContractQuery{Search: fmt.Sprintf("hosting ag %02d", rnd.IntN(100)), Limit: 50})
		return err
	}},
	{"list uses sub-processor", func(ctx context.Context, st store.Store, sc store.Scope, rnd *rand.Rand) error {
		names := []string{"IONOS", "Amazon Web Services", "Zendesk"}
		_, err := st.ListContracts(ctx, sc, store.ContractQuery{Subprocessor: names[rnd.IntN(len(names))], Limit: 50})
		return err
	}},
	{"sub-processors", func(ctx context.Context, st store.Store, sc store.Scope, rnd *rand.Rand) error {
		_, _, err := st.ListSubprocessors(ctx, sc, store.SubprocessorQuery{})
		return err
	}},
	{"sub-processor usage", func(ctx context.Context, st store.Store, sc store.Scope, rnd *rand.Rand) error {
		_, err := st.SubprocessorUsage(ctx, sc, "IONOS SE")
		return err
	}},
	{"third countries", func(ctx context.Context, st store.Store, sc store.Scope, rnd *rand.Rand) error {
		_, err := st.ThirdCountries(ctx, sc)
		return err
	}},
	{"contract page", func(ctx context.Context, st store.Store, sc store.Scope, rnd *rand.Rand) error {
		p, err := st.ListContracts(ctx, sc, store.ContractQuery{Limit: 1, Offset: rnd.IntN(1000)})
		if err != nil || len(p.Contracts) == 0 {
			return err
		}
		c := p.Contracts[0]
		if _, err := st.GetContract(ctx, sc, c.ID); err != nil {
			return err
		}
		if _, err := st.LatestAnalysis(ctx, sc, c.ID); err != nil {
			return err
		}
		_, err = st.CurrentDecisions(ctx, sc, c.ID)
		return err
	}},
}

// Measure runs each of LoadQueries with clients concurrent clients for d
// and reports latency percentiles.
func Measure(ctx context.Context, st store.Store, sc store.Scope, clients int, d time.Duration) []LoadResult {
	var out []LoadResult
	for _, q := range LoadQueries {
		var mu sync.Mutex
		var lat []time.Duration
		res := LoadResult{Query: q.Name}
		deadline := time.Now().Add(d)
		var wg sync.WaitGroup
		for c := 0; c < clients; c++ {
			wg.Add(1)
			go func(c int) {
				defer wg.Done()
				rnd := rand.New(rand.NewPCG(uint64(c), 28))
				var local []time.Duration
				for time.Now().Before(deadline) {
					t0 := time.Now()
					err := q.Run(ctx, st, sc, rnd)
					local = append(local, time.Since(t0))
					if err != nil {
						mu.Lock()
						res.Errors++
						if res.FirstError == nil {
							res.FirstError = err
						}
						mu.Unlock()
					}
				}
				mu.Lock()
				lat = append(lat, local...)
				mu.Unlock()
			}(c)
		}
		wg.Wait()
		sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
		res.N = len(lat)
		if len(lat) > 0 {
			pct := func(p float64) time.Duration { return lat[min(len(lat)-1, int(p*float64(len(lat))))] }
			res.P50, res.P95, res.P99, res.Max = pct(0.50), pct(0.95), pct(0.99), lat[len(lat)-1]
		}
		res.PerSecond = float64(res.N) / d.Seconds()
		out = append(out, res)
	}
	return out
}

// SetStates gives the generated contracts varied states and dates (as
// reviewers would), so the state and date filters select a part.
func SetStates(ctx context.Context, st store.Store, sc store.Scope, every int) error {
	for offset := 0; ; offset += 1000 {
		page, err := st.ListContracts(ctx, sc, store.ContractQuery{Limit: 1000, Offset: offset, Sort: store.SortCreated})
		if err != nil {
			return err
		}
		if len(page.Contracts) == 0 {
			return nil
		}
		for j, c := range page.Contracts {
			i := offset + j
			if i%every != 0 {
				continue
			}
			s := store.States[i%len(store.States)]
			next := fmt.Sprintf("2027-%02d-15", 1+i%12)
			obj := fmt.Sprintf("2027-01-%02d", 1+i%28)
			if _, err := st.UpdateContract(ctx, sc, c.ID, store.ContractUpdate{State: &s, NextReview: &next, ObjectionUntil: &obj}); err != nil {
				return err
			}
		}
	}
}
