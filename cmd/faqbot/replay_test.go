package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/faqbot/faqbot/cmd/faqbot/internal/config"
	"github.com/faqbot/faqbot/internal/insights"
	"github.com/faqbot/faqbot/knowledge"
)

// TestCheckReplay runs drafts against an inbox: a draft with a section on
// fees answers the fee question and changes no @expect; a draft that
// renames a section answers nothing new and moves its @expect questions.
func TestCheckReplay(t *testing.T) {
	dir := t.TempDir()
	live := filepath.Join(dir, "kb.md")
	os.WriteFile(live, knowledge.DefaultBytes(), 0o644)
	db := filepath.Join(dir, "faqbot.db")
	cfg := filepath.Join(dir, "faqbot.toml")
	os.WriteFile(cfg, []byte(fmt.Sprintf("[knowledge]\npath = %q\n[insights]\npath = %q\nkeep_unanswered = true\n", live, db)), 0o644)

	st, err := openInsights(context.Background(), config.Insights{Path: db})
	if err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	if err := st.Apply(context.Background(), insights.Batch{Unanswered: []insights.Ask{
		{GroupID: "fees", Text: "how much does a session cost", Asker: "h1", At: now},
		{GroupID: "cup", Text: "who won the football world cup", Asker: "h2", At: now},
	}}); err != nil {
		t.Fatal(err)
	}
	st.Close()

	fees := filepath.Join(dir, "fees.md")
	os.WriteFile(fees, append(knowledge.DefaultBytes(), []byte("\n## Fees\n\nA session costs $150 and lasts 50 minutes.\n")...), 0o644)
	// the draft drops the first section's @ask lines: some of its @expect
	// questions are no longer answered from it
	var kept []string
	inFirst := false
	for _, l := range strings.SplitAfter(string(knowledge.DefaultBytes()), "\n") {
		if strings.HasPrefix(l, "## ") {
			inFirst = strings.HasPrefix(l, "## What is Sex Therapy?")
		}
		if inFirst && strings.HasPrefix(l, "@ask:") {
			continue
		}
		kept = append(kept, l)
	}
	bare := filepath.Join(dir, "bare.md")
	os.WriteFile(bare, []byte(strings.Join(kept, "")), 0o644)
	off := filepath.Join(dir, "off.toml")
	os.WriteFile(off, []byte("[insights]\npath = \"\"\n"), 0o644)

	tests := []struct {
		name     string
		args     []string
		wantErr  string
		wantOut  []string
		answered int
		changes  int
	}{
		{"a draft that answers one", []string{"check", "--replay", "--config", cfg, fees}, "",
			[]string{"with this draft, 1 of 2 unanswered groups get an answer, and no @expect changes", `fees  "how much does a session cost" → "Fees"`}, -1, -1},
		{"as JSON", []string{"check", "--replay", "--json", "--config", cfg, fees}, "", nil, 1, 0},
		{"a draft that changes @expect answers", []string{"check", "--replay", "--json", "--config", cfg, bare}, "expectation(s) failed", nil, 0, -2},
		{"needs a draft", []string{"check", "--replay", "--config", cfg}, "DRAFT", nil, -1, -1},
		{"needs insights", []string{"check", "--replay", "--config", off, fees}, "insights are off", nil, -1, -1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out bytes.Buffer
			err := run(context.Background(), tt.args, env(), nil, &out, &out)
			if tt.wantErr == "" && err != nil || tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)) {
				t.Fatalf("err = %v, want %q\n%s", err, tt.wantErr, out.String())
			}
			for _, w := range tt.wantOut {
				if !strings.Contains(out.String(), w) {
					t.Errorf("output lacks %q:\n%s", w, out.String())
				}
			}
			if tt.answered < 0 {
				return
			}
			var r Replay
			if err := json.Unmarshal(out.Bytes(), &r); err != nil {
				t.Fatalf("not JSON: %v\n%s", err, out.String())
			}
			if r.Groups != 2 || len(r.Answered) != tt.answered {
				t.Errorf("groups %d, answered %+v", r.Groups, r.Answered)
			}
			// -2: some changes, all of them away from the first section
			if tt.changes >= 0 && len(r.ExpectChanges) != tt.changes || tt.changes == -2 && len(r.ExpectChanges) == 0 {
				t.Errorf("expect changes = %+v", r.ExpectChanges)
			}
			for _, c := range r.ExpectChanges {
				if tt.changes == -2 && (!strings.Contains(c.Live, "What is Sex Therapy?") || strings.Contains(c.Draft, "What is Sex Therapy?")) {
					t.Errorf("change %+v is not away from the first section", c)
				}
			}
		})
	}
}
