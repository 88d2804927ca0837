package layouts

import (
	"math"

	"github.com/kviz/kviz/render"
)

// Graphviz leaves an icon's port sideways, along the port box's side,
// even where the rest of its line dives away at once: the line hooks
// round a bend of a few points as it leaves the node. fitEnds can add
// the like where it carries a line on to the outline. Such an end is
// re-drawn from its spot on the outline as one cubic joining the line a
// little farther on, bending no tighter than a smooth detour may (see
// detourRadii).

// Hooks, in a drawing of curves: a stretch within easeReach points of an
// end that turns more than easeTurn radians round a mean radius under
// easeRadius points. Stricter than what the readability check calls a
// hook (45° round 6 points), so that what it would call one is re-drawn.
const (
	easeReach  = 48
	easeRadius = 8
	easeTurn   = 30 * math.Pi / 180
	easePiece  = 0.5 // points: the pieces a curve is cut into to find bends
)

// easeTilts are the angles, in radians, the way out of the node is
// turned towards the rest of the line, in order: the way Graphviz left
// first.
var easeTilts = []float64{0, 15 * math.Pi / 180, 30 * math.Pi / 180, 45 * math.Pi / 180, 60 * math.Pi / 180}

// easeEnds re-draws the ends of edges that hook as they leave their node.
func easeEnds(sc *render.Scene) {
	eachDrawnEdge(sc, func(e *render.Edge, from, to *render.Node) {
		e.Points, e.Tail = easeEnd(e.Points, e.Tail, from)
		rev, head := easeEnd(reversed(e.Points), e.Head, to)
		e.Points, e.Head = reversed(rev), head
	})
}

// easeEnd re-draws the start of a spline (and its arrowhead a there, if
// any) where it hooks, keeping its tip on n's outline. It leaves the
// line as it is where no gentle curve fits.
func easeEnd(pts []render.Point, a *render.Arrow, n *render.Node) ([]render.Point, *render.Arrow) {
	tip, dir := pts[0], render.Point{}
	if a != nil {
		tip, dir = a.Tip, unit(sub(a.Base, a.Tip))
	}
	flat := fine(pts, easePiece)
	head := flat
	if a != nil {
		head = append([]render.Point{tip}, head...)
	}
	head = upTo(head, easeReach)
	if !hooked(head, easeTurn, easeRadius) {
		return pts, a
	}
	for k := 1; k < len(head) && dir == (render.Point{}); k++ {
		dir = unit(sub(head[k], tip))
	}
	polys := Outlines(n)
	length := lineLength(flat)
	for _, radius := range detourRadii {
		for _, d := range detourJoin[1:] {
			if d > length*2/3 {
				break
			}
			// Near where the line ran, so as not to wander among other things.
			limit := inset(boxOf([][]render.Point{upTo(flat, d), {tip}}), -2*detourGap)
			seg, t := paramAt(pts, d)
			tail := cutFrom(pts, seg, t)
			j := tail[0]
			along := unit(sub(tail[1], j))
			if along == (render.Point{}) {
				along = unit(sub(tail[3], j))
			}
			after := upTo(fine(tail[:4], easePiece), easeReach)
			toward := unit(sub(j, tip))
			for _, tilt := range easeTilts {
				out := turnToward(dir, toward, tilt)
				base := tip
				if a != nil {
					base = add(tip, scale(out, arrowLen))
				}
				chord := math.Hypot(j[0]-base[0], j[1]-base[1])
				for _, h := range detourHandles {
					k := h[0] * chord
					if h[2] > 0 {
						k = min(k, h[2])
					}
					curve := []render.Point{base, add(base, scale(out, k)), sub(j, scale(along, h[1]*chord)), j}
					line := fine(curve, easePiece)
					if a != nil {
						line = append([]render.Point{tip}, line...)
					}
					if !limit.Contains(boxOf([][]render.Point{line}), 0) || enters(line[1:], polys) || throughLabel(n, &render.Edge{Points: curve}) {
						continue
					}
					if hooked(append(line, after[1:]...), easeTurn, radius) {
						continue
					}
					if a != nil {
						a = &render.Arrow{Tip: tip, Base: base, Open: a.Open}
					}
					return append(curve, tail[1:]...), a
				}
			}
		}
	}
	return pts, a
}

// turnToward is the unit direction d turned by angle radians towards
// the unit direction to, no farther than to.
func turnToward(d, to render.Point, angle float64) render.Point {
	cross := d[0]*to[1] - d[1]*to[0]
	between := math.Acos(max(-1, min(1, dot(d, to))))
	angle = min(angle, between)
	if cross < 0 {
		angle = -angle
	}
	s, c := math.Sin(angle), math.Cos(angle)
	return render.Point{c*d[0] - s*d[1], s*d[0] + c*d[1]}
}

// fine is a spline cut into pieces of about piece points.
func fine(pts []render.Point, piece float64) []render.Point {
	if len(pts) == 0 {
		return nil
	}
	out := []render.Point{pts[0]}
	for i := 0; i+3 < len(pts); i += 3 {
		p := pts[i : i+4]
		steps := max(1, int(math.Ceil(lineLength(p)/piece))) // the control polygon is no shorter than the curve
		for k := 1; k <= steps; k++ {
			out = append(out, bezier(p[0], p[1], p[2], p[3], float64(k)/float64(steps)))
		}
	}
	return out
}

// upTo is the start of a polyline, about length points of it.
func upTo(line []render.Point, length float64) []render.Point {
	walked := 0.0
	for k := 1; k < len(line); k++ {
		walked += math.Hypot(line[k][0]-line[k-1][0], line[k][1]-line[k-1][1])
		if walked >= length {
			return line[:k+1]
		}
	}
	return line
}

// hooked reports whether a stretch of line turns by more than turn
// radians one way round a mean radius (its length over its turn) under
// radius points.
func hooked(line []render.Point, turn, radius float64) bool {
	for i := 1; i+1 < len(line); i++ {
		length, sum := math.Hypot(line[i][0]-line[i-1][0], line[i][1]-line[i-1][1]), 0.0
		for j := i; j+1 < len(line) && length < radius*2*math.Pi; j++ {
			a, b := sub(line[j], line[j-1]), sub(line[j+1], line[j])
			if la, lb := math.Hypot(a[0], a[1]), math.Hypot(b[0], b[1]); la > 1e-9 && lb > 1e-9 {
				sum += math.Atan2(a[0]*b[1]-a[1]*b[0], dot(a, b))
			}
			length += math.Hypot(b[0], b[1])
			if t := math.Abs(sum); t > turn && length < radius*t {
				return true
			}
		}
	}
	return false
}
