package slack

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/faqbot/faqbot"
	"github.com/faqbot/faqbot/internal/metrics"
	"github.com/faqbot/faqbot/internal/metrics/metricstest"
	"github.com/gorilla/websocket"
	"github.com/slack-go/slack/slacktest"
)

// botID is the user id slacktest's auth.test returns: the bot itself.
const botID = "W012A3CDE"

const testSecret = "test-signing-secret"

// testNow is the fixed clock of the tests.
var testNow = time.Unix(1_700_000_000, 0)

// Realistic replies of each kind, as the engine would give them.
var (
	passageWhatIs = "According to the American Association of Sexuality Educators, Counselors, and Therapists (AASECT), sex therapy is a specialized form of psychotherapy that focuses on addressing sexual concerns, improving sexual function, and enhancing overall sexual well-being."
	passageNot    = "Sex therapy is not a form of entertainment, explicit performance, or a means to fulfill personal fantasies. It is not a space for engaging in sexual activities, and therapists do not engage in physical contact with clients."

	replyAnswer = faqbot.Reply{
		Question: "what is sex therapy", Kind: faqbot.KindAnswer, Section: "What is Sex Therapy?", Score: 0.91,
		Lead:    "From the section “What is Sex Therapy?”:",
		Sources: []faqbot.Source{{Section: "What is Sex Therapy?", Passage: passageWhatIs}},
		Text:    "From the section “What is Sex Therapy?”:\n\n> " + passageWhatIs,
		Version: "3f9a1c0d5e7b2a4468c1b2",
	}
	replyCrisis = faqbot.Reply{
		Question: "i want to hurt myself", Kind: faqbot.KindHandoff, Reason: faqbot.ReasonCrisis,
		Lead: "It sounds like you may be going through something very painful. You deserve support right now from people trained to help.",
		Resources: []faqbot.Resource{
			{Name: "988 Suicide & Crisis Lifeline", URL: "https://988lifeline.org", Phone: "988", Text: "Call or text 988, any time, day or night."},
			{Name: "Emergency services", Phone: "911", Text: "If you are in immediate danger, call 911."},
		},
		Text: "It sounds like you may be going through something very painful. You deserve support right now from people trained to help.\n\n988 Suicide & Crisis Lifeline: 988 (https://988lifeline.org). Call or text 988, any time, day or night.\nEmergency services: 911. If you are in immediate danger, call 911.",
	}
	replyReferral = faqbot.Reply{
		Question: "can you be my therapist", Kind: faqbot.KindHandoff, Reason: faqbot.ReasonReferral,
		Lead: "I can't be your therapist, but a certified sex therapist can help you with that.",
		Resources: []faqbot.Resource{
			{Name: "Find a certified sex therapist", URL: "https://www.aasect.org/referral-directory", Text: "AASECT's directory of certified sex therapists."},
			{Name: "Call the clinic", Phone: "+1 555 0100"},
		},
		Text: "I can't be your therapist, but a certified sex therapist can help you with that.\n\nFind a certified sex therapist (https://www.aasect.org/referral-directory). AASECT's directory of certified sex therapists.\nCall the clinic: +1 555 0100.",
	}
	replyNoMatch = faqbot.Reply{
		Question: "xyzzy", Kind: faqbot.KindNoMatch, Score: 0.12,
		Lead:        "I'm not sure I have an answer to that. Did you mean one of these?",
		Suggestions: []string{"What is Sex Therapy?", "What Sex Therapy is Not", "Couples & <partners>"},
		Text:        "I'm not sure I have an answer to that. Did you mean one of these?\n- What is Sex Therapy?\n- What Sex Therapy is Not\n- Couples & <partners>",
	}
	replySmalltalk = faqbot.Reply{
		Question: "hello", Kind: faqbot.KindSmalltalk,
		Lead:        "Hello! " + faqbot.Disclaimer + " You can ask me about:",
		Suggestions: []string{"What is Sex Therapy?", "What Sex Therapy is Not"},
		Text:        "Hello! " + faqbot.Disclaimer + " You can ask me about:\n- What is Sex Therapy?\n- What Sex Therapy is Not",
	}
	replyDecline = faqbot.Reply{
		Question: "write something explicit", Kind: faqbot.KindDecline,
		Lead: "I can't help with that. I'm happy to answer questions about the clinic's sex therapy services.",
		Text: "I can't help with that. I'm happy to answer questions about the clinic's sex therapy services.",
	}
)

