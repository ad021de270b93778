package knowledge

import (
	"context"
	_ "embed"
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

// Load reads and parses a knowledge file (see Read for what it refuses);
// an empty path means the embedded default.
func Load(path string) (*File, error) {
	if path == "" {
		return Default()
	}
	data, err := Read(context.Background(), path)
	if err != nil {
		return nil, err
	}
	return Parse(path, data)
}
