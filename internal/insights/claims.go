package insights

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"sync"
	"time"

	"github.com/faqbot/faqbot/internal/dedup"
)

// Claims is a dedup.Store in the insights database, so that replicas
// sharing one PostgreSQL handle a Slack retry or a replayed request once,
// whichever replica it lands on. Delivery keys hold user and channel ids,
// so only a keyed hash of each is stored, with its expiry.
type Claims struct {
	st  *sqlStore
	now func() time.Time

	once sync.Once
	key  []byte
	err  error
}

// NewClaims returns the delivery memory of a store opened by OpenSQLite
// or OpenPostgres. now is the clock (nil = time.Now).
func NewClaims(st Store, now func() time.Time) (*Claims, error) {
	s, ok := st.(*sqlStore)
	if !ok {
		return nil, fmt.Errorf("insights: claims need a store from OpenSQLite or OpenPostgres")
	}
	if now == nil {
		now = time.Now
	}
	return &Claims{st: s, now: now}, nil
}

// Claim implements dedup.Store: true when none of keys was recorded and
// unexpired. A key keeps its first expiry.
func (c *Claims) Claim(ctx context.Context, ttl time.Duration, keys ...string) (bool, error) {
	c.once.Do(func() { c.key, c.err = c.st.AskerKey(ctx) })
	if c.err != nil {
		return false, c.err
	}
	now := c.now()
	tx, err := c.st.db.BeginTx(ctx, nil)
	if err != nil {
		return false, fmt.Errorf("insights: claim: %w", err)
	}
	defer tx.Rollback() //nolint:errcheck // after Commit it is a no-op
	fresh := true
	for _, k := range keys {
		if k == "" {
			continue
		}
		m := hmac.New(sha256.New, c.key)
		m.Write([]byte("dedup\x00" + k))
		h := hex.EncodeToString(m.Sum(nil))
		if _, err := tx.ExecContext(ctx, c.st.q(`DELETE FROM claims WHERE key = ? AND expires <= ?`), h, now.UnixMilli()); err != nil {
			return false, fmt.Errorf("insights: claim: %w", err)
		}
		res, err := tx.ExecContext(ctx, c.st.q(`INSERT INTO claims (key, expires) VALUES (?, ?) ON CONFLICT (key) DO NOTHING`), h, now.Add(ttl).UnixMilli())
		if err != nil {
			return false, fmt.Errorf("insights: claim: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			fresh = false
		}
	}
	if err := tx.Commit(); err != nil {
		return false, fmt.Errorf("insights: claim: %w", err)
	}
	return fresh, nil
}

var _ dedup.Store = (*Claims)(nil)
