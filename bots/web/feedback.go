package web

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strings"

	"github.com/faqbot/faqbot"
)

// feedbackRequest is the body of POST /v1/feedback: the reply_id that
// /v1/ask returned, and whether the answer helped. helpful is required.
type feedbackRequest struct {
	ReplyID string `json:"reply_id"`
	Helpful *bool  `json:"helpful"`
}

// feedback records a Helpful / Not helpful on a reply, once per client and
// reply. It answers 202: the store is written asynchronously.
func (a *API) feedback(w http.ResponseWriter, r *http.Request) {
	if a.deps.Feedback == nil {
		writeError(w, http.StatusNotFound, "feedback is off: insights are not configured on this server")
		return
	}
	if !jsonContent(r.Header.Get("Content-Type")) {
		writeError(w, http.StatusUnsupportedMediaType, "Content-Type must be application/json")
		return
	}
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, 4<<10))
	dec.DisallowUnknownFields()
	var req feedbackRequest
	err := dec.Decode(&req)
	if err == nil && dec.Decode(&struct{}{}) != io.EOF {
		err = errors.New("body must hold one JSON object")
	}
	switch {
	case err != nil:
		writeError(w, http.StatusBadRequest, "bad request body: "+strings.TrimPrefix(err.Error(), "json: "))
		return
	case strings.TrimSpace(req.ReplyID) == "" || len(req.ReplyID) > 64:
		writeError(w, http.StatusBadRequest, `missing or bad "reply_id" (the one /v1/ask returned)`)
		return
	case req.Helpful == nil:
		writeError(w, http.StatusBadRequest, `missing "helpful": true or false`)
		return
	}
	if err := a.deps.Feedback.RecordFeedback(r.Context(), faqbot.Feedback{
		ReplyID: req.ReplyID, Helpful: *req.Helpful, Platform: Platform, User: clientKey(r, a.cfg.TrustProxy),
	}); err != nil {
		writeError(w, http.StatusBadRequest, "feedback not recorded")
		return
	}
	a.deps.Metrics.Feedback(Platform, *req.Helpful)
	writeJSON(w, http.StatusAccepted, map[string]bool{"recorded": true})
}
