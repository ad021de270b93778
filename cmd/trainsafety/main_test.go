package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestNetIsFresh trains again from the committed sets and checks that the
// result is the committed net: the weights are reproducible, and nobody
// changed a set without training again.
func TestNetIsFresh(t *testing.T) {
	if testing.Short() {
		t.Skip("trains the net")
	}
	root := filepath.Join("..", "..")
	wd, _ := os.Getwd()
	if err := os.Chdir(root); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chdir(wd) })
	out := filepath.Join(t.TempDir(), "net.txt")
	var log bytes.Buffer
	if err := run([]string{"-o", out}, &log); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(out)
	want, err := os.ReadFile("internal/safety/data/net.txt")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("internal/safety/data/net.txt is not what the sets train: run go run ./cmd/trainsafety")
	}
	if !strings.Contains(log.String(), "threshold") {
		t.Errorf("no thresholds reported: %q", log.String())
	}
}

// TestFitSeparates: on a toy set the model learns which words carry which
// class.
func TestFitSeparates(t *testing.T) {
	var data []example
	for i := 0; i < 20; i++ {
		data = append(data,
			example{[]string{"hopeless", "me"}, 1},
			example{[]string{"hit", "me"}, 2},
			example{[]string{"session", "me"}, 0})
	}
	m := fit(data, 20, 1e-4)
	for _, tc := range []struct {
		feats []string
		want  int
	}{{[]string{"hopeless"}, 1}, {[]string{"hit"}, 2}, {[]string{"session"}, 0}} {
		p := m.probs(tc.feats)
		best := 0
		for c := range p {
			if p[c] > p[best] {
				best = c
			}
		}
		if best != tc.want {
			t.Errorf("probs(%v) = %v; want class %d first", tc.feats, p, tc.want)
		}
	}
}
