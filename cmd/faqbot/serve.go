package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/faqbot/faqbot"
	"github.com/faqbot/faqbot/bots/discord"
	"github.com/faqbot/faqbot/bots/slack"
	"github.com/faqbot/faqbot/bots/web"
	"github.com/faqbot/faqbot/cmd/faqbot/internal/config"
	"github.com/faqbot/faqbot/internal/dedup"
	"github.com/faqbot/faqbot/internal/engine"
	"github.com/faqbot/faqbot/internal/guard"
	"github.com/faqbot/faqbot/internal/insights"
	"github.com/faqbot/faqbot/internal/metrics"
	"github.com/faqbot/faqbot/internal/ratelimit"
	"github.com/faqbot/faqbot/internal/watch"
)

// runServe is `faqbot serve`: the HTTP listener (API, health, metrics,
// Slack's and Discord's webhooks) and each platform whose secrets are set,
// in one process, until SIGINT or SIGTERM.
func runServe(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	fs := newFlags("serve", stderr)
	cfgPath := fs.String("config", getenv("FAQBOT_CONFIG"), "TOML config file (see config.example.toml; env FAQBOT_CONFIG)")
	addr := fs.String("addr", "", "listen address host:port (overrides server.addr and FAQBOT_ADDR)")
	kpath := fs.String("knowledge", "", "knowledge file (overrides knowledge.path and FAQBOT_KNOWLEDGE)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: faqbot serve [--config FILE] [--addr HOST:PORT] [--knowledge FILE]\n\n"+
			"Serves POST /v1/ask, /healthz, /readyz and /metrics, plus Slack and Discord when their\n"+
			"secrets are set in the environment (SLACK_BOT_TOKEN, SLACK_APP_TOKEN, SLACK_SIGNING_SECRET,\n"+
			"DISCORD_BOT_TOKEN, DISCORD_PUBLIC_KEY). SIGHUP reloads the knowledge file; SIGTERM or\n"+
			"SIGINT drains (/readyz says 503 for server.drain_period; a second signal cuts it short),\n"+
			"then stops.")
		fs.PrintDefaults()
	}
	if _, err := parseFlags(fs, args); err != nil {
		return err
	}
	cfg, err := config.Load(*cfgPath, getenv)
	if err != nil {
		return err
	}
	if *addr != "" {
		cfg.Server.Addr = *addr
	}
	if *kpath != "" {
		cfg.Knowledge.Path = *kpath
	}
	logger, err := newLogger(cfg.Server, stderr)
	if err != nil {
		return err
	}
	s, err := newServer(cfg, logger)
	if err != nil {
		return err
	}
	return s.run(ctx)
}

// server is every part of `serve`, wired.
type server struct {
	cfg     config.Config
	logger  *slog.Logger
	metrics *metrics.Metrics
	engine  *engine.Engine
	http    *http.Server
	parts   []part // long-running parts besides the listener
	ready   []readiness
	// notify tells the moderators' channels of a refused edit.
	notify []func(ctx context.Context, text string) error

	// reloads asks the reloader part for a reload (SIGHUP), so that a
	// reload that hangs never holds up the main loop and its signals.
	reloads chan string
	// draining is set on SIGTERM: /readyz says 503 and every response
	// closes its connection, while the drain period lets load balancers
	// notice before the listener closes.
	draining atomic.Bool
	// closers run after every part has stopped (the insights store).
	closers []func() error
}

// part is anything with Run(ctx) that returns when ctx ends.
type part struct {
	name string
	run  func(context.Context) error
}

type readiness struct {
	name  string
	ready func() bool
}

