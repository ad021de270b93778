package knowledge_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/faqbot/faqbot/knowledge"
)

// FuzzParse feeds the parser arbitrary files: it must never panic, and a
// file it accepts must hold only what the rules allow.
func FuzzParse(f *testing.F) {
	f.Add(string(knowledge.DefaultBytes()))
	f.Add("## A\n\nText.\n@ask: q\n@expect: q -> A\n")
	f.Add("@synonyms: a, b\n## A\n<!-- x -->\nT\n")
	f.Fuzz(func(t *testing.T, src string) {
		file, err := knowledge.Parse("fuzz.md", []byte(src))
		if err != nil {
			if !strings.HasPrefix(err.Error(), "fuzz.md") {
				t.Fatalf("error without the file name: %v", err)
			}
			return
		}
		if len(file.Sections) == 0 {
			t.Fatal("accepted a file with no sections")
		}
		for _, s := range file.Sections {
			if strings.TrimSpace(s.Heading) == "" || len(s.Passages) == 0 {
				t.Fatalf("accepted an empty section %q", s.Heading)
			}
			for _, p := range s.Passages {
				if utf8.RuneCountInString(p.Text) > knowledge.MaxPassage || !utf8.ValidString(p.Text) {
					t.Fatalf("accepted a bad passage at line %d", p.Line)
				}
			}
		}
	})
}
