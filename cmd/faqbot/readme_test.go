package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"strings"
	"testing"
)

// readme is the repository's README, whose commands people copy.
const readme = "../../README.md"

// TestReadmeCurlLines runs every curl command in the README's code blocks
// against `faqbot serve`, exactly as written (only the host is the test
// server's), and wants a 2xx JSON answer from each. It runs them with the
// real curl when there is one, and always through an emulation of the curl
// options the README uses, which keeps curl's defaults (-d sends
// application/x-www-form-urlencoded) and refuses options it does not know.
func TestReadmeCurlLines(t *testing.T) {
	lines := curlLines(t, readme)
	if len(lines) == 0 {
		t.Fatal("the README has no curl line: the test would prove nothing")
	}
	s := serve(t, env(), "--config", writeConfig(t, "[rate_limit]\nevery = \"0s\"\n"))
	host := strings.TrimPrefix(s.url, "http://")
	realCurl, _ := exec.LookPath("curl")
	for _, line := range lines {
		t.Run(line, func(t *testing.T) {
			args, err := shellWords(line)
			if err != nil {
				t.Fatalf("cannot split %q: %v", line, err)
			}
			for i := range args {
				for _, h := range []string{"localhost:8080", "127.0.0.1:8080"} {
					args[i] = strings.ReplaceAll(args[i], h, host)
				}
			}
			code, body := emulateCurl(t, args[1:])
			checkAnswer(t, "emulated curl", code, body)
			if realCurl == "" {
				t.Log("no curl binary here: emulation only")
				return
			}
			out, err := exec.Command(realCurl, append(args[1:], "-w", "\n%{http_code}")...).Output()
			if err != nil {
				t.Fatalf("curl: %v\n%s", err, out)
			}
			text := string(out)
			i := strings.LastIndexByte(text, '\n')
			var realCode int
			fmt.Sscan(text[i+1:], &realCode)
			checkAnswer(t, "curl", realCode, text[:i])
		})
	}
}

func checkAnswer(t *testing.T, who string, code int, body string) {
	t.Helper()
	var v map[string]any
	if code < 200 || code > 299 || json.Unmarshal([]byte(body), &v) != nil {
		t.Fatalf("%s: %d %s", who, code, body)
	}
	if _, ok := v["kind"]; !ok && strings.Contains(body, "question") {
		t.Errorf("%s: an answer without a kind: %s", who, body)
	}
}

// curlLines returns the lines of path's fenced code blocks that run curl.
func curlLines(t *testing.T, path string) []string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []string
	inCode := false
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if strings.HasPrefix(line, "```") {
			inCode = !inCode
			continue
		}
		line = strings.TrimPrefix(line, "$ ")
		if inCode && strings.HasPrefix(line, "curl ") {
			out = append(out, line)
		}
	}
	return out
}

// shellWords splits a command line as sh would for the quoting the README
// uses: single and double quotes, backslash escapes, and a trailing
// "# comment".
func shellWords(line string) ([]string, error) {
	var words []string
	var cur strings.Builder
	inWord := false
	for i := 0; i < len(line); i++ {
		c := line[i]
		switch {
		case c == '\'':
			j := strings.IndexByte(line[i+1:], '\'')
			if j < 0 {
				return nil, fmt.Errorf("unclosed '")
			}
			cur.WriteString(line[i+1 : i+1+j])
			i += j + 1
			inWord = true
		case c == '"':
			i++
			for ; i < len(line) && line[i] != '"'; i++ {
				if line[i] == '\\' && i+1 < len(line) {
					i++
				}
				cur.WriteByte(line[i])
			}
			if i >= len(line) {
				return nil, fmt.Errorf("unclosed \"")
			}
			inWord = true
		case c == '\\' && i+1 < len(line):
			i++
			cur.WriteByte(line[i])
			inWord = true
		case c == ' ' || c == '\t':
			if inWord {
				words = append(words, cur.String())
				cur.Reset()
				inWord = false
			}
		case c == '#' && !inWord:
			i = len(line)
		default:
			cur.WriteByte(c)
			inWord = true
		}
	}
	if inWord {
		words = append(words, cur.String())
	}
	return words, nil
}

// emulateCurl sends the request curl would for args and returns the status
// and body.
func emulateCurl(t *testing.T, args []string) (int, string) {
	t.Helper()
	method, target := "", ""
	var body *string
	header := http.Header{}
	for i := 0; i < len(args); i++ {
		a := args[i]
		next := func() string {
			if i+1 >= len(args) {
				t.Fatalf("curl option %s without its value", a)
			}
			i++
			return args[i]
		}
		switch a {
		case "-s", "--silent", "-S", "--show-error", "-f", "--fail", "-i", "--include":
		case "-d", "--data", "--data-raw", "--data-binary":
			v := next()
			body = &v
			if header.Get("Content-Type") == "" {
				header.Set("Content-Type", "application/x-www-form-urlencoded") // curl's default
			}
		case "--json":
			v := next()
			body = &v
			header.Set("Content-Type", "application/json")
			header.Set("Accept", "application/json")
		case "-H", "--header":
			k, v, ok := strings.Cut(next(), ":")
			if !ok {
				t.Fatalf("header without a colon")
			}
			header.Set(strings.TrimSpace(k), strings.TrimSpace(v))
		case "-X", "--request":
			method = next()
		default:
			if strings.HasPrefix(a, "-") {
				t.Fatalf("the README's curl line uses %s, which this test does not emulate yet: teach it", a)
			}
			target = a
		}
	}
	if method == "" {
		method = http.MethodGet
		if body != nil {
			method = http.MethodPost
		}
	}
	if !strings.Contains(target, "://") {
		target = "http://" + target
	}
	var r io.Reader
	if body != nil {
		r = strings.NewReader(*body)
	}
	req, err := http.NewRequest(method, target, r)
	if err != nil {
		t.Fatal(err)
	}
	for k, vs := range header {
		req.Header[k] = vs
	}
	return do(t, req)
}
