// Package clockskew notices when this host's clock is off. Slack and
// Discord sign each request with its time and the bot refuses any more
// than five minutes from its own clock, so a host clock that is off by more
// refuses every request, and each refusal alone looks like a replay. When
// the last few correctly signed requests were all refused for their time
// and none was accepted since, Detector says so once, loudly, with the
// measured skew.
package clockskew

import (
	"log/slog"
	"sync"
	"time"
)

// Threshold is how many correctly signed requests in a row must be refused
// for their time before the skew is logged.
const Threshold = 3

// Detector counts one platform's timestamp refusals. The zero value is not
// usable: make one with New. It is safe for concurrent use.
type Detector struct {
	platform string
	logger   *slog.Logger

	mu     sync.Mutex
	stale  int
	logged bool
}

// New returns a Detector that logs to logger for platform ("slack").
func New(platform string, logger *slog.Logger) *Detector {
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	return &Detector{platform: platform, logger: logger}
}

// Stale records a request whose signature was right but whose timestamp
// was skew away from this host's clock (positive: the host is ahead). It
// reports whether this call logged the alarm.
func (d *Detector) Stale(skew time.Duration) bool {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.stale++
	if d.stale < Threshold || d.logged {
		return false
	}
	d.logged = true
	direction := "ahead of"
	if skew < 0 {
		direction, skew = "behind", -skew
	}
	d.logger.Error("CLOCK SKEW: every correctly signed request is being refused for its timestamp; this host's clock looks wrong: fix it (NTP)",
		"platform", d.platform, "refused_in_a_row", d.stale, "skew", skew.Round(time.Second).String(),
		"host_clock", direction+" the platform's", "allowed", "5m")
	return true
}

// Accepted records a request that was accepted: the clock is fine (again),
// and a later run of refusals is logged afresh.
func (d *Detector) Accepted() {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.stale, d.logged = 0, false
}
