package web_test

import (
	"encoding/json"
	"net/http"
	"testing"

	"github.com/faqbot/faqbot"
	"github.com/faqbot/faqbot/bots/web"
	"github.com/google/go-cmp/cmp"
)

func TestHealthz(t *testing.T) {
	// Liveness holds even when nothing is ready.
	api := web.New(web.Config{}, web.Deps{
		Answerer:  &answerer{},
		Librarian: librarian{},
		Ready:     func() []string { return []string{"slack"} },
	})
	h := server(t, api, nil)
	w := do(t, h, http.MethodGet, "/healthz", "", "")
	if w.Code != 200 || w.Body.String() != `{"status":"ok"}`+"\n" {
		t.Errorf("GET /healthz = %d %s, want 200 {\"status\":\"ok\"}", w.Code, w.Body)
	}
	if w := do(t, h, http.MethodHead, "/healthz", "", ""); w.Code != 200 {
		t.Errorf("HEAD /healthz = %d, want 200", w.Code)
	}
	w = do(t, h, http.MethodPost, "/healthz", "", "")
	if w.Code != 405 || w.Header().Get("Allow") != "GET, HEAD" {
		t.Errorf("POST /healthz = %d Allow %q, want 405 with Allow: GET, HEAD", w.Code, w.Header().Get("Allow"))
	}
}

func TestReadyz(t *testing.T) {
	loaded := librarian{faqbot.Status{Version: "v1"}}
	tests := []struct {
		name        string
		librarian   faqbot.Librarian
		ready       func() []string
		wantStatus  int
		wantWaiting []string
	}{
		{name: "no librarian, no platforms", wantStatus: 200},
		{name: "knowledge loaded", librarian: loaded, wantStatus: 200},
		{name: "knowledge loaded, platforms ready", librarian: loaded, ready: func() []string { return nil }, wantStatus: 200},
		{name: "knowledge not loaded", librarian: librarian{}, wantStatus: 503, wantWaiting: []string{"knowledge"}},
		{name: "a failed reload keeps the old version ready",
			librarian: librarian{faqbot.Status{Version: "v1", LastError: "parse error"}}, wantStatus: 200},
		{name: "platforms waiting", librarian: loaded, ready: func() []string { return []string{"slack", "discord"} },
			wantStatus: 503, wantWaiting: []string{"slack", "discord"}},
		{name: "everything waiting", librarian: librarian{}, ready: func() []string { return []string{"discord"} },
			wantStatus: 503, wantWaiting: []string{"knowledge", "discord"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			api := web.New(web.Config{}, web.Deps{Answerer: &answerer{}, Librarian: tt.librarian, Ready: tt.ready})
			w := do(t, server(t, api, nil), http.MethodGet, "/readyz", "", "")
			if w.Code != tt.wantStatus {
				t.Fatalf("status = %d, want %d; body %s", w.Code, tt.wantStatus, w.Body)
			}
			var body struct {
				Status  string   `json:"status"`
				Waiting []string `json:"waiting"`
			}
			if err := json.Unmarshal(w.Body.Bytes(), &body); err != nil {
				t.Fatalf("body %s: %v", w.Body, err)
			}
			wantStatus := "ready"
			if tt.wantStatus != 200 {
				wantStatus = "not ready"
			}
			if body.Status != wantStatus {
				t.Errorf("status field = %q, want %q", body.Status, wantStatus)
			}
			if diff := cmp.Diff(tt.wantWaiting, body.Waiting); diff != "" {
				t.Errorf("waiting (-want +got):\n%s", diff)
			}
		})
	}
}
