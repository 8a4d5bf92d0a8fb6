package web

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/art28/art28/internal/catalog"
	"github.com/art28/art28/internal/input"
	"github.com/art28/art28/internal/model"
	"github.com/art28/art28/internal/report"
	"github.com/art28/art28/internal/store"
)

// decisionView is a current review decision as the contract page shows it.
type decisionView struct {
	Decision, Status, Reason, By, At string
}

// versionRow is one version in the contract page's list.
type versionRow struct {
	ID                          int64
	Number                      int
	Filename, Created, By       string
	ToolVersion, CatalogVersion string
}

// statuses a reviewer may set, in the model's spelling.
var statuses = []string{string(catalog.Met), string(catalog.Partial), string(catalog.Missing), string(catalog.NotApplicable)}

func pathID(r *http.Request, name string) (int64, error) {
	id, err := strconv.ParseInt(r.PathValue(name), 10, 64)
	if err != nil || id <= 0 {
		return 0, errNotFound
	}
	return id, nil
}

// pathVersion returns the contract and version ids of a
// /contracts/{id}/versions/{vid}/… path; the caller checks that the
// version belongs to the contract.
func pathVersion(r *http.Request) (contractID, versionID int64, err error) {
	if contractID, err = pathID(r, "id"); err != nil {
		return 0, 0, err
	}
	if versionID, err = pathID(r, "vid"); err != nil {
		return 0, 0, err
	}
	return contractID, versionID, nil
}

// pathContract loads the contract of a /contracts/{id}/… path within the
// request's organisation; the page and the API share it.
func (s *Server) pathContract(r *http.Request, c *reqCtx) (store.Contract, error) {
	id, err := pathID(r, "id")
	if err != nil {
		return store.Contract{}, err
	}
	return s.st.GetContract(r.Context(), c.Scope, id)
}

// memberEmails maps the user ids of the organisation's members to their
// email addresses; it is empty when the members cannot be listed, so a
// page shows no names rather than failing.
func (s *Server) memberEmails(r *http.Request, c *reqCtx) map[int64]string {
	emails := map[int64]string{}
	if ms, err := s.st.ListMembers(r.Context(), c.Scope); err == nil {
		for _, m := range ms {
			if m.User != nil {
				emails[m.UserID] = m.User.Email
			}
		}
	}
	return emails
}

// contractData loads what the contract page and letter need: the
// contract, its versions, the shown version's analysis and the current
// decisions.
type contractData struct {
	Contract store.Contract
	Versions []store.Version
	Version  store.Version
	Analysis store.Analysis
	Result   *model.Result
	Reqs     map[string]*decisionView
	Findings map[string]*decisionView
}

func (s *Server) loadContract(r *http.Request, c *reqCtx, versionID int64) (*contractData, error) {
	ctx := r.Context()
	d := &contractData{Reqs: map[string]*decisionView{}, Findings: map[string]*decisionView{}}
	var err error
	if d.Contract, err = s.pathContract(r, c); err != nil {
		return nil, err
	}
	id := d.Contract.ID
	if d.Versions, err = s.st.ListVersions(ctx, c.Scope, id); err != nil {
		return nil, err
	}
	if len(d.Versions) == 0 {
		return nil, errNotFound
	}
	d.Version = d.Versions[0]
	if versionID != 0 {
		found := false
		for _, v := range d.Versions {
			if v.ID == versionID {
				d.Version, found = v, true
			}
		}
		if !found {
			return nil, errNotFound
		}
	}
	if d.Analysis, err = s.analysisOf(r, c, id, d.Version.ID); err != nil {
		return nil, err
	}
	if d.Result, err = d.Analysis.Decode(); err != nil {
		return nil, err
	}
	decs, err := s.st.CurrentDecisions(ctx, c.Scope, id)
	if err != nil {
		return nil, err
	}
	for _, dec := range decs {
		v := &decisionView{Decision: string(dec.Decision), Status: modelStatus(dec.NewStatus), Reason: dec.Reason,
			By: dec.UserEmail, At: dec.CreatedAt.UTC().Format("2006-01-02 15:04")}
		if dec.TargetKind == store.TargetFinding {
			d.Findings[dec.TargetID] = v
		} else {
			d.Reqs[dec.TargetID] = v
		}
	}
	return d, nil
}

// analysisOf returns the newest analysis of a version of a contract.
func (s *Server) analysisOf(r *http.Request, c *reqCtx, contractID, versionID int64) (store.Analysis, error) {
	as, err := s.st.ListAnalyses(r.Context(), c.Scope, contractID)
	if err != nil {
		return store.Analysis{}, err
	}
	for _, a := range as {
		if a.VersionID == versionID {
			return s.st.GetAnalysis(r.Context(), c.Scope, a.ID)
		}
	}
	return store.Analysis{}, errNotFound
}

// modelStatus and storeStatus translate the one status the two spell
// differently.
func modelStatus(s string) string { return strings.ReplaceAll(s, "_", "-") }
func storeStatus(s string) string { return strings.ReplaceAll(s, "-", "_") }

