package summary

import (
	"fmt"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// writeXLSX writes every table to its own sheet with a bold, frozen header
// row, column filters and column widths fitted to the content.
func writeXLSX(path string, tables []Table) error {
	f := excelize.NewFile()
	defer f.Close()
	bold, err := f.NewStyle(&excelize.Style{
		Font: &excelize.Font{Bold: true},
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DCE6F1"}},
	})
	if err != nil {
		return fmt.Errorf("xlsx style: %w", err)
	}
	for i, t := range tables {
		if err := writeSheet(f, i, t, bold); err != nil {
			return fmt.Errorf("xlsx sheet %q: %w", t.Name, err)
		}
	}
	if err := f.SaveAs(path); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

func writeSheet(f *excelize.File, idx int, t Table, headerStyle int) error {
	name := t.Name
	if idx == 0 {
		if err := f.SetSheetName("Sheet1", name); err != nil {
			return err
		}
	} else if _, err := f.NewSheet(name); err != nil {
		return err
	}
	if err := f.SetSheetRow(name, "A1", &t.Header); err != nil {
		return err
	}
	last, err := excelize.CoordinatesToCellName(len(t.Header), 1)
	if err != nil {
		return err
	}
	if err := f.SetCellStyle(name, "A1", last, headerStyle); err != nil {
		return err
	}
	widths := make([]int, len(t.Header))
	for i, h := range t.Header {
		widths[i] = utf8.RuneCountInString(h) + 3
	}
	for i, row := range t.Rows {
		for j, c := range row {
			if s, ok := c.(string); ok {
				widths[j] = max(widths[j], min(utf8.RuneCountInString(s)+2, 60))
			}
		}
		cell, err := excelize.CoordinatesToCellName(1, i+2)
		if err != nil {
			return err
		}
		if err := f.SetSheetRow(name, cell, &row); err != nil {
			return err
		}
	}
	for i, w := range widths {
		col, err := excelize.ColumnNumberToName(i + 1)
		if err != nil {
			return err
		}
		if err := f.SetColWidth(name, col, col, float64(w)); err != nil {
			return err
		}
	}
	if err := f.SetPanes(name, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	end, err := excelize.CoordinatesToCellName(len(t.Header), max(len(t.Rows)+1, 2))
	if err != nil {
		return err
	}
	return f.AutoFilter(name, "A1:"+end, nil)
}
