// Package discord is faqbot's Discord surface: a gateway bot (DMs, @mentions
// and interactions through discordgo) and an HTTP interactions endpoint, both
// answering from one faqbot.Answerer.
//
// People ask about things they would rather keep private, so the defaults
// lean that way: /ask answers ephemerally, no message pings anyone
// (allowed_mentions is empty on every message), replies in public channels
// point to /ask, and neither message text nor user names are ever logged.
package discord

import (
	"context"
	"crypto/ed25519"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/faqbot/faqbot"
	"github.com/faqbot/faqbot/internal/clockskew"
	"github.com/faqbot/faqbot/internal/dedup"
	"github.com/faqbot/faqbot/internal/metrics"
	"github.com/faqbot/faqbot/internal/ratelimit"
)

// platform labels metrics and questions from this package.
const platform = "discord"

// Config is what the lead reads from flags and the environment.
type Config struct {
	Token            string   // bot token; "" = gateway off
	PublicKey        string   // hex Ed25519 public key; "" = interactions endpoint off (404)
	AppID            string   // application id; "" = taken from READY
	GuildID          string   // register commands for this guild only ("" = global)
	MessageContent   bool     // request the privileged MESSAGE_CONTENT intent
	ShardID          int      // this process's shard
	ShardCount       int      // total shards; 0 or 1 = no sharding
	AdminRoles       []string // role ids allowed to use /faq-admin (besides Manage Server)
	RegisterCommands bool     // overwrite the slash commands on start
	APIBase          string   // "" = https://discord.com; tests point REST at an httptest server
}

// Deps are the collaborators the bot answers with.
type Deps struct {
	Answerer  faqbot.Answerer
	Librarian faqbot.Librarian   // may be nil: /topics asks the engine, /faq-admin says "not available"
	Logger    *slog.Logger       // may be nil
	Metrics   *metrics.Metrics   // may be nil
	Limiter   *ratelimit.Limiter // may be nil
	Now       func() time.Time   // may be nil; checks signature timestamps
	// Dedup remembers handled interactions (replays) and feedback clicks.
	// Nil: a fresh in-memory store, for this bot alone; serve shares one
	// across platforms.
	Dedup dedup.Store
	// Feedback records Helpful / Not helpful clicks for insights. Nil:
	// clicks are only counted in metrics.
	Feedback faqbot.FeedbackRecorder
	// Inbox serves /faq-admin report and inbox. Nil: insights are off,
	// and those subcommands say so.
	Inbox faqbot.Inbox
}

// api is the part of discordgo's REST client the bot calls. *discordgo.Session
// implements it, with its built-in rate limiter; unit tests swap in a fake.
type api interface {
	ChannelMessageSendComplex(channelID string, data *discordgo.MessageSend, options ...discordgo.RequestOption) (*discordgo.Message, error)
	InteractionRespond(i *discordgo.Interaction, resp *discordgo.InteractionResponse, options ...discordgo.RequestOption) error
	InteractionResponseEdit(i *discordgo.Interaction, edit *discordgo.WebhookEdit, options ...discordgo.RequestOption) (*discordgo.Message, error)
	FollowupMessageCreate(i *discordgo.Interaction, wait bool, data *discordgo.WebhookParams, options ...discordgo.RequestOption) (*discordgo.Message, error)
	ApplicationCommandBulkOverwrite(appID, guildID string, cmds []*discordgo.ApplicationCommand, options ...discordgo.RequestOption) ([]*discordgo.ApplicationCommand, error)
}

// Bot is one Discord application: the gateway connection of one shard and
// the interactions endpoint.
type Bot struct {
	cfg        Config
	answerer   faqbot.Answerer
	librarian  faqbot.Librarian
	log        *slog.Logger
	metrics    *metrics.Metrics
	limiter    *ratelimit.Limiter
	now        func() time.Time
	pubKey     ed25519.PublicKey
	adminRoles map[string]bool
	dedup      dedup.Store
	votes      faqbot.FeedbackRecorder
	inbox      faqbot.Inbox // nil: insights are off
	skew       *clockskew.Detector

	session *discordgo.Session // nil when the gateway is off
	api     api                // REST; the session's (token may be empty for the endpoint-only mode)

	mu    sync.RWMutex
	botID string
	appID string

	running   atomic.Bool
	ready     atomic.Bool
	readyOnce sync.Once
	readyCh   chan struct{} // closed on the first READY

	// slots bounds the gateway handlers running at once; draining it on
	// shutdown waits for the ones in flight.
	slots chan struct{}

	// Seams for tests; production values are set in New.
	deferAfter    time.Duration // respond "thinking…" when an answer is slower than this
	answerTimeout time.Duration // the engine's budget for one question
	restTimeout   time.Duration // one REST call, rate-limit waits included
	trace         func(event string)
}

