package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestModeratorCommands: the commands' refusals and the empty store.
func TestModeratorCommands(t *testing.T) {
	dir := t.TempDir()
	on := filepath.Join(dir, "on.toml")
	os.WriteFile(on, []byte("[insights]\npath = "+`"`+filepath.Join(dir, "i.db")+`"`+"\n"), 0o644)
	off := filepath.Join(dir, "off.toml")
	os.WriteFile(off, []byte("[insights]\npath = \"\"\n"), 0o644)
	tests := []struct {
		name    string
		args    []string
		wantErr string
		wantOut string
	}{
		{"report, empty", []string{"report", "--json", "--config", on}, "", `"replies": {}`},
		{"report, text", []string{"report", "--config", on}, "", "0 replies"},
		{"report, insights off", []string{"report", "--config", off}, "insights are off", ""},
		{"inbox, empty", []string{"inbox", "--json", "--config", on}, "", `"unanswered": []`},
		{"dismiss unknown", []string{"inbox", "dismiss", "nope", "--config", on}, "no such unanswered group", ""},
		{"assign unknown", []string{"inbox", "assign", "nope", "Fees", "--config", on}, "knowledge.path", ""},
		{"inbox, bad args", []string{"inbox", "frobnicate", "--config", on}, "usage", ""},
		{"forget needs --all", []string{"forget", "--config", on}, "--all", ""},
		{"forget --all", []string{"forget", "--all", "--json", "--config", on}, "", `"forgotten": true`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out bytes.Buffer
			err := run(context.Background(), tt.args, env(), nil, &out, &out)
			if tt.wantErr == "" && err != nil || tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)) {
				t.Errorf("err = %v, want %q", err, tt.wantErr)
			}
			if !strings.Contains(out.String(), tt.wantOut) {
				t.Errorf("output %q lacks %q", out.String(), tt.wantOut)
			}
		})
	}
}
