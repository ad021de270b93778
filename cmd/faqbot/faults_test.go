package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptrace"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/faqbot/faqbot"
	"github.com/faqbot/faqbot/knowledge"
)

// child is `faqbot serve` in a child process (this test binary, see
// TestMain), for what needs real signals.
type child struct {
	cmd    *exec.Cmd
	url    string
	logs   *syncBuffer
	exited chan error
}

// startChild runs `faqbot serve --addr … --config cfg ARGS` and waits until
// it answers /healthz.
func startChild(t *testing.T, cfg string, args ...string) *child {
	t.Helper()
	if testing.Short() {
		t.Skip("starts a child process")
	}
	addr := freeAddr(t)
	if data, err := os.ReadFile(cfg); err == nil {
		aside := filepath.Join(t.TempDir(), "child.toml")
		os.WriteFile(aside, []byte(insightsAside(t, string(data))), 0o644)
		cfg = aside
	}
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	// GORACE: the race detector would otherwise sleep a second at exit
	cmd.Env = append(os.Environ(), "FAQBOT_TEST_MAIN=1", "GORACE=atexit_sleep_ms=0",
		"FAQBOT_TEST_ARGS="+strings.Join(append([]string{"serve", "--addr", addr, "--config", cfg}, args...), " "))
	c := &child{cmd: cmd, url: "http://" + addr, logs: &syncBuffer{}, exited: make(chan error, 1)}
	cmd.Stderr = c.logs
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { c.exited <- cmd.Wait() }()
	t.Cleanup(func() {
		cmd.Process.Kill()
		<-c.exited
	})
	deadline := time.Now().Add(10 * time.Second)
	for {
		if resp, err := http.Get(c.url + "/healthz"); err == nil {
			resp.Body.Close()
			return c
		}
		if time.Now().After(deadline) {
			t.Fatalf("child never listened:\n%s", c.logs.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func (c *child) signal(t *testing.T, sig os.Signal) {
	t.Helper()
	if err := c.cmd.Process.Signal(sig); err != nil {
		t.Fatal(err)
	}
}

// wait waits up to d for the child to exit and returns its error.
func (c *child) wait(t *testing.T, d time.Duration) error {
	t.Helper()
	select {
	case err := <-c.exited:
		c.exited <- err // for the cleanup
		return err
	case <-time.After(d):
		t.Fatalf("the child did not exit within %s:\n%s", d, c.logs.String())
		return nil
	}
}

// waitLog waits up to d for the child's log to contain s.
func (c *child) waitLog(t *testing.T, s string, d time.Duration) {
	t.Helper()
	deadline := time.Now().Add(d)
	for !strings.Contains(c.logs.String(), s) {
		if time.Now().After(deadline) {
			t.Fatalf("the log lacks %q after %s:\n%s", s, d, c.logs.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func writeConfig(t *testing.T, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "faqbot.toml")
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestShutdownDrainsWithoutResets sends requests from keep-alive clients
// across a SIGTERM. /readyz must turn 503 while requests are still
// answered, and no request sent on a connection the server had accepted
// may fail: only new connections may be refused, once the listener closes.
func TestShutdownDrainsWithoutResets(t *testing.T) {
	cfg := writeConfig(t, "[server]\nlog_format = \"json\"\ndrain_period = \"600ms\"\n[rate_limit]\nevery = \"0s\"\n")
	c := startChild(t, cfg)

	var sigterm atomic.Int64 // unix nanos of the SIGTERM
	var (
		answered, answeredAfter, resets, refused atomic.Int64
		mu                                       sync.Mutex
		failures                                 []string
	)
	ctx, cancel := context.WithTimeout(context.Background(), 8*time.Second)
	defer cancel()
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 1}}
			defer client.CloseIdleConnections()
			for ctx.Err() == nil {
				var reused bool
				trace := &httptrace.ClientTrace{GotConn: func(i httptrace.GotConnInfo) { reused = i.Reused }}
				req, _ := http.NewRequestWithContext(httptrace.WithClientTrace(ctx, trace), "POST", c.url+"/v1/ask",
					strings.NewReader(`{"question":"what is sex therapy"}`))
				req.Header.Set("Content-Type", "application/json")
				resp, err := client.Do(req)
				if err == nil {
					_, err = io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
					if err == nil && resp.StatusCode != 200 {
						err = fmt.Errorf("status %d", resp.StatusCode)
					}
				}
				switch {
				case err == nil:
					answered.Add(1)
					if at := sigterm.Load(); at != 0 && time.Now().UnixNano() > at {
						answeredAfter.Add(1)
					}
				case errors.Is(err, syscall.ECONNREFUSED):
					refused.Add(1) // the listener is closed: the client moves on
					return
				case !reused:
					// a new connection the server never accepted (it was
					// still in the kernel's queue when the listener closed)
					refused.Add(1)
					return
				case ctx.Err() != nil:
					return
				default:
					resets.Add(1)
					mu.Lock()
					failures = append(failures, err.Error())
					mu.Unlock()
				}
			}
		})
	}
	// readiness as a load balancer sees it
	var saw503 atomic.Bool
	wg.Go(func() {
		client := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}, Timeout: time.Second}
		for ctx.Err() == nil {
			resp, err := client.Get(c.url + "/readyz")
			if err != nil {
				if sigterm.Load() != 0 {
					return
				}
				continue
			}
			resp.Body.Close()
			if resp.StatusCode == http.StatusServiceUnavailable {
				saw503.Store(true)
			}
			time.Sleep(20 * time.Millisecond)
		}
	})
	time.Sleep(300 * time.Millisecond)
	before := answered.Load()
	sigterm.Store(time.Now().UnixNano())
	c.signal(t, syscall.SIGTERM)
	if err := c.wait(t, 8*time.Second); err != nil {
		t.Errorf("exit: %v\n%s", err, c.logs.String())
	}
	cancel()
	wg.Wait()
	t.Logf("%d answered before the SIGTERM, %d after; %d refused at the close; %d failed", before, answeredAfter.Load(), refused.Load(), resets.Load())
	if before == 0 {
		t.Fatal("no request was answered before the SIGTERM")
	}
	if resets.Load() != 0 {
		t.Errorf("%d requests on accepted connections failed: %v", resets.Load(), failures)
	}
	if !saw503.Load() {
		t.Error("/readyz never said 503 during the drain")
	}
	if answeredAfter.Load() == 0 {
		t.Error("nothing was answered during the drain")
	}
	if !strings.Contains(c.logs.String(), "draining") || !strings.Contains(c.logs.String(), `"msg":"stopped"`) {
		t.Errorf("no drain or clean stop in the log:\n%s", c.logs.String())
	}
}

// TestReloadOfANamedPipeNeitherHangsNorBlocksSignals: the knowledge file
// replaced by a FIFO used to hang the reload (holding its lock), and a
// SIGHUP then blocked the main loop so that SIGTERM was never acted on.
// Now the FIFO is refused with a clear line, a valid file put back is
// loaded, and SIGTERM stops the process.
func TestReloadOfANamedPipeNeitherHangsNorBlocksSignals(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "faq.md")
	os.WriteFile(path, knowledge.DefaultBytes(), 0o644)
	cfg := writeConfig(t, "[server]\nlog_format = \"json\"\ndrain_period = \"0s\"\n[knowledge]\nsettle = \"50ms\"\nhold = \"1s\"\n")
	c := startChild(t, cfg, "--knowledge", path)

	os.Remove(path)
	if err := syscall.Mkfifo(path, 0o644); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	c.waitLog(t, "is a named pipe (FIFO), not a regular file", 3*time.Second)
	c.signal(t, syscall.SIGHUP) // while the path is still a FIFO
	time.Sleep(100 * time.Millisecond)

	// a valid edit is still picked up
	tmp := path + ".new"
	os.WriteFile(tmp, append(knowledge.DefaultBytes(), "\n## Parking at the Clinic\n\nFree parking is behind the building.\n"...), 0o644)
	if err := os.Rename(tmp, path); err != nil {
		t.Fatal(err)
	}
	c.waitLog(t, `"msg":"knowledge published","by":"file watcher"`, 3*time.Second)

	os.Remove(path)
	syscall.Mkfifo(path, 0o644)
	c.signal(t, syscall.SIGHUP)
	time.Sleep(50 * time.Millisecond)
	c.signal(t, syscall.SIGTERM)
	if err := c.wait(t, 5*time.Second); err != nil {
		t.Errorf("exit: %v", err)
	}
	if n := strings.Count(c.logs.String(), `"by":"SIGHUP"`); n < 1 {
		t.Errorf("the SIGHUP reloads were not attempted:\n%s", c.logs.String())
	}
}

