package discord

import (
	"context"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/faqbot/faqbot"
	"github.com/faqbot/faqbot/internal/ratelimit"
)

// feedbackTTL is how long a person's feedback on one message is
// remembered, so that clicking again counts once.
const feedbackTTL = 7 * 24 * time.Hour

// request is what one interaction asks of the bot.
type request struct {
	// Kind is "ask", "topics", "admin", "section" (a topic button),
	// "feedback", "inbox" (an Assign or Dismiss click) or "unknown".
	Kind     string          `json:"kind"`
	User     string          `json:"user"`
	Question faqbot.Question `json:"question,omitzero"`
	Public   bool            `json:"public,omitempty"`   // /ask public:true
	Sub      string          `json:"sub,omitempty"`      // /faq-admin subcommand; "assign" or "dismiss" for inbox
	Since    string          `json:"since,omitempty"`    // /faq-admin report since:, as typed
	Key      string          `json:"key,omitempty"`      // section key of a button
	Helpful  bool            `json:"helpful,omitempty"`  // feedback button
	ReplyID  string          `json:"reply_id,omitempty"` // feedback button, insights on
	Group    string          `json:"group,omitempty"`    // inbox: the group's id
	KV       string          `json:"kv,omitempty"`       // inbox: the knowledge version token the list was made with
	Option   string          `json:"option,omitempty"`   // inbox assign: the chosen option's value (a section index)
}

// parseInteraction reads a slash command or a button click. Option values
// are type-checked, never asserted blindly.
func parseInteraction(i *discordgo.Interaction) request {
	r := request{Kind: "unknown", User: interactionUser(i)}
	switch data := i.Data.(type) {
	case discordgo.ApplicationCommandInteractionData:
		if i.Type != discordgo.InteractionApplicationCommand {
			return r
		}
		switch data.Name {
		case "ask":
			r.Kind = "ask"
			r.Question = faqbot.Question{Platform: platform, User: r.User}
			for _, o := range data.Options {
				switch v := o.Value.(type) {
				case string:
					if o.Name == "question" {
						r.Question.Text = v
					}
				case bool:
					if o.Name == "public" {
						r.Public = v
					}
				}
			}
		case "topics":
			r.Kind = "topics"
		case "faq-admin":
			r.Kind = "admin"
			if len(data.Options) > 0 && data.Options[0] != nil {
				r.Sub = data.Options[0].Name
				for _, o := range data.Options[0].Options {
					if o == nil || o.Name != "since" {
						continue
					}
					if v, ok := o.Value.(string); ok {
						r.Since = v
					}
				}
			}
		}
	case discordgo.MessageComponentInteractionData:
		if act, kv, group, ok := parseInboxID(data.CustomID); ok {
			// An Assign id on a button, or a Dismiss id on a menu, is
			// not one the bot made.
			switch {
			case act == "assign" && data.ComponentType == discordgo.SelectMenuComponent && len(data.Values) == 1:
				r.Kind, r.Sub, r.KV, r.Group, r.Option = "inbox", act, kv, group, data.Values[0]
			case act == "dismiss" && data.ComponentType == discordgo.ButtonComponent:
				r.Kind, r.Sub, r.KV, r.Group = "inbox", act, kv, group
			}
			return r
		}
		switch kind, key, helpful := parseCustomID(data.CustomID); kind {
		case "section":
			r.Kind, r.Key = "section", key
		case "feedback":
			r.Kind, r.Key, r.Helpful, r.ReplyID = "feedback", key, helpful, replyIDOf(data.CustomID)
		}
	}
	return r
}

func interactionUser(i *discordgo.Interaction) string {
	if i.Member != nil && i.Member.User != nil {
		return i.Member.User.ID
	}
	if i.User != nil {
		return i.User.ID
	}
	return ""
}

// responder sends the interaction's one initial response: through REST for
// gateway interactions, in the HTTP response for the endpoint.
type responder interface {
	respond(ctx context.Context, r *discordgo.InteractionResponse) error
}

type restResponder struct {
	api api
	i   *discordgo.Interaction
}

