// Package knowledge reads the knowledge file moderators keep: Markdown with
// "##" sections, paragraphs as passages, and a few "@" directives (alternative
// phrasings, synonym groups, expectations). Parse checks everything a
// moderator can get wrong and names the file and line of each problem, so a
// broken file is never served.
package knowledge

import (
	"crypto/sha256"
	"encoding/hex"

	"github.com/faqbot/faqbot"
)

// MaxPassage is the longest passage allowed, in characters. Discord's
// message limit is 2,000; the rest is room for the section line and links.
const MaxPassage = 1800

// MaxFileBytes caps the knowledge file, so that a mistaken path (a log file,
// a binary) fails fast instead of being indexed.
const MaxFileBytes = 16 << 20

// File is one parsed, valid knowledge file.
type File struct {
	Name         string // path or "embedded default", used in messages
	Title        string // the optional "# Title" line
	Sections     []Section
	Synonyms     []Synonyms
	Expectations []Expectation
	Version      string // short content hash: which edit is live
}

// Section is a "##" heading and the passages under it.
type Section struct {
	Heading  string
	Line     int
	Passages []Passage
}

// Passage is one paragraph, quoted word for word in answers, with the
// alternative phrasings of the questions it answers.
type Passage struct {
	Text string
	Line int
	Asks []Ask
	// Answers are the types of answer a moderator declared the paragraph
	// gives (@answers), by name: "duration", "comparison".
	Answers []string
}

// Ask is an alternative phrasing of a question a passage answers.
type Ask struct {
	Text string
	Line int
}

// Synonyms is one group of words and phrases that mean the same thing to
// the people asking ("libido, sex drive, desire").
type Synonyms struct {
	Terms []string
	Line  int
}

// Expectation is a moderator's test: this question must get that reply.
type Expectation struct {
	Question string
	Want     Target
	Line     int
}

// Target is what an expectation wants: a section's answer, or a kind of
// reply (a handoff with its reason, a decline, no_match, smalltalk).
type Target struct {
	Kind    faqbot.Kind
	Reason  faqbot.Reason // for handoffs
	Section string        // for answers
}

func (t Target) String() string {
	switch t.Kind {
	case faqbot.KindAnswer:
		return "answer from " + quote(t.Section)
	case faqbot.KindHandoff:
		return "handoff " + string(t.Reason)
	default:
		return string(t.Kind)
	}
}

func quote(s string) string { return "\u201c" + s + "\u201d" }

// Passages counts every passage in the file.
func (f *File) Passages() int {
	n := 0
	for _, s := range f.Sections {
		n += len(s.Passages)
	}
	return n
}

// Headings lists the section headings in file order.
func (f *File) Headings() []string {
	hs := make([]string, len(f.Sections))
	for i, s := range f.Sections {
		hs[i] = s.Heading
	}
	return hs
}

// Section finds a section by heading, ignoring case and surrounding space.
func (f *File) Section(heading string) (*Section, bool) {
	key := headingKey(heading)
	for i := range f.Sections {
		if headingKey(f.Sections[i].Heading) == key {
			return &f.Sections[i], true
		}
	}
	return nil, false
}

// version is a short content hash: enough to tell edits apart in replies,
// logs and metrics, short enough to read out loud.
func version(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:6])
}
