//go:build !unix

package knowledge

import "os"

// openNonblocking opens path for reading; outside Unix there are no named
// pipes to wait on in a file system path.
func openNonblocking(path string) (*os.File, error) { return os.Open(path) }
