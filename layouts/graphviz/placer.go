package graphviz

import "context"

// Placer is the layout stage behind one small interface: it places every
// box of a Graph and routes every edge, filling in the Graph's results
// (positions in points, origin top-left, y down). In goes what the model
// asks for, measured: boxes of fixed size, clusters with title slots,
// edges with label slots. Graphviz is the one real implementation, in
// this process (package layouts/graphviz/wasm) or in a worker process
// (Worker); tests use fixed fakes (internal/fakelayout).
type Placer interface {
	Place(ctx context.Context, g *Graph) error
}

// Default is the Placer used when none is named: Graphviz in this
// process, once a program imports package layouts/graphviz/wasm; nil
// before.
var Default Placer

// Runner runs Graphviz: it lays out a graph written in DOT with an engine
// and returns Graphviz's json0 output.
type Runner func(ctx context.Context, dot []byte, engine string) ([]byte, error)

// Place makes a Runner a Placer: it writes g as DOT, runs it and reads
// the positions back into g. ctx is checked before the run starts.
func (r Runner) Place(ctx context.Context, g *Graph) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	out, err := r(ctx, DOT(g), g.Engine) // DOT names the nodes read finds
	if err != nil {
		return err
	}
	return read(g, out)
}

type placerKey struct{}

// WithPlacer makes p the Placer of the layouts run under ctx whose
// options name none: a worker process (Worker) instead of this one.
func WithPlacer(ctx context.Context, p Placer) context.Context {
	return context.WithValue(ctx, placerKey{}, p)
}

// PlacerOf is the Placer WithPlacer put in ctx, or else Default (nil when
// neither is set).
func PlacerOf(ctx context.Context) Placer {
	if p, ok := ctx.Value(placerKey{}).(Placer); ok {
		return p
	}
	return Default
}
