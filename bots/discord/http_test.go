package discord

import (
	"bytes"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"
)

var testNow = time.Date(2026, 3, 1, 19, 30, 0, 0, time.UTC)

type endpoint struct {
	bot    *Bot
	engine *fakeEngine
	fd     *fakeDiscord
	priv   ed25519.PrivateKey
	srv    *httptest.Server
}

// newEndpoint serves a bot's interactions endpoint (gateway off) with a key
// generated for the test; REST edits go to a fake Discord.
func newEndpoint(t *testing.T, change ...func(*Deps)) *endpoint {
	t.Helper()
	pub, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	fd := newFakeDiscord(t)
	engine := newFakeEngine()
	deps := Deps{Answerer: engine, Librarian: newFakeLibrarian(), Logger: testLogger(t), Now: func() time.Time { return testNow }}
	for _, c := range change {
		c(&deps)
	}
	b, err := New(Config{PublicKey: hex.EncodeToString(pub), APIBase: fd.srv.URL}, deps)
	if err != nil {
		t.Fatal(err)
	}
	b.deferAfter = 300 * time.Millisecond
	mux := http.NewServeMux()
	mux.Handle("/discord/interactions", b.InteractionsHandler())
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return &endpoint{bot: b, engine: engine, fd: fd, priv: priv, srv: srv}
}

func sign(priv ed25519.PrivateKey, ts string, body []byte) string {
	return hex.EncodeToString(ed25519.Sign(priv, append([]byte(ts), body...)))
}

