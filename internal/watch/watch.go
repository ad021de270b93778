// Package watch tells the engine when the knowledge file changes on disk.
// It watches the file's directory, not the file: editors save by writing a
// new file and renaming it over the old one, and a Kubernetes ConfigMap
// swaps a "..data" symlink, and both replace the inode a file watch would be
// holding. Events are debounced, and a slow poll of the file's size and
// modification time backs fsnotify up on filesystems that send no events
// (network mounts, some bind mounts).
package watch

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"time"

	"github.com/fsnotify/fsnotify"
)

// Watcher calls Reload when the file at Path may have changed.
type Watcher struct {
	Path     string
	Reload   func(ctx context.Context, by string)
	Logger   *slog.Logger
	Debounce time.Duration // default 250ms: editors write in several steps
	Poll     time.Duration // default 10s; negative turns polling off
}

// Run watches until ctx ends. It returns nil then, or an error when the
// directory cannot be watched at all.
func (w *Watcher) Run(ctx context.Context) error {
	debounce, poll := w.Debounce, w.Poll
	if debounce <= 0 {
		debounce = 250 * time.Millisecond
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
	logger.Info("watching the knowledge file", "path", w.Path)

	var timer *time.Timer
	var fire <-chan time.Time
	var ticker <-chan time.Time
	if poll > 0 {
		t := time.NewTicker(poll)
		defer t.Stop()
		ticker = t.C
	}
	last := stamp(w.Path)
	base := filepath.Base(w.Path)
	for {
		select {
		case <-ctx.Done():
			if timer != nil {
				timer.Stop()
			}
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
			if timer == nil {
				timer = time.NewTimer(debounce)
			} else {
				timer.Reset(debounce)
			}
			fire = timer.C
		case err, ok := <-fw.Errors:
			if !ok {
				return nil
			}
			logger.Warn("knowledge file watch error", "error", err)
		case <-fire:
			fire = nil
			last = stamp(w.Path)
			w.Reload(ctx, "file watcher")
		case <-ticker:
			if s := stamp(w.Path); s != last {
				last = s
				w.Reload(ctx, "file watcher (poll)")
			}
		}
	}
}

type fileStamp struct {
	size int64
	mod  time.Time
}

func stamp(path string) fileStamp {
	fi, err := os.Stat(path) // follows symlinks: a swapped target counts
	if err != nil {
		return fileStamp{size: -1}
	}
	return fileStamp{fi.Size(), fi.ModTime()}
}