func newServer(cfg config.Config, logger *slog.Logger) (*server, error) {
	s := &server{cfg: cfg, logger: logger, metrics: metrics.New(), reloads: make(chan string, 1)}
	opts := engineOptions(cfg, logger, s.metrics)
	opts.OnRefused = s.refused
	eng, err := engine.New(opts)
	if err != nil {
		return nil, fmt.Errorf("knowledge: %w", err)
	}
	s.engine = eng
	var answerer faqbot.Answerer = guard.New(eng, guard.Options{
		MaxConcurrent: cfg.Server.MaxConcurrent, Timeout: cfg.Server.AnswerTimeout,
		Logger: logger, Metrics: s.metrics,
	})
	var votes faqbot.FeedbackRecorder
	var inbox faqbot.Inbox
	// One memory of handled deliveries for every platform: retries,
	// replays and feedback clicks count once. In this process, unless
	// replicas share a PostgreSQL: then in it, so a retry that lands on
	// another replica is still handled once.
	var seen dedup.Store = dedup.NewMemory(0, nil)
	if cfg.Insights.On() {
		st, err := openInsights(context.Background(), cfg.Insights)
		if err != nil {
			return nil, err
		}
		s.closers = append(s.closers, st.Close)
		if cfg.Insights.DSN != "" {
			claims, err := insights.NewClaims(st, nil)
			if err != nil {
				return nil, err
			}
			seen = claims
		}
		rec := newRecorder(st, cfg.Insights, eng.Terms, s.metrics.InsightsDropped, logger)
		answerer = rec.Wrap(answerer)
		votes = rec
		// publish reads no environment here: the live file is named
		inbox = storeInbox{cfg: cfg, st: st, getenv: func(string) string { return "" }, log: logger, mu: new(sync.Mutex)}
		s.parts = append(s.parts, part{"insights", rec.Run})
		logger.Info("insights on", describeInsights(cfg.Insights)...)
	} else {
		logger.Info("insights off: set insights.path or insights.dsn to keep reply counts and feedback")
	}
	limiter := ratelimit.New(cfg.RateLimit.Every, cfg.RateLimit.Burst)
	lib := librarian{eng: eng, timeout: cfg.Knowledge.ReloadTimeout}

	mux := http.NewServeMux()
	api := web.New(web.Config{MaxBodyBytes: cfg.Server.MaxBodyBytes, TrustProxy: cfg.Server.TrustProxy, RetryAfter: cfg.RateLimit.Every},
		web.Deps{Answerer: answerer, Librarian: lib, Metrics: s.metrics, Limiter: limiter, Logger: logger, Ready: s.notReady, Feedback: votes})
	api.Register(mux)

	if sc := cfg.Slack; sc.Enabled() {
		bot, err := slack.New(slack.Config{
			BotToken: sc.BotToken, AppToken: sc.AppToken, SigningSecret: sc.SigningSecret, Mode: sc.Mode,
			Command: sc.Command, AdminCommand: sc.AdminCommand, Admins: sc.Admins, APIURL: sc.APIURL,
		}, slack.Deps{Answerer: answerer, Librarian: lib, Logger: logger, Metrics: s.metrics, Limiter: limiter, Dedup: seen, Feedback: votes, Inbox: inbox})
		if err != nil {
			return nil, err
		}
		mux.Handle("/slack/", bot.Handler())
		if ch := sc.ModeratorChannel; ch != "" {
			s.notify = append(s.notify, func(ctx context.Context, text string) error { return bot.Notify(ctx, ch, text) })
		}
		s.parts = append(s.parts, part{"slack", bot.Run})
		s.ready = append(s.ready, readiness{"slack", bot.Ready})
	}
	if dc := cfg.Discord; dc.Enabled() || dc.PublicKey != "" {
		bot, err := discord.New(discord.Config{
			Token: dc.BotToken, PublicKey: dc.PublicKey, AppID: dc.AppID, GuildID: dc.GuildID,
			MessageContent: dc.MessageContent, ShardID: dc.ShardID, ShardCount: dc.ShardCount,
			AdminRoles: dc.AdminRoles, RegisterCommands: dc.RegisterCommands, APIBase: dc.APIBase,
		}, discord.Deps{Answerer: answerer, Librarian: lib, Logger: logger.With("platform", "discord"), Metrics: s.metrics, Limiter: limiter, Dedup: seen, Feedback: votes, Inbox: inbox})
		if err != nil {
			return nil, err
		}
		mux.Handle("/discord/interactions", bot.InteractionsHandler())
		if ch := dc.ModeratorChannel; ch != "" {
			s.notify = append(s.notify, func(ctx context.Context, text string) error { return bot.Notify(ctx, ch, text) })
		}
		s.parts = append(s.parts, part{"discord", bot.Run})
		s.ready = append(s.ready, readiness{"discord", bot.Ready})
	}
	if cfg.Knowledge.Watch && cfg.Knowledge.Path != "" {
		w := &watch.Watcher{Path: cfg.Knowledge.Path, Logger: logger, Reload: s.reloadEdit,
			Settle: cfg.Knowledge.Settle, Hold: cfg.Knowledge.Hold}
		s.parts = append(s.parts, part{"watcher", w.Run})
	}
	s.parts = append(s.parts, part{"reloader", s.reloader})
	s.http = &http.Server{
		Addr:              cfg.Server.Addr,
		Handler:           web.Middleware(s.closeWhileDraining(mux), logger, s.metrics),
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       15 * time.Second,
		WriteTimeout:      30 * time.Second,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(logger.Handler(), slog.LevelWarn),
	}
	return s, nil
}