// fakeEngine answers like the engine and records the questions it got.
type fakeEngine struct {
	mu        sync.Mutex
	questions []faqbot.Question
	release   chan struct{} // "slow" questions wait for it
}

func newFakeEngine() *fakeEngine { return &fakeEngine{release: make(chan struct{})} }

func (e *fakeEngine) Answer(ctx context.Context, q faqbot.Question) (faqbot.Reply, error) {
	e.mu.Lock()
	e.questions = append(e.questions, q)
	e.mu.Unlock()
	text := strings.ToLower(q.Text)
	switch {
	case q.Section != "":
		return faqbot.Reply{
			Kind: faqbot.KindAnswer, Section: q.Section, Lead: "From the section “" + q.Section + "”:",
			Sources: []faqbot.Source{{Section: q.Section, Passage: passageNot}},
			Text:    "From the section “" + q.Section + "”:\n\n> " + passageNot, Version: "3f9a1c0d5e7b",
		}, nil
	case strings.Contains(text, "slow"):
		select {
		case <-e.release:
		case <-ctx.Done():
			return faqbot.Reply{}, ctx.Err()
		}
		return replyAnswer, nil
	case strings.Contains(text, "boom"):
		return faqbot.Reply{}, errors.New("index unavailable")
	case strings.Contains(text, "panic"):
		panic("engine exploded on: " + q.Text)
	case strings.HasPrefix(text, "echo"):
		// An engine that echoes the question, as a lead might.
		return faqbot.Reply{Kind: faqbot.KindNoMatch, Lead: "You asked: " + q.Text, Text: "You asked: " + q.Text,
			Suggestions: []string{"What is Sex Therapy?"}}, nil
	case strings.Contains(text, "sex therapy"):
		return replyAnswer, nil
	case strings.Contains(text, "hurt myself"):
		return replyCrisis, nil
	case strings.Contains(text, "therapist"):
		return replyReferral, nil
	case strings.Contains(text, "hello"):
		return replySmalltalk, nil
	case strings.Contains(text, "explicit"):
		return replyDecline, nil
	default:
		return replyNoMatch, nil
	}
}

func (e *fakeEngine) asked() []faqbot.Question {
	e.mu.Lock()
	defer e.mu.Unlock()
	return append([]faqbot.Question(nil), e.questions...)
}

// post is one message the bot sent to Slack, as the Web API saw it.
type post struct {
	Method       string // chat.postMessage, chat.postEphemeral or response_url
	Path         string
	Channel      string
	User         string
	ThreadTS     string
	Text         string
	Blocks       string // JSON
	ResponseType string
	// ReplaceOriginal is what a response_url post asked: true would
	// overwrite the message clicked.
	ReplaceOriginal bool
}

// texts is every text the post shows: its text fallback and every text
// field in its blocks, decoded.
func (p post) texts() []string {
	return append([]string{p.Text}, blockTexts(p.Blocks)...)
}

func (p post) shows(s string) bool {
	for _, t := range p.texts() {
		if strings.Contains(t, s) {
			return true
		}
	}
	return false
}

// blockTexts collects the "text" strings of a blocks JSON document.
func blockTexts(raw string) []string {
	if raw == "" {
		return nil
	}
	var doc any
	if err := json.Unmarshal([]byte(raw), &doc); err != nil {
		return []string{"undecodable: " + err.Error()}
	}
	var out []string
	var walk func(any)
	walk = func(v any) {
		switch v := v.(type) {
		case map[string]any:
			for k, x := range v {
				if s, ok := x.(string); ok && k == "text" {
					out = append(out, s)
				} else {
					walk(x)
				}
			}
		case []any:
			for _, x := range v {
				walk(x)
			}
		}
	}
	walk(doc)
	return out
}

