package insights

import (
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"log/slog"
	mrand "math/rand/v2"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/faqbot/faqbot"
)

// Options tune a Recorder. The zero value of each field means its default.
type Options struct {
	// KeepUnanswered keeps the redacted text of questions that got
	// no_match and of answers marked Not helpful. Off by default.
	KeepUnanswered bool
	// Retention is how long anything is kept. Default 720h (30 days).
	Retention time.Duration
	// QueueSize bounds the events waiting to be written. Default 4096.
	QueueSize int
	// Terms are the engine's analyzed terms for a text, to group
	// near-identical questions; nil groups by the lower-cased text.
	Terms func(text string) []string
	// Dropped is told of each event dropped on a full queue (a metric).
	Dropped func()
	Logger  *slog.Logger
	Now     func() time.Time
}

// Recorder takes events from the surfaces without ever waiting on the
// store: each goes on a bounded queue, and Run writes them in batches. A
// full queue drops the event and counts it.
type Recorder struct {
	store   Store
	opts    Options
	queue   chan event
	dropped atomic.Int64

	mu      sync.Mutex
	pending map[string]pendingText // reply id → question, for Not helpful
	order   []string
}

type event struct {
	reply    *faqbot.Reply
	platform string
	user     string
	vote     *faqbot.Feedback
	at       time.Time
}

// pendingText is an answered question's text, kept in memory only (never
// in the store) and only with KeepUnanswered, until feedback on it or
// pendingTTL, so that a Not helpful can keep it.
type pendingText struct {
	text, section string
	at            time.Time
}

const (
	pendingTTL = time.Hour
	pendingMax = 10_000
	batchMax   = 512
)

// New returns a recorder writing to store. Call Run to start writing.
func New(store Store, opts Options) *Recorder {
	if opts.Retention <= 0 {
		opts.Retention = 720 * time.Hour
	}
	if opts.QueueSize <= 0 {
		opts.QueueSize = 4096
	}
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	return &Recorder{store: store, opts: opts, queue: make(chan event, opts.QueueSize), pending: map[string]pendingText{}}
}

// Dropped is how many events a full queue has dropped.
func (r *Recorder) Dropped() int64 { return r.dropped.Load() }

func (r *Recorder) put(ev event) {
	select {
	case r.queue <- ev:
	default:
		r.dropped.Add(1)
		if r.opts.Dropped != nil {
			r.opts.Dropped()
		}
	}
}

// Wrap gives every reply of next an opaque id and records it.
func (r *Recorder) Wrap(next faqbot.Answerer) faqbot.Answerer {
	return faqbot.AnswerFunc(func(ctx context.Context, q faqbot.Question) (faqbot.Reply, error) {
		rep, err := next.Answer(ctx, q)
		if err != nil {
			return rep, err
		}
		rep.ID = NewID()
		cp := rep
		r.put(event{reply: &cp, platform: q.Platform, user: q.User, at: r.opts.Now()})
		return rep, nil
	})
}

// RecordFeedback implements faqbot.FeedbackRecorder: it queues the vote
// and returns at once.
func (r *Recorder) RecordFeedback(_ context.Context, f faqbot.Feedback) error {
	if f.ReplyID == "" {
		return fmt.Errorf("insights: feedback without a reply id")
	}
	r.put(event{vote: &f, at: r.opts.Now()})
	return nil
}

// ids is a ChaCha8 stream seeded from crypto/rand: unpredictable like
// crypto/rand, without a system call per reply on the answering path.
var ids = struct {
	sync.Mutex
	r *mrand.ChaCha8
}{r: newChaCha()}

func newChaCha() *mrand.ChaCha8 {
	var seed [32]byte
	rand.Read(seed[:]) //nolint:errcheck // never fails
	return mrand.NewChaCha8(seed)
}

// NewID makes an opaque reply id: 128 random bits, URL-safe.
func NewID() string {
	var b [16]byte
	ids.Lock()
	ids.r.Read(b[:]) //nolint:errcheck // never fails
	ids.Unlock()
	return base64.RawURLEncoding.EncodeToString(b[:])
}

// Run writes queued events until ctx ends, then writes what is left; it
// purges what is older than the retention at start and every hour.
func (r *Recorder) Run(ctx context.Context) error {
	// The key is read even when ctx is already done, so that events queued
	// before a quick shutdown are still written.
	kctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
	key, err := r.store.AskerKey(kctx)
	cancel()
	if err != nil {
		return err
	}
	r.purge(ctx)
	tick := time.NewTicker(time.Hour)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			wctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
			r.drain(wctx, key)
			cancel()
			return nil
		case <-tick.C:
			r.purge(ctx)
		case ev := <-r.queue:
			// a write under way finishes even when shutdown begins
			wctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
			r.write(wctx, key, ev)
			cancel()
		}
	}
}