func engineOptions(cfg config.Config, logger *slog.Logger, m *metrics.Metrics) engine.Options {
	res := map[faqbot.Reason][]faqbot.Resource{}
	for reason, list := range map[faqbot.Reason][]config.Resource{
		faqbot.ReasonCrisis: cfg.Resources.Crisis, faqbot.ReasonAbuse: cfg.Resources.Abuse,
		faqbot.ReasonMedical: cfg.Resources.Medical, faqbot.ReasonReferral: cfg.Resources.Referral,
	} {
		for _, r := range list {
			res[reason] = append(res[reason], faqbot.Resource(r))
		}
	}
	return engine.Options{
		Path:             cfg.Knowledge.Path,
		MaxQuestionRunes: cfg.Engine.MaxQuestionRunes,
		MinCoverage:      cfg.Engine.MinCoverage,
		MinScore:         cfg.Engine.MinScore,
		MinMargin:        cfg.Engine.MinMargin,
		Suggestions:      cfg.Engine.Suggestions,
		Texts: engine.Texts{
			Intro: cfg.Replies.Intro, NoMatch: cfg.Replies.NoMatch,
			Decline: cfg.Replies.Decline, Truncated: cfg.Replies.Truncated,
		},
		Resources: res,
		Clinic:    engine.Clinic(cfg.Clinic),
		Logger:    logger,
		OnPublish: func(st faqbot.Status) {
			if m != nil {
				m.SetVersion(st.Version)
			}
		},
		OnReload: func(result string) {
			if m != nil {
				m.Reload(result)
			}
		},
	}
}

// notReady names the configured parts that are not ready yet, and
// "shutting down" once the drain has begun.
func (s *server) notReady() []string {
	var out []string
	if s.draining.Load() {
		out = append(out, "shutting down")
	}
	for _, r := range s.ready {
		if !r.ready() {
			out = append(out, r.name)
		}
	}
	return out
}

// refused tells the moderators' channels that an edit was not published,
// with its problems, so they need not read the log. It runs beside the
// reload, bounded in time; a failure to notify is logged by the adapter.
func (s *server) refused(by string, err error) {
	if len(s.notify) == 0 {
		return
	}
	msg := err.Error()
	if len(msg) > 1500 {
		msg = msg[:1500] + "\n…"
	}
	text := fmt.Sprintf("Knowledge edit refused (asked by %s). The previous version is still answering. Problems:\n%s", by, msg)
	for _, n := range s.notify {
		go func() {
			ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
			defer cancel()
			if err := n(ctx, text); err != nil {
				s.logger.Warn("could not tell the moderators' channel", "error", err.Error())
			}
		}()
	}
}

// reloader runs the reloads SIGHUP asks for, one at a time, until ctx ends.
func (s *server) reloader(ctx context.Context) error {
	for {
		select {
		case <-ctx.Done():
			return nil
		case by := <-s.reloads:
			rctx, cancel := context.WithTimeout(ctx, s.cfg.Knowledge.ReloadTimeout)
			// errors are logged and kept for status by the engine itself
			s.engine.Reload(rctx, by) //nolint:errcheck
			cancel()
		}
	}
}

// askReload queues a reload without waiting; one already queued covers it.
func (s *server) askReload(by string) {
	select {
	case s.reloads <- by:
	default:
		s.logger.Info("reload already queued", "by", by)
	}
}

// reloadEdit is the watcher's reload: bounded in time, and "not yet" when
// the engine holds an unfinished-looking edit back.
func (s *server) reloadEdit(ctx context.Context, by string, settled bool) error {
	ctx, cancel := context.WithTimeout(ctx, s.cfg.Knowledge.ReloadTimeout)
	defer cancel()
	_, err := s.engine.ReloadEdit(ctx, by, settled)
	if errors.Is(err, engine.ErrHeld) {
		return fmt.Errorf("%w: %w", watch.ErrHold, err)
	}
	return nil // other errors are logged and kept for status by the engine
}

// librarian is the engine as moderators' commands see it: each reload
// bounded by knowledge.reload_timeout.
type librarian struct {
	eng     *engine.Engine
	timeout time.Duration
}

func (l librarian) Status() faqbot.Status { return l.eng.Status() }

func (l librarian) Reload(ctx context.Context, by string) (faqbot.Status, error) {
	ctx, cancel := context.WithTimeout(ctx, l.timeout)
	defer cancel()
	return l.eng.Reload(ctx, by)
}

// closeWhileDraining asks every client to close its connection once the
// drain has begun, so keep-alive clients move off before the listener
// closes instead of finding their idle connection closed under a request.
func (s *server) closeWhileDraining(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if s.draining.Load() {
			w.Header().Set("Connection", "close")
		}
		next.ServeHTTP(w, r)
	})
}

