package slack

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log"
	"sync"
	"time"

	"github.com/faqbot/faqbot"
	"github.com/slack-go/slack"
	"github.com/slack-go/slack/socketmode"
)

// acker acknowledges Socket Mode envelopes; *socketmode.Client implements it.
type acker interface {
	AckCtx(ctx context.Context, envelopeID string, payload any) error
}

// runSocket connects over Socket Mode and serves until ctx ends. slack-go
// reconnects by itself when Slack asks or the connection drops; this loop
// backs off and starts it again when it gives up, except on refused tokens.
func (b *Bot) runSocket(ctx context.Context) error {
	if err := b.authTest(ctx); err != nil {
		if ctx.Err() != nil {
			return nil
		}
		return err
	}
	sm := socketmode.New(b.client, socketmode.OptionLog(log.New(io.Discard, "", 0)))

	evCtx, stop := context.WithCancel(ctx)
	var wg sync.WaitGroup
	wg.Go(func() {
		for {
			select {
			case <-evCtx.Done():
				return
			case evt := <-sm.Events:
				b.onSocketEvent(evCtx, sm, evt)
			}
		}
	})
	defer func() {
		stop()
		wg.Wait()
		b.ready.Store(false)
	}()

	backoff := time.Second
	for {
		err := sm.RunContext(ctx)
		b.ready.Store(false)
		if ctx.Err() != nil {
			return nil
		}
		if err != nil && isAuthError(err) {
			return fmt.Errorf("slack: socket mode: %w", err)
		}
		b.metrics.PlatformError(platform, "connect")
		b.log.Warn("socket mode stopped, reconnecting", "err", errOrNil(err), "backoff", backoff)
		if b.sleep(ctx, backoff) != nil {
			return nil
		}
		backoff = min(backoff*2, time.Minute)
	}
}

// onSocketEvent handles one Socket Mode event. Envelopes are acknowledged
// before any work; a slash command's acknowledgement carries its answer
// when the answer is quick (see replyWithin).
func (b *Bot) onSocketEvent(ctx context.Context, sm acker, evt socketmode.Event) {
	defer b.recoverPanic(ctx, string(evt.Type), nil)
	switch evt.Type {
	case socketmode.EventTypeConnecting:
		b.ready.Store(false)
	case socketmode.EventTypeConnectionError, socketmode.EventTypeInvalidAuth:
		b.ready.Store(false)
		b.metrics.PlatformError(platform, "connect")
		if ce, ok := evt.Data.(*slack.ConnectionErrorEvent); ok {
			b.log.Warn("socket mode connection failed", "attempt", ce.Attempt, "backoff", ce.Backoff, "err", errString(ce.ErrorObj))
		} else {
			b.log.Warn("socket mode connection failed", "event", string(evt.Type))
		}
	case socketmode.EventTypeConnected, socketmode.EventTypeHello:
		if !b.ready.Swap(true) {
			b.log.Info("slack ready", "mode", ModeSocket)
		}
	case socketmode.EventTypeEventsAPI:
		if evt.Request == nil {
			return
		}
		b.ack(ctx, sm, evt.Request.EnvelopeID, nil)
		var env envelope
		if err := json.Unmarshal(evt.Request.Payload, &env); err != nil {
			b.log.Warn("undecodable events_api payload", "err", err.Error())
			return
		}
		b.onEnvelope(env, evt.Request.RetryAttempt)
	case socketmode.EventTypeSlashCommand:
		cmd, ok := evt.Data.(slack.SlashCommand)
		if !ok || evt.Request == nil {
			return
		}
		id := evt.Request.EnvelopeID
		// The answer may take up to ackBudget: wait for it off the event loop.
		handled := false // command returned: its acknowledgement is under way
		b.spawn("slash_command", func(ctx context.Context) {
			m := b.command(cmd)
			handled = true
			b.ackCommand(ctx, sm, id, cmd.ResponseURL, m)
		}, func(ctx context.Context) {
			if !handled {
				m := textMessage(faqbot.Apology).ephemeral()
				b.ackCommand(ctx, sm, id, cmd.ResponseURL, &m)
			}
		})
	case socketmode.EventTypeInteractive:
		cb, ok := evt.Data.(slack.InteractionCallback)
		if !ok || evt.Request == nil {
			return
		}
		b.ack(ctx, sm, evt.Request.EnvelopeID, nil)
		b.interaction(cb)
	case socketmode.EventTypeErrorBadMessage:
		b.onBadMessage(ctx, sm, evt)
	}
}

// onBadMessage handles an envelope slack-go could not decode (since v0.34
// one odd field in a block or message rejects the whole event). It was not
// acknowledged, so Slack would deliver it again and again: acknowledge it,
// and read an events_api payload with the bot's own lenient decoder, so the
// question in it is still answered.
func (b *Bot) onBadMessage(ctx context.Context, sm acker, evt socketmode.Event) {
	bad, ok := evt.Data.(*socketmode.ErrorBadMessage)
	var req socketmode.Request
	if !ok || json.Unmarshal(bad.Message, &req) != nil || req.EnvelopeID == "" {
		b.log.Warn("undecodable socket mode message")
		return
	}
	b.ack(ctx, sm, req.EnvelopeID, nil)
	var env envelope
	if req.Type != socketmode.RequestTypeEventsAPI || json.Unmarshal(req.Payload, &env) != nil {
		b.log.Warn("undecodable socket mode message", "type", req.Type)
		return
	}
	b.onEnvelope(env, req.RetryAttempt)
}

// ackCommand acknowledges a slash command with its reply, if any. A reply
// too big for a Socket Mode acknowledgement (20 KB) goes to the response_url.
func (b *Bot) ackCommand(ctx context.Context, sm acker, envelopeID, responseURL string, m *message) {
	if m == nil {
		b.ack(ctx, sm, envelopeID, nil)
		return
	}
	if err := sm.AckCtx(ctx, envelopeID, *m); err != nil {
		b.ack(ctx, sm, envelopeID, nil)
		b.deliver(ctx, dest{responseURL: responseURL}, *m)
	}
}

func (b *Bot) ack(ctx context.Context, sm acker, envelopeID string, payload any) {
	if err := sm.AckCtx(ctx, envelopeID, payload); err != nil {
		b.metrics.PlatformError(platform, "ack")
		b.log.Warn("socket mode ack failed", "err", err.Error())
	}
}

func errOrNil(err error) string {
	if err == nil {
		return ""
	}
	return errString(err)
}
