package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
)

// SubprocessorUsage joins with CROSS JOIN, which SQLite takes as "in this
// order": from the sub-processor's index to the contracts by key, instead
// of walking every contract in vendor order (PostgreSQL plans it freely).

// The portfolio views read contract_subprocessors (the sub-processors of
// each contract's latest analysis) and the aggregates kept beside it, all
// in the scope's organisation.

func (s *sqlStore) ListSubprocessors(ctx context.Context, sc Scope, q SubprocessorQuery) ([]SubprocessorSummary, int, error) {
	if err := sc.check(); err != nil {
		return nil, 0, err
	}
	if err := s.flushStats(ctx, sc.OrgID); err != nil {
		return nil, 0, err
	}
	limit, offset := clampPage(q.Limit, q.Offset, 100, 1000)
	where := "s.org_id = ?"
	args := []any{sc.OrgID}
	if k := NormalizeKey(q.Search); k != "" {
		where += ` AND s.name_key LIKE ? ESCAPE '\'`
		args = append(args, "%"+escapeLike(k)+"%")
	}
	if q.ThirdCountry {
		where += " AND s.third_country = 1"
	}
	var total int
	if err := s.r().row(ctx, `SELECT COUNT(*) FROM subprocessor_stats s WHERE `+where, args...).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("count sub-processors: %w", err)
	}
	rows, err := s.r().query(ctx, `SELECT s.name_key, s.name, s.contracts, s.vendors, s.third_country, s.unprotected, s.countries
FROM subprocessor_stats s WHERE `+where+` ORDER BY s.contracts DESC, s.name_key LIMIT ? OFFSET ?`, append(args, limit, offset)...)
	if err != nil {
		return nil, 0, fmt.Errorf("sub-processors: %w", err)
	}
	out := []SubprocessorSummary{}
	var unknown []int
	for rows.Next() {
		var sp SubprocessorSummary
		var third int64
		var countries sql.NullString
		if err := rows.Scan(&sp.Key, &sp.Name, &sp.Contracts, &sp.Vendors, &third, &sp.Unprotected, &countries); err != nil {
			rows.Close()
			return nil, 0, err
		}
		sp.ThirdCountry = third != 0
		sp.Countries = []string{}
		if !countries.Valid {
			unknown = append(unknown, len(out))
		} else if countries.String != "" {
			sp.Countries = strings.Split(countries.String, ",")
		}
		out = append(out, sp)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, 0, err
	}
	// Aggregates from before migration 0003 have no countries yet.
	for _, i := range unknown {
		if out[i].Countries, err = keyCountries(ctx, s.r(), sc.OrgID, out[i].Key); err != nil {
			return nil, 0, err
		}
	}
	return out, total, nil
}

func (s *sqlStore) SubprocessorUsage(ctx context.Context, sc Scope, key string) ([]SubprocessorUse, error) {
	if err := sc.check(); err != nil {
		return nil, err
	}
	rows, err := s.r().query(ctx, `SELECT c.id, c.title, c.vendor_id, c.vendor_name, p.analysis_id, p.name_key, p.name, p.country, p.third_country,
p.transfer_mechanism, p.service, p.location
FROM contract_subprocessors p CROSS JOIN contracts c
WHERE c.org_id = p.org_id AND c.id = p.contract_id AND p.org_id = ? AND p.name_key = ? ORDER BY c.vendor_name, c.id, p.seq`, sc.OrgID, NormalizeKey(key))
	if err != nil {
		return nil, fmt.Errorf("sub-processor usage: %w", err)
	}
	defer rows.Close()
	out := []SubprocessorUse{}
	for rows.Next() {
		var u SubprocessorUse
		var third int64
		if err := rows.Scan(&u.ContractID, &u.ContractTitle, &u.VendorID, &u.VendorName, &u.AnalysisID, &u.Key, &u.Name,
			&u.Country, &third, &u.TransferMechanism, &u.Service, &u.Location); err != nil {
			return nil, err
		}
		u.ThirdCountry = third != 0
		out = append(out, u)
	}
	return out, rows.Err()
}

