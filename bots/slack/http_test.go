package slack

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/faqbot/faqbot"
)

// Slack's published example from "Verifying requests from Slack". (The
// token in the body is xyzz0WbapA4vBCDEFasx0q6G, as every copy of the
// example has it; with any other token the signature does not match.)
const (
	docSecret    = "8f742231b10e8888abcd99yyyzzz85a5"
	docTimestamp = "1531420618"
	docBody      = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c"
	docSignature = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503"
)

func TestVerifySignature(t *testing.T) {
	docTime := time.Unix(1531420618, 0)
	header := func(ts, sig string) http.Header {
		h := http.Header{}
		if ts != "" {
			h.Set(headerTimestamp, ts)
		}
		if sig != "" {
			h.Set(headerSignature, sig)
		}
		return h
	}
	tests := []struct {
		name   string
		secret string
		header http.Header
		body   string
		now    time.Time
		want   error
	}{
		{"slack's example", docSecret, header(docTimestamp, docSignature), docBody, docTime.Add(time.Minute), nil},
		{"slack's example, clock 5 minutes behind", docSecret, header(docTimestamp, docSignature), docBody, docTime.Add(-5 * time.Minute), nil},
		{"body changed", docSecret, header(docTimestamp, docSignature), docBody + "&x=1", docTime, errBadSignature},
		{"other secret", "not-the-secret", header(docTimestamp, docSignature), docBody, docTime, errBadSignature},
		{"stale", docSecret, header(docTimestamp, docSignature), docBody, docTime.Add(5*time.Minute + time.Second), errStale},
		{"from the future", docSecret, header(docTimestamp, docSignature), docBody, docTime.Add(-6 * time.Minute), errStale},
		{"no signature", docSecret, header(docTimestamp, ""), docBody, docTime, errNoSignature},
		{"no timestamp", docSecret, header("", docSignature), docBody, docTime, errNoSignature},
		{"timestamp not a number", docSecret, header("soon", docSignature), docBody, docTime, errBadTimestamp},
		{"no v0 prefix", docSecret, header(docTimestamp, strings.TrimPrefix(docSignature, "v0=")), docBody, docTime, errBadSignature},
		{"not hex", docSecret, header(docTimestamp, "v0=zz"), docBody, docTime, errBadSignature},
		{"truncated", docSecret, header(docTimestamp, docSignature[:20]), docBody, docTime, errBadSignature},
		{"no secret configured", "", header(docTimestamp, docSignature), docBody, docTime, errNoSecret},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := verifySignature(tt.secret, tt.header, []byte(tt.body), tt.now); !errors.Is(err, tt.want) {
				t.Fatalf("verifySignature = %v, want %v", err, tt.want)
			}
		})
	}
}

func TestRefusedRequestsDoNothing(t *testing.T) {
	e := newEnv(t)
	body := eventCallback("Ev01", mention("U061F7AUR", "C0LAN2Q65", "1515449522.000016", "", "<@"+botID+"> what is sex therapy"))
	stale := testNow.Add(-6 * time.Minute)
	tests := []struct {
		name string
		req  func() *http.Request
		want int
	}{
		{"missing signature", func() *http.Request {
			r := request("/slack/events", "application/json", body, testNow)
			r.Header.Del(headerSignature)
			return r
		}, http.StatusUnauthorized},
		{"wrong signature", func() *http.Request {
			r := request("/slack/events", "application/json", body, testNow)
			r.Header.Set(headerSignature, sign("another-secret", testNow.Unix(), body))
			return r
		}, http.StatusUnauthorized},
		{"stale signature", func() *http.Request { return request("/slack/events", "application/json", body, stale) }, http.StatusUnauthorized},
		{"signature of another body", func() *http.Request {
			r := request("/slack/events", "application/json", body, testNow)
			r.Header.Set(headerSignature, sign(testSecret, testNow.Unix(), "{}"))
			return r
		}, http.StatusUnauthorized},
		{"stale slash command", func() *http.Request {
			return request("/slack/commands", "application/x-www-form-urlencoded", slashForm("/faq", "U1", "what is sex therapy", e.api.hookURL("c")), stale)
		}, http.StatusUnauthorized},
		{"unsigned interaction", func() *http.Request {
			r := request("/slack/interactions", "application/x-www-form-urlencoded", "payload={}", testNow)
			r.Header.Del(headerSignature)
			return r
		}, http.StatusUnauthorized},
		{"oversized body", func() *http.Request {
			return request("/slack/events", "application/json", `{"type":"event_callback","x":"`+strings.Repeat("a", maxEventBody)+`"}`, testNow)
		}, http.StatusRequestEntityTooLarge},
		{"oversized body without a length", func() *http.Request {
			r := request("/slack/commands", "application/x-www-form-urlencoded", strings.Repeat("a", maxCommandBody+1), testNow)
			r.ContentLength = -1
			return r
		}, http.StatusRequestEntityTooLarge},
		{"GET", func() *http.Request {
			r := request("/slack/events", "application/json", body, testNow)
			r.Method = http.MethodGet
			return r
		}, http.StatusMethodNotAllowed},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if w := e.serve(tt.req()); w.Code != tt.want {
				t.Fatalf("status %d, want %d", w.Code, tt.want)
			}
		})
	}
	e.bot.idle()
	if posts := e.api.all(); len(posts) != 0 {
		t.Errorf("refused requests posted %d messages", len(posts))
	}
	if q := e.engine.asked(); len(q) != 0 {
		t.Errorf("refused requests reached the engine: %d questions", len(q))
	}
}