// drain writes every event already queued.
func (r *Recorder) drain(ctx context.Context, key []byte) {
	for {
		select {
		case ev := <-r.queue:
			r.write(ctx, key, ev)
		default:
			return
		}
	}
}

func (r *Recorder) purge(ctx context.Context) {
	if err := r.store.Purge(ctx, r.opts.Now().Add(-r.opts.Retention)); err != nil {
		r.opts.Logger.Warn("insights: purge failed", "error", err.Error())
	}
}

// write makes one batch of ev and whatever else is queued, and applies it.
func (r *Recorder) write(ctx context.Context, key []byte, first event) {
	var b Batch
	counts := map[Count]int{}
	r.add(&b, counts, key, first)
	for len(b.Replies)+len(b.Feedback)+len(b.Unanswered)+len(counts) < batchMax {
		select {
		case ev := <-r.queue:
			r.add(&b, counts, key, ev)
			continue
		default:
		}
		break
	}
	for c, n := range counts {
		c.N = n
		b.Counts = append(b.Counts, c)
	}
	if err := r.store.Apply(ctx, b); err != nil {
		r.opts.Logger.Warn("insights: write failed; events lost", "error", err.Error(),
			"replies", len(b.Counts), "feedback", len(b.Feedback))
	}
}

func (r *Recorder) add(b *Batch, counts map[Count]int, key []byte, ev event) {
	switch {
	case ev.reply != nil:
		rep := ev.reply
		c := Count{Day: ev.at.UTC().Format(time.DateOnly), Surface: ev.platform, Kind: string(rep.Kind),
			Reason: string(rep.Reason), Section: rep.Section, Version: rep.Version}
		counts[c]++
		if rep.Kind == faqbot.KindAnswer && rep.Section != "" {
			b.Replies = append(b.Replies, Reply{ID: rep.ID, Section: rep.Section, Version: rep.Version, At: ev.at})
		}
		if !r.opts.KeepUnanswered || rep.Flagged {
			return
		}
		switch rep.Kind {
		case faqbot.KindNoMatch:
			if a, ok := r.ask(rep.Question, SourceNoMatch, "", asker(key, ev.platform, ev.user), ev.at); ok {
				b.Unanswered = append(b.Unanswered, a)
			}
		case faqbot.KindAnswer:
			r.hold(rep.ID, rep.Question, rep.Section, ev.at)
		}
	case ev.vote != nil:
		v := ev.vote
		who := asker(key, v.Platform, v.User)
		b.Feedback = append(b.Feedback, Vote{ReplyID: v.ReplyID, Asker: who, Helpful: v.Helpful, At: ev.at})
		if p, ok := r.take(v.ReplyID); ok && !v.Helpful {
			if a, ok := r.ask(p.text, SourceNotHelpful, p.section, who, ev.at); ok {
				b.Unanswered = append(b.Unanswered, a)
			}
		}
	}
}

// ask redacts a question and names its group by the engine's terms.
func (r *Recorder) ask(text, src, section, who string, at time.Time) (Ask, bool) {
	text = Redact(text)
	if text == "" {
		return Ask{}, false
	}
	var terms []string
	if r.opts.Terms != nil {
		terms = r.opts.Terms(text)
	}
	if len(terms) == 0 {
		terms = strings.Fields(strings.ToLower(text))
	}
	terms = append([]string(nil), terms...)
	sort.Strings(terms)
	// a Not helpful answer is its own group, apart from the same words
	// unanswered, and apart per section
	key := strings.Join(terms, " ")
	if src == SourceNotHelpful {
		key = src + "\x00" + section + "\x00" + key
	}
	sum := sha256.Sum256([]byte(key))
	return Ask{GroupID: hex.EncodeToString(sum[:])[:10], Text: text, Asker: who, Source: src, Section: section, At: at}, true
}

func (r *Recorder) hold(id, text, section string, at time.Time) {
	r.mu.Lock()
	defer r.mu.Unlock()
	for len(r.order) > 0 && (len(r.order) >= pendingMax || at.Sub(r.pending[r.order[0]].at) > pendingTTL) {
		delete(r.pending, r.order[0])
		r.order = r.order[1:]
	}
	r.pending[id] = pendingText{text: text, section: section, at: at}
	r.order = append(r.order, id)
}

func (r *Recorder) take(id string) (pendingText, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	p, ok := r.pending[id]
	delete(r.pending, id) // the order's stale entry goes when it reaches the front
	return p, ok
}

// asker is the keyed hash that stands for a person: the store never sees
// the platform's user id.
func asker(key []byte, platform, user string) string {
	if user == "" {
		user = "anonymous"
	}
	m := hmac.New(sha256.New, key)
	m.Write([]byte(platform + "\x00" + user))
	return hex.EncodeToString(m.Sum(nil))[:32]
}
