package insights_test

import (
	"context"
	"testing"
	"time"

	"github.com/faqbot/faqbot/internal/insights"
)

// TestClaims is dedup.Memory's contract on each back end, and two
// Claims on one database (two replicas) sharing what they remember.
func TestClaims(t *testing.T) {
	for _, be := range backends(t) {
		t.Run(be.name, func(t *testing.T) {
			st := be.open(t)
			now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
			clock := func() time.Time { return now }
			a, err := insights.NewClaims(st, clock)
			if err != nil {
				t.Fatal(err)
			}
			b, _ := insights.NewClaims(st, clock) // another replica
			ctx := context.Background()
			steps := []struct {
				name    string
				c       *insights.Claims
				advance time.Duration
				keys    []string
				want    bool
			}{
				{"first delivery", a, 0, []string{"event:E1", "msg:C1:1.1"}, true},
				{"retry on the other replica", b, time.Second, []string{"event:E1"}, false},
				{"same message, new event id", b, 0, []string{"event:E2", "msg:C1:1.1"}, false},
				{"new", a, 0, []string{"event:E3"}, true},
				{"no keys", a, 0, []string{""}, true},
				{"expired", b, 2 * time.Minute, []string{"event:E1"}, true},
			}
			for _, s := range steps {
				now = now.Add(s.advance)
				got, err := s.c.Claim(ctx, time.Minute, s.keys...)
				if err != nil || got != s.want {
					t.Errorf("%s: Claim = %v, %v; want %v", s.name, got, err, s.want)
				}
			}
		})
	}
}
