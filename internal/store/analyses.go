package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/art28/art28/internal/model"
)

func decodeResult(b []byte) (*model.Result, error) {
	if len(b) == 0 {
		return nil, fmt.Errorf("%w: analysis without result (listed without it)", ErrInvalid)
	}
	var r model.Result
	if err := json.Unmarshal(b, &r); err != nil {
		return nil, fmt.Errorf("decode analysis: %w", err)
	}
	return &r, nil
}

// unprotected reports whether a sub-processor is in a third country
// without a transfer mechanism.
func unprotected(sp model.Subprocessor) bool {
	return sp.ThirdCountry && (sp.TransferMechanism == "" || sp.TransferMechanism == "none")
}

// engineSummary is the summary of a result as the engine made it.
func engineSummary(r *model.Result) Summary {
	return effectiveSummary(r, nil)
}

// effectiveSummary applies the current decisions (newest per target) to a
// result's counts: an override sets a requirement's status, a dismissed
// finding is not counted.
func effectiveSummary(r *model.Result, decisions []Decision) Summary {
	status := map[string]string{}
	dismissed := map[string]bool{}
	for _, d := range decisions {
		switch {
		case d.TargetKind == TargetRequirement && d.Decision == DecisionOverride:
			status[d.TargetID] = d.NewStatus
		case d.TargetKind == TargetFinding && d.Decision == DecisionDismiss:
			dismissed[d.TargetID] = true
		}
	}
	s := Summary{Analysed: true, IsContract: r.Document.IsContract}
	for _, v := range r.Requirements {
		st := v.Status
		if o, ok := status[v.ID]; ok {
			st = o
		}
		switch st {
		case "met":
			s.Met++
		case "partial":
			s.Partial++
		case "missing":
			s.Missing++
			if v.Level == "mandatory" {
				s.MandatoryMissing++
			}
		case "not_applicable":
			s.NotApplicable++
		}
	}
	for _, f := range r.Findings {
		if dismissed[f.ID] {
			continue
		}
		switch f.Severity {
		case "grave":
			s.FindingsGrave++
		case "high":
			s.FindingsHigh++
		case "medium":
			s.FindingsMedium++
		case "low":
			s.FindingsLow++
		default:
			s.FindingsInfo++
		}
	}
	for _, sp := range r.Subprocessors {
		s.Subprocessors++
		if sp.ThirdCountry {
			s.ThirdCountry++
		}
		if unprotected(sp) {
			s.ThirdCountryUnprotected++
		}
	}
	d := r.Deadlines
	s.BreachNoticeHours, s.SubprocessorObjectionDays, s.SubprocessorNoticeDays = d.BreachNoticeHours, d.SubprocessorObjectionDays, d.SubprocessorNoticeDays
	s.TerminationNoticeDays, s.DeletionDays, s.AuditNoticeDays = d.TerminationNoticeDays, d.DeletionDays, d.AuditNoticeDays
	return s
}

// weight orders contracts by their findings: a grave finding outweighs any
// number of high ones up to a thousand, and so on.
func (s Summary) weight() int64 {
	return int64(s.FindingsGrave)*1_000_000_000 + int64(s.FindingsHigh)*1_000_000 + int64(s.FindingsMedium)*1_000 + int64(s.FindingsLow)
}

// placeholders is "?, ?, …" n times.
func placeholders(n int) string {
	return strings.TrimSuffix(strings.Repeat("?, ", n), ", ")
}

func nullInt(p *int) any {
	if p == nil {
		return nil
	}
	return int64(*p)
}

// summaryArgs are the values of the summary columns in the order of
// summaryColumns.
const summaryColumns = `is_contract, met, partial, missing, not_applicable, mandatory_missing,
findings_grave, findings_high, findings_medium, findings_low, findings_info,
subprocessors, third_country, third_country_unprotected,
breach_notice_hours, subprocessor_objection_days, subprocessor_notice_days, termination_notice_days, deletion_days, audit_notice_days`

