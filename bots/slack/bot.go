// Package slack is the Slack surface of faqbot: clinic staff ask with the
// /faq slash command (answered privately), by mentioning the bot in a
// channel (answered in the thread) or in a direct message. It runs over
// Socket Mode by default, or as three signed HTTP endpoints.
//
// slack-go stays behind the small poster interface; turning events into
// questions and replies into Block Kit are pure functions, tested apart.
package slack

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"log/slog"
	"net/http"
	"net/url"
	"runtime/debug"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/faqbot/faqbot"
	"github.com/faqbot/faqbot/internal/clockskew"
	"github.com/faqbot/faqbot/internal/dedup"
	"github.com/faqbot/faqbot/internal/metrics"
	"github.com/faqbot/faqbot/internal/ratelimit"
	"github.com/slack-go/slack"
)

// platform labels this surface in questions, metrics and logs.
const platform = "slack"

// Config is what an operator sets to run the bot on Slack.
type Config struct {
	BotToken, AppToken, SigningSecret string
	Mode                              string   // "socket" (default) or "http"
	Command                           string   // default "/faq"
	AdminCommand                      string   // default "/faq-admin"
	Admins                            []string // Slack user ids allowed to use the admin command
	APIURL                            string   // Slack Web API base URL; "" = slack.com (tests point it at slacktest)
}

// Deps are the bot's collaborators, shared with the other surfaces.
type Deps struct {
	Answerer  faqbot.Answerer
	Librarian faqbot.Librarian // may be nil
	Logger    *slog.Logger
	Metrics   *metrics.Metrics   // may be nil
	Limiter   *ratelimit.Limiter // may be nil
	Now       func() time.Time   // may be nil → time.Now
	// Dedup remembers handled deliveries (event retries, replayed
	// requests, feedback clicks). Nil: a fresh in-memory store, for this
	// bot alone; serve shares one across platforms.
	Dedup dedup.Store
	// Feedback records Helpful / Not helpful clicks for insights. Nil:
	// clicks are only counted in metrics.
	Feedback faqbot.FeedbackRecorder
	// Inbox serves /faq-admin report and inbox. Nil: insights are off,
	// and those subcommands say so.
	Inbox faqbot.Inbox
}

// The two ways Slack can reach the bot.
const (
	ModeSocket = "socket"
	ModeHTTP   = "http"
)

// poster is the part of the Slack Web API the bot calls; *slack.Client
// implements it.
type poster interface {
	AuthTestContext(ctx context.Context) (*slack.AuthTestResponse, error)
	PostMessageContext(ctx context.Context, channelID string, options ...slack.MsgOption) (string, string, error)
	PostEphemeralContext(ctx context.Context, channelID, userID string, options ...slack.MsgOption) (string, error)
}

// Bot answers questions on Slack. Make one with New, serve it with Run (and,
// in HTTP mode, Handler).
type Bot struct {
	cfg       Config
	admins    map[string]bool
	answerer  faqbot.Answerer
	librarian faqbot.Librarian
	log       *slog.Logger
	metrics   *metrics.Metrics
	limiter   *ratelimit.Limiter
	now       func() time.Time

	client *slack.Client // for Socket Mode
	api    poster        // the Web API; client unless a test swaps it

	botUser atomic.Value // string: the bot's own user id, from auth.test
	ready   atomic.Bool
	dedup   dedup.Store
	votes   faqbot.FeedbackRecorder
	inbox   faqbot.Inbox // nil: insights are off
	skew    *clockskew.Detector

	// Seams for tests.
	sleep      func(ctx context.Context, d time.Duration) error
	ackBudget  time.Duration // how long a slash command waits to answer in its acknowledgement
	jobTimeout time.Duration // the bound on answering and posting one message
	grace      time.Duration // how long Run waits for answers in flight when it stops

	ctx    context.Context // parent of every job; cancelled when Run has drained
	cancel context.CancelFunc
	mu     sync.Mutex // guards closed against wg.Add
	closed bool
	wg     sync.WaitGroup
}

