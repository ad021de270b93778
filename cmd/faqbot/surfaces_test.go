package main

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gorilla/websocket"
	"github.com/slack-go/slack/slacktest"
)

// fakeSocketMode is slacktest's Web API with a Socket Mode socket on /ws
// (where slacktest's apps.connections.open points) that sends hello and
// then the envelopes a test queues, and reports the bot's acks.
type fakeSocketMode struct {
	*slacktest.Server
	send chan any
	acks chan string
}

func newFakeSocketMode(t *testing.T) *fakeSocketMode {
	t.Helper()
	f := &fakeSocketMode{send: make(chan any, 8), acks: make(chan string, 8)}
	f.Server = slacktest.NewTestServer(func(c slacktest.Customize) {
		c.Handle("/ws", func(w http.ResponseWriter, r *http.Request) {
			conn, err := (&websocket.Upgrader{CheckOrigin: func(*http.Request) bool { return true }}).Upgrade(w, r, nil)
			if err != nil {
				return
			}
			defer conn.Close()
			conn.WriteJSON(map[string]any{"type": "hello", "num_connections": 1,
				"connection_info": map[string]any{"app_id": "A1"}, "debug_info": map[string]any{"host": "test"}})
			go func() {
				for m := range f.send {
					conn.WriteJSON(m)
				}
			}()
			for {
				var ack struct {
					EnvelopeID string `json:"envelope_id"`
				}
				if err := conn.ReadJSON(&ack); err != nil {
					return
				}
				f.acks <- ack.EnvelopeID
			}
		})
	})
	f.Start()
	t.Cleanup(f.Stop)
	return f
}

// fakeGateway is a Discord stand-in: REST on httptest and a gateway
// websocket that says HELLO, takes IDENTIFY, says READY, then dispatches
// what a test queues. It records the paths of REST calls.
type fakeGateway struct {
	srv   *httptest.Server
	send  chan map[string]any
	mu    sync.Mutex
	posts []string
	seq   int
}

var apiVersion = regexp.MustCompile(`^/api/v[0-9]+`)

func newFakeGateway(t *testing.T) *fakeGateway {
	t.Helper()
	f := &fakeGateway{send: make(chan map[string]any, 8)}
	f.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		path := apiVersion.ReplaceAllString(r.URL.Path, "")
		w.Header().Set("Content-Type", "application/json")
		switch {
		case strings.HasPrefix(path, "/gw"):
			f.gateway(w, r)
		case r.Method == "GET" && strings.HasPrefix(path, "/gateway"):
			json.NewEncoder(w).Encode(map[string]any{"url": "ws" + strings.TrimPrefix(f.srv.URL, "http") + "/gw", "shards": 1})
		default:
			f.mu.Lock()
			f.posts = append(f.posts, r.Method+" "+path)
			f.mu.Unlock()
			fmt.Fprint(w, `{"id":"1100000000000000009","channel_id":"1100000000000000002","content":"ok","type":0}`)
		}
	}))
	t.Cleanup(f.srv.Close)
	return f
}

func (f *fakeGateway) gateway(w http.ResponseWriter, r *http.Request) {
	conn, err := (&websocket.Upgrader{CheckOrigin: func(*http.Request) bool { return true }}).Upgrade(w, r, nil)
	if err != nil {
		return
	}
	defer conn.Close()
	var mu sync.Mutex
	write := func(v any) {
		mu.Lock()
		defer mu.Unlock()
		conn.WriteJSON(v)
	}
	write(map[string]any{"op": 10, "d": map[string]any{"heartbeat_interval": 45000}})
	var identify struct{ Op int }
	if err := conn.ReadJSON(&identify); err != nil || identify.Op != 2 {
		return
	}
	dispatch := func(t string, d any) {
		f.mu.Lock()
		f.seq++
		s := f.seq
		f.mu.Unlock()
		write(map[string]any{"op": 0, "t": t, "s": s, "d": d})
	}
	dispatch("READY", map[string]any{"v": 10, "session_id": "s1",
		"user":        map[string]any{"id": "1100000000000000001", "username": "faqbot", "bot": true},
		"application": map[string]any{"id": "1100000000000000000", "flags": 0}, "guilds": []any{}})
	go func() {
		for d := range f.send {
			dispatch("MESSAGE_CREATE", d)
		}
	}()
	for {
		var m struct{ Op int }
		if err := conn.ReadJSON(&m); err != nil {
			return
		}
		if m.Op == 1 {
			write(map[string]any{"op": 11})
		}
	}
}

