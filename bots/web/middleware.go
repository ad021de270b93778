package web

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"log/slog"
	"net/http"
	"runtime/debug"
	"strings"
	"time"

	"github.com/faqbot/faqbot"
	"github.com/faqbot/faqbot/internal/guard"
	"github.com/faqbot/faqbot/internal/metrics"
)

// RequestIDHeader carries the request id in and out, so one request can be
// followed from a proxy's log to ours.
const RequestIDHeader = "X-Request-Id"

type requestIDKey struct{}

// RequestID returns the id Middleware gave the request, or "".
func RequestID(ctx context.Context) string {
	id, _ := ctx.Value(requestIDKey{}).(string)
	return id
}

// Middleware wraps the whole listener: it gives each request an id, turns a
// handler panic into a 500 with faqbot.Apology, and writes one access line
// per request. Requests carry people's questions, so the access line holds
// only the method (or OTHER), the route, the status, the duration and the
// id (a client's own only if it is a short hex id): never the body, the
// query string or headers a client could fill with words. A nil
// logger discards; nil metrics are allowed.
func Middleware(next http.Handler, logger *slog.Logger, m *metrics.Metrics) http.Handler {
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		id := r.Header.Get(RequestIDHeader)
		if !saneID(id) {
			id = newID()
		}
		w.Header().Set(RequestIDHeader, id)
		r = r.WithContext(context.WithValue(r.Context(), requestIDKey{}, id))
		rec := &recorder{ResponseWriter: w}

		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler { // the server's own "stop now"
					panic(v)
				}
				m.Panic(Platform)
				logger.Error("http handler panic recovered", "method", method(r), "path", route(r),
					"request_id", id, "panic", guard.PanicDetail(v), "stack", string(debug.Stack()))
				if rec.status == 0 {
					writeError(rec, http.StatusInternalServerError, faqbot.Apology)
				} else {
					rec.status = http.StatusInternalServerError // for the access line
				}
			}
			logger.Info("http request", "method", method(r), "path", route(r), "status", rec.code(),
				"duration", time.Since(start), "request_id", id)
		}()
		next.ServeHTTP(rec, r)
	})
}

// route names what the request reached without anything a client chose: the
// path of the ServeMux pattern that matched (which the mux records on the
// request), or "unmatched" for a 404, whose path could be any words.
func route(r *http.Request) string {
	if r.Pattern == "" {
		return "unmatched"
	}
	if i := strings.IndexByte(r.Pattern, '/'); i >= 0 {
		return r.Pattern[i:]
	}
	return r.Pattern
}

// method names the request's method for the log: one of HTTP's own, or
// OTHER, since a method is any token a client cares to send.
func method(r *http.Request) string {
	switch r.Method {
	case http.MethodGet, http.MethodHead, http.MethodPost, http.MethodPut, http.MethodPatch,
		http.MethodDelete, http.MethodOptions, http.MethodConnect, http.MethodTrace:
		return r.Method
	}
	return "OTHER"
}

// maxIDLen is the longest incoming request id kept: a UUID is 36.
const maxIDLen = 40

// saneID accepts an incoming request id only if it is short and made of
// hex digits and hyphens, as proxies' ids are (UUIDs, nginx's $request_id,
// trace ids): an alphabet that can neither forge a log line nor spell a
// sentence ("my-partner-and-i-…" is refused and replaced).
func saneID(id string) bool {
	if len(id) == 0 || len(id) > maxIDLen {
		return false
	}
	for _, c := range []byte(id) {
		switch {
		case c >= 'a' && c <= 'f', c >= 'A' && c <= 'F', c >= '0' && c <= '9', c == '-':
		default:
			return false
		}
	}
	return true
}

func newID() string {
	var b [12]byte
	rand.Read(b[:]) // never fails (crypto/rand documents it)
	return hex.EncodeToString(b[:])
}

// recorder notes the status a handler wrote, for the access line and so the
// panic handler knows whether it can still send a response.
type recorder struct {
	http.ResponseWriter
	status int
}

func (r *recorder) WriteHeader(code int) {
	if r.status == 0 {
		r.status = code
	}
	r.ResponseWriter.WriteHeader(code)
}

func (r *recorder) Write(b []byte) (int, error) {
	if r.status == 0 {
		r.status = http.StatusOK
	}
	return r.ResponseWriter.Write(b)
}

// Unwrap lets http.ResponseController reach the real writer (Flush,
// deadlines).
func (r *recorder) Unwrap() http.ResponseWriter { return r.ResponseWriter }

func (r *recorder) code() int {
	if r.status == 0 {
		return http.StatusOK // nothing written: net/http sends 200
	}
	return r.status
}
