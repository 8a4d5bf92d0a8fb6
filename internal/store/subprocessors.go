package store

import (
	"context"
	"database/sql"
	"fmt"
	"hash/fnv"
	"strings"
)

// syncSubprocessors replaces the contract_subprocessors rows of a contract
// with the sub-processors of its latest analysis and marks the aggregates
// of every sub-processor and third-country pair it touched as out of date
// (stats_dirty); flushStats recomputes them before the next portfolio
// read. Call it in the transaction that changes a contract's latest
// analysis or vendor.
func syncSubprocessors(ctx context.Context, r runner, orgID, contractID int64) error {
	keys := map[string]bool{}
	pairs := map[statPair]bool{}
	collect := func() error {
		// seq keeps the planner on the primary key: the third-country
		// index covers the other columns and would be scanned whole.
		rows, err := r.query(ctx, `SELECT seq, name_key, third_country, country, transfer_mechanism FROM contract_subprocessors
WHERE org_id = ? AND contract_id = ? ORDER BY seq`, orgID, contractID)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var k, c, m string
			var seq, third int64
			if err := rows.Scan(&seq, &k, &third, &c, &m); err != nil {
				return err
			}
			keys[k] = true
			if third != 0 {
				pairs[statPair{c, m}] = true
			}
		}
		return rows.Err()
	}
	if err := collect(); err != nil {
		return fmt.Errorf("sub-processors of contract: %w", err)
	}
	if _, err := r.exec(ctx, `DELETE FROM contract_subprocessors WHERE org_id = ? AND contract_id = ?`, orgID, contractID); err != nil {
		return err
	}
	if _, err := r.exec(ctx, `INSERT INTO contract_subprocessors (org_id, contract_id, seq, vendor_id, analysis_id, name, name_key, country, third_country, transfer_mechanism, unprotected, service, location)
SELECT c.org_id, c.id, p.seq, c.vendor_id, p.analysis_id, p.name, p.name_key, p.country, p.third_country, p.transfer_mechanism,
	CASE WHEN p.third_country = 1 AND p.transfer_mechanism IN ('', 'none') THEN 1 ELSE 0 END, p.service, p.location
FROM contracts c JOIN analysis_subprocessors p ON p.org_id = c.org_id AND p.analysis_id = c.latest_analysis_id
WHERE c.org_id = ? AND c.id = ?`, orgID, contractID); err != nil {
		return fmt.Errorf("sub-processors of contract: %w", err)
	}
	if err := collect(); err != nil {
		return err
	}
	type mark struct{ kind, key, country, mechanism string }
	var marks []mark
	for k := range keys {
		marks = append(marks, mark{"key", k, "", ""})
	}
	for p := range pairs {
		marks = append(marks, mark{"pair", "", p.country, p.mechanism})
	}
	return insertRows(ctx, r, `INSERT INTO stats_dirty (org_id, kind, name_key, country, mechanism) VALUES `, 5, len(marks), func(i int) []any {
		m := marks[i]
		return []any{orgID, m.kind, m.key, m.country, m.mechanism}
	}, "")
}

type statPair struct{ country, mechanism string }

