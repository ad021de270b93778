// Package watch tells the engine when the knowledge file changes on disk.
// It watches the file's directory, not the file: editors save by writing a
// new file and renaming it over the old one, and a Kubernetes ConfigMap
// swaps a "..data" symlink, and both replace the inode a file watch would be
// holding. Events are debounced, and a slow poll of the file's size and
// modification time backs fsnotify up on filesystems that send no events
// (network mounts, some bind mounts). A change is passed on only once the
// file has stopped changing (see Watcher).
package watch

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"time"

	"github.com/fsnotify/fsnotify"
)

// ErrHold is what Reload returns (wrapped) to say "not yet": the file
// looks unfinished, so call again once it has been unchanged for Hold.
var ErrHold = errors.New("watch: hold the edit until the file settles")

// Watcher calls Reload when the file at Path has changed and then stayed
// unchanged for Settle: a writer that pauses partway (scp, a slow network
// mount, an editor's plugin) must not get half a file published. Unchanged
// means no event for the file and the same size and modification time.
type Watcher struct {
	Path string
	// Reload reads the file. settled reports that the file has also been
	// unchanged for Hold. Returning an error that wraps ErrHold, when not
	// settled, asks for one more call once it is; any other result ends
	// the watcher's part until the next change.
	Reload func(ctx context.Context, by string, settled bool) error
	Logger *slog.Logger
	Settle time.Duration // default 2s
	Hold   time.Duration // default 30s
	Poll   time.Duration // default 10s; negative turns polling off
}

// Run watches until ctx ends. It returns nil then, or an error when the
// directory cannot be watched at all.
func (w *Watcher) Run(ctx context.Context) error {
	settle, hold, poll := w.Settle, w.Hold, w.Poll
	if settle <= 0 {
		settle = 2 * time.Second
	}
	if hold <= 0 {
		hold = 30 * time.Second
	}
	if poll == 0 {
		poll = 10 * time.Second
	}
	logger := w.Logger
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		return fmt.Errorf("watch: %w", err)
	}
	defer fw.Close()
	dir := filepath.Dir(w.Path)
	if err := fw.Add(dir); err != nil {
		return fmt.Errorf("watch: %s: %w", dir, err)
	}
	logger.Info("watching the knowledge file", "path", w.Path, "settle", settle.String(), "hold", hold.String())

	timer := time.NewTimer(time.Hour)
	timer.Stop()
	defer timer.Stop()
	var fire <-chan time.Time
	arm := func(d time.Duration) {
		timer.Reset(d)
		fire = timer.C
	}
	var ticker <-chan time.Time
	if poll > 0 {
		t := time.NewTicker(poll)
		defer t.Stop()
		ticker = t.C
	}
	last := stamp(w.Path)
	var changedAt time.Time
	by := "file watcher"
	changed := func(who string) {
		last, changedAt, by = stamp(w.Path), time.Now(), who
		arm(settle)
	}
	base := filepath.Base(w.Path)
	for {
		select {
		case <-ctx.Done():
			return nil
		case ev, ok := <-fw.Events:
			if !ok {
				return nil
			}
			name := filepath.Base(ev.Name)
			// the file itself, or a ConfigMap's "..data" swap
			if name != base && name != "..data" {
				continue
			}
			changed("file watcher")
		case err, ok := <-fw.Errors:
			if !ok {
				return nil
			}
			logger.Warn("knowledge file watch error", "error", err)
		case <-fire:
			fire = nil
			if s := stamp(w.Path); s != last {
				changed(by) // still being written, quietly (no event)
				continue
			}
			quiet := time.Since(changedAt)
			settled := quiet >= hold
			err := w.Reload(ctx, by, settled)
			if !settled && errors.Is(err, ErrHold) {
				arm(hold - quiet)
			}
		case <-ticker:
			if s := stamp(w.Path); s != last {
				changed("file watcher (poll)")
			}
		}
	}
}

type fileStamp struct {
	size int64
	mod  time.Time
	mode os.FileMode
}

func stamp(path string) fileStamp {
	fi, err := os.Stat(path) // follows symlinks: a swapped target counts
	if err != nil {
		return fileStamp{size: -1}
	}
	return fileStamp{fi.Size(), fi.ModTime(), fi.Mode()}
}
