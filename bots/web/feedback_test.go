package web_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/faqbot/faqbot"
	"github.com/faqbot/faqbot/bots/web"
)

// recorder is a fake FeedbackRecorder that keeps what it was given.
type recorder struct {
	mu  sync.Mutex
	got []faqbot.Feedback
}

func (r *recorder) RecordFeedback(_ context.Context, f faqbot.Feedback) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.got = append(r.got, f)
	return nil
}

func TestFeedback(t *testing.T) {
	tests := []struct {
		name       string
		off        bool
		body       string
		wantStatus int
		wantError  string
		want       *faqbot.Feedback
	}{
		{name: "helpful", body: `{"reply_id":"abc","helpful":true}`, wantStatus: 202,
			want: &faqbot.Feedback{ReplyID: "abc", Helpful: true, Platform: "http", User: "192.0.2.1"}},
		{name: "not helpful", body: `{"reply_id":"abc","helpful":false}`, wantStatus: 202,
			want: &faqbot.Feedback{ReplyID: "abc", Helpful: false, Platform: "http", User: "192.0.2.1"}},
		{name: "no helpful", body: `{"reply_id":"abc"}`, wantStatus: 400, wantError: `helpful`},
		{name: "no reply id", body: `{"helpful":true}`, wantStatus: 400, wantError: `reply_id`},
		{name: "unknown field", body: `{"reply_id":"a","helpful":true,"user":"x"}`, wantStatus: 400, wantError: "unknown field"},
		{name: "insights off", off: true, body: `{"reply_id":"abc","helpful":true}`, wantStatus: 404, wantError: "insights are not configured"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := &recorder{}
			deps := web.Deps{Answerer: &answerer{}, Feedback: rec}
			if tt.off {
				deps.Feedback = nil
			}
			mux := http.NewServeMux()
			web.New(web.Config{}, deps).Register(mux)
			req := httptest.NewRequest(http.MethodPost, "/v1/feedback", strings.NewReader(tt.body))
			req.Header.Set("Content-Type", "application/json")
			w := httptest.NewRecorder()
			mux.ServeHTTP(w, req)
			if w.Code != tt.wantStatus || !strings.Contains(w.Body.String(), tt.wantError) {
				t.Errorf("= %d %s, want %d with %q", w.Code, w.Body, tt.wantStatus, tt.wantError)
			}
			if tt.want != nil && (len(rec.got) != 1 || rec.got[0] != *tt.want) {
				t.Errorf("recorded %+v, want %+v", rec.got, *tt.want)
			}
			if tt.want == nil && len(rec.got) != 0 {
				t.Errorf("recorded %+v, want nothing", rec.got)
			}
		})
	}
}