func TestURLVerification(t *testing.T) {
	e := newEnv(t)
	body := `{"token":"Jhj5dZrVaK7ZwHHjRyZWjbDl","challenge":"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P","type":"url_verification"}`
	w := e.event(t, body, 0)
	if got := w.Body.String(); got != "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P" {
		t.Fatalf("challenge echoed as %q", got)
	}
}

func TestMentionIsAnsweredInThread(t *testing.T) {
	tests := []struct {
		name, threadTS, wantThread string
	}{
		{"top-level message", "", "1515449522.000016"},
		{"inside a thread", "1515449000.000001", "1515449000.000001"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := newEnv(t)
			e.event(t, eventCallback("Ev0LAN670R", mention("U061F7AUR", "C0LAN2Q65", "1515449522.000016", tt.threadTS, "<@"+botID+"> What is sex therapy?")), 0)
			p := e.api.next(t)
			if p.Method != "chat.postMessage" || p.Channel != "C0LAN2Q65" || p.ThreadTS != tt.wantThread {
				t.Fatalf("posted %s to %s thread %q, want chat.postMessage to C0LAN2Q65 thread %q", p.Method, p.Channel, p.ThreadTS, tt.wantThread)
			}
			if !p.shows("&gt; According to the American Association") && !p.shows("> According to the American Association") {
				t.Errorf("reply does not quote the passage: %q", p.texts())
			}
			if !p.shows(actionHelpful) && !strings.Contains(p.Blocks, actionHelpful) {
				t.Errorf("answer has no feedback buttons: %s", p.Blocks)
			}
			if p.Text != escape(replyAnswer.Text) {
				t.Errorf("text fallback %q, want the reply's text, escaped", p.Text)
			}
			q := e.engine.asked()
			if len(q) != 1 || q[0].Text != "What is sex therapy?" || q[0].Platform != "slack" || q[0].User != "U061F7AUR" {
				t.Errorf("engine got %+v; want the text without the mention, platform slack, the user", q)
			}
		})
	}
}

func TestDirectMessageIsAnsweredInTheDM(t *testing.T) {
	e := newEnv(t)
	e.event(t, eventCallback("Ev02", directMessage("U2147483697", "D024BE91L", "1355517523.000005", "i want to hurt myself")), 0)
	p := e.api.next(t)
	if p.Method != "chat.postMessage" || p.Channel != "D024BE91L" || p.ThreadTS != "" {
		t.Fatalf("posted %s to %s thread %q, want chat.postMessage to the DM, no thread", p.Method, p.Channel, p.ThreadTS)
	}
	for _, want := range []string{"988 Suicide &amp; Crisis Lifeline", "988", "911"} {
		if !p.shows(want) {
			t.Errorf("handoff does not show %q: %q", want, p.texts())
		}
	}
	if !strings.Contains(p.Blocks, "https://988lifeline.org") {
		t.Errorf("handoff has no link button: %s", p.Blocks)
	}
}

