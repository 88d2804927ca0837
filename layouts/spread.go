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
// centre, each re-drawn smoothly from spreadBack points out; in a
// right-angled drawing (ortho), squareStep apart along the side they
// meet on, each re-drawn with right angles (see squareEnd).

const (
	spreadNear = 8                  // points: ends this close are one point
	spreadBack = 48                 // points along an edge re-drawn to its new end
	spreadStep = 30 * math.Pi / 180 // between neighbouring ends, as seen from the centre
	spreadMax  = math.Pi            // the widest fan, many ends or few
	// Ends that go on together beyond spreadBack are re-drawn from where
	// they part (farther than spreadApart from every other end of the
	// group) plus spreadClear, up to half the edge's length.
	spreadApart = 6
	spreadClear = 16
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

// spreadEnds fans out the ends that meet at one point of a leaf node,
// with right angles if ortho.
func spreadEnds(sc *render.Scene, ortho bool) {
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
			spread(n, group, sc.Edges, ortho)
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
func spread(n *render.Node, group []endRef, all []render.Edge, ortho bool) {
	polys := Outlines(n)
	c := centre(polys)
	angle := func(p render.Point) float64 { return math.Atan2(p[1]-c[1], p[0]-c[0]) }
	mid := angle(group[0].tip())
	out := sideOf(polys, group[0].tip()) // for ortho
	order := func(back render.Point) float64 {
		if ortho { // along the side, a quarter turn clockwise from out
			return dot(sub(back, c), render.Point{-out[1], out[0]})
		}
		// Relative to the meeting point's angle, so that the order is
		// the same on either side of ±π.
		return math.Remainder(angle(back)-mid, 2*math.Pi)
	}
	type plan struct {
		r     endRef
		back  render.Point
		a     float64
		dist  float64 // how far back it is re-drawn from
		short float64 // the same, were it not running on with another
	}
	lines := make([][]render.Point, len(group))
	for i, r := range group {
		lines[i] = flatten(startAt(r))
	}
	var plans []plan
	for i, r := range group {
		pts := startAt(r)
		length := lineLength(lines[i])
		short := min(spreadBack, length/3) // a short edge keeps most of its line
		dist := short
		if run := sharedRun(lines, i, length/2); run > 0 {
			dist = max(dist, min(run+spreadClear, length/2))
		}
		if dist < arrowLen+4 {
			return // too short to re-draw
		}
		seg, t := paramAt(pts, dist)
		back := bezierAt(pts, seg, t)
		plans = append(plans, plan{r, back, order(back), dist, short})
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
	tips, redraw := fanTips(polys, mid, len(plans)), redrawEnd
	if ortho {
		tips = sideTips(polys, group[0].tip(), out, len(plans))
		redraw = func(r endRef, tip render.Point, dist float64) bool { return squareEnd(r, n, tip, out, dist) }
	}
	for k, p := range plans {
		tip := tips[k]
		if tip == nil {
			continue
		}
		pts, head, tail := p.r.e.Points, p.r.e.Head, p.r.e.Tail
		through := throughLabel(n, p.r.e)
		fanEnd(n, p.r, *tip, p.dist, p.short, redraw, all)
		if !through && throughLabel(n, p.r.e) { // no re-draw across the node's own label
			p.r.e.Points, p.r.e.Head, p.r.e.Tail = pts, head, tail
		}
	}
}

// fanEnd re-draws end r into tip from dist points back, or from short
// points back where that is better: where the long re-draw would cut
// across n's label or run along other edges more.
func fanEnd(n *render.Node, r endRef, tip render.Point, dist, short float64, redraw func(endRef, render.Point, float64) bool, all []render.Edge) {
	pts, head, tail := r.e.Points, r.e.Head, r.e.Tail
	if !redraw(r, tip, dist) || dist <= short {
		return
	}
	long, longHead, longTail := r.e.Points, r.e.Head, r.e.Tail
	r.e.Points, r.e.Head, r.e.Tail = pts, head, tail
	if !redraw(r, tip, short) {
		r.e.Points, r.e.Head, r.e.Tail = long, longHead, longTail
		return
	}
	if !throughLabel(n, &render.Edge{Points: long}) && crowding(long, r.e, all) < crowding(r.e.Points, r.e, all) {
		r.e.Points, r.e.Head, r.e.Tail = long, longHead, longTail
	}
}

// fanTips are count points on polys, spreadStep apart as seen from their
// centre (closer where that would pass a half-turn), centred on angle
// mid; nil where a ray misses.
func fanTips(polys [][]render.Point, mid float64, count int) []*render.Point {
	c := centre(polys)
	step := min(spreadStep, spreadMax/float64(count-1))
	tips := make([]*render.Point, count)
	for k := range tips {
		a := mid + (float64(k)-float64(count-1)/2)*step
		out := render.Point{c[0] + 400*math.Cos(a), c[1] + 400*math.Sin(a)}
		if tip, ok := rayHit(out, unit(sub(c, out)), polys); ok {
			tips[k] = &tip
		}
	}
	return tips
}

// crowding is how many points of line (the spline of edge e) lie within
// apartTol of other edges, a point every curveSteps-th of a segment.
func crowding(line []render.Point, e *render.Edge, all []render.Edge) int {
	others := make([][]piece, 0, len(all))
	for i := range all {
		if &all[i] != e {
			others = append(others, cut(flatten(all[i].Points)))
		}
	}
	n := 0
	for _, p := range flatten(line) {
		for _, o := range others {
			if closeTo(o, p) {
				n++
				break
			}
		}
	}
	return n
}

// throughLabel reports whether e's line touches n's label.
func throughLabel(n *render.Node, e *render.Edge) bool {
	return len(n.Lines) > 0 && n.LabelBox.Width > 0 && crossesBox(flatten(e.Points), inset(n.LabelBox, -2))
}

// sharedRun is how far, along lines[i] from its start and at most limit
// points, it keeps running within spreadApart of another of lines: the
// last such point, or 0.
func sharedRun(lines [][]render.Point, i int, limit float64) float64 {
	line := lines[i]
	run, walked := 0.0, 0.0
	for k := 1; k < len(line) && walked <= limit; k++ {
		walked += math.Hypot(line[k][0]-line[k-1][0], line[k][1]-line[k-1][1])
		for j, other := range lines {
			if j != i && polyDist(other, line[k]) < spreadApart {
				run = walked
				break
			}
		}
	}
	return min(run, limit)
}

// startAt is an edge's spline starting at the given end.
func startAt(r endRef) []render.Point {
	if r.head {
		return reversed(r.e.Points)
	}
	return r.e.Points
}

// beyond is the edge's line from dist points away from this end onwards,
// drawn outwards from the end: its first point back and the way it goes
// on from there, away.
func (r endRef) beyond(dist float64) (rest []render.Point, back, away render.Point) {
	pts := startAt(r)
	seg, t := paramAt(pts, dist)
	rest = cutFrom(pts, seg, t)
	back = rest[0]
	away = unit(sub(rest[1], rest[0]))
	if away == (render.Point{}) {
		away = unit(sub(rest[len(rest)-1], back))
	}
	return rest, back, away
}

// redrawEnd re-draws the last dist points of an edge into tip, the
// arrowhead (if any) pointing at the node's centre. It always can.
func redrawEnd(r endRef, tip render.Point, dist float64) bool {
	rest, back, away := r.beyond(dist)
	out := unit(sub(back, tip)) // from the tip outwards
	base := tip
	a := arrowAt(r.e, r.head)
	if a != nil {
		base = render.Point{tip[0] + out[0]*arrowLen, tip[1] + out[1]*arrowLen}
	}
	// At back, where a long run with another edge has just parted, a
	// short handle: a long one would carry on towards the other edge.
	k, kb := dist/3, min(dist/3, spreadClear)
	start := []render.Point{base, {base[0] + out[0]*k, base[1] + out[1]*k}, {back[0] - away[0]*kb, back[1] - away[1]*kb}, back}
	r.set(append(start, rest[1:]...), a, tip, base)
	return true
}

// set makes line, drawn from this end outwards, the edge's line, and
// the end's arrow (a, if any) point from base to tip.
func (r endRef) set(line []render.Point, a *render.Arrow, tip, base render.Point) {
	if r.head {
		line = reversed(line)
	}
	r.e.Points = line
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
