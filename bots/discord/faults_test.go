package discord

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/faqbot/faqbot"
	"github.com/faqbot/faqbot/internal/metrics"
	"github.com/faqbot/faqbot/knowledge"
)

// countingBody counts what a handler reads of a request body.
type countingBody struct {
	r    io.Reader
	read atomic.Int64
}

func (c *countingBody) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.read.Add(int64(n))
	return n, err
}

func (c *countingBody) Close() error { return nil }

// TestEndpointBodyIsNotReadWithoutSignatureHeaders: a request without the
// headers Discord sends, or with malformed ones, is refused before a byte
// of its body is read, and counted like any refusal.
func TestEndpointBodyIsNotReadWithoutSignatureHeaders(t *testing.T) {
	m := metrics.New()
	e := newEndpoint(t, func(d *Deps) { d.Metrics = m })
	body := strings.Repeat(" ", 40<<10)
	ts := strconv.FormatInt(testNow.Unix(), 10)
	good := sign(e.priv, ts, []byte(body))
	tests := []struct {
		name    string
		headers map[string]string
	}{
		{"no headers", nil},
		{"no signature", map[string]string{headerTimestamp: ts}},
		{"no timestamp", map[string]string{headerSignature: good}},
		{"timestamp not a number", map[string]string{headerTimestamp: "now", headerSignature: good}},
		{"signature too short", map[string]string{headerTimestamp: ts, headerSignature: good[:64]}},
		{"signature not hex", map[string]string{headerTimestamp: ts, headerSignature: strings.Repeat("zz", 64)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cb := &countingBody{r: strings.NewReader(body)}
			r := httptest.NewRequest(http.MethodPost, "/discord/interactions", nil)
			r.Body, r.ContentLength = cb, int64(len(body))
			for k, v := range tt.headers {
				r.Header.Set(k, v)
			}
			w := httptest.NewRecorder()
			e.bot.InteractionsHandler().ServeHTTP(w, r)
			if w.Code != http.StatusUnauthorized {
				t.Errorf("status %d, want 401", w.Code)
			}
			if n := cb.read.Load(); n != 0 {
				t.Errorf("read %d bytes of an unsigned body", n)
			}
		})
	}
	if got := counter(t, m, "faqbot_platform_errors_total", "platform=discord", "op=verify"); got != float64(len(tests)) {
		t.Errorf("refusals counted %v, want %d", got, len(tests))
	}
}

// TestEndpointRefusalsAreCounted: every 401 counts in
// faqbot_platform_errors_total, as Slack's do.
func TestEndpointRefusalsAreCounted(t *testing.T) {
	m := metrics.New()
	e := newEndpoint(t, func(d *Deps) { d.Metrics = m })
	body := readEvent(t, "interaction_ask.json")
	e.post(t, bytes.Replace(body, []byte("sensate"), []byte("SENSATE"), 1), func(r *http.Request) {
		r.Header.Set(headerSignature, sign(e.priv, r.Header.Get(headerTimestamp), body))
	})
	e.post(t, body, func(r *http.Request) { r.Header.Del(headerSignature) })
	e.post(t, body, func(r *http.Request) {
		ts := strconv.FormatInt(testNow.Add(-time.Hour).Unix(), 10)
		r.Header.Set(headerTimestamp, ts)
		r.Header.Set(headerSignature, sign(e.priv, ts, body))
	})
	if got := counter(t, m, "faqbot_platform_errors_total", "platform=discord", "op=verify"); got != 3 {
		t.Errorf("401s counted %v, want 3", got)
	}
}

// TestEndpointBodyCap: a body larger than Discord sends gets 413.
func TestEndpointBodyCap(t *testing.T) {
	e := newEndpoint(t)
	for _, n := range []int{maxBody + 1, 256 << 10} {
		body := append([]byte(`{"type":2,"id":"9","x":"`), bytes.Repeat([]byte("a"), n)...)
		if code, _ := e.post(t, append(body, `"}`...), nil); code != http.StatusRequestEntityTooLarge {
			t.Errorf("a %d-byte body: status %d, want 413", len(body), code)
		}
	}
}

// TestBodyCapFitsWhatDiscordSends measures the largest interaction the bot
// can legitimately get, a click on the largest message it renders (content
// at Discord's 2,000-character limit in a 3-byte script, every button at
// its longest), and an /ask at its 1,000-character limit, against maxBody.
func TestBodyCapFitsWhatDiscordSends(t *testing.T) {
	passage := strings.Repeat("治", knowledge.MaxPassage)
	var suggestions []string
	for i := range 10 {
		suggestions = append(suggestions, fmt.Sprintf("%s %d", strings.Repeat("話", 90), i))
	}
	msgs := renderReply(faqbot.Reply{Kind: faqbot.KindNoMatch, Lead: passage, Text: passage, Suggestions: suggestions}, renderOpts{})
	largest := 0
	for _, m := range msgs {
		data, _ := toInteraction([]message{m}, false)
		click := readInteractionJSON(t, "interaction_button_helpful.json")
		click["message"] = map[string]any{"id": "1300000000000000001", "channel_id": "700000000000000001", "type": 19,
			"content": data.Content, "components": data.Components, "flags": 64, "timestamp": "2026-03-01T19:30:00+00:00",
			"author": map[string]any{"id": testBotID, "username": "faqbot", "bot": true}}
		raw, _ := json.Marshal(click)
		largest = max(largest, len(raw))
	}
	ask := readInteractionJSON(t, "interaction_ask.json")
	ask["data"].(map[string]any)["options"].([]any)[0].(map[string]any)["value"] = strings.Repeat("性", 1000)
	rawAsk, _ := json.Marshal(ask)
	t.Logf("largest click: %d bytes; longest /ask: %d bytes (cap %d)", largest, len(rawAsk), maxBody)
	if largest > maxBody/2 || len(rawAsk) > maxBody/2 {
		t.Errorf("payloads of %d and %d bytes leave less than half the cap of %d spare", largest, len(rawAsk), maxBody)
	}
}