func (r restResponder) respond(ctx context.Context, resp *discordgo.InteractionResponse) error {
	return r.api.InteractionRespond(r.i, resp, discordgo.WithContext(ctx))
}

func (b *Bot) onInteractionCreate(_ *discordgo.Session, ev *discordgo.InteractionCreate) {
	b.enter()
	defer b.leave()
	b.handleInteraction(context.Background(), ev.Interaction, restResponder{api: b.api, i: ev.Interaction})
}

// handleInteraction serves a slash command or a button click. Every path
// responds exactly once (or acknowledges silently); a panic still gets the
// apology.
func (b *Bot) handleInteraction(ctx context.Context, i *discordgo.Interaction, rsp responder) {
	ix := &ixn{b: b, ctx: ctx, i: i, rsp: rsp}
	defer func() {
		if p := recover(); p != nil {
			b.panicked("interaction", p)
			ix.fail()
		}
	}()
	req := parseInteraction(i)
	outcome := "answered"
	defer func() { b.tracef("interaction %s %s", req.Kind, outcome) }()
	switch req.Kind {
	case "unknown":
		ix.reply(renderText(unknownCommand), true)
		return
	case "admin", "inbox":
		// Moderators' commands and clicks skip the rate limit; admin
		// refuses everyone else.
		b.admin(ix, req)
		return
	}
	switch b.limit(req.User) {
	case ratelimit.Warn:
		outcome = "rate:warn"
		ix.reply(renderText(ratelimit.SlowDown), true)
		return
	case ratelimit.Drop:
		outcome = "rate:drop"
		// A click can be acknowledged without a word; a slash command
		// must be answered or Discord shows the person an error, so it
		// gets the same private "slow down" (and no engine work).
		if i.Type == discordgo.InteractionMessageComponent {
			ix.ack()
		} else {
			ix.reply(renderText(ratelimit.SlowDown), true)
		}
		return
	}
	switch req.Kind {
	case "ask":
		if strings.TrimSpace(req.Question.Text) == "" {
			ix.reply(renderText(needQuestion), true)
			return
		}
		ix.slow(!req.Public, func(ctx context.Context) []message {
			return b.ask(ctx, req.Question, renderOpts{})
		})
	case "topics":
		ix.slow(true, func(ctx context.Context) []message { return b.topics(ctx, req.User) })
	case "section":
		ix.slow(true, func(ctx context.Context) []message {
			heading, ok := b.resolve(ctx, req.Key, i.Message, req.User)
			if !ok {
				return renderText(expiredButton)
			}
			return b.ask(ctx, faqbot.Question{Section: heading, Platform: platform, User: req.User}, renderOpts{})
		})
	case "feedback":
		// Counted once per person and message, however often they click
		// (as on Slack); every click is still thanked, since Discord
		// wants a response to each.
		msg := req.Key
		if i.Message != nil && i.Message.ID != "" {
			msg = i.Message.ID
		}
		if b.claim(feedbackTTL, "feedback", "feedback:"+req.User+":"+msg) {
			b.metrics.Feedback(platform, req.Helpful)
			b.log.Info("discord: feedback", "helpful", req.Helpful, "section_key", req.Key)
			if req.ReplyID != "" && b.votes != nil {
				if err := b.votes.RecordFeedback(context.Background(), faqbot.Feedback{
					ReplyID: req.ReplyID, Helpful: req.Helpful, Platform: platform, User: req.User,
				}); err != nil {
					b.log.Warn("discord: feedback not recorded", "error", err.Error())
				}
			}
		}
		ix.reply(renderText(feedbackThanks), true)
	}
}

// resolve finds the heading a section button stands for: among the live
// sections when there is a Librarian (a section gone since is "expired"),
// else among the bot's own buttons on the clicked message, else among the
// topics the engine suggests.
func (b *Bot) resolve(ctx context.Context, key string, m *discordgo.Message, user string) (string, bool) {
	if b.librarian != nil {
		return resolveSection(key, b.librarian.Status().Sections)
	}
	if h, ok := resolveSection(key, buttonHeadings(m)); ok {
		return h, true
	}
	return resolveSection(key, b.sections(ctx, user))
}

