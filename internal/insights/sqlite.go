package insights

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"

	_ "modernc.org/sqlite" // pure Go: the static CGO_ENABLED=0 build keeps working
)

// OpenSQLite opens (creating it if need be) the SQLite file at path and
// runs its migrations. One process writes it: the recorder's single
// writer, and moderators' commands between.
func OpenSQLite(ctx context.Context, path string) (Store, error) {
	dsn := "file:" + (&url.URL{Path: path}).EscapedPath() +
		"?_pragma=busy_timeout(5000)&_pragma=journal_mode(WAL)&_pragma=synchronous(NORMAL)&_pragma=foreign_keys(1)&_txlock=immediate"
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("insights: open sqlite %s: %w", path, err)
	}
	db.SetMaxOpenConns(1) // one writer; readers wait their turn, briefly
	s := &sqlStore{db: db, d: dialect{name: "sqlite"}}
	if err := s.migrate(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("insights: sqlite %s: %w", path, err)
	}
	return s, nil
}
