// Package faqbot holds the contract every surface of the bot shares: a
// Question goes in, a Reply comes out. The answer engine implements Answerer;
// the CLI, the HTTP API, Slack and Discord adapters depend only on this
// package and their own platform SDK, never on each other.
package faqbot

import (
	"context"
	"errors"
	"strings"
	"time"
)

// Kind says what sort of reply the engine gave. Adapters render each kind
// differently (an answer quotes the file, a handoff shows resource buttons).
type Kind string

// The reply kinds. They are part of the `faqbot ask --json` contract.
const (
	KindAnswer    Kind = "answer"    // quoted from the knowledge file
	KindHandoff   Kind = "handoff"   // safety triage: send the person to people who can help
	KindDecline   Kind = "decline"   // a polite no (requests for sexual content)
	KindSmalltalk Kind = "smalltalk" // greetings, thanks, help, "who are you"
	KindNoMatch   Kind = "no_match"  // not confident: say so and offer topics
)

// Reason says why a handoff was given. Empty for every other kind.
type Reason string

// The handoff reasons, in triage precedence order (crisis first).
const (
	ReasonCrisis   Reason = "crisis"   // suicide, self-harm
	ReasonAbuse    Reason = "abuse"    // sexual assault, abuse, coercion, violence
	ReasonMedical  Reason = "medical"  // symptoms, pain, medication: a doctor's question
	ReasonReferral Reason = "referral" // wants a therapist, or wants the bot to be one
)

// Question is one message from a person, on any surface.
type Question struct {
	// Text is what the person wrote, raw: the engine cleans it.
	Text string
	// Section, when set, asks for the given section by its heading, as a
	// "did you mean" button does. Text may then be empty.
	Section string
	// Platform names the surface ("cli", "http", "slack", "discord") for
	// metrics and logs. It never affects the answer.
	Platform string
	// User is an opaque platform user id, used for rate limits and audit
	// lines. It is never logged next to message text.
	User string
}

// Source is one passage a reply quotes, word for word, with its section.
type Source struct {
	Section string `json:"section"`
	Passage string `json:"passage"`
}

// Resource is a place a person can turn to: a hotline, a directory, a doctor.
type Resource struct {
	Name  string `json:"name"`
	URL   string `json:"url,omitempty"`
	Phone string `json:"phone,omitempty"`
	Text  string `json:"text,omitempty"`
}

// Reply is the engine's answer to one Question. Text is the whole reply as a
// person reads it in plain text; adapters that can do better (Block Kit,
// Discord components) build their own layout from Lead, Sources, Resources
// and Suggestions, which together say the same thing.
type Reply struct {
	Question  string     `json:"question"`
	Kind      Kind       `json:"kind"`
	Reason    Reason     `json:"reason,omitempty"`
	Text      string     `json:"text"`
	Section   string     `json:"section,omitempty"`
	Score     float64    `json:"score"`
	Sources   []Source   `json:"sources"`
	Resources []Resource `json:"resources"`
	// Lead is the reply's own words, without quotes or resources: "From the
	// section …", the handoff's message, the "I don't know" line.
	Lead string `json:"lead,omitempty"`
	// Suggestions are section headings offered as "did you mean" on a
	// no_match (and topics on smalltalk). Adapters make buttons of them.
	Suggestions []string `json:"suggestions,omitempty"`
	// Truncated is true when the question was cut to the length cap.
	Truncated bool `json:"truncated,omitempty"`
	// Version is the knowledge file version that answered (a content hash).
	Version string `json:"version,omitempty"`
	// ID is an opaque id for this reply, set when insights are on, that
	// feedback names (POST /v1/feedback, the platforms' buttons).
	ID string `json:"reply_id,omitempty"`
	// Flagged is true when safety triage flagged the message, even when it
	// was still answered (resources attached). Insights never keep the
	// text of a flagged message. Not part of the JSON contract.
	Flagged bool `json:"-"`
}

// Feedback is one person's Helpful / Not helpful on one reply. User is the
// opaque platform user id; the insights store keeps only a keyed hash of
// Platform and User.
type Feedback struct {
	ReplyID  string
	Helpful  bool
	Platform string
	User     string
}

// FeedbackRecorder records feedback without waiting on storage. Surfaces
// call it on a click; a nil recorder means insights are off.
type FeedbackRecorder interface {
	RecordFeedback(ctx context.Context, f Feedback) error
}

// Answerer is the one contract of the answer engine. A safety handoff or a
// decline is a Reply, not an error: an error means the engine could not
// answer at all (a cancelled context, a broken index), and the adapter then
// shows a fixed apology.
type Answerer interface {
	Answer(ctx context.Context, q Question) (Reply, error)
}

