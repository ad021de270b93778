package slack

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/faqbot/faqbot"
	"github.com/faqbot/faqbot/knowledge"
)

// TestAdminTextIsNotLogged: what a moderator types after /faq-admin is
// logged only as the action it was recognised as, or "unknown".
func TestAdminTextIsNotLogged(t *testing.T) {
	tests := []struct{ text, want string }{
		{"status", `"action":"status"`},
		{"", `"action":"status"`},
		{"RELOAD", `"action":"reload"`},
		{"reload because Bartholomew asked about zebracorns", `"action":"unknown"`},
		{"report 24h", `"action":"report"`},
		{"report since Bartholomew's zebracorns", `"action":"unknown"`},
		{"inbox", `"action":"inbox"`},
		{"inbox because Bartholomew", `"action":"unknown"`},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			e := newEnv(t, func(_ *Config, d *Deps) { d.Librarian = &fakeLibrarian{} })
			if w := e.slash("/faq-admin", "UADMIN", tt.text); w.Code != http.StatusOK {
				t.Fatalf("status %d", w.Code)
			}
			e.bot.idle()
			logs := e.logs.String()
			if !strings.Contains(logs, tt.want) {
				t.Errorf("log lacks %s:\n%s", tt.want, logs)
			}
			for _, word := range []string{"Bartholomew", "zebracorn", "because"} {
				if strings.Contains(logs, word) {
					t.Errorf("log holds the moderator's words (%q):\n%s", word, logs)
				}
			}
		})
	}
}

// TestEventsWithoutEventIDAreNotMerged: two events without an event_id are
// two questions, not one "event:" key; the same message twice is still one.
func TestEventsWithoutEventIDAreNotMerged(t *testing.T) {
	e := newEnv(t)
	e.event(t, eventCallback("", mention("U061F7AUR", "C0LAN2Q65", "1515449522.000016", "", "<@"+botID+"> what is sex therapy")), 0)
	e.event(t, eventCallback("", mention("U061F7AUR", "C0LAN2Q65", "1515449600.000020", "", "<@"+botID+"> what is sex therapy?")), 0)
	e.event(t, eventCallback("", mention("U061F7AUR", "C0LAN2Q65", "1515449600.000020", "", "<@"+botID+"> what is sex therapy?")), 1)
	e.bot.idle()
	if n := len(e.engine.asked()); n != 2 {
		t.Fatalf("%d questions answered, want 2", n)
	}
}

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

// TestBodyIsNotReadWithoutSignatureHeaders: a request without the headers
// Slack sends, or with malformed ones, is refused before a byte of its
// body is read, so unsigned clients cannot make the server hold bodies.
func TestBodyIsNotReadWithoutSignatureHeaders(t *testing.T) {
	e := newEnv(t)
	body := strings.Repeat("a", 40<<10)
	good := sign(testSecret, testNow.Unix(), body)
	tests := []struct {
		name    string
		headers map[string]string
	}{
		{"no headers", nil},
		{"no signature", map[string]string{headerTimestamp: "1772393400"}},
		{"no timestamp", map[string]string{headerSignature: good}},
		{"timestamp not a number", map[string]string{headerTimestamp: "soon", headerSignature: good}},
		{"signature without v0=", map[string]string{headerTimestamp: "1772393400", headerSignature: strings.TrimPrefix(good, "v0=")}},
		{"signature too short", map[string]string{headerTimestamp: "1772393400", headerSignature: good[:40]}},
		{"signature not hex", map[string]string{headerTimestamp: "1772393400", headerSignature: "v0=" + strings.Repeat("zz", 32)}},
	}
	for _, route := range []string{"/slack/events", "/slack/commands", "/slack/interactions"} {
		for _, tt := range tests {
			t.Run(route+" "+tt.name, func(t *testing.T) {
				cb := &countingBody{r: strings.NewReader(body)}
				r := request(route, "application/json", "", testNow)
				r.Header.Del(headerTimestamp)
				r.Header.Del(headerSignature)
				for k, v := range tt.headers {
					r.Header.Set(k, v)
				}
				r.Body, r.ContentLength = cb, int64(len(body))
				if w := e.serve(r); w.Code != http.StatusUnauthorized {
					t.Errorf("status %d, want 401", w.Code)
				}
				if n := cb.read.Load(); n != 0 {
					t.Errorf("read %d bytes of an unsigned body", n)
				}
			})
		}
	}
}

