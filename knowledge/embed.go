package knowledge

import (
	_ "embed"
	"fmt"
	"os"
)

// defaultFile is the clinic's knowledge file, built into the binary so the
// bot answers out of the box; a moderator's copy replaces it with --knowledge.
//
//go:embed default.md
var defaultFile []byte

// DefaultName is how the embedded file is named in messages and status.
const DefaultName = "embedded default (knowledge/default.md)"

// DefaultBytes returns a copy of the embedded knowledge file.
func DefaultBytes() []byte { return append([]byte(nil), defaultFile...) }

// Default parses the embedded knowledge file. It is checked by the tests,
// so an error here means a broken build.
func Default() (*File, error) { return Parse(DefaultName, defaultFile) }

// Load reads and parses a knowledge file; an empty path means the embedded
// default.
func Load(path string) (*File, error) {
	if path == "" {
		return Default()
	}
	fi, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("knowledge: %w", err)
	}
	if fi.Size() > MaxFileBytes {
		return nil, Errors{{File: path, Msg: fmt.Sprintf("file is %d bytes; the limit is %d (is this the right file?)", fi.Size(), MaxFileBytes)}}
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("knowledge: %w", err)
	}
	return Parse(path, data)
}
