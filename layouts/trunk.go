package layouts

import (
	"fmt"
	"math"
	"slices"

	"github.com/kviz/kviz/render"
)

// Edges that look alike and go into one node (or come out of one) often
// run together for a stretch before they reach it, and drawn apart they
// are one smeared line. They are merged into a trunk instead, as a drawn
// diagram does: each runs on its own until it meets the line of another,
// then joins that line at a junction (a dot), which carries both on to
// the node as one line (render.Join). It runs after ends are spread out
// (spreadEnds), on the lines as they will be drawn.

const (
	joinNear = 6  // points: lines this close run together
	joinRun  = 16 // points a line must run on within joinNear of another to join it
	joinMin  = 32 // points: the shortest trunk, from the junction to the node
	joinLead = 12 // points along the way, past where it meets the other line, that a line joins it
)

// mergeTrunks merges the edges of each bundle: those of one look that end
// at the same node, at their heads or at their tails. Nodes go in scene
// order, heads before tails, bundles in order of their first edge, and
// within a bundle edges in scene order: the first of those that meet is
// the one the others join.
func mergeTrunks(sc *render.Scene) {
	for i := range sc.Nodes {
		id := sc.Nodes[i].ID
		for _, tail := range []bool{false, true} {
			for _, b := range bundles(sc, id, tail) {
				mergeBundle(b, tail)
			}
		}
	}
}

// bundles groups the edges ending at node id (starting there, for tail)
// by look, in scene order, leaving out edges already merged and groups of
// one.
func bundles(sc *render.Scene, id string, tail bool) [][]*render.Edge {
	var keys []string
	by := map[string][]*render.Edge{}
	for i := range sc.Edges {
		e := &sc.Edges[i]
		end, other := e.To, e.From
		if tail {
			end, other = other, end
		}
		if end != id || other == id || e.Join != nil || len(e.Points) < 4 {
			continue
		}
		k := fmt.Sprint(e.Color, e.Width, e.Dash, e.Style, e.Arrow, e.Dir, e.Relation)
		if by[k] == nil {
			keys = append(keys, k)
		}
		by[k] = append(by[k], e)
	}
	var out [][]*render.Edge
	for _, k := range keys {
		if len(by[k]) > 1 {
			out = append(out, by[k])
		}
	}
	return out
}

// strand is an edge of a bundle with its spline turned to end at the
// bundle's node.
type strand struct {
	e    *render.Edge
	pts  []render.Point // the spline, ending at the node
	flat []render.Point // pts flattened
	join int            // the junction's index in pts, or 0 for none
	onto *strand        // the strand it joins there
}

// store writes the strand back into its edge.
func (s *strand) store(tail bool) {
	s.e.Points = s.pts
	if tail {
		s.e.Points = reversed(s.pts)
	}
	if s.join > 0 {
		s.e.Join = &render.Join{Onto: render.EdgeKey(s.onto.e.From, s.onto.e.To), Index: s.join, Tail: tail}
		if tail {
			s.e.Join.Index = len(s.pts) - 1 - s.join
		}
	}
}

// mergeBundle joins each edge of a bundle to the line of an earlier one
// where it meets it, if it does.
func mergeBundle(bundle []*render.Edge, tail bool) {
	var done []*strand
	for _, e := range bundle {
		m := &strand{e: e, pts: e.Points}
		if tail {
			m.pts = reversed(e.Points)
		}
		m.flat = flatten(m.pts)
		var onto *strand
		if o, at, ok := meets(m, done); ok {
			onto = join(m, o, at)
		}
		if onto != nil {
			onto.store(tail)
			m.store(tail)
			if a := arrowAt(onto.e, !tail); a != nil {
				c := *a
				setArrow(e, !tail, &c)
			} else {
				setArrow(e, !tail, nil)
			}
		}
		done = append(done, m)
	}
	// A later junction adds a point to a line that earlier edges copied
	// from theirs on: copy again, in order, so every copy is exact.
	for _, s := range done {
		k := -1
		if s.onto != nil {
			k = slices.Index(s.onto.pts, s.pts[s.join])
		}
		if k < 0 {
			continue
		}
		s.pts = append(s.pts[:s.join+1:s.join+1], s.onto.pts[k+1:]...)
		s.store(tail)
	}
}

// meets finds where strand m first meets one of lines, coming from its
// far end: the line, and how far along m it meets it. They meet where m
// comes within joinNear of the line and stays so for joinRun points, at
// least joinMin points before the node.
func meets(m *strand, lines []*strand) (*strand, float64, bool) {
	total := lineLength(m.flat)
	walked := 0.0
	for k := 0; k < len(m.flat); k++ {
		if k > 0 {
			walked += math.Hypot(m.flat[k][0]-m.flat[k-1][0], m.flat[k][1]-m.flat[k-1][1])
		}
		if total-walked < joinMin {
			break
		}
		for _, o := range lines {
			if polyDist(o.flat, m.flat[k]) < joinNear && runsWith(m.flat[k:], o.flat) {
				return o, walked, true
			}
		}
	}
	return nil, 0, false
}

