package discord

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"runtime"
	"runtime/debug"
	"time"

	"github.com/faqbot/faqbot"
	"github.com/faqbot/faqbot/internal/ratelimit"
)

// answer asks the engine, counting the reply and its time.
func (b *Bot) answer(ctx context.Context, q faqbot.Question) (faqbot.Reply, error) {
	q.Platform = platform
	ctx, cancel := context.WithTimeout(ctx, b.answerTimeout)
	defer cancel()
	start := time.Now()
	r, err := b.answerer.Answer(ctx, q)
	d := time.Since(start)
	if err != nil {
		// Replies, answer errors and times are counted once, around the
		// engine (internal/guard), for every surface alike. Only the kind of failure: an engine error could quote the question.
		b.log.Warn("discord: the engine could not answer", "err", failure(err), "err_type", fmt.Sprintf("%T", err), "duration", d)
		return faqbot.Reply{}, err
	}
	b.log.Debug("discord: answered", "kind", r.Kind, "reason", r.Reason, "duration", d)
	return r, nil
}

// ask answers q and lays the reply out; an engine error becomes the fixed
// apology.
func (b *Bot) ask(ctx context.Context, q faqbot.Question, o renderOpts) []message {
	r, err := b.answer(ctx, q)
	if err != nil {
		return renderText(faqbot.Apology)
	}
	return renderReply(r, o)
}

// topics lists the sections: from the Librarian, or else from the topics a
// "help" smalltalk reply suggests.
func (b *Bot) topics(ctx context.Context, user string) []message {
	return renderTopics(b.sections(ctx, user))
}

func (b *Bot) sections(ctx context.Context, user string) []string {
	if b.librarian != nil {
		return b.librarian.Status().Sections
	}
	r, err := b.answer(ctx, faqbot.Question{Text: "help", User: user})
	if err != nil {
		return nil
	}
	return r.Suggestions
}

// limit asks the per-user rate limiter about one message from user.
func (b *Bot) limit(user string) ratelimit.Decision {
	d := b.limiter.Allow(platform + ":" + user)
	if d != ratelimit.Allow {
		b.metrics.RateLimited(platform)
	}
	return d
}

// panicked logs a recovered panic without its value (which could hold text
// a person wrote) unless it is a runtime error, and counts it.
func (b *Bot) panicked(where string, p any) {
	b.metrics.Panic(platform)
	attrs := []any{"where", where, "type", fmt.Sprintf("%T", p), "stack", string(debug.Stack())}
	if re, ok := p.(runtime.Error); ok {
		attrs = append(attrs, slog.String("error", re.Error()))
	}
	b.log.Error("discord: handler panic recovered", attrs...)
}

// failure names the kind of an engine error without its text.
func failure(err error) string {
	switch {
	case errors.Is(err, context.DeadlineExceeded):
		return "timeout"
	case errors.Is(err, context.Canceled):
		return "canceled"
	default:
		return "error"
	}
}
