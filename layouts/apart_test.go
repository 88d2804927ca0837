package layouts

import (
	"context"
	"path/filepath"
	"slices"
	"testing"

	"github.com/kviz/kviz/layouts/graphviz"
)

// spacing places with Graphviz, noting each graph's rank separation.
type spacing struct{ seps *[]float64 }

func (s spacing) Place(ctx context.Context, g *graphviz.Graph) error {
	*s.seps = append(*s.seps, g.RankSep)
	return graphviz.Default.Place(ctx, g)
}

// TestRoomierRanks: a dot layout whose edges overlap more than allowed is
// tried again with more room between ranks, and one that overlaps less is
// kept; a layout that does not overlap is placed once.
func TestRoomierRanks(t *testing.T) {
	for _, c := range []struct {
		path string
		want []float64
	}{
		{filepath.Join("..", "testdata", "models", "ha-control-plane.yaml"), []float64{0, 1.5 * graphviz.RankSep, 2 * graphviz.RankSep}},
		{filepath.Join("..", "testdata", "figures", "cluster.yaml"), []float64{0}},
	} {
		var seps []float64
		sc := layout(t, load(t, c.path), Options{Placer: spacing{&seps}})
		if !slices.Equal(seps, c.want) {
			t.Errorf("%s: placed with rank separations %v, want %v", name(c.path), seps, c.want)
		}
		if o := overlapShare(sc); o > maxOverlap {
			t.Errorf("%s: %.1f%% of edge length overlaps", name(c.path), 100*o)
		}
	}
}
