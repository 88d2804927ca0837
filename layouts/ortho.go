package layouts

import (
	"math"

	"github.com/kviz/kviz/render"
)

// In a drawing with `splines: ortho` every line is level or upright, and
// the passes that move edge ends must keep it so. An end whose last leg,
// carried on, would miss its shape (Graphviz aims at the node's box, not
// at the icon in it) slides that leg sideways until it meets the shape
// (slideLegs); ends fanned apart (see spread) are spread along one side
// of their node and re-drawn with right angles (squareEnd).

const (
	slideMax    = 16           // points a last leg may slide sideways to meet its shape
	slideMargin = 2            // points past the first place it meets it: not grazing a corner
	squareStep  = 10           // points between fanned ends along a side
	squareStub  = arrowLen + 6 // points of straight line into the shape after the last turn
	axisTol     = 0.01         // points off an axis still on it
)

// slideLegs slides the last leg of every end that would miss its shape.
func slideLegs(sc *render.Scene) {
	eachDrawnEdge(sc, func(e *render.Edge, from, to *render.Node) {
		slideLeg(e, true, to, from)
		slideLeg(e, false, from, to)
	})
}

// slideLeg slides the last leg at one end of e (its head, or its tail)
// sideways by the least amount, plus slideMargin where that still meets,
// that makes it meet node n's shape when carried on. A leg that is the
// whole line takes the other end with it, and must meet node o's shape
// there too. A line through n's own label is left to detour.
func slideLeg(e *render.Edge, head bool, n, o *render.Node) {
	pts := e.Points
	if !head {
		pts = reversed(pts)
	}
	if throughLabel(n, e) {
		return
	}
	polys, other := Outlines(n), Outlines(o)
	end, far := arrowAt(e, head), arrowAt(e, !head)
	p, d := pts[len(pts)-1], endDir(pts)
	if end != nil {
		p, d = end.Tip, unit(sub(end.Tip, end.Base))
	}
	if !level(d) {
		return
	}
	if _, ok := rayHit(p, d, polys); ok {
		return
	}
	across := render.Point{-d[1], d[0]}
	k := len(pts) - 1 // the leg's first point
	for k > 0 && math.Abs(dot(sub(pts[k-1], p), across)) < axisTol {
		k--
	}
	q := pts[0] // the other end, when the leg is the whole line
	if far != nil {
		q = far.Tip
	}
	meets := func(s float64) bool {
		shift := render.Point{across[0] * s, across[1] * s}
		if _, ok := rayHit(add(p, shift), d, polys); !ok {
			return false
		}
		_, ok := rayHit(add(q, shift), render.Point{-d[0], -d[1]}, other)
		return k > 0 || ok
	}
	for s := 1.0; s <= slideMax; s++ {
		for _, sign := range []float64{1, -1} {
			if !meets(sign * s) {
				continue
			}
			if meets(sign * (s + slideMargin)) {
				s += slideMargin
			}
			shift := render.Point{across[0] * sign * s, across[1] * sign * s}
			out := append([]render.Point{}, pts...)
			for i := k; i < len(out); i++ {
				out[i] = add(out[i], shift)
			}
			moveArrow(end, shift)
			if k == 0 {
				moveArrow(far, shift)
			}
			if !head {
				out = reversed(out)
			}
			e.Points = out
			return
		}
	}
}

func moveArrow(a *render.Arrow, by render.Point) {
	if a != nil {
		a.Tip, a.Base = add(a.Tip, by), add(a.Base, by)
	}
}

// level reports whether unit direction d is level or upright.
func level(d render.Point) bool {
	return d != (render.Point{}) && (math.Abs(d[0]) < axisTol || math.Abs(d[1]) < axisTol)
}

func add(a, b render.Point) render.Point { return render.Point{a[0] + b[0], a[1] + b[1]} }

func dot(a, b render.Point) float64 { return a[0]*b[0] + a[1]*b[1] }

func scale(a render.Point, s float64) render.Point { return render.Point{a[0] * s, a[1] * s} }

// sideOf is the outward direction, level or upright, of the side of
// polys' bounding box that p lies on (or nearest to).
func sideOf(polys [][]render.Point, p render.Point) render.Point {
	b := boxOf(polys)
	c := centre(polys)
	dx, dy := (p[0]-c[0])/max(b.Width, 1), (p[1]-c[1])/max(b.Height, 1)
	if math.Abs(dx) >= math.Abs(dy) {
		return render.Point{math.Copysign(1, dx), 0}
	}
	return render.Point{0, math.Copysign(1, dy)}
}

