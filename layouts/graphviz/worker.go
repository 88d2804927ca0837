package graphviz

import (
	"bufio"
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os/exec"
	"strings"
	"sync"
)

// maxMessage bounds a request's DOT and a reply's json0, in bytes.
const maxMessage = 512 << 20

// DefaultMaxUses is how many layouts a worker process does before it is
// replaced: go-graphviz leaks about 12 KB of WASM memory a render, and a
// fresh process gives it back.
const DefaultMaxUses = 500

// The worker protocol, both ways a sequence of messages, each a uvarint
// length and that many bytes. A request is two messages, the engine and
// the DOT; a reply is a status byte message ("ok" or "error") and then the
// json0 output or the error's text.

func writeMsg(w *bufio.Writer, b []byte) error {
	if _, err := w.Write(binary.AppendUvarint(nil, uint64(len(b)))); err != nil {
		return err
	}
	_, err := w.Write(b)
	return err
}

func readMsg(r *bufio.Reader) ([]byte, error) {
	n, err := binary.ReadUvarint(r)
	if err != nil {
		return nil, err
	}
	if n > maxMessage {
		return nil, fmt.Errorf("message of %d bytes", n)
	}
	b := make([]byte, n)
	_, err = io.ReadFull(r, b)
	return b, err
}

// Serve lays out each request read from r with run and writes the reply
// to w, until r ends: the loop of a worker process (package
// layouts/graphviz/wasm serves with Graphviz in process).
func Serve(r io.Reader, w io.Writer, run func(dot []byte, engine string) ([]byte, error)) error {
	in, out := bufio.NewReader(r), bufio.NewWriter(w)
	for {
		engine, err := readMsg(in)
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		dot, err := readMsg(in)
		if err != nil {
			return err
		}
		status, reply := "ok", []byte(nil)
		if reply, err = run(dot, string(engine)); err != nil {
			status, reply = "error", []byte(err.Error())
		}
		if err := writeMsg(out, []byte(status)); err != nil {
			return err
		}
		if err := writeMsg(out, reply); err != nil {
			return err
		}
		if err := out.Flush(); err != nil {
			return err
		}
	}
}

// Worker lays out in a child process that Serve runs (with Graphviz),
// killed when a layout's context ends and started anew for the next: a
// process that must outlive a timeout (kviz watch) lays out with one. It
// also replaces the process every MaxUses layouts.
type Worker struct {
	start   func() *exec.Cmd // the child, running Serve on its stdin and stdout
	MaxUses int

	mu     sync.Mutex
	cmd    *exec.Cmd
	in     io.WriteCloser
	out    *bufio.Reader
	stderr *bytes.Buffer
	uses   int
	Starts int // processes started, for tests and measurement
}

// NewWorker makes a Worker whose processes start makes; none is started
// until the first layout.
func NewWorker(start func() *exec.Cmd) *Worker {
	return &Worker{start: start, MaxUses: DefaultMaxUses}
}

// Place lays g out in the worker process: a Worker is a Placer.
func (w *Worker) Place(ctx context.Context, g *Graph) error {
	return Runner(w.Run).Place(ctx, g)
}

// Run is a Runner.
func (w *Worker) Run(ctx context.Context, dot []byte, engine string) ([]byte, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if err := ctx.Err(); err != nil {
		return nil, context.Cause(ctx)
	}
	if w.cmd != nil && w.uses >= w.MaxUses {
		w.stop()
	}
	if w.cmd == nil {
		if err := w.launch(); err != nil {
			return nil, err
		}
	}
	w.uses++
	type result struct {
		out []byte
		err error
	}
	ch := make(chan result, 1)
	go func() {
		out, err := w.ask(dot, engine)
		ch <- result{out, err}
	}()
	select {
	case r := <-ch:
		var remote remoteError
		if r.err != nil && !errors.As(r.err, &remote) {
			w.stop() // the process is broken: start another next time
			return nil, w.failed(r.err)
		}
		return r.out, r.err
	case <-ctx.Done():
		w.stop()
		<-ch
		return nil, context.Cause(ctx)
	}
}

// remoteError is an error Graphviz reported in the worker.
type remoteError struct{ msg string }

func (e remoteError) Error() string { return e.msg }

func (w *Worker) ask(dot []byte, engine string) ([]byte, error) {
	bw := bufio.NewWriter(w.in)
	if err := writeMsg(bw, []byte(engine)); err != nil {
		return nil, err
	}
	if err := writeMsg(bw, dot); err != nil {
		return nil, err
	}
	if err := bw.Flush(); err != nil {
		return nil, err
	}
	status, err := readMsg(w.out)
	if err != nil {
		return nil, err
	}
	reply, err := readMsg(w.out)
	if err != nil {
		return nil, err
	}
	if string(status) != "ok" {
		return nil, remoteError{string(reply)}
	}
	return reply, nil
}

// failed describes a worker that stopped answering, with its last words;
// call it once the process is waited for.
func (w *Worker) failed(err error) error {
	if last := strings.TrimSpace(w.stderr.String()); last != "" {
		if len(last) > 300 {
			last = last[:300] + "…"
		}
		return fmt.Errorf("layout worker failed: %v: %s", err, last)
	}
	return fmt.Errorf("layout worker failed: %w", err)
}

func (w *Worker) launch() error {
	cmd := w.start()
	in, err := cmd.StdinPipe()
	if err != nil {
		return err
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		return err
	}
	w.stderr = &bytes.Buffer{}
	cmd.Stderr = &limitedWriter{w: w.stderr, n: 64 << 10}
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("starting the layout worker: %w", err)
	}
	w.cmd, w.in, w.out, w.uses = cmd, in, bufio.NewReader(out), 0
	w.Starts++
	return nil
}

// stop kills the process, if any, and waits for it.
func (w *Worker) stop() {
	if w.cmd == nil {
		return
	}
	w.cmd.Process.Kill()
	w.in.Close()
	w.cmd.Wait()
	w.cmd = nil
}

// Close ends the worker's process.
func (w *Worker) Close() {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.stop()
}

// limitedWriter keeps the first n bytes written and drops the rest.
type limitedWriter struct {
	w io.Writer
	n int
}

func (l *limitedWriter) Write(p []byte) (int, error) {
	if l.n > 0 {
		k := min(len(p), l.n)
		l.w.Write(p[:k])
		l.n -= k
	}
	return len(p), nil
}