func TestIgnoredEvents(t *testing.T) {
	e := newEnv(t)
	ignored := []map[string]any{
		{"type": "message", "subtype": "bot_message", "bot_id": "B0OTHER", "channel": "D024BE91L", "text": "hi", "ts": "1.1", "channel_type": "im"},
		{"type": "message", "user": "U2147483697", "bot_id": "B0OTHER", "channel": "D024BE91L", "text": "hi", "ts": "1.2", "channel_type": "im"},
		{"type": "message", "user": botID, "channel": "D024BE91L", "text": "my own answer", "ts": "1.3", "channel_type": "im"},
		{"type": "message", "subtype": "message_changed", "channel": "D024BE91L", "ts": "1.4", "channel_type": "im",
			"message": map[string]any{"type": "message", "user": "U2147483697", "text": "what is sex therapy", "ts": "1.0"}},
		{"type": "message", "subtype": "message_deleted", "channel": "D024BE91L", "ts": "1.5", "deleted_ts": "1.0", "channel_type": "im"},
		{"type": "message", "subtype": "channel_join", "user": "U2147483697", "channel": "C0LAN2Q65", "text": "<@U2147483697> has joined the channel", "ts": "1.6", "channel_type": "channel"},
		{"type": "message", "user": "U2147483697", "channel": "C0LAN2Q65", "text": "what is sex therapy", "ts": "1.7", "channel_type": "channel"},
		{"type": "reaction_added", "user": "U2147483697", "reaction": "thumbsup", "item": map[string]any{"type": "message", "channel": "C0LAN2Q65", "ts": "1.7"}, "event_ts": "1.8"},
	}
	for i, ev := range ignored {
		e.event(t, eventCallback("EvIgnored"+strconv.Itoa(i), ev), 0)
	}
	e.event(t, `{"type":"app_rate_limited","token":"x","team_id":"T1","minute_rate_limited":1518467820,"api_app_id":"A1"}`, 0)
	e.bot.idle()
	if posts := e.api.all(); len(posts) != 0 {
		t.Fatalf("ignored events produced %d posts: %+v", len(posts), posts)
	}
}

func TestRetriesAndDuplicatesAnswerOnce(t *testing.T) {
	e := newEnv(t)
	ev := mention("U061F7AUR", "C0LAN2Q65", "1515449522.000016", "", "<@"+botID+"> what is sex therapy")
	e.event(t, eventCallback("Ev0LAN670R", ev), 0)
	e.api.next(t)
	// Slack retries the same event, and (subscribed twice) delivers the same
	// message under another event id: neither is answered again.
	e.event(t, eventCallback("Ev0LAN670R", ev), 1)
	e.event(t, eventCallback("Ev0LAN670R", ev), 2)
	e.event(t, eventCallback("Ev0OTHER", ev), 0)
	e.bot.idle()
	if posts := e.api.all(); len(posts) != 1 {
		t.Fatalf("%d posts, want 1", len(posts))
	}
}

func TestMentionMarkupIsNeverEchoedLive(t *testing.T) {
	e := newEnv(t)
	text := "<@" + botID + "> echo <!channel> and <@U999> and <!here|here> &lt;!everyone&gt;"
	e.event(t, eventCallback("Ev03", mention("U061F7AUR", "C0LAN2Q65", "1515449522.000016", "", text)), 0)
	p := e.api.next(t)
	if q := e.engine.asked(); len(q) != 1 || q[0].Text != "echo <!channel> and <@U999> and <!here|here> <!everyone>" {
		t.Fatalf("engine got %q", q)
	}
	assertNoLiveMarkup(t, p)

	w := e.slash("/faq", "U061F7AUR", "echo <!channel> <@U999>")
	var m struct {
		Text   string          `json:"text"`
		Blocks json.RawMessage `json:"blocks"`
	}
	if err := json.Unmarshal(w.Body.Bytes(), &m); err != nil {
		t.Fatal(err)
	}
	assertNoLiveMarkup(t, post{Text: m.Text, Blocks: string(m.Blocks)})
}

func assertNoLiveMarkup(t *testing.T, p post) {
	t.Helper()
	if !p.shows("&lt;!channel&gt;") {
		t.Errorf("the echoed question is not shown escaped: %q", p.texts())
	}
	for _, live := range []string{"<!channel>", "<!here", "<!everyone>", "<@U999>"} {
		if p.shows(live) {
			t.Errorf("reply shows live %s: %q", live, p.texts())
		}
	}
}

