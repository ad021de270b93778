package main

import (
	"bufio"
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/faqbot/faqbot"
	"github.com/faqbot/faqbot/knowledge"
	"github.com/slack-go/slack/slacktest"
)

func postJSON(t *testing.T, u, body string) (int, faqbot.Reply) {
	t.Helper()
	resp, err := http.Post(u, "application/json", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var r faqbot.Reply
	json.NewDecoder(resp.Body).Decode(&r)
	return resp.StatusCode, r
}

func get(t *testing.T, u string) (int, string) {
	t.Helper()
	req, err := http.NewRequest("GET", u, nil)
	if err != nil {
		t.Fatal(err)
	}
	return do(t, req)
}

// do sends req and returns the status and the whole body.
func do(t *testing.T, req *http.Request) (int, string) {
	t.Helper()
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

func TestServeAPI(t *testing.T) {
	s := serve(t, env())
	code, r := postJSON(t, s.url+"/v1/ask", `{"question":"Do sex therapists see individuals or only couples?"}`)
	if code != 200 || r.Kind != faqbot.KindAnswer || !strings.Contains(r.Text, "individuals and couples") || r.Version == "" {
		t.Errorf("POST /v1/ask: %d %+v", code, r)
	}
	if code, _ := get(t, s.url+"/healthz"); code != 200 {
		t.Errorf("/healthz %d", code)
	}
	if code, body := get(t, s.url+"/readyz"); code != 200 {
		t.Errorf("/readyz %d %s", code, body)
	}
	code, body := get(t, s.url+"/metrics")
	for _, name := range []string{"faqbot_replies_total", "faqbot_answer_duration_seconds", "faqbot_knowledge_info"} {
		if !strings.Contains(body, name) {
			t.Errorf("/metrics (%d) lacks %s", code, name)
		}
	}
	var out, errb bytes.Buffer
	addr := strings.TrimPrefix(s.url, "http://")
	if err := run(context.Background(), []string{"healthcheck", "--addr", addr}, env(), nil, &out, &errb); err != nil {
		t.Errorf("healthcheck: %v", err)
	}
	if err := run(context.Background(), []string{"healthcheck", "--addr", freeAddr(t)}, env(), nil, &out, &errb); err == nil {
		t.Error("healthcheck passed with nothing listening")
	}
}

func TestServeBadConfig(t *testing.T) {
	cfg := t.TempDir() + "/faqbot.toml"
	os.WriteFile(cfg, []byte("[slack]\ncomand = \"/faq\"\n"), 0o644)
	var out bytes.Buffer
	err := run(context.Background(), []string{"serve", "--config", cfg}, env(), nil, &out, &out)
	if err == nil || !strings.Contains(err.Error(), "slack.comand") {
		t.Errorf("unknown key: %v", err)
	}
}

func slackSign(secret string, ts int64, body string) string {
	mac := hmac.New(sha256.New, []byte(secret))
	fmt.Fprintf(mac, "v0:%d:%s", ts, body)
	return "v0=" + hex.EncodeToString(mac.Sum(nil))
}

// TestServeLogsNoText runs serve with the HTTP API, Slack (HTTP mode,
// against slacktest) and Discord's interactions endpoint on, at debug
// level, sends the same private question through each, and checks that
// neither its words nor the asker's name reach the log.
func TestServeLogsNoText(t *testing.T) {
	api := slacktest.NewTestServer()
	api.Start()
	defer api.Stop()
	pub, priv, _ := ed25519.GenerateKey(rand.Reader)
	cfg := t.TempDir() + "/faqbot.toml"
	os.WriteFile(cfg, []byte(fmt.Sprintf("[server]\nlog_level = \"debug\"\nlog_format = \"json\"\n[slack]\nmode = \"http\"\napi_url = %q\n", api.GetAPIURL())), 0o644)
	const secret = "8f742231b10e8888abcd99yyyzzz85a5"
	s := serve(t, env("SLACK_BOT_TOKEN", "xoxb-test", "SLACK_SIGNING_SECRET", secret, "DISCORD_PUBLIC_KEY", hex.EncodeToString(pub)), "--config", cfg)

	const private = "zebracorn my husband Bartholomew and I want to know if sessions are confidential"
	// HTTP API
	if code, _ := postJSON(t, s.url+"/v1/ask", `{"question":"`+private+`"}`); code != 200 {
		t.Errorf("/v1/ask %d", code)
	}
	// Slack slash command, as a user named roadrunner
	ts := time.Now().Unix()
	if code, body := slackCommand(t, s.url, secret, ts, private); code != 200 || !strings.Contains(body, "ephemeral") {
		t.Errorf("/slack/commands %d %s", code, body)
	}
	// Slack app_mention event
	ev := `{"token":"x","team_id":"T1","api_app_id":"A1","type":"event_callback","event_id":"Ev1","event_time":1,` +
		`"event":{"type":"app_mention","user":"U2CERLKJA","text":"<@UBOT> ` + private + `","ts":"1.000100","channel":"C1","event_ts":"1.000100"}}`
	req, _ := http.NewRequest("POST", s.url+"/slack/events", strings.NewReader(ev))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-Slack-Request-Timestamp", strconv.FormatInt(ts, 10))
	req.Header.Set("X-Slack-Signature", slackSign(secret, ts, ev))
	if code, body := do(t, req); code != 200 {
		t.Errorf("/slack/events: %d %s", code, body)
	}
	// Discord /ask interaction, from a member named Bartholomew
	ix := `{"type":2,"id":"1","application_id":"2","token":"tok","version":1,"channel_id":"3","guild_id":"4",` +
		`"member":{"user":{"id":"5","username":"Bartholomew","global_name":"Bartholomew"},"permissions":"0","roles":[]},` +
		`"data":{"id":"6","name":"ask","type":1,"options":[{"name":"question","type":3,"value":"` + private + `"}]}}`
	if code, body := discordPost(t, s.url, priv, ix, false); code != 200 || !strings.Contains(body, `"flags":64`) {
		t.Errorf("/discord/interactions %d %s", code, body)
	}
	time.Sleep(300 * time.Millisecond) // let the mention's reply be posted and logged
	if err := s.stop(); err != nil {
		t.Fatal(err)
	}
	logs := s.logs.String()
	if !strings.Contains(logs, "faqbot serving") {
		t.Fatalf("no log at all?\n%s", logs)
	}
	for _, secretWord := range []string{"zebracorn", "Bartholomew", "husband", "confidential", "roadrunner", "xoxb-test", secret} {
		if strings.Contains(logs, secretWord) {
			t.Errorf("the log contains %q:\n%s", secretWord, logs)
		}
	}
}

// TestServeReload: appending a valid section to the live file publishes it
// within 2 seconds with a new version; a broken file is refused and the
// previous version keeps answering, with /readyz still 200.
func TestServeReload(t *testing.T) {
	dir := t.TempDir()
	path := dir + "/kb.md"
	orig := knowledge.DefaultBytes()
	os.WriteFile(path, orig, 0o644)
	cfg := dir + "/faqbot.toml"
	// the test polls fast, and wants edits live soon
	os.WriteFile(cfg, []byte("[rate_limit]\nevery = \"0s\"\n[knowledge]\nsettle = \"100ms\"\nhold = \"1s\"\n"), 0o644)
	s := serve(t, env(), "--knowledge", path, "--config", cfg)
	_, before := postJSON(t, s.url+"/v1/ask", `{"question":"what is sex therapy"}`)

	added := append(append([]byte{}, orig...), []byte("\n## Parking at the Clinic\n\nFree parking is behind the building on Elm Street.\n@ask: where can I park\n")...)
	os.WriteFile(path, added, 0o644)
	deadline := time.Now().Add(2 * time.Second)
	var r faqbot.Reply
	for time.Now().Before(deadline) {
		_, r = postJSON(t, s.url+"/v1/ask", `{"question":"where can I park my car"}`)
		if r.Section == "Parking at the Clinic" {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	if r.Section != "Parking at the Clinic" || r.Version == before.Version {
		t.Fatalf("new section not live within 2s: %+v", r)
	}

	os.WriteFile(path, []byte("## Broken\n\n@oops: not a directive\n"), 0o644)
	time.Sleep(700 * time.Millisecond)
	_, after := postJSON(t, s.url+"/v1/ask", `{"question":"where can I park my car"}`)
	if after.Version != r.Version || after.Section != "Parking at the Clinic" {
		t.Errorf("a broken edit went live: %+v", after)
	}
	if code, body := get(t, s.url+"/readyz"); code != 200 {
		t.Errorf("/readyz after a refused edit: %d %s", code, body)
	}
	if !strings.Contains(s.logs.String(), "knowledge edit refused") {
		t.Errorf("the refused edit was not logged")
	}
}

// TestGracefulShutdown runs faqbot in a child process, starts a request,
// sends SIGTERM while the request's body is still arriving, and checks the
// request is answered and the process exits 0.
func TestGracefulShutdown(t *testing.T) {
	c := startChild(t, writeConfig(t, "[server]\nlog_format = \"json\"\ndrain_period = \"100ms\"\n"))
	addr := strings.TrimPrefix(c.url, "http://")
	body := `{"question":"What can I expect during a sex therapy session?"}`
	pr, pw := io.Pipe()
	req, _ := http.NewRequest("POST", "http://"+addr+"/v1/ask", pr)
	req.ContentLength = int64(len(body))
	req.Header.Set("Content-Type", "application/json")
	type result struct {
		code int
		body string
		err  error
	}
	got := make(chan result, 1)
	go func() {
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			got <- result{err: err}
			return
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		got <- result{code: resp.StatusCode, body: string(b)}
	}()
	pw.Write([]byte(body[:10])) // the request is now in flight
	time.Sleep(200 * time.Millisecond)
	c.signal(t, syscall.SIGTERM)
	time.Sleep(200 * time.Millisecond)
	pw.Write([]byte(body[10:]))
	pw.Close()
	r := <-got
	if r.err != nil || r.code != 200 || !strings.Contains(r.body, "confidential") {
		t.Errorf("in-flight request: %d %v %.100s", r.code, r.err, r.body)
	}
	if err := c.wait(t, 10*time.Second); err != nil {
		t.Errorf("exit: %v\n%s", err, c.logs.String())
	}
	sc := bufio.NewScanner(strings.NewReader(c.logs.String()))
	var sawStop bool
	for sc.Scan() {
		sawStop = sawStop || strings.Contains(sc.Text(), `"msg":"stopped"`)
	}
	if !sawStop {
		t.Errorf("no clean stop in the log:\n%s", c.logs.String())
	}
}

func slackCommand(t *testing.T, base, secret string, ts int64, text string) (int, string) {
	t.Helper()
	form := url.Values{"command": {"/faq"}, "text": {text}, "user_id": {"U2CERLKJA"}, "user_name": {"roadrunner"},
		"channel_id": {"C1"}, "team_id": {"T1"}, "response_url": {"http://127.0.0.1:9/hooks/x"}, "trigger_id": {"1.2.3"}}.Encode()
	req, _ := http.NewRequest("POST", base+"/slack/commands", strings.NewReader(form))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("X-Slack-Request-Timestamp", strconv.FormatInt(ts, 10))
	req.Header.Set("X-Slack-Signature", slackSign(secret, ts, form))
	return do(t, req)
}

// TestServeSlackSigningSecretOnly is the Slack issue's acceptance check:
// started with only SLACK_SIGNING_SECRET, a correctly signed /faq post gets
// an ephemeral reply quoting the answer; a bad or stale signature gets 401.
func TestServeSlackSigningSecretOnly(t *testing.T) {
	const secret = "a-signing-secret"
	s := serve(t, env("SLACK_SIGNING_SECRET", secret))
	now := time.Now().Unix()
	code, body := slackCommand(t, s.url, secret, now, "what is sex therapy")
	if code != 200 || !strings.Contains(body, `"response_type":"ephemeral"`) || !strings.Contains(body, "specialized form of psychotherapy") {
		t.Errorf("signed: %d %s", code, body)
	}
	if code, _ := slackCommand(t, s.url, "wrong-secret", now, "what is sex therapy"); code != 401 {
		t.Errorf("bad signature: %d", code)
	}
	if code, _ := slackCommand(t, s.url, secret, now-10*60, "what is sex therapy"); code != 401 {
		t.Errorf("stale signature: %d", code)
	}
}

func discordPost(t *testing.T, base string, priv ed25519.PrivateKey, body string, tamper bool) (int, string) {
	t.Helper()
	ts := strconv.FormatInt(time.Now().Unix(), 10)
	sig := hex.EncodeToString(ed25519.Sign(priv, []byte(ts+body)))
	if tamper {
		body = strings.Replace(body, "sex therapy", "sex  therapy", 1)
	}
	req, _ := http.NewRequest("POST", base+"/discord/interactions", strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-Signature-Timestamp", ts)
	req.Header.Set("X-Signature-Ed25519", sig)
	return do(t, req)
}

// TestServeDiscordPublicKeyOnly is the Discord issue's acceptance check:
// started with only DISCORD_PUBLIC_KEY, a signed /ask gets type 4 with
// flags 64 quoting the answer, a signed PING gets {"type":1}, and a
// tampered body gets 401.
func TestServeDiscordPublicKeyOnly(t *testing.T) {
	pub, priv, _ := ed25519.GenerateKey(rand.Reader)
	s := serve(t, env("DISCORD_PUBLIC_KEY", hex.EncodeToString(pub)))
	ask := `{"type":2,"id":"1","application_id":"2","token":"tok","version":1,"channel_id":"3","guild_id":"4",` +
		`"member":{"user":{"id":"5","username":"u"},"permissions":"0","roles":[]},` +
		`"data":{"id":"6","name":"ask","type":1,"options":[{"name":"question","type":3,"value":"what is sex therapy"}]}}`
	code, body := discordPost(t, s.url, priv, ask, false)
	var resp struct {
		Type int `json:"type"`
		Data struct {
			Flags   int    `json:"flags"`
			Content string `json:"content"`
		} `json:"data"`
	}
	json.Unmarshal([]byte(body), &resp)
	if code != 200 || resp.Type != 4 || resp.Data.Flags != 64 || !strings.Contains(resp.Data.Content, "specialized form of psychotherapy") {
		t.Errorf("/ask: %d %s", code, body)
	}
	if code, body := discordPost(t, s.url, priv, `{"type":1,"id":"1","application_id":"2","token":"t","version":1}`, false); code != 200 || strings.TrimSpace(body) != `{"type":1}` {
		t.Errorf("PING: %d %s", code, body)
	}
	if code, _ := discordPost(t, s.url, priv, ask, true); code != 401 {
		t.Errorf("tampered body: %d", code)
	}
}
