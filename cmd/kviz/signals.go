package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/debug"
	"sync"
	"syscall"
	"time"
)

// Exit codes of a run stopped by a signal: 128 plus the signal's number,
// as shells report it.
const (
	exitInterrupt = 130 // SIGINT, Ctrl-C
	exitTerminate = 143 // SIGTERM
)

// grace is how long a run may take to wind down after the first signal
// (a watch closing its server) before kviz exits anyway: a Graphviz
// layout cannot be cancelled, so a render in one is not waited for.
const grace = 500 * time.Millisecond

// errInterrupted: a file was not written because a signal came.
var errInterrupted = errors.New("interrupted")

// signalCause is the cause a signal cancels the run's context with.
type signalCause struct{ sig os.Signal }

func (s signalCause) Error() string { return "interrupted by " + s.sig.String() }

func (s signalCause) code() int {
	if s.sig == syscall.SIGTERM {
		return exitTerminate
	}
	return exitInterrupt
}

// handleSignals cancels ctx on the first SIGINT or SIGTERM; if the run has
// not returned within grace, or on a second signal, it removes the
// temporary files being written and exits at once.
func handleSignals(ctx context.Context) (context.Context, func()) {
	ctx, cancel := context.WithCancelCause(ctx)
	sigs := make(chan os.Signal, 2)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	done := make(chan struct{})
	go func() {
		var sig os.Signal
		select {
		case sig = <-sigs:
		case <-done:
			return
		}
		cause := signalCause{sig}
		cancel(cause)
		select {
		case <-sigs:
		case <-time.After(grace):
		case <-done:
			return
		}
		temps.stop()
		os.Exit(cause.code())
	}()
	return ctx, func() { close(done); signal.Stop(sigs) }
}

// exitCode turns a run's code into the code of the signal that stopped
// it, if one did, and makes sure nothing more is written.
func exitCode(ctx context.Context, code int) int {
	var s signalCause
	if errors.As(context.Cause(ctx), &s) {
		temps.stop()
		return s.code()
	}
	return code
}

// guard turns a panic in a command into "kviz bug: ..." and exit 1: exit 2
// means a wrong command line, which a bug is not.
func guard(stderr io.Writer, code *int) {
	if r := recover(); r != nil {
		fmt.Fprintf(stderr, "kviz bug: %v\nPlease report it with the input that caused it.\n%s", r, debug.Stack())
		*code = exitFail
	}
}

// tempFiles are the temporary files being written, removed when a signal
// stops kviz. Once stopped, no temporary file is renamed into place.
type tempFiles struct {
	mu      sync.Mutex
	names   map[string]bool
	stopped bool
}

var temps = &tempFiles{names: map[string]bool{}}

// add records a temporary file; it fails once kviz is stopping.
func (t *tempFiles) add(name string) error {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.stopped {
		return errInterrupted
	}
	t.names[name] = true
	return nil
}

// forget drops a temporary file removed by its writer.
func (t *tempFiles) forget(name string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	delete(t.names, name)
}

// commit renames a temporary file into place, unless kviz is stopping.
func (t *tempFiles) commit(name, path string) error {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.stopped {
		return errInterrupted
	}
	delete(t.names, name)
	return os.Rename(name, path)
}

// stop removes every temporary file and refuses new ones and renames.
func (t *tempFiles) stop() {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.stopped = true
	for name := range t.names {
		os.Remove(name)
	}
	t.names = map[string]bool{}
}
