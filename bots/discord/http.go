package discord

import (
	"context"
	"crypto/ed25519"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strconv"
	"time"

	"github.com/bwmarrin/discordgo"
)

const (
	// maxBody caps an interaction request. Discord's documented examples
	// are 1–2 KB; what varies is text. /ask's question is at most 1,000
	// characters (the command's max_length): 3.7 KB in a 3-byte script. A
	// button click carries the clicked message back, which for the bot's
	// own messages is at most 2,000 characters of content and its
	// buttons: 9.3 KB measured (TestBodyCapFitsWhatDiscordSends), and
	// twice that were Discord to escape every character as \uXXXX. 64 KiB
	// leaves room for fields Discord adds later.
	maxBody = 64 << 10
	// signatureWindow is how far a request's signed timestamp may be from
	// now: a captured request cannot be replayed later.
	signatureWindow = 5 * time.Minute
	// replayTTL is how long a handled interaction id is remembered: a
	// timestamp may be off by the window either way, so a replay can come
	// up to twice the window after the original.
	replayTTL = 2 * signatureWindow
)

// The headers Discord signs requests with.
const (
	headerSignature = "X-Signature-Ed25519"
	headerTimestamp = "X-Signature-Timestamp"
)

// InteractionsHandler serves POST /discord/interactions, Discord's outgoing
// webhook for slash commands and button clicks (when an Interactions
// Endpoint URL is set in the Developer Portal, interactions come here instead
// of over the gateway). Every request must carry a valid Ed25519 signature of
// the application's public key, or it gets 401. With no PublicKey configured
// the endpoint does not exist (404).
//
// Responses: PING → {"type":1}; a command or click → the reply as type 4
// (ephemeral unless /ask public:true), or type 5 ("thinking…") when the
// answer takes longer than about two seconds, followed by an edit of the
// original response through REST. Topic buttons answer with a new ephemeral
// message (type 4) rather than updating the clicked one (type 7): the
// clicked message may be public and the click is one person's question.
func (b *Bot) InteractionsHandler() http.Handler {
	return http.HandlerFunc(b.serveInteractions)
}

func (b *Bot) serveInteractions(w http.ResponseWriter, r *http.Request) {
	if b.pubKey == nil {
		http.NotFound(w, r)
		return
	}
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", http.MethodPost)
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	// The headers are checked before the body is read, so a request that
	// cannot be Discord's costs no more than its headers.
	if err := checkHeaders(r.Header); err != nil {
		b.refuse(w, err)
		return
	}
	if r.ContentLength > maxBody {
		http.Error(w, "request too large", http.StatusRequestEntityTooLarge)
		return
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxBody))
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			http.Error(w, "request too large", http.StatusRequestEntityTooLarge)
			return
		}
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	now := b.now()
	if err := verify(b.pubKey, r.Header, body, now); err != nil {
		if errors.Is(err, errStale) {
			sec, _ := strconv.ParseInt(r.Header.Get(headerTimestamp), 10, 64)
			b.skew.Stale(now.Sub(time.Unix(sec, 0)))
		}
		b.refuse(w, err)
		return
	}
	b.skew.Accepted()
	var i discordgo.Interaction
	if err := json.Unmarshal(body, &i); err != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	// Each interaction has its own id; one seen before is a replay of a
	// signed request inside its time window, and is not acted on again.
	// (Without an id, the signature, unique to the timestamp and body,
	// stands in.)
	if i.Type != discordgo.InteractionPing {
		key := "interaction:" + i.ID
		if i.ID == "" {
			key = "sig:" + r.Header.Get(headerSignature)
		}
		if !b.claim(replayTTL, "interaction", key) {
			b.log.Info("discord: replayed interaction ignored", "type", int(i.Type))
			http.Error(w, "interaction already handled", http.StatusConflict)
			return
		}
	}
	switch i.Type {
	case discordgo.InteractionPing:
		_ = writeJSON(w, &discordgo.InteractionResponse{Type: discordgo.InteractionResponsePong})
	case discordgo.InteractionApplicationCommand, discordgo.InteractionMessageComponent:
		// The work after the response (a deferred edit, follow-ups) must
		// outlive Discord hanging up.
		rsp := &httpResponder{w: w, noFlush: func() {
			b.log.Warn("discord: the HTTP response writer cannot flush; deferred interaction replies will time out (wrap writers with Unwrap)")
		}}
		b.handleInteraction(context.WithoutCancel(r.Context()), &i, rsp)
		if !rsp.sent {
			http.Error(w, "no response", http.StatusInternalServerError)
		}
	default:
		http.Error(w, "unsupported interaction type", http.StatusBadRequest)
	}
}

