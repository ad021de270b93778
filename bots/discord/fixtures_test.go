package discord

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/faqbot/faqbot"
	"github.com/faqbot/faqbot/internal/metrics"
	"github.com/faqbot/faqbot/internal/metrics/metricstest"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// IDs used by the testdata events.
const (
	testBotID   = "1100000000000000001"
	testAppID   = "1100000000000000002"
	testGuildID = "290926798626357999"
	testUserID  = "53908232506183680"
	testRoleID  = "539082325061836999"
)

const testVersion = "3f9a2c1d4b5e6f708192a3b4"

var testSections = []string{"Sensate focus", "Low desire", "Pain during sex", "Finding a sex therapist", "About the clinic"}

// Realistic replies of every kind, as the engine would give them.
var (
	replyAnswer = faqbot.Reply{
		Kind:    faqbot.KindAnswer,
		Section: "Sensate focus",
		Lead:    "From the section “Sensate focus”:",
		Text:    "From the section “Sensate focus”:\n\nSensate focus is a set of touching exercises…",
		Score:   0.82,
		Sources: []faqbot.Source{{
			Section: "Sensate focus",
			Passage: "Sensate focus is a set of touching exercises, done in stages, that helps partners notice sensation instead of performance.\nCouples usually begin without genital touch and move on only when both feel ready.",
		}},
		Version: testVersion,
	}
	replyCrisis = faqbot.Reply{
		Kind:   faqbot.KindHandoff,
		Reason: faqbot.ReasonCrisis,
		Lead:   "It sounds like you are going through something really painful. You deserve support right now from a person who can help.",
		Text:   "It sounds like you are going through something really painful…",
		Resources: []faqbot.Resource{
			{Name: "988 Suicide & Crisis Lifeline", URL: "https://988lifeline.org", Phone: "988", Text: "Call or text 988, any time, day or night."},
			{Name: "Emergency services", Phone: "911", Text: "If you are in immediate danger."},
		},
		Version: testVersion,
	}
	replyAbuse = faqbot.Reply{
		Kind:   faqbot.KindHandoff,
		Reason: faqbot.ReasonAbuse,
		Lead:   "I'm so sorry that happened. What happened is not your fault, and you don't have to face it alone.",
		Resources: []faqbot.Resource{
			{Name: "RAINN National Sexual Assault Hotline", URL: "https://www.rainn.org/resources", Phone: "800-656-4673", Text: "Free, confidential, 24/7."},
		},
	}
	replyReferral = faqbot.Reply{
		Kind:   faqbot.KindHandoff,
		Reason: faqbot.ReasonReferral,
		Lead:   "A certified sex therapist can talk this through with you.",
		Resources: []faqbot.Resource{
			{Name: "AASECT directory of certified sex therapists", URL: "https://www.aasect.org/referral-directory"},
			{Name: "Book an intake call with the clinic", URL: "javascript:alert(1)", Phone: "+1 555 0100"},
		},
	}
	replyDecline = faqbot.Reply{
		Kind: faqbot.KindDecline,
		Lead: "I can't help with sexual content. I can answer questions about the clinic and about sex therapy.",
	}
	replySmalltalk = faqbot.Reply{
		Kind:        faqbot.KindSmalltalk,
		Lead:        "Hi! " + faqbot.Disclaimer + " You can ask me about these topics:",
		Suggestions: testSections,
	}
	replyNoMatch = faqbot.Reply{
		Kind:        faqbot.KindNoMatch,
		Lead:        "I couldn't find that in the clinic's pages. Did you mean one of these?",
		Suggestions: []string{"Low desire", "Sensate focus", "Low desire"},
	}
)

// replyLong is an answer whose passage is far over 2,000 characters, with a
// link where a naive cut would land.
func replyLong() faqbot.Reply {
	var b strings.Builder
	for b.Len() < 1930 {
		b.WriteString("Partners take turns touching without any goal. ")
	}
	b.WriteString("More at https://example.org/sensate_focus/guide?step=1&lang=en then ")
	for b.Len() < 5000 {
		b.WriteString("notice warmth, pressure and texture, and say what feels good. ")
	}
	r := replyAnswer
	r.Sources = []faqbot.Source{{Section: "Sensate focus", Passage: b.String()}}
	return r
}

