package knowledge

import (
	"context"
	"io"
	"strings"
	"testing"
	"time"
)

// endless reads zeros for ever, as /dev/zero does.
type endless struct{}

func (endless) Read(p []byte) (int, error) {
	clear(p)
	return len(p), nil
}

// TestReadLimitedWhateverStatSays: the limit holds for a reader that never
// ends, so the size a file claims cannot make the bot read without bound.
func TestReadLimitedWhateverStatSays(t *testing.T) {
	if _, err := readLimited("zero.md", endless{}); err == nil || !strings.Contains(err.Error(), "zero.md: file is larger than the limit") {
		t.Fatalf("endless reader: %v", err)
	}
	exact := io.LimitReader(endless{}, MaxFileBytes)
	if data, err := readLimited("full.md", exact); err != nil || len(data) != MaxFileBytes {
		t.Fatalf("a file at the limit: %d bytes, %v", len(data), err)
	}
}

// TestReadStopsWaitingForAStuckRead: a read that never returns (a hung
// network mount) costs the caller no more than its deadline.
func TestReadStopsWaitingForAStuckRead(t *testing.T) {
	stuck := make(chan struct{})
	defer close(stuck)
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := readBounded(ctx, "hung.md", func(string) ([]byte, error) { <-stuck; return nil, nil })
	if err == nil || !strings.Contains(err.Error(), "hung.md: reading the file did not finish in time") {
		t.Fatalf("stuck read: %v", err)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Fatalf("gave up after %s", d)
	}
	data, err := readBounded(context.Background(), "ok.md", func(string) ([]byte, error) { return []byte("x\n"), nil })
	if err != nil || string(data) != "x\n" {
		t.Fatalf("quick read: %q %v", data, err)
	}
}
