package layouts

import (
	"math"

	"github.com/kviz/kviz/render"
)

// Graphviz clips an edge at the box it was given for a node: for an icon
// over its label that is empty space beside the icon, or the label. After
// layout, every edge end is moved onto the outline of the shape actually
// drawn (see Outlines): a line that goes into the shape is cut where it
// enters; one that stops short is carried on straight until it touches.

// arrowLen is the length of an arrowhead in points: Graphviz's 10 points
// at kviz's arrowsize of 0.8.
const arrowLen = 8

// fitEnds puts both ends of every edge on the outlines of their shapes.
func fitEnds(sc *render.Scene) {
	eachDrawnEdge(sc, func(e *render.Edge, from, to *render.Node) {
		e.Points, e.Head = fitEnd(e.Points, e.Head, Outlines(to))
		rev := reversed(e.Points)
		rev, e.Tail = fitEnd(rev, e.Tail, Outlines(from))
		e.Points = reversed(rev)
	})
}

// eachDrawnEdge calls f for every edge between two distinct nodes of sc
// that has at least one spline segment, in scene order.
func eachDrawnEdge(sc *render.Scene, f func(e *render.Edge, from, to *render.Node)) {
	byID := map[string]*render.Node{}
	for i := range sc.Nodes {
		byID[sc.Nodes[i].ID] = &sc.Nodes[i]
	}
	for i := range sc.Edges {
		e := &sc.Edges[i]
		from, to := byID[e.From], byID[e.To]
		if from == nil || to == nil || from == to || len(e.Points) < 4 {
			continue
		}
		f(e, from, to)
	}
}

func reversed(pts []render.Point) []render.Point {
	out := make([]render.Point, len(pts))
	for i, p := range pts {
		out[len(pts)-1-i] = p
	}
	return out
}

// fitEnd moves the last end of a spline, and its arrowhead if any, onto the
// outline polys.
func fitEnd(pts []render.Point, a *render.Arrow, polys [][]render.Point) ([]render.Point, *render.Arrow) {
	seg, t, ok := entry(pts, polys)
	var tip render.Point
	if ok {
		tip = bezierAt(pts, seg, t)
		if a == nil {
			return cutAt(pts, seg, t), nil
		}
		seg, t = backAlong(pts, seg, t, arrowLen)
		return cutAt(pts, seg, t), &render.Arrow{Tip: tip, Base: bezierAt(pts, seg, t), Open: a.Open}
	}
	// The line stops short: carry it on from its end (or its arrow's tip)
	// in the direction it was going, or failing that towards the shape.
	end := pts[len(pts)-1]
	from, dir := end, endDir(pts)
	if a != nil {
		from, dir = a.Tip, unit(sub(a.Tip, a.Base))
	}
	hit, found := rayHit(from, dir, polys)
	if !found {
		hit, found = rayHit(from, unit(sub(centre(polys), from)), polys)
	}
	if !found {
		return pts, a
	}
	if a == nil {
		return append(pts, straightTo(end, hit)...), nil
	}
	d := unit(sub(hit, end))
	base := render.Point{hit[0] - d[0]*arrowLen, hit[1] - d[1]*arrowLen}
	if math.Hypot(hit[0]-end[0], hit[1]-end[1]) > arrowLen {
		pts = append(pts, straightTo(end, base)...)
	} else {
		base = end
	}
	return pts, &render.Arrow{Tip: hit, Base: base, Open: a.Open}
}

// endDir is the direction a line of points is going at its end: from
// the last point before it that is elsewhere (an ortho spline repeats its
// end as a control point); zero if there is none.
func endDir(pts []render.Point) render.Point {
	end := pts[len(pts)-1]
	for i := len(pts) - 2; i >= 0; i-- {
		if d := unit(sub(end, pts[i])); d != (render.Point{}) {
			return d
		}
	}
	return render.Point{}
}

// entry finds where a spline first enters any of polys, searching from its
// start: the segment and the parameter on it.
func entry(pts []render.Point, polys [][]render.Point) (seg int, t float64, ok bool) {
	const steps = 64
	if insideAny(polys, pts[0]) {
		return 0, 0, false // starts inside: no entry to find
	}
	for s := 0; s+3 < len(pts); s += 3 {
		prev := 0.0
		for k := 1; k <= steps; k++ {
			u := float64(k) / steps
			if insideAny(polys, bezier(pts[s], pts[s+1], pts[s+2], pts[s+3], u)) {
				lo, hi := prev, u
				for range 30 {
					mid := (lo + hi) / 2
					if insideAny(polys, bezier(pts[s], pts[s+1], pts[s+2], pts[s+3], mid)) {
						hi = mid
					} else {
						lo = mid
					}
				}
				return s / 3, hi, true
			}
			prev = u
		}
	}
	return 0, 0, false
}

