package discord

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"strconv"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/faqbot/faqbot"
)

// /faq-admin report and inbox, and the inbox's Assign and Dismiss clicks.
// admin has already checked that the person is a moderator.

const (
	// insightsTimeout bounds one report, list or dismiss.
	insightsTimeout = 30 * time.Second
	// assignTimeout bounds one Assign: a check and an atomic publish of
	// the knowledge file (the interaction token lives 15 minutes).
	assignTimeout = 2 * time.Minute
	// defaultSince is how far back /faq-admin report looks without since:.
	defaultSince = 7 * 24 * time.Hour
)

// report is /faq-admin report [since:<duration>].
func (b *Bot) report(ix *ixn, req request) {
	if b.inbox == nil {
		ix.reply(renderText(insightsOff), true)
		return
	}
	window, err := parseSince(req.Since)
	if err != nil {
		ix.reply(renderText(reportUsage), true)
		return
	}
	since := b.now().Add(-window)
	by := platform + ":" + req.User
	ix.slow(true, func(ctx context.Context) []message {
		ctx, cancel := context.WithTimeout(ctx, insightsTimeout)
		defer cancel()
		ins, err := b.inbox.Report(ctx, since)
		if err != nil {
			b.log.Warn("discord: insights report failed", "by", by, "guild", ix.i.GuildID, errAttr(err))
			return renderText(insightsFailed)
		}
		b.log.Info("discord: insights report", "by", by, "guild", ix.i.GuildID, "since", window.String())
		return renderReport(ins, window)
	})
}

// listInbox is /faq-admin inbox: the groups to settle, with a section menu
// and a Dismiss button for each of the first few.
func (b *Bot) listInbox(ix *ixn, req request) {
	if b.inbox == nil {
		ix.reply(renderText(insightsOff), true)
		return
	}
	// The menus are made from this Status, and their ids carry its
	// version, so a click can tell whether the section indexes still hold.
	var st faqbot.Status
	if b.librarian != nil {
		st = b.librarian.Status()
	}
	by := platform + ":" + req.User
	ix.slow(true, func(ctx context.Context) []message {
		ctx, cancel := context.WithTimeout(ctx, insightsTimeout)
		defer cancel()
		ins, err := b.inbox.Report(ctx, time.Time{})
		if err != nil {
			b.log.Warn("discord: inbox list failed", "by", by, "guild", ix.i.GuildID, errAttr(err))
			return renderText(insightsFailed)
		}
		b.log.Info("discord: inbox listed", "by", by, "guild", ix.i.GuildID,
			"unanswered", len(ins.Unanswered), "not_helpful", len(ins.NotHelpful))
		return renderInbox(ins, st.Sections, st.Version)
	})
}

// inboxClick is an Assign (a section picked in a group's menu) or a
// Dismiss button.
func (b *Bot) inboxClick(ix *ixn, req request) {
	if b.inbox == nil {
		ix.reply(renderText(insightsOff), true)
		return
	}
	by := platform + ":" + req.User
	switch req.Sub {
	case "assign":
		if b.librarian == nil {
			ix.reply(renderText(adminNoLib), true)
			return
		}
		// The option value is an index into the sections the list was
		// made from: only good while the file is the same version.
		st := b.librarian.Status()
		if versionToken(st.Version) != req.KV {
			b.log.Info("discord: inbox click on a stale list", "group", req.Group, "by", by)
			ix.reply(renderText(staleInbox), true)
			return
		}
		heading, ok := sectionAt(st.Sections, req.Option)
		if !ok {
			ix.reply(renderText(unknownCommand), true)
			return
		}
		ix.slow(true, func(ctx context.Context) []message {
			ctx, cancel := context.WithTimeout(ctx, assignTimeout)
			defer cancel()
			a, err := b.inbox.Assign(ctx, req.Group, heading, by)
			switch {
			case errors.Is(err, faqbot.ErrUnknownGroup):
				b.log.Info("discord: inbox assign of an unknown group", "group", req.Group, "by", by)
				return renderText(goneFromInbox)
			case err != nil:
				// The error may quote file lines; the log keeps only
				// that it failed.
				b.log.Warn("discord: inbox assign failed", "group", req.Group, "by", by)
				return renderAssignFailed(err)
			}
			b.log.Info("discord: inbox group assigned", "group", req.Group, "by", by, "version", a.Version)
			return renderAssigned(a)
		})
	case "dismiss":
		// Dismiss names no section, so a list made before the file
		// changed is still right about it.
		ix.slow(true, func(ctx context.Context) []message {
			ctx, cancel := context.WithTimeout(ctx, insightsTimeout)
			defer cancel()
			err := b.inbox.Dismiss(ctx, req.Group, by)
			switch {
			case errors.Is(err, faqbot.ErrUnknownGroup):
				b.log.Info("discord: inbox dismiss of an unknown group", "group", req.Group, "by", by)
				return renderText(goneFromInbox)
			case err != nil:
				b.log.Warn("discord: inbox dismiss failed", "group", req.Group, "by", by, errAttr(err))
				return renderText(insightsFailed)
			}
			b.log.Info("discord: inbox group dismissed", "group", req.Group, "by", by)
			return renderText(dismissed)
		})
	default:
		ix.reply(renderText(unknownCommand), true)
	}
}

