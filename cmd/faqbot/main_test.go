package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/faqbot/faqbot"
)

// TestMain lets a test run this binary's main in a child process (for
// signals and exit codes): FAQBOT_TEST_MAIN=1 turns the test binary into
// faqbot itself.
func TestMain(m *testing.M) {
	if os.Getenv("FAQBOT_TEST_MAIN") == "1" {
		os.Args = append([]string{"faqbot"}, strings.Fields(os.Getenv("FAQBOT_TEST_ARGS"))...)
		main()
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// env builds a getenv from pairs, so tests never see the machine's own.
func env(kv ...string) func(string) string {
	m := map[string]string{}
	for i := 0; i+1 < len(kv); i += 2 {
		m[kv[i]] = kv[i+1]
	}
	return func(k string) string { return m[k] }
}

// syncBuffer is a bytes.Buffer safe for a logger and a test to share.
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

func TestAskOneQuestion(t *testing.T) {
	var out, errb bytes.Buffer
	err := run(context.Background(), []string{"ask", "What is sex therapy?", "--json"}, env(), strings.NewReader(""), &out, &errb)
	if err != nil {
		t.Fatalf("ask: %v\n%s", err, errb.String())
	}
	var r faqbot.Reply
	if err := json.Unmarshal(out.Bytes(), &r); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out.String())
	}
	if r.Kind != faqbot.KindAnswer || r.Section != "What is Sex Therapy?" || len(r.Sources) == 0 || r.Version == "" {
		t.Errorf("reply %+v", r)
	}
	for _, key := range []string{`"question"`, `"kind"`, `"text"`, `"section"`, `"score"`, `"sources"`, `"resources"`} {
		if !strings.Contains(out.String(), key) {
			t.Errorf("JSON lacks %s", key)
		}
	}
}

// TestAskLines is the contract other tools rely on: exactly one reply line
// per input line, in order, whatever the line holds.
func TestAskLines(t *testing.T) {
	lines := []string{
		"What is sex therapy?",
		"",
		"I feel like ending it all",
		strings.Repeat("x", 200_000), // longer than the line buffer
		"what is \xff\xfe invalid",
		"hello",
		`title:foo AND bar~2`,
		"   ",
		"last line without newline",
	}
	in := strings.Join(lines, "\n")
	for _, asJSON := range []bool{true, false} {
		var out, errb bytes.Buffer
		args := []string{"ask"}
		if asJSON {
			args = append(args, "--json")
		}
		if err := run(context.Background(), args, env(), strings.NewReader(in), &out, &errb); err != nil {
			t.Fatalf("ask: %v\n%s", err, errb.String())
		}
		got := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
		if len(got) != len(lines) {
			t.Fatalf("json=%v: %d reply lines for %d questions", asJSON, len(got), len(lines))
		}
		if asJSON {
			wantKinds := []faqbot.Kind{faqbot.KindAnswer, faqbot.KindSmalltalk, faqbot.KindHandoff}
			for i, k := range wantKinds {
				var r faqbot.Reply
				if err := json.Unmarshal([]byte(got[i]), &r); err != nil || r.Kind != k {
					t.Errorf("line %d: kind %q (err %v), want %q", i+1, r.Kind, err, k)
				}
			}
		}
	}
}

func TestCheckCommand(t *testing.T) {
	var out, errb bytes.Buffer
	if err := run(context.Background(), []string{"check"}, env(), nil, &out, &errb); err != nil {
		t.Fatalf("check of the default file: %v\n%s", err, out.String())
	}
	if !strings.Contains(out.String(), "expectations pass") {
		t.Errorf("output: %s", out.String())
	}

	dir := t.TempDir()
	bad := dir + "/bad.md"
	os.WriteFile(bad, []byte("## A\n\nText.\n@askk: typo\n## A\n\nAgain.\n"), 0o644)
	out.Reset()
	err := run(context.Background(), []string{"check", bad}, env(), nil, &out, &errb)
	if exitCode(err) != 1 {
		t.Fatalf("check of a broken file: exit %d (%v)", exitCode(err), err)
	}
	for _, want := range []string{bad + ":4: unknown directive", bad + ":5: duplicate heading"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}

	// phrasings the bot cannot tell apart are a warning, not a failure
	twins := dir + "/twins.md"
	os.WriteFile(twins, []byte("## A\n\nOne.\n@ask: is it private\n\n## B\n\nTwo.\n@ask: is it private?\n"), 0o644)
	out.Reset()
	if err := run(context.Background(), []string{"check", twins}, env(), nil, &out, &errb); err != nil {
		t.Fatalf("check with a warning: %v", err)
	}
	if !strings.Contains(out.String(), twins+":9: warning: @ask") || !strings.Contains(out.String(), "1 warnings") {
		t.Errorf("no collision warning:\n%s", out.String())
	}

	// the pre-flight diff against the live file
	edit := dir + "/edit.md"
	os.WriteFile(edit, []byte("## A\n\nText.\n\n## B\n\nNew.\n"), 0o644)
	live := dir + "/live.md"
	os.WriteFile(live, []byte("## A\n\nText.\n"), 0o644)
	out.Reset()
	if err := run(context.Background(), []string{"check", "--against", live, edit}, env(), nil, &out, &errb); err != nil {
		t.Fatalf("check --against: %v", err)
	}
	if !strings.Contains(out.String(), "+ section added: \u201cB\u201d") {
		t.Errorf("diff output:\n%s", out.String())
	}
}