// run serves until ctx ends, then shuts down in order: drain (/readyz
// says 503 while requests are still served, so load balancers stop sending),
// stop taking new HTTP requests and let those in flight finish (bounded by
// the shutdown timeout), then stop the platforms, which close their
// connections.
func (s *server) run(ctx context.Context) error {
	defer s.engine.Close()
	tcp, err := net.Listen("tcp", s.cfg.Server.Addr)
	if err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	ln := limitListen(tcp, s.cfg.Server.MaxConnections, s.logger)
	on := []any{"addr", ln.Addr().String(), "knowledge", s.engine.Status().Source, "version", s.engine.Status().Version}
	for _, p := range []string{"slack", "discord"} {
		on = append(on, p, s.has(p))
	}
	s.logger.Info("faqbot serving", on...)
	if !s.cfg.Slack.Enabled() {
		s.logger.Info("slack is off: set SLACK_BOT_TOKEN (and SLACK_APP_TOKEN or SLACK_SIGNING_SECRET) to turn it on")
	}
	if !s.has("discord") {
		s.logger.Info("discord is off: set DISCORD_BOT_TOKEN and/or DISCORD_PUBLIC_KEY to turn it on")
	}

	partsCtx, stopParts := context.WithCancel(context.WithoutCancel(ctx))
	defer stopParts()
	errc := make(chan error, len(s.parts)+1)
	var wg sync.WaitGroup
	for _, p := range s.parts {
		wg.Go(func() {
			if err := p.run(partsCtx); err != nil {
				errc <- fmt.Errorf("%s: %w", p.name, err)
			}
		})
	}
	go func() {
		if err := s.http.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			errc <- fmt.Errorf("serve: %w", err)
		}
	}()
	hup := make(chan os.Signal, 1)
	signal.Notify(hup, syscall.SIGHUP)
	defer signal.Stop(hup)

	var runErr error
loop:
	for {
		select {
		case <-ctx.Done():
			break loop
		case <-hup:
			s.askReload("SIGHUP")
		case runErr = <-errc:
			s.logger.Error("a part stopped", "error", runErr)
			break loop
		}
	}
	s.drain()
	s.logger.Info("shutting down", "timeout", s.cfg.Server.ShutdownTimeout.String())
	sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), s.cfg.Server.ShutdownTimeout)
	defer cancel()
	if err := s.http.Shutdown(sctx); err != nil {
		s.logger.Warn("http shutdown", "error", err)
	}
	stopParts()
	done := make(chan struct{})
	go func() { wg.Wait(); close(done) }()
	select {
	case <-done:
	case <-sctx.Done():
		s.logger.Warn("platforms did not stop within the shutdown timeout")
	}
	for _, c := range s.closers {
		if err := c(); err != nil {
			s.logger.Warn("close", "error", err.Error())
		}
	}
	s.logger.Info("stopped")
	return runErr
}

// drain turns /readyz to 503 and waits the drain period, or until a second
// SIGINT or SIGTERM says not to wait.
func (s *server) drain() {
	s.draining.Store(true)
	d := s.cfg.Server.DrainPeriod
	if d <= 0 {
		return
	}
	s.logger.Info("draining: /readyz now says 503", "drain_period", d.String())
	again := make(chan os.Signal, 1)
	signal.Notify(again, os.Interrupt, syscall.SIGTERM)
	defer signal.Stop(again)
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
	case <-again:
		s.logger.Info("second signal: draining cut short")
	}
}

func (s *server) has(name string) bool {
	for _, r := range s.ready {
		if r.name == name {
			return true
		}
	}
	return false
}

// newLogger builds the process logger: JSON in production, text on a
// terminal ("auto"), at the configured level. It never logs message text;
// that is each package's rule, and the serve test checks it.
func newLogger(c config.Server, w io.Writer) (*slog.Logger, error) {
	var level slog.Level
	if err := level.UnmarshalText([]byte(c.LogLevel)); err != nil {
		return nil, fmt.Errorf("server.log_level: %w", err)
	}
	opts := &slog.HandlerOptions{Level: level}
	format := c.LogFormat
	if format == "auto" || format == "" {
		format = "json"
		if f, ok := w.(*os.File); ok {
			if fi, err := f.Stat(); err == nil && fi.Mode()&os.ModeCharDevice != 0 {
				format = "text"
			}
		}
	}
	if format == "text" {
		return slog.New(slog.NewTextHandler(w, opts)), nil
	}
	return slog.New(slog.NewJSONHandler(w, opts)), nil
}
