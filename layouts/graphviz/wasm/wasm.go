// Package wasm runs Graphviz in this process: compiled to WASM, through
// go-graphviz, which no other package imports. It keeps that library's
// rules: one call at a time (one mutex around every call), never a
// cancelled render, positions read back in the json0 format (by package
// layouts/graphviz), and its compiled-code cache in a private folder (see
// package layouts/graphviz/internal/wasmcache).
//
// Importing it makes Graphviz in process the Placer that package layouts
// uses when nothing else is named (graphviz.Default). go-graphviz does its
// heavy work at package init — it compiles or loads the Graphviz module,
// after wasmcache's init has prepared the cache — so only a program that
// lays out should import it: cmd/kviz does, and so do tests that lay out
// with Graphviz (from a graphviz_test.go of their own); tests of
// composition use a fake layout instead (internal/fakelayout).
package wasm

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"sync"

	gv "github.com/goccy/go-graphviz"

	"github.com/kviz/kviz/layouts/graphviz"
	"github.com/kviz/kviz/layouts/graphviz/internal/wasmcache"
)

// InProcess is Graphviz in this process, as a Placer.
var InProcess = graphviz.Runner(RunHere)

func init() { graphviz.Default = InProcess }

var (
	// mu serialises every go-graphviz call: the library is not safe for
	// concurrent use (goccy/go-graphviz#117).
	mu       sync.Mutex
	instance *gv.Graphviz

	cacheDir, cacheErr = wasmcache.Restore()
)

// CacheDir reports where go-graphviz keeps its compiled code, or why it
// keeps none.
func CacheDir() (string, error) { return cacheDir, cacheErr }

// RunHere lays out in this process. It returns once ctx is done, with
// its cause, but the layout goes on in the background holding Graphviz:
// go-graphviz cannot stop one (goccy/go-graphviz#118), and a render is
// never cancelled once begun, as that breaks go-graphviz for the whole
// process. A process that outlives a timeout must lay out elsewhere from
// then on (a graphviz.Worker).
func RunHere(ctx context.Context, dot []byte, engine string) ([]byte, error) {
	type result struct {
		out []byte
		err error
	}
	ch := make(chan result, 1)
	go func() {
		out, err := run(dot, engine)
		ch <- result{out, err}
	}()
	select {
	case r := <-ch:
		return r.out, r.err
	case <-ctx.Done():
		return nil, context.Cause(ctx)
	}
}

// Serve is the loop of a worker process: it lays out each request read
// from r with Graphviz in this process and writes the reply to w, until r
// ends (see graphviz.Worker).
func Serve(r io.Reader, w io.Writer) error {
	return graphviz.Serve(r, w, run)
}

// run lays dot out with engine and returns the json0 output.
func run(dot []byte, engine string) ([]byte, error) {
	mu.Lock()
	defer mu.Unlock()
	bg := context.Background()
	if instance == nil {
		v, err := gv.New(bg)
		if err != nil {
			return nil, fmt.Errorf("starting graphviz: %w", err)
		}
		instance = v
	}
	graph, err := gv.ParseBytes(dot)
	if err != nil {
		return nil, fmt.Errorf("graphviz: %w", err)
	}
	defer graph.Close()
	instance.SetLayout(gv.Layout(engine))
	var buf bytes.Buffer
	if err := instance.Render(bg, graph, "json0", &buf); err != nil {
		return nil, fmt.Errorf("graphviz %s: %w", engine, err)
	}
	return buf.Bytes(), nil
}
