package engine

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/faqbot/faqbot"
	"github.com/faqbot/faqbot/knowledge"
)

// Status reports the live knowledge for moderators and readiness checks.
func (e *Engine) Status() faqbot.Status {
	var st faqbot.Status
	if s := e.live.Load(); s != nil {
		st = statusOf(s)
	}
	if le := e.lastErr.Load(); le != nil {
		st.LastError, st.LastErrorAt = le.msg, le.at
	}
	return st
}

func statusOf(s *snapshot) faqbot.Status {
	return faqbot.Status{
		Version: s.file.Version, LoadedAt: s.loadedAt, Source: s.file.Name,
		Sections: s.file.Headings(), Passages: s.file.Passages(),
	}
}

// Reload reads the knowledge file again and publishes it if it is valid
// and its expectations pass. Otherwise the live version keeps answering and
// the error (with file:line) is returned, logged and kept for Status. by
// names who asked, for the audit line. Questions in flight finish on the
// version they started on. A Reload is a moderator's (or an operator's)
// explicit request, so it also confirms an edit ReloadEdit held back.
func (e *Engine) Reload(ctx context.Context, by string) (faqbot.Status, error) {
	return e.reload(ctx, by, true)
}

// ErrHeld is wrapped by the error ReloadEdit returns when it holds an edit
// back because the file looks unfinished.
var ErrHeld = errors.New("knowledge edit held back")

// ReloadEdit is Reload for an edit the file watcher noticed, which may
// still be being written: a writer that pauses (scp, a slow network mount,
// an editor's plugin) leaves a shorter file that can pass every check.
// Unless settled (the watcher saw the file unchanged for its hold period),
// an edit is held back, neither published nor refused, when the file does
// not end in a newline (every editor and `faqbot publish` end it with one;
// a write cut short usually does not) or when it drops more than half of
// the live version's sections. The error then wraps ErrHeld and says why.
func (e *Engine) ReloadEdit(ctx context.Context, by string, settled bool) (faqbot.Status, error) {
	return e.reload(ctx, by, settled)
}

func (e *Engine) reload(ctx context.Context, by string, settled bool) (faqbot.Status, error) {
	e.reloadMu.Lock()
	defer e.reloadMu.Unlock()
	data, readErr := e.read(ctx)
	err := readErr
	var f *knowledge.File
	if err == nil {
		f, err = knowledge.Parse(e.name(), data)
	}
	cur := e.live.Load()
	if err == nil && cur != nil && cur.file.Version == f.Version {
		e.report("unchanged")
		return e.Status(), nil
	}
	if readErr == nil && !settled {
		if why := unfinished(data, cur, f); why != "" {
			e.report("held")
			e.logger.Info("knowledge edit held back until the file settles", "by", by, "path", e.opts.Path, "reason", why)
			return e.Status(), fmt.Errorf("%w: %s", ErrHeld, why)
		}
	}
	if err == nil {
		var snap *snapshot
		if snap, err = e.prepare(ctx, f); err == nil {
			e.publish(snap, by)
			return e.Status(), nil
		}
	}
	e.lastErr.Store(&reloadError{msg: err.Error(), at: time.Now()})
	e.report("refused")
	e.logger.Warn("knowledge edit refused", "by", by, "path", e.opts.Path, "problems", countProblems(err), "error", err.Error())
	if e.opts.OnRefused != nil {
		e.opts.OnRefused(by, err)
	}
	return e.Status(), err
}

// read returns the knowledge file's bytes (see knowledge.Read for what it
// refuses), or the embedded default's when there is no path.
func (e *Engine) read(ctx context.Context) ([]byte, error) {
	if e.opts.Path == "" {
		return knowledge.DefaultBytes(), nil
	}
	return knowledge.Read(ctx, e.opts.Path)
}

func (e *Engine) name() string {
	if e.opts.Path == "" {
		return knowledge.DefaultName
	}
	return e.opts.Path
}

// unfinished says why data looks like a write still in progress, or "".
// f is data parsed (nil when it does not parse); cur is the live version.
func unfinished(data []byte, cur *snapshot, f *knowledge.File) string {
	switch {
	case len(data) == 0:
		return "the file is empty"
	case data[len(data)-1] != '\n':
		return "the file does not end with a newline"
	}
	if cur == nil || f == nil {
		return ""
	}
	if removed, n := knowledge.Removed(cur.file, f), len(cur.file.Sections); removed*2 > n {
		return fmt.Sprintf("the edit removes %d of the %d live sections", removed, n)
	}
	return ""
}

// prepare builds and checks a snapshot off to the side; nothing is live yet.
func (e *Engine) prepare(ctx context.Context, f *knowledge.File) (*snapshot, error) {
	snap, err := e.build(f)
	if err != nil {
		return nil, err
	}
	if errs := e.checkOn(ctx, snap); len(errs) > 0 {
		snap.retire()
		return nil, errs
	}
	return snap, nil
}

// publish swaps snap in and retires the old snapshot.
func (e *Engine) publish(snap *snapshot, by string) {
	snap.loadedAt = time.Now()
	old := e.live.Swap(snap)
	if old != nil {
		old.retire()
	}
	e.lastErr.Store(nil)
	st := statusOf(snap)
	e.logger.Info("knowledge published", "by", by, "version", st.Version, "source", st.Source,
		"sections", len(st.Sections), "passages", st.Passages)
	if old != nil {
		e.report("published")
	}
	if e.opts.OnPublish != nil {
		e.opts.OnPublish(st)
	}
}

func (e *Engine) report(result string) {
	if e.opts.OnReload != nil {
		e.opts.OnReload(result)
	}
}

func countProblems(err error) int {
	var es knowledge.Errors
	if errors.As(err, &es) {
		return len(es)
	}
	return 1
}

// errorf is a helper for checks: an Error at a line of the file.
func lineError(f *knowledge.File, line int, format string, args ...any) *knowledge.Error {
	return &knowledge.Error{File: f.Name, Line: line, Msg: fmt.Sprintf(format, args...)}
}
