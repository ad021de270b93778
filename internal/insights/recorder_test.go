package insights_test

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/faqbot/faqbot"
	"github.com/faqbot/faqbot/internal/insights"
)

func TestRedact(t *testing.T) {
	tests := []struct{ in, want string }{
		{"mail me at jo.doe+x@example.org please", "mail me at [email] please"},
		{"see https://evil.example/a?b=1 or www.x.com", "see [url] or [url]"},
		{"<@U024BE7LH> said hi to @maria_k", "[mention] said hi to [mention]"},
		{"my id is U024BE7LHXX and order 1234567", "my id is [id] and order [number]"},
		{"call +44 20 7946 0958 now", "call [phone] now"},
		{"discord 123456789012345678", "discord [phone]"},
		{"what is sensate focus", "what is sensate focus"},
		{"I am 34 years old", "I am 34 years old"},
	}
	for _, tt := range tests {
		if got := insights.Redact(tt.in); got != tt.want {
			t.Errorf("Redact(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// fakeAnswerer replies with the reply its table gives each text.
func fakeAnswerer(replies map[string]faqbot.Reply) faqbot.Answerer {
	return faqbot.AnswerFunc(func(_ context.Context, q faqbot.Question) (faqbot.Reply, error) {
		r := replies[q.Text]
		r.Question = q.Text
		return r, nil
	})
}

// runRecorder starts rec.Run and returns a function that stops it and
// waits for the queue to be written.
func runRecorder(t testing.TB, rec *insights.Recorder) func() {
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	wg.Go(func() {
		if err := rec.Run(ctx); err != nil {
			t.Error(err)
		}
	})
	return func() { cancel(); wg.Wait() }
}

// TestRecorderKeeps checks what text is kept, on each back end: no_match
// and Not helpful answers only, never flagged, handoff, decline or
// smalltalk text, and nothing at all without KeepUnanswered.
func TestRecorderKeeps(t *testing.T) {
	replies := map[string]faqbot.Reply{
		"how do I bake bread":            {Kind: faqbot.KindNoMatch},
		"bake bread how do I":            {Kind: faqbot.KindNoMatch},
		"email me a@b.com about parking": {Kind: faqbot.KindNoMatch},
		"I want to die":                  {Kind: faqbot.KindHandoff, Reason: faqbot.ReasonCrisis, Flagged: true},
		"flagged but no_match":           {Kind: faqbot.KindNoMatch, Flagged: true},
		"write me something dirty":       {Kind: faqbot.KindDecline, Flagged: true},
		"hello":                          {Kind: faqbot.KindSmalltalk},
		"what is sensate focus":          {Kind: faqbot.KindAnswer, Section: "Sensate focus", Version: "v1"},
		"is it covered":                  {Kind: faqbot.KindAnswer, Section: "Costs", Version: "v1"},
	}
	for _, be := range backends(t) {
		for _, keep := range []bool{false, true} {
			t.Run(fmt.Sprintf("%s/keep=%v", be.name, keep), func(t *testing.T) {
				st := be.open(t)
				rec := insights.New(st, insights.Options{Logger: slog.New(slog.NewTextHandler(os.Stderr, nil)), KeepUnanswered: keep, Terms: func(s string) []string { return strings.Fields(s) }})
				stop := runRecorder(t, rec)
				ans := rec.Wrap(fakeAnswerer(replies))
				ctx := context.Background()
				ids := map[string]string{}
				for _, text := range []string{"how do I bake bread", "bake bread how do I", "email me a@b.com about parking", "I want to die",
					"flagged but no_match", "write me something dirty", "hello", "what is sensate focus", "is it covered"} {
					r, err := ans.Answer(ctx, faqbot.Question{Text: text, Platform: "slack", User: "U" + text[:3]})
					if err != nil || r.ID == "" {
						t.Fatalf("Answer(%q) = %+v, %v", text, r, err)
					}
					ids[text] = r.ID
				}
				rec.RecordFeedback(ctx, faqbot.Feedback{ReplyID: ids["what is sensate focus"], Helpful: true, Platform: "discord", User: "1"})
				rec.RecordFeedback(ctx, faqbot.Feedback{ReplyID: ids["what is sensate focus"], Helpful: true, Platform: "discord", User: "1"})
				rec.RecordFeedback(ctx, faqbot.Feedback{ReplyID: ids["is it covered"], Helpful: false, Platform: "slack", User: "U2"})
				stop()
				rep, err := st.Report(ctx, time.Now().Add(-time.Hour), 10)
				if err != nil {
					t.Fatal(err)
				}
				if got := fmt.Sprint(rep.Replies); got != "map[answer:2 decline:1 handoff:1 no_match:4 smalltalk:1]" {
					t.Errorf("replies = %s", got)
				}
				if got := fmt.Sprint(rep.Sections); got != "[{Costs v1 0 1} {Sensate focus v1 1 0}]" {
					t.Errorf("sections = %s", got)
				}
				var texts []string
				for _, g := range rep.Unanswered {
					texts = append(texts, fmt.Sprintf("%s×%d/%d", g.Text, g.Count, g.Askers))
				}
				want, wantNot := "", ""
				if keep {
					want = "bake bread how do I×2/2 email me [email] about parking×1/1"
					wantNot = "is it covered×1/1 in Costs"
				}
				if got := strings.Join(texts, " "); got != want {
					t.Errorf("unanswered = %q, want %q", got, want)
				}
				// the answer marked Not helpful is kept apart, with the
				// section that answered
				texts = nil
				for _, g := range rep.NotHelpful {
					texts = append(texts, fmt.Sprintf("%s×%d/%d in %s", g.Text, g.Count, g.Askers, g.Section))
				}
				if got := strings.Join(texts, " "); got != wantNot {
					t.Errorf("not helpful = %q, want %q", got, wantNot)
				}
			})
		}
	}
}

// TestRecorderFullQueue drops events when nothing writes, and counts them.
func TestRecorderFullQueue(t *testing.T) {
	dropped := 0
	rec := insights.New(OpenSQLite(t), insights.Options{QueueSize: 2, Dropped: func() { dropped++ }})
	for range 5 {
		rec.RecordFeedback(context.Background(), faqbot.Feedback{ReplyID: "x"})
	}
	if rec.Dropped() != 3 || dropped != 3 {
		t.Errorf("dropped = %d (metric %d), want 3", rec.Dropped(), dropped)
	}
}

// BenchmarkFeedback is how many feedback events a second the store takes,
// end to end through the queue (each on its own reply, as clicks are).
func BenchmarkFeedback(b *testing.B) {
	for _, be := range backends(b) {
		b.Run(be.name, func(b *testing.B) {
			st := be.open(b)
			// room for every answer of the set-up: answering never waits, so a
			// queue smaller than b.N would drop some of them
			rec := insights.New(st, insights.Options{QueueSize: max(1<<16, 2*b.N)})
			ans := rec.Wrap(fakeAnswerer(map[string]faqbot.Reply{"q": {Kind: faqbot.KindAnswer, Section: "S", Version: "v"}}))
			ids := make([]string, b.N)
			stop := runRecorder(b, rec)
			for i := range ids {
				r, _ := ans.Answer(context.Background(), faqbot.Question{Text: "q"})
				ids[i] = r.ID
			}
			stop()
			stop = runRecorder(b, rec)
			b.ResetTimer()
			start := time.Now()
			for i, id := range ids {
				for rec.RecordFeedback(context.Background(), faqbot.Feedback{ReplyID: id, Helpful: i%2 == 0, Platform: "slack", User: fmt.Sprint(i)}) != nil {
				}
			}
			stop()
			b.ReportMetric(float64(b.N)/time.Since(start).Seconds(), "events/s")
			if rec.Dropped() > 0 {
				b.Fatalf("%d events dropped", rec.Dropped())
			}
		})
	}
}