// text returns a version's extracted text, parsing the stored original
// once and caching it.
func (s *Server) text(r *http.Request, c *reqCtx, v store.Version) string {
	if t, ok := s.texts.get(v.SHA256); ok {
		return t
	}
	_, content, err := s.st.ReadVersionFile(r.Context(), c.Scope, v.ID)
	if err != nil {
		s.log.Warn("read original", "version", v.ID, "err", err)
		return ""
	}
	format, _ := input.FormatOf(v.Filename)
	doc, err := input.ParseOptions(v.Filename, format, content, input.Options{})
	if err != nil {
		s.log.Warn("parse original", "version", v.ID, "err", err)
		return ""
	}
	s.texts.put(v.SHA256, doc.Text)
	return doc.Text
}

// effectiveCounts counts statuses after the reviewers' overrides.
func effectiveCounts(res *model.Result, reqs map[string]*decisionView) model.Summary {
	var sum model.Summary
	for _, q := range res.Requirements {
		st := q.Status
		if d, ok := reqs[q.ID]; ok && d.Status != "" {
			st = d.Status
		}
		switch catalog.Status(st) {
		case catalog.Met:
			sum.Met++
		case catalog.Partial:
			sum.Partial++
		case catalog.NotApplicable:
			sum.NotApplicable++
		default:
			sum.Missing++
		}
	}
	return sum
}

func (s *Server) contractPage(w http.ResponseWriter, r *http.Request, c *reqCtx) error {
	vid, _ := strconv.ParseInt(r.URL.Query().Get("version"), 10, 64)
	d, err := s.loadContract(r, c, vid)
	if err != nil {
		return err
	}
	users := s.memberEmails(r, c)
	var rows []versionRow
	for _, v := range d.Versions {
		rows = append(rows, versionRow{ID: v.ID, Number: v.Number, Filename: v.Filename, Created: v.UploadedAt.UTC().Format("2006-01-02 15:04"), By: users[v.UploadedBy]})
	}
	cur := versionRow{ID: d.Version.ID, Number: d.Version.Number, Filename: d.Version.Filename,
		ToolVersion: d.Analysis.ToolVersion, CatalogVersion: d.Analysis.CatalogVersion}
	data := map[string]any{
		"Contract": contractHead{ID: d.Contract.ID, Vendor: d.Contract.VendorName, State: string(d.Contract.State), NextReview: d.Contract.NextReview, ObjectionUntil: d.Contract.ObjectionUntil},
		"Version":  cur, "Versions": rows, "Old": d.Version.ID != d.Versions[0].ID,
		"View": report.NewView(d.Result, s.text(r, c, d.Version), c.Lang),
		"Reqs": d.Reqs, "Findings": d.Findings, "Statuses": statuses, "States": storeStates(),
		"Counts": effectiveCounts(d.Result, d.Reqs),
	}
	// The diff against the version before the one shown.
	for i, v := range d.Versions {
		if v.ID == d.Version.ID && i+1 < len(d.Versions) {
			prev := d.Versions[i+1]
			data["PrevNumber"] = prev.Number
			if pa, err := s.analysisOf(r, c, d.Contract.ID, prev.ID); err == nil {
				if pr, err := pa.Decode(); err == nil {
					data["Changes"] = Diff(pr, d.Result)
				}
			}
		}
	}
	s.render(w, r, c, http.StatusOK, "contract", d.Contract.VendorName, "portfolio", data)
	return nil
}

// contractHead is the contract page's header.
type contractHead struct {
	ID                                        int64
	Vendor, State, NextReview, ObjectionUntil string
}

func storeStates() []string {
	out := make([]string, len(store.States))
	for i, s := range store.States {
		out[i] = string(s)
	}
	return out
}

func (s *Server) setState(w http.ResponseWriter, r *http.Request, c *reqCtx) error {
	before, err := s.pathContract(r, c)
	if err != nil {
		return err
	}
	id := before.ID
	u := store.ContractUpdate{}
	if st := store.State(r.PostFormValue("state")); st != "" {
		if !st.Valid() {
			return badRequest("state")
		}
		u.State = &st
	}
	if u.NextReview, err = postedDate(r, "next_review"); err != nil {
		return err
	}
	if u.ObjectionUntil, err = postedDate(r, "objection_until"); err != nil {
		return err
	}
	if name := strings.TrimSpace(r.PostFormValue("vendor")); name != "" && name != before.VendorName {
		if _, err := s.st.RenameVendor(r.Context(), c.Scope, before.VendorID, name); err != nil {
			return err
		}
	}
	after, err := s.st.UpdateContract(r.Context(), c.Scope, id, u)
	if err != nil {
		return err
	}
	s.audit(r, c, "contract.update", "contract", strconv.FormatInt(id, 10),
		map[string]any{"state": before.State, "next_review": before.NextReview, "objection_until": before.ObjectionUntil, "vendor": before.VendorName},
		map[string]any{"state": after.State, "next_review": after.NextReview, "objection_until": after.ObjectionUntil, "vendor": r.PostFormValue("vendor")})
	s.flash(w, r, "saved")
	back(w, r, fmt.Sprintf("/contracts/%d", id))
	return nil
}

