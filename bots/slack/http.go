package slack

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"runtime/debug"
	"strconv"
	"strings"
	"time"

	"github.com/faqbot/faqbot"
	"github.com/slack-go/slack"
)

// maxBody is the largest request the HTTP endpoints read (Slack's own
// payloads are far smaller).
const maxBody = 1 << 20

// maxSkew is how far a request's timestamp may be from now before it is
// refused as a replay.
const maxSkew = 5 * time.Minute

// The headers Slack signs requests with.
const (
	headerSignature = "X-Slack-Signature"
	headerTimestamp = "X-Slack-Request-Timestamp"
)

// Handler serves Slack's three HTTP routes: POST /slack/events,
// /slack/commands and /slack/interactions. Every request must carry a valid
// signature made with the signing secret, or it gets 401 and nothing else
// happens. In socket mode (no signing secret) every request is refused.
func (b *Bot) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.Handle("POST /slack/events", b.route("events", b.serveEvents, nil))
	mux.Handle("POST /slack/commands", b.route("commands", b.serveCommand, func(w http.ResponseWriter) {
		writeJSON(w, textMessage(faqbot.Apology).ephemeral())
	}))
	mux.Handle("POST /slack/interactions", b.route("interactions", b.serveInteraction, nil))
	return mux
}

// route reads and verifies a request before serve sees it, and recovers a
// panic: onPanic (or an empty 200, so Slack does not retry a poisonous
// request) answers it.
func (b *Bot) route(name string, serve func(http.ResponseWriter, *http.Request, []byte), onPanic func(http.ResponseWriter)) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if p := recover(); p != nil {
				b.metrics.Panic(platform)
				b.log.Error("panic recovered", "event", name, "panic_type", fmt.Sprintf("%T", p), "stack", string(debug.Stack()))
				if onPanic != nil {
					onPanic(w)
				} else {
					w.WriteHeader(http.StatusOK)
				}
			}
		}()
		if r.ContentLength > maxBody {
			http.Error(w, "request too large", http.StatusRequestEntityTooLarge)
			return
		}
		body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxBody))
		if err != nil {
			if _, ok := errors.AsType[*http.MaxBytesError](err); ok {
				http.Error(w, "request too large", http.StatusRequestEntityTooLarge)
				return
			}
			http.Error(w, "cannot read request", http.StatusBadRequest)
			return
		}
		if err := verifySignature(b.cfg.SigningSecret, r.Header, body, b.now()); err != nil {
			b.metrics.PlatformError(platform, "verify")
			b.log.Warn("request refused", "route", name, "reason", err.Error())
			http.Error(w, "invalid signature", http.StatusUnauthorized)
			return
		}
		// The form parsers below read the body again.
		r.Body = io.NopCloser(bytes.NewReader(body))
		serve(w, r, body)
	})
}

func (b *Bot) serveEvents(w http.ResponseWriter, r *http.Request, body []byte) {
	var env envelope
	if err := json.Unmarshal(body, &env); err != nil {
		http.Error(w, "bad event", http.StatusBadRequest)
		return
	}
	if env.Type == "url_verification" {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		_, _ = io.WriteString(w, env.Challenge)
		return
	}
	retry, _ := strconv.Atoi(r.Header.Get("X-Slack-Retry-Num"))
	b.onEnvelope(env, retry)
	w.WriteHeader(http.StatusOK)
}

func (b *Bot) serveCommand(w http.ResponseWriter, r *http.Request, _ []byte) {
	cmd, err := slack.SlashCommandParse(r)
	if err != nil {
		http.Error(w, "bad command", http.StatusBadRequest)
		return
	}
	if r.PostForm.Get("ssl_check") == "1" { // Slack checking the certificate
		w.WriteHeader(http.StatusOK)
		return
	}
	if m := b.command(cmd); m != nil {
		writeJSON(w, *m)
		return
	}
	w.WriteHeader(http.StatusOK)
}

func (b *Bot) serveInteraction(w http.ResponseWriter, r *http.Request, _ []byte) {
	cb, err := slack.InteractionCallbackParse(r)
	if err != nil {
		http.Error(w, "bad interaction", http.StatusBadRequest)
		return
	}
	b.interaction(cb)
	w.WriteHeader(http.StatusOK)
}

func writeJSON(w http.ResponseWriter, m message) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	_ = json.NewEncoder(w).Encode(m)
}

// Why verifySignature refused a request.
var (
	errNoSecret     = errors.New("no signing secret configured")
	errNoSignature  = errors.New("missing signature or timestamp")
	errBadTimestamp = errors.New("bad timestamp")
	errStale        = errors.New("timestamp too far from now")
	errBadSignature = errors.New("signature does not match")
)

// verifySignature checks Slack's v0 request signature: HMAC-SHA256 with the
// signing secret over "v0:" + timestamp + ":" + body, hex-encoded, and a
// timestamp within five minutes of now (so a captured request cannot be
// replayed later).
func verifySignature(secret string, h http.Header, body []byte, now time.Time) error {
	if secret == "" {
		return errNoSecret
	}
	ts, sig := h.Get(headerTimestamp), h.Get(headerSignature)
	if ts == "" || sig == "" {
		return errNoSignature
	}
	sec, err := strconv.ParseInt(ts, 10, 64)
	if err != nil {
		return errBadTimestamp
	}
	if skew := now.Sub(time.Unix(sec, 0)); skew > maxSkew || skew < -maxSkew {
		return errStale
	}
	hexSig, ok := strings.CutPrefix(sig, "v0=")
	if !ok {
		return errBadSignature
	}
	got, err := hex.DecodeString(hexSig)
	if err != nil || !hmac.Equal(got, signature(secret, ts, body)) {
		return errBadSignature
	}
	return nil
}

// signature is the raw v0 HMAC for a timestamp and body.
func signature(secret, ts string, body []byte) []byte {
	mac := hmac.New(sha256.New, []byte(secret))
	mac.Write([]byte("v0:" + ts + ":"))
	mac.Write(body)
	return mac.Sum(nil)
}
