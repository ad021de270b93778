// Package config reads faqbot's configuration: a TOML file for settings and
// the environment for secrets. Every setting has a default (Default), so the
// file is optional and may be partial; an unknown key or a bad value is an
// error that names the key, because a typo that is silently ignored leaves
// the bot running with a setting nobody chose.
//
// The types are plain values; the serve command maps them onto the engine
// and the adapters, so this package imports none of them.
package config

import "time"

// Config is the bot's whole configuration.
type Config struct {
	Server    Server
	Knowledge Knowledge
	Engine    Engine
	RateLimit RateLimit
	Replies   Replies
	Resources Resources
	Slack     Slack
	Discord   Discord
	Clinic    Clinic
	Insights  Insights
}

// Insights says where what moderators see is kept, and for how long
// (internal/insights). The store never holds a user id, name or channel.
type Insights struct {
	Path           string        // SQLite file; "" (and no DSN) turns insights off
	DSN            string        // postgres://… instead of Path, for several replicas (env FAQBOT_INSIGHTS_DSN)
	KeepUnanswered bool          // keep the redacted text of unanswered questions (opt-in)
	Retention      time.Duration // everything is deleted after this long
}

// On reports whether insights are kept at all.
func (i Insights) On() bool { return i.Path != "" || i.DSN != "" }

// Server configures the HTTP listener and process-wide limits.
type Server struct {
	Addr            string        // host:port of the serve listener (env FAQBOT_ADDR)
	MaxBodyBytes    int64         // cap on an HTTP request body
	MaxConcurrent   int           // answers computed at once, across all surfaces
	AnswerTimeout   time.Duration // longest one answer may take
	ShutdownTimeout time.Duration // how long shutdown waits for answers in progress
	TrustProxy      bool          // take the client address from X-Forwarded-For
	LogFormat       string        // auto (text on a terminal, else JSON), json, text
	LogLevel        string        // debug, info, warn, error (slog level names)

	// Faults and shutdown.
	MaxConnections int           // open connections at once; more wait to be accepted
	DrainPeriod    time.Duration // on SIGTERM, how long /readyz says 503 before the listener closes
}

// Knowledge says where the knowledge file is.
type Knowledge struct {
	Path  string // "" = the embedded default (env FAQBOT_KNOWLEDGE)
	Watch bool   // reload when the file changes

	// Edits in progress: how the watcher waits for a file being written.
	Settle        time.Duration // a change is read once the file has been unchanged this long
	Hold          time.Duration // …or this long, for an edit that looks unfinished
	ReloadTimeout time.Duration // longest one reload may take (a hung mount is given up on)
}

// Engine tunes the answer engine. Zero means the engine's built-in value
// where noted, so the file need not repeat numbers tuned in code.
type Engine struct {
	MaxQuestionRunes int     `toml:"max_question_runes"` // longer questions are cut
	MinCoverage      float64 `toml:"min_coverage"`       // 0 = built-in
	MinScore         float64 `toml:"min_score"`          // 0 = built-in
	MinMargin        float64 `toml:"min_margin"`         // 0 = built-in
	Suggestions      int     `toml:"suggestions"`        // "did you mean" topics on a no_match
}

// RateLimit is the per-user limit every surface shares.
type RateLimit struct {
	Every time.Duration // one message per Every after the burst; 0 = off
	Burst int           // messages allowed at once
}

// Replies replaces the engine's fixed texts; "" keeps the built-in one.
type Replies struct {
	Intro     string `toml:"intro"`
	NoMatch   string `toml:"no_match"`
	Decline   string `toml:"decline"`
	Truncated string `toml:"truncated"`
}

// Resources are the places a handoff sends people, by handoff reason. An
// empty list keeps the built-in (US) list; a non-empty one replaces it, so a
// clinic elsewhere can list its own region's services.
type Resources struct {
	Crisis   []Resource `toml:"crisis"`
	Abuse    []Resource `toml:"abuse"`
	Medical  []Resource `toml:"medical"`
	Referral []Resource `toml:"referral"`
}

// Resource is one place to turn to. It has the same fields as
// faqbot.Resource, so faqbot.Resource(r) converts it.
type Resource struct {
	Name  string `toml:"name"`
	URL   string `toml:"url"`
	Phone string `toml:"phone"`
	Text  string `toml:"text"`
}

