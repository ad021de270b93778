package knowledge

import (
	"bytes"
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/faqbot/faqbot"
	"github.com/faqbot/faqbot/internal/question"
)

// directives are the "@name:" lines a moderator can write. Anything else
// that starts with "@word:" is a typo worth reporting, not a passage.
var directives = []string{"ask", "answers", "synonyms", "expect"}

// Parse reads a knowledge file. name is used in error messages (a path, or
// "embedded default"). It returns every problem it finds as Errors; a file
// with any problem is never returned.
func Parse(name string, data []byte) (*File, error) {
	p := &parser{f: &File{Name: name, Version: version(data)}, seen: map[string]int{}}
	if len(data) > MaxFileBytes {
		p.errorf(0, "file is %d bytes; the limit is %d (is this the right file?)", len(data), MaxFileBytes)
		return nil, p.errs
	}
	if bytes.IndexByte(data, 0) >= 0 {
		p.errorf(0, "file contains NUL bytes: it is not a text file")
		return nil, p.errs
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")) // a BOM some editors add
	lines := strings.Split(strings.ReplaceAll(string(data), "\r\n", "\n"), "\n")
	for i, line := range lines {
		p.line(i+1, line)
	}
	p.endParagraph()
	p.finish()
	if len(p.errs) > 0 {
		sort.SliceStable(p.errs, func(i, j int) bool { return p.errs[i].Line < p.errs[j].Line })
		return nil, p.errs
	}
	return p.f, nil
}

type parser struct {
	f    *File
	errs Errors
	seen map[string]int // heading key → line, for duplicates

	sec       *Section // current section, nil before the first "##"
	para      []string // lines of the paragraph being read
	paraLine  int
	inComment bool
	commentAt int   // line where the open comment started
	pending   []Ask // asks written under a heading before its first passage
	pendingAn []string
}

func (p *parser) errorf(line int, format string, args ...any) {
	p.errs = append(p.errs, &Error{File: p.f.Name, Line: line, Msg: fmt.Sprintf(format, args...)})
}

func (p *parser) line(n int, raw string) {
	if !utf8.ValidString(raw) {
		p.errorf(n, "line is not valid UTF-8 text: save the file as UTF-8")
		raw = strings.ToValidUTF8(raw, "\uFFFD")
	}
	line := strings.TrimRight(raw, " \t")
	// HTML comments are notes for moderators; they may span lines.
	if p.inComment {
		if i := strings.Index(line, "-->"); i >= 0 {
			p.inComment = false
			line = line[i+3:]
		} else {
			return
		}
	}
	for {
		i := strings.Index(line, "<!--")
		if i < 0 {
			break
		}
		j := strings.Index(line[i:], "-->")
		if j < 0 {
			p.inComment = true
			p.commentAt = n
			line = line[:i]
			break
		}
		line = line[:i] + line[i+j+3:]
	}
	trimmed := strings.TrimSpace(line)
	switch {
	case trimmed == "":
		p.endParagraph()
	case strings.HasPrefix(trimmed, "#"):
		p.endParagraph()
		p.heading(n, trimmed)
	case strings.HasPrefix(trimmed, "@"):
		p.endParagraph()
		p.directive(n, trimmed)
	default:
		if p.para == nil {
			p.paraLine = n
		}
		p.para = append(p.para, trimmed)
	}
}

func (p *parser) heading(n int, line string) {
	level := len(line) - len(strings.TrimLeft(line, "#"))
	title := strings.TrimSpace(strings.Trim(strings.TrimSpace(line[level:]), "#"))
	if level > 2 {
		p.errorf(n, "heading level %d: sections are \"## Title\"; a \"%s\" heading is not supported", level, strings.Repeat("#", level))
		return
	}
	if title == "" {
		p.errorf(n, "heading has no title: write the section's title after \"%s \"", strings.Repeat("#", level))
		if level == 2 {
			// read what follows into a section that is never published, so
			// one missing title does not also report its text as homeless
			p.closeSection()
			p.sec = &Section{Line: n}
		}
		return
	}
	if level == 1 {
		if p.sec != nil || p.f.Title != "" {
			p.errorf(n, "a \"# Title\" line may appear once, before the first \"## \" section")
			return
		}
		p.f.Title = title
		return
	}
	p.closeSection()
	key := headingKey(title)
	if first, dup := p.seen[key]; dup {
		p.errorf(n, "duplicate heading %s (first at line %d): each section needs its own title", quote(title), first)
	}
	p.seen[key] = n
	p.f.Sections = append(p.f.Sections, Section{Heading: title, Line: n})
	p.sec = &p.f.Sections[len(p.f.Sections)-1]
}

func (p *parser) endParagraph() {
	if p.para == nil {
		return
	}
	text := strings.Join(p.para, " ")
	line := p.paraLine
	p.para = nil
	if p.sec == nil {
		p.errorf(line, "text before the first \"## \" section heading: every passage needs a section")
		return
	}
	if n := utf8.RuneCountInString(text); n > MaxPassage {
		p.errorf(line, "passage is %d characters; the limit is %d (Discord shows at most 2,000): split it into two paragraphs", n, MaxPassage)
	}
	p.sec.Passages = append(p.sec.Passages, Passage{Text: text, Line: line, Asks: p.pending, Answers: p.pendingAn})
	p.pending, p.pendingAn = nil, nil
}

func (p *parser) closeSection() {
	if p.sec == nil || p.sec.Heading == "" {
		return
	}
	if len(p.pending) > 0 && len(p.sec.Passages) == 0 {
		p.pending, p.pendingAn = nil, nil // reported below as a section with no passage
	}
	if len(p.sec.Passages) == 0 {
		p.errorf(p.sec.Line, "section %s has no passage: write at least one paragraph under it", quote(p.sec.Heading))
	}
}

func (p *parser) finish() {
	if p.inComment {
		p.errorf(p.commentAt, "a comment \"<!--\" is never closed with \"-->\": everything after it is hidden")
	}
	p.closeSection()
	if len(p.f.Sections) == 0 && len(p.errs) == 0 {
		p.errorf(0, "no sections: a knowledge file needs at least one \"## \" heading with a paragraph under it")
	}
	for i := range p.f.Expectations {
		e := &p.f.Expectations[i]
		if e.Want.Kind == faqbot.KindAnswer {
			s, ok := p.f.Section(e.Want.Section)
			if !ok {
				p.errorf(e.Line, "expectation names section %s, which is not in this file", quote(e.Want.Section))
				continue
			}
			e.Want.Section = s.Heading
		}
	}
}

func (p *parser) directive(n int, line string) {
	name, arg, ok := strings.Cut(line[1:], ":")
	name = strings.ToLower(strings.TrimSpace(name))
	arg = strings.TrimSpace(arg)
	if !ok || !isWord(name) {
		p.errorf(n, "line starts with \"@\" but is not a directive: write \"@ask: …\", \"@answers: …\", \"@synonyms: …\" or \"@expect: …\"")
		return
	}
	switch name {
	case "ask":
		p.ask(n, arg)
	case "answers":
		p.answers(n, arg)
	case "synonyms":
		p.synonyms(n, arg)
	case "expect":
		p.expect(n, arg)
	default:
		p.errorf(n, "unknown directive \"@%s\": the known ones are @%s", name, strings.Join(directives, ", @"))
	}
}

// ask attaches a phrasing to the paragraph just above it, or, written under
// the heading, to the section's first paragraph.
func (p *parser) ask(n int, arg string) {
	if p.sec == nil {
		p.errorf(n, "@ask before the first \"## \" section: put it under the paragraph it asks about")
		return
	}
	if arg == "" {
		p.errorf(n, "@ask has no question: write the question after \"@ask:\"")
		return
	}
	a := Ask{Text: arg, Line: n}
	if len(p.sec.Passages) == 0 {
		p.pending = append(p.pending, a)
		return
	}
	last := &p.sec.Passages[len(p.sec.Passages)-1]
	last.Asks = append(last.Asks, a)
}

// answers declares the types of answer the paragraph above gives
// ("@answers: duration, cost"), beside those the bot reads from its text.
// Like @ask, written under the heading it belongs to the first paragraph.
func (p *parser) answers(n int, arg string) {
	if p.sec == nil {
		p.errorf(n, "@answers before the first \"## \" section: put it under the paragraph it describes")
		return
	}
	var types []string
	bad := false
	for _, t := range strings.Split(arg, ",") {
		t = strings.ToLower(strings.TrimSpace(t))
		if t == "" {
			continue
		}
		if ty, ok := question.ParseType(t); !ok || ty == question.General {
			p.errorf(n, "@answers: unknown type of answer %q: use %s", t, strings.Join(question.TypeNames(), ", "))
			bad = true
			continue
		}
		types = append(types, t)
	}
	if len(types) == 0 {
		if bad {
			return
		}
		p.errorf(n, "@answers needs one or more types of answer, like \"@answers: duration, cost\"")
		return
	}
	if len(p.sec.Passages) == 0 {
		p.pendingAn = append(p.pendingAn, types...)
		return
	}
	last := &p.sec.Passages[len(p.sec.Passages)-1]
	last.Answers = append(last.Answers, types...)
}

func (p *parser) synonyms(n int, arg string) {
	var terms []string
	for _, t := range strings.Split(arg, ",") {
		if t = strings.TrimSpace(t); t != "" {
			terms = append(terms, t)
		}
	}
	if len(terms) < 2 {
		p.errorf(n, "@synonyms needs two or more words or phrases separated by commas, like \"@synonyms: libido, sex drive, desire\"")
		return
	}
	p.f.Synonyms = append(p.f.Synonyms, Synonyms{Terms: terms, Line: n})
}

// expect reads "@expect: QUESTION -> TARGET". Under a section the target may
// be left out: the question must then be answered from that section.
func (p *parser) expect(n int, arg string) {
	q, target, hasArrow := cutArrow(arg)
	if q == "" {
		p.errorf(n, "@expect has no question: write \"@expect: a question -> Section Title\"")
		return
	}
	var t Target
	switch {
	case !hasArrow && p.sec != nil:
		t = Target{Kind: faqbot.KindAnswer, Section: p.sec.Heading}
	case !hasArrow || target == "":
		p.errorf(n, "@expect needs a target: \"@expect: a question -> Section Title\" (or -> handoff crisis, decline, no_match, smalltalk)")
		return
	default:
		var err error
		if t, err = parseTarget(target); err != nil {
			p.errorf(n, "@expect: %v", err)
			return
		}
	}
	p.f.Expectations = append(p.f.Expectations, Expectation{Question: q, Want: t, Line: n})
}

func cutArrow(s string) (before, after string, ok bool) {
	for _, arrow := range []string{"->", "=>", "→"} {
		if i := strings.LastIndex(s, arrow); i >= 0 {
			return strings.TrimSpace(s[:i]), strings.TrimSpace(s[i+len(arrow):]), true
		}
	}
	return strings.TrimSpace(s), "", false
}

func parseTarget(s string) (Target, error) {
	fields := strings.Fields(strings.ToLower(s))
	switch {
	case len(fields) == 2 && fields[0] == "handoff":
		switch r := faqbot.Reason(fields[1]); r {
		case faqbot.ReasonCrisis, faqbot.ReasonAbuse, faqbot.ReasonMedical, faqbot.ReasonReferral:
			return Target{Kind: faqbot.KindHandoff, Reason: r}, nil
		}
		return Target{}, fmt.Errorf("unknown handoff reason %q: use crisis, abuse, medical or referral", fields[1])
	case len(fields) == 1 && fields[0] == "handoff":
		return Target{}, fmt.Errorf("say which handoff: crisis, abuse, medical or referral")
	case len(fields) == 1 && (fields[0] == "decline" || fields[0] == "no_match" || fields[0] == "smalltalk"):
		return Target{Kind: faqbot.Kind(fields[0])}, nil
	}
	return Target{Kind: faqbot.KindAnswer, Section: strings.TrimSpace(s)}, nil
}

// headingKey is how headings compare: case, spacing and a trailing colon
// or question mark do not make two sections different.
func headingKey(s string) string {
	s = strings.ToLower(strings.Join(strings.Fields(s), " "))
	return strings.TrimRight(s, ":?. ")
}

func isWord(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if (r < 'a' || r > 'z') && r != '_' && r != '-' {
			return false
		}
	}
	return true
}
