package layouts

import (
	"math"

	"github.com/kviz/kviz/render"
)

// Graphviz keeps a band across the top (or bottom) of a group for its
// title, but routes edges through it, and so through the title. After
// the edges are drawn, a title that an edge crosses slides along its
// band to the nearest place no edge crosses and no other box overlaps.

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
		lo := g.X + g.Paint.Radius/2 + platePad
		hi := g.X + g.Width - g.Paint.Radius/2 - platePad - g.LabelBox.Width
		best, dist := 0.0, math.Inf(1)
		for x := lo; x <= hi; x += titleStep {
			b := g.LabelBox
			b.X = x
			if d := math.Abs(x - g.LabelBox.X); d < dist && titleClear(sc, lines, g, b) {
				best, dist = x, d
			}
		}
		if math.IsInf(dist, 1) {
			continue // nowhere clear: leave it where Graphviz put it
		}
		dx := best - g.LabelBox.X
		g.LabelBox.X = best
		for j := range g.Lines {
			g.Lines[j].X += dx
		}
	}
}

// platePad is how far a title's plate reaches past its text (render's).
const platePad = 4

// titleClear reports whether a title of group g at box b is crossed by no
// edge and overlaps no box but g's own and its ancestors'.
func titleClear(sc *render.Scene, lines [][]render.Point, g *render.Node, b render.Box) bool {
	padded := inset(b, -2)
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