// slackAPI is slacktest's fake Web API with the routes these tests read
// replaced by capturing ones: chat.postMessage, chat.postEphemeral, the
// response_url hooks under /hooks/, and /ws, the fake Socket Mode socket
// that slacktest's apps.connections.open points at.
type slackAPI struct {
	*slacktest.Server
	got         chan post
	rateLimit   atomic.Int32 // answer this many chat.* calls with 429
	calls       atomic.Int32
	authError   atomic.Value // string: auth.test answers this error when set
	sockets     chan *websocket.Conn
	acks        chan ack
	mu          sync.Mutex
	posts       []post
	authTestHit chan struct{}
}

// ack is one Socket Mode acknowledgement the bot sent.
type ack struct {
	EnvelopeID string          `json:"envelope_id"`
	Payload    json.RawMessage `json:"payload"`
}

func newSlackAPI(t *testing.T) *slackAPI {
	t.Helper()
	a := &slackAPI{
		got:         make(chan post, 100),
		sockets:     make(chan *websocket.Conn, 4),
		acks:        make(chan ack, 100),
		authTestHit: make(chan struct{}, 10),
	}
	a.Server = slacktest.NewTestServer(func(c slacktest.Customize) {
		c.Handle("/chat.postMessage", a.form("chat.postMessage"))
		c.Handle("/chat.postEphemeral", a.form("chat.postEphemeral"))
		c.Handle("/hooks/", a.responseURL)
		c.Handle("/ws", a.socket)
		c.Handle("/auth.test", a.authTest)
	})
	a.Start()
	t.Cleanup(a.Stop)
	return a
}

func (a *slackAPI) authTest(w http.ResponseWriter, _ *http.Request) {
	select {
	case a.authTestHit <- struct{}{}:
	default:
	}
	w.Header().Set("Content-Type", "application/json")
	if e, _ := a.authError.Load().(string); e != "" {
		_, _ = io.WriteString(w, `{"ok":false,"error":"`+e+`"}`)
		return
	}
	_, _ = io.WriteString(w, `{"ok":true,"url":"https://clinic.slack.com/","team":"Clinic","user":"faqbot","team_id":"T061EG9R6","user_id":"`+botID+`","bot_id":"B0BOT"}`)
}

func (a *slackAPI) limited(w http.ResponseWriter) bool {
	a.calls.Add(1)
	if a.rateLimit.Load() > 0 {
		a.rateLimit.Add(-1)
		w.Header().Set("Retry-After", "3")
		w.WriteHeader(http.StatusTooManyRequests)
		return true
	}
	return false
}

func (a *slackAPI) form(method string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if a.limited(w) {
			return
		}
		if err := r.ParseForm(); err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		f := r.PostForm
		a.record(post{Method: method, Path: r.URL.Path, Channel: f.Get("channel"), User: f.Get("user"),
			ThreadTS: f.Get("thread_ts"), Text: f.Get("text"), Blocks: f.Get("blocks")})
		w.Header().Set("Content-Type", "application/json")
		_, _ = io.WriteString(w, `{"ok":true,"channel":"`+f.Get("channel")+`","ts":"1700000000.000100","message_ts":"1700000000.000100"}`)
	}
}

func (a *slackAPI) responseURL(w http.ResponseWriter, r *http.Request) {
	if a.limited(w) {
		return
	}
	var m struct {
		Text         string          `json:"text"`
		ThreadTS     string          `json:"thread_ts"`
		ResponseType string          `json:"response_type"`
		Blocks       json.RawMessage `json:"blocks"`
		Replace      bool            `json:"replace_original"`
	}
	if err := json.NewDecoder(r.Body).Decode(&m); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	blocks := string(m.Blocks)
	if blocks == "null" {
		blocks = ""
	}
	a.record(post{Method: "response_url", Path: r.URL.Path, ThreadTS: m.ThreadTS, Text: m.Text, Blocks: blocks, ResponseType: m.ResponseType, ReplaceOriginal: m.Replace})
	w.Header().Set("Content-Type", "text/plain")
	_, _ = io.WriteString(w, "ok")
}

