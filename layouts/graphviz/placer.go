package graphviz

import "context"

// Placer is the layout stage behind one small interface: it places every
// box of a Graph and routes every edge, filling in the Graph's results
// (positions in points, origin top-left, y down). In goes what the model
// asks for, measured: boxes of fixed size, clusters with title slots,
// edges with label slots. Graphviz, in process (package wasm), is the one
// real implementation; tests use fixed fakes (internal/fakelayout), and a
// worker process can be another.
type Placer interface {
	Place(ctx context.Context, g *Graph) error
}

// Default is the Placer used when none is named: Graphviz in process,
// once a program imports package layouts/graphviz/wasm; nil before.
var Default Placer
