package slack

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/faqbot/faqbot"
	"github.com/slack-go/slack"
)

// Action ids of the inbox's controls: a section picker and a Dismiss
// button under each group.
const (
	actionInboxAssign  = "faq_inbox_assign"
	actionInboxDismiss = "faq_inbox_dismiss"
)

// Block Kit limits of the inbox's controls, and how many groups fit: each
// takes two blocks (its text, its controls), beside the intro, the two
// headings and the "more" line.
const (
	maxOptions     = 100 // options in a static_select
	maxOptionText  = 75
	maxOptionValue = 150
	maxErrorText   = 1500
	inboxGroups    = (maxBlocks - 4) / 2
)

// What a moderator sees after a click.
const (
	staleInbox   = "The knowledge file changed since this list; run /faq-admin inbox again."
	badClick     = "I could not read that click; run /faq-admin inbox again."
	unknownGroup = "That question is no longer in the inbox (someone settled it, or it expired)."
	inboxFailed  = "Could not read the inbox; the server's log says why."
	dismissed    = "Dismissed."
)

// inboxCommand is /faq-admin inbox.
func (b *Bot) inboxCommand(cmd slack.SlashCommand) *message {
	return b.replyWithin("admin_command", cmd.ResponseURL, func(ctx context.Context) message {
		ctx, cancel := context.WithTimeout(ctx, insightsTimeout)
		defer cancel()
		ins, err := b.inbox.Report(ctx, time.Time{})
		if err != nil {
			// the detail may name the store's address: it stays in the log
			b.log.Warn("insights inbox failed", "err", errString(err))
			return textMessage(inboxFailed)
		}
		return inboxMessage(ins, b.librarian.Status())
	})
}

// inboxMessage lists the unanswered groups, then the answers marked Not
// helpful, each with a section picker (the live sections) and a Dismiss
// button. The controls carry the group id, the section's index and the
// knowledge version, so a click on a list older than the live file is
// refused rather than assigned to whatever section now has that index.
func inboxMessage(ins faqbot.Insights, st faqbot.Status) message {
	unanswered, notHelpful := topGroups(ins.Unanswered, len(ins.Unanswered)), topGroups(ins.NotHelpful, len(ins.NotHelpful))
	summary := fmt.Sprintf("Inbox: %d unanswered, %d answered but marked Not helpful", len(unanswered), len(notHelpful))
	if len(unanswered)+len(notHelpful) == 0 {
		text := "*Inbox:* empty. No unanswered questions, and no answers marked Not helpful."
		return message{Text: text, Blocks: sections(text)}
	}
	version := shortVersion(st.Version)
	options := sectionOptions(st.Sections)
	intro := "*" + summary + ".* "
	if validVersion(version) {
		intro += "Pick a section to add a question there as an @ask line (checked and published as `faqbot inbox assign` does), or dismiss it."
	} else {
		intro += "No knowledge version is live, so the list has no buttons."
	}
	if len(st.Sections) > maxOptions {
		intro += fmt.Sprintf("\nOnly the first %d sections can be picked here; `faqbot inbox assign ID SECTION` on the server takes any.", maxOptions)
	}
	blocks := sections(intro)
	shown, hidden := 0, 0
	list := func(title string, groups []faqbot.Group, withSection bool) {
		head := fmt.Sprintf("*%s* (%d)", title, len(groups))
		if len(groups) == 0 {
			head += "\nnone yet"
		}
		blocks = append(blocks, sections(head)...)
		for _, g := range groups {
			if shown == inboxGroups {
				hidden++
				continue
			}
			shown++
			line := groupLine(g, withSection) + " · id `" + escape(g.ID) + "`"
			blocks = append(blocks, sections(line)...)
			if c := groupControls(g.ID, version, options); c != nil {
				blocks = append(blocks, c)
			}
		}
	}
	list("Unanswered", unanswered, false)
	list("Answered, but marked Not helpful", notHelpful, true)
	if hidden > 0 {
		blocks = append(blocks, sections(fmt.Sprintf("…and %d more. `faqbot inbox` on the server lists all.", hidden))...)
	}
	return message{Text: summary, Blocks: blocks}
}

// sectionOption is one entry of a section picker: its label and its index
// in the live list.
type sectionOption struct {
	label string
	index int
}

