package layouts

import (
	"math"

	"github.com/kviz/kviz/render"
)

// Graphviz keeps a band across the top (or bottom) of a group for its
// title, but routes edges through it, and so through the title. After
// the edges are drawn, a title that an edge crosses moves to the nearest
// clear place: along its band first, then lower in the band (down to one
// title's height, where the group's members leave room), then in the same
// band at the group's other end. Clear means no edge crosses it, no other
// box overlaps it, and it stays inside its group. Where there is no such
// place it stays, and its plate hides the edges behind it.

// titleStep is how far, in points, each try moves a title.
const titleStep = 4

// placeTitles moves group titles off the edges.
func placeTitles(sc *render.Scene) {
	lines := make([][]render.Point, len(sc.Edges))
	for i := range sc.Edges {
		lines[i] = edgeLine(&sc.Edges[i])
	}
	for i := range sc.Nodes {
		g := &sc.Nodes[i]
		if !g.Group || g.LabelBox.Width <= 0 || titleClear(sc, lines, g, g.LabelBox) {
			continue
		}
		b, ok := titleSpot(sc, lines, g)
		if !ok {
			continue // nowhere clear: leave it where Graphviz put it
		}
		dx, dy := b.X-g.LabelBox.X, b.Y-g.LabelBox.Y
		g.LabelBox = b
		for j := range g.Lines {
			g.Lines[j].X += dx
			g.Lines[j].Y += dy
		}
	}
}

// titleSpot is the first clear place for g's title, trying rows in turn
// (see titleRows) and, on each, the place nearest its x.
func titleSpot(sc *render.Scene, lines [][]render.Point, g *render.Node) (render.Box, bool) {
	lo := g.X + g.Paint.Radius/2 + platePad
	hi := g.X + g.Width - g.Paint.Radius/2 - platePad - g.LabelBox.Width
	for _, y := range titleRows(g) {
		best, dist := render.Box{}, math.Inf(1)
		for x := lo; x <= hi; x += titleStep {
			b := g.LabelBox
			b.X, b.Y = x, y
			if d := math.Abs(x - g.LabelBox.X); d < dist && titleClear(sc, lines, g, b) {
				best, dist = b, d
			}
		}
		if !math.IsInf(dist, 1) {
			return best, true
		}
	}
	return render.Box{}, false
}

// titleRows are the tops tried for g's title, in order: its own, then
// titleStep at a time inwards by up to its height, then the same at the
// group's other end (the bottom for a title at the top), as far from
// the border as Graphviz put it from its own.
func titleRows(g *render.Node) []float64 {
	b := g.LabelBox
	top, bottom := b.Y-g.Y, g.Y+g.Height-b.Y-b.Height // room above and below it
	starts, ins := []float64{b.Y, g.Y + g.Height - top - b.Height}, []float64{1, -1}
	if top > bottom { // a title at the bottom
		starts, ins = []float64{b.Y, g.Y + bottom}, []float64{-1, 1}
	}
	var out []float64
	for i, y0 := range starts {
		for d := 0.0; d <= b.Height; d += titleStep {
			out = append(out, y0+ins[i]*d)
		}
	}
	return out
}

// platePad is how far a title's plate reaches past its text (render's).
const platePad = 4

// titleClear reports whether a title of group g at box b, with its plate,
// is crossed by no edge and overlaps no box but g's own and its
// ancestors'.
func titleClear(sc *render.Scene, lines [][]render.Point, g *render.Node, b render.Box) bool {
	plate := render.Box{X: b.X - platePad, Y: b.Y, Width: b.Width + 2*platePad, Height: b.Height}
	padded := inset(plate, -2)
	for _, l := range lines {
		if crossesBox(l, padded) {
			return false
		}
	}
	for i := range sc.Nodes {
		n := &sc.Nodes[i]
		if n == g || n.Group && holdsNode(sc, n.ID, g) {
			continue
		}
		if n.Box().Overlaps(b, 0) {
			return false
		}
	}
	return true
}

// holdsNode reports whether the group named id holds g, at any depth.
func holdsNode(sc *render.Scene, id string, g *render.Node) bool {
	for p := g.Parent; p != ""; {
		if p == id {
			return true
		}
		next := ""
		for i := range sc.Nodes {
			if sc.Nodes[i].ID == p {
				next = sc.Nodes[i].Parent
				break
			}
		}
		p = next
	}
	return false
}

// edgeLine is an edge's whole line, arrowheads included, as a polyline.
func edgeLine(e *render.Edge) []render.Point {
	pts := flatten(e.Points)
	if e.Tail != nil {
		pts = append([]render.Point{e.Tail.Tip}, pts...)
	}
	if e.Head != nil {
		pts = append(pts, e.Head.Tip)
	}
	return pts
}