func summaryArgs(s Summary) []any {
	return []any{b2i(s.IsContract), s.Met, s.Partial, s.Missing, s.NotApplicable, s.MandatoryMissing,
		s.FindingsGrave, s.FindingsHigh, s.FindingsMedium, s.FindingsLow, s.FindingsInfo,
		s.Subprocessors, s.ThirdCountry, s.ThirdCountryUnprotected,
		nullInt(s.BreachNoticeHours), nullInt(s.SubprocessorObjectionDays), nullInt(s.SubprocessorNoticeDays),
		nullInt(s.TerminationNoticeDays), nullInt(s.DeletionDays), nullInt(s.AuditNoticeDays)}
}

// summarySet assigns a contract's denormalised summary: the analysed flag,
// summaryArgs, then the findings weight.
const summarySet = `analysed = ?, is_contract = ?, met = ?, partial = ?, missing = ?, not_applicable = ?, mandatory_missing = ?,
findings_grave = ?, findings_high = ?, findings_medium = ?, findings_low = ?, findings_info = ?,
subprocessors = ?, third_country = ?, third_country_unprotected = ?,
breach_notice_hours = ?, subprocessor_objection_days = ?, subprocessor_notice_days = ?, termination_notice_days = ?, deletion_days = ?, audit_notice_days = ?,
findings_weight = ?`

// writeSummary sets a contract's denormalised summary.
func writeSummary(ctx context.Context, r runner, orgID, contractID int64, s Summary) error {
	args := append([]any{b2i(s.Analysed)}, summaryArgs(s)...)
	args = append(args, s.weight(), orgID, contractID)
	_, err := r.exec(ctx, `UPDATE contracts SET `+summarySet+` WHERE org_id = ? AND id = ?`, args...)
	if err != nil {
		return fmt.Errorf("contract summary: %w", err)
	}
	return nil
}

// refreshSummary recomputes a contract's effective summary from its latest
// analysis and current decisions.
func refreshSummary(ctx context.Context, r runner, sc Scope, contractID int64) error {
	c, err := getContract(ctx, r, sc, contractID, false)
	if err != nil {
		return err
	}
	if c.LatestAnalysisID == 0 {
		return writeSummary(ctx, r, sc.OrgID, contractID, Summary{})
	}
	var raw string
	if err := r.row(ctx, `SELECT result FROM analyses WHERE org_id = ? AND id = ?`, sc.OrgID, c.LatestAnalysisID).Scan(&raw); err != nil {
		return notFound(err)
	}
	res, err := decodeResult([]byte(raw))
	if err != nil {
		return err
	}
	return applyDecisions(ctx, r, sc, contractID, res)
}

// makeLatest makes analysis a (of result res) the contract's latest if
// its version v is the contract's latest, writing the effective summary
// in the same UPDATE (on PostgreSQL every UPDATE of a contract writes a
// new row version and an entry in each of its indexes), then brings the
// contract's sub-processor rows up to date.
func makeLatest(ctx context.Context, r runner, sc Scope, v Version, a Analysis, res *model.Result) error {
	ds, err := currentDecisions(ctx, r, sc, v.ContractID)
	if err != nil {
		return err
	}
	sum := effectiveSummary(res, ds)
	args := append([]any{a.ID, a.CreatedAt.UnixMicro(), b2i(sum.Analysed)}, summaryArgs(sum)...)
	args = append(args, sum.weight(), sc.OrgID, v.ContractID, v.ID)
	n, err := r.exec(ctx, `UPDATE contracts SET latest_analysis_id = ?, updated_at = ?, `+summarySet+`
WHERE org_id = ? AND id = ? AND latest_version_id = ?`, args...)
	if err != nil {
		return fmt.Errorf("contract summary: %w", err)
	}
	if k, err := n.RowsAffected(); err != nil || k == 0 {
		// Not the latest version (or unknown): the summary stays.
		return err
	}
	return syncSubprocessors(ctx, r, sc.OrgID, v.ContractID)
}

