package store

import (
	"context"
	"fmt"
	"hash/fnv"
)

// syncSubprocessors replaces the contract_subprocessors rows of a contract
// with the sub-processors of its latest analysis and recomputes the
// aggregates of every sub-processor and third-country pair it touched.
// Call it in the transaction that changes a contract's latest analysis or
// vendor.
func syncSubprocessors(ctx context.Context, r runner, orgID, contractID int64) error {
	if r.d.name == "postgres" {
		// Aggregates read rows other transactions write: one sync per
		// organisation at a time, so each sees the others' committed rows.
		h := fnv.New64a()
		fmt.Fprintf(h, "art28 subprocessors %d", orgID)
		if _, err := r.exec(ctx, `SELECT pg_advisory_xact_lock(?)`, int64(h.Sum64()>>1)); err != nil {
			return err
		}
	}
	type pair struct{ country, mechanism string }
	keys := map[string]bool{}
	pairs := map[pair]bool{}
	collect := func() error {
		rows, err := r.query(ctx, `SELECT name_key, third_country, country, transfer_mechanism FROM contract_subprocessors WHERE org_id = ? AND contract_id = ?`, orgID, contractID)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var k, c, m string
			var third int64
			if err := rows.Scan(&k, &third, &c, &m); err != nil {
				return err
			}
			keys[k] = true
			if third != 0 {
				pairs[pair{c, m}] = true
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
	for k := range keys {
		if _, err := r.exec(ctx, `DELETE FROM subprocessor_stats WHERE org_id = ? AND name_key = ?`, orgID, k); err != nil {
			return err
		}
		if _, err := r.exec(ctx, `INSERT INTO subprocessor_stats (org_id, name_key, name, contracts, vendors, third_country, unprotected)
SELECT org_id, name_key, MIN(name), COUNT(DISTINCT contract_id), COUNT(DISTINCT vendor_id), MAX(third_country),
	COUNT(DISTINCT CASE WHEN unprotected = 1 THEN contract_id END)
FROM contract_subprocessors WHERE org_id = ? AND name_key = ? GROUP BY org_id, name_key`, orgID, k); err != nil {
			return fmt.Errorf("sub-processor statistics: %w", err)
		}
	}
	for p := range pairs {
		if _, err := r.exec(ctx, `DELETE FROM third_country_stats WHERE org_id = ? AND country = ? AND mechanism = ?`, orgID, p.country, p.mechanism); err != nil {
			return err
		}
		if _, err := r.exec(ctx, `INSERT INTO third_country_stats (org_id, country, mechanism, subprocessors, contracts)
SELECT org_id, country, transfer_mechanism, COUNT(DISTINCT name_key), COUNT(DISTINCT contract_id)
FROM contract_subprocessors WHERE org_id = ? AND third_country = 1 AND country = ? AND transfer_mechanism = ?
GROUP BY org_id, country, transfer_mechanism`, orgID, p.country, p.mechanism); err != nil {
			return fmt.Errorf("third-country statistics: %w", err)
		}
	}
	return nil
}
