// Package fakelayout is a fixed, simple layout for tests: it places a
// graph's boxes in rows, each cluster's members in a row inside it, and
// draws every edge as a straight spline between its ends. It calls no
// Graphviz, so composition, legend and scene tests do not depend on
// Graphviz's choices, and what they check is kviz's own work.
package fakelayout

import (
	"context"
	"math"

	"github.com/kviz/kviz/layouts/graphviz"
)

// Spacing, in points.
const (
	gap   = 30 // between neighbours
	pad   = 12 // inside a cluster, around its members
	arrow = 8  // an arrowhead's length
)

// Rows is the fake layout: top-level boxes in one row, members in a row
// inside their cluster under its title slot (over it, for a bottom title).
type Rows struct{}

// Place fills in g's results.
func (Rows) Place(ctx context.Context, g *graphviz.Graph) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	w, h := row(g.Nodes, gap, gap)
	g.Width, g.Height = w+2*gap, h+2*gap
	for _, e := range g.Edges {
		route(e)
	}
	return nil
}

// row places nodes left to right from x, y and returns the row's size.
func row(nodes []*graphviz.Node, x, y float64) (w, h float64) {
	for i, n := range nodes {
		if i > 0 {
			w += gap
		}
		place(n, x+w, y)
		w += n.W
		h = max(h, n.H)
	}
	return w, h
}

// place sets n's box with its top-left corner at x, y.
func place(n *graphviz.Node, x, y float64) {
	n.X, n.Y = x, y
	if !n.Cluster {
		n.W, n.H = n.Width, n.Height
		return
	}
	top := y + pad + n.Height // under the title slot
	if n.Bottom {
		top = y + pad
	}
	w, h := row(n.Children, x+pad, top)
	n.W = max(w, n.Width) + 2*pad
	n.H = h + n.Height + 2*pad
	n.Label = [2]float64{x + n.W/2, y + pad/2 + n.Height/2}
	if n.Bottom {
		n.Label[1] = y + n.H - pad/2 - n.Height/2
	}
}

// route draws e straight from the bottom middle of its tail's box to the
// top middle of its head's (a loop beside the box for an edge to itself),
// leaving room for arrowheads, with the label beside the middle.
func route(e *graphviz.Edge) {
	from, to := e.From, e.To
	p0 := [2]float64{from.X + from.W/2, from.Y + from.H}
	p3 := [2]float64{to.X + to.W/2, to.Y}
	if from == to {
		p0, p3 = [2]float64{from.X + from.W, from.Y + from.H/3}, [2]float64{from.X + from.W, from.Y + 2*from.H/3}
	}
	d := [2]float64{p3[0] - p0[0], p3[1] - p0[1]}
	l := math.Hypot(d[0], d[1])
	u := [2]float64{0, 1}
	if l > 0 {
		u = [2]float64{d[0] / l, d[1] / l}
	}
	e.HeadTip, e.TailTip = nil, nil
	if e.Head != "none" && l > 2*arrow {
		tip := p3
		e.HeadTip = &tip
		p3 = [2]float64{p3[0] - u[0]*arrow, p3[1] - u[1]*arrow}
	}
	if e.Tail != "none" && l > 2*arrow {
		tip := p0
		e.TailTip = &tip
		p0 = [2]float64{p0[0] + u[0]*arrow, p0[1] + u[1]*arrow}
	}
	e.Points = [][2]float64{p0, lerp(p0, p3, 1.0/3), lerp(p0, p3, 2.0/3), p3}
	if from == to { // bulge out to the right
		e.Points[1][0] += 30
		e.Points[2][0] += 30
	}
	mid := lerp(p0, p3, 0.5)
	e.LabelPos = [2]float64{mid[0] + e.LabelWidth/2 + 4, mid[1]}
}

func lerp(a, b [2]float64, t float64) [2]float64 {
	return [2]float64{a[0] + (b[0]-a[0])*t, a[1] + (b[1]-a[1])*t}
}
