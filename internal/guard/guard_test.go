package guard_test

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/faqbot/faqbot"
	"github.com/faqbot/faqbot/internal/guard"
	"github.com/faqbot/faqbot/internal/metrics"
	"github.com/faqbot/faqbot/internal/metrics/metricstest"
)

// secret is question text that must never reach a log line or a metric.
const secret = "my partner and I have a private worry"

func question() faqbot.Question {
	return faqbot.Question{Text: secret, Platform: "slack", User: "U123SECRET"}
}

// blocking is a fake engine that reports each start and then waits for a
// release (ignoring its context, as the worst engine would).
type blocking struct {
	started  chan struct{}
	release  chan struct{}
	running  atomic.Int32
	maxSeen  atomic.Int32
	finished atomic.Int32
}

func newBlocking() *blocking {
	return &blocking{started: make(chan struct{}, 100), release: make(chan struct{})}
}

func (b *blocking) Answer(ctx context.Context, q faqbot.Question) (faqbot.Reply, error) {
	n := b.running.Add(1)
	for {
		m := b.maxSeen.Load()
		if n <= m || b.maxSeen.CompareAndSwap(m, n) {
			break
		}
	}
	b.started <- struct{}{}
	<-b.release
	b.running.Add(-1)
	b.finished.Add(1)
	return faqbot.Reply{Kind: faqbot.KindAnswer}, nil
}

// waitStarted waits for n engine starts, failing the test after a while.
func waitStarted(t *testing.T, b *blocking, n int) {
	t.Helper()
	for range n {
		select {
		case <-b.started:
		case <-time.After(5 * time.Second):
			t.Fatal("engine never started")
		}
	}
}

// noStart checks that no further engine call starts for a short while.
func noStart(t *testing.T, b *blocking) {
	t.Helper()
	select {
	case <-b.started:
		t.Fatal("an engine call started past the concurrency bound")
	case <-time.After(50 * time.Millisecond):
	}
}

func TestBoundsConcurrency(t *testing.T) {
	b := newBlocking()
	m := metrics.New()
	g := guard.New(b, guard.Options{MaxConcurrent: 2, Metrics: m})

	var wg sync.WaitGroup
	for range 5 {
		wg.Go(func() {
			if _, err := g.Answer(context.Background(), question()); err != nil {
				t.Errorf("Answer: %v", err)
			}
		})
	}
	waitStarted(t, b, 2)
	noStart(t, b)
	if got := gauge(t, m, "faqbot_answers_in_flight"); got != 2 {
		t.Errorf("in flight = %v, want 2", got)
	}
	b.release <- struct{}{}
	waitStarted(t, b, 1)
	noStart(t, b)
	close(b.release)
	wg.Wait()

	if got := b.maxSeen.Load(); got != 2 {
		t.Errorf("max concurrent engine calls = %d, want 2", got)
	}
	if got := gauge(t, m, "faqbot_answers_in_flight"); got != 0 {
		t.Errorf("in flight after all = %v, want 0", got)
	}
}

func TestWaitingRespectsContext(t *testing.T) {
	b := newBlocking()
	defer close(b.release)
	g := guard.New(b, guard.Options{MaxConcurrent: 1})
	go g.Answer(context.Background(), question())
	waitStarted(t, b, 1)

	tests := []struct {
		name string
		ctx  func() (context.Context, context.CancelFunc)
		want error
	}{
		{"deadline", func() (context.Context, context.CancelFunc) {
			return context.WithTimeout(context.Background(), 20*time.Millisecond)
		}, context.DeadlineExceeded},
		{"cancel", func() (context.Context, context.CancelFunc) {
			ctx, cancel := context.WithCancel(context.Background())
			time.AfterFunc(20*time.Millisecond, cancel)
			return ctx, cancel
		}, context.Canceled},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx, cancel := tt.ctx()
			defer cancel()
			_, err := g.Answer(ctx, question())
			if err != tt.want {
				t.Errorf("err = %v, want exactly %v (ctx.Err())", err, tt.want)
			}
		})
	}
	noStart(t, b)
}

