package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/faqbot/faqbot"
	"github.com/faqbot/faqbot/bots/web"
	"github.com/faqbot/faqbot/internal/metrics"
	"github.com/google/go-cmp/cmp"
)

// TestRunAgainstAPI drives the real HTTP API, with a fake engine, for about
// a second.
func TestRunAgainstAPI(t *testing.T) {
	var mu sync.Mutex
	asked := map[string]bool{}
	eng := faqbot.AnswerFunc(func(ctx context.Context, q faqbot.Question) (faqbot.Reply, error) {
		mu.Lock()
		asked[q.Text] = true
		mu.Unlock()
		kind := faqbot.KindAnswer
		if strings.HasPrefix(q.Text, "hi") {
			kind = faqbot.KindSmalltalk
		}
		return faqbot.Reply{Question: q.Text, Kind: kind, Text: "From the section …"}, nil
	})
	m := metrics.New()
	mux := http.NewServeMux()
	web.New(web.Config{}, web.Deps{Answerer: eng, Metrics: m}).Register(mux)
	srv := httptest.NewServer(web.Middleware(mux, nil, m))
	defer srv.Close()

	var out, errOut bytes.Buffer
	err := run(context.Background(), []string{"-url", srv.URL, "-c", "4", "-d", "1s", "-sample", "200ms"}, &out, &errOut)
	if err != nil {
		t.Fatalf("run: %v\nstdout:\n%s\nstderr:\n%s", err, &out, &errOut)
	}
	report := out.String()
	for _, want := range []*regexp.Regexp{
		regexp.MustCompile(`answers   [1-9]\d* \(\d+\.\d/s\)`),
		regexp.MustCompile(`latency   p50 \S+  p90 \S+  p99 \S+  max \S+`),
		regexp.MustCompile(`kinds     answer=\d+`),
		regexp.MustCompile(`errors    0\n`),
		regexp.MustCompile(`memory    first \d+\.\d MiB  last \d+\.\d MiB  max \d+\.\d MiB  \(([2-9]|\d\d+) samples`),
	} {
		if !want.MatchString(report) {
			t.Errorf("report does not match %s:\n%s", want, report)
		}
	}
	// Questions go round-robin, so the server sees as many distinct ones as
	// were answered, up to all of them. (On a busy machine that may be few.)
	answers, _ := strconv.Atoi(regexp.MustCompile(`answers   (\d+)`).FindStringSubmatch(report)[1])
	mu.Lock()
	defer mu.Unlock()
	if want := min(answers, len(builtinQuestions)); len(asked) < want {
		t.Errorf("the server saw %d distinct questions, want at least %d", len(asked), want)
	}
}

// TestCountsErrorsAndStops checks -n bounds the run and errors are counted
// by status, against a server that refuses every other request and has no
// metrics.
func TestCountsErrorsAndStops(t *testing.T) {
	var requests atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/v1/ask" {
			http.NotFound(w, r)
			return
		}
		if requests.Add(1)%2 == 0 {
			http.Error(w, `{"error":"slow down"}`, http.StatusTooManyRequests)
			return
		}
		w.Write([]byte(`{"kind":"answer"}`))
	}))
	defer srv.Close()

	var out bytes.Buffer
	err := run(context.Background(), []string{"-url", srv.URL, "-c", "3", "-n", "20", "-d", "30s"}, &out, &out)
	if err != nil {
		t.Fatalf("run: %v\n%s", err, &out)
	}
	if got := requests.Load(); got != 20 {
		t.Errorf("server got %d requests, want 20", got)
	}
	for _, want := range []string{"20 requests", "answers   10 ", "errors    10: 429=10", "memory    not available", "404"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("report lacks %q:\n%s", want, &out)
		}
	}
}

func TestNoAnswersIsAnError(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "down", http.StatusServiceUnavailable)
	}))
	defer srv.Close()
	var out bytes.Buffer
	err := run(context.Background(), []string{"-url", srv.URL, "-n", "5"}, &out, &out)
	if err == nil || !strings.Contains(out.String(), "503=5") {
		t.Errorf("err = %v, want an error and 503=5 in:\n%s", err, &out)
	}
}

