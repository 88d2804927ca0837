package layouts

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"testing"

	"github.com/kviz/kviz/layouts/graphviz"
	"github.com/kviz/kviz/model"
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
	// The HA control plane as first written: the watchers point at the
	// load balancer, which then ranks between the schedulers and the API
	// servers, and every line funnels into it from one side.
	funnel, err := os.ReadFile(filepath.Join("..", "testdata", "models", "ha-control-plane.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	funnel = regexp.MustCompile(`\{from: lb, to: (\[[^\]]*\]), dir: back,`).ReplaceAll(funnel, []byte("{from: $1, to: lb,"))
	if bytes.Contains(funnel, []byte(", dir: back,")) {
		t.Fatal("the HA model's watches are no longer written from the load balancer")
	}
	funnelled, err := model.Parse("ha-funnel.yaml", funnel, model.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		path string
		m    *model.Model
		want []float64
	}{
		{"ha-funnel.yaml", funnelled, []float64{0, 1.5 * graphviz.RankSep, 2 * graphviz.RankSep}},
		{filepath.Join("..", "testdata", "models", "ha-control-plane.yaml"), nil, []float64{0}},
		{filepath.Join("..", "testdata", "figures", "cluster.yaml"), nil, []float64{0}},
	} {
		if c.m == nil {
			c.m = load(t, c.path)
		}
		var seps []float64
		sc := layout(t, c.m, Options{Placer: spacing{&seps}})
		if !slices.Equal(seps, c.want) {
			t.Errorf("%s: placed with rank separations %v, want %v", name(c.path), seps, c.want)
		}
		if o := overlapShare(sc); o > maxOverlap {
			t.Errorf("%s: %.1f%% of edge length overlaps", name(c.path), 100*o)
		}
	}
}