// Clinic is how people reach the clinic. Practical questions (fees,
// booking, hours, place) and questions the knowledge file does not answer
// get it, as a line of text and as link buttons in Slack and Discord.
// Every key is optional; with none set the reply says "contact the clinic"
// and gives no way to.
type Clinic struct {
	Name       string `toml:"name"`        // "Riverside Sexual Health Clinic"
	Phone      string `toml:"phone"`       // shown as written
	Email      string `toml:"email"`       // shown as written
	URL        string `toml:"url"`         // the clinic's website (absolute http/https)
	BookingURL string `toml:"booking_url"` // where to book (absolute http/https)
	Hours      string `toml:"hours"`       // "Monday to Friday, 9am to 5pm"
}

// Slack configures the Slack adapter. It runs when BotToken or SigningSecret
// is set; with the signing secret alone it runs in http mode and answers
// slash commands and button clicks (mentions and DMs need the bot token).
type Slack struct {
	Mode         string   `toml:"mode"`          // socket (Socket Mode) or http (Events API on the serve listener)
	Command      string   `toml:"command"`       // slash command for questions
	AdminCommand string   `toml:"admin_command"` // slash command for moderators
	Admins       []string `toml:"admins"`        // user ids allowed to use AdminCommand
	// ModeratorChannel, when set, is told of every refused knowledge edit.
	ModeratorChannel string `toml:"moderator_channel"`
	APIURL           string `toml:"api_url"` // "" = Slack's; set for tests or a proxy

	// Secrets, from the environment only (see the Env constants).
	BotToken      string `toml:"-"`
	AppToken      string `toml:"-"`
	SigningSecret string `toml:"-"`
}

// Enabled reports whether the Slack adapter should run.
func (s Slack) Enabled() bool { return s.BotToken != "" || s.SigningSecret != "" }

// Discord configures the Discord adapter. It runs when BotToken is set.
type Discord struct {
	AppID            string   `toml:"app_id"`            // application id (env DISCORD_APP_ID)
	GuildID          string   `toml:"guild_id"`          // register commands in this guild only; "" = globally (env DISCORD_GUILD_ID)
	MessageContent   bool     `toml:"message_content"`   // read mentions too (needs the privileged intent)
	ShardID          int      `toml:"shard_id"`          // this process's shard
	ShardCount       int      `toml:"shard_count"`       // shards in all
	AdminRoles       []string `toml:"admin_roles"`       // role ids allowed to use the admin command
	ModeratorChannel string   `toml:"moderator_channel"` // channel id told of every refused knowledge edit
	APIBase          string   `toml:"api_base"`          // "" = Discord's; set for tests or a proxy
	RegisterCommands bool     `toml:"register_commands"` // create/update slash commands at start

	// Secrets, from the environment only (see the Env constants).
	BotToken  string `toml:"-"`
	PublicKey string `toml:"-"`
}

// Enabled reports whether the Discord adapter should run.
func (d Discord) Enabled() bool { return d.BotToken != "" }

// Default is the configuration with no file and no environment: local
// serving on loopback, the embedded knowledge, no platforms.
func Default() Config {
	return Config{
		Server: Server{
			Addr:            "127.0.0.1:8080",
			MaxBodyBytes:    64 << 10,
			MaxConcurrent:   8,
			AnswerTimeout:   5 * time.Second,
			ShutdownTimeout: 10 * time.Second,
			LogFormat:       "auto",
			LogLevel:        "info",

			MaxConnections: 256,
			DrainPeriod:    5 * time.Second,
		},
		Knowledge: Knowledge{Watch: true,
			Settle: 2 * time.Second, Hold: 30 * time.Second, ReloadTimeout: 30 * time.Second},
		Engine:    Engine{MaxQuestionRunes: 1000, Suggestions: 3},
		RateLimit: RateLimit{Every: 2 * time.Second, Burst: 5},
		Slack:     Slack{Mode: "socket", Command: "/faq", AdminCommand: "/faq-admin"},
		Discord:   Discord{ShardCount: 1, RegisterCommands: true},
		Insights:  Insights{Path: "faqbot.db", Retention: 720 * time.Hour},
	}
}
