package search_test

import (
	"context"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/faqbot/faqbot/internal/question"
	"github.com/faqbot/faqbot/internal/search"
	"github.com/faqbot/faqbot/knowledge"
)

const small = `@synonyms: libido, sex drive, desire
@synonyms: touch, physical contact

## Desire

Many people notice changes in desire over time.
@ask: why did my desire change

## Contact

Therapists do not engage in physical contact with clients.

## History

The field emerged in the mid-20th century.
@ask: how did it begin
`

func build(tb testing.TB, src string) *search.Index {
	tb.Helper()
	f, err := knowledge.Parse("t.md", []byte(src))
	if err != nil {
		tb.Fatal(err)
	}
	ix, err := search.Build(f)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { ix.Close() })
	return ix
}

func top(tb testing.TB, ix *search.Index, q string) (string, search.Hit) {
	tb.Helper()
	res, err := ix.Search(context.Background(), q)
	if err != nil {
		tb.Fatal(err)
	}
	if len(res.Hits) == 0 {
		return "", search.Hit{}
	}
	h := res.Hits[0]
	return ix.Passages()[h.Passage].Heading, h
}

func TestSearch(t *testing.T) {
	ix := build(t, small)
	tests := []struct {
		name, q, want string
		minCoverage   float64
	}{
		{"own words", "changes in desire", "Desire", 1},
		{"one-word synonym", "low libido", "Desire", 0.3},
		{"multi-word synonym", "my sex drive is gone", "Desire", 0.5},
		{"synonym the other way", "will they touch me", "Contact", 1},
		{"phrasing", "how did it begin", "History", 1},
		{"misspelling corrected", "therapsts contakt", "Contact", 0.5},
		{"framing words ignored", "a caller asks: can you tell me how did it begin", "History", 1},
		{"chat spelling of question words", "wen did it begin", "History", 0.5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, h := top(t, ix, tt.q)
			if got != tt.want {
				t.Fatalf("top hit %q, want %q", got, tt.want)
			}
			if h.Coverage < tt.minCoverage {
				t.Errorf("coverage %.2f, want at least %.2f", h.Coverage, tt.minCoverage)
			}
		})
	}
}

// TestCoverageOffTopic: words the file never uses weigh most, so an
// off-topic question covers little even when it shares a common word.
func TestCoverageOffTopic(t *testing.T) {
	ix := build(t, small)
	for _, q := range []string{"what time is it in Tokyo", "how much does desire therapy cost in dollars"} {
		if _, h := top(t, ix, q); h.Coverage >= 0.5 {
			t.Errorf("%q: coverage %.2f", q, h.Coverage)
		}
	}
	res, err := ix.Search(context.Background(), "the and of is")
	if err != nil || res.Terms != 0 || len(res.Hits) != 0 {
		t.Errorf("stop words only: %+v %v", res, err)
	}
}

// TestHostileQueries: query syntax means nothing, and huge or numerous
// tokens are bounded in time and memory.
func TestHostileQueries(t *testing.T) {
	ix := build(t, small)
	for _, q := range []string{
		`+desire -contact title:history "unclosed ~2 ^5 /re.*gex/ *`,
		strings.Repeat("x", 1<<20),
		strings.Repeat("desire ", 100_000),
		manyTokens(50_000),
		"\xff\xfe desire \x00",
	} {
		start := time.Now()
		if _, err := ix.Search(context.Background(), q); err != nil {
			t.Errorf("%.30q: %v", q, err)
		}
		if d := time.Since(start); d > 2*time.Second {
			t.Errorf("%.30q took %v", q, d)
		}
	}
}

func manyTokens(n int) string {
	var b strings.Builder
	for i := range n {
		b.WriteString("tok")
		for j := i; j > 0; j /= 26 {
			b.WriteByte(byte('a' + j%26))
		}
		b.WriteByte(' ')
	}
	return b.String()
}

func TestCancelled(t *testing.T) {
	ix := build(t, small)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := ix.Search(ctx, "desire"); err == nil {
		t.Error("a cancelled search succeeded")
	}
}

func TestCollisions(t *testing.T) {
	ix := build(t, "## One\n\nFirst.\n@ask: what is sex therapy\n@ask: is it private\n\n## Two\n\nSecond.\n@ask: what do you actually do in sex therapy\n@ask: is it confidential\n\n## Three\n\nThird.\n@ask: what is sex therapy?\n")
	got := ix.Collisions()
	if len(got) != 2 {
		t.Fatalf("got %+v, want two collisions", got)
	}
	if got[0].Line != 10 || got[0].OtherLine != 4 || got[0].OtherSect != "One" || got[1].Section != "Three" {
		t.Errorf("got %+v", got)
	}
}

// TestBeyond: a question about someone the file names is measured on what
// it asks of them, less the name; a word the file also writes in lower
// case ("standards") is no name, though it is capitalised in one.
func TestBeyond(t *testing.T) {
	ix := build(t, `# T

## History

Sex therapy began with the research of Masters and Johnson. Groups like the Society of Standards set standards.

## Who

Our therapists see couples.
`)
	tests := []struct {
		q    string
		want float64
	}{
		{"who were Masters and Johnson", 1},              // nothing asked beyond the names
		{"did Masters and Johnson begin sex therapy", 1}, // "begin" is in the passage
		{"where did Masters and Johnson live", 0},        // "live" is not
		{"what role did Masters and Johnson play", 1},    // a role is what they did
		{"do standards change in Chicago", 1},            // no name: "standards" is also in lower case
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			res, err := ix.SearchQuestion(context.Background(), question.Analyze(tt.q))
			if err != nil {
				t.Fatal(err)
			}
			var got float64 = -1
			for _, h := range res.Hits {
				if ix.Passages()[h.Passage].Heading == "History" {
					got = h.Beyond
				}
			}
			if got != tt.want {
				t.Errorf("Beyond = %.2f, want %.2f", got, tt.want)
			}
		})
	}
}

// TestRoleSaid: what a question asks a named body does ("what role did
// AASECT play") is said by a passage that names it, although the passage
// never uses "role"; without the name in the passage's text, it is not.
func TestRoleSaid(t *testing.T) {
	ix := build(t, `# T

## History

Organizations like AASECT were pivotal in establishing professional standards.

## Other

Our therapists see couples and individuals.
`)
	tests := []struct {
		q, heading string
		full       bool // all the question's focus is said
	}{
		{"what role did AASECT play", "History", true},
		{"what was the purpose of AASECT", "History", true},
		{"what role do couples play", "Other", false}, // no name: roles are words like any other
		{"where is AASECT based", "History", false},
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			res, err := ix.SearchQuestion(context.Background(), question.Analyze(tt.q))
			if err != nil {
				t.Fatal(err)
			}
			got := -1.0
			for _, h := range res.Hits {
				if ix.Passages()[h.Passage].Heading == tt.heading {
					got = h.Said
				}
			}
			if full := math.Abs(got-1) < 1e-9; full != tt.full {
				t.Errorf("Said = %.2f, want all said %v", got, tt.full)
			}
		})
	}
}