// fakeEngine answers from the replies above by keyword, records every
// question, and holds "slow" questions until release is closed.
type fakeEngine struct {
	questions chan faqbot.Question
	release   chan struct{}
}

func newFakeEngine() *fakeEngine {
	return &fakeEngine{questions: make(chan faqbot.Question, 100), release: make(chan struct{})}
}

func (f *fakeEngine) Answer(ctx context.Context, q faqbot.Question) (faqbot.Reply, error) {
	f.questions <- q
	text := strings.ToLower(q.Text)
	switch {
	case q.Section == "Sensate focus":
		return replyAnswer, nil
	case q.Section == "Low desire":
		r := replyAnswer
		r.Section, r.Lead = "Low desire", "From the section “Low desire”:"
		r.Sources = []faqbot.Source{{Section: "Low desire", Passage: "Desire often changes after a birth. Sleep, hormones and stress all play a part."}}
		return r, nil
	case strings.Contains(text, "slow"):
		select {
		case <-f.release:
			return replyAnswer, nil
		case <-ctx.Done():
			return faqbot.Reply{}, ctx.Err()
		}
	case strings.Contains(text, "boom"):
		return faqbot.Reply{}, errors.New("index unavailable")
	case strings.Contains(text, "panic"):
		panic("engine exploded")
	case strings.Contains(text, "sensate"):
		return replyAnswer, nil
	case strings.Contains(text, "hurt myself"):
		return replyCrisis, nil
	case text == "help" || strings.Contains(text, "hello"):
		return replySmalltalk, nil
	default:
		r := replyNoMatch
		// Engines may echo the question: the adapter must escape it.
		r.Lead = "I couldn't find anything about “" + q.Text + "” in the clinic's pages. Did you mean one of these?"
		return r, nil
	}
}

// nextQuestion waits for the engine's next question.
func (f *fakeEngine) nextQuestion(t *testing.T) faqbot.Question {
	t.Helper()
	select {
	case q := <-f.questions:
		return q
	case <-time.After(5 * time.Second):
		t.Fatal("the engine was not asked")
		return faqbot.Question{}
	}
}

type fakeLibrarian struct {
	mu       sync.Mutex
	status   faqbot.Status
	reloadBy []string
	err      error
}

func newFakeLibrarian() *fakeLibrarian {
	return &fakeLibrarian{status: faqbot.Status{
		Version:  testVersion,
		LoadedAt: time.Date(2026, 3, 1, 9, 30, 0, 0, time.UTC),
		Source:   "/etc/faqbot/knowledge.md",
		Sections: testSections,
		Passages: 42,
	}}
}

func (l *fakeLibrarian) Status() faqbot.Status {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.status
}

func (l *fakeLibrarian) Reload(_ context.Context, by string) (faqbot.Status, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.reloadBy = append(l.reloadBy, by)
	if l.err != nil {
		l.status.LastError = l.err.Error()
		return l.status, l.err
	}
	l.status.Version = "b7c8d9e0f1a2"
	return l.status, nil
}

// fakeAPI records REST calls for unit tests that do not need discordgo.
type fakeAPI struct {
	mu        sync.Mutex
	sends     []*discordgo.MessageSend
	channels  []string
	responses []*discordgo.InteractionResponse
	edits     []*discordgo.WebhookEdit
	followups []*discordgo.WebhookParams
	commands  []*discordgo.ApplicationCommand
	sendErr   error // returned by ChannelMessageSendComplex when set
}

func (f *fakeAPI) ChannelMessageSendComplex(channelID string, data *discordgo.MessageSend, _ ...discordgo.RequestOption) (*discordgo.Message, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.sends = append(f.sends, data)
	f.channels = append(f.channels, channelID)
	if f.sendErr != nil {
		return nil, f.sendErr
	}
	return &discordgo.Message{ID: "1", ChannelID: channelID}, nil
}

