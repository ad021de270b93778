package web

import (
	"encoding/json"
	"net/http"
)

// errorBody is the shape of every error response.
type errorBody struct {
	Error string `json:"error"`
}

// writeJSON writes v as one line of JSON. API responses may carry what a
// person asked and the sensitive answer, so no cache may keep them.
func writeJSON(w http.ResponseWriter, status int, v any) {
	body, err := json.Marshal(v)
	if err != nil { // only for values this package builds: a programming error
		status, body = http.StatusInternalServerError, []byte(`{"error":"internal error"}`)
	}
	h := w.Header()
	h.Set("Content-Type", "application/json; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	h.Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	w.Write(append(body, '\n'))
}

func writeError(w http.ResponseWriter, status int, msg string) {
	writeJSON(w, status, errorBody{Error: msg})
}
