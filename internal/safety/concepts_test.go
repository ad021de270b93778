package safety_test

import (
	"bufio"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/faqbot/faqbot/internal/safety"
	"github.com/faqbot/faqbot/internal/textnorm"
)

var updateCases = flag.Bool("update", false, "rewrite testdata/triage_cases.jsonl")

// conceptCase is one line of testdata/families.txt.
type conceptCase struct {
	want string // "crisis", "abuse", "checkin", "-", "attach-abuse", "attach-crisis"
	text string
	line int
}

func readConceptCases(t *testing.T) []conceptCase {
	t.Helper()
	f, err := os.Open("testdata/families.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []conceptCase
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimSpace(sc.Text())
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
		case strings.HasPrefix(line, "+"), strings.HasPrefix(line, "="):
			want, text, _ := strings.Cut(line[1:], " ")
			out = append(out, conceptCase{want, text, n})
		case strings.HasPrefix(line, "-"):
			out = append(out, conceptCase{"-", line[1:], n})
		default:
			t.Fatalf("families.txt:%d: a line starts with +, = or -", n)
		}
	}
	return out
}

// TestConceptFamilies holds each conceptCase of the concept layer: positives
// that hand off, near misses that do not.
func TestConceptFamilies(t *testing.T) {
	for _, f := range readConceptCases(t) {
		text, _ := textnorm.Clean(f.text, 2000)
		v := safety.Triage(text)
		var ok bool
		switch f.want {
		case "crisis":
			ok = v.Category == safety.Crisis && !v.CheckIn
		case "checkin":
			ok = v.Category == safety.Crisis
		case "abuse":
			ok = v.Category == safety.Abuse
		case "attach-abuse":
			ok = v.Category == safety.None && v.Attach == safety.Abuse
		case "attach-crisis":
			ok = v.Category == safety.None && v.Attach == safety.Crisis
		case "both":
			// a handoff with both sets of lines, either one first
			ok = v.Category == safety.Crisis && v.Attach == safety.Abuse || v.Category == safety.Abuse && v.Attach == safety.Crisis
		case "-":
			ok = v.Category != safety.Crisis && v.Category != safety.Abuse
		default:
			t.Fatalf("families.txt:%d: unknown verdict %q", f.line, f.want)
		}
		if !ok {
			t.Errorf("families.txt:%d: Triage(%q) = %v; want %s", f.line, f.text, v, f.want)
		}
	}
}

// setLines are the real-language safety sets, with what each line wants.
func setLines(t *testing.T) []conceptCase {
	t.Helper()
	files, _ := filepath.Glob("../../testdata/eval/safety_tune*.jsonl")
	if len(files) == 0 {
		t.Fatal("no safety sets in testdata/eval")
	}
	var out []conceptCase
	for _, path := range files {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		for i, l := range strings.Split(string(data), "\n") {
			if strings.TrimSpace(l) == "" {
				continue
			}
			var q struct{ Q, Expect, Reason string }
			if err := json.Unmarshal([]byte(l), &q); err != nil {
				t.Fatalf("%s:%d: %v", path, i+1, err)
			}
			want := "-"
			if q.Expect == "handoff" {
				want = q.Reason
			}
			out = append(out, conceptCase{want, q.Q, i + 1})
		}
	}
	return out
}

// TestEveryConceptFires checks that every concept is found in some line of
// the families or the tuning sets, and that every concept rule fires on a
// line that wants its category: no list or rule goes untested.
func TestEveryConceptFires(t *testing.T) {
	lines := append(readConceptCases(t), setLines(t)...)
	found := map[string]bool{}
	fired := map[string]bool{}
	tierOf := map[string]string{}
	data, _ := safety.Data.ReadFile("data/rules.txt")
	for _, l := range strings.Split(string(data), "\n") {
		if f := strings.Fields(l); len(f) >= 3 && !strings.HasPrefix(l, "#") {
			tierOf[f[1]] = strings.TrimRight(f[0], "!?+")
		}
	}
	for _, f := range lines {
		text, _ := textnorm.Clean(f.text, 2000)
		for _, c := range safety.FoundConcepts(text) {
			found[c] = true
		}
		for _, r := range safety.FiredConceptRules(text) {
			switch tierOf[r] {
			case "crisis", "check-in":
				fired[r] = fired[r] || f.want == "crisis" || f.want == "checkin"
			case "abuse", "control":
				fired[r] = fired[r] || f.want == "abuse"
			}
		}
	}
	for _, c := range safety.ConceptNames() {
		if !found[c] {
			t.Errorf("concept [%s] is found in no test line", c)
		}
	}
	for _, r := range safety.ConceptRuleNames() {
		if !fired[r] {
			t.Errorf("concept rule %s fires on no test line that wants its category", r)
		}
	}
}

func TestDataLoads(t *testing.T) {
	if err := safety.LoadData(safety.Data); err != nil {
		t.Fatal(err)
	}
}