func readInteractionJSON(t *testing.T, name string) map[string]any {
	t.Helper()
	var v map[string]any
	if err := json.Unmarshal(readEvent(t, name), &v); err != nil {
		t.Fatal(err)
	}
	return v
}

// TestEndpointReplayIsAnsweredOnce: an interaction sent again inside the
// signature window is not acted on a second time: not answered, not
// counted, no reload repeated. A PING can be answered any number of times.
func TestEndpointReplayIsAnsweredOnce(t *testing.T) {
	e := newEndpoint(t)
	body := readEvent(t, "interaction_ask.json")
	if code, out := e.post(t, body, nil); code != http.StatusOK || num(out, "type") != 4 {
		t.Fatalf("first: %d %v", code, out)
	}
	e.engine.nextQuestion(t)
	if code, _ := e.post(t, body, nil); code != http.StatusConflict {
		t.Errorf("replay: status %d, want 409", code)
	}
	// the same interaction id, signed a little later, is the same interaction
	if code, _ := e.post(t, bytes.Replace(body, []byte(`"version"`), []byte(`"locale":"en-US","version"`), 1), nil); code != http.StatusConflict {
		t.Errorf("same id, other body: status %d, want 409", code)
	}
	select {
	case q := <-e.engine.questions:
		t.Errorf("a replay reached the engine: %+v", q)
	case <-time.After(50 * time.Millisecond):
	}
	for range 2 {
		if code, out := e.post(t, readEvent(t, "interaction_ping.json"), nil); code != http.StatusOK || num(out, "type") != 1 {
			t.Errorf("PING: %d %v", code, out)
		}
	}
}

// TestEndpointClockSkewIsLoggedOnce: with the host's clock 7 minutes
// ahead, every correctly signed request is refused for its timestamp; the
// skew is logged once, loudly.
func TestEndpointClockSkewIsLoggedOnce(t *testing.T) {
	var mu sync.Mutex
	var logs bytes.Buffer
	e := newEndpoint(t, func(d *Deps) {
		d.Now = func() time.Time { return testNow.Add(7 * time.Minute) }
		d.Logger = slog.New(slog.NewJSONHandler(lockedWriter{&mu, &logs}, nil))
	})
	for range 5 {
		if code, _ := e.post(t, readEvent(t, "interaction_ping.json"), nil); code != http.StatusUnauthorized {
			t.Fatalf("status %d, want 401", code)
		}
	}
	mu.Lock()
	defer mu.Unlock()
	if n := strings.Count(logs.String(), "CLOCK SKEW"); n != 1 {
		t.Fatalf("skew logged %d times, want once:\n%s", n, logs.String())
	}
	if !strings.Contains(logs.String(), `"level":"ERROR"`) || !strings.Contains(logs.String(), `"skew":"7m0s"`) {
		t.Errorf("the skew line is not loud or lacks the skew:\n%s", logs.String())
	}
}

type lockedWriter struct {
	mu *sync.Mutex
	w  io.Writer
}

func (l lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}

// TestFeedbackIsCountedOncePerPersonAndMessage: one person clicking 👍
// five times on one reply counts once (as on Slack), and is thanked each
// time; another person, or another reply, counts again.
func TestFeedbackIsCountedOncePerPersonAndMessage(t *testing.T) {
	m := metrics.New()
	b, _ := unitBot(t, Config{}, Deps{Metrics: m})
	click := func(id, user, message string) *recorder {
		i := loadInteraction(t, "interaction_button_helpful.json")
		i.ID = id
		i.User = &discordgo.User{ID: user}
		i.Message = &discordgo.Message{ID: message}
		return interact(b, i)
	}
	for n := range 5 {
		r := click(fmt.Sprint("90", n), "53908232506183680", "1300000000000000001")
		if resp := r.only(t); resp.Data == nil || resp.Data.Content != feedbackThanks {
			t.Fatalf("click %d not thanked: %+v", n, resp)
		}
	}
	if got := counter(t, m, "faqbot_feedback_total", "platform=discord", "helpful=true"); got != 1 {
		t.Fatalf("five clicks by one person counted %v, want 1", got)
	}
	click("911", "53908232506183681", "1300000000000000001")
	click("912", "53908232506183680", "1300000000000000002")
	if got := counter(t, m, "faqbot_feedback_total", "platform=discord", "helpful=true"); got != 3 {
		t.Errorf("counted %v, want 3 (another person, another reply)", got)
	}
}
