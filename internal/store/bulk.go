package store

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"github.com/jackc/pgx/v5"
)

// The bulk path of AddUploads. An upload that creates its vendor also
// creates its contract, and nothing else in the database refers to either
// yet; the batch's later uploads for that vendor add versions to that
// contract. Such uploads are stored together, one multi-row statement per
// table for the whole batch, instead of some twenty-five statements each (on
// PostgreSQL every statement is a round trip to the server, and a bulk
// import with one writer is bound by them). The rows written are those the
// one-by-one path (addUpload) writes for the same uploads; the ids of
// contracts, versions and analyses are reserved first, so that each
// contract is inserted once, already pointing at its latest version and
// analysis, instead of being updated twice.

// bulkMaxParams bounds the parameters of one statement (SQLite allows
// 32766, PostgreSQL 65535).
const bulkMaxParams = 30000

// bulkRows is the most rows of one multi-row statement: large enough for an
// import batch's requirements in a few statements, small enough to keep a
// statement's text reasonable. A power of two (see chunks).
const bulkRows = 256

// chunks calls fn for consecutive ranges of [0, n), each as long as the
// largest power of two that fits in max rows and in what is left: a
// multi-row statement then takes one of a few texts (256, 128, … 1 rows),
// which the statement caches of both drivers keep, instead of a new text
// for every batch.
func chunks(n, max int, fn func(start, end int) error) error {
	size := 1
	for size*2 <= max {
		size *= 2
	}
	for start := 0; start < n; {
		for size > n-start {
			size /= 2
		}
		if err := fn(start, start+size); err != nil {
			return err
		}
		start += size
	}
	return nil
}

// rowsFor is the most rows of a statement of cols columns, at most limit.
func rowsFor(cols, limit int) int {
	return max(1, min(limit, bulkMaxParams/cols))
}

// valuesSQL is prefix, then rows groups of cols placeholders, then suffix.
func valuesSQL(prefix string, cols, rows int, suffix string) string {
	one := "(" + placeholders(cols) + ")"
	var b strings.Builder
	b.Grow(len(prefix) + rows*(len(one)+2) + len(suffix))
	b.WriteString(prefix)
	for i := 0; i < rows; i++ {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(one)
	}
	b.WriteString(suffix)
	return b.String()
}

// bulkChunks calls fn for consecutive ranges of [0, n) of at most max
// rows (SQLite; see chunks). On PostgreSQL, where every statement is a
// round trip to a server process that may wait for a core, the ranges are
// as long as the parameter limit allows, so a table takes one statement
// per batch, and run unprepared (bulkArgs).
func bulkChunks(r runner, n, cols, max int, fn func(start, end int) error) error {
	if r.d.name != "postgres" {
		return chunks(n, rowsFor(cols, max), fn)
	}
	per := rowsFor(cols, bulkMaxParams)
	for start := 0; start < n; start += per {
		if err := fn(start, min(n, start+per)); err != nil {
			return err
		}
	}
	return nil
}

// bulkArgs are the arguments of a bulk statement: on PostgreSQL led by
// pgx's QueryExecModeExec, which sends the statement with its parameters
// in one round trip without preparing it (a multi-row statement's text
// changes with its row count; preparing each would cost a round trip
// more and fill pgx's statement cache).
func bulkArgs(r runner, capacity int) []any {
	args := make([]any, 0, capacity+1)
	if r.d.name == "postgres" {
		args = append(args, pgx.QueryExecModeExec)
	}
	return args
}

// bulkInsert inserts n rows, at most limit per statement on SQLite; row(i)
// gives the cols values of row i.
func bulkInsert(ctx context.Context, r runner, prefix string, cols, n, limit int, row func(i int) []any, suffix string) error {
	return bulkChunks(r, n, cols, limit, func(start, end int) error {
		args := bulkArgs(r, (end-start)*cols)
		for i := start; i < end; i++ {
			args = append(args, row(i)...)
		}
		_, err := r.exec(ctx, valuesSQL(prefix, cols, end-start, suffix), args...)
		return err
	})
}

