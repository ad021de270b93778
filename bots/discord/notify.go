package discord

import (
	"context"
	"errors"

	"github.com/bwmarrin/discordgo"
)

// Notify posts a plain notice to a channel: the moderators' channel, told
// when a knowledge edit is refused. The text is escaped and pings no one.
// It needs the bot token.
func (b *Bot) Notify(ctx context.Context, channel, text string) error {
	if b.cfg.Token == "" {
		return errors.New("discord: notify: no bot token")
	}
	msgs := splitContent(escapeMarkdown(text), maxContent)
	for _, m := range msgs {
		_, err := b.api.ChannelMessageSendComplex(channel, &discordgo.MessageSend{Content: m, AllowedMentions: noMentions()},
			discordgo.WithContext(ctx))
		if err != nil {
			b.metrics.PlatformError(platform, "notify")
			b.log.Warn("notify failed", errAttr(err))
			return errors.New("discord: notify failed")
		}
	}
	return nil
}