// flushStats recomputes the aggregates an organisation's uploads marked
// out of date. It deletes exactly the marks it read, so a mark written by
// a transaction that commits meanwhile survives for the next flush.
func (s *sqlStore) flushStats(ctx context.Context, orgID int64) error {
	for {
		var first int64
		err := s.r().row(ctx, `SELECT id FROM stats_dirty WHERE org_id = ? LIMIT 1`, orgID).Scan(&first)
		if err == sql.ErrNoRows {
			return nil
		}
		if err != nil {
			return fmt.Errorf("sub-processor statistics: %w", err)
		}
		more := false
		err = s.tx(ctx, func(r runner) error {
			if r.d.name == "postgres" {
				// One flush per organisation at a time.
				h := fnv.New64a()
				fmt.Fprintf(h, "art28 subprocessors %d", orgID)
				if _, err := r.exec(ctx, `SELECT pg_advisory_xact_lock(?)`, int64(h.Sum64()>>1)); err != nil {
					return err
				}
			}
			const batch = 5000
			rows, err := r.query(ctx, `SELECT id, kind, name_key, country, mechanism FROM stats_dirty WHERE org_id = ? ORDER BY id LIMIT `+fmt.Sprint(batch), orgID)
			if err != nil {
				return err
			}
			var ids []int64
			keys := map[string]bool{}
			pairs := map[statPair]bool{}
			for rows.Next() {
				var id int64
				var kind, k, c, m string
				if err := rows.Scan(&id, &kind, &k, &c, &m); err != nil {
					rows.Close()
					return err
				}
				ids = append(ids, id)
				if kind == "key" {
					keys[k] = true
				} else {
					pairs[statPair{c, m}] = true
				}
			}
			rows.Close()
			if err := rows.Err(); err != nil {
				return err
			}
			more = len(ids) == batch
			for k := range keys {
				if err := refreshKeyStats(ctx, r, orgID, k); err != nil {
					return err
				}
			}
			for p := range pairs {
				if err := refreshPairStats(ctx, r, orgID, p); err != nil {
					return err
				}
			}
			for start := 0; start < len(ids); start += 500 {
				part := ids[start:min(len(ids), start+500)]
				args := []any{orgID}
				for _, id := range part {
					args = append(args, id)
				}
				if _, err := r.exec(ctx, `DELETE FROM stats_dirty WHERE org_id = ? AND id IN (`+placeholders(len(part))+`)`, args...); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return fmt.Errorf("sub-processor statistics: %w", err)
		}
		if !more {
			return nil
		}
	}
}

func refreshKeyStats(ctx context.Context, r runner, orgID int64, k string) error {
	if _, err := r.exec(ctx, `DELETE FROM subprocessor_stats WHERE org_id = ? AND name_key = ?`, orgID, k); err != nil {
		return err
	}
	if _, err := r.exec(ctx, `INSERT INTO subprocessor_stats (org_id, name_key, name, contracts, vendors, third_country, unprotected)
SELECT org_id, name_key, MIN(name), COUNT(DISTINCT contract_id), COUNT(DISTINCT vendor_id), MAX(third_country),
	COUNT(DISTINCT CASE WHEN unprotected = 1 THEN contract_id END)
FROM contract_subprocessors WHERE org_id = ? AND name_key = ? GROUP BY org_id, name_key`, orgID, k); err != nil {
		return err
	}
	countries, err := keyCountries(ctx, r, orgID, k)
	if err != nil {
		return err
	}
	_, err = r.exec(ctx, `UPDATE subprocessor_stats SET countries = ? WHERE org_id = ? AND name_key = ?`, strings.Join(countries, ","), orgID, k)
	return err
}

func refreshPairStats(ctx context.Context, r runner, orgID int64, p statPair) error {
	if _, err := r.exec(ctx, `DELETE FROM third_country_stats WHERE org_id = ? AND country = ? AND mechanism = ?`, orgID, p.country, p.mechanism); err != nil {
		return err
	}
	_, err := r.exec(ctx, `INSERT INTO third_country_stats (org_id, country, mechanism, subprocessors, contracts)
SELECT org_id, country, transfer_mechanism, COUNT(DISTINCT name_key), COUNT(DISTINCT contract_id)
FROM contract_subprocessors WHERE org_id = ? AND third_country = 1 AND country = ? AND transfer_mechanism = ?
GROUP BY org_id, country, transfer_mechanism`, orgID, p.country, p.mechanism)
	return err
}

// keyCountries are the countries a sub-processor is named with, sorted.
func keyCountries(ctx context.Context, r runner, orgID int64, key string) ([]string, error) {
	rows, err := r.query(ctx, `SELECT DISTINCT country FROM contract_subprocessors WHERE org_id = ? AND name_key = ? AND country <> '' ORDER BY country`, orgID, key)
	if err != nil {
		return nil, fmt.Errorf("sub-processor countries: %w", err)
	}
	defer rows.Close()
	out := []string{}
	for rows.Next() {
		var c string
		if err := rows.Scan(&c); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}