// runsWith reports whether line stays within joinNear of other for its
// first joinRun points.
func runsWith(line, other []render.Point) bool {
	walked := 0.0
	for k := 1; k < len(line) && walked < joinRun; k++ {
		walked += math.Hypot(line[k][0]-line[k-1][0], line[k][1]-line[k-1][1])
		if polyDist(other, line[k]) >= joinNear {
			return false
		}
	}
	return walked >= joinRun
}

// join re-draws strand m: its own line up to dist points from its far
// end, a short curve from there onto onto's line a lead further on (the
// first of joinLeads whose curve bends no tighter than an eased end may,
// or failing that the first), and that line from the junction to the
// node. The line joined gains a spline point at the junction (its shape
// is unchanged). It returns the strand joined, onto or, where the
// junction falls on onto's trunk, the strand that trunk belongs to; nil
// when the junction would be the node, or m's label nearer the trunk than
// m's own part.
func join(m, onto *strand, dist float64) *strand {
	seg, t := paramAt(m.pts, dist)
	own := cutAt(m.pts, seg, t)
	var best *junction
	for i, lead := range joinLeads {
		j := junctionAt(m, onto, own, dist+lead)
		if j == nil && i == 0 {
			return nil
		}
		if j == nil {
			continue
		}
		if best == nil {
			best = j
		}
		around := append(append(own[len(own)-4:len(own)-1:len(own)-1], j.link...), j.pts[j.idx+1:j.idx+4]...)
		if !hooked(fine(around, easePiece), easeTurn, easeRadius) {
			best = j
			break
		}
	}
	o := best.onto
	if best.added && o.join >= best.idx {
		o.join += 3
	}
	o.pts, o.flat = best.pts, flatten(best.pts)
	m.pts = append(append(append([]render.Point{}, own...), best.link[1:]...), best.pts[best.idx+1:]...)
	m.flat = flatten(m.pts)
	m.join, m.onto = len(own)+2, o
	return o
}

// joinLeads are the distances, in points along m past where it meets the
// other line, tried for it to join that line: the nearest first.
var joinLeads = []float64{joinLead, 2 * joinLead, 3 * joinLead}

// junction is a way for a strand to join another's line.
type junction struct {
	onto  *strand
	pts   []render.Point // onto's spline with the junction's point
	idx   int            // the junction's index in pts
	added bool           // whether pts gained that point
	link  []render.Point // the curve from m's own line to the junction, both ends included
}

// junctionAt is how strand m, its own line cut to own, joins onto's line
// (or that line's trunk's) nearest the point ahead points along m; nil
// where it cannot (see join).
func junctionAt(m, onto *strand, own []render.Point, ahead float64) *junction {
	aseg, at := paramAt(m.pts, ahead)
	p := bezierAt(m.pts, aseg, at)
	near := nearest(onto.flat, p)
	for onto.onto != nil && near >= onto.join/3*curveSteps {
		onto = onto.onto // its trunk is the other's line
		near = nearest(onto.flat, p)
	}
	if b := m.e.LabelBox; b.Width > 0 {
		// The label was placed beside m's own line: it must stay nearer
		// to m's own part than to the trunk.
		c := render.Point{b.X + b.Width/2, b.Y + b.Height/2}
		if polyDist(flatten(own), c) > polyDist(onto.flat[near:], c) {
			return nil
		}
	}
	pts, idx, added := onto.pts, 0, false
	if near > 0 {
		pts, idx, added = withPoint(onto.pts, (near-1)/curveSteps, float64((near-1)%curveSteps+1)/curveSteps)
	}
	if idx >= len(pts)-1 {
		return nil // the junction is on the node: nothing to share
	}
	trunk := pts[idx:]
	// A curve leaving m's line along its way and arriving along onto's.
	leave, j := own[len(own)-1], trunk[0]
	h := math.Hypot(j[0]-leave[0], j[1]-leave[1]) / 3
	tm, to := heading(reversed(own), -1), heading(trunk, 1)
	link := []render.Point{leave, {leave[0] + tm[0]*h, leave[1] + tm[1]*h}, {j[0] - to[0]*h, j[1] - to[1]*h}, j}
	return &junction{onto, pts, idx, added, link}
}

// nearest is the index of the point of line nearest to p.
func nearest(line []render.Point, p render.Point) int {
	best, at := math.Inf(1), 0
	for i, q := range line {
		if d := math.Hypot(q[0]-p[0], q[1]-p[1]); d < best {
			best, at = d, i
		}
	}
	return at
}

// heading is the unit direction of a spline at its start, times sign:
// towards the first point that differs from the start.
func heading(pts []render.Point, sign float64) render.Point {
	for _, p := range pts[1:] {
		if d := sub(p, pts[0]); d != (render.Point{}) {
			u := unit(d)
			return render.Point{sign * u[0], sign * u[1]}
		}
	}
	return render.Point{}
}

// withPoint is a spline with a point added at parameter t of segment seg
// (none when t is 0 or 1, where there is one already), the index of that
// point, and whether it was added.
func withPoint(pts []render.Point, seg int, t float64) ([]render.Point, int, bool) {
	switch {
	case t <= 0:
		return pts, 3 * seg, false
	case t >= 1:
		return pts, 3 * (seg + 1), false
	}
	before := cutAt(pts, seg, t)
	return append(before, cutFrom(pts, seg, t)[1:]...), len(before) - 1, true
}