// TestBodyCaps: each endpoint reads no more than Slack sends it; a larger
// body gets 413 (with or without a Content-Length) before any work.
func TestBodyCaps(t *testing.T) {
	e := newEnv(t)
	tests := []struct {
		route string
		limit int
	}{
		{"/slack/events", maxEventBody},
		{"/slack/commands", maxCommandBody},
		{"/slack/interactions", maxInteractionBody},
	}
	for _, tt := range tests {
		for _, chunked := range []bool{false, true} {
			t.Run(fmt.Sprintf("%s chunked=%v", tt.route, chunked), func(t *testing.T) {
				body := "payload=" + strings.Repeat("a", tt.limit)
				r := request(tt.route, "application/x-www-form-urlencoded", body, testNow)
				if chunked {
					r.ContentLength = -1
				}
				if w := e.serve(r); w.Code != http.StatusRequestEntityTooLarge {
					t.Errorf("a %d-byte body: status %d, want 413", len(body), w.Code)
				}
			})
		}
	}
	if q := e.engine.asked(); len(q) != 0 {
		t.Errorf("oversized requests reached the engine: %d", len(q))
	}
}

// TestBodyCapsFitWhatSlackSends measures the largest payloads the bot can
// legitimately get, built like Slack's documented examples, against the
// caps: a question of 5,000 characters in a 3-byte script (five times what
// the engine reads) as a slash command and as a mention, and a click on
// the largest reply the bot renders.
func TestBodyCapsFitWhatSlackSends(t *testing.T) {
	question := strings.Repeat("性", 5000)
	command := slashForm("/faq", "U2147483697", question, "https://hooks.slack.com/commands/T061EG9R6/1/x")
	ev := mention("U061F7AUR", "C0LAN2Q65", "1515449522.000016", "", "<@"+botID+"> "+question)
	ev["blocks"] = []any{map[string]any{"type": "rich_text", "block_id": "b1", "elements": []any{map[string]any{
		"type": "rich_text_section", "elements": []any{map[string]any{"type": "user", "user_id": botID}, map[string]any{"type": "text", "text": " " + question}}}}}}
	event := eventCallback("Ev0LAN670R", ev)

	passage := strings.Repeat("治", knowledge.MaxPassage)
	var suggestions []string
	for i := range 10 {
		suggestions = append(suggestions, fmt.Sprintf("%s %d", strings.Repeat("話", 70), i))
	}
	m := render(faqbot.Reply{Kind: faqbot.KindAnswer, Section: strings.Repeat("話", 70), Lead: "From the section …",
		Text: passage + "\n" + passage, Sources: []faqbot.Source{{Section: "A", Passage: passage}, {Section: "B", Passage: passage}},
		Suggestions: suggestions, Version: "0123456789ab"})
	var click map[string]any
	if err := json.Unmarshal([]byte(blockActions("U0CLICKER", "C0LAN2Q65", "1515449600.000200", "", false,
		"https://hooks.slack.com/actions/T061EG9R6/1/x", actionHelpful, "helpful")), &click); err != nil {
		t.Fatal(err)
	}
	click["message"] = map[string]any{"type": "message", "user": botID, "ts": "1515449600.000200", "bot_id": "B0BOT", "text": m.Text, "blocks": m.Blocks, "team": "T061EG9R6"}
	payload, _ := json.Marshal(click)
	interaction := url.Values{"payload": {string(payload)}}.Encode()

	for _, tt := range []struct {
		name string
		size int
		cap  int
	}{
		{"slash command", len(command), maxCommandBody},
		{"app_mention event", len(event), maxEventBody},
		{"block_actions click on the largest reply", len(interaction), maxInteractionBody},
	} {
		t.Logf("%s: %d bytes (cap %d)", tt.name, tt.size, tt.cap)
		if tt.size > tt.cap {
			t.Errorf("%s of %d bytes would be refused (cap %d)", tt.name, tt.size, tt.cap)
		}
	}
}

