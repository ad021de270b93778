package web_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/faqbot/faqbot"
	"github.com/faqbot/faqbot/bots/web"
	"github.com/faqbot/faqbot/internal/metrics"
	"github.com/faqbot/faqbot/internal/ratelimit"
	"github.com/google/go-cmp/cmp"
)

func TestAsk(t *testing.T) {
	const jsonCT = "application/json"
	tests := []struct {
		name        string
		method      string
		contentType string
		body        string
		maxBody     int64
		wantStatus  int
		wantError   string // substring of the "error" field; "" for success
		wantAsked   faqbot.Question
	}{
		{name: "question", contentType: jsonCT, body: `{"question":"what is sex therapy?"}`,
			wantStatus: 200, wantAsked: faqbot.Question{Text: "what is sex therapy?", Platform: "http"}},
		{name: "section only", contentType: jsonCT, body: `{"section":"Fees"}`,
			wantStatus: 200, wantAsked: faqbot.Question{Section: "Fees", Platform: "http"}},
		{name: "json with charset", contentType: "application/json; charset=utf-8", body: `{"question":"hi"}`,
			wantStatus: 200, wantAsked: faqbot.Question{Text: "hi", Platform: "http"}},
		{name: "no content type", body: `{"question":"hi"}`,
			wantStatus: 200, wantAsked: faqbot.Question{Text: "hi", Platform: "http"}},
		{name: "+json type", contentType: "application/vnd.faqbot+json", body: `{"question":"hi"}`,
			wantStatus: 200, wantAsked: faqbot.Question{Text: "hi", Platform: "http"}},
		{name: "form content", contentType: "application/x-www-form-urlencoded", body: `question=hi`,
			wantStatus: 415, wantError: "application/json"},
		{name: "wrong method", method: http.MethodGet, wantStatus: 405, wantError: "method not allowed"},
		{name: "empty body", contentType: jsonCT, wantStatus: 400, wantError: "JSON object"},
		{name: "bad json", contentType: jsonCT, body: `{"question":`, wantStatus: 400, wantError: "bad request body"},
		{name: "unknown field", contentType: jsonCT, body: `{"question":"hi","user":"x"}`, wantStatus: 400, wantError: `unknown field "user"`},
		{name: "wrong type", contentType: jsonCT, body: `{"question":42}`, wantStatus: 400, wantError: "bad request body"},
		{name: "array", contentType: jsonCT, body: `["hi"]`, wantStatus: 400, wantError: "bad request body"},
		{name: "two objects", contentType: jsonCT, body: `{"question":"a"}{"question":"b"}`, wantStatus: 400, wantError: "one JSON object"},
		{name: "missing question", contentType: jsonCT, body: `{}`, wantStatus: 400, wantError: `missing "question"`},
		{name: "blank question", contentType: jsonCT, body: `{"question":"  \n "}`, wantStatus: 400, wantError: `missing "question"`},
		{name: "body over the cap", contentType: jsonCT, maxBody: 32,
			body: `{"question":"` + strings.Repeat("a", 100) + `"}`, wantStatus: 413, wantError: "larger than 32 bytes"},
		{name: "body at the cap", contentType: jsonCT, maxBody: 32,
			body: `{"question":"` + strings.Repeat("a", 16) + `"}`, wantStatus: 200,
			wantAsked: faqbot.Question{Text: strings.Repeat("a", 16), Platform: "http"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			eng := &answerer{}
			h := server(t, web.New(web.Config{MaxBodyBytes: tt.maxBody}, web.Deps{Answerer: eng}), nil)
			method := tt.method
			if method == "" {
				method = http.MethodPost
			}
			w := do(t, h, method, "/v1/ask", tt.contentType, tt.body)

			if w.Code != tt.wantStatus {
				t.Fatalf("status = %d, want %d; body %s", w.Code, tt.wantStatus, w.Body)
			}
			if ct := w.Header().Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
				t.Errorf("Content-Type = %q, want JSON", ct)
			}
			if tt.wantError == "" {
				if diff := cmp.Diff(tt.wantAsked, eng.last(t)); diff != "" {
					t.Errorf("question (-want +got):\n%s", diff)
				}
				return
			}
			if got := errorField(t, w); !strings.Contains(got, tt.wantError) {
				t.Errorf("error = %q, want it to contain %q", got, tt.wantError)
			}
			if eng.calls() != 0 {
				t.Errorf("the answerer was called for a refused request")
			}
			if tt.wantStatus == 405 && w.Header().Get("Allow") != "POST" {
				t.Errorf("Allow = %q, want POST", w.Header().Get("Allow"))
			}
		})
	}
}

