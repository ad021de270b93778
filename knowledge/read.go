package knowledge

import (
	"context"
	"fmt"
	"io"
	"io/fs"
	"os"
	"time"
)

// ReadTimeout bounds one read of a knowledge file. A file on a network
// mount that stops answering would otherwise hold a reload (and whoever
// waits for it) for ever.
const ReadTimeout = 10 * time.Second

// Read returns the bytes of the knowledge file at path. It reads only a
// regular file (a symlink to one is fine, as a Kubernetes ConfigMap has),
// never more than MaxFileBytes whatever the file's size claims, and gives
// up after ReadTimeout or when ctx ends, whichever is first. A read that
// gives up leaves its goroutine blocked in the system call until the
// file system answers; nothing waits for it.
func Read(ctx context.Context, path string) ([]byte, error) {
	ctx, cancel := context.WithTimeout(ctx, ReadTimeout)
	defer cancel()
	return readBounded(ctx, path, read)
}

// readBounded runs read in a goroutine and stops waiting for it when ctx
// ends.
func readBounded(ctx context.Context, path string, read func(string) ([]byte, error)) ([]byte, error) {
	type result struct {
		data []byte
		err  error
	}
	done := make(chan result, 1)
	go func() {
		data, err := read(path)
		done <- result{data, err}
	}()
	select {
	case r := <-done:
		return r.data, r.err
	case <-ctx.Done():
		return nil, Errors{{File: path, Msg: "reading the file did not finish in time (a network mount that stopped answering?); nothing was read"}}
	}
}

func read(path string) ([]byte, error) {
	fi, err := os.Stat(path) // follows symlinks: the target must be regular
	if err != nil {
		return nil, fmt.Errorf("knowledge: %w", err)
	}
	if err := regular(path, fi); err != nil {
		return nil, err
	}
	// Opened without blocking, so that a file swapped for a named pipe
	// since the Stat cannot hold the open; then checked again, as opened.
	f, err := openNonblocking(path)
	if err != nil {
		return nil, fmt.Errorf("knowledge: %w", err)
	}
	defer f.Close()
	if fi, err = f.Stat(); err != nil {
		return nil, fmt.Errorf("knowledge: %w", err)
	}
	if err := regular(path, fi); err != nil {
		return nil, err
	}
	if fi.Size() > MaxFileBytes {
		return nil, tooBig(path, fi.Size())
	}
	return readLimited(path, f)
}

// readLimited reads r to its end, but never more than MaxFileBytes: the
// size Stat reports is only a claim (files in /proc say 0, a file can grow
// while it is read), so the limit holds whatever it said.
func readLimited(path string, r io.Reader) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxFileBytes+1))
	if err != nil {
		return nil, fmt.Errorf("knowledge: %w", err)
	}
	if len(data) > MaxFileBytes {
		return nil, Errors{{File: path, Msg: fmt.Sprintf("file is larger than the limit of %d bytes (is this the right file?)", MaxFileBytes)}}
	}
	return data, nil
}

func tooBig(path string, size int64) error {
	return Errors{{File: path, Msg: fmt.Sprintf("file is %d bytes; the limit is %d (is this the right file?)", size, MaxFileBytes)}}
}

// regular refuses anything but a regular file, naming what it is.
func regular(path string, fi fs.FileInfo) error {
	m := fi.Mode()
	if m.IsRegular() {
		return nil
	}
	what := "not a regular file"
	switch {
	case m.IsDir():
		what = "a directory"
	case m&fs.ModeNamedPipe != 0:
		what = "a named pipe (FIFO)"
	case m&fs.ModeSocket != 0:
		what = "a socket"
	case m&fs.ModeDevice != 0:
		what = "a device"
	}
	return Errors{{File: path, Msg: "is " + what + ", not a regular file: the bot reads only regular files (a symlink to one is fine)"}}
}
