package layouts

import (
	"math"
	"slices"

	"github.com/kviz/kviz/render"
)

// Graphviz often brings several edges into one point of a node (an icon's
// port, the middle of a box's side), so that their last stretch is one
// smear. Edge ends that meet within spreadNear of each other are fanned
// out around the node's outline, spreadStep apart as seen from its
// centre, each re-drawn smoothly from spreadBack points out.

const (
	spreadNear = 8                  // points: ends this close are one point
	spreadBack = 48                 // points along an edge re-drawn to its new end
	spreadStep = 30 * math.Pi / 180 // between neighbouring ends, as seen from the centre
	spreadMax  = math.Pi            // the widest fan, many ends or few
)

// endRef is one end of one edge.
type endRef struct {
	e    *render.Edge
	head bool
}

func (r endRef) tip() render.Point {
	if a := arrowAt(r.e, r.head); a != nil {
		return a.Tip
	}
	if r.head {
		return r.e.Points[len(r.e.Points)-1]
	}
	return r.e.Points[0]
}

// spreadEnds fans out the ends that meet at one point of a leaf node.
func spreadEnds(sc *render.Scene) {
	ends := map[string][]endRef{}
	for i := range sc.Edges {
		e := &sc.Edges[i]
		if e.From == e.To || len(e.Points) < 4 {
			continue
		}
		ends[e.From] = append(ends[e.From], endRef{e, false})
		ends[e.To] = append(ends[e.To], endRef{e, true})
	}
	for i := range sc.Nodes {
		n := &sc.Nodes[i]
		if n.Group {
			continue
		}
		for _, group := range meeting(ends[n.ID]) {
			spread(n, group)
		}
	}
}

// meeting splits ends into groups of two or more whose tips meet, in
// edge order.
func meeting(refs []endRef) [][]endRef {
	var out [][]endRef
	used := make([]bool, len(refs))
	for i := range refs {
		if used[i] {
			continue
		}
		group := []endRef{refs[i]}
		for j := i + 1; j < len(refs); j++ {
			if !used[j] && math.Hypot(refs[j].tip()[0]-refs[i].tip()[0], refs[j].tip()[1]-refs[i].tip()[1]) < spreadNear {
				used[j] = true
				group = append(group, refs[j])
			}
		}
		if len(group) > 1 {
			out = append(out, group)
		}
	}
	return out
}

// spread gives each end of a group its own point on n's outline, in the
// order the edges come from, centred where they met.
func spread(n *render.Node, group []endRef) {
	polys := Outlines(n)
	c := centre(polys)
	angle := func(p render.Point) float64 { return math.Atan2(p[1]-c[1], p[0]-c[0]) }
	mid := angle(group[0].tip())
	type plan struct {
		r    endRef
		back render.Point
		a    float64
		dist float64 // how far back it is re-drawn from
	}
	var plans []plan
	for _, r := range group {
		pts := startAt(r)
		dist := min(spreadBack, lineLength(flatten(pts))/3) // a short edge keeps most of its line
		if dist < arrowLen+4 {
			return // too short to re-draw
		}
		seg, t := paramAt(pts, dist)
		back := bezierAt(pts, seg, t)
		// Relative to the meeting point's angle, so that the order is
		// the same on either side of ±π.
		plans = append(plans, plan{r, back, math.Remainder(angle(back)-mid, 2*math.Pi), dist})
	}
	slices.SortStableFunc(plans, func(x, y plan) int {
		switch {
		case x.a < y.a:
			return -1
		case x.a > y.a:
			return 1
		}
		return 0
	})
	// Many ends share at most a half-turn around the node.
	step := min(spreadStep, spreadMax/float64(len(plans)-1))
	for k, p := range plans {
		a := mid + (float64(k)-float64(len(plans)-1)/2)*step
		out := render.Point{c[0] + 400*math.Cos(a), c[1] + 400*math.Sin(a)}
		tip, ok := rayHit(out, unit(sub(c, out)), polys)
		if !ok {
			continue
		}
		redrawEnd(p.r, tip, p.dist)
	}
}

// startAt is an edge's spline starting at the given end.
func startAt(r endRef) []render.Point {
	if r.head {
		return reversed(r.e.Points)
	}
	return r.e.Points
}

// redrawEnd re-draws the last dist points of an edge into tip, the
// arrowhead (if any) pointing at the node's centre.
func redrawEnd(r endRef, tip render.Point, dist float64) {
	pts := startAt(r)
	seg, t := paramAt(pts, dist)
	rest := cutFrom(pts, seg, t)
	back := rest[0]
	away := unit(sub(rest[1], rest[0]))
	if away == (render.Point{}) {
		away = unit(sub(rest[len(rest)-1], back))
	}
	out := unit(sub(back, tip)) // from the tip outwards
	base := tip
	a := arrowAt(r.e, r.head)
	if a != nil {
		base = render.Point{tip[0] + out[0]*arrowLen, tip[1] + out[1]*arrowLen}
	}
	k := dist / 3
	start := []render.Point{base, {base[0] + out[0]*k, base[1] + out[1]*k}, {back[0] - away[0]*k, back[1] - away[1]*k}, back}
	pts = append(start, rest[1:]...)
	if r.head {
		pts = reversed(pts)
	}
	r.e.Points = pts
	if a != nil {
		setArrow(r.e, r.head, &render.Arrow{Tip: tip, Base: base, Open: a.Open})
	}
}

func lineLength(l []render.Point) float64 {
	s := 0.0
	for i := 1; i < len(l); i++ {
		s += math.Hypot(l[i][0]-l[i-1][0], l[i][1]-l[i-1][1])
	}
	return s
}

func arrowAt(e *render.Edge, head bool) *render.Arrow {
	if head {
		return e.Head
	}
	return e.Tail
}

func setArrow(e *render.Edge, head bool, a *render.Arrow) {
	if head {
		e.Head = a
	} else {
		e.Tail = a
	}
}

// polyDist is the distance from p to a polyline.
func polyDist(line []render.Point, p render.Point) float64 {
	d := math.Inf(1)
	for i := 1; i < len(line); i++ {
		d = math.Min(d, segDist(p, line[i-1], line[i]))
	}
	return d
}

// paramAt is the segment and parameter of a spline at a distance along
// its flattened line (curveSteps pieces a segment).
func paramAt(pts []render.Point, dist float64) (int, float64) {
	walked := 0.0
	prev := pts[0]
	for s := 0; s+3 < len(pts); s += 3 {
		for k := 1; k <= curveSteps; k++ {
			u := float64(k) / curveSteps
			p := bezier(pts[s], pts[s+1], pts[s+2], pts[s+3], u)
			walked += math.Hypot(p[0]-prev[0], p[1]-prev[1])
			prev = p
			if walked >= dist {
				return s / 3, u
			}
		}
	}
	return (len(pts)-1)/3 - 1, 1
}
