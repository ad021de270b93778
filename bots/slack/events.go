package slack

import (
	"context"
	"encoding/json"
	"strings"
	"time"

	"github.com/faqbot/faqbot"
	"github.com/faqbot/faqbot/internal/ratelimit"
)

// envelope is the outer Events API payload: the body of POST /slack/events,
// and the payload of a Socket Mode events_api envelope.
type envelope struct {
	Type      string          `json:"type"`
	Challenge string          `json:"challenge"`
	EventID   string          `json:"event_id"`
	Event     json.RawMessage `json:"event"`
}

// innerEvent holds the fields of app_mention and message events the bot
// reads. It is decoded here rather than by slackevents.ParseEvent, which
// rejects a whole event when one of its blocks or attachments fails to
// decode: a question should not be lost to a block the bot never reads.
type innerEvent struct {
	Type        string `json:"type"`
	SubType     string `json:"subtype"`
	User        string `json:"user"`
	BotID       string `json:"bot_id"`
	Text        string `json:"text"`
	TS          string `json:"ts"`
	ThreadTS    string `json:"thread_ts"`
	Channel     string `json:"channel"`
	ChannelType string `json:"channel_type"`
}

// incoming is a question someone sent by mention or direct message, and
// where its answer goes.
type incoming struct {
	event    string // "app_mention" or "message.im", for logs
	user     string
	channel  string
	ts       string // the message's own timestamp, for de-duplication
	threadTS string // the thread to answer in; "" answers in the conversation
	text     string // unescaped, without the bot's leading mention
}

// toIncoming decides whether an event is a question for the bot: an
// @mention in a channel (answered in its thread) or a direct message
// (answered in the DM). Messages from bots, from the bot itself, and every
// subtype (edits, deletes, joins, …) are ignored.
func toIncoming(ev innerEvent, botUser string) (incoming, bool) {
	if ev.BotID != "" || ev.SubType != "" || ev.User == "" || ev.User == botUser || ev.Channel == "" || ev.TS == "" {
		return incoming{}, false
	}
	in := incoming{user: ev.User, channel: ev.Channel, ts: ev.TS, text: cleanText(ev.Text, botUser)}
	switch {
	case ev.Type == "app_mention":
		in.event = "app_mention"
		in.threadTS = ev.ThreadTS
		if in.threadTS == "" {
			in.threadTS = ev.TS
		}
	case ev.Type == "message" && ev.ChannelType == "im":
		in.event = "message.im"
		in.threadTS = ev.ThreadTS
	default:
		return incoming{}, false
	}
	return in, true
}

// cleanText strips the bot's own leading mention (<@U…> or <@U…|name>) and
// undoes Slack's escaping; the engine does the rest of the cleaning.
func cleanText(text, botUser string) string {
	text = strings.TrimSpace(text)
	if botUser != "" {
		if rest, ok := strings.CutPrefix(text, "<@"+botUser); ok && rest != "" && (rest[0] == '>' || rest[0] == '|') {
			if i := strings.IndexByte(rest, '>'); i >= 0 {
				text = strings.TrimSpace(strings.TrimLeft(rest[i+1:], ":, "))
			}
		}
	}
	return unescape(text)
}

// eventTTL is how long a delivered event is remembered: Slack's retries
// come within minutes (after 1 minute, 5 minutes and 30 minutes at most).
const eventTTL = 40 * time.Minute

// onEnvelope handles an event_callback after Slack has been acknowledged:
// it filters and de-duplicates synchronously, then answers in a goroutine.
func (b *Bot) onEnvelope(env envelope, retry int) {
	if env.Type != "event_callback" {
		b.log.Debug("ignored envelope", "type", env.Type)
		return
	}
	if !b.hasToken() {
		b.log.Debug("ignored event: no bot token to reply with")
		return
	}
	var ev innerEvent
	if err := json.Unmarshal(env.Event, &ev); err != nil {
		b.log.Warn("undecodable event", "err", err.Error())
		return
	}
	in, ok := toIncoming(ev, b.botUserID())
	if !ok {
		b.log.Debug("ignored event", "event", ev.Type, "subtype", ev.SubType)
		return
	}
	// Slack retries an event under the same event_id, and a workspace
	// subscribed twice gets one message under two: either key means
	// "already answered". An event without an event_id has only its
	// message key, never a shared "event:" one.
	eventKey := ""
	if env.EventID != "" {
		eventKey = "event:" + env.EventID
	}
	if !b.claimFor(eventTTL, "event", eventKey, "msg:"+in.channel+":"+in.ts) {
		b.log.Info("duplicate delivery ignored", "event", in.event, "retry", retry)
		return
	}
	reply := dest{channel: in.channel, threadTS: in.threadTS}
	b.spawn(in.event, func(ctx context.Context) {
		b.ask(ctx, in, reply)
	}, func(ctx context.Context) {
		b.deliver(ctx, reply, textMessage(faqbot.Apology))
	})
}

// ask answers one mention or direct message.
func (b *Bot) ask(ctx context.Context, in incoming, reply dest) {
	switch b.limit(in.user) {
	case ratelimit.Warn:
		// In a channel thread the "slow down" is for the sender alone.
		warn := reply
		if in.event == "app_mention" {
			warn.ephemeral, warn.user = true, in.user
		}
		b.deliver(ctx, warn, textMessage(ratelimit.SlowDown))
		return
	case ratelimit.Drop:
		return
	}
	if in.text == "" {
		b.deliver(ctx, reply, textMessage(emptyQuestion))
		return
	}
	m := b.answer(ctx, in.event, faqbot.Question{Text: in.text, Platform: platform, User: in.user})
	b.deliver(ctx, reply, m)
}

// limit applies the per-user rate limiter and counts refusals.
func (b *Bot) limit(user string) ratelimit.Decision {
	d := b.limiter.Allow("slack:" + user)
	if d != ratelimit.Allow {
		b.metrics.RateLimited(platform)
		b.log.Info("rate limited", "decision", d.String())
	}
	return d
}

// answer asks the engine and renders its reply; an engine error becomes the
// fixed apology. Logs carry kind, reason and duration, never text.
func (b *Bot) answer(ctx context.Context, event string, q faqbot.Question) message {
	// Replies, answer errors and times are counted once, around the engine
	// (internal/guard), for every surface alike.
	start := time.Now()
	r, err := b.answerer.Answer(ctx, q)
	d := time.Since(start)
	if err != nil {
		b.log.Warn("answer failed", "event", event, "duration", d, "err", errString(err))
		return textMessage(faqbot.Apology)
	}
	b.log.Info("reply", "event", event, "kind", string(r.Kind), "reason", string(r.Reason), "duration", d)
	return render(r)
}
