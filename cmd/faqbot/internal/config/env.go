package config

// The environment variables Load reads. The secrets are read only from here
// (never from the file, which tends to end up in repositories and images);
// the others override the file, for containers.
const (
	EnvSlackBotToken      = "SLACK_BOT_TOKEN"      // secret: xoxb-… bot token
	EnvSlackAppToken      = "SLACK_APP_TOKEN"      // secret: xapp-… token for Socket Mode
	EnvSlackSigningSecret = "SLACK_SIGNING_SECRET" // secret: verifies Events API requests
	EnvDiscordBotToken    = "DISCORD_BOT_TOKEN"    // secret
	EnvDiscordPublicKey   = "DISCORD_PUBLIC_KEY"   // secret: verifies interaction requests

	EnvAddr           = "FAQBOT_ADDR"         // server.addr
	EnvKnowledge      = "FAQBOT_KNOWLEDGE"    // knowledge.path
	EnvInsightsDSN    = "FAQBOT_INSIGHTS_DSN" // insights.dsn (it may hold a password)
	EnvDiscordAppID   = "DISCORD_APP_ID"      // discord.app_id
	EnvDiscordGuildID = "DISCORD_GUILD_ID"    // discord.guild_id
)

// secretKeys maps file keys someone might reasonably try for a secret to the
// variable that must carry it instead, so the error can say what to do.
var secretKeys = map[string]string{
	"slack.token":          EnvSlackBotToken,
	"slack.bot_token":      EnvSlackBotToken,
	"slack.app_token":      EnvSlackAppToken,
	"slack.signing_secret": EnvSlackSigningSecret,
	"discord.token":        EnvDiscordBotToken,
	"discord.bot_token":    EnvDiscordBotToken,
	"discord.public_key":   EnvDiscordPublicKey,
}

// applyEnv copies the environment into c and returns which keys it
// overrode, by key, so that a bad value can be blamed on its variable.
func applyEnv(c *Config, getenv func(string) string) map[string]string {
	c.Slack.BotToken = getenv(EnvSlackBotToken)
	c.Slack.AppToken = getenv(EnvSlackAppToken)
	c.Slack.SigningSecret = getenv(EnvSlackSigningSecret)
	c.Discord.BotToken = getenv(EnvDiscordBotToken)
	c.Discord.PublicKey = getenv(EnvDiscordPublicKey)

	from := map[string]string{}
	for _, o := range []struct {
		env, key string
		dst      *string
	}{
		{EnvAddr, "server.addr", &c.Server.Addr},
		{EnvKnowledge, "knowledge.path", &c.Knowledge.Path},
		{EnvInsightsDSN, "insights.dsn", &c.Insights.DSN},
		{EnvDiscordAppID, "discord.app_id", &c.Discord.AppID},
		{EnvDiscordGuildID, "discord.guild_id", &c.Discord.GuildID},
	} {
		if v := getenv(o.env); v != "" {
			*o.dst = v
			from[o.key] = o.env
		}
	}
	return from
}
