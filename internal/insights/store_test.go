package insights_test

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib"

	"github.com/faqbot/faqbot/internal/insights"
)

// backend opens a fresh store of one kind for one test.
type backend struct {
	name string
	open func(tb testing.TB) insights.Store
}

func backends(tb testing.TB) []backend {
	return []backend{
		{"sqlite", func(tb testing.TB) insights.Store { return OpenSQLite(tb) }},
		{"postgres", func(tb testing.TB) insights.Store { return OpenPostgres(tb) }},
	}
}

// OpenSQLite opens a store in a fresh temp dir.
func OpenSQLite(tb testing.TB) insights.Store {
	tb.Helper()
	st, err := insights.OpenSQLite(context.Background(), filepath.Join(tb.TempDir(), "insights.db"))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { st.Close() })
	return st
}

var schemaSeq atomic.Int64

// PostgresDSN is FAQBOT_TEST_POSTGRES, or a skip outside CI (a failure in
// CI, where .ci/run always provides one).
func PostgresDSN(tb testing.TB) string {
	tb.Helper()
	dsn := os.Getenv("FAQBOT_TEST_POSTGRES")
	if dsn == "" {
		if os.Getenv("CI") != "" {
			tb.Fatal("FAQBOT_TEST_POSTGRES is unset in CI: .ci/run should have started a PostgreSQL")
		}
		tb.Skip("PostgreSQL tests skipped: set FAQBOT_TEST_POSTGRES=postgres://… (.ci/run starts one)")
	}
	return dsn
}

// OpenPostgres opens a store in a fresh schema of FAQBOT_TEST_POSTGRES,
// dropped when the test ends.
func OpenPostgres(tb testing.TB) insights.Store {
	tb.Helper()
	dsn := PostgresDSN(tb)
	schema := fmt.Sprintf("t%d_%d", os.Getpid(), schemaSeq.Add(1))
	admin, err := sql.Open("pgx", dsn)
	if err != nil {
		tb.Fatal(err)
	}
	if _, err := admin.Exec("CREATE SCHEMA " + schema); err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() {
		admin.Exec("DROP SCHEMA " + schema + " CASCADE")
		admin.Close()
	})
	sep := "?"
	if strings.Contains(dsn, "?") {
		sep = "&"
	}
	st, err := insights.OpenPostgres(context.Background(), dsn+sep+"search_path="+schema)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { st.Close() })
	return st
}

var day0 = time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)

// TestStoreContract runs the same checks on every back end.
func TestStoreContract(t *testing.T) {
	for _, be := range backends(t) {
		t.Run(be.name, func(t *testing.T) {
			ctx := context.Background()
			st := be.open(t)
			k1, err := st.AskerKey(ctx)
			if err != nil || len(k1) != 32 {
				t.Fatalf("AskerKey = %x, %v", k1, err)
			}
			if k2, _ := st.AskerKey(ctx); string(k2) != string(k1) {
				t.Fatal("AskerKey changed between calls")
			}
			b := insights.Batch{
				Counts: []insights.Count{
					{Day: "2026-03-02", Surface: "slack", Kind: "answer", Section: "A", Version: "v1", N: 3},
					{Day: "2026-03-02", Surface: "http", Kind: "no_match", N: 2},
					{Day: "2026-02-01", Surface: "http", Kind: "no_match", N: 9}, // before since
				},
				Replies: []insights.Reply{{ID: "r1", Section: "A", Version: "v1", At: day0}, {ID: "r2", Section: "B", Version: "v1", At: day0}},
				Feedback: []insights.Vote{
					{ReplyID: "r1", Asker: "h1", Helpful: true, At: day0},
					{ReplyID: "r1", Asker: "h1", Helpful: false, At: day0}, // same person, same reply: once
					{ReplyID: "r1", Asker: "h2", Helpful: false, At: day0},
					{ReplyID: "r2", Asker: "h1", Helpful: false, At: day0},
					{ReplyID: "nope", Asker: "h1", Helpful: false, At: day0}, // unknown reply: ignored
				},
				Unanswered: []insights.Ask{
					{GroupID: "g1", Text: "first", Asker: "h1", At: day0},
					{GroupID: "g1", Text: "second", Asker: "h1", At: day0},
					{GroupID: "g1", Text: "third", Asker: "h2", At: day0},
					{GroupID: "g2", Text: "other", Asker: "h3", At: day0},
					{GroupID: "g3", Text: "not it", Asker: "h3", Source: insights.SourceNotHelpful, Section: "A", At: day0},
				},
			}
			if err := st.Apply(ctx, b); err != nil {
				t.Fatal(err)
			}
			// a second batch adds to the counters
			if err := st.Apply(ctx, insights.Batch{Counts: []insights.Count{{Day: "2026-03-03", Surface: "slack", Kind: "answer", Section: "A", Version: "v1", N: 1}}}); err != nil {
				t.Fatal(err)
			}
			rep, err := st.Report(ctx, day0.Add(-time.Hour), 10)
			if err != nil {
				t.Fatal(err)
			}
			if got := fmt.Sprint(rep.Replies); got != "map[answer:4 no_match:2]" {
				t.Errorf("replies = %s", got)
			}
			if got := fmt.Sprint(rep.Sections); got != "[{A v1 1 1} {B v1 0 1}]" {
				t.Errorf("sections = %s", got)
			}
			if got := fmt.Sprint(rep.Unanswered); got != "[{g1 third 3 2 } {g2 other 1 1 }]" {
				t.Errorf("unanswered = %s", got)
			}
			if got := fmt.Sprint(rep.NotHelpful); got != "[{g3 not it 1 1 A}]" {
				t.Errorf("not helpful = %s", got)
			}
			if g, err := st.Group(ctx, "g2"); err != nil || g.Text != "other" {
				t.Errorf("Group(g2) = %v, %v", g, err)
			}
			if err := st.Dismiss(ctx, "g2"); err != nil {
				t.Fatal(err)
			}
			if _, err := st.Group(ctx, "g2"); !errors.Is(err, insights.ErrNotFound) {
				t.Errorf("Group after Dismiss: %v, want ErrNotFound", err)
			}
			if err := st.Dismiss(ctx, "g2"); !errors.Is(err, insights.ErrNotFound) {
				t.Errorf("Dismiss twice: %v, want ErrNotFound", err)
			}
			// retention: everything of day0 goes when purging after it
			if err := st.Purge(ctx, day0.Add(48*time.Hour)); err != nil {
				t.Fatal(err)
			}
			rep, _ = st.Report(ctx, time.Time{}, 10)
			if len(rep.Replies)+len(rep.Sections)+len(rep.Unanswered) != 0 {
				t.Errorf("after purge: %+v", rep)
			}
			if err := st.Apply(ctx, b); err != nil {
				t.Fatal(err)
			}
			if err := st.Forget(ctx); err != nil {
				t.Fatal(err)
			}
			rep, _ = st.Report(ctx, time.Time{}, 10)
			if len(rep.Replies)+len(rep.Sections)+len(rep.Unanswered) != 0 {
				t.Errorf("after forget: %+v", rep)
			}
			if k3, _ := st.AskerKey(ctx); string(k3) == string(k1) {
				t.Error("Forget kept the asker key")
			}
		})
	}
}

// TestMigrationsRerun opens the same SQLite file twice: the second open
// finds its migrations applied.
func TestMigrationsRerun(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.db")
	for range 2 {
		st, err := insights.OpenSQLite(context.Background(), path)
		if err != nil {
			t.Fatal(err)
		}
		st.Close()
	}
}
