package clockskew_test

import (
	"bytes"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/faqbot/faqbot/internal/clockskew"
)

func TestDetectorLogsOncePerRun(t *testing.T) {
	var buf bytes.Buffer
	d := clockskew.New("slack", slog.New(slog.NewTextHandler(&buf, nil)))
	var logged []int
	for i := range 10 {
		if d.Stale(7*time.Minute + 3*time.Second) {
			logged = append(logged, i)
		}
	}
	if len(logged) != 1 || logged[0] != clockskew.Threshold-1 {
		t.Fatalf("logged at refusals %v, want once at %d", logged, clockskew.Threshold-1)
	}
	line := buf.String()
	for _, want := range []string{"level=ERROR", "CLOCK SKEW", "platform=slack", "skew=7m3s", `host_clock="ahead of the platform's"`} {
		if !strings.Contains(line, want) {
			t.Errorf("log lacks %q: %s", want, line)
		}
	}
	// an accepted request ends the run; a new run is logged afresh
	d.Accepted()
	d.Stale(-6 * time.Minute)
	d.Accepted()
	for range clockskew.Threshold - 1 {
		d.Stale(-6 * time.Minute)
	}
	if strings.Count(buf.String(), "CLOCK SKEW") != 1 {
		t.Fatalf("logged for runs shorter than the threshold:\n%s", buf.String())
	}
	if !d.Stale(-6 * time.Minute) {
		t.Fatal("a second run was not logged")
	}
	if !strings.Contains(buf.String(), `host_clock="behind the platform's"`) {
		t.Errorf("direction not logged: %s", buf.String())
	}
}
