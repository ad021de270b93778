package slack

import (
	"bytes"
	"context"
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

// The largest request each HTTP endpoint reads. Slack's documented
// examples are about 0.6 KB (a slash command), 1 KB (an app_mention) and
// 3 KB (a block_actions click); what varies is the text. The caps leave
// room for a question of 5,000 characters in a 3-byte script, five times
// what the engine reads: 45 KB as a slash command's form (each byte %XX),
// 30 KB as an event (its text and a rich_text copy). A click carries the
// clicked message back, and the bot's largest (two passages of
// knowledge.MaxPassage characters, with buttons) measures about 80 KB
// URL-encoded. TestBodyCapsFitWhatSlackSends measures all three.
const (
	maxEventBody       = 64 << 10
	maxCommandBody     = 64 << 10
	maxInteractionBody = 128 << 10
)

// replayTTL is how long a handled request is remembered: a timestamp may
// be maxSkew either side of now, so a replay can come up to twice that
// after the original.
const replayTTL = 2 * maxSkew

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
	mux.Handle("POST /slack/events", b.route("events", maxEventBody, b.serveEvents, nil))
	mux.Handle("POST /slack/commands", b.route("commands", maxCommandBody, b.serveCommand, func(w http.ResponseWriter) {
		writeJSON(w, textMessage(faqbot.Apology).ephemeral())
	}))
	mux.Handle("POST /slack/interactions", b.route("interactions", maxInteractionBody, b.serveInteraction, nil))
	return mux
}

// route reads and verifies a request before serve sees it, and recovers a
// panic: onPanic (or an empty 200, so Slack does not retry a poisonous
// request) answers it. The signature headers are checked before the body
// is read, so a request that cannot be Slack's costs no more than its
// headers; the body is read only up to limit. (Replays inside the time
// window are caught by what each request carries: an event's event_id, a
// command's or click's trigger_id.)
func (b *Bot) route(name string, limit int64, serve func(http.ResponseWriter, *http.Request, []byte), onPanic func(http.ResponseWriter)) http.Handler {
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
		if err := checkHeaders(b.cfg.SigningSecret, r.Header); err != nil {
			b.refuse(w, name, err)
			return
		}
		if r.ContentLength > limit {
			b.tooLarge(w, name)
			return
		}
		body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, limit))
		if err != nil {
			if _, ok := errors.AsType[*http.MaxBytesError](err); ok {
				b.tooLarge(w, name)
				return
			}
			http.Error(w, "cannot read request", http.StatusBadRequest)
			return
		}
		now := b.now()
		if err := verifySignature(b.cfg.SigningSecret, r.Header, body, now); err != nil {
			if errors.Is(err, errStale) {
				sec, _ := strconv.ParseInt(r.Header.Get(headerTimestamp), 10, 64)
				b.skew.Stale(now.Sub(time.Unix(sec, 0)))
			}
			b.refuse(w, name, err)
			return
		}
		b.skew.Accepted()
		// The form parsers below read the body again.
		r.Body = io.NopCloser(bytes.NewReader(body))
		serve(w, r, body)
	})
}

// refuse answers a request that is not Slack's with 401, counted.
func (b *Bot) refuse(w http.ResponseWriter, route string, err error) {
	b.metrics.PlatformError(platform, "verify")
	b.log.Warn("request refused", "route", route, "reason", err.Error())
	http.Error(w, "invalid signature", http.StatusUnauthorized)
}

func (b *Bot) tooLarge(w http.ResponseWriter, route string) {
	b.log.Info("request too large", "route", route)
	http.Error(w, "request too large", http.StatusRequestEntityTooLarge)
}

// claim reports whether keys are new in the dedup store, recording them
// for replayTTL. When the store cannot answer, the request is handled: a
// lost duplicate check is better than a lost question.
func (b *Bot) claim(what string, keys ...string) bool {
	return b.claimFor(replayTTL, what, keys...)
}

func (b *Bot) claimFor(ttl time.Duration, what string, keys ...string) bool {
	ok, err := b.dedup.Claim(context.Background(), ttl, prefixed(keys)...)
	if err != nil {
		b.metrics.PlatformError(platform, "dedup")
		b.log.Warn("dedup store failed; handling the delivery", "what", what, "err", err.Error())
		return true
	}
	return ok
}

// prefixed namespaces keys by platform, as the store may be shared.
func prefixed(keys []string) []string {
	out := make([]string, 0, len(keys))
	for _, k := range keys {
		if k != "" {
			out = append(out, platform+":"+k)
		}
	}
	return out
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

// checkHeaders refuses, before any body is read, a request without the
// headers Slack always sends or with ones Slack never sends: a timestamp
// that is not a number, a signature that is not "v0=" and 64 hex digits.
func checkHeaders(secret string, h http.Header) error {
	if secret == "" {
		return errNoSecret
	}
	ts, sig := h.Get(headerTimestamp), h.Get(headerSignature)
	if ts == "" || sig == "" {
		return errNoSignature
	}
	if _, err := strconv.ParseInt(ts, 10, 64); err != nil || len(ts) > 12 {
		return errBadTimestamp
	}
	hexSig, ok := strings.CutPrefix(sig, "v0=")
	if !ok || len(hexSig) != 2*sha256.Size {
		return errBadSignature
	}
	if _, err := hex.DecodeString(hexSig); err != nil {
		return errBadSignature
	}
	return nil
}

// verifySignature checks Slack's v0 request signature: HMAC-SHA256 with the
// signing secret over "v0:" + timestamp + ":" + body, hex-encoded, and a
// timestamp within five minutes of now (so a captured request cannot be
// replayed later). errStale means the signature was right and only the
// time was off, which is what a wrong host clock looks like.
func verifySignature(secret string, h http.Header, body []byte, now time.Time) error {
	if err := checkHeaders(secret, h); err != nil {
		return err
	}
	ts, sig := h.Get(headerTimestamp), h.Get(headerSignature)
	got, _ := hex.DecodeString(strings.TrimPrefix(sig, "v0="))
	if !hmac.Equal(got, signature(secret, ts, body)) {
		return errBadSignature
	}
	sec, _ := strconv.ParseInt(ts, 10, 64)
	if skew := now.Sub(time.Unix(sec, 0)); skew > maxSkew || skew < -maxSkew {
		return errStale
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
