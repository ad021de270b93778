package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/faqbot/faqbot/internal/safety"
	"github.com/faqbot/faqbot/internal/textnorm"
)

// runExplain is `faqbot explain`: how the safety triage reads a message,
// which concepts and rules it found and what it decided. It is a tool for
// moderators and reviewers of the word lists; what it prints holds the
// message's words, so it goes to stdout only and is never logged.
func runExplain(_ context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("explain", stderr)
	asJSON := fs.Bool("json", false, "print the explanation as one JSON object")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: faqbot explain [--json] TEXT\n\nShows how the safety triage reads TEXT and what it decides.")
		fs.PrintDefaults()
	}
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) == 0 {
		fs.Usage()
		return fmt.Errorf("%w: explain needs the text of a message", errUsage)
	}
	text, _ := textnorm.Clean(strings.Join(pos, " "), 1000)
	ex := safety.Explain(text)
	if *asJSON {
		return json.NewEncoder(stdout).Encode(ex)
	}
	_, err = io.WriteString(stdout, ex.String())
	return err
}
