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
	// maxBody caps an interaction request.
	maxBody = 1 << 20
	// signatureWindow is how far a request's signed timestamp may be from
	// now: a captured request cannot be replayed later.
	signatureWindow = 5 * time.Minute
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
	if !verify(b.pubKey, r.Header, body, b.now()) {
		http.Error(w, "invalid request signature", http.StatusUnauthorized)
		return
	}
	var i discordgo.Interaction
	if err := json.Unmarshal(body, &i); err != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
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

// verify checks Discord's signature: Ed25519 over the timestamp header
// followed by the raw body, with a timestamp (Unix seconds) near now.
func verify(key ed25519.PublicKey, h http.Header, body []byte, now time.Time) bool {
	sigHex, ts := h.Get("X-Signature-Ed25519"), h.Get("X-Signature-Timestamp")
	if sigHex == "" || ts == "" {
		return false
	}
	sig, err := hex.DecodeString(sigHex)
	if err != nil || len(sig) != ed25519.SignatureSize {
		return false
	}
	sec, err := strconv.ParseInt(ts, 10, 64)
	if err != nil {
		return false
	}
	if d := now.Sub(time.Unix(sec, 0)); d > signatureWindow || d < -signatureWindow {
		return false
	}
	msg := make([]byte, 0, len(ts)+len(body))
	msg = append(append(msg, ts...), body...)
	return ed25519.Verify(key, msg, sig)
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
