package engine_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/faqbot/faqbot"
	"github.com/faqbot/faqbot/internal/engine"
	"github.com/faqbot/faqbot/internal/watch"
	"github.com/faqbot/faqbot/knowledge"
)

// markerFile is a small knowledge file whose "Marker" section says which
// edit it is, so an answer shows the version it came from.
func markerFile(i int) []byte {
	return fmt.Appendf(nil, "## Marker\n\nThis is marker number %d.\n@ask: which marker is live\n@expect: which marker is live\n\n"+
		"## Other\n\nSomething else entirely, about gardening.\n@ask: tell me about gardening\n", i)
}

// brokenFile is an edit that must never go live; each kind fails a
// different check.
func brokenFile(i int) []byte {
	switch i % 3 {
	case 0:
		return []byte("## Marker\n\n@oops: not a directive\n") // unknown directive, empty section
	case 1:
		return fmt.Appendf(nil, "## Marker\n\nMarker %d.\n\n## Marker\n\nDuplicate.\n", i)
	default: // valid syntax, failing expectation
		return fmt.Appendf(nil, "## Marker\n\nMarker %d.\n@expect: tell me about gardening\n\n## Other\n\nGardening.\n@ask: tell me about gardening\n", i)
	}
}

// TestReloadUnderLoad answers continuously from several goroutines while
// the file watcher sees the file rewritten many times, valid and invalid
// edits mixed. No answer may fail or mix two versions, no invalid edit may
// go live, and every valid edit must go live within a second.
func TestReloadUnderLoad(t *testing.T) {
	path := filepath.Join(t.TempDir(), "kb.md")
	if err := os.WriteFile(path, markerFile(0), 0o644); err != nil {
		t.Fatal(err)
	}
	e, err := engine.New(engine.Options{Path: path})
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()

	// version → the passage that version must answer with
	var mu sync.Mutex
	want := map[string]string{}
	allow := func(data []byte) string {
		f, err := knowledge.Parse(path, data)
		if err != nil {
			t.Fatal(err)
		}
		mu.Lock()
		defer mu.Unlock()
		want[f.Version] = f.Sections[0].Passages[0].Text
		return f.Version
	}
	allow(markerFile(0))

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	w := &watch.Watcher{Path: path, Debounce: 20 * time.Millisecond, Poll: -1,
		Reload: func(ctx context.Context, by string) { e.Reload(ctx, by) }}
	watchDone := make(chan error, 1)
	go func() { watchDone <- w.Run(ctx) }()
	time.Sleep(50 * time.Millisecond)

	var answered atomic.Int64
	var wg sync.WaitGroup
	stop := make(chan struct{})
	for range 4 {
		wg.Go(func() {
			for {
				select {
				case <-stop:
					return
				default:
				}
				r, err := e.Answer(context.Background(), faqbot.Question{Text: "which marker is live"})
				if err != nil {
					t.Errorf("answer failed during reloads: %v", err)
					return
				}
				mu.Lock()
				text, ok := want[r.Version]
				mu.Unlock()
				switch {
				case !ok:
					t.Errorf("answered from version %s, which was never valid", r.Version)
					return
				case len(r.Sources) != 1 || r.Sources[0].Passage != text:
					t.Errorf("version %s answered with %+v, want %q", r.Version, r.Sources, text)
					return
				}
				answered.Add(1)
			}
		})
	}

	const edits = 24
	for i := 1; i <= edits; i++ {
		if i%2 == 1 {
			data := markerFile(i)
			v := allow(data)
			save(t, path, data)
			deadline := time.Now().Add(time.Second)
			for e.Status().Version != v {
				if time.Now().After(deadline) {
					t.Fatalf("edit %d (version %s) not live within 1s; live %s, last error %q", i, v, e.Status().Version, e.Status().LastError)
				}
				time.Sleep(5 * time.Millisecond)
			}
		} else {
			before := e.Status().Version
			save(t, path, brokenFile(i))
			deadline := time.Now().Add(time.Second)
			for e.Status().LastError == "" {
				if time.Now().After(deadline) {
					t.Fatalf("broken edit %d was not refused within 1s", i)
				}
				time.Sleep(5 * time.Millisecond)
			}
			if st := e.Status(); st.Version != before || !strings.Contains(st.LastError, path+":") {
				t.Fatalf("broken edit %d: live %s (want %s), error %q", i, st.Version, before, st.LastError)
			}
		}
	}
	close(stop)
	wg.Wait()
	cancel()
	if err := <-watchDone; err != nil {
		t.Error(err)
	}
	if answered.Load() < 100 {
		t.Errorf("only %d answers during the reloads", answered.Load())
	}
	t.Logf("%d answers across %d edits", answered.Load(), edits)
}

// save replaces the file as editors do, by writing a new file and renaming
// it over the old one, so no reader ever sees half an edit.
func save(t *testing.T, path string, data []byte) {
	t.Helper()
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, path); err != nil {
		t.Fatal(err)
	}
}

// TestReloadUnchanged: saving the same content again publishes nothing.
func TestReloadUnchanged(t *testing.T) {
	path := filepath.Join(t.TempDir(), "kb.md")
	os.WriteFile(path, markerFile(1), 0o644)
	var results []string
	var refusedBy string
	e, err := engine.New(engine.Options{Path: path, OnReload: func(r string) { results = append(results, r) },
		OnRefused: func(by string, err error) { refusedBy = by + ": " + err.Error() }})
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	st, err := e.Reload(context.Background(), "test")
	if err != nil || st.Version == "" {
		t.Fatal(st, err)
	}
	os.Remove(path)
	if _, err := e.Reload(context.Background(), "test"); err == nil {
		t.Error("a missing file reloaded")
	}
	if got := strings.Join(results, ","); got != "unchanged,refused" {
		t.Errorf("reload results %q", got)
	}
	if !strings.HasPrefix(refusedBy, "test: ") || !strings.Contains(refusedBy, "kb.md") {
		t.Errorf("OnRefused got %q", refusedBy)
	}
	if st := e.Status(); st.LastError == "" || st.Version == "" || len(st.Sections) != 2 || st.Passages != 2 {
		t.Errorf("status %+v", st)
	}
}