func (f *fakeGateway) posted() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]string(nil), f.posts...)
}

// TestServeLogsNoTextSocketAndGateway is TestServeLogsNoText for the other
// two surfaces: Slack over Socket Mode and Discord over the gateway, in one
// serve with the HTTP API, at debug level. A direct message and a slash
// command on Slack and a direct message on Discord carry the same private
// question; neither its words nor the askers' names may reach the log.
func TestServeLogsNoTextSocketAndGateway(t *testing.T) {
	slackFake := newFakeSocketMode(t)
	gw := newFakeGateway(t)
	cfg := t.TempDir() + "/faqbot.toml"
	os.WriteFile(cfg, []byte(fmt.Sprintf("[server]\nlog_level = \"debug\"\nlog_format = \"json\"\n"+
		"[slack]\nmode = \"socket\"\napi_url = %q\n[discord]\napi_base = %q\nregister_commands = false\n",
		slackFake.GetAPIURL(), gw.srv.URL)), 0o644)
	s := serve(t, env("SLACK_BOT_TOKEN", "xoxb-test", "SLACK_APP_TOKEN", "xapp-test", "DISCORD_BOT_TOKEN", "discord-test-token"), "--config", cfg)

	deadline := time.Now().Add(10 * time.Second)
	for {
		code, body := get(t, s.url+"/readyz")
		if code == 200 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("never ready: %s\n%s", body, s.logs.String())
		}
		time.Sleep(50 * time.Millisecond)
	}

	const private = "zebracorn my husband Bartholomew and I want to know if sessions are confidential"
	slackFake.send <- map[string]any{"envelope_id": "env-dm", "type": "events_api", "accepts_response_payload": false,
		"payload": map[string]any{"token": "x", "team_id": "T1", "api_app_id": "A1", "type": "event_callback", "event_id": "EvDM", "event_time": 1,
			"event": map[string]any{"type": "message", "channel_type": "im", "user": "U2CERLKJA", "text": private,
				"ts": "1.000200", "channel": "D1", "event_ts": "1.000200"}}}
	slackFake.send <- map[string]any{"envelope_id": "env-cmd", "type": "slash_commands", "accepts_response_payload": true,
		"payload": map[string]any{"command": "/faq", "text": private, "user_id": "U2CERLKJA", "user_name": "roadrunner",
			"channel_id": "C1", "team_id": "T1", "response_url": "http://127.0.0.1:9/hooks/x", "trigger_id": "1.2.3"}}
	for _, want := range []string{"env-dm", "env-cmd"} {
		select {
		case got := <-slackFake.acks:
			if got != want {
				t.Errorf("ack %q, want %q", got, want)
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("no ack for %s", want)
		}
	}
	gw.send <- map[string]any{"id": "1100000000000000005", "channel_id": "1100000000000000002", "type": 0,
		"author":  map[string]any{"id": "1100000000000000003", "username": "Bartholomew", "global_name": "Bartholomew"},
		"content": private, "timestamp": "2026-11-27T00:00:00.000000+00:00", "mentions": []any{}, "attachments": []any{}, "embeds": []any{}}

	deadline = time.Now().Add(5 * time.Second)
	for !strings.Contains(strings.Join(gw.posted(), " "), "POST /channels/1100000000000000002/messages") {
		if time.Now().After(deadline) {
			t.Fatalf("discord never replied to the DM: %v\n%s", gw.posted(), s.logs.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
	time.Sleep(300 * time.Millisecond) // let the Slack DM's reply be posted and logged
	if err := s.stop(); err != nil {
		t.Fatal(err)
	}
	logs := s.logs.String()
	for _, word := range []string{"zebracorn", "Bartholomew", "husband", "confidential", "roadrunner", "xoxb-test", "xapp-test", "discord-test-token"} {
		if strings.Contains(logs, word) {
			t.Errorf("the log contains %q:\n%s", word, logs)
		}
	}
	// the questions were answered, and the log says so without their words
	for _, want := range []string{`"event":"message.im"`, `"event":"slash_command"`, `"msg":"discord: answered"`} {
		if !strings.Contains(logs, want) {
			t.Errorf("the log lacks %s:\n%s", want, logs)
		}
	}
	if testing.Verbose() {
		t.Log(logs)
	}
}
