package main

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib"
	"github.com/slack-go/slack/slacktest"

	"github.com/faqbot/faqbot"
	"github.com/faqbot/faqbot/internal/insights"
	"github.com/faqbot/faqbot/knowledge"
)

// What the insights end-to-end test sends: user ids and a crisis message
// that must never reach the store.
const (
	e2eSlackUser   = "U0SECRETID7"
	e2eDiscordUser = "998877665544332211"
	e2eCrisis      = "I want to kill myself tonight"
	e2eSourdoughA  = "what's the best sourdough bread recipe?"
	e2eSourdoughB  = "what is the best recipe for sourdough bread"
	e2eWorldCup    = "who won the football world cup"
	e2eAnswered    = "what is sex therapy"
)

// TestInsightsEndToEnd is issue 12's "Done when", over serve, on SQLite
// and (when FAQBOT_TEST_POSTGRES is set) PostgreSQL: three unanswered
// questions (two near-identical) and a crisis message; Not helpful through
// a signed Slack interaction and Helpful through a signed Discord one;
// `report --json` shows the counts and groups; the crisis message and the
// user ids are nowhere in the store; `inbox assign` makes the question an
// answer in a new version.
func TestInsightsEndToEnd(t *testing.T) {
	for _, backend := range []string{"sqlite", "postgres"} {
		t.Run(backend, func(t *testing.T) {
			dir := t.TempDir()
			store := fmt.Sprintf("path = %q\n", filepath.Join(dir, "faqbot.db"))
			var dump func() string
			if backend == "postgres" {
				dsn, schema := e2ePostgres(t)
				store = fmt.Sprintf("path = \"\"\ndsn = %q\n", dsn)
				dump = func() string { return dumpPostgres(t, dsn, schema) }
			} else {
				dump = func() string { return dumpFiles(t, filepath.Join(dir, "faqbot.db")) }
			}
			insightsEndToEnd(t, dir, store, dump)
		})
	}
}