// postedDate returns the trimmed value of a posted date field
// (YYYY-MM-DD, or empty to clear the date), or nil when the form does not
// have the field. r.PostForm must have been parsed.
func postedDate(r *http.Request, name string) (*string, error) {
	vs, ok := r.PostForm[name]
	if !ok {
		return nil, nil
	}
	v := strings.TrimSpace(vs[0])
	if v != "" {
		if _, err := time.Parse("2006-01-02", v); err != nil {
			return nil, badRequest(name)
		}
	}
	return &v, nil
}

// decide records a reviewer's decision on a requirement or finding.
func (s *Server) decide(kind store.TargetKind) func(http.ResponseWriter, *http.Request, *reqCtx) error {
	return func(w http.ResponseWriter, r *http.Request, c *reqCtx) error {
		id, err := pathID(r, "id")
		if err != nil {
			return err
		}
		target := r.PathValue("target")
		d, err := s.recordDecision(r, c, id, kind, target, r.PostFormValue("decision"), r.PostFormValue("status"), r.PostFormValue("reason"))
		if err != nil {
			if errors.Is(err, errReasonRequired) {
				s.flash(w, r, "reason_required")
				back(w, r, fmt.Sprintf("/contracts/%d#d1-req-%s", id, target))
				return nil
			}
			return err
		}
		s.flash(w, r, "saved")
		anchor := ""
		if d.TargetKind == store.TargetRequirement {
			anchor = "#d1-req-" + target
		}
		back(w, r, fmt.Sprintf("/contracts/%d%s", id, anchor))
		return nil
	}
}

var errReasonRequired = errors.New("a status override needs a reason")

// recordDecision checks and stores a decision and audits it; the page and
// the API share it.
func (s *Server) recordDecision(r *http.Request, c *reqCtx, contractID int64, kind store.TargetKind, target, decision, status, reason string) (store.Decision, error) {
	if _, err := s.st.GetContract(r.Context(), c.Scope, contractID); err != nil {
		return store.Decision{}, err
	}
	reason = strings.TrimSpace(reason)
	nd := store.NewDecision{ContractID: contractID, TargetKind: kind, TargetID: target, Decision: store.DecisionKind(decision), Reason: reason}
	switch {
	case kind == store.TargetRequirement && decision == string(store.DecisionOverride):
		if reason == "" {
			return store.Decision{}, errReasonRequired
		}
		ok := false
		for _, st := range statuses {
			ok = ok || st == status
		}
		if !ok {
			return store.Decision{}, badRequest("status")
		}
		nd.NewStatus = storeStatus(status)
	case kind == store.TargetRequirement && decision == string(store.DecisionAccept):
	case kind == store.TargetFinding && (decision == string(store.DecisionConfirm) || decision == string(store.DecisionDismiss)):
	default:
		return store.Decision{}, badRequest("decision")
	}
	if kind == store.TargetRequirement && catalog.Default().Requirement(target) == nil {
		return store.Decision{}, errNotFound
	}
	dec, err := s.st.AddDecision(r.Context(), c.Scope, nd)
	if err != nil {
		return dec, err
	}
	s.audit(r, c, "review."+decision, string(kind), fmt.Sprintf("%d/%s", contractID, target), nil,
		map[string]any{"decision": decision, "status": status, "reason": reason})
	return dec, nil
}

func (s *Server) reanalyze(w http.ResponseWriter, r *http.Request, c *reqCtx) error {
	ct, err := s.pathContract(r, c)
	if err != nil {
		return err
	}
	id := ct.ID
	s.sem <- struct{}{}
	a, err := Reanalyse(r.Context(), s.st, s.cfg.Analyzer, c.Scope, ct.LatestVersionID, input.Options{MaxBytes: s.cfg.MaxUploadBytes})
	<-s.sem
	if err != nil {
		return err
	}
	s.audit(r, c, "contract.reanalyze", "contract", strconv.FormatInt(id, 10), nil,
		map[string]any{"analysis": a.ID, "tool_version": a.ToolVersion, "catalog_version": a.CatalogVersion})
	s.flash(w, r, "saved")
	back(w, r, fmt.Sprintf("/contracts/%d", id))
	return nil
}

func (s *Server) original(w http.ResponseWriter, r *http.Request, c *reqCtx) error {
	id, vid, err := pathVersion(r)
	if err != nil {
		return err
	}
	v, content, err := s.st.ReadVersionFile(r.Context(), c.Scope, vid)
	if err != nil {
		return err
	}
	if v.ContractID != id {
		return errNotFound
	}
	w.Header().Set("Content-Type", "application/octet-stream")
	w.Header().Set("Content-Disposition", attachment(v.Filename))
	w.Write(content)
	return nil
}

// attachment is a Content-Disposition header for a download.
func attachment(name string) string {
	safe := strings.Map(func(r rune) rune {
		if r < 0x20 || r == '"' || r == '\\' || r > 0x7e {
			return '_'
		}
		return r
	}, name)
	return fmt.Sprintf(`attachment; filename="%s"`, safe)
}
