package graphviz

import (
	"bytes"
	"context"
	"fmt"
	"sync"

	gv "github.com/goccy/go-graphviz"

	"github.com/kviz/kviz/layouts/graphviz/internal/wasmcache"
)

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

// Layout places g's nodes and routes its edges, filling in their results.
//
// A render is never cancelled once begun: that breaks go-graphviz for the
// whole process (goccy/go-graphviz#118). ctx is checked before it starts;
// when ctx ends during one, Layout returns (see InProcess and Worker).
func Layout(ctx context.Context, g *Graph) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	number(g) // read finds nodes by the names this gives
	out, err := runnerOf(ctx)(ctx, write(g), g.Engine)
	if err != nil {
		return err
	}
	return read(g, out)
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
