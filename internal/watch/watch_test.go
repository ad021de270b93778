package watch_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/faqbot/faqbot/internal/watch"
)

// start runs a watcher on path and returns a channel of reload reasons.
func start(t *testing.T, path string, poll time.Duration) <-chan string {
	t.Helper()
	reloads := make(chan string, 16)
	w := &watch.Watcher{Path: path, Settle: 20 * time.Millisecond, Poll: poll,
		Reload: func(_ context.Context, by string, _ bool) error { reloads <- by; return nil }}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- w.Run(ctx) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("Run: %v", err)
		}
	})
	time.Sleep(50 * time.Millisecond) // let the watch be registered
	return reloads
}

func wait(t *testing.T, reloads <-chan string) string {
	t.Helper()
	select {
	case by := <-reloads:
		return by
	case <-time.After(3 * time.Second):
		t.Fatal("no reload within 3s")
		return ""
	}
}

func write(t *testing.T, path, s string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestWriteInPlace(t *testing.T) {
	path := filepath.Join(t.TempDir(), "kb.md")
	write(t, path, "one")
	reloads := start(t, path, -1)
	write(t, path, "two")
	if by := wait(t, reloads); by != "file watcher" {
		t.Errorf("by %q", by)
	}
}

// TestRenameOverFile is how vim, VS Code and most editors save.
func TestRenameOverFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "kb.md")
	write(t, path, "one")
	reloads := start(t, path, -1)
	tmp := filepath.Join(dir, ".kb.md.swp")
	write(t, tmp, "two")
	if err := os.Rename(tmp, path); err != nil {
		t.Fatal(err)
	}
	wait(t, reloads)
}

