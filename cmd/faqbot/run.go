package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
)

const usage = `faqbot answers questions about sex therapy from one knowledge file.

Usage:
  faqbot ask [--json] [--knowledge FILE] [QUESTION]   answer QUESTION, or one question per line of stdin
  faqbot check [--against FILE] [FILE]                 check a knowledge file (default: the embedded one)
  faqbot explain [--json] TEXT                         show how the safety triage reads TEXT (never logged)
  faqbot publish [--to LIVE_FILE] DRAFT                check DRAFT, then replace the live file with it atomically
  faqbot serve [--config FILE] [--addr HOST:PORT] [--knowledge FILE]
                                                       run the HTTP API, Slack and Discord
  faqbot report [--json] [--since 168h]                replies by kind, feedback per section, top unanswered questions
  faqbot inbox [--json] [assign ID "SECTION" | dismiss ID]
                                                       the unanswered questions; assign adds one as an @ask line and publishes
  faqbot forget --all                                  empty the insights store
  faqbot healthcheck [--addr HOST:PORT]                exit 0 when a local serve is healthy
  faqbot version                                       print the version

Run "faqbot COMMAND -h" for a command's flags.
`

// errUsage marks a mistake in the command line: exit code 2.
var errUsage = errors.New("usage")

// exitError carries an exit code other than 1 (check's findings, usage).
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string { return e.err.Error() }
func (e *exitError) Unwrap() error { return e.err }

func exitCode(err error) int {
	var ee *exitError
	if errors.As(err, &ee) {
		return ee.code
	}
	if errors.Is(err, errUsage) || errors.Is(err, flag.ErrHelp) {
		return 2
	}
	return 1
}

// run is the whole program, with its world passed in so tests can call it.
func run(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return fmt.Errorf("%w: no command", errUsage)
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "ask":
		return runAsk(ctx, rest, getenv, stdin, stdout, stderr)
	case "check":
		return runCheck(ctx, rest, getenv, stdout, stderr)
	case "explain":
		return runExplain(ctx, rest, stdout, stderr)
	case "publish":
		return runPublish(ctx, rest, getenv, stdout, stderr)
	case "serve":
		return runServe(ctx, rest, getenv, stdout, stderr)
	case "report":
		return runReport(ctx, rest, getenv, stdout, stderr)
	case "inbox":
		return runInbox(ctx, rest, getenv, stdout, stderr)
	case "forget":
		return runForget(ctx, rest, getenv, stdout, stderr)
	case "healthcheck":
		return runHealthcheck(ctx, rest, getenv, stdout, stderr)
	case "version":
		fmt.Fprintln(stdout, "faqbot", buildVersion())
		return nil
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return nil
	}
	fmt.Fprint(stderr, usage)
	return fmt.Errorf("%w: unknown command %q", errUsage, cmd)
}

// newFlags makes a FlagSet that reports errors instead of exiting.
func newFlags(name string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("faqbot "+name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	return fs
}

// parseFlags parses flags that may come before or after positional
// arguments ("ask 'what is it' --json" works as people type it); after
// "--" everything is positional.
func parseFlags(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, err
			}
			return nil, fmt.Errorf("%w: %v", errUsage, err)
		}
		rest := fs.Args()
		if consumed := len(args) - len(rest); consumed > 0 && args[consumed-1] == "--" {
			return append(pos, rest...), nil
		}
		if len(rest) == 0 {
			return pos, nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}
