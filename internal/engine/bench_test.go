package engine_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/faqbot/faqbot"
	"github.com/faqbot/faqbot/internal/engine"
	"github.com/faqbot/faqbot/knowledge"
)

// benchQuestions are asked in turn by every benchmark, so the engine and
// the yardstick answer the same load.
var benchQuestions = []string{
	"What is sex therapy?",
	"Do sex therapists see individuals or only couples?",
	"Is the therapist going to have physical contact with me?",
	"Does sex therapy replace medical treatment?",
	"Is sex therapy judgmental or coercive?",
	"What can I expect during a sex therapy session?",
	"How did sex therapy begin?",
	"Which organization set professional standards for sex therapy?",
	"a caller asks whether couples can come together",
	"will my therapist touch me",
	"is it confidential",
	"What time is it in Tokyo?",
}

// generated builds a knowledge file of n passages (10 per section) from a
// fixed vocabulary, with two phrasings per passage, deterministically.
func generated(tb testing.TB, n int) *knowledge.File {
	tb.Helper()
	seed := strings.Fields(strings.ToLower(string(knowledge.DefaultBytes())))
	var vocab []string
	for _, w := range seed {
		w = strings.Trim(w, ".,:;?!()\"'")
		if len(w) > 2 && !strings.ContainsAny(w, "@#<>-") {
			vocab = append(vocab, w)
		}
	}
	for i := range 3000 { // rarer words, so sections differ
		vocab = append(vocab, fmt.Sprintf("term%04d", i))
	}
	r := rand.New(rand.NewPCG(1, 2))
	words := func(k int) string {
		ws := make([]string, k)
		for i := range ws {
			ws[i] = vocab[r.IntN(len(vocab))]
		}
		return strings.Join(ws, " ")
	}
	var b strings.Builder
	for p := range n {
		if p%10 == 0 {
			fmt.Fprintf(&b, "## Section %d %s\n\n", p/10, words(3))
		}
		fmt.Fprintf(&b, "%s.\n@ask: %s\n@ask: %s\n\n", words(40+r.IntN(40)), words(6), words(8))
	}
	f, err := knowledge.Parse("generated.md", []byte(b.String()))
	if err != nil {
		tb.Fatal(err)
	}
	return f
}

func newEngine(tb testing.TB, f *knowledge.File) *engine.Engine {
	tb.Helper()
	e, err := engine.NewFromFile(f, engine.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { e.Close() })
	return e
}

// plainIndex is the yardstick: the same passages in a default-mapping
// in-memory scorch index, searched with one plain MatchQuery.
func plainIndex(tb testing.TB, f *knowledge.File) bleve.Index {
	tb.Helper()
	idx, err := bleve.NewUsing("", bleve.NewIndexMapping(), scorch.Name, scorch.Name, nil)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { idx.Close() })
	b := idx.NewBatch()
	n := 0
	for _, s := range f.Sections {
		for _, p := range s.Passages {
			if err := b.Index(fmt.Sprint(n), map[string]string{"text": p.Text}); err != nil {
				tb.Fatal(err)
			}
			n++
			if b.Size() >= 1000 {
				if err := idx.Batch(b); err != nil {
					tb.Fatal(err)
				}
				b.Reset()
			}
		}
	}
	if err := idx.Batch(b); err != nil {
		tb.Fatal(err)
	}
	return idx
}

func benchFiles(b *testing.B) map[string]*knowledge.File {
	def, err := knowledge.Default()
	if err != nil {
		b.Fatal(err)
	}
	return map[string]*knowledge.File{"default": def, "10k": generated(b, 10_000)}
}

// BenchmarkAnswer is the engine's whole path per question (clean, triage,
// analysis, search, gate, reply) beside plain-match, the yardstick, on the
// same passages and questions. Compare ns/op pairwise. "engine" remembers
// the parts it was asked before (cache.go), as a running bot does with the
// questions people repeat; "engine-uncached" analyzes and searches every
// question afresh, what a question never asked before costs.
func BenchmarkAnswer(b *testing.B) {
	for _, name := range []string{"default", "10k"} {
		f := benchFiles(b)[name]
		for _, mode := range []struct {
			name string
			opts engine.Options
		}{{"engine", engine.Options{}}, {"engine-uncached", engine.Options{NoCache: true}}} {
			b.Run(name+"/"+mode.name, func(b *testing.B) {
				e, err := engine.NewFromFile(f, mode.opts)
				if err != nil {
					b.Fatal(err)
				}
				b.Cleanup(func() { e.Close() })
				ctx := context.Background()
				b.ReportAllocs()
				i := 0
				for b.Loop() {
					if _, err := e.Answer(ctx, faqbot.Question{Text: benchQuestions[i%len(benchQuestions)]}); err != nil {
						b.Fatal(err)
					}
					i++
				}
			})
		}
		b.Run(name+"/plain-match", func(b *testing.B) {
			idx := plainIndex(b, f)
			ctx := context.Background()
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				req := bleve.NewSearchRequest(bleve.NewMatchQuery(benchQuestions[i%len(benchQuestions)]))
				if _, err := idx.SearchInContext(ctx, req); err != nil {
					b.Fatal(err)
				}
				i++
			}
		})
	}
}

// BenchmarkIndex10k measures building the engine's index for a generated
// 10,000-passage file (target: under 3 s).
func BenchmarkIndex10k(b *testing.B) {
	f := generated(b, 10_000)
	for b.Loop() {
		e, err := engine.NewFromFile(f, engine.Options{})
		if err != nil {
			b.Fatal(err)
		}
		e.Close()
	}
}