func applyDecisions(ctx context.Context, r runner, sc Scope, contractID int64, res *model.Result) error {
	ds, err := currentDecisions(ctx, r, sc, contractID)
	if err != nil {
		return err
	}
	return writeSummary(ctx, r, sc.OrgID, contractID, effectiveSummary(res, ds))
}

// addAnalysis stores a result with its denormalised rows; if the version
// is the contract's latest, the analysis becomes the contract's latest.
func addAnalysis(ctx context.Context, r runner, sc Scope, v Version, res *model.Result) (Analysis, error) {
	raw, err := json.Marshal(res)
	if err != nil {
		return Analysis{}, fmt.Errorf("encode analysis: %w", err)
	}
	a := Analysis{OrgID: sc.OrgID, ContractID: v.ContractID, VersionID: v.ID, ToolVersion: res.Document.ToolVersion,
		CatalogVersion: res.Document.CatalogVersion, CreatedBy: sc.UserID, CreatedAt: now(), Summary: engineSummary(res), Result: raw}
	var by any
	if sc.UserID > 0 {
		by = sc.UserID
	}
	args := append([]any{sc.OrgID, v.ContractID, v.ID, a.ToolVersion, a.CatalogVersion, string(raw), by, a.CreatedAt.UnixMicro()}, summaryArgs(a.Summary)...)
	a.ID, err = r.insertID(ctx, `INSERT INTO analyses (org_id, contract_id, version_id, tool_version, catalog_version, result, created_by, created_at, `+summaryColumns+`)
VALUES (`+placeholders(len(args))+`)`, args...)
	if err != nil {
		return Analysis{}, fmt.Errorf("add analysis: %w", err)
	}
	if err := insertRows(ctx, r, `INSERT INTO analysis_requirements (analysis_id, org_id, requirement_id, status, level) VALUES `, 5,
		len(res.Requirements), func(i int) []any {
			q := res.Requirements[i]
			return []any{a.ID, sc.OrgID, q.ID, q.Status, q.Level}
		}, ` ON CONFLICT (analysis_id, requirement_id) DO NOTHING`); err != nil {
		return Analysis{}, fmt.Errorf("analysis requirements: %w", err)
	}
	if err := insertRows(ctx, r, `INSERT INTO analysis_findings (analysis_id, org_id, seq, finding_id, severity, title) VALUES `, 6,
		len(res.Findings), func(i int) []any {
			f := res.Findings[i]
			return []any{a.ID, sc.OrgID, i, f.ID, f.Severity, f.Title}
		}, ""); err != nil {
		return Analysis{}, fmt.Errorf("analysis findings: %w", err)
	}
	if err := insertRows(ctx, r, `INSERT INTO analysis_subprocessors (analysis_id, org_id, seq, name, name_key, country, third_country, transfer_mechanism, service, location) VALUES `, 10,
		len(res.Subprocessors), func(i int) []any {
			sp := res.Subprocessors[i]
			return []any{a.ID, sc.OrgID, i, sp.Name, NormalizeKey(sp.Name), sp.Country, b2i(sp.ThirdCountry), sp.TransferMechanism, sp.Service, sp.Location}
		}, ""); err != nil {
		return Analysis{}, fmt.Errorf("analysis sub-processors: %w", err)
	}
	if err := makeLatest(ctx, r, sc, v, a, res); err != nil {
		return Analysis{}, err
	}
	return a, audit(ctx, r, sc, "analysis.add", "analysis", a.ID, nil, map[string]any{
		"contract_id": a.ContractID, "version_id": a.VersionID, "tool_version": a.ToolVersion,
		"catalog_version": a.CatalogVersion, "summary": a.Summary})
}

func (s *sqlStore) AddAnalysis(ctx context.Context, sc Scope, versionID int64, res *model.Result) (Analysis, error) {
	if err := sc.check(); err != nil {
		return Analysis{}, err
	}
	if res == nil {
		return Analysis{}, fmt.Errorf("%w: nil result", ErrInvalid)
	}
	var a Analysis
	err := s.tx(ctx, func(r runner) error {
		v, err := scanVersion(r.row(ctx, `SELECT `+versionCols+` FROM versions WHERE org_id = ? AND id = ?`, sc.OrgID, versionID))
		if err != nil {
			return err
		}
		if _, err := getContract(ctx, r, sc, v.ContractID, true); err != nil {
			return err
		}
		a, err = addAnalysis(ctx, r, sc, v, res)
		return err
	})
	return a, err
}

