package config

import (
	"log/slog"
	"math"
	"net"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// validate notes every value the bot could not run with, or would run with
// in a way nobody meant. from names the environment variable a key's value
// came from, so the error points at the right place.
func (c Config) validate(p *problems, from map[string]string) {
	key := func(k string) string {
		if env, ok := from[k]; ok {
			return k + " (from " + env + ")"
		}
		return k
	}

	s := c.Server
	if _, port, err := net.SplitHostPort(s.Addr); err != nil {
		p.add(key("server.addr"), "%q is not host:port (for example \"127.0.0.1:8080\" or \":8080\")", s.Addr)
	} else if _, err := strconv.ParseUint(port, 10, 16); err != nil {
		p.add(key("server.addr"), "%q has no valid port number", s.Addr)
	}
	if s.MaxBodyBytes < 1024 {
		p.add("server.max_body_bytes", "%d is too small for a question: use at least 1024", s.MaxBodyBytes)
	}
	atLeast(p, "server.max_concurrent", s.MaxConcurrent, 1)
	positive(p, "server.answer_timeout", s.AnswerTimeout)
	positive(p, "server.shutdown_timeout", s.ShutdownTimeout)
	oneOf(p, "server.log_format", s.LogFormat, "auto", "json", "text")
	var level slog.Level
	if err := level.UnmarshalText([]byte(s.LogLevel)); err != nil {
		p.add("server.log_level", "%q is not a level: use debug, info, warn or error", s.LogLevel)
	}

	// Faults and shutdown.
	atLeast(p, "server.max_connections", s.MaxConnections, 1)
	if s.MaxConnections >= 1 && s.MaxConnections < s.MaxConcurrent {
		p.add("server.max_connections", "%d is less than server.max_concurrent (%d): answers could never all be asked for", s.MaxConnections, s.MaxConcurrent)
	}
	k := c.Knowledge
	positive(p, "knowledge.settle", k.Settle)
	positive(p, "knowledge.reload_timeout", k.ReloadTimeout)
	if k.Hold < k.Settle {
		p.add("knowledge.hold", "%s must be at least knowledge.settle (%s)", k.Hold, k.Settle)
	}

	e := c.Engine
	atLeast(p, "engine.max_question_runes", e.MaxQuestionRunes, 1)
	for _, f := range []struct {
		key string
		v   float64
	}{{"engine.min_coverage", e.MinCoverage}, {"engine.min_score", e.MinScore}, {"engine.min_margin", e.MinMargin}} {
		if f.v < 0 || math.IsNaN(f.v) || math.IsInf(f.v, 0) {
			p.add(f.key, "%v must be a number ≥ 0 (0 = the built-in value)", f.v)
		}
	}
	if e.MinCoverage > 1 {
		p.add("engine.min_coverage", "%v must be at most 1 (a share of the question)", e.MinCoverage)
	}
	if e.Suggestions < 0 || e.Suggestions > 10 {
		p.add("engine.suggestions", "%d must be between 0 and 10", e.Suggestions)
	}

	atLeast(p, "rate_limit.burst", c.RateLimit.Burst, 1)

	for _, list := range []struct {
		key string
		rs  []Resource
	}{
		{"resources.crisis", c.Resources.Crisis}, {"resources.abuse", c.Resources.Abuse},
		{"resources.medical", c.Resources.Medical}, {"resources.referral", c.Resources.Referral},
	} {
		for i, r := range list.rs {
			validateResource(p, list.key+"["+strconv.Itoa(i)+"]", r)
		}
	}

	c.Slack.validate(p)
	c.Discord.validate(p, key)
	c.Clinic.validate(p)
	if c.Insights.Retention <= 0 {
		p.add("insights.retention", "%s must be longer than 0", c.Insights.Retention)
	}
	if d := c.Insights.DSN; d != "" && !strings.HasPrefix(d, "postgres://") && !strings.HasPrefix(d, "postgresql://") {
		p.add("insights.dsn", "must start with postgres:// (a PostgreSQL connection URL)")
	}
}

func (c Clinic) validate(p *problems) {
	if c.URL != "" {
		webURL(p, "clinic.url", c.URL)
	}
	if c.BookingURL != "" {
		webURL(p, "clinic.booking_url", c.BookingURL)
	}
	if c.Email != "" && (!strings.Contains(c.Email, "@") || strings.ContainsAny(c.Email, " \t<>")) {
		p.add("clinic.email", "%q is not an email address", c.Email)
	}
	if c.Phone != "" && strings.IndexFunc(c.Phone, unicode.IsDigit) < 0 {
		p.add("clinic.phone", "%q has no digits: write the number as people dial it", c.Phone)
	}
	for _, f := range []struct{ key, v string }{
		{"clinic.name", c.Name}, {"clinic.phone", c.Phone}, {"clinic.email", c.Email}, {"clinic.hours", c.Hours},
	} {
		if len(f.v) > 200 || strings.ContainsAny(f.v, "\n\r") {
			p.add(f.key, "must be one line of at most 200 characters")
		}
	}
}

func validateResource(p *problems, key string, r Resource) {
	if strings.TrimSpace(r.Name) == "" {
		p.add(key+".name", "every resource needs a name")
	}
	if strings.TrimSpace(r.URL+r.Phone+r.Text) == "" {
		p.add(key, "%q needs at least one of url, phone or text", r.Name)
	}
	if r.URL != "" {
		webURL(p, key+".url", r.URL)
	}
}

func (s Slack) validate(p *problems) {
	oneOf(p, "slack.mode", s.Mode, "socket", "http")
	command(p, "slack.command", s.Command)
	command(p, "slack.admin_command", s.AdminCommand)
	if s.Command == s.AdminCommand {
		p.add("slack.admin_command", "%q is also slack.command: give moderators their own command", s.AdminCommand)
	}
	ids(p, "slack.admins", s.Admins)
	if s.APIURL != "" {
		webURL(p, "slack.api_url", s.APIURL)
	}
	if !s.Enabled() {
		return
	}
	// Swapped or missing tokens otherwise show up only as Slack's
	// "invalid_auth" long after start. The values are never printed.
	switch {
	case s.BotToken == "" && s.Mode == "http": // slash commands and clicks only
	case !strings.HasPrefix(s.BotToken, "xoxb-"):
		p.add(EnvSlackBotToken, "does not look like a bot token (xoxb-…)")
	}
	switch {
	case s.Mode == "socket" && s.AppToken == "":
		p.add("slack.mode", "\"socket\" needs an app-level token: set %s (xapp-…)", EnvSlackAppToken)
	case s.Mode == "socket" && !strings.HasPrefix(s.AppToken, "xapp-"):
		p.add(EnvSlackAppToken, "does not look like an app-level token (xapp-…)")
	case s.Mode == "http" && s.SigningSecret == "":
		p.add("slack.mode", "\"http\" needs the signing secret: set %s", EnvSlackSigningSecret)
	}
}

func (d Discord) validate(p *problems, key func(string) string) {
	snowflake(p, key("discord.app_id"), d.AppID)
	snowflake(p, key("discord.guild_id"), d.GuildID)
	snowflake(p, "discord.moderator_channel", d.ModeratorChannel)
	if d.APIBase != "" {
		webURL(p, "discord.api_base", d.APIBase)
	}
	atLeast(p, "discord.shard_count", d.ShardCount, 1)
	if d.ShardID < 0 || (d.ShardCount >= 1 && d.ShardID >= d.ShardCount) {
		p.add("discord.shard_id", "%d must be ≥ 0 and less than discord.shard_count (%d)", d.ShardID, d.ShardCount)
	}
	ids(p, "discord.admin_roles", d.AdminRoles)
}

func atLeast(p *problems, key string, v, min int) {
	if v < min {
		p.add(key, "%d must be at least %d", v, min)
	}
}

func positive(p *problems, key string, d time.Duration) {
	if d <= 0 {
		p.add(key, "must be longer than 0s")
	}
}

func oneOf(p *problems, key, v string, allowed ...string) {
	for _, a := range allowed {
		if v == a {
			return
		}
	}
	p.add(key, "%q is not one of %s", v, strings.Join(allowed, ", "))
}

// command checks a Slack slash command name as Slack requires it.
func command(p *problems, key, v string) {
	if !strings.HasPrefix(v, "/") || len(v) < 2 || len(v) > 32 || strings.IndexFunc(v, unicode.IsSpace) >= 0 || strings.ToLower(v) != v {
		p.add(key, "%q must start with \"/\" and be 2–32 lowercase characters without spaces", v)
	}
}

func ids(p *problems, key string, vs []string) {
	for i, v := range vs {
		if strings.TrimSpace(v) == "" {
			p.add(key+"["+strconv.Itoa(i)+"]", "is empty")
		}
	}
}

// snowflake checks an optional Discord id, a decimal number.
func snowflake(p *problems, key, v string) {
	if v == "" {
		return
	}
	if _, err := strconv.ParseUint(v, 10, 64); err != nil {
		p.add(key, "%q is not a Discord id (a number)", v)
	}
}

func webURL(p *problems, key, v string) {
	u, err := url.Parse(v)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		p.add(key, "%q must be an absolute http or https URL", v)
	}
}