// parseSince reads report's since: a positive Go duration, 168h when
// empty.
func parseSince(s string) (time.Duration, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return defaultSince, nil
	}
	d, err := time.ParseDuration(s)
	if err != nil {
		return 0, err
	}
	if d <= 0 {
		return 0, errors.New("since must be positive")
	}
	return d, nil
}

// sectionAt is the heading an Assign option's value names.
func sectionAt(sections []string, value string) (string, bool) {
	i, err := strconv.Atoi(value)
	if err != nil || i < 0 || i >= len(sections) || i >= maxOptions || strconv.Itoa(i) != value {
		return "", false
	}
	h := strings.TrimSpace(sections[i])
	return h, h != ""
}

// Inbox custom ids: faq:a:<kv>:<group> on a group's section menu (the
// option values are section indexes), faq:d:<kv>:<group> on its Dismiss
// button. kv is versionToken of the knowledge version the list was made
// from. Neither carries text: a group id is an opaque hash, and a forged
// id can at most name a group that exists, which only a moderator may
// settle.
const (
	idAssign  = "faq:a:"
	idDismiss = "faq:d:"
	kvLen     = 8  // characters of the knowledge version in an id
	maxGroup  = 32 // characters of a group id
)

// inboxID makes the custom id of a group's menu ("assign") or Dismiss
// button ("dismiss"); ok is false for a group id that cannot go in one.
func inboxID(act, version, group string) (string, bool) {
	if !validGroupID(group) {
		return "", false
	}
	switch act {
	case "assign":
		return idAssign + versionToken(version) + ":" + group, true
	case "dismiss":
		return idDismiss + versionToken(version) + ":" + group, true
	}
	return "", false
}

// parseInboxID reads an inbox custom id; ok is false for anything else.
func parseInboxID(id string) (act, kv, group string, ok bool) {
	var rest string
	switch {
	case strings.HasPrefix(id, idAssign):
		act, rest = "assign", id[len(idAssign):]
	case strings.HasPrefix(id, idDismiss):
		act, rest = "dismiss", id[len(idDismiss):]
	default:
		return "", "", "", false
	}
	kv, group, found := strings.Cut(rest, ":")
	if !found || len(kv) == 0 || len(kv) > kvLen || !urlSafe(kv) || !validGroupID(group) {
		return "", "", "", false
	}
	return act, kv, group, true
}

// versionToken is the short form of a knowledge version that an inbox id
// carries: its first 8 characters ("-" for none), or 8 hex digits of its
// hash if it has characters an id cannot hold.
func versionToken(v string) string {
	switch {
	case v == "":
		return "-"
	case urlSafe(v):
		return v[:min(len(v), kvLen)]
	}
	sum := sha256.Sum256([]byte(v))
	return hex.EncodeToString(sum[:])[:kvLen]
}

func validGroupID(id string) bool { return len(id) <= maxGroup && urlSafe(id) }

// urlSafe: non-empty, and only the characters of URL-safe base64.
func urlSafe(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '-' || c == '_') {
			return false
		}
	}
	return true
}

// sectionOptions are a menu's options: the first 25 sections, each valued
// by its index in sections.
func sectionOptions(sections []string) []discordgo.SelectMenuOption {
	var out []discordgo.SelectMenuOption
	for i, h := range sections {
		if i >= maxOptions {
			break
		}
		if h = oneLine(h); h != "" {
			out = append(out, discordgo.SelectMenuOption{Label: truncRunes(h, maxOptionLabel), Value: strconv.Itoa(i)})
		}
	}
	return out
}