// New checks cfg and builds the bot. It does not connect: Run does.
func New(cfg Config, deps Deps) (*Bot, error) {
	if deps.Answerer == nil {
		return nil, errors.New("discord: Deps.Answerer is nil")
	}
	if cfg.Token == "" && cfg.PublicKey == "" {
		return nil, errors.New("discord: neither Token nor PublicKey is set")
	}
	if cfg.ShardCount < 1 {
		cfg.ShardCount = 1
	}
	if cfg.ShardID < 0 || cfg.ShardID >= cfg.ShardCount {
		return nil, fmt.Errorf("discord: ShardID %d out of range for ShardCount %d", cfg.ShardID, cfg.ShardCount)
	}
	b := &Bot{
		cfg:           cfg,
		answerer:      deps.Answerer,
		librarian:     deps.Librarian,
		log:           deps.Logger,
		metrics:       deps.Metrics,
		limiter:       deps.Limiter,
		now:           deps.Now,
		adminRoles:    map[string]bool{},
		appID:         cfg.AppID,
		readyCh:       make(chan struct{}),
		slots:         make(chan struct{}, 64),
		deferAfter:    2 * time.Second,
		answerTimeout: 10 * time.Second,
		restTimeout:   30 * time.Second,
	}
	if b.log == nil {
		b.log = slog.New(slog.DiscardHandler)
	}
	if b.now == nil {
		b.now = time.Now
	}
	b.dedup = deps.Dedup
	b.votes = deps.Feedback
	b.inbox = deps.Inbox
	if b.dedup == nil {
		b.dedup = dedup.NewMemory(0, b.now)
	}
	b.skew = clockskew.New(platform, b.log)
	for _, r := range cfg.AdminRoles {
		if r = strings.TrimSpace(r); r != "" {
			b.adminRoles[r] = true
		}
	}
	if cfg.PublicKey != "" {
		k, err := hex.DecodeString(strings.TrimSpace(cfg.PublicKey))
		if err != nil || len(k) != ed25519.PublicKeySize {
			return nil, errors.New("discord: PublicKey is not a hex Ed25519 public key")
		}
		b.pubKey = ed25519.PublicKey(k)
	}
	client := &http.Client{Timeout: 20 * time.Second}
	if cfg.APIBase != "" {
		base, err := url.Parse(cfg.APIBase)
		if err != nil || (base.Scheme != "http" && base.Scheme != "https") || base.Host == "" {
			return nil, fmt.Errorf("discord: APIBase %q is not an http(s) URL", cfg.APIBase)
		}
		client.Transport = rewriteTransport{base: base, next: http.DefaultTransport}
	}

	token := cfg.Token
	if token != "" && !strings.HasPrefix(token, "Bot ") {
		token = "Bot " + token
	}
	s, err := discordgo.New(token)
	if err != nil {
		return nil, fmt.Errorf("discord: %w", err)
	}
	s.Client = client
	// discordgo logs event payloads at warning and debug level; errors carry
	// none, so this level keeps message text out of the logs.
	s.LogLevel = discordgo.LogError
	s.Debug = false
	// No state cache: the bot needs nothing from it, and a large community's
	// guilds and members would only cost memory.
	s.StateEnabled = false
	s.ShardID, s.ShardCount = cfg.ShardID, cfg.ShardCount
	s.Identify.Intents = intents(cfg.MessageContent)
	b.api = s
	if cfg.Token != "" {
		b.session = s
		s.AddHandler(b.onReady)
		s.AddHandler(b.onResumed)
		s.AddHandler(b.onDisconnect)
		s.AddHandler(b.onMessageCreate)
		s.AddHandler(b.onInteractionCreate)
	}
	return b, nil
}

// intents are the gateway intents the bot asks for. Without MESSAGE_CONTENT
// Discord still sends the text of DMs and of messages that mention the bot,
// which is all it answers.
func intents(messageContent bool) discordgo.Intent {
	i := discordgo.IntentsGuildMessages | discordgo.IntentsDirectMessages
	if messageContent {
		i |= discordgo.IntentMessageContent
	}
	return i
}

// Ready reports whether the bot can take questions: the gateway has received
// READY, or the gateway is off and the interactions endpoint is configured.
func (b *Bot) Ready() bool {
	if b.session == nil {
		return b.pubKey != nil
	}
	return b.ready.Load()
}

// Run connects the gateway and serves until ctx ends, then closes the
// connection and waits (briefly) for handlers in flight. It blocks until ctx
// ends in every case, so it can run in an errgroup: with the gateway off it
// just waits, and when Discord refuses the token, shard or intents it logs
// that, stays not-ready and waits. It returns nil when ctx ends.
func (b *Bot) Run(ctx context.Context) error {
	if b.session == nil {
		<-ctx.Done()
		return nil
	}
	if !b.running.CompareAndSwap(false, true) {
		return errors.New("discord: Run called twice")
	}
	if !b.connect(ctx) {
		return nil
	}
	select {
	case <-b.readyCh:
		if b.cfg.RegisterCommands {
			b.registerCommands(ctx)
		}
	case <-ctx.Done():
	}
	<-ctx.Done()
	if err := b.session.Close(); err != nil {
		b.log.Warn("discord: closing the gateway", errAttr(err))
	}
	b.ready.Store(false)
	b.drain(15 * time.Second)
	b.log.Info("discord: gateway closed", "shard", b.cfg.ShardID)
	return nil
}

