package engine_test

import (
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/faqbot/faqbot"
	"github.com/faqbot/faqbot/internal/engine"
	"github.com/faqbot/faqbot/knowledge"
	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite golden files in testdata/")

func defaultEngine(tb testing.TB) *engine.Engine {
	tb.Helper()
	e, err := engine.New(engine.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { e.Close() })
	return e
}

func ask(tb testing.TB, e faqbot.Answerer, text string) faqbot.Reply {
	tb.Helper()
	r, err := e.Answer(context.Background(), faqbot.Question{Text: text, Platform: "test"})
	if err != nil {
		tb.Fatalf("Answer(%q): %v", text, err)
	}
	return r
}

const (
	secWhat    = "What is Sex Therapy?"
	secNot     = "What Sex Therapy is Not"
	secExpect  = "What To Expect in an Sex Therapy Session"
	secHistory = "Brief History of Sex Therapy"
)

// TestAnswers asks the default file the way members and staff ask, and
// checks the section and the words quoted.
func TestAnswers(t *testing.T) {
	e := defaultEngine(t)
	tests := []struct {
		q, section, quote string
	}{
		{"What is sex therapy?", secWhat, "specialized form of psychotherapy"},
		{"what kind of therapy is it", secWhat, "specialized form of psychotherapy"},
		{"hi! what is sex therapy?", secWhat, "specialized form of psychotherapy"},
		{"<@123456> wat is sex therepy", secWhat, "specialized form of psychotherapy"},
		{"Which therapy models are integrated in sex therapy?", secWhat, "cognitive-behavioral, psychodynamic, and systemic"},
		{"a caller asks whether couples can come together", secWhat, "individuals and couples"},
		{"can i go alone without my boyfriend", secWhat, "individuals and couples"},
		{"will the therapist touch me?", secNot, "do not engage in physical contact"},
		{"do i have to get naked", secNot, "do not engage in physical contact"},
		{"is it only about intercourse", secNot, "not solely focused on the act of intercourse"},
		{"Does sex therapy replace medical treatment?", secNot, "not a replacement for medical interventions"},
		{"will the therapist judge me", secNot, "not coercive, judgmental, or directive"},
		{"is what I say kept confidential", secExpect, "confidential, supportive, and non-judgmental space"},
		{"what happens in a session", secExpect, "confidential, supportive"},
		{"will I learn any skills", secExpect, "education, skill-building, and open dialogue"},
		{"How did sex therapy begin?", secHistory, "Masters and Johnson"},
		{"who sets professional standards", secHistory, "pivotal in establishing professional standards"},
		{"I've read a lot online and I'm still confused. Where does sex therapy come from historically?", secHistory, "mid-20th century"},
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			r := ask(t, e, tt.q)
			if r.Kind != faqbot.KindAnswer || r.Section != tt.section {
				t.Fatalf("got %s from %q, want an answer from %q", r.Kind, r.Section, tt.section)
			}
			if !strings.Contains(r.Text, tt.quote) {
				t.Errorf("reply does not quote %q:\n%s", tt.quote, r.Text)
			}
			for _, s := range r.Sources {
				if !strings.Contains(string(knowledge.DefaultBytes()), s.Passage) {
					t.Errorf("source is not word for word from the file: %.60q", s.Passage)
				}
			}
		})
	}
}

// TestNoMatch: off-topic and out-of-scope questions get "I don't know" with
// suggestions and the referral directory, never a weak passage.
func TestNoMatch(t *testing.T) {
	e := defaultEngine(t)
	for _, q := range []string{
		"What time is it in Tokyo?",
		"how do I fix my wifi",
		"what is the capital of France",
		"how long does a session last",
		"is it covered by insurance",
		"can you help me with my taxes",
		"title:foo AND bar~2 OR *",
		"+++---!!!",
	} {
		t.Run(q, func(t *testing.T) {
			r := ask(t, e, q)
			if r.Kind != faqbot.KindNoMatch {
				t.Fatalf("got %s from %q, want no_match", r.Kind, r.Section)
			}
			if len(r.Suggestions) < 2 || len(r.Suggestions) > 3 {
				t.Errorf("suggestions %q, want two or three", r.Suggestions)
			}
			if !strings.Contains(r.Text, "aasect.org") || len(r.Sources) != 0 {
				t.Errorf("no_match must point to the directory and quote nothing:\n%s", r.Text)
			}
		})
	}
}

func TestSectionButton(t *testing.T) {
	e := defaultEngine(t)
	r, err := e.Answer(context.Background(), faqbot.Question{Section: "brief history of sex therapy"})
	if err != nil {
		t.Fatal(err)
	}
	if r.Kind != faqbot.KindAnswer || r.Section != secHistory || !strings.Contains(r.Text, "Masters and Johnson") {
		t.Errorf("section reply: %+v", r)
	}
	r, _ = e.Answer(context.Background(), faqbot.Question{Section: "no such section"})
	if r.Kind != faqbot.KindNoMatch {
		t.Errorf("unknown section: %s", r.Kind)
	}
}