// sectionOptions is the picker's entries: the first maxOptions sections,
// labels clipped to what Slack shows.
func sectionOptions(headings []string) []sectionOption {
	var out []sectionOption
	for i, h := range headings[:min(len(headings), maxOptions)] {
		if strings.TrimSpace(h) == "" {
			continue
		}
		out = append(out, sectionOption{label: clip(h, maxOptionText), index: i})
	}
	return out
}

// groupControls is the picker and the Dismiss button of one group, or nil
// when the group's id or the version cannot travel in a value.
func groupControls(id, version string, options []sectionOption) *slack.ActionBlock {
	dismiss := inboxValue{Op: opDismiss, Group: id, Version: version}
	if dismiss.check() != nil {
		return nil
	}
	var els []slack.BlockElement
	if len(options) > 0 {
		opts := make([]*slack.OptionBlockObject, len(options))
		for i, o := range options {
			v := inboxValue{Op: opAssign, Group: id, Section: o.index, Version: version}
			// plain_text is shown as is: neither escaped nor parsed for mentions
			opts[i] = slack.NewOptionBlockObject(v.String(), slack.NewTextBlockObject(slack.PlainTextType, o.label, false, false), nil)
		}
		els = append(els, slack.NewOptionsSelectBlockElement(slack.OptTypeStatic,
			slack.NewTextBlockObject(slack.PlainTextType, "Assign to section…", false, false), actionInboxAssign, opts...))
	}
	plain := func(s string) *slack.TextBlockObject {
		return slack.NewTextBlockObject(slack.PlainTextType, s, false, false)
	}
	els = append(els, button(actionInboxDismiss, dismiss.String(), "Dismiss").
		WithStyle(slack.StyleDanger).
		WithConfirm(slack.NewConfirmationBlockObject(plain("Dismiss this question?"),
			plain("It leaves the inbox, and nothing is added to the knowledge file."), plain("Dismiss"), plain("Cancel"))))
	return slack.NewActionBlock("", els...)
}

// The two ways to settle a group.
const (
	opAssign  = "a"
	opDismiss = "d"
)

// inboxValue is what an inbox control carries back to the bot: what to do
// with which group, the section's index in the live list (Assign only),
// and the first characters of the knowledge version the list was made from.
// It reads "a|version|index|group" or "d|version|group".
type inboxValue struct {
	Op      string
	Group   string
	Section int
	Version string
}

var errBadValue = errors.New("malformed inbox value")

// opName names an op for logs and replies.
func opName(op string) string {
	if op == opAssign {
		return "assign"
	}
	return "dismiss"
}

func (v inboxValue) String() string {
	if v.Op == opAssign {
		return v.Op + "|" + v.Version + "|" + strconv.Itoa(v.Section) + "|" + v.Group
	}
	return v.Op + "|" + v.Version + "|" + v.Group
}

// check reports whether v can make the round trip through a Slack value.
func (v inboxValue) check() error {
	switch {
	case v.Op != opAssign && v.Op != opDismiss:
		return fmt.Errorf("%w: unknown action", errBadValue)
	case !validVersion(v.Version):
		return fmt.Errorf("%w: bad version", errBadValue)
	case !validGroupID(v.Group):
		return fmt.Errorf("%w: bad group id", errBadValue)
	case v.Op == opAssign && (v.Section < 0 || v.Section >= maxOptions):
		return fmt.Errorf("%w: section index out of range", errBadValue)
	case v.Op == opDismiss && v.Section != 0:
		return fmt.Errorf("%w: dismiss names no section", errBadValue)
	}
	return nil
}

// parseInboxValue reads a value back. It comes from the client, so every
// part is checked.
func parseInboxValue(s string) (inboxValue, error) {
	if len(s) > maxOptionValue {
		return inboxValue{}, fmt.Errorf("%w: too long", errBadValue)
	}
	parts := strings.Split(s, "|")
	var v inboxValue
	switch {
	case len(parts) == 4 && parts[0] == opAssign:
		n, err := strconv.Atoi(parts[2])
		if err != nil || parts[2] != strconv.Itoa(n) { // no sign, no leading zeros
			return inboxValue{}, fmt.Errorf("%w: bad section index", errBadValue)
		}
		v = inboxValue{Op: opAssign, Version: parts[1], Section: n, Group: parts[3]}
	case len(parts) == 3 && parts[0] == opDismiss:
		v = inboxValue{Op: opDismiss, Version: parts[1], Group: parts[2]}
	default:
		return inboxValue{}, fmt.Errorf("%w: %d parts", errBadValue, len(parts))
	}
	if err := v.check(); err != nil {
		return inboxValue{}, err
	}
	return v, nil
}

