package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"
	"unicode"
)

// NormalizeKey is the key vendors and sub-processors are matched by:
// lower-cased, every run of characters other than letters and digits one
// space, trimmed. "Amazon Web Services, Inc." → "amazon web services inc".
func NormalizeKey(name string) string {
	var b strings.Builder
	space := false
	for _, r := range strings.ToLower(name) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
			continue
		}
		space = true
	}
	return b.String()
}

// validDate checks a YYYY-MM-DD date ("" is allowed: no date).
func validDate(d string) error {
	if d == "" {
		return nil
	}
	if _, err := time.Parse("2006-01-02", d); err != nil {
		return fmt.Errorf("%w: date %q: want YYYY-MM-DD", ErrInvalid, d)
	}
	return nil
}

func nullText(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// --- vendors ---

const vendorCols = `id, org_id, key, name, created_at`

func scanVendor(sc interface{ Scan(...any) error }) (Vendor, error) {
	var v Vendor
	var created int64
	err := sc.Scan(&v.ID, &v.OrgID, &v.Key, &v.Name, &created)
	v.CreatedAt = fromMicro(created)
	return v, notFound(err)
}

func (s *sqlStore) EnsureVendor(ctx context.Context, sc Scope, key, name string) (Vendor, bool, error) {
	if err := sc.check(); err != nil {
		return Vendor{}, false, err
	}
	var v Vendor
	var created bool
	err := s.tx(ctx, func(r runner) error {
		var err error
		v, created, err = ensureVendor(ctx, r, sc, key, name)
		return err
	})
	return v, created, err
}

func ensureVendor(ctx context.Context, r runner, sc Scope, key, name string) (Vendor, bool, error) {
	key, name = vendorKeyName(key, name)
	v, err := scanVendor(r.row(ctx, `SELECT `+vendorCols+` FROM vendors WHERE org_id = ? AND key = ?`, sc.OrgID, key))
	if err == nil {
		return v, false, nil
	}
	if err != ErrNotFound {
		return Vendor{}, false, err
	}
	// A concurrent transaction may create the same vendor: the insert then
	// does nothing (after waiting for it) and the vendor is read again.
	res, err := r.exec(ctx, `INSERT INTO vendors (org_id, key, name, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (org_id, key) DO NOTHING`,
		sc.OrgID, key, name, now().UnixMicro())
	if err != nil {
		return Vendor{}, false, fmt.Errorf("create vendor: %w", err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return Vendor{}, false, err
	}
	v, err = scanVendor(r.row(ctx, `SELECT `+vendorCols+` FROM vendors WHERE org_id = ? AND key = ?`, sc.OrgID, key))
	if err != nil || n == 0 {
		return v, false, err
	}
	return v, true, audit(ctx, r, sc, "vendor.create", "vendor", v.ID, nil, v)
}

func (s *sqlStore) GetVendor(ctx context.Context, sc Scope, id int64) (Vendor, error) {
	if err := sc.check(); err != nil {
		return Vendor{}, err
	}
	return scanVendor(s.r().row(ctx, `SELECT `+vendorCols+` FROM vendors WHERE org_id = ? AND id = ?`, sc.OrgID, id))
}

func (s *sqlStore) ListVendors(ctx context.Context, sc Scope) ([]Vendor, error) {
	if err := sc.check(); err != nil {
		return nil, err
	}
	rows, err := s.r().query(ctx, `SELECT `+vendorCols+` FROM vendors WHERE org_id = ? ORDER BY name, id`, sc.OrgID)
	if err != nil {
		return nil, fmt.Errorf("list vendors: %w", err)
	}
	defer rows.Close()
	var out []Vendor
	for rows.Next() {
		v, err := scanVendor(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

func (s *sqlStore) RenameVendor(ctx context.Context, sc Scope, id int64, name string) (Vendor, error) {
	if err := sc.check(); err != nil {
		return Vendor{}, err
	}
	name = strings.TrimSpace(name)
	if name == "" {
		return Vendor{}, fmt.Errorf("%w: empty vendor name", ErrInvalid)
	}
	var v Vendor
	err := s.tx(ctx, func(r runner) error {
		old, err := scanVendor(r.row(ctx, `SELECT `+vendorCols+` FROM vendors WHERE org_id = ? AND id = ?`+r.d.forUpdate, sc.OrgID, id))
		if err != nil {
			return err
		}
		if _, err := r.exec(ctx, `UPDATE vendors SET name = ? WHERE org_id = ? AND id = ?`, name, sc.OrgID, id); err != nil {
			return err
		}
		// The contracts keep the name (and their search text) for the
		// portfolio's sorting and search.
		if _, err := r.exec(ctx, `UPDATE contracts SET vendor_name = ? WHERE org_id = ? AND vendor_id = ?`, name, sc.OrgID, id); err != nil {
			return err
		}
		if err := refreshSearch(ctx, r, sc.OrgID, id); err != nil {
			return err
		}
		v = old
		v.Name = name
		return audit(ctx, r, sc, "vendor.rename", "vendor", id, old, v)
	})
	return v, err
}

// searchText is what ContractQuery.Search matches: vendor name and title,
// lower-cased by Go (SQLite's LOWER knows only ASCII).
func searchText(vendor, title string) string {
	return strings.ToLower(vendor + "\n" + title)
}

// refreshSearch recomputes the search text of a vendor's contracts.
func refreshSearch(ctx context.Context, r runner, orgID, vendorID int64) error {
	rows, err := r.query(ctx, `SELECT id, vendor_name, title FROM contracts WHERE org_id = ? AND vendor_id = ?`, orgID, vendorID)
	if err != nil {
		return err
	}
	type upd struct {
		id int64
		s  string
	}
	var us []upd
	for rows.Next() {
		var id int64
		var vn, t string
		if err := rows.Scan(&id, &vn, &t); err != nil {
			rows.Close()
			return err
		}
		us = append(us, upd{id, searchText(vn, t)})
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, u := range us {
		if _, err := r.exec(ctx, `UPDATE contracts SET search = ? WHERE org_id = ? AND id = ?`, u.s, orgID, u.id); err != nil {
			return err
		}
	}
	return nil
}

// --- contracts ---

const contractCols = `c.id, c.org_id, c.vendor_id, c.vendor_name, c.title, c.state, c.next_review, c.objection_until,
c.latest_version_id, c.latest_analysis_id, c.versions, c.last_review_at, c.created_by, c.created_at, c.updated_at,
c.analysed, c.is_contract, c.met, c.partial, c.missing, c.not_applicable, c.mandatory_missing,
c.findings_grave, c.findings_high, c.findings_medium, c.findings_low, c.findings_info,
c.subprocessors, c.third_country, c.third_country_unprotected,
c.breach_notice_hours, c.subprocessor_objection_days, c.subprocessor_notice_days, c.termination_notice_days, c.deletion_days, c.audit_notice_days`

func scanContract(sc interface{ Scan(...any) error }) (Contract, error) {
	var c Contract
	var state string
	var next, objection sql.NullString
	var latestV, latestA, lastReview, createdBy sql.NullInt64
	var versions, created, updated int64
	var sum summaryScan
	err := sc.Scan(&c.ID, &c.OrgID, &c.VendorID, &c.VendorName, &c.Title, &state, &next, &objection,
		&latestV, &latestA, &versions, &lastReview, &createdBy, &created, &updated,
		&sum.analysed, &sum.isContract, &sum.met, &sum.partial, &sum.missing, &sum.na, &sum.mandatoryMissing,
		&sum.grave, &sum.high, &sum.medium, &sum.low, &sum.info,
		&sum.sub, &sum.third, &sum.unprotected,
		&sum.breach, &sum.objection, &sum.notice, &sum.termination, &sum.deletion, &sum.auditNotice)
	if err != nil {
		return Contract{}, notFound(err)
	}
	c.State, c.NextReview, c.ObjectionUntil = State(state), next.String, objection.String
	c.LatestVersionID, c.LatestAnalysisID = latestV.Int64, latestA.Int64
	c.Versions, c.LastReviewAt, c.CreatedBy = int(versions), fromNullMicro(lastReview), createdBy.Int64
	c.CreatedAt, c.UpdatedAt = fromMicro(created), fromMicro(updated)
	c.Summary = sum.summary()
	return c, nil
}

// summaryScan receives the summary columns shared by contracts and
// analyses.
type summaryScan struct {
	analysed, isContract, met, partial, missing, na, mandatoryMissing int64
	grave, high, medium, low, info, sub, third, unprotected           int64
	breach, objection, notice, termination, deletion, auditNotice     sql.NullInt64
}

func (s summaryScan) summary() Summary {
	ip := func(v sql.NullInt64) *int {
		if !v.Valid {
			return nil
		}
		n := int(v.Int64)
		return &n
	}
	return Summary{
		Analysed: s.analysed != 0, IsContract: s.isContract != 0,
		Met: int(s.met), Partial: int(s.partial), Missing: int(s.missing), NotApplicable: int(s.na),
		MandatoryMissing: int(s.mandatoryMissing),
		FindingsGrave:    int(s.grave), FindingsHigh: int(s.high), FindingsMedium: int(s.medium), FindingsLow: int(s.low), FindingsInfo: int(s.info),
		Subprocessors: int(s.sub), ThirdCountry: int(s.third), ThirdCountryUnprotected: int(s.unprotected),
		BreachNoticeHours: ip(s.breach), SubprocessorObjectionDays: ip(s.objection), SubprocessorNoticeDays: ip(s.notice),
		TerminationNoticeDays: ip(s.termination), DeletionDays: ip(s.deletion), AuditNoticeDays: ip(s.auditNotice),
	}
}

func getContract(ctx context.Context, r runner, sc Scope, id int64, lock bool) (Contract, error) {
	q := `SELECT ` + contractCols + ` FROM contracts c WHERE c.org_id = ? AND c.id = ?`
	if lock {
		q += r.d.forUpdate
	}
	return scanContract(r.row(ctx, q, sc.OrgID, id))
}

func (s *sqlStore) GetContract(ctx context.Context, sc Scope, id int64) (Contract, error) {
	if err := sc.check(); err != nil {
		return Contract{}, err
	}
	return getContract(ctx, s.r(), sc, id, false)
}

func (s *sqlStore) CreateContract(ctx context.Context, sc Scope, nc NewContract) (Contract, error) {
	if err := sc.check(); err != nil {
		return Contract{}, err
	}
	var c Contract
	err := s.tx(ctx, func(r runner) error {
		v, err := scanVendor(r.row(ctx, `SELECT `+vendorCols+` FROM vendors WHERE org_id = ? AND id = ?`, sc.OrgID, nc.VendorID))
		if err != nil {
			return err
		}
		if c, err = createContract(ctx, r, sc, v, nc.Title); err != nil {
			return err
		}
		return countContracts(ctx, r, sc.OrgID, 1)
	})
	return c, err
}

// countContracts adds n new contracts to the organisation's count. Call it
// last in the transaction that creates them (see migration 0007).
func countContracts(ctx context.Context, r runner, orgID int64, n int) error {
	if n == 0 {
		return nil
	}
	_, err := r.exec(ctx, `INSERT INTO contract_counts (org_id, contracts) VALUES (?, ?)
ON CONFLICT (org_id) DO UPDATE SET contracts = contract_counts.contracts + excluded.contracts`, orgID, n)
	if err != nil {
		return fmt.Errorf("count contracts: %w", err)
	}
	return nil
}

func createContract(ctx context.Context, r runner, sc Scope, v Vendor, title string) (Contract, error) {
	title = strings.TrimSpace(title)
	if title == "" {
		title = v.Name
	}
	t := now().UnixMicro()
	var by any
	if sc.UserID > 0 {
		by = sc.UserID
	}
	id, err := r.insertID(ctx, `INSERT INTO contracts (org_id, vendor_id, vendor_name, title, search, state, created_by, created_at, updated_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, sc.OrgID, v.ID, v.Name, title, searchText(v.Name, title), string(StateNew), by, t, t)
	if err != nil {
		return Contract{}, fmt.Errorf("create contract: %w", err)
	}
	c, err := getContract(ctx, r, sc, id, false)
	if err != nil {
		return Contract{}, err
	}
	return c, audit(ctx, r, sc, "contract.create", "contract", id, nil, contractAudit(c))
}

// contractAudit is the part of a contract the audit log shows.
func contractAudit(c Contract) map[string]any {
	return map[string]any{"id": c.ID, "vendor_id": c.VendorID, "title": c.Title, "state": c.State,
		"next_review": c.NextReview, "objection_until": c.ObjectionUntil}
}

func (s *sqlStore) UpdateContract(ctx context.Context, sc Scope, id int64, u ContractUpdate) (Contract, error) {
	if err := sc.check(); err != nil {
		return Contract{}, err
	}
	if u.State != nil && !u.State.Valid() {
		return Contract{}, fmt.Errorf("%w: state %q", ErrInvalid, *u.State)
	}
	for _, d := range []*string{u.NextReview, u.ObjectionUntil} {
		if d != nil {
			if err := validDate(*d); err != nil {
				return Contract{}, err
			}
		}
	}
	var c Contract
	err := s.tx(ctx, func(r runner) error {
		old, err := getContract(ctx, r, sc, id, true)
		if err != nil {
			return err
		}
		c = old
		if u.Title != nil && strings.TrimSpace(*u.Title) != "" {
			c.Title = strings.TrimSpace(*u.Title)
		}
		if u.State != nil {
			c.State = *u.State
		}
		if u.NextReview != nil {
			c.NextReview = *u.NextReview
		}
		if u.ObjectionUntil != nil {
			c.ObjectionUntil = *u.ObjectionUntil
		}
		if u.VendorID != nil && *u.VendorID != c.VendorID {
			v, err := scanVendor(r.row(ctx, `SELECT `+vendorCols+` FROM vendors WHERE org_id = ? AND id = ?`, sc.OrgID, *u.VendorID))
			if err != nil {
				return err
			}
			c.VendorID, c.VendorName = v.ID, v.Name
		}
		c.UpdatedAt = now()
		if _, err := r.exec(ctx, `UPDATE contracts SET title = ?, state = ?, next_review = ?, objection_until = ?, vendor_id = ?, vendor_name = ?, search = ?, updated_at = ?
WHERE org_id = ? AND id = ?`, c.Title, string(c.State), nullText(c.NextReview), nullText(c.ObjectionUntil), c.VendorID, c.VendorName,
			searchText(c.VendorName, c.Title), c.UpdatedAt.UnixMicro(), sc.OrgID, id); err != nil {
			return fmt.Errorf("update contract: %w", err)
		}
		if c.VendorID != old.VendorID {
			if err := syncSubprocessors(ctx, r, sc.OrgID, id); err != nil {
				return err
			}
		}
		return audit(ctx, r, sc, "contract.update", "contract", id, contractAudit(old), contractAudit(c))
	})
	return c, err
}

// searchInList is the most matches of a text search that ListContracts
// turns into an id list: the search scans the narrow search index once and
// the page query then needs no table scan. Above it the term is common and
// the sort's index finds a page of matches quickly.
const searchInList = 2000

// ListContracts filters, sorts and pages the portfolio. Everything it
// reads is on the contracts row (the summary is denormalised there), and
// it runs in two steps: the ids of the page, chosen on the indexes of the
// filter and the sort, then those rows.
func (s *sqlStore) ListContracts(ctx context.Context, sc Scope, q ContractQuery) (ContractPage, error) {
	if err := sc.check(); err != nil {
		return ContractPage{}, err
	}
	limit, offset := clampPage(q.Limit, q.Offset, 50, 1000)
	page := ContractPage{Contracts: []Contract{}, Limit: limit, Offset: offset}
	order, nullable, err := contractOrder(q.Sort, q.Desc)
	if err != nil {
		return ContractPage{}, err
	}
	where := []string{"c.org_id = ?"}
	args := []any{sc.OrgID}
	in := func(col string, vals []any) {
		where = append(where, col+" IN ("+placeholders(len(vals))+")")
		args = append(args, vals...)
	}
	if len(q.States) > 0 {
		vals := make([]any, len(q.States))
		for i, st := range q.States {
			if !st.Valid() {
				return ContractPage{}, fmt.Errorf("%w: state %q", ErrInvalid, st)
			}
			vals[i] = string(st)
		}
		in("c.state", vals)
	}
	if q.VendorID > 0 {
		where = append(where, "c.vendor_id = ?")
		args = append(args, q.VendorID)
	}
	// An unprotected transfer is a third-country one: the filter adds the
	// third-country term, which the partial indexes of migration 0006 are
	// defined by, so that the planners may use them.
	if q.ThirdCountry || q.Unprotected {
		where = append(where, "c.third_country > 0")
	}
	if q.Unprotected {
		where = append(where, "c.third_country_unprotected > 0")
	}
	if q.MandatoryMissing {
		where = append(where, "c.mandatory_missing > 0")
	}
	for _, d := range []string{q.ObjectionRunningOn, q.ReviewDueBy} {
		if err := validDate(d); err != nil {
			return ContractPage{}, err
		}
	}
	if q.ObjectionRunningOn != "" {
		where = append(where, "c.objection_until >= ?")
		args = append(args, q.ObjectionRunningOn)
	}
	if q.ReviewDueBy != "" {
		where = append(where, "c.next_review IS NOT NULL AND c.next_review <= ?")
		args = append(args, q.ReviewDueBy)
	}
	if k := NormalizeKey(q.Subprocessor); k != "" {
		keys, err := s.subprocessorKeys(ctx, sc.OrgID, k)
		if err != nil {
			return ContractPage{}, fmt.Errorf("list contracts: %w", err)
		}
		if len(keys) == 0 {
			return page, nil
		}
		vals := []any{sc.OrgID}
		for _, k := range keys {
			vals = append(vals, k)
		}
		where = append(where, "c.id IN (SELECT p.contract_id FROM contract_subprocessors p WHERE p.org_id = ? AND p.name_key IN ("+placeholders(len(keys))+"))")
		args = append(args, vals...)
	}
	if t := strings.TrimSpace(q.Search); t != "" {
		pattern := "%" + escapeLike(strings.ToLower(t)) + "%"
		ids, err := s.ids(ctx, `SELECT c.id FROM contracts c WHERE c.org_id = ? AND c.search LIKE ? ESCAPE '\' LIMIT `+fmt.Sprint(searchInList+1), sc.OrgID, pattern)
		if err != nil {
			return ContractPage{}, fmt.Errorf("search contracts: %w", err)
		}
		switch {
		case len(ids) == 0:
			return page, nil
		case len(ids) <= searchInList:
			vals := make([]any, len(ids))
			for i, id := range ids {
				vals[i] = id
			}
			in("c.id", vals)
		default:
			where = append(where, `c.search LIKE ? ESCAPE '\'`)
			args = append(args, pattern)
		}
	}
	w := strings.Join(where, " AND ")
	if len(where) == 1 {
		// No filter: the organisation's count.
		err = s.r().row(ctx, `SELECT contracts FROM contract_counts WHERE org_id = ?`, sc.OrgID).Scan(&page.Total)
		if err == sql.ErrNoRows {
			err = nil
		}
	} else {
		err = s.r().row(ctx, `SELECT COUNT(*) FROM contracts c WHERE `+w, args...).Scan(&page.Total)
	}
	if err != nil {
		return ContractPage{}, fmt.Errorf("count contracts: %w", err)
	}
	if page.Total == 0 || offset >= page.Total {
		return page, nil
	}
	pageArgs := func(extra ...any) []any { return append(append([]any{}, args...), extra...) }
	if nullable == "" && offset == 0 {
		// The first page in one step: the same index walk, and a query
		// less for the page most requests ask for.
		rows, err := s.r().query(ctx, `SELECT `+contractCols+` FROM contracts c WHERE `+w+` ORDER BY `+order+` LIMIT ?`, pageArgs(limit)...)
		if err != nil {
			return ContractPage{}, fmt.Errorf("list contracts: %w", err)
		}
		defer rows.Close()
		for rows.Next() {
			c, err := scanContract(rows)
			if err != nil {
				return ContractPage{}, err
			}
			page.Contracts = append(page.Contracts, c)
		}
		return page, rows.Err()
	}
	var ids []int64
	if nullable == "" {
		ids, err = s.ids(ctx, `SELECT c.id FROM contracts c WHERE `+w+` ORDER BY `+order+` LIMIT ? OFFSET ?`, pageArgs(limit, offset)...)
	} else {
		// Contracts without the value come last both ways: the rows with
		// it first, then those without, each on its own index.
		var withValue int
		if err := s.r().row(ctx, `SELECT COUNT(*) FROM contracts c WHERE `+w+` AND `+nullable+` IS NOT NULL`, args...).Scan(&withValue); err != nil {
			return ContractPage{}, fmt.Errorf("count contracts: %w", err)
		}
		if offset < withValue {
			ids, err = s.ids(ctx, `SELECT c.id FROM contracts c WHERE `+w+` AND `+nullable+` IS NOT NULL ORDER BY `+order+` LIMIT ? OFFSET ?`, pageArgs(limit, offset)...)
		}
		if err == nil && len(ids) < limit {
			var more []int64
			more, err = s.ids(ctx, `SELECT c.id FROM contracts c WHERE `+w+` AND `+nullable+` IS NULL ORDER BY `+idOrder(q.Desc)+` LIMIT ? OFFSET ?`,
				pageArgs(limit-len(ids), max(0, offset-withValue))...)
			ids = append(ids, more...)
		}
	}
	if err != nil {
		return ContractPage{}, fmt.Errorf("list contracts: %w", err)
	}
	if len(ids) == 0 {
		return page, nil
	}
	fetch := []any{sc.OrgID}
	for _, id := range ids {
		fetch = append(fetch, id)
	}
	rows, err := s.r().query(ctx, `SELECT `+contractCols+` FROM contracts c WHERE c.org_id = ? AND c.id IN (`+placeholders(len(ids))+`)`, fetch...)
	if err != nil {
		return ContractPage{}, fmt.Errorf("list contracts: %w", err)
	}
	defer rows.Close()
	byID := make(map[int64]Contract, len(ids))
	for rows.Next() {
		c, err := scanContract(rows)
		if err != nil {
			return ContractPage{}, err
		}
		byID[c.ID] = c
	}
	if err := rows.Err(); err != nil {
		return ContractPage{}, err
	}
	for _, id := range ids {
		if c, ok := byID[id]; ok {
			page.Contracts = append(page.Contracts, c)
		}
	}
	return page, nil
}

// ids runs a query that yields ids.
func (s *sqlStore) ids(ctx context.Context, q string, args ...any) ([]int64, error) {
	rows, err := s.r().query(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out = append(out, id)
	}
	return out, rows.Err()
}

func idOrder(desc bool) string {
	if desc {
		return "c.id DESC"
	}
	return "c.id ASC"
}

// contractOrder is the ORDER BY of a sort, every column in one direction
// so that the sort's index serves it, id breaking ties so that pages are
// stable. nullable names the column of a sort whose missing values go last
// both ways ("" if the column is never NULL).
func contractOrder(sort string, desc bool) (order, nullable string, err error) {
	dir := " ASC"
	if desc {
		dir = " DESC"
	}
	by := func(cols ...string) string {
		var b strings.Builder
		for _, c := range append(cols, "c.id") {
			if b.Len() > 0 {
				b.WriteString(", ")
			}
			b.WriteString(c + dir)
		}
		return b.String()
	}
	switch sort {
	case "":
		return "c.updated_at DESC, c.id DESC", "", nil
	case SortUpdated:
		return by("c.updated_at"), "", nil
	case SortVendor:
		return by("c.vendor_name"), "", nil
	case SortTitle:
		return by("c.title"), "", nil
	case SortState:
		return by("c.state"), "", nil
	case SortMandatoryMissing:
		return by("c.mandatory_missing"), "", nil
	case SortFindings:
		return by("c.findings_weight"), "", nil
	case SortThirdCountry:
		return by("c.third_country_unprotected", "c.third_country"), "", nil
	case SortCreated:
		return by("c.created_at"), "", nil
	case SortNextReview:
		return by("c.next_review"), "c.next_review", nil
	case SortBreachHours:
		return by("c.breach_notice_hours"), "c.breach_notice_hours", nil
	case SortObjectionDays:
		return by("c.subprocessor_objection_days"), "c.subprocessor_objection_days", nil
	case SortLastReview:
		return by("c.last_review_at"), "c.last_review_at", nil
	}
	return "", "", fmt.Errorf("%w: sort %q", ErrInvalid, sort)
}

// escapeLike escapes LIKE's wildcards with backslash.
func escapeLike(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)
	return r.Replace(s)
}