// TestServeConnectionLimit: with server.max_connections = 2, a third
// client waits until one of two open connections closes.
func TestServeConnectionLimit(t *testing.T) {
	cfg := writeConfig(t, "[server]\nmax_connections = 2\nmax_concurrent = 2\n")
	s := serve(t, env(), "--config", cfg)
	addr := strings.TrimPrefix(s.url, "http://")
	var held []net.Conn
	for range 2 {
		c, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		held = append(held, c)
	}
	time.Sleep(50 * time.Millisecond) // let the server accept them
	got := make(chan int, 1)
	go func() {
		resp, err := http.Get(s.url + "/healthz")
		if err != nil {
			got <- -1
			return
		}
		resp.Body.Close()
		got <- resp.StatusCode
	}()
	select {
	case code := <-got:
		t.Fatalf("a third connection was served (%d) while two were open", code)
	case <-time.After(300 * time.Millisecond):
	}
	held[0].Close()
	select {
	case code := <-got:
		if code != 200 {
			t.Errorf("status %d", code)
		}
	case <-time.After(3 * time.Second):
		t.Fatal("the third connection was not served after one closed")
	}
	if !strings.Contains(s.logs.String(), "connection limit reached") {
		t.Errorf("the limit was not logged:\n%s", s.logs.String())
	}
}

