package main

import (
	"log/slog"
	"net"
	"sync"
	"sync/atomic"
	"time"
)

// limitListener accepts at most cap(slots) connections at once: while that
// many are open, Accept waits, and further clients wait in the kernel's
// accept queue. Every open connection costs memory (buffers, a goroutine, a
// body being read), so without a bound a flood of slow or idle clients
// could hold as much as it liked. (golang.org/x/net/netutil.LimitListener
// does the same; this one also says, at most once a minute, that the limit
// was reached.)
type limitListener struct {
	net.Listener
	slots  chan struct{}
	done   chan struct{}
	once   sync.Once
	logger *slog.Logger
	warned atomic.Int64 // unix seconds of the last "limit reached" line
}

func limitListen(ln net.Listener, n int, logger *slog.Logger) *limitListener {
	return &limitListener{Listener: ln, slots: make(chan struct{}, n), done: make(chan struct{}), logger: logger}
}

func (l *limitListener) Accept() (net.Conn, error) {
	select {
	case l.slots <- struct{}{}:
	default:
		if now := time.Now().Unix(); now-l.warned.Load() >= 60 {
			l.warned.Store(now)
			l.logger.Warn("connection limit reached: new connections wait until one closes", "max_connections", cap(l.slots))
		}
		select {
		case l.slots <- struct{}{}:
		case <-l.done:
			return nil, net.ErrClosed
		}
	}
	c, err := l.Listener.Accept()
	if err != nil {
		<-l.slots
		return nil, err
	}
	return &limitConn{Conn: c, release: func() { <-l.slots }}, nil
}

func (l *limitListener) Close() error {
	l.once.Do(func() { close(l.done) })
	return l.Listener.Close()
}

// limitConn gives its slot back when closed, once.
type limitConn struct {
	net.Conn
	once    sync.Once
	release func()
}

func (c *limitConn) Close() error {
	err := c.Conn.Close()
	c.once.Do(c.release)
	return err
}
