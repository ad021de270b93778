package slack

import (
	"context"
	"strings"
	"time"

	"github.com/faqbot/faqbot"
	"github.com/faqbot/faqbot/internal/ratelimit"
	"github.com/slack-go/slack"
)

// interaction handles a click on one of the bot's buttons, after Slack has
// been acknowledged: a suggestion answers its section, feedback is counted
// and thanked, an inbox control settles a group (moderators only). URL
// buttons need nothing.
func (b *Bot) interaction(cb slack.InteractionCallback) {
	if cb.Type != slack.InteractionTypeBlockActions {
		b.log.Debug("ignored interaction", "type", string(cb.Type))
		return
	}
	// Every click has its own trigger_id: one seen before is a replay (or
	// a Socket Mode redelivery) and is acted on once.
	if cb.TriggerID != "" && !b.claim("block_actions", "trigger:"+cb.TriggerID) {
		b.log.Info("replayed click ignored")
		return
	}
	for _, a := range cb.ActionCallback.BlockActions {
		switch {
		case a.ActionID == actionHelpful || a.ActionID == actionNotHelpful:
			b.feedback(cb, a.ActionID == actionHelpful, a.Value)
		case a.ActionID == actionInboxAssign:
			b.inboxClick(cb, opAssign, a.SelectedOption.Value)
		case a.ActionID == actionInboxDismiss:
			b.inboxClick(cb, opDismiss, a.Value)
		case strings.HasPrefix(a.ActionID, actionSection):
			// Slack may send the value escaped, like message text.
			b.sectionClick(cb, unescape(a.Value))
		}
	}
}

// clickDest is where the answer to a click goes: privately when the clicked
// message was ephemeral (a slash command's answer), else beside the message
// (in its thread, or in the DM).
func clickDest(cb slack.InteractionCallback) dest {
	channel := cb.Channel.ID
	if channel == "" {
		channel = cb.Container.ChannelID
	}
	if cb.Container.IsEphemeral || channel == "" {
		return dest{channel: channel, user: cb.User.ID, ephemeral: true, responseURL: cb.ResponseURL}
	}
	return dest{channel: channel, threadTS: cb.Container.ThreadTs}
}

func (b *Bot) sectionClick(cb slack.InteractionCallback, heading string) {
	if heading == "" {
		return
	}
	reply := clickDest(cb)
	if !b.hasToken() {
		// without a token only the click's response URL can carry a reply
		reply = dest{channel: reply.channel, user: cb.User.ID, ephemeral: true, responseURL: cb.ResponseURL}
	}
	b.spawn("block_actions", func(ctx context.Context) {
		switch b.limit(cb.User.ID) {
		case ratelimit.Warn:
			warn := reply
			warn.user, warn.ephemeral = cb.User.ID, true
			b.deliver(ctx, warn, textMessage(ratelimit.SlowDown))
			return
		case ratelimit.Drop:
			return
		}
		q := faqbot.Question{Section: heading, Platform: platform, User: cb.User.ID}
		b.deliver(ctx, reply, b.answer(ctx, "block_actions", q))
	}, func(ctx context.Context) {
		b.deliver(ctx, reply, textMessage(faqbot.Apology))
	})
}

// feedbackTTL is how long a person's feedback on one message is
// remembered, so that clicking again counts once (the Discord bot does the
// same).
const feedbackTTL = 7 * 24 * time.Hour

// feedback counts a Helpful / Not helpful click once per person and message,
// and thanks them privately.
func (b *Bot) feedback(cb slack.InteractionCallback, helpful bool, value string) {
	msgTS := cb.Container.MessageTs
	if msgTS == "" {
		msgTS = cb.MessageTs
	}
	if !b.claimFor(feedbackTTL, "feedback", "feedback:"+cb.User.ID+":"+cb.Container.ChannelID+":"+msgTS) {
		return
	}
	b.metrics.Feedback(platform, helpful)
	b.log.Info("feedback", "helpful", helpful)
	if value != "helpful" && value != "not_helpful" && value != "" && b.votes != nil {
		if err := b.votes.RecordFeedback(context.Background(), faqbot.Feedback{
			ReplyID: clipID(value), Helpful: helpful, Platform: platform, User: cb.User.ID,
		}); err != nil {
			b.log.Warn("feedback not recorded", "error", err.Error())
		}
	}
	thanks := clickDest(cb)
	thanks.user, thanks.ephemeral = cb.User.ID, true
	if thanks.responseURL == "" {
		thanks.responseURL = cb.ResponseURL
	}
	b.spawn("feedback", func(ctx context.Context) {
		b.deliver(ctx, thanks, textMessage(thanksText))
	}, nil)
}

// clipID bounds a reply id taken from a click: it comes from the client.
func clipID(s string) string {
	if len(s) > 64 {
		return s[:64]
	}
	return s
}
