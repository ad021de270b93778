// Package guard wraps the answer engine in the protections every surface
// needs, so that the CLI, the HTTP API, Slack and Discord cannot differ in
// them: a bound on concurrent answers, a per-answer deadline, panic recovery,
// metrics and one debug line per reply. It logs and counts only platform,
// kind, reason, duration and knowledge version: never the question, the
// reply or who asked.
package guard

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"runtime/debug"
	"time"

	"github.com/faqbot/faqbot"
	"github.com/faqbot/faqbot/internal/metrics"
)

// ErrPanic is returned (wrapped) when the engine panicked while answering.
// The panic is logged and counted; the caller shows faqbot.Apology.
var ErrPanic = errors.New("engine panicked")

// Options configures New. The zero value guards nothing but still recovers
// panics, which is what tests usually want.
type Options struct {
	// MaxConcurrent bounds answers in progress at once, so that a burst of
	// questions queues instead of exhausting CPU and memory. Zero or less
	// means no bound.
	MaxConcurrent int
	// Logger receives one debug line per reply and an error line per panic.
	// Nil discards.
	Logger *slog.Logger
	// Metrics counts replies, errors, panics and answers in flight. Nil is
	// allowed.
	Metrics *metrics.Metrics
	// Timeout bounds one answer. The engine's context carries the deadline;
	// an engine that ignores it still returns to its caller in time (see
	// guard.Answer). Zero or less means no timeout.
	Timeout time.Duration
}

type guard struct {
	next    faqbot.Answerer
	sem     chan struct{} // nil when unbounded
	log     *slog.Logger
	m       *metrics.Metrics
	timeout time.Duration
}

// New returns next wrapped in the protections o describes.
func New(next faqbot.Answerer, o Options) faqbot.Answerer {
	g := &guard{next: next, log: o.Logger, m: o.Metrics, timeout: o.Timeout}
	if g.log == nil {
		g.log = slog.New(slog.DiscardHandler)
	}
	if o.MaxConcurrent > 0 {
		g.sem = make(chan struct{}, o.MaxConcurrent)
	}
	return g
}

// result is what the engine goroutine hands back.
type result struct {
	reply faqbot.Reply
	err   error
}

// Answer waits for a free slot (or the end of ctx), then runs the engine in
// its own goroutine under the deadline. If the deadline passes first the
// caller gets an error at once, but the slot stays taken until the engine
// really returns: the bound is on work being done, not on callers waiting,
// so an engine that ignores its context cannot pile up unbounded work.
func (g *guard) Answer(ctx context.Context, q faqbot.Question) (faqbot.Reply, error) {
	if g.sem != nil {
		select {
		case g.sem <- struct{}{}:
		case <-ctx.Done():
			return faqbot.Reply{}, ctx.Err()
		}
	}
	actx, cancel := ctx, context.CancelFunc(func() {})
	if g.timeout > 0 {
		actx, cancel = context.WithTimeout(ctx, g.timeout)
	}
	platform := q.Platform
	done := make(chan result, 1)
	start := time.Now()
	g.m.InFlight(1)
	go func() {
		// call recovers the engine's panics, so this always runs; the
		// slot and the gauge are released before the result is handed
		// over, so a caller that has its reply sees neither still held
		res := g.call(actx, q)
		g.m.InFlight(-1)
		if g.sem != nil {
			<-g.sem
		}
		done <- res // buffered: never blocks
		// only now: cancelling first would let the caller see its context
		// done before the answer is in the channel, and lose the answer
		cancel()
	}()

	var res result
	select {
	case res = <-done:
	case <-actx.Done():
		select {
		case res = <-done: // finished at the deadline: keep the answer
		default:
			res.err = actx.Err()
			if ctx.Err() == nil { // our deadline, not the caller's
				res.err = fmt.Errorf("guard: answer took longer than %v: %w", g.timeout, res.err)
			}
		}
	}
	d := time.Since(start)
	if res.err != nil {
		// A caller that went away (a closed HTTP connection) is not an
		// engine failure, so it is not counted as one.
		if ctx.Err() == nil {
			g.m.PlatformError(platform, "answer")
		}
		g.log.Debug("answer failed", "platform", platform, "duration", d, "err", res.err)
		return faqbot.Reply{}, res.err
	}
	g.m.Reply(platform, res.reply.Kind, res.reply.Reason, d)
	g.log.Debug("reply", "platform", platform, "kind", res.reply.Kind, "reason", res.reply.Reason,
		"duration", d, "version", res.reply.Version)
	return res.reply, nil
}

// call runs the engine, turning a panic into ErrPanic. The log line carries
// the stack and a panic description that cannot contain the question.
func (g *guard) call(ctx context.Context, q faqbot.Question) (res result) {
	defer func() {
		if r := recover(); r != nil {
			platform := q.Platform
			g.m.Panic(platform)
			g.log.Error("engine panic recovered", "platform", platform,
				"panic", PanicDetail(r), "stack", string(debug.Stack()))
			res = result{err: fmt.Errorf("guard: %w", ErrPanic)}
		}
	}()
	reply, err := g.next.Answer(ctx, q)
	return result{reply, err}
}
