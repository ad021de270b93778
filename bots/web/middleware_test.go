package web_test

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"

	"github.com/faqbot/faqbot"
	"github.com/faqbot/faqbot/bots/web"
	"github.com/faqbot/faqbot/internal/metrics"
)

func TestRequestID(t *testing.T) {
	generated := regexp.MustCompile(`^[0-9a-f]{24}$`)
	tests := []struct {
		name, incoming string
		keep           bool
	}{
		{"none", "", false},
		{"uuid", "7f1c3a9e-2b4d-4e8f-9a6b-1c2d3e4f5a6b", true},
		{"nginx request_id", "0AF7651916CD43DD8448EB211C80319C", true},
		{"short hex", "42", true},
		{"spaces", "tell me about", false},
		{"newline", "a\nb", false},
		{"a sentence in the safe characters", "my-husband-and-i-want-to-know", false},
		{"words with underscores and dots", "is_it.confidential", false},
		{"too long", strings.Repeat("a", 41), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var seen string
			h := web.Middleware(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				seen = web.RequestID(r.Context())
			}), nil, nil)
			r := httptest.NewRequest(http.MethodGet, "/", nil)
			if tt.incoming != "" {
				r.Header.Set("X-Request-Id", tt.incoming)
			}
			w := httptest.NewRecorder()
			h.ServeHTTP(w, r)
			got := w.Header().Get("X-Request-Id")
			if got != seen {
				t.Errorf("header id %q != context id %q", got, seen)
			}
			if tt.keep && got != tt.incoming {
				t.Errorf("id = %q, want the incoming %q kept", got, tt.incoming)
			}
			if !tt.keep && !generated.MatchString(got) {
				t.Errorf("id = %q, want a generated one", got)
			}
		})
	}
}

func TestAccessLog(t *testing.T) {
	var logs bytes.Buffer
	h := server(t, web.New(web.Config{}, web.Deps{Answerer: &answerer{}}), textLogger(&logs))

	r := httptest.NewRequest(http.MethodPost, "/v1/ask?q=secret+words+in+query", strings.NewReader(`{"question":"`+secret+`"}`))
	r.Header.Set("User-Agent", "agent with private words")
	r.Header.Set("X-Request-Id", "0af76519-42")
	h.ServeHTTP(httptest.NewRecorder(), r)
	do(t, h, http.MethodGet, "/how/do/i/fix/my/private/problem", "", "")

	out := logs.String()
	for _, want := range []string{"method=POST", "path=/v1/ask", "status=200", "duration=", "request_id=0af76519-42", "path=unmatched", "status=404"} {
		if !strings.Contains(out, want) {
			t.Errorf("access log lacks %q:\n%s", want, out)
		}
	}
	for _, private := range []string{secret, "secret", "private words", "private/problem"} {
		if strings.Contains(out, private) {
			t.Errorf("access log carries %q:\n%s", private, out)
		}
	}
}

// TestAccessLogKeepsClientTokensOut: a method is any token a client sends
// and a request id any header value; the access line names methods HTTP
// defines and OTHER for the rest, and keeps an id only if it cannot spell.
func TestAccessLogKeepsClientTokensOut(t *testing.T) {
	tests := []struct {
		method, id string
		want       []string
		never      string
	}{
		{"GET", "", []string{"method=GET"}, ""},
		{"DELETE", "", []string{"method=DELETE"}, ""},
		{"CONFIDE-MY-SECRET", "", []string{"method=OTHER"}, "CONFIDE"},
		{"GET", "i-think-my-partner-is-cheating", []string{"method=GET", "request_id="}, "cheating"},
		{"GET", "7f1c3a9e-2b4d-4e8f-9a6b-1c2d3e4f5a6b", []string{"request_id=7f1c3a9e-2b4d-4e8f-9a6b-1c2d3e4f5a6b"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.method+" "+tt.id, func(t *testing.T) {
			var logs bytes.Buffer
			h := server(t, web.New(web.Config{}, web.Deps{Answerer: &answerer{}}), textLogger(&logs))
			r := httptest.NewRequest(http.MethodGet, "/healthz", nil)
			r.Method = tt.method
			if tt.id != "" {
				r.Header.Set("X-Request-Id", tt.id)
			}
			h.ServeHTTP(httptest.NewRecorder(), r)
			out := logs.String()
			for _, want := range tt.want {
				if !strings.Contains(out, want) {
					t.Errorf("access log lacks %q:\n%s", want, out)
				}
			}
			if tt.never != "" && strings.Contains(out, tt.never) {
				t.Errorf("access log carries the client's %q:\n%s", tt.never, out)
			}
		})
	}
}

func TestPanicRecovery(t *testing.T) {
	tests := []struct {
		name       string
		handler    http.HandlerFunc
		wantStatus int
		wantBody   string
	}{
		{
			name: "panic before writing",
			handler: func(w http.ResponseWriter, r *http.Request) {
				body, _ := io.ReadAll(r.Body)
				panic("cannot answer " + string(body))
			},
			wantStatus: 500,
			wantBody:   faqbot.Apology,
		},
		{
			name: "panic with an error",
			handler: func(w http.ResponseWriter, r *http.Request) {
				body, _ := io.ReadAll(r.Body)
				panic(fmt.Errorf("cannot answer %s", body))
			},
			wantStatus: 500,
			wantBody:   faqbot.Apology,
		},
		{
			name: "panic after writing",
			handler: func(w http.ResponseWriter, r *http.Request) {
				body, _ := io.ReadAll(r.Body)
				w.WriteHeader(http.StatusAccepted)
				panic(string(body))
			},
			wantStatus: 202, // too late to change; the log still says 500
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var logs bytes.Buffer
			m := metrics.New()
			h := web.Middleware(tt.handler, textLogger(&logs), m)
			r := httptest.NewRequest(http.MethodPost, "/v1/ask", strings.NewReader(`{"question":"`+secret+`"}`))
			w := httptest.NewRecorder()
			h.ServeHTTP(w, r)

			if w.Code != tt.wantStatus {
				t.Errorf("status = %d, want %d", w.Code, tt.wantStatus)
			}
			if tt.wantBody != "" {
				if got := errorField(t, w); got != tt.wantBody {
					t.Errorf("error = %q, want %q", got, tt.wantBody)
				}
			}
			out := logs.String()
			if strings.Contains(out, secret) || strings.Contains(out, "private question") {
				t.Errorf("log carries the request body:\n%s", out)
			}
			for _, want := range []string{"panic recovered", "status=500", "stack="} {
				if !strings.Contains(out, want) {
					t.Errorf("log lacks %q:\n%s", want, out)
				}
			}
			if !strings.Contains(scrape(t, m), `faqbot_panics_recovered_total{platform="http"} 1`) {
				t.Errorf("panic not counted")
			}
		})
	}
}

func TestAbortHandlerPassesThrough(t *testing.T) {
	h := web.Middleware(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		panic(http.ErrAbortHandler)
	}), nil, nil)
	defer func() {
		if v := recover(); v != http.ErrAbortHandler {
			t.Errorf("recovered %v, want http.ErrAbortHandler re-panicked", v)
		}
	}()
	h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest(http.MethodGet, "/", nil))
}
