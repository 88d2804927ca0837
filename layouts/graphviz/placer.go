package graphviz

import "context"

// Placer is the layout stage behind one small interface: it places every
// box of a Graph and routes every edge, filling in the Graph's results
// (positions in points, origin top-left, y down). In goes what the model
// asks for, measured: boxes of fixed size, clusters with title slots,
// edges with label slots. Graphviz, in process, is the one real
// implementation; tests use fixed fakes (internal/fakelayout), and a
// worker process can be another.
type Placer interface {
	Place(ctx context.Context, g *Graph) error
}

// InProcess is Graphviz run in this process through go-graphviz: Layout.
type InProcess struct{}

// Place lays g out with Layout.
func (InProcess) Place(ctx context.Context, g *Graph) error { return Layout(ctx, g) }