// TestDataErrors: a broken data file is an error that names its line.
func TestDataErrors(t *testing.T) {
	for _, tc := range []struct {
		name, file, text, want string
	}{
		{"concept header", "data/concepts-crisis.txt", "[wish oops]\nwant\n", "data/concepts-crisis.txt:1"},
		{"entry before concept", "data/concepts-crisis.txt", "want\n", "data/concepts-crisis.txt:1"},
		{"dollar not last", "data/concepts-crisis.txt", "[wish]\nwant $ die\n", "data/concepts-crisis.txt:2"},
		{"short prefix", "data/concepts-crisis.txt", "[wish]\nwa*\n", "data/concepts-crisis.txt:2"},
		{"unknown tier", "data/rules.txt", "panic  x  self\n", "data/rules.txt:1"},
		{"unknown concept", "data/rules.txt", "crisis  x  nosuch\n", "data/rules.txt:1"},
		{"bad gap", "data/rules.txt", "crisis  x  self ~99 self\n", "data/rules.txt:1"},
		{"bad absent chain", "data/rules.txt", "crisis  x  self && !self ~4 nosuch\n", "data/rules.txt:1"},
		{"twice", "data/rules.txt", "crisis  x  self\ncrisis  x  self\n", "data/rules.txt:2"},
		{"spelling", "data/words.txt", "[spellings]\nim i am\n", "data/words.txt:2"},
		{"section", "data/words.txt", "[other]\n", "data/words.txt:1"},
		{"phrase header", "data/phrases-crisis.txt", "[a b c]\nx\n", "data/phrases-crisis.txt:1"},
		{"phrase regexp", "data/phrases-crisis.txt", "[x]\n(unclosed\n", "compile triage phrases"},
		{"word list", "data/phrases-words.txt", "{self} (?:me)\n", "data/phrases-words.txt:1"},
		{"net weight", "data/net.txt", "threshold crisis 0.9\nthreshold abuse 0.9\nbias 0 0 x\n", "data/net.txt:3"},
		{"net threshold", "data/net.txt", "threshold crisis 2\n", "data/net.txt:1"},
		{"net no threshold", "data/net.txt", "bias 0 0 0\n", "no threshold"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fsys := fstest.MapFS{}
			entries, _ := safety.Data.ReadDir("data")
			for _, e := range entries {
				b, _ := safety.Data.ReadFile("data/" + e.Name())
				fsys["data/"+e.Name()] = &fstest.MapFile{Data: b}
			}
			fsys[tc.file] = &fstest.MapFile{Data: []byte(tc.text)}
			err := safety.LoadData(fsys)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("LoadData = %v; want an error naming %q", err, tc.want)
			}
		})
	}
}

// TestWords pins how the concept layer spells words out.
func TestWords(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"im done", "i am done"},
		{"I don't want to", "i not want to"},
		{"didnt stop", "not stop"},
		{"he wouldn't", "he would not"},
		{"i'm 15yo", "i am 15 year old"},
		{"she's 14 y/o", "she is 14 year old"},
		{"my dad's gun", "my dad gun"},
		{"cant go on.", "can not go on"},
		{"u wont b here", "you will not be here"},
		{"self-harm", "self harm"},
		{"gonna kms", "going to kms"},
	} {
		if got := strings.Join(safety.Words(tc.in), " "); got != tc.want {
			t.Errorf("Words(%q) = %q; want %q", tc.in, got, tc.want)
		}
	}
}

// TestExplain: the explanation names the concepts and the rule that
// decided.
func TestExplain(t *testing.T) {
	ex := safety.Explain("im ready to pull the trigger tonight")
	if ex.Result().Category != safety.Crisis {
		t.Fatalf("verdict %s; want crisis", ex.Verdict)
	}
	var names []string
	for _, c := range ex.Concepts {
		names = append(names, c.Concept)
	}
	for _, want := range []string{"means", "intent"} {
		if !slices.Contains(names, want) {
			t.Errorf("concepts %v lack %s", names, want)
		}
	}
	if len(ex.Rules) == 0 || !strings.Contains(ex.String(), "verdict:  crisis") {
		t.Errorf("explanation lacks its rules or verdict:\n%s", ex)
	}
}

// TestCasesFile keeps testdata/triage_cases.jsonl, the table cases of
// triage_test.go and family_test.go in the question-set format, equal to
// the tables; go run ./cmd/trainsafety learns from it, so the statistical
// net learns the near misses the tables hold. go test -update rewrites it.
func TestCasesFile(t *testing.T) {
	var b strings.Builder
	enc := json.NewEncoder(&b)
	for _, cases := range [][]triageCase{crisisCases, abuseCases, medicalCases, declineCases, referralCases, noneCases, precedenceCases, devCases, familyCases()} {
		for _, tc := range cases {
			q := map[string]string{"q": tc.text, "expect": "no_alarm"}
			switch tc.want {
			case safety.Crisis, safety.Abuse:
				q = map[string]string{"q": tc.text, "expect": "handoff", "reason": tc.want.String()}
			}
			enc.Encode(q)
		}
	}
	const path = "testdata/triage_cases.jsonl"
	if *updateCases {
		if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (go test -update writes it)", err)
	}
	if string(got) != b.String() {
		t.Errorf("%s is out of date with the table cases: go test -update, then go run ./cmd/trainsafety", path)
	}
}
