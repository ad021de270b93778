package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/faqbot/faqbot/cmd/faqbot/internal/config"
	"github.com/faqbot/faqbot/knowledge"
)

// runPublish is `faqbot publish [--to LIVE] DRAFT`, the way moderators put
// an edit live: check the draft exactly as `check` does, and only if it
// passes, replace the live file atomically (write a new file beside it,
// then rename it over the old one), so the bot never reads half of it.
func runPublish(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	flags := newFlags("publish", stderr)
	to := flags.String("to", "", "the live knowledge file the bot serves (default: FAQBOT_KNOWLEDGE, or knowledge.path in --config)")
	cfgPath := flags.String("config", getenv("FAQBOT_CONFIG"), "the bot's TOML config file, for knowledge.path (env FAQBOT_CONFIG)")
	flags.Usage = func() {
		fmt.Fprintln(stderr, "Usage: faqbot publish [--to LIVE_FILE] DRAFT\n\n"+
			"Checks DRAFT as `faqbot check` does and, only if it passes, replaces the live file\n"+
			"with it in one step, so the bot never reads a half-written file.")
		flags.PrintDefaults()
	}
	pos, err := parseFlags(flags, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return fmt.Errorf("%w: publish takes one DRAFT file", errUsage)
	}
	draft, live := pos[0], *to
	if live == "" {
		cfg, err := config.Load(*cfgPath, getenv)
		if err != nil {
			return err
		}
		live = cfg.Knowledge.Path
	}
	if live == "" {
		return fmt.Errorf("%w: publish needs the live file: --to PATH, FAQBOT_KNOWLEDGE or knowledge.path", errUsage)
	}
	refused := func(format string, args ...any) error {
		return &exitError{code: 1, err: fmt.Errorf("publish: "+format+"; nothing was published", args...)}
	}

	data, err := knowledge.Read(ctx, draft)
	if err != nil {
		fmt.Fprintln(stdout, err)
		return refused("cannot read the draft")
	}
	// The bot takes a file that does not end with a newline for one still
	// being written, and waits: end it with one.
	if !bytes.HasSuffix(data, []byte("\n")) {
		data = append(data, '\n')
	}
	f, err := knowledge.Parse(draft, data)
	if err != nil {
		fmt.Fprintln(stdout, err)
		return refused("the draft has problems")
	}
	old, err := knowledge.Load(live)
	switch {
	case err == nil:
		fmt.Fprint(stdout, knowledge.Diff(old, f))
	case errors.Is(err, fs.ErrNotExist):
		fmt.Fprintf(stdout, "%s does not exist yet: it will be created\n", live)
	default:
		fmt.Fprintf(stdout, "the live file cannot be compared (%v); publishing over it\n", err)
	}
	fails, err := checkFile(ctx, f, stdout)
	if err != nil {
		return err
	}
	if fails > 0 {
		return refused("%d expectation(s) failed", fails)
	}
	if err := replaceFile(live, data); err != nil {
		return fmt.Errorf("publish: %w", err)
	}
	fmt.Fprintf(stdout, "published %s as %s: version %s, %d sections.\n", draft, live, f.Version, len(f.Sections))
	if old != nil && removesMost(old, f) {
		fmt.Fprintln(stdout, "This edit removes most of the live sections, so the bot waits until the file has been unchanged for a while\n"+
			"(knowledge.hold, 30s by default) before switching; /faq-admin reload switches at once.")
	} else {
		fmt.Fprintln(stdout, "The bot switches to it within a few seconds; /faq-admin status shows the live version.")
	}
	return nil
}

// removesMost reports whether new lacks more than half of old's sections,
// as the bot's watcher judges it.
func removesMost(old, new *knowledge.File) bool {
	return knowledge.Removed(old, new)*2 > len(old.Sections)
}

// replaceFile writes data to path atomically: to a new file in the same
// directory, flushed to disk, then renamed over path. A reader sees the old
// file or the new one, never part of either. When path is a symlink, the
// file it points to is replaced and the link kept. The new file keeps the
// old one's permissions.
func replaceFile(path string, data []byte) error {
	target, err := filepath.EvalSymlinks(path)
	if errors.Is(err, fs.ErrNotExist) {
		target, err = path, nil
	}
	if err != nil {
		return err
	}
	mode := fs.FileMode(0o644)
	if fi, err := os.Stat(target); err == nil {
		if !fi.Mode().IsRegular() {
			return fmt.Errorf("%s is not a regular file", target)
		}
		mode = fi.Mode().Perm()
	}
	dir := filepath.Dir(target)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(target)+".publish-*")
	if err != nil {
		return err
	}
	done := false
	defer func() {
		if !done {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if _, err := tmp.Write(data); err != nil {
		return err
	}
	if err := tmp.Chmod(mode); err != nil {
		return err
	}
	if err := tmp.Sync(); err != nil {
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), target); err != nil {
		return err
	}
	done = true
	// The rename is durable once the directory is flushed too; a file
	// system that cannot sync a directory still has the rename.
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
	return nil
}
