package slack

import (
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"testing"
	"time"

	"github.com/faqbot/faqbot/internal/metrics"
	"github.com/gorilla/websocket"
)

// socketEnvelope is a Socket Mode envelope as Slack sends it.
func socketEnvelope(typ, envelopeID string, payload any, retry int) map[string]any {
	env := map[string]any{"type": typ, "envelope_id": envelopeID, "payload": payload,
		"accepts_response_payload": typ == "slash_commands" || typ == "interactive"}
	if typ == "events_api" {
		env["retry_attempt"] = retry
		env["retry_reason"] = ""
		if retry > 0 {
			env["retry_reason"] = "timeout"
		}
	}
	return env
}

func raw(s string) json.RawMessage { return json.RawMessage(s) }

func hello() map[string]any {
	return map[string]any{"type": "hello", "num_connections": 1,
		"debug_info":      map[string]any{"host": "applink-7fc4fdbb64-4x5xq", "build_number": 10, "approximate_connection_time": 18060},
		"connection_info": map[string]any{"app_id": "A0MDYCDME"}}
}

func TestSocketMode(t *testing.T) {
	api := newSlackAPI(t)
	engine := newFakeEngine()
	m := metrics.New()
	b, err := New(Config{BotToken: "xoxb-test", AppToken: "xapp-1-test", APIURL: api.GetAPIURL()},
		Deps{Answerer: engine, Metrics: m, Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(t.Context())
	done := make(chan error, 1)
	go func() { done <- b.Run(ctx) }()

	conn := nextSocket(t, api)
	send := func(v any) {
		t.Helper()
		if err := conn.WriteJSON(v); err != nil {
			t.Fatal(err)
		}
	}
	send(hello())

	// An @mention: acknowledged with its envelope id, answered in its thread.
	mentionPayload := raw(eventCallback("Ev0LAN670R", mention("U061F7AUR", "C0LAN2Q65", "1515449522.000016", "", "<@"+botID+"> is sex therapy right for me?")))
	send(socketEnvelope("events_api", "env-mention", mentionPayload, 0))
	if a := nextAck(t, api); a.EnvelopeID != "env-mention" || len(a.Payload) != 0 {
		t.Fatalf("ack %+v, want env-mention without payload", a)
	}
	if !b.Ready() {
		t.Error("not ready after the connection")
	}
	p := api.next(t)
	if p.Method != "chat.postMessage" || p.Channel != "C0LAN2Q65" || p.ThreadTS != "1515449522.000016" || !p.shows("> According to the American Association") {
		t.Fatalf("mention answered by %s in %s thread %q: %q", p.Method, p.Channel, p.ThreadTS, p.texts())
	}

	// Slack redelivers it (retry_attempt 1): acknowledged, not answered again.
	send(socketEnvelope("events_api", "env-mention-retry", mentionPayload, 1))
	if a := nextAck(t, api); a.EnvelopeID != "env-mention-retry" {
		t.Fatalf("ack %+v, want env-mention-retry", a)
	}

	// A slash command: the acknowledgement carries the ephemeral answer.
	send(socketEnvelope("slash_commands", "env-cmd", map[string]any{
		"token": "gIkuvaNzQIHg97ATvDxqgjtO", "team_id": "T061EG9R6", "team_domain": "clinic",
		"channel_id": "C2147483705", "channel_name": "front-desk", "user_id": "U2CERLKJA", "user_name": "reception",
		"command": "/faq", "text": "what is sex therapy", "api_app_id": "A0MDYCDME", "is_enterprise_install": "false",
		"response_url": api.hookURL("commands/9"), "trigger_id": "13345224609.738474920.8088930838d88f008e0",
	}, 0))
	a := nextAck(t, api)
	var reply struct {
		ResponseType string          `json:"response_type"`
		Text         string          `json:"text"`
		Blocks       json.RawMessage `json:"blocks"`
	}
	if err := json.Unmarshal(a.Payload, &reply); err != nil || a.EnvelopeID != "env-cmd" {
		t.Fatalf("ack %s %s: %v", a.EnvelopeID, a.Payload, err)
	}
	if reply.ResponseType != "ephemeral" || !(post{Text: reply.Text, Blocks: string(reply.Blocks)}).shows("> According to the American Association") {
		t.Errorf("slash command acknowledged with %s", a.Payload)
	}

	// A click on "Helpful": acknowledged, counted, thanked privately.
	send(socketEnvelope("interactive", "env-click", raw(blockActions("U2CERLKJA", "C0LAN2Q65", "1515449600.000200", "1515449522.000016", false,
		api.hookURL("actions/7"), actionHelpful, "helpful")), 0))
	if a := nextAck(t, api); a.EnvelopeID != "env-click" {
		t.Fatalf("ack %+v, want env-click", a)
	}
	if p := api.next(t); p.Method != "response_url" || p.Text != thanksText || p.ResponseType != "ephemeral" {
		t.Errorf("feedback thanked by %s: %q (%s)", p.Method, p.Text, p.ResponseType)
	}

	// A click on a suggestion under an answer in a thread: answered there.
	send(socketEnvelope("interactive", "env-suggest", raw(blockActions("U2CERLKJA", "C0LAN2Q65", "1515449600.000300", "1515449522.000016", false,
		api.hookURL("actions/8"), actionSection+"1", "What Sex Therapy is Not")), 0))
	nextAck(t, api)
	if p := api.next(t); p.Method != "chat.postMessage" || p.ThreadTS != "1515449522.000016" || !p.shows("> Sex therapy is not a form of entertainment") {
		t.Errorf("suggestion answered by %s in thread %q: %q", p.Method, p.ThreadTS, p.texts())
	}

	// Slack asks the app to reconnect: the bot opens a new connection and
	// goes on answering there.
	send(map[string]any{"type": "disconnect", "reason": "refresh_requested", "debug_info": map[string]any{"host": "applink-7fc4fdbb64-4x5xq"}})
	conn = nextSocket(t, api)
	send(hello())
	send(socketEnvelope("events_api", "env-dm", raw(eventCallback("Ev0DM", directMessage("U2147483697", "D024BE91L", "1355517523.000005", "hello"))), 0))
	if a := nextAck(t, api); a.EnvelopeID != "env-dm" {
		t.Fatalf("ack %+v, want env-dm", a)
	}
	if p := api.next(t); p.Channel != "D024BE91L" || p.ThreadTS != "" || !p.shows("What Sex Therapy is Not") {
		t.Errorf("DM answered in %s thread %q: %q", p.Channel, p.ThreadTS, p.texts())
	}

	// A DM slack-go cannot decode (display_as_bot as a string makes it
	// reject the whole event): still acknowledged, still answered.
	odd := directMessage("U2147483697", "D024BE91L", "1355517600.000007", "what is sex therapy")
	odd["display_as_bot"] = "false"
	send(socketEnvelope("events_api", "env-odd", raw(eventCallback("Ev0ODD", odd)), 0))
	if a := nextAck(t, api); a.EnvelopeID != "env-odd" {
		t.Fatalf("ack %+v, want env-odd", a)
	}
	if p := api.next(t); p.Channel != "D024BE91L" || !p.shows("> According to the American Association") {
		t.Errorf("odd DM answered in %s: %q", p.Channel, p.texts())
	}

	cancel()
	if err := <-done; err != nil {
		t.Fatalf("Run returned %v, want nil", err)
	}
	if b.Ready() {
		t.Error("still ready after Run returned")
	}
	// Five posts: the mention (once, despite the retry), the thanks, the
	// suggestion, the two DMs.
	if n := len(api.all()); n != 5 {
		t.Errorf("%d posts, want 5", n)
	}
	if got := counter(t, m, "faqbot_feedback_total", map[string]string{"helpful": "true"}); got != 1 {
		t.Errorf("feedback counted %v", got)
	}
}

func TestSocketModeRefusedTokenStopsRun(t *testing.T) {
	api := newSlackAPI(t)
	api.authError.Store("invalid_auth")
	b, err := New(Config{BotToken: "xoxb-revoked", AppToken: "xapp-1-test", APIURL: api.GetAPIURL()}, Deps{Answerer: newFakeEngine()})
	if err != nil {
		t.Fatal(err)
	}
	if err := b.Run(t.Context()); err == nil {
		t.Fatal("Run accepted a refused token")
	}
}

func nextSocket(t *testing.T, api *slackAPI) *websocket.Conn {
	t.Helper()
	select {
	case c := <-api.sockets:
		return c
	case <-time.After(5 * time.Second):
		t.Fatal("the bot did not connect")
		return nil
	}
}

func nextAck(t *testing.T, api *slackAPI) ack {
	t.Helper()
	select {
	case a := <-api.acks:
		return a
	case <-time.After(5 * time.Second):
		t.Fatal("no acknowledgement")
		return ack{}
	}
}

// tooBig refuses payloads, as socketmode.Client does with one of 20 KB or more.
type tooBig struct{ acks []any }

func (a *tooBig) AckCtx(_ context.Context, _ string, payload any) error {
	if payload != nil {
		return errors.New("socket mode response meets or exceeds Slack's 20480-byte WebSocket limit")
	}
	a.acks = append(a.acks, payload)
	return nil
}

func TestOversizedCommandReplyGoesToResponseURL(t *testing.T) {
	e := newEnv(t)
	sm := &tooBig{}
	m := render(replyAnswer).ephemeral()
	e.bot.ackCommand(t.Context(), sm, "env-big", e.api.hookURL("commands/big"), &m)
	if len(sm.acks) != 1 {
		t.Fatalf("%d acknowledgements, want one empty one", len(sm.acks))
	}
	if p := e.api.next(t); p.Method != "response_url" || p.ResponseType != "ephemeral" || !p.shows("> According to") {
		t.Errorf("reply went %s as %q", p.Method, p.ResponseType)
	}
}