// socket is the fake Socket Mode endpoint: it hands each connection to the
// test (which alone writes to it) and forwards the acknowledgements read.
func (a *slackAPI) socket(w http.ResponseWriter, r *http.Request) {
	up := websocket.Upgrader{CheckOrigin: func(*http.Request) bool { return true }}
	c, err := up.Upgrade(w, r, nil)
	if err != nil {
		return
	}
	defer c.Close()
	a.sockets <- c
	for {
		var got ack
		if err := c.ReadJSON(&got); err != nil {
			return
		}
		a.acks <- got
	}
}

func (a *slackAPI) record(p post) {
	a.mu.Lock()
	a.posts = append(a.posts, p)
	a.mu.Unlock()
	a.got <- p
}

func (a *slackAPI) all() []post {
	a.mu.Lock()
	defer a.mu.Unlock()
	return append([]post(nil), a.posts...)
}

// next waits for the bot's next post.
func (a *slackAPI) next(t *testing.T) post {
	t.Helper()
	select {
	case p := <-a.got:
		return p
	case <-time.After(5 * time.Second):
		t.Fatal("no post arrived")
		return post{}
	}
}

func (a *slackAPI) hookURL(name string) string { return a.GetAPIURL() + "hooks/" + name }

// env is a test bot with its fakes.
type env struct {
	bot     *Bot
	api     *slackAPI
	engine  *fakeEngine
	metrics *metrics.Metrics
	logs    *syncBuffer
}

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// newEnv makes an HTTP-mode bot on a fresh fake Slack, authenticated (so it
// knows its own user id), with debug logs captured.
func newEnv(t *testing.T, change ...func(*Config, *Deps)) *env {
	t.Helper()
	e := &env{api: newSlackAPI(t), engine: newFakeEngine(), metrics: metrics.New(), logs: &syncBuffer{}}
	cfg := Config{Mode: ModeHTTP, BotToken: "xoxb-test", SigningSecret: testSecret, APIURL: e.api.GetAPIURL(), Admins: []string{"UADMIN"}}
	deps := Deps{
		Answerer: e.engine,
		Logger:   slog.New(slog.NewJSONHandler(e.logs, &slog.HandlerOptions{Level: slog.LevelDebug})),
		Metrics:  e.metrics,
		Now:      func() time.Time { return testNow },
	}
	for _, c := range change {
		c(&cfg, &deps)
	}
	b, err := New(cfg, deps)
	if err != nil {
		t.Fatal(err)
	}
	b.sleep = func(context.Context, time.Duration) error { return nil }
	if err := b.authTest(t.Context()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { b.idle() })
	e.bot = b
	return e
}

// idle waits until every goroutine the bot started has finished.
func (b *Bot) idle() { b.wg.Wait() }

// sign signs body as Slack does, independently of the code under test.
func sign(secret string, ts int64, body string) string {
	mac := hmac.New(sha256.New, []byte(secret))
	mac.Write([]byte("v0:" + strconv.FormatInt(ts, 10) + ":" + body))
	return "v0=" + hex.EncodeToString(mac.Sum(nil))
}

// request builds a POST to path signed at time at.
func request(path, contentType, body string, at time.Time) *http.Request {
	r := httptest.NewRequest(http.MethodPost, path, strings.NewReader(body))
	r.Header.Set("Content-Type", contentType)
	r.Header.Set(headerTimestamp, strconv.FormatInt(at.Unix(), 10))
	r.Header.Set(headerSignature, sign(testSecret, at.Unix(), body))
	return r
}

// serve runs one request through the bot's handler.
func (e *env) serve(r *http.Request) *httptest.ResponseRecorder {
	w := httptest.NewRecorder()
	e.bot.Handler().ServeHTTP(w, r)
	return w
}

func (e *env) event(t *testing.T, body string, retry int) *httptest.ResponseRecorder {
	t.Helper()
	// a retry is signed when it is sent, a little later
	r := request("/slack/events", "application/json", body, testNow.Add(time.Duration(retry)*time.Second))
	if retry > 0 {
		r.Header.Set("X-Slack-Retry-Num", strconv.Itoa(retry))
		r.Header.Set("X-Slack-Retry-Reason", "http_timeout")
	}
	w := e.serve(r)
	if w.Code != http.StatusOK {
		t.Fatalf("events: status %d: %s", w.Code, w.Body)
	}
	return w
}