// validVersion accepts the start of a knowledge version (a content hash).
func validVersion(s string) bool { return len(s) > 0 && len(s) <= versionPrefix && isToken(s, false) }

// validGroupID accepts an insights group id (10 hex digits today); the
// bound leaves room in the option value.
func validGroupID(s string) bool { return len(s) > 0 && len(s) <= 64 && isToken(s, true) }

func isToken(s string, dashes bool) bool {
	for _, c := range s {
		switch {
		case c >= '0' && c <= '9', c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z':
		case dashes && (c == '-' || c == '_'):
		default:
			return false
		}
	}
	return true
}

// inboxClick settles a group from a moderator's click on an inbox control.
// Every click is checked against the admin list, as every command is; the
// answer goes privately to the clicker.
func (b *Bot) inboxClick(cb slack.InteractionCallback, op, raw string) {
	channel := cb.Channel.ID
	if channel == "" {
		channel = cb.Container.ChannelID
	}
	reply := dest{channel: channel, user: cb.User.ID, ephemeral: true, responseURL: cb.ResponseURL}
	say := func(m message) {
		b.spawn("block_actions", func(ctx context.Context) { b.deliver(ctx, reply, m) }, nil)
	}
	action := opName(op)
	if !b.admins[cb.User.ID] {
		b.log.Info("admin click refused", "action", action)
		say(textMessage(adminRefused))
		return
	}
	switch {
	case b.inbox == nil:
		say(textMessage(insightsOff))
		return
	case b.librarian == nil:
		say(textMessage(adminUnavailable))
		return
	}
	v, err := parseInboxValue(raw)
	if err == nil && v.Op != op {
		err = fmt.Errorf("%w: %s value on the %s control", errBadValue, v.Op, op)
	}
	if err != nil {
		b.log.Warn("admin click", "action", action, "outcome", "malformed", "err", err.Error())
		say(textMessage(badClick))
		return
	}
	b.spawn("block_actions", func(ctx context.Context) {
		work, cancel := context.WithTimeout(ctx, insightsTimeout)
		defer cancel()
		b.deliver(ctx, reply, b.settle(work, v, "slack:"+cb.User.ID))
	}, func(ctx context.Context) {
		b.deliver(ctx, reply, textMessage(faqbot.Apology))
	})
}

// settle does what a checked inbox value asks, and says how it went. Only
// the action, the group id and the outcome are logged: the group's text
// and the store's error (which may quote the file) are not.
func (b *Bot) settle(ctx context.Context, v inboxValue, by string) message {
	action := opName(v.Op)
	logOutcome := func(outcome string) {
		b.log.Info("admin click", "action", action, "group", v.Group, "outcome", outcome)
	}
	st := b.librarian.Status()
	// only an Assign names a section, so only an Assign from a list of
	// another version could land in the wrong place (as on Discord)
	if v.Op == opAssign && (v.Version != shortVersion(st.Version) || v.Section >= len(st.Sections)) {
		logOutcome("stale")
		return textMessage(staleInbox)
	}
	var err error
	var done message
	switch v.Op {
	case opAssign:
		var a faqbot.Assigned
		a, err = b.inbox.Assign(ctx, v.Group, st.Sections[v.Section], by)
		done = assignedMessage(a)
	default:
		err = b.inbox.Dismiss(ctx, v.Group, by)
		done = textMessage(dismissed)
	}
	switch {
	case errors.Is(err, faqbot.ErrUnknownGroup):
		logOutcome("unknown_group")
		return textMessage(unknownGroup)
	case err != nil:
		logOutcome("failed")
		text := "*Could not " + action + ":* " + escape(clip(strings.TrimSpace(err.Error()), maxErrorText))
		return message{Text: text, Blocks: sections(text)}
	}
	logOutcome("done")
	return done
}

// assignedMessage confirms an Assign: the @ask line, where, and the
// version that holds it.
func assignedMessage(a faqbot.Assigned) message {
	v := a.Version
	if len([]rune(v)) > maxVersionShow {
		v = string([]rune(v)[:maxVersionShow])
	}
	text := fmt.Sprintf("Added “@ask: %s” under “%s” (version %s). The bot answers it once the watcher has the new file.",
		userText(a.Ask), escape(a.Section), orNone(escape(v)))
	return message{Text: text}
}