// TestAskReplyShape checks the body is json.Marshal of the Reply (the
// `faqbot ask --json` document), with nil sources and resources as [].
func TestAskReplyShape(t *testing.T) {
	tests := []struct {
		name  string
		reply faqbot.Reply
		want  faqbot.Reply
	}{
		{
			name:  "nil slices become empty arrays",
			reply: faqbot.Reply{Question: "hello", Kind: faqbot.KindSmalltalk, Text: "Hi!", Suggestions: []string{"Fees"}},
			want: faqbot.Reply{Question: "hello", Kind: faqbot.KindSmalltalk, Text: "Hi!", Suggestions: []string{"Fees"},
				Sources: []faqbot.Source{}, Resources: []faqbot.Resource{}},
		},
		{
			name: "full reply unchanged",
			reply: faqbot.Reply{Question: "I want to hurt myself", Kind: faqbot.KindHandoff, Reason: faqbot.ReasonCrisis,
				Text: "Please reach out <now> & talk", Lead: "Please reach out", Score: 1.5, Version: "abc123",
				Sources:   []faqbot.Source{{Section: "Safety", Passage: "We are not a crisis service."}},
				Resources: []faqbot.Resource{{Name: "988 Lifeline", Phone: "988", URL: "https://988lifeline.org"}}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.want.Kind == "" {
				tt.want = tt.reply
			}
			eng := &answerer{AnswerFn: func(ctx context.Context, q faqbot.Question) (faqbot.Reply, error) {
				return tt.reply, nil
			}}
			w := do(t, server(t, web.New(web.Config{}, web.Deps{Answerer: eng}), nil),
				http.MethodPost, "/v1/ask", "application/json", `{"question":"x"}`)
			if w.Code != 200 {
				t.Fatalf("status = %d; body %s", w.Code, w.Body)
			}
			want, err := json.Marshal(tt.want)
			if err != nil {
				t.Fatal(err)
			}
			if got := w.Body.String(); got != string(want)+"\n" {
				t.Errorf("body =\n%s\nwant\n%s", got, want)
			}
			if !strings.Contains(w.Body.String(), `"sources":[`) || !strings.Contains(w.Body.String(), `"resources":[`) {
				t.Errorf("sources/resources are not arrays: %s", w.Body)
			}
			if cc := w.Header().Get("Cache-Control"); cc != "no-store" {
				t.Errorf("Cache-Control = %q, want no-store", cc)
			}
		})
	}
}

func TestAskEngineError(t *testing.T) {
	var buf bytes.Buffer
	eng := &answerer{AnswerFn: func(ctx context.Context, q faqbot.Question) (faqbot.Reply, error) {
		return faqbot.Reply{}, errors.New("index closed")
	}}
	api := web.New(web.Config{}, web.Deps{Answerer: eng, Logger: textLogger(&buf)})
	w := do(t, server(t, api, textLogger(&buf)), http.MethodPost, "/v1/ask", "", `{"question":"`+secret+`"}`)
	if w.Code != 500 {
		t.Fatalf("status = %d, want 500", w.Code)
	}
	if got := errorField(t, w); got != faqbot.Apology {
		t.Errorf("error = %q, want the apology", got)
	}
	out := buf.String()
	if !strings.Contains(out, "index closed") {
		t.Errorf("log lacks the error detail:\n%s", out)
	}
	if strings.Contains(out, secret) {
		t.Errorf("log carries the question:\n%s", out)
	}
}

