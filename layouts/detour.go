package layouts

import (
	"math"

	"github.com/kviz/kviz/render"
)

// An edge that Graphviz routes from an icon's side may still curve down
// through the label under it (and ortho lines ignore the icon's port and
// run straight through it). Such an end is re-drawn: out of the icon
// sideways at its middle, along a corridor just past the label's side,
// and back onto Graphviz's line where that leaves the node's box.

// Room, in points, kept between a detour and the label it avoids.
const detourGap = 4

// detours re-draws the ends of edges that cross their own node's label.
func detours(sc *render.Scene) {
	eachDrawnEdge(sc, func(e *render.Edge, from, to *render.Node) {
		e.Points, e.Tail = detour(e.Points, e.Tail, from)
		rev, head := detour(reversed(e.Points), e.Head, to)
		e.Points, e.Head = reversed(rev), head
	})
}

// detour re-draws the start of a spline (and its arrowhead a there, if
// any) that leaves node n through n's label.
func detour(pts []render.Point, a *render.Arrow, n *render.Node) ([]render.Point, *render.Arrow) {
	if n.Group || n.Icon == nil || len(n.Lines) == 0 || n.LabelBox.Width <= 0 {
		return pts, a
	}
	label := n.LabelBox
	if !crossesBox(flatten(pts), inset(label, -2)) { // a line touching the text reads as through it
		return pts, a
	}
	box := inset(n.Box(), -detourGap)
	seg, t, ok := leaves(pts, box)
	if !ok {
		return pts, a
	}
	x := bezierAt(pts, seg, t)
	ic := n.Icon.Box
	if n.Icon.Replicas {
		ic = render.Box{X: ic.X, Y: ic.Y - 2*render.StackOffset, Width: ic.Width + 2*render.StackOffset, Height: ic.Height + 2*render.StackOffset}
	}
	cy := ic.Y + ic.Height/2
	cx := math.Max(label.X+label.Width, ic.X+ic.Width) + detourGap
	if x[0] < label.X+label.Width/2 {
		cx = math.Min(label.X, ic.X) - detourGap
	}
	corner := render.Point{cx, cy}
	start, found := rayHit(corner, unit(sub(render.Point{ic.X + ic.Width/2, cy}, corner)), Outlines(n))
	if !found {
		return pts, a
	}
	out := []render.Point{start}
	out = append(out, straightTo(start, corner)...)
	bend := render.Point{cx, x[1]}
	out = append(out, straightTo(corner, bend)...)
	out = append(out, straightTo(bend, x)...)
	out = append(out, cutFrom(pts, seg, t)[1:]...)
	if a == nil {
		return out, nil
	}
	// The arrowhead lies along the first straight piece, out of the icon.
	d := unit(sub(corner, start))
	base := render.Point{start[0] + d[0]*arrowLen, start[1] + d[1]*arrowLen}
	out[0] = base
	out[1], out[2] = straightTo(base, corner)[0], straightTo(base, corner)[1]
	return out, &render.Arrow{Tip: start, Base: base, Open: a.Open}
}

// crossesBox reports whether a polyline has a point in b, testing each
// piece at a few points along it.
func crossesBox(line []render.Point, b render.Box) bool {
	in := func(p render.Point) bool {
		return p[0] > b.X && p[0] < b.X+b.Width && p[1] > b.Y && p[1] < b.Y+b.Height
	}
	for i := 1; i < len(line); i++ {
		for k := 0; k <= 4; k++ {
			f := float64(k) / 4
			if in(render.Point{line[i-1][0] + f*(line[i][0]-line[i-1][0]), line[i-1][1] + f*(line[i][1]-line[i-1][1])}) {
				return true
			}
		}
	}
	return false
}

// leaves finds where a spline that starts in box b first leaves it.
func leaves(pts []render.Point, b render.Box) (seg int, t float64, ok bool) {
	const steps = 64
	out := func(p render.Point) bool {
		return p[0] < b.X || p[0] > b.X+b.Width || p[1] < b.Y || p[1] > b.Y+b.Height
	}
	for s := 0; s+3 < len(pts); s += 3 {
		for k := 0; k <= steps; k++ {
			u := float64(k) / steps
			if out(bezier(pts[s], pts[s+1], pts[s+2], pts[s+3], u)) {
				return s / 3, u, true
			}
		}
	}
	return 0, 0, false
}

// cutFrom is the spline from (seg, t) on, by de Casteljau's split.
func cutFrom(pts []render.Point, seg int, t float64) []render.Point {
	i := seg * 3
	p0, p1, p2, p3 := pts[i], pts[i+1], pts[i+2], pts[i+3]
	lerp := func(a, b render.Point) render.Point { return render.Point{a[0] + t*(b[0]-a[0]), a[1] + t*(b[1]-a[1])} }
	a, b, c := lerp(p0, p1), lerp(p1, p2), lerp(p2, p3)
	d, e := lerp(a, b), lerp(b, c)
	f := lerp(d, e)
	return append([]render.Point{f, e, c}, pts[i+3:]...)
}
