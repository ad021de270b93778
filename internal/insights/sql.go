package insights

import (
	"context"
	"crypto/rand"
	"database/sql"
	"embed"
	"encoding/hex"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"
	"time"
)

//go:embed migrations
var migrations embed.FS

// dialect is what differs between the two back ends: placeholders, the
// migrations directory and how migrations keep replicas from racing.
type dialect struct {
	name string
	// lock, when set, runs inside the migration transaction first.
	lock string
	// numbered placeholders ($1) instead of ?
	numbered bool
}

// sqlStore is the Store both back ends share: the same statements, in
// the common subset of SQLite and PostgreSQL (ON CONFLICT upserts).
type sqlStore struct {
	db *sql.DB
	d  dialect
}

func (s *sqlStore) q(query string) string {
	if !s.d.numbered {
		return query
	}
	var b strings.Builder
	n := 0
	for _, r := range query {
		if r == '?' {
			n++
			b.WriteString("$" + strconv.Itoa(n))
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// migrate runs the embedded migrations not yet applied, each in its own
// transaction, in the order of their numbered file names.
func (s *sqlStore) migrate(ctx context.Context) error {
	if _, err := s.db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY)`); err != nil {
		return fmt.Errorf("insights: migrations table: %w", err)
	}
	dir := path.Join("migrations", s.d.name)
	entries, err := fs.ReadDir(migrations, dir)
	if err != nil {
		return fmt.Errorf("insights: read migrations: %w", err)
	}
	sort.Slice(entries, func(i, j int) bool { return entries[i].Name() < entries[j].Name() })
	for _, e := range entries {
		v, err := strconv.Atoi(strings.SplitN(e.Name(), "_", 2)[0])
		if err != nil {
			return fmt.Errorf("insights: migration %s: name must start with its number", e.Name())
		}
		body, err := migrations.ReadFile(path.Join(dir, e.Name()))
		if err != nil {
			return fmt.Errorf("insights: read migration %s: %w", e.Name(), err)
		}
		if err := s.apply(ctx, v, string(body)); err != nil {
			return fmt.Errorf("insights: migration %s: %w", e.Name(), err)
		}
	}
	return nil
}

func (s *sqlStore) apply(ctx context.Context, version int, body string) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback() //nolint:errcheck // after Commit it is a no-op
	if s.d.lock != "" {
		if _, err := tx.ExecContext(ctx, s.d.lock); err != nil {
			return fmt.Errorf("lock: %w", err)
		}
	}
	var n int
	if err := tx.QueryRowContext(ctx, s.q(`SELECT COUNT(*) FROM schema_migrations WHERE version = ?`), version).Scan(&n); err != nil {
		return err
	}
	if n > 0 {
		return nil
	}
	for _, stmt := range strings.Split(body, ";") {
		if strings.TrimSpace(stmt) == "" {
			continue
		}
		if _, err := tx.ExecContext(ctx, stmt); err != nil {
			return err
		}
	}
	if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO schema_migrations (version) VALUES (?)`), version); err != nil {
		return err
	}
	return tx.Commit()
}

func (s *sqlStore) AskerKey(ctx context.Context) ([]byte, error) {
	fresh := make([]byte, 32)
	rand.Read(fresh) //nolint:errcheck // never fails
	if _, err := s.db.ExecContext(ctx, s.q(`INSERT INTO meta (name, value) VALUES ('asker_key', ?) ON CONFLICT (name) DO NOTHING`), hex.EncodeToString(fresh)); err != nil {
		return nil, fmt.Errorf("insights: asker key: %w", err)
	}
	var v string
	if err := s.db.QueryRowContext(ctx, `SELECT value FROM meta WHERE name = 'asker_key'`).Scan(&v); err != nil {
		return nil, fmt.Errorf("insights: asker key: %w", err)
	}
	key, err := hex.DecodeString(v)
	if err != nil {
		return nil, fmt.Errorf("insights: asker key: %w", err)
	}
	return key, nil
}