const analysisCols = `id, org_id, contract_id, version_id, tool_version, catalog_version, created_by, created_at, ` + summaryColumns

func scanAnalysis(sc interface{ Scan(...any) error }, withResult bool) (Analysis, error) {
	var a Analysis
	var by sql.NullInt64
	var created int64
	var sum summaryScan
	var raw string
	dest := []any{&a.ID, &a.OrgID, &a.ContractID, &a.VersionID, &a.ToolVersion, &a.CatalogVersion, &by, &created,
		&sum.isContract, &sum.met, &sum.partial, &sum.missing, &sum.na, &sum.mandatoryMissing,
		&sum.grave, &sum.high, &sum.medium, &sum.low, &sum.info,
		&sum.sub, &sum.third, &sum.unprotected,
		&sum.breach, &sum.objection, &sum.notice, &sum.termination, &sum.deletion, &sum.auditNotice}
	if withResult {
		dest = append(dest, &raw)
	}
	if err := sc.Scan(dest...); err != nil {
		return Analysis{}, notFound(err)
	}
	sum.analysed = 1
	a.CreatedBy, a.CreatedAt, a.Summary = by.Int64, fromMicro(created), sum.summary()
	if withResult {
		a.Result = []byte(raw)
	}
	return a, nil
}

func (s *sqlStore) GetAnalysis(ctx context.Context, sc Scope, id int64) (Analysis, error) {
	if err := sc.check(); err != nil {
		return Analysis{}, err
	}
	return scanAnalysis(s.r().row(ctx, `SELECT `+analysisCols+`, result FROM analyses WHERE org_id = ? AND id = ?`, sc.OrgID, id), true)
}

func (s *sqlStore) LatestAnalysis(ctx context.Context, sc Scope, contractID int64) (Analysis, error) {
	c, err := s.GetContract(ctx, sc, contractID)
	if err != nil {
		return Analysis{}, err
	}
	if c.LatestAnalysisID == 0 {
		return Analysis{}, ErrNotFound
	}
	return s.GetAnalysis(ctx, sc, c.LatestAnalysisID)
}

func (s *sqlStore) ListAnalyses(ctx context.Context, sc Scope, contractID int64) ([]Analysis, error) {
	if err := sc.check(); err != nil {
		return nil, err
	}
	if _, err := getContract(ctx, s.r(), sc, contractID, false); err != nil {
		return nil, err
	}
	rows, err := s.r().query(ctx, `SELECT `+analysisCols+` FROM analyses WHERE org_id = ? AND contract_id = ? ORDER BY id DESC`, sc.OrgID, contractID)
	if err != nil {
		return nil, fmt.Errorf("list analyses: %w", err)
	}
	defer rows.Close()
	var out []Analysis
	for rows.Next() {
		a, err := scanAnalysis(rows, false)
		if err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// insertRows inserts n rows with one multi-row INSERT per batch of up to
// 100 rows; row(i) gives the cols values of row i.
func insertRows(ctx context.Context, r runner, prefix string, cols, n int, row func(i int) []any, suffix string) error {
	const batch = 100
	one := "(" + placeholders(cols) + ")"
	for start := 0; start < n; start += batch {
		end := min(start+batch, n)
		var b strings.Builder
		b.WriteString(prefix)
		args := make([]any, 0, (end-start)*cols)
		for i := start; i < end; i++ {
			if i > start {
				b.WriteString(", ")
			}
			b.WriteString(one)
			args = append(args, row(i)...)
		}
		b.WriteString(suffix)
		if _, err := r.exec(ctx, b.String(), args...); err != nil {
			return err
		}
	}
	return nil
}
