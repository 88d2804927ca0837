package layouts

import (
	"math"
	"strconv"

	"github.com/kviz/kviz/model"
	"github.com/kviz/kviz/render"
	"github.com/kviz/kviz/render/text"
)

// badgeMin is the fewest replicas that get a count: up to three, the
// stack of three copies says it.
const badgeMin = 4

// Badge geometry, in points.
var badgeText = text.Style{Size: 9, Bold: true}

const (
	badgePadX = 4
	badgeH    = 13
)

// badge is the "×N" pill of a node with more than three replicas, at the
// top-right corner of its icon stack (of its box, for other shapes), in
// the icon's colours swapped: body-coloured text on the glyph colour.
func (b *builder) badge(n *model.Node, rn *render.Node) *render.Badge {
	if n.Replicas < badgeMin {
		return nil
	}
	label := "×" + strconv.Itoa(n.Replicas)
	w := text.Width(label, badgeText) + 2*badgePadX
	stack := badgeFrame(rn)
	right, top := stack.X+stack.Width, stack.Y
	fill, ink := b.s.pal.background, b.s.pal.text
	if ic := rn.Icon; ic != nil {
		fill, ink = ic.Glyph, ic.Fill
	}
	if !render.Painted(fill) {
		fill = "#ffffff"
	}
	ink = legible(ink, fill)
	box := render.Box{X: right - w, Y: top, Width: w, Height: badgeH}
	return &render.Badge{Box: box,
		Paint: render.Paint{Fill: fill, Stroke: ink, StrokeWidth: 1},
		Text: render.Text{X: box.X + w/2, Y: box.Y + (badgeH-badgeText.Size*text.LineHeight)/2 + text.Baseline(badgeText),
			Text: label, Size: badgeText.Size, Bold: true, Anchor: render.AnchorMiddle, Color: ink}}
}

// badgeFrame is the box whose corners a node's badge may sit in: its
// icon with the stacked copies, or its box for other shapes.
func badgeFrame(n *render.Node) render.Box {
	ic := n.Icon
	switch {
	case ic == nil:
		return n.Box()
	case ic.Replicas:
		return render.Box{X: ic.Box.X, Y: ic.Box.Y - 2*render.StackOffset,
			Width: ic.Box.Width + 2*render.StackOffset, Height: ic.Box.Height + 2*render.StackOffset}
	}
	return ic.Box
}

// placeBadges moves a badge that an edge runs under (edges are drawn
// first, so the badge would hide it, an arrowhead most of all) to the
// other top corner of its frame if no edge comes within a point of it
// there. Failing that, in a drawing of curves, the node's own edge ends
// under it move round the outline until they clear it (see endsOff);
// failing that, it moves out past a bottom corner (inside, it would
// cover the icon's caption); failing that, the ends end on the badge.
func placeBadges(sc *render.Scene, curved bool) {
	for i := range sc.Nodes {
		n := &sc.Nodes[i]
		bd := n.Badge
		if bd == nil || badgeClear(sc, bd.Box) {
			continue
		}
		f := badgeFrame(n)
		w, h := bd.Box.Width, bd.Box.Height
		if moveBadge(sc, n, []render.Point{{f.X, f.Y}}) || curved && endsOff(sc, n, bd.Box) {
			continue
		}
		// Out past the bottom corners, clear of the icon's caption.
		out := []render.Point{{f.X - w + badgeOverlap, f.Y + f.Height - h}, {f.X + f.Width - badgeOverlap, f.Y + f.Height - h}}
		if !moveBadge(sc, n, out) {
			endOnBadge(sc, n)
		}
	}
}

// endOnBadge stops the ends of n's edges that run under its badge at the
// badge's border instead, as at any other part of the node's drawing.
func endOnBadge(sc *render.Scene, n *render.Node) {
	polys := append(Outlines(n), rect(n.Badge.Box))
	for i := range sc.Edges {
		e := &sc.Edges[i]
		if e.From == e.To || len(e.Points) < 4 || !crossesBox(edgeLine(e), n.Badge.Box) {
			continue
		}
		if e.To == n.ID {
			e.Points, e.Head = fitEnd(e.Points, e.Head, polys)
		}
		if e.From == n.ID {
			rev, tail := fitEnd(reversed(e.Points), e.Tail, polys)
			e.Points, e.Tail = reversed(rev), tail
		}
	}
}

// badgeClear reports whether no edge of sc comes within a point of b.
func badgeClear(sc *render.Scene, b render.Box) bool {
	for i := range sc.Edges {
		if crossesBox(edgeLine(&sc.Edges[i]), inset(b, -1)) {
			return false
		}
	}
	return true
}

// covers reports whether b overlaps a label, a node other than n or a
// group's border, or leaves the scene.
func covers(sc *render.Scene, n *render.Node, b render.Box) bool {
	if !(render.Box{Width: sc.Width, Height: sc.Height}).Contains(b, 0) {
		return true
	}
	for i := range sc.Nodes {
		o := &sc.Nodes[i]
		if len(o.Lines) > 0 && o.LabelBox.Overlaps(b, 0) || o != n && !o.Group && o.Box().Overlaps(b, 0) ||
			o.Group && o.Box().Overlaps(b, 0) && !o.Box().Contains(b, 0) {
			return true
		}
	}
	return false
}