func (s *sqlStore) Apply(ctx context.Context, b Batch) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("insights: begin: %w", err)
	}
	defer tx.Rollback() //nolint:errcheck // after Commit it is a no-op
	for _, c := range b.Counts {
		if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO reply_counts (day, surface, kind, reason, section, version, n)
			VALUES (?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (day, surface, kind, reason, section, version) DO UPDATE SET n = reply_counts.n + excluded.n`),
			c.Day, c.Surface, c.Kind, c.Reason, c.Section, c.Version, c.N); err != nil {
			return fmt.Errorf("insights: count: %w", err)
		}
	}
	for _, r := range b.Replies {
		if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO replies (id, section, version, at) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`),
			r.ID, r.Section, r.Version, r.At.Unix()); err != nil {
			return fmt.Errorf("insights: reply: %w", err)
		}
	}
	for _, v := range b.Feedback {
		h := 0
		if v.Helpful {
			h = 1
		}
		if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO feedback (reply_id, asker, section, version, helpful, at)
			SELECT id, ?, section, version, ?, ? FROM replies WHERE id = ?
			ON CONFLICT (reply_id, asker) DO NOTHING`), v.Asker, h, v.At.Unix(), v.ReplyID); err != nil {
			return fmt.Errorf("insights: feedback: %w", err)
		}
	}
	for _, a := range b.Unanswered {
		if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO unanswered (id, text, count, first_at, last_at, source, section) VALUES (?, ?, 1, ?, ?, ?, ?)
			ON CONFLICT (id) DO UPDATE SET text = excluded.text, count = unanswered.count + 1, last_at = excluded.last_at, section = excluded.section`),
			a.GroupID, a.Text, a.At.Unix(), a.At.Unix(), source(a.Source), a.Section); err != nil {
			return fmt.Errorf("insights: unanswered: %w", err)
		}
		if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO unanswered_askers (group_id, asker, at) VALUES (?, ?, ?)
			ON CONFLICT (group_id, asker) DO UPDATE SET at = excluded.at`), a.GroupID, a.Asker, a.At.Unix()); err != nil {
			return fmt.Errorf("insights: unanswered asker: %w", err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("insights: commit: %w", err)
	}
	return nil
}

func (s *sqlStore) Report(ctx context.Context, since time.Time, top int) (Report, error) {
	rep := Report{Since: since.UTC(), Replies: map[string]int{}, Sections: []SectionVotes{}, Unanswered: []Group{}, NotHelpful: []Group{}}
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT kind, CAST(SUM(n) AS BIGINT) FROM reply_counts WHERE day >= ? GROUP BY kind`), since.UTC().Format(time.DateOnly))
	if err != nil {
		return rep, fmt.Errorf("insights: report replies: %w", err)
	}
	for rows.Next() {
		var k string
		var n int
		if err := rows.Scan(&k, &n); err != nil {
			rows.Close()
			return rep, fmt.Errorf("insights: report replies: %w", err)
		}
		rep.Replies[k] = n
	}
	rows.Close()
	rows, err = s.db.QueryContext(ctx, s.q(`SELECT section, version, CAST(SUM(helpful) AS BIGINT), CAST(SUM(1 - helpful) AS BIGINT) FROM feedback WHERE at >= ?
		GROUP BY section, version ORDER BY section, version`), since.Unix())
	if err != nil {
		return rep, fmt.Errorf("insights: report feedback: %w", err)
	}
	for rows.Next() {
		var sv SectionVotes
		if err := rows.Scan(&sv.Section, &sv.Version, &sv.Helpful, &sv.Unhelpful); err != nil {
			rows.Close()
			return rep, fmt.Errorf("insights: report feedback: %w", err)
		}
		rep.Sections = append(rep.Sections, sv)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return rep, fmt.Errorf("insights: report feedback: %w", err)
	}
	if rep.Unanswered, err = s.groups(ctx, `WHERE g.last_at >= ? AND g.source = ?`, []any{since.Unix(), SourceNoMatch}, top); err != nil {
		return rep, err
	}
	if rep.NotHelpful, err = s.groups(ctx, `WHERE g.last_at >= ? AND g.source = ?`, []any{since.Unix(), SourceNotHelpful}, top); err != nil {
		return rep, err
	}
	return rep, nil
}

