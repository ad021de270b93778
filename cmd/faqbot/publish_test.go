package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/faqbot/faqbot/knowledge"
)

const liveFile = "## Marker\n\nThis is marker number 1.\n@ask: which marker is live\n@expect: which marker is live\n\n" +
	"## Garden\n\nSomething else entirely, about gardening.\n@ask: tell me about gardening\n"

func TestPublish(t *testing.T) {
	tests := []struct {
		name     string
		draft    string
		noDraft  bool
		symlink  bool // the live path is a symlink to the file
		want     string
		wantCode int
		wantLive string // the live file afterwards; "" = unchanged
	}{
		{name: "a checked edit goes live", draft: liveFile + "\n## C\n\nText about C.\n",
			want: "+ section added: \u201cC\u201d", wantLive: liveFile + "\n## C\n\nText about C.\n"},
		{name: "a final newline is added", draft: liveFile + "\n## C\n\nText about C.",
			want: "published", wantLive: liveFile + "\n## C\n\nText about C.\n"},
		{name: "through a symlink, the target is replaced", draft: liveFile + "\n## D\n\nText about D.\n", symlink: true,
			want: "published", wantLive: liveFile + "\n## D\n\nText about D.\n"},
		{name: "removing most sections is published, with a note", draft: "## Z\n\nOnly this.\n",
			want: "removes most of the live sections", wantLive: "## Z\n\nOnly this.\n"},
		{name: "a broken draft is not", draft: "## A\n\n@askk: typo\n", want: ":3: unknown directive", wantCode: 1},
		{name: "a failing expectation is not", draft: liveFile + "@expect: which marker is live\n",
			want: "expectation", wantCode: 1},
		{name: "a missing draft is not", noDraft: true, want: "no such file", wantCode: 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			live := filepath.Join(dir, "faq.md")
			os.WriteFile(live, []byte(liveFile), 0o640)
			to := live
			if tt.symlink {
				to = filepath.Join(dir, "current.md")
				if err := os.Symlink("faq.md", to); err != nil {
					t.Fatal(err)
				}
			}
			draft := filepath.Join(t.TempDir(), "edit.md")
			if !tt.noDraft {
				os.WriteFile(draft, []byte(tt.draft), 0o600)
			}
			var out bytes.Buffer
			err := run(context.Background(), []string{"publish", "--to", to, draft}, env(), nil, &out, &out)
			if exitCode(err) != tt.wantCode && !(tt.wantCode == 0 && err == nil) {
				t.Fatalf("exit %d (%v), want %d\n%s", exitCode(err), err, tt.wantCode, out.String())
			}
			if !strings.Contains(out.String(), tt.want) {
				t.Errorf("output lacks %q:\n%s", tt.want, out.String())
			}
			got, _ := os.ReadFile(live)
			want := tt.wantLive
			if want == "" {
				want = liveFile
			}
			if string(got) != want {
				t.Errorf("live file:\n%s\nwant:\n%s", got, want)
			}
			if fi, err := os.Stat(live); err != nil || fi.Mode().Perm() != 0o640 {
				t.Errorf("live file mode %v (%v), want 0640 kept", fi.Mode(), err)
			}
			if tt.symlink {
				if fi, err := os.Lstat(to); err != nil || fi.Mode()&os.ModeSymlink == 0 {
					t.Errorf("the symlink was replaced: %v %v", fi.Mode(), err)
				}
			}
			entries, _ := os.ReadDir(dir)
			for _, e := range entries {
				if strings.Contains(e.Name(), ".publish-") {
					t.Errorf("temporary file left behind: %s", e.Name())
				}
			}
			if err == nil {
				f, _ := knowledge.Load(live)
				if !strings.Contains(out.String(), "version "+f.Version) {
					t.Errorf("output does not name the published version %s:\n%s", f.Version, out.String())
				}
			}
		})
	}
}

func TestPublishUsage(t *testing.T) {
	var out bytes.Buffer
	for _, args := range [][]string{{"publish"}, {"publish", "a.md", "b.md"}, {"publish", "draft.md"}} {
		if err := run(context.Background(), args, env(), nil, &out, &out); exitCode(err) != 2 {
			t.Errorf("%q: exit %d (%v), want 2", args, exitCode(err), err)
		}
	}
	// the live file from the environment, as serve takes it
	dir := t.TempDir()
	live, draft := filepath.Join(dir, "faq.md"), filepath.Join(dir, "edit.md")
	os.WriteFile(draft, []byte(liveFile), 0o644)
	if err := run(context.Background(), []string{"publish", draft}, env("FAQBOT_KNOWLEDGE", live), nil, &out, &out); err != nil {
		t.Fatalf("publish to FAQBOT_KNOWLEDGE: %v\n%s", err, out.String())
	}
	if got, _ := os.ReadFile(live); string(got) != liveFile {
		t.Errorf("live file %q", got)
	}
}
