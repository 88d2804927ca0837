package graphviz

import (
	"bytes"
	"context"
	"errors"
	"testing"
)

// TestRunnerPlace: a Runner is handed the graph's DOT and engine, and its
// json0 answer is read back into the graph; a done context runs nothing.
func TestRunnerPlace(t *testing.T) {
	var gotDOT []byte
	var gotEngine string
	r := Runner(func(_ context.Context, dot []byte, engine string) ([]byte, error) {
		gotDOT, gotEngine = dot, engine
		return json0(t, nil), nil
	})
	g := sample()
	if err := r.Place(context.Background(), g); err != nil {
		t.Fatal(err)
	}
	if want := DOT(sample()); !bytes.Equal(gotDOT, want) {
		t.Errorf("the runner got\n%s\nwant\n%s", gotDOT, want)
	}
	if gotEngine != g.Engine {
		t.Errorf("engine %q, want %q", gotEngine, g.Engine)
	}
	if g.Width != 300 || g.Height != 200 {
		t.Errorf("drawing %v×%v, want the answer's 300×200", g.Width, g.Height)
	}

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	gotDOT = nil
	if err := r.Place(ctx, sample()); !errors.Is(err, context.Canceled) || gotDOT != nil {
		t.Errorf("cancelled: %v, runner called: %v", err, gotDOT != nil)
	}

	failing := Runner(func(context.Context, []byte, string) ([]byte, error) { return nil, errors.New("no graphviz") })
	if err := failing.Place(context.Background(), sample()); err == nil || err.Error() != "no graphviz" {
		t.Errorf("got %v, want the runner's error", err)
	}
}

// TestPlacerOf: the context's Placer, else Default.
func TestPlacerOf(t *testing.T) {
	defer func(d Placer) { Default = d }(Default)
	Default = nil
	if p := PlacerOf(context.Background()); p != nil {
		t.Errorf("no Placer anywhere, got %v", p)
	}
	def := &Worker{}
	Default = def
	if p := PlacerOf(context.Background()); p != def {
		t.Errorf("without one in the context, got %v, want Default", p)
	}
	w := &Worker{}
	if p := PlacerOf(WithPlacer(context.Background(), w)); p != w {
		t.Errorf("got %v, want the context's worker", p)
	}
}
