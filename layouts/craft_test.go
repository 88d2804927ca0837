package layouts

import (
	"math"
	"testing"

	"github.com/kviz/kviz/render"
)

// line is a straight edge from a to b as a spline, with a head at b.
func line(from, to string, a, b render.Point) render.Edge {
	d := unit(sub(b, a))
	base := render.Point{b[0] - d[0]*arrowLen, b[1] - d[1]*arrowLen}
	return render.Edge{From: from, To: to, Points: append([]render.Point{a}, straightTo(a, base)...),
		Head: &render.Arrow{Tip: b, Base: base}}
}

// TestSpreadEnds: three edges into one point of a box are fanned out over
// its outline, each tip on it and apart from the others.
func TestSpreadEnds(t *testing.T) {
	box := render.Node{ID: "n", Shape: render.ShapeBox, X: 100, Y: 200, Width: 80, Height: 40}
	meet := render.Point{140, 200} // the top middle
	sc := &render.Scene{Nodes: []render.Node{box,
		{ID: "a", X: 0, Y: 0, Width: 10, Height: 10}, {ID: "b", X: 135, Y: 0, Width: 10, Height: 10}, {ID: "c", X: 270, Y: 0, Width: 10, Height: 10}}}
	for _, f := range []struct {
		id string
		p  render.Point
	}{{"a", render.Point{5, 10}}, {"b", render.Point{140, 10}}, {"c", render.Point{275, 10}}} {
		sc.Edges = append(sc.Edges, line(f.id, "n", f.p, meet))
	}
	spreadEnds(sc)
	polys := Outlines(&sc.Nodes[0])
	var xs []float64
	for _, e := range sc.Edges {
		if d := OutlineDist(polys, e.Head.Tip); d > 1 {
			t.Errorf("%s: tip %v is %.1f pt off the outline", e.From, e.Head.Tip, d)
		}
		xs = append(xs, e.Head.Tip[0])
	}
	if !(xs[0] < xs[1]-4 && xs[1] < xs[2]-4) {
		t.Errorf("tips at x %v: not fanned out in the order the edges come from", xs)
	}
	if math.Abs(xs[1]-meet[0]) > 1 {
		t.Errorf("the middle edge moved from %v to %v", meet[0], xs[1])
	}
}

// TestTitleOffEdges: a group title an edge runs through slides along its
// band until no edge crosses it.
func TestTitleOffEdges(t *testing.T) {
	g := render.Node{ID: "g", Group: true, Shape: render.ShapeGroup, X: 0, Y: 0, Width: 300, Height: 200,
		LabelBox: render.Box{X: 120, Y: 6, Width: 60, Height: 16}, Lines: []render.Text{{X: 150, Y: 18, Text: "title", Size: 13}}}
	sc := &render.Scene{Nodes: []render.Node{g, {ID: "m", Parent: "g", X: 130, Y: 100, Width: 40, Height: 40}}}
	sc.Edges = append(sc.Edges, line("x", "m", render.Point{150, -50}, render.Point{150, 100}))
	placeTitles(sc)
	got := sc.Nodes[0]
	if crossesBox(edgeLine(&sc.Edges[0]), got.LabelBox) {
		t.Fatalf("the edge still crosses the title at %+v", got.LabelBox)
	}
	if got.LabelBox.Y != 6 || got.Lines[0].X-got.LabelBox.X != 30 {
		t.Errorf("the title left its band or its box: %+v, text at %v", got.LabelBox, got.Lines[0].X)
	}
	if d := math.Abs(got.LabelBox.X - 120); d > 60 {
		t.Errorf("the title moved %v pt, more than it needed", d)
	}
}
