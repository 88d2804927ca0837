package layouts

import (
	"math"

	"github.com/kviz/kviz/render"
)

// An edge that Graphviz routes from an icon's side may still curve down
// through the label under it (and ortho lines ignore the icon's port and
// run straight through it). Such an end is re-drawn: out of the icon
// sideways at its middle, along a corridor just past the label's side,
// and back onto Graphviz's line where that leaves the node's box. In a
// drawing of curves it is one smooth curve instead, out of the icon's
// side and round the label, joining the line tangentially a little
// farther out (see smoothDetour).

// Room, in points, kept between a detour and the label it avoids.
const detourGap = 4

// detourShifts are the heights, in points from the icon's middle, a
// curved detour may leave it at, in order (up to two fifths of the
// icon's height either way).
var detourShifts = []float64{0, 6, -6, 12, -12, 18, -18}

// detours re-draws the ends of edges that cross their own node's label,
// smoothly if curved.
func detours(sc *render.Scene, curved bool) {
	eachDrawnEdge(sc, func(e *render.Edge, from, to *render.Node) {
		// How bad a detour's line is: how many other edges it crosses,
		// and then whether it ends among their ends at node n.
		cost := func(n *render.Node, line []render.Point) int {
			k := 2 * crossCount(sc, e, line)
			if crowded(sc, n, e, line[0], spreadNear) {
				k++
			}
			return k
		}
		e.Points, e.Tail = detour(e.Points, e.Tail, from, curved, func(l []render.Point) int { return cost(from, l) })
		rev, head := detour(reversed(e.Points), e.Head, to, curved, func(l []render.Point) int { return cost(to, l) })
		e.Points, e.Head = reversed(rev), head
	})
}