// reserveIDs returns n ids of table's auto-numbered id column that no row
// has or will be given by the database: from the column's sequence on
// PostgreSQL; on SQLite, whose write transaction excludes every other
// writer, the next n after the highest id ever given (AUTOINCREMENT keeps
// it in sqlite_sequence), which the inserts then move on.
func reserveIDs(ctx context.Context, r runner, table string, n int) ([]int64, error) {
	if n == 0 {
		return nil, nil
	}
	out := make([]int64, 0, n)
	if r.d.name == "postgres" {
		rows, err := r.query(ctx, `SELECT nextval(pg_get_serial_sequence(?, 'id')) FROM generate_series(1, ?)`, table, n)
		if err != nil {
			return nil, fmt.Errorf("reserve %s ids: %w", table, err)
		}
		defer rows.Close()
		for rows.Next() {
			var id int64
			if err := rows.Scan(&id); err != nil {
				return nil, err
			}
			out = append(out, id)
		}
		if err := rows.Err(); err != nil {
			return nil, err
		}
		if len(out) != n {
			return nil, fmt.Errorf("reserve %s ids: got %d of %d", table, len(out), n)
		}
		return out, nil
	}
	var last int64
	if err := r.row(ctx, `SELECT MAX(n) FROM (SELECT COALESCE(MAX(id), 0) AS n FROM `+table+`
UNION ALL SELECT seq FROM sqlite_sequence WHERE name = ?)`, table).Scan(&last); err != nil {
		return nil, fmt.Errorf("reserve %s ids: %w", table, err)
	}
	for i := 1; i <= n; i++ {
		out = append(out, last+int64(i))
	}
	return out, nil
}

// vendorKeyName is the key and display name ensureVendor files an upload's
// vendor under.
func vendorKeyName(key, name string) (string, string) {
	name = strings.TrimSpace(name)
	key = NormalizeKey(key)
	if key == "" {
		key = NormalizeKey(name)
	}
	if key == "" {
		key, name = "unknown", "unknown"
	}
	if name == "" {
		name = key
	}
	return key, name
}

// newVendor is a vendor the bulk path creates, with its one contract and
// the uploads of the batch that name it, in batch order.
type newVendor struct {
	vendor   Vendor
	title    string
	contract int64
	uploads  []*newUpload
}

// newUpload is an upload of the bulk path with the rows made for it.
type newUpload struct {
	i        int // index in the batch
	u        Upload
	g        *newVendor
	sha      string
	raw      string
	version  Version
	analysis *Analysis
	sum      Summary // the contract's summary after it
}

// last is the vendor's last upload, whose version and analysis are the
// contract's latest.
func (g *newVendor) last() *newUpload { return g.uploads[len(g.uploads)-1] }