func bezierAt(pts []render.Point, seg int, t float64) render.Point {
	i := seg * 3
	return bezier(pts[i], pts[i+1], pts[i+2], pts[i+3], t)
}

// backAlong walks back d points (as the crow flies) from (seg, t) towards
// the spline's start.
func backAlong(pts []render.Point, seg int, t, d float64) (int, float64) {
	tip := bezierAt(pts, seg, t)
	const step = 1.0 / 256
	for s, u := seg, t; s >= 0; s, u = s-1, 1 {
		for ; u >= 0; u -= step {
			p := bezierAt(pts, s, u)
			if math.Hypot(p[0]-tip[0], p[1]-tip[1]) >= d {
				return s, u
			}
		}
	}
	return 0, 0
}

// cutAt is the spline up to (seg, t).
func cutAt(pts []render.Point, seg int, t float64) []render.Point {
	before, _ := split(pts[seg*3:seg*3+4], t)
	out := append([]render.Point{}, pts[:seg*3+1]...)
	return append(out, before[1:]...)
}

// cutFrom is the spline from (seg, t) on.
func cutFrom(pts []render.Point, seg int, t float64) []render.Point {
	_, after := split(pts[seg*3:seg*3+4], t)
	return append(after[:3:3], pts[seg*3+3:]...)
}

// split cuts one Bézier segment (four points) at t into the two
// segments before and after, by de Casteljau's construction.
func split(seg []render.Point, t float64) (before, after []render.Point) {
	lerp := func(a, b render.Point) render.Point { return render.Point{a[0] + t*(b[0]-a[0]), a[1] + t*(b[1]-a[1])} }
	a, b, c := lerp(seg[0], seg[1]), lerp(seg[1], seg[2]), lerp(seg[2], seg[3])
	d, e := lerp(a, b), lerp(b, c)
	f := lerp(d, e)
	return []render.Point{seg[0], a, d, f}, []render.Point{f, e, c, seg[3]}
}

// straightTo is a straight segment from a to b, as the three points a
// spline adds for it.
func straightTo(a, b render.Point) []render.Point {
	return []render.Point{{a[0] + (b[0]-a[0])/3, a[1] + (b[1]-a[1])/3}, {a[0] + 2*(b[0]-a[0])/3, a[1] + 2*(b[1]-a[1])/3}, b}
}

func sub(a, b render.Point) render.Point { return render.Point{a[0] - b[0], a[1] - b[1]} }

func unit(v render.Point) render.Point {
	l := math.Hypot(v[0], v[1])
	if l == 0 {
		return render.Point{}
	}
	return render.Point{v[0] / l, v[1] / l}
}

// centre is the centre of the polygons' bounding box.
func centre(polys [][]render.Point) render.Point {
	x0, y0, x1, y1 := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, poly := range polys {
		for _, p := range poly {
			x0, y0, x1, y1 = min(x0, p[0]), min(y0, p[1]), max(x1, p[0]), max(y1, p[1])
		}
	}
	return render.Point{(x0 + x1) / 2, (y0 + y1) / 2}
}

// rayHit is the first point where the ray from p along unit direction d
// enters polys, if it does within reach points.
func rayHit(p, d render.Point, polys [][]render.Point) (render.Point, bool) {
	const reach = 500.0
	if d == (render.Point{}) {
		return p, false
	}
	if insideAny(polys, p) {
		return p, true
	}
	best := math.Inf(1)
	for _, poly := range polys {
		for i := range poly {
			a, b := poly[i], poly[(i+1)%len(poly)]
			if s, ok := raySegment(p, d, a, b); ok {
				best = min(best, s)
			}
		}
	}
	if best > reach {
		return p, false
	}
	return render.Point{p[0] + d[0]*best, p[1] + d[1]*best}, true
}

// raySegment is how far along the ray from p in direction d it meets the
// segment a–b, if it does.
func raySegment(p, d, a, b render.Point) (float64, bool) {
	cross := func(u, v render.Point) float64 { return u[0]*v[1] - u[1]*v[0] }
	e := sub(b, a)
	den := cross(d, e)
	if math.Abs(den) < 1e-12 {
		return 0, false // parallel: the ray meets the outline at a neighbouring side
	}
	w := sub(a, p)
	s, t := cross(w, e)/den, cross(w, d)/den
	return s, s >= 0 && t >= 0 && t <= 1
}
