package web_test

import (
	"bytes"
	"context"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/faqbot/faqbot"
	"github.com/faqbot/faqbot/bots/web"
)

// secret is question text that must never reach a log line.
const secret = "my very private question about my partner"

// answerer is a fake engine that records the questions it got.
type answerer struct {
	mu        sync.Mutex
	questions []faqbot.Question
	AnswerFn  func(ctx context.Context, q faqbot.Question) (faqbot.Reply, error)
}

func (a *answerer) Answer(ctx context.Context, q faqbot.Question) (faqbot.Reply, error) {
	a.mu.Lock()
	a.questions = append(a.questions, q)
	a.mu.Unlock()
	if a.AnswerFn == nil {
		return faqbot.Reply{Question: q.Text, Kind: faqbot.KindNoMatch, Text: "I'm not sure."}, nil
	}
	return a.AnswerFn(ctx, q)
}

func (a *answerer) last(t *testing.T) faqbot.Question {
	t.Helper()
	a.mu.Lock()
	defer a.mu.Unlock()
	if len(a.questions) == 0 {
		t.Fatal("the answerer was not called")
	}
	return a.questions[len(a.questions)-1]
}

func (a *answerer) calls() int {
	a.mu.Lock()
	defer a.mu.Unlock()
	return len(a.questions)
}

// librarian is a fake knowledge holder with a fixed status.
type librarian struct{ status faqbot.Status }

func (l librarian) Status() faqbot.Status { return l.status }
func (l librarian) Reload(ctx context.Context, by string) (faqbot.Status, error) {
	return l.status, nil
}

// server mounts api behind Middleware, as the serve command does.
func server(t *testing.T, api *web.API, logger *slog.Logger) http.Handler {
	t.Helper()
	mux := http.NewServeMux()
	api.Register(mux)
	return web.Middleware(mux, logger, nil)
}

// do sends one request to h and returns the recorded response.
func do(t *testing.T, h http.Handler, method, target, contentType, body string) *httptest.ResponseRecorder {
	t.Helper()
	r := httptest.NewRequest(method, target, strings.NewReader(body))
	if contentType != "" {
		r.Header.Set("Content-Type", contentType)
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w
}

func textLogger(buf *bytes.Buffer) *slog.Logger {
	return slog.New(slog.NewTextHandler(buf, &slog.HandlerOptions{Level: slog.LevelDebug}))
}