func TestAskRateLimit(t *testing.T) {
	now := time.Unix(1_700_000_000, 0)
	clock := func() time.Time { return now }
	tests := []struct {
		name       string
		trustProxy bool
		requests   []request // all but the last must be allowed
		wantLast   int
	}{
		{name: "same peer limited", requests: []request{{peer: "192.0.2.1:1000"}, {peer: "192.0.2.1:2000"}, {peer: "192.0.2.1:3000"}}, wantLast: 429},
		{name: "other peer not limited", requests: []request{{peer: "192.0.2.1:1"}, {peer: "192.0.2.1:2"}, {peer: "192.0.2.2:1"}}, wantLast: 200},
		{name: "same IPv6 /64 limited", requests: []request{{peer: "[2001:db8::1]:1"}, {peer: "[2001:db8::2]:1"}, {peer: "[2001:db8::ffff]:1"}}, wantLast: 429},
		{name: "other IPv6 /64 not limited", requests: []request{{peer: "[2001:db8::1]:1"}, {peer: "[2001:db8::2]:1"}, {peer: "[2001:db8:0:1::1]:1"}}, wantLast: 200},
		{name: "forwarded-for ignored by default", requests: []request{
			{peer: "10.0.0.1:1", xff: "198.51.100.1"}, {peer: "10.0.0.1:1", xff: "198.51.100.2"}, {peer: "10.0.0.1:1", xff: "198.51.100.3"}}, wantLast: 429},
		{name: "forwarded-for trusted behind a proxy", trustProxy: true, requests: []request{
			{peer: "10.0.0.1:1", xff: "198.51.100.1"}, {peer: "10.0.0.1:1", xff: "198.51.100.2"}, {peer: "10.0.0.1:1", xff: "198.51.100.3"}}, wantLast: 200},
		{name: "only the proxy's own entry is trusted", trustProxy: true, requests: []request{
			{peer: "10.0.0.1:1", xff: "1.1.1.1, 198.51.100.1"}, {peer: "10.0.0.1:1", xff: "2.2.2.2, 198.51.100.1"}, {peer: "10.0.0.1:1", xff: "3.3.3.3, 198.51.100.1"}}, wantLast: 429},
		{name: "garbage forwarded-for falls back to the peer", trustProxy: true, requests: []request{
			{peer: "10.0.0.1:1", xff: "nonsense"}, {peer: "10.0.0.1:1", xff: "more nonsense"}, {peer: "10.0.0.1:1", xff: "x"}}, wantLast: 429},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := metrics.New()
			api := web.New(web.Config{TrustProxy: tt.trustProxy, RetryAfter: 1500 * time.Millisecond}, web.Deps{
				Answerer: &answerer{},
				Limiter:  ratelimit.New(time.Hour, 2).WithClock(clock),
				Metrics:  m,
			})
			h := server(t, api, nil)
			var w *httptest.ResponseRecorder
			for i, req := range tt.requests {
				r := httptest.NewRequest(http.MethodPost, "/v1/ask", strings.NewReader(`{"question":"hi"}`))
				r.RemoteAddr = req.peer
				if req.xff != "" {
					r.Header.Set("X-Forwarded-For", req.xff)
				}
				w = httptest.NewRecorder()
				h.ServeHTTP(w, r)
				if i < len(tt.requests)-1 && w.Code != 200 {
					t.Fatalf("request %d: status %d, want 200", i, w.Code)
				}
			}
			if w.Code != tt.wantLast {
				t.Fatalf("last status = %d, want %d", w.Code, tt.wantLast)
			}
			if tt.wantLast != 429 {
				return
			}
			if got := w.Header().Get("Retry-After"); got != "2" {
				t.Errorf("Retry-After = %q, want 2 (1.5s rounded up)", got)
			}
			if got := errorField(t, w); got != ratelimit.SlowDown {
				t.Errorf("error = %q, want the slow-down text", got)
			}
			if !strings.Contains(scrape(t, m), `faqbot_rate_limited_total{platform="http"} 1`) {
				t.Errorf("rate-limited request not counted")
			}
		})
	}
}

type request struct{ peer, xff string }

// errorField decodes an error response, failing unless it is exactly
// {"error": "..."}.
func errorField(t *testing.T, w *httptest.ResponseRecorder) string {
	t.Helper()
	dec := json.NewDecoder(w.Body)
	dec.DisallowUnknownFields()
	var body struct {
		Error string `json:"error"`
	}
	if err := dec.Decode(&body); err != nil {
		t.Fatalf("error body is not {\"error\": ...}: %v", err)
	}
	return body.Error
}
