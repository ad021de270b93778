package safety

import "testing"

// TestLitIndexBytes: literals are bytes, not runes, so a pattern may hold
// letters outside ASCII ("fiancé") without upsetting the trie.
func TestLitIndexBytes(t *testing.T) {
	x := newLitIndex()
	a := x.add(nil, [][]string{{"fiancé", "fiance"}})
	b := x.add(nil, [][]string{{"fianc\xa9"}})
	for _, tc := range []struct {
		text  string
		wantA bool
		wantB bool
	}{
		{"my fiancé left", true, false},
		{"my fiance left", true, false},
		{"my fianc\xa9 left", false, true},
		{"my fian left", false, false},
	} {
		h := x.scan(tc.text)
		if got := h.may(a); got != tc.wantA {
			t.Errorf("%q: matcher a may = %v, want %v", tc.text, got, tc.wantA)
		}
		if got := h.may(b); got != tc.wantB {
			t.Errorf("%q: matcher b may = %v, want %v", tc.text, got, tc.wantB)
		}
	}
}