// AnswerFunc adapts a function to Answerer, for tests and decorators.
type AnswerFunc func(ctx context.Context, q Question) (Reply, error)

// Answer calls f.
func (f AnswerFunc) Answer(ctx context.Context, q Question) (Reply, error) { return f(ctx, q) }

// Status describes the knowledge that is live now, for moderators.
type Status struct {
	Version     string    `json:"version"`
	LoadedAt    time.Time `json:"loaded_at"`
	Source      string    `json:"source"` // file path, or "embedded default"
	Sections    []string  `json:"sections"`
	Passages    int       `json:"passages"`
	LastError   string    `json:"last_error,omitempty"`
	LastErrorAt time.Time `json:"last_error_at,omitzero"`
}

// Librarian is what moderator commands and readiness checks need from the
// knowledge holder: see what is live, and ask for a reload. by names who
// asked (a platform user id, "file watcher", "SIGHUP") for the audit log.
type Librarian interface {
	Status() Status
	Reload(ctx context.Context, by string) (Status, error)
}

// Apology is what a person sees when the engine fails or a handler panics.
// It is fixed so that no detail of the failure reaches a user.
const Apology = "Sorry, something went wrong on my side and I couldn't answer that. Please try again in a moment."

// Disclaimer says what the bot is, so that no one mistakes it for a therapist.
const Disclaimer = "I'm an automated assistant that answers from the clinic's information pages. I'm not a therapist and can't give personal advice."

// Inbox is what moderators' chat commands (/faq-admin report and inbox)
// need from the insights store: the report, and the two ways to settle an
// unanswered group. by names who acted ("slack:U123"), for the audit log
// only. Surfaces get a nil Inbox when insights are off.
type Inbox interface {
	// Report sums what was kept since a time; the zero time means all.
	Report(ctx context.Context, since time.Time) (Insights, error)
	// Assign adds a group's text as an @ask line under section, through
	// the same check and atomic publish moderators use, and drops the
	// group. An unknown id is ErrUnknownGroup; a file that fails its
	// check is published not at all, and the error says why.
	Assign(ctx context.Context, id, section, by string) (Assigned, error)
	// Dismiss drops a group, or reports ErrUnknownGroup.
	Dismiss(ctx context.Context, id, by string) error
}

// ErrUnknownGroup says an unanswered group does not exist, or no longer
// does (another moderator settled it, or retention removed it).
var ErrUnknownGroup = errors.New("no such unanswered group")

// Insights is what `faqbot report` shows: replies by kind, feedback per
// section and version, the questions the file did not answer, grouped,
// and the answers people marked Not helpful, grouped.
type Insights struct {
	Since      time.Time      `json:"since"`
	Replies    map[string]int `json:"replies"`
	Sections   []SectionVotes `json:"sections"`
	Unanswered []Group        `json:"unanswered"`
	NotHelpful []Group        `json:"not_helpful"`
}

// SectionVotes is the feedback on one section in one knowledge version.
type SectionVotes struct {
	Section   string `json:"section"`
	Version   string `json:"version"`
	Helpful   int    `json:"helpful"`
	Unhelpful int    `json:"unhelpful"`
}

// Group is near-identical questions kept for moderators: the latest
// redacted text, how often it was asked and by how many people. For an
// answer marked Not helpful, Section is the section that answered.
type Group struct {
	ID      string `json:"id"`
	Text    string `json:"text"`
	Count   int    `json:"count"`
	Askers  int    `json:"askers"`
	Section string `json:"section,omitempty"`
}

// Assigned is what Inbox.Assign did: the @ask line it added, where, and
// the knowledge version that holds it.
type Assigned struct {
	ID      string `json:"id"`
	Section string `json:"section"`
	Ask     string `json:"ask"`
	Version string `json:"version"`
}

// Total is how many replies the report counts, of every kind.
func (in Insights) Total() int {
	n := 0
	for _, c := range in.Replies {
		n += c
	}
	return n
}

// NoMatchRate is the share of replies that were no_match, 0 with none.
func (in Insights) NoMatchRate() float64 {
	total := in.Total()
	if total == 0 {
		return 0
	}
	return float64(in.Replies[string(KindNoMatch)]) / float64(total)
}

// Window writes a report's time window as a moderator types it: 168h,
// 1h30m, 90s as 1m30s.
func Window(d time.Duration) string {
	s := d.String()
	if strings.HasSuffix(s, "m0s") {
		s = s[:len(s)-2]
	}
	if strings.HasSuffix(s, "h0m") {
		s = s[:len(s)-2]
	}
	return s
}