// The end-to-end case: a signed /faq form post gets its answer back, ephemeral.
func TestSlashCommandAnswersEphemerally(t *testing.T) {
	e := newEnv(t)
	w := e.slash("/faq", "U2CERLKJA", "what is sex therapy")
	if w.Code != http.StatusOK {
		t.Fatalf("status %d", w.Code)
	}
	if ct := w.Header().Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Errorf("content type %q", ct)
	}
	var m struct {
		ResponseType string          `json:"response_type"`
		Text         string          `json:"text"`
		Blocks       json.RawMessage `json:"blocks"`
	}
	if err := json.Unmarshal(w.Body.Bytes(), &m); err != nil {
		t.Fatalf("body %q: %v", w.Body, err)
	}
	if m.ResponseType != "ephemeral" {
		t.Errorf("response_type %q, want ephemeral", m.ResponseType)
	}
	if p := (post{Text: m.Text, Blocks: string(m.Blocks)}); !p.shows("> According to the American Association of Sexuality Educators") {
		t.Errorf("reply does not quote the passage: %q", p.texts())
	}
	e.bot.idle()
	if posts := e.api.all(); len(posts) != 0 {
		t.Errorf("an answered command also posted %d messages", len(posts))
	}

	// The same post with a bad or stale signature is refused.
	body := slashForm("/faq", "U2CERLKJA", "what is sex therapy", e.api.hookURL("c"))
	bad := request("/slack/commands", "application/x-www-form-urlencoded", body, testNow)
	bad.Header.Set(headerSignature, sign("wrong", testNow.Unix(), body))
	stale := request("/slack/commands", "application/x-www-form-urlencoded", body, testNow.Add(-10*time.Minute))
	for _, r := range []*http.Request{bad, stale} {
		if w := e.serve(r); w.Code != http.StatusUnauthorized || strings.Contains(w.Body.String(), "According") {
			t.Errorf("status %d body %q, want 401 and no answer", w.Code, w.Body)
		}
	}
}

func TestSlowSlashCommandAnswersViaResponseURL(t *testing.T) {
	e := newEnv(t)
	e.bot.ackBudget = time.Millisecond
	w := e.slash("/faq", "U2CERLKJA", "a slow question about sex therapy")
	if w.Code != http.StatusOK || w.Body.Len() != 0 {
		t.Fatalf("status %d body %q, want an empty 200 acknowledgement", w.Code, w.Body)
	}
	close(e.engine.release)
	p := e.api.next(t)
	if p.Method != "response_url" || p.Path != "/hooks/commands/1" || p.ResponseType != "ephemeral" {
		t.Fatalf("late answer went to %s %s as %q, want the response_url, ephemeral", p.Method, p.Path, p.ResponseType)
	}
	if !p.shows("> According to the American Association") {
		t.Errorf("late answer does not quote the passage: %q", p.texts())
	}
}

func TestSlashCommandWithoutQuestion(t *testing.T) {
	e := newEnv(t)
	w := e.slash("/faq", "U2CERLKJA", "   ")
	if !strings.Contains(w.Body.String(), "Type your question after /faq") || !strings.Contains(w.Body.String(), `"ephemeral"`) {
		t.Fatalf("body %q", w.Body)
	}
	if len(e.engine.asked()) != 0 {
		t.Error("an empty question reached the engine")
	}
}

func TestUnescapesSlackText(t *testing.T) {
	e := newEnv(t)
	e.slash("/faq", "U2CERLKJA", "sex therapy &amp; couples &lt;3 &gt; &amp;lt;")
	if q := e.engine.asked(); len(q) != 1 || q[0].Text != "sex therapy & couples <3 > &lt;" {
		t.Fatalf("engine got %q", q)
	}
}

func TestAnswerErrorApologises(t *testing.T) {
	e := newEnv(t)
	e.event(t, eventCallback("Ev04", directMessage("U2147483697", "D024BE91L", "1.000001", "boom")), 0)
	if p := e.api.next(t); p.Text != escape(faqbot.Apology) {
		t.Fatalf("got %q, want the apology", p.Text)
	}
}

func TestPanicsAreRecovered(t *testing.T) {
	e := newEnv(t)
	e.event(t, eventCallback("Ev05", directMessage("U2147483697", "D024BE91L", "1.000002", "panic zebra-canary")), 0)
	if p := e.api.next(t); p.Text != escape(faqbot.Apology) || p.Channel != "D024BE91L" {
		t.Fatalf("got %q in %s, want the apology in the DM", p.Text, p.Channel)
	}
	w := e.slash("/faq", "U2CERLKJA", "panic zebra-canary")
	if !strings.Contains(w.Body.String(), "Sorry, something went wrong") {
		t.Errorf("slash command panic answered %q", w.Body)
	}
	e.bot.idle()
	if got := counter(t, e.metrics, "faqbot_panics_recovered_total", map[string]string{"platform": "slack"}); got != 2 {
		t.Errorf("panics counted %v, want 2", got)
	}
	if logs := e.logs.String(); strings.Contains(logs, "zebra-canary") {
		t.Errorf("logs carry message text:\n%s", logs)
	}
}

