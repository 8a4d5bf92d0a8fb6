// Command storebench fills a register database with generated contracts
// and measures the portfolio queries under concurrent clients:
//
//	go run ./internal/store/storebench -db sqlite:/tmp/load.db -n 10000 -clients 20 -duration 5s
//	go run ./internal/store/storebench -db 'postgres://postgres@127.0.0.1:5432/test?sslmode=disable' -n 10000
//
// It creates (or reuses) the organisation "load" and adds contracts until
// it holds -n of them; -fill=false only measures.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"runtime/pprof"
	"time"

	"github.com/art28/art28/internal/store"
	"github.com/art28/art28/internal/store/storetest"
)

func main() {
	dsn := flag.String("db", "", "database: sqlite:PATH or postgres://…")
	n := flag.Int("n", 10000, "contracts the organisation should hold")
	size := flag.Int("size", 20000, "bytes of text per generated contract")
	workers := flag.Int("workers", 4, "concurrent uploads while filling")
	batch := flag.Int("batch", 1, "uploads per transaction while filling (AddUploads)")
	fill := flag.Bool("fill", true, "add contracts up to -n")
	clients := flag.Int("clients", 20, "concurrent clients while measuring")
	dur := flag.Duration("duration", 5*time.Second, "measuring time per query")
	only := flag.String("query", "", "measure only the query of this name (e.g. \"list default\")")
	cpuprofile := flag.String("cpuprofile", "", "write a CPU profile to this file")
	flag.Parse()
	if *only != "" {
		qs := storetest.LoadQueries[:0:0]
		for _, q := range storetest.LoadQueries {
			if q.Name == *only {
				qs = append(qs, q)
			}
		}
		storetest.LoadQueries = qs
	}
	if *cpuprofile != "" {
		f, err := os.Create(*cpuprofile)
		if err == nil {
			pprof.StartCPUProfile(f)
			defer pprof.StopCPUProfile()
		}
	}
	if err := run(*dsn, *n, *size, *workers, *batch, *fill, *clients, *dur); err != nil {
		pprof.StopCPUProfile()
		fmt.Fprintln(os.Stderr, "storebench:", err)
		os.Exit(1)
	}
}

func run(dsn string, n, size, workers, batch int, fill bool, clients int, dur time.Duration) error {
	ctx := context.Background()
	st, err := store.Open(ctx, dsn)
	if err != nil {
		return err
	}
	defer st.Close()
	org, err := st.GetOrgBySlug(ctx, "load")
	if err != nil {
		if org, err = st.CreateOrg(ctx, "Load test", "load"); err != nil {
			return err
		}
	}
	sc := store.Scope{OrgID: org.ID}
	page, err := st.ListContracts(ctx, sc, store.ContractQuery{Limit: 1})
	if err != nil {
		return err
	}
	if fill && page.Total < n {
		todo := n - page.Total
		fmt.Printf("filling %d contracts (%s, %d bytes each, %d workers, %d per transaction)\n", todo, st.Backend(), size, workers, batch)
		took, err := storetest.Fill(ctx, st, sc, todo, size, workers, batch, func(done int) {
			if done%1000 < batch {
				fmt.Printf("  %d\n", done)
			}
		})
		if err != nil {
			return err
		}
		fmt.Printf("filled %d contracts in %s (%.0f/s)\n", todo, took.Round(time.Millisecond), float64(todo)/took.Seconds())
		if err := storetest.SetStates(ctx, st, sc, 3); err != nil {
			return err
		}
		if err := st.Maintain(ctx); err != nil {
			return err
		}
	}
	page, err = st.ListContracts(ctx, sc, store.ContractQuery{Limit: 1})
	if err != nil {
		return err
	}
	fmt.Printf("%s: %d contracts; %d clients, %s per query\n", st.Backend(), page.Total, clients, dur)
	for _, r := range storetest.Measure(ctx, st, sc, clients, dur) {
		fmt.Println(r)
		if r.FirstError != nil {
			fmt.Println("  first error:", r.FirstError)
		}
	}
	return nil
}
