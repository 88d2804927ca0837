package graphviz

import "context"

// Runner lays out a graph written in DOT with a Graphviz engine and returns
// Graphviz's json0 output.
type Runner func(ctx context.Context, dot []byte, engine string) ([]byte, error)

type runnerKey struct{}

// WithRunner makes Layout, under ctx, lay out with r: a worker process
// (see Worker) instead of this one.
func WithRunner(ctx context.Context, r Runner) context.Context {
	return context.WithValue(ctx, runnerKey{}, r)
}

func runnerOf(ctx context.Context) Runner {
	if r, ok := ctx.Value(runnerKey{}).(Runner); ok {
		return r
	}
	return RunHere
}

// RunHere lays out in this process. It returns once ctx is done, with
// its cause, but the layout goes on in the background holding Graphviz:
// go-graphviz cannot stop one (goccy/go-graphviz#118). A process that
// outlives a timeout must lay out elsewhere from then on (a Worker).
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