// post sends body signed with priv at ts; mutate may spoil the request.
func (e *endpoint) post(t *testing.T, body []byte, mutate func(*http.Request)) (int, map[string]any) {
	t.Helper()
	ts := strconv.FormatInt(testNow.Unix(), 10)
	req, err := http.NewRequest(http.MethodPost, e.srv.URL+"/discord/interactions", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-Signature-Timestamp", ts)
	req.Header.Set("X-Signature-Ed25519", sign(e.priv, ts, body))
	if mutate != nil {
		mutate(req)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	var out map[string]any
	if resp.StatusCode == http.StatusOK {
		if ct := resp.Header.Get("Content-Type"); ct != "application/json" {
			t.Errorf("Content-Type %q", ct)
		}
		if err := json.Unmarshal(raw, &out); err != nil {
			t.Fatalf("response is not JSON: %s", raw)
		}
	}
	return resp.StatusCode, out
}

func TestEndpointPing(t *testing.T) {
	e := newEndpoint(t)
	code, out := e.post(t, readEvent(t, "interaction_ping.json"), nil)
	if code != http.StatusOK || len(out) != 1 || out["type"] != float64(1) {
		t.Errorf("PING → %d %v, want 200 {\"type\":1}", code, out)
	}
}

func TestEndpointAsk(t *testing.T) {
	e := newEndpoint(t)
	code, out := e.post(t, readEvent(t, "interaction_ask.json"), nil)
	if code != http.StatusOK || num(out, "type") != 4 || num(out, "data", "flags") != 64 {
		t.Fatalf("/ask → %d %v, want type 4 flags 64", code, out)
	}
	if c := str(out, "data", "content"); !strings.Contains(c, "> Sensate focus is a set of touching exercises") || !strings.Contains(c, "-# Section “Sensate focus”") {
		t.Errorf("content %q", c)
	}
	noPings(t, out, "data")
	if b := buttons(out, "data"); len(b) != 2 || !strings.HasPrefix(b[0], "faq:f:y:") {
		t.Errorf("buttons %v", b)
	}
	if q := e.engine.nextQuestion(t); q.Text != "How does sensate focus work?" || q.Platform != "discord" || q.User != testUserID {
		t.Errorf("question %+v", q)
	}
}

func TestEndpointAskPublicAndDM(t *testing.T) {
	e := newEndpoint(t)
	_, out := e.post(t, readEvent(t, "interaction_ask_public.json"), nil)
	if num(out, "type") != 4 || dig(out, "data", "flags") != nil {
		t.Errorf("public /ask: type %v flags %v, want 4 and none", out["type"], dig(out, "data", "flags"))
	}
	_, out = e.post(t, readEvent(t, "interaction_ask_dm.json"), nil)
	if num(out, "data", "flags") != 64 {
		t.Errorf("/ask in a DM: flags %v", dig(out, "data", "flags"))
	}
	noPings(t, out, "data")
}

func TestEndpointButtons(t *testing.T) {
	e := newEndpoint(t)
	_, out := e.post(t, readEvent(t, "interaction_button_section.json"), nil)
	if num(out, "type") != 4 || num(out, "data", "flags") != 64 || !strings.Contains(str(out, "data", "content"), "> Sensate focus") {
		t.Errorf("topic button → %v", out)
	}
	if q := e.engine.nextQuestion(t); q.Section != "Sensate focus" || q.Text != "" {
		t.Errorf("question %+v", q)
	}
	_, out = e.post(t, readEvent(t, "interaction_button_forged.json"), nil)
	if num(out, "type") != 4 || str(out, "data", "content") != unknownCommand {
		t.Errorf("forged button → %v", out)
	}
	select {
	case q := <-e.engine.questions:
		t.Errorf("a forged button reached the engine: %+v", q)
	default:
	}
}

func TestEndpointDeferred(t *testing.T) {
	e := newEndpoint(t)
	body := strings.Replace(string(readEvent(t, "interaction_ask.json")), "How does sensate focus work?", "a slow question", 1)
	code, out := e.post(t, []byte(body), nil)
	if code != http.StatusOK || num(out, "type") != 5 || num(out, "data", "flags") != 64 {
		t.Fatalf("slow /ask → %d %v, want type 5 flags 64", code, out)
	}
	close(e.engine.release)
	c := e.fd.next(t, "edit of the original response")
	if c.Method != "PATCH" || c.Path != "/webhooks/"+testAppID+"/A_UNIQUE_TOKEN/messages/@original" {
		t.Fatalf("%s %s", c.Method, c.Path)
	}
	if c.Auth != "" {
		t.Errorf("webhook edit sent Authorization %q with no bot token", c.Auth)
	}
	if !strings.Contains(str(c.Body, "content"), "> Sensate focus") {
		t.Errorf("edit %s", c.Raw)
	}
	noPings(t, c.Body)
}

func TestEndpointRejects(t *testing.T) {
	e := newEndpoint(t)
	body := readEvent(t, "interaction_ask.json")
	_, other, _ := ed25519.GenerateKey(rand.Reader)
	tests := []struct {
		name   string
		body   []byte
		mutate func(*http.Request)
		want   int
	}{
		{"tampered body", bytes.Replace(body, []byte("sensate"), []byte("SENSATE"), 1), func(r *http.Request) {
			// signed over the original body
			r.Header.Set("X-Signature-Ed25519", sign(e.priv, r.Header.Get("X-Signature-Timestamp"), body))
		}, 401},
		{"wrong key", body, func(r *http.Request) {
			r.Header.Set("X-Signature-Ed25519", sign(other, r.Header.Get("X-Signature-Timestamp"), body))
		}, 401},
		{"missing signature", body, func(r *http.Request) { r.Header.Del("X-Signature-Ed25519") }, 401},
		{"missing timestamp", body, func(r *http.Request) { r.Header.Del("X-Signature-Timestamp") }, 401},
		{"signature not hex", body, func(r *http.Request) { r.Header.Set("X-Signature-Ed25519", "zz") }, 401},
		{"short signature", body, func(r *http.Request) { r.Header.Set("X-Signature-Ed25519", "abcd") }, 401},
		{"timestamp changed", body, func(r *http.Request) {
			r.Header.Set("X-Signature-Timestamp", strconv.FormatInt(testNow.Unix()+1, 10))
		}, 401},
		{"stale (replayed)", body, func(r *http.Request) {
			ts := strconv.FormatInt(testNow.Add(-time.Hour).Unix(), 10)
			r.Header.Set("X-Signature-Timestamp", ts)
			r.Header.Set("X-Signature-Ed25519", sign(e.priv, ts, body))
		}, 401},
		{"GET", nil, func(r *http.Request) { r.Method = http.MethodGet }, 405},
		{"too large", bytes.Repeat([]byte(" "), maxBody+1), nil, 413},
		{"not JSON", []byte("not json"), nil, 400},
		{"autocomplete", []byte(`{"type":4,"id":"1","token":"t","data":{"name":"ask"}}`), nil, 400},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if code, _ := e.post(t, tt.body, tt.mutate); code != tt.want {
				t.Errorf("status %d, want %d", code, tt.want)
			}
		})
	}
	select {
	case q := <-e.engine.questions:
		t.Errorf("a rejected request reached the engine: %+v", q)
	default:
	}
}

func TestEndpointOff(t *testing.T) {
	b, _ := unitBot(t, Config{Token: "t"}, Deps{})
	rec := httptest.NewRecorder()
	b.InteractionsHandler().ServeHTTP(rec, httptest.NewRequest(http.MethodPost, "/discord/interactions", strings.NewReader("{}")))
	if rec.Code != http.StatusNotFound {
		t.Errorf("status %d, want 404 with no public key", rec.Code)
	}
}
