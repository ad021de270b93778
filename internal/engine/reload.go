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
// version they started on.
func (e *Engine) Reload(ctx context.Context, by string) (faqbot.Status, error) {
	e.reloadMu.Lock()
	defer e.reloadMu.Unlock()
	f, err := knowledge.Load(e.opts.Path)
	if err == nil {
		if cur := e.live.Load(); cur != nil && cur.file.Version == f.Version {
			e.report("unchanged")
			return e.Status(), nil
		}
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