// TestHostileInput: whatever arrives gets a reply, never a panic or an
// error, and a cut question says so.
func TestHostileInput(t *testing.T) {
	e := defaultEngine(t)
	long := strings.Repeat("what is sex therapy ", 50_000) // 1 MB
	tests := []struct {
		name, q   string
		truncated bool
	}{
		{"empty", "", false},
		{"spaces", " \t\r\n ", false},
		{"invalid utf8", "what is \xff\xfe sex therapy", false},
		{"nul and controls", "what\x00 is\x07 sex therapy", false},
		{"only mentions", "<@!1234> <!channel> @everyone", false},
		{"query syntax", `+sex -therapy "unbalanced title:x^2 ~ /regex/`, false},
		{"one huge token", strings.Repeat("a", 1_000_000), true},
		{"huge message", long, true},
		{"many distinct tokens", distinctTokens(20_000), true},
		{"emoji", "🙂🙂🙂", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := ask(t, e, tt.q)
			if r.Kind == "" || r.Text == "" {
				t.Fatalf("empty reply: %+v", r)
			}
			if r.Truncated != tt.truncated {
				t.Errorf("truncated = %v, want %v", r.Truncated, tt.truncated)
			}
			if tt.truncated && !strings.Contains(r.Text, "first 1000 characters") {
				t.Errorf("a cut question must say so:\n%.200s", r.Text)
			}
			if len(r.Question) > 4*1000 {
				t.Errorf("question echoed at %d bytes", len(r.Question))
			}
		})
	}
}

func distinctTokens(n int) string {
	var b strings.Builder
	for i := range n {
		b.WriteString("w")
		b.WriteString(strings.Repeat("x", i%7))
		b.WriteString(string(rune('a' + i%26)))
		b.WriteString(string(rune('a' + (i/26)%26)))
		b.WriteByte(' ')
	}
	return b.String()
}

// TestExpectations: the embedded file's own @expect lines all pass.
func TestExpectations(t *testing.T) {
	f, err := knowledge.Default()
	if err != nil {
		t.Fatal(err)
	}
	fails, err := engine.Check(context.Background(), f, engine.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range fails {
		t.Error(e)
	}
	if len(f.Expectations) < 40 {
		t.Errorf("only %d expectations in the default file", len(f.Expectations))
	}
}

// TestCheckReportsLines: a failing expectation names its file and line.
func TestCheckReportsLines(t *testing.T) {
	f, err := knowledge.Parse("kb.md", []byte("## Cats\n\nCats purr.\n\n## Dogs\n\nDogs bark.\n@expect: why do cats purr -> Dogs\n"))
	if err != nil {
		t.Fatal(err)
	}
	fails, err := engine.Check(context.Background(), f, engine.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(fails) != 1 || !strings.HasPrefix(fails[0].Error(), "kb.md:8: expectation failed") {
		t.Errorf("got %v", fails)
	}
}

// TestReplyGolden pins the full JSON reply for one question of each kind,
// so a change in wording is a reviewed change. go test -update rewrites.
func TestReplyGolden(t *testing.T) {
	e := defaultEngine(t)
	questions := map[string]string{
		"answer":    "Is the therapist going to have physical contact with me?",
		"no_match":  "What time is it in Tokyo?",
		"smalltalk": "hello",
		"decline":   "write me something sexy",
		"crisis":    "I feel like ending it all",
		"checkin":   "honestly i feel like a waste of space",
		"attached":  "Do sex therapists work with survivors of sexual abuse?",
		"abuse":     "I was sexually abused",
		"medical":   "I have severe pain during intercourse",
		"urgent":    "my erection has lasted 5 hours",
		"referral":  "Where can I find a sex therapist?",
		"truncated": strings.Repeat("is sex therapy confidential ", 60),
	}
	for name, q := range questions {
		t.Run(name, func(t *testing.T) {
			r := ask(t, e, q)
			r.Version = "" // changes with every edit of the file
			r.Score = 0    // moves with every phrasing added; the words are what is pinned
			got, err := json.MarshalIndent(r, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			path := filepath.Join("testdata", "replies", name+".json")
			if *update {
				os.MkdirAll(filepath.Dir(path), 0o755)
				if err := os.WriteFile(path, append(got, '\n'), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (go test -update creates it)", err)
			}
			if diff := cmp.Diff(string(want), string(got)+"\n"); diff != "" {
				t.Errorf("reply changed (-want +got):\n%s", diff)
			}
		})
	}
}

func TestClosed(t *testing.T) {
	e, err := engine.New(engine.Options{})
	if err != nil {
		t.Fatal(err)
	}
	e.Close()
	if _, err := e.Answer(context.Background(), faqbot.Question{Text: "hi"}); err == nil {
		t.Error("answered after Close")
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	e2 := defaultEngine(t)
	if _, err := e2.Answer(ctx, faqbot.Question{Text: "hi"}); err == nil {
		t.Error("answered on a cancelled context")
	}
}
