package discord

import (
	"context"
	"time"

	"github.com/bwmarrin/discordgo"
)

// reloadTimeout bounds one /faq-admin reload (the interaction token lives 15
// minutes).
const reloadTimeout = 2 * time.Minute

// admin serves /faq-admin. Discord hides the command from members without
// Manage Server (default_member_permissions), but that is a server setting a
// guild admin can change, so the permission is checked again here.
func (b *Bot) admin(ix *ixn, req request) {
	if !isModerator(ix.i.Member, b.adminRoles) {
		b.log.Info("discord: /faq-admin refused", "user", req.User, "guild", ix.i.GuildID, "sub", subName(req.Sub))
		ix.reply(renderText(adminRefusal), true)
		return
	}
	// report, inbox and the inbox's clicks need the insights store, not
	// (or not only) the Librarian.
	if req.Kind == "inbox" {
		b.inboxClick(ix, req)
		return
	}
	switch req.Sub {
	case "report":
		b.report(ix, req)
		return
	case "inbox":
		b.listInbox(ix, req)
		return
	}
	if b.librarian == nil {
		ix.reply(renderText(adminNoLib), true)
		return
	}
	switch req.Sub {
	case "status":
		ix.reply(renderStatus(b.librarian.Status()), true)
	case "reload":
		ix.slow(true, func(ctx context.Context) []message {
			ctx, cancel := context.WithTimeout(ctx, reloadTimeout)
			defer cancel()
			st, err := b.librarian.Reload(ctx, platform+":"+req.User)
			if err != nil {
				b.log.Warn("discord: knowledge reload failed", "by", platform+":"+req.User, "guild", ix.i.GuildID, errAttr(err))
			} else {
				b.log.Info("discord: knowledge reloaded", "by", platform+":"+req.User, "guild", ix.i.GuildID, "version", st.Version)
			}
			return renderReload(st, err)
		})
	default:
		ix.reply(renderText(unknownCommand), true)
	}
}

// isModerator: a member with Manage Server (or Administrator) in this
// channel, or with one of the configured roles. Outside a server (a DM)
// nobody is.
func isModerator(m *discordgo.Member, roles map[string]bool) bool {
	if m == nil {
		return false
	}
	if m.Permissions&(discordgo.PermissionManageGuild|discordgo.PermissionAdministrator) != 0 {
		return true
	}
	for _, r := range m.Roles {
		if roles[r] {
			return true
		}
	}
	return false
}

// subName names a /faq-admin subcommand for the log: one the bot
// registered, or "unknown".
func subName(sub string) string {
	switch sub {
	case "status", "reload", "report", "inbox", "assign", "dismiss":
		return sub
	}
	return "unknown"
}
