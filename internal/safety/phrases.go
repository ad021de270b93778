package safety

import (
	"bufio"
	"embed"
	"fmt"
	"io/fs"
	"strings"
)

// data holds the triage's word lists and rules, as files a reviewer who
// does not read Go can read and change: see data/README.md.
//
//go:embed data/*.txt
var data embed.FS

// phraseFiles are the phrase-rule files, in category precedence order.
var phraseFiles = []struct {
	category Category
	file     string
}{
	{Crisis, "data/phrases-crisis.txt"},
	{Abuse, "data/phrases-abuse.txt"},
	{Medical, "data/phrases-medical.txt"},
	{Decline, "data/phrases-decline.txt"},
	{Referral, "data/phrases-referral.txt"},
}

// phraseSet is the phrase layer as read from its files, before compiling.
type phraseSet struct {
	words  map[string]string // "{self}" → its regular expression
	mask   []string          // phrases-mask.txt
	groups []ruleSet
}

// loadPhrases reads the phrase layer from fsys.
func loadPhrases(fsys fs.FS) (*phraseSet, error) {
	ps := &phraseSet{words: map[string]string{}}
	if err := eachLine(fsys, "data/phrases-words.txt", func(at, line string) error {
		name, expr, ok := strings.Cut(line, " = ")
		name, expr = strings.TrimSpace(name), strings.TrimSpace(expr)
		if !ok || !strings.HasPrefix(name, "{") || !strings.HasSuffix(name, "}") || expr == "" {
			return fmt.Errorf("%s: want {name} = expression", at)
		}
		if _, dup := ps.words[name]; dup {
			return fmt.Errorf("%s: %s is defined twice", at, name)
		}
		ps.words[name] = expr
		return nil
	}); err != nil {
		return nil, err
	}
	mask, err := readRules(fsys, "data/phrases-mask.txt")
	if err != nil {
		return nil, err
	}
	for _, r := range mask {
		if r.name != "mask" || len(r.and) > 0 {
			return nil, fmt.Errorf("data/phrases-mask.txt: only one [mask] block with no \"+ and\" lines is allowed")
		}
		ps.mask = append(ps.mask, r.any...)
	}
	for _, pf := range phraseFiles {
		rs, err := readRules(fsys, pf.file)
		if err != nil {
			return nil, err
		}
		ps.groups = append(ps.groups, ruleSet{pf.category, rs})
	}
	return ps, nil
}

// readRules reads one phrase file: "[name]" or "[name urgent]" starts a
// rule, each following line is an alternative, and "+ and one of:" starts
// a list of which one must match too.
func readRules(fsys fs.FS, file string) ([]rule, error) {
	var rs []rule
	err := eachLine(fsys, file, func(at, line string) error {
		switch {
		case strings.HasPrefix(line, "["):
			if !strings.HasSuffix(line, "]") {
				return fmt.Errorf("%s: a rule's name line is [name] or [name urgent]", at)
			}
			f := strings.Fields(line[1 : len(line)-1])
			if len(f) == 0 || len(f) > 2 || len(f) == 2 && f[1] != "urgent" {
				return fmt.Errorf("%s: a rule's name line is [name] or [name urgent]", at)
			}
			rs = append(rs, rule{name: f[0], urgent: len(f) == 2})
		case len(rs) == 0:
			return fmt.Errorf("%s: a line before the first [name]", at)
		case line == "+ and one of:":
			r := &rs[len(rs)-1]
			if len(r.any) == 0 {
				return fmt.Errorf("%s: \"+ and one of:\" before the rule's own lines", at)
			}
			r.and = append(r.and, nil)
		default:
			r := &rs[len(rs)-1]
			if n := len(r.and); n > 0 {
				r.and[n-1] = append(r.and[n-1], line)
			} else {
				r.any = append(r.any, line)
			}
		}
		return nil
	})
	for _, r := range rs {
		if len(r.any) == 0 {
			return nil, fmt.Errorf("%s: rule [%s] has no lines", file, r.name)
		}
		for _, a := range r.and {
			if len(a) == 0 {
				return nil, fmt.Errorf("%s: rule [%s] has an empty \"+ and one of:\" list", file, r.name)
			}
		}
	}
	return rs, err
}

// isComment reports whether a data line is a comment: it starts with "#",
// except for a list entry that starts with an age or a number ("#minor
// year old"), which was read as a comment before and so never matched.
func isComment(line string) bool {
	if !strings.HasPrefix(line, "#") {
		return false
	}
	first, _, _ := strings.Cut(line, " ")
	return first != "#minor" && first != "#adult" && first != "#num"
}

// eachLine calls fn with every line of file that is not blank or a
// comment, trimmed, and its place as "file:line" for error messages.
func eachLine(fsys fs.FS, file string, fn func(at, line string) error) error {
	f, err := fsys.Open(file)
	if err != nil {
		return fmt.Errorf("open triage data: %w", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimSpace(sc.Text())
		if line == "" || isComment(line) {
			continue
		}
		if err := fn(fmt.Sprintf("%s:%d", file, n), line); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("read %s: %w", file, err)
	}
	return nil
}
