package watch_test

import (
	"context"
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
	w := &watch.Watcher{Path: path, Debounce: 20 * time.Millisecond, Poll: poll,
		Reload: func(_ context.Context, by string) { reloads <- by }}
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
	w := &watch.Watcher{Path: path, Poll: 30 * time.Millisecond}
	reloads := make(chan string, 16)
	w.Reload = func(_ context.Context, by string) { reloads <- by }
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
	w := &watch.Watcher{Path: filepath.Join(t.TempDir(), "no", "such", "kb.md"), Reload: func(context.Context, string) {}}
	if err := w.Run(context.Background()); err == nil {
		t.Error("watching a missing directory did not fail")
	}
}