// addNewVendorUploads stores the uploads of us that name a vendor the
// organisation does not have (no contract given): the first creates the
// vendor and its contract, the others of the batch add versions to that
// contract, as addUpload would one after the other. It fills their results
// and marks them done; the other uploads are left to addUpload.
func addNewVendorUploads(ctx context.Context, r runner, sc Scope, us []Upload, out []UploadResult, done []bool) error {
	groups := map[string]*newVendor{}
	var order []*newVendor
	for i, u := range us {
		if u.ContractID > 0 {
			continue
		}
		key, name := vendorKeyName(u.VendorKey, u.VendorName)
		g := groups[key]
		if g == nil {
			g = &newVendor{vendor: Vendor{OrgID: sc.OrgID, Key: key, Name: name}, title: strings.TrimSpace(u.Title)}
			if g.title == "" {
				g.title = name
			}
			groups[key] = g
			order = append(order, g)
		}
		g.uploads = append(g.uploads, &newUpload{i: i, u: u, g: g})
	}
	if len(order) == 0 {
		return nil
	}
	// Vendors the organisation has already.
	existing := map[string]bool{}
	err := bulkChunks(r, len(order), 1, 512, func(start, end int) error {
		args := append(bulkArgs(r, end-start+1), sc.OrgID)
		for _, g := range order[start:end] {
			args = append(args, g.vendor.Key)
		}
		rows, err := r.query(ctx, `SELECT key FROM vendors WHERE org_id = ? AND key IN (`+placeholders(end-start)+`)`, args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var k string
			if err := rows.Scan(&k); err != nil {
				return err
			}
			existing[k] = true
		}
		return rows.Err()
	})
	if err != nil {
		return fmt.Errorf("vendors: %w", err)
	}
	fresh := order[:0]
	for _, g := range order {
		if !existing[g.vendor.Key] {
			fresh = append(fresh, g)
		}
	}
	order = fresh
	if len(order) == 0 {
		return nil
	}
	t := now()
	tm := t.UnixMicro()
	// The vendors, in key order, so that two batches naming the same new
	// vendors wait for each other instead of deadlocking. A vendor another
	// transaction created meanwhile is not returned: its uploads take the
	// one-by-one path.
	byKey := append([]*newVendor(nil), order...)
	sort.Slice(byKey, func(i, j int) bool { return byKey[i].vendor.Key < byKey[j].vendor.Key })
	created := map[string]int64{}
	err = bulkChunks(r, len(byKey), 4, bulkRows, func(start, end int) error {
		args := bulkArgs(r, 4*(end-start))
		for _, g := range byKey[start:end] {
			args = append(args, sc.OrgID, g.vendor.Key, g.vendor.Name, tm)
		}
		rows, err := r.query(ctx, valuesSQL(`INSERT INTO vendors (org_id, key, name, created_at) VALUES `, 4, end-start,
			` ON CONFLICT (org_id, key) DO NOTHING RETURNING id, key`), args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var id int64
			var k string
			if err := rows.Scan(&id, &k); err != nil {
				return err
			}
			created[k] = id
		}
		return rows.Err()
	})
	if err != nil {
		return fmt.Errorf("create vendors: %w", err)
	}
	fresh = order[:0]
	var cands []*newUpload // every upload of the path, in batch order
	for _, g := range order {
		if id, ok := created[g.vendor.Key]; ok {
			g.vendor.ID, g.vendor.CreatedAt = id, fromMicro(tm)
			fresh = append(fresh, g)
			cands = append(cands, g.uploads...)
		}
	}
	order = fresh
	if len(order) == 0 {
		return nil
	}
	sort.Slice(cands, func(i, j int) bool { return cands[i].i < cands[j].i })
	contractIDs, err := reserveIDs(ctx, r, "contracts", len(order))
	if err != nil {
		return err
	}
	versionIDs, err := reserveIDs(ctx, r, "versions", len(cands))
	if err != nil {
		return err
	}
	var analysed int
	for _, c := range cands {
		if c.u.Result != nil {
			analysed++
		}
	}
	analysisIDs, err := reserveIDs(ctx, r, "analyses", analysed)
	if err != nil {
		return err
	}
	var by any
	if sc.UserID > 0 {
		by = sc.UserID
	}
	for k, g := range order {
		g.contract = contractIDs[k]
	}
	// The rows of each upload, as createContract, addVersion and
	// addAnalysis make them.
	for k, c := range cands {
		g := c.g
		number := 0
		for number < len(g.uploads) && g.uploads[number] != c {
			number++
		}
		sum := sha256.Sum256(c.u.Content)
		c.sha = hex.EncodeToString(sum[:])
		c.version = Version{ID: versionIDs[k], OrgID: sc.OrgID, ContractID: g.contract, Number: number + 1, SHA256: c.sha,
			Filename: cleanFilename(c.u.Filename), MediaType: c.u.MediaType, Size: int64(len(c.u.Content)), UploadedBy: sc.UserID, UploadedAt: t}
		if res := c.u.Result; res != nil {
			raw, err := json.Marshal(res)
			if err != nil {
				return fmt.Errorf("encode analysis: %w", err)
			}
			c.raw = string(raw)
			c.sum = engineSummary(res)
			c.analysis = &Analysis{ID: analysisIDs[0], OrgID: sc.OrgID, ContractID: g.contract, VersionID: c.version.ID,
				ToolVersion: res.Document.ToolVersion, CatalogVersion: res.Document.CatalogVersion, CreatedBy: sc.UserID, CreatedAt: t, Summary: c.sum}
			analysisIDs = analysisIDs[1:]
		}
	}
	// Files: each content once.
	var files []*newUpload
	have := map[string]bool{}
	for _, c := range cands {
		if !have[c.sha] {
			have[c.sha] = true
			files = append(files, c)
		}
	}
	if err := bulkInsert(ctx, r, `INSERT INTO blobs (sha256, size, content) VALUES `, 3, len(files), 32, func(i int) []any {
		c := files[i]
		return []any{c.sha, len(c.u.Content), c.u.Content}
	}, ` ON CONFLICT (sha256) DO NOTHING`); err != nil {
		return fmt.Errorf("store file: %w", err)
	}
	if err := bulkInsert(ctx, r, `INSERT INTO files (org_id, sha256, size, created_at) VALUES `, 4, len(files), bulkRows, func(i int) []any {
		c := files[i]
		return []any{sc.OrgID, c.sha, len(c.u.Content), tm}
	}, ` ON CONFLICT (org_id, sha256) DO NOTHING`); err != nil {
		return fmt.Errorf("file: %w", err)
	}
	// Each contract as its vendor's last upload leaves it.
	const contractInsert = `INSERT INTO contracts (id, org_id, vendor_id, vendor_name, title, search, state, latest_version_id, latest_analysis_id,
versions, created_by, created_at, updated_at, analysed, ` + summaryColumns + `, findings_weight) VALUES `
	if err := bulkInsert(ctx, r, contractInsert, 35, len(order), bulkRows, func(i int) []any {
		g := order[i]
		last := g.last()
		var latest any
		if last.analysis != nil {
			latest = last.analysis.ID
		}
		args := []any{g.contract, sc.OrgID, g.vendor.ID, g.vendor.Name, g.title, searchText(g.vendor.Name, g.title), string(StateNew),
			last.version.ID, latest, len(g.uploads), by, tm, tm, b2i(last.sum.Analysed)}
		args = append(args, summaryArgs(last.sum)...)
		return append(args, last.sum.weight())
	}, ""); err != nil {
		return fmt.Errorf("create contract: %w", err)
	}
	if err := bulkInsert(ctx, r, `INSERT INTO versions (id, org_id, contract_id, number, sha256, filename, media_type, size, uploaded_by, uploaded_at) VALUES `,
		10, len(cands), bulkRows, func(i int) []any {
			v := cands[i].version
			return []any{v.ID, v.OrgID, v.ContractID, v.Number, v.SHA256, v.Filename, v.MediaType, v.Size, by, tm}
		}, ""); err != nil {
		return fmt.Errorf("add version: %w", err)
	}
	var withResult []*newUpload
	for _, c := range cands {
		if c.analysis != nil {
			withResult = append(withResult, c)
		}
	}
	if err := bulkInsert(ctx, r, `INSERT INTO analyses (id, org_id, contract_id, version_id, tool_version, catalog_version, result, created_by, created_at, `+summaryColumns+`) VALUES `,
		29, len(withResult), 32, func(i int) []any {
			c := withResult[i]
			a := c.analysis
			args := []any{a.ID, sc.OrgID, a.ContractID, a.VersionID, a.ToolVersion, a.CatalogVersion, c.raw, by, tm}
			return append(args, summaryArgs(a.Summary)...)
		}, ""); err != nil {
		return fmt.Errorf("add analysis: %w", err)
	}
	// The analyses' rows, then the contracts' sub-processors (those of
	// each contract's latest analysis).
	type child struct {
		c *newUpload
		j int
	}
	var reqs, finds, subs, latestSubs []child
	for _, c := range withResult {
		res := c.u.Result
		for j := range res.Requirements {
			reqs = append(reqs, child{c, j})
		}
		for j := range res.Findings {
			finds = append(finds, child{c, j})
		}
		for j := range res.Subprocessors {
			subs = append(subs, child{c, j})
			if c.g.last() == c {
				latestSubs = append(latestSubs, child{c, j})
			}
		}
	}
	if err := bulkInsert(ctx, r, `INSERT INTO analysis_requirements (analysis_id, org_id, requirement_id, status, level) VALUES `, 5,
		len(reqs), bulkRows, func(i int) []any {
			q := reqs[i].c.u.Result.Requirements[reqs[i].j]
			return []any{reqs[i].c.analysis.ID, sc.OrgID, q.ID, q.Status, q.Level}
		}, ` ON CONFLICT (analysis_id, requirement_id) DO NOTHING`); err != nil {
		return fmt.Errorf("analysis requirements: %w", err)
	}
	if err := bulkInsert(ctx, r, `INSERT INTO analysis_findings (analysis_id, org_id, seq, finding_id, severity, title) VALUES `, 6,
		len(finds), bulkRows, func(i int) []any {
			f := finds[i].c.u.Result.Findings[finds[i].j]
			return []any{finds[i].c.analysis.ID, sc.OrgID, finds[i].j, f.ID, f.Severity, f.Title}
		}, ""); err != nil {
		return fmt.Errorf("analysis findings: %w", err)
	}
	if err := bulkInsert(ctx, r, `INSERT INTO analysis_subprocessors (analysis_id, org_id, seq, name, name_key, country, third_country, transfer_mechanism, service, location) VALUES `, 10,
		len(subs), bulkRows, func(i int) []any {
			sp := subs[i].c.u.Result.Subprocessors[subs[i].j]
			return []any{subs[i].c.analysis.ID, sc.OrgID, subs[i].j, sp.Name, NormalizeKey(sp.Name), sp.Country, b2i(sp.ThirdCountry), sp.TransferMechanism, sp.Service, sp.Location}
		}, ""); err != nil {
		return fmt.Errorf("analysis sub-processors: %w", err)
	}
	if err := bulkInsert(ctx, r, `INSERT INTO contract_subprocessors (org_id, contract_id, seq, vendor_id, analysis_id, name, name_key, country, third_country, transfer_mechanism, unprotected, service, location) VALUES `, 13,
		len(latestSubs), bulkRows, func(i int) []any {
			c := latestSubs[i].c
			sp := c.u.Result.Subprocessors[latestSubs[i].j]
			return []any{sc.OrgID, c.g.contract, latestSubs[i].j, c.g.vendor.ID, c.analysis.ID, sp.Name, NormalizeKey(sp.Name), sp.Country, b2i(sp.ThirdCountry),
				sp.TransferMechanism, b2i(unprotected(sp)), sp.Service, sp.Location}
		}, ""); err != nil {
		return fmt.Errorf("sub-processors of contract: %w", err)
	}
	// The aggregates the new sub-processor rows change (as syncSubprocessors
	// marks them; the keys of an earlier upload of a vendor too, which the
	// one-by-one path marks when the next one replaces them).
	type mark struct{ kind, key, country, mechanism string }
	var marks []mark
	marked := map[mark]bool{}
	for _, s := range subs {
		sp := s.c.u.Result.Subprocessors[s.j]
		ms := []mark{{"key", NormalizeKey(sp.Name), "", ""}}
		if sp.ThirdCountry {
			ms = append(ms, mark{"pair", "", sp.Country, sp.TransferMechanism})
		}
		for _, m := range ms {
			if !marked[m] {
				marked[m] = true
				marks = append(marks, m)
			}
		}
	}
	if err := bulkInsert(ctx, r, `INSERT INTO stats_dirty (org_id, kind, name_key, country, mechanism) VALUES `, 5, len(marks), bulkRows, func(i int) []any {
		m := marks[i]
		return []any{sc.OrgID, m.kind, m.key, m.country, m.mechanism}
	}, ""); err != nil {
		return fmt.Errorf("sub-processors of contract: %w", err)
	}
	// The audit entries, in the order addUpload writes them.
	var entries []AuditEntry
	add := func(action, kind string, id int64, after any) error {
		e, err := auditEntry(sc, action, kind, id, nil, after)
		entries = append(entries, e)
		return err
	}
	for _, c := range cands {
		g := c.g
		if g.uploads[0] == c {
			ct := Contract{ID: g.contract, VendorID: g.vendor.ID, Title: g.title, State: StateNew}
			if err := add("vendor.create", "vendor", g.vendor.ID, g.vendor); err != nil {
				return err
			}
			if err := add("contract.create", "contract", g.contract, contractAudit(ct)); err != nil {
				return err
			}
		}
		if err := add("version.add", "version", c.version.ID, c.version); err != nil {
			return err
		}
		if a := c.analysis; a != nil {
			if err := add("analysis.add", "analysis", a.ID, map[string]any{
				"contract_id": a.ContractID, "version_id": a.VersionID, "tool_version": a.ToolVersion,
				"catalog_version": a.CatalogVersion, "summary": a.Summary}); err != nil {
				return err
			}
		}
	}
	if err := bulkInsert(ctx, r, `INSERT INTO audit_log (org_id, user_id, at, action, object_kind, object_id, before_json, after_json, remote) VALUES `, 9,
		len(entries), bulkRows, func(i int) []any {
			e := entries[i]
			return []any{sc.OrgID, by, tm, e.Action, e.ObjectKind, e.ObjectID, e.Before, e.After, e.Remote}
		}, ""); err != nil {
		return fmt.Errorf("audit: %w", err)
	}
	// The results, with the contracts as stored (and, for a vendor's
	// earlier uploads, as each left it).
	contracts := make(map[int64]Contract, len(order))
	err = bulkChunks(r, len(order), 1, 512, func(start, end int) error {
		args := append(bulkArgs(r, end-start+1), sc.OrgID)
		for _, g := range order[start:end] {
			args = append(args, g.contract)
		}
		rows, err := r.query(ctx, `SELECT `+contractCols+` FROM contracts c WHERE c.org_id = ? AND c.id IN (`+placeholders(end-start)+`)`, args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			ct, err := scanContract(rows)
			if err != nil {
				return err
			}
			contracts[ct.ID] = ct
		}
		return rows.Err()
	})
	if err != nil {
		return fmt.Errorf("read contracts: %w", err)
	}
	for _, c := range cands {
		ct, ok := contracts[c.g.contract]
		if !ok {
			return fmt.Errorf("contract %d not stored", c.g.contract)
		}
		if c != c.g.last() {
			ct.Versions, ct.LatestVersionID, ct.LatestAnalysisID, ct.Summary = c.version.Number, c.version.ID, 0, c.sum
			if c.analysis != nil {
				ct.LatestAnalysisID = c.analysis.ID
			}
		}
		first := c.g.uploads[0] == c
		out[c.i] = UploadResult{Contract: ct, Version: c.version, Analysis: c.analysis, NewContract: first, NewVendor: first}
		done[c.i] = true
	}
	return nil
}
