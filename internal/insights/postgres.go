package insights

import (
	"context"
	"database/sql"
	"fmt"

	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" database/sql driver
)

// OpenPostgres connects to the PostgreSQL database at dsn and runs its
// migrations, under an advisory lock so replicas starting together do not
// race. Several replicas share one database.
func OpenPostgres(ctx context.Context, dsn string) (Store, error) {
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		return nil, fmt.Errorf("insights: open postgres: %w", err)
	}
	db.SetMaxOpenConns(8)
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("insights: connect postgres: %w", err)
	}
	s := &sqlStore{db: db, d: dialect{name: "postgres", numbered: true, lock: `SELECT pg_advisory_xact_lock(7211012)`}}
	if err := s.migrate(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("insights: postgres: %w", err)
	}
	return s, nil
}