// boxOf is the bounding box of polys.
func boxOf(polys [][]render.Point) render.Box {
	x0, y0, x1, y1 := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, poly := range polys {
		for _, p := range poly {
			x0, y0, x1, y1 = min(x0, p[0]), min(y0, p[1]), max(x1, p[0]), max(y1, p[1])
		}
	}
	return render.Box{X: x0, Y: y0, Width: x1 - x0, Height: y1 - y0}
}

// sideTips are count points on polys' side out, squareStep apart (closer
// where the middle three fifths of the side are too short), centred on
// where meet lies along it, in the order of the side's direction
// across (out turned a quarter clockwise, y down); nil where a ray misses.
func sideTips(polys [][]render.Point, meet, out render.Point, count int) []*render.Point {
	b, c := boxOf(polys), centre(polys)
	across := render.Point{-out[1], out[0]}
	half := 0.3 * math.Abs(dot(render.Point{b.Width, b.Height}, across)) // the middle three fifths, each way
	step := float64(squareStep)
	if count > 1 {
		step = min(step, 2*half/float64(count-1))
	}
	spanHalf := step * float64(count-1) / 2
	mid := max(-half+spanHalf, min(half-spanHalf, dot(sub(meet, c), across)))
	tips := make([]*render.Point, count)
	for k := range tips {
		o := mid + (float64(k)-float64(count-1)/2)*step
		from := add(add(c, scale(across, o)), scale(out, 400))
		if tip, ok := rayHit(from, scale(out, -1), polys); ok {
			tips[k] = &tip
		}
	}
	return tips
}

// squareEnd re-draws the last dist points of an edge into tip with right
// angles: straight out of the node along out for squareStub points, then
// at most two turns back onto the line. It reports false, changing
// nothing, when no such path stays clear of node n.
func squareEnd(r endRef, n *render.Node, tip, out render.Point, dist float64) bool {
	rest, back, away := r.beyond(dist)
	q := add(tip, scale(out, squareStub))
	var best []render.Point
	for _, corner := range []render.Point{{q[0], back[1]}, {back[0], q[1]}} {
		path := corners([]render.Point{tip, q, corner, back})
		if squareClear(path, away, n) && (best == nil || len(path) < len(best)) {
			best = path
		}
	}
	if best == nil {
		return false
	}
	a := arrowAt(r.e, r.head)
	start := tip
	if a != nil {
		start = add(tip, scale(out, arrowLen))
		best[0] = start
	}
	line := []render.Point{best[0]}
	for i := 1; i < len(best); i++ {
		line = append(line, straightTo(best[i-1], best[i])...)
	}
	line = append(line, rest[1:]...)
	r.set(line, a, tip, start)
	return true
}

// corners drops repeated points and points where a path goes straight on.
func corners(path []render.Point) []render.Point {
	out := []render.Point{path[0]}
	for _, p := range path[1:] {
		if math.Hypot(p[0]-out[len(out)-1][0], p[1]-out[len(out)-1][1]) < axisTol {
			continue
		}
		if len(out) >= 2 {
			a, b := out[len(out)-2], out[len(out)-1]
			if math.Abs((b[0]-a[0])*(p[1]-b[1])-(b[1]-a[1])*(p[0]-b[0])) < axisTol && dot(sub(b, a), sub(p, b)) > 0 {
				out[len(out)-1] = p
				continue
			}
		}
		out = append(out, p)
	}
	return out
}

// squareClear reports whether a right-angled path out of node n (then on
// along away) never doubles back, keeps level or upright, and after its
// first leg stays off n's shape and label.
func squareClear(path []render.Point, away render.Point, n *render.Node) bool {
	if len(path) < 2 {
		return false
	}
	dirs := make([]render.Point, 0, len(path))
	for i := 1; i < len(path); i++ {
		d := unit(sub(path[i], path[i-1]))
		if !level(d) {
			return false
		}
		dirs = append(dirs, d)
	}
	dirs = append(dirs, away)
	for i := 1; i < len(dirs); i++ {
		if dot(dirs[i-1], dirs[i]) < -0.5 {
			return false
		}
	}
	polys := Outlines(n)
	label := inset(n.LabelBox, -2)
	for i := 2; i < len(path); i++ {
		for k := 0; k <= 16; k++ {
			f := float64(k) / 16
			p := add(path[i-1], scale(sub(path[i], path[i-1]), f))
			if insideAny(polys, p) || len(n.Lines) > 0 && label.Contains(render.Box{X: p[0], Y: p[1]}, 0) {
				return false
			}
		}
	}
	return true
}
