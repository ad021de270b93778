package slack

import (
	"context"
	"errors"
	"fmt"

	"github.com/slack-go/slack"
)

// Notify posts a plain notice to a channel: the moderators' channel, told
// when a knowledge edit is refused. The text is escaped, so it cannot ping
// anyone. It needs the bot token.
func (b *Bot) Notify(ctx context.Context, channel, text string) error {
	if !b.hasToken() {
		return errors.New("slack: notify: no bot token")
	}
	err := b.retryRateLimited(ctx, func(ctx context.Context) error {
		_, _, err := b.api.PostMessageContext(ctx, channel, slack.MsgOptionText(escape(text), false))
		return err
	})
	if err != nil {
		b.metrics.PlatformError(platform, "notify")
		return fmt.Errorf("slack: notify: %s", errString(err))
	}
	return nil
}