// TestReplaysAreHandledOnce: a signed request sent again inside the time
// window, byte for byte, and a command or click with a trigger_id already
// handled (a Socket Mode redelivery, signed anew) are each acted on once.
func TestReplaysAreHandledOnce(t *testing.T) {
	t.Run("slash command replayed", func(t *testing.T) {
		e := newEnv(t)
		r := request("/slack/commands", "application/x-www-form-urlencoded", slashForm("/faq", "U1", "what is sex therapy", e.api.hookURL("c/1")), testNow)
		body, _ := io.ReadAll(r.Body)
		first := e.serve(requestWithBody(r, body))
		again := e.serve(requestWithBody(r, body))
		if !strings.Contains(first.Body.String(), "According to") || again.Code != http.StatusOK || again.Body.Len() != 0 {
			t.Errorf("first %d %q; replay %d %q, want an empty 200", first.Code, first.Body, again.Code, again.Body)
		}
		e.bot.idle()
		if n := len(e.engine.asked()); n != 1 {
			t.Errorf("answered %d times", n)
		}
	})
	t.Run("slash command with a trigger_id seen before", func(t *testing.T) {
		e := newEnv(t)
		form := slashForm("/faq", "U1", "what is sex therapy", e.api.hookURL("c/1"))
		e.serve(request("/slack/commands", "application/x-www-form-urlencoded", form, testNow))
		w := e.serve(request("/slack/commands", "application/x-www-form-urlencoded", form, testNow.Add(3*time.Second)))
		if w.Code != http.StatusOK || w.Body.Len() != 0 {
			t.Errorf("redelivery: %d %q, want an empty 200", w.Code, w.Body)
		}
		e.bot.idle()
		if n := len(e.engine.asked()); n != 1 {
			t.Errorf("answered %d times", n)
		}
	})
	t.Run("block_actions click replayed", func(t *testing.T) {
		e := newEnv(t)
		click := url.Values{"payload": {blockActions("U0CLICKER", "C0LAN2Q65", "1.000004", "1.000003", false, e.api.hookURL("a/1"), actionSection+"1", "What Sex Therapy is Not")}}.Encode()
		r := request("/slack/interactions", "application/x-www-form-urlencoded", click, testNow)
		e.serve(requestWithBody(r, []byte(click)))
		e.serve(requestWithBody(r, []byte(click)))
		e.serve(request("/slack/interactions", "application/x-www-form-urlencoded", click, testNow.Add(time.Second)))
		e.bot.idle()
		if n := len(e.engine.asked()); n != 1 {
			t.Errorf("the click was answered %d times", n)
		}
		if n := len(e.api.all()); n != 1 {
			t.Errorf("%d posts, want 1", n)
		}
	})
}

// requestWithBody copies r with a fresh body, as a replaying client sends it.
func requestWithBody(r *http.Request, body []byte) *http.Request {
	c := r.Clone(context.Background())
	c.Body = io.NopCloser(strings.NewReader(string(body)))
	c.ContentLength = int64(len(body))
	return c
}

// TestClockSkewIsLoggedOnce: with the host's clock 7 minutes ahead, every
// correctly signed request is refused for its timestamp; the skew is
// logged once, loudly, and each refusal is counted.
func TestClockSkewIsLoggedOnce(t *testing.T) {
	e := newEnv(t, func(_ *Config, d *Deps) { d.Now = func() time.Time { return testNow.Add(7 * time.Minute) } })
	for i := range 6 {
		body := eventCallback(fmt.Sprint("Ev", i), mention("U061F7AUR", "C0LAN2Q65", fmt.Sprintf("1.%06d", i), "", "<@"+botID+"> hi"))
		if w := e.serve(request("/slack/events", "application/json", body, testNow)); w.Code != http.StatusUnauthorized {
			t.Fatalf("status %d, want 401", w.Code)
		}
	}
	logs := e.logs.String()
	if n := strings.Count(logs, "CLOCK SKEW"); n != 1 {
		t.Fatalf("skew logged %d times, want once:\n%s", n, logs)
	}
	if !strings.Contains(logs, `"level":"ERROR"`) || !strings.Contains(logs, `"skew":"7m0s"`) {
		t.Errorf("the skew line is not loud or lacks the skew:\n%s", logs)
	}
	if got := counter(t, e.metrics, "faqbot_platform_errors_total", map[string]string{"platform": "slack", "op": "verify"}); got != 6 {
		t.Errorf("refusals counted %v, want 6", got)
	}
}