func (f *fakeAPI) InteractionRespond(_ *discordgo.Interaction, resp *discordgo.InteractionResponse, _ ...discordgo.RequestOption) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.responses = append(f.responses, resp)
	return nil
}

func (f *fakeAPI) InteractionResponseEdit(_ *discordgo.Interaction, edit *discordgo.WebhookEdit, _ ...discordgo.RequestOption) (*discordgo.Message, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.edits = append(f.edits, edit)
	return &discordgo.Message{ID: "2"}, nil
}

func (f *fakeAPI) FollowupMessageCreate(_ *discordgo.Interaction, _ bool, data *discordgo.WebhookParams, _ ...discordgo.RequestOption) (*discordgo.Message, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.followups = append(f.followups, data)
	return &discordgo.Message{ID: "3"}, nil
}

func (f *fakeAPI) ApplicationCommandBulkOverwrite(_, _ string, cmds []*discordgo.ApplicationCommand, _ ...discordgo.RequestOption) ([]*discordgo.ApplicationCommand, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.commands = cmds
	return cmds, nil
}

// unitBot is a bot on a fakeAPI, with its bot id known as after READY.
func unitBot(t *testing.T, cfg Config, deps Deps) (*Bot, *fakeAPI) {
	t.Helper()
	if cfg.Token == "" && cfg.PublicKey == "" {
		cfg.Token = "test-token"
	}
	if deps.Answerer == nil {
		deps.Answerer = newFakeEngine()
	}
	if deps.Logger == nil {
		deps.Logger = testLogger(t)
	}
	b, err := New(cfg, deps)
	if err != nil {
		t.Fatal(err)
	}
	fa := &fakeAPI{}
	b.api = fa
	b.botID, b.appID = testBotID, testAppID
	return b, fa
}

// testLogger writes to the test log, and fails the test if a line carries a
// phrase of a question.
func testLogger(t *testing.T) *slog.Logger {
	return slog.New(slog.NewTextHandler(&privacyWriter{t: t}, &slog.HandlerOptions{Level: slog.LevelDebug}))
}

// secretPhrases come from the testdata questions; none may reach a log.
var secretPhrases = []string{"sensate", "desire", "baby", "pain", "hurt myself", "Mason", "everyone", "A_UNIQUE_TOKEN"}

type privacyWriter struct{ t *testing.T }

func (w *privacyWriter) Write(p []byte) (int, error) {
	line := string(p)
	for _, s := range secretPhrases {
		if strings.Contains(strings.ToLower(line), strings.ToLower(s)) {
			w.t.Errorf("log line carries %q: %s", s, line)
		}
	}
	w.t.Log(strings.TrimSpace(line))
	return len(p), nil
}

func readEvent(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "events", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func loadMessage(t *testing.T, name string) *discordgo.Message {
	t.Helper()
	var m discordgo.Message
	if err := json.Unmarshal(readEvent(t, name), &m); err != nil {
		t.Fatal(err)
	}
	return &m
}

func loadInteraction(t *testing.T, name string) *discordgo.Interaction {
	t.Helper()
	var i discordgo.Interaction
	if err := json.Unmarshal(readEvent(t, name), &i); err != nil {
		t.Fatal(err)
	}
	return &i
}

// golden compares v, as indented JSON, with testdata/<path>; -update
// rewrites the file.
func golden(t *testing.T, path string, v any) {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	path = filepath.Join("testdata", path)
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(buf.Bytes(), want) {
		t.Errorf("%s differs from the golden file (go test -update rewrites it):\n--- got\n%s\n--- want\n%s", path, buf.Bytes(), want)
	}
}

// counter reads one counter from a metrics registry; labels as name=value.
func counter(t *testing.T, m *metrics.Metrics, name string, labels ...string) float64 {
	t.Helper()
	want := map[string]string{}
	for _, l := range labels {
		k, v, _ := strings.Cut(l, "=")
		want[k] = v
	}
	return metricstest.Get(t, m, name, want).Counter
}