func TestTimeout(t *testing.T) {
	b := newBlocking()
	m := metrics.New()
	g := guard.New(b, guard.Options{MaxConcurrent: 1, Timeout: 30 * time.Millisecond, Metrics: m})

	start := time.Now()
	_, err := g.Answer(context.Background(), question())
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err = %v, want a deadline error", err)
	}
	waitStarted(t, b, 1)
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("Answer returned after %v: the timeout did not cut it short", d)
	}
	if got := counter(t, m, "faqbot_platform_errors_total", map[string]string{"platform": "slack", "op": "answer"}); got != 1 {
		t.Errorf("answer errors = %v, want 1", got)
	}

	// The engine is still working, so its slot is still taken.
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	if _, err := g.Answer(ctx, question()); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("second Answer err = %v, want to wait for the slot until its ctx ends", err)
	}
	close(b.release)
	if _, err := g.Answer(context.Background(), question()); err != nil {
		t.Errorf("Answer after the engine finished: %v", err)
	}
}

// TestAnswersWithinTheDeadline: an engine that answers in time always has
// its answer returned, never its own deadline's error (the deadline's
// context is cancelled only after the answer is handed over).
func TestAnswersWithinTheDeadline(t *testing.T) {
	g := guard.New(faqbot.AnswerFunc(func(ctx context.Context, q faqbot.Question) (faqbot.Reply, error) {
		time.Sleep(50 * time.Microsecond) // the caller is waiting by the time it answers
		return faqbot.Reply{Kind: faqbot.KindAnswer}, nil
	}), guard.Options{Timeout: time.Minute, MaxConcurrent: 2})
	for i := range 200 {
		if r, err := g.Answer(context.Background(), question()); err != nil || r.Kind != faqbot.KindAnswer {
			t.Fatalf("answer %d: %+v, %v", i, r, err)
		}
	}
}

func TestEngineSeesDeadline(t *testing.T) {
	g := guard.New(faqbot.AnswerFunc(func(ctx context.Context, q faqbot.Question) (faqbot.Reply, error) {
		if _, ok := ctx.Deadline(); !ok {
			return faqbot.Reply{}, errors.New("no deadline")
		}
		<-ctx.Done()
		return faqbot.Reply{}, ctx.Err()
	}), guard.Options{Timeout: 10 * time.Millisecond})
	if _, err := g.Answer(context.Background(), question()); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("err = %v, want deadline exceeded", err)
	}
}

func TestCallerCancelIsNotAnEngineError(t *testing.T) {
	m := metrics.New()
	g := guard.New(faqbot.AnswerFunc(func(ctx context.Context, q faqbot.Question) (faqbot.Reply, error) {
		<-ctx.Done()
		return faqbot.Reply{}, ctx.Err()
	}), guard.Options{Metrics: m, Timeout: time.Minute})
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(10*time.Millisecond, cancel)
	if _, err := g.Answer(ctx, question()); !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want canceled", err)
	}
	if got := counter(t, m, "faqbot_platform_errors_total", map[string]string{"platform": "slack", "op": "answer"}); got != 0 {
		t.Errorf("answer errors = %v, want 0", got)
	}
}

func TestPanicBecomesError(t *testing.T) {
	tests := []struct {
		name      string
		panicWith func(q faqbot.Question)
		wantLog   string
	}{
		{"value built from the question", func(q faqbot.Question) { panic("cannot handle " + q.Text) }, "type string"},
		{"error built from the question", func(q faqbot.Question) { panic(errors.New(q.Text)) }, "type *errors.errorString"},
		{"runtime error", func(q faqbot.Question) {
			var s []string
			_ = s[len(q.Text)]
		}, "index out of range"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var logs bytes.Buffer
			m := metrics.New()
			g := guard.New(faqbot.AnswerFunc(func(ctx context.Context, q faqbot.Question) (faqbot.Reply, error) {
				tt.panicWith(q)
				return faqbot.Reply{}, nil
			}), guard.Options{Logger: debugLogger(&logs), Metrics: m})

			_, err := g.Answer(context.Background(), question())
			if !errors.Is(err, guard.ErrPanic) {
				t.Fatalf("err = %v, want ErrPanic", err)
			}
			if got := counter(t, m, "faqbot_panics_recovered_total", map[string]string{"platform": "slack"}); got != 1 {
				t.Errorf("panics = %v, want 1", got)
			}
			if got := gauge(t, m, "faqbot_answers_in_flight"); got != 0 {
				t.Errorf("in flight = %v, want 0", got)
			}
			out := logs.String()
			if !strings.Contains(out, tt.wantLog) {
				t.Errorf("log lacks %q:\n%s", tt.wantLog, out)
			}
			assertPrivate(t, out)
		})
	}
}