func TestFlags(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"-c", "0"}, "-c 0: want 1 to 1024"},
		{[]string{"-c", "5000"}, "-c 5000"},
		{[]string{"-d", "0s"}, "-d 0s"},
		{[]string{"-d", "2h"}, "-d 2h0m0s: want more than 0 and at most 1h0m0s"},
		{[]string{"-n", "-1"}, "-n -1"},
		{[]string{"-url", "ftp://example.org"}, "want an absolute http(s) URL"},
		{[]string{"-url", "localhost:8080"}, "want an absolute http(s) URL"},
		{[]string{"-timeout", "0s"}, "-timeout"},
		{[]string{"-sample", "0s"}, "-sample"},
		{[]string{"extra"}, "unexpected arguments"},
		{[]string{"-questions", "/nonexistent/questions.txt"}, "no such file"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			var out bytes.Buffer
			err := run(context.Background(), tt.args, &out, &out)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v, want it to contain %q", err, tt.want)
			}
		})
	}
}

func TestHelpMentionsRateLimit(t *testing.T) {
	var out bytes.Buffer
	err := run(context.Background(), []string{"-h"}, &out, &out)
	if !errors.Is(err, flag.ErrHelp) {
		t.Fatalf("err = %v, want flag.ErrHelp", err)
	}
	for _, want := range []string{`every = "0s"`, "-questions", "process_resident_memory_bytes"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("help lacks %q:\n%s", want, &out)
		}
	}
}

func TestReadQuestions(t *testing.T) {
	tests := []struct {
		name    string
		content string
		want    []string
		wantErr string
	}{
		{name: "lines", content: "What is sex therapy?\n\n  How long does it take?  \n", want: []string{"What is sex therapy?", "How long does it take?"}},
		{name: "comments", content: "# a comment\nhi\n", want: []string{"hi"}},
		{name: "eval set lines", content: `{"q":"Tell me what sex therapy is","expect":"answer","any":["x"]}` + "\n" + `{"question":"hi"}` + "\n",
			want: []string{"Tell me what sex therapy is", "hi"}},
		{name: "bad json", content: "hi\n{\"q\":\n", wantErr: ":2:"},
		{name: "json without a question", content: `{"expect":"answer"}`, wantErr: `:1: no "q" or "question"`},
		{name: "empty", content: "# nothing\n", wantErr: "no questions"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "questions.txt")
			if err := os.WriteFile(path, []byte(tt.content), 0o600); err != nil {
				t.Fatal(err)
			}
			got, err := readQuestions(path)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Errorf("err = %v, want it to contain %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("questions (-want +got):\n%s", diff)
			}
		})
	}
}

func TestPercentile(t *testing.T) {
	var hundred []time.Duration
	for i := 1; i <= 100; i++ {
		hundred = append(hundred, time.Duration(i))
	}
	tests := []struct {
		sorted []time.Duration
		p      int
		want   time.Duration
	}{
		{nil, 50, 0},
		{[]time.Duration{7}, 50, 7},
		{[]time.Duration{7}, 99, 7},
		{[]time.Duration{1, 2}, 50, 1},
		{[]time.Duration{1, 2}, 90, 2},
		{hundred, 50, 50},
		{hundred, 90, 90},
		{hundred, 99, 99},
		{hundred, 100, 100},
	}
	for _, tt := range tests {
		if got := percentile(tt.sorted, tt.p); got != tt.want {
			t.Errorf("percentile(%d values, %d) = %v, want %v", len(tt.sorted), tt.p, got, tt.want)
		}
	}
}

func TestBuiltinQuestions(t *testing.T) {
	if n := len(builtinQuestions); n < 25 || n > 40 {
		t.Errorf("%d built-in questions, want about 30", n)
	}
	if !slices.ContainsFunc(builtinQuestions, func(q string) bool { return len([]rune(q)) > 1000 }) {
		t.Errorf("no built-in question is long enough to be cut at the default 1000 runes")
	}
	seen := map[string]bool{}
	for i, q := range builtinQuestions {
		if seen[q] {
			t.Errorf("question %s repeated", strconv.Itoa(i))
		}
		seen[q] = true
	}
}
