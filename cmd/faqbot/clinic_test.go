package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/faqbot/faqbot"
)

const clinicTOML = `[clinic]
name = "Riverside Clinic"
phone = "+1 555 0100"
email = "hello@riverside.example"
booking_url = "https://riverside.example/book"
hours = "Monday to Friday, 9am to 5pm"
`

// TestClinicContact: with [clinic] in the config, practical questions and
// questions the file does not answer give the clinic's contact, over the
// HTTP API and in `faqbot ask`; without it they only say to contact the
// clinic.
func TestClinicContact(t *testing.T) {
	cfg := t.TempDir() + "/faqbot.toml"
	if err := os.WriteFile(cfg, []byte(clinicTOML), 0o644); err != nil {
		t.Fatal(err)
	}
	check := func(t *testing.T, r faqbot.Reply) {
		t.Helper()
		if r.Kind != faqbot.KindNoMatch {
			t.Fatalf("kind %s, want no_match", r.Kind)
		}
		for _, want := range []string{"doesn't cover fees, payment or insurance",
			"Riverside Clinic can help with this: call +1 555 0100, email hello@riverside.example or book at https://riverside.example/book. Open Monday to Friday, 9am to 5pm."} {
			if !strings.Contains(r.Text, want) {
				t.Errorf("reply lacks %q:\n%s", want, r.Text)
			}
		}
		if len(r.Resources) == 0 || r.Resources[0].Name != "Riverside Clinic" || r.Resources[1].URL != "https://riverside.example/book" {
			t.Errorf("resources %+v, want the clinic and its booking link first", r.Resources)
		}
	}
	t.Run("serve", func(t *testing.T) {
		s := serve(t, env(), "--config", cfg)
		_, r := postJSON(t, s.url+"/v1/ask", `{"question":"how much does a session cost"}`)
		check(t, r)
	})
	t.Run("ask", func(t *testing.T) {
		var out, errb bytes.Buffer
		if err := run(context.Background(), []string{"ask", "--json", "--config", cfg, "how much does a session cost"}, env(), nil, &out, &errb); err != nil {
			t.Fatalf("ask: %v\n%s", err, errb.String())
		}
		var r faqbot.Reply
		if err := json.Unmarshal(out.Bytes(), &r); err != nil {
			t.Fatal(err)
		}
		check(t, r)
	})
	t.Run("no clinic", func(t *testing.T) {
		var out, errb bytes.Buffer
		if err := run(context.Background(), []string{"ask", "--json", "how much does a session cost"}, env(), nil, &out, &errb); err != nil {
			t.Fatal(err)
		}
		var r faqbot.Reply
		json.Unmarshal(out.Bytes(), &r)
		if !strings.Contains(r.Text, "Please contact the clinic directly") || strings.Contains(r.Text, "Riverside") {
			t.Errorf("reply without a clinic:\n%s", r.Text)
		}
	})
}