func (s *sqlStore) groups(ctx context.Context, where string, args []any, limit int) ([]Group, error) {
	if limit <= 0 {
		limit = 1000
	}
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT g.id, g.text, g.count,
		(SELECT COUNT(*) FROM unanswered_askers a WHERE a.group_id = g.id), g.section
		FROM unanswered g `+where+` ORDER BY g.count DESC, g.last_at DESC, g.id LIMIT ?`), append(args, limit)...)
	if err != nil {
		return nil, fmt.Errorf("insights: unanswered groups: %w", err)
	}
	defer rows.Close()
	out := []Group{}
	for rows.Next() {
		var g Group
		if err := rows.Scan(&g.ID, &g.Text, &g.Count, &g.Askers, &g.Section); err != nil {
			return nil, fmt.Errorf("insights: unanswered groups: %w", err)
		}
		out = append(out, g)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("insights: unanswered groups: %w", err)
	}
	return out, nil
}

func (s *sqlStore) Group(ctx context.Context, id string) (Group, error) {
	gs, err := s.groups(ctx, `WHERE g.id = ?`, []any{id}, 1)
	if err != nil {
		return Group{}, err
	}
	if len(gs) == 0 {
		return Group{}, fmt.Errorf("insights: group %q: %w", id, ErrNotFound)
	}
	return gs[0], nil
}

func (s *sqlStore) Dismiss(ctx context.Context, id string) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("insights: dismiss: %w", err)
	}
	defer tx.Rollback() //nolint:errcheck // after Commit it is a no-op
	res, err := tx.ExecContext(ctx, s.q(`DELETE FROM unanswered WHERE id = ?`), id)
	if err != nil {
		return fmt.Errorf("insights: dismiss: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("insights: group %q: %w", id, ErrNotFound)
	}
	if _, err := tx.ExecContext(ctx, s.q(`DELETE FROM unanswered_askers WHERE group_id = ?`), id); err != nil {
		return fmt.Errorf("insights: dismiss: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("insights: dismiss: %w", err)
	}
	return nil
}

func (s *sqlStore) Purge(ctx context.Context, before time.Time) error {
	t := before.Unix()
	for _, st := range []struct {
		query string
		arg   any
	}{
		{`DELETE FROM reply_counts WHERE day < ?`, before.UTC().Format(time.DateOnly)},
		{`DELETE FROM replies WHERE at < ?`, t},
		{`DELETE FROM feedback WHERE at < ?`, t},
		{`DELETE FROM unanswered WHERE last_at < ?`, t},
		{`DELETE FROM unanswered_askers WHERE at < ? OR group_id NOT IN (SELECT id FROM unanswered)`, t},
		{`DELETE FROM claims WHERE expires < ?`, time.Now().UnixMilli()},
	} {
		if _, err := s.db.ExecContext(ctx, s.q(st.query), st.arg); err != nil {
			return fmt.Errorf("insights: purge: %w", err)
		}
	}
	return nil
}

func (s *sqlStore) Forget(ctx context.Context) error {
	for _, table := range []string{"reply_counts", "replies", "feedback", "unanswered", "unanswered_askers", "claims", "meta"} {
		if _, err := s.db.ExecContext(ctx, `DELETE FROM `+table); err != nil {
			return fmt.Errorf("insights: forget %s: %w", table, err)
		}
	}
	return nil
}

func (s *sqlStore) Close() error { return s.db.Close() }

// source is an Ask's source, no_match unless it says otherwise.
func source(s string) string {
	if s == SourceNotHelpful {
		return s
	}
	return SourceNoMatch
}