// connect opens the gateway, retrying with backoff. It reports false when
// ctx ended first or Discord refused the configuration for good.
func (b *Bot) connect(ctx context.Context) bool {
	wait := time.Second
	for {
		// Open has no deadline of its own (a gateway that accepts the
		// connection and then says nothing holds it), so ctx is watched
		// beside it.
		opened := make(chan error, 1)
		go func() { opened <- b.session.Open() }()
		var err error
		select {
		case err = <-opened:
		case <-ctx.Done():
			go func() {
				if <-opened == nil {
					_ = b.session.Close()
				}
			}()
			return false
		}
		if err == nil {
			b.log.Info("discord: gateway connected", "shard", b.cfg.ShardID, "shards", b.cfg.ShardCount)
			return true
		}
		b.metrics.PlatformError(platform, "connect")
		if code, fatal := fatalClose(err); fatal {
			b.log.Error("discord: Discord refused the gateway connection; check the token, shard settings and intents in the Developer Portal",
				"close_code", code, "shard", b.cfg.ShardID)
			b.tracef("gateway refused %d", code)
			<-ctx.Done()
			return false
		}
		b.log.Warn("discord: gateway connect failed, retrying", errAttr(err), "retry_in", wait.String())
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			return false
		case <-t.C:
		}
		wait = min(wait*2, 2*time.Minute)
	}
}

func (b *Bot) onReady(_ *discordgo.Session, r *discordgo.Ready) {
	b.mu.Lock()
	if r.User != nil {
		b.botID = r.User.ID
	}
	if b.appID == "" && r.Application != nil {
		b.appID = r.Application.ID
	}
	b.mu.Unlock()
	b.ready.Store(true)
	b.readyOnce.Do(func() { close(b.readyCh) })
	b.log.Info("discord: gateway ready", "shard", b.cfg.ShardID, "guilds", len(r.Guilds))
}

func (b *Bot) onResumed(_ *discordgo.Session, _ *discordgo.Resumed) { b.ready.Store(true) }

func (b *Bot) onDisconnect(_ *discordgo.Session, _ *discordgo.Disconnect) { b.ready.Store(false) }

func (b *Bot) ids() (botID, appID string) {
	b.mu.RLock()
	defer b.mu.RUnlock()
	return b.botID, b.appID
}

// enter takes a handler slot; leave gives it back.
func (b *Bot) enter() { b.slots <- struct{}{} }
func (b *Bot) leave() { <-b.slots }

// drain waits until no gateway handler runs, or d has passed.
func (b *Bot) drain(d time.Duration) {
	t := time.NewTimer(d)
	defer t.Stop()
	for range cap(b.slots) {
		select {
		case b.slots <- struct{}{}:
		case <-t.C:
			b.log.Warn("discord: handlers still running at shutdown")
			return
		}
	}
	for range cap(b.slots) {
		<-b.slots
	}
}

func (b *Bot) tracef(format string, args ...any) {
	if b.trace != nil {
		b.trace(fmt.Sprintf(format, args...))
	}
}

// rest returns a request option bounding one REST call.
func (b *Bot) rest(ctx context.Context) (discordgo.RequestOption, context.CancelFunc) {
	ctx, cancel := context.WithTimeout(ctx, b.restTimeout)
	return discordgo.WithContext(ctx), cancel
}

// rewriteTransport sends requests meant for discord.com to APIBase, so tests
// (or a proxy) can stand in for Discord without touching discordgo's
// package-level endpoint variables. Everything else passes through.
type rewriteTransport struct {
	base *url.URL
	next http.RoundTripper
}

func (t rewriteTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	if r.URL.Host == "discord.com" {
		r = r.Clone(r.Context())
		r.URL.Scheme = t.base.Scheme
		r.URL.Host = t.base.Host
		if prefix := strings.TrimSuffix(t.base.Path, "/"); prefix != "" {
			r.URL.Path = prefix + r.URL.Path
			if r.URL.RawPath != "" {
				r.URL.RawPath = prefix + r.URL.RawPath
			}
		}
		r.Host = ""
	}
	return t.next.RoundTrip(r)
}

// claim reports whether keys are new in the dedup store, recording them
// for ttl. When the store cannot answer, the interaction is handled: a
// lost duplicate check is better than a lost question.
func (b *Bot) claim(ttl time.Duration, what string, keys ...string) bool {
	pk := make([]string, 0, len(keys))
	for _, k := range keys {
		if k != "" {
			pk = append(pk, platform+":"+k) // the store may be shared
		}
	}
	ok, err := b.dedup.Claim(context.Background(), ttl, pk...)
	if err != nil {
		b.metrics.PlatformError(platform, "dedup")
		b.log.Warn("discord: dedup store failed; handling the delivery", "what", what, errAttr(err))
		return true
	}
	return ok
}