// slash posts a slash command form, as Slack sends it.
func (e *env) slash(command, user, text string) *httptest.ResponseRecorder {
	return e.serve(request("/slack/commands", "application/x-www-form-urlencoded", slashForm(command, user, text, e.api.hookURL("commands/1")), testNow))
}

func slashForm(command, user, text, responseURL string) string {
	return url.Values{
		"token": {"gIkuvaNzQIHg97ATvDxqgjtO"}, "team_id": {"T061EG9R6"}, "team_domain": {"clinic"},
		"channel_id": {"C2147483705"}, "channel_name": {"front-desk"}, "user_id": {user}, "user_name": {"reception"},
		"command": {command}, "text": {text}, "api_app_id": {"A0MDYCDME"}, "is_enterprise_install": {"false"},
		"response_url": {responseURL}, "trigger_id": {nextTriggerID()},
	}.Encode()
}

// triggers numbers the trigger ids of the fixtures: Slack gives every
// command and click its own.
var triggers atomic.Int64

func nextTriggerID() string {
	return fmt.Sprintf("13345224609.738474920.%040d", triggers.Add(1))
}

func (e *env) interact(t *testing.T, payload string) {
	t.Helper()
	w := e.serve(request("/slack/interactions", "application/x-www-form-urlencoded", url.Values{"payload": {payload}}.Encode(), testNow))
	if w.Code != http.StatusOK {
		t.Fatalf("interactions: status %d: %s", w.Code, w.Body)
	}
}

// Event payloads, modelled on the examples in Slack's Events API docs.

func eventCallback(eventID string, event map[string]any) string {
	b, _ := json.Marshal(map[string]any{
		"token": "XXYYZZ", "team_id": "T061EG9R6", "api_app_id": "A0MDYCDME", "type": "event_callback",
		"event_id": eventID, "event_time": 1515449522, "event": event,
		"authorizations": []map[string]any{{"team_id": "T061EG9R6", "user_id": botID, "is_bot": true}},
	})
	return string(b)
}

func mention(user, channel, ts, threadTS, text string) map[string]any {
	ev := map[string]any{"type": "app_mention", "user": user, "text": text, "ts": ts, "channel": channel, "event_ts": ts}
	if threadTS != "" {
		ev["thread_ts"] = threadTS
	}
	return ev
}

func directMessage(user, channel, ts, text string) map[string]any {
	return map[string]any{"type": "message", "channel": channel, "user": user, "text": text, "ts": ts, "event_ts": ts, "channel_type": "im"}
}

// blockActions is a block_actions payload for a click on one of the bot's
// buttons, modelled on Slack's interactivity docs.
func blockActions(user, channel, messageTS, threadTS string, ephemeral bool, responseURL, actionID, value string) string {
	container := map[string]any{"type": "message", "message_ts": messageTS, "channel_id": channel, "is_ephemeral": ephemeral}
	if threadTS != "" {
		container["thread_ts"] = threadTS
	}
	b, _ := json.Marshal(map[string]any{
		"type": "block_actions", "api_app_id": "A0MDYCDME", "token": "XXYYZZ",
		"user":      map[string]any{"id": user, "username": "reception", "name": "reception", "team_id": "T061EG9R6"},
		"team":      map[string]any{"id": "T061EG9R6", "domain": "clinic"},
		"channel":   map[string]any{"id": channel, "name": "front-desk"},
		"container": container, "trigger_id": nextTriggerID(),
		"response_url": responseURL,
		"actions": []map[string]any{{
			"action_id": actionID, "block_id": "b1", "type": "button", "value": value, "action_ts": "1548426417.840180",
			"text": map[string]any{"type": "plain_text", "text": "x"},
		}},
		"state": map[string]any{"values": map[string]any{}},
	})
	return string(b)
}

// counter reads one counter or gauge from the registry.
func counter(t *testing.T, m *metrics.Metrics, name string, labels map[string]string) float64 {
	t.Helper()
	return metricstest.Counter(t, m, name, labels)
}

func jsonDecode(s string, v any) error { return json.Unmarshal([]byte(s), v) }