func (s *sqlStore) ThirdCountries(ctx context.Context, sc Scope) ([]ThirdCountryRow, error) {
	if err := sc.check(); err != nil {
		return nil, err
	}
	if err := s.flushStats(ctx, sc.OrgID); err != nil {
		return nil, err
	}
	rows, err := s.r().query(ctx, `SELECT country, mechanism, subprocessors, contracts FROM third_country_stats
WHERE org_id = ? ORDER BY country, mechanism`, sc.OrgID)
	if err != nil {
		return nil, fmt.Errorf("third countries: %w", err)
	}
	defer rows.Close()
	out := []ThirdCountryRow{}
	for rows.Next() {
		var t ThirdCountryRow
		if err := rows.Scan(&t.Country, &t.Mechanism, &t.Subprocessors, &t.Contracts); err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, rows.Err()
}

// subprocessorKeys are the sub-processor keys of an organisation that
// contain k.
func (s *sqlStore) subprocessorKeys(ctx context.Context, orgID int64, k string) ([]string, error) {
	if err := s.flushStats(ctx, orgID); err != nil {
		return nil, err
	}
	rows, err := s.r().query(ctx, `SELECT name_key FROM subprocessor_stats WHERE org_id = ? AND name_key LIKE ? ESCAPE '\' ORDER BY name_key LIMIT 200`,
		orgID, "%"+escapeLike(k)+"%")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var key string
		if err := rows.Scan(&key); err != nil {
			return nil, err
		}
		out = append(out, key)
	}
	return out, rows.Err()
}

// --- exports ---

const exportCols = `id, org_id, contract_id, kind, format, filename, sha256, size, created_by, created_at`

func scanExport(sc interface{ Scan(...any) error }) (Export, error) {
	var e Export
	var contract, by sql.NullInt64
	var sha sql.NullString
	var created int64
	err := sc.Scan(&e.ID, &e.OrgID, &contract, &e.Kind, &e.Format, &e.Filename, &sha, &e.Size, &by, &created)
	e.ContractID, e.SHA256, e.CreatedBy, e.CreatedAt = contract.Int64, sha.String, by.Int64, fromMicro(created)
	return e, notFound(err)
}

func (s *sqlStore) RecordExport(ctx context.Context, sc Scope, ne NewExport) (Export, error) {
	if err := sc.check(); err != nil {
		return Export{}, err
	}
	if strings.TrimSpace(ne.Kind) == "" || strings.TrimSpace(ne.Format) == "" {
		return Export{}, fmt.Errorf("%w: export needs a kind and a format", ErrInvalid)
	}
	e := Export{OrgID: sc.OrgID, ContractID: ne.ContractID, Kind: ne.Kind, Format: ne.Format, Filename: cleanFilename(ne.Filename),
		Size: int64(len(ne.Content)), CreatedBy: sc.UserID, CreatedAt: now()}
	err := s.tx(ctx, func(r runner) error {
		if ne.ContractID > 0 {
			if _, err := getContract(ctx, r, sc, ne.ContractID, false); err != nil {
				return err
			}
		}
		var sha any
		if ne.Content != nil {
			h, err := putFile(ctx, r, sc, ne.Content)
			if err != nil {
				return err
			}
			e.SHA256, sha = h, h
		}
		var err error
		e.ID, err = r.insertID(ctx, `INSERT INTO exports (org_id, contract_id, kind, format, filename, sha256, size, created_by, created_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, sc.OrgID, nullID(ne.ContractID), e.Kind, e.Format, e.Filename, sha, e.Size, nullID(sc.UserID), e.CreatedAt.UnixMicro())
		if err != nil {
			return fmt.Errorf("record export: %w", err)
		}
		return audit(ctx, r, sc, "export.create", "export", e.ID, nil, e)
	})
	return e, err
}

func (s *sqlStore) GetExport(ctx context.Context, sc Scope, id int64) (Export, error) {
	if err := sc.check(); err != nil {
		return Export{}, err
	}
	return scanExport(s.r().row(ctx, `SELECT `+exportCols+` FROM exports WHERE org_id = ? AND id = ?`, sc.OrgID, id))
}

func (s *sqlStore) ListExports(ctx context.Context, sc Scope, contractID int64) ([]Export, error) {
	if err := sc.check(); err != nil {
		return nil, err
	}
	q := `SELECT ` + exportCols + ` FROM exports WHERE org_id = ?`
	args := []any{sc.OrgID}
	if contractID > 0 {
		if _, err := getContract(ctx, s.r(), sc, contractID, false); err != nil {
			return nil, err
		}
		q += ` AND contract_id = ?`
		args = append(args, contractID)
	}
	rows, err := s.r().query(ctx, q+` ORDER BY id DESC LIMIT 1000`, args...)
	if err != nil {
		return nil, fmt.Errorf("list exports: %w", err)
	}
	defer rows.Close()
	var out []Export
	for rows.Next() {
		e, err := scanExport(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

func (s *sqlStore) ReadExport(ctx context.Context, sc Scope, id int64) (Export, []byte, error) {
	e, err := s.GetExport(ctx, sc, id)
	if err != nil {
		return Export{}, nil, err
	}
	if e.SHA256 == "" {
		return e, nil, nil
	}
	content, _, err := s.ReadFile(ctx, sc, e.SHA256)
	return e, content, err
}
