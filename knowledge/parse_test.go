package knowledge_test

import (
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/faqbot/faqbot"
	"github.com/faqbot/faqbot/knowledge"
	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// TestParseErrors checks every invalid file in testdata/errors against its
// golden list of errors: each must name the file and line a moderator opens.
func TestParseErrors(t *testing.T) {
	files, err := filepath.Glob("testdata/errors/*.md")
	if err != nil || len(files) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	for _, path := range files {
		t.Run(filepath.Base(path), func(t *testing.T) {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			f, err := knowledge.Parse(filepath.Base(path), data)
			if err == nil {
				t.Fatalf("Parse accepted an invalid file: %d sections", len(f.Sections))
			}
			var es knowledge.Errors
			if !errors.As(err, &es) {
				t.Fatalf("error is %T, want knowledge.Errors", err)
			}
			for _, e := range es {
				if !strings.HasPrefix(e.Error(), filepath.Base(path)+":") {
					t.Errorf("error %q does not start with the file name", e)
				}
			}
			golden(t, strings.TrimSuffix(path, ".md")+".golden", err.Error()+"\n")
		})
	}
}

func golden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if diff := cmp.Diff(string(want), got); diff != "" {
		t.Errorf("%s mismatch (-want +got):\n%s", path, diff)
	}
}

func TestParseStructure(t *testing.T) {
	src := `# Title
<!-- a note
for moderators -->
@synonyms: libido, sex drive, desire

## First section?

@ask: asked of the first passage
@answers: duration

First passage,
on two lines.

@ask: also the first passage
@answers: Cost, comparison

Second passage.
@ask: the second passage
@expect: a question

## Second
Only passage.
@expect: another -> First section
@expect: help me -> handoff crisis
@expect: hello -> smalltalk
`
	f, err := knowledge.Parse("t.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if f.Title != "Title" {
		t.Errorf("title %q", f.Title)
	}
	type passage struct {
		Text    string
		Line    int
		Asks    []string
		Answers []string
	}
	var got []passage
	for _, s := range f.Sections {
		for _, p := range s.Passages {
			var asks []string
			for _, a := range p.Asks {
				asks = append(asks, a.Text)
			}
			got = append(got, passage{p.Text, p.Line, asks, p.Answers})
		}
	}
	want := []passage{
		{"First passage, on two lines.", 11, []string{"asked of the first passage", "also the first passage"}, []string{"duration", "cost", "comparison"}},
		{"Second passage.", 17, []string{"the second passage"}, nil},
		{"Only passage.", 22, nil, nil},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("passages (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"libido", "sex drive", "desire"}, f.Synonyms[0].Terms); diff != "" {
		t.Errorf("synonyms (-want +got):\n%s", diff)
	}
	wantExp := []knowledge.Target{
		{Kind: faqbot.KindAnswer, Section: "First section?"},
		{Kind: faqbot.KindAnswer, Section: "First section?"},
		{Kind: faqbot.KindHandoff, Reason: faqbot.ReasonCrisis},
		{Kind: faqbot.KindSmalltalk},
	}
	var gotExp []knowledge.Target
	for _, e := range f.Expectations {
		gotExp = append(gotExp, e.Want)
	}
	if diff := cmp.Diff(wantExp, gotExp); diff != "" {
		t.Errorf("expectations (-want +got):\n%s", diff)
	}
	if f.Passages() != 3 || len(f.Headings()) != 2 {
		t.Errorf("counts: %d passages, %d headings", f.Passages(), len(f.Headings()))
	}
}

// TestDefault keeps the embedded file valid and the seed text in it word
// for word: the clinic's passages are quoted, never edited.
func TestDefault(t *testing.T) {
	f, err := knowledge.Default()
	if err != nil {
		t.Fatal(err)
	}
	seed, err := os.ReadFile("../../shared/seed/000_3a11b621dee77cea.txt")
	if err != nil {
		t.Skipf("seed text not beside the repository: %v", err)
	}
	norm := func(s string) string { return strings.Join(strings.Fields(s), " ") }
	text := norm(string(seed))
	for _, s := range f.Sections {
		if !strings.Contains(text, strings.TrimSuffix(s.Heading, "?")) {
			t.Errorf("heading %q is not in the seed text", s.Heading)
		}
		for _, p := range s.Passages {
			if !strings.Contains(text, norm(p.Text)) {
				t.Errorf("line %d: passage is not word for word in the seed text: %.60q", p.Line, p.Text)
			}
		}
	}
	if got := f.Passages(); got != 10 {
		t.Errorf("default file has %d passages, the seed has 10 paragraphs", got)
	}
}

func TestVersionFollowsContent(t *testing.T) {
	a, _ := knowledge.Parse("a", []byte("## A\n\nText.\n"))
	b, _ := knowledge.Parse("b", []byte("## A\n\nText.\n"))
	c, _ := knowledge.Parse("c", []byte("## A\n\nText!\n"))
	if a.Version != b.Version || a.Version == c.Version || len(a.Version) != 12 {
		t.Errorf("versions %q %q %q", a.Version, b.Version, c.Version)
	}
}

func TestDiff(t *testing.T) {
	old, _ := knowledge.Parse("live.md", []byte("## A\n\nOne.\n\n## B\n\nTwo.\n"))
	new, _ := knowledge.Parse("edit.md", []byte("## A\n\nOne changed.\n\n## C\n\nThree.\n"))
	got := knowledge.Diff(old, new)
	for _, want := range []string{"~ section changed: \u201cA\u201d", "+ section added: \u201cC\u201d", "- section removed: \u201cB\u201d", "1 added, 1 changed, 1 removed, 0 unchanged"} {
		if !strings.Contains(got, want) {
			t.Errorf("diff lacks %q:\n%s", want, got)
		}
	}
}

func TestLoad(t *testing.T) {
	if _, err := knowledge.Load(filepath.Join(t.TempDir(), "missing.md")); err == nil {
		t.Error("missing file loaded")
	}
	big := filepath.Join(t.TempDir(), "big.md")
	if err := os.WriteFile(big, make([]byte, knowledge.MaxFileBytes+1), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := knowledge.Load(big); err == nil || !strings.Contains(err.Error(), "limit") {
		t.Errorf("oversized file: %v", err)
	}
	f, err := knowledge.Load("")
	if err != nil || f.Name != knowledge.DefaultName {
		t.Errorf("default: %v %v", f, err)
	}
}
