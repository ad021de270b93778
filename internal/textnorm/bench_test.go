package textnorm_test

import (
	"strings"
	"testing"

	"github.com/faqbot/faqbot/internal/textnorm"
)

const question = "<@U123ABC> hi, quick question: is sex therapy confidential, and do I have to talk about my fantasies?"

func BenchmarkClean(b *testing.B) {
	huge := strings.Repeat("please help me with this ünïcode question <@U1> ", 1<<20/48)
	b.Run("question", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			textnorm.Clean(question, 2000)
		}
	})
	b.Run("1MiB", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(huge)))
		for b.Loop() {
			textnorm.Clean(huge, 2000)
		}
	})
}

func BenchmarkFold(b *testing.B) {
	q, _ := textnorm.Clean(question, 2000)
	b.Run("question", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			textnorm.Fold(q)
		}
	})
	b.Run("spelled", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			textnorm.Fold("i w a n t t o k i l l m y s e l f t o n i g h t")
		}
	})
}
