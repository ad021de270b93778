package discord

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/gorilla/websocket"
)

// fakeDiscord stands in for discord.com: the REST API the session calls
// (through Config.APIBase) and the gateway websocket it is sent to.
type fakeDiscord struct {
	t   *testing.T
	srv *httptest.Server

	calls    chan restCall        // every REST call but GET /gateway, in order
	identify chan json.RawMessage // IDENTIFY payloads
	// closeAfterIdentify, when set, closes the gateway with this code
	// instead of sending READY (Discord refusing a token: 4004).
	closeAfterIdentify int

	mu   sync.Mutex
	conn *websocket.Conn // the gateway connection, once READY went out
	seq  atomic.Int64
	ids  atomic.Int64
}

type restCall struct {
	Method, Path string // Path without /api/vN
	Query        string
	Auth         string
	Body         map[string]any
	Raw          []byte
}

var apiPrefix = regexp.MustCompile(`^/api/v[0-9]+`)

func newFakeDiscord(t *testing.T) *fakeDiscord {
	f := &fakeDiscord{t: t, calls: make(chan restCall, 100), identify: make(chan json.RawMessage, 4)}
	f.srv = httptest.NewServer(http.HandlerFunc(f.serve))
	t.Cleanup(f.srv.Close)
	return f
}

func (f *fakeDiscord) serve(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path == "/gateway-ws/" {
		f.gateway(w, r)
		return
	}
	path := apiPrefix.ReplaceAllString(r.URL.Path, "")
	if r.Method == http.MethodGet && path == "/gateway" {
		writeJSONTest(w, map[string]string{"url": "ws" + strings.TrimPrefix(f.srv.URL, "http") + "/gateway-ws"})
		return
	}
	raw, _ := io.ReadAll(r.Body)
	c := restCall{Method: r.Method, Path: path, Query: r.URL.RawQuery, Auth: r.Header.Get("Authorization"), Raw: raw}
	if len(raw) > 0 && raw[0] == '{' {
		if err := json.Unmarshal(raw, &c.Body); err != nil {
			f.t.Errorf("REST %s %s: body is not JSON: %v", r.Method, path, err)
		}
	}
	f.calls <- c
	id := fmt.Sprint(1500000000000000000 + f.ids.Add(1))
	switch {
	case strings.HasSuffix(path, "/callback"):
		w.WriteHeader(http.StatusNoContent)
	case strings.HasSuffix(path, "/commands"):
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write(raw) // the commands, as created
	default:
		writeJSONTest(w, map[string]any{"id": id, "channel_id": "1", "content": c.Body["content"], "type": 0})
	}
}

func writeJSONTest(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(v)
}

// gateway speaks the gateway protocol: HELLO, IDENTIFY, READY, heartbeats.
func (f *fakeDiscord) gateway(w http.ResponseWriter, r *http.Request) {
	up := websocket.Upgrader{}
	conn, err := up.Upgrade(w, r, nil)
	if err != nil {
		f.t.Errorf("gateway upgrade: %v", err)
		return
	}
	defer conn.Close()
	f.write(conn, map[string]any{"op": 10, "d": map[string]any{"heartbeat_interval": 45000}})
	var id struct {
		Op int             `json:"op"`
		D  json.RawMessage `json:"d"`
	}
	if err := conn.ReadJSON(&id); err != nil || id.Op != 2 {
		f.t.Errorf("expected IDENTIFY, got op %d, %v", id.Op, err)
		return
	}
	f.identify <- id.D
	if f.closeAfterIdentify != 0 {
		f.write(conn, websocket.FormatCloseMessage(f.closeAfterIdentify, "Authentication failed."))
		return
	}
	f.mu.Lock()
	f.conn = conn
	f.mu.Unlock()
	f.dispatch("READY", map[string]any{
		"v":           10,
		"session_id":  "d7c1a9c4e6f0",
		"user":        map[string]any{"id": testBotID, "username": "faqbot", "discriminator": "0", "bot": true},
		"application": map[string]any{"id": testAppID, "flags": 0},
		"guilds":      []any{map[string]any{"id": testGuildID, "unavailable": true}},
		"shard":       []int{1, 2},
	})
	for {
		var msg struct {
			Op int `json:"op"`
		}
		if err := conn.ReadJSON(&msg); err != nil {
			return // the bot closed the connection
		}
		if msg.Op == 1 {
			f.write(conn, map[string]any{"op": 11})
		}
	}
}

// write sends one frame; v is JSON, or a close message as []byte.
func (f *fakeDiscord) write(conn *websocket.Conn, v any) {
	f.mu.Lock()
	defer f.mu.Unlock()
	var err error
	if b, ok := v.([]byte); ok {
		err = conn.WriteMessage(websocket.CloseMessage, b)
	} else {
		err = conn.WriteJSON(v)
	}
	if err != nil {
		f.t.Logf("gateway write: %v", err)
	}
}

// dispatch sends an op 0 event; d is a value or raw JSON.
func (f *fakeDiscord) dispatch(event string, d any) {
	f.mu.Lock()
	conn := f.conn
	f.mu.Unlock()
	if conn == nil {
		f.t.Fatal("dispatch before the gateway is connected")
	}
	if b, ok := d.([]byte); ok {
		d = json.RawMessage(b)
	}
	f.write(conn, map[string]any{"op": 0, "t": event, "s": f.seq.Add(1), "d": d})
}

// next waits for the next REST call.
func (f *fakeDiscord) next(t *testing.T, what string) restCall {
	t.Helper()
	select {
	case c := <-f.calls:
		return c
	case <-time.After(5 * time.Second):
		t.Fatalf("no REST call for %s", what)
		return restCall{}
	}
}

// none checks that no REST call is waiting.
func (f *fakeDiscord) none(t *testing.T) {
	t.Helper()
	select {
	case c := <-f.calls:
		t.Errorf("unexpected REST call %s %s: %s", c.Method, c.Path, c.Raw)
	default:
	}
}

// Helpers to read JSON bodies.

func str(m map[string]any, path ...string) string {
	v := dig(m, path...)
	s, _ := v.(string)
	return s
}

func num(m map[string]any, path ...string) float64 {
	f, _ := dig(m, path...).(float64)
	return f
}

func dig(v any, path ...string) any {
	for _, p := range path {
		switch x := v.(type) {
		case map[string]any:
			v = x[p]
		case []any:
			var i int
			if _, err := fmt.Sscan(p, &i); err != nil || i >= len(x) {
				return nil
			}
			v = x[i]
		default:
			return nil
		}
	}
	return v
}

// noPings checks allowed_mentions is {"parse":[]} (and no replied user).
func noPings(t *testing.T, body map[string]any, path ...string) {
	t.Helper()
	am, ok := dig(body, append(path, "allowed_mentions")...).(map[string]any)
	if !ok {
		t.Fatalf("no allowed_mentions in %v", body)
	}
	parse, ok := am["parse"].([]any)
	if !ok || len(parse) != 0 || am["replied_user"] == true || am["roles"] != nil || am["users"] != nil {
		t.Errorf("allowed_mentions = %v, want {\"parse\":[]}", am)
	}
}

// customIDs lists the custom ids (or URLs) of a message's buttons.
func buttons(body map[string]any, path ...string) []string {
	var out []string
	rows, _ := dig(body, append(path, "components")...).([]any)
	for _, r := range rows {
		btns, _ := dig(r, "components").([]any)
		for _, b := range btns {
			if id := str(b.(map[string]any), "custom_id"); id != "" {
				out = append(out, id)
			} else {
				out = append(out, str(b.(map[string]any), "url"))
			}
		}
	}
	return out
}
