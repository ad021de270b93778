package discord

import (
	"context"

	"github.com/bwmarrin/discordgo"
)

// commands are the slash commands the bot registers.
func commands() []*discordgo.ApplicationCommand {
	serverAndDM := []discordgo.InteractionContextType{discordgo.InteractionContextGuild, discordgo.InteractionContextBotDM}
	serverOnly := []discordgo.InteractionContextType{discordgo.InteractionContextGuild}
	return []*discordgo.ApplicationCommand{
		{
			Name:        "ask",
			Type:        discordgo.ChatApplicationCommand,
			Description: "Ask a question privately: only you will see the answer",
			Contexts:    &serverAndDM,
			Options: []*discordgo.ApplicationCommandOption{
				{Type: discordgo.ApplicationCommandOptionString, Name: "question", Description: "Your question", Required: true, MaxLength: 1000},
				{Type: discordgo.ApplicationCommandOptionBoolean, Name: "public", Description: "Post the answer for everyone in this channel (default: only you see it)"},
			},
		},
		{
			Name:        "topics",
			Type:        discordgo.ChatApplicationCommand,
			Description: "List the topics I can answer questions about",
			Contexts:    &serverAndDM,
		},
		{
			Name:                     "faq-admin",
			Type:                     discordgo.ChatApplicationCommand,
			Description:              "Moderator tools for the FAQ bot",
			DefaultMemberPermissions: new(int64(discordgo.PermissionManageGuild)),
			Contexts:                 &serverOnly,
			Options: []*discordgo.ApplicationCommandOption{
				{Type: discordgo.ApplicationCommandOptionSubCommand, Name: "status", Description: "Show the live knowledge version, sections and last reload error"},
				{Type: discordgo.ApplicationCommandOptionSubCommand, Name: "reload", Description: "Reload the knowledge file now"},
				{
					Type: discordgo.ApplicationCommandOptionSubCommand, Name: "report",
					Description: "Replies by kind, feedback per section, top unanswered and Not helpful questions",
					Options: []*discordgo.ApplicationCommandOption{
						{Type: discordgo.ApplicationCommandOptionString, Name: "since", Description: "How far back, as a Go duration: 24h, 168h (a week, the default), 720h", MaxLength: 20},
					},
				},
				{Type: discordgo.ApplicationCommandOptionSubCommand, Name: "inbox", Description: "Unanswered and Not helpful questions: assign each to a section, or dismiss it"},
			},
		},
	}
}

// registerCommands overwrites the application's commands (in one guild when
// GuildID is set: those update at once, global ones can take a while).
func (b *Bot) registerCommands(ctx context.Context) {
	_, appID := b.ids()
	if appID == "" {
		b.metrics.PlatformError(platform, "register")
		b.log.Error("discord: no application id (set DISCORD_APP_ID); slash commands not registered")
		return
	}
	opt, cancel := b.rest(ctx)
	defer cancel()
	if _, err := b.api.ApplicationCommandBulkOverwrite(appID, b.cfg.GuildID, commands(), opt); err != nil {
		b.metrics.PlatformError(platform, "register")
		b.log.Error("discord: registering slash commands failed", errAttr(err))
		return
	}
	scope := "global"
	if b.cfg.GuildID != "" {
		scope = "guild"
	}
	b.log.Info("discord: slash commands registered", "scope", scope, "count", len(commands()))
}

// invitePermissions are the bot permissions the README's invite URL asks
// for: Send Messages, Send Messages in Threads, Read Message History, Use
// Application Commands.
const invitePermissions = discordgo.PermissionSendMessages | discordgo.PermissionSendMessagesInThreads |
	discordgo.PermissionReadMessageHistory | discordgo.PermissionUseApplicationCommands