func insightsEndToEnd(t *testing.T, dir, store string, dump func() string) {
	api := slacktest.NewTestServer()
	api.Start()
	defer api.Stop()
	pub, priv, _ := ed25519.GenerateKey(rand.Reader)
	kb := filepath.Join(dir, "kb.md")
	os.WriteFile(kb, knowledge.DefaultBytes(), 0o644)
	cfg := filepath.Join(dir, "faqbot.toml")
	os.WriteFile(cfg, []byte(fmt.Sprintf("[rate_limit]\nevery = \"0s\"\n[knowledge]\npath = %q\nsettle = \"100ms\"\nhold = \"1s\"\n"+
		"[slack]\nmode = \"http\"\napi_url = %q\nadmins = [\"UMODERATOR1\"]\n[insights]\n%skeep_unanswered = true\n", kb, api.GetAPIURL(), store)), 0o644)
	const secret = "8f742231b10e8888abcd99yyyzzz85a5"
	getenv := env("SLACK_BOT_TOKEN", "xoxb-test", "SLACK_SIGNING_SECRET", secret, "DISCORD_PUBLIC_KEY", hex.EncodeToString(pub))
	s := serve(t, getenv, "--config", cfg)

	for _, q := range []string{e2eSourdoughA, e2eSourdoughB, e2eWorldCup, e2eCrisis} {
		if code, r := postJSON(t, s.url+"/v1/ask", fmt.Sprintf(`{"question":%q}`, q)); code != 200 || r.ID == "" || r.Kind == faqbot.KindAnswer {
			t.Fatalf("ask %q: %d %+v", q, code, r)
		}
	}
	code, ans := postJSON(t, s.url+"/v1/ask", fmt.Sprintf(`{"question":%q}`, e2eAnswered))
	if code != 200 || ans.Kind != faqbot.KindAnswer || ans.ID == "" {
		t.Fatalf("ask %q: %d %+v", e2eAnswered, code, ans)
	}

	// Not helpful, through a signed Slack block_actions interaction
	payload := fmt.Sprintf(`{"type":"block_actions","trigger_id":"trig1","user":{"id":%q,"name":"roadrunner"},"team":{"id":"T1"},`+
		`"container":{"type":"message","message_ts":"1.000100","channel_id":"C1"},"channel":{"id":"C1"},"response_url":%q,`+
		`"actions":[{"action_id":"faq_not_helpful","block_id":"b1","value":%q,"type":"button"}]}`, e2eSlackUser, api.GetAPIURL()+"resp", ans.ID)
	body := "payload=" + url.QueryEscape(payload)
	ts := time.Now().Unix()
	req, _ := http.NewRequest("POST", s.url+"/slack/interactions", strings.NewReader(body))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("X-Slack-Request-Timestamp", strconv.FormatInt(ts, 10))
	req.Header.Set("X-Slack-Signature", slackSign(secret, ts, body))
	if code, body := do(t, req); code != 200 {
		t.Fatalf("/slack/interactions: %d %s", code, body)
	}
	// Helpful, through a signed Discord button interaction
	key := sha256.Sum256([]byte(ans.Section))
	ix := fmt.Sprintf(`{"type":3,"id":"11","application_id":"2","token":"tok","version":1,"channel_id":"3","guild_id":"4",`+
		`"member":{"user":{"id":%q,"username":"Bartholomew"},"permissions":"0","roles":[]},"message":{"id":"77","channel_id":"3"},`+
		`"data":{"custom_id":"faq:f:y:%s:%s","component_type":2}}`, e2eDiscordUser, hex.EncodeToString(key[:8]), ans.ID)
	if code, body := discordPost(t, s.url, priv, ix, false); code != 200 {
		t.Fatalf("/discord/interactions: %d %s", code, body)
	}

	// the writes are asynchronous: wait for them
	var rep insights.Report
	deadline := time.Now().Add(5 * time.Second)
	for {
		var out bytes.Buffer
		if err := run(context.Background(), []string{"report", "--json", "--config", cfg}, getenv, nil, &out, &out); err != nil {
			t.Fatalf("report: %v\n%s", err, out.String())
		}
		rep = insights.Report{}
		if err := json.Unmarshal(out.Bytes(), &rep); err != nil {
			t.Fatalf("report --json: %v\n%s", err, out.String())
		}
		if len(rep.Sections) == 1 && rep.Sections[0].Helpful+rep.Sections[0].Unhelpful == 2 || time.Now().After(deadline) {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	if got := fmt.Sprint(rep.Replies); got != "map[answer:1 handoff:1 no_match:3]" {
		t.Errorf("replies = %s", got)
	}
	if len(rep.Sections) != 1 || rep.Sections[0] != (insights.SectionVotes{Section: ans.Section, Version: ans.Version, Helpful: 1, Unhelpful: 1}) {
		t.Errorf("sections = %+v", rep.Sections)
	}
	// Two groups of unanswered questions, the near-identical pair counted
	// twice; the answer marked Not helpful is kept apart, with its section.
	groups := map[string]insights.Group{}
	for _, g := range rep.Unanswered {
		groups[g.Text] = g
	}
	sour, ok := groups[e2eSourdoughB]
	if !ok {
		sour, ok = groups[e2eSourdoughA]
	}
	if len(rep.Unanswered) != 2 || !ok || sour.Count != 2 || groups[e2eWorldCup].Count != 1 {
		t.Errorf("unanswered = %+v", rep.Unanswered)
	}
	if len(rep.NotHelpful) != 1 || rep.NotHelpful[0].Text != e2eAnswered || rep.NotHelpful[0].Section != ans.Section || rep.NotHelpful[0].Count != 1 {
		t.Errorf("not helpful = %+v", rep.NotHelpful)
	}

	// A moderator's /faq-admin inbox in Slack lists the same groups, and
	// a Dismiss click there drops one (the chat path of the same store).
	form := url.Values{"command": {"/faq-admin"}, "text": {"inbox"}, "user_id": {"UMODERATOR1"}, "team_id": {"T1"},
		"channel_id": {"C1"}, "response_url": {api.GetAPIURL() + "resp"}, "trigger_id": {"trig2"}}.Encode()
	if code, body := slackPost(t, s.url+"/slack/commands", secret, form); code != 200 || !strings.Contains(body, "sourdough") || !strings.Contains(body, "football") {
		t.Fatalf("/faq-admin inbox: %d %s", code, body)
	}
	cup := groups[e2eWorldCup]
	payload = fmt.Sprintf(`{"type":"block_actions","trigger_id":"trig3","user":{"id":"UMODERATOR1"},"team":{"id":"T1"},`+
		`"container":{"type":"message","message_ts":"1.000200","channel_id":"C1"},"channel":{"id":"C1"},"response_url":%q,`+
		`"actions":[{"action_id":"faq_inbox_dismiss","block_id":"b2","value":%q,"type":"button"}]}`, api.GetAPIURL()+"resp", "d|"+ans.Version[:min(8, len(ans.Version))]+"|"+cup.ID)
	if code, body := slackPost(t, s.url+"/slack/interactions", secret, "payload="+url.QueryEscape(payload)); code != 200 {
		t.Fatalf("inbox dismiss click: %d %s", code, body)
	}
	deadline = time.Now().Add(5 * time.Second)
	for {
		var out bytes.Buffer
		run(context.Background(), []string{"inbox", "--json", "--config", cfg}, getenv, nil, &out, &out)
		if !strings.Contains(out.String(), cup.ID) {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the Dismiss click in Slack left the group in the inbox:\n%s", out.String())
		}
		time.Sleep(50 * time.Millisecond)
	}

	// The store never holds the crisis message or a user id.
	s.stop()
	all := dump()
	if !strings.Contains(all, "sourdough") {
		t.Fatalf("the dump does not hold what it should; is it the right store?\n%.500s", all)
	}
	for _, never := range []string{"kill myself", e2eSlackUser, e2eDiscordUser, "roadrunner", "Bartholomew", "C1"} {
		if strings.Contains(all, never) {
			t.Errorf("the store holds %q", never)
		}
	}

	// inbox assign adds the question under a section and publishes it; a
	// serve running on the file makes it an answer, in a new version.
	s = serve(t, getenv, "--config", cfg)
	var out bytes.Buffer
	if err := run(context.Background(), []string{"inbox", "assign", "--config", cfg, sour.ID, "What is Sex Therapy?"}, getenv, nil, &out, &out); err != nil {
		t.Fatalf("inbox assign: %v\n%s", err, out.String())
	}
	out.Reset()
	run(context.Background(), []string{"inbox", "--json", "--config", cfg}, getenv, nil, &out, &out)
	if strings.Contains(out.String(), sour.ID) {
		t.Errorf("the assigned group is still in the inbox:\n%s", out.String())
	}
	// (asks before the edit is live are unanswered again: they would
	// bring the group back, which is why the inbox is read first)
	var r faqbot.Reply
	deadline = time.Now().Add(5 * time.Second)
	for time.Now().Before(deadline) {
		_, r = postJSON(t, s.url+"/v1/ask", fmt.Sprintf(`{"question":%q}`, sour.Text))
		if r.Kind == faqbot.KindAnswer {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	if r.Kind != faqbot.KindAnswer || r.Section != "What is Sex Therapy?" || r.Version == ans.Version {
		t.Errorf("after assign, %q = %s in %q version %s (was %s)", sour.Text, r.Kind, r.Section, r.Version, ans.Version)
	}
}

// dumpFiles is the bytes of a SQLite file and its journal, as text.
func dumpFiles(t *testing.T, path string) string {
	var b strings.Builder
	for _, p := range []string{path, path + "-wal", path + "-journal"} {
		if data, err := os.ReadFile(p); err == nil {
			b.Write(data)
		}
	}
	return b.String()
}

// e2ePostgres is FAQBOT_TEST_POSTGRES with a fresh schema of its own.
func e2ePostgres(t *testing.T) (dsn, schema string) {
	t.Helper()
	base := os.Getenv("FAQBOT_TEST_POSTGRES")
	if base == "" {
		if os.Getenv("CI") != "" {
			t.Fatal("FAQBOT_TEST_POSTGRES is unset in CI: .ci/run should have started a PostgreSQL")
		}
		t.Skip("PostgreSQL end-to-end test skipped: set FAQBOT_TEST_POSTGRES=postgres://… (.ci/run starts one)")
	}
	schema = fmt.Sprintf("e2e%d_%d", os.Getpid(), time.Now().UnixNano()%1e6)
	db, err := sql.Open("pgx", base)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec("CREATE SCHEMA " + schema); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Exec("DROP SCHEMA " + schema + " CASCADE"); db.Close() })
	sep := "?"
	if strings.Contains(base, "?") {
		sep = "&"
	}
	return base + sep + "search_path=" + schema, schema
}

// dumpPostgres is every row of every table in schema, as text.
func dumpPostgres(t *testing.T, dsn, schema string) string {
	t.Helper()
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.Query(`SELECT table_name FROM information_schema.tables WHERE table_schema = $1`, schema)
	if err != nil {
		t.Fatal(err)
	}
	var tables []string
	for rows.Next() {
		var n string
		rows.Scan(&n)
		tables = append(tables, n)
	}
	rows.Close()
	var b strings.Builder
	for _, tb := range tables {
		r, err := db.Query(`SELECT t::text FROM ` + schema + `.` + tb + ` t`)
		if err != nil {
			t.Fatal(err)
		}
		for r.Next() {
			var s string
			r.Scan(&s)
			b.WriteString(tb + " " + s + "\n")
		}
		r.Close()
	}
	return b.String()
}

// TestTwoReplicasOneReply is the replica check: two serve on one
// PostgreSQL get the same signed Slack event (a retry that landed on the
// other replica), and exactly one reply is posted.
func TestTwoReplicasOneReply(t *testing.T) {
	dsn, _ := e2ePostgres(t)
	var mu sync.Mutex
	posts := 0
	api := slacktest.NewTestServer(func(c slacktest.Customize) {
		c.Handle("/chat.postMessage", func(w http.ResponseWriter, r *http.Request) {
			mu.Lock()
			posts++
			mu.Unlock()
			w.Header().Set("Content-Type", "application/json")
			fmt.Fprint(w, `{"ok":true,"channel":"C1","ts":"2.000200"}`)
		})
	})
	api.Start()
	defer api.Stop()
	cfg := filepath.Join(t.TempDir(), "faqbot.toml")
	os.WriteFile(cfg, []byte(fmt.Sprintf("[rate_limit]\nevery = \"0s\"\n[slack]\nmode = \"http\"\napi_url = %q\n[insights]\npath = \"\"\ndsn = %q\n", api.GetAPIURL(), dsn)), 0o644)
	const secret = "8f742231b10e8888abcd99yyyzzz85a5"
	getenv := env("SLACK_BOT_TOKEN", "xoxb-test", "SLACK_SIGNING_SECRET", secret)
	replicas := []*served{serve(t, getenv, "--config", cfg), serve(t, getenv, "--config", cfg)}
	ev := `{"token":"x","team_id":"T1","api_app_id":"A1","type":"event_callback","event_id":"EvReplica1","event_time":1,` +
		`"event":{"type":"app_mention","user":"U2CERLKJA","text":"<@UBOT> what is sex therapy","ts":"1.000100","channel":"C1","event_ts":"1.000100"}}`
	ts := time.Now().Unix()
	for i, s := range replicas {
		req, _ := http.NewRequest("POST", s.url+"/slack/events", strings.NewReader(ev))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("X-Slack-Request-Timestamp", strconv.FormatInt(ts, 10))
		req.Header.Set("X-Slack-Signature", slackSign(secret, ts, ev))
		if i == 1 {
			req.Header.Set("X-Slack-Retry-Num", "1")
			req.Header.Set("X-Slack-Retry-Reason", "http_timeout")
		}
		if code, body := do(t, req); code != 200 {
			t.Fatalf("replica %d: %d %s", i, code, body)
		}
	}
	time.Sleep(time.Second) // replies are posted asynchronously
	mu.Lock()
	defer mu.Unlock()
	if posts != 1 {
		t.Errorf("%d replies posted, want exactly 1", posts)
	}
}

// slackPost sends a form body signed as Slack signs it.
func slackPost(t *testing.T, u, secret, body string) (int, string) {
	t.Helper()
	ts := time.Now().Unix()
	req, _ := http.NewRequest("POST", u, strings.NewReader(body))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("X-Slack-Request-Timestamp", strconv.FormatInt(ts, 10))
	req.Header.Set("X-Slack-Signature", slackSign(secret, ts, body))
	return do(t, req)
}
