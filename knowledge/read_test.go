package knowledge_test

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/faqbot/faqbot/knowledge"
)

// loadWithin runs Load and fails the test if it does not return within d:
// a read that never ends must not hang whoever asked for it.
func loadWithin(t *testing.T, path string, d time.Duration) error {
	t.Helper()
	done := make(chan error, 1)
	go func() {
		_, err := knowledge.Load(path)
		done <- err
	}()
	select {
	case err := <-done:
		return err
	case <-time.After(d):
		t.Fatalf("Load(%s) did not return within %s", path, d)
		return nil
	}
}

// TestLoadRefusesWhatIsNotARegularFile: a named pipe with no writer would
// block the open for ever, and /dev/zero (reached through a symlink, whose
// Stat says size 0) would be read without end. Both are refused at once,
// with a message that says what the path is.
func TestLoadRefusesWhatIsNotARegularFile(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo.md")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	zero := filepath.Join(dir, "zero.md")
	if err := os.Symlink("/dev/zero", zero); err != nil {
		t.Fatal(err)
	}
	sub := filepath.Join(dir, "dir.md")
	if err := os.Mkdir(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, path, want string
	}{
		{"named pipe", fifo, "is a named pipe (FIFO), not a regular file"},
		{"symlink to /dev/zero", zero, "is a device, not a regular file"},
		{"directory", sub, "is a directory, not a regular file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := loadWithin(t, tt.path, 2*time.Second)
			if err == nil || !strings.Contains(err.Error(), tt.path+": "+tt.want) {
				t.Fatalf("Load: %v, want %q", err, tt.want)
			}
		})
	}
}
