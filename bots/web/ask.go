package web

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math"
	"mime"
	"net/http"
	"strconv"
	"strings"

	"github.com/faqbot/faqbot"
	"github.com/faqbot/faqbot/internal/ratelimit"
)

// askRequest is the body of POST /v1/ask. Unknown fields are refused, so a
// misspelt "sectoin" is an error rather than silently ignored.
type askRequest struct {
	Question string `json:"question"`
	Section  string `json:"section"`
}

// ask answers one question. The reply is json.Marshal of faqbot.Reply, the
// same document `faqbot ask --json` prints, so scripts can use either.
func (a *API) ask(w http.ResponseWriter, r *http.Request) {
	if !jsonContent(r.Header.Get("Content-Type")) {
		writeError(w, http.StatusUnsupportedMediaType, "Content-Type must be application/json (with curl: -H 'Content-Type: application/json')")
		return
	}
	if a.deps.Limiter.Allow(Platform+":"+clientKey(r, a.cfg.TrustProxy)) != ratelimit.Allow {
		// HTTP has no "drop silently": every refusal says when to come back.
		a.deps.Metrics.RateLimited(Platform)
		w.Header().Set("Retry-After", strconv.Itoa(int(math.Ceil(a.cfg.RetryAfter.Seconds()))))
		writeError(w, http.StatusTooManyRequests, ratelimit.SlowDown)
		return
	}
	req, status, err := decodeAsk(w, r, a.cfg.MaxBodyBytes)
	if err != nil {
		writeError(w, status, err.Error())
		return
	}
	reply, err := a.deps.Answerer.Answer(r.Context(), faqbot.Question{
		Text:     req.Question,
		Section:  req.Section,
		Platform: Platform,
	})
	if err != nil {
		level := slog.LevelError
		if r.Context().Err() != nil {
			level = slog.LevelDebug // the client went away; nothing failed
		}
		a.log.Log(r.Context(), level, "answer failed", "request_id", RequestID(r.Context()), "err", err)
		writeError(w, http.StatusInternalServerError, faqbot.Apology)
		return
	}
	writeJSON(w, http.StatusOK, normalize(reply))
}

// decodeAsk reads the capped body as exactly one askRequest. The error text
// is safe to show the client; the status says which kind of failure it is.
func decodeAsk(w http.ResponseWriter, r *http.Request, limit int64) (askRequest, int, error) {
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, limit))
	dec.DisallowUnknownFields()
	var req askRequest
	err := dec.Decode(&req)
	if err == nil && dec.Decode(&struct{}{}) != io.EOF {
		err = errors.New("body must hold one JSON object")
	}
	var tooBig *http.MaxBytesError
	switch {
	case errors.As(err, &tooBig):
		return req, http.StatusRequestEntityTooLarge, fmt.Errorf("body larger than %d bytes", tooBig.Limit)
	case errors.Is(err, io.EOF):
		return req, http.StatusBadRequest, errors.New(`body must be a JSON object like {"question": "..."}`)
	case err != nil:
		// encoding/json's messages name the field or offset, never the value.
		return req, http.StatusBadRequest, fmt.Errorf("bad request body: %s", strings.TrimPrefix(err.Error(), "json: "))
	case strings.TrimSpace(req.Question) == "" && strings.TrimSpace(req.Section) == "":
		return req, http.StatusBadRequest, errors.New(`missing "question"`)
	}
	return req, 0, nil
}

// jsonContent accepts a missing Content-Type (simple scripts),
// application/json and any +json type. curl's -d sends
// application/x-www-form-urlencoded, which is refused: the body would be
// read as a form by anything in between, so the README's example says
// -H 'Content-Type: application/json'.
func jsonContent(ct string) bool {
	if ct == "" {
		return true
	}
	mt, _, err := mime.ParseMediaType(ct)
	return err == nil && (mt == "application/json" || strings.HasSuffix(mt, "+json"))
}

// normalize makes sources and resources empty arrays rather than null, as
// the `ask --json` contract promises.
func normalize(r faqbot.Reply) faqbot.Reply {
	if r.Sources == nil {
		r.Sources = []faqbot.Source{}
	}
	if r.Resources == nil {
		r.Resources = []faqbot.Resource{}
	}
	return r
}
