// Package insights keeps what moderators need to improve the knowledge
// file, and as little else as possible: daily reply counts, feedback per
// section and version (once per person per reply, people known only by a
// keyed hash), and, only when asked to, the redacted text of questions the
// file did not answer, grouped. Nothing here holds a user id, a name or a
// channel, and everything is deleted after the retention period.
//
// Store is the contract; SQLite (one file, pure Go) and PostgreSQL (several
// replicas) implement it with the same SQL, each with its own embedded
// migrations. Recorder sits between the surfaces and a Store: answering
// only ever puts an event on a bounded queue.
package insights

import (
	"context"
	"time"

	"github.com/faqbot/faqbot"
)

// Store is where insights live. Every method is safe for concurrent use.
type Store interface {
	// AskerKey is the key of the keyed hash that stands for a person. It
	// is made at first use and kept in the store; Forget replaces it.
	AskerKey(ctx context.Context) ([]byte, error)
	// Apply writes a batch in one transaction.
	Apply(ctx context.Context, b Batch) error
	// Report sums what was kept since a time; top bounds the unanswered
	// groups (most asked first).
	Report(ctx context.Context, since time.Time, top int) (Report, error)
	// Group is one unanswered group, or ErrNotFound.
	Group(ctx context.Context, id string) (Group, error)
	// Dismiss drops an unanswered group, or reports ErrNotFound.
	Dismiss(ctx context.Context, id string) error
	// Purge deletes everything recorded before a time.
	Purge(ctx context.Context, before time.Time) error
	// Forget deletes everything, and the asker key with it.
	Forget(ctx context.Context) error
	Close() error
}

// ErrNotFound says an unanswered group does not exist (or no longer does).
var ErrNotFound = faqbot.ErrUnknownGroup

// Batch is what the recorder writes at once.
type Batch struct {
	Counts     []Count
	Replies    []Reply
	Feedback   []Vote
	Unanswered []Ask
}

// Count adds N replies to a day's counter.
type Count struct {
	Day                                     string // 2006-01-02, UTC
	Surface, Kind, Reason, Section, Version string
	N                                       int
}

// Reply remembers which section and version an answer came from, so that
// feedback on its id can be counted against them.
type Reply struct {
	ID, Section, Version string
	At                   time.Time
}

// Vote is one person's feedback on one reply; Asker is the keyed hash.
type Vote struct {
	ReplyID, Asker string
	Helpful        bool
	At             time.Time
}

// Ask is one unanswered question (no_match, or an answer marked Not
// helpful: Source), already redacted, for the group GroupID. Section is
// the section that answered, for Not helpful.
type Ask struct {
	GroupID, Text, Asker string
	Source, Section      string
	At                   time.Time
}

// Report, SectionVotes and Group are the faqbot types, so that the chat
// surfaces can show a report without importing this package.
type (
	Report       = faqbot.Insights
	SectionVotes = faqbot.SectionVotes
	Group        = faqbot.Group
)

// Sources of an unanswered group.
const (
	SourceNoMatch    = "no_match"    // the file had no answer
	SourceNotHelpful = "not_helpful" // an answer someone marked Not helpful
)
