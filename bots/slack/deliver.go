package slack

import (
	"context"
	"errors"

	"github.com/slack-go/slack"
)

// dest says where a reply goes.
type dest struct {
	channel  string
	threadTS string // answer in this thread
	// user and ephemeral: visible to this user only (chat.postEphemeral).
	user      string
	ephemeral bool
	// responseURL, when set, takes the reply instead, always ephemeral: it
	// works for slash commands and ephemeral messages, which chat.postEphemeral
	// cannot reach in a channel the bot is not in.
	responseURL string
}

// deliver posts m to d. A 429 is retried once after Slack's Retry-After;
// a failure is counted and logged, since nobody is left to tell.
func (b *Bot) deliver(ctx context.Context, d dest, m message) {
	opts := []slack.MsgOption{slack.MsgOptionText(m.Text, false)}
	if len(m.Blocks) > 0 {
		opts = append(opts, slack.MsgOptionBlocks(m.Blocks...))
	}
	if d.threadTS != "" {
		opts = append(opts, slack.MsgOptionTS(d.threadTS))
	}
	var call func(ctx context.Context) error
	switch {
	case d.responseURL != "":
		opts = append(opts, slack.MsgOptionResponseURL(d.responseURL, slack.ResponseTypeEphemeral))
		call = func(ctx context.Context) error {
			_, _, err := b.api.PostMessageContext(ctx, d.channel, opts...)
			return err
		}
	case d.ephemeral:
		call = func(ctx context.Context) error {
			_, err := b.api.PostEphemeralContext(ctx, d.channel, d.user, opts...)
			return err
		}
	default:
		call = func(ctx context.Context) error {
			_, _, err := b.api.PostMessageContext(ctx, d.channel, opts...)
			return err
		}
	}
	if err := b.retryRateLimited(ctx, call); err != nil {
		b.metrics.PlatformError(platform, "post")
		b.log.Warn("slack post failed", "err", errString(err))
	}
}

// retryRateLimited calls call, and once more after Slack's Retry-After delay
// when Slack answered 429 (*slack.RateLimitedError); the wait ends with ctx.
func (b *Bot) retryRateLimited(ctx context.Context, call func(context.Context) error) error {
	err := call(ctx)
	rl, ok := errors.AsType[*slack.RateLimitedError](err)
	if !ok {
		return err
	}
	b.log.Info("slack rate limited the bot, retrying once", "retry_after", rl.RetryAfter)
	if err := b.sleep(ctx, rl.RetryAfter); err != nil {
		return err
	}
	return call(ctx)
}