// New checks cfg and returns a bot ready to Run. Socket mode needs the bot
// token (xoxb-) and the app-level token (xapp-); HTTP mode needs the signing
// secret, and the bot token to answer mentions and direct messages: without
// it, HTTP mode answers the slash commands and button clicks only, which
// reply through Slack's response URLs and need no token.
func New(cfg Config, deps Deps) (*Bot, error) {
	if cfg.Mode == "" {
		cfg.Mode = ModeSocket
	}
	if cfg.Command == "" {
		cfg.Command = "/faq"
	}
	if cfg.AdminCommand == "" {
		cfg.AdminCommand = "/faq-admin"
	}
	var problems []string
	switch cfg.Mode {
	case ModeSocket:
		if !strings.HasPrefix(cfg.AppToken, "xapp-") {
			problems = append(problems, "socket mode needs the app-level token (SLACK_APP_TOKEN, xapp-…)")
		}
	case ModeHTTP:
		if cfg.SigningSecret == "" {
			problems = append(problems, "http mode needs the signing secret (SLACK_SIGNING_SECRET)")
		}
	default:
		problems = append(problems, fmt.Sprintf("mode %q is neither %q nor %q", cfg.Mode, ModeSocket, ModeHTTP))
	}
	switch {
	case cfg.BotToken == "" && cfg.Mode == ModeHTTP: // commands and clicks only
	case !strings.HasPrefix(cfg.BotToken, "xoxb-"):
		problems = append(problems, "the bot token (SLACK_BOT_TOKEN) must be set and start with xoxb-")
	}
	for _, c := range []string{cfg.Command, cfg.AdminCommand} {
		if !strings.HasPrefix(c, "/") || strings.ContainsAny(c, " \t\n") {
			problems = append(problems, fmt.Sprintf("command %q must start with / and have no spaces", c))
		}
	}
	if cfg.Command == cfg.AdminCommand {
		problems = append(problems, "the question and admin commands must differ")
	}
	if cfg.APIURL != "" {
		if u, err := url.Parse(cfg.APIURL); err != nil || (u.Scheme != "http" && u.Scheme != "https") {
			problems = append(problems, fmt.Sprintf("API URL %q is not an http(s) URL", cfg.APIURL))
		}
	}
	if deps.Answerer == nil {
		problems = append(problems, "an Answerer is required")
	}
	if len(problems) > 0 {
		return nil, fmt.Errorf("slack: %s", strings.Join(problems, "; "))
	}

	b := &Bot{
		cfg:        cfg,
		admins:     map[string]bool{},
		answerer:   deps.Answerer,
		librarian:  deps.Librarian,
		log:        deps.Logger,
		metrics:    deps.Metrics,
		limiter:    deps.Limiter,
		now:        deps.Now,
		dedup:      deps.Dedup,
		votes:      deps.Feedback,
		inbox:      deps.Inbox,
		sleep:      sleepCtx,
		ackBudget:  2 * time.Second,
		jobTimeout: 30 * time.Second,
		grace:      5 * time.Second,
	}
	b.botUser.Store("")
	for _, id := range cfg.Admins {
		if id = strings.TrimSpace(id); id != "" {
			b.admins[id] = true
		}
	}
	if b.log == nil {
		b.log = slog.New(slog.DiscardHandler)
	}
	b.log = b.log.With("platform", platform)
	if b.now == nil {
		b.now = time.Now
	}
	if b.dedup == nil {
		b.dedup = dedup.NewMemory(0, b.now)
	}
	b.skew = clockskew.New(platform, b.log)
	opts := []slack.Option{
		// slack-go's own logger prints payloads at debug level; keep it silent.
		slack.OptionLog(log.New(io.Discard, "", 0)),
		slack.OptionHTTPClient(&http.Client{Timeout: 15 * time.Second}),
	}
	if cfg.AppToken != "" {
		opts = append(opts, slack.OptionAppLevelToken(cfg.AppToken))
	}
	if cfg.APIURL != "" {
		opts = append(opts, slack.OptionAPIURL(strings.TrimSuffix(cfg.APIURL, "/")+"/"))
	}
	b.client = slack.New(cfg.BotToken, opts...)
	b.api = b.client
	b.ctx, b.cancel = context.WithCancel(context.Background())
	return b, nil
}

// Run serves until ctx ends, then waits a little for answers in flight and
// returns nil. In socket mode it connects and reconnects with backoff; in
// HTTP mode it checks the token with auth.test and waits, while Handler
// serves the requests. It returns an error only when Slack refuses the
// tokens. Call it once.
func (b *Bot) Run(ctx context.Context) error {
	defer b.drain()
	if b.cfg.Mode == ModeHTTP {
		return b.runHTTP(ctx)
	}
	return b.runSocket(ctx)
}

// hasToken reports whether the bot can call the Web API (post messages).
func (b *Bot) hasToken() bool { return b.cfg.BotToken != "" }

