package summary

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"os"
)

// bom makes Excel read the CSV as UTF-8.
const bom = "\ufeff"

// writeCSV writes one table as UTF-8 CSV with a byte order mark.
func writeCSV(path string, t Table) (err error) {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("create summary: %w", err)
	}
	defer func() {
		if cerr := f.Close(); err == nil && cerr != nil {
			err = fmt.Errorf("close %s: %w", path, cerr)
		}
	}()
	bw := bufio.NewWriter(f)
	if _, err := bw.WriteString(bom); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	w := csv.NewWriter(bw)
	if err := w.Write(t.Header); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	rec := make([]string, len(t.Header))
	for _, row := range t.Rows {
		for i, c := range row {
			rec[i] = fmt.Sprint(c)
		}
		if err := w.Write(rec); err != nil {
			return fmt.Errorf("write %s: %w", path, err)
		}
	}
	w.Flush()
	if err := w.Error(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}
