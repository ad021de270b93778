package safety

import "testing"

// TestLaughNearMeans: a laugh sets the tone of a whole message for
// despair and shame, but takes back a means at hand only when said beside
// it. (Kept out of triage_cases.jsonl and families.txt, which the net
// trains on: this tests the rules' reading of a laugh, not the net.)
func TestLaughNearMeans(t *testing.T) {
	for _, tc := range []struct {
		text string
		want Category
	}{
		{"my dads gun is in the closet lol", None},
		{"i have a rope in the garage. lol", None},
		{"i have a rope in the garage. anyway what time do sessions start lol", Crisis},
		{"my wife left and took the kids. i have my grandads old service revolver in the loft and i went up and checked it still works last night. the therapist wants me to do a desire journal lol", Crisis},
		{"i hate myself for eating the whole pizza before date night. we laughed it off. next time maybe dinner after lol", None},
	} {
		if got := TriageRules(tc.text).Category; got != tc.want {
			t.Errorf("TriageRules(%q) = %v, want %v", tc.text, got, tc.want)
		}
	}
}