// TestConfigMapSwap mimics Kubernetes: kb.md → ..data/kb.md, and ..data is
// a symlink swapped atomically to a new timestamped directory.
func TestConfigMapSwap(t *testing.T) {
	dir := t.TempDir()
	v1, v2 := filepath.Join(dir, "..v1"), filepath.Join(dir, "..v2")
	for _, v := range []string{v1, v2} {
		if err := os.Mkdir(v, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	write(t, filepath.Join(v1, "kb.md"), "one")
	write(t, filepath.Join(v2, "kb.md"), "two")
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(os.Symlink("..v1", filepath.Join(dir, "..data")))
	must(os.Symlink(filepath.Join("..data", "kb.md"), filepath.Join(dir, "kb.md")))
	reloads := start(t, filepath.Join(dir, "kb.md"), -1)
	must(os.Symlink("..v2", filepath.Join(dir, "..data_tmp")))
	must(os.Rename(filepath.Join(dir, "..data_tmp"), filepath.Join(dir, "..data")))
	wait(t, reloads)
}

func TestDebounceAndUnrelatedFiles(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "kb.md")
	write(t, path, "one")
	reloads := start(t, path, -1)
	write(t, filepath.Join(dir, "other.txt"), "noise")
	for i := range 5 {
		write(t, path, string(rune('a'+i)))
	}
	wait(t, reloads)
	select {
	case by := <-reloads:
		t.Errorf("a burst of writes gave a second reload (%s)", by)
	case <-time.After(200 * time.Millisecond):
	}
}

func TestPollFallback(t *testing.T) {
	path := filepath.Join(t.TempDir(), "kb.md")
	write(t, path, "one")
	w := &watch.Watcher{Path: path, Settle: 20 * time.Millisecond, Poll: 30 * time.Millisecond}
	reloads := make(chan string, 16)
	w.Reload = func(_ context.Context, by string, _ bool) error { reloads <- by; return nil }
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go w.Run(ctx)
	time.Sleep(50 * time.Millisecond)
	// change the size without an event reaching the watcher's filter: the
	// poll still sees it (here the event also fires; either reason is fine)
	write(t, path, "a longer text")
	wait(t, reloads)
}

func TestMissingDirectory(t *testing.T) {
	w := &watch.Watcher{Path: filepath.Join(t.TempDir(), "no", "such", "kb.md"), Reload: func(context.Context, string, bool) error { return nil }}
	if err := w.Run(context.Background()); err == nil {
		t.Error("watching a missing directory did not fail")
	}
}

// reloadCall is one call of Reload, with the file as it was then.
type reloadCall struct {
	settled bool
	data    string
	at      time.Time
}

// TestSettleWaitsForAPausedWriter is the partial write the issue saw: the
// live file is truncated and rewritten in thirds with pauses. The watcher
// waits until the file has been unchanged for the settle period, so it
// reads the file once, whole, after the last write.
func TestSettleWaitsForAPausedWriter(t *testing.T) {
	path := filepath.Join(t.TempDir(), "kb.md")
	write(t, path, "old\n")
	calls := make(chan reloadCall, 16)
	w := &watch.Watcher{Path: path, Settle: 300 * time.Millisecond, Poll: -1,
		Reload: func(_ context.Context, _ string, settled bool) error {
			data, _ := os.ReadFile(path)
			calls <- reloadCall{settled: settled, data: string(data), at: time.Now()}
			return nil
		}}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- w.Run(ctx) }()
	defer func() { cancel(); <-done }()
	time.Sleep(50 * time.Millisecond)

	full := ""
	for i := range 30 {
		full += fmt.Sprintf("line %d of the new file\n", i)
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_TRUNC, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	third := len(full) / 3
	for i, part := range []string{full[:third], full[third : 2*third], full[2*third:]} {
		if i > 0 {
			time.Sleep(100 * time.Millisecond) // the writer pauses
		}
		if _, err := f.WriteString(part); err != nil {
			t.Fatal(err)
		}
	}
	lastWrite := time.Now()
	select {
	case c := <-calls:
		if c.data != full {
			t.Fatalf("reloaded a partial file (%d of %d bytes)", len(c.data), len(full))
		}
		if d := c.at.Sub(lastWrite); d < 250*time.Millisecond {
			t.Errorf("reloaded %s after the last write, before the file settled", d)
		}
	case <-time.After(3 * time.Second):
		t.Fatal("no reload within 3s")
	}
	select {
	case c := <-calls:
		t.Errorf("a second reload (settled %v, %d bytes)", c.settled, len(c.data))
	case <-time.After(400 * time.Millisecond):
	}
}

// TestHoldAsksAgainOnceSettled: a Reload that holds the edit back is
// called again, settled, once the file has been unchanged for the hold
// period; a change meanwhile starts the wait again.
func TestHoldAsksAgainOnceSettled(t *testing.T) {
	path := filepath.Join(t.TempDir(), "kb.md")
	write(t, path, "one\n")
	calls := make(chan reloadCall, 16)
	w := &watch.Watcher{Path: path, Settle: 30 * time.Millisecond, Hold: 300 * time.Millisecond, Poll: -1,
		Reload: func(_ context.Context, _ string, settled bool) error {
			calls <- reloadCall{settled: settled, at: time.Now()}
			if !settled {
				return fmt.Errorf("looks unfinished: %w", watch.ErrHold)
			}
			return nil
		}}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- w.Run(ctx) }()
	defer func() { cancel(); <-done }()
	time.Sleep(50 * time.Millisecond)

	next := func() reloadCall {
		t.Helper()
		select {
		case c := <-calls:
			return c
		case <-time.After(3 * time.Second):
			t.Fatal("no reload within 3s")
			return reloadCall{}
		}
	}
	write(t, path, "two")
	start := time.Now()
	if c := next(); c.settled {
		t.Fatal("first call already settled")
	}
	time.Sleep(100 * time.Millisecond)
	write(t, path, "three") // still changing: the hold starts again
	restart := time.Now()
	if c := next(); c.settled {
		t.Fatal("the call after a new change was settled")
	}
	c := next()
	if !c.settled {
		t.Fatal("the hold's call was not settled")
	}
	if d := c.at.Sub(restart); d < 280*time.Millisecond {
		t.Errorf("settled call %s after the last change (%s after the first), want ≥ the hold", d, c.at.Sub(start))
	}
	select {
	case c := <-calls:
		t.Errorf("a call after the settled one (settled %v)", c.settled)
	case <-time.After(400 * time.Millisecond):
	}
}
