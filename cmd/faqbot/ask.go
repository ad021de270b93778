package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"strings"

	"github.com/faqbot/faqbot"
	"github.com/faqbot/faqbot/cmd/faqbot/internal/config"
	"github.com/faqbot/faqbot/internal/engine"
	"github.com/faqbot/faqbot/internal/insights"
)

// maxLineBytes is how much of one stdin line is kept; the rest of a longer
// line is read and dropped, so one huge line costs no memory and still gets
// its one reply line.
const maxLineBytes = 64 << 10

// runAsk is `faqbot ask`: one question from the arguments, or one per line
// of stdin with exactly one reply line each, in order.
func runAsk(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := newFlags("ask", stderr)
	asJSON := fs.Bool("json", false, "print each reply as one JSON object per line")
	path := fs.String("knowledge", getenv("FAQBOT_KNOWLEDGE"), "knowledge file (default: the embedded one; env FAQBOT_KNOWLEDGE)")
	cfgPath := fs.String("config", "", "TOML config file, for the clinic's contact and the replies (see config.example.toml)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: faqbot ask [--json] [--knowledge FILE] [--config FILE] [QUESTION]\n\nWith no QUESTION, reads one question per line from stdin.")
		fs.PrintDefaults()
	}
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	opts := engine.Options{Path: *path}
	if *cfgPath != "" {
		// the settings that shape a reply; the secrets and the server's
		// own settings mean nothing here
		cfg, err := config.Load(*cfgPath, nil)
		if err != nil {
			return err
		}
		opts = engineOptions(cfg, slog.New(slog.DiscardHandler), nil)
		if *path != "" {
			opts.Path = *path
		}
	}
	eng, err := engine.New(opts)
	if err != nil {
		return err
	}
	defer eng.Close()
	// Every reply has a reply_id, as on every surface. The CLI is the
	// moderators' own tool, so its questions are not counted in insights.
	answerer := withReplyID(eng)

	out := bufio.NewWriter(stdout)
	defer out.Flush()
	p := printer{w: out, json: *asJSON}
	if len(pos) > 0 {
		r, err := answerer.Answer(ctx, faqbot.Question{Text: strings.Join(pos, " "), Platform: "cli"})
		if err != nil {
			return err
		}
		return p.print(r, false)
	}
	return askLines(ctx, answerer, stdin, p, stderr)
}

// withReplyID gives each reply an opaque id when no recorder does.
func withReplyID(next faqbot.Answerer) faqbot.Answerer {
	return faqbot.AnswerFunc(func(ctx context.Context, q faqbot.Question) (faqbot.Reply, error) {
		r, err := next.Answer(ctx, q)
		if err == nil {
			r.ID = insights.NewID()
		}
		return r, err
	})
}

func askLines(ctx context.Context, eng faqbot.Answerer, stdin io.Reader, p printer, stderr io.Writer) error {
	in := bufio.NewReaderSize(stdin, 64<<10)
	for {
		line, err := readLine(in)
		if errors.Is(err, io.EOF) && line == nil {
			return nil
		}
		if err != nil && !errors.Is(err, io.EOF) {
			return fmt.Errorf("ask: read stdin: %w", err)
		}
		r, aerr := eng.Answer(ctx, faqbot.Question{Text: string(line), Platform: "cli"})
		if aerr != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			fmt.Fprintln(stderr, "faqbot: ask:", aerr)
			r = faqbot.Reply{Kind: "error", Text: faqbot.Apology, Sources: []faqbot.Source{}, Resources: []faqbot.Resource{}}
		}
		if err := p.print(r, true); err != nil {
			return err
		}
		if errors.Is(err, io.EOF) {
			return nil
		}
	}
}

// readLine returns the next line without its newline, keeping at most
// maxLineBytes of it. At the end of input it returns (nil, io.EOF); a last
// line without a newline comes back with io.EOF too.
func readLine(r *bufio.Reader) ([]byte, error) {
	var line []byte
	for {
		chunk, err := r.ReadSlice('\n')
		if room := maxLineBytes - len(line); room > 0 {
			line = append(line, chunk[:min(len(chunk), room)]...)
		}
		switch {
		case err == nil:
			return trimEOL(line), nil
		case errors.Is(err, bufio.ErrBufferFull):
			continue
		case errors.Is(err, io.EOF):
			if len(line) == 0 {
				return nil, io.EOF
			}
			return trimEOL(line), io.EOF
		default:
			return nil, err
		}
	}
}

func trimEOL(b []byte) []byte {
	b = []byte(strings.TrimSuffix(string(b), "\n"))
	return []byte(strings.TrimSuffix(string(b), "\r"))
}

// printer writes replies as JSON lines or as text for a person.
type printer struct {
	w    *bufio.Writer
	json bool
}

func (p printer) print(r faqbot.Reply, oneLine bool) error {
	if p.json {
		enc := json.NewEncoder(p.w)
		enc.SetEscapeHTML(false)
		return enc.Encode(r) // one line: the encoder escapes newlines in strings
	}
	text := r.Text
	if oneLine {
		text = strings.Join(strings.Fields(strings.ReplaceAll(text, "\n", " | ")), " ")
	}
	_, err := fmt.Fprintln(p.w, text)
	if err == nil && oneLine {
		err = p.w.Flush() // interactive use: show each reply as it comes
	}
	return err
}
