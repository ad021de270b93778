// Command faqbot answers questions about sex therapy from one knowledge
// file, on the command line, over HTTP, in Slack and in Discord.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Getenv, os.Stdin, os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "faqbot:", err)
		stop()
		os.Exit(exitCode(err))
	}
}