// Ready reports whether the bot can take questions: connected (socket mode)
// or authenticated (HTTP mode).
func (b *Bot) Ready() bool { return b.ready.Load() }

func (b *Bot) runHTTP(ctx context.Context) error {
	if !b.hasToken() {
		b.ready.Store(true)
		b.log.Warn("slack: no bot token: answering slash commands and button clicks only; set SLACK_BOT_TOKEN for mentions and direct messages", "mode", ModeHTTP)
		<-ctx.Done()
		b.ready.Store(false)
		return nil
	}
	if err := b.authTest(ctx); err != nil {
		if ctx.Err() != nil {
			return nil
		}
		return err
	}
	b.ready.Store(true)
	b.log.Info("slack ready", "mode", ModeHTTP)
	<-ctx.Done()
	b.ready.Store(false)
	return nil
}

// authTest learns the bot's own user id, retrying with backoff while Slack
// is unreachable; a refused token is final.
func (b *Bot) authTest(ctx context.Context) error {
	backoff := time.Second
	for {
		resp, err := b.api.AuthTestContext(ctx)
		if err == nil {
			b.botUser.Store(resp.UserID)
			return nil
		}
		if isAuthError(err) {
			return fmt.Errorf("slack: auth.test: %w", err)
		}
		if ctx.Err() != nil {
			return ctx.Err()
		}
		b.metrics.PlatformError(platform, "connect")
		b.log.Warn("slack auth.test failed, retrying", "err", errString(err), "backoff", backoff)
		if err := b.sleep(ctx, backoff); err != nil {
			return err
		}
		backoff = min(backoff*2, time.Minute)
	}
}

// isAuthError reports a Slack answer no retry will change.
func isAuthError(err error) bool {
	if codeErr, ok := errors.AsType[slack.StatusCodeError](err); ok {
		return codeErr.Code == http.StatusUnauthorized || codeErr.Code == http.StatusForbidden || codeErr.Code == http.StatusNotFound
	}
	switch err.Error() {
	case "invalid_auth", "not_authed", "account_inactive", "token_revoked", "token_expired", "not_allowed_token_type", "invalid_token":
		return true
	}
	return false
}

func (b *Bot) botUserID() string { return b.botUser.Load().(string) }

// spawn runs fn in a goroutine bounded by the job timeout, counted for
// shutdown. A panic is logged (without text), counted, and handed to onPanic
// (which may be nil) to apologise. It reports false once the bot has stopped.
func (b *Bot) spawn(event string, fn, onPanic func(ctx context.Context)) bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.closed {
		return false
	}
	b.wg.Add(1)
	go func() {
		defer b.wg.Done()
		ctx, cancel := context.WithTimeout(b.ctx, b.jobTimeout)
		defer cancel()
		defer b.recoverPanic(ctx, event, onPanic)
		fn(ctx)
	}()
	return true
}

// recoverPanic is deferred by every goroutine and handler that does work.
func (b *Bot) recoverPanic(ctx context.Context, event string, onPanic func(ctx context.Context)) {
	r := recover()
	if r == nil {
		return
	}
	b.metrics.Panic(platform)
	// The panic value may quote a message: log its type and where it happened.
	b.log.Error("panic recovered", "event", event, "panic_type", fmt.Sprintf("%T", r), "stack", string(debug.Stack()))
	if onPanic == nil {
		return
	}
	defer func() {
		if recover() != nil {
			b.metrics.Panic(platform)
			b.log.Error("panic while apologising", "event", event)
		}
	}()
	onPanic(ctx)
}

// drain stops new work, waits up to the grace period for answers in flight,
// then cancels the rest.
func (b *Bot) drain() {
	b.mu.Lock()
	b.closed = true
	b.mu.Unlock()
	done := make(chan struct{})
	go func() { b.wg.Wait(); close(done) }()
	t := time.NewTimer(b.grace)
	defer t.Stop()
	select {
	case <-done:
	case <-t.C:
	}
	b.cancel()
	<-done
}

// sleepCtx waits d, or less if ctx ends first.
func sleepCtx(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// errString describes err for a log line. A *url.Error names its URL, and a
// response_url is a credential, so only the operation and cause are kept.
func errString(err error) string {
	if ue, ok := errors.AsType[*url.Error](err); ok {
		return ue.Op + ": " + errString(ue.Err)
	}
	return err.Error()
}
