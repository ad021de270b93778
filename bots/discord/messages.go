package discord

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"strings"

	"github.com/bwmarrin/discordgo"
	"github.com/faqbot/faqbot"
	"github.com/faqbot/faqbot/internal/ratelimit"
)

// inbound is what one gateway message asks of the bot.
type inbound struct {
	// Verdict is "dm" or "mention" for a message to answer, or
	// "ignore:<why>".
	Verdict  string                      `json:"verdict"`
	Question faqbot.Question             `json:"question,omitzero"`
	Public   bool                        `json:"public,omitempty"`
	ReplyTo  *discordgo.MessageReference `json:"reply_to,omitempty"`
}

func (in inbound) ignored() bool { return strings.HasPrefix(in.Verdict, "ignore:") }

// parseMessage decides whether the bot answers m and with what question.
// It answers people only (not bots, webhooks, system messages or itself),
// in a DM always, in a server channel only when mentioned. The bot's own
// mention is stripped; everything else goes to the engine as written.
func parseMessage(m *discordgo.Message, botID string) inbound {
	switch {
	case m == nil || m.Author == nil:
		return inbound{Verdict: "ignore:no_author"}
	case botID != "" && m.Author.ID == botID:
		return inbound{Verdict: "ignore:self"}
	case m.Author.Bot || m.Author.System:
		return inbound{Verdict: "ignore:bot"}
	case m.WebhookID != "":
		return inbound{Verdict: "ignore:webhook"}
	case m.Type != discordgo.MessageTypeDefault && m.Type != discordgo.MessageTypeReply:
		return inbound{Verdict: "ignore:system"}
	}
	in := inbound{Verdict: "dm"}
	if m.GuildID != "" {
		if botID == "" || !mentioned(m, botID) {
			return inbound{Verdict: "ignore:not_mentioned"}
		}
		in = inbound{Verdict: "mention", Public: true, ReplyTo: reference(m)}
	}
	in.Question = faqbot.Question{Text: stripMention(m.Content, botID), Platform: platform, User: m.Author.ID}
	return in
}

func mentioned(m *discordgo.Message, botID string) bool {
	for _, u := range m.Mentions {
		if u != nil && u.ID == botID {
			return true
		}
	}
	return strings.Contains(m.Content, "<@"+botID+">") || strings.Contains(m.Content, "<@!"+botID+">")
}

// stripMention removes the bot's own mention (<@ID> or <@!ID>) from text.
func stripMention(text, botID string) string {
	if botID != "" {
		text = strings.NewReplacer("<@"+botID+">", " ", "<@!"+botID+">", " ").Replace(text)
	}
	return strings.TrimSpace(text)
}

func (b *Bot) onMessageCreate(_ *discordgo.Session, ev *discordgo.MessageCreate) {
	b.enter()
	defer b.leave()
	b.handleMessage(context.Background(), ev.Message)
}

// handleMessage answers one DM or mention with a reply in the same channel.
func (b *Bot) handleMessage(ctx context.Context, m *discordgo.Message) {
	botID, _ := b.ids()
	in := parseMessage(m, botID)
	sent := false
	defer func() {
		if p := recover(); p != nil {
			b.panicked("message", p)
			if !sent && !in.ignored() {
				b.send(ctx, m.ChannelID, in.ReplyTo, renderText(faqbot.Apology))
			}
		}
	}()
	if in.ignored() {
		b.tracef("message %s", in.Verdict)
		return
	}
	switch b.limit(in.Question.User) {
	case ratelimit.Warn:
		sent = true
		b.send(ctx, m.ChannelID, in.ReplyTo, renderText(ratelimit.SlowDown))
		b.tracef("message %s rate:warn", in.Verdict)
		return
	case ratelimit.Drop:
		b.tracef("message %s rate:drop", in.Verdict)
		return
	}
	var msgs []message
	if in.Question.Text == "" {
		msgs = renderIntro()
	} else {
		msgs = b.ask(ctx, in.Question, renderOpts{Public: in.Public})
	}
	sent = true
	b.send(ctx, m.ChannelID, in.ReplyTo, msgs)
	b.tracef("message %s answered", in.Verdict)
}

// send posts msgs to a channel, the first as a reply to ref.
func (b *Bot) send(ctx context.Context, channelID string, ref *discordgo.MessageReference, msgs []message) {
	for _, ms := range toMessageSends(msgs, ref) {
		opt, cancel := b.rest(ctx)
		_, err := b.api.ChannelMessageSendComplex(channelID, ms, opt)
		cancel()
		if err != nil && ref != nil && replyTargetGone(err) {
			b.log.Info("discord: the question was deleted before the reply; reply dropped")
			return
		}
		if err != nil {
			b.metrics.PlatformError(platform, "post")
			b.log.Warn("discord: sending a message failed", errAttr(err))
			return
		}
	}
}

// replyTargetGone reports Discord refusing a reply because the message it
// answers was deleted (400, with the error on message_reference).
func replyTargetGone(err error) bool {
	var rest *discordgo.RESTError
	return errors.As(err, &rest) && rest.Response != nil && rest.Response.StatusCode == http.StatusBadRequest &&
		bytes.Contains(rest.ResponseBody, []byte("message_reference"))
}