func TestUsage(t *testing.T) {
	var out, errb bytes.Buffer
	for _, args := range [][]string{nil, {"nope"}, {"ask", "--nope"}} {
		if err := run(context.Background(), args, env(), nil, &out, &errb); exitCode(err) != 2 {
			t.Errorf("%q: exit %d, want 2 (%v)", args, exitCode(err), err)
		}
	}
	if err := run(context.Background(), []string{"version"}, env(), nil, &out, &errb); err != nil {
		t.Error(err)
	}
}

// freeAddr returns a loopback address nothing listens on.
func freeAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

// served is a `faqbot serve` running in this process.
type served struct {
	url  string
	logs *syncBuffer
	stop func() error
}

// serve runs `faqbot serve` in this process on a free port. Its config
// (the --config in args, or none) gets server.drain_period = "0s" unless
// it sets one, so that stopping it does not wait out the drain.
func serve(t *testing.T, getenv func(string) string, args ...string) *served {
	t.Helper()
	args = noDrain(t, args)
	addr := freeAddr(t)
	logs := &syncBuffer{}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	var runErr error
	go func() {
		runErr = run(ctx, append([]string{"serve", "--addr", addr}, args...), getenv, nil, logs, logs)
		close(done)
	}()
	s := &served{url: "http://" + addr, logs: logs}
	var once sync.Once
	var stopErr error
	s.stop = func() error {
		once.Do(func() {
			cancel()
			select {
			case <-done:
				stopErr = runErr
			case <-time.After(15 * time.Second):
				stopErr = errors.New("serve did not stop within 15s")
			}
		})
		return stopErr
	}
	t.Cleanup(func() {
		if err := s.stop(); err != nil {
			t.Errorf("serve: %v", err)
		}
	})
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		if c, err := net.Dial("tcp", addr); err == nil {
			c.Close()
			return s
		}
		select {
		case <-done:
			t.Fatalf("serve exited: %v\n%s", runErr, logs.String())
		case <-time.After(20 * time.Millisecond):
		}
	}
	t.Fatalf("serve did not listen on %s:\n%s", addr, logs.String())
	return nil
}

// insightsAside puts a config's insights store in a temp dir unless it
// names one, so that tests never leave a faqbot.db behind.
func insightsAside(t *testing.T, content string) string {
	t.Helper()
	if strings.Contains(content, "[insights]") {
		return content
	}
	return content + fmt.Sprintf("\n[insights]\npath = %q\n", filepath.Join(t.TempDir(), "faqbot.db"))
}

// noDrain returns args with a config that has no drain period.
func noDrain(t *testing.T, args []string) []string {
	t.Helper()
	args = slices.Clone(args)
	content, at := "", -1
	for i := 0; i+1 < len(args); i++ {
		if args[i] == "--config" {
			data, err := os.ReadFile(args[i+1])
			if err != nil {
				t.Fatal(err)
			}
			content, at = string(data), i+1
		}
	}
	if !strings.Contains(content, "drain_period") {
		if strings.Contains(content, "[server]\n") {
			content = strings.Replace(content, "[server]\n", "[server]\ndrain_period = \"0s\"\n", 1)
		} else {
			content += "\n[server]\ndrain_period = \"0s\"\n"
		}
	}
	content = insightsAside(t, content)
	path := filepath.Join(t.TempDir(), "serve.toml")
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	if at < 0 {
		return append(args, "--config", path)
	}
	args[at] = path
	return args
}
