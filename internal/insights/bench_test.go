package insights_test

import (
	"context"
	"testing"

	"github.com/faqbot/faqbot"
	"github.com/faqbot/faqbot/internal/engine"
	"github.com/faqbot/faqbot/internal/insights"
)

// BenchmarkAnswerInsights compares the engine's Answer with insights off
// and on (SQLite, keep_unanswered, the recorder running), in the same run,
// over a mix of answered, unanswered and handoff questions. On must stay
// within 5% of off: answering only puts an event on a queue.
func BenchmarkAnswerInsights(b *testing.B) {
	eng, err := engine.New(engine.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer eng.Close()
	questions := []string{
		"what is sex therapy", "what is sensate focus", "how long does therapy take",
		"what's the best sourdough bread recipe?", "is sex therapy confidential", "I feel like hurting myself",
	}
	run := func(b *testing.B, a faqbot.Answerer) {
		ctx := context.Background()
		b.ReportAllocs()
		b.ResetTimer()
		for i := range b.N {
			if _, err := a.Answer(ctx, faqbot.Question{Text: questions[i%len(questions)], Platform: "http", User: "u"}); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.Run("off", func(b *testing.B) { run(b, eng) })
	// on: what answering itself pays (an id, a copy, a queue send), the
	// writer started after the timed loop so it does not compete for CPU.
	b.Run("on", func(b *testing.B) {
		rec := insights.New(OpenSQLite(b), insights.Options{KeepUnanswered: true, Terms: eng.Terms, QueueSize: b.N + 1})
		run(b, rec.Wrap(eng))
		b.StopTimer()
		runRecorder(b, rec)()
		if rec.Dropped() > 0 {
			b.Fatalf("%d events dropped", rec.Dropped())
		}
	})
	// on+writer: the writer runs meanwhile, on the same cores, at a rate
	// (tens of thousands of replies a second) far above real traffic.
	b.Run("on+writer", func(b *testing.B) {
		rec := insights.New(OpenSQLite(b), insights.Options{KeepUnanswered: true, Terms: eng.Terms, QueueSize: 1 << 16})
		stop := runRecorder(b, rec)
		defer stop()
		run(b, rec.Wrap(eng))
		b.StopTimer()
		if rec.Dropped() > 0 {
			b.Logf("%d events dropped on a full queue", rec.Dropped())
		}
	})
}
