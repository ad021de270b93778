package config

import (
	"fmt"
	"log/slog"
	"strings"

	"github.com/pelletier/go-toml/v2"
)

// redacted is what String and LogValue show for a secret that is set.
const redacted = "set (redacted)"

func secretState(v string) string {
	if v == "" {
		return "unset"
	}
	return redacted
}

// String is the effective configuration as a TOML document (it loads back
// to the same settings), followed by comments saying which secrets are set.
// Secret values never appear, so it is safe for `faqbot config` output,
// error reports and %v.
func (c Config) String() string {
	var b strings.Builder
	enc := toml.NewEncoder(&b)
	if c.Insights.DSN != "" {
		c.Insights.DSN = "postgres://" + redacted // it may hold a password
	}
	if err := enc.Encode(toFile(c)); err != nil {
		fmt.Fprintf(&b, "# cannot render the configuration: %v\n", err)
	}
	b.WriteString("\n# Secrets come from the environment only:\n")
	for _, s := range []struct{ env, v string }{
		{EnvSlackBotToken, c.Slack.BotToken}, {EnvSlackAppToken, c.Slack.AppToken},
		{EnvSlackSigningSecret, c.Slack.SigningSecret}, {EnvDiscordBotToken, c.Discord.BotToken},
		{EnvDiscordPublicKey, c.Discord.PublicKey},
	} {
		fmt.Fprintf(&b, "# %s: %s\n", s.env, secretState(s.v))
	}
	return b.String()
}

// LogValue is the configuration as a start-up log line shows it: settings
// as they are, secrets only as set or unset, user and role ids only
// counted, custom texts only flagged.
func (c Config) LogValue() slog.Value {
	s, e, sl, d := c.Server, c.Engine, c.Slack, c.Discord
	knowledge := c.Knowledge.Path
	if knowledge == "" {
		knowledge = "embedded default"
	}
	return slog.GroupValue(
		slog.Group("server", "addr", s.Addr, "max_body_bytes", s.MaxBodyBytes, "max_concurrent", s.MaxConcurrent,
			"answer_timeout", s.AnswerTimeout, "shutdown_timeout", s.ShutdownTimeout, "trust_proxy", s.TrustProxy,
			"log_format", s.LogFormat, "log_level", s.LogLevel,
			"max_connections", s.MaxConnections, "drain_period", s.DrainPeriod),
		slog.Group("knowledge", "path", knowledge, "watch", c.Knowledge.Watch,
			"settle", c.Knowledge.Settle, "hold", c.Knowledge.Hold, "reload_timeout", c.Knowledge.ReloadTimeout),
		slog.Group("engine", "max_question_runes", e.MaxQuestionRunes, "min_coverage", e.MinCoverage, "min_score", e.MinScore,
			"min_margin", e.MinMargin, "suggestions", e.Suggestions),
		slog.Group("rate_limit", "every", c.RateLimit.Every, "burst", c.RateLimit.Burst),
		slog.Group("replies", "intro", custom(c.Replies.Intro), "no_match", custom(c.Replies.NoMatch),
			"decline", custom(c.Replies.Decline), "truncated", custom(c.Replies.Truncated)),
		slog.Group("resources", "crisis", resources(c.Resources.Crisis), "abuse", resources(c.Resources.Abuse),
			"medical", resources(c.Resources.Medical), "referral", resources(c.Resources.Referral)),
		slog.Group("slack", "enabled", sl.Enabled(), "mode", sl.Mode, "command", sl.Command,
			"admin_command", sl.AdminCommand, "admins", len(sl.Admins), "api_url", sl.APIURL,
			"bot_token", secretState(sl.BotToken), "app_token", secretState(sl.AppToken),
			"signing_secret", secretState(sl.SigningSecret)),
		slog.Group("discord", "enabled", d.Enabled(), "app_id", d.AppID, "guild_id", d.GuildID,
			"message_content", d.MessageContent, "shard_id", d.ShardID, "shard_count", d.ShardCount,
			"admin_roles", len(d.AdminRoles), "register_commands", d.RegisterCommands,
			"bot_token", secretState(d.BotToken), "public_key", secretState(d.PublicKey)),
	)
}

func custom(text string) string {
	if text == "" {
		return "built-in"
	}
	return "custom"
}

func resources(rs []Resource) string {
	if len(rs) == 0 {
		return "built-in"
	}
	return fmt.Sprintf("%d custom", len(rs))
}
