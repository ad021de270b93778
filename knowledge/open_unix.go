//go:build unix

package knowledge

import (
	"os"
	"syscall"
)

// openNonblocking opens path for reading without waiting for a writer,
// which opening a named pipe would otherwise do. Regular files ignore the
// flag.
func openNonblocking(path string) (*os.File, error) {
	return os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
}
