// Package engine is the answer engine behind every surface: it cleans a
// message, triages it for safety, handles smalltalk, searches the knowledge
// file, and answers only when it is confident, quoting the file word for
// word. It also holds the live knowledge and swaps in new versions without
// dropping a question (see reload.go).
package engine

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"

	"github.com/faqbot/faqbot"
	"github.com/faqbot/faqbot/internal/search"
	"github.com/faqbot/faqbot/knowledge"
)

// Options tune the engine. The zero value of each field means its default.
type Options struct {
	// Path is the knowledge file; "" means the embedded default.
	Path string
	// MaxQuestionRunes caps a question; longer ones are cut (and the reply
	// says so). Default 1000.
	MaxQuestionRunes int
	// MinCoverage is the share of a question's weight the best passage must
	// account for. Default DefaultMinCoverage.
	MinCoverage float64
	// MinScore is the lowest BM25 score worth answering. Default DefaultMinScore.
	MinScore float64
	// MinMargin is how far ahead of the best passage of another section the
	// top passage must be (as a ratio of scores) when the two cover the
	// question equally. Default DefaultMinMargin.
	MinMargin float64
	// MinFocus is the share of a question's focus (what it is about, once
	// the file's topic words are set aside) the passage must cover.
	// Default DefaultMinFocus.
	MinFocus float64
	// Suggestions is how many section headings a no_match offers. Default 3.
	Suggestions int
	// Clinic is how to reach the clinic, for practical and no_match
	// replies; the zero value gives no contact.
	Clinic Clinic
	// NoCache turns off the memory of recently asked question parts
	// (cache.go), for measuring what a question never asked costs.
	NoCache bool
	// Texts and Resources replace the built-in replies; empty fields keep
	// the defaults.
	Texts     Texts
	Resources map[faqbot.Reason][]faqbot.Resource
	Logger    *slog.Logger
	// OnPublish, when set, is told of every published version (metrics).
	OnPublish func(faqbot.Status)
	// OnReload, when set, is told the result of every reload attempt:
	// "published", "unchanged" or "refused".
	OnReload func(result string)
	// OnRefused, when set, is told of every refused edit, with who asked
	// and the problems (each with file:line), to tell the moderators.
	OnRefused func(by string, err error)
}

// Confidence defaults, chosen on the evaluation sets (see README).
const (
	DefaultMinCoverage = 0.3
	DefaultMinScore    = 0.01
	DefaultMinMargin   = 1.05
)

// maxUnknown is the share of a question, by weight, that may be words the
// file never uses before the question counts as about something else.
var maxUnknown = 0.75

// Engine answers questions from the live knowledge file. It is safe for
// concurrent use.
type Engine struct {
	opts   Options
	texts  Texts
	res    map[faqbot.Reason][]faqbot.Resource
	logger *slog.Logger

	live     atomic.Pointer[snapshot]
	reloadMu sync.Mutex // one reload at a time
	lastErr  atomic.Pointer[reloadError]
}

type reloadError struct {
	msg string
	at  time.Time
}

// ErrClosed is returned by Answer after Close.
var ErrClosed = errors.New("engine: closed")

// New loads the knowledge file named in opts (or the embedded default),
// checks it, indexes it and returns an engine ready to answer. A file with
// problems is an error listing each with its file and line.
func New(opts Options) (*Engine, error) {
	e := newEngine(opts)
	f, err := knowledge.Load(opts.Path)
	if err != nil {
		return nil, err
	}
	snap, err := e.prepare(context.Background(), f)
	if err != nil {
		return nil, err
	}
	e.publish(snap, "startup")
	return e, nil
}

// NewFromFile is New for an already parsed file (tests, `faqbot check`).
// Expectations are not run: Check does that.
func NewFromFile(f *knowledge.File, opts Options) (*Engine, error) {
	e := newEngine(opts)
	snap, err := e.build(f)
	if err != nil {
		return nil, err
	}
	e.live.Store(snap)
	return e, nil
}

func newEngine(opts Options) *Engine {
	if opts.MaxQuestionRunes <= 0 {
		opts.MaxQuestionRunes = 1000
	}
	if opts.MinCoverage <= 0 {
		opts.MinCoverage = DefaultMinCoverage
	}
	if opts.MinScore <= 0 {
		opts.MinScore = DefaultMinScore
	}
	if opts.MinFocus <= 0 {
		opts.MinFocus = DefaultMinFocus
	}
	if opts.MinMargin <= 0 {
		opts.MinMargin = DefaultMinMargin
	}
	if opts.Suggestions <= 0 {
		opts.Suggestions = 3
	}
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}
	return &Engine{
		opts:   opts,
		texts:  mergeTexts(DefaultTexts(), opts.Texts),
		res:    mergeResources(DefaultResources(), opts.Resources),
		logger: opts.Logger,
	}
}