// ixn is one interaction being answered.
type ixn struct {
	b   *Bot
	ctx context.Context
	i   *discordgo.Interaction
	rsp responder

	responded bool // the initial response went out (or was attempted)
	deferred  bool // …and it was "thinking…", to be edited
	edited    bool
}

func (ix *ixn) respond(r *discordgo.InteractionResponse) error {
	ix.responded = true
	ctx, cancel := context.WithTimeout(ix.ctx, ix.b.restTimeout)
	defer cancel()
	err := ix.rsp.respond(ctx, r)
	if err != nil {
		ix.b.metrics.PlatformError(platform, "ack")
		ix.b.log.Warn("discord: interaction response failed", errAttr(err), "type", int(r.Type))
	}
	return err
}

// reply responds with msgs at once (type 4), the rest as follow-ups.
func (ix *ixn) reply(msgs []message, ephemeral bool) {
	data, rest := toInteraction(msgs, ephemeral)
	if ix.respond(&discordgo.InteractionResponse{Type: discordgo.InteractionResponseChannelMessageWithSource, Data: data}) != nil {
		return
	}
	ix.followups(rest)
}

// ack acknowledges a click without changing anything (type 6).
func (ix *ixn) ack() {
	_ = ix.respond(&discordgo.InteractionResponse{Type: discordgo.InteractionResponseDeferredMessageUpdate})
}

// slow runs work and replies with its messages if they are ready within
// deferAfter; otherwise it responds "thinking…" (type 5) to keep within
// Discord's 3 seconds and then edits the original response.
func (ix *ixn) slow(ephemeral bool, work func(context.Context) []message) {
	done := make(chan []message, 1)
	go func() {
		defer func() {
			if p := recover(); p != nil {
				ix.b.panicked("interaction", p)
				done <- renderText(faqbot.Apology)
			}
		}()
		done <- work(ix.ctx)
	}()
	t := time.NewTimer(ix.b.deferAfter)
	defer t.Stop()
	select {
	case msgs := <-done:
		ix.reply(msgs, ephemeral)
		return
	case <-t.C:
	}
	var flags discordgo.MessageFlags
	if ephemeral {
		flags = discordgo.MessageFlagsEphemeral
	}
	err := ix.respond(&discordgo.InteractionResponse{
		Type: discordgo.InteractionResponseDeferredChannelMessageWithSource,
		Data: &discordgo.InteractionResponseData{Flags: flags},
	})
	msgs := <-done
	if err != nil {
		return
	}
	ix.deferred = true
	ix.edit(msgs[0])
	_, rest := toInteraction(msgs, ephemeral)
	ix.followups(rest)
}

// edit replaces the deferred "thinking…" with m.
func (ix *ixn) edit(m message) {
	ix.edited = true
	ctx, cancel := context.WithTimeout(ix.ctx, ix.b.restTimeout)
	defer cancel()
	if _, err := ix.b.api.InteractionResponseEdit(ix.i, toEdit(m), discordgo.WithContext(ctx)); err != nil {
		ix.b.metrics.PlatformError(platform, "edit")
		ix.b.log.Warn("discord: editing the deferred response failed", errAttr(err))
	}
}

func (ix *ixn) followups(rest []*discordgo.WebhookParams) {
	for _, p := range rest {
		ctx, cancel := context.WithTimeout(ix.ctx, ix.b.restTimeout)
		_, err := ix.b.api.FollowupMessageCreate(ix.i, true, p, discordgo.WithContext(ctx))
		cancel()
		if err != nil {
			ix.b.metrics.PlatformError(platform, "post")
			ix.b.log.Warn("discord: follow-up message failed", errAttr(err))
			return
		}
	}
}

// fail shows the apology after a panic, however far the response got.
func (ix *ixn) fail() {
	defer func() { _ = recover() }()
	switch {
	case !ix.responded:
		ix.reply(renderText(faqbot.Apology), true)
	case ix.deferred && !ix.edited:
		ix.edit(renderText(faqbot.Apology)[0])
	}
}