func TestLogsCarryNoTextOrUser(t *testing.T) {
	e := newEnv(t)
	e.event(t, eventCallback("Ev06", mention("U061F7AUR", "C0LAN2Q65", "1.000003", "", "<@"+botID+"> sex therapy for giraffe-lovers")), 0)
	e.api.next(t)
	e.slash("/faq", "U2CERLKJA", "sex therapy for okapi-fans")
	e.interact(t, blockActions("U0CLICKER", "C0LAN2Q65", "1.000004", "1.000003", false, e.api.hookURL("a/1"), actionSection+"1", "What Sex Therapy is Not"))
	e.api.next(t)
	e.bot.idle()
	logs := e.logs.String()
	for _, secret := range []string{"giraffe", "okapi", "U061F7AUR", "U2CERLKJA", "U0CLICKER", "What Sex Therapy is Not", "psychotherapy"} {
		if strings.Contains(logs, secret) {
			t.Errorf("logs carry %q:\n%s", secret, logs)
		}
	}
	if !strings.Contains(logs, `"kind":"answer"`) || !strings.Contains(logs, `"platform":"slack"`) {
		t.Errorf("logs lack kind and platform:\n%s", logs)
	}
}

// TestCommandWithoutBotToken: with only the signing secret (HTTP mode), the
// slash command still answers, in the HTTP response, and events are
// acknowledged but not answered (there is no token to post with).
func TestCommandWithoutBotToken(t *testing.T) {
	const secret = "8f742231b10e8888abcd99yyyzzz85a5"
	var asked atomic.Int32
	ans := faqbot.AnswerFunc(func(ctx context.Context, q faqbot.Question) (faqbot.Reply, error) {
		asked.Add(1)
		return faqbot.Reply{Kind: faqbot.KindAnswer, Section: "What is Sex Therapy?", Lead: "From the clinic's information:",
			Text: "a specialized form of psychotherapy", Sources: []faqbot.Source{{Section: "What is Sex Therapy?", Passage: "a specialized form of psychotherapy"}}}, nil
	})
	b, err := New(Config{Mode: ModeHTTP, SigningSecret: secret}, Deps{Answerer: ans})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- b.Run(ctx) }()
	defer func() { cancel(); <-done }()

	form := "command=%2Ffaq&text=what+is+sex+therapy&user_id=U1&channel_id=C1&response_url=http%3A%2F%2F127.0.0.1%3A9%2Fhooks%2Fx"
	ts := time.Now().Unix()
	req := httptest.NewRequest("POST", "/slack/commands", strings.NewReader(form))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("X-Slack-Request-Timestamp", strconv.FormatInt(ts, 10))
	req.Header.Set("X-Slack-Signature", sign(secret, ts, form))
	rec := httptest.NewRecorder()
	b.Handler().ServeHTTP(rec, req)
	if rec.Code != 200 || !strings.Contains(rec.Body.String(), `"response_type":"ephemeral"`) || !strings.Contains(rec.Body.String(), "specialized form of psychotherapy") {
		t.Fatalf("command: %d %s", rec.Code, rec.Body.String())
	}

	ev := `{"type":"event_callback","event_id":"Ev9","event":{"type":"app_mention","user":"U1","text":"<@UBOT> hi","ts":"1.1","channel":"C1"}}`
	req = httptest.NewRequest("POST", "/slack/events", strings.NewReader(ev))
	req.Header.Set("X-Slack-Request-Timestamp", strconv.FormatInt(ts, 10))
	req.Header.Set("X-Slack-Signature", sign(secret, ts, ev))
	rec = httptest.NewRecorder()
	b.Handler().ServeHTTP(rec, req)
	if rec.Code != 200 {
		t.Fatalf("event: %d", rec.Code)
	}
	time.Sleep(50 * time.Millisecond)
	if n := asked.Load(); n != 1 {
		t.Errorf("engine asked %d times; the mention must not be answered without a token", n)
	}
	if _, err := New(Config{Mode: ModeSocket, AppToken: "xapp-1"}, Deps{Answerer: ans}); err == nil {
		t.Error("socket mode without a bot token was accepted")
	}
}
