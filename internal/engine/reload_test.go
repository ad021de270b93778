package engine_test

import (
	"bytes"
	"context"
	"errors"
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
	w := &watch.Watcher{Path: path, Settle: 20 * time.Millisecond, Poll: -1, Reload: watchReload(e)}
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

// watchReload is how serve wires the watcher to the engine.
func watchReload(e *engine.Engine) func(ctx context.Context, by string, settled bool) error {
	return func(ctx context.Context, by string, settled bool) error {
		if _, err := e.ReloadEdit(ctx, by, settled); errors.Is(err, engine.ErrHeld) {
			return fmt.Errorf("%w: %w", watch.ErrHold, err)
		}
		return nil
	}
}

// sections is a valid knowledge file with n sections, named after i.
func sections(i, n int) []byte {
	var b strings.Builder
	for j := range n {
		fmt.Fprintf(&b, "## Topic %d\n\nThis is topic %d of edit %d, about relationships and how they can change.\n@ask: tell me about topic %d\n\n", j, j, i, j)
	}
	return []byte(b.String())
}

// TestReloadEditHoldsUnfinishedEdits: an edit the watcher saw that looks
// like a write still in progress is held back (not published, not refused,
// no moderator told) until it has settled or a moderator reloads.
func TestReloadEditHoldsUnfinishedEdits(t *testing.T) {
	full := sections(0, 10)
	tests := []struct {
		name     string
		data     []byte
		settled  bool
		want     string // published, held, refused or unchanged
		wantWhy  string
		explicit bool // Reload rather than ReloadEdit
	}{
		{name: "a complete edit", data: sections(1, 10), want: "published"},
		{name: "the same file again", data: full, want: "unchanged"},
		{name: "cut off mid-word", data: full[:len(full)/3], want: "held", wantWhy: "does not end with a newline"},
		{name: "truncated to nothing", data: nil, want: "held", wantWhy: "the file is empty"},
		{name: "cut at a line: most sections gone", data: sections(0, 4), want: "held", wantWhy: "removes 6 of the 10 live sections"},
		{name: "half the sections gone is a plain edit", data: sections(0, 5), want: "published"},
		{name: "no newline, but settled", data: bytes.TrimSuffix(sections(2, 10), []byte("\n")), settled: true, want: "published"},
		{name: "most sections gone, but settled", data: sections(0, 2), settled: true, want: "published"},
		{name: "most sections gone, confirmed by a reload", data: sections(0, 2), explicit: true, want: "published"},
		{name: "no newline, confirmed by a reload", data: full[:len(full)-1], explicit: true, want: "published"},
		{name: "a finished but broken edit", data: []byte("## Topic 0\n\n@oops: typo\n" + string(full)), want: "refused"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "kb.md")
			os.WriteFile(path, full, 0o644)
			var results []string
			refused := 0
			e, err := engine.New(engine.Options{Path: path, OnReload: func(r string) { results = append(results, r) },
				OnRefused: func(string, error) { refused++ }})
			if err != nil {
				t.Fatal(err)
			}
			defer e.Close()
			before := e.Status().Version
			os.WriteFile(path, tt.data, 0o644)
			if tt.explicit {
				_, err = e.Reload(context.Background(), "test")
			} else {
				_, err = e.ReloadEdit(context.Background(), "file watcher", tt.settled)
			}
			if got := strings.Join(results, ","); got != tt.want {
				t.Fatalf("reload result %q (err %v), want %q", got, err, tt.want)
			}
			st := e.Status()
			switch tt.want {
			case "published":
				if err != nil || st.Version == before {
					t.Errorf("not published: %v, version %s", err, st.Version)
				}
			case "held":
				if !errors.Is(err, engine.ErrHeld) || !strings.Contains(err.Error(), tt.wantWhy) {
					t.Errorf("error %v, want ErrHeld saying %q", err, tt.wantWhy)
				}
				if st.Version != before || st.LastError != "" || refused != 0 {
					t.Errorf("a held edit changed the status %+v or told the moderators (%d)", st, refused)
				}
			case "refused":
				if err == nil || errors.Is(err, engine.ErrHeld) || st.Version != before || refused != 1 {
					t.Errorf("refused: %v, version %s, %d notices", err, st.Version, refused)
				}
			}
		})
	}
}

// TestPartialWriteNeverGoesLive is the reproduction: the live file
// is truncated and rewritten in thirds, with pauses longer than the settle
// period. No shorter version may ever be published; the whole edit goes
// live once written.
func TestPartialWriteNeverGoesLive(t *testing.T) {
	path := filepath.Join(t.TempDir(), "kb.md")
	os.WriteFile(path, sections(0, 10), 0o644)
	var mu sync.Mutex
	var published []faqbot.Status
	e, err := engine.New(engine.Options{Path: path, OnPublish: func(st faqbot.Status) {
		mu.Lock()
		defer mu.Unlock()
		published = append(published, st)
	}})
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	ctx, cancel := context.WithCancel(context.Background())
	w := &watch.Watcher{Path: path, Settle: 50 * time.Millisecond, Hold: 5 * time.Second, Poll: -1, Reload: watchReload(e)}
	done := make(chan error, 1)
	go func() { done <- w.Run(ctx) }()
	defer func() { cancel(); <-done }()
	time.Sleep(50 * time.Millisecond)

	full := sections(1, 10)
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_TRUNC, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	// the first cut ends mid-word, the second at a line after 2 sections
	cut1 := bytes.Index(full, []byte("relationships ca")) + len("relationships ca")
	cut2 := bytes.Index(full, []byte("## Topic 2"))
	for i, part := range [][]byte{full[:cut1], full[cut1:cut2], full[cut2:]} {
		if i > 0 {
			time.Sleep(200 * time.Millisecond) // 4× the settle period
		}
		f.Write(part)
	}
	want, _ := knowledge.Parse(path, full)
	deadline := time.Now().Add(3 * time.Second)
	for e.Status().Version != want.Version {
		if time.Now().After(deadline) {
			t.Fatalf("the whole edit is not live: %+v", e.Status())
		}
		time.Sleep(10 * time.Millisecond)
	}
	mu.Lock()
	defer mu.Unlock()
	for _, st := range published[1:] { // [0] is the start-up version
		if st.Version != want.Version || len(st.Sections) != 10 {
			t.Errorf("published a partial version: %d sections, version %s", len(st.Sections), st.Version)
		}
	}
}
