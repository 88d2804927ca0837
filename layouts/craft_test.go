package layouts

import (
	"math"
	"slices"
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
	spreadEnds(sc, false)
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

// TestSpreadLongRun: two edges that Graphviz brings into one point of a
// box along one line, from far beyond the usual re-drawn stretch, are
// fanned out all the way back to where they part.
func TestSpreadLongRun(t *testing.T) {
	box := render.Node{ID: "n", Shape: render.ShapeBox, X: 100, Y: 200, Width: 80, Height: 40}
	sc := &render.Scene{Nodes: []render.Node{box}}
	// 150 points down together, 1 point apart, after parting at y 50.
	sc.Edges = append(sc.Edges,
		via("a", "n", render.Point{-100, -300}, render.Point{139.5, 50}, render.Point{139.5, 120}, render.Point{140, 200}),
		via("b", "n", render.Point{380, -300}, render.Point{140.5, 50}, render.Point{140.5, 120}, render.Point{140, 200}))
	before := flatten(sc.Edges[1].Points)
	spreadEnds(sc, false)
	a, b := flatten(sc.Edges[0].Points), flatten(sc.Edges[1].Points)
	if slices.Equal(b, before) {
		t.Fatal("the ends were not re-drawn")
	}
	// Crossing is fine; running along each other is not.
	together := 0.0
	for i := 1; i < len(a); i++ {
		l := math.Hypot(a[i][0]-a[i-1][0], a[i][1]-a[i-1][1])
		for f := 0.0; f < l; f++ { // a point every point
			p := render.Point{a[i-1][0] + (a[i][0]-a[i-1][0])*f/l, a[i-1][1] + (a[i][1]-a[i-1][1])*f/l}
			if p[1] < 200-24 && polyDist(b, p) < apartTol { // away from the shared end
				together++
			}
		}
	}
	if together > 8 {
		t.Errorf("the two edges still run %.0f pt within %v pt of each other", together, apartTol)
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

// TestTitleNoRoomInBand: when edges cross a group's title band everywhere,
// the title goes to the group's other end, clear of them and inside it.
func TestTitleNoRoomInBand(t *testing.T) {
	g := render.Node{ID: "g", Group: true, Shape: render.ShapeGroup, X: 0, Y: 0, Width: 300, Height: 200,
		LabelBox: render.Box{X: 120, Y: 6, Width: 60, Height: 16}, Lines: []render.Text{{X: 150, Y: 18, Text: "title", Size: 13}}}
	sc := &render.Scene{Nodes: []render.Node{g}}
	// Five members along the top, an edge down into each from above the
	// group, 60 points apart: no gap in the band holds the title's plate.
	for i, x := range []float64{30, 90, 150, 210, 270} {
		id := string(rune('a' + i))
		sc.Nodes = append(sc.Nodes, render.Node{ID: id, Parent: "g", X: x - 10, Y: 40, Width: 20, Height: 20})
		sc.Edges = append(sc.Edges, line("x", id, render.Point{x, -50}, render.Point{x, 40}))
	}
	placeTitles(sc)
	got := sc.Nodes[0]
	for i := range sc.Edges {
		if crossesBox(edgeLine(&sc.Edges[i]), inset(got.LabelBox, -platePad)) {
			t.Fatalf("edge %d still crosses the title at %+v", i, got.LabelBox)
		}
	}
	if !g.Box().Contains(got.LabelBox, 0) || got.LabelBox.Y < 100 {
		t.Errorf("the title is at %+v, not at the bottom of its group %+v", got.LabelBox, g.Box())
	}
	if got.Lines[0].X-got.LabelBox.X != 30 || got.Lines[0].Y-got.LabelBox.Y != 12 {
		t.Errorf("the text left its box: %+v, text at %v,%v", got.LabelBox, got.Lines[0].X, got.Lines[0].Y)
	}
}

// rightAngled reports whether every piece of a spline is level or upright.
func rightAngled(pts []render.Point) bool {
	line := flatten(pts)
	for i := 1; i < len(line); i++ {
		if math.Abs(line[i][0]-line[i-1][0]) > 0.01 && math.Abs(line[i][1]-line[i-1][1]) > 0.01 {
			return false
		}
	}
	return true
}

// TestSpreadEndsOrtho: in a right-angled drawing, three edges that come
// down into one point of a box's top are fanned out along that side and
// re-drawn with right angles, each arrowhead upright.
func TestSpreadEndsOrtho(t *testing.T) {
	box := render.Node{ID: "n", Shape: render.ShapeBox, X: 100, Y: 200, Width: 80, Height: 40}
	sc := &render.Scene{Nodes: []render.Node{box}}
	// From the left, from above and from the right: across at y 100,
	// then down the last 100 points into the top middle.
	for _, from := range []struct {
		id string
		x  float64
	}{{"a", 0}, {"b", 140}, {"c", 280}} {
		e := line(from.id, "n", render.Point{140, 100}, render.Point{140, 200})
		start := render.Point{from.x, 100}
		e.Points = append(append([]render.Point{start}, straightTo(start, render.Point{140, 100})...), e.Points[1:]...)
		sc.Edges = append(sc.Edges, e)
	}
	spreadEnds(sc, true)
	polys := Outlines(&sc.Nodes[0])
	var xs []float64
	for _, e := range sc.Edges {
		if d := OutlineDist(polys, e.Head.Tip); d > 1 {
			t.Errorf("%s: tip %v is %.1f pt off the outline", e.From, e.Head.Tip, d)
		}
		if !rightAngled(e.Points) || e.Head.Tip[0] != e.Head.Base[0] {
			t.Errorf("%s: not right-angled: %v, head %+v", e.From, e.Points, *e.Head)
		}
		xs = append(xs, e.Head.Tip[0])
	}
	if !(xs[0] < xs[1]-4 && xs[1] < xs[2]-4) {
		t.Errorf("tips at x %v: not fanned out along the side in the order the edges come from", xs)
	}
}

// TestSlideLegs: in a right-angled drawing, an upright line that would
// pass beside the shape it ends on slides sideways onto it, and a line
// that is one leg slides whole, both ends still meeting their shapes.
func TestSlideLegs(t *testing.T) {
	sc := &render.Scene{Nodes: []render.Node{
		{ID: "a", Shape: render.ShapeBox, X: 90, Y: 0, Width: 40, Height: 40},
		{ID: "b", Shape: render.ShapeBox, X: 100, Y: 200, Width: 80, Height: 40},
	}}
	sc.Edges = append(sc.Edges, line("a", "b", render.Point{95, 40}, render.Point{95, 200}))
	slideLegs(sc)
	e := sc.Edges[0]
	if x := e.Head.Tip[0]; x < 100 || x > 100+slideMargin+1 {
		t.Errorf("the head is at x %v, not just inside b's side at 100", x)
	}
	if e.Points[0][0] != e.Head.Tip[0] || !rightAngled(e.Points) {
		t.Errorf("the line did not slide whole: %v, head %+v", e.Points, *e.Head)
	}
}

// maxTurn is the largest angle, in degrees, a polyline turns at one point.
func maxTurn(line []render.Point) float64 {
	worst := 0.0
	var prev render.Point
	for i := 1; i < len(line); i++ {
		d := unit(sub(line[i], line[i-1]))
		if d == (render.Point{}) {
			continue
		}
		if prev != (render.Point{}) {
			worst = max(worst, math.Acos(max(-1, min(1, dot(prev, d))))*180/math.Pi)
		}
		prev = d
	}
	return worst
}

// TestSmoothDetour: in a drawing of curves, an edge that comes up through
// a node's label to its icon is re-drawn round the label as a curve, with
// no corner, onto the icon's outline.
func TestSmoothDetour(t *testing.T) {
	n := render.Node{ID: "n", Shape: render.ShapeIcon, X: 100, Y: 100, Width: 80, Height: 66,
		Icon:     &render.Icon{Box: render.Box{X: 120, Y: 100, Width: 40, Height: 40}},
		LabelBox: render.Box{X: 100, Y: 148, Width: 80, Height: 16}, Lines: []render.Text{{X: 140, Y: 160, Text: "a long label", Size: 12}}}
	for _, curved := range []bool{true, false} {
		sc := &render.Scene{Nodes: []render.Node{n, {ID: "x", X: 60, Y: 400, Width: 20, Height: 20}}}
		sc.Edges = append(sc.Edges, line("x", "n", render.Point{70, 400}, render.Point{150, 140}))
		detours(sc, curved)
		e := sc.Edges[0]
		l := edgeLine(&e)
		if crossesBox(l, n.LabelBox) {
			t.Errorf("curved %v: the edge still crosses the label: %v", curved, e.Points)
		}
		if d := OutlineDist(Outlines(&sc.Nodes[0]), e.Head.Tip); d > 1 {
			t.Errorf("curved %v: the tip %v is %.1f pt off the icon", curved, e.Head.Tip, d)
		}
		if a := maxTurn(l); curved && a > 30 || !curved && a < 80 {
			t.Errorf("curved %v: the line turns %.0f° at a point", curved, a)
		}
	}
}

// TestBadgeOffEdges: a replica badge an edge runs under moves to the
// free top corner, its text with it; with both top corners taken (and
// the ends not to be moved, as in an ortho drawing) it goes out past a
// bottom corner, clear of the node's label.
func TestBadgeOffEdges(t *testing.T) {
	n := render.Node{ID: "n", Shape: render.ShapeIcon, X: 100, Y: 100, Width: 60, Height: 66,
		Icon:     &render.Icon{Box: render.Box{X: 106, Y: 100, Width: 48, Height: 48}},
		LabelBox: render.Box{X: 115, Y: 150, Width: 30, Height: 16}, Lines: []render.Text{{X: 130, Y: 162, Text: "n", Size: 12}},
		Badge: &render.Badge{Box: render.Box{X: 134, Y: 100, Width: 20, Height: 13}, Text: render.Text{X: 144, Y: 110, Text: "×6"}}}
	sc := &render.Scene{Width: 400, Height: 400, Nodes: []render.Node{n}}
	// An edge from above into the top right, under the badge.
	sc.Edges = append(sc.Edges, line("x", "n", render.Point{150, 0}, render.Point{150, 106}))
	placeBadges(sc, false)
	got := sc.Nodes[0].Badge
	if got.Box.X != 106 || got.Box.Y != 100 || got.Text.X != 116 || got.Text.Y != 110 {
		t.Errorf("badge at %+v, text at %v,%v: want the top left, 106,100", got.Box, got.Text.X, got.Text.Y)
	}
	// Back to the top right, and another edge into the top left.
	*got = render.Badge{Box: render.Box{X: 134, Y: 100, Width: 20, Height: 13}, Text: render.Text{X: 144, Y: 110, Text: "×6"}}
	sc.Edges = append(sc.Edges, line("y", "n", render.Point{110, 0}, render.Point{110, 108}))
	placeBadges(sc, false)
	got = sc.Nodes[0].Badge
	for i := range sc.Edges {
		if crossesBox(edgeLine(&sc.Edges[i]), got.Box) {
			t.Errorf("edge %d still runs under the badge at %+v", i, got.Box)
		}
	}
	if got.Box.Y < 130 || got.Box.Overlaps(n.LabelBox, 0) {
		t.Errorf("badge at %+v: not out past a bottom corner, clear of the label %+v", got.Box, n.LabelBox)
	}
}
