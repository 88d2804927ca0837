package layouts

import (
	"math"

	"github.com/kviz/kviz/render"
)

// Graphviz places an edge's label in a slot of the layout, which may lie
// across a group's border, or, for an edge to a group, off the line drawn;
// and the ends kviz re-draws may run through it. Such a label is moved to the first place beside
// its own edge, along it from the middle out and on either side, that lies
// wholly inside or outside every group and clear of every box, line and
// other label.

// labelSpots are the places along an edge (fractions of its length) tried
// for its label, in order.
var labelSpots = []float64{0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8}

// placeEdgeLabels moves edge labels off group borders.
func placeEdgeLabels(sc *render.Scene) {
	for i := range sc.Edges {
		e := &sc.Edges[i]
		if len(e.Lines) == 0 || labelClear(sc, i, e.LabelBox, false) {
			continue
		}
		relabel(sc, i)
	}
}

// relabel moves edge i's label to the first clear spot beside its edge,
// or leaves it where it is when there is none.
func relabel(sc *render.Scene, i int) {
	e := &sc.Edges[i]
	line := flatten(e.Points)
	for _, f := range labelSpots {
		for _, side := range []float64{1, -1} {
			c := besideAt(line, f, side, e.LabelBox.Width/2+2, e.LabelBox.Height/2+2)
			b := e.LabelBox
			b.X, b.Y = c[0]-b.Width/2, c[1]-b.Height/2
			if labelClear(sc, i, b, false) {
				moveLabel(e, b.X-e.LabelBox.X, b.Y-e.LabelBox.Y)
				return
			}
		}
	}
}

func moveLabel(e *render.Edge, dx, dy float64) {
	e.LabelBox.X += dx
	e.LabelBox.Y += dy
	for j := range e.Lines {
		e.Lines[j].X += dx
		e.Lines[j].Y += dy
	}
}

// labelClear reports whether edge i's label at b lies across no group's
// border and, unless bordersOnly, clear of boxes, edges and other labels.
func labelClear(sc *render.Scene, i int, b render.Box, bordersOnly bool) bool {
	in := inset(b, 1)
	for j := range sc.Nodes {
		n := &sc.Nodes[j]
		if n.Group && n.Box().Overlaps(in, 0) && !n.Box().Contains(in, 0) {
			return false
		}
		if !bordersOnly && (!n.Group && n.Box().Overlaps(in, 0) || n.Group && inset(n.LabelBox, -platePad).Overlaps(in, 0)) {
			return false // a box, or a group's title and the plate it is drawn on
		}
	}
	if bordersOnly {
		return true
	}
	for j := range sc.Edges {
		o := &sc.Edges[j]
		if crossesBox(edgeLine(o), in) {
			return false
		}
		if j != i && len(o.Lines) > 0 && o.LabelBox.Overlaps(in, 0) {
			return false
		}
	}
	return true
}

// besideAt is the centre of a label (half-sizes hw, hh) set just off a
// polyline at fraction f of its length, on one side (+1 or -1) of it, far
// enough along the normal that the box clears the line whatever its slope.
func besideAt(line []render.Point, f, side, hw, hh float64) render.Point {
	total := lineLength(line)
	walked := 0.0
	for i := 1; i < len(line); i++ {
		a, b := line[i-1], line[i]
		l := math.Hypot(b[0]-a[0], b[1]-a[1])
		if walked+l >= f*total && l > 0 {
			u := (f*total - walked) / l
			p := render.Point{a[0] + u*(b[0]-a[0]), a[1] + u*(b[1]-a[1])}
			nx, ny := -(b[1]-a[1])/l*side, (b[0]-a[0])/l*side
			d := math.Abs(nx)*hw + math.Abs(ny)*hh
			return render.Point{p[0] + nx*d, p[1] + ny*d}
		}
		walked += l
	}
	return line[len(line)-1]
}