// Why a request was refused.
var (
	errNoSignature  = errors.New("missing signature or timestamp")
	errBadTimestamp = errors.New("bad timestamp")
	errBadSignature = errors.New("signature does not match")
	errStale        = errors.New("timestamp too far from now")
)

// refuse answers a request that is not Discord's with 401, counted like
// Slack's refusals.
func (b *Bot) refuse(w http.ResponseWriter, err error) {
	b.metrics.PlatformError(platform, "verify")
	b.log.Warn("discord: request refused", "reason", err.Error())
	http.Error(w, "invalid request signature", http.StatusUnauthorized)
}

// checkHeaders refuses, before any body is read, a request without the
// headers Discord always sends or with ones it never sends: a timestamp
// that is not a number, a signature that is not 128 hex digits.
func checkHeaders(h http.Header) error {
	sigHex, ts := h.Get(headerSignature), h.Get(headerTimestamp)
	if sigHex == "" || ts == "" {
		return errNoSignature
	}
	if _, err := strconv.ParseInt(ts, 10, 64); err != nil || len(ts) > 12 {
		return errBadTimestamp
	}
	if len(sigHex) != 2*ed25519.SignatureSize {
		return errBadSignature
	}
	if _, err := hex.DecodeString(sigHex); err != nil {
		return errBadSignature
	}
	return nil
}

// verify checks Discord's signature: Ed25519 over the timestamp header
// followed by the raw body, with a timestamp (Unix seconds) near now.
// errStale means the signature was right and only the time was off, which
// is what a wrong host clock looks like.
func verify(key ed25519.PublicKey, h http.Header, body []byte, now time.Time) error {
	if err := checkHeaders(h); err != nil {
		return err
	}
	sigHex, ts := h.Get(headerSignature), h.Get(headerTimestamp)
	sig, _ := hex.DecodeString(sigHex)
	msg := make([]byte, 0, len(ts)+len(body))
	msg = append(append(msg, ts...), body...)
	if !ed25519.Verify(key, msg, sig) {
		return errBadSignature
	}
	sec, _ := strconv.ParseInt(ts, 10, 64)
	if d := now.Sub(time.Unix(sec, 0)); d > signatureWindow || d < -signatureWindow {
		return errStale
	}
	return nil
}

// httpResponder writes the initial response into the HTTP response and
// flushes it, so that Discord has it before any edit or follow-up is sent.
type httpResponder struct {
	w       http.ResponseWriter
	sent    bool
	noFlush func()
}

func (h *httpResponder) respond(_ context.Context, r *discordgo.InteractionResponse) error {
	if h.sent {
		return errors.New("discord: interaction already answered")
	}
	h.sent = true
	err := writeJSON(h.w, r)
	if errors.Is(err, http.ErrNotSupported) {
		h.noFlush()
		return nil
	}
	return err
}

// writeJSON writes v as the whole response and flushes it; the error is
// http.ErrNotSupported when the writer cannot flush (the response then goes
// out when the handler returns).
func writeJSON(w http.ResponseWriter, v any) error {
	body, err := json.Marshal(v)
	if err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return err
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(http.StatusOK)
	if _, err := w.Write(body); err != nil {
		return err
	}
	return http.NewResponseController(w).Flush()
}
