// Package wasm runs Graphviz in this process: compiled to WASM, through
// go-graphviz, the only package that imports it. It keeps that library's
// rules: one call at a time (one mutex around every call), never a
// cancelled render, positions read back in the json0 format, and its
// compiled-code cache in a private folder (see package wasmcache).
//
// Importing it makes Graphviz the layout that package layouts uses when
// its options name none (graphviz.Default). go-graphviz does its heavy
// work at package init — it compiles or loads the Graphviz module — so
// only a program that lays out should import it; tests of composition use
// a fake layout instead (internal/fakelayout).
package wasm

import (
	"bytes"
	"context"
	"fmt"
	"sync"

	gv "github.com/goccy/go-graphviz"

	"github.com/kviz/kviz/layouts/graphviz"
	"github.com/kviz/kviz/layouts/graphviz/internal/wasmcache"
)

func init() { graphviz.Default = Graphviz{} }

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

// Graphviz is the graphviz.Placer that runs Graphviz in this process.
type Graphviz struct{}

// Place places g's nodes and routes its edges, filling in their results.
//
// A render is never cancelled once begun: that breaks go-graphviz for the
// whole process (goccy/go-graphviz#118). ctx is checked before it starts.
func (Graphviz) Place(ctx context.Context, g *graphviz.Graph) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	out, err := run(graphviz.DOT(g), g.Engine) // DOT names the nodes ReadJSON0 finds
	if err != nil {
		return err
	}
	return graphviz.ReadJSON0(g, out)
}

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