// detour re-draws the start of a spline (and its arrowhead a there, if
// any) that leaves node n through n's label. A curved detour may leave
// the icon a little above or below its middle, where that costs less:
// cost rates a line from the outline out (0 for one that crosses no
// other edge and ends apart from their ends).
func detour(pts []render.Point, a *render.Arrow, n *render.Node, curved bool, cost func([]render.Point) int) ([]render.Point, *render.Arrow) {
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
	if curved {
		rest := cutFrom(pts, seg, t)
		var best []render.Point
		var bestArrow *render.Arrow
		fewest := math.MaxInt
		for _, dy := range detourShifts {
			c := render.Point{cx, cy + dy}
			if math.Abs(dy) > ic.Height*0.4 {
				continue
			}
			from, ok := rayHit(c, unit(sub(render.Point{ic.X + ic.Width/2, c[1]}, c)), Outlines(n))
			if !ok {
				continue
			}
			// No farther out than the corridor or Graphviz's line, and a little.
			limit := inset(boxOf([][]render.Point{append(flatten(rest), from, c)}), -4*detourGap)
			if out, arrow, ok := smoothDetour(rest, a, n, from, unit(sub(c, from)), limit); ok {
				line := flatten(out)
				if arrow != nil {
					line = append([]render.Point{arrow.Tip}, line...)
				}
				if k := cost(line); k < fewest {
					best, bestArrow, fewest = out, arrow, k
				}
				if fewest == 0 {
					break
				}
			}
		}
		if best != nil {
			return best, bestArrow
		}
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

// smoothDetour is a detour as one cubic: from start on n's outline, out
// along dir, to a point of rest (Graphviz's line from where it leaves the
// node's box) detourJoin[i] points on, arriving along it, so that it
// turns nowhere sharply, and stays inside limit. It tries nearer joins
// and shorter handles first, and reports false when every try touches
// n's label or shape or leaves limit.
func smoothDetour(rest []render.Point, a *render.Arrow, n *render.Node, start, dir render.Point, limit render.Box) ([]render.Point, *render.Arrow, bool) {
	base := start
	if a != nil {
		base = add(start, scale(dir, arrowLen))
	}
	length := lineLength(flatten(rest))
	if length < 1 {
		return nil, nil, false
	}
	var joins []float64
	for _, d := range detourJoin {
		if d <= length*2/3 {
			joins = append(joins, d)
		}
	}
	joins = append(joins, length)
	for _, radius := range detourRadii {
		if out, arrow, ok := smoothTry(rest, a, n, start, base, dir, joins, radius, limit); ok {
			return out, arrow, true
		}
	}
	return nil, nil, false
}

// smoothTry is smoothDetour's search with bends no tighter than radius
// points, joining at the given distances along rest, the last its end.
func smoothTry(rest []render.Point, a *render.Arrow, n *render.Node, start, base, dir render.Point, joins []float64, radius float64, limit render.Box) ([]render.Point, *render.Arrow, bool) {
	polys, label := Outlines(n), inset(n.LabelBox, -2)
	length := joins[len(joins)-1]
	for _, d := range joins {
		tail := rest // from the join on
		if d > 0 {
			seg, t := paramAt(rest, d)
			tail = cutFrom(rest, seg, t)
		}
		j := tail[0]
		along := unit(sub(tail[len(tail)-1], j)) // where the rest of the line goes
		for k := 1; k < len(tail); k++ {
			if u := unit(sub(tail[k], j)); u != (render.Point{}) {
				along = u // the way it sets off
				break
			}
		}
		if d == length {
			along, tail = endDir(rest), tail[:1] // at the line's far end, nothing after it
		}
		chord := math.Hypot(j[0]-base[0], j[1]-base[1])
		for _, k := range detourHandles {
			h := k[0] * chord
			if k[2] > 0 {
				h = min(h, k[2])
			}
			curve := []render.Point{base, add(base, scale(dir, h)), sub(j, scale(along, k[1]*chord)), j}
			flat := flatten(curve)
			if !limit.Contains(boxOf([][]render.Point{flat}), 0) || crossesBox(flat, label) || enters(flat[1:], polys) || sharpest(append(flat, flatten(tail[:min(len(tail), 4)])[1:]...)) > 1/radius {
				continue
			}
			out := append(curve, tail[1:]...)
			if a == nil {
				return out, nil, true
			}
			return out, &render.Arrow{Tip: start, Base: base, Open: a.Open}, true
		}
	}
	return nil, nil, false
}

// detourJoin are the distances, in points along Graphviz's line past
// the node's box, tried for a smooth detour to join it, up to two thirds
// of the line, and then its far end; detourHandles its handle lengths at either end, as
// fractions of the distance it spans (the one out of the node at most
// the third, in points, where that is set): a short one where it joins
// keeps it from swinging back across the label the line went through; a
// short one out of the node lets a long detour bend round the label
// close by.
var (
	detourJoin    = []float64{0, 12, 24, 36, 48, 72, 96, 144, 192}
	detourHandles = [][3]float64{{0.4, 0.4, 0}, {0.6, 0.3, 0}, {0.8, 0.2, 0}, {0.4, 0.4, 32}, {0.6, 0.3, 32}}
)

// detourRadii are the tightest bends, in points of radius, a smooth
// detour may make (where it joins the line included): a gentle one if
// there is room, a tighter one before a right-angled corridor.
var detourRadii = []float64{16, 8}

// sharpest is the greatest curvature along a polyline, in radians a
// point: the angle between two pieces over their mean length.
func sharpest(line []render.Point) float64 {
	worst := 0.0
	for i := 2; i < len(line); i++ {
		a, b := sub(line[i-1], line[i-2]), sub(line[i], line[i-1])
		la, lb := math.Hypot(a[0], a[1]), math.Hypot(b[0], b[1])
		if la < 1e-6 || lb < 1e-6 {
			continue
		}
		turn := math.Acos(max(-1, min(1, dot(a, b)/(la*lb))))
		worst = max(worst, turn/((la+lb)/2))
	}
	return worst
}

// enters reports whether any point of line lies inside polys.
func enters(line []render.Point, polys [][]render.Point) bool {
	for _, p := range line {
		if insideAny(polys, p) {
			return true
		}
	}
	return false
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