// Close releases the live index. Answer fails with ErrClosed afterwards.
func (e *Engine) Close() error {
	if s := e.live.Swap(nil); s != nil {
		s.retire()
	}
	return nil
}

// Answer answers one question. Safety handoffs, declines and "I don't know"
// are replies; an error means no reply could be made (a cancelled context,
// a closed engine).
func (e *Engine) Answer(ctx context.Context, q faqbot.Question) (faqbot.Reply, error) {
	if err := ctx.Err(); err != nil {
		return faqbot.Reply{}, err
	}
	snap := e.acquire()
	if snap == nil {
		return faqbot.Reply{}, ErrClosed
	}
	defer snap.release()
	r, err := e.answer(ctx, snap, q)
	if err != nil {
		return faqbot.Reply{}, fmt.Errorf("engine: %w", err)
	}
	r.Version = snap.file.Version
	normalize(&r)
	return r, nil
}

// Terms are the live index's analyzed terms for text (search.Index.Terms),
// nil once closed. Insights group near-identical questions by them.
func (e *Engine) Terms(text string) []string {
	snap := e.acquire()
	if snap == nil {
		return nil
	}
	defer snap.release()
	return snap.index.Terms(text)
}

// normalize makes the JSON shape stable: lists are [] rather than null.
func normalize(r *faqbot.Reply) {
	if r.Sources == nil {
		r.Sources = []faqbot.Source{}
	}
	if r.Resources == nil {
		r.Resources = []faqbot.Resource{}
	}
}

func mergeTexts(def, over Texts) Texts {
	pick := func(d, o string) string {
		if o != "" {
			return o
		}
		return d
	}
	return Texts{
		Intro: pick(def.Intro, over.Intro), Thanks: pick(def.Thanks, over.Thanks), Goodbye: pick(def.Goodbye, over.Goodbye),
		NoMatch: pick(def.NoMatch, over.NoMatch), Practical: pick(def.Practical, over.Practical), Decline: pick(def.Decline, over.Decline),
		Truncated: pick(def.Truncated, over.Truncated), Footer: pick(def.Footer, over.Footer), Empty: pick(def.Empty, over.Empty),
		Crisis: pick(def.Crisis, over.Crisis), Abuse: pick(def.Abuse, over.Abuse), Medical: pick(def.Medical, over.Medical),
		Urgent: pick(def.Urgent, over.Urgent), Referral: pick(def.Referral, over.Referral),
		CheckIn: pick(def.CheckIn, over.CheckIn), Attached: pick(def.Attached, over.Attached),
	}
}

func mergeResources(def, over map[faqbot.Reason][]faqbot.Resource) map[faqbot.Reason][]faqbot.Resource {
	out := make(map[faqbot.Reason][]faqbot.Resource, len(def))
	for k, v := range def {
		out[k] = v
	}
	for k, v := range over {
		if len(v) > 0 {
			out[k] = v
		}
	}
	return out
}

// snapshot is one published knowledge version with its index. Answers
// hold a reference while they run, so a reload can retire a snapshot and
// close its index only after the last question on it has finished.
type snapshot struct {
	file     *knowledge.File
	index    *search.Index
	loadedAt time.Time
	cache    partCache
	refs     atomic.Int64
	retired  atomic.Bool
	once     sync.Once
}

func (e *Engine) acquire() *snapshot {
	for {
		s := e.live.Load()
		if s == nil {
			return nil
		}
		s.refs.Add(1)
		if e.live.Load() == s {
			return s
		}
		s.release() // swapped meanwhile: take the new one
	}
}

func (s *snapshot) release() {
	if s.refs.Add(-1) == 0 && s.retired.Load() {
		s.close()
	}
}

func (s *snapshot) retire() {
	s.retired.Store(true)
	if s.refs.Load() == 0 {
		s.close()
	}
}

func (s *snapshot) close() { s.once.Do(func() { s.index.Close() }) }

func (e *Engine) build(f *knowledge.File) (*snapshot, error) {
	ix, err := search.Build(f)
	if err != nil {
		return nil, err
	}
	return &snapshot{file: f, index: ix, loadedAt: time.Now()}, nil
}
