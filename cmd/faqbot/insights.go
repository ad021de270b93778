package main

import (
	"context"
	"log/slog"
	"time"

	"github.com/faqbot/faqbot/cmd/faqbot/internal/config"
	"github.com/faqbot/faqbot/internal/insights"
)

// openInsights opens the store the config names: PostgreSQL when dsn is
// set, else the SQLite file at path. Migrations run here.
func openInsights(ctx context.Context, c config.Insights) (insights.Store, error) {
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	if c.DSN != "" {
		return insights.OpenPostgres(ctx, c.DSN)
	}
	return insights.OpenSQLite(ctx, c.Path)
}

func newRecorder(st insights.Store, c config.Insights, terms func(string) []string, dropped func(), logger *slog.Logger) *insights.Recorder {
	return insights.New(st, insights.Options{
		KeepUnanswered: c.KeepUnanswered, Retention: c.Retention,
		Terms: terms, Dropped: dropped, Logger: logger,
	})
}

// describeInsights is the startup log's account of what is kept.
func describeInsights(c config.Insights) []any {
	where := c.Path
	if c.DSN != "" {
		where = "postgres"
	}
	return []any{"store", where, "keep_unanswered", c.KeepUnanswered, "retention", c.Retention.String()}
}
