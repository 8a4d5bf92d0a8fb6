package web

import (
	_ "embed"
	"encoding/json"
	"net/http"
	"strconv"

	"github.com/art28/art28/internal/store"
)

//go:embed openapi.json
var openAPI []byte

func (s *Server) apiOpenAPI(w http.ResponseWriter, r *http.Request, c *reqCtx) error {
	w.Header().Set("Content-Type", "application/json")
	w.Write(openAPI)
	return nil
}

func (s *Server) apiContracts(w http.ResponseWriter, r *http.Request, c *reqCtx) error {
	f := parseFilter(r.URL.Query())
	limit, _ := strconv.Atoi(r.URL.Query().Get("limit"))
	if limit <= 0 || limit > 1000 {
		limit = pageSize
	}
	pg, err := s.st.ListContracts(r.Context(), c.Scope, f.storeQuery(limit))
	if err != nil {
		return err
	}
	if pg.Contracts == nil {
		pg.Contracts = []store.Contract{}
	}
	writeJSON(w, http.StatusOK, pg)
	return nil
}

// apiContract is a contract with its versions, current analysis and
// review decisions.
type apiContract struct {
	store.Contract
	VersionList []store.Version  `json:"version_list"`
	Analysis    *apiAnalysis     `json:"analysis"`
	Reviews     []store.Decision `json:"reviews"`
}

// apiAnalysis is an analysis with its result in the check --format json
// model.
type apiAnalysis struct {
	store.Analysis
	Result json.RawMessage `json:"result"`
}

func (s *Server) apiContract(w http.ResponseWriter, r *http.Request, c *reqCtx) error {
	ct, err := s.pathContract(r, c)
	if err != nil {
		return err
	}
	id := ct.ID
	out := apiContract{Contract: ct}
	if out.VersionList, err = s.st.ListVersions(r.Context(), c.Scope, id); err != nil {
		return err
	}
	if a, err := s.st.LatestAnalysis(r.Context(), c.Scope, id); err == nil {
		out.Analysis = &apiAnalysis{Analysis: a, Result: a.Result}
	}
	if out.Reviews, err = s.st.CurrentDecisions(r.Context(), c.Scope, id); err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}

func (s *Server) apiVersions(w http.ResponseWriter, r *http.Request, c *reqCtx) error {
	ct, err := s.pathContract(r, c)
	if err != nil {
		return err
	}
	vs, err := s.st.ListVersions(r.Context(), c.Scope, ct.ID)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, map[string]any{"versions": vs})
	return nil
}

func (s *Server) apiAnalysis(w http.ResponseWriter, r *http.Request, c *reqCtx) error {
	id, vid, err := pathVersion(r)
	if err != nil {
		return err
	}
	v, err := s.st.GetVersion(r.Context(), c.Scope, vid)
	if err != nil {
		return err
	}
	if v.ContractID != id {
		return errNotFound
	}
	a, err := s.analysisOf(r, c, id, vid)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, apiAnalysis{Analysis: a, Result: a.Result})
	return nil
}

func (s *Server) apiReviews(w http.ResponseWriter, r *http.Request, c *reqCtx) error {
	ct, err := s.pathContract(r, c)
	if err != nil {
		return err
	}
	ds, err := s.st.ListDecisions(r.Context(), c.Scope, ct.ID)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, map[string]any{"reviews": ds})
	return nil
}

// apiReviewRequest is the body of POST /api/v1/contracts/{id}/reviews.
type apiReviewRequest struct {
	TargetKind string `json:"target_kind"`
	TargetID   string `json:"target_id"`
	Decision   string `json:"decision"`
	Status     string `json:"status"`
	Reason     string `json:"reason"`
}

func (s *Server) apiAddReview(w http.ResponseWriter, r *http.Request, c *reqCtx) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var req apiReviewRequest
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, 64<<10))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&req); err != nil {
		return badRequest("body: " + err.Error())
	}
	kind := store.TargetKind(req.TargetKind)
	if kind != store.TargetRequirement && kind != store.TargetFinding {
		return badRequest("target_kind")
	}
	d, err := s.recordDecision(r, c, id, kind, req.TargetID, req.Decision, req.Status, req.Reason)
	if err == errReasonRequired {
		return badRequest(err.Error())
	}
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusCreated, d)
	return nil
}

func (s *Server) apiUpload(w http.ResponseWriter, r *http.Request, c *reqCtx) error {
	r.Body = http.MaxBytesReader(w, r.Body, s.cfg.MaxRequestBytes)
	results, err := s.ingestFiles(r, c)
	if err != nil {
		return err
	}
	type item struct {
		uploadResult
		Contract *store.Contract `json:"contract,omitempty"`
		Version  *store.Version  `json:"version_info,omitempty"`
		Analysis *apiAnalysis    `json:"analysis,omitempty"`
	}
	out := make([]item, 0, len(results))
	status := http.StatusCreated
	for _, res := range results {
		it := item{uploadResult: res}
		if up := res.Upload; up != nil {
			it.Contract, it.Version = &up.Contract, &up.Version
			if up.Analysis != nil {
				an := *up.Analysis
				if len(an.Result) == 0 {
					if full, err := s.st.GetAnalysis(r.Context(), c.Scope, an.ID); err == nil {
						an = full
					}
				}
				it.Analysis = &apiAnalysis{Analysis: an, Result: an.Result}
			}
		} else {
			status = http.StatusUnprocessableEntity
		}
		out = append(out, it)
	}
	if len(out) > 1 && status != http.StatusCreated {
		status = http.StatusMultiStatus
	}
	writeJSON(w, status, map[string]any{"results": out})
	return nil
}

func (s *Server) apiSubprocessors(w http.ResponseWriter, r *http.Request, c *reqCtx) error {
	rows, err := s.subprocessorRows(r, c)
	if err != nil {
		return err
	}
	type row struct {
		Name         string `json:"name"`
		Country      string `json:"country,omitempty"`
		ThirdCountry bool   `json:"third_country"`
		Mechanism    string `json:"transfer_mechanism,omitempty"`
		Service      string `json:"service,omitempty"`
		Vendor       string `json:"vendor"`
		ContractID   int64  `json:"contract_id"`
	}
	out := make([]row, 0, len(rows))
	for _, x := range rows {
		out = append(out, row{x.Name, x.Country, x.ThirdCountry, x.Mechanism, x.Service, x.Vendor, x.ContractID})
	}
	writeJSON(w, http.StatusOK, map[string]any{"subprocessors": out})
	return nil
}

func (s *Server) apiAudit(w http.ResponseWriter, r *http.Request, c *reqCtx) error {
	off, _ := strconv.Atoi(r.URL.Query().Get("offset"))
	es, err := s.st.ListAudit(r.Context(), c.Scope, store.AuditQuery{Limit: 1000, Offset: max(off, 0)})
	if err != nil {
		return err
	}
	if es == nil {
		es = []store.AuditEntry{}
	}
	writeJSON(w, http.StatusOK, map[string]any{"entries": es})
	return nil
}