func TestRecordsReplies(t *testing.T) {
	var logs bytes.Buffer
	m := metrics.New()
	replies := []faqbot.Reply{
		{Kind: faqbot.KindAnswer, Text: "the passage " + secret, Version: "v1abc"},
		{Kind: faqbot.KindHandoff, Reason: faqbot.ReasonCrisis, Text: "please call", Version: "v1abc"},
		{Kind: faqbot.KindAnswer, Version: "v1abc"},
	}
	i := 0
	g := guard.New(faqbot.AnswerFunc(func(ctx context.Context, q faqbot.Question) (faqbot.Reply, error) {
		r := replies[i]
		i++
		return r, nil
	}), guard.Options{Logger: debugLogger(&logs), Metrics: m})
	for range replies {
		if _, err := g.Answer(context.Background(), question()); err != nil {
			t.Fatal(err)
		}
	}

	tests := []struct {
		labels map[string]string
		want   float64
	}{
		{map[string]string{"platform": "slack", "kind": "answer", "reason": ""}, 2},
		{map[string]string{"platform": "slack", "kind": "handoff", "reason": "crisis"}, 1},
		{map[string]string{"platform": "slack", "kind": "no_match", "reason": ""}, 0},
	}
	for _, tt := range tests {
		if got := counter(t, m, "faqbot_replies_total", tt.labels); got != tt.want {
			t.Errorf("replies%v = %v, want %v", tt.labels, got, tt.want)
		}
	}
	if got := histogramCount(t, m, "faqbot_answer_duration_seconds", map[string]string{"platform": "slack"}); got != 3 {
		t.Errorf("latency observations = %d, want 3", got)
	}

	out := logs.String()
	for _, want := range []string{"platform=slack", "kind=handoff", "reason=crisis", "version=v1abc", "duration="} {
		if !strings.Contains(out, want) {
			t.Errorf("log lacks %q:\n%s", want, out)
		}
	}
	if n := strings.Count(out, "msg=reply"); n != 3 {
		t.Errorf("%d reply lines, want 3:\n%s", n, out)
	}
	assertPrivate(t, out)
	if strings.Contains(out, "please call") {
		t.Errorf("log carries reply text:\n%s", out)
	}
}

func TestNilLoggerAndMetrics(t *testing.T) {
	g := guard.New(faqbot.AnswerFunc(func(ctx context.Context, q faqbot.Question) (faqbot.Reply, error) {
		panic("boom")
	}), guard.Options{})
	if _, err := g.Answer(context.Background(), question()); !errors.Is(err, guard.ErrPanic) {
		t.Errorf("err = %v, want ErrPanic", err)
	}
}

func debugLogger(buf *bytes.Buffer) *slog.Logger {
	return slog.New(slog.NewTextHandler(buf, &slog.HandlerOptions{Level: slog.LevelDebug}))
}

// assertPrivate fails if out holds the question text or the user id.
func assertPrivate(t *testing.T, out string) {
	t.Helper()
	for _, private := range []string{secret, "private worry", "U123SECRET"} {
		if strings.Contains(out, private) {
			t.Errorf("log carries %q:\n%s", private, out)
		}
	}
}

func counter(t *testing.T, m *metrics.Metrics, name string, labels map[string]string) float64 {
	t.Helper()
	return metricstest.Counter(t, m, name, labels)
}

func gauge(t *testing.T, m *metrics.Metrics, name string) float64 {
	t.Helper()
	return metricstest.Get(t, m, name, nil).Gauge
}

func histogramCount(t *testing.T, m *metrics.Metrics, name string, labels map[string]string) uint64 {
	t.Helper()
	return metricstest.Get(t, m, name, labels).Observations
}
