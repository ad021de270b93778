// Package web is the bot's HTTP surface on the serve listener: a JSON API
// for asking questions (POST /v1/ask) and the endpoints that operators and
// orchestrators poll (/healthz, /readyz, /metrics). It knows only the shared
// faqbot contract; the guarded engine and the knowledge holder are passed in.
package web

import (
	"log/slog"
	"net/http"
	"time"

	"github.com/faqbot/faqbot"
	"github.com/faqbot/faqbot/internal/metrics"
	"github.com/faqbot/faqbot/internal/ratelimit"
)

// Platform names this surface in questions, metrics and rate-limit keys.
const Platform = "http"

// DefaultMaxBodyBytes caps a request body when Config leaves it zero. A
// question is at most a few thousand characters; 64 KiB is generous.
const DefaultMaxBodyBytes = 64 << 10

// Config holds the API's settings.
type Config struct {
	// MaxBodyBytes caps the request body of POST /v1/ask; larger bodies get
	// 413. Zero means DefaultMaxBodyBytes.
	MaxBodyBytes int64
	// TrustProxy takes the client address for rate limiting from the last
	// X-Forwarded-For entry, as written by one reverse proxy in front of the
	// bot. Off by default: without a proxy that header is whatever the client
	// says, and trusting it would let anyone dodge the rate limit.
	TrustProxy bool
	// RetryAfter is what a rate-limited client is told to wait (the
	// Retry-After header, rounded up to whole seconds). It should be the
	// limiter's refill interval. Zero means one second.
	RetryAfter time.Duration
}

// Deps are the parts the API works with.
type Deps struct {
	// Answerer answers questions; normally the engine wrapped by
	// internal/guard, which bounds, times and counts answers.
	Answerer faqbot.Answerer
	// Librarian reports the live knowledge for /readyz. Nil means /readyz
	// checks only Ready.
	Librarian faqbot.Librarian
	// Metrics is served on /metrics and counts rate-limited requests. Nil
	// is allowed (then /metrics is 404).
	Metrics *metrics.Metrics
	// Limiter limits questions per client address. Nil allows all.
	Limiter *ratelimit.Limiter
	// Logger receives error lines, never request bodies. Nil discards.
	Logger *slog.Logger
	// Ready names the configured parts that are not ready yet (for example
	// "slack" before its socket connects). Nil means all are ready.
	Ready func() []string
	// Feedback records POST /v1/feedback. Nil: insights are off, and
	// the endpoint says so (404).
	Feedback faqbot.FeedbackRecorder
}

// API serves the HTTP endpoints. Build it with New, mount it with Register.
type API struct {
	cfg  Config
	deps Deps
	log  *slog.Logger
}

// New returns an API with cfg's zero values replaced by defaults.
func New(cfg Config, deps Deps) *API {
	if cfg.MaxBodyBytes <= 0 {
		cfg.MaxBodyBytes = DefaultMaxBodyBytes
	}
	if cfg.RetryAfter <= 0 {
		cfg.RetryAfter = time.Second
	}
	log := deps.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &API{cfg: cfg, deps: deps, log: log}
}

// Register mounts the endpoints on mux. Each path also gets a catch-all
// pattern, so that a wrong method gets a JSON 405 with an Allow header
// rather than the mux's plain-text one. Other paths on mux are left alone,
// so the serve command can mount platform webhooks beside these.
func (a *API) Register(mux *http.ServeMux) {
	routes := []struct {
		method, path string
		h            http.Handler
	}{
		{http.MethodPost, "/v1/ask", http.HandlerFunc(a.ask)},
		{http.MethodPost, "/v1/feedback", http.HandlerFunc(a.feedback)},
		{http.MethodGet, "/healthz", http.HandlerFunc(a.healthz)},
		{http.MethodGet, "/readyz", http.HandlerFunc(a.readyz)},
		{http.MethodGet, "/metrics", a.deps.Metrics.Handler()},
	}
	for _, r := range routes {
		mux.Handle(r.method+" "+r.path, r.h)
		allow := r.method
		if r.method == http.MethodGet {
			allow = "GET, HEAD" // the mux serves HEAD with GET handlers
		}
		mux.Handle(r.path, methodNotAllowed(allow))
	}
}

func methodNotAllowed(allow string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Allow", allow)
		writeError(w, http.StatusMethodNotAllowed, "method not allowed: use "+allow)
	})
}
