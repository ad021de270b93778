package main

import (
	"context"
	"fmt"
	"io"

	"github.com/faqbot/faqbot/cmd/faqbot/internal/config"
	"github.com/faqbot/faqbot/internal/engine"
	"github.com/faqbot/faqbot/knowledge"
)

// runCheck is `faqbot check [FILE]`: parse, validate and run the file's
// expectations; print every problem as file:line; exit 1 on any.
func runCheck(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	fs := newFlags("check", stderr)
	against := fs.String("against", getenv("FAQBOT_KNOWLEDGE"), "the live file, to print what would change (env FAQBOT_KNOWLEDGE)")
	doReplay := fs.Bool("replay", false, "also answer the inbox's questions with FILE: which would get an answer, and which @expect questions change (needs --config)")
	cfgPath := fs.String("config", getenv("FAQBOT_CONFIG"), "the bot's TOML config file, for --replay: the store and the live file (env FAQBOT_CONFIG)")
	asJSON := fs.Bool("json", false, "with --replay, print the replay as JSON")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: faqbot check [--against LIVE_FILE] [FILE]\n"+
			"       faqbot check --replay [--config FILE] [--json] DRAFT\n\n"+
			"Checks FILE (default: the embedded knowledge file) and runs its @expect lines.\n"+
			"With --replay it also says how many of the inbox's unanswered questions the draft\n"+
			"answers, and which @expect questions it answers differently from the live file.")
		fs.PrintDefaults()
	}
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 1 {
		return fmt.Errorf("%w: check takes one FILE", errUsage)
	}
	path := ""
	if len(pos) == 1 {
		path = pos[0]
	}
	if *doReplay && path == "" {
		return fmt.Errorf("%w: check --replay takes the DRAFT file", errUsage)
	}
	f, err := knowledge.Load(path)
	if err != nil {
		fmt.Fprintln(stdout, err)
		return &exitError{code: 1, err: fmt.Errorf("check: the file has problems; nothing was published")}
	}
	if *doReplay {
		cfg, err := config.Load(*cfgPath, getenv)
		if err != nil {
			return err
		}
		if err := replay(ctx, cfg, f, stdout, *asJSON); err != nil {
			return err
		}
		if *asJSON {
			// the check's own lines would break the JSON: run it quietly
			fails, err := engine.Check(ctx, f, engine.Options{})
			if err != nil {
				return err
			}
			if len(fails) > 0 {
				return &exitError{code: 1, err: fmt.Errorf("check: %d expectation(s) failed", len(fails))}
			}
			return nil
		}
	}
	if *against != "" && *against != path {
		live, err := knowledge.Load(*against)
		if err != nil {
			return fmt.Errorf("check: the live file: %w", err)
		}
		fmt.Fprint(stdout, knowledge.Diff(live, f))
	}
	fails, err := checkFile(ctx, f, stdout)
	if err != nil {
		return err
	}
	if fails > 0 {
		return &exitError{code: 1, err: fmt.Errorf("check: %d expectation(s) failed", fails)}
	}
	return nil
}

// checkFile runs f's expectations and prints what fails, the warnings and
// a summary line; it returns how many expectations failed.
func checkFile(ctx context.Context, f *knowledge.File, stdout io.Writer) (int, error) {
	fails, err := engine.Check(ctx, f, engine.Options{})
	if err != nil {
		return 0, err
	}
	for _, e := range fails {
		fmt.Fprintln(stdout, e)
	}
	warns, err := engine.Warnings(f)
	if err != nil {
		return 0, err
	}
	for _, w := range warns {
		fmt.Fprintln(stdout, w)
	}
	fmt.Fprintf(stdout, "%s: version %s, %d sections, %d passages, %d synonym groups, %d/%d expectations pass, %d warnings\n",
		f.Name, f.Version, len(f.Sections), f.Passages(), len(f.Synonyms), len(f.Expectations)-len(fails), len(f.Expectations), len(warns))
	return len(fails), nil
}
