package web

import "net/http"

// healthBody is the body of /healthz and /readyz.
type healthBody struct {
	Status  string   `json:"status"`
	Waiting []string `json:"waiting,omitempty"`
}

// healthz says the process is up and serving: a liveness probe that must not
// depend on anything outside the process, or a slow platform would get the
// container restarted for nothing.
func (a *API) healthz(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, healthBody{Status: "ok"})
}

// readyz says whether the bot can do its job: knowledge loaded and every
// configured platform connected. Orchestrators hold traffic back until then.
func (a *API) readyz(w http.ResponseWriter, r *http.Request) {
	var waiting []string
	if a.deps.Librarian != nil && a.deps.Librarian.Status().Version == "" {
		waiting = append(waiting, "knowledge")
	}
	if a.deps.Ready != nil {
		waiting = append(waiting, a.deps.Ready()...)
	}
	if len(waiting) > 0 {
		writeJSON(w, http.StatusServiceUnavailable, healthBody{Status: "not ready", Waiting: waiting})
		return
	}
	writeJSON(w, http.StatusOK, healthBody{Status: "ready"})
}