// badgeOverlap is how far, in points, a badge moved out past a bottom
// corner still overlaps its frame.
const badgeOverlap = 6

// moveBadge moves n's badge to the first of the top-left corners at that
// no edge comes near and that overlaps no label and no other node, and
// reports whether it did.
func moveBadge(sc *render.Scene, n *render.Node, at []render.Point) bool {
	bd := n.Badge
	for _, p := range at {
		b := render.Box{X: p[0], Y: p[1], Width: bd.Box.Width, Height: bd.Box.Height}
		if badgeClear(sc, b) && !covers(sc, n, b) {
			bd.Text.X += b.X - bd.Box.X
			bd.Text.Y += b.Y - bd.Box.Y
			bd.Box = b
			return true
		}
	}
	return false
}

// crowded reports whether p lies within room points of the end at node n
// of an edge other than e.
func crowded(sc *render.Scene, n *render.Node, e *render.Edge, p render.Point, room float64) bool {
	for i := range sc.Edges {
		o := &sc.Edges[i]
		if o == e || len(o.Points) == 0 {
			continue
		}
		for _, r := range []endRef{{o, false}, {o, true}} {
			at := o.From
			if r.head {
				at = o.To
			}
			if q := r.tip(); at == n.ID && math.Hypot(q[0]-p[0], q[1]-p[1]) < room {
				return true
			}
		}
	}
	return false
}

// crossings is how many times e's line crosses the other edges' lines.
func crossings(sc *render.Scene, e *render.Edge) int {
	return crossCount(sc, e, edgeLine(e))
}

// crossCount is how many times the polyline l crosses the lines of the
// edges of sc other than e.
func crossCount(sc *render.Scene, e *render.Edge, l []render.Point) int {
	n := 0
	lb := boxOf([][]render.Point{l})
	for i := range sc.Edges {
		if o := &sc.Edges[i]; o != e {
			m := edgeLine(o)
			if !lb.Overlaps(boxOf([][]render.Point{m}), -1) {
				continue // apart: no crossing to find
			}
			for j := 1; j < len(l); j++ {
				for k := 1; k < len(m); k++ {
					if segmentsCross(l[j-1], l[j], m[k-1], m[k]) {
						n++
					}
				}
			}
		}
	}
	return n
}

// segmentsCross reports whether segments a-b and c-d cross at a point
// inside both.
func segmentsCross(a, b, c, d render.Point) bool {
	side := func(p, q, r render.Point) float64 { return (q[0]-p[0])*(r[1]-p[1]) - (q[1]-p[1])*(r[0]-p[0]) }
	return side(a, b, c)*side(a, b, d) < 0 && side(c, d, a)*side(c, d, b) < 0
}

// badgeRoom is how far, in points, an end moved off a badge keeps from
// the node's other edge ends.
const badgeRoom = 12

// badgeTurn is how far, seen from the node's centre, each try moves an
// edge end off a badge; badgeTurns how many tries each way.
const (
	badgeTurn  = 5 * math.Pi / 180
	badgeTurns = 18
)

// endsOff moves every end of n's edges that runs under the badge box b
// round n's outline, each to the nearest place (turning either way from
// where it was, as seen from n's centre) where its re-drawn last stretch
// clears b and n's label, and reports whether b is then clear. An end
// that cannot move is left as it was.
func endsOff(sc *render.Scene, n *render.Node, b render.Box) bool {
	polys := Outlines(n)
	c := centre(polys)
	grown := inset(b, -1)
	for i := range sc.Edges {
		e := &sc.Edges[i]
		for _, r := range []endRef{{e, false}, {e, true}} {
			at := e.From
			if r.head {
				at = e.To
			}
			if at != n.ID || e.From == e.To || len(e.Points) < 4 || !crossesBox(edgeLine(e), grown) {
				continue
			}
			tip := r.tip()
			a0 := math.Atan2(tip[1]-c[1], tip[0]-c[0])
			dist := min(spreadBack, lineLength(flatten(e.Points))/3)
			pts, head, tail := e.Points, e.Head, e.Tail
			before := crossings(sc, e)
			moved := false
			for k := 1; k <= badgeTurns && !moved; k++ {
				for _, sign := range []float64{1, -1} {
					a := a0 + sign*float64(k)*badgeTurn
					out := render.Point{c[0] + 400*math.Cos(a), c[1] + 400*math.Sin(a)}
					to, ok := rayHit(out, unit(sub(c, out)), polys)
					if !ok {
						continue
					}
					if crowded(sc, n, e, to, badgeRoom) {
						continue
					}
					redrawEnd(r, to, dist)
					if !crossesBox(edgeLine(e), grown) && !throughLabel(n, e) && crossings(sc, e) <= before {
						moved = true
						break
					}
					e.Points, e.Head, e.Tail = pts, head, tail
				}
			}
		}
	}
	return badgeClear(sc, b)
}
