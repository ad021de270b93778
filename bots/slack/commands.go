package slack

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/faqbot/faqbot"
	"github.com/faqbot/faqbot/internal/ratelimit"
	"github.com/slack-go/slack"
)

// Replies to the admin command.
const (
	adminRefused     = "Sorry, only the bot's moderators can use this command."
	adminUnavailable = "Moderator commands are not available on this bot."
	insightsOff      = "Insights are off on this bot, so there is no report or inbox. A moderator turns them on by setting insights.path or insights.dsn in the config."
)

// command handles a slash command and returns the ephemeral reply to send in
// the acknowledgement, or nil for an empty one. It waits at most ackBudget
// for the answer; a slower answer goes to the command's response_url later,
// so the same code meets Slack's 3-second rule over HTTP and Socket Mode.
func (b *Bot) command(cmd slack.SlashCommand) *message {
	// Every invocation has its own trigger_id: one seen before is a replay
	// (or a Socket Mode redelivery) and gets an empty acknowledgement.
	if cmd.TriggerID != "" && !b.claim("slash_command", "trigger:"+cmd.TriggerID) {
		b.log.Info("replayed slash command ignored")
		return nil
	}
	switch cmd.Command {
	case b.cfg.Command:
		return b.askCommand(cmd)
	case b.cfg.AdminCommand:
		return b.adminCommand(cmd)
	default:
		b.log.Warn("unknown slash command")
		m := textMessage("I don't know that command.").ephemeral()
		return &m
	}
}

func (b *Bot) askCommand(cmd slack.SlashCommand) *message {
	switch b.limit(cmd.UserID) {
	case ratelimit.Warn:
		m := textMessage(ratelimit.SlowDown).ephemeral()
		return &m
	case ratelimit.Drop:
		return nil
	}
	text := unescape(strings.TrimSpace(cmd.Text))
	if text == "" {
		m := textMessage(fmt.Sprintf("Type your question after %s, for example: %s what is sex therapy?", b.cfg.Command, b.cfg.Command)).ephemeral()
		return &m
	}
	q := faqbot.Question{Text: text, Platform: platform, User: cmd.UserID}
	return b.replyWithin("slash_command", cmd.ResponseURL, func(ctx context.Context) message {
		return b.answer(ctx, "slash_command", q)
	})
}

func (b *Bot) adminCommand(cmd slack.SlashCommand) *message {
	if !b.admins[cmd.UserID] {
		b.log.Info("admin command refused")
		m := textMessage(adminRefused).ephemeral()
		return &m
	}
	words := strings.Fields(strings.ToLower(cmd.Text))
	action := adminAction(words)
	// The text is whatever the moderator typed: log only what it was
	// recognised as.
	b.log.Info("admin command", "action", action)
	switch action {
	case "report", "inbox":
		if b.inbox == nil {
			m := textMessage(insightsOff).ephemeral()
			return &m
		}
	}
	if b.librarian == nil && action != "report" {
		m := textMessage(adminUnavailable).ephemeral()
		return &m
	}
	switch action {
	case "status":
		m := statusMessage("", b.librarian.Status()).ephemeral()
		return &m
	case "reload":
		return b.replyWithin("admin_command", cmd.ResponseURL, func(ctx context.Context) message {
			st, err := b.librarian.Reload(ctx, "slack:"+cmd.UserID)
			if err != nil {
				return statusMessage("*Reload failed:* "+escape(err.Error())+"\nStill serving:", b.librarian.Status())
			}
			return statusMessage("*Reloaded.*", st)
		})
	case "report":
		return b.reportCommand(cmd, words[1:])
	case "inbox":
		return b.inboxCommand(cmd)
	default:
		m := textMessage(fmt.Sprintf("Usage: %s status | reload | report [DURATION] | inbox", b.cfg.AdminCommand)).ephemeral()
		return &m
	}
}

// adminAction names an admin command's words for the log and the switch:
// one of the actions, or "unknown". status, reload and inbox take no
// argument; report takes at most one (its window, checked later).
func adminAction(words []string) string {
	if len(words) == 0 {
		return "status"
	}
	switch verb, args := words[0], len(words)-1; {
	case (verb == "status" || verb == "reload" || verb == "inbox") && args == 0:
		return verb
	case verb == "report" && args <= 1:
		return verb
	}
	return "unknown"
}

// replyWithin runs work in a goroutine and returns its result if it comes
// within ackBudget. Otherwise it returns nil (an empty acknowledgement) and
// the result goes to responseURL when ready. Exactly one of the two happens;
// a panic in work becomes the apology, by the same path.
func (b *Bot) replyWithin(event, responseURL string, work func(ctx context.Context) message) *message {
	now := make(chan message) // unbuffered: a send succeeds only while replyWithin waits
	late := make(chan struct{})
	handOver := func(ctx context.Context, m message) {
		select {
		case now <- m:
		case <-late:
			if responseURL != "" {
				b.deliver(ctx, dest{responseURL: responseURL}, m)
			}
		}
	}
	ok := b.spawn(event, func(ctx context.Context) {
		handOver(ctx, work(ctx))
	}, func(ctx context.Context) {
		handOver(ctx, textMessage(faqbot.Apology))
	})
	if !ok {
		return nil
	}
	t := time.NewTimer(b.ackBudget)
	defer t.Stop()
	select {
	case m := <-now:
		m = m.ephemeral()
		return &m
	case <-t.C:
		close(late)
		return nil
	}
}

// statusMessage shows moderators what knowledge is live.
func statusMessage(headline string, st faqbot.Status) message {
	var b strings.Builder
	if headline != "" {
		b.WriteString(headline + "\n")
	}
	b.WriteString("*Knowledge status*\n")
	fmt.Fprintf(&b, "• Version: %s\n", orNone(escape(st.Version)))
	loaded := "never"
	if !st.LoadedAt.IsZero() {
		loaded = st.LoadedAt.UTC().Format(time.RFC3339)
	}
	fmt.Fprintf(&b, "• Loaded: %s\n", loaded)
	fmt.Fprintf(&b, "• Source: %s\n", orNone(escape(st.Source)))
	fmt.Fprintf(&b, "• Passages: %d\n", st.Passages)
	names := make([]string, len(st.Sections))
	for i, s := range st.Sections {
		names[i] = escape(s)
	}
	fmt.Fprintf(&b, "• Sections (%d): %s\n", len(st.Sections), orNone(strings.Join(names, " · ")))
	lastErr := "none"
	if st.LastError != "" {
		lastErr = escape(st.LastError)
		if !st.LastErrorAt.IsZero() {
			lastErr += " (" + st.LastErrorAt.UTC().Format(time.RFC3339) + ")"
		}
	}
	fmt.Fprintf(&b, "• Last reload error: %s", lastErr)
	text := b.String()
	return message{Text: text, Blocks: sections(text)}
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}