// TestServeNeverPublishesAPartialWrite is the reproduction, at the
// default settings: truncate the live file, write its first third, wait
// 1 s, write the next third, wait 1 s, write the rest. Every answer in
// between comes from the old version or the whole new one.
func TestServeNeverPublishesAPartialWrite(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := filepath.Join(dir, "kb.md")
	orig := knowledge.DefaultBytes()
	os.WriteFile(path, orig, 0o644)
	cfg := writeConfig(t, "[rate_limit]\nevery = \"0s\"\n")
	s := serve(t, env(), "--knowledge", path, "--config", cfg)
	full := append(append([]byte{}, orig...), "\n## Parking at the Clinic\n\nFree parking is behind the building on Elm Street.\n@ask: where can I park\n"...)
	fileOf := func(data []byte) string {
		f, err := knowledge.Parse(path, data)
		if err != nil {
			t.Fatal(err)
		}
		return f.Version
	}
	oldV, newV := fileOf(orig), fileOf(full)

	stop := make(chan struct{})
	seen := map[string]int{}
	var wg sync.WaitGroup
	wg.Go(func() {
		for {
			select {
			case <-stop:
				return
			case <-time.After(40 * time.Millisecond):
			}
			_, r := postJSON(t, s.url+"/v1/ask", `{"question":"what is sex therapy"}`)
			seen[r.Version]++
		}
	})
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_TRUNC, 0)
	if err != nil {
		t.Fatal(err)
	}
	third := len(full) / 3
	for i, part := range [][]byte{full[:third], full[third : 2*third], full[2*third:]} {
		if i > 0 {
			time.Sleep(time.Second)
		}
		f.Write(part)
	}
	f.Close()
	deadline := time.Now().Add(5 * time.Second)
	var r faqbot.Reply
	for time.Now().Before(deadline) {
		if _, r = postJSON(t, s.url+"/v1/ask", `{"question":"where can I park my car"}`); r.Version == newV {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	close(stop)
	wg.Wait()
	if r.Version != newV {
		t.Errorf("the whole edit is not live: version %s", r.Version)
	}
	for v, n := range seen {
		if v != oldV && v != newV {
			t.Errorf("%d answers came from version %s, a partial file", n, v)
		}
	}
}
