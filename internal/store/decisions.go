package store

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"
)

func (s *sqlStore) AddDecision(ctx context.Context, sc Scope, nd NewDecision) (Decision, error) {
	if err := sc.check(); err != nil {
		return Decision{}, err
	}
	nd.TargetID = strings.TrimSpace(nd.TargetID)
	nd.Reason = strings.TrimSpace(nd.Reason)
	if nd.TargetID == "" {
		return Decision{}, fmt.Errorf("%w: decision without target", ErrInvalid)
	}
	switch nd.TargetKind {
	case TargetRequirement:
		if nd.Decision != DecisionAccept && nd.Decision != DecisionOverride {
			return Decision{}, fmt.Errorf("%w: decision %q on a requirement", ErrInvalid, nd.Decision)
		}
	case TargetFinding:
		if nd.Decision != DecisionDismiss && nd.Decision != DecisionConfirm {
			return Decision{}, fmt.Errorf("%w: decision %q on a finding", ErrInvalid, nd.Decision)
		}
	default:
		return Decision{}, fmt.Errorf("%w: target kind %q", ErrInvalid, nd.TargetKind)
	}
	if nd.Decision == DecisionOverride {
		if !slices.Contains(RequirementStatuses, nd.NewStatus) {
			return Decision{}, fmt.Errorf("%w: status %q", ErrInvalid, nd.NewStatus)
		}
		if nd.Reason == "" {
			return Decision{}, fmt.Errorf("%w: an override needs a reason", ErrInvalid)
		}
	} else {
		nd.NewStatus = ""
	}
	var d Decision
	err := s.tx(ctx, func(r runner) error {
		c, err := getContract(ctx, r, sc, nd.ContractID, true)
		if err != nil {
			return err
		}
		t := now()
		d = Decision{OrgID: sc.OrgID, ContractID: c.ID, TargetKind: nd.TargetKind, TargetID: nd.TargetID, Decision: nd.Decision,
			NewStatus: nd.NewStatus, Reason: nd.Reason, VersionID: c.LatestVersionID, AnalysisID: c.LatestAnalysisID,
			UserID: sc.UserID, CreatedAt: t}
		var prev []Decision
		if prev, err = currentDecisions(ctx, r, sc, c.ID); err != nil {
			return err
		}
		var before any
		for _, p := range prev {
			if p.TargetKind == d.TargetKind && p.TargetID == d.TargetID {
				before = p
			}
		}
		var user any
		if sc.UserID > 0 {
			user = sc.UserID
		}
		d.ID, err = r.insertID(ctx, `INSERT INTO decisions (org_id, contract_id, target_kind, target_id, decision, new_status, reason, version_id, analysis_id, user_id, created_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, sc.OrgID, c.ID, string(d.TargetKind), d.TargetID, string(d.Decision), d.NewStatus, d.Reason,
			nullID(d.VersionID), nullID(d.AnalysisID), user, t.UnixMicro())
		if err != nil {
			return fmt.Errorf("add decision: %w", err)
		}
		if _, err := r.exec(ctx, `UPDATE contracts SET last_review_at = ?, updated_at = ? WHERE org_id = ? AND id = ?`,
			t.UnixMicro(), t.UnixMicro(), sc.OrgID, c.ID); err != nil {
			return err
		}
		if err := refreshSummary(ctx, r, sc, c.ID); err != nil {
			return err
		}
		return audit(ctx, r, sc, "decision.add", "contract", c.ID, before, d)
	})
	return d, err
}

func nullID(id int64) any {
	if id <= 0 {
		return nil
	}
	return id
}

const decisionCols = `d.id, d.org_id, d.contract_id, d.target_kind, d.target_id, d.decision, d.new_status, d.reason,
d.version_id, d.analysis_id, d.user_id, u.email, d.created_at`

func scanDecisions(rows *sql.Rows) ([]Decision, error) {
	defer rows.Close()
	var out []Decision
	for rows.Next() {
		var d Decision
		var kind, dec string
		var v, a, user sql.NullInt64
		var email sql.NullString
		var created int64
		if err := rows.Scan(&d.ID, &d.OrgID, &d.ContractID, &kind, &d.TargetID, &dec, &d.NewStatus, &d.Reason,
			&v, &a, &user, &email, &created); err != nil {
			return nil, err
		}
		d.TargetKind, d.Decision = TargetKind(kind), DecisionKind(dec)
		d.VersionID, d.AnalysisID, d.UserID, d.UserEmail = v.Int64, a.Int64, user.Int64, email.String
		d.CreatedAt = fromMicro(created)
		out = append(out, d)
	}
	return out, rows.Err()
}

// currentDecisions is the newest decision per target of a contract.
func currentDecisions(ctx context.Context, r runner, sc Scope, contractID int64) ([]Decision, error) {
	rows, err := r.query(ctx, `SELECT `+decisionCols+` FROM decisions d LEFT JOIN users u ON u.id = d.user_id
WHERE d.org_id = ? AND d.contract_id = ? AND d.id = (
	SELECT MAX(e.id) FROM decisions e WHERE e.org_id = d.org_id AND e.contract_id = d.contract_id AND e.target_kind = d.target_kind AND e.target_id = d.target_id)
ORDER BY d.target_kind, d.target_id`, sc.OrgID, contractID)
	if err != nil {
		return nil, fmt.Errorf("decisions: %w", err)
	}
	return scanDecisions(rows)
}

func (s *sqlStore) ListDecisions(ctx context.Context, sc Scope, contractID int64) ([]Decision, error) {
	if err := sc.check(); err != nil {
		return nil, err
	}
	if _, err := getContract(ctx, s.r(), sc, contractID, false); err != nil {
		return nil, err
	}
	rows, err := s.r().query(ctx, `SELECT `+decisionCols+` FROM decisions d LEFT JOIN users u ON u.id = d.user_id
WHERE d.org_id = ? AND d.contract_id = ? ORDER BY d.id DESC`, sc.OrgID, contractID)
	if err != nil {
		return nil, fmt.Errorf("decisions: %w", err)
	}
	return scanDecisions(rows)
}

func (s *sqlStore) CurrentDecisions(ctx context.Context, sc Scope, contractID int64) ([]Decision, error) {
	if err := sc.check(); err != nil {
		return nil, err
	}
	if _, err := getContract(ctx, s.r(), sc, contractID, false); err != nil {
		return nil, err
	}
	return currentDecisions(ctx, s.r(), sc, contractID)
}
